"""The built site opened from disk (file://), as a reader opens a downloaded or unzipped folder: the tabs
lead to pages (not directory listings), links between pages work, and search finds words of an article."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (run scripts/install-browser.sh)")
from playwright.sync_api import expect  # noqa: E402

from .conftest import KINDS  # noqa: E402


def _at(b, path: str) -> None:
    """The browser shows the page ``path`` (site-relative) with its heading: a page, not a folder listing."""
    expect(b.page).to_have_url(re.compile(re.escape(b.site.url(path)) + r"(\?[^#]*)?(#.*)?$"))
    expect(b.page.locator("article h1").first).to_be_visible()


def test_tabs_and_article_links_work_from_disk(open_disk):
    b = open_disk()
    page = b.goto(KINDS["home"])
    page.locator(".md-tabs a", has_text=re.compile(r"^\s*Articles\s*$")).first.click()
    _at(b, KINDS["articles"])
    assert page.locator("article a.bf-article-title").count() > 0, "the Articles tab lists no article"

    link = page.locator("article a.bf-article-title").first
    title = link.inner_text().strip()
    link.click()
    assert re.fullmatch(r"articles/[^/]+\.html", b.path()), b.path()
    _at(b, b.path())
    expect(page.locator("article h1").first).to_have_text(title)
    # our script runs from disk too (there Material's document$ never emits): the annotations switch is there
    expect(page.locator(".bf-annot-switch")).to_have_count(1)

    # From the article (one folder down) to an entity and on to the timeline tab: relative links hold.
    page.locator("article a.bf-ent").first.click()
    assert re.fullmatch(r"entities/[^/]+\.html", b.path()), b.path()
    _at(b, b.path())
    page.locator(".md-tabs a", has_text=re.compile(r"^\s*Timeline\s*$")).first.click()
    _at(b, KINDS["timeline"])
    b.log.assert_clean()


def test_every_tab_opens_a_page_from_disk(open_disk):
    b = open_disk()
    page = b.goto(KINDS["home"])
    tabs = page.locator(".md-tabs a.md-tabs__link")
    hrefs = tabs.evaluate_all("as => as.map(a => a.href)")
    assert len(hrefs) >= 8, hrefs
    for href in hrefs:
        assert href.startswith(b.site.base) and href.endswith(".html"), f"a tab leads to {href}, not a page file"
        page.goto(href)
        expect(page.locator("article h1").first).to_be_visible()
    b.log.assert_clean()


def _a_word_of(site) -> tuple[str, str]:
    """(word, article page): the longest word of the first article's title that no other title has."""
    articles = site.data("articles")
    assert articles, "data/articles.json is empty"
    titles = [set(re.findall(r"[a-z]{5,}", a["title"].lower())) for a in articles]
    for a, words in zip(articles, titles):
        others = set().union(*(t for t in titles if t is not words))
        own = sorted(words - others, key=lambda w: (-len(w), w))
        if own:
            return own[0], a["url"].split("#")[0]
    pytest.fail("no article title has a word of its own to search for")


def test_search_works_from_disk(open_disk, disk_site):
    # From disk too, the worker is the one that loads the postings built with the site (search_index.js).
    assert '"index":{"format":' in (disk_site.root / "search" / "search_index.js").read_text(encoding="utf-8")
    assert "search.prebuilt." in (disk_site.root / KINDS["articles"]).read_text(encoding="utf-8")
    word, target = _a_word_of(disk_site)
    b = open_disk()
    page = b.goto(KINDS["articles"])
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    expect(box).to_be_visible()
    box.press_sequentially(word, delay=20)
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    expect(results.first).to_be_visible()
    hrefs = [h.split("#")[0].split("?")[0] for h in results.evaluate_all("as => as.map(a => a.href)")]
    assert b.site.url(target) in hrefs, f"searching {word!r} from disk did not list {target}: {hrefs[:8]}"
    results.nth(hrefs.index(b.site.url(target))).click()
    _at(b, target)
    b.log.assert_clean()
