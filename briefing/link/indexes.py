"""Corpus indexes: each entity's mentions and companions, each theme's paragraphs, the glossary."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence

from briefing.link.corpus import EntityMention, GlossaryTerm, ThemeParagraph
from briefing.model import Annotated, Theme


def entity_indexes(docs: Sequence[Annotated], entity_of: Mapping[tuple[str, int, int], str]):
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


def theme_index(docs: Sequence[Annotated], themes: Sequence[Theme]) -> dict[str, tuple[ThemeParagraph, ...]]:
    out: dict[str, list[ThemeParagraph]] = {t.id: [] for t in themes}
    for doc in docs:
        for t in doc.themes:
            out.setdefault(t.theme, []).append(ThemeParagraph(doc.article.source, t.block, t.score))
    return {
        k: tuple(sorted(v, key=lambda p: (-p.score, p.source, p.block))) for k, v in out.items()
    }


def glossary(docs: Sequence[Annotated]) -> tuple[GlossaryTerm, ...]:
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
