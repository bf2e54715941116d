"""The entities index (split by type and letter in a large briefing) and an entity's own page."""

from __future__ import annotations

from collections import Counter, defaultdict

from briefing.link.figures import sentence_holding
from briefing.site import charts, paths
from briefing.site.context import Context, name_letter
from briefing.site.markup import snippet
from briefing.site.pages.summary import chunks, pagers, summary
from briefing.site.views import ArticleGroup, EntityItem, EntityRule, Link, Snippet


TOP_ARTICLES = 8  # articles under "Top mentions", each with up to TOP_SNIPPETS of its sentences
TOP_SNIPPETS = 3
TIMELINE_SHOWN = 12  # dated events on the page; every one is on the site timeline


def entity_ranking(ctx: Context) -> list[tuple[str, int]]:
    mentions = ctx.c.entity_mentions
    counts = {eid: len({m.source for m in ms}) * 100 + len(ms) for eid, ms in mentions.items()}
    return sorted(((e, len(mentions[e])) for e in counts), key=lambda en: (-counts[en[0]], en[0]))


def entity_item(ctx: Context, page: str, eid: str, n: int) -> EntityItem:
    sources = {m.source for m in ctx.c.entity_mentions.get(eid, ())}
    return EntityItem(
        id=paths.entity_anchor(eid), link=ctx.entity_link(page, eid), page=eid in ctx.paged,
        mentions=n, articles=len(sources),
        # An entity without a page is one article's: link that article instead.
        named_in=() if eid in ctx.paged else tuple(ctx.article_link(page, src) for src in sorted(sources)))


def entities_index(ctx: Context) -> dict[str, str]:
    """The entities index by type; past ``listing_limit`` entities, the leading ones per type on the index
    and every entity on a page per type and initial letter."""
    c, limits, page = ctx.c, ctx.limits, paths.index_page("entities")
    ranked: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for eid, n in entity_ranking(ctx):
        ranked[ctx.entity[eid].type].append((eid, n))
    for e in c.entities:  # entities the corpus never mentions still get listed
        if e.id not in c.entity_mentions:
            ranked[e.type].append((e.id, 0))
    rule = EntityRule(small=len(c.docs) <= limits.small_corpus, corpus=limits.small_corpus,
                      articles=limits.entity_min_articles, mentions=limits.entity_min_mentions)
    common = dict(total=len(c.entities), paged=len(ctx.paged), rule=rule)
    if not ctx.split_entities:
        types = [(t, len(items), [entity_item(ctx, page, eid, n) for eid, n in items], [])
                 for t, items in sorted(ranked.items())]
        return {page: ctx.render("entities.md.j2", page, types=types, **common)}
    out: dict[str, str] = {}
    types = []
    for etype, items in sorted(ranked.items()):
        by_letter: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for eid, n in sorted(items, key=lambda en: (ctx.entity[en[0]].name.lower(), en[0])):
            by_letter[name_letter(ctx.entity[eid].name)].append((eid, n))
        letters = []
        for letter, members in sorted(by_letter.items(), key=lambda kv: (kv[0] == "0-9", kv[0])):
            sub = paths.entity_list_page(etype, letter)
            out[sub] = ctx.render("entity_list.md.j2", sub, search=False, etype=etype, letter=letter.upper(),
                                  items=[entity_item(ctx, sub, eid, n) for eid, n in members],
                                  index=paths.href(sub, page), rule=rule)
            letters.append((Link(paths.href(page, sub), letter.upper()), len(members)))
        top = [entity_item(ctx, page, eid, n) for eid, n in items if eid in ctx.paged][:30]
        types.append((etype, len(items), top, letters))
    out[page] = ctx.render("entities.md.j2", page, types=types, **common)
    return out


def split_pieces(groups: list[tuple[str, list]], limit: int) -> list[list[tuple[str, list]]]:
    """A list grouped by article, in pages of at most ``limit`` items (a long article's items carry over to
    the next page, under its title again)."""
    pieces = [(src, items[i:i + limit]) for src, items in groups for i in range(0, len(items), limit)]
    return [[pieces[i] for i in idx] for idx in chunks([len(p[1]) for p in pieces], limit)]


def timeline_highlights(ctx: Context, page: str, entries: list, **kw) -> tuple[list, int]:
    """What is ahead, soonest first, then the most recent past: at most TIMELINE_SHOWN entries."""
    views = [ctx.entry_view(page, t, **kw) for t in entries]
    ahead = [v for v in views if v.ahead]
    past = [v for v in reversed(views) if not v.ahead]
    return (ahead + past)[:TIMELINE_SHOWN], len(views)


def mention_snippet(ctx: Context, page: str, m) -> Snippet:
    """The sentence around a mention, linked to its place in the article."""
    doc = ctx.c.by_source[m.source]
    b = doc.article.blocks[m.block]
    sent = sentence_holding(doc, m.block, m.start)
    start, end = (sent.start, sent.end) if sent else (0, len(b.text))
    anchor = paths.place_anchor(m.block, sent.index if sent else None)
    return Snippet(paths.href(page, paths.article_page(doc.article.slug), anchor),
                   snippet(b.text, start, end, m.start, m.end))


def entity_page(ctx: Context, eid: str) -> dict[str, str]:
    """The entity's summary, its top mentions by article, and every mention in pages of ``page_items``."""
    c, page = ctx.c, paths.entity_page(eid)
    e = ctx.entity[eid]
    mentions = c.entity_mentions.get(eid, ())
    by_article: dict[str, list] = defaultdict(list)
    for m in mentions:  # corpus order (newest article first), each article's mentions in text order
        by_article[m.source].append(m)
    per_article = Counter({src: len(ms) for src, ms in by_article.items()})
    pages = split_pieces(list(by_article.items()), ctx.limits.page_items)
    parts = [paths.entity_list_part(eid, n) for n in range(1, len(pages) + 1)]

    def groups(at: str, pieces: list[tuple[str, list]], shown: int | None = None) -> list[ArticleGroup]:
        return [ArticleGroup(ctx.article_link(at, src), tuple(mention_snippet(ctx, at, m) for m in ms[:shown]),
                             max(0, len(ms) - (shown or len(ms)))) for src, ms in pieces]

    out: dict[str, str] = {}
    for n, (at, pager) in enumerate(zip(parts, pagers(parts), strict=True), 1):
        if n > 1:
            out[at] = ctx.render("entity_part.md.j2", at, search=False, entity=e, groups=groups(at, pages[n - 1]),
                                 pager=pager, count=len(mentions), back=paths.href(at, page))
    top = [(src, by_article[src]) for src, _ in per_article.most_common(TOP_ARTICLES)] if len(pages) > 1 else []
    co = [(ctx.entity_link(page, other), n) for other, n in c.cooccurs.get(eid, ())[:15] if other in ctx.entity]
    graph = charts.network(e.name, [(lnk.label, n, lnk.href) for lnk, n in co[:10]], f"Entities that appear with {e.name}")
    entries, n_entries = timeline_highlights(ctx, page, ctx.entries_of.get(eid, []))
    # Searchable by name (a reader searches a name), but only the title and the line under it (type,
    # description, other names): the page's long sections carry data-search-exclude.
    out[page] = ctx.render(
        "entity.md.j2", page, boost=ctx.search_boost(len(per_article), len(mentions)), entity=e, count=len(mentions),
        articles=len(per_article), summary=summary(ctx, page, e.name, per_article, co),
        top=groups(page, top, TOP_SNIPPETS), groups=groups(page, pages[0]), pager=pagers(parts)[0],
        co=co, graph=graph, timeline_entries=entries, timeline_total=n_entries,
        index=paths.href(page, paths.index_page("entities")))
    return out


def entities(ctx: Context) -> dict[str, str]:
    out = entities_index(ctx)
    for e in ctx.c.entities:
        if e.id in ctx.paged:
            out.update(entity_page(ctx, e.id))
    return out
