"""Pages of bounded size on a real build of BBC articles: entity and theme pages open with a summary and
split their full lists into numbered pages; sources and timeline periods split too; every link resolves.

The limits are lowered (as a corpus hundreds of times larger would need at the defaults) so that a
hundred-odd articles exercise every split. Most articles get a sidecar date, spread over two years, so
the pages have months to show; every fifth stays undated, as the BBC corpus is.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from html import unescape
from pathlib import Path

import pytest

from briefing.bench.scale import PAGE_LIMIT_KB, corpus_files, default_corpus, flat_name, largest_pages, sample
from briefing.site.markup import page_title
from conftest import build_in_process, make_project
from sitecheck import broken_links

ARTICLES = 90
LIMITS = {"small_corpus": 2, "listing_limit": 30, "page_items": 12, "highlights": 8, "workers": 2}
ITEMS = re.compile(r'<li>.*?<a class="bf-to" href="([^"]+)"')


@pytest.fixture(scope="module")
def bbc_site(tmp_path_factory) -> Path:
    from mkdocs.commands.build import build
    corpus = default_corpus()
    if not corpus.is_dir():
        pytest.skip(f"the BBC corpus is read from {corpus}")
    project = make_project(tmp_path_factory.mktemp("bounded"), options=LIMITS)
    for i, f in enumerate(sample(corpus_files(corpus), ARTICLES)):
        name = flat_name(f, corpus)
        (project / "seeds" / name).write_bytes(f.read_bytes())
        if i % 5:
            (project / "seeds" / (name[:-4] + ".yml")).write_text(
                f"date: {2004 + i % 2}-{i % 12 + 1:02d}-{i % 27 + 1:02d}\n", encoding="utf-8")
    return build_in_process(project)


def _load(site: Path, name: str) -> list[dict]:
    return json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8"))


def _html(site: Path, url: str) -> str:
    """A page by its export URL (``entities/x.html``) or a section by its folder (``sources``)."""
    url = url.split("#")[0]
    return (site / (url if url.endswith(".html") else f"{url}/index.html")).read_text(encoding="utf-8")


def _numbered(site: Path, url: str, n: int) -> Path:
    """Page ``n`` of the list behind ``url``: entities/x.html -> entities/x/page-2.html."""
    return site / url.split("#")[0].removesuffix(".html") / f"page-{n}.html"


def _section_pages(site: Path, section: str) -> list[Path]:
    return sorted(p for p in (site / section).rglob("*.html") if p != site / section / "index.html")


def _after(html: str, anchor: str) -> str:
    """The page's content from the heading ``#anchor`` on (to the end of the article)."""
    return html[html.index(f'id="{anchor}"'):html.index("</article>")]


def test_links_resolve_and_no_page_is_large(bbc_site):
    assert broken_links(bbc_site) == []
    (size, name), = largest_pages(bbc_site)
    print(f"largest page: {size / 1024:.0f} KB ({name})")
    assert size <= PAGE_LIMIT_KB * 1024, name


def test_entity_pages_open_with_a_summary_and_split_every_mention_into_pages(bbc_site):
    site, per_page = bbc_site, LIMITS["page_items"]
    dates = {a["source"]: a["date"] for a in _load(site, "articles")}
    split = 0
    for e in _load(site, "entities"):
        if "#" in e["url"]:
            continue  # listed on an index page, no page of its own
        html = _html(site, e["url"])
        summary = _after(html, "summary")
        sources = Counter(m["source"] for m in e["mentions"])
        dated = sorted(d for s, d in dates.items() if s in sources and d)
        if dated:
            first = summary[summary.index("First seen"):].split("</dd>")[0]
            assert _human(dated[0]) in first, (e["id"], dated[0], first)
        if len(set(dated)) > 1:
            assert "Last seen" in summary and _human(dated[-1]) in summary.split("Last seen")[1].split("</dd>")[0]
        top_count = sources.most_common(1)[0][1]
        says = summary[summary.index("Says most"):]
        assert re.search(rf'<span class="bf-muted">{top_count} mentions?\b', says), e["id"]
        # every mention, once, over the numbered pages; none holds more than page_items
        pages = -(-len(e["mentions"]) // per_page)
        found = ITEMS.findall(_after(html, "mentions"))
        assert 0 < len(found) <= per_page
        for n in range(2, pages + 4):
            more = _numbered(site, e["url"], n)
            if not more.is_file():
                break
            part = more.read_text(encoding="utf-8")
            items = ITEMS.findall(part[part.index("<h1"):part.index("</article>")])
            assert 0 < len(items) <= per_page, (e["id"], n)
            found += items
            split += 1
        assert len(found) == len(e["mentions"]), e["id"]
        if len(e["mentions"]) > per_page:
            assert 'class="bf-pager"' in html and 'id="top-mentions"' in html
    assert split, "no entity has enough mentions to need a second page"


def _human(iso: str) -> str:
    from briefing.site.dates import timex_value

    return timex_value(iso)


def test_theme_pages_open_with_a_summary_and_split_their_paragraphs(bbc_site):
    site, per_page = bbc_site, LIMITS["page_items"]
    split = 0
    for t in _load(site, "themes"):
        html = _html(site, t["url"])
        assert 'id="summary"' in html
        n = len(t["paragraphs"])
        found = len(re.findall(r"score \d\.\d\d", _after(html, "paragraphs")))
        k = 2
        while _numbered(site, t["url"], k).is_file():
            part = _numbered(site, t["url"], k).read_text(encoding="utf-8")
            shown = len(re.findall(r"score \d\.\d\d", part[part.index("<h1"):]))
            assert 0 < shown <= per_page
            found += shown
            k += 1
            split += 1
        assert found == n, t["id"]
        if n > per_page:
            assert 'id="top-paragraphs"' in html and "Says most" in html
    assert split, "no theme has enough paragraphs to need a second page"


def test_sources_are_split_by_month_behind_an_index(bbc_site):
    site = bbc_site
    index = _html(site, "sources")
    months = re.findall(r'<a href="([^"]+)">[^<]+</a> <span class="bf-muted">\((\d+)\)', index)
    assert len(months) > 1 and "<table" not in index.split("Files with a problem")[0]
    listed = Counter()
    for page in _section_pages(site, "sources"):
        rows = re.findall(r"<tr><td><a href=\"[^\"]+\">.*?<code>([^<]+)</code>", page.read_text(encoding="utf-8"))
        assert 0 < len(rows) <= LIMITS["listing_limit"], page
        listed.update(rows)
    articles = {a["source"] for a in _load(site, "articles")}
    assert set(listed) == articles and set(listed.values()) == {1}
    assert sum(int(n) for _, n in months) == len(articles)


def test_timeline_pages_hold_at_most_a_listing_each(bbc_site):
    site = bbc_site
    seen = Counter()
    for page in _section_pages(site, "timeline"):
        ids = re.findall(r'<li class="bf-entry [^"]*" id="ev-([^"]+)"', page.read_text(encoding="utf-8"))
        assert len(ids) <= LIMITS["listing_limit"], page
        seen.update(ids)
    timeline = _load(site, "timeline")
    assert len(timeline) > LIMITS["listing_limit"]
    assert set(seen) == {e["id"] for e in timeline} and set(seen.values()) == {1}


def test_search_index_holds_leads_and_the_own_pages_of_entities_and_themes(bbc_site):
    """Past ``small_corpus`` articles the index holds each article's title and lead, not its whole text, and
    no annotation's words; every entity and theme with a page of its own is there by name, boosted by the
    number of articles it is in."""
    index = json.loads((bbc_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    words = lambda d: len(re.sub(r"<[^>]+>", " ", d["text"]).split())  # noqa: E731
    leads = [d for loc, d in docs.items() if loc.startswith("articles/") and "/" not in loc[9:] and "#" not in loc
             and loc != "articles/index.html"]
    assert len(leads) >= ARTICLES - 5
    assert sum(map(words, leads)) / len(leads) <= 60, "an article's entry holds more than its lead"
    for d in (d for d in index["docs"] if d["location"].startswith(("articles/", "entities/", "themes/"))):
        for leak in ("Theme mix", "date unknown", "title inferred", "mentions in"):
            assert leak not in d["text"], f"{d['location']}: {leak!r} is in the search index"
    for e in _load(bbc_site, "entities"):
        if "#" in e["url"]:
            continue  # no page of its own: its line on the entities index
        entry = docs.get(e["url"])
        assert entry is not None and unescape(entry["title"]) == unescape(page_title(e["name"])), \
            f"{e['name']}: not in the search index by name"
        assert entry.get("boost", 1) > 1
    for t in _load(bbc_site, "themes"):
        assert unescape(docs.get(t["url"].split("#")[0], {}).get("title", "")) == unescape(page_title(t["name"])), t["name"]
