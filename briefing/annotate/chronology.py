"""The date each block's times are told against: the article date, or a chronology heading's day.

A dated chronology ("Late Thursday night and early Friday" over the paragraphs of that night, then
"Saturday morning: …") dates the entries under it: "At 5:30 a.m." below the Friday heading is Friday's
5:30, not the article date's. A marker is a heading, or a short list item or paragraph that is a day or opens
with one before a colon or dash ("Saturday morning: massive flight delays", "July 19, 2024"), naming a day by a weekday, a month and
day, or yesterday/today/tomorrow; its last such day becomes the anchor. The anchor holds until a heading of
a higher rank, or one of the same rank that names no time at all, closes the section; a heading with only
a clock time ("Between 6 and 7 a.m.") continues it.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.model import Block, Timex

# Words that name a day, as opposed to a clock time or a part of a day alone.
_DAY_WORD = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug"
    r"|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\b(?:yesterday|today|tomorrow|tonight)\b|\b\d{1,4}[/-]\d{1,2}[/-]\d{1,4}\b", re.I)
_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_SHORT_WORDS = 12  # a list item or paragraph this short that opens with a day is a chronology marker


def _day_of(timex: Timex) -> dt.date | None:
    m = _DAY_VALUE.match(timex.value or "")
    if not m or timex.type not in ("DATE", "TIME") or not _DAY_WORD.search(timex.text):
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _marker_day(block: Block, found: list[Timex]) -> dt.date | None:
    """The day a chronology marker names, or None when the block is not one."""
    days = [(t, d) for t in found if (d := _day_of(t))]
    if not days:
        return None
    if block.kind != "heading":
        if block.kind not in ("item", "paragraph") or len(block.text.split()) > _SHORT_WORDS:
            return None
        first = days[0][0]
        if block.text[: first.start].strip(" \t*_-–—•").lower() not in ("", "late", "early"):
            return None
        if not re.match(r"\s*(?:$|[:–—]|-\s)", block.text[found[-1].end :]):
            return None  # "Monday: …" or a date alone is a marker; "Monday, the minister resigned." is not
    return days[-1][1]


def block_anchors(blocks: tuple[Block, ...] | list[Block], dct: dt.date | None, tag) -> dict[int, dt.date | None]:
    """Block index -> the date its relative times resolve against. ``tag(text, dct)`` is the date tagger."""
    anchors: dict[int, dt.date | None] = {}
    anchor, rank = dct, None  # rank: the heading level that set the anchor (0: an item or paragraph marker)
    for b in blocks:
        if dct is None or b.kind == "code":
            anchors[b.index] = anchor
            continue
        if b.kind == "heading" and rank is not None:
            level = b.level or 2
            timed = bool(tag(b.text, anchor))
            if level < rank or (not timed and (rank == 0 or level == rank)):
                anchor, rank = dct, None
        day = _marker_day(b, tag(b.text, dct)) if b.kind in ("heading", "item", "paragraph") else None
        if day is not None:
            anchor, rank = day, (b.level or 2) if b.kind == "heading" else 0
        anchors[b.index] = anchor
    return anchors
