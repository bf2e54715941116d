"""The themes index and a theme's own page."""

from __future__ import annotations

from collections import Counter

from briefing.link import mention_entities
from briefing.site import paths
from briefing.site.context import Context
from briefing.site.markup import snippet
from briefing.site.pages.entities import timeline_highlights
from briefing.site.pages.summary import pagers, summary
from briefing.site.views import ArticleGroup, Snippet, ThemeParagraphView, ThemeRow


def themes_index(ctx: Context) -> dict[str, str]:
    page = paths.index_page("themes")
    rows = []
    for t in ctx.c.themes:
        paras = ctx.c.theme_paragraphs.get(t.id, ())
        rows.append(ThemeRow(ctx.theme_link(page, t.id), t.description, len(paras), len({p.source for p in paras}),
                             t.discovered))
    rows.sort(key=lambda r: (-r.paragraphs, r.link.label))
    return {page: ctx.render("themes.md.j2", page, rows=rows)}


TOP_ARTICLES = 8  # under "Top paragraphs": the articles that say most, each with its strongest paragraphs
TOP_PARAGRAPHS = 2


def theme_page(ctx: Context, tid: str) -> dict[str, str]:
    """The theme's summary, its strongest paragraphs by article, and every paragraph in pages of ``page_items``."""
    c, page, limit = ctx.c, paths.theme_page(tid), ctx.limits.page_items
    theme = ctx.theme_by_id[tid]
    paras = c.theme_paragraphs.get(tid, ())
    entity_counts: Counter = Counter()
    related: Counter = Counter()
    per_article: Counter = Counter()
    weight: Counter = Counter()
    for p in paras:
        doc = c.by_source[p.source]
        entity_counts.update(mention_entities(c.entity_of, doc, p.block))
        per_article[p.source] += 1
        weight[p.source] += p.score
        for other in doc.themes:
            if other.block == p.block and other.theme != tid:
                related[other.theme] += 1

    def view(at: str, p) -> ThemeParagraphView:
        b = c.by_source[p.source].article.blocks[p.block]
        return ThemeParagraphView(ctx.article_link(at, p.source, paths.block_anchor(p.block)), f"{p.score:.2f}",
                                  snippet(b.text, 0, len(b.text), width=420))

    parts = [paths.theme_list_part(tid, n) for n in range(1, max(1, -(-len(paras) // limit)) + 1)]
    pages = pagers(parts)
    out: dict[str, str] = {}
    for n, (at, pager) in enumerate(zip(parts, pages, strict=True), 1):
        if n > 1:
            out[at] = ctx.render("theme_part.md.j2", at, search=False, theme=theme, pager=pager, total=len(paras),
                                 start=(n - 1) * limit + 1, paragraphs=[view(at, p) for p in paras[(n - 1) * limit:n * limit]],
                                 back=paths.href(at, page))
    top = []
    if len(parts) > 1:
        for src, _ in sorted(weight.items(), key=lambda kv: -kv[1])[:TOP_ARTICLES]:
            mine = sorted((p for p in paras if p.source == src), key=lambda p: -p.score)
            views = [view(page, p) for p in mine[:TOP_PARAGRAPHS]]
            top.append(ArticleGroup(ctx.article_link(page, src), tuple(Snippet(v.link.href, v.text) for v in views),
                                    len(mine) - len(views)))
    drivers = [(ctx.entity_link(page, e), n) for e, n in entity_counts.most_common(12) if e in ctx.entity]
    entries, n_entries = timeline_highlights(ctx, page, ctx.entries_of.get(f"theme:{tid}", []), theme=tid)
    out[page] = ctx.render(
        "theme.md.j2", page, boost=ctx.search_boost(len(per_article), len(paras)), theme=theme, count=len(paras), articles=len(per_article),
        summary=summary(ctx, page, theme.name, per_article, drivers, noun="paragraph"), top=top,
        paragraphs=[view(page, p) for p in paras[:limit]], pager=pages[0], timeline_entries=entries,
        timeline_total=n_entries, drivers=drivers,
        related=[(ctx.theme_link(page, t), n) for t, n in related.most_common(5) if t in ctx.theme_names],
        index=paths.href(page, paths.index_page("themes")),
    )
    return out


def themes(ctx: Context) -> dict[str, str]:
    out = themes_index(ctx)
    for t in ctx.c.themes:
        out.update(theme_page(ctx, t.id))
    return out
