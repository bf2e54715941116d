"""Entity candidates in one block: from spaCy's entities and the domain rules, normalised and selected."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from briefing.annotate import entities_rules as R
from briefing.annotate.aliases import Aliases
from briefing.annotate.entities_spans import TITLE_WORDS
from briefing.model import Block

RULE, KB, MODEL = 0, 1, 2  # where a candidate came from; rules win overlaps, then the longer span


@dataclass
class Cand:
    block: int
    start: int
    end: int
    type: str
    source: int
    name_start: int = -1  # persons: where the name starts after a title ("Defense Minister |Koizumi")
    name: str = ""
    kb: bool = False
    label: str = ""


def title_like(block: Block) -> bool:
    """Headings and headline-style lines, where every word is capitalised and the model sees names everywhere."""
    if block.kind == "heading":
        return True
    words = block.text.split(None, 20)  # 21 pieces at most: called per candidate, so never split a long block whole
    if not words or len(words) > 20 or block.text.rstrip()[-1:] in ".!?:;\"”":
        return False
    long = [w for w in words if len(w) > 3]
    return bool(long) and sum(w[0].isupper() for w in long) / len(long) >= 0.75


_POST_OF = re.compile(r"([A-Z][A-Za-z.]*) of (?:the )?(?=[A-Z])")


def rule_cands(bi: int, text: str, aliases: Aliases) -> list[Cand]:
    out: list[Cand] = []
    for m in R.TITLE_RE.finditer(text):
        head = m.group("title").split()[-1].rstrip(".").lower()
        first = m.group("name").split()[0]
        if first.lower() in R.STOPWORDS or aliases.lookup(m.group("name")):
            continue  # "President Obama" yes; "President of", "Minister Japan" no
        name_start = m.start("name")
        # "Lieutenant General Ingo Gerhartz": a rank's second word belongs to the title, not the name.
        while (w := re.match(r"([A-Z][a-z]+\.?)\s+(?=\S+\s+\S)", text[name_start : m.end()])) and w.group(1).rstrip(".").lower() in TITLE_WORDS:
            name_start += w.end()
        weak = head in R.WEAK_TITLES and not (head in R.HONORIFICS and len(m.group("title").split()) == 1)
        out.append(Cand(bi, m.start(), m.end(), "person", RULE, name_start=name_start, label="weak" if weak else ""))
    for regex, typ in (
        (R.HEAD_FIRST_RE, None), (R.HEAD_LAST_RE, None), (R.PILLAR_RE, "concept"),
        (R.BASE_RE, "place"), (R.SHIP_RE, "equipment"), (R.AIRCRAFT_RE, "equipment"),
    ):
        for m in regex.finditer(text):
            start = m.start()
            # "the CEO of New Media Investment Group": a post before "of" is no part of the name
            if (lead := _POST_OF.match(m.group(0))) and lead.group(1).rstrip(".").lower() in TITLE_WORDS:
                start += lead.end()
            out.append(Cand(bi, start, m.end(), typ or "", RULE))
            cut = m.group(0).rfind(" and ")
            if cut > 0:  # "JSDF and US Forces": the last conjunct, in case the whole is a list
                out.append(Cand(bi, m.start() + cut + 5, m.end(), typ or "", RULE))
    for m in R.HEAD_ON_RE.finditer(text):
        out.append(Cand(bi, m.start(), m.end(), "", RULE))
    for m in R.PROGRAM_RE.finditer(text):
        # "Glide Phase Interceptor program" names the "... Program"
        words = m.group(0).split()
        name = " ".join(words[:-1] + [words[-1].capitalize()])
        out.append(Cand(bi, m.start(), m.end(), head_type(name) or "concept", RULE, name=name))
    for m in R.CLASS_RE.finditer(text):
        out.append(Cand(bi, m.start(), m.end(), "equipment", RULE, name=f"{m.group(1)}-class {m.group(2)}"))
    for m in R.PAIR_RE.finditer(text):
        parts = re.split(r"[-–]", m.group("pair"))
        if any(aliases.lookup(p) and aliases.lookup(p)[1] == "place" for p in parts):
            head = m.group("head").split()[-1].lower()
            # "security alliance" and "alliance" are one thing; a treaty keeps its qualifier.
            words = m.group("head").split() if head == "treaty" else [head]
            name = m.group("pair") + " " + " ".join(w.capitalize() for w in words)
            out.append(Cand(bi, m.start(), m.end(), R.PAIR_HEADS[head], RULE, name=name))
    if aliases.pattern is not None:
        for m in aliases.pattern.finditer(text):
            name, typ = aliases.forms[m.group(0)]
            out.append(Cand(bi, m.start(), m.end(), typ, KB, name=name, kb=True))
    return out


def head_type(text: str) -> str | None:
    """The type a name's head word gives it ("Kadena Air Base", "Bank of Japan"), or None. A leading "The"
    is no part of the name: "The Law" is a band's name of one word, not a law."""
    words = text.split()
    if words and words[0] in ("The", "the"):
        words = words[1:]
    if not words:
        return None
    last = words[-1]
    if last.lower() in ("program", "programme") and R.HARDWARE_WORDS & {w.lower() for w in words[:-1]}:
        return "equipment"  # a weapons programme ("Glide Phase Interceptor Program") is a system in the making
    if len(words) > 2 and words[0] in R.HEAD_FIRST and words[1] in ("of", "on", "for"):
        return R.HEAD_FIRST[words[0]]
    if len(words) > 3 and words[1] in R.HEAD_FIRST and words[2] in ("of", "on", "for"):
        return R.HEAD_FIRST[words[1]]
    if last in R.HEAD_LAST and len(words) > 1:
        return R.HEAD_LAST[last]
    if len(words) > 1 and words[0] in R.HEAD_PREFIX and words[1][:1].isupper():
        return R.HEAD_PREFIX[words[0]]
    if words[-1] in ("program", "programme"):
        return "concept"
    return None


def _is_country_compound(text: str, aliases: Aliases) -> bool:
    """"U.S.-Japan", "U.S.-South Korean": hyphen-joined countries the gazetteer splits into places."""
    parts = [p for p in re.split(r"[-–‑]", text) if p]
    return len(parts) > 1 and all(aliases.lookup(p) or p in aliases.adjectives for p in parts)


def normalise(c: Cand, text: str, aliases: Aliases, places: frozenset[str] | set[str] = frozenset()) -> Cand | None:
    """Trim the span, settle the type by head noun, split off what is not part of the name."""
    start, end = c.start, c.end
    while True:  # "And the European Union's": a fragment word, then "the", then the possessive
        s2, end = R.trim_span(text, start, end)
        s2 = R.strip_leading_fragment(text, s2, end)
        if s2 == start:
            break
        start = s2
    if end <= start:
        return None
    if c.source != KB:
        # "U.S. While North Atlantic ...": a sentence word inside the span starts the name after it;
        # "Japan’s Nansei Islands": a place's possessive qualifies the name.
        for m in re.finditer(r"(?<=\s)([A-Z][a-z]+)\s+", text[start:end]):
            if m.group(1).lower() in R.LEADING_FRAGMENT:
                start = start + m.end()
                break
        m = re.match(r"(\S+?)['’]s\s+(?=[A-Z])", text[start:end])
        if m and (((hit := aliases.lookup(m.group(1))) and hit[1] == "place") or m.group(1) in places):
            start += m.end()
        if c.type == "person" and c.source == RULE:
            # "June President Trump", "Japan Defense Minister ...": a date or a place is not part of a title.
            while (m := re.match(r"(\S+)\s+", text[start : c.name_start])) and (
                (m.group(1).lower() in R.STOPWORDS and m.group(1).rstrip(".").lower() not in R.HONORIFICS)
                or aliases.lookup(m.group(1))
            ):
                start += m.end()
    if c.source == MODEL:
        start, end = _cut_model_span(text, start, end, c.type)
        if m := R.MEMBERS_RE.search(text[start:end]):
            end, c.type = start + m.start(), "organization"  # "Labour MPs": the party, not a person
    elif c.source == RULE:
        end = start + len(_trim_tail(text[start:end]))
    if end <= start:
        return None
    surface = text[start:end]
    if c.source == MODEL:
        head = head_type(surface)
        if head and c.label != "GPE":
            c.type = head
        if c.type == "person" and c.name_start < 0:
            m = R.TITLE_RE.match(surface)
            if m:
                c.name_start = start + m.start("name")
            elif (m := re.match(r"(\S+)\s+(?=\S+\s+\S)", surface)) and (
                m.group(1).lower() in R.OCCUPATIONS or m.group(1) in aliases.adjectives
            ):
                # "Broadcaster Chris Evans", "Scot Nick Smith": the occupation or the people describes him
                c.name_start = start + m.end()
    elif not c.type:
        c.type = head_type(surface) or "organization"
    if c.type == "document" and c.source != KB:
        # "U.S. National Security Strategy": the country qualifies the document; it is its own mention.
        m = re.match(r"(\S+)\s+", surface)
        if m and (hit := aliases.lookup(m.group(1))) and hit[1] == "place" and len(surface.split()) > 2:
            start += m.end()
            surface = text[start:end]
    if c.source != KB and _is_country_compound(surface, aliases):
        return None
    c.start, c.end = start, end
    if c.name_start >= 0 and not (start <= c.name_start < end):
        c.name_start = -1
    return c


_NAME_CONNECTORS = frozenset("of for and the de du la von van bin bint ibn ben al el da di le del der".split())


def _cut_model_span(text: str, start: int, end: int, typ: str) -> tuple[int, int]:
    """The statistical model's spans overrun: "Department of Defense on Defense", "Arsenal, Real Madrid",
    "Manchester United: Carroll", "Jerry Springer - The", "Coyne (Burnley", "Geoff Hoon's Ashfield", "Gartner More than". Keep the name."""
    span = text[start:end]
    cut = len(span)
    for pattern in (r",\s", r":\s", r"\s[-–—]\s", r"\s?\(", r"\s/\s"):
        m = re.search(pattern, span)
        if m:
            cut = min(cut, m.start())
    # Names of people and organizations have no lower-case words but connectors ("Mary be", "Balco boss
    # Victor Conte", "Associated Press news agency"); "iPod" and "eBay" are names, not lower-case words.
    any_lower = typ in ("person", "organization")
    for m in re.finditer(r"(?<=\s)(\S+)", span[:cut]):
        w = m.group(1)
        low = w.lower()
        if typ == "organization" and w.islower() and w.capitalize() in R.HEAD_LAST and R.HEAD_LAST[w.capitalize()] == typ:
            continue  # "the Communist party": a lower-case head noun still names the organization
        if low not in _NAME_CONNECTORS and (
            (w[0].islower() and (low in R.STOPWORDS or low in ("v", "vs") or (any_lower and w.isalpha() and w.islower())))
            or (w[0].isupper() and (low in R.MID_STOP or low in R.LEADING_FRAGMENT))
        ):
            cut = min(cut, m.start())
            break
    if typ == "person":
        m = re.search(r"['’]s\s", span[:cut])
        if m:
            cut = min(cut, m.start())
        m = re.search(r"\s\d", span[:cut])
        if m:
            cut = min(cut, m.start())
    return start, start + len(_trim_tail(span[:cut]))


def _trim_tail(span: str) -> str:
    """Trailing connectors, function words and dates off a name: "BBC Young Sports Personality of",
    "Commerce Department for November"."""
    while True:
        m = re.search(r"\s+(\S+)$", span)
        if not m or m.group(1).lower() not in R.STOPWORDS or m.group(1) in ("I", "May"):
            break
        span = span[: m.start()]
    return span.rstrip(" ,;:-–—")


def select(cands: list[Cand], text: str) -> list[Cand]:
    """Non-overlapping candidates, the longer span winning; on a tie rules beat knowledge beat the model.
    A model span running over a lower-case word that no name has ("Department of Defense on Defense")
    gives way to the rule or knowledge spans inside it."""
    strong = [c for c in cands if c.source != MODEL]
    keep = []
    for c in cands:
        if c.source == MODEL and any(
            w[0].islower() and w.split("-")[0] not in _NAME_CONNECTORS and w.capitalize() not in R.HEAD_LAST
            for w in text[c.start : c.end].split()
        ) and any(s.start >= c.start and s.end <= c.end for s in strong):
            continue
        keep.append(c)
    # "Speaker Mike Johnson and House Republican and Democratic Party", "JSDF and US Forces": a phrase
    # joined by "and" around a person or a known entity is a list, not one name.
    anchors = [c for c in cands if c.type == "person" or c.kb]
    keep = [
        c for c in keep
        if c.kb or c.type == "person" or " and " not in text[c.start : c.end]
        or not any(a is not c and c.start <= a.start and a.end < c.end and a.end <= c.start + text[c.start : c.end].find(" and ") for a in anchors)
    ]
    order = sorted(keep, key=lambda c: (-(c.end - c.start), c.source, c.start))
    taken: list[Cand] = []
    spans = Spans()
    for c in order:
        if not spans.overlaps(c.block, c.start, c.end):
            taken.append(c)
            spans.add(c.block, c.start, c.end)
    return sorted(taken, key=lambda c: (c.block, c.start))


class Spans:
    """Spans that do not overlap each other, per block, sorted, so that whether a new span overlaps one is
    a bisection (a scan of every span taken was quadratic in a long paragraph)."""

    def __init__(self) -> None:
        self.starts: dict[int, list[int]] = defaultdict(list)
        self.ends: dict[int, list[int]] = defaultdict(list)

    def add(self, block: int, start: int, end: int) -> None:
        i = bisect_left(self.starts[block], start)
        self.starts[block].insert(i, start)
        self.ends[block].insert(i, end)

    def overlaps(self, block: int, start: int, end: int) -> bool:
        # Sorted and disjoint, the spans' ends are sorted too: only the last span starting before ``end``
        # can reach past ``start``.
        i = bisect_left(self.starts.get(block, ()), end)
        return i > 0 and self.ends[block][i - 1] > start
