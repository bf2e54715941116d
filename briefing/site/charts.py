"""Charts rendered at build time as self-contained SVG (no script, no CDN), each with a text alternative."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from briefing.text import plural

PALETTE = ("#3f6ad8", "#d8643f", "#3fa66a", "#a63fd8", "#d8b23f", "#3fb8d8", "#d83f8a", "#7a7a7a")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    href: str | None = None
    title: str | None = None
    shown: str | None = None  # the value as printed beside the bar ("8.7 trillion JPY"); default value+unit


def _svg(width: int, height: int, title: str, body: Markup) -> Markup:
    # data-search-exclude: Material's search skips the element, so axis labels do not pollute the index.
    # The wrapper scrolls sideways on a narrow phone instead of the page (the chart keeps a readable size).
    return Markup(
        '<div class="bf-chart-wrap"><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-label="{t}" class="bf-chart" preserveAspectRatio="xMinYMin meet" data-search-exclude>'
        '<title>{t}</title>{b}</svg></div>'
    ).format(w=width, h=height, t=title, b=body)


def _link(href: str | None, body: Markup) -> Markup:
    """An SVG link. ``xlink:href``, not ``href``: Material's instant navigation rewrites every ``[href]``
    element's ``.href`` property, which an SVG <a> only has as a read-only SVGAnimatedString (a page error).
    Browsers follow ``xlink:href`` natively; briefing.js routes the click through instant navigation."""
    return Markup(f'<a xlink:href="{escape(href)}">{body}</a>') if href else body


def _html_link(href: str | None, body: Markup) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, body) if href else body


def columns(counts: Sequence[tuple[str, int, int]], title: str, width: int = 640, height: int = 140,
            marker: str | None = None) -> Markup:
    """Vertical columns for (label, past count, ahead count) per period, stacked; ``marker`` labels 'today'.

    An empty label makes an empty, unlabelled column: a visible gap (after an "earlier" bucket).
    """
    if not counts:
        return Markup("")
    top = max(p + a for _, p, a in counts) or 1
    n = len(counts)
    plot_h = height - 30
    col_w = min(48.0, max(2.0, (width - 20) / n))  # a few fat columns read as a bar chart of nothing
    step = -(-n // 12)  # about a dozen axis labels at most, so they never overlap
    parts = []
    for i, (label, past, ahead) in enumerate(counts):
        x = 10 + i * col_w
        hp = plot_h * past / top
        ha = plot_h * ahead / top
        if not label:
            continue
        tip = f"{label}: {past} past, {ahead} ahead" if ahead else f"{label}: {past}"
        parts.append(Markup(
            '<g><title>{tip}</title><rect x="{x:.1f}" y="{yp:.1f}" width="{w:.1f}" height="{hp:.1f}" fill="{cp}"/>'
            '<rect x="{x:.1f}" y="{ya:.1f}" width="{w:.1f}" height="{ha:.1f}" fill="{ca}"/></g>'
        ).format(tip=tip, x=x, yp=plot_h - hp, w=max(1.0, col_w - 2), hp=hp, cp=PALETTE[0],
                 ya=plot_h - hp - ha, ha=ha, ca=PALETTE[1]))
        if i % step == 0 or not label[:1].isdigit() or label == marker:
            parts.append(Markup('<text x="{x:.1f}" y="{y}" class="bf-chart-axis">{l}</text>').format(
                x=x, y=height - 8, l=label))
        if marker and label == marker:
            parts.append(Markup('<line x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{h}" class="bf-chart-today"/>').format(
                x=x + col_w / 2, h=plot_h))
    return _svg(width, height, title, Markup("").join(parts))


def mix(shares: Sequence[tuple[str, float, str | None]], title: str) -> Markup:
    """A single stacked bar of shares (label, share 0..1, href) as HTML/CSS, readable without script."""
    if not shares:
        return Markup("")
    segs = []
    for i, (label, share, href) in enumerate(shares):
        style = f"width:{share * 100:.1f}%;background:{PALETTE[i % len(PALETTE)]}"
        inner = Markup('<span class="bf-mix-seg" style="{}" title="{}: {:.0f}%"></span>').format(style, label, share * 100)
        segs.append(_html_link(href, inner))
    legend = Markup(", ").join(Markup("{} {:.0f}%").format(label, share * 100) for label, share, _ in shares)
    return Markup('<div class="bf-mix" data-search-exclude role="img" aria-label="{t}: {l}"><div class="bf-mix-bar">{s}</div>'
                  '<p class="bf-mix-legend">{t}: {l}</p></div>').format(t=title, l=legend, s=Markup("").join(segs))


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def network(center: str, others: Sequence[tuple[str, int, str | None]], title: str, size: int = 360) -> Markup:
    """A star graph: the entity in the middle, co-occurring entities around it, edge width by count."""
    import math

    if not others:
        return Markup("")
    cx = cy = size / 2
    r = size / 2 - 60
    top = max(c for _, c, _ in others) or 1
    # f-strings with escape(), not Markup.format: one graph per entity page, ten nodes each, adds up.
    parts = []
    nodes = []
    for i, (label, count, href) in enumerate(others):
        a = 2 * math.pi * i / len(others) - math.pi / 2
        x, y = cx + r * math.cos(a), cy + r * math.sin(a)
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#999" '
                     f'stroke-width="{1 + 4 * count / top:.1f}"/>')
        name, shared = escape(_clip(label, 24)), escape(plural(count, "shared paragraph"))
        node = Markup(f'<g><circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{PALETTE[1]}"/><text x="{x:.1f}" '
                      f'y="{y + (16 if y >= cy else -9):.1f}" text-anchor="middle" class="bf-chart-label">{name}</text>'
                      f'<title>{name}: {shared}</title></g>')
        nodes.append(_link(href, node))
    centre = (f'<circle cx="{cx}" cy="{cy}" r="8" fill="{PALETTE[0]}"/><text x="{cx}" y="{cy - 14}" '
              f'text-anchor="middle" class="bf-chart-label bf-chart-centre">{escape(_clip(center, 28))}</text>')
    return _svg(size, size, title, Markup("".join(parts)) + Markup("").join(nodes) + Markup(centre))


def split_bars(sections: Sequence[tuple[str, Sequence[Bar], bool]], title: str, unit: str = "",
               width: int = 640) -> Markup:
    """Horizontal bars in labelled sections on one scale: (heading, bars, outlined). The figures page puts
    what was spent in solid bars and what is promised ("2% of GDP by 2027") in outlined ones below it."""
    sections = [(h, items, o) for h, items, o in sections if items]
    if not sections:
        return Markup("")
    row, label_w, pad = 22, 210, 8
    top = max(abs(i.value) for _, items, _ in sections for i in items) or 1.0
    parts = []
    y = pad
    for heading, items, outlined in sections:
        parts.append(Markup('<text x="4" y="{:.1f}" class="bf-chart-label bf-chart-section">{}</text>').format(
            y + row * 0.68, heading))
        y += row
        for item in items:
            w = max(1.0, (width - label_w - 70) * abs(item.value) / top)
            style = (Markup('fill="none" stroke="{}" stroke-width="2" stroke-dasharray="5 3"').format(PALETTE[1])
                     if outlined else Markup('fill="{}"').format(PALETTE[0]))
            body = Markup(
                '<text x="{lx}" y="{ty:.1f}" text-anchor="end" class="bf-chart-label">{label}</text>'
                '<rect x="{x}" y="{y:.1f}" width="{w:.1f}" height="{h}" {style}><title>{tip}</title></rect>'
                '<text x="{vx:.1f}" y="{ty:.1f}" class="bf-chart-value">{value}</text>'
            ).format(lx=label_w - 6, ty=y + row * 0.68, label=_clip(item.label, 32), x=label_w, y=y + 3,
                     w=w, h=row - 6, style=style, tip=item.title or f"{item.label}: {item.value:g}{unit}",
                     vx=label_w + w + 4, value=item.shown or f"{item.value:g}{unit}")
            parts.append(_link(item.href, body))
            y += row
    return _svg(width, int(y + pad), title, Markup("").join(parts))


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
