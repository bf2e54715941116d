"""Issue 14's figure rules, one synthetic sentence each: subject from structure, kind from modality,
ranges kept, amounts written in words read in full, nothing from URLs."""

from __future__ import annotations

import pytest

from briefing.annotate import prose
from briefing.annotate.figures import find_figures
from briefing.model import Block


def one(text: str, number: str):
    figs = [f for f in find_figures([Block(0, "paragraph", text)], 2024) if number in f.text]
    assert figs, (text, number)
    return figs[0]


@pytest.mark.parametrize(("sentence", "number", "subject"), [
    ("Trade accounts for 67% of Canada's GDP.", "67%", "Canada"),          # "of X" with a possessor
    ("Japan will spend 2% of GDP on defence.", "2%", "Japan"),              # the subject of the verb
    ("Exports are worth 24% of U.S. GDP.", "24%", "U.S."),                  # "of X" with a name modifier
    ("Analysts say Acme's total steel output will reach 900 million tons.", "900 million", "Acme"),
    ("Although Mira did not run the firm, she owned 91.5% of its shares.", "91.5%", "Mira"),  # pronoun
    ("The damages amounted to $27bn.", "$27bn", None),                      # no name: left empty
    # a relative clause's "which" stands for its antecedent, or the antecedent's owner
    ("Orwell Port handles the coast's trade, which moves $90 billion a year.", "$90 billion", "Orwell Port"),
    ("The Fenwick docks have a pump system which can reclaim 60% of the water.", "60%", "Fenwick"),
    # "That" stands for the previous sentence's subject
    ("The Harbour Board received $3.3 billion. That was $319 million more than before.", "$319 million",
     "Harbour Board"),
    # where a count is counted, for the figure's own noun only
    ("At least 3,375 flights across the United States were delayed.", "3,375 flights", "United States"),
    ("More than 55% of the respondents in Spain opposed it.", "55%", None),
    ("Fiat owns a 56% stake in Ferrari.", "56%", "Fiat"),
    # who a measure is for, never a span of time
    ("Poverty levels for Black children are expected to fall by 52%.", "52%", "Black children"),
    ("Its profit for the quarter was dwarfed by the $204m of its rival.", "$204m", None),
    ("Ticket sales had risen 12% this season.", "12%", None),               # a compound says what kind
])
def test_subject_is_read_from_the_sentence_structure(sentence, number, subject):
    assert one(sentence, number).subject == subject


@pytest.mark.parametrize(("sentence", "number", "kind"), [
    ("Poverty is expected to fall by 52%.", "52%", "forecast"),
    ("Analysts project that output will reach 300 million tons by 2030.", "300 million tons", "forecast"),
    ("The coalition intends to mobilize $10 billion by 2030.", "$10 billion", "target"),
    ("The government set a goal of 40% renewable power.", "40%", "target"),
    ("An investment of $39 billion will help providers.", "$39 billion", "actual"),
    ("Sales rose 12% last year.", "12%", "actual"),
])
def test_kind_comes_from_modality(sentence, number, kind):
    assert one(sentence, number).kind == kind


@pytest.mark.parametrize(("sentence", "number", "low", "high"), [
    ("A roughly 20 to 50% increased risk.", "50%", 20, 50),
    ("Demand could reach 74–132 GW.", "GW", 74, 132),
    ("Output will reach 300–900 million H100 equivalents.", "million", 3e8, 9e8),
    ("It costs $3-$5 billion.", "billion", 3e9, 5e9),
    ("between 15 and 50 percent of capacity", "50 percent", 15, 50),
])
def test_ranges_keep_both_bounds(sentence, number, low, high):
    f = one(sentence, number)
    assert (f.value, f.value_max) == (low, high)


@pytest.mark.parametrize("sentence", ["Demand grew from 40 GW to 74 GW.", "Demand grew in 2024 to 74 GW."])
def test_a_change_or_a_year_is_no_range(sentence):
    assert one(sentence, "74 GW").value_max is None


@pytest.mark.parametrize(("sentence", "number", "value", "unit"), [
    ("Forty percent of all traffic passes here.", "Forty percent", 40, "%"),
    ("The budget is ¥43 trillion.", "¥43 trillion", 4.3e13, "JPY"),
    ("The deal is worth NT$1.2 billion.", "NT$1.2 billion", 1.2e9, "TWD"),
    ("It will cost 120 million Australian dollars.", "120 million Australian dollars", 1.2e8, "AUD"),
    ("At least 3,375 flights were delayed.", "3,375 flights", 3375, "flights"),
    ("Agents seized 21,000 pounds of fentanyl.", "21,000 pounds", 21000, "pounds"),
])
def test_amounts_are_read_in_full(sentence, number, value, unit):
    f = one(sentence, number)
    assert (f.text, f.value, f.unit) == (number, value, unit)


def test_no_figure_from_a_url():
    block = prose(Block(0, "paragraph", "See https://example.com/report-50%-of-GDP/2030 for 40% of GDP."))
    assert [f.text for f in find_figures([block], 2024)] == ["40% of GDP"]
