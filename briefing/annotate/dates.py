"""TIMEX3 date tagger: rules over regexes, compiled once, anchored on the article date (DCT).

Each rule is a regex plus a handler that turns a match into (type, value, mod). All candidates are
collected, the longest non-overlapping ones kept, then extended left with modifiers ("early", "the end
of", "nearly") and resolved left to right, so "the quarter" and "a year earlier" can refer back to the
last quarter the article named (a TimeBank convention in earnings reports).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from briefing.annotate import dates_ctx as ctx
from briefing.annotate import dates_lex as lex
from briefing.model import Timex

# ---- regex vocabulary --------------------------------------------------------------------------------

_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON = rf"(?:(?:{_MONTH_FULL})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d,]\d)"
_WD_FULL = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WD = rf"(?:(?:{_WD_FULL})\b|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.)"
_NUM = lex.NUMBER_RE
_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|months?|quarters?|years?|decades?|centur(?:y|ies)|fortnights?)"
_UNIT_PL = r"(?:seconds|minutes|hours|days|weeks|weekends|months|quarters|years|decades|centuries)"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_POD = r"(?:morning|afternoon|evening|night)"
_VAGUE = r"(?:several|a\s+few|few|some|many|numerous|a\s+couple\s+of|couple\s+of)"

F = re.IGNORECASE


@dataclass
class _Cand:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    rule: int = 0


Handler = Callable[[re.Match[str], "_Doc"], "list[_Cand] | _Cand | None"]


@dataclass
class _Doc:
    text: str
    dct: dt.date | None

    def tense(self, s: int, e: int) -> str | None:
        return ctx.tense(self.text, s, e)


def _span(m: re.Match[str]) -> tuple[int, int]:
    return m.span("t") if "t" in m.re.groupindex and m.group("t") is not None else m.span()


def _c(m: re.Match[str], type_: str, value: str, mod: str | None = None) -> _Cand:
    s, e = _span(m)
    return _Cand(s, e, type_, value, mod)


def _cap(word: str | None) -> bool:
    return bool(word) and word[0].isupper()


def _month(word: str) -> int:
    return lex.MONTHS[word.lower().rstrip(".")]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group())


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z'][\w'.-]*)\W{0,3}$", text[max(0, pos - 30) : pos])
    return m.group(1) if m else ""


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\W{0,3}([A-Za-z][\w'-]*)", text[pos : pos + 30])
    return m.group(1) if m else ""


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos]
    return pos == 0 or bool(re.search(r"(^|[.!?:\n]|[.!?][\"'”’])[\s\"“‘'`]*$", before))


# Named events and movements that contain a date but are not one ("the March 1 Movement").
_NAMED_HEADS = re.compile(
    r"\s+(?:Movement|Uprising|Revolution|Incident|Massacre|Rebellion|Affair|Coup|Offensive|Group|"
    r"Alliance|Coalition|Front|Party|Society|Brigade|Square|Street|Avenue|Stadium|Declaration)\b"
)
_NAMED_WEEKDAY = {"good", "black", "ash", "super", "cyber", "holy", "palm", "easter", "bloody", "maundy"}
# Newspapers and programmes named after a weekday: "the Sunday Times", "the Mail on Sunday".
_WEEKDAY_TITLE_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Mirror|Express|Independent|Business|Live|Programme|Sport|Star|Record|Mail|Herald"
    r"|Post|Tribune|Observer|Bloody|Show)\b")
_WEEKDAY_TITLE_BEFORE = re.compile(r"\b(?:Mail|Independent|Scotland|Wales|Observer|Sport|Express)\s+on\s+$")
# Time words that are lower case in running text; capitalized mid-sentence they are part of a title or name:
# "Radio 4's Today programme", "Jamie Noon", "Businessman of the Year", "the Daily Mail", "Partners for the Future".
_TITLE_WORDS = re.compile(
    r"\b(?:Today|Tomorrow|Yesterday|Tonight|Noon|Midday|Midnight|Daily|Weekly|Monthly|Annually|Yearly|Year|Years"
    r"|Future|Now|Week|Month|Minutes|Hours|Days|Present|Past|Recent|Current|Weekend)\b")
_HOLIDAY_WORDS = re.compile(r"\b(?:Christmas|New\s+Year|Day|Eve)\b")


def _in_title(text: str, s: int, e: int) -> bool:
    """A candidate holding a capitalized common time word that does not start a sentence (see _TITLE_WORDS)."""
    for w in _TITLE_WORDS.finditer(text, s, e):
        if not _sentence_start(text, w.start()) and not _HOLIDAY_WORDS.search(text, s, e):
            return True
    return False


# ---- handlers ----------------------------------------------------------------------------------------

def _iso(m, d: _Doc):
    day = lex.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if not day:
        return None
    if m["hh"]:
        return _c(m, "TIME", f"{day.isoformat()}T{m['hh']}:{m['mi']}")
    return _c(m, "DATE", day.isoformat())


def _numeric(m, d: _Doc):
    y = int(m["y"])
    if len(m["y"]) == 2:
        y += 1900 if y > 30 else 2000
    mo, da = int(m["m"]), int(m["d"])
    day = lex.safe_date(y, mo, da)
    if not day:
        return None
    return _c(m, "DATE", day.isoformat())


# "by February", "through January", "until mid-November": a deadline, whatever the tense of the clause
# ("extended loans through January"), so the nearest such month to the anchor wins.
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|through)\s+(?:(?:early|late|mid)[- ]?\s*)?$", F)


def _month_tense(d: _Doc, s: int, e: int) -> str | None:
    """The tense that picks the year of a month written without one (see _DEADLINE_BEFORE)."""
    if _DEADLINE_BEFORE.search(d.text, max(0, s - 20), s):
        return None
    return d.tense(s, e)


def _year_for_md(m, d: _Doc, month: int, day: int | None) -> str:
    s, e = _span(m)
    return ctx.year_str(ctx.month_year(d.dct, month, day, _month_tense(d, s, e)))


def _named(m, d: _Doc) -> bool:
    """'the March 1 Movement': a date inside a proper name."""
    s, e = _span(m)
    return bool(_NAMED_HEADS.match(d.text, e)) and d.text[max(0, s - 4) : s].lower() == "the "


def _md_value(m, d: _Doc) -> str | None:
    """'YYYY-MM-DD' of a month-day match (groups mon, d, y), the year from the anchor when not written."""
    month, day = _month(m["mon"]), _day(m["d"])
    if "y" in m.re.groupindex and m["y"]:
        year = m["y"]
    else:
        if m["mon"].lower() == "may" and _next_word(d.text, m.end()).lower() in ("percent", "per"):
            return None
        year = _year_for_md(m, d, month, day)
    if year != "XXXX" and not lex.safe_date(int(year), month, day):
        return None
    return f"{year}-{month:02d}-{day:02d}"


def _mdy(m, d: _Doc):
    if not _cap(m["mon"]) or _named(m, d):
        return None
    value = _md_value(m, d)
    return _c(m, "DATE", value) if value else None


def _md_pair(m, d: _Doc):
    """'April 24 and 25': two dates, the second one a bare day of the same month."""
    if not _cap(m["mon"]):
        return None
    value = _md_value(m, d)
    if value is None or lex.safe_date(2000, _month(m["mon"]), _day(m["d2"])) is None:
        return None
    first = _Cand(m.start("mon"), m.end("d"), "DATE", value)
    second = _Cand(m.start("d2"), m.end("d2"), "DATE", f"{value[:8]}{_day(m['d2']):02d}")
    return [first, second]


def _week_of(m, d: _Doc):
    """'the week of March 6': the ISO week holding that day."""
    if not _cap(m["mon"]):
        return None
    value = _md_value(m, d)
    day = lex.safe_date(int(value[:4]), int(value[5:7]), int(value[8:])) if value and value[0] != "X" else None
    return _c(m, "DATE", lex.iso_week(day)) if day else None


def _my(m, d: _Doc):
    if not _cap(m["mon"]):
        return None
    return _c(m, "DATE", f"{m['y']}-{_month(m['mon']):02d}")


def _m_rel(m, d: _Doc):
    if not _cap(m["mon"]):
        return None
    delta = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    y = None if d.dct is None else d.dct.year + delta
    return _c(m, "DATE", f"{ctx.year_str(y)}-{_month(m['mon']):02d}")


_MAY_OK_BEFORE = {
    "in", "since", "until", "till", "by", "from", "through", "last", "next", "this", "early", "late", "mid",
    "of", "during", "before", "after", "between", "and", "or", "to", "for", "on", "past", "coming", "that",
}


def _month_only(m, d: _Doc):
    word = m["mon"]
    if not _cap(word):
        return None
    text = d.text
    s, e = _span(m)
    prev = _prev_word(text, m.start("mon"))
    rel = (m["rel"] or "").lower()
    if word.lower() == "may" and not rel:
        if prev.lower() not in _MAY_OK_BEFORE or _sentence_start(text, m.start("mon")):
            return None
        nxt = _next_word(text, e)
        if nxt.lower() in ("be", "have", "not", "also", "still", "well", "never", "soon", "take", "need"):
            return None
    # A capitalized word just before ("Theresa May", "Kitty March") makes it a name.
    if not rel and prev[:1].isupper() and not _sentence_start(text, m.start("mon")) and \
            prev.lower() not in ("in", "since", "until", "by", "from", "through", "last", "next", "this",
                                  "early", "late", "mid", "of", "on", "during", "and", "or", "to", "the"):
        return None
    if re.match(r"\s+\d{1,2}(?:st|nd|rd|th)?\b", text[e : e + 8]) and _NAMED_HEADS.match(
            text, e + len(re.match(r"\s+\d{1,2}(?:st|nd|rd|th)?", text[e : e + 8]).group())):
        return None  # "the March 1 Movement"
    month = _month(word)
    if d.dct is None:
        return _c(m, "DATE", f"XXXX-{month:02d}")
    y = d.dct.year
    if rel in ("last", "this past"):
        y = y if month < d.dct.month else y - 1
    elif rel in ("next", "this coming"):
        y = y if month > d.dct.month else y + 1
    elif rel == "this":
        pass
    else:
        y = ctx.month_year(d.dct, month, None, _month_tense(d, m.start("mon"), e))
    return _c(m, "DATE", f"{ctx.year_str(y)}-{month:02d}")


def _weekday(m, d: _Doc):
    word = m["wd"]
    if not _cap(word):
        return None
    prev = _prev_word(d.text, m.start("wd")).lower()
    if not m["rel"] and prev in _NAMED_WEEKDAY:
        return None
    e = m.end("wd")
    if _WEEKDAY_TITLE_AFTER.match(d.text, e) or _WEEKDAY_TITLE_BEFORE.search(d.text, max(0, m.start() - 20), m.start()):
        return None
    wd = lex.WEEKDAYS[word.lower().rstrip(".")]
    s, e = _span(m)
    # "Wednesday's ruling": a possessive weekday names something that has happened.
    t = "past" if d.text.startswith("'s", e) or d.text.startswith("’s", e) else d.tense(s, e)
    day = ctx.weekday_date(d.dct, wd, t, m["rel"])
    value = ctx.date_str(day) if d.dct else f"XXXX-WXX-{wd + 1}"
    # "Friday night": the day itself. TimeML would add the part of day (TIME 1998-08-07TNI), but the gold is
    # split (AQUAINT mostly marks the day alone, often over "Friday" only) and a timeline needs the day.
    return _c(m, "DATE", value)


def _weekday_plural(m, d: _Doc):
    if not _cap(m["wd"]):
        return None
    wd = lex.WEEKDAYS[m["wd"].lower()]
    return _c(m, "SET", f"XXXX-WXX-{wd + 1}")


def _rel_day(m, d: _Doc):
    w = " ".join((m["w"] or "today").lower().split())
    delta = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
             "the day before yesterday": -2, "the day after tomorrow": 2}[w]
    day = None if d.dct is None else d.dct + dt.timedelta(days=delta)
    if m["pod"]:
        return _c(m, "TIME", f"{ctx.date_str(day)}T{lex.PARTS_OF_DAY[m['pod'].lower()]}")
    return _c(m, "DATE", ctx.date_str(day))


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


def _ref(m, d: _Doc):
    w = " ".join(m["w"].lower().split())
    nxt = _next_word(d.text, m.end()).lower()
    if w == "current" and nxt in ("account", "accounts", "affairs", "events", "of", "flows", "flow"):
        return None
    if w == "one day" and _prev_word(d.text, m.start()).lower() not in ("", "and", "but", "that"):
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
    if w == "the past" and _COUNTED.match(d.text, m.end()):
        return None  # "the past three sessions": a span of counted things, not the past at large
    return _c(m, "DATE", _REFS[w])


_UNIT_OF = {"week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
            "century": "CE", "fiscal year": "Y", "fiscal": "Y"}


def _this_unit(m, d: _Doc):
    rel = " ".join(m["rel"].lower().split())
    u = " ".join(m["u"].lower().split())
    s, e = _span(m)
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
        return _c(m, "DURATION", "P1Y")
    if code == "Q":
        if rel == "the latest":
            return _c(m, "DATE", ctx.shift_unit(d.dct, "Q", -1))  # the last one reported
        if rel == "the":
            fallback = ctx.shift_unit(d.dct, "Q", -1)
            return _c(m, "DATE", f"@Q0|{fallback}")
        return _c(m, "DATE", ctx.shift_unit(d.dct, "Q", delta))
    if code == "WE":
        if rel == "the" or rel == "this":
            t = d.tense(s, e)
            if d.dct is None:
                return _c(m, "DATE", "XXXX-WXX-WE")
            if t == "future" or rel == "this":
                delta = 0 if d.dct.weekday() < 5 or rel == "this" else 1
            else:
                delta = 0 if d.dct.weekday() >= 5 else -1
        return _c(m, "DATE", ctx.shift_unit(d.dct, "WE", delta))
    if code == "Y" and rel == "the latest":
        return _c(m, "DATE", ctx.shift_unit(d.dct, "Y", -1))
    if code in ("DE", "CE") and rel == "the":
        return None
    if code == "DE" and rel in ("the past", "the last", "past", "the previous", "the next", "the coming"):
        return _c(m, "DURATION", "P10Y")
    if code == "CE" and delta == 0:
        return _c(m, "DATE", ctx.shift_unit(d.dct, "CE", 0))
    return _c(m, "DATE", ctx.shift_unit(d.dct, code, delta))


def _season_value(m, d: _Doc, rel: str, season: str, year: str | None):
    code = lex.SEASONS[season]
    if year:
        return _c(m, "DATE", f"{year}-{code}")
    if d.dct is None:
        return _c(m, "DATE", f"XXXX-{code}")
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
        s, e = _span(m)
        t = d.tense(s, e)
        if t == "past" and first > month and code != "WI":
            y -= 1
    return _c(m, "DATE", f"{ctx.year_str(y)}-{code}")


def _season(m, d: _Doc):
    rel = " ".join((m["rel"] or "").lower().split())
    s_word = m["s"].lower()
    year = m["y"] or m["y2"]
    if not rel and not year:
        if s_word in ("fall", "spring"):
            return None
        if _prev_word(d.text, m.start()).lower() not in ("in", "during", "over", "since", "until", "by", "this",
                                                        "through", "all", "late", "early"):
            return None
    if rel == "the" and not year and re.match(r"\s+of\b", d.text[m.end():m.end() + 4]):
        return None
    if s_word == "fall" and not year and rel in ("the",):
        # "the fall" is as often a collapse as a season; require a preposition before it.
        if _prev_word(d.text, m.start()).lower() not in ("in", "during", "by", "until", "over", "this"):
            return None
    return _season_value(m, d, rel, s_word, year)


def _ago(m, d: _Doc):
    n = lex.number(m["n"]) if m["n"] else None
    code = lex.unit_code(m["u"])
    if code is None:
        return None
    direction = m["dir"].lower()
    if m["n"] and m["n"].lower() in ("a", "an", "one") and code == "S":
        return None
    if direction in ("ago", "earlier", "before") or direction == "back":
        if direction in ("earlier", "before") and code not in ("Y",):
            return _c(m, "DURATION", lex.duration(n, code))
        if n is None or d.dct is None:
            return _c(m, "DATE", "PAST_REF" if n is None else ctx.shift_unit(None, code, 0))
        k = -int(n)
        if code == "Y" and int(n) == 1 and m["n"].lower() in ("a", "one"):
            return _c(m, "DATE", f"@Q-4|{ctx.shift_unit(d.dct, 'Y', -1)}")
        if code in ("Y", "M", "W", "D", "Q"):
            return _c(m, "DATE", ctx.shift_unit(d.dct, code, k))
        if code == "DE":
            return _c(m, "DATE", ctx.shift_unit(d.dct, "Y", -10 * int(n)))
        if code in ("H", "MIN", "S"):
            return _c(m, "TIME", "PAST_REF")
        return None
    if direction in ("from now", "hence"):
        if n is None or d.dct is None:
            return _c(m, "DATE", "FUTURE_REF" if n is None else ctx.shift_unit(None, code, 0))
        if code in ("Y", "M", "W", "D", "Q"):
            return _c(m, "DATE", ctx.shift_unit(d.dct, code, int(n)))
        return None
    return _c(m, "DURATION", lex.duration(n, code))


def _year_earlier_adj(m, d: _Doc):
    """'year-earlier', 'year-ago', 'the year-earlier quarter': the same period a year before."""
    if d.dct is None:
        return _c(m, "DATE", "XXXX")
    return _c(m, "DATE", f"@Q-4|{ctx.shift_unit(d.dct, 'Y', -1)}")


_AGE = re.compile(r"[- ]old\b", F)


def _duration(m, d: _Doc):
    nword = m["n"]
    n = lex.number(nword) if nword else None
    if n is not None and "half" in m.re.groupindex and m["half"]:
        n += 0.5  # "a minute and a half"
    code = lex.unit_code(m["u"])
    if code is None:
        return None
    text = d.text
    s, e = _span(m)
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
    if code in ("DE", "CE") and nl in ("a", "an") and re.match(r"\s+of\b", after) is None and False:
        return None
    before = text[max(0, s - 3) : s]
    if re.search(r"[$£€#]\s*$", before) or re.match(r"\s*(?:%|percent)", after):
        return None
    if nl in ("a", "an") and re.search(r"(?:\b(?:once|twice|thrice|times|per)|\d%|percent|\$[\d.,]+(?:\s+(?:million|billion))?)\s+$",
                                       text[max(0, s - 25) : s], F):
        return _c(m, "SET", lex.duration(1, code))
    return _c(m, "DURATION", lex.duration(n, code))


def _duration_vague(m, d: _Doc):
    code = lex.unit_code(m["u"])
    if code is None:
        return None
    if re.match(r"[- ]old\b", d.text[m.end():m.end() + 5]):
        return None
    if re.fullmatch(r"(?:recent|past)\s+years", d.text[m.start():m.end()], F):
        return _c(m, "DATE", "PAST_REF")  # "in recent years": when, not how long (TimeBank)
    return _c(m, "DURATION", lex.duration(None, code))


def _bare_units(m, d: _Doc):
    code = lex.unit_code(m["u"])
    if code is None or re.match(r"\s+(?:of|old|ago|later|earlier)\b", d.text[m.end():m.end() + 9]):
        return None
    return _c(m, "DURATION", lex.duration(None, code))


def _unit_long(m, d: _Doc):
    code = lex.unit_code(m["u"])
    if code is None:
        return None
    n = None if m["u"].lower().endswith("s") else 1
    return _c(m, "DURATION", lex.duration(n, code))


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


def _year(m, d: _Doc):
    text = d.text
    s, e = _span(m)
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
    prev = _prev_word(text, s).lower()
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
    return _c(m, "DATE", f"{y:04d}")


def _fiscal(m, d: _Doc):
    y = m["y"]
    if len(y) == 2:
        century = (d.dct.year // 100) if d.dct else 20
        y = f"{century:02d}{y}"
    return _c(m, "DATE", y)


def _decade(m, d: _Doc):
    if m["yy"]:
        digit = m["yy"]
        cent = "19" if not d.dct or int(digit) * 10 > d.dct.year % 100 else f"{d.dct.year // 100:02d}"
        return _c(m, "DATE", f"{cent}{digit}X")
    if m["w"]:
        tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}[m["w"].lower()]
        return _c(m, "DATE", f"19{tens}X")
    y = m["y"]
    return _c(m, "DATE", f"{y[:3]}X")


_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}


def _century(m, d: _Doc):
    o = m["o"].lower()
    n = int(re.match(r"\d+", o).group()) if o[0].isdigit() else _ORDINAL_WORDS.get(o)
    if not n:
        return None
    return _c(m, "DATE", f"{n - 1:02d}")


def _quarter_year(m, d: _Doc, q: int, half: bool = False) -> str:
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
    s, e = _span(m)
    t = d.tense(s, e)
    if q > cur and t != "future":
        return ctx.year_str(d.dct.year - 1)
    if q < cur and t == "future" and cur - q >= 2:
        return ctx.year_str(d.dct.year + 1)
    return ctx.year_str(d.dct.year)


def _quarter(m, d: _Doc):
    o = m["o"].lower()
    if o in ("final", "last"):
        q = 4
    else:
        q = lex.ORDINALS[o]
    if re.match(r"\s+of\s+(?:the\s+)?(?!fiscal|year|this|last|next|\d|[$£€#])", d.text[m.end():m.end() + 15], F):
        return None  # "the first quarter of the game"
    return _c(m, "DATE", f"{_quarter_year(m, d, q)}-Q{q}")


def _qcode(m, d: _Doc):
    q = int(m["q"] or m["q2"])
    y = m["y"]
    if y and y.startswith("'"):
        y = f"20{y[1:]}"
    if not y:
        y = ctx.year_str(d.dct.year) if d.dct else "XXXX"
    return _c(m, "DATE", f"{y}-Q{q}")


def _half(m, d: _Doc):
    o = m["o"].lower()
    h = 1 if o == "first" else 2
    after = d.text[m.end() : m.end() + 25]
    if not (m["y"] or m["py"] or m["rel"]) and re.match(r"\s+of\b", after):
        return None
    if m["rel"]:
        rel = m["rel"].lower()
        if d.dct is None:
            return _c(m, "DATE", f"XXXX-H{h}")
        y = d.dct.year + {"this": 0, "the": 0, "last": -1, "next": 1}[rel]
        return _c(m, "DATE", f"{ctx.year_str(y)}-H{h}")
    if not (m["y"] or m["py"] or m["pre"]):
        return None
    return _c(m, "DATE", f"{_quarter_year(m, d, h, half=True)}-H{h}")


def _months_span(m, d: _Doc):
    n = lex.number(m["n"])
    if n is None:
        return None
    return _c(m, "DURATION", lex.duration(n, "M"))


def _clock(m, d: _Doc):
    h = int(m["h"])
    mi = int(m["mi"]) if m["mi"] else 0
    ap = (m["ap"] or "").lower().replace(".", "").strip()
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    return _c(m, "TIME", f"{_time_day(m, d)}T{h:02d}:{mi:02d}")


_PAREN_WD = re.compile(rf"\s*\([^()\n]{{1,25}}\),?\s+(?:on\s+)?({_WD})")


def _time_day(m, d: _Doc) -> str:
    """The date a clock time falls on: the weekday/date/relative day written next to it, else the DCT."""
    s, e = _span(m)
    wd_word = m["wd"]
    if not (wd_word or m["rd"] or m["mon"]):
        # "at 10:35 a.m. (0735 GMT) Friday": the day after a parenthesis, left out of the span
        later = _PAREN_WD.match(d.text, e)
        wd_word = later and later.group(1)
    if wd_word and _cap(wd_word):
        wd = lex.WEEKDAYS[wd_word.lower().rstrip(".")]
        day = ctx.weekday_date(d.dct, wd, d.tense(s, e))
        return ctx.date_str(day) if d.dct else f"XXXX-WXX-{wd + 1}"
    if m["rd"]:
        delta = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["rd"].lower()]
        return ctx.date_str(d.dct + dt.timedelta(days=delta) if d.dct else None)
    if m["mon"] and _cap(m["mon"]):
        month, day = _month(m["mon"]), _day(m["d"])
        return f"{_year_for_md(m, d, month, day)}-{month:02d}-{day:02d}"
    return ctx.date_str(d.dct)


def _noon(m, d: _Doc):
    w = m["w"].lower()
    hhmm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[w]
    return _c(m, "TIME", f"{_time_day(m, d)}T{hhmm}")


def _pod(m, d: _Doc):
    rel = m["rel"].lower()
    p = lex.PARTS_OF_DAY[m["p"].lower()]
    delta = {"this": 0, "tonight": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and p != "NI":
        return None  # "last morning" is not idiomatic; "last evening" rare
    day = d.dct + dt.timedelta(days=delta) if d.dct else None
    return _c(m, "TIME", f"{ctx.date_str(day)}T{p}")


def _holiday(m, d: _Doc):
    name = m["h"]
    if not _cap(name):
        return None
    if m["y"]:
        y = int(m["y"])
    elif d.dct is None:
        return _c(m, "DATE", "XXXX-XX-XX")
    else:
        ref = lex.holiday(name, d.dct.year)
        if ref is None:
            return None
        rel = (m["rel"] or "").lower()
        s, e = _span(m)
        t = "past" if rel == "last" else "future" if rel == "next" else d.tense(s, e)
        y = ctx.month_year(d.dct, ref.month, ref.day, t) or d.dct.year
    day = lex.holiday(name, y)
    return _c(m, "DATE", day.isoformat()) if day else None


_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
              "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "semiannually": "P6M"}


def _set_word(m, d: _Doc):
    return _c(m, "SET", _SET_WORDS[m["w"].lower()])


def _set_every(m, d: _Doc):
    u = m["u"].lower()
    n = lex.number(m["n"]) if m["n"] else 1
    if u.rstrip("s") in ("morning", "afternoon", "evening", "night"):
        return _c(m, "SET", f"XXXX-XX-XXT{lex.PARTS_OF_DAY[u.rstrip('s')]}")
    if u.rstrip("s") in lex.WEEKDAYS:
        return _c(m, "SET", f"XXXX-WXX-{lex.WEEKDAYS[u.rstrip('s')] + 1}")
    if u in lex.MONTHS and len(u) > 3:
        return _c(m, "SET", f"XXXX-{lex.MONTHS[u]:02d}")
    if u in lex.SEASONS:
        return _c(m, "SET", f"XXXX-{lex.SEASONS[u]}")
    code = lex.unit_code(u)
    if code is None:
        return None
    return _c(m, "SET", lex.duration(n, code))


_SPOKEN_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SPOKEN_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9}


def _spoken_year(m, d: _Doc):
    if m["th"]:
        tail = (m["tail"] or "").lower()
        year = f"{2000 + _SPOKEN_ONES.get(tail, _SPOKEN_TENS.get(tail, 0)):04d}"
    else:
        parts = re.split(r"[- ]", m["yy"].lower())
        year = f"19{sum(_SPOKEN_TENS.get(p, _SPOKEN_ONES.get(p, 0)) for p in parts):02d}"
    # "January nineteen ninety-seven", "the winter of nineteen ninety-four" (broadcast transcripts).
    if m["mon"] and _cap(m["mon"]):
        return _c(m, "DATE", f"{year}-{_month(m['mon']):02d}")
    if m["s"]:
        return _c(m, "DATE", f"{year}-{lex.SEASONS[m['s'].lower()]}")
    start = m.start("mon") if m["mon"] else m.start("yr")
    return _Cand(start, m.end(), "DATE", year)


_NARR_DELTA = {"that": 0, "that same": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1,
               "the preceding": -1, "the prior": -1, "the day before": -1, "the day after": 1}
_NARR_UNIT = {"day": "D", "morning": "D", "afternoon": "D", "evening": "D", "night": "D", "week": "W",
              "month": "M", "year": "Y", "quarter": "Q"}


def _narrative(m, d: _Doc):
    """'the following year', 'that day', 'the next morning': relative to the date the story last named
    (resolved in _resolve_narrative), or to the anchor when it named none."""
    rel = " ".join(m["rel"].lower().split())
    u = m["u"].lower()
    code = _NARR_UNIT[u]
    delta = _NARR_DELTA[rel]
    s, e = _span(m)
    if rel == "the next" and code != "D" and d.tense(s, e) != "past":
        return None  # "the next year" in a present or future clause counts from the anchor
    if rel in ("that", "the same") and re.match(r"\s+(?:of|when|in\s+which)\b", d.text[e : e + 12]):
        return None  # "that day of reckoning", "the same day when": not a reference back
    fallback = ctx.shift_unit(d.dct, code, delta) if rel not in ("that", "that same", "the same") or d.dct else "PAST_REF"
    if code == "Q":
        return _c(m, "DATE", f"@Q{delta}|{fallback}")
    return _c(m, "DATE", f"@N{code}{delta:+d}|{fallback}")


def _soon(m, d: _Doc):
    """'will soon', 'soon to': the near future; not 'as soon as', 'soon after', 'was soon released'."""
    text = d.text
    s, e = _span(m)
    if re.search(r"\b(?:as|so|too|how)\s+$", text[max(0, s - 5) : s], F) or re.match(r"\s+(?:after|afterwards?|as|thereafter)\b", text[e : e + 14], F):
        return None
    modal = re.search(r"\b(?:will|would|may|might|could|should|shall|to)\s+$", text[max(0, s - 8) : s], F) or \
        re.match(r"\s+(?:will|would|shall)\b", text[e : e + 8], F)
    if not modal and d.tense(s, e) == "past":
        return None
    return _c(m, "DATE", "FUTURE_REF")


def _year_end(m, d: _Doc):
    """'by year-end', 'around year end', 'since year-end': the end of the anchor's year (the last one after
    'since')."""
    if d.dct is None:
        return _c(m, "DATE", "XXXX", "END")
    y = d.dct.year - 1 if re.search(r"\bsince\s+$", d.text[max(0, m.start() - 8) : m.start()], F) else d.dct.year
    return _c(m, "DATE", ctx.year_str(y), "END")


# ---- rules -------------------------------------------------------------------------------------------

_TENS_W = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES_W = "one|two|three|four|five|six|seven|eight|nine"
_TEENS_W = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
# A count after "the past": "the past three sessions" (see _ref).
_COUNTED = re.compile(rf"\s+(?:\d+|few|several|couple|dozen|{_TENS_W}|{_TEENS_W}|{_ONES_W})\b", F)
_TZ = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time))?"
_DAY_AFTER = rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{_WD})|(?P<rd>today|yesterday|tomorrow|tonight)|(?P<mon>{_MON})\s+(?P<d>{_DAY})))?"

_RULES: list[tuple[str, Handler, int]] = [
    (r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mi>\d{2})(?::\d{2})?)?(?![\d-])", _iso, 0),
    (r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d{2})(?![\d/])", _numeric, 0),
    (rf"\b(?:(?:the\s+)?(?P<wd>{_WD}),?\s+)?(?P<mon>{_MON})\s+(?:the\s+)?(?P<d>{_DAY})(?:(?:,\s*|\s+)(?P<y>{_YEAR}))?\b", _mdy, F),
    (rf"\b(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR}))?", _mdy, F),
    (rf"\b(?P<mon>{_MON})(?:\s+of|,)?\s+(?P<y>{_YEAR})\b", _my, F),
    (rf"\b(?P<mon>{_MON})\s+(?P<rel>this|last|next)\s+year\b", _m_rel, F),
    (rf"\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this)\s+)?(?P<mon>{_MONTH_FULL})\b(?!-)", _month_only, F),
    (rf"\b(?:(?P<rel>last|next|this\s+coming|this\s+past|this)\s+)?(?P<wd>{_WD})(?:\s+(?P<pod>{_POD}))?", _weekday, F),
    (rf"\b(?P<wd>{_WD_FULL})s\b", _weekday_plural, F),
    (rf"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight)(?:\s+(?P<pod>{_POD}))?\b", _rel_day, F),
    (r"\b(?P<w>right\s+now|now|currently|current|at\s+present|presently|nowadays|these\s+days|recently|recent"
     r"|lately|the\s+past|more\s+recently|the\s+near\s+future|the\s+future"
     r"|a\s+later\s+date|as\s+soon\s+as\s+possible|the\s+near\s+term|one\s+day|once)\b", _ref, F),
    (r"\b(?P<rel>this|last|next|the\s+past|the\s+last|the\s+previous|the\s+next|the\s+coming|the\s+current"
     r"|the\s+latest|the\s+following|the\s+full|the\s+whole|the\s+entire|the)\s+(?P<u>week|weekend|month|quarter|year|decade|century|fiscal\s+year"
     rf"|{_SEASON})\b(?![- ]old)", _this_unit, F),
    (rf"\b(?P<n>{_NUM}|several|a\s+few|few|some|many)\s+(?P<u>{_UNIT})\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back)\b", _ago, F),
    (r"\b(?:the\s+(?:comparable\s+)?)?year[- ](?:earlier|ago)(?:\s+(?:quarter|period|third\s+quarter|second\s+quarter|first\s+quarter|fourth\s+quarter|nine\s+months|six\s+months))?\b", _year_earlier_adj, F),
    (rf"\b(?P<n>{_NUM})(?:\s+(?:more|additional|straight|consecutive|full|trading|business|calendar|long))?[- ]?(?P<u>{_UNIT})\b(?P<half>\s+and\s+a\s+half\b)?", _duration, F),
    (rf"\b(?:the\s+)?(?:past|last|next|coming|previous|first|final|following|latest|remaining|ensuing|preceding)\s+(?:(?P<n>{_NUM})\s+)(?:more\s+)?(?P<u>{_UNIT})\b", _duration, F),
    (rf"\bthe\s+(?P<n>{_NUM})\s+(?P<u>{_UNIT_PL})\b", _duration, F),
    (rf"\b(?:(?:the\s+)?(?:past|last|next|coming)\s+(?:few\s+|several\s+|couple\s+of\s+)?|{_VAGUE}\s+|recent\s+)(?P<u>{_UNIT_PL})\b", _duration_vague, F),
    (r"\b(?:for|within|over|after|took|take|takes|lasted)\s+(?P<t>(?P<u>years|months|weeks|days|decades|hours|minutes))\b", _bare_units, F),
    (r"\b(?P<u>days?|weeks?|months?|years?|decades?|hours?)-long\b", _unit_long, F),
    (r"\b(?:(?:fiscal|FY|calendar)\s*(?:year\s*)?-?\s*(?P<y>1\d\d\d|20\d\d|\d\d)|the\s+(?:fiscal\s+|calendar\s+)?year\s+(?P<y2>1\d\d\d|20\d\d))\b", lambda m, d: _fiscal_any(m, d), F),
    (rf"(?<![\w$£€#.,/])(?P<y>{_YEAR})\b", _year, 0),
    (rf"\b(?:the\s+)?(?:(?:early|mid|late)[- ]?\s*)?(?:(?P<y>1\d\d0|20\d0)'?s|'(?P<yy>\d)0'?s|(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b", _decade, F),
    (r"\b(?:the\s+)?(?P<o>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]first)[- ]century\b", _century, F),
    (rf"\b(?:(?P<pre>the|this|its|their|a|this\s+year's|last\s+year's|next\s+year's|(?P<py>{_YEAR})(?:'s)?|the\s+(?P<py2>{_YEAR}))\s+)?(?:fiscal[- ])?(?P<o>{_ORD})[- ](?:fiscal[- ])?quarter\b(?:\s+(?:of\s+)?(?:(?:fiscal|the\s+fiscal\s+year|the\s+year|calendar)\s+)?(?P<y>{_YEAR}))?", _quarter, F),
    (rf"\bthe\s+(?P<y>{_YEAR})\s+(?:quarter|period)\b", lambda m, d: _c(m, "DATE", f"@QY{m['y']}|{m['y']}"), F),
    (rf"\b(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?:\s+(?:FY\s*)?(?P<y>{_YEAR}|'\d\d))?\b", _qcode, 0),
    (rf"\b(?:(?P<pre>the|this|its|their|(?P<py>{_YEAR})(?:'s)?)\s+)?(?:fiscal[- ])?(?P<o>first|second|last|latter)[- ]half\b(?:\s+of\s+(?:(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?(?P<y>{_YEAR})|(?P<rel>this|last|next|the)\s+year))?", _half, F),
    (rf"\b(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+early|the\s+late|the|early|late)\s+)?(?P<s>{_SEASON})\b(?:\s+of\s+(?P<y>{_YEAR})|\s+(?P<y2>{_YEAR}))?", _season, F),
    (rf"\b(?:at\s+|around\s+|about\s+)?(?P<t>(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am\b|pm\b){_TZ}{_DAY_AFTER})", _clock, F),
    (rf"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?P<ap>)\s*(?:GMT|UTC|[ECMP][SD]T|local\s+time|hours|hrs){_DAY_AFTER}", _clock, F),
    (rf"\b(?P<w>noon|midday|midnight){_DAY_AFTER}", _noon, F),
    (rf"\b(?P<rel>this|last|yesterday|tomorrow)\s+(?P<p>{_POD})\b", _pod, F),
    (r"\b(?:(?P<rel>last|next|this)\s+)?(?P<h>Christmas(?:\s+Eve|\s+Day)?|New\s+Year's(?:\s+Eve|\s+Day)|Halloween|Thanksgiving(?:\s+Day)?|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Election\s+Day|Easter(?:\s+Sunday)?|Valentine's\s+Day)(?:,?\s+(?P<y>(?:1\d|20)\d\d))?\b", _holiday, F),
    (r"\b(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually)\b", _set_word, F),
    (rf"\b(?:every|each|per)\s+(?:(?P<n>{_NUM})\s+)?(?P<u>{_UNIT}|mornings?|afternoons?|evenings?|nights?|(?:{_WD_FULL})s?|{_MONTH_FULL}|{_SEASON})\b", _set_every, F),
    (rf"\b(?:(?P<mon>{_MONTH_FULL})\s+|(?:the\s+)?(?P<s>{_SEASON})\s+of\s+)?(?P<yr>(?:the\s+year\s+)?(?:nineteen[- ](?P<yy>(?:{_TENS_W})(?:[- ](?:{_ONES_W}))?|{_TEENS_W}|hundred)|(?P<th>the\s+year\s+two\s+thousand(?:\s+and)?(?:\s+(?P<tail>{_ONES_W}|{_TEENS_W}))?)))\b", _spoken_year, F),
    (r"\b(?P<rel>that(?:\s+same)?|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding|the\s+prior)"
     r"\s+(?P<u>day|morning|afternoon|evening|night|week|month|year|quarter)\b(?![- ]old|-long|'s?\s+(?:worth|pay|time))",
     _narrative, F),
    (r"\bsoon\b", _soon, F),
    (r"\b[Tt]he\s+latest\s+(?:period|reporting\s+period)\b", lambda m, d: _c(m, "DATE", ctx.shift_unit(d.dct, "Q", -1)), 0),
    (r"\b(?<!-)(?:the\s+)?year(?:-|\s+|'s\s+)end\b(?!-)", _year_end, F),
    (rf"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?P<ap>)\s*(?:GMT|UTC|BST|CET|hrs|local\s+time)\b{_DAY_AFTER}", _clock, 0),
    (r"\b(?:mid-?\s?)?(?P<pod>morning|afternoon|evening|night)\s+(?P<w>yesterday|today|tomorrow)\b", _rel_day, F),
    (r"\bmid-?\s?(?P<pod>morning|afternoon|evening)\b(?P<w>)", _rel_day, F),
    (rf"\b(?P<mon>{_MON})\s+(?P<d>{_DAY})\s+(?:and|or|&)\s+(?P<d2>{_DAY})\b(?!\s*(?:%|percent|[:.]\d))", _md_pair, F),
    (rf"\bthe\s+week\s+of\s+(?P<mon>{_MON})\s+(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?\b", _week_of, F),
]


def _fiscal_any(m, d: _Doc):
    y = m["y"] or m["y2"]
    if len(y) == 2:
        century = (d.dct.year // 100) if d.dct else 20
        y = f"{century:02d}{y}"
    return _c(m, "DATE", y)


# Each rule runs only in windows around the trigger words it cannot match without (its classes below).
# One pass over the words of the text (a dict look-up per word, much faster than a big alternation
# regex) finds them, then each rule's regex runs on a small part of the text instead of all of it.
_TRIGGER_WORDS: dict[str, str] = {}
for _cls, _words in {
    "MON": f"{_MONTH_FULL}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec",
    "WD": f"{_WD_FULL}|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays"
          "|mon|tue|tues|wed|thu|thur|thurs|fri",  # not "sat"/"sun": words more often than days
    "UNIT": "second|minute|hour|day|week|weekend|month|quarter|year|decade|fortnight|century|centuries"
            "|seconds|minutes|hours|days|weeks|weekends|months|quarters|years|decades|fortnights",
    "RELDAY": "today|yesterday|tomorrow|tonight",
    "REF": "now|current|currently|present|presently|nowadays|recent|recently|lately|past|future|later"
           "|possible|term|once|soon|previously|formerly|already|then|time|latest",
    "SEASON": "spring|summer|fall|autumn|winter",
    "HALF": "half",
    "POD": "morning|afternoon|evening|night|overnight|mornings|afternoons|evenings|nights",
    "HOL": "christmas|halloween|thanksgiving|independence|labor|memorial|election|easter|valentine",
    "SETW": "daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually",
    "EVERY": "every|each|per",
    "SPOKEN": "nineteen|thousand",
    "FISCAL": "fiscal|fy|calendar",
    "CLOCK": "noon|midday|midnight",
    "DEC": "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties",
    "QC": "q",
}.items():
    for _w in _words.lower().split("|"):
        _TRIGGER_WORDS[_w] = _cls
_TOKEN = re.compile(r"[a-z]+|\d+")
_WORD_TAIL = re.compile(r"\w*")
_CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.?m|:\d\d)")
# The trigger classes of each rule, in _RULES order.
_RULE_CLASSES: list[tuple[str, ...]] = [
    ("Y4",), ("NUMDATE",), ("MON",), ("MON",), ("MON",), ("MON",), ("MON",), ("WD",), ("WD",), ("RELDAY",),
    ("REF", "UNIT"), ("UNIT", "SEASON"), ("UNIT",), ("UNIT",), ("UNIT",), ("UNIT",), ("UNIT",), ("UNIT",),
    ("UNIT",), ("UNIT",), ("FISCAL", "UNIT"), ("Y4",), ("Y4", "DEC"), ("UNIT",), ("UNIT",), ("Y4",), ("QC",),
    ("HALF",), ("SEASON",), ("CLOCK",), ("CLOCK",), ("CLOCK",), ("POD",), ("HOL", "UNIT"), ("SETW",), ("EVERY",),
    ("SPOKEN",), ("UNIT", "POD"), ("REF",), ("REF",), ("UNIT",), ("Y4",), ("RELDAY",), ("POD",), ("MON",), ("MON",),
]
assert len(_RULE_CLASSES) == len(_RULES)
_COMPILED = [(re.compile(p, flags), h, cls) for (p, h, flags), cls in zip(_RULES, _RULE_CLASSES)]
_WINDOW = 60


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _digit_class(text: str, m: re.Match[str]) -> str | None:
    """Trigger class of a run of digits: a year, a numeric date, a clock time, a decade or a quarter."""
    e = m.end()
    n = e - m.start()
    nxt = text[e : e + 1]
    if n == 4 and not text[m.start() - 1 : m.start()].isdigit():
        return "Y4"
    if nxt == "/":
        return "NUMDATE"
    if n <= 2 and _CLOCK_AFTER.match(text, e):
        return "CLOCK"
    if n == 2 and text.startswith(("0s", "0's"), e - 1):
        return "DEC"
    if n == 1 and nxt in ("q", "Q"):
        return "QC"
    return None


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Trigger class -> merged windows of text around its triggers."""
    n = len(text)
    low = text.lower()
    words = _TRIGGER_WORDS
    by_class: dict[str, list[tuple[int, int]]] = {}
    for m in _TOKEN.finditer(low):
        tok = m.group()
        cls = _digit_class(low, m) if tok[0].isdigit() else words.get(tok)
        if cls is None:
            continue
        spans = by_class.setdefault(cls, [])
        s, e = max(0, m.start() - _WINDOW), min(n, m.end() + _WINDOW)
        e = _WORD_TAIL.match(low, e).end()  # never cut a word: a window end would pass for a boundary
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return by_class


# Left modifiers that join the expression: "early", "the end of", "mid-" (point modifiers) and
# "nearly", "more than" (quantity modifiers, for durations and "ago" dates).
_LEFT_POINT = re.compile(
    r"(?:\b(?:the\s+)?(?P<pt>end|close|beginning|start|middle|turn)\s+of\s+"
    r"|\b(?P<el>early|late|mid|earlier|later)(?:\s+in)?(?:-|\s+)|\bmid-?(?=\d))$", F)
_LEFT_QTY = re.compile(
    r"\b(?P<q>nearly|almost|about|around|approximately|roughly|more\s+than|less\s+than|fewer\s+than"
    r"|at\s+least|up\s+to|no\s+more\s+than|over|just\s+over|well\s+over|some|under|just\s+under)\s+$", F)
_RIGHT = re.compile(r"\s+(?P<r>or\s+later|and\s+beyond|or\s+earlier|or\s+so)\b", F)
_BY = re.compile(r"\b(?:by|no\s+later\s+than|before)\s+$", F)
_POINT_MOD = {"end": "END", "close": "END", "beginning": "START", "start": "START", "middle": "MID",
              "turn": "START", "early": "START", "late": "END", "mid": "MID", "earlier": "START",
              "later": "END"}
_QTY_MOD = {"nearly": "APPROX", "almost": "APPROX", "about": "APPROX", "around": "APPROX",
            "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX", "more than": "MORE_THAN",
            "over": "MORE_THAN", "just over": "MORE_THAN", "well over": "MORE_THAN", "less than": "LESS_THAN",
            "fewer than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN",
            "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS"}


def _extend(c: _Cand, text: str, floor: int) -> _Cand:
    """Grow a candidate over modifiers on its left (not past ``floor``) and 'or later' on its right."""
    window = text[max(floor, c.start - 40) : c.start]
    base = c.start - len(window)
    if c.type in ("DATE", "TIME") and not c.value.endswith("_REF"):
        m = _LEFT_POINT.search(window)
        if m:
            key = (m["pt"] or m["el"] or "mid").lower()
            c = _Cand(base + m.start(), c.end, c.type, c.value, _POINT_MOD[key], c.rule)
            window = text[max(floor, c.start - 40) : c.start]
            base = c.start - len(window)
    if c.type == "DURATION" or (c.type in ("DATE", "TIME") and re.search(r"\b(?:ago|earlier)$|[ap]\.?m\.?$", text[c.start:c.end], F)):
        m = _LEFT_QTY.search(window)
        loose = m and m["q"].lower() in ("over", "some", "under")
        # "over the next decade" is "during"; "over two years" is a quantity.
        if m and not (loose and (c.type != "DURATION" or text.startswith(("the ", "The "), c.start))):
            c = _Cand(base + m.start(), c.end, c.type, c.value, c.mod or _QTY_MOD[" ".join(m["q"].lower().split())], c.rule)
    if c.type == "DATE":
        r = _RIGHT.match(text, c.end)
        if r:
            mod = {"or later": "ON_OR_AFTER", "and beyond": "ON_OR_AFTER", "or earlier": "ON_OR_BEFORE"}.get(
                " ".join(r["r"].lower().split()), c.mod)
            c = _Cand(c.start, r.end(), c.type, c.value, mod, c.rule)
        if c.mod is None and _BY.search(text[max(floor, c.start - 20) : c.start]):
            c = _Cand(c.start, c.end, c.type, c.value, "BEFORE", c.rule)
    return c


# How far (in characters) a quarter named in the text stays the reference for "a year earlier".
_REF_REACH = 1000
_Q_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")


def _resolve_refs(cands: list[_Cand]) -> list[_Cand]:
    """Fill '@Q<delta>|<fallback>' placeholders from the last explicit quarter named before them."""
    ref: tuple[int, int] | None = None
    ref_at = 0
    out = []
    for c in cands:
        v = c.value
        if v.startswith("@QY"):
            year, fallback = v[3:].split("|", 1)
            v = f"{year}-Q{ref[1]}" if ref is not None and c.start - ref_at < _REF_REACH else fallback
            c = _Cand(c.start, c.end, c.type, v, c.mod, c.rule)
        elif v.startswith("@Q"):
            delta_s, fallback = v[2:].split("|", 1)
            if ref is not None and c.start - ref_at < _REF_REACH:
                y, q = lex.shift_quarter(ref[0], ref[1], int(delta_s))
                v = f"{y:04d}-Q{q}"
            else:
                v = fallback
            c = _Cand(c.start, c.end, c.type, v, c.mod, c.rule)
        else:
            qm = _Q_VALUE.match(v)
            if qm:
                ref = (int(qm.group(1)), int(qm.group(2)))
                ref_at = c.end
        out.append(c)
    return out


_ABS_VALUE = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")
_NAMES_DATE = re.compile(rf"\d|\b(?:{_MONTH_FULL}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|{_WD_FULL})\b")


def _narrative_value(ref: str, code: str, delta: int) -> str:
    """The unit ``code`` of the named date ``ref`` moved by ``delta``, as precise as ``ref`` allows."""
    m = _ABS_VALUE.match(ref)
    y, mo, da = int(m.group(1)), m.group(2), m.group(3)
    if code == "Y":
        return ctx.year_str(y + delta)
    if code == "M":
        if mo is None:
            return f"{ctx.year_str(y)}-XX"
        yy, mm = lex.add_months(y, int(mo), delta)
        return f"{ctx.year_str(yy)}-{mm:02d}"
    if da is None:
        tail = "WXX" if code == "W" else "XX-XX" if mo is None else f"{mo}-XX"
        return f"{ctx.year_str(y)}-{tail}" if code == "W" or delta == 0 else f"{ctx.year_str(y)}-XX-XX"
    day = lex.safe_date(y, int(mo), int(da))
    if day is None:
        return ref
    if code == "W":
        return lex.iso_week(day + dt.timedelta(weeks=delta))
    return (day + dt.timedelta(days=delta)).isoformat()


def _resolve_narrative(cands: list[_Cand], text: str) -> list[_Cand]:
    """Fill '@N<unit><delta>|<fallback>' placeholders from the last date the text named itself
    ("Oct. 23, 1999 ... earlier that day"), the reference time of narrative rather than the anchor."""
    ref: str | None = None
    ref_at = 0
    out = []
    for c in cands:
        if c.value.startswith("@N"):
            spec, fallback = c.value[2:].split("|", 1)
            if ref is not None and c.start - ref_at < _REF_REACH:
                v = _narrative_value(ref, spec[0], int(spec[1:]))
            else:
                v = fallback
            c = _Cand(c.start, c.end, c.type, v, c.mod, c.rule)
        elif c.type in ("DATE", "TIME") and _ABS_VALUE.match(c.value[:10]) and _NAMES_DATE.search(text, c.start, c.end):
            ref, ref_at = c.value[:10], c.end
        out.append(c)
    return out


def _run(handler: Handler, m: re.Match[str], doc: _Doc) -> list[_Cand]:
    """A handler's candidates; a rule that trips on odd input yields nothing rather than raising."""
    try:
        got = handler(m, doc)
    except (ValueError, KeyError, OverflowError, IndexError, TypeError, AttributeError):
        return []
    if got is None:
        return []
    return [c for c in (got if isinstance(got, list) else [got]) if c.end > c.start]


def tag(text: str, dct: dt.date | None) -> list[Timex]:
    """Every time expression in text, sorted, non-overlapping, offsets into text; values anchored on dct.
    dct None (article date unknown): keep what is absolute, leave unknown parts as X ("XXXX-03-19")."""
    if not isinstance(text, str) or not text:
        return []
    if dct is not None and not isinstance(dct, dt.date):
        dct = None
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    doc = _Doc(text, dct)
    cands: list[_Cand] = []
    by_class = _windows(text)
    for i, (rx, handler, classes) in enumerate(_COMPILED):
        if len(classes) == 1:
            windows = by_class.get(classes[0], [])
        else:
            windows = _merge([w for c in classes for w in by_class.get(c, [])])
        for ws, we in windows:
            for m in rx.finditer(text, ws, we):
                for c in _run(handler, m, doc):
                    if _in_title(text, c.start, c.end):
                        continue
                    c.rule = i
                    cands.append(c)
    # Longest first; among equals the earlier rule (rules are ordered most specific first).
    cands.sort(key=lambda c: (-(c.end - c.start), c.rule, c.start))
    taken = bytearray(len(text))
    chosen: list[_Cand] = []
    for c in cands:
        if any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    extended: list[_Cand] = []
    prev_end = 0
    for i, c in enumerate(chosen):
        try:
            c = _extend(c, text, prev_end)
        except (ValueError, KeyError, IndexError):
            pass
        nxt = chosen[i + 1].start if i + 1 < len(chosen) else len(text)
        if c.end > nxt:
            c = _Cand(c.start, chosen[i].end, c.type, c.value, c.mod, c.rule)
        extended.append(c)
        prev_end = c.end
    resolved = _resolve_narrative(_resolve_refs(extended), text)
    return [Timex(c.start, c.end, text[c.start : c.end], c.type, c.value, c.mod) for c in resolved]
