"""One loaded spaCy model serves every thread of a threaded worker (a Dask worker runs tasks in threads): the
entity pass and the parse pass must give each thread what they give alone."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from briefing.annotate.nlp import get_nlp, parse_sentences, spacy_ents

TEXTS = [
    "KIGALI - Rwanda opened Africa's first mRNA vaccine plant on Friday, built by BioNTech with support from the "
    "European Union, President Paul Kagame said at the ceremony.",
    "Train drivers at three operators will strike on 14 March 2026, the Aslef union said on Tuesday, after talks "
    "with the Rail Delivery Group broke down over a 4% pay offer.",
    "The Department for Transport said the strike was unnecessary and urged the union to return to talks.",
]


def _parse(texts: list[str]) -> list[tuple[str, ...]]:
    parsed = parse_sentences(texts)
    return [tuple(f"{t.text}/{t.dep_}" for t in parsed[s]) for s in texts]


def test_entity_and_parse_passes_in_threads_match_serial():
    nlp = get_nlp()
    ents = spacy_ents(TEXTS, nlp)
    parses = _parse(TEXTS)
    assert all(ents), "every text holds a name the model finds"
    # Entity and parse passes interleaved across threads, many times: a pass that switched components off on
    # the shared model for its own call took the entities from a neighbour's pass.
    jobs = [("ents", i) if i % 2 else ("parse", i) for i in range(64)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda job: spacy_ents(TEXTS, nlp) if job[0] == "ents" else _parse(TEXTS), jobs))
    for (kind, _), got in zip(jobs, results):
        assert got == (ents if kind == "ents" else parses)
    assert nlp.disabled == [], "no pass leaves a component switched off on the shared model"
