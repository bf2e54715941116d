"""The link stage: everything that needs the whole corpus.

Entity merging across articles, the merged timeline (one entry per real event, several
mentions), theme and entity indexes, glossary and related articles. Pure: annotated
articles in, a :class:`Corpus` out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefing.model import Annotated, Entity, Event, Figure, Problem, Theme


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
    figures: tuple[tuple[str, Figure], ...]  # (source, figure)
    related: Mapping[str, tuple[str, ...]]  # source -> related sources, best first
    problems: tuple[Problem, ...]
    today: dt.date
    by_source: Mapping[str, Annotated]


# ---- timeline -------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][A-Za-z\-]{3,}")
_STOP = frozenset(
    """that this with from have been were will would could should their there which about after
    before while where when what also into than them they then these those over under more most
    such only other some said says year years month months week today last next first""".split()
)


def _key_terms(text: str) -> frozenset[str]:
    """Content words of a sentence, crudely stemmed, for telling whether two sentences tell one event."""
    out = set()
    for w in _WORD.findall(text.lower()):
        if w in _STOP:
            continue
        out.add(w[:6])
    return frozenset(out)


@lru_cache(maxsize=4096)  # asked for every candidate pair of a bucket: values repeat, the regexes need not
def _precision(value: str) -> int:
    """How fine a TIMEX3 value is: 3 day, 2 month or quarter/season, 1 year, 0 coarser or vague."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
        return 3
    if re.fullmatch(r"\d{4}-(\d{2}|Q\d|H\d|SP|SU|FA|WI|W\d{2})", value):
        return 2
    if re.fullmatch(r"\d{4}", value):
        return 1
    return 0


def event_sort_key(value: str) -> str:
    """Chronological sort key for TIMEX3 values (X for unknown digits sorts last within its span)."""
    return value.replace("X", "9")


def _same_event(a: tuple[frozenset, frozenset], b: tuple[frozenset, frozenset], precision: int) -> bool:
    ents_a, terms_a = a
    ents_b, terms_b = b
    shared_entities = len(ents_a & ents_b)
    union = len(terms_a | terms_b) or 1
    overlap = len(terms_a & terms_b) / union
    if precision >= 3:  # same day: a shared actor or a few shared words is enough
        return shared_entities >= 1 or overlap >= 0.15
    if precision == 2:
        return (shared_entities >= 1 and overlap >= 0.08) or overlap >= 0.3
    return shared_entities >= 2 and overlap >= 0.2


@dataclass(frozen=True)
class _Item:
    """One event with what tells it apart: its entities, key terms and paragraph themes."""

    source: str
    event: Event
    entities: frozenset[str]
    terms: frozenset[str]
    themes: tuple[str, ...]

    @property
    def value(self) -> str:
        return self.event.timex.value


def _compatible(a: str, b: str) -> bool:
    """Same date at compatible precision: equal, or one a prefix of the other ("2024-04" ⊂ "2024-04-11")."""
    short, long_ = sorted((a, b), key=len)
    return long_ == short or long_.startswith(short + "-")


def _items(docs: Sequence[Annotated], entity_of: Mapping[tuple[str, int, int], str]) -> list[_Item]:
    items = []
    for doc in docs:
        src = doc.article.source
        themes_by_block: dict[int, set[str]] = defaultdict(set)
        for t in doc.themes:
            themes_by_block[t.block].add(t.theme)
        sent_span = {(s.block, s.index): (s.start, s.end) for s in doc.sentences}
        # Entity ids by block in text order, so an event finds its sentence's by bisection: a scan of
        # every mention per event made a long article quadratic.
        ids: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for m in doc.mentions:
            if (eid := entity_of.get((src, m.block, m.start))) is not None:
                ids[m.block].append((m.start, eid))
        starts = {}
        for block, pairs in ids.items():
            pairs.sort(key=lambda p: p[0])
            starts[block] = [s for s, _ in pairs]
        for ev in doc.events:
            start, end = sent_span.get((ev.block, ev.sentence), (0, 0))
            pairs, at = ids.get(ev.block, []), starts.get(ev.block, [])
            ents = frozenset(eid for _, eid in pairs[bisect_left(at, start) : bisect_left(at, end)])
            items.append(_Item(src, ev, ents, _key_terms(ev.text), tuple(sorted(themes_by_block[ev.block]))))
    return items


def build_timeline(
    docs: Sequence[Annotated], entity_of: Mapping[tuple[str, int, int], str]
) -> tuple[TimelineEntry, ...]:
    """Events across articles, with the same event told by several articles merged into one entry."""
    items = _items(docs, entity_of)
    # Candidates share tense family and month (or year, for year-only values); only those are compared,
    # so the cost stays near linear for a large corpus.
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        family = "past" if it.event.kind == "past" else "ahead"
        key = it.value[:7] if _precision(it.value) >= 2 else it.value
        buckets[(family, key)].append(i)

    parent = list(range(len(items)))
    finest = [it.value for it in items]  # per cluster root: its most precise value (values form a chain)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj and _compatible(finest[ri], finest[rj]):
            parent[rj] = ri
            finest[ri] = max(finest[ri], finest[rj], key=len)

    values = [it.value for it in items]
    precisions = [_precision(v) for v in values]
    sentences = [(it.source, it.event.block, it.event.sentence) for it in items]
    evidence = [(it.entities, it.terms) for it in items]
    for idx in buckets.values():
        for x, i in enumerate(idx):
            for j in idx[x + 1 :]:
                # A pair already in one cluster would not change it: no need to weigh its evidence (a month
                # of a long article holds thousands of events, compared pairwise).
                if not _compatible(values[i], values[j]) or find(i) == find(j):
                    continue
                # Different precisions ("April" and "April 11") need the stricter month-level evidence.
                precision = min(precisions[i], precisions[j])
                if sentences[i] == sentences[j] or _same_event(evidence[i], evidence[j], precision):
                    union(i, j)

    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        clusters[find(i)].append(i)
    entries = [_entry([items[i] for i in members], finest[root]) for root, members in clusters.items()]
    entries.sort(key=lambda e: (event_sort_key(e.value), e.kind, e.mentions[0].source, e.mentions[0].block, e.id))
    return tuple(entries)


def _entry(members: list[_Item], value: str) -> TimelineEntry:
    members.sort(key=lambda it: (it.source, it.event.block, it.event.sentence, it.event.timex.start))
    mentions: list[EventMention] = []
    seen = set()
    for it in members:
        key = (it.source, it.event.block, it.event.sentence)
        if key not in seen:
            seen.add(key)
            mentions.append(EventMention(it.source, it.event.block, it.event.sentence, it.event.text, it.event.timex.text))
    kinds = Counter(it.event.kind for it in members)
    kind = "target" if kinds.get("target") else kinds.most_common(1)[0][0]
    first = members[0]
    mod = next((it.event.timex.mod for it in members if it.value == value and it.event.timex.mod), None)
    digest = hashlib.sha1(
        f"{value}|{kind}|{first.source}|{first.event.block}|{first.event.sentence}".encode()
    ).hexdigest()[:10]
    return TimelineEntry(
        id=digest,
        value=value,
        kind=kind,
        title=_title(min((m.text for m in mentions), key=len)),
        mentions=tuple(mentions),
        themes=tuple(sorted({t for it in members for t in it.themes})),
        entities=tuple(sorted({e for it in members for e in it.entities})),
        mod=mod,
    )


def _title(sentence: str, limit: int = 180) -> str:
    text = " ".join(sentence.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


# ---- entities, themes, glossary, related ---------------------------------------------------

def _entity_indexes(docs: Sequence[Annotated], entity_of: Mapping[tuple[str, int, int], str]):
    mentions: dict[str, list[EntityMention]] = defaultdict(list)
    para_entities: dict[tuple[str, int], set[str]] = defaultdict(set)
    for doc in docs:
        src = doc.article.source
        for m in doc.mentions:
            eid = entity_of.get((src, m.block, m.start))
            if eid is None:
                continue
            mentions[eid].append(EntityMention(src, m.block, m.start, m.end, m.surface))
            para_entities[(src, m.block)].add(eid)
    co: dict[str, Counter] = defaultdict(Counter)
    for ids in para_entities.values():
        for a in ids:
            for b in ids:
                if a != b:
                    co[a][b] += 1
    cooccurs = {
        eid: tuple(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for eid, c in co.items()
    }
    return {k: tuple(v) for k, v in mentions.items()}, cooccurs


def _theme_index(docs: Sequence[Annotated], themes: Sequence[Theme]) -> dict[str, tuple[ThemeParagraph, ...]]:
    out: dict[str, list[ThemeParagraph]] = {t.id: [] for t in themes}
    for doc in docs:
        for t in doc.themes:
            out.setdefault(t.theme, []).append(ThemeParagraph(doc.article.source, t.block, t.score))
    return {
        k: tuple(sorted(v, key=lambda p: (-p.score, p.source, p.block))) for k, v in out.items()
    }


def _glossary(docs: Sequence[Annotated]) -> tuple[GlossaryTerm, ...]:
    expansions: dict[str, Counter] = defaultdict(Counter)
    sources: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        for a in doc.acronyms:
            # A definition in the text outweighs knowledge-file expansions.
            expansions[a.term][a.expansion] += 3 if a.defined_here else 1
            sources[a.term].add(doc.article.source)
    terms = []
    for term, exp in expansions.items():
        best = sorted(exp.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        terms.append(GlossaryTerm(term, best, tuple(sorted(sources[term]))))
    return tuple(sorted(terms, key=lambda g: (g.term.lower(), g.term)))


def mention_entities(
    entity_of: Mapping[tuple[str, int, int], str], doc: Annotated, block: int | None = None
) -> Iterator[str]:
    """The entity id of each of ``doc``'s mentions that resolves to one (in ``block`` only, if given), in text order."""
    src = doc.article.source
    for m in doc.mentions:
        if block is None or m.block == block:
            eid = entity_of.get((src, m.block, m.start))
            if eid is not None:
                yield eid


def _related(
    docs: Sequence[Annotated], entity_of: Mapping[tuple[str, int, int], str], limit: int = 5
) -> dict[str, tuple[str, ...]]:
    """Articles that share entities (weighted by rarity) and themes."""
    ents: dict[str, set[str]] = {}
    thm: dict[str, set[str]] = {}
    for doc in docs:
        src = doc.article.source
        ents[src] = set(mention_entities(entity_of, doc))
        thm[src] = {t.theme for t in doc.themes}
    df = Counter(e for s in ents.values() for e in s)
    n = len(docs)
    idf = {e: math.log((n + 1) / c) for e, c in df.items()}
    # Index by entity so a large corpus does not compare every pair of articles.
    by_entity: dict[str, list[str]] = defaultdict(list)
    for src, s in ents.items():
        for e in s:
            by_entity[e].append(src)
    out = {}
    for src in ents:
        scores: Counter = Counter()
        for e in ents[src]:
            if len(by_entity[e]) > 200:  # too common to tell articles apart
                continue
            for other in by_entity[e]:
                if other != src:
                    scores[other] += idf[e]
        for other in list(scores):
            scores[other] += 0.5 * len(thm[src] & thm[other])
        ranked = sorted(((s, o) for o, s in scores.items() if s > 0.5), key=lambda so: (-so[0], so[1]))
        out[src] = tuple(o for _, o in ranked[:limit])
    return out


def link(
    docs: Sequence[Annotated],
    themes: Sequence[Theme],
    problems: Sequence[Problem],
    today: dt.date,
) -> Corpus:
    """Everything that needs the whole corpus, from the annotated articles."""
    from briefing.entity_link import merge_entities

    ordered = tuple(
        sorted(docs, key=lambda d: (-(d.article.date or dt.date.min).toordinal(), d.article.source))
    )
    entities, entity_of = merge_entities([(d.article.source, d.mentions) for d in ordered])
    mentions, cooccurs = _entity_indexes(ordered, entity_of)
    return Corpus(
        docs=ordered,
        entities=tuple(sorted(entities, key=lambda e: e.id)),
        entity_of=entity_of,
        entity_mentions=mentions,
        cooccurs=cooccurs,
        timeline=build_timeline(ordered, entity_of),
        themes=tuple(themes),
        theme_paragraphs=_theme_index(ordered, themes),
        glossary=_glossary(ordered),
        figures=tuple((d.article.source, f) for d in ordered for f in d.figures),
        related=_related(ordered, entity_of),
        problems=tuple(problems),
        today=today,
        by_source={d.article.source: d for d in ordered},
    )
