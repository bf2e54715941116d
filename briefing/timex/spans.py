"""Date rules for durations and sets: "five years", "several months", "decade-long", "daily", "every Monday"."""

from __future__ import annotations

import re

from briefing.timex import lex as lex
from briefing.timex.base import Doc, Found, cand, cap, span
from briefing.timex.patterns import F


def weekday_plural(m: re.Match[str], d: Doc) -> Found:
    if not cap(m["wd"]):
        return None
    wd = lex.WEEKDAYS[m["wd"].lower()]
    return cand(m, "SET", f"XXXX-WXX-{wd + 1}")


_AGE = re.compile(r"[- ]old\b", F)


def counted_duration(m: re.Match[str], d: Doc) -> Found:
    nword = m["n"]
    n = lex.number(nword) if nword else None
    if n is not None and "half" in m.re.groupindex and m["half"]:
        n += 0.5  # "a minute and a half"
    code = lex.unit_code(m["u"])
    if code is None:
        return None
    text = d.text
    s, e = span(m)
    after = text[e : e + 12]
    if _AGE.match(after) or re.match(r"-(?:olds?)\b", after):
        return None
    nl = (nword or "").lower()
    if n is not None and n >= 1000 and not m["u"].lower().endswith("s"):
        return None  # "the 1988 quarter" is a period of 1988, not 1988 quarters
    if code == "Q" and (nl in ("a", "an", "one", "three") or re.match(r"\s+of\b", after)):
        return None  # "a quarter of the vote"
    if code == "S" and nl in ("a", "an"):
        return None  # "a second term"
    before = text[max(0, s - 3) : s]
    if re.search(r"[$£€#]\s*$", before) or re.match(r"\s*(?:%|percent)", after):
        return None
    if nl in ("a", "an") and re.search(r"(?:\b(?:once|twice|thrice|times|per)|\d%|percent|\$[\d.,]+(?:\s+(?:million|billion))?)\s+$",
                                       text[max(0, s - 25) : s], F):
        return cand(m, "SET", lex.duration(1, code))
    return cand(m, "DURATION", lex.duration(n, code))


def duration_vague(m: re.Match[str], d: Doc) -> Found:
    code = lex.unit_code(m["u"])
    if code is None:
        return None
    if re.match(r"[- ]old\b", d.text[m.end():m.end() + 5]):
        return None
    if re.fullmatch(r"(?:recent|past)\s+years", d.text[m.start():m.end()], F):
        return cand(m, "DATE", "PAST_REF")  # "in recent years": when, not how long (TimeBank)
    return cand(m, "DURATION", lex.duration(None, code))


def bare_units(m: re.Match[str], d: Doc) -> Found:
    code = lex.unit_code(m["u"])
    if code is None or re.match(r"\s+(?:of|old|ago|later|earlier)\b", d.text[m.end():m.end() + 9]):
        return None
    return cand(m, "DURATION", lex.duration(None, code))


def unit_long(m: re.Match[str], d: Doc) -> Found:
    code = lex.unit_code(m["u"])
    if code is None:
        return None
    n = None if m["u"].lower().endswith("s") else 1
    return cand(m, "DURATION", lex.duration(n, code))


_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
              "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "semiannually": "P6M"}


def set_word(m: re.Match[str], d: Doc) -> Found:
    return cand(m, "SET", _SET_WORDS[m["w"].lower()])


def set_every(m: re.Match[str], d: Doc) -> Found:
    u = m["u"].lower()
    n = lex.number(m["n"]) if m["n"] else 1
    if u.rstrip("s") in ("morning", "afternoon", "evening", "night"):
        return cand(m, "SET", f"XXXX-XX-XXT{lex.PARTS_OF_DAY[u.rstrip('s')]}")
    if u.rstrip("s") in lex.WEEKDAYS:
        return cand(m, "SET", f"XXXX-WXX-{lex.WEEKDAYS[u.rstrip('s')] + 1}")
    if u in lex.MONTHS and len(u) > 3:
        return cand(m, "SET", f"XXXX-{lex.MONTHS[u]:02d}")
    if u in lex.SEASONS:
        return cand(m, "SET", f"XXXX-{lex.SEASONS[u]}")
    code = lex.unit_code(u)
    if code is None:
        return None
    return cand(m, "SET", lex.duration(n, code))
