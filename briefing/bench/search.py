"""Search benchmark: what a reader's browser downloads and waits for, on a briefing of the BBC corpus.

It builds the site (or takes a built one), serves it on 127.0.0.1 as a web host would (no compression, so
the byte counts are the worst case) and drives Debian's Chromium through Playwright:

- the search index, raw and gzipped;
- the bytes a first view of a page downloads (a fresh browser, nothing cached), for each page kind;
- the time from opening a page to the first search result, typing a name into the search box at once;
- ranking: for names of entities with their own page (spread from the most named to the least), whether
  that page is the first result, asked of Material's own search worker with the site's own index.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefing.bench import scale

CHROMIUM = os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1280, "height": 900}
FIRST_VIEW_LIMIT = 1.5e6  # bytes, the brief's budget for the first view of any page
FIRST_RESULT_LIMIT = 1.5  # seconds from opening a page to the first result
RESULT = ".md-search-result__item > a.md-search-result__link"

# Runs in a page of the site: Material's search worker, set up with the site's index as the theme sets it
# up, then asked each name; returns the first results' pages (no #fragment) per name.
_RANK = """async (names) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base, location.href);
  const index = await (await fetch(new URL("search/search_index.json", base))).json();
  const worker = new Worker(new URL(config.search, location.href));
  const ask = message => new Promise(done => { worker.onmessage = e => done(e.data); worker.postMessage(message); });
  await ask({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  const out = [];
  for (const name of names) {
    const reply = await ask({type: 2, data: name});
    out.push(reply.data.items.slice(0, 5).map(group => group[0].location.split("#")[0]));
  }
  worker.terminate();
  return out;
}"""


@dataclass
class Report:
    index_raw: int = 0
    index_gz: int = 0
    docs: int = 0
    postings: int = 0  # bytes of the prebuilt postings (config.index) within index_raw
    first_view: dict[str, tuple[int, bool]] = field(default_factory=dict)  # page -> (bytes, index fetched)
    heaviest: list[tuple[int, str]] = field(default_factory=list)  # the largest first view's largest downloads
    first_result: list[tuple[str, str, float, float]] = field(default_factory=list)  # page, query, open->result, focus->result
    ranked: list[tuple[str, str, list[str]]] = field(default_factory=list)  # name, own page, first results


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # a page left mid-download is no error
        pass


@contextmanager
def serving(site: Path, server: _Server | None = None) -> Iterator[str]:
    """``site`` served on 127.0.0.1 for the duration; yields the base URL."""
    server = server or _Server(("127.0.0.1", 0), _Quiet)
    server.RequestHandlerClass = functools.partial(_Quiet, directory=str(site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build_site(project: Path, files: list[Path], corpus: Path, site_url: str) -> Path:
    """Our site of ``files`` in ``project`` (its caches kept between runs), built for ``site_url``."""
    scale.make_ours(project, files, corpus)
    have = {p.name for p in (project / "seeds").iterdir()}
    for name in have - {scale.flat_name(f, corpus) for f in files}:
        (project / "seeds" / name).unlink()  # a smaller --limit than last time
    config_path = project / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["site_url"] = site_url  # as published: Material's instant navigation and sitemap need it
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    run = scale.build(project, "search")
    if not run.ok:
        raise RuntimeError(f"the build failed:\n{run.error}")
    return project / "site"


def sample_pages(site: Path) -> dict[str, str]:
    """One page of each kind a reader lands on: the richest (largest) of its kind, and the largest page."""
    def largest(folder: str) -> str | None:
        found = [p for p in (site / folder).glob("*.html") if p.name != "index.html"]
        return max(found, key=lambda p: (p.stat().st_size, p.name)).relative_to(site).as_posix() if found else None
    pages = {"home": "index.html", "articles": "articles/index.html", "article": largest("articles"),
             "entity": largest("entities"), "theme": largest("themes"), "timeline": "timeline/index.html",
             "largest": scale.largest_pages(site)[0][1]}
    return {k: v for k, v in pages.items() if v and (site / v).is_file()}


def own_pages(site: Path, n: int) -> list[tuple[str, str]]:
    """(name, own page) of ``n`` entities with a page of their own, spread evenly from the most named."""
    rows = json.loads((site / "data" / "entities.json").read_text(encoding="utf-8"))
    paged = [(-len({m["source"] for m in e["mentions"]}), e["name"], e["url"]) for e in rows if "#" not in e["url"]]
    paged.sort()
    return [(name, url) for _, name, url in scale.sample(paged, n)]


def first_view(browser, url: str) -> tuple[int, bool, list[tuple[int, str]]]:
    """Bytes a fresh browser downloads to show ``url`` (and what it fetches within a second after), whether
    the search index was among them, and the downloads largest first."""
    context = browser.new_context(viewport=DESKTOP)
    got: list[tuple[int, str]] = []
    index = []

    def done(request) -> None:
        sizes = request.sizes()
        got.append((sizes["responseBodySize"] + sizes["responseHeadersSize"], request.url.split("/", 3)[-1]))
        if "search_index" in request.url:
            index.append(request.url)

    context.on("requestfinished", done)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    context.close()
    return sum(n for n, _ in got), bool(index), sorted(got, reverse=True)


# Runs in each page before its own scripts: the page's clock (0 at navigation start) when the search box is
# first pressed and when the first result is first drawn visible. Timed in the page because Playwright's wait
# for an element polls at up to 500 ms apart, which once added half a second to a result already shown.
_CLOCK = """(() => {
  const RESULT = %s;
  window.__bfClick = null; window.__bfResult = null;
  addEventListener("pointerdown", () => { if (window.__bfClick === null) __bfClick = performance.now(); }, true);
  const seen = () => {
    const el = document.querySelector(RESULT);
    if (window.__bfResult === null && el && el.getClientRects().length && el.checkVisibility()) __bfResult = performance.now();
  };
  new MutationObserver(() => { seen(); requestAnimationFrame(seen); })
    .observe(document, {subtree: true, childList: true, attributes: true});
})();"""


def first_result(browser, url: str, query: str) -> tuple[float, float]:
    """Seconds from opening ``url`` (navigation start) to the first result for ``query`` typed at once, and
    from the press on the search box to that result, by the page's own clock."""
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(_CLOCK % json.dumps(RESULT))
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url, wait_until="load")
    page.locator(".md-search__input").first.click()
    page.keyboard.type(query)
    page.locator(RESULT).first.wait_for(state="visible")
    page.wait_for_function("window.__bfResult !== null")
    click, result = page.evaluate("[window.__bfClick, window.__bfResult]")
    context.close()
    return result / 1000, (result - click) / 1000


def measure(site: Path, base: str, names: int = 50, ranking: bool = True, repeat: int = 1) -> Report:
    from playwright.sync_api import sync_playwright

    index = (site / "search" / "search_index.json").read_bytes()
    data = json.loads(index)
    postings = data["config"].get("index")
    report = Report(len(index), len(gzip.compress(index, 6)), len(data["docs"]),
                    len(json.dumps(postings, separators=(",", ":"))) if postings else 0)
    pages = sample_pages(site)
    sampled = own_pages(site, names)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for kind, path in pages.items():
                total, index_fetched, downloads = first_view(browser, base + path)
                report.first_view[f"{kind} ({path})"] = (total, index_fetched)
                if total >= max((n for n, _ in report.first_view.values()), default=0):
                    report.heaviest = downloads[:4]
            query = sampled[0][0] if sampled else "the"
            for _ in range(repeat):  # one page after another, so that a passing load spreads over all
                for kind in ("home", "article", "entity"):
                    if kind in pages:
                        report.first_result.append((pages[kind], query, *first_result(browser, base + pages[kind], query)))
            if ranking and sampled:
                context = browser.new_context(viewport=DESKTOP)
                page = context.new_page()
                page.set_default_timeout(300_000)
                page.goto(base + "index.html")
                firsts = page.evaluate(_RANK, [name for name, _ in sampled])
                context.close()
                report.ranked = [(name, url, got) for (name, url), got in zip(sampled, firsts, strict=True)]
        finally:
            browser.close()
    return report


def format_report(r: Report) -> str:
    kb = lambda n: f"{n / 1024:,.0f} KB"  # noqa: E731
    lines = [f"search index: {kb(r.index_raw)} raw, {kb(r.index_gz)} gzipped, {r.docs:,} entries"
             + (f" ({kb(r.postings)} of it the prebuilt postings)" if r.postings else " (no prebuilt postings)"), "",
             "first view of a page (fresh browser, uncompressed):"]
    for page, (n, index) in r.first_view.items():
        lines.append(f"  {kb(n):>9}  {page}{'  (search index fetched)' if index else ''}")
    worst = max((n for n, _ in r.first_view.values()), default=0)
    lines.append("  the largest: " + ", ".join(f"{name} {kb(n)}" for n, name in r.heaviest))
    lines.append(f"{'ok  ' if worst <= FIRST_VIEW_LIMIT else 'MISS'} largest first view: {worst / 1e6:.2f} MB "
                 f"(target <= {FIRST_VIEW_LIMIT / 1e6:g} MB)")
    lines += ["", "first search result (open the page, type at once):"]
    for page, query, total, after in r.first_result:
        lines.append(f"  {total:5.2f} s from opening, {after:5.2f} s from the click  {page}  ({query!r})")
    if r.first_result:
        worst_t = max(t for _, _, t, _ in r.first_result)
        median = statistics.median(t for _, _, t, _ in r.first_result)
        lines.append(f"{'ok  ' if worst_t <= FIRST_RESULT_LIMIT else 'MISS'} first result: median {median:.2f} s, "
                     f"slowest {worst_t:.2f} s (target <= {FIRST_RESULT_LIMIT:g} s)")
    if r.ranked:
        first = sum(1 for _, url, got in r.ranked if got[:1] == [url])
        top5 = sum(1 for _, url, got in r.ranked if url in got)
        lines += ["", f"entity names whose own page is the first result: {first}/{len(r.ranked)} "
                  f"(in the first five: {top5}/{len(r.ranked)})"]
        for name, url, got in r.ranked:
            if got[:1] != [url]:
                lines.append(f"  {name!r}: {got[0] if got else 'no result'} before {url}"
                             + ("" if url in got else " (not in the first five)"))
    return "\n".join(lines)


def main(site: Path | None = None, limit: int | None = None, keep: Path | None = None, corpus: Path | None = None,
         ranking: bool = True, repeat: int = 1) -> int:
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        print(f"chromium is not installed at {CHROMIUM} (run scripts/install-browser.sh)", file=sys.stderr)
        return 2
    say = lambda s: print(s, file=sys.stderr, flush=True)  # noqa: E731
    server = _Server(("127.0.0.1", 0), _Quiet)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    workdir = None
    if site is None:
        corpus = corpus or scale.default_corpus()
        files = scale.corpus_files(corpus)
        files = scale.sample(files, limit) if limit else files
        workdir = keep or Path(tempfile.mkdtemp(prefix="briefing-search-"))
        say(f"building {len(files)} articles in {workdir} (a cold build takes minutes)")
        t0 = time.perf_counter()
        site = build_site(workdir, files, corpus, base)
        say(f"built in {time.perf_counter() - t0:.0f}s")
    try:
        with serving(site, server) as url:
            say(f"measuring {site} at {url}")
            print(format_report(measure(site, url, ranking=ranking, repeat=repeat)))
    finally:
        if workdir is not None and keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0
