"""The JSON exports under data/: the documented contract (docs/about-the-data.md)."""

from __future__ import annotations

import json

from briefing.config import Limits
from briefing.link import Corpus, mention_entities
from briefing.model import Entity
from briefing.site import paths
from briefing.site.context import entity_listing, entity_pages, theme_weights
from briefing.site.dates import article_date_iso
from briefing.site.markup import safe_url
from briefing.site.pages.listings import glossary_anchor


def exports(corpus: Corpus, limits: Limits | None = None) -> dict[str, str]:
    """{data/<name>.json: JSON text}; stable ordering, no timestamps."""
    limits = limits or Limits()
    by_source = corpus.by_source

    def url(source: str, anchor: str | None = None) -> str:
        return paths.site_url(paths.article_page(by_source[source].article.slug), anchor)

    articles = []
    for d in corpus.docs:
        a = d.article
        weights = theme_weights(d)
        articles.append({
            "id": a.slug, "title": a.title, "source": a.source, "url": url(a.source),
            "date": article_date_iso(a), "date_inferred": a.date_inferred, "outlet": a.outlet,
            "authors": list(a.authors), "tags": list(a.tags), "subtitle": a.subtitle, "web": safe_url(a.url),
            "themes": [t for t, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))],
            "entities": sorted(set(mention_entities(corpus.entity_of, d))),
        })
    timeline = [{
        "id": e.id, "date": e.value, "kind": e.kind, "title": e.title, "themes": list(e.themes),
        "entities": list(e.entities),
        "mentions": [{"source": m.source, "url": url(m.source, paths.sentence_anchor(m.block, m.sentence)),
                      "text": m.text, "expression": m.expression} for m in e.mentions],
    } for e in corpus.timeline]
    paged = entity_pages(corpus, limits)

    def entity_url(e: Entity) -> str:
        """The entity's page, or its line on the entity index pages when it has none."""
        if e.id in paged:
            return paths.site_url(paths.entity_page(e.id))
        return paths.site_url(entity_listing(corpus, limits, e.type, e.name), paths.entity_anchor(e.id))

    entities = [{
        "id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases), "description": e.description,
        "url": entity_url(e),
        "mentions": [{"source": m.source, "url": url(m.source, paths.block_anchor(m.block)), "surface": m.surface}
                     for m in corpus.entity_mentions.get(e.id, ())],
    } for e in corpus.entities]
    themes = [{
        "id": t.id, "name": t.name, "description": t.description, "discovered": t.discovered,
        "url": paths.site_url(paths.theme_page(t.id)),
        "paragraphs": [{"source": p.source, "url": url(p.source, paths.block_anchor(p.block)),
                        "text": by_source[p.source].article.blocks[p.block].text, "score": round(p.score, 4)}
                       for p in corpus.theme_paragraphs.get(t.id, ())],
    } for t in corpus.themes]
    glossary = [{"term": g.term, "expansion": g.expansion,
                 "url": paths.site_url(paths.index_page("glossary"), glossary_anchor(g.term)),
                 "sources": list(g.sources)} for g in corpus.glossary]
    figures = [{"subject": x.figure.subject, "metric": x.figure.metric, "value": x.figure.value, "value_max": x.figure.value_max,
                "unit": x.figure.unit, "year": x.figure.year, "text": x.figure.text, "source": x.source,
                "url": url(x.source, paths.place_anchor(x.figure.block, x.sentence_index)),
                "kind": x.kind, "measure": x.measure, "entity": x.entity.id if x.entity else None}
               for x in corpus.figure_facts]
    data = {"articles": articles, "timeline": timeline, "entities": entities, "themes": themes,
            "glossary": glossary, "figures": figures}
    return {paths.data_file(k): json.dumps(v, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
            for k, v in data.items()}
