"""Charts rendered at build time as self-contained SVG (no script, no CDN), each with a text alternative."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from briefing.text import plural

# Colours are CSS classes (docs/assets/briefing.css), each one of Material's palette variables, so the charts
# follow the light and dark scheme; nothing here names a colour.
SERIES = 8  # mix segments cycle through .bf-series-0 … -7

# Sizes in SVG user units. A chart is drawn at 100% of the column's width (capped in CSS), so a 390 px phone
# shows a 480-unit chart at about 0.7: text of 14 units reads at about 10 px there and 16 px on a desktop.
FONT = 14
WIDTH = 480
_CHAR = 0.6 * FONT  # the average width of a character, for fitting labels (a little generous for digits)


def text_width(label: str) -> float:
    """The estimated drawn width of a label: enough to keep labels apart and inside the chart."""
    return len(label) * _CHAR


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    href: str | None = None
    title: str | None = None
    shown: str | None = None  # the value as printed beside the bar ("8.7 trillion JPY"); default value+unit


def _svg(width: int, height: int, title: str, body: Markup, kind: str) -> Markup:
    # data-search-exclude: Material's search skips the element, so axis labels do not pollute the index.
    # width 100% with a viewBox (height follows): the chart shrinks to a phone's width instead of widening the page.
    return Markup(
        '<div class="bf-chart-wrap"><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-label="{t}" class="bf-chart bf-chart-{k}" font-size="{f}" preserveAspectRatio="xMinYMin meet" data-search-exclude>'
        '<title>{t}</title>{b}</svg></div>'
    ).format(w=width, h=height, t=title, b=body, k=kind, f=FONT)


def _link(href: str | None, body: Markup) -> Markup:
    """An SVG link. ``xlink:href``, not ``href``: Material's instant navigation rewrites every ``[href]``
    element's ``.href`` property, which an SVG <a> only has as a read-only SVGAnimatedString (a page error).
    Browsers follow ``xlink:href`` natively; briefing.js routes the click through instant navigation."""
    return Markup(f'<a xlink:href="{escape(href)}">{body}</a>') if href else body


def _html_link(href: str | None, body: Markup) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, body) if href else body


def _axis_labels(centres: Sequence[tuple[float, str]], width: float, first: Sequence[int]) -> dict[int, tuple[float, str]]:
    """Which column labels to draw, and where: the columns in ``first`` (today, "earlier") before the rest,
    left to right, each only where it keeps clear of those already placed and inside the chart."""
    placed: dict[int, tuple[float, str]] = {}
    spans: list[tuple[float, float]] = []
    order = [*first, *[i for i in range(len(centres)) if i not in first]]
    for i in order:
        x, label = centres[i]
        w = text_width(label)
        left = min(max(x - w / 2, 2.0), width - 2 - w)  # centred under its column, pulled inside the edges
        if left < 0 or any(left < b + _CHAR and left + w + _CHAR > a for a, b in spans):
            continue
        spans.append((left, left + w))
        placed[i] = (left, label)
    return placed


def columns(counts: Sequence[tuple[str, int, int]], title: str, width: int = WIDTH, height: int = 150,
            marker: str | None = None) -> Markup:
    """Vertical columns for (label, past count, ahead count) per period, stacked; ``marker`` labels 'today'.

    An empty label makes an empty, unlabelled column: a visible gap (after an "earlier" bucket).
    """
    if not counts:
        return Markup("")
    top = max(p + a for _, p, a in counts) or 1
    n = len(counts)
    plot_h = height - FONT - 14
    col_w = min(48.0, max(2.0, (width - 20) / n))  # a few fat columns read as a bar chart of nothing
    centres = [(10 + i * col_w + col_w / 2, label) for i, (label, _, _) in enumerate(counts)]
    first = [i for i, (label, _, _) in enumerate(counts) if label and (label == marker or not label[:1].isdigit())]
    labels = _axis_labels(centres, width, first)
    parts = []
    for i, (label, past, ahead) in enumerate(counts):
        x = 10 + i * col_w
        hp = plot_h * past / top
        ha = plot_h * ahead / top
        if not label:
            continue
        tip = f"{label}: {past} past, {ahead} ahead" if ahead else f"{label}: {past}"
        parts.append(Markup(
            '<g><title>{tip}</title><rect x="{x:.1f}" y="{yp:.1f}" width="{w:.1f}" height="{hp:.1f}" class="bf-fill-past"/>'
            '<rect x="{x:.1f}" y="{ya:.1f}" width="{w:.1f}" height="{ha:.1f}" class="bf-fill-ahead"/></g>'
        ).format(tip=tip, x=x, yp=plot_h - hp, w=max(1.0, col_w - 2), hp=hp, ya=plot_h - hp - ha, ha=ha))
        if i in labels:
            parts.append(Markup('<text x="{x:.1f}" y="{y}" class="bf-chart-axis">{l}</text>').format(
                x=labels[i][0], y=height - 6, l=label))
        if marker and label == marker:
            parts.append(Markup('<line x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{h}" class="bf-chart-today"/>').format(
                x=x + col_w / 2, h=plot_h))
    return _svg(width, height, title, Markup("").join(parts), "columns")


def mix(shares: Sequence[tuple[str, float, str | None]], title: str) -> Markup:
    """A single stacked bar of shares (label, share 0..1, href) as HTML/CSS, readable without script."""
    if not shares:
        return Markup("")
    segs = []
    for i, (label, share, href) in enumerate(shares):
        inner = Markup('<span class="bf-mix-seg bf-series-{}" style="width:{:.1f}%" title="{}: {:.0f}%"></span>').format(
            i % SERIES, share * 100, label, share * 100)
        segs.append(_html_link(href, inner))
    legend = Markup(", ").join(Markup("{} {:.0f}%").format(label, share * 100) for label, share, _ in shares)
    # The legend is kept out of the search index on its own: Material's search parser matches elements by tag
    # name, so the inner div's end also ends the outer div's exclusion.
    return Markup('<div class="bf-mix" data-search-exclude role="img" aria-label="{t}: {l}"><div class="bf-mix-bar">{s}</div>'
                  '<p class="bf-mix-legend" data-search-exclude>{t}: {l}</p></div>').format(t=title, l=legend, s=Markup("").join(segs))


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def network(center: str, others: Sequence[tuple[str, int, str | None]], title: str, size: int = 360) -> Markup:
    """A star graph: the entity in the middle, co-occurring entities around it, edge width by count."""
    import math

    if not others:
        return Markup("")
    cx = cy = size / 2
    r = size / 2 - 2.5 * FONT
    top = max(c for _, c, _ in others) or 1
    fit = int((size - 8) / 2 / _CHAR)  # a label centred on a node at the edge still fits half the chart
    # f-strings with escape(), not Markup.format: one graph per entity page, ten nodes each, adds up.
    parts = []
    nodes = []
    for i, (label, count, href) in enumerate(others):
        a = 2 * math.pi * i / len(others) - math.pi / 2
        x, y = cx + r * math.cos(a), cy + r * math.sin(a)
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" class="bf-edge" '
                     f'stroke-width="{1 + 4 * count / top:.1f}"/>')
        shown = _clip(label, fit)
        half = text_width(shown) / 2
        tx = min(max(x, half + 4), size - half - 4)  # the whole label inside the chart
        name, shared = escape(shown), escape(plural(count, "shared paragraph"))
        node = Markup(f'<g><circle cx="{x:.1f}" cy="{y:.1f}" r="5" class="bf-node"/><text x="{tx:.1f}" '
                      f'y="{y + (FONT + 4 if y >= cy else -9):.1f}" text-anchor="middle" class="bf-chart-label">{name}</text>'
                      f'<title>{escape(label)}: {shared}</title></g>')
        nodes.append(_link(href, node))
    centre = (f'<circle cx="{cx}" cy="{cy}" r="8" class="bf-node-centre"/><text x="{cx}" y="{cy - 14}" '
              f'text-anchor="middle" class="bf-chart-label bf-chart-centre">{escape(_clip(center, fit * 2))}</text>')
    return _svg(size, size, title, Markup("".join(parts)) + Markup("").join(nodes) + Markup(centre), "network")


def split_bars(sections: Sequence[tuple[str, Sequence[Bar], bool]], title: str, unit: str = "",
               width: int = WIDTH) -> Markup:
    """Horizontal bars in labelled sections on one scale: (heading, bars, outlined). The figures page puts
    what was spent in solid bars and what is promised ("2% of GDP by 2027") in outlined ones below it.

    Each bar has its label on a line above it, across the chart's whole width, and its value to its right:
    labels beside the bars left a phone too little room for either."""
    sections = [(h, items, o) for h, items, o in sections if items]
    if not sections:
        return Markup("")
    line, bar, pad = FONT + 6, FONT, 8
    top = max(abs(i.value) for _, items, _ in sections for i in items) or 1.0
    shown = {id(i): i.shown or f"{i.value:g}{unit}" for _, items, _ in sections for i in items}
    room = width - 2 * pad - max(text_width(v) for v in shown.values()) - 6  # the longest bar leaves room for its value
    fit = int((width - 2 * pad) / _CHAR)
    parts = []
    y = pad
    for heading, items, outlined in sections:
        parts.append(Markup('<text x="{x}" y="{y:.1f}" class="bf-chart-label bf-chart-section">{h}</text>').format(
            x=pad, y=y + FONT, h=_clip(heading, fit)))
        y += line + 4
        for item in items:
            w = max(1.0, room * abs(item.value) / top)
            body = Markup(
                '<text x="{x}" y="{ty:.1f}" class="bf-chart-label">{label}</text>'
                '<rect x="{x}" y="{by:.1f}" width="{w:.1f}" height="{h}" class="{cls}"><title>{tip}</title></rect>'
                '<text x="{vx:.1f}" y="{vy:.1f}" class="bf-chart-value">{value}</text>'
            ).format(x=pad, ty=y + FONT, label=_clip(item.label, fit), by=y + line, w=w, h=bar,
                     cls="bf-outline-ahead" if outlined else "bf-fill-past",
                     tip=item.title or f"{item.label}: {item.value:g}{unit}",
                     vx=pad + w + 6, vy=y + line + bar - 3, value=shown[id(item)])
            parts.append(_link(item.href, body))
            y += line + bar + 8
    return _svg(width, int(y + pad), title, Markup("").join(parts), "bars")


# ---- year axes --------------------------------------------------------------------------

NEAR_YEARS = 30  # year charts run continuously over today ± this; older or later years share one column


@dataclass(frozen=True)
class YearAxis:
    """Columns (label, past, ahead) for a year chart, and what its "earlier"/"later" columns hold."""

    columns: list[tuple[str, int, int]]
    earlier: tuple[int, int] | None = None  # (first year on the axis, entries before it)
    later: tuple[int, int] | None = None  # (last year on the axis, entries after it)


def year_axis(counts: dict[int, tuple[int, int]], today_year: int) -> YearAxis:
    """A continuous year axis (gaps between busy years show) that far-off years cannot stretch:
    1960 in a briefing about 2026 goes into an "earlier" column at the left, with a gap after it."""
    if not counts:
        return YearAxis([])
    near = [y for y in counts if abs(y - today_year) <= NEAR_YEARS]
    lo, hi = (min(near), max(near)) if near else (today_year, today_year)
    far_past = [counts[y] for y in counts if y < lo]
    far_ahead = [counts[y] for y in counts if y > hi]
    cols = [(str(y), *counts.get(y, (0, 0))) for y in range(lo, hi + 1)] if near else []
    earlier = later = None
    if far_past:
        earlier = (lo, sum(p + a for p, a in far_past))
        cols = [("earlier", sum(p for p, _ in far_past), sum(a for _, a in far_past)), ("", 0, 0)] + cols
    if far_ahead:
        later = (hi, sum(p + a for p, a in far_ahead))
        cols = cols + [("", 0, 0), ("later", sum(p for p, _ in far_ahead), sum(a for _, a in far_ahead))]
    return YearAxis(cols, earlier, later)
