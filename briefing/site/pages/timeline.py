"""The site-wide timeline: what is ahead, then the past; in a large briefing, a page per year or month."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

from markupsafe import Markup

from briefing.link import TimelineEntry
from briefing.site import charts, paths
from briefing.site.context import Context
from briefing.site.pages.summary import pagers
from briefing.site.dates import ACROSS, period_label, timex_value
from briefing.site.views import EntryView, Link
from briefing.timex.values import interval, parts, sort_key


def ahead_key(view: EntryView) -> tuple:
    """What comes next first: by the day a span ends ("spring 2026" before "end of 2026"), then its middle."""
    b = interval(view.value)
    if b is None:
        return (dt.date.max, dt.date.max, view.value)
    start, end = b
    return (end, start + (end - start) / 2, view.value)


def in_time(view: EntryView) -> tuple:
    return sort_key(view.value, view.mod)


def group_by_period(views: Iterable[EntryView], key: Callable[[EntryView], tuple] = in_time,
                    newest_first: bool = False) -> list[tuple[str, list[tuple[str, list[EntryView]]]]]:
    """[(year, [(month label, entries)])], entries in time order (``key``), oldest or newest first.

    Months, seasons and quarters follow their entries (spring between March and June, not after
    December as its code "SP" would sort); entries dated by the year alone come after its months.
    """
    years: dict[str, dict[str, list[EntryView]]] = {}
    for v in sorted(views, key=key, reverse=newest_first):
        years.setdefault(v.value[:4], {}).setdefault(period_label(v.value), []).append(v)
    return [(y, sorted(ms.items(), key=lambda kv: kv[0] == ACROSS)) for y, ms in years.items()]


def timeline_chart(ctx: Context, views: list[EntryView]) -> tuple[Markup, charts.YearAxis]:
    """The density of events per year (a decade like 196X counts in its first year)."""
    counts: dict[int, tuple[int, int]] = {}
    for v in views:
        b = interval(v.value)
        if b is None:
            continue
        past, ahead = counts.get(b[0].year, (0, 0))
        counts[b[0].year] = (past, ahead + 1) if v.ahead else (past + 1, ahead)
    axis = charts.year_axis(counts, ctx.c.today.year)
    chart = charts.columns(axis.columns, "Events per year, past and ahead", marker=str(ctx.c.today.year))
    return chart, axis


def timeline(ctx: Context) -> dict[str, str]:
    """The timeline; past ``listing_limit`` entries, the main page shows what is ahead, the most recent
    past and the way to a page per year (per month in a crowded year)."""
    c, page, highlights = ctx.c, paths.index_page(paths.TIMELINE), ctx.limits.highlights
    used = sorted({t for e in c.timeline for t in e.themes})
    themes = [(t, ctx.theme_names.get(t, t)) for t in used]
    today = c.today.isoformat()
    views = [ctx.entry_view(page, e) for e in c.timeline]
    ahead = sorted((v for v in views if v.ahead), key=ahead_key)
    undated = [v for v in views if not v.ahead and parts(v.value).year is None]
    past = [v for v in views if not v.ahead and parts(v.value).year is not None]
    chart, axis = timeline_chart(ctx, views)
    if not ctx.split_timeline:
        return {page: ctx.render("timeline.md.j2", page, ahead=group_by_period(ahead, ahead_key),
                                 past=group_by_period(past, newest_first=True), undated=undated, chart=chart,
                                 axis=axis, today=today, total=len(views), themes=themes, periods=[], more_ahead=0)}
    out: dict[str, str] = {}
    years: dict[str, list] = {}
    # A year's page before its months' pages; each period in its numbered pages (timeline_periods).
    for period in sorted(ctx.timeline_parts, key=lambda k: (k[:4], len(k), k)):
        year = period[:4] if period != "undated" else "undated"
        label = "Year not known" if period == "undated" else timex_value(period)
        chunks = ctx.timeline_parts[period]
        parts_ = [paths.timeline_page(period, n) for n in range(1, len(chunks) + 1)]
        month_periods = sorted(k for k in ctx.timeline_parts if k != period and period == year and k.startswith(year + "-"))
        total = sum(len(ch) for ch in chunks)
        for members, sub, pager in zip(chunks, parts_, pagers(parts_), strict=True):
            sub_views = [ctx.entry_view(sub, e) for e in members]
            months = [Link(paths.href(sub, paths.timeline_page(k)), timex_value(k).split(" ")[0]) for k in month_periods]
            out[sub] = ctx.render("timeline_period.md.j2", sub, search=False, label=label, total=total,
                                  groups=[] if period == "undated" else group_by_period(sub_views),
                                  flat=sub_views if period == "undated" else [], undated=period == "undated",
                                  months=months, themes=themes, pager=pager, index=paths.href(sub, page))
        years.setdefault(year, []).append((Link(paths.href(page, parts_[0]), "the year as a whole" if period == year
                                                and month_periods else label.split(" ")[0]), total))
    periods = sorted(years.items(), key=lambda kv: (kv[0] == "undated", kv[0]), reverse=True)
    periods = [p for p in periods if p[0] != "undated"] + [p for p in periods if p[0] == "undated"]
    out[page] = ctx.render("timeline.md.j2", page, ahead=group_by_period(ahead[:highlights], ahead_key),
                           past=group_by_period(list(reversed(past))[:highlights], newest_first=True), undated=[], chart=chart,
                           axis=axis, today=today, total=len(views), themes=themes, periods=periods,
                           more_ahead=max(0, len(ahead) - highlights))
    return out
