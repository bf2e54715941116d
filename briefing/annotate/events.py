"""Which time expressions become timeline events, and of what kind.

``event_kind`` places a DATE/TIME timex relative to the article date: before it is 'past', after it
'scheduled', and a deadline ("by 2035", "no later than March") a 'target'.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.model import Block, Timex
from briefing.timex import ctx
from briefing.timex.values import interval as _interval

# A value we can place on a timeline: a year, optionally narrowed. A decade ("199X") is too wide to be
# the date of something that happened: "since the 1970s" tells a trend, not an event.
_PLACEABLE = re.compile(r"^\d{4}(?:$|-)")
# The date a comparison measures against is a baseline, not an event: "lower than in 2021", "compared with
# the previous week", "compared to 2020 and 2021" (a second baseline after "and" too).
_BASELINE = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|versus|vs\.?|relative\s+to|as\s+against)\s+(?:(?:in|during|at|on|for)\s+)?"
    r"(?:(?:the\s+)?[\w’',-]+\s+(?:and|or)\s+(?:(?:in|during)\s+)?)?$", re.I)
# "from the prewar period to today", "until today": the present closing a span, not the day's news.
_UP_TO = re.compile(r"\b(?:to|until|till|through)\s+$", re.I)
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
        if _BASELINE.search(before):
            return None
        if timex.text.lower() == "today" and _UP_TO.search(before):
            return None
        tense = ctx.tense(sentence, start, end) if sentence else None
        span = _interval(timex.value)
        if span and dct is not None and span[1] < dct:
            return "past"
        if timex.mod == "BEFORE" or ctx.DEADLINE_BEFORE.search(before):
            return "target"
        ahead = bool(span and dct is not None and span[0] > dct)
        if not ahead and dct is not None and timex.value == dct.isoformat():
            return "past"  # "I expect a ruling today": the day of the report is not ahead of it
        if ahead or tense == "future":
            return "target" if _TARGET_WORDS.search(sentence) else "scheduled"
        return "past"
    except (ValueError, TypeError, AttributeError):
        return None


# ---- what never becomes an event: whole blocks and single sentences -------------------------------------

# A clock-time stamp alone on a line: "11:04 A.M. EDT", "3:15 p.m.", "09:30 GMT".
_STAMP = re.compile(r"^\s*\d{1,2}(?::\d{2})?\s*(?:[AaPp]\.?\s?[Mm]\.?)?\s*(?:[A-Z]{2,5}|\([A-Z]{2,5}\))?\s*$")
# A footnote or citation line: "[3] Jane Doe, Report (Apr. 24, 2021).", "3. Ibid.", "^ Source: …".
_FOOTNOTE = re.compile(r"^\s*(?:\[\d{1,3}\]|\^|\d{1,3}\s*\.\s+(?=[A-Z][^.]{0,80},)|(?:Sources?|Notes?|Citations?)\s*:)")
# The interviewer's turn in a Q&A or transcript: "Q:", "Q    Thank you", "QUESTION:", "INTERVIEWER:".
_ASKER = re.compile(r"^\s*(?:Q\b[:.]?|QUESTION\s*:|INTERVIEWER\s*:|REPORTER\s*:)")
# A photo credit line: "Jane Doe | Afp | Getty Images", "(AP Photo/Jane Doe)", "Photo: Reuters".
_CREDIT = re.compile(r"\bGetty\s+Images\b|\|\s*(?:AFP|Afp|Reuters|AP|EPA|Bloomberg|Shutterstock)\b|\(AP\s+Photo\b"
                     r"|^\s*\(?(?:Photo(?:graph)?|Image|Credit)\s*(?::|by\b)", re.I)
# "If the talks had not collapsed, would …": a counterfactual, no event.
_IF = re.compile(r"\b(?:if|unless|even if|suppose|imagine)\b", re.I)
_WOULD = re.compile(r"\b(?:would|could|might)(?:n[’']t)?\b(?!\s+(?:later|eventually|soon|go\s+on)\b)", re.I)


def _is_credit(text: str) -> bool:
    return len(text) < 120 and bool(_CREDIT.search(text))


def eventless_blocks(blocks: tuple[Block, ...] | list[Block], outlet: str | None = None,
                     authors: tuple[str, ...] = ()) -> set[int]:
    """Indexes of the blocks whose dates never become timeline events: headings, captions (and a paragraph
    standing over a photo credit, which is one), credit lines, clock-time stamps alone on a line,
    footnotes and citations, the interviewer's turns in a Q&A (a "Q:" label or the outlet's own name as
    the speaker: "CNN: How much …"), and author bios. Their dates are still dates."""
    from briefing.read.people import bio_name

    asker = re.compile(rf"^\s*{re.escape(outlet)}\s*:") if outlet else None
    out: set[int] = set()
    last = len(blocks) - 1
    for i, b in enumerate(blocks):
        text = b.text
        if b.kind in ("heading", "caption", "code"):
            out.add(b.index)
        elif _STAMP.match(text) or _FOOTNOTE.match(text) or _ASKER.match(text) or (asker and asker.match(text)):
            out.add(b.index)
        elif _is_credit(text) or (i < last and _is_credit(blocks[i + 1].text) and len(text) < 600):
            out.add(b.index)
        elif (i >= last - 2 or any(a in text[:60] for a in authors)) and len(text) < 600 and bio_name(text):
            out.add(b.index)
    return out


def eventless_sentence(sentence: str) -> bool:
    """A question ("Why is this happening?") or a hypothetical ("if … would"): no event."""
    s = sentence.rstrip(" \t\"'”’)")
    if s.endswith("?"):
        return True
    m = _IF.search(sentence)
    return bool(m and _WOULD.search(sentence, m.end()))


# The present as a state: "Today, the state-of-the-art GPU is the H100", "Today, their agony is over".
_PRESENT_TAGS = frozenset(("VBZ", "VBP"))
_NOW_WORDS = frozenset(("today", "nowadays"))


def generic_present(doc, start: int, end: int) -> bool:
    """True when the expression at doc.text[start:end] is "today" in a clause whose main verb is a
    present-tense "be" or "have" (a state, not the day's news: "has taken", "is traveling" and "is announced"
    stay events). ``doc`` is the sentence's spaCy parse."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.text.lower() not in _NOW_WORDS:
        return False
    tok = span.root
    for _ in range(12):  # up to the clause's verb; token indexes, never tokens, are compared
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            break
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    else:
        return False
    if tok.lemma_ not in ("be", "have") or tok.tag_ not in _PRESENT_TAGS:
        return False
    # "is to announce", "has to go": a plan for the day
    return not any(c.dep_ == "xcomp" for c in tok.children)
