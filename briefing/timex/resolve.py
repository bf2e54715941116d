"""What happens after the rules matched: modifiers joined on the left ("early", "more than") and right
("or later"), and references back to the quarter or date the story last named."""

from __future__ import annotations

import datetime as dt
import re

from briefing.timex import ctx as ctx
from briefing.timex import lex as lex
from briefing.timex.base import Cand
from briefing.timex.patterns import MONTH_FULL, WD_FULL, F

# Left modifiers that join the expression: "early", "the end of", "mid-" (point modifiers) and
# "nearly", "more than" (quantity modifiers, for durations and "ago" dates).
_LEFT_POINT = re.compile(
    r"(?:\b(?:the\s+)?(?P<pt>end|close|beginning|start|middle|turn)\s+of\s+"
    r"|\b(?P<el>early|late|mid|earlier|later)(?:\s+in)?(?:-|\s+)|\bmid-?(?=\d))$", F)

_LEFT_QTY = re.compile(
    r"\b(?P<q>nearly|almost|about|around|approximately|roughly|more\s+than|less\s+than|fewer\s+than"
    r"|at\s+least|up\s+to|no\s+more\s+than|over|just\s+over|well\s+over|some|under|just\s+under)\s+$", F)

_RIGHT = re.compile(r"\s+(?P<r>or\s+later|and\s+beyond|or\s+earlier|or\s+so)\b", F)

_BY = re.compile(r"\b(?:by|no\s+later\s+than|before)\s+$", F)

_POINT_MOD = {"end": "END", "close": "END", "beginning": "START", "start": "START", "middle": "MID",
              "turn": "START", "early": "START", "late": "END", "mid": "MID", "earlier": "START",
              "later": "END"}

_QTY_MOD = {"nearly": "APPROX", "almost": "APPROX", "about": "APPROX", "around": "APPROX",
            "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX", "more than": "MORE_THAN",
            "over": "MORE_THAN", "just over": "MORE_THAN", "well over": "MORE_THAN", "less than": "LESS_THAN",
            "fewer than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN",
            "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS"}


def extend(c: Cand, text: str, floor: int) -> Cand:
    """Grow a candidate over modifiers on its left (not past ``floor``) and 'or later' on its right."""
    window = text[max(floor, c.start - 40) : c.start]
    base = c.start - len(window)
    if c.type in ("DATE", "TIME") and not c.value.endswith("_REF"):
        m = _LEFT_POINT.search(window)
        if m:
            key = (m["pt"] or m["el"] or "mid").lower()
            c = Cand(base + m.start(), c.end, c.type, c.value, _POINT_MOD[key], c.rule)
            window = text[max(floor, c.start - 40) : c.start]
            base = c.start - len(window)
    if c.type == "DURATION" or (c.type in ("DATE", "TIME") and re.search(r"\b(?:ago|earlier)$|[ap]\.?m\.?$", text[c.start:c.end], F)):
        m = _LEFT_QTY.search(window)
        loose = m and m["q"].lower() in ("over", "some", "under")
        # "over the next decade" is "during"; "over two years" is a quantity.
        if m and not (loose and (c.type != "DURATION" or text.startswith(("the ", "The "), c.start))):
            c = Cand(base + m.start(), c.end, c.type, c.value, c.mod or _QTY_MOD[" ".join(m["q"].lower().split())], c.rule)
    if c.type == "DATE":
        r = _RIGHT.match(text, c.end)
        if r:
            mod = {"or later": "ON_OR_AFTER", "and beyond": "ON_OR_AFTER", "or earlier": "ON_OR_BEFORE"}.get(
                " ".join(r["r"].lower().split()), c.mod)
            c = Cand(c.start, r.end(), c.type, c.value, mod, c.rule)
        if c.mod is None and _BY.search(text[max(floor, c.start - 20) : c.start]):
            c = Cand(c.start, c.end, c.type, c.value, "BEFORE", c.rule)
    return c


# How far (in characters) a quarter named in the text stays the reference for "a year earlier".
_REF_REACH = 1000

_Q_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
# Reporting periods other than a quarter (half years, "the nine months"): after one, "a year earlier"
# compares with that period, so the year before, not the last quarter named.
_OTHER_PERIOD = re.compile(r"^(?:\d{4}-H[12]|P[69]M)$")


def resolve_refs(cands: list[Cand]) -> list[Cand]:
    """Fill '@Q<delta>|<fallback>' placeholders from the last explicit quarter named before them."""
    ref: tuple[int, int] | None = None
    ref_at = 0
    out = []
    for c in cands:
        v = c.value
        if v.startswith("@QY"):
            year, fallback = v[3:].split("|", 1)
            v = f"{year}-Q{ref[1]}" if ref is not None and c.start - ref_at < _REF_REACH else fallback
            c = Cand(c.start, c.end, c.type, v, c.mod, c.rule)
        elif v.startswith("@Q"):
            delta_s, fallback = v[2:].split("|", 1)
            if ref is not None and c.start - ref_at < _REF_REACH:
                y, q = lex.shift_quarter(ref[0], ref[1], int(delta_s))
                v = f"{y:04d}-Q{q}"
            else:
                v = fallback
            c = Cand(c.start, c.end, c.type, v, c.mod, c.rule)
        else:
            qm = _Q_VALUE.match(v)
            if qm:
                ref = (int(qm.group(1)), int(qm.group(2)))
                ref_at = c.end
            elif _OTHER_PERIOD.match(v):
                ref = None  # "for the nine months ... a year earlier": the year before, not the quarter
        out.append(c)
    return out


_ABS_VALUE = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")

_NAMES_DATE = re.compile(rf"\d|\b(?:{MONTH_FULL}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|{WD_FULL})\b")


def _narrative_value(ref: str, code: str, delta: int) -> str:
    """The unit ``code`` of the named date ``ref`` moved by ``delta``, as precise as ``ref`` allows."""
    m = _ABS_VALUE.match(ref)
    y, mo, da = int(m.group(1)), m.group(2), m.group(3)
    if code == "Y":
        return ctx.year_str(y + delta)
    if code == "M":
        if mo is None:
            return f"{ctx.year_str(y)}-XX"
        yy, mm = lex.add_months(y, int(mo), delta)
        return f"{ctx.year_str(yy)}-{mm:02d}"
    if da is None:
        tail = "WXX" if code == "W" else "XX-XX" if mo is None else f"{mo}-XX"
        return f"{ctx.year_str(y)}-{tail}" if code == "W" or delta == 0 else f"{ctx.year_str(y)}-XX-XX"
    day = lex.safe_date(y, int(mo), int(da))
    if day is None:
        return ref
    if code == "W":
        return lex.iso_week(day + dt.timedelta(weeks=delta))
    return (day + dt.timedelta(days=delta)).isoformat()


# A clock time alone ("at 7:00 p.m.") names no day: it does not move the narrative's reference.
_CLOCK_ONLY = re.compile(r"^\D*\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?|GMT|UTC|[ECMP][SD]T|local|hours|hrs|$)", F)


def names_date(c: Cand, text: str) -> bool:
    """True when ``c`` is a date the text itself names ("on Tuesday", "Oct. 23, 1999"), which later
    references back ("that night", "the following year") count from."""
    if c.type not in ("DATE", "TIME") or not _ABS_VALUE.match(c.value[:10]):
        return False
    if not _NAMES_DATE.search(text, c.start, c.end):
        return False
    return not (c.type == "TIME" and _CLOCK_ONLY.match(text[c.start : c.end]))


def resolve_narrative(cands: list[Cand], text: str, ref: str | None = None) -> list[Cand]:
    """Fill '@N<unit><delta>[T<clock>]|<fallback>' placeholders from the last date the text named itself
    ("Oct. 23, 1999 ... earlier that day"), the reference time of narrative rather than the anchor.
    ``ref`` is the date the text before ``text`` last named (the paragraphs before), if any."""
    ref_at = 0
    out = []
    for c in cands:
        if c.value.startswith("@N"):
            spec, fallback = c.value[2:].split("|", 1)
            spec, _, clock = spec.partition("T")
            if ref is not None and c.start - ref_at < _REF_REACH and (not clock or len(ref) == 10):
                v = _narrative_value(ref, spec[0], int(spec[1:])) + (f"T{clock}" if clock else "")
            else:
                v = fallback
            c = Cand(c.start, c.end, c.type, v, c.mod, c.rule)
        elif names_date(c, text):
            ref, ref_at = c.value[:10], c.end
        out.append(c)
    return out
