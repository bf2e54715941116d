"""What every date rule works with: the candidate it returns, the document it reads, and small
helpers for the words around a match."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from briefing.timex import ctx as ctx
from briefing.timex import lex as lex


@dataclass
class Cand:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    rule: int = 0


# What a rule's handler returns: no date, one, or several ("April 24 and 25").
Found = "list[Cand] | Cand | None"
Handler = Callable[[re.Match[str], "Doc"], Found]


@dataclass
class Doc:
    text: str
    dct: dt.date | None

    def tense(self, s: int, e: int) -> str | None:
        return ctx.tense(self.text, s, e)


def span(m: re.Match[str]) -> tuple[int, int]:
    return m.span("t") if "t" in m.re.groupindex and m.group("t") is not None else m.span()


def cand(m: re.Match[str], type_: str, value: str, mod: str | None = None) -> Cand:
    s, e = span(m)
    return Cand(s, e, type_, value, mod)


def cap(word: str | None) -> bool:
    return bool(word) and word[0].isupper()


def month_number(word: str) -> int:
    return lex.MONTHS[word.lower().rstrip(".")]


def day_number(word: str) -> int:
    return int(re.match(r"\d+", word).group())


def prev_word(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z'][\w'.-]*)\W{0,3}$", text[max(0, pos - 30) : pos])
    return m.group(1) if m else ""


def next_word(text: str, pos: int) -> str:
    m = re.match(r"\W{0,3}([A-Za-z][\w'-]*)", text[pos : pos + 30])
    return m.group(1) if m else ""


def sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos]
    return pos == 0 or bool(re.search(r"(^|[.!?:\n]|[.!?][\"'”’])[\s\"“‘'`]*$", before))
