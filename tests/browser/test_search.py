"""Search in the browser: the index is not downloaded with a page, only once the reader turns to the search
box; then a name finds its entity's own page first."""

from __future__ import annotations

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (run scripts/install-browser.sh)")
from playwright.sync_api import expect  # noqa: E402

from .conftest import same_page  # noqa: E402

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
