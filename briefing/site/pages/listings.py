"""The glossary and the sources page."""

from __future__ import annotations

from collections import defaultdict

from briefing.site import paths
from briefing.site.context import Context
from briefing.site.dates import article_date, timex_value
from briefing.site.pages.articles import pages_of
from briefing.site.pages.summary import pagers
from briefing.site.views import GlossaryRow, Link, SourceFile


def glossary_anchor(term: str) -> str:
    return "term-" + paths.slugify(term)


def glossary(ctx: Context) -> dict[str, str]:
    page = paths.index_page("glossary")
    rows = [GlossaryRow(g.term, glossary_anchor(g.term), g.expansion,
                        tuple(ctx.article_link(page, s) for s in g.sources)) for g in ctx.c.glossary]
    return {page: ctx.render("glossary.md.j2", page, rows=rows)}


def sources(ctx: Context) -> dict[str, str]:
    """Every source file with what was read from it; past ``listing_limit`` articles, a page per month of
    publication (split into numbered pages where a month, or the undated, hold more) behind an index."""
    page = paths.index_page("sources")
    problems = defaultdict(list)
    for p in ctx.c.problems:
        problems[p.source].append(p.reason)
    skipped = [p for p in ctx.c.problems if p.skipped]

    def rows(at: str, docs) -> list[SourceFile]:
        return [SourceFile(ctx.article_link(at, d.article.source), d.article, article_date(d.article),
                           tuple(problems.get(d.article.source, [])), tuple(d.article.notes)) for d in docs]

    docs = sorted(ctx.c.docs, key=lambda d: d.article.source)
    if not ctx.split_articles:
        return {page: ctx.render("sources.md.j2", page, rows=rows(page, docs), skipped=skipped, periods=[],
                                 total=len(docs), flagged=[])}
    by_period: dict[str, list] = defaultdict(list)
    for d in docs:
        by_period[f"{d.article.date:%Y-%m}" if d.article.date else "undated"].append(d)
    out: dict[str, str] = {}
    years: dict[str, list] = defaultdict(list)
    for period in sorted(by_period, key=lambda k: (k == "undated", k), reverse=False):
        members = by_period[period]
        label = timex_value(period) if period != "undated" else "Undated"
        chunks = pages_of(members, ctx.limits.listing_limit)
        parts = [paths.sources_page(period, n) for n in range(1, len(chunks) + 1)]
        for n, (sub, pager) in enumerate(zip(parts, pagers(parts), strict=True), 1):
            out[sub] = ctx.render("sources_period.md.j2", sub, search=False, label=label, pager=pager,
                                  rows=rows(sub, chunks[n - 1]), total=len(members), index=paths.href(sub, page))
        if period == "undated":  # no month to go by: the numbered pages themselves
            years["Undated"] = [(Link(paths.href(page, sub), f"page {n}"), len(chunk))
                                for n, (sub, chunk) in enumerate(zip(parts, chunks, strict=True), 1)]
        else:
            years[period[:4]].append((Link(paths.href(page, parts[0]), label.split(" ")[0]), len(members)))
    # Newest year first; the files with a problem are listed on the index, where a maintainer looks first.
    periods = sorted(years.items(), key=lambda kv: (kv[0] == "Undated", kv[0]), reverse=True)
    periods = [p for p in periods if p[0] != "Undated"] + [p for p in periods if p[0] == "Undated"]
    flagged = rows(page, [d for d in docs if d.article.source in problems])
    out[page] = ctx.render("sources.md.j2", page, rows=[], skipped=skipped, periods=periods, total=len(docs),
                           flagged=flagged[:ctx.limits.listing_limit])
    return out
