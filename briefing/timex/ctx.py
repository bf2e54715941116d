"""Context for the date tagger: the tense around an expression, which picks the year of "March 19"
or the week of "Thursday" when the text does not say it, and anchor-relative value helpers."""

from __future__ import annotations

import datetime as dt
import re

from briefing.timex import lex as lex

# Verbs and markers that put a clause in the future or the past. Closest cue to the expression wins,
# so "said Tuesday it will meet on March 19" reads "will", not "said".
_FUTURE = {
    "will", "wo", "'ll", "shall", "would", "plans", "plan", "planned", "planning", "scheduled", "schedule",
    "expects", "expect", "expected", "expecting", "due", "next", "upcoming", "intends", "intend", "aims",
    "hopes", "payable", "forecast", "projected", "deadline", "slated", "going",
    "coming", "tomorrow", "effective", "expire", "expires", "begins", "starts", "opens", "convenes",
    "reconvenes", "to", "might", "may", "meet", "meets", "visit", "visits", "arrive", "arrives", "leave", "leaves",
    "resume", "resumes", "travel", "travels", "return", "returns",
}
_PAST = {
    "was", "were", "had", "did", "ago", "last", "earlier", "since", "began", "met", "took", "came", "went",
    "made", "said", "told", "held", "won", "lost", "fell", "rose", "saw", "gave", "left", "got", "became",
    "sent", "found", "paid", "led", "sold", "bought", "brought", "built", "ran", "spent", "struck", "fled",
    "shot", "wrote", "spoke", "yesterday", "has", "have", "been", "knew", "thought", "felt", "kept", "hit",
    "put", "set", "cut", "quit", "beat", "broke", "chose", "drew", "drove", "ate", "flew", "grew", "hung",
    "rang", "sang", "sat", "slept", "stood", "stole", "swore", "threw", "woke", "wore", "seized", "died",
}
# Words in -ed that are not past verbs, or not tense-bearing ("a Seattle-based", "the alleged").
_NOT_PAST = {"hundred", "united", "limited", "based", "related", "interested", "concerned", "detailed",
             "advanced", "sacred", "naked", "wicked", "beloved", "alleged", "so-called", "proposed", "armed",
             "unexpected", "unprecedented", "unidentified", "undisclosed", "unspecified", "troubled"}
_FUTURE_BE = re.compile(r"\b(?:will|would|'ll|shall|to|could|should|may|might|must|can)\s+(?:\w+\s+)?be\s+(?:\w+\s+)?$", re.I)
# A plan the story has overtaken looks ahead from the time of the plan, not of the article:
# "had been scheduled to expire Friday", "as previously planned Saturday night".
_PLAN_OVERTAKEN = re.compile(
    r"\b(?:had(?:\s+been)?|previously|originally|initially)\s+(?:been\s+)?"
    r"(?:scheduled|planned|due|expected|slated|set)(?:\s+(?:to|for|on|at|in|until)(?:\s+\w+)?)?$", re.I)
# Something put off until a day: that day is still ahead, whatever the tense of the verb.
_PUT_OFF_UNTIL = re.compile(
    r"\b(?:postponed|delayed|adjourned|deferred|put\s+off|pushed\s+back|extended|suspended)\s+(?:[\w,]+\s+){0,4}?"
    r"until\s+(?:at\s+least\s+)?$", re.I)
_WORD = re.compile(r"[A-Za-z']+")
# "is celebrating her birthday on Friday": the present progressive with a day names an arrangement, so
# the day is ahead. Only a day: "is continuing under a June agreement" is no arrangement. "was
# celebrating" keeps its past "was"; nouns in -ing are no verbs.
_PROGRESSIVE_BE = re.compile(r"\b(?:is|are|am|'s|’s|'re|’re)\s+(?:\w+ly\s+)?$", re.I)
_ING_NOUNS = frozenset(
    "morning evening during nothing something anything everything thing king spring string ring wing"
    " building meeting being ceiling funding hearing ruling training warning bombing shooting setting"
    " offering opening ending beginning spending housing clothing earnings feeling".split())
_NAMES_DAY = re.compile(r"\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\btomorrow\b", re.I)
_SENT_END = re.compile(r"(?:[a-z0-9)\"”'][.!?][\"'”’]?\s+(?=[\"“‘']?[A-Z])|\n\s*\n|\n(?=[A-Z\"“]))")


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around [start, end), found by a cheap scan of at most ~300 chars."""
    lo = max(0, start - 300)
    s = lo
    for m in _SENT_END.finditer(text, lo, start):
        s = m.end()
    hi = min(len(text), end + 300)
    m = _SENT_END.search(text, end, hi)
    e = m.start() + 2 if m else hi
    return s, e


def tense(text: str, start: int, end: int) -> str | None:
    """'future' | 'past' | None for the clause around an expression, from the nearest tense cue."""
    if _PUT_OFF_UNTIL.search(text, max(0, start - 60), start):
        return "future"  # "a process delayed until at least Thursday"
    s, e = clause(text, start, end)
    # The governing verb usually comes before the expression: take the nearest cue before it, and only
    # when there is none the nearest after it.
    before: str | None = None
    after: str | None = None
    day = bool(_NAMES_DAY.search(text, start, end))
    for m in _WORD.finditer(text, s, e):
        if start <= m.start() < end:
            continue
        kind = _cue(text, s, m, end, day)
        if kind is None:
            continue
        if m.end() <= start:
            before = kind  # keeps the last (nearest) one
        elif after is None:
            after = kind
            break
    return before or after


def _cue(text: str, s: int, m: re.Match[str], end: int, day: bool = False) -> str | None:
    w = m.group().lower()
    if w in _FUTURE:
        if w == "may" and m.group()[0] == "M":
            return None  # the month, not the modal
        if w == "next" and text.startswith(" to ", m.end()):
            return None  # "next to the embassy" is a place
        if _PLAN_OVERTAKEN.search(text, max(s, m.start() - 50), m.end()):
            return "past"  # "had been scheduled to expire Friday": a plan the story has overtaken
        # "to" only counts as future in "is to", "are to", "set to" and "going to"-like uses.
        if w == "to":
            prev = text[max(s, m.start() - 12) : m.start()].lower()
            if not re.search(r"\b(is|are|was due|set|going|plans|plan|expected|due|agreed|decided|voted|promised"
                             r"|pledged|vowed|aims|intends|hopes|wants|seeks)\s+$", prev):
                return None
        if w in ("may", "can", "could", "might", "should", "must", "coming") and m.start() > end:
            return None
        return "future"
    if day and len(w) > 4 and w.endswith("ing") and w not in _ING_NOUNS and w not in _FUTURE \
            and _PROGRESSIVE_BE.search(text, max(s, m.start() - 20), m.start()):
        return "future"
    if w in _PAST or (len(w) > 4 and w.endswith("ed") and not w.endswith("eed") and w not in _NOT_PAST):
        # "will be held", "would be paid": a participle after a future "be" is future.
        if _FUTURE_BE.search(text, max(s, m.start() - 30), m.start()):
            return "future"
        return "past"
    return None


# ---- anchored values -------------------------------------------------------------------------------

def year_str(y: int | None) -> str:
    return f"{y:04d}" if y is not None and 0 <= y <= 9999 else "XXXX"


def month_year(dct: dt.date | None, month: int, day: int | None, t: str | None,
               lean: str | None = None) -> int | None:
    """The year of a month (and day) written without one: the nearest to the anchor, where a date on
    the wrong side of the anchor for the tense ("met on December 7" in January) costs much more.
    ``lean`` is a weaker tense that only breaks a tie (August, six months either side of February)."""
    if dct is None:
        return None
    best: tuple[float, int] | None = None
    for y in (dct.year - 1, dct.year, dct.year + 1):
        if day is None:
            delta = (y - dct.year) * 12 + (month - dct.month)
            delta_days = 0 if delta == 0 else delta * 30.4
        else:
            cand = lex.safe_date(y, month, day) or lex.safe_date(y, month, 28)
            delta_days = (cand - dct).days
        cost = abs(delta_days)
        if (t == "past" and delta_days > 0) or (t == "future" and delta_days < 0):
            # The wrong side of the anchor for the tense is unlikely, not ruled out: tense cues are noisy
            # ("a summit set for April", "decided to admit them in March") and news rarely names a month
            # or day a whole year away without its year; "met in October" in March is still last year.
            cost = 4 * cost + (60 if day is None else 30)
        elif (lean == "past" and delta_days > 0) or (lean == "future" and delta_days < 0):
            cost += 0.5
        if best is None or cost < best[0]:
            best = (cost, y)
    return best[1]


def weekday_date(dct: dt.date | None, wd: int, t: str | None, rel: str | None = None) -> dt.date | None:
    """The date of a weekday near the anchor: the latest one on or before it unless the clause is future."""
    if dct is None:
        return None
    diff = (wd - dct.weekday()) % 7  # 0..6 days ahead
    rel = (rel or "").lower()
    if rel == "last" or rel == "this past":
        back = (dct.weekday() - wd) % 7 or 7
        return dct - dt.timedelta(days=back)
    if rel == "next":
        return dct + dt.timedelta(days=diff or 7)
    if rel in ("this", "this coming") or t == "future":
        return dct + dt.timedelta(days=diff)
    return dct - dt.timedelta(days=(dct.weekday() - wd) % 7)


def date_str(d: dt.date | None) -> str:
    return d.isoformat() if d else "XXXX-XX-XX"


def shift_unit(dct: dt.date | None, unit: str, n: int) -> str:
    """The calendar unit containing the anchor moved by ``n`` units, at that unit's granularity."""
    if dct is None:
        return {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "D": "XXXX-XX-XX", "Q": "XXXX-QX",
                "DE": "XXX", "CE": "XX", "WE": "XXXX-WXX-WE"}.get(unit, "XXXX")
    if unit == "Y":
        return year_str(dct.year + n)
    if unit == "M":
        y, m = lex.add_months(dct.year, dct.month, n)
        return f"{year_str(y)}-{m:02d}"
    if unit == "W":
        return lex.iso_week(dct + dt.timedelta(weeks=n))
    if unit == "WE":
        return lex.iso_week(dct + dt.timedelta(weeks=n)) + "-WE"
    if unit == "D":
        return (dct + dt.timedelta(days=n)).isoformat()
    if unit == "Q":
        y, q = lex.shift_quarter(dct.year, lex.quarter_of(dct), n)
        return f"{year_str(y)}-Q{q}"
    if unit == "DE":
        return f"{(dct.year // 10 + n):03d}X"
    if unit == "CE":
        return f"{(dct.year // 100 + n):02d}"
    return "XXXX"


# Words before a date that make it a deadline: "by 2035", "no later than March", "in time for the summit".
DEADLINE_BEFORE = re.compile(
    r"\b(?:by|before|no\s+later\s+than|not\s+later\s+than|until|till|within|deadline\s+of|target(?:ed)?\s+(?:for|of)"
    r"|goal\s+(?:for|of)|in\s+time\s+for)\s+(?:the\s+(?:end|close|start|beginning|middle)\s+of\s+)?$", re.I)
