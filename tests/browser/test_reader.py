"""A reader's path through the site in a real browser: links, search, timeline sources, tooltips."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (run scripts/install-browser.sh)")
from playwright.sync_api import expect  # noqa: E402

from .conftest import ARTIFACTS, KINDS, same_page


def _html(site, path: str) -> str:
    return site.html(path)


def _site_path(page, href: str) -> str:
    """A link's target as a site-relative path without fragment (``articles/x.html``)."""
    return urlsplit(urljoin(page.url, href)).path.lstrip("/")


def _click(desk, link) -> str:
    """Click a real link; returns the site path it leads to, once the browser is there with its title."""
    href = link.get_attribute("href")
    target = _site_path(desk.page, href)
    link.click()
    expect(desk.page).to_have_url(same_page(target))
    # Instant navigation changes the URL before it swaps the content in: wait for the new page's own
    # canonical link (present when the site is built with site_url, as instant navigation needs).
    desk.page.wait_for_function("() => { const c = document.querySelector('link[rel=canonical]');"
                                " return !c || new URL(c.href).pathname === location.pathname; }")
    h1 = desk.page.locator("article h1").first
    expect(h1).to_be_visible()
    # Material's <title> is "<page title> - <site name>": the tab says where the reader is.
    expect(desk.page).to_have_title(re.compile(re.escape(h1.inner_text().strip()[:40])))
    return target


def test_home_article_entity_timeline_theme_and_back(desk, site):
    page = desk.goto("")
    expect(page).to_have_title(re.compile("Briefing"))

    # home -> an article that has entity links (chosen from the built files, clicked in the browser)
    candidates = page.locator("a.bf-article-title")
    assert candidates.count() > 0, "home lists no article (a.bf-article-title)"
    article_link = None
    for i in range(candidates.count()):
        link = candidates.nth(i)
        if re.search(r'class="[^"]*\bbf-ent\b', _html(site, _site_path(page, link.get_attribute("href")))):
            article_link = link
            break
    assert article_link is not None, "no article on the home page links any entity (a.bf-ent)"
    article = _click(desk, article_link)
    assert re.fullmatch(r"articles/[^/]+\.html", article), article

    # article -> entity; the entity page links back to the article it was reached from
    entity = _click(desk, page.locator("article a.bf-ent").first)
    assert re.fullmatch(r"entities/[^/]+\.html", entity), entity
    back_links = [_site_path(page, h) for h in page.locator("article a").evaluate_all("as => as.map(a => a.getAttribute('href'))")]
    assert article in back_links, f"{entity} does not link back to {article}"

    # entity -> timeline through the header tab a reader sees
    timeline = _click(desk, page.locator(".md-tabs a", has_text=re.compile(r"^\s*Timeline\s*$")).first)
    assert timeline == KINDS["timeline"]

    # timeline -> a theme chip on an entry
    chip = page.locator("li.bf-entry a.bf-chip[href*='themes/']").first
    assert chip.count() == 1, "no timeline entry carries a theme chip"
    chip_label = chip.inner_text().strip()
    theme = _click(desk, chip)
    assert re.fullmatch(r"themes/[^/]+\.html", theme), theme
    assert page.locator("article h1").first.inner_text().strip() == chip_label

    # and back, page by page
    for expected in (timeline, entity, article, ""):
        page.go_back()
        expect(page).to_have_url(same_page(expected))
        expect(page.locator("article h1").first).to_be_visible()
    desk.log.assert_clean()


def test_search_finds_an_entity(desk, site):
    entities = site.data("entities")
    assert entities, "data/entities.json is empty: nothing to search for"
    # A reader searches a name they saw: the most mentioned person (else entity) with a multi-word name.
    named = [e for e in entities if " " in e["name"].strip()] or entities
    entity = max(named, key=lambda e: (e["type"] == "person", len(e["mentions"]), e["name"]))
    page = desk.goto("")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    expect(box).to_be_visible()
    box.press_sequentially(entity["name"], delay=20)
    # One result per page (the page's sections fold under it); the entity's page should be near the top.
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    expect(results.first).to_be_visible()
    hrefs = [_site_path(page, h) for h in results.evaluate_all("as => as.map(a => a.getAttribute('href'))")]
    want = entity["url"].lstrip("/").split("#")[0]
    assert want in hrefs[:5], f"searching {entity['name']!r} did not list {want} among the first results: {hrefs[:8]}"
    results.nth(hrefs.index(want)).click()
    expect(page).to_have_url(same_page(want))
    expect(page.locator("article h1").first).to_have_text(entity["name"])
    desk.log.assert_clean()


def test_timeline_source_lands_on_highlighted_sentence(desk, site):
    page = desk.goto(KINDS["timeline"])
    link = page.locator("li.bf-entry ul.bf-sources a[href*='#']").first
    assert link.count() == 1, "no timeline entry links to a sentence of its source"
    href = link.get_attribute("href")
    anchor = urlsplit(href).fragment
    assert re.fullmatch(r"p\d+-s\d+", anchor), f"source link {href} does not point at a sentence id"
    target = _site_path(page, href)
    link.click()
    expect(page).to_have_url(re.compile(re.escape(target) + "#" + re.escape(anchor) + "$"))
    sentence = page.locator(f"[id='{anchor}']")
    expect(sentence).to_be_visible()
    expect(sentence).to_be_in_viewport()
    state = sentence.evaluate(
        "el => ({target: el.matches(':target'), bg: getComputedStyle(el).backgroundColor,"
        " outline: getComputedStyle(el).outlineStyle})")
    assert state["target"], f"#{anchor} is not the :target after following the timeline link"
    assert state["bg"] not in ("transparent", "rgba(0, 0, 0, 0)"), f"#{anchor} is not highlighted: {state}"
    desk.log.assert_clean()


def _first_with(site, kinds: list[str], needle: str) -> str | None:
    for kind in kinds:
        for path in site.pages(KINDS[kind]):
            if needle in _html(site, path):
                return path
    return None


def test_tooltips_on_acronyms_and_dates(desk, site):
    """content.tooltips is on: hovering an acronym or a date shows Material's tooltip with its title."""
    kinds = ["article", "glossary", "timeline", "home"]
    for selector, needle, name in (("abbr[title]", "<abbr", "abbr"), ("time.bf-date[title]", 'class="bf-date"', "date")):
        path = _first_with(site, kinds, needle)
        assert path, f"no page has a {selector}"
        page = desk.goto(path)
        # A handle, not a locator: Material moves the title into its tooltip, so "[title]" would
        # re-resolve to the next element.
        element = page.locator(f"article {selector}").first.element_handle()
        title = (element.get_attribute("title") or "").strip()
        assert title, f"{selector} on {path} has an empty title"
        element.scroll_into_view_if_needed()
        page.wait_for_timeout(200)  # let Material see the scroll before the pointer arrives
        element.hover()
        tip = page.locator(".md-tooltip2--active")
        expect(tip).to_be_visible()
        expect(tip).to_contain_text(title)
        # The tooltip sits next to what was hovered, inside the window (both measured in one frame;
        # Material places it on the next animation frames, so look a few times).
        for _ in range(10):
            box, tbox = element.evaluate(
                "el => [el, document.querySelector('.md-tooltip2--active .md-tooltip2__inner')]"
                ".map(e => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; })")
            near = abs((tbox["y"] + tbox["h"] / 2) - (box["y"] + box["h"] / 2)) < 80
            if near:
                break
            page.wait_for_timeout(100)
        assert near, f"tooltip {tbox} is not next to the {name} {box}"
        assert 0 <= tbox["x"] and tbox["x"] + tbox["w"] <= page.viewport_size["width"], tbox
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"tooltip-{name}.png"))
        page.mouse.move(0, 0)
        expect(tip).to_be_hidden()
    desk.log.assert_clean()


def test_every_page_kind_within_two_clicks_of_home(desk, site):
    def visible_links(path: str) -> set[str]:
        page = desk.goto(path, wait_until="domcontentloaded")
        hrefs = page.locator("a").evaluate_all(  # SVG chart links carry xlink:href, read through .href.baseVal
            "as => as.filter(a => a.checkVisibility())"
            ".map(a => a.href && a.href.baseVal !== undefined ? a.href.baseVal : a.getAttribute('href'))"
            ".filter(h => h).map(h => new URL(h, location.href).href)")
        return {urlsplit(h).path.lstrip("/") for h in hrefs if urlsplit(h).hostname == "127.0.0.1"}

    def unreached(reach: set[str]) -> list[str]:
        out = []
        for kind, pattern in KINDS.items():
            tail = r"(?!index\.html$)[^/]+\.html$" if pattern.endswith("*") else "$"
            regex = re.compile(re.escape(pattern.rstrip("*")) + tail)
            if not any(regex.match(p) for p in reach):
                out.append(kind)
        return out

    one = visible_links("")
    reach = {""} | one
    for path in sorted(one):
        if not unreached(reach):
            break
        if path.endswith(".html"):  # a page (not a data file or asset)
            reach |= visible_links(path)
    missing = unreached(reach)
    assert not missing, f"not reachable within two clicks of home: {missing}"
    desk.log.assert_clean()


def test_chart_links_navigate_instantly(desk, site):
    """A link inside an SVG chart (an entity's co-occurrence graph) goes where it says, through Material's
    instant navigation (the window survives: no full reload) and without a page error."""
    if not site.instant():
        pytest.skip(f"the site at {site.root} was not built for {site.base} (site_url): no instant navigation")
    path = next((p for p in site.pages(KINDS["entity"]) if "<svg" in _html(site, p) and "xlink:href" in _html(site, p)), None)
    assert path, "no entity page has a chart with links"
    page = desk.goto(path)
    node = page.locator("article svg.bf-chart a").first
    href = node.evaluate("a => a.href.baseVal")
    target = _site_path(page, href)
    page.evaluate("window.__sameWindow = true")
    node.locator("circle").click()
    expect(page).to_have_url(same_page(target))
    expect(page.locator("article h1").first).to_be_visible()
    assert page.evaluate("window.__sameWindow === true"), "the chart link reloaded the page (no instant navigation)"
    # and the page reached by instant navigation works the same: its own chart links too
    page.go_back()
    expect(page).to_have_url(same_page(path))
    desk.log.assert_clean()
