"""Which time expressions become timeline events, and of what kind.

``event_kind`` places a DATE/TIME timex relative to the article date: before it is 'past', after it
'scheduled', and a deadline ("by 2035", "no later than March") a 'target'.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.model import Timex
from briefing.timex import ctx
from briefing.timex.values import interval as _interval

# A value we can place on a timeline: a year, or a decade "199X", optionally narrowed.
_PLACEABLE = re.compile(r"^\d{3}[\dX](?:$|-)")
_TARGET_WORDS = re.compile(
    r"\b(?:aims?|aiming|target(?:s|ed|ing)?|goal|pledged?|vow(?:s|ed)?|commit(?:s|ted)?|promise[sd]?"
    r"|deadline|intends?|seeks?|plans?\s+to\s+(?:reach|achieve|double|raise|cut|increase|reduce|hit))\b", re.I)


def event_kind(sentence: str, timex: Timex, dct: dt.date | None) -> str | None:
    """'past' | 'scheduled' | 'target', or None when this timex should not become a timeline event
    (DURATION, SET, generic/refs like PAST_REF/PRESENT_REF, values too vague to place). timex offsets are
    into `sentence`."""
    try:
        if timex.type not in ("DATE", "TIME") or not _PLACEABLE.match(timex.value or ""):
            return None
        start = max(0, min(timex.start, len(sentence)))
        end = max(start, min(timex.end, len(sentence)))
        before = sentence[max(0, start - 40) : start]
        tense = ctx.tense(sentence, start, end) if sentence else None
        span = _interval(timex.value)
        if span and dct is not None and span[1] < dct:
            return "past"
        if timex.mod == "BEFORE" or ctx.DEADLINE_BEFORE.search(before):
            return "target"
        ahead = bool(span and dct is not None and span[0] > dct)
        if ahead or tense == "future":
            return "target" if _TARGET_WORDS.search(sentence) else "scheduled"
        return "past"
    except (ValueError, TypeError, AttributeError):
        return None
