"""The entities index (split by type and letter in a large briefing) and an entity's own page."""

from __future__ import annotations

from collections import defaultdict

from briefing.link.figures import sentence_holding
from briefing.site import charts, paths
from briefing.site.context import Context, name_letter
from briefing.site.markup import snippet
from briefing.site.views import EntityItem, EntityRule, Link, Snippet


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


def entity_page(ctx: Context, eid: str) -> dict[str, str]:
    c, page = ctx.c, paths.entity_page(eid)
    e = ctx.entity[eid]
    mentions = c.entity_mentions.get(eid, ())
    by_article: dict[str, list[Snippet]] = defaultdict(list)
    for m in mentions:
        doc = c.by_source[m.source]
        b = doc.article.blocks[m.block]
        sent = sentence_holding(doc, m.block, m.start)
        start, end = (sent.start, sent.end) if sent else (0, len(b.text))
        anchor = paths.place_anchor(m.block, sent.index if sent else None)
        by_article[m.source].append(Snippet(paths.href(page, paths.article_page(doc.article.slug), anchor),
                                            snippet(b.text, start, end, m.start, m.end)))
    # Articles in corpus order (newest first); by_article keeps mention order, which follows it.
    groups = [(ctx.article_link(page, src), items) for src, items in by_article.items()]
    co = [(ctx.entity_link(page, other), n) for other, n in c.cooccurs.get(eid, ())[:15] if other in ctx.entity]
    graph = charts.network(e.name, [(lnk.label, n, lnk.href) for lnk, n in co[:10]], f"Entities that appear with {e.name}")
    entries = [ctx.entry_view(page, t) for t in ctx.entries_of.get(eid, ())]
    # Searchable (a reader searches a name), but only the title and the line under it: the page's
    # long sections carry data-search-exclude. Past ``listing_limit`` entities the index pages list them.
    return {page: ctx.render("entity.md.j2", page, search=not ctx.split_entities, entity=e, groups=groups,
                             count=len(mentions), co=co, graph=graph, timeline_entries=entries,
                             index=paths.href(page, paths.index_page("entities")))}


def entities(ctx: Context) -> dict[str, str]:
    out = entities_index(ctx)
    for e in ctx.c.entities:
        if e.id in ctx.paged:
            out.update(entity_page(ctx, e.id))
    return out
