"""What a figure measures and whether it is a goal, a forecast or what happened: read from its clause.

The annotate stage decides a figure's kind once (Figure.kind); the link stage groups figures by measure so a
chart compares like with like.
"""

from __future__ import annotations

import re

from briefing.annotate.sentences import split as split_sentences


def _blank_parens(text: str) -> str:
    """Parenthesised asides replaced by spaces, so offsets hold and clauses read through them."""
    return re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text)


def _clause(sent: str, pos: int) -> tuple[int, int]:
    """The clause of ``sent`` around ``pos``: bounded by , ; : — – and brackets (a bracket is its own clause)."""
    depth_open = sent.rfind("(", 0, pos)
    if depth_open >= 0 and sent.find(")", depth_open) >= pos:
        close = sent.find(")", depth_open)
        return depth_open + 1, close
    flat = _blank_parens(sent)
    left = max(flat.rfind(c, 0, pos) for c in ",;:—–")
    rights = [i for i in (flat.find(c, pos) for c in ",;:—–") if i >= 0]
    return left + 1, (min(rights) if rights else len(sent))


# ---- what a figure measures, and whether it is a goal: used to compare like with like ---------------

# Goals, pledges and plans: "to raise ... to 5% of GDP by 2035", "a 5% target for 2030", "its commitment to".
_TARGET = re.compile(
    r"\b(?:targets?|goals?|aims?|aiming|aimed|pledge[sd]?|pledging|vow(?:s|ed)?|commitments?|committed\s+to|"
    r"promis(?:e[sd]?|ing)|plans?\s+to|planned\s+to|will|would|set\s+to|intends?\s+to|call(?:s|ed)?\s+on|"
    r"urg(?:e[sd]?|ing)|demand(?:s|ed)?|"
    r"(?:raise|increase|boost|lift|reach|hit|double)\s+(?:\S+\s+){0,5}?to)\b", re.I)
# Forecasts: what someone expects, not what anyone has promised ("expected to fall by 52%", "projects that
# ... will reach", "could grow to"). Read before the target words: "projected to reach 5% by 2030" is a forecast.
_FORECAST = re.compile(
    r"\b(?:expect(?:s|ed|ing)?|projected|projects?\s+that|projections?|forecast(?:s|ed|ing)?|predict(?:s|ed|ing)?|"
    r"estimated\s+to|anticipated|likely\s+to|on\s+(?:track|course)\s+to|"
    r"could\s+(?:\w+\s+)?(?:grow|reach|rise|fall|drop|hit|top|exceed|increase|decrease|decline|double|climb))\b", re.I)
_TARGET_NOUN = re.compile(r"\W*(?:[\w-]+\s+){0,3}?(?:targets?|goals?|aims?|pledges?|commitments?|promises?)\b", re.I)
_BY_YEAR = re.compile(r"\b(?:by|until|for)\s+(?:fiscal\s+)?(?:19|20)\d\d\b")
_PAST = re.compile(r"\b(?:was|were|spent|had|rose|fell|grew|reached|hit|totalled|totaled)\b")

# What a number is about, from its clause: (words, label) per metric, the first match wins. A label names a
# measure that several subjects or years can share ("defence spending"); nothing matched leaves the metric's
# general label. Ordered from specific to general.
_MEASURE_WORDS = {
    "gdp_share": (
        ("defen[cs]e|military|armed forces|security", "defence spending"), ("deficit", "budget deficit"),
        ("debt", "public debt"), ("aid|development assistance", "aid"),
    ),
    "money": (
        ("(?:defen[cs]e|military) (?:budget|spending|expenditures?|outlays)", "defence spending"),
        ("profits?|earnings", "profit"), ("loss|losses", "loss"), ("revenues?|sales|turnover", "sales"),
        ("invest(?:s|ed|ing|ment)?", "investment"),
        ("takeover|bid|buy|bought|acquisition|acquire[sd]?|deal|merger", "deals"),
        ("fine[sd]?|penalty|damages", "fines and damages"), ("budget|spending|spend|spent", "spending"),
    ),
    "percent": (
        ("polls?|surveys?|respondents|voters|vote", "polls"), ("unemployment|jobless", "unemployment"),
        ("inflation", "inflation"), ("interest rates?", "interest rates"),
        ("growth|grew|expanded|economy", "growth"), ("market share|share of the market", "market share"),
    ),
}
_MEASURES = {metric: tuple((re.compile(rf"\b(?:{words})\b", re.I), label) for words, label in pairs)
             for metric, pairs in _MEASURE_WORDS.items()}
_GENERAL = {"gdp_share": "share of GDP", "money": "money", "count": "counts", "percent": "percentages"}
# Labels that say only what kind of number it is: figures under them measure unrelated things.
GENERAL_MEASURES = frozenset(_GENERAL.values())


def figure_kind(sentence: str, start: int, end: int) -> str:
    """"forecast" when the number at sentence[start:end] is what someone expects ("expected to fall by 52%",
    "projects that output will reach 900 million by 2030"), "target" when it is a goal or a pledge ("to raise
    defence spending to 2% of GDP by 2027", "a 5% target for 2030"), else "actual" (what was or is spent,
    counted, polled)."""
    cstart, cend = _clause(sentence, start)
    # The verb that governs the number may sit before its clause: "has vowed to increase the percentage to 3.5%".
    before = sentence[max(0, cstart - 80) : start] if cstart > 0 and not _PAST.search(sentence[cstart:start]) \
        else sentence[cstart:start]
    if _FORECAST.search(before):
        return "forecast"
    # After the number only a noun says goal ("a 5% target"); a verb there ("$39 billion ... will help") is
    # what the amount does, not what it is.
    if _TARGET.search(before) or _TARGET_NOUN.match(sentence, end, cend) or _BY_YEAR.search(sentence[end:cend]):
        return "target"
    return "actual"


def measure_of(sentence: str, start: int, metric: str, unit: str, before: str = "") -> str:
    """What the figure measures, as a label several figures can share: "defence spending" (share of GDP),
    "profit" (money), "polls" (percentages), the counted noun for counts ("troops"). ``before``: the text
    before the sentence in its paragraph, whose last sentence a short follow-up continues ("Japan spent
    just 0.9 percent.")."""
    if metric == "count":
        return unit
    cstart, cend = _clause(sentence, start)
    previous = before[split_sentences(before)[-1][0]:] if before.strip() else ""
    for clause in (sentence[cstart:cend], sentence, previous):
        for regex, label in _MEASURES.get(metric, ()):
            if regex.search(clause):
                return label
    return _GENERAL.get(metric, metric)
