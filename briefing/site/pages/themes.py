"""The themes index and a theme's own page."""

from __future__ import annotations

from collections import Counter

from markupsafe import Markup

from briefing.link import mention_entities
from briefing.site import charts, paths
from briefing.site.context import Context
from briefing.site.markup import snippet
from briefing.site.views import ThemeParagraphView, ThemeRow


def themes_index(ctx: Context) -> dict[str, str]:
    page = paths.index_page("themes")
    rows = []
    for t in ctx.c.themes:
        paras = ctx.c.theme_paragraphs.get(t.id, ())
        rows.append(ThemeRow(ctx.theme_link(page, t.id), t.description, len(paras), len({p.source for p in paras}),
                             t.discovered))
    rows.sort(key=lambda r: (-r.paragraphs, r.link.label))
    return {page: ctx.render("themes.md.j2", page, rows=rows)}


def theme_page(ctx: Context, tid: str) -> dict[str, str]:
    c, page = ctx.c, paths.theme_page(tid)
    theme = ctx.theme_by_id[tid]
    paras = []
    entity_counts: Counter = Counter()
    by_year: Counter = Counter()
    related: Counter = Counter()
    for p in c.theme_paragraphs.get(tid, ()):
        doc = c.by_source[p.source]
        b = doc.article.blocks[p.block]
        paras.append(ThemeParagraphView(ctx.article_link(page, p.source, paths.block_anchor(p.block)),
                                        f"{p.score:.2f}", snippet(b.text, 0, len(b.text), width=420)))
        entity_counts.update(mention_entities(c.entity_of, doc, p.block))
        if doc.article.date:
            by_year[doc.article.date.year] += 1
        for other in doc.themes:
            if other.block == p.block and other.theme != tid:
                related[other.theme] += 1
    axis = charts.year_axis({y: (n, 0) for y, n in by_year.items()}, c.today.year)
    over_time = (charts.columns(axis.columns, f"Paragraphs on {theme.name} by article year")
                 if len(by_year) > 1 else Markup(""))
    entries = [ctx.entry_view(page, e, theme=tid) for e in ctx.entries_of.get(f"theme:{tid}", ())]
    return {page: ctx.render(
        "theme.md.j2", page, search=not ctx.split_entities, theme=theme, paragraphs=paras, over_time=over_time,
        by_year=sorted(by_year.items()), timeline_entries=entries,
        drivers=[(ctx.entity_link(page, e), n) for e, n in entity_counts.most_common(12) if e in ctx.entity],
        related=[(ctx.theme_link(page, t), n) for t, n in related.most_common(5) if t in ctx.theme_names],
        index=paths.href(page, paths.index_page("themes")),
    )}


def themes(ctx: Context) -> dict[str, str]:
    out = themes_index(ctx)
    for t in ctx.c.themes:
        out.update(theme_page(ctx, t.id))
    return out
