"""What the link stage hands to the site: the linked corpus and its parts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from briefing.link.figures import FigureFact
from briefing.model import Annotated, Entity, Problem, Theme


@dataclass(frozen=True)
class EventMention:
    """One article's telling of an event: the sentence it came from."""

    source: str
    block: int
    sentence: int
    text: str  # the sentence
    expression: str  # the time expression as written


@dataclass(frozen=True)
class TimelineEntry:
    id: str
    value: str  # TIMEX3 value
    kind: str  # past | scheduled | target
    title: str
    mentions: tuple[EventMention, ...]
    themes: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()  # entity ids
    mod: str | None = None  # TIMEX3 mod of the date: BEFORE ("by 2027"), END ("the end of the year")…


@dataclass(frozen=True)
class EntityMention:
    source: str
    block: int
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    expansion: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ThemeParagraph:
    source: str
    block: int
    score: float


@dataclass(frozen=True)
class Corpus:
    docs: tuple[Annotated, ...]  # newest first
    entities: tuple[Entity, ...]
    entity_of: Mapping[tuple[str, int, int], str]  # (source, block, start) -> entity id
    entity_mentions: Mapping[str, tuple[EntityMention, ...]]
    cooccurs: Mapping[str, tuple[tuple[str, int], ...]]  # entity id -> (other id, shared paragraphs)
    timeline: tuple[TimelineEntry, ...]  # by value
    themes: tuple[Theme, ...]
    theme_paragraphs: Mapping[str, tuple[ThemeParagraph, ...]]
    glossary: tuple[GlossaryTerm, ...]
    figure_facts: tuple[FigureFact, ...]  # every figure, in corpus order
    related: Mapping[str, tuple[str, ...]]  # source -> related sources, best first
    problems: tuple[Problem, ...]
    today: dt.date
    by_source: Mapping[str, Annotated]
