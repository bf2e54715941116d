"""The rule table (regex, handler, trigger classes), compiled once, and the trigger-word windows that
keep each regex off text it cannot match."""

from __future__ import annotations

import re

from briefing.timex.base import Handler
from briefing.timex.calendar import (
    holiday_date,
    iso_date,
    month_alone,
    month_day,
    month_day_pair,
    month_rel_year,
    month_with_year,
    numeric_date,
    spoken_year,
    week_of,
)
from briefing.timex.days import clock_that_day, clock_time, noon_time, part_of_day, relative_day, weekday_name
from briefing.timex.patterns import (
    DAY,
    DAY_AFTER,
    MON,
    MONTH_FULL,
    NUM,
    ONES_W,
    ORD,
    POD,
    SEASON,
    TEENS_W,
    TENS_W,
    TZ,
    UNIT,
    UNIT_PL,
    VAGUE,
    WD,
    WD_FULL,
    YEAR,
    F,
)
from briefing.timex.relative import (
    ago_expr,
    latest_period,
    narrative_ref,
    ref_word,
    season_expr,
    soon_ref,
    this_unit,
    year_earlier_adj,
    year_end,
)
from briefing.timex.spans import (
    bare_units,
    counted_duration,
    duration_vague,
    set_every,
    set_word,
    unit_long,
    weekday_plural,
)
from briefing.timex.years import (
    bare_year,
    century_expr,
    decade_expr,
    fiscal_any,
    half_year,
    ordinal_quarter,
    quarter_code,
    year_quarter,
)

# (pattern, handler, flags, trigger classes): a rule runs only near words of its classes (see
# trigger_windows). Order matters: among candidates of equal length the earlier rule wins.
_RULES: list[tuple[str, Handler, int, tuple[str, ...]]] = [
    (r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mi>\d{2})(?::\d{2})?)?(?![\d-])", iso_date, 0, ("Y4",)),
    (r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d{2})(?![\d/])", numeric_date, 0, ("NUMDATE",)),
    (rf"\b(?:(?:the\s+)?(?P<wd>{WD}),?\s+)?(?P<mon>{MON})\s+(?:the\s+)?(?P<d>{DAY})(?:(?:,\s*|\s+)(?P<y>{YEAR}))?\b", month_day, F, ("MON",)),
    (rf"\b(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<mon>{MON})(?:,?\s+(?P<y>{YEAR}))?", month_day, F, ("MON",)),
    (rf"\b(?P<mon>{MON})(?:\s+of|,)?\s+(?P<y>{YEAR})\b", month_with_year, F, ("MON",)),
    (rf"\b(?P<mon>{MON})\s+(?P<rel>this|last|next)\s+year\b", month_rel_year, F, ("MON",)),
    (rf"\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this)\s+)?(?P<mon>{MONTH_FULL})\b(?!-)", month_alone, F, ("MON",)),
    (rf"\b(?:(?P<rel>last|next|this\s+coming|this\s+past|this)\s+)?(?P<wd>{WD})(?:\s+(?P<pod>{POD}))?", weekday_name, F, ("WD",)),
    (rf"\b(?P<wd>{WD_FULL})s\b", weekday_plural, F, ("WD",)),
    (rf"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight)(?:\s+(?P<pod>{POD}))?\b", relative_day, F, ("RELDAY",)),
    (r"\b(?P<w>right\s+now|now|currently|current|at\s+present|presently|nowadays|these\s+days|recently|recent"
     r"|lately|the\s+past|more\s+recently|the\s+near\s+future|the\s+future"
     r"|a\s+later\s+date|as\s+soon\s+as\s+possible|the\s+near\s+term|one\s+day|once)\b", ref_word, F, ("REF", "UNIT")),
    (r"\b(?P<rel>this|last|next|the\s+past|the\s+last|the\s+previous|the\s+next|the\s+coming|the\s+current"
     r"|the\s+latest|the\s+following|the\s+full|the\s+whole|the\s+entire|the)\s+(?P<u>week|weekend|month|quarter|year|decade|century|fiscal\s+year"
     rf"|{SEASON})\b(?![- ]old)", this_unit, F, ("UNIT", "SEASON")),
    (rf"\b(?P<n>{NUM}|several|a\s+few|few|some|many)\s+(?P<u>{UNIT})\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back)\b", ago_expr, F, ("UNIT",)),
    (r"\b(?:the\s+(?:comparable\s+)?)?year[- ](?:earlier|ago)(?:\s+(?:quarter|period|third\s+quarter|second\s+quarter|first\s+quarter|fourth\s+quarter|nine\s+months|six\s+months))?\b", year_earlier_adj, F, ("UNIT",)),
    (rf"\b(?P<n>{NUM})(?:\s+(?:more|additional|straight|consecutive|full|trading|business|calendar|long))?[- ]?(?P<u>{UNIT})\b(?P<half>\s+and\s+a\s+half\b)?", counted_duration, F, ("UNIT",)),
    (rf"\b(?:the\s+)?(?:past|last|next|coming|previous|first|final|following|latest|remaining|ensuing|preceding)\s+(?:(?P<n>{NUM})\s+)(?:more\s+)?(?P<u>{UNIT})\b", counted_duration, F, ("UNIT",)),
    (rf"\bthe\s+(?P<n>{NUM})\s+(?P<u>{UNIT_PL})\b", counted_duration, F, ("UNIT",)),
    (rf"\b(?:(?:the\s+)?(?:past|last|next|coming)\s+(?:few\s+|several\s+|couple\s+of\s+)?|{VAGUE}\s+|recent\s+)(?P<u>{UNIT_PL})\b", duration_vague, F, ("UNIT",)),
    (r"\b(?:for|within|over|after|took|take|takes|lasted)\s+(?P<t>(?P<u>years|months|weeks|days|decades|hours|minutes))\b", bare_units, F, ("UNIT",)),
    (r"\b(?P<u>days?|weeks?|months?|years?|decades?|hours?)-long\b", unit_long, F, ("UNIT",)),
    (r"\b(?:(?:fiscal|FY|calendar)\s*(?:year\s*)?-?\s*(?P<y>1\d\d\d|20\d\d|\d\d)|the\s+(?:fiscal\s+|calendar\s+)?year\s+(?P<y2>1\d\d\d|20\d\d))\b", fiscal_any, F, ("FISCAL", "UNIT")),
    (rf"(?<![\w$£€#.,/])(?P<y>{YEAR})\b", bare_year, 0, ("Y4",)),
    (r"\b(?:the\s+)?(?:(?:early|mid|late)[- ]?\s*)?(?:(?P<y>1\d\d0|20\d0)'?s|'(?P<yy>\d)0'?s|(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b", decade_expr, F, ("Y4", "DEC")),
    (r"\b(?:the\s+)?(?P<o>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]first)[- ]century\b", century_expr, F, ("UNIT",)),
    (rf"\b(?:(?P<pre>the|this|its|their|a|this\s+year's|last\s+year's|next\s+year's|(?P<py>{YEAR})(?:'s)?|the\s+(?P<py2>{YEAR}))\s+)?(?:fiscal[- ])?(?P<o>{ORD})[- ](?:fiscal[- ])?quarter\b(?:\s+(?:of\s+)?(?:(?:fiscal|the\s+fiscal\s+year|the\s+year|calendar)\s+)?(?P<y>{YEAR}))?", ordinal_quarter, F, ("UNIT",)),
    (rf"\bthe\s+(?P<y>{YEAR})\s+(?:quarter|period)\b", year_quarter, F, ("Y4",)),
    (rf"\b(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?:\s+(?:FY\s*)?(?P<y>{YEAR}|'\d\d))?\b", quarter_code, 0, ("QC",)),
    (rf"\b(?:(?P<pre>the|this|its|their|(?P<py>{YEAR})(?:'s)?)\s+)?(?:fiscal[- ])?(?P<o>first|second|last|latter)[- ]half\b(?:\s+of\s+(?:(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?(?P<y>{YEAR})|(?P<rel>this|last|next|the)\s+year))?", half_year, F, ("HALF",)),
    (rf"\b(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+early|the\s+late|the|early|late)\s+)?(?P<s>{SEASON})\b(?:\s+of\s+(?P<y>{YEAR})|\s+(?P<y2>{YEAR}))?", season_expr, F, ("SEASON",)),
    (rf"\b(?:at\s+|around\s+|about\s+)?(?P<t>(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am\b|pm\b){TZ}{DAY_AFTER})", clock_time, F, ("CLOCK",)),
    (rf"\b(?:at\s+|around\s+|about\s+)?(?P<t>(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am\b|pm\b){TZ}"
     r",?\s+(?P<rel>that(?:\s+same)?|the\s+same|the\s+next|the\s+following|the\s+previous)\s+(?P<u>day|morning|afternoon|evening|night))\b",
     clock_that_day, F, ("CLOCK",)),
    (rf"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?P<ap>)\s*(?:GMT|UTC|[ECMP][SD]T|local\s+time|hours|hrs){DAY_AFTER}", clock_time, F, ("CLOCK",)),
    (rf"\b(?P<w>noon|midday|midnight){DAY_AFTER}", noon_time, F, ("CLOCK",)),
    (rf"\b(?P<rel>this|last|yesterday|tomorrow)\s+(?P<p>{POD})\b", part_of_day, F, ("POD",)),
    (r"\b(?:(?P<rel>last|next|this)\s+)?(?P<h>Christmas(?:\s+Eve|\s+Day)?|New\s+Year's(?:\s+Eve|\s+Day)|Halloween|Thanksgiving(?:\s+Day)?|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Election\s+Day|Easter(?:\s+Sunday)?|Valentine's\s+Day)(?:,?\s+(?P<y>(?:1\d|20)\d\d))?\b", holiday_date, F, ("HOL", "UNIT")),
    (r"\b(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually)\b", set_word, F, ("SETW",)),
    (rf"\b(?:every|each|per)\s+(?:(?P<n>{NUM})\s+)?(?P<u>{UNIT}|mornings?|afternoons?|evenings?|nights?|(?:{WD_FULL})s?|{MONTH_FULL}|{SEASON})\b", set_every, F, ("EVERY",)),
    (rf"\b(?:(?P<mon>{MONTH_FULL})\s+|(?:the\s+)?(?P<s>{SEASON})\s+of\s+)?(?P<yr>(?:the\s+year\s+)?(?:nineteen[- ](?P<yy>(?:{TENS_W})(?:[- ](?:{ONES_W}))?|{TEENS_W}|hundred)|(?P<th>the\s+year\s+two\s+thousand(?:\s+and)?(?:\s+(?P<tail>{ONES_W}|{TEENS_W}))?)))\b", spoken_year, F, ("SPOKEN",)),
    (r"\b(?P<rel>that(?:\s+same)?|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding|the\s+prior)"
     r"\s+(?P<u>day|morning|afternoon|evening|night|week|month|year|quarter)\b(?![- ]old|-long|'s?\s+(?:worth|pay|time))",
     narrative_ref, F, ("UNIT", "POD")),
    (r"\bsoon\b", soon_ref, F, ("REF",)),
    (r"\b[Tt]he\s+latest\s+(?:period|reporting\s+period)\b", latest_period, 0, ("REF",)),
    (r"\b(?<!-)(?:the\s+)?year(?:-|\s+|'s\s+)end\b(?!-)", year_end, F, ("UNIT",)),
    (rf"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?P<ap>)\s*(?:GMT|UTC|BST|CET|hrs|local\s+time)\b{DAY_AFTER}", clock_time, 0, ("Y4",)),
    (r"\b(?:mid-?\s?)?(?P<pod>morning|afternoon|evening|night)\s+(?P<w>yesterday|today|tomorrow)\b", relative_day, F, ("RELDAY",)),
    (r"\bmid-?\s?(?P<pod>morning|afternoon|evening)\b(?P<w>)", relative_day, F, ("POD",)),
    (rf"\b(?P<mon>{MON})\s+(?P<d>{DAY})\s+(?:and|or|&)\s+(?P<d2>{DAY})\b(?!\s*(?:%|percent|[:.]\d))", month_day_pair, F, ("MON",)),
    (rf"\bthe\s+week\s+(?:of|ending|ended|beginning|starting|to)\s+(?:(?:on|in)\s+)?(?P<mon>{MON})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?\b", week_of, F, ("MON",)),
]

# Each rule runs only in windows around the trigger words it cannot match without (its classes below).
# One pass over the words of the text (a dict look-up per word, much faster than a big alternation
# regex) finds them, then each rule's regex runs on a small part of the text instead of all of it.
_TRIGGER_WORDS: dict[str, str] = {}

for _cls, _words in {
    "MON": f"{MONTH_FULL}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec",
    "WD": f"{WD_FULL}|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays"
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

COMPILED = [(re.compile(p, flags), h, cls) for p, h, flags, cls in _RULES]

_WINDOW = 60


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


def trigger_windows(text: str) -> dict[str, list[tuple[int, int]]]:
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
