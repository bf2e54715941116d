"""Frozen dataclasses for the data that flows between stages.

Annotations point into the text by character offsets (like spaCy's ``Span``):
``block`` is the index of a :class:`Block` in ``Article.blocks`` and
``start``/``end`` are Python string offsets into that block's ``text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class WebLink:
    """A link the article itself makes: ``text[start:end]`` points at ``href`` (http or https)."""

    start: int
    end: int
    href: str


@dataclass(frozen=True)
class Block:
    """One unit of article structure: a paragraph, heading, quote, list item or caption."""

    index: int
    kind: str  # "paragraph" | "heading" | "quote" | "item" | "caption" | "code" (shown, never annotated)
    text: str
    level: int = 0  # heading level (2..4) for headings
    links: tuple[WebLink, ...] = ()  # the article's own links, as spans of text


@dataclass(frozen=True)
class Article:
    """A cleaned article: metadata plus its text as blocks."""

    source: str  # file name relative to seeds/, POSIX separators
    slug: str
    title: str
    blocks: tuple[Block, ...]
    date: dt.date | None = None
    # How much of ``date`` is known: "day", or "month"/"year" when metadata gave only
    # "2026-03" or "2026" (then ``date`` is the first day, used as the anchor).
    date_precision: str = "day"
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    tags: tuple[str, ...] = ()
    # Names of metadata fields whose value was inferred from the text rather than given.
    inferred: frozenset[str] = frozenset()
    # Problems a user should fix (bad metadata key, impossible date): logged as warnings.
    warnings: tuple[str, ...] = ()
    # What reading did that a user may want to know (encoding converted, cruft removed): logged as info.
    notes: tuple[str, ...] = ()
    # Why the date is what it is, when it was inferred (shown by `build_site.py check`).
    date_reason: str = ""
    digest: str = ""  # sha256 of the source bytes (plus sidecar), the cache key
    # A standfirst or deck from metadata (``subtitle``, or a ``description`` that is not the headline).
    subtitle: str | None = None
    # Closing author bios ("Jane Doe is a senior fellow at …"): about the authors, not article text.
    bios: tuple[str, ...] = ()

    @property
    def date_inferred(self) -> bool:
        return "date" in self.inferred


@dataclass(frozen=True)
class Sentence:
    block: int
    start: int
    end: int
    index: int  # position within its block, used for the sentence anchor


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 time expression. Offsets are into the text the tagger was given."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value: 2026-03-19, 2025-12, 2035, 199X, 2026-Q2, P5Y, XXXX-WI, PAST_REF…
    mod: str | None = None  # TIMEX3 mod: BEFORE (by 2035), END (end of the year), START, APPROX…


@dataclass(frozen=True)
class DateMention:
    """A timex located in an article block."""

    block: int
    timex: Timex  # offsets relative to the block text


@dataclass(frozen=True)
class Event:
    """A dated statement: the sentence around a DATE timex, with its kind."""

    block: int
    sentence: int  # Sentence.index within the block
    timex: Timex  # offsets relative to the block text
    kind: str  # "past" | "scheduled" | "target"
    text: str  # the sentence (or clause) text
    # who does what, from the sentence's parse ("Japan will raise defence spending"); None where it gives none
    headline: str | None = None
    action: str | None = None  # the headline's main verb as written ("raise"), which merging compares


@dataclass(frozen=True)
class Mention:
    """A surface form of an entity in an article block."""

    block: int
    start: int
    end: int
    surface: str
    name: str  # canonical name as far as this article can tell ("Sanae Takaichi")
    type: str  # person | organization | place | document | equipment | event | concept
    # What the text says the entity is ("Defense Minister", "professor at Keio University"), when it says so.
    description: str | None = None


@dataclass(frozen=True)
class Acronym:
    """An acronym occurrence; ``expansion`` is known from the text or knowledge/."""

    block: int
    start: int
    end: int
    term: str
    expansion: str
    defined_here: bool = False  # "National Defense Strategy (NDS)" defines it


@dataclass(frozen=True)
class Figure:
    """A number that matters: a share of GDP, an amount of money, a count, a percentage."""

    block: int
    start: int
    end: int
    text: str
    metric: str  # "gdp_share" | "money" | "count" | "percent"
    value: float
    unit: str  # "%", "USD", "JPY", "CNY", "troops", …
    subject: str | None = None  # who owns or does the measured thing ("Japan"); None when the sentence says not
    year: int | None = None
    kind: str = "actual"  # "actual" | "target" (aim, pledge, "by 2030") | "forecast" (expected, projected)
    value_max: float | None = None  # the upper bound of a range ("20 to 50%": value 20, value_max 50)


@dataclass(frozen=True)
class ThemeScore:
    block: int
    theme: str  # theme id from knowledge/themes.yml
    score: float


@dataclass(frozen=True)
class Quote:
    block: int
    start: int
    end: int
    speaker: str | None


@dataclass(frozen=True)
class Annotated:
    """An article with every per-article annotation. A pure function of the article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    dates: tuple[DateMention, ...] = ()
    events: tuple[Event, ...] = ()
    mentions: tuple[Mention, ...] = ()
    acronyms: tuple[Acronym, ...] = ()
    figures: tuple[Figure, ...] = ()
    themes: tuple[ThemeScore, ...] = ()
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class Entity:
    """One real-world thing after merging its surface forms across the corpus."""

    id: str  # slug, from briefing.site.paths.slugify
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    description: str | None = None  # "Defense Minister", from the text where it says so


@dataclass(frozen=True)
class Theme:
    """A theme of the editable taxonomy in knowledge/themes.yml."""

    id: str
    name: str
    description: str
    cues: tuple[str, ...] = ()
    discovered: bool = False  # learnt from the collection (briefing.link.discovery), not from themes.yml


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file; the build goes on without it or with a warning."""

    source: str
    reason: str
    skipped: bool = False

    def __str__(self) -> str:
        """How the build log and the CLI report it: the file, the reason, and whether it was left out."""
        return f"{self.source}: {self.reason}{' (skipped)' if self.skipped else ''}"
