"""Event kinds of dated sentences, and the article date inferred from text alone."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.annotate.events import event_kind
from briefing.read.inferred_date import infer_article_date
from briefing.timex import tag

D = dt.date


def kind_of(sentence: str, expr: str, dct: dt.date | None) -> str | None:
    found = [t for t in tag(sentence, dct) if t.text == expr]
    assert found, f"{expr!r} not tagged in {sentence!r}"
    return event_kind(sentence, found[0], dct)


@pytest.mark.parametrize(
    ("sentence", "expr", "kind"),
    [
        ("The two leaders met in Seoul on December 7.", "December 7", "past"),
        ("The ministers will meet in Tokyo on March 19.", "March 19", "scheduled"),
        ("The election is scheduled for October 2026.", "October 2026", "scheduled"),
        ("Japan aims to raise defense spending to 2% of GDP by 2035.", "2035", "target"),
        ("The bill must pass by the end of the year.", "the end of the year", "target"),
        ("The government pledged to cut emissions in half in 2030.", "2030", "target"),
        ("The alliance was founded in 1949.", "1949", "past"),
        ("The cabinet will vote on the plan next week.", "next week", "scheduled"),
    ],
)
def test_event_kinds(sentence: str, expr: str, kind: str) -> None:
    assert kind_of(sentence, expr, D(2026, 3, 5)) == kind


@pytest.mark.parametrize(
    ("sentence", "expr"),
    [
        ("The program will run for five years.", "five years"),
        ("Patrols are flown daily.", "daily"),
        ("Tensions are now higher than ever.", "now"),
        ("The ministry recently revised its estimate.", "recently"),
        ("Such crises recur every decade.", "every decade"),
        # a decade tells a trend, not the date of an event
        ("Exports grew throughout the 1990s.", "the 1990s"),
        ("Since the mid-1970s, the sector has adapted to slow growth.", "the mid-1970s"),
        # the baseline of a comparison
        ("Sales were lower in 2022 than in 2021.", "2021"),
        ("Visits rose 23% compared with the previous week.", "the previous week"),
        ("Exports were down in 2022 compared to 2020 and 2021 levels.", "2020"),
        ("Exports were down in 2022 compared to 2020 and 2021 levels.", "2021"),
        # the present closing a span
        ("From the prewar period to today, exports fell by half.", "today"),
    ],
)
def test_non_events(sentence: str, expr: str) -> None:
    assert kind_of(sentence, expr, D(2026, 3, 5)) is None


def test_unknown_article_date_uses_tense_and_unplaceable_values() -> None:
    # No article date: "March 19" has no year and cannot be placed.
    assert kind_of("The ministers will meet on March 19.", "March 19", None) is None
    assert kind_of("The treaty was signed on April 11, 2024.", "April 11, 2024", None) == "past"
    assert kind_of("The treaty will take effect in 2031.", "2031", None) == "scheduled"


def test_event_kind_never_raises_on_bad_offsets() -> None:
    t = tag("It happened in 2020.", D(2026, 1, 1))[0]
    assert event_kind("", t, D(2026, 1, 1)) in ("past", None)


ARTICLE = """Tokyo and Seoul agree to expand drills

Japanese and South Korean defense chiefs met in Tokyo on April 11, 2024, and agreed to expand joint drills.

The two countries first held such talks in 2015, and relations improved markedly in 2023.

The next round of talks will be held in June 2025, officials said.
"""


def test_infer_article_date_takes_the_latest_past_date() -> None:
    date, precision, reason = infer_article_date(ARTICLE)
    assert date == D(2024, 4, 11)
    assert precision == "day"
    assert '"April 11, 2024"' in reason and "para 2" in reason


def test_future_dates_bound_the_inferred_date_from_above() -> None:
    text = (
        "Officials said in 2019 that the base would be rebuilt.\n\n"
        "The new runway will open in March 2021, the ministry said.\n\n"
        "Construction costs rose in 2022 and 2023."  # a misread past date after the future bound
    )
    date, precision, reason = infer_article_date(text)
    assert date is not None and date < D(2021, 3, 1)
    assert "future" in reason


def test_infer_article_date_month_and_year_precision() -> None:
    assert infer_article_date("The strike began in March 2023 and ended weeks later.")[:2] == (D(2023, 3, 1), "month")
    assert infer_article_date("The plant was closed in 2021 after protests.")[:2] == (D(2021, 1, 1), "year")


@pytest.mark.parametrize(
    "text",
    ["", "No dates here at all.", "He said on Thursday that talks on March 19 would go ahead.", "<html>\x00</html>"],
)
def test_no_year_bearing_date_gives_none(text: str) -> None:
    date, precision, reason = infer_article_date(text)
    assert date is None and precision == "day" and reason


def test_inferred_date_reason_is_one_line() -> None:
    """The reason lands in a title attribute and in `check` output: a date broken over a line stays one line."""
    date, _, reason = infer_article_date("The summit was held on April\n11, 2024 in Tokyo.")
    assert date == dt.date(2024, 4, 11)
    assert "\n" not in reason and '"April 11, 2024"' in reason


def test_the_report_day_is_never_scheduled_and_a_generic_today_is_no_event() -> None:
    assert kind_of("I expect the court to rule today.", "today", D(2026, 3, 5)) == "past"
    assert kind_of("The court will rule at 3 p.m. today.", "3 p.m. today", D(2026, 3, 5)) == "scheduled"
    assert kind_of("Today's computers use far more power.", "Today", D(2026, 3, 5)) is None


def test_the_compared_period_itself_stays_an_event() -> None:
    assert kind_of("Sales were lower in 2022 than in 2021.", "2022", D(2026, 3, 5)) == "past"


@pytest.mark.parametrize(("sentence", "generic"), [
    ("Today, the state-of-the-art GPU is the H100, produced by Nvidia.", True),
    ("Today, their agony is over, Biden said.", True),
    ("Today, the United States has taken a series of actions.", False),
    ("Today, the Administration is announcing new efforts.", False),
    ("The United States today announced its support for the fund.", False),
    ("The President is to sign the bill today.", False),
])
def test_a_present_state_today_is_no_event(sentence: str, generic: bool) -> None:
    from briefing.annotate.events import generic_present
    from briefing.annotate.nlp import get_parser

    nlp = get_parser()
    assert nlp is not None
    i = sentence.lower().index("today")
    assert generic_present(nlp(sentence), i, i + 5) is generic
