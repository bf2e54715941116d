"""The glossary and the sources page."""

from __future__ import annotations

from collections import defaultdict

from briefing.site import paths
from briefing.site.context import Context
from briefing.site.dates import article_date
from briefing.site.views import GlossaryRow, SourceFile


def glossary_anchor(term: str) -> str:
    return "term-" + paths.slugify(term)


def glossary(ctx: Context) -> dict[str, str]:
    page = paths.index_page("glossary")
    rows = [GlossaryRow(g.term, glossary_anchor(g.term), g.expansion,
                        tuple(ctx.article_link(page, s) for s in g.sources)) for g in ctx.c.glossary]
    return {page: ctx.render("glossary.md.j2", page, rows=rows)}


def sources(ctx: Context) -> dict[str, str]:
    page = paths.index_page("sources")
    problems = defaultdict(list)
    for p in ctx.c.problems:
        problems[p.source].append(p.reason)
    rows = [SourceFile(ctx.article_link(page, d.article.source), d.article, article_date(d.article),
                       tuple(problems.get(d.article.source, [])), tuple(d.article.notes))
            for d in sorted(ctx.c.docs, key=lambda d: d.article.source)]
    skipped = [p for p in ctx.c.problems if p.skipped]
    return {page: ctx.render("sources.md.j2", page, rows=rows, skipped=skipped)}
