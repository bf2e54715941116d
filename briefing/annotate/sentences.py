"""Sentence boundaries inside a block: rules, not a parser, so they are fast and stable."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from briefing.model import Block, Sentence

# Tokens that end with a period but do not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "rep", "sen",
    "gov", "pres", "st", "jr", "sr", "no", "vs", "etc", "inc", "corp", "ltd", "co", "dept", "approx",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "al",
    "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "mt", "ft",
}
_COUNTRY_ABBREV = {"u.s", "u.k", "u.n", "e.u", "d.c"}
_OPENERS = {
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "while",
    "but", "and", "however", "in", "on", "at", "as", "if", "when", "after", "before", "since", "there",
    "yet", "so", "still", "meanwhile", "moreover", "his", "her", "their", "our", "what", "why", "how",
}
# A candidate end: . ! ? (possibly followed by closing quotes/brackets), then space, then a likely start.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")


_WORD_BEFORE = re.compile(r"[A-Za-z][A-Za-z.]*$")
_NEXT_WORD = re.compile(r"\s+[\"“‘']?([A-Za-z]+)")
# Longer than any abbreviation: only this much text before a period is looked at, so splitting is linear.
_WINDOW = 16


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial, not a sentence."""
    lo = max(0, dot - _WINDOW)
    m = _WORD_BEFORE.search(text, lo, dot)
    if not m:
        return False
    if m.start() == lo and lo > 0 and (text[lo - 1].isalpha() or text[lo - 1] == "."):
        return False  # the word runs past the window: too long to be an abbreviation
    word = m.group().lower().rstrip(".")
    if word in _COUNTRY_ABBREV:
        # "on the U.S. While NATO…": a country abbreviation ends a sentence before a typical opener.
        nxt = _NEXT_WORD.match(text, dot + 1)
        return not (nxt and nxt.group(1).lower() in _OPENERS)
    if word in _ABBREV:
        return True
    # Single initials ("D. Myles Cullen"), but not a sentence-final pronoun "I".
    return len(word) == 1 and word != "i"


def split(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, trimmed of surrounding space, covering all of it."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
            # "U.S. President" keeps going; "the U.S. Japan is" is rare enough to accept.
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def sentences(blocks: Sequence[Block]) -> tuple[Sentence, ...]:
    """Every sentence of every block, numbered within its block."""
    out = []
    for block in blocks:
        for i, (s, e) in enumerate(split(block.text)):
            out.append(Sentence(block=block.index, start=s, end=e, index=i))
    return tuple(out)


def sentence_at(sents: Sequence[Sentence], block: int, offset: int) -> Sentence | None:
    """The sentence of ``block`` that contains ``offset`` (the last one starting at or before it).
    ``sents`` is in ``sentences()`` order (by block, then start): a binary search, as it runs per date."""
    i = bisect.bisect_right(sents, (block, offset), key=lambda s: (s.block, s.start))
    if i and sents[i - 1].block == block:
        return sents[i - 1]
    return None
