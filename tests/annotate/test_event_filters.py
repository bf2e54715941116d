"""What never becomes a timeline event (issue 14): headings, captions, questions, interviewer turns, bios,
clock stamps, footnotes and hypotheticals; their dates stay dates."""

from __future__ import annotations

import pytest

from briefing.annotate.events import eventless_blocks, eventless_sentence
from briefing.model import Block


def blocks(*specs: tuple[str, str]) -> tuple[Block, ...]:
    return tuple(Block(index=i, kind=kind, text=text, level=2 if kind == "heading" else 0)
                 for i, (kind, text) in enumerate(specs))


def quiet(*specs: tuple[str, str], outlet: str | None = None, authors: tuple[str, ...] = ()) -> list[bool]:
    bs = blocks(*specs)
    out = eventless_blocks(bs, outlet, authors)
    return [b.index in out for b in bs]


def test_headings_and_captions_are_not_events() -> None:
    assert quiet(("heading", "Monday: the ministers meet"), ("caption", "The harbour on May 2, 2019."),
                 ("paragraph", "The ministers met on Monday.")) == [True, True, False]


def test_a_paragraph_over_a_photo_credit_is_a_caption() -> None:
    assert quiet(("paragraph", "Boats lie stranded on a dry lake bed on June 3, 2021."),
                 ("paragraph", "Jane Doe | Afp | Getty Images"),
                 ("paragraph", "The drought began in May 2021.")) == [True, True, False]


def test_a_short_paragraph_naming_an_agency_is_not_a_credit() -> None:
    assert quiet(("paragraph", "The minister told Reuters on Tuesday that talks had failed."),
                 ("paragraph", "Talks resume next week.")) == [False, False]


@pytest.mark.parametrize("stamp", ["11:04 A.M. EDT", "3:15 p.m.", "09:30 GMT", "10 PM (ET)"])
def test_clock_stamps_alone_on_a_line(stamp: str) -> None:
    assert quiet(("paragraph", stamp), ("paragraph", "At 11:04 a.m. the call began.")) == [True, False]


@pytest.mark.parametrize("line", [
    "[3] Jane Roe, Bank Notes: A Long Winter (Jan. 4, 2020).",
    "^ Ministry of Finance, annual report, March 2019.",
    "Sources: Ministry of Finance, March 2019.",
])
def test_footnotes_and_citations(line: str) -> None:
    assert quiet(("paragraph", "The deficit widened in 2019."), ("paragraph", line)) == [False, True]


def test_interviewer_turns_by_label_or_outlet_name() -> None:
    got = quiet(("paragraph", "Daily Planet: Should people get a booster this winter?"),
                ("paragraph", "Dr. Ann Lee: The new vaccine arrived in September."),
                ("paragraph", "Q    Thank you. Yesterday I met the ambassador."),
                ("paragraph", "QUESTION: Will the sanctions hold after June?"),
                ("paragraph", "The sanctions took effect in June."),
                outlet="Daily Planet")
    assert got == [True, False, True, True, False]


def test_an_author_bio_is_not_an_event() -> None:
    got = quiet(("paragraph", "The firm was founded in 1999."),
                ("paragraph", "Jane Doe is a senior fellow at the Example Institute, where she has worked since 2015."),
                authors=("Jane Doe",))
    assert got == [False, True]


@pytest.mark.parametrize(("sentence", "quiet_"), [
    ("Why did the talks collapse in March?", True),
    ("“Will the plant reopen in 2027?”", True),
    ("If the talks had not collapsed, would the sanctions have come in June?", True),
    ("If genAI lets firms hire fewer engineers in 2030, output would rise.", True),
    ("The talks collapsed in March.", False),
    ("The minister said he would travel to Paris on Friday.", False),
    ("The plant will reopen in 2027 if the loan is approved.", False),
])
def test_questions_and_hypotheticals(sentence: str, quiet_: bool) -> None:
    assert eventless_sentence(sentence) is quiet_
