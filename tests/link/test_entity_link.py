"""Corpus-wide merging: real annotator output on the seeds, and small hand-made mention sets for the
cross-article cases (surname alone, family-name-first, acronym defined elsewhere)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.annotate.aliases import load_aliases
from briefing.annotate.entities import find_mentions
from briefing.annotate.nlp import get_nlp
from briefing.link.entities import merge_entities
from briefing.model import Block, Mention
from briefing.site.paths import slugify

ROOT = Path(__file__).resolve().parents[2]


def M(block, start, surface, name, typ="person"):
    return Mention(block=block, start=start, end=start + len(surface), surface=surface, name=name, type=typ)


@pytest.fixture(scope="module")
def seed_articles():
    aliases, nlp = load_aliases(ROOT / "knowledge" / "aliases.yml"), get_nlp()
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        parts = re.split(r"\n\s*\n", text) if "\n\n" in text else text.splitlines()
        blocks = [Block(i, "paragraph", p.strip()) for i, p in enumerate(p for p in parts if p.strip())]
        out.append((path.name, find_mentions(blocks, aliases, nlp)))
    return out


def by_name(entities):
    return {e.name: e for e in entities}


def test_seeds_merge_into_one_entity_per_thing(seed_articles):
    entities, entity_of = merge_entities(seed_articles)
    ents = by_name(entities)
    assert ents["Shinjiro Koizumi"].type == "person"
    assert {"Koizumi", "Defense Minister Shinjiro Koizumi"} <= set(ents["Shinjiro Koizumi"].aliases)
    assert "Defense Minister" in ents["Shinjiro Koizumi"].description
    assert ents["Ken Jimbo"].description == "professor at Keio University"
    assert {"U.S.", "US", "America"} <= set(ents["United States"].aliases)
    assert "NATO" in ents["North Atlantic Treaty Organization"].aliases
    assert "NSS" in ents["National Security Strategy"].aliases
    assert "Pentagon" in ents["U.S. Department of Defense"].aliases
    # every mention is mapped, to an entity that exists
    ids = {e.id for e in entities}
    for src, ms in seed_articles:
        for m in ms:
            assert entity_of[(src, m.block, m.start)] in ids
    # ids are unique slugs of the names
    assert len(ids) == len(entities)
    assert all(e.id.startswith(slugify(e.name)) for e in entities)
    assert all(list(e.aliases) == sorted(e.aliases) for e in entities)


def test_deterministic_whatever_the_input_order(seed_articles):
    a = merge_entities(seed_articles)
    b = merge_entities(list(reversed(seed_articles)))
    assert a == b


def test_surname_alone_joins_the_full_name_from_another_article():
    ents, entity_of = merge_entities([
        ("a.txt", [M(0, 0, "Prime Minister Sanae Takaichi", "Sanae Takaichi")]),
        ("b.txt", [M(0, 5, "Takaichi", "Takaichi")]),
    ])
    assert [e.name for e in ents] == ["Sanae Takaichi"]
    assert entity_of[("b.txt", 0, 5)] == entity_of[("a.txt", 0, 0)] == "sanae-takaichi"
    assert ents[0].description == "Prime Minister"


def test_ambiguous_surname_stays_apart():
    ents, _ = merge_entities([
        ("a.txt", [M(0, 0, "Kim Jong Un", "Kim Jong Un"), M(1, 0, "Kim Yo Jong", "Kim Yo Jong")]),
        ("b.txt", [M(0, 0, "Kim", "Kim")]),
    ])
    assert sorted(e.name for e in ents) == ["Kim", "Kim Jong Un", "Kim Yo Jong"]


def test_family_name_first_is_the_same_person():
    ents, entity_of = merge_entities([
        ("a.txt", [M(0, 0, "Kishida Fumio", "Kishida Fumio"), M(1, 0, "Kishida", "Kishida Fumio")]),
        ("b.txt", [M(0, 0, "Fumio Kishida", "Fumio Kishida"), M(2, 0, "Fumio Kishida", "Fumio Kishida")]),
    ])
    assert len(ents) == 1
    assert ents[0].name == "Fumio Kishida"  # the more frequent order names it
    assert "Kishida Fumio" in ents[0].aliases
    assert len(set(entity_of.values())) == 1


def test_acronym_learnt_in_one_article_names_it_in_another():
    ents, entity_of = merge_entities([
        ("a.txt", [M(0, 0, "National Defense Strategy", "National Defense Strategy", "document"),
                   M(0, 30, "NDS", "National Defense Strategy", "document")]),
        ("b.txt", [M(3, 7, "NDS", "NDS", "document")]),
    ])
    assert [(e.name, e.aliases) for e in ents] == [("National Defense Strategy", ("NDS",))]
    assert entity_of[("b.txt", 3, 7)] == "national-defense-strategy"


def test_person_and_place_with_one_name_stay_apart_and_slugs_stay_unique():
    ents, entity_of = merge_entities([
        ("a.txt", [M(0, 0, "Jordan", "Jordan", "place"), M(1, 0, "Jordan", "Jordan", "person")]),
    ])
    assert sorted(e.type for e in ents) == ["person", "place"]
    assert sorted(e.id for e in ents) == ["jordan", "jordan-2"]
    assert len(set(entity_of.values())) == 2


def test_empty_input():
    assert merge_entities([]) == ((), {})
    assert merge_entities([("a.txt", [])]) == ((), {})


def test_documents_with_one_generic_name_are_told_apart_by_owner_and_year():
    """Japan's 2022 strategy and the U.S. strategy are two documents; the bare name stays apart from both
    when two owners write one; with one owner in the corpus, every telling is that document (issue 14)."""
    nss = "National Security Strategy"
    two = [
        ("japan.txt", [M(0, 10, nss, f"{nss} (Japan, 2022)", "document")]),
        ("us.txt", [M(0, 10, nss, f"{nss} (United States)", "document")]),
        ("other.txt", [M(0, 10, nss, nss, "document")]),
    ]
    entities, _ = merge_entities(two)
    docs = [e for e in entities if e.type == "document"]
    assert len(docs) == 3
    one = [two[1], two[2]]
    entities, entity_of = merge_entities(one)
    assert len({entity_of[("us.txt", 0, 10)], entity_of[("other.txt", 0, 10)]}) == 1


def test_the_annotator_reads_a_documents_owner_and_year():
    aliases = load_aliases(ROOT / "knowledge" / "aliases.yml")
    text = ("Japan’s 2022 National Security Strategy replaced the old one. The U.S. National Security Strategy "
            "released in December differs. The Japanese National Defense Strategy was revised.")
    names = {m.name for m in find_mentions([Block(0, "paragraph", text)], aliases, get_nlp())}
    assert {"National Security Strategy (Japan, 2022)", "National Security Strategy (United States)",
            "National Defense Strategy (Japan)"} <= names
