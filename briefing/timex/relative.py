"""Date rules for expressions relative to the anchor or to the story: this/last/next week, seasons,
"two years ago", now/recently/the future, "the following year", "year-end"."""

from __future__ import annotations

import re

from briefing.timex import ctx as ctx
from briefing.timex import lex as lex
from briefing.timex.base import Doc, Found, cand, next_word, prev_word, span
from briefing.timex.patterns import COUNTED, F

_REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "the present": "PRESENT_REF", "today's": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "more recently": "PAST_REF", "once": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "a later date": "FUTURE_REF", "as soon as possible": "FUTURE_REF", "the near term": "FUTURE_REF",
    "one day": "FUTURE_REF",
}


def ref_word(m: re.Match[str], d: Doc) -> Found:
    w = " ".join(m["w"].lower().split())
    nxt = next_word(d.text, m.end()).lower()
    if w == "current" and nxt in ("account", "accounts", "affairs", "events", "of", "flows", "flow"):
        return None
    if w == "one day" and prev_word(d.text, m.start()).lower() not in ("", "and", "but", "that"):
        return None
    if w == "once" and not re.match(r"\s+(?:a\s+|the\s+)?[a-z]+[- ]?(?:ly\s+)?\w+", d.text[m.end():m.end() + 30]):
        return None
    if w == "once":
        # Only the adjective/adverb "a once high-flying", "once-powerful", not "once a week" or "once he".
        if not re.match(r"[- ](?:high|mighty|powerful|proud|popular|great|thriving|dominant|prosperous)",
                        d.text[m.end():m.end() + 12], F):
            return None
    if w == "now" and d.text[m.end():m.end() + 1] == "-":
        return None
    if w == "the past" and COUNTED.match(d.text, m.end()):
        return None  # "the past three sessions": a span of counted things, not the past at large
    return cand(m, "DATE", _REFS[w])


_UNIT_OF = {"week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
            "century": "CE", "fiscal year": "Y", "fiscal": "Y"}


def this_unit(m: re.Match[str], d: Doc) -> Found:
    rel = " ".join(m["rel"].lower().split())
    u = " ".join(m["u"].lower().split())
    s, e = span(m)
    if u in lex.SEASONS:
        return _season_value(m, d, rel, u, None)
    code = _UNIT_OF[u]
    if code in ("W", "M", "Y", "Q") and (rel == "the following" or rel == "the next" and d.tense(s, e) == "past"):
        return None  # the narrative rule: relative to the date the story last named, else to the anchor
    if rel in ("this", "the current", "current", "this current", "the full", "the whole", "the entire"):
        delta = 0
    elif rel in ("last", "the past", "the last", "the previous", "past", "previous", "the latest"):
        delta = -1
    elif rel in ("next", "the next", "the coming", "the following", "coming", "following"):
        delta = 1
    elif rel == "the":
        delta = 0
    else:
        return None
    if code == "Y" and rel == "the" and re.match(r"\s+(?:ended|ending|to\s+date|through)\b", d.text[e:e + 12], F):
        return cand(m, "DURATION", "P1Y")
    if code == "Q":
        if rel == "the latest":
            return cand(m, "DATE", ctx.shift_unit(d.dct, "Q", -1))  # the last one reported
        if rel == "the":
            fallback = ctx.shift_unit(d.dct, "Q", -1)
            return cand(m, "DATE", f"@Q0|{fallback}")
        if rel == "this":
            # "the third quarter ... This quarter's loss": the quarter just named, else the current one
            return cand(m, "DATE", f"@Q0|{ctx.shift_unit(d.dct, 'Q', 0)}")
        return cand(m, "DATE", ctx.shift_unit(d.dct, "Q", delta))
    if code == "WE":
        if rel == "the" or rel == "this":
            t = d.tense(s, e)
            if d.dct is None:
                return cand(m, "DATE", "XXXX-WXX-WE")
            if t == "future" or rel == "this":
                delta = 0 if d.dct.weekday() < 5 or rel == "this" else 1
            else:
                delta = 0 if d.dct.weekday() >= 5 else -1
        return cand(m, "DATE", ctx.shift_unit(d.dct, "WE", delta))
    if code == "Y" and rel == "the latest":
        return cand(m, "DATE", ctx.shift_unit(d.dct, "Y", -1))
    if code in ("DE", "CE") and rel == "the":
        return None
    if code == "DE" and rel in ("the past", "the last", "past", "the previous", "the next", "the coming"):
        return cand(m, "DURATION", "P10Y")
    if code == "CE" and delta == 0:
        return cand(m, "DATE", ctx.shift_unit(d.dct, "CE", 0))
    return cand(m, "DATE", ctx.shift_unit(d.dct, code, delta))


def _season_value(m, d: Doc, rel: str, season: str, year: str | None):
    code = lex.SEASONS[season]
    if year:
        return cand(m, "DATE", f"{year}-{code}")
    if d.dct is None:
        return cand(m, "DATE", f"XXXX-{code}")
    first, last = lex.SEASON_MONTHS[code]
    y = d.dct.year
    month = d.dct.month
    if rel in ("last", "this past", "the past", "past"):
        # The most recent one that has ended.
        y = y if (code != "WI" and last < month) else y - 1
    elif rel in ("next", "this coming", "the coming", "coming"):
        y = y if (code != "WI" and first > month) else y + 1
        if code == "WI" and month < 3:
            y = d.dct.year
    elif rel in ("the", "early", "late", "the early", "the late", ""):
        s, e = span(m)
        t = d.tense(s, e)
        if t == "past" and first > month and code != "WI":
            y -= 1
    return cand(m, "DATE", f"{ctx.year_str(y)}-{code}")


def season_expr(m: re.Match[str], d: Doc) -> Found:
    rel = " ".join((m["rel"] or "").lower().split())
    s_word = m["s"].lower()
    year = m["y"] or m["y2"]
    if not rel and not year:
        if s_word in ("fall", "spring"):
            return None
        if prev_word(d.text, m.start()).lower() not in ("in", "during", "over", "since", "until", "by", "this",
                                                        "through", "all", "late", "early"):
            return None
    if rel == "the" and not year and re.match(r"\s+of\b", d.text[m.end():m.end() + 4]):
        return None
    if s_word == "fall" and not year and rel in ("the",):
        # "the fall" is as often a collapse as a season; require a preposition before it.
        if prev_word(d.text, m.start()).lower() not in ("in", "during", "by", "until", "over", "this"):
            return None
    return _season_value(m, d, rel, s_word, year)


def ago_expr(m: re.Match[str], d: Doc) -> Found:
    n = lex.number(m["n"]) if m["n"] else None
    code = lex.unit_code(m["u"])
    if code is None:
        return None
    direction = m["dir"].lower()
    if m["n"] and m["n"].lower() in ("a", "an", "one") and code == "S":
        return None
    if direction in ("ago", "earlier", "before") or direction == "back":
        if direction in ("earlier", "before") and code not in ("Y",):
            return cand(m, "DURATION", lex.duration(n, code))
        if n is None or d.dct is None:
            return cand(m, "DATE", "PAST_REF" if n is None else ctx.shift_unit(None, code, 0))
        k = -int(n)
        if code == "Y" and int(n) == 1 and m["n"].lower() in ("a", "one"):
            return cand(m, "DATE", f"@Q-4|{ctx.shift_unit(d.dct, 'Y', -1)}")
        if code in ("Y", "M", "W", "D", "Q"):
            return cand(m, "DATE", ctx.shift_unit(d.dct, code, k))
        if code == "DE":
            return cand(m, "DATE", ctx.shift_unit(d.dct, "Y", -10 * int(n)))
        if code in ("H", "MIN", "S"):
            return cand(m, "TIME", "PAST_REF")
        return None
    if direction in ("from now", "hence"):
        if n is None or d.dct is None:
            return cand(m, "DATE", "FUTURE_REF" if n is None else ctx.shift_unit(None, code, 0))
        if code in ("Y", "M", "W", "D", "Q"):
            return cand(m, "DATE", ctx.shift_unit(d.dct, code, int(n)))
        return None
    return cand(m, "DURATION", lex.duration(n, code))


def year_earlier_adj(m: re.Match[str], d: Doc) -> Found:
    """'year-earlier', 'year-ago', 'the year-earlier quarter': the same period a year before."""
    if d.dct is None:
        return cand(m, "DATE", "XXXX")
    return cand(m, "DATE", f"@Q-4|{ctx.shift_unit(d.dct, 'Y', -1)}")


_NARR_DELTA = {"that": 0, "that same": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1,
               "the preceding": -1, "the prior": -1, "the day before": -1, "the day after": 1}

_NARR_UNIT = {"day": "D", "morning": "D", "afternoon": "D", "evening": "D", "night": "D", "week": "W",
              "month": "M", "year": "Y", "quarter": "Q"}


def narrative_ref(m: re.Match[str], d: Doc) -> Found:
    """'the following year', 'that day', 'the next morning': relative to the date the story last named
    (resolved in resolve_narrative), or to the anchor when it named none."""
    rel = " ".join(m["rel"].lower().split())
    u = m["u"].lower()
    code = _NARR_UNIT[u]
    delta = _NARR_DELTA[rel]
    s, e = span(m)
    if rel == "the next" and code != "D" and d.tense(s, e) != "past":
        return None  # "the next year" in a present or future clause counts from the anchor
    if rel in ("that", "the same") and re.match(r"\s+(?:of|when|in\s+which|that)\b", d.text[e : e + 12]):
        return None  # "that day of reckoning", "the same day that/when": the clause says which day
    fallback = ctx.shift_unit(d.dct, code, delta) if rel not in ("that", "that same", "the same") or d.dct else "PAST_REF"
    if code == "Q":
        return cand(m, "DATE", f"@Q{delta}|{fallback}")
    return cand(m, "DATE", f"@N{code}{delta:+d}|{fallback}")


def soon_ref(m: re.Match[str], d: Doc) -> Found:
    """'will soon', 'soon to': the near future; not 'as soon as', 'soon after', 'was soon released'."""
    text = d.text
    s, e = span(m)
    if re.search(r"\b(?:as|so|too|how)\s+$", text[max(0, s - 5) : s], F) or re.match(r"\s+(?:after|afterwards?|as|thereafter)\b", text[e : e + 14], F):
        return None
    modal = re.search(r"\b(?:will|would|may|might|could|should|shall|to)\s+$", text[max(0, s - 8) : s], F) or \
        re.match(r"\s+(?:will|would|shall)\b", text[e : e + 8], F)
    if not modal and d.tense(s, e) == "past":
        return None
    return cand(m, "DATE", "FUTURE_REF")


def latest_period(m: re.Match[str], d: Doc) -> Found:
    """'the latest period': the last quarter reported before the anchor."""
    return cand(m, "DATE", ctx.shift_unit(d.dct, "Q", -1))


def year_end(m: re.Match[str], d: Doc) -> Found:
    """'by year-end', 'around year end', 'since year-end': the end of the anchor's year (the last one after
    'since')."""
    if d.dct is None:
        return cand(m, "DATE", "XXXX", "END")
    y = d.dct.year - 1 if re.search(r"\bsince\s+$", d.text[max(0, m.start() - 8) : m.start()], F) else d.dct.year
    return cand(m, "DATE", ctx.year_str(y), "END")
