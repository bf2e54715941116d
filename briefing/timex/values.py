"""TIMEX3 date values: the one place that parses them.

Where a value lies in time (``interval``), how fine it is (``grain``), its year and the part of the
year it names (``parts``), and how it reads in words (``words``). Everything else asks here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}|Q[1-4]|H[12]|W\d{2}|SP|SU|FA|WI)(?:-(\d{2}))?)?")
_DECADE = re.compile(r"^(\d{3})X")
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}

DAY, MONTH, YEAR, COARSE = 3, 2, 1, 0  # grains, finest first


@dataclass(frozen=True)
class Parts:
    """A value cut into its year (four digits, or None) and what follows it ("03", "Q2", "SP", "W14", "")."""

    year: str | None
    part: str

    @property
    def month(self) -> str | None:
        """The two-digit month, where the value names one."""
        return self.part if self.part.isdigit() else None


def parts(value: str) -> Parts:
    year = value[:4]
    return Parts(year if year.isdigit() else None, value[5:7] if year.isdigit() else "")


@lru_cache(maxsize=4096)  # asked for every candidate pair when events are merged: values repeat
def grain(value: str) -> int:
    """How fine a value is: DAY, MONTH (also a quarter, half, season or week), YEAR, or COARSE (decades, vague)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
        return DAY
    if re.fullmatch(r"\d{4}-(\d{2}|Q\d|H\d|SP|SU|FA|WI|W\d{2})", value):
        return MONTH
    if re.fullmatch(r"\d{4}", value):
        return YEAR
    return COARSE


_AT_START = frozenset({"START", "AFTER", "ON_OR_AFTER"})
_AT_END = frozenset({"END", "BEFORE"})


def sort_key(value: str, mod: str | None = None) -> tuple[dt.date, dt.date, str]:
    """Chronological sort key: the day a value stands for, then the day its span ends.

    A span stands for its middle ("2026" for 2 July, "spring 2026" for mid-April, so spring sorts
    between March and June), moved to its start or end by a TIMEX3 mod ("end of 2026" after
    "February 2026"; "by 2027" at its end). Values no calendar places sort last, X as 9.
    """
    b = interval(value)
    if b is None:
        return (dt.date.max, dt.date.max, value.replace("X", "9"))
    start, end = b
    point = start if mod in _AT_START else end if mod in _AT_END else start + (end - start) / 2
    return (point, end, value)


def interval(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a TIMEX3 date value covers (2026-Q2 -> Apr 1..Jun 30), or None if unknown."""
    m = _VALUE.match(value)
    if not m:
        m10 = _DECADE.match(value)
        if m10:
            y = int(m10.group(1)) * 10
            return dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31)
        return None
    y = int(m.group(1))
    part, day = m.group(2), m.group(3)
    try:
        if part is None:
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if part.isdigit():
            mo = int(part)
            first = dt.date(y, mo, 1)
            last = (dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1))
            if day and day.isdigit():
                d = dt.date(y, mo, int(day))
                return d, d
            return first, last
        if part.startswith("Q"):
            q = int(part[1])
            first = dt.date(y, 3 * q - 2, 1)
            last = dt.date(y + (q == 4), (3 * q) % 12 + 1, 1) - dt.timedelta(days=1)
            return first, last
        if part.startswith("H"):
            return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if part == "H1" else (dt.date(y, 7, 1), dt.date(y, 12, 31))
        if part.startswith("W"):
            first = dt.date.fromisocalendar(y, int(part[1:]), 1)
            return first, first + dt.timedelta(days=6)
        season = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}[part]
        first = dt.date(y, season[0], 1)
        end_y = y + 1 if part == "WI" else y
        last = dt.date(end_y, season[1] % 12 + 1, 1) - dt.timedelta(days=1)
        return first, last
    except (ValueError, KeyError):
        return None


def words(value: str) -> str:
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
        return f"{SEASONS[m.group(2)]} {m.group(1)}"
    m = re.fullmatch(r"(\d{3})X", value)
    if m:
        return f"the {m.group(1)}0s"
    m = re.fullmatch(r"(\d{2})(?:XX)?", value)  # TIMEX3 writes a century as "18" or "18XX"
    if m:
        return f"the {_ordinal(int(m.group(1)) + 1)} century"
    return value


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
