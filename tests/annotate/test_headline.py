"""Timeline headlines: who did what, read off the parse of the dated sentence (issue 14)."""

from __future__ import annotations

import pytest

from briefing.annotate.headline import headline
from briefing.annotate.nlp import get_parser


@pytest.fixture(scope="module")
def nlp():
    parser = get_parser()
    assert parser is not None, "the spaCy model loads offline"
    return parser


def head(nlp, sentence: str, date: str):
    i = sentence.index(date)
    return headline(nlp(sentence), i, i + len(date))


@pytest.mark.parametrize(("sentence", "date", "expected"), [
    # the clause that holds the date, not the sentence's reporting frame
    ("On Tuesday, Defence Minister Kihara told reporters in Tokyo that Japan will raise defence spending to 2% "
     "of GDP by 2027, a goal set in 2022.", "2027", "Japan will raise defence spending"),
    ("Japan plans to raise its defence budget by 2027.", "2027", "Japan plans to raise its defence budget"),
    ("Leaders of the Group of Seven met in Hiroshima on May 19, 2023.", "May 19, 2023",
     "Leaders of the Group of Seven met in Hiroshima"),
    ("On Friday, Northwind released a fix for the faulty update that crashed millions of machines.", "Friday",
     "Northwind released a fix"),
    ("The Canal Authority said in August that it would cut daily transits to 24.", "August",
     "The Canal Authority said it would cut daily transits"),
    ("The summit, which will open in May, is expected to draw 40 leaders.", "May", "The summit will open"),
])
def test_headline_is_actor_action_object(nlp, sentence, date, expected):
    got = head(nlp, sentence, date)
    assert got is not None and got.text == expected


@pytest.mark.parametrize(("sentence", "date"), [
    ('"It will be investigated very carefully," Scholz said Saturday during a visit to Rome.', "Saturday"),
    ("He arrived in Riga on Monday.", "Monday"),           # a pronoun does not say who
    ("Potash exports were up in 2023.", "2023"),           # a copula without its complement
])
def test_no_headline_where_it_would_mislead(nlp, sentence, date):
    assert head(nlp, sentence, date) is None


@pytest.mark.parametrize(("sentence", "date", "expected"), [
    # a pronoun subject inside what someone said: the teller says who
    ("The Israeli military said it killed the commander on July 13 in a strike.", "July 13",
     "The Israeli military said it killed the commander"),
    # punctuation and a possessive "'s" are not words: a long name still fits
    ("Hezbollah’s leader Hassan Nasrallah said Thursday that Israel’s killing of its top commander had crossed "
     "red lines.", "Thursday", "Hezbollah’s leader said Israel’s killing of its top commander had crossed red lines"),
    # a participle describing the subject: the subject's own clause is the headline
    ("The 100-day report, published in June, lays out a framework for closing supply chain gaps.", "June",
     "The 100-day report lays out a framework"),
    # the parser made the sentence a noun: its participle is the verb
    ("Market prices for these commodities spiked after the invasion in February 2022, in part because of fear.",
     "February 2022", "Market prices spiked after the invasion"),
    # a month before a pronoun is not part of a name
    ("The African Corps said in January it planned to increase its strength.", "January",
     "The African Corps said it planned to increase its strength"),
])
def test_headline_rules_for_tellers_participles_and_noun_parses(nlp, sentence, date, expected):
    got = head(nlp, sentence, date)
    assert got is not None and got.text == expected


@pytest.mark.parametrize(("sentence", "date"), [
    ("He said it would close on Friday.", "Friday"),  # the teller is a pronoun too
    # a borrowed clause that says nothing of what: no headline
    ("The negotiations across the agencies eventually led to the list of prisoners released Thursday.", "Thursday"),
])
def test_no_headline_from_a_pronoun_teller_or_an_empty_borrowed_clause(nlp, sentence, date):
    assert head(nlp, sentence, date) is None
