"""Time words that are part of a name or title, not a date: "the March 1 Movement", "the Sunday Times",
"Radio 4's Today programme"."""

from __future__ import annotations

import re

from briefing.timex.base import sentence_start

# Named events and movements that contain a date but are not one ("the March 1 Movement").
NAMED_HEADS = re.compile(
    r"\s+(?:Movement|Uprising|Revolution|Incident|Massacre|Rebellion|Affair|Coup|Offensive|Group|"
    r"Alliance|Coalition|Front|Party|Society|Brigade|Square|Street|Avenue|Stadium|Declaration)\b"
)

NAMED_WEEKDAY = {"good", "black", "ash", "super", "cyber", "holy", "palm", "easter", "bloody", "maundy"}

# Newspapers and programmes named after a weekday: "the Sunday Times", "the Mail on Sunday".
WEEKDAY_TITLE_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Mirror|Express|Independent|Business|Live|Programme|Sport|Star|Record|Mail|Herald"
    r"|Post|Tribune|Observer|Bloody|Show)\b")

WEEKDAY_TITLE_BEFORE = re.compile(r"\b(?:Mail|Independent|Scotland|Wales|Observer|Sport|Express)\s+on\s+$")

# Time words that are lower case in running text; capitalized mid-sentence they are part of a title or name:
# "Radio 4's Today programme", "Jamie Noon", "Businessman of the Year", "the Daily Mail", "Partners for the Future".
_TITLE_WORDS = re.compile(
    r"\b(?:Today|Tomorrow|Yesterday|Tonight|Noon|Midday|Midnight|Daily|Weekly|Monthly|Annually|Yearly|Year|Years"
    r"|Future|Now|Week|Month|Minutes|Hours|Days|Present|Past|Recent|Current|Weekend)\b")

_HOLIDAY_WORDS = re.compile(r"\b(?:Christmas|New\s+Year|Day|Eve)\b")


def in_title(text: str, s: int, e: int) -> bool:
    """A candidate holding a capitalized common time word that does not start a sentence (see _TITLE_WORDS)."""
    for w in _TITLE_WORDS.finditer(text, s, e):
        if not sentence_start(text, w.start()) and not _HOLIDAY_WORDS.search(text, s, e):
            return True
    return False
