"""Date rules for calendar dates: ISO and numeric dates, month and day, month and year, a month alone,
holidays and spoken years. A year the text leaves out comes from the anchor and the tense."""

from __future__ import annotations

import re

from briefing.timex import ctx as ctx
from briefing.timex import lex as lex
from briefing.timex.base import (
    Cand,
    Doc,
    Found,
    cand,
    cap,
    day_number,
    month_number,
    next_word,
    prev_word,
    sentence_start,
    span,
)
from briefing.timex.names import NAMED_HEADS
from briefing.timex.patterns import F


def iso_date(m: re.Match[str], d: Doc) -> Found:
    day = lex.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if not day:
        return None
    if m["hh"]:
        return cand(m, "TIME", f"{day.isoformat()}T{m['hh']}:{m['mi']}")
    return cand(m, "DATE", day.isoformat())


def numeric_date(m: re.Match[str], d: Doc) -> Found:
    y = int(m["y"])
    if len(m["y"]) == 2:
        y += 1900 if y > 30 else 2000
    mo, da = int(m["m"]), int(m["d"])
    day = lex.safe_date(y, mo, da)
    if not day:
        return None
    return cand(m, "DATE", day.isoformat())


# "by February", "through January", "until mid-November": a deadline, whatever the tense of the clause
# ("extended loans through January"), so the nearest such month to the anchor wins.
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|through)\s+(?:(?:early|late|mid)[- ]?\s*)?$", F)


def _month_year(d: Doc, month: int, day: int | None, s: int, e: int) -> int | None:
    """The year of a month (and day) written without one at [s, e): from the anchor and the tense, which
    only breaks ties after a deadline word (see _DEADLINE_BEFORE): "will double flights by August"."""
    if _DEADLINE_BEFORE.search(d.text, max(0, s - 20), s):
        return ctx.month_year(d.dct, month, day, None, lean=d.tense(s, e))
    return ctx.month_year(d.dct, month, day, d.tense(s, e))


def year_for_md(m: re.Match[str], d: Doc, month: int, day: int | None) -> str:
    s, e = span(m)
    return ctx.year_str(_month_year(d, month, day, s, e))


def _named(m, d: Doc) -> bool:
    """'the March 1 Movement': a date inside a proper name."""
    s, e = span(m)
    return bool(NAMED_HEADS.match(d.text, e)) and d.text[max(0, s - 4) : s].lower() == "the "


def _md_value(m, d: Doc) -> str | None:
    """'YYYY-MM-DD' of a month-day match (groups mon, d, y), the year from the anchor when not written."""
    month, day = month_number(m["mon"]), day_number(m["d"])
    if "y" in m.re.groupindex and m["y"]:
        year = m["y"]
    else:
        if m["mon"].lower() == "may" and next_word(d.text, m.end()).lower() in ("percent", "per"):
            return None
        year = year_for_md(m, d, month, day)
    if year != "XXXX" and not lex.safe_date(int(year), month, day):
        return None
    return f"{year}-{month:02d}-{day:02d}"


def month_day(m: re.Match[str], d: Doc) -> Found:
    if not cap(m["mon"]) or _named(m, d):
        return None
    value = _md_value(m, d)
    return cand(m, "DATE", value) if value else None


def month_day_pair(m: re.Match[str], d: Doc) -> Found:
    """'April 24 and 25': two dates, the second one a bare day of the same month."""
    if not cap(m["mon"]):
        return None
    value = _md_value(m, d)
    if value is None or lex.safe_date(2000, month_number(m["mon"]), day_number(m["d2"])) is None:
        return None
    first = Cand(m.start("mon"), m.end("d"), "DATE", value)
    second = Cand(m.start("d2"), m.end("d2"), "DATE", f"{value[:8]}{day_number(m['d2']):02d}")
    return [first, second]


def week_of(m: re.Match[str], d: Doc) -> Found:
    """'the week of March 6', 'the week ending July 6': the ISO week holding that day."""
    if not cap(m["mon"]):
        return None
    value = _md_value(m, d)
    day = lex.safe_date(int(value[:4]), int(value[5:7]), int(value[8:])) if value and value[0] != "X" else None
    return cand(m, "DATE", lex.iso_week(day)) if day else None


def month_with_year(m: re.Match[str], d: Doc) -> Found:
    if not cap(m["mon"]):
        return None
    return cand(m, "DATE", f"{m['y']}-{month_number(m['mon']):02d}")


def month_rel_year(m: re.Match[str], d: Doc) -> Found:
    if not cap(m["mon"]):
        return None
    delta = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    y = None if d.dct is None else d.dct.year + delta
    return cand(m, "DATE", f"{ctx.year_str(y)}-{month_number(m['mon']):02d}")


_MAY_OK_BEFORE = {
    "in", "since", "until", "till", "by", "from", "through", "last", "next", "this", "early", "late", "mid",
    "of", "during", "before", "after", "between", "and", "or", "to", "for", "on", "past", "coming", "that",
}


def month_alone(m: re.Match[str], d: Doc) -> Found:
    word = m["mon"]
    if not cap(word):
        return None
    text = d.text
    s, e = span(m)
    prev = prev_word(text, m.start("mon"))
    rel = (m["rel"] or "").lower()
    if word.lower() == "may" and not rel:
        if prev.lower() not in _MAY_OK_BEFORE or sentence_start(text, m.start("mon")):
            return None
        nxt = next_word(text, e)
        if nxt.lower() in ("be", "have", "not", "also", "still", "well", "never", "soon", "take", "need"):
            return None
    # A capitalized word just before ("Theresa May", "Kitty March") makes it a name.
    if not rel and prev[:1].isupper() and not sentence_start(text, m.start("mon")) and \
            prev.lower() not in ("in", "since", "until", "by", "from", "through", "last", "next", "this",
                                  "early", "late", "mid", "of", "on", "during", "and", "or", "to", "the"):
        return None
    if re.match(r"\s+\d{1,2}(?:st|nd|rd|th)?\b", text[e : e + 8]) and NAMED_HEADS.match(
            text, e + len(re.match(r"\s+\d{1,2}(?:st|nd|rd|th)?", text[e : e + 8]).group())):
        return None  # "the March 1 Movement"
    month = month_number(word)
    if d.dct is None:
        return cand(m, "DATE", f"XXXX-{month:02d}")
    y = d.dct.year
    if rel in ("last", "this past"):
        y = y if month < d.dct.month else y - 1
    elif rel in ("next", "this coming"):
        y = y if month > d.dct.month else y + 1
    elif rel == "this":
        pass
    else:
        y = _month_year(d, month, None, m.start("mon"), e)
    return cand(m, "DATE", f"{ctx.year_str(y)}-{month:02d}")


def holiday_date(m: re.Match[str], d: Doc) -> Found:
    name = m["h"]
    if not cap(name):
        return None
    if m["y"]:
        y = int(m["y"])
    elif d.dct is None:
        return cand(m, "DATE", "XXXX-XX-XX")
    else:
        ref = lex.holiday(name, d.dct.year)
        if ref is None:
            return None
        rel = (m["rel"] or "").lower()
        s, e = span(m)
        t = "past" if rel == "last" else "future" if rel == "next" else d.tense(s, e)
        y = ctx.month_year(d.dct, ref.month, ref.day, t) or d.dct.year
    day = lex.holiday(name, y)
    return cand(m, "DATE", day.isoformat()) if day else None


_SPOKEN_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

_SPOKEN_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9}


def spoken_year(m: re.Match[str], d: Doc) -> Found:
    if m["th"]:
        tail = (m["tail"] or "").lower()
        year = f"{2000 + _SPOKEN_ONES.get(tail, _SPOKEN_TENS.get(tail, 0)):04d}"
    else:
        parts = re.split(r"[- ]", m["yy"].lower())
        year = f"19{sum(_SPOKEN_TENS.get(p, _SPOKEN_ONES.get(p, 0)) for p in parts):02d}"
    # "January nineteen ninety-seven", "the winter of nineteen ninety-four" (broadcast transcripts).
    if m["mon"] and cap(m["mon"]):
        return cand(m, "DATE", f"{year}-{month_number(m['mon']):02d}")
    if m["s"]:
        return cand(m, "DATE", f"{year}-{lex.SEASONS[m['s'].lower()]}")
    start = m.start("mon") if m["mon"] else m.start("yr")
    return Cand(start, m.end(), "DATE", year)
