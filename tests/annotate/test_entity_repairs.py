"""Issue 14's general entity rules, each on a synthetic sentence (no spaCy: the pure functions)."""

from __future__ import annotations

from briefing.annotate import entities_rules as R
from briefing.annotate import entities_spans as S
from briefing.annotate.aliases import Aliases
from briefing.annotate.candidates import head_type
from briefing.annotate.entities_rules import is_junk, name_key
from briefing.link.entities import _unqualified, merge_entities
from briefing.model import Mention


def test_inner_possessive_splits_two_names():
    text = "He spoke at Springfield’s Harbour Tower today."
    s = text.index("Springfield")
    e = text.index(" today")
    assert [text[a:b] for a, b in S.split_possessive(text, s, e)] == ["Springfield", "Harbour Tower"]


def test_span_grows_over_the_names_first_words_but_not_the_sentence_start_or_a_title():
    text = "The boxes, Lo Van Minh said, were full. Prime Minister Kato spoke. Imam Ali ibn Said Mosque is old."
    start = text.index("Van Minh")
    assert text[S.extend_left(text, start, (), Aliases()) : start] == "Lo "
    start = text.index("Kato")
    assert S.extend_left(text, start, (), Aliases()) == start
    start = text.index("Said Mosque")
    assert text[S.extend_left(text, start, (), Aliases()) : start] == "Ali ibn "  # not "Imam": it opens the sentence


def test_one_word_before_a_capitalised_word_is_a_fragment():
    text = "met the Grand Vizier yesterday"
    assert S.is_fragment_before(text, text.index(" Vizier"))
    assert not S.is_fragment_before(text, text.index(" yesterday"))


def test_agents_and_company_nouns():
    text = "shipping giant Zorbco said it would cut routes, according to Zorbco"
    s = text.index("Zorbco")
    assert S.org_cue_before(text, s) and S.agent_context(text, s, s + 6)
    last = text.rindex("Zorbco")
    assert S.agent_context(text, last, last + 6)


def test_shouted_capitals_take_the_articles_spelling():
    text = "PRESIDENT KATO IS KEEPING HIS WORD: when voters elected him"
    s = text.index("KATO")
    assert S.shouting(text, s, s + 4)
    assert S.recase("KATO", ["Hiro Kato"]) == "Hiro Kato"
    assert S.recase("KATO", ["Hiro Kato", "Ami Kato"]) is None


def test_directions_web_terms_and_words_are_junk():
    for junk in ("Northbound", "Southward", "JavaScript", "HTML5"):
        assert is_junk(junk), junk
    assert not is_junk("Northumbria")


def test_head_words_type_names():
    assert head_type("Lake Nerra") == "place"
    assert head_type("Rio Verde River") == "place"
    assert head_type("Coastal Recovery Plan") == "document"
    assert head_type("Typhoon Mawar") == "event"
    assert head_type("Council on Tidal Affairs and the Deep Sea") == "organization"
    assert head_type("Presidential Memorandum on Fair Trade Policy") == "document"


def test_department_forms_share_a_key_and_a_country_qualifier_is_context():
    assert name_key("Fisheries Department") == name_key("Department of Fisheries") == name_key("Department of the Fisheries")
    assert _unqualified(name_key("Ruritania Fisheries Department"), {"ruritania"}) == ("department of fisheries", "ruritania")
    assert _unqualified(name_key("Ruritania Department of Fisheries"), {"ruritania"}) == ("department of fisheries", "ruritania")


def _m(block, surface, name, typ):
    return Mention(block=block, start=0, end=len(surface), surface=surface, name=name, type=typ)


def test_corpus_merges_a_department_with_and_without_its_country_but_not_two_countries():
    ents, _ = merge_entities([
        ("a", [_m(0, "Ruritania", "Ruritania", "place"),
               _m(1, "Ruritania Fisheries Department", "Ruritania Fisheries Department", "organization")]),
        ("b", [_m(0, "Department of Fisheries", "Department of Fisheries", "organization")]),
    ])
    assert len([e for e in ents if e.type == "organization"]) == 1
    ents, _ = merge_entities([
        ("a", [_m(0, "Ruritania", "Ruritania", "place"), _m(1, "Osterlich", "Osterlich", "place"),
               _m(2, "Ruritania Department of Fisheries", "Ruritania Department of Fisheries", "organization"),
               _m(3, "Osterlich Department of Fisheries", "Osterlich Department of Fisheries", "organization")]),
    ])
    assert len([e for e in ents if e.type == "organization"]) == 2


def test_two_given_names_never_merge():
    ents, _ = merge_entities([
        ("a", [_m(0, "Nguyen Van An", "Nguyen Van An", "person")]),
        ("b", [_m(0, "Nguyen Thi Binh", "Nguyen Thi Binh", "person"), _m(1, "Nguyen", "Nguyen", "person")]),
    ])
    assert {"Nguyen Van An", "Nguyen Thi Binh"} <= {e.name for e in ents}


def test_a_clause_word_or_an_article_before_a_name_is_trimmed_but_not_an_epithet_or_a_title():
    def trimmed(name: str) -> str:
        s, e = R.trim_span(name, 0, len(name))
        return name[s:e]

    assert trimmed("Neither the Ministry of Harbours") == "Ministry of Harbours"
    assert trimmed("What the Grain Export Act") == "Grain Export Act"
    assert trimmed("Including the Riverbank Access Facility") == "Riverbank Access Facility"
    assert trimmed("A Borchester Family Foundation") == "Borchester Family Foundation"
    assert trimmed("Alexander the Great") == "Alexander the Great"
    assert trimmed("Stop the War Coalition") == "Stop the War Coalition"  # a name that opens with a verb
    assert trimmed("A Tribe Called Quest") == "A Tribe Called Quest"  # no head word: a title keeps its "A"
    assert trimmed("Borchester Metal Exchange CMAL3") == "Borchester Metal Exchange"  # a wire's instrument code
    assert trimmed("Sterling GBP=") == "Sterling"
    assert trimmed("Airbus A380") == "Airbus A380" and trimmed("Sony PS2") == "Sony PS2"


def test_caption_labels_are_junk():
    assert is_junk("Table 1") and is_junk("Figure 3b") and is_junk("Chart 2.")
    assert not is_junk("Table Mountain") and not is_junk("Figure Skating Federation")
