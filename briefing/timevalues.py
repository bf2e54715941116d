"""Where TIMEX3 date values lie in time: the one place that turns a value into a span of days."""

from __future__ import annotations

import datetime as dt
import re


def interval(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a TIMEX3 date value covers (2026-Q2 -> Apr 1..Jun 30), or None if unknown."""
    m = re.match(r"^(\d{4})(?:-(\d{2}|Q[1-4]|H[12]|W\d{2}|SP|SU|FA|WI)(?:-(\d{2}))?)?", value)
    if not m:
        m10 = re.match(r"^(\d{3})X", value)
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
