"""The summary that opens an entity's or a theme's page, and the numbered pages of its full list.

A page of a large briefing says what matters first: mentions over time, first and last seen, who
appears alongside and the articles that say most; the full list follows in pages of
``Limits.page_items`` so no page grows with the corpus.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from markupsafe import Markup

from briefing.site import charts, paths
from briefing.site.context import Context
from briefing.site.dates import timex_value
from briefing.site.views import Link, Pager, Summary

MONTHS_SHOWN = 48  # past this span the chart counts years


def per_period(dates: Sequence[dt.date]) -> tuple[list[tuple[str, int, int]], list[tuple[str, int]]]:
    """Chart columns (label, count, 0) over a continuous span of months (of years past MONTHS_SHOWN), and the
    non-empty periods in words, newest first."""
    if not dates:
        return [], []
    lo, hi = min(dates), max(dates)
    months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    if months <= MONTHS_SHOWN:
        counts = Counter(f"{d:%Y-%m}" for d in dates)
        keys = [f"{lo.year + (lo.month - 1 + i) // 12:04d}-{(lo.month - 1 + i) % 12 + 1:02d}" for i in range(months)]
    else:
        counts = Counter(f"{d.year:04d}" for d in dates)
        keys = [f"{y:04d}" for y in range(lo.year, hi.year + 1)]
    columns = [(k, counts[k], 0) for k in keys]
    words = [(timex_value(k), counts[k]) for k in reversed(keys) if counts[k]]
    return columns, words


def summary(ctx: Context, page: str, name: str, counts: Counter, alongside: Sequence[tuple[Link, int]],
            noun: str = "mention") -> Summary:
    """``counts``: article source -> how many of the subject's mentions (or paragraphs) it holds."""
    docs = [ctx.c.by_source[s] for s in counts]
    dated = [d for d in docs if d.article.date]
    dates = [d.article.date for d in dated for _ in range(counts[d.article.source])]
    columns, words = per_period(dates)
    chart = (charts.columns(columns, f"{noun.capitalize()}s of {name} by month of their article")
             if len(columns) > 1 else Markup(""))
    by_date = sorted(dated, key=lambda d: (d.article.date, d.article.source))
    top = sorted(counts.items(), key=lambda kv: -kv[1])[:5]  # stable: newest article first among equals
    return Summary(
        chart=chart, per_period=tuple(words),
        first=ctx.article_link(page, by_date[0].article.source) if by_date else None,
        last=ctx.article_link(page, by_date[-1].article.source) if len(by_date) > 1 else None,
        undated=len(docs) - len(dated), alongside=tuple(alongside[:5]),
        top_articles=tuple((ctx.article_link(page, src), n) for src, n in top))


def chunks(sizes: Sequence[int], limit: int) -> list[list[int]]:
    """Indexes of consecutive items grouped so that each group's sizes add up to at most ``limit`` (an
    item larger than ``limit`` is split by the caller): the pages of a list of article groups."""
    pages: list[list[int]] = [[]]
    room = limit
    for i, size in enumerate(sizes):
        if pages[-1] and size > room:
            pages.append([])
            room = limit
        pages[-1].append(i)
        room -= size
    return pages


def pagers(parts: Sequence[str]) -> list[Pager]:
    """The pager of each page of a list split into ``parts`` (their source paths, page 1 first)."""
    return [Pager(n, tuple(Link(paths.href(here, p), str(k)) for k, p in enumerate(parts, 1)))
            for n, here in enumerate(parts, 1)]
