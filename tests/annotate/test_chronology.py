"""A dated chronology anchors the clock times and relative days under it (issue 14)."""

from __future__ import annotations

import datetime as dt

from briefing.annotate.chronology import block_anchors
from briefing.model import Block
from briefing.timex import tag

D = dt.date
DCT = D(2030, 5, 11)  # a Saturday


def blocks(*specs: tuple[str, str, int]) -> tuple[Block, ...]:
    return tuple(Block(index=i, kind=kind, text=text, level=level) for i, (kind, text, level) in enumerate(specs))


def anchors(*specs: tuple[str, str, int]) -> list[dt.date | None]:
    got = block_anchors(blocks(*specs), DCT, tag)
    return [got[i] for i in range(len(specs))]


def test_a_day_heading_dates_the_paragraphs_under_it() -> None:
    got = anchors(("paragraph", "The network failed on Friday.", 0),
                  ("heading", "Late Thursday night and early Friday, the lines go dark", 3),
                  ("paragraph", "At 4:10 a.m., the operator reports the fault.", 0),
                  ("heading", "Between 6 and 7 a.m., banks report problems", 3),
                  ("paragraph", "At 6:30 a.m., the first bank closes its branches.", 0),
                  ("heading", "Saturday morning: the repair", 3),
                  ("paragraph", "At 9 a.m., the operator says the fix has worked.", 0))
    assert got == [DCT, D(2030, 5, 10), D(2030, 5, 10), D(2030, 5, 10), D(2030, 5, 10), DCT, DCT]
    # and the tagger, given that anchor, puts 4:10 a.m. on Friday
    assert tag("At 4:10 a.m., the operator reports the fault.", got[2])[0].value == "2030-05-10T04:10"


def test_an_undated_heading_of_the_same_rank_ends_the_chronology() -> None:
    got = anchors(("heading", "Thursday", 2), ("paragraph", "At noon the vote is held.", 0),
                  ("heading", "Reactions", 2), ("paragraph", "At noon the markets rose.", 0))
    assert got == [D(2030, 5, 9), D(2030, 5, 9), DCT, DCT]


def test_a_short_item_or_paragraph_that_is_a_day_is_a_marker() -> None:
    got = anchors(("item", "May 3, 2030: the first talks", 0), ("paragraph", "At 10 a.m. they begin.", 0),
                  ("paragraph", "Tuesday", 0), ("paragraph", "At 10 a.m. they resume.", 0))
    assert got == [D(2030, 5, 3), D(2030, 5, 3), D(2030, 5, 7), D(2030, 5, 7)]


def test_a_sentence_that_opens_with_a_day_is_not_a_marker() -> None:
    got = anchors(("paragraph", "On Monday, the minister resigned.", 0),
                  ("paragraph", "Monday, the minister resigned.", 0),
                  ("paragraph", "He will travel to Paris on Friday.", 0))
    assert got == [DCT, DCT, DCT]


def test_no_article_date_leaves_every_anchor_unknown() -> None:
    assert block_anchors(blocks(("heading", "Thursday", 2), ("paragraph", "At noon.", 0)), None, tag) == {0: None, 1: None}
