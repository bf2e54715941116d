"""What the templates read: frozen views, one per kind of row or item a page lists.

Strings from articles stay plain ``str`` here; templates autoescape them. ``Markup`` fields hold
HTML that briefing.site.markup or briefing.site.charts built from escaped text.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from briefing.link import FigureFact
from briefing.model import Article, Figure


@dataclass(frozen=True)
class Link:
    href: str
    label: str
    note: str = ""


@dataclass(frozen=True)
class SourceRow:
    """One article's telling of a timeline entry: the article and each sentence that tells it."""

    link: Link
    outlet: str
    sentences: tuple[Link, ...]


@dataclass(frozen=True)
class EntryView:
    """A timeline entry as a page lists it."""

    id: str
    anchor: str
    value: str  # TIMEX3 value
    human: str  # the value in words, with its mod ("by 2027")
    kind: str
    title: str
    themes: tuple[Link, ...]
    theme_ids: str  # space-separated, for the timeline's theme filter
    entities: tuple[Link, ...]
    mentions: tuple[SourceRow, ...]
    ahead: bool
    href: str
    mod: str | None = None  # TIMEX3 mod, for ordering ("end of 2026" after "February 2026")
    kind_label: str = ""  # what the badge says: a scheduled date already past reads "was scheduled"


@dataclass(frozen=True)
class ArticleRow:
    link: Link
    date: str
    date_inferred: bool
    outlet: str
    summary: Markup
    themes: tuple[Link, ...]


@dataclass(frozen=True)
class ArticleEvent:
    """A dated sentence on an article's mini-timeline."""

    value: str
    human: str
    kind: str
    kind_label: str
    ahead: bool
    expression: str
    href: str
    timeline: str | None  # the entry on the site timeline
    text: Markup


@dataclass(frozen=True)
class QuoteView:
    text: Markup
    speaker: str
    href: str


@dataclass(frozen=True)
class EntityItem:
    """An entity's line on an index page."""

    id: str  # its anchor
    link: Link
    page: bool  # whether it has a page of its own
    mentions: int
    articles: int
    named_in: tuple[Link, ...]  # for an entity without a page: the articles that name it


@dataclass(frozen=True)
class EntityRule:
    """Which entities get a page, as the entities pages state it."""

    small: bool
    corpus: int
    articles: int
    mentions: int


@dataclass(frozen=True)
class Snippet:
    """A sentence around a mention, linked to its place in the article."""

    href: str
    text: Markup


@dataclass(frozen=True)
class ThemeRow:
    link: Link
    description: str
    paragraphs: int
    articles: int
    discovered: bool = False


@dataclass(frozen=True)
class ThemeParagraphView:
    link: Link
    score: str
    text: Markup


@dataclass(frozen=True)
class GlossaryRow:
    term: str
    anchor: str
    expansion: str
    articles: tuple[Link, ...]


@dataclass(frozen=True)
class FigureRow:
    figure: Figure
    fact: FigureFact
    value: str
    href: str
    article: Link
    subject: str
    subject_link: Link | None
    text: Markup


@dataclass(frozen=True)
class SourceFile:
    """An article's row on the sources page."""

    link: Link
    article: Article
    date: str
    problems: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Summary:
    """What opens an entity's or a theme's page: when, with whom, and where it is said most."""

    chart: Markup  # mentions per month (per year over a long span); empty when no article is dated
    per_period: tuple[tuple[str, int], ...]  # the same counts in words, newest first
    first: Link | None  # the earliest dated article (note: its date)
    last: Link | None
    undated: int  # articles without a date
    alongside: tuple[tuple[Link, int], ...]  # who appears most often alongside, with shared paragraphs
    top_articles: tuple[tuple[Link, int], ...]  # the articles that say most, with their count


@dataclass(frozen=True)
class ArticleGroup:
    """An article's mentions (or paragraphs) on a list, with how many of them the list leaves out."""

    link: Link
    items: tuple[Snippet, ...]
    more: int = 0


@dataclass(frozen=True)
class Pager:
    """Where a page sits in a list split into numbered pages."""

    n: int
    links: tuple[Link, ...]  # page 1, 2, …, each with its number as label

    @property
    def total(self) -> int:
        return len(self.links)
