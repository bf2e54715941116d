"""Date rules for days and times of day: weekdays, today/yesterday, clock times, noon, parts of day."""

from __future__ import annotations

import datetime as dt
import re

from briefing.timex import ctx as ctx
from briefing.timex import lex as lex
from briefing.timex.base import Doc, Found, cand, cap, day_number, month_number, prev_word, span
from briefing.timex.calendar import year_for_md
from briefing.timex.names import NAMED_WEEKDAY, WEEKDAY_TITLE_AFTER, WEEKDAY_TITLE_BEFORE
from briefing.timex.patterns import WD


def weekday_name(m: re.Match[str], d: Doc) -> Found:
    word = m["wd"]
    if not cap(word):
        return None
    prev = prev_word(d.text, m.start("wd")).lower()
    if not m["rel"] and prev in NAMED_WEEKDAY:
        return None
    e = m.end("wd")
    if WEEKDAY_TITLE_AFTER.match(d.text, e) or WEEKDAY_TITLE_BEFORE.search(d.text, max(0, m.start() - 20), m.start()):
        return None
    wd = lex.WEEKDAYS[word.lower().rstrip(".")]
    s, e = span(m)
    # "Wednesday's ruling": a possessive weekday names something that has happened.
    t = "past" if d.text.startswith("'s", e) or d.text.startswith("’s", e) else d.tense(s, e)
    day = ctx.weekday_date(d.dct, wd, t, m["rel"])
    value = ctx.date_str(day) if d.dct else f"XXXX-WXX-{wd + 1}"
    if m["pod"] and d.dct:
        # "Saturday morning": the part of the day the statement came in (TIME 2024-07-20TMO), which orders
        # it among that day's clock times on a timeline.
        return cand(m, "DATE", f"{value}T{lex.PARTS_OF_DAY[m['pod'].lower()]}")
    return cand(m, "DATE", value)


# "today's computers", "today’s young people": the present in general, not the day. An event noun after
# it ("today's talks", "today's announcement") keeps the day.
_GENERIC_TODAY = re.compile(r"[’']s\s+(?:[a-z-]+\s+)?(?P<n>[a-z]{3,}(?<!s)s|people|children|men|women)\b")
_EVENT_NOUNS = frozenset(
    "talks meetings elections protests strikes attacks hearings results votes announcements events games matches"
    " races rallies sessions debates negotiations markets trades losses gains headlines papers news".split())


def relative_day(m: re.Match[str], d: Doc) -> Found:
    w = " ".join((m["w"] or "today").lower().split())
    if w == "today" and not m["pod"]:
        g = _GENERIC_TODAY.match(d.text, m.end())
        if g and g["n"] not in _EVENT_NOUNS:
            return cand(m, "DATE", "PRESENT_REF")
    delta = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
             "the day before yesterday": -2, "the day after tomorrow": 2}[w]
    day = None if d.dct is None else d.dct + dt.timedelta(days=delta)
    if m["pod"]:
        return cand(m, "TIME", f"{ctx.date_str(day)}T{lex.PARTS_OF_DAY[m['pod'].lower()]}")
    return cand(m, "DATE", ctx.date_str(day))


def _hour_minute(m: re.Match[str]) -> tuple[int, int] | None:
    """The 24-hour clock of a match's h, mi and am/pm groups ("2 a.m." 02:00, "12 p.m." 12:00); None if impossible."""
    h = int(m["h"])
    mi = int(m["mi"]) if m["mi"] else 0
    ap = (m["ap"] or "").lower().replace(".", "").strip()
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    return h, mi


def clock_time(m: re.Match[str], d: Doc) -> Found:
    clock = _hour_minute(m)
    if clock is None:
        return None
    return cand(m, "TIME", f"{_time_day(m, d)}T{clock[0]:02d}:{clock[1]:02d}")


_PAREN_WD = re.compile(rf"\s*\([^()\n]{{1,25}}\),?\s+(?:on\s+)?({WD})")


def _time_day(m, d: Doc) -> str:
    """The date a clock time falls on: the weekday/date/relative day written next to it, else the DCT."""
    s, e = span(m)
    wd_word = m["wd"]
    if not (wd_word or m["rd"] or m["mon"]):
        # "at 10:35 a.m. (0735 GMT) Friday": the day after a parenthesis, left out of the span
        later = _PAREN_WD.match(d.text, e)
        wd_word = later and later.group(1)
    if wd_word and cap(wd_word):
        wd = lex.WEEKDAYS[wd_word.lower().rstrip(".")]
        day = ctx.weekday_date(d.dct, wd, d.tense(s, e))
        return ctx.date_str(day) if d.dct else f"XXXX-WXX-{wd + 1}"
    if m["rd"]:
        delta = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["rd"].lower()]
        return ctx.date_str(d.dct + dt.timedelta(days=delta) if d.dct else None)
    if m["mon"] and cap(m["mon"]):
        month, day = month_number(m["mon"]), day_number(m["d"])
        return f"{year_for_md(m, d, month, day)}-{month:02d}-{day:02d}"
    return ctx.date_str(d.dct)


_NARR_DAY = {"that": 0, "that same": 0, "the same": 0, "the next": 1, "the following": 1, "the previous": -1}


def clock_that_day(m: re.Match[str], d: Doc) -> Found:
    """'2 a.m. that night', '9 a.m. the next day': a clock time on the day the story last named (resolved in
    resolve_narrative). The small hours of "that night" are the next calendar day."""
    clock = _hour_minute(m)  # the rule's pattern admits 1-12 with a.m. or p.m. only
    if clock is None:
        return None
    h, mi = clock
    delta = _NARR_DAY[" ".join(m["rel"].lower().split())]
    if m["u"].lower() == "night" and h < 6:
        delta += 1
    fallback = f"{ctx.date_str(d.dct + dt.timedelta(days=delta) if d.dct else None)}T{h:02d}:{mi:02d}"
    return cand(m, "TIME", f"@ND{delta:+d}T{h:02d}:{mi:02d}|{fallback}")


def noon_time(m: re.Match[str], d: Doc) -> Found:
    w = m["w"].lower()
    hhmm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[w]
    return cand(m, "TIME", f"{_time_day(m, d)}T{hhmm}")


def part_of_day(m: re.Match[str], d: Doc) -> Found:
    rel = m["rel"].lower()
    p = lex.PARTS_OF_DAY[m["p"].lower()]
    delta = {"this": 0, "tonight": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and p != "NI":
        return None  # "last morning" is not idiomatic; "last evening" rare
    day = d.dct + dt.timedelta(days=delta) if d.dct else None
    return cand(m, "TIME", f"{ctx.date_str(day)}T{p}")
