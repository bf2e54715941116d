"""Calmer annotation in a real browser: the reader's switch that hides an article's marks, remembered."""

from __future__ import annotations

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (run scripts/install-browser.sh)")
from playwright.sync_api import expect  # noqa: E402

from .conftest import KINDS  # noqa: E402

# What a mark looks like: its underline, background or dotted line (each differs once hidden).
STYLE = """sel => { const el = document.querySelector(sel); if (!el) return null; const s = getComputedStyle(el);
  return [s.borderBottomStyle, s.borderBottomWidth, s.backgroundColor, s.textDecorationLine].join(' '); }"""


def _marked_article(site) -> str:
    for path in site.pages(KINDS["article"]):
        html = site.html(path)
        if 'class="bf-ent' in html and 'class="bf-date"' in html and 'class="bf-fig"' in html:
            return path
    raise AssertionError("no article page has an entity link, a date and a figure")


def test_switch_hides_annotations_and_is_remembered(desk, site):
    path = _marked_article(site)
    page = desk.goto(path)
    marks = ["article a.bf-ent", "article time.bf-date", "article mark.bf-fig"]
    shown = {sel: page.evaluate(STYLE, sel) for sel in marks}
    assert all(shown.values()), shown
    switch = page.locator("article button.bf-annot-switch")
    expect(switch).to_have_count(1)
    expect(switch).to_have_attribute("aria-pressed", "false")
    expect(switch).to_have_text("Hide annotations")

    switch.click()
    expect(switch).to_have_attribute("aria-pressed", "true")
    hidden = {sel: page.evaluate(STYLE, sel) for sel in marks}
    assert all(hidden[sel] != shown[sel] for sel in marks), (shown, hidden)
    assert page.locator("article .bf-block .bf-chips").first.is_hidden() or not page.locator("article .bf-block .bf-chips").count()
    # still a link to its page: hiding the marks takes nothing away
    assert page.locator("article a.bf-ent").first.get_attribute("href")
    desk.shot("article-annotations-hidden")

    page.reload()
    expect(page.locator("article button.bf-annot-switch")).to_have_attribute("aria-pressed", "true")
    assert {sel: page.evaluate(STYLE, sel) for sel in marks} == hidden
    # another article, reached afresh, reads plain too
    other = next(p for p in site.pages(KINDS["article"]) if p != path)
    desk.goto(other)
    assert page.evaluate("document.documentElement.classList.contains('bf-plain')")

    desk.goto(path)
    page.locator("article button.bf-annot-switch").click()
    page.reload()
    expect(page.locator("article button.bf-annot-switch")).to_have_attribute("aria-pressed", "false")
    assert {sel: page.evaluate(STYLE, sel) for sel in marks} == shown
    desk.log.assert_clean()


def test_no_switch_where_there_is_no_article_text(desk, site):
    page = desk.goto(KINDS["timeline"])
    expect(page.locator("article h1").first).to_be_visible()
    expect(page.locator("button.bf-annot-switch")).to_have_count(0)
    desk.log.assert_clean()
