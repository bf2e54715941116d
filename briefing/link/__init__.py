"""The link stage: everything that needs the whole corpus.

Entity merging across articles (entities.py), the merged timeline (timeline.py: one entry per
real event, several mentions), theme and entity indexes and the glossary (indexes.py), figure
facts (figures.py) and related articles (related.py). Pure: annotated articles in, a
:class:`Corpus` out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from briefing.link.corpus import Corpus, EntityMention, EventMention, GlossaryTerm, ThemeParagraph, TimelineEntry
from briefing.link.discovery import discover
from briefing.link.entities import merge_entities
from briefing.link.figures import FigureFact, figure_facts
from briefing.link.indexes import entity_indexes, glossary, mention_entities, theme_index
from briefing.link.related import related_articles
from briefing.link.timeline import build_timeline
from briefing.model import Annotated, Problem, Theme

__all__ = [
    "Corpus", "EntityMention", "EventMention", "FigureFact", "GlossaryTerm", "ThemeParagraph", "TimelineEntry",
    "link", "mention_entities",
]


def link(
    docs: Sequence[Annotated],
    themes: Sequence[Theme],
    problems: Sequence[Problem],
    today: dt.date,
) -> Corpus:
    """Everything that needs the whole corpus, from the annotated articles."""
    ordered = tuple(
        sorted(docs, key=lambda d: (-(d.article.date or dt.date.min).toordinal(), d.article.source))
    )
    discovered, ordered = discover(ordered, themes)
    themes = (*themes, *discovered)
    merged, entity_of = merge_entities([(d.article.source, d.mentions) for d in ordered])
    entities = tuple(sorted(merged, key=lambda e: e.id))
    mentions, cooccurs = entity_indexes(ordered, entity_of)
    return Corpus(
        docs=ordered,
        entities=entities,
        entity_of=entity_of,
        entity_mentions=mentions,
        cooccurs=cooccurs,
        timeline=build_timeline(ordered, entity_of),
        themes=tuple(themes),
        theme_paragraphs=theme_index(ordered, themes),
        glossary=glossary(ordered),
        figure_facts=figure_facts(ordered, entities),
        related=related_articles(ordered, entity_of),
        problems=tuple(problems),
        today=today,
        by_source={d.article.source: d for d in ordered},
    )
