"""The TIMEX3 tagger on real sentences: absolute, relative and partial dates, and the tricky cases."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.timex import tag

D = dt.date


def one(text: str, dct: dt.date | None, expr: str):
    """The timex whose text is ``expr`` (asserting it is there)."""
    found = tag(text, dct)
    for t in found:
        assert text[t.start : t.end] == t.text
    match = [t for t in found if t.text == expr]
    assert match, f"{expr!r} not tagged in {text!r}: {found}"
    return match[0]


def values(text: str, dct: dt.date | None) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The treaty was signed on April 11, 2024, in Washington.", "April 11, 2024", "2024-04-11"),
        ("The treaty was signed on 11 April 2024 in Washington.", "11 April 2024", "2024-04-11"),
        ("Japan attacked Pearl Harbor on Dec. 7, 1941.", "Dec. 7, 1941", "1941-12-07"),
        ("The treaty dated 9/8/1951 ended the occupation.", "9/8/1951", "1951-09-08"),
        ("The file was updated 2024-04-11 by the ministry.", "2024-04-11", "2024-04-11"),
        ("Spending peaked in March 2024 before falling.", "March 2024", "2024-03"),
        ("Growth slowed throughout the 1990s.", "the 1990s", "199X"),
        ("Japan's economy boomed in the 20th century.", "the 20th century", "19"),
        ("The ministry requested more money in fiscal 2025.", "fiscal 2025", "2025"),
        ("The budget for FY2027 was sent to parliament.", "FY2027", "2027"),
        ("Profits rose in the third quarter of 2025.", "the third quarter of 2025", "2025-Q3"),
        ("Sales fell in the first half of 2024.", "the first half of 2024", "2024-H1"),
        ("The reactor was shut down in the winter of 2011.", "the winter of 2011", "2011-WI"),
    ],
)
def test_absolute_forms(text: str, expr: str, value: str) -> None:
    t = one(text, D(2026, 3, 5), expr)
    assert t.type == "DATE"
    assert t.value == value


def test_relative_expressions_anchor_on_the_article_date() -> None:
    dct = D(2026, 3, 19)  # a Thursday
    text = (
        "Two years ago the plan was drafted. The cabinet met earlier this week and will vote next year. "
        "Prices rose this month, and last June the bank raised rates. Yesterday the minister resigned."
    )
    v = values(text, dct)
    assert v["Two years ago"] == "2024"
    assert v["earlier this week"] == "2026-W12"
    assert v["next year"] == "2027"
    assert v["this month"] == "2026-03"
    assert v["last June"] == "2025-06"
    assert v["Yesterday"] == "2026-03-18"


def test_month_without_year_takes_the_year_from_tense_and_anchor() -> None:
    # After the article date, future tense: the same year.
    assert one("The ministers will meet on March 19 in Tokyo.", D(2026, 3, 5), "March 19").value == "2026-03-19"
    # A December meeting reported in January happened the previous year.
    assert one("The two leaders met on December 7 in Seoul.", D(2026, 1, 10), "December 7").value == "2025-12-07"
    # Month name alone, past tense, later in the year than the article: last year.
    assert one("In October the navy held its largest drill.", D(2026, 3, 5), "October").value == "2025-10"
    # Month alone, future tense, earlier in the year than the article: next year.
    assert one("The summit will take place in February.", D(2026, 11, 5), "February").value == "2027-02"


def test_last_december_in_january_is_the_previous_year() -> None:
    assert one("Last December the cabinet approved the plan.", D(2026, 1, 15), "Last December").value == "2025-12"


def test_may_the_month_versus_may_the_modal() -> None:
    text = "The minister may resign. He took office in May and may leave in June."
    found = tag(text, D(2026, 3, 5))
    texts = [t.text for t in found]
    assert texts.count("May") == 1  # only "in May"
    assert "may" not in texts
    assert one("May 5 was chosen for the vote.", D(2026, 3, 5), "May 5").value == "2026-05-05"
    assert not [t for t in tag("Prime Minister Theresa May said the deal was dead.", D(2019, 3, 5))]


def test_weekday_in_a_friday_story_is_the_previous_day() -> None:
    dct = D(2026, 3, 20)  # Friday
    assert one("The defense minister said on Thursday that talks had stalled.", dct, "Thursday").value == "2026-03-19"
    assert one("The defense minister will travel to Seoul on Monday.", dct, "Monday").value == "2026-03-23"
    assert one("The vote was held Friday.", dct, "Friday").value == "2026-03-20"


def test_dates_inside_names_are_not_dates() -> None:
    text = "Koreans marked the anniversary of the March 1 Movement with rallies."
    assert not [t for t in tag(text, D(2026, 3, 5)) if "March" in t.text]


def test_previous_administration_is_not_a_date() -> None:
    assert tag("The previous administration cut the budget.", D(2026, 3, 5)) == []


def test_durations_and_targets() -> None:
    dct = D(2026, 3, 5)
    assert one("The program will run for five years.", dct, "five years").value == "P5Y"
    assert one("Spending will rise over the next decade.", dct, "the next decade").value == "P10Y"
    t = one("Japan aims to reach 2% of GDP by 2035.", dct, "2035")
    assert (t.value, t.mod) == ("2035", "BEFORE")
    t = one("The bill must pass by the end of the year.", dct, "the end of the year")
    assert (t.value, t.mod) == ("2026", "END")
    assert one("The ships will be delivered within five years.", dct, "five years").type == "DURATION"
    assert one("It takes 18 months to train a pilot.", dct, "18 months").value == "P18M"


def test_ranges_tag_both_ends() -> None:
    v = values("The plan covers 2023-2027 and the next runs from 2028 to 2032.", D(2026, 3, 5))
    assert {"2023", "2027", "2028", "2032"} <= set(v.values())


def test_refs_and_sets() -> None:
    dct = D(2026, 3, 5)
    assert one("Tensions are now higher than ever.", dct, "now").value == "PRESENT_REF"
    assert one("The ministry recently revised its estimate.", dct, "recently").value == "PAST_REF"
    t = one("Patrols are flown daily over the strait.", dct, "daily")
    assert (t.type, t.value) == ("SET", "P1D")


def test_times_of_day() -> None:
    t = one("The missile was launched at 6:45 a.m. local time on Tuesday.", D(2026, 3, 5), "6:45 a.m. local time on Tuesday")
    assert (t.type, t.value) == ("TIME", "2026-03-03T06:45")


def test_unknown_article_date_keeps_what_is_absolute() -> None:
    v = values("The summit on March 19 follows the April 11, 2024 meeting; talks resumed last year.", None)
    assert v["March 19"] == "XXXX-03-19"
    assert v["April 11, 2024"] == "2024-04-11"
    assert v["last year"] == "XXXX"


def test_numbers_that_are_not_years() -> None:
    text = "Some 2000 troops and $2024 million; 1999 people voted; room 1998; 3.2015 percent."
    assert tag(text, D(2026, 3, 5)) == []


def test_results_are_sorted_and_disjoint() -> None:
    text = "On Monday, March 2, 2026, and again on March 4 the cabinet met; by 2030 the plan ends. " * 20
    found = tag(text, D(2026, 3, 5))
    assert found
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    for t in found:
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    "text",
    ["", " ", "\x00\x01\x02", "<p>On <b>March</b> 19</p>", "# 2026\n\n- [May](http://x/2026-13-45)",
     "9/99/9999 99:99 p.m. 0000-00-00", "Q5 2026 FY99 the 0th century", "’s 's Friday's", "\ufeff" * 50],
)
def test_odd_input_never_raises(text: str) -> None:
    for t in tag(text, D(2026, 3, 5)) + tag(text, None):
        assert text[t.start : t.end] == t.text


_PIECES = list("0123456789 -/.,:'aAmMpPyYsSdD") + [
    " March ", " May ", " Friday ", " 2026 ", " last ", " next ", " year", " week", " ago", " the ", " by ",
    " a.m.", " fiscal ", " quarter", " early ", " end of "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_random_text_never_raises(text: str) -> None:
    found = tag(text, D(2026, 3, 5))
    for t in found:
        assert text[t.start : t.end] == t.text
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start



def test_rules_run_only_near_their_triggers_without_losing_matches() -> None:
    dct = D(2005, 3, 1)
    # A window must not end inside a word: "Eastern" is not Easter however far it is from a trigger.
    filler = "The alliance reached out to its former " + "x " * 40
    assert not [t for t in tag("In 1982 it grew. " + filler + "Eastern-bloc enemies.", dct) if "East" in t.text]
    # Plural weekdays are sets; the year of a decade is found through its digits.
    t = one("The club meets on Mondays and Fridays.", dct, "Mondays")
    assert (t.type, t.value) == ("SET", "XXXX-WXX-1")
    assert one("Prices fell in the 1990s.", dct, "the 1990s").value == "199X"
    assert one("Shares rose in 3Q 2004.", dct, "3Q 2004").value == "2004-Q3"
    assert one("The budget for FY2006 grew.", dct, "FY2006").value == "2006"
    assert one("The meeting starts at 10:30 a.m. on Friday.", dct, "10:30 a.m. on Friday").type == "TIME"


def test_narrative_references_count_from_the_date_last_named() -> None:
    dct = D(2000, 1, 28)
    text = ("Munero fled to Florida in June 1998 and returned to Cuba later that year. "
            "On May 22, 1995, Farkas was made a general, and the following year he was sent to Washington. "
            "Slepian was killed on Oct. 23, 1998. Earlier that day, the family had called the police; "
            "the next morning the house was sealed.")
    v = values(text, dct)
    assert v["later that year"] == "1998"
    assert v["the following year"] == "1996"
    assert v["Earlier that day"] == "1998-10-23"
    assert v["the next morning"] == "1998-10-24"
    # With no date named before, "the following week" counts from the article date.
    assert one("Talks stalled, and the following week the union struck.", D(2026, 3, 19), "the following week").value == "2026-W13"
    # "the next year" in a future clause is the anchor's next year, whatever was named before.
    assert one("The plant opened in 1995. Output will double over the next year.", D(2026, 3, 5), "the next year").value == "2027"


def test_month_without_year_on_the_wrong_side_of_a_noisy_tense_cue() -> None:
    # "set" reads as past, but a month four weeks ahead is far likelier than one eleven months back.
    assert one("The issue will dominate a summit set for Washington in April.", D(1999, 3, 12), "April").value == "1999-04"
    assert one("NATO has decided to admit the three countries in March.", D(1999, 2, 10), "March").value == "1999-03"


def test_soon_year_end_and_mid_year() -> None:
    dct = D(1989, 10, 30)
    assert one("Kellogg said it soon will begin selling smaller boxes.", dct, "soon").value == "FUTURE_REF"
    assert one("Prosecutors told him they may soon seek an indictment.", dct, "soon").value == "FUTURE_REF"
    assert not [t for t in tag("He was soon released. Call us as soon as you can; soon after, it rained.", dct)
                if t.text.lower() == "soon"]
    t = one("The company expects to complete the sale by year-end.", dct, "year-end")
    assert (t.value, t.mod) == ("1989", "END")
    assert one("The index change is measured since year-end.", dct, "year-end").value == "1988"
    assert one("The group began to fall apart in mid-1996.", dct, "mid-1996").value == "1996"
    assert one("Sales in the latest period were $1.76 billion.", dct, "the latest period").value == "1989-Q3"
    assert one("Junk bonds financed the takeover boom of recent years.", dct, "recent years").value == "PAST_REF"


def test_a_plan_the_story_has_overtaken_looks_back() -> None:
    dct = D(1989, 10, 30)  # a Monday
    text = "The offer had been due to expire Friday evening, but it was extended to Nov. 16."
    assert one(text, dct, "Friday evening").value == "1989-10-27TEV"
    text = "The offer previously had been scheduled to expire at midnight Friday."
    assert one(text, dct, "midnight Friday").value == "1989-10-27T24:00"
    # "next to" is a place, not a future cue.
    text = "A bomb ripped through an office building next to the U.S. embassy in Nairobi, Kenya Friday morning."
    assert one(text, D(1998, 8, 8), "Friday morning").value == "1998-08-07TMO"


def test_clock_time_takes_the_day_written_after_a_parenthesis() -> None:
    text = "The blast in Nairobi occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building."
    t = one(text, D(1998, 8, 8), "about 10:35 a.m.")
    assert (t.type, t.value) == ("TIME", "1998-08-07T10:35")
    assert one(text, D(1998, 8, 8), "Friday").value == "1998-08-07"


def test_quarter_and_year_before_a_figure_or_after_a_prefix() -> None:
    dct = D(1989, 10, 26)
    text = "Columbia announced a loss for the third quarter of $226.3 million, or $11.57 a share."
    assert one(text, dct, "the third quarter").value == "1989-Q3"
    text = "National Steel posted net income for the fiscal second-quarter of $8.6 million."
    assert one(text, dct, "the fiscal second-quarter").value == "1989-Q2"
    text = "The post-1959 politics have managed to split thousands of families apart."
    assert one(text, D(2000, 2, 24), "1959").value == "1959"


def test_month_after_the_and_a_second_day_of_the_same_month() -> None:
    dct = D(1999, 2, 10)
    text = "A ceremonial accession will be held at the NATO summit on April 24 and 25. The March accession comes first."
    v = values(text, dct)
    assert v["April 24"] == "1999-04-24"
    assert v["25"] == "1999-04-25"
    assert v["March"] == "1999-03"


def test_spoken_years_with_a_month_or_season_and_the_week_of_a_date() -> None:
    dct = D(1998, 2, 27)
    assert one("January nineteen ninety-seven. Atlanta again.", dct, "January nineteen ninety-seven").value == "1997-01"
    text = "Next up is the thirteen dollar level we saw in the winter of nineteen ninety-four."
    assert one(text, dct, "the winter of nineteen ninety-four").value == "1994-WI"
    text = "The dispute may finally be resolved in a court hearing the week of March 6, his cousin said."
    assert one(text, D(2000, 2, 24), "the week of March 6").value == "2000-W10"


def test_numbers_outside_modern_years_need_a_year_like_context() -> None:
    dct = D(2005, 3, 1)
    # Real sentences from BBC news: old years after "in", "of", "from", "the", and with a possessive.
    assert one("Kirkcaldy, the birthplace in 1723 of Adam Smith, hosts the lecture.", dct, "1723").value == "1723"
    assert one("It is set against the backdrop of the Indian mutiny of 1857.", dct, "1857").value == "1857"
    assert one("Lord Falconer agreed the 1701 Act of Settlement needed no change.", dct, "1701").value == "1701"
    # Numbers that are not years: a resolution, a count, prices and clock times.
    text = ("Iraq continued to be in material breach of UN resolution 1441. The service lets people store up "
            "to a 1000 web links. The share price was down 1% at 1218 pence. Woodward is due at the stadium at 1330.")
    assert tag(text, dct) == []


def test_four_digit_clock_times_are_times() -> None:
    dct = D(2005, 3, 1)  # a Tuesday
    t = one("By 1200 GMT on Monday, EMI shares were down 16.2%.", dct, "1200 GMT on Monday")
    assert (t.type, t.value) == ("TIME", "2005-02-28T12:00")
    found = tag("The silence will be shown on BBC One from 1130 to 1215 GMT on Wednesday.", dct)
    assert [t.type for t in found] == ["TIME"]


def test_time_words_inside_titles_and_names_are_not_dates() -> None:
    dct = D(2005, 3, 1)
    text = ("Michael Cawley told Radio 4's Today programme the tax was wrong. The Sunday Telegraph and the Daily "
            "Mail agreed, as did the Mail on Sunday. Jamie Noon is injured. He was named Businessman of the Year. "
            "The statement was titled Global Partners for the Future.")
    assert tag(text, dct) == []
    # The same words in running text, or starting a sentence, are dates.
    v = values("Today the cabinet meets. The Sunday vote was close, and the Telegraph said so on Sunday.", dct)
    assert v["Today"] == "2005-03-01"
    assert v["Sunday"] == "2005-02-27"
    assert not [t for t in tag("The currency has gained almost 1% in the past three sessions.", dct)]


def test_deadline_months_and_plans_agreed_to_look_ahead() -> None:
    dct = D(1989, 10, 30)
    text = "Bank of America has extended Control Data up to $90 million in revolving loans through January."
    assert one(text, dct, "January").value == "1990-01"
    text = "The sale is part of KKR's program to pay down $5 billion of a $6 billion bridge loan by February."
    assert one(text, dct, "February").value == "1990-02"
    text = "Thermo Electron agreed to purchase Milton Roy's liquid-chromatography line for $22 million in February."
    assert one(text, dct, "February").value == "1990-02"
    # Without a deadline or a plan, a past clause still reads the month as past.
    assert one("In October the navy held its largest drill.", D(2026, 3, 5), "October").value == "2025-10"


def test_parts_of_day_and_a_half() -> None:
    t = one("In London at mid-afternoon yesterday, Ratners's shares were up 2 pence.", D(1989, 11, 2),
            "mid-afternoon yesterday")
    assert (t.type, t.value) == ("TIME", "1989-11-01TAF")
    t = one("By mid afternoon, official Serb sources were saying the operation was over.", D(1998, 3, 6), "mid afternoon")
    assert (t.type, t.value) == ("TIME", "1998-03-06TAF")
    assert one("The silence lasted a minute and a half.", D(1998, 1, 14), "a minute and a half").value == "PT1M30S"


def test_put_off_until_a_day_and_modal_may_or_might_look_ahead() -> None:
    dct = D(2005, 3, 1)  # a Tuesday
    text = "Jury selection resumes in a process delayed until at least Thursday after a member of staff fell ill."
    assert one(text, dct, "Thursday").value == "2005-03-03"
    text = "The group might come to the U.S. as soon as Tuesday, according to unconfirmed media reports."
    assert one(text, D(2000, 4, 3), "Tuesday").value == "2000-04-04"
    # "May" the month is no modal: the meeting it names is still in the past.
    assert one("In May the board met on Tuesday to approve it.", D(2000, 4, 3), "Tuesday").value == "2000-03-28"
    # Fractional seconds are a time duration.
    assert one("His time of one minute 46.68 seconds was a record.", dct, "46.68 seconds").value == "PT46.68S"


def test_a_year_earlier_compares_with_the_period_just_reported() -> None:
    # Earnings-report style (TimeBank): after a quarter, "a year earlier" is that quarter a year before;
    # after "the nine months" it is the year before, not the quarter named earlier.
    dct = D(1989, 11, 1)
    text = ("Net income in the third quarter rose to $5 million from $4 million a year earlier. "
            "For the nine months, net was $12 million, compared with $10 million a year earlier.")
    found = [t for t in tag(text, dct) if t.text == "a year earlier"]
    assert [t.value for t in found] == ["1988-Q3", "1988"]


def test_scheduled_present_tense_and_deadline_months_look_ahead() -> None:
    # A Friday story: "meet separately Monday" is a schedule, the coming Monday, not the one past.
    friday = D(1998, 5, 1)
    text = "He and Palestinian leader Yasser Arafat meet separately Monday with the Secretary of State."
    assert one(text, friday, "Monday").value == "1998-05-04"
    assert one("The talks ended Monday without a deal.", friday, "Monday").value == "1998-04-27"
    # August is six months either side of February: a future clause picks the coming one.
    text = "Qantas will almost double its flights between Australia and India by August."
    assert one(text, D(1998, 2, 13), "August").value == "1998-08"
    assert one("Sales had been falling since August.", D(1998, 2, 13), "August").value == "1997-08"


def test_this_quarter_after_a_reported_quarter_is_that_quarter() -> None:
    dct = D(1989, 11, 1)
    text = "The company lost $2 million in the third quarter ended Sept. 30. This quarter's loss includes charges."
    assert one(text, dct, "This quarter").value == "1989-Q3"
    assert one("Sales should recover this quarter, the company said.", dct, "this quarter").value == "1989-Q4"


def test_the_week_ending_or_beginning_a_date_is_that_iso_week() -> None:
    text = "During the week ending July 6 there were more visits than the week before."
    assert one(text, D(2030, 7, 16), "the week ending July 6").value == "2030-W27"
    assert one("Talks open the week beginning March 4, 2030.", D(2030, 1, 2), "the week beginning March 4, 2030").value == "2030-W10"


def test_a_generic_today_is_the_present_not_a_date() -> None:
    assert one("Today's computers use far more power.", D(2030, 7, 16), "Today").value == "PRESENT_REF"
    assert one("The chips in today’s phones are faster.", D(2030, 7, 16), "today").value == "PRESENT_REF"
    # today's own news is still the day
    assert one("Today's announcement surprised investors.", D(2030, 7, 16), "Today").value == "2030-07-16"
    assert one("Today's talks ended early.", D(2030, 7, 16), "Today").value == "2030-07-16"


def test_a_weekday_with_a_part_of_day_keeps_the_part() -> None:
    dct = D(2024, 7, 20)  # a Saturday
    assert one("In a statement Saturday morning, the firm said it was sorry.", dct, "Saturday morning").value == "2024-07-20TMO"
    assert one("Crowds gathered on Friday night in the square.", dct, "Friday night").value == "2024-07-19TNI"
    assert one("The firm said on Friday that it was sorry.", dct, "Friday").value == "2024-07-19"


def test_a_clock_time_that_night_is_on_the_day_last_named() -> None:
    dct = D(2024, 8, 1)  # a Thursday
    text = "He met the president on Tuesday. At 2 a.m. that night, he was killed. At 9 a.m. the next day, police came."
    v = values(text, dct)
    assert v["2 a.m. that night"] == "2024-07-31T02:00"  # the small hours of Tuesday night are Wednesday's
    assert v["9 a.m. the next day"] == "2024-07-31T09:00"
    assert values("At 11 p.m. that night, he was killed.", dct)["11 p.m. that night"] == "2024-08-01T23:00"


def test_a_clock_time_alone_does_not_move_the_day_the_story_named() -> None:
    dct = D(2024, 8, 1)
    v = values("He arrived on Tuesday. Just before 7:00 p.m. he spoke; at 2 a.m. that night he was killed.", dct)
    assert v["2 a.m. that night"] == "2024-07-31T02:00"


def test_the_day_named_in_the_paragraph_before_is_passed_on() -> None:
    from briefing.timex import last_named
    dct = D(2024, 8, 1)
    before = "He was first pictured on Tuesday, before the inauguration."
    ref = last_named(tag(before, dct), before)
    assert ref == "2024-07-30"
    assert values("At 2 a.m. that night, he was killed.", dct)["2 a.m. that night"] == "2024-08-02T02:00"
    assert {t.text: t.value for t in tag("At 2 a.m. that night, he was killed.", dct, ref)}[
        "2 a.m. that night"] == "2024-07-31T02:00"
    assert last_named(tag("At 7 p.m. he spoke.", dct), "At 7 p.m. he spoke.") is None  # a clock names no day


def test_the_same_day_that_is_no_reference_back() -> None:
    assert "the same day" not in values("In 1998 it rained. On the same day that he died, she left.", D(2024, 8, 1))


def test_the_present_progressive_with_a_day_is_an_arrangement() -> None:
    dct = D(2024, 8, 1)  # a Thursday
    assert one("Her daughter, who is celebrating her 13th birthday on Friday, was there.", dct, "Friday").value == "2024-08-02"
    assert one("Her daughter, who was celebrating her birthday on Friday, was there.", dct, "Friday").value == "2024-07-26"
    # only a day: "is continuing under a June agreement" is no arrangement
    assert one("It said it is continuing to sell itself under a June agreement.", D(1989, 11, 1), "June").value == "1989-06"
