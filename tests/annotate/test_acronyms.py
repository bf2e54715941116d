"""Acronyms: text definitions, knowledge/acronyms.yml, and every later use."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.annotate.acronyms import find_acronyms, load_acronyms
from briefing.knowledge import KnowledgeError
from briefing.model import Block
from textblocks import ANNOT, ROOT, seed_blocks

ARTICLES = ANNOT


@pytest.fixture(scope="module")
def known():
    return load_acronyms(ROOT / "knowledge" / "acronyms.yml")


def glossary(blocks, known) -> dict[str, str]:
    return {a.term: a.expansion for a in find_acronyms(blocks, known)}


def test_knowledge_file_is_general_and_correct(known):
    assert known["NATO"] == "North Atlantic Treaty Organization"
    assert known["C2"] == "command and control"
    assert known["SIPRI"] == "Stockholm International Peace Research Institute"
    for term in ("NSS", "NDS", "GDP", "ICBM", "TLAM", "JSDF", "AUKUS", "PLA", "ASEAN", "EU", "UN"):
        assert known[term]


def test_seed_glossary_expands_the_domain_terms(known):
    got: dict[str, str] = {}
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        got.update(glossary(seed_blocks(seed.name), known))
    assert got["NSS"] == "National Security Strategy"
    assert got["NDS"] == "National Defense Strategy"
    assert got["NATO"] == "North Atlantic Treaty Organization"
    assert got["GDP"] == "gross domestic product"
    assert got["ICBM"] == "intercontinental ballistic missile"
    assert got["SIPRI"] == "Stockholm International Peace Research Institute"
    assert got["TLAM"] == "Tomahawk Land Attack Missile"
    assert got["C2"] == "command and control"


def test_definitions_are_marked_and_plural_possessive_uses_found(known):
    blocks = seed_blocks("003_144dd75949ae36c8.txt")
    icbm = [a for a in find_acronyms(blocks, known) if a.term == "ICBM"]
    surfaces = [blocks[a.block].text[a.start : a.end] for a in icbm]
    assert surfaces == ["ICBMs", "ICBM"] and icbm[0].defined_here and not icbm[1].defined_here
    blocks2 = seed_blocks("002_1df7e43d1ca862d2.txt")
    nato = [blocks2[a.block].text[a.start : a.end] for a in find_acronyms(blocks2, known) if a.term == "NATO"]
    assert nato == ["NATO", "NATO"]  # "NATO set" and "NATO’S lead"


@pytest.mark.parametrize(
    "text, term, expansion",
    [
        ("Japan will acquire TLAMs, or Tomahawk Land Attack Missiles, soon.", "TLAM", "Tomahawk Land Attack Missile"),
        ("the task of command and control, or C2, coordination", "C2", "command and control"),
        ("talks at the Association of Southeast Asian Nations (ASEAN) ended", "ASEAN", "Association of Southeast Asian Nations"),
        ("members of the People’s Liberation Army (PLA) Navy", "PLA", "People’s Liberation Army"),
        ("the Japan Self-Defense Forces (JSDF) said", "JSDF", "Japan Self-Defense Forces"),
        ("The IMF (International Monetary Fund) said", "IMF", "International Monetary Fund"),
    ],
)
def test_definition_patterns(text, term, expansion):
    got = find_acronyms([Block(0, "paragraph", text)], {})
    assert any(a.term == term and a.expansion == expansion and a.defined_here for a in got), got


def test_text_definition_wins_over_knowledge(known):
    blocks = [Block(0, "paragraph", "The Nuclear Policy Review (NPR) was delayed."), Block(1, "paragraph", "The NPR is due.")]
    got = find_acronyms(blocks, known)
    assert {a.expansion for a in got if a.term == "NPR"} == {"Nuclear Policy Review"}
    assert len([a for a in got if a.term == "NPR"]) == 2


def test_test_articles(known):
    paras = [p.strip() for p in (ARTICLES / "nato_spending.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    got = glossary([Block(i, "paragraph", t) for i, t in enumerate(paras)], known)
    assert got == {"NATO": "North Atlantic Treaty Organization", "ECFR": "European Council on Foreign Relations",
                   "C2": "command and control", "GDP": "gross domestic product"}


def test_no_false_matches(known):
    blocks = [Block(0, "paragraph", "The nato-like UNESCO body and the EUR/USD rate; us and eu are lowercase."),
              Block(1, "paragraph", "THE EU AND NATO AGREED ON THE PLAN TODAY IN BRUSSELS")]
    terms = [a.term for a in find_acronyms(blocks, known)]
    assert terms == []


def test_offsets_slice_back(known):
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        blocks = seed_blocks(seed.name)
        for a in find_acronyms(blocks, known):
            assert blocks[a.block].text[a.start : a.end] in (a.term, a.term + "s")


@pytest.mark.parametrize("body, message", [
    ("NATO: North Atlantic Treaty Organization\nNO: negative\n", ":2: term False"),
    ("NATO:\n", ":1: term 'NATO' needs"),
    ("- a list\n", "expected a mapping"),
    ("NATO: [unclosed\n", "invalid YAML"),
])
def test_bad_knowledge_files(tmp_path, body, message):
    path = tmp_path / "acronyms.yml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load_acronyms(path)
    assert str(path) in str(err.value) and message in str(err.value)


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("NATOGDPC2sS()’', or and of Treaty Organization\n")), max_size=200))
def test_never_raises(text):
    for a in find_acronyms([Block(0, "paragraph", text)], {"NATO": "North Atlantic Treaty Organization", "C2": "x"}):
        assert text[a.start : a.end].startswith(a.term)


def test_odd_inputs(known):
    for text in ["", "(" * 500, "<b>NATO</b>", "\x00\ufffd" * 300, "A (B) " * 3000]:
        find_acronyms([Block(0, "paragraph", text)], known)
