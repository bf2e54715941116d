"""Human-readable forms of article dates and TIMEX3 values, and where a value lies in time."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from briefing.model import Article
from briefing.timevalues import interval

_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


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


def timex_value(value: str) -> str:
    """'2026-03-19' -> '19 March 2026', '2025-12' -> 'December 2025', '199X' -> 'the 1990s', else as is."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{int(m.group(3))} {calendar.month_name[int(m.group(2))]} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{calendar.month_name[int(m.group(2))]} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-Q(\d)", value)
    if m:
        return f"Q{m.group(2)} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-H(\d)", value)
    if m:
        return f"H{m.group(2)} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if m:
        return f"{_SEASONS[m.group(2)]} {m.group(1)}"
    m = re.fullmatch(r"(\d{3})X", value)
    if m:
        return f"the {m.group(1)}0s"
    m = re.fullmatch(r"(\d{2})XX", value)
    if m:
        return f"the {int(m.group(1)) + 1}th century"
    return value


_MODS = {"BEFORE": "by {}", "END": "end of {}", "START": "start of {}", "MID": "mid-{}", "APPROX": "about {}",
         "AFTER": "after {}", "ON_OR_AFTER": "{} or later", "LESS_THAN": "less than {}", "MORE_THAN": "more than {}"}


def timex_phrase(value: str, mod: str | None) -> str:
    """The value in words with its TIMEX3 mod: ("2027", "BEFORE") -> "by 2027"."""
    return _MODS.get(mod or "", "{}").format(timex_value(value))


def bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a TIMEX3 date value covers, or None when its year is unknown."""
    return interval(value)


def is_ahead(value: str, kind: str, today: dt.date) -> bool:
    """Whether an event belongs to the part of the timeline still to come on ``today``."""
    b = bounds(value)
    if b is None:
        return False
    start, end = b
    if start > today:
        return True
    return kind != "past" and end >= today
