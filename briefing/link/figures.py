"""Figure facts: every figure of the corpus with its sentence, kind, measure and subject entity.

Computed once per build in the link stage; the figures page and data/figures.json both read them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.annotate.figures import measure_of
from briefing.annotate.sentences import sentence_at
from briefing.link.entities import subject_resolver
from briefing.model import Annotated, Block, Entity, Figure, Sentence


@dataclass(frozen=True)
class FigureFact:
    source: str
    slug: str
    figure: Figure
    block: Block
    sentence: tuple[int, int]  # offsets of the figure's sentence in its block
    sentence_index: int | None  # the sentence's index in its block; None where no sentence holds the figure
    kind: str  # "actual" | "target" | "forecast": the figure's own (Figure.kind)
    measure: str  # "defence spending", "profit", "polls", "troops", …
    entity: Entity | None  # the subject as a merged entity ("U.S." and "America" are one)


def sentence_holding(doc: Annotated, block: int, offset: int) -> Sentence | None:
    """The sentence of ``doc`` around ``offset`` in ``block``, None in the space between two; a binary
    search, since it runs per mention and per figure (a scan made a 5 MB article quadratic)."""
    s = sentence_at(doc.sentences, block, offset)
    return s if s is not None and offset < s.end else None


def figure_facts(docs: Sequence[Annotated], entities: Sequence[Entity]) -> tuple[FigureFact, ...]:
    """Every figure of ``docs`` (in their order) with its sentence, kind, measure and subject entity."""
    resolve = subject_resolver(entities)
    out = []
    for doc in docs:
        for f in doc.figures:
            b = doc.article.blocks[f.block]
            sent = sentence_holding(doc, f.block, f.start)
            s0, s1 = (sent.start, sent.end) if sent else (0, len(b.text))
            sentence = b.text[s0:s1]
            out.append(FigureFact(
                source=doc.article.source, slug=doc.article.slug, figure=f, block=b, sentence=(s0, s1),
                sentence_index=sent.index if sent else None,
                kind=f.kind,  # decided once, in the annotate stage
                measure=measure_of(sentence, f.start - s0, f.metric, f.unit, b.text[:s0]),
                entity=resolve(f.subject),
            ))
    return tuple(out)
