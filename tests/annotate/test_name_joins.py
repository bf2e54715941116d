"""Issue 14's joins of names the model cuts in two (name_joins.py) and the rule matcher beside it (ruler.py),
each on a synthetic sentence. The joins are pure functions over (start, end, label) spans; the matcher needs
the spaCy model's tokenizer."""

from __future__ import annotations

import pytest
from goldscore import norm

from briefing.annotate import entities_spans as S
from briefing.annotate.aliases import Aliases
from briefing.annotate.candidates import head_type
from briefing.annotate.entity_types import TypeRules, head_override
from briefing.annotate.name_joins import join_names, joined_spans
from briefing.annotate.ruler import merge_spans, repeated_names


def span(text: str, part: str, label: str, nth: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return (start, start + len(part), label)


def names(text: str, ents) -> list[str]:
    return [text[s:e] for s, e, _ in ents]


def test_of_the_joins_two_parts_of_a_title():
    text = "She starred in Glowing Rivers of the Quiet Moon last year."
    ents = [span(text, "Glowing Rivers", "ORG"), span(text, "the Quiet Moon", "FAC")]
    assert names(text, join_names(ents, text)) == ["Glowing Rivers of the Quiet Moon"]


def test_of_joins_an_unseen_capitalised_tail_but_not_a_person_or_a_place():
    text = "They entered the Rock Hall of Fame in May."
    assert names(text, join_names([span(text, "Rock Hall", "FAC")], text)) == ["Rock Hall of Fame"]
    text = "Jo Bloggs of the Borchester Echo said Amberly of Wessex won."
    ents = [span(text, "Jo Bloggs", "PERSON"), span(text, "the Borchester Echo", "ORG"),
            span(text, "Amberly", "ORG"), span(text, "Wessex", "GPE")]
    assert names(text, join_names(ents, text)) == ["Jo Bloggs", "the Borchester Echo", "Amberly", "Wessex"]


def test_of_joins_no_post_and_no_whole_institution():
    """A person the model took for an organization belongs "of" an institution; a post is no name."""
    text = "A survey by Jo Amberly Bloggs of the University of Wessex found the chairman of Borchester Holdings Group."
    ents = [span(text, "Jo Amberly Bloggs", "ORG"), span(text, "the University of Wessex", "ORG")]
    assert names(text, join_names(ents, text)) == ["Jo Amberly Bloggs", "the University of Wessex"]
    text = "said Jo Bloggs, the CEO of Borchester Media Group, on Monday."
    ents = [span(text, "Jo Bloggs", "PERSON"), span(text, "CEO", "ORG"), span(text, "Borchester Media Group", "ORG")]
    assert names(text, join_names(ents, text)) == ["Jo Bloggs", "CEO", "Borchester Media Group"]


def test_a_post_before_of_is_cut_from_a_head_word_name():
    from briefing.annotate.candidates import rule_cands

    text = "said Jo Bloggs, the CEO of Borchester Media Group, on Monday."
    got = {text[c.start : c.end] for c in rule_cands(0, text, Aliases())}
    assert "Borchester Media Group" in got and not any(g.startswith("CEO") for g in got), got


def test_possessive_title_is_one_name_unless_a_place_owns_it():
    text = "She worked on Tom Smith's Notebook and Iris."
    before = [span(text, "Tom Smith's", "ORG"), span(text, "Notebook", "GPE"), span(text, "Iris", "PERSON")]
    after = join_names(before, text)
    assert names(text, after) == ["Tom Smith's Notebook", "Iris"]
    assert joined_spans(before, after) == {after[0][:2]}
    text = "He climbed Tehran's Milad Tower and Borchester's Mill on Sunday."
    ents = [span(text, "Tehran's", "GPE"), span(text, "Borchester's", "GPE")]
    assert names(text, join_names(ents, text)) == ["Tehran's", "Borchester's"]


def test_possessive_title_stops_at_a_function_word_or_a_person():
    text = "he told Radio Borset's Today programme and Jo Bloggs's Anna Smith."
    ents = [span(text, "Radio Borset's", "ORG"), span(text, "Jo Bloggs's", "ORG"), span(text, "Anna", "PERSON")]
    assert names(text, join_names(ents, text))[:2] == ["Radio Borset's", "Jo Bloggs's"]


def test_a_channels_number_belongs_to_its_name():
    text = "She told BBC News 24 she was pleased; Channel 4 and ITV Two agreed, as did 24 others."
    ents = [span(text, "BBC News", "ORG"), span(text, "24", "CARDINAL"), span(text, "ITV", "ORG"),
            span(text, "24", "CARDINAL", 1)]
    assert names(text, join_names(ents, text)) == ["BBC News 24", "Channel 4", "ITV Two", "24"]


def test_a_mid_sentence_the_starts_a_title_but_not_at_a_sentence_start():
    text = "He played in The Firm with friends. The Show was long, and The Bold And The Brave ran."
    found = names(text, join_names([], text))
    assert found == ["The Firm"]


def test_a_name_grows_over_its_capitalised_function_words_not_over_an_adjective():
    text = "He bought the Leeds-based Just Add Water studio."
    start = text.index("Add Water")
    assert text[S.extend_left(text, start, (), Aliases()) : start] == "Just "
    text = "It was sold. Just Add Water was bought."
    start = text.index("Add Water")
    assert S.extend_left(text, start, (), Aliases()) == start  # "Just" opens the sentence


def test_a_leading_the_is_no_head_word_and_no_name_in_scoring():
    assert head_type("The Law") is None
    assert head_type("Tenure Law") == "document"
    assert head_override("The Chronicle", TypeRules(heads={"Chronicle": "organization"})) is None
    assert norm("The Phantom of the Opera") == norm("Phantom of the Opera")
    assert norm("The") == "the"


def test_a_longer_rule_span_replaces_the_models_pieces_and_a_crossing_one_gives_way():
    ents = [(0, 6, "ORG"), (10, 15, "GPE")]
    assert merge_spans(ents, [(0, 15, "EVENT")]) == [(0, 15, "EVENT")]
    assert merge_spans(ents, [(3, 12, "ORG")]) == ents
    assert merge_spans(ents, [(20, 25, "ORG")]) == ents + [(20, 25, "ORG")]


def test_repeated_names_are_capitalised_runs_written_twice_mid_sentence():
    texts = ["Rates held, the Taupe Ledger said, and the Taupe Ledger is read widely.",
             "The Taupe Ledger is old. She met the Prime Minister, and the Prime Minister left.",
             "They flew Delta Air Lines to Egypt and Israel, then Delta Air Lines to Egypt and Israel."]
    found = repeated_names(texts)
    assert "Taupe Ledger" in found
    assert "Prime Minister" not in found  # a title
    assert "Air Lines" not in found  # inside a longer name
    assert not any(" and " in n for n in found)  # two names, not one


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        from briefing.annotate.nlp import get_nlp

        return get_nlp()
    except OSError:  # pragma: no cover - the model is not installed
        return spacy.blank("en")


def test_ruler_finds_head_noun_names_acronym_programmes_and_known_acronyms(nlp):
    from briefing.annotate.ruler import extra_spans

    text = "Ministers met at the Borchester Lakes Forum and backed the ZRX programme and the QQA talks."
    extra = extra_spans(nlp, {"QQA": "Quiet Quarter Alliance", "GXP": "gross xylophone product"}, [text])
    found = {text[s:e]: label for s, e, label in extra(nlp.make_doc(text))}
    assert found.get("Borchester Lakes Forum") == "ORG"
    assert "ZRX programme" in found
    assert found.get("QQA") == "ORG"
    assert "GXP" not in found  # a common noun's acronym names nothing


def test_ruler_matchers_are_built_once(nlp):
    from briefing.annotate.ruler import _matchers

    table = (("QQA", "Quiet Quarter Alliance"),)
    assert _matchers(nlp, table) is _matchers(nlp, table)
