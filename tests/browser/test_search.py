"""Search in the browser: the index is not downloaded with a page, only once the reader turns to the search
box; then a name finds its entity's own page first."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (run scripts/install-browser.sh)")
from playwright.sync_api import expect  # noqa: E402

from .conftest import KINDS, same_page  # noqa: E402

RESULTS = ".md-search-result__item > a.md-search-result__link"


def _most_named(site) -> tuple[str, str]:
    """(name, own page) of the entity with a page of its own that the most articles name."""
    paged = [e for e in site.data("entities") if "#" not in e["url"]]
    assert paged, "no entity has a page of its own"
    best = max(paged, key=lambda e: (len({m["source"] for m in e["mentions"]}), -len(e["name"]), e["name"]))
    return best["name"], best["url"]


def test_search_loads_on_focus_and_finds_an_entity_page_by_name(desk):
    name, target = _most_named(desk.site)
    fetched: list[str] = []
    desk.context.on("request", lambda r: "search_index" in r.url and fetched.append(r.url))
    page = desk.goto(desk.site.kind_url("article"))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert not fetched, f"the search index was downloaded with the page, before any search: {fetched}"

    page.locator(".md-search__input").first.click()
    page.keyboard.type(name, delay=20)
    results = page.locator(RESULTS)
    expect(results.first).to_be_visible()
    assert fetched, "searching did not load the search index"
    hrefs = [h.split("#")[0].split("?")[0] for h in results.evaluate_all("as => as.map(a => a.href)")]
    assert desk.site.url(target) == hrefs[0], f"searching {name!r} listed {hrefs[:5]} before {target}"
    results.first.click()
    expect(page).to_have_url(same_page(target))
    expect(page.locator("article h1").first).to_have_text(name)
    desk.log.assert_clean()


# In a page of the site: the same queries asked of Material's own worker, which builds the index from the
# documents, and of the worker the pages name, which loads the index built with the site; every reply whole
# (pages, scores, highlighted titles and texts, matched terms, suggestions).
_BOTH = """async ({stock, queries, given}) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const index = given || await (await fetch(new URL("search/search_index.json", new URL(config.base, location.href)))).json();
  const ask = (worker, message) => new Promise(done => {
    worker.onmessage = e => done(e.data); worker.postMessage(message);
  });
  const run = async (url, config) => {
    const worker = new Worker(url);
    await ask(worker, {type: 0, data: {config, docs: index.docs, options: {suggest: true}}});
    const out = [];
    for (const q of queries) out.push(JSON.stringify((await ask(worker, {type: 2, data: q})).data));
    worker.terminate();
    return out;
  };
  const {index: prebuilt, ...plain} = index.config;
  return {
    prebuilt: !!prebuilt, worker: config.search,
    own: await run(new URL(stock, new URL(config.base, location.href)), plain),
    ours: await run(new URL(config.search, location.href), index.config),
  };
}"""


def _queries(site) -> list[str]:
    """Thirty queries of every kind a reader types: names (whole, lower case, first word with a wildcard),
    title words, common and stop words, a phrase, an excluded word, a field, a number, non-ASCII."""
    entities = sorted(site.data("entities"), key=lambda e: (-len(e["mentions"]), e["name"]))
    names = [e["name"] for e in entities[:8]]
    words = sorted({w for a in site.data("articles") for w in re.findall(r"[A-Za-z]{6,}", a["title"])})[:6]
    queries = names + [n.lower() for n in names[:3]] + [n.split()[0][:4] + "*" for n in names[:2]] + words
    queries += ["the", "a", "and government", f'"{names[0]}"', f"{words[0]} -{words[1]}", f"title:{words[2]}",
                "2024", "£", "café", "minister", "x"]
    return queries[:30]


def _stock_worker(site) -> str:
    workers = site.root / "assets" / "javascripts" / "workers"
    stock = [p.name for p in workers.glob("search.*.min.js") if ".prebuilt." not in p.name]
    assert len(stock) == 1, f"expected Material's worker beside ours: {sorted(p.name for p in workers.iterdir())}"
    return f"assets/javascripts/workers/{stock[0]}"


def test_prebuilt_index_answers_as_materials_own_build(desk):
    site = desk.site
    queries = _queries(site)
    assert len(queries) == 30
    page = desk.goto(KINDS["home"])
    page.set_default_timeout(60_000)
    got = page.evaluate(_BOTH, {"stock": _stock_worker(site), "queries": queries, "given": None})
    assert got["prebuilt"], "search_index.json has no prebuilt index (config.index)"
    assert ".prebuilt." in got["worker"], f"the pages name {got['worker']}, not the prebuilt index's worker"
    found = sum(1 for r in got["own"] if '"items":[]' not in r)
    assert found >= 20, f"only {found} of {len(queries)} queries found anything: the comparison proves little"
    differ = [(q, own[:300], ours[:300]) for q, own, ours in zip(queries, got["own"], got["ours"]) if own != ours]
    assert not differ, f"{len(differ)} of {len(queries)} queries answered differently, e.g. {differ[0]}"
    desk.log.assert_clean()


# Text where a tokenizer written twice could cut differently: nested, self-closing and unclosed tags, an
# astral character before a slash, JavaScript's spaces (NBSP, U+2028, BOM) and Python's that JavaScript does not
# count as space (U+001C, U+0085), hyphens, upper case with special lower-casing, stop words, numbers.
_TRICKY = [
    {"location": "a.html", "title": "Über-Straße ΣΟΦΟΣ İstanbul", "text": "<p>Alpha <b>beta <i>gamma</i></b> delta</p><br/>eps"},
    {"location": "a.html#s", "title": "Section one", "text": "x\u00a0y\u2028z\ufeffw a\u001cb c\u0085d tab\there"},
    {"location": "b.html", "title": "Emoji \U0001f600/ slash", "text": "<a href='x'>link</a> \U0001f600</p> after > gt < lt"},
    {"location": "c.html", "title": "The and of", "text": "2024 2,024 £5 café naïve — dash–en the the the", "boost": 3},
    {"location": "d.html", "title": "Tagged", "text": "", "tags": ["Alpha", "Beta Gamma"]},
    {"location": "e.html", "title": "Unclosed <b>bold", "text": "<p>never closed <i>italic</p> tail text"},
]


def test_prebuilt_index_tokenizes_as_material(desk):
    from briefing.searchindex import prebuild, stop_words

    site = desk.site
    worker = (site.root / _stock_worker(site)).read_text(encoding="utf-8")
    config = {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
              "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}
    data = {"config": config, "docs": _TRICKY}
    given = {"config": dict(config, index=prebuild(data, stop_words(worker))), "docs": _TRICKY}
    words = sorted({w for d in _TRICKY for v in (d["title"], d["text"], *d.get("tags", [])) for w in v.split()})
    queries = [*words, *(w.lower() for w in words), "über", "straße", "σοφος", "i̇stanbul", "x", "y", "z", "w", "b",
               "a\u001cb", "c\u0085d", "\U0001f600", "gamma", "bold", "italic", "href", "2,024", "-alpha beta"]
    page = desk.goto(KINDS["home"])
    got = page.evaluate(_BOTH, {"stock": _stock_worker(site), "queries": queries, "given": given})
    differ = [(q, own[:400], ours[:400]) for q, own, ours in zip(queries, got["own"], got["ours"]) if own != ours]
    assert not differ, f"{len(differ)} of {len(queries)} queries answered differently, e.g. {differ[0]}"
    assert sum(1 for r in got["own"] if '"items":[]' not in r) >= len(queries) // 2
    desk.log.assert_clean()
