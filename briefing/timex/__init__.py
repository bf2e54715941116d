"""TIMEX3 date tagger: rules over regexes, compiled once, anchored on the article date (DCT).

Each rule (rules) is a regex plus a handler that turns a match into (type, value, mod). All candidates
are collected, the longest non-overlapping ones kept, then extended left with modifiers ("early", "the end
of", "nearly") and resolved left to right (resolve), so "the quarter" and "a year earlier" can refer
back to the last quarter the article named (a TimeBank convention in earnings reports).
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.model import Timex
from briefing.timex.base import Cand, Doc, Handler
from briefing.timex.names import in_title
from briefing.timex.resolve import extend, names_date, resolve_narrative, resolve_refs
from briefing.timex.rules import COMPILED, merge_spans, trigger_windows


def _run(handler: Handler, m: re.Match[str], doc: Doc) -> list[Cand]:
    """A handler's candidates; a rule that trips on odd input yields nothing rather than raising."""
    try:
        got = handler(m, doc)
    except (ValueError, KeyError, OverflowError, IndexError, TypeError, AttributeError):
        return []
    if got is None:
        return []
    return [c for c in (got if isinstance(got, list) else [got]) if c.end > c.start]


def tag(text: str, dct: dt.date | None, ref: str | None = None) -> list[Timex]:
    """Every time expression in text, sorted, non-overlapping, offsets into text; values anchored on dct.
    dct None (article date unknown): keep what is absolute, leave unknown parts as X ("XXXX-03-19").
    ``ref``: the date the text before this one last named (see last_named), which "that night" or "the
    following year" at the start of this text refer back to."""
    if not isinstance(text, str) or not text:
        return []
    if dct is not None and not isinstance(dct, dt.date):
        dct = None
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    doc = Doc(text, dct)
    cands: list[Cand] = []
    by_class = trigger_windows(text)
    for i, (rx, handler, classes) in enumerate(COMPILED):
        if len(classes) == 1:
            windows = by_class.get(classes[0], [])
        else:
            windows = merge_spans([w for c in classes for w in by_class.get(c, [])])
        for ws, we in windows:
            for m in rx.finditer(text, ws, we):
                for c in _run(handler, m, doc):
                    if in_title(text, c.start, c.end):
                        continue
                    c.rule = i
                    cands.append(c)
    # Longest first; among equals the earlier rule (rules are ordered most specific first).
    cands.sort(key=lambda c: (-(c.end - c.start), c.rule, c.start))
    taken = bytearray(len(text))
    chosen: list[Cand] = []
    for c in cands:
        if any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    extended: list[Cand] = []
    prev_end = 0
    for i, c in enumerate(chosen):
        try:
            c = extend(c, text, prev_end)
        except (ValueError, KeyError, IndexError):
            pass
        nxt = chosen[i + 1].start if i + 1 < len(chosen) else len(text)
        if c.end > nxt:
            c = Cand(c.start, chosen[i].end, c.type, c.value, c.mod, c.rule)
        extended.append(c)
        prev_end = c.end
    resolved = resolve_narrative(resolve_refs(extended), text, ref)
    return [Timex(c.start, c.end, text[c.start : c.end], c.type, c.value, c.mod) for c in resolved]


def last_named(found: list[Timex], text: str) -> str | None:
    """The last date ``text`` names itself among the expressions ``tag`` found in it (a value such as
    "2024-07-30" or "2016"), to pass as ``ref`` when tagging the text that follows; None if it names none."""
    named = [t for t in found if names_date(Cand(t.start, t.end, t.type, t.value), text)]
    return named[-1].value[:10] if named else None
