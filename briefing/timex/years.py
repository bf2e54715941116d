"""Date rules for years and the periods named by a year: bare years, fiscal years, decades, centuries,
quarters and halves."""

from __future__ import annotations

import re

from briefing.timex import ctx as ctx
from briefing.timex import lex as lex
from briefing.timex.base import Doc, Found, cand, prev_word, span
from briefing.timex.patterns import F

_MONEYISH = re.compile(r"\s*(?:%|percent|million|billion|trillion|[a-z]+-year-old|-year-old|:\d|\.\d|,\d{3})", F)

_YEAR_OK_BEFORE = {
    "in", "since", "until", "till", "by", "of", "from", "to", "during", "before", "after", "the", "early",
    "late", "mid", "fiscal", "between", "and", "through", "for", "year", "on", "at", "around", "about",
    "circa", "c", "spring", "summer", "fall", "autumn", "winter", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december", "last", "its", "or",
}

# Prepositions and words after which a number outside 1900-2100 reads as a year.
_OLD_YEAR_BEFORE = {"in", "since", "from", "until", "till", "between", "of", "circa", "c", "year", "before",
                    "after", "during", "the", "and", "to", "or", "early", "late", "mid", "back", "by", "dating"}

_ERA = re.compile(r"\s*(?:AD|A\.D\.|BC|B\.C\.|BCE|CE)\b")

# A four-digit clock time or a price: "1200 GMT", "from 1130 to 1215 GMT", "1218 pence".
_CLOCK_UNIT = re.compile(r"(?:\s*(?:-|–|to|and)\s*\d{4})?\s*(?:GMT|BST|UTC|CET|EST|EDT|hrs|hours|local\s+time"
                         r"|pence|p\b|cents|points|metres|meters|km|miles|feet|yards)", re.I)

_COUNT_NOUNS = {"people", "men", "women", "children", "police", "personnel", "staff", "cattle", "feet", "yen",
                "won", "yuan", "euros", "km", "kg", "mph", "sq", "square", "times", "more", "fewer", "other"}


def bare_year(m: re.Match[str], d: Doc) -> Found:
    text = d.text
    s, e = span(m)
    y = int(m["y"])
    before = text[max(0, s - 12) : s]
    if re.search(r"(?:[$£€#]|\bNo\.|\bNos\.|\bflight|\broom|\broute|\bpage|\bp\.|[\d.,/]|-)\s*$", before, F):
        # A leading hyphen is fine only in ranges between years ("2023-2027") and "mid-1996", "post-1959".
        if not re.search(r"\b(?:1\d|20)\d\d\s*[-–]\s*$|\b(?:mid|pre|post)-$", before, F):
            return None
    if _MONEYISH.match(text, e) or re.match(r"[-/]\d", text[e : e + 2]):
        if not re.match(r"\s*[-–]\s*(?:1\d|20)\d\d\b", text[e : e + 8]):
            return None
    if re.match(r"\s+[A-Z][a-z]+\s+(?:Avenue|Street|Road|Blvd|Boulevard|Lane|Drive)\b", text[e : e + 30]):
        return None
    if _CLOCK_UNIT.match(text, e):
        return None  # "1200 GMT", "1218 pence", "from 1130 to 1215 GMT"
    nxt = re.match(r"\s+([a-z]+)\b", text[e : e + 25])
    prev = prev_word(text, s).lower()
    # Outside the years news mostly reports, a bare number is a year only in a year-like context:
    # "in 1723", "the mutiny of 1857", "the 1701 Act", "1776's", "AD 800"; not "resolution 1441", "a 1000 links".
    modern = 1900 <= y <= 2100
    if not modern and not (prev in _OLD_YEAR_BEFORE or _ERA.match(text, e) or text.startswith(("'s", "’s"), e)
                           or re.search(r"\b(?:AD|BC|mid|pre|post)[- ]$", before)):
        return None
    if nxt and (not modern or prev not in _YEAR_OK_BEFORE) and not re.search(r"\b(?:mid|pre|post)-$", before, F):
        w = nxt.group(1)
        if w in _COUNT_NOUNS or w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in ("was", "has", "levels", "results", "figures", "elections", "sales", "earnings", "profits"):
            return None  # "2000 troops"
    if not 1000 <= y <= 2099:
        return None
    return cand(m, "DATE", f"{y:04d}")


def fiscal_any(m: re.Match[str], d: Doc) -> Found:
    y = m["y"] or m["y2"]
    if len(y) == 2:
        century = (d.dct.year // 100) if d.dct else 20
        y = f"{century:02d}{y}"
    return cand(m, "DATE", y)


def decade_expr(m: re.Match[str], d: Doc) -> Found:
    if m["yy"]:
        digit = m["yy"]
        cent = "19" if not d.dct or int(digit) * 10 > d.dct.year % 100 else f"{d.dct.year // 100:02d}"
        return cand(m, "DATE", f"{cent}{digit}X")
    if m["w"]:
        tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}[m["w"].lower()]
        return cand(m, "DATE", f"19{tens}X")
    y = m["y"]
    return cand(m, "DATE", f"{y[:3]}X")


_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}


def century_expr(m: re.Match[str], d: Doc) -> Found:
    o = m["o"].lower()
    n = int(re.match(r"\d+", o).group()) if o[0].isdigit() else _ORDINAL_WORDS.get(o)
    if not n:
        return None
    return cand(m, "DATE", f"{n - 1:02d}")


def _quarter_year(m, d: Doc, q: int, half: bool = False) -> str:
    """The year of an ordinal quarter/half from the text around it, else from the anchor and tense."""
    if m["y"]:
        return m["y"]
    for g in ("py", "py2"):
        if g in m.re.groupindex and m[g]:
            return m[g]
    pre = " ".join((m["pre"] or "").lower().split())
    if d.dct is None:
        return "XXXX"
    if "last year" in pre:
        return ctx.year_str(d.dct.year - 1)
    if "next year" in pre:
        return ctx.year_str(d.dct.year + 1)
    cur = lex.quarter_of(d.dct) if not half else (1 if d.dct.month <= 6 else 2)
    s, e = span(m)
    t = d.tense(s, e)
    if q > cur and t != "future":
        return ctx.year_str(d.dct.year - 1)
    if q < cur and t == "future" and cur - q >= 2:
        return ctx.year_str(d.dct.year + 1)
    return ctx.year_str(d.dct.year)


def ordinal_quarter(m: re.Match[str], d: Doc) -> Found:
    o = m["o"].lower()
    if o in ("final", "last"):
        q = 4
    else:
        q = lex.ORDINALS[o]
    if re.match(r"\s+of\s+(?:the\s+)?(?!fiscal|year|this|last|next|\d|[$£€#])", d.text[m.end():m.end() + 15], F):
        return None  # "the first quarter of the game"
    return cand(m, "DATE", f"{_quarter_year(m, d, q)}-Q{q}")


def year_quarter(m: re.Match[str], d: Doc) -> Found:
    """'the 1988 quarter': the quarter the text last named, in that year (see resolve)."""
    return cand(m, "DATE", f"@QY{m['y']}|{m['y']}")


def quarter_code(m: re.Match[str], d: Doc) -> Found:
    q = int(m["q"] or m["q2"])
    y = m["y"]
    if y and y.startswith("'"):
        y = f"20{y[1:]}"
    if not y:
        y = ctx.year_str(d.dct.year) if d.dct else "XXXX"
    return cand(m, "DATE", f"{y}-Q{q}")


def half_year(m: re.Match[str], d: Doc) -> Found:
    o = m["o"].lower()
    h = 1 if o == "first" else 2
    after = d.text[m.end() : m.end() + 25]
    if not (m["y"] or m["py"] or m["rel"]) and re.match(r"\s+of\b", after):
        return None
    if m["rel"]:
        rel = m["rel"].lower()
        if d.dct is None:
            return cand(m, "DATE", f"XXXX-H{h}")
        y = d.dct.year + {"this": 0, "the": 0, "last": -1, "next": 1}[rel]
        return cand(m, "DATE", f"{ctx.year_str(y)}-H{h}")
    if not (m["y"] or m["py"] or m["pre"]):
        return None
    return cand(m, "DATE", f"{_quarter_year(m, d, h, half=True)}-H{h}")
