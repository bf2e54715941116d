"""An article's page: its annotated text, mini-timeline, entities, quotes, theme mix and related articles."""

from __future__ import annotations

from collections import Counter, defaultdict

from briefing.model import Annotated
from briefing.site import paths
from briefing.site.context import Context
from briefing.site.dates import article_date, is_ahead, kind_label, timex_phrase
from briefing.site.markup import ArticleMarkup, safe_url, snippet, text
from briefing.site.views import ArticleEvent, QuoteView
from briefing.timex.values import sort_key


def unquoted(quote: str) -> str:
    """A quotation without its own quote marks: the page sets it in “…” (they showed twice, ““…””)."""
    quote = quote.strip()
    while len(quote) >= 2 and quote[0] in "“\"‘'«" and quote[-1] in "”\"’'»":
        quote = quote[1:-1].strip()
    return quote


def article(ctx: Context, doc: Annotated) -> dict[str, str]:
    c, a = ctx.c, doc.article
    page = paths.article_page(a.slug)
    mk = ArticleMarkup(doc, page, ctx.linked_entity_of, ctx.entity_names, ctx.theme_names, ctx.event_of,
                       ctx.previews)
    events = []
    # In time order, as the site timeline is: "end of 2026" after "February 2026" (sort_key reads the mod).
    for ev in sorted(doc.events, key=lambda e: (sort_key(e.timex.value, e.timex.mod), e.block, e.sentence)):
        entry_id = ctx.event_of.get((a.source, ev.block, ev.sentence))
        ahead = is_ahead(ev.timex.value, ev.kind, c.today)
        events.append(ArticleEvent(
            value=ev.timex.value, human=timex_phrase(ev.timex.value, ev.timex.mod), kind=ev.kind,
            kind_label=kind_label(ev.kind, ahead), ahead=ahead, expression=ev.timex.text,
            href=paths.href(page, page, paths.sentence_anchor(ev.block, ev.sentence)),
            timeline=paths.href(page, ctx.entry_page[entry_id], paths.event_anchor(entry_id)) if entry_id else None,
            text=snippet(ev.text, 0, len(ev.text), width=200),
        ))
    ents: dict[str, int] = Counter()
    for m in doc.mentions:
        eid = c.entity_of.get((a.source, m.block, m.start))
        if eid:
            ents[eid] += 1
    by_type: dict[str, list] = defaultdict(list)
    for eid, n in sorted(ents.items(), key=lambda kv: (-kv[1], ctx.entity[kv[0]].name)):
        by_type[ctx.entity[eid].type].append((ctx.entity_link(page, eid), n))
    quotes = [QuoteView(text(unquoted(a.blocks[q.block].text[q.start:q.end])), q.speaker or "",
                        paths.href(page, page, paths.block_anchor(q.block))) for q in doc.quotes]
    return {page: ctx.render(
        "article.md.j2", page,
        article=a, web=safe_url(a.url), date=article_date(a), blocks=mk.blocks_html(ctx.search_words), events=events,
        entity_types=sorted(by_type.items()), quotes=quotes,
        related=[ctx.article_link(page, s) for s in c.related.get(a.source, ())],
        mix=ctx.theme_mix(doc, page),
        acronyms=sorted({(x.term, x.expansion) for x in doc.acronyms}),
        glossary=paths.href(page, paths.index_page("glossary")),
        sources=paths.href(page, paths.index_page("sources")),
    )}
