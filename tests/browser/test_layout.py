"""What a reader sees, measured in the browser: text contrast in the light and the dark scheme, and pages
that fit a phone's width."""

from __future__ import annotations

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (run scripts/install-browser.sh)")

from .conftest import KINDS, kind_pages  # noqa: E402

AA = 4.5  # WCAG 2 AA for body text; applied to all text, headings and small labels alike
PHONE_390 = {"width": 390, "height": 844}

# Every text element of the page's content (HTML text and SVG chart text) with its contrast against what is
# behind it: the colour (fill for SVG text) and every translucent background up the tree composited over the
# first opaque one, with opacity applied. Returns the failures and how many elements were measured.
CONTRAST_JS = r"""
(limit) => {
  const parse = (c) => {
    let m = c.match(/^rgba?\(([^)]+)\)$/);
    if (m) {
      const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    m = c.match(/^color\(srgb ([^)]+)\)$/);
    if (m) {
      const p = m[1].split(/[\s\/]+/).filter(Boolean).map(Number);
      return [p[0] * 255, p[1] * 255, p[2] * 255, p.length > 3 ? p[3] : 1];
    }
    if (c === "transparent" || c === "none") return [0, 0, 0, 0];
    throw new Error("unparsed colour " + c);
  };
  const over = (top, under) => {  // top composited over an opaque colour
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + under[i] * (1 - a)).concat([1]);
  };
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    let base = [255, 255, 255, 1];  // the canvas, where nothing up the tree is opaque
    if (layers.length && layers[layers.length - 1][3] >= 1) base = layers.pop();
    for (let i = layers.length - 1; i >= 0; i--) base = over(layers[i], base);
    return base;
  };
  const opacity = (el) => { let o = 1; for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity); return o; };
  const root = document.querySelector("article.md-content__inner") || document.querySelector("article");
  const out = []; let measured = 0;
  for (const el of root.querySelectorAll("*")) {
    const own = [...el.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim()).map(n => n.textContent.trim()).join(" ");
    if (!own || el.closest("title, script, style, [hidden]")) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || !el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const style = getComputedStyle(el);
    const svg = el instanceof SVGElement;
    const fg = parse(svg ? style.fill : style.color);
    fg[3] *= opacity(el);
    const bg = background(el);
    const a = lum(over(fg, bg)), b = lum(bg);
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    measured++;
    if (ratio < limit) out.push({ratio: Math.round(ratio * 100) / 100, text: own.slice(0, 40),
      element: el.tagName.toLowerCase() + (el.getAttribute("class") ? "." + el.getAttribute("class").split(" ")[0] : ""),
      color: svg ? style.fill : style.color, background: "rgb(" + bg.slice(0, 3).map(Math.round).join(",") + ")"});
  }
  return {failures: out, measured};
}
"""

CONTRAST_KINDS = ("home", "articles", "article", "entities", "entity", "themes", "theme", "timeline", "figures",
                  "glossary", "sources", "about", "about-the-data")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_content_text_meets_wcag_aa_contrast(open_browser, site, scheme):
    """All text in the content, muted text, PAST/SCHEDULED badges, chips and chart labels included."""
    b = open_browser(scheme=scheme)
    want = {"light": "default", "dark": "slate"}[scheme]
    failures, measured, seen = {}, 0, set()
    for kind in CONTRAST_KINDS:
        for path in site.pages(KINDS[kind])[:3]:
            page = b.goto(path)
            assert page.evaluate("document.body.dataset.mdColorScheme") == want, f"{path} is not in the {want} scheme"
            found = page.evaluate(CONTRAST_JS, AA)
            measured += found["measured"]
            seen |= set(page.evaluate("[...document.querySelectorAll('article .bf-kind, article svg text, "
                                      "article .bf-muted, article .bf-chart-legend')].map(e => e.tagName + "
                                      "'.' + (e.getAttribute('class') || '').split(' ')[0])"))
            if found["failures"]:
                failures[path] = found["failures"][:5]
        if kind in ("timeline", "figures"):
            b.shot(f"{kind}-{scheme}")
    assert measured > 500, f"only {measured} text elements measured"
    # the kinds of text the issue names were there to be measured
    assert {"SPAN.bf-kind", "text.bf-chart-axis", "SPAN.bf-muted", "P.bf-chart-legend"} <= seen, seen
    assert not failures, f"text under {AA}:1 in the {scheme} scheme: {failures}"
    b.log.assert_clean()


# The page kinds a reader meets on a phone; "timeline/*" is a year or month page of a split timeline.
PHONE_KINDS = {"home": KINDS["home"], "article": KINDS["article"], "timeline": KINDS["timeline"],
               "timeline period": "timeline/*", "themes": KINDS["themes"], "theme": KINDS["theme"],
               "entities": KINDS["entities"], "entity": KINDS["entity"], "figures": KINDS["figures"],
               "glossary": KINDS["glossary"], "sources": KINDS["sources"]}


def test_no_page_scrolls_sideways_at_390px(open_disk, disk_site):
    b = open_disk(viewport=PHONE_390, phone=True)
    too_wide, charts = {}, 0
    for kind, pattern in PHONE_KINDS.items():
        pages = kind_pages(disk_site.root, pattern)
        assert pages, f"the site has no {kind} page ({pattern})"
        page = b.goto(pages[0])
        width = page.evaluate(
            "() => { const s = document.scrollingElement;"
            " const wide = [...document.querySelectorAll('body *')]"
            "   .filter(e => e.getBoundingClientRect().right > s.clientWidth + 1)"
            "   .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.getAttribute('class') ? '.' + e.getAttribute('class').split(' ')[0] : ''));"
            " return {scroll: s.scrollWidth, client: s.clientWidth, wide}; }")
        if width["scroll"] > width["client"]:
            too_wide[kind] = width
        # every chart fits the column, and its text stays inside the chart
        for chart in page.locator("article svg.bf-chart").all():
            charts += 1
            fit = chart.evaluate(
                "svg => { const box = svg.getBoundingClientRect(); const col = svg.closest('article').getBoundingClientRect();"
                " const out = [...svg.querySelectorAll('text')].filter(t => { const r = t.getBoundingClientRect();"
                "   return r.width && (r.left < box.left - 1 || r.right > box.right + 1); }).map(t => t.textContent);"
                " return {right: box.right, col: col.right, out}; }")
            assert fit["right"] <= fit["col"] + 1 and not fit["out"], f"{kind}: a chart does not fit: {fit}"
        b.shot(f"{kind.replace(' ', '-')}-390")
    assert charts > 0, "no chart on any of the pages"
    assert not too_wide, f"pages wider than a {PHONE_390['width']} px screen: {too_wide}"
    b.log.assert_clean()

