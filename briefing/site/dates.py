"""Human-readable forms of article dates and TIMEX3 values, and where a value lies in time."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from briefing.model import Article
from briefing.timex.values import interval, parts
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


ACROSS = "Across the year"


def period_label(value: str) -> str:
    """The heading a value is filed under within its year: "March", "Spring", "Q2", or ACROSS."""
    rest = parts(value).part
    if rest.isdigit():
        return timex_value(value[:7]).split(" ")[0]
    if rest[:1] in ("Q", "H") or rest in ("SP", "SU", "FA", "WI"):  # quarters, halves, seasons: "Spring"
        return timex_value(value[:7]).rsplit(" ", 1)[0].capitalize()
    if rest[:1] == "W" and (b := interval(value[:8])):  # a week: the month it starts in
        return timex_value(b[0].strftime("%Y-%m")).split(" ")[0]
    return ACROSS


def kind_label(kind: str, ahead: bool) -> str:
    """The badge of a timeline entry. A date that was scheduled or set as a target in its article but has
    passed by the build date is listed with the past, as what was planned: we do not know it happened."""
    if ahead or kind == "past":
        return kind
    return {"scheduled": "was scheduled", "target": "was a target"}.get(kind, kind)


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
    """What a date annotation shows on hover, in plain words; "" when the value has none to give.

    ("DATE", "2025-12-02") -> "2 December 2025"; ("DATE", "2027", "BEFORE") -> "by 2027";
    ("DURATION", "P5Y") -> "5 years"; ("TIME", "2023-06-01T11:04") -> "1 June 2023, 11:04".
    The TIMEX3 value itself stays in the page's data-value and in the exports.
    """
    if type_ == "DURATION":
        return duration_phrase(value) or ""
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?.*", value)
    if m:
        return f"{timex_phrase(m.group(1), mod)}, {m.group(2)}"
    day = value.split("T", 1)[0]
    words = timex_phrase(day, mod)
    return "" if timex_value(day) == day and not day.isdigit() else words
