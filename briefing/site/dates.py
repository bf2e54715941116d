"""Human-readable forms of article dates and TIMEX3 values, and where a value lies in time."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from briefing.model import Article
from briefing.timex.values import interval
from briefing.timex.values import words as timex_value

def article_date(article: Article) -> str:
    d = article.date
    if d is None:
        return "date unknown"
    if article.date_precision == "year":
        return str(d.year)
    if article.date_precision == "month":
        return f"{calendar.month_name[d.month]} {d.year}"
    return f"{d.day} {calendar.month_name[d.month]} {d.year}"


def article_date_iso(article: Article) -> str | None:
    d = article.date
    if d is None:
        return None
    if article.date_precision == "year":
        return f"{d.year:04d}"
    if article.date_precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


_MODS = {"BEFORE": "by {}", "END": "end of {}", "START": "start of {}", "MID": "mid-{}", "APPROX": "about {}",
         "AFTER": "after {}", "ON_OR_AFTER": "{} or later", "LESS_THAN": "less than {}", "MORE_THAN": "more than {}"}


def timex_phrase(value: str, mod: str | None) -> str:
    """The value in words with its TIMEX3 mod: ("2027", "BEFORE") -> "by 2027"."""
    return _MODS.get(mod or "", "{}").format(timex_value(value))


def is_ahead(value: str, kind: str, today: dt.date) -> bool:
    """Whether an event belongs to the part of the timeline still to come on ``today``."""
    b = interval(value)
    if b is None:
        return False
    start, end = b
    if start > today:
        return True
    return kind != "past" and end >= today


VAGUE = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})  # "now", "recently", "soon": no date to show

_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "DE": "decade", "CE": "century",
          "H": "hour", "MIN": "minute", "S": "second", "Q": "quarter"}


def is_vague(value: str) -> bool:
    """Whether a TIMEX3 value names no time a reader could place ("now", "recently", "in the future")."""
    return value in VAGUE


def duration_phrase(value: str) -> str | None:
    """'P5Y' -> '5 years', 'PT3H' -> '3 hours', 'PXY' -> 'years'; None for anything else."""
    m = re.fullmatch(r"PT?(\d+(?:\.\d+)?|X)(Y|M|W|D|DE|CE|H|MIN|S|Q)", value)
    if not m:
        return None
    n, unit = m.groups()
    word = _UNITS["MIN" if value.startswith("PT") and unit == "M" else unit]
    if n == "X":
        return "centuries" if word == "century" else word + "s"
    plural = n != "1"
    return f"{n} " + ("centuries" if word == "century" and plural else word + ("s" if plural else ""))


def timex_tooltip(type_: str, value: str, mod: str | None = None) -> str:
    """What a date annotation shows on hover: the value in words, then the raw TIMEX3 value.

    ("DATE", "2024-04", None) -> "April 2024 · TIMEX3 2024-04"; ("DURATION", "P5Y") -> "5 years · TIMEX3 DURATION P5Y".
    """
    words = duration_phrase(value) if type_ == "DURATION" else timex_phrase(value, mod)
    raw = f"TIMEX3 {value}" if type_ in ("DATE", "") else f"TIMEX3 {type_} {value}"
    if mod:
        raw += f" ({mod})"
    return f"{words} · {raw}" if words else raw
