"""Regex vocabulary the date rules are written in: months, weekdays, days, years, units and counts."""

from __future__ import annotations

import re

from briefing.timex import lex as lex

MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
MON = rf"(?:(?:{MONTH_FULL})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d,]\d)"
WD_FULL = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
WD = rf"(?:(?:{WD_FULL})\b|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.)"
NUM = lex.NUMBER_RE
UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|months?|quarters?|years?|decades?|centur(?:y|ies)|fortnights?)"
UNIT_PL = r"(?:seconds|minutes|hours|days|weeks|weekends|months|quarters|years|decades|centuries)"
ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
POD = r"(?:morning|afternoon|evening|night)"
VAGUE = r"(?:several|a\s+few|few|some|many|numerous|a\s+couple\s+of|couple\s+of)"
F = re.IGNORECASE
TENS_W, ONES_W, TEENS_W = lex.TENS, lex.ONES, lex.TEENS

# A count after "the past": "the past three sessions" (see ref_word).
COUNTED = re.compile(rf"\s+(?:\d+|few|several|couple|dozen|{TENS_W}|{TEENS_W}|{ONES_W})\b", F)
TZ = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time))?"
DAY_AFTER = rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WD})|(?P<rd>today|yesterday|tomorrow|tonight)|(?P<mon>{MON})\s+(?P<d>{DAY})))?"
