"""Every kind of page, in a desktop and a phone browser and with JavaScript off; screenshots of each."""

from __future__ import annotations

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (run scripts/install-browser.sh)")
from playwright.sync_api import expect  # noqa: E402

from .conftest import ARTIFACTS, KINDS, PHONE


@pytest.fixture(scope="module", autouse=True)
def _fresh_screenshots():
    for old in ARTIFACTS.glob("*.png") if ARTIFACTS.is_dir() else ():
        old.unlink()


def _kind_pages(site) -> dict[str, str]:
    """One page per kind (the richest); a kind the site lacks is reported, not skipped."""
    pages, missing = {}, []
    for kind, pattern in KINDS.items():
        found = site.pages(pattern)
        if found:
            pages[kind] = found[0]
        else:
            missing.append(kind)
    assert not missing, f"the built site has no page of kind {missing}"
    return pages


def _check_readable(page, path: str) -> None:
    h1 = page.locator("article h1").first
    expect(h1).to_be_visible()
    assert h1.inner_text().strip(), f"{path}: empty heading"
    text = page.locator("article").first.inner_text()
    assert len(text.strip()) > 80, f"{path}: almost no text ({len(text.strip())} characters)"


def test_all_pages_clean_on_desktop(open_browser, site):
    """No console error, failed request or request to another host on any page; desktop screenshots."""
    b = open_browser()
    visited = 0
    for kind, path in _kind_pages(site).items():
        page = b.goto(path)
        _check_readable(page, path)
        b.shot(f"{kind}-desktop")
        visited += 1
    # The other pages of the generated kinds too, so one bad entity or theme cannot hide.
    for pattern in ("articles/*", "themes/*", "entities/*"):
        for path in site.pages(pattern)[1:12]:
            b.goto(path)
            visited += 1
    assert visited >= len(KINDS)
    b.log.assert_clean()


def test_phone_has_no_sideways_scrolling(open_browser, site):
    b = open_browser(viewport=PHONE, phone=True)
    too_wide = {}
    for kind, path in _kind_pages(site).items():
        page = b.goto(path)
        _check_readable(page, path)
        b.shot(f"{kind}-phone")
        width = page.evaluate(
            "() => { const s = document.scrollingElement;"
            " const wide = [...document.querySelectorAll('article *')]"
            "   .filter(e => e.getBoundingClientRect().right > s.clientWidth + 1)"
            "   .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : ''));"
            " return {scroll: s.scrollWidth, client: s.clientWidth, wide}; }")
        if width["scroll"] > width["client"] + 1:
            too_wide[kind] = width
    assert not too_wide, f"pages wider than a {PHONE['width']}px phone: {too_wide}"
    b.log.assert_clean()


def test_pages_work_without_javascript(open_browser, site):
    """Text and charts show with JavaScript off (the charts are inline SVG/HTML, not drawn by script)."""
    b = open_browser(javascript=False)
    pages = _kind_pages(site)
    charts_seen = 0
    for kind in ("home", "article", "timeline", "theme", "entity", "figures"):
        path = pages[kind]
        page = b.goto(path)
        _check_readable(page, path)
        assert not page.evaluate("() => !!window.document$"), "JavaScript ran although it is off"
        charts = page.locator("article svg.bf-chart, article .bf-mix-bar")
        for i in range(charts.count()):
            chart = charts.nth(i)
            expect(chart).to_be_visible()
            box = chart.bounding_box()
            assert box and box["width"] > 50 and box["height"] > 5, f"{kind}: chart {i} is collapsed: {box}"
            charts_seen += 1
        if kind == "timeline":
            entries = page.locator("li.bf-entry")
            assert entries.count() > 0, "the timeline lists no entry"
            expect(entries.first).to_be_visible()
        b.shot(f"{kind}-nojs")
    assert charts_seen > 0, "no chart on any of home, article, timeline, theme, entity or figures pages"
    b.log.assert_clean()
