"""The articles index (split by month in a large briefing) and the rows it lists."""

from __future__ import annotations

from collections import defaultdict

from briefing.model import Annotated
from briefing.site import paths
from briefing.site.context import Context, theme_weights
from briefing.site.dates import article_date, timex_value
from briefing.site.markup import text
from briefing.site.views import ArticleRow, Link


def pages_of(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def article_row(ctx: Context, page: str, doc: Annotated) -> ArticleRow:
    a = doc.article
    lead = next((b for b in a.blocks if b.kind == "paragraph"), None)
    summary = ""
    if lead is not None:
        first = next((s for s in doc.sentences if s.block == lead.index), None)
        summary = lead.text[first.start:first.end] if first else lead.text
    themes = theme_weights(doc)
    return ArticleRow(
        link=ctx.article_link(page, a.source),
        date=article_date(a),
        date_inferred=a.date_inferred,
        outlet=a.outlet or "",
        summary=text(summary[:300] + ("…" if len(summary) > 300 else "")),
        themes=tuple(ctx.theme_link(page, t) for t, _ in themes.most_common(3) if t in ctx.theme_names),
    )


def articles_index(ctx: Context) -> dict[str, str]:
    """The articles index; past ``listing_limit`` articles, one page per month (paginated) behind it."""
    c, page = ctx.c, paths.index_page("articles")
    if not ctx.split_articles:
        by_year: dict[str, list] = defaultdict(list)
        for d in c.docs:
            by_year[str(d.article.date.year) if d.article.date else "Undated"].append(article_row(ctx, page, d))
        return {page: ctx.render("articles.md.j2", page, years=list(by_year.items()), total=len(c.docs),
                                 periods=[], newest=[])}
    by_period: dict[str, list[Annotated]] = defaultdict(list)
    for d in c.docs:  # newest first, so periods and their pages come out newest first
        by_period[f"{d.article.date:%Y-%m}" if d.article.date else "undated"].append(d)
    out: dict[str, str] = {}
    years: dict[str, list] = defaultdict(list)
    for period, docs in by_period.items():
        label = timex_value(period) if period != "undated" else "Undated"
        chunks = pages_of(docs, ctx.limits.listing_limit)
        for n, chunk in enumerate(chunks, 1):
            sub = paths.article_list_page(period, n)
            pager = [Link(paths.href(sub, paths.article_list_page(period, k)), str(k)) for k in range(1, len(chunks) + 1)]
            out[sub] = ctx.render("articles_period.md.j2", sub, search=False, label=label, n=n, pager=pager,
                                  rows=[article_row(ctx, sub, d) for d in chunk], total=len(docs),
                                  index=paths.href(sub, page))
        years[period[:4] if period != "undated" else "Undated"].append(
            (Link(paths.href(page, paths.article_list_page(period)), label.split(" ")[0]), len(docs)))
    newest = [article_row(ctx, page, d) for d in c.docs[:20]]
    out[page] = ctx.render("articles.md.j2", page, years=[], total=len(c.docs), periods=list(years.items()),
                           newest=newest)
    return out
