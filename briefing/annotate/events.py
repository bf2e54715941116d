"""Which time expressions become timeline events, and of what kind; and the article date from its text.

``event_kind`` places a DATE/TIME timex relative to the article date: before it is 'past', after it
'scheduled', and a deadline ("by 2035", "no later than March") a 'target'. ``infer_article_date``
dates an article that has no metadata from the dates it reports as past.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.annotate import dates, dates_ctx
from briefing.model import Timex
from briefing.timevalues import interval as _interval

# A value we can place on a timeline: a year, or a decade "199X", optionally narrowed.
_PLACEABLE = re.compile(r"^\d{3}[\dX](?:$|-)")
_TARGET_BEFORE = re.compile(
    r"\b(?:by|before|no\s+later\s+than|not\s+later\s+than|until|till|within|deadline\s+of|target(?:ed)?\s+(?:for|of)"
    r"|goal\s+(?:for|of)|in\s+time\s+for)\s+(?:the\s+(?:end|close|start|beginning|middle)\s+of\s+)?$", re.I)
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
        tense = dates_ctx.tense(sentence, start, end) if sentence else None
        span = _interval(timex.value)
        if span and dct is not None and span[1] < dct:
            return "past"
        if timex.mod == "BEFORE" or _TARGET_BEFORE.search(before):
            return "target"
        ahead = bool(span and dct is not None and span[0] > dct)
        if ahead or tense == "future":
            return "target" if _TARGET_WORDS.search(sentence) else "scheduled"
        return "past"
    except (ValueError, TypeError, AttributeError):
        return None


_YEAR_IN_TEXT = re.compile(r"\d{4}|nineteen|two\s+thousand", re.I)
_PRECISION = {1: "year", 2: "month", 3: "day"}


def _precision(value: str) -> str:
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.match(r"^\d{4}-\d{2}$", value):
        return "month"
    return "year"


def _para_of(text: str, offset: int) -> int:
    """1-based paragraph number (blank-line or line separated) of an offset."""
    paras = [p for p in re.split(r"\n", text[:offset]) if p.strip()]
    return max(1, len(paras))


def infer_article_date(text: str) -> tuple[dt.date | None, str, str]:
    """(date, precision 'day'|'month'|'year', reason) inferred from an article's text with no metadata.
    Rule: the inferred date is the latest explicit (year-bearing) date the article reports as past -
    never later than that - adjusted by tense cues (a date written about in future tense bounds it from
    above). Returns (None, 'day', reason) when the text has no year-bearing date. The reason is a short human
    sentence shown by `build_site.py check`, e.g. 'latest past date reported: "April 11, 2024" (para 2)'."""
    if not isinstance(text, str) or not text.strip():
        return None, "day", "no text to date"
    try:
        found = dates.tag(text, None)
    except Exception:  # noqa: BLE001 - a tagger bug must not stop reading an article
        return None, "day", "date tagger failed on this text"
    past: list[tuple[dt.date, Timex]] = []
    neutral: list[tuple[dt.date, Timex]] = []
    future: list[tuple[dt.date, Timex]] = []
    for t in found:
        if t.type not in ("DATE", "TIME") or not re.match(r"^\d{4}", t.value):
            continue
        if not _YEAR_IN_TEXT.search(t.text):
            continue  # only dates whose year is written out
        span = _interval(t.value)
        if span is None:
            continue
        before = text[max(0, t.start - 40) : t.start]
        tense = dates_ctx.tense(text, t.start, t.end)
        if t.mod == "BEFORE" or _TARGET_BEFORE.search(before) or tense == "future":
            future.append((span[0], t))
        elif tense == "past":
            past.append((span[0], t))
        else:
            neutral.append((span[0], t))
    if not (past or neutral or future):
        return None, "day", "no year-bearing date in the text"
    # A future-tense date bounds the article date from above; past dates after the bound are misreads.
    bound = min((d for d, _ in future), default=None)
    pool = past or neutral
    if bound is not None:
        pool = [(d, t) for d, t in pool if d < bound] or []
    if not pool:
        d, t = min(future, key=lambda p: p[0])
        return None, "day", f'only dates written about as future, earliest: "{_one_line(t.text)}" (para {_para_of(text, t.start)})'
    order = {"year": 0, "month": 1, "day": 2}
    d, t = max(pool, key=lambda p: (p[0], order[_precision(p[1].value)]))
    precision = _precision(t.value)
    kind = "past" if past else "undated-tense"
    what = "latest past date reported" if kind == "past" else "latest date mentioned (no past-tense date)"
    reason = f'{what}: "{_one_line(t.text)}" (para {_para_of(text, t.start)})'
    if bound is not None:
        ft = min(future, key=lambda p: p[0])[1]
        reason += f'; before "{_one_line(ft.text)}", written about as future'
    return d, precision, reason


def _one_line(expression: str) -> str:
    """An expression as quoted in a reason: a date may run over a line break ("April\n2024")."""
    return " ".join(expression.split())
