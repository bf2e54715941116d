"""Vocabulary and calendar arithmetic for the date tagger (briefing.timex).

Everything here is data or a small pure function; the regexes that use the vocabulary live in dates.py.
Values follow TIMEX3: "X" marks an unknown digit, so an unanchored "last year" is "XXXX".
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# (first month, last month) of each season, northern hemisphere, winter counted from December.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

_UNITS = {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "week": "W", "weekend": "WE", "month": "M",
    "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE", "fortnight": "FN",
}
_SMALL = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "thousand": 1000, "a thousand": 1000,
    "a couple of": 2, "couple of": 2, "a couple": 2, "a dozen": 12, "dozen": 12, "half a dozen": 6,
}
VAGUE = {"a few", "few", "several", "some", "many", "a number of", "the", "recent", "coming", "the past few",
         "the next few", "the last few", "numerous", "countless", "a couple more"}

TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
ONES = "one|two|three|four|five|six|seven|eight|nine"
TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
# A number in words or digits, as used before a time unit ("two", "twenty-four", "2 1/2", "1.5", "a dozen").
NUMBER_RE = (
    rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:{TENS})(?:[- ](?:{ONES}))?|{TEENS}|{ONES}|zero"
    r"|half\s+a\s+dozen|a\s+dozen|dozen|a\s+hundred|one\s+hundred|hundred|a\s+thousand|thousand"
    r"|a\s+couple\s+of|couple\s+of|a\s+couple|an?(?=\s))"
)


def number(text: str) -> float | None:
    """The value of a number phrase from NUMBER_RE, or None when it is vague ("several")."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t in _SMALL:
        return float(_SMALL[t])
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?: 1/2)?", t)
    if m:
        return float(m.group(1)) + (0.5 if t.endswith("1/2") else 0.0)
    parts = t.split()
    if len(parts) == 2 and parts[0] in _SMALL and parts[1] in _SMALL and _SMALL[parts[0]] >= 20:
        return float(_SMALL[parts[0]] + _SMALL[parts[1]])
    return None


def unit_code(word: str) -> str | None:
    """TIMEX3 unit letter(s) for a unit word in any number ("years" -> "Y", "centuries" -> "CE")."""
    w = word.lower()
    if w.endswith("ies"):
        w = w[:-3] + "y"
    w = w.rstrip("s") if w not in ("s",) else w
    return _UNITS.get(w)


def duration(n: float | None, unit: str) -> str:
    """TIMEX3 duration value: P5Y, PT3H, P10Y for a decade, P2Y6M for 2.5 years, PXY when vague."""
    time_unit = unit in ("H", "MIN", "S")
    if unit == "DE":
        unit, n = "Y", (None if n is None else n * 10)
    elif unit == "CE":
        unit, n = "Y", (None if n is None else n * 100)
    elif unit == "FN":
        unit, n = "W", (None if n is None else n * 2)
    elif unit == "WE":
        unit, n = "D", (None if n is None else n * 2)
    elif unit == "Q":
        unit, n = "M", (None if n is None else n * 3)
    prefix = "PT" if time_unit else "P"
    letter = "M" if unit == "MIN" else unit
    if n is None:
        return f"{prefix}X{letter}"
    if n == int(n):
        return f"{prefix}{int(n)}{letter}"
    whole = int(n)
    half = {"Y": (6, "M"), "D": (12, "H"), "M": (15, "D"), "W": (84, "H")}.get(unit)
    if unit == "H":
        return f"PT{whole}H30M" if whole else "PT30M"
    if unit == "MIN":
        return f"PT{whole}M30S" if whole else "PT30S"
    if half:
        extra, sub = half
        sep = "T" if sub == "H" else ""
        return f"P{whole}{unit}{sep}{extra}{sub}" if whole else f"P{sep}{extra}{sub}"
    return f"{prefix}{n:g}{letter}"  # "46.68 seconds" -> PT46.68S


# ---- calendar arithmetic -------------------------------------------------------------------------

def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def shift_quarter(year: int, q: int, delta: int) -> tuple[int, int]:
    idx = year * 4 + (q - 1) + delta
    return idx // 4, idx % 4 + 1


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def holiday(name: str, year: int) -> dt.date | None:
    """Date of a widely known holiday in ``year`` (US conventions for the movable ones)."""
    n = name.lower()
    if n.startswith("christmas eve"):
        return dt.date(year, 12, 24)
    if n.startswith("christmas"):
        return dt.date(year, 12, 25)
    if n.startswith("new year's eve"):
        return dt.date(year, 12, 31)
    if n.startswith("new year"):
        return dt.date(year, 1, 1)
    if n.startswith("halloween"):
        return dt.date(year, 10, 31)
    if n.startswith("independence day") or n.startswith("fourth of july") or n.startswith("july fourth"):
        return dt.date(year, 7, 4)
    if n.startswith("thanksgiving"):
        return nth_weekday(year, 11, 3, 4)
    if n.startswith("labor day"):
        return nth_weekday(year, 9, 0, 1)
    if n.startswith("memorial day"):
        return nth_weekday(year, 5, 0, -1)
    if n.startswith("election day"):
        return nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    if n.startswith("easter"):
        return easter(year)
    if n.startswith("valentine"):
        return dt.date(year, 2, 14)
    return None
