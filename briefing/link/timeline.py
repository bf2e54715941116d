"""The merged timeline: one entry per real event, with every article's telling of it."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefing.link.corpus import EventMention, TimelineEntry
from briefing.model import Annotated, Event
from briefing.timex.values import grain, sort_key

_WORD = re.compile(r"[A-Za-z][A-Za-z\-]{3,}")
_STOP = frozenset(
    """that this with from have been were will would could should their there which about after
    before while where when what also into than them they then these those over under more most
    such only other some said says year years month months week today last next first""".split()
)


def _key_terms(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Content words of a sentence, crudely stemmed, for telling whether two sentences tell one event: all of
    them, and those in lower case, which say what happened (names are compared as entities, and two tellings
    of one man's day share his name whatever he did)."""
    every, lower = set(), set()
    for w in _WORD.findall(text):
        low = w.lower()
        if low in _STOP:
            continue
        every.add(low[:6])
        if w[0].islower():
            lower.add(low[:6])
    return frozenset(every), frozenset(lower)


_Evidence = tuple[frozenset, tuple[frozenset, frozenset], str]  # entity ids, key terms, main verb's stem


def _overlap(a: frozenset, b: frozenset) -> float:
    return len(a & b) / (len(a | b) or 1)


def _same_event(a: _Evidence, b: _Evidence, precision: int) -> bool:
    """Whether two dated sentences tell one event: never on the date alone. On the same day a shared actor
    with a like action (the same main verb, or shared words for what happened), or many shared words;
    coarser dates need more."""
    ents_a, (terms_a, what_a), act_a = a
    ents_b, (terms_b, what_b), act_b = b
    shared_entities = len(ents_a & ents_b)
    overlap = _overlap(terms_a, terms_b)
    if precision >= 3:  # same day
        alike = (act_a and act_a == act_b) or _overlap(what_a, what_b) >= 0.15
        return (shared_entities >= 1 and alike) or overlap >= 0.3
    if precision == 2:
        return (shared_entities >= 1 and overlap >= 0.08) or overlap >= 0.3
    return shared_entities >= 2 and overlap >= 0.2


@dataclass(frozen=True)
class _Item:
    """One event with what tells it apart: its entities, key terms and paragraph themes."""

    source: str
    event: Event
    entities: frozenset[str]
    terms: tuple[frozenset[str], frozenset[str]]  # _key_terms: every content word, and the lower-case ones
    themes: tuple[str, ...]
    action: str  # the main verb's first letters ("rais" of "raise", "raised"); "" where the parse gives none

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
            items.append(_Item(src, ev, ents, _key_terms(ev.text), tuple(sorted(themes_by_block[ev.block])),
                               (ev.action or "")[:4]))
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
        key = it.value[:7] if grain(it.value) >= 2 else it.value
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
    precisions = [grain(v) for v in values]
    sentences = [(it.source, it.event.block, it.event.sentence) for it in items]
    evidence = [(it.entities, it.terms, it.action) for it in items]
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
    entries.sort(key=lambda e: (sort_key(e.value), e.kind, e.mentions[0].source, e.mentions[0].block, e.id))
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
        # who did what, from the parse of the first telling that gives it; else the shortest sentence, cut
        title=next((it.event.headline for it in members if it.event.headline), None)
        or _title(min((m.text for m in mentions), key=len)),
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
