"""Acronyms: definitions found in the text, and every later use of a known or defined acronym."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import yaml

from briefing.knowledge import entry_line, fail, load_yaml
from briefing.model import Acronym, Block

# A short form: starts with a capital, 2-10 characters, at least two capitals or a capital and a digit
# ("NATO", "C2", "DoD", "A2/AD"); an optional plural "s" ("ICBMs") is split off by the caller.
_SHORT = r"[A-Z][A-Za-z0-9&/]{1,9}"
_SHORT_RE = re.compile(rf"^{_SHORT}$")
# "Long Form (ABBR)" and "ABBR (Long Form)".
_PAREN = re.compile(rf"\(\s*({_SHORT})\s*\)")
_PAREN_LONG = re.compile(rf"(?<![\w-])({_SHORT})\s*\(([^()]{{3,120}})\)")
# "TLAMs, or Tomahawk Land Attack Missiles" and "command and control, or C2".
_OR_AFTER = re.compile(rf"(?<![\w-])({_SHORT}),?\s+or\s+[“\"]?([A-Za-z][^,.;:()“”\"]{{2,120}})")
_OR_BEFORE = re.compile(rf"([A-Za-z][^,.;:()“”\"]{{2,120}}?),?\s+or\s+[“\"]?({_SHORT})(?![\w-])")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
# Words that may sit inside a long form without giving a letter ("Organisation for Economic Co-operation").
_STOP = {"of", "and", "the", "for", "on", "in", "to", "a", "an", "at", "by", "with", "&"}
_MAX_LONG_WORDS = 12


def load_acronyms(path: Path) -> Mapping[str, str]:
    """term -> expansion from a YAML mapping; KnowledgeError naming file and line on mistakes."""
    data = load_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise fail(path, "expected a mapping of TERM: expansion", 1)
    lines = _key_lines(path)
    out: dict[str, str] = {}
    for n, (term, expansion) in enumerate(data.items()):
        # Duplicate keys make node and dict orders differ: then fall back to a text search.
        line = lines[n] if len(lines) == len(data) else entry_line(path, f"{term}:")
        if not isinstance(term, str) or not term.strip() or any(c.isspace() for c in term.strip()):
            # YAML reads NO/ON/YES as booleans, numbers as ints: ask for quotes.
            raise fail(path, f"term {term!r} must be a single word written as text (quote it)", line)
        if not isinstance(expansion, str) or not expansion.strip():
            raise fail(path, f"term {term!r} needs a non-empty text expansion", line)
        out[term.strip()] = " ".join(expansion.split())
    return out


def _key_lines(path: Path) -> list[int]:
    """1-based line of each top-level key in file order; works for keys YAML turned into booleans."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    if not isinstance(node, yaml.MappingNode):
        return []
    return [key.start_mark.line + 1 for key, _ in node.value]


def _letters(short: str) -> str:
    """The letters a long form must supply: "C2" -> "cc" (command and control), "A2/AD" -> "aaad"."""
    out = []
    for i, ch in enumerate(short):
        if ch.isdigit():
            prev = short[i - 1] if i else ""
            if prev.isalpha():
                out.append(prev.lower() * (int(ch) - 1))
            continue
        if ch.isalpha():
            out.append(ch.lower())
    return "".join(out)


def _split_plural(token: str) -> tuple[str, bool]:
    """("ICBMs" -> "ICBM", True); a token of capitals plus a final lowercase s is a plural."""
    if len(token) > 2 and token.endswith("s") and token[:-1].isupper():
        return token[:-1], True
    return token, False


def _is_short_form(token: str) -> bool:
    if not _SHORT_RE.match(token):
        return False
    caps = sum(c.isupper() for c in token)
    return caps >= 2 or (caps >= 1 and any(c.isdigit() for c in token))


def _word_options(word: str, strict: bool) -> list[str]:
    """Letter strings one word can supply: its initial; the initials of its hyphen parts; and,
    when not strict, any in-order run of its letters starting with the initial ("Southeast" -> "se")."""
    w = word.lower()
    opts = {w[0]}
    parts = [p for p in re.split(r"[-–]", w) if p]
    if len(parts) > 1:
        opts.add("".join(p[0] for p in parts))
    return sorted(opts, key=len, reverse=True) if strict else [w]


def _consume(word_opt: str, letters: str, li: int, strict: bool) -> list[int]:
    """Positions in ``letters`` reachable after one word supplies letters from ``li``."""
    if li >= len(letters) or word_opt[0] != letters[li]:
        return []
    if strict:
        return [li + len(word_opt)] if letters.startswith(word_opt, li) else []
    # Lenient: the word's initial plus any further letters found in order inside the word.
    ends = [li + 1]
    pos, k = 1, li + 1
    while k < len(letters):
        found = word_opt.find(letters[k], pos)
        if found < 0:
            break
        pos, k = found + 1, k + 1
        ends.append(k)
    return ends


def _matches(words: list[str], letters: str, strict: bool) -> bool:
    """True when ``words`` (in order, each used) spell ``letters``; stop words may give nothing."""
    memo: dict[tuple[int, int], bool] = {}

    def go(wi: int, li: int) -> bool:
        if wi == len(words):
            return li == len(letters)
        key = (wi, li)
        if key in memo:
            return memo[key]
        word = words[wi]
        ok = False
        if word.lower() in _STOP and 0 < wi < len(words) - 1:
            ok = go(wi + 1, li)
        if not ok and word.lower() not in _STOP:
            for opt in _word_options(word, strict):
                for nli in _consume(opt, letters, li, strict):
                    if go(wi + 1, nli):
                        ok = True
                        break
                if ok:
                    break
        memo[key] = ok
        return ok

    return go(0, 0)


def _long_before(text: str, end: int, short: str) -> tuple[int, int] | None:
    """Span of the long form that ends at ``end`` and spells ``short``: the fewest words that fit."""
    letters = _letters(short)
    if len(letters) < 2:
        return None
    window = text[max(0, end - 200) : end]
    base = end - len(window)
    # Only the same clause: stop at sentence punctuation or an opening bracket.
    cut = max(window.rfind(c) for c in ".;:!?()[]“”\"")
    if cut >= 0:
        window, base = window[cut + 1 :], base + cut + 1
    spans = [(m.start() + base, m.end() + base, m.group()) for m in _WORD.finditer(window)]
    spans = spans[-_MAX_LONG_WORDS:]
    for strict in (True, False):
        for i in range(len(spans) - 1, -1, -1):
            words = [s[2] for s in spans[i:]]
            if len(words) > len(letters) + 4:
                break
            if words[0].lower() in _STOP:
                continue
            if _matches(_subwords(words), letters, strict):
                return spans[i][0], spans[-1][1]
    return None


def _long_after(text: str, start: int, short: str) -> tuple[int, int] | None:
    """Span of the long form that starts at ``start`` and spells ``short``: the fewest words that fit."""
    letters = _letters(short)
    if len(letters) < 2:
        return None
    spans = [(m.start() + start, m.end() + start, m.group()) for m in _WORD.finditer(text[start : start + 200])]
    spans = spans[:_MAX_LONG_WORDS]
    for strict in (True, False):
        for j in range(1, len(spans) + 1):
            words = [s[2] for s in spans[:j]]
            if len(words) > len(letters) + 4:
                break
            if _matches(_subwords(words), letters, strict):
                return spans[0][0], spans[j - 1][1]
    return None


def _subwords(words: list[str]) -> list[str]:
    # Possessives give no letter of their own ("People's" -> "People").
    return [re.sub(r"['’]s$", "", w) for w in words]


def _expansion(surface: str, plural: bool) -> str:
    """The glossary form: single spaces, singular when the acronym was plural ("missiles" -> "missile")."""
    exp = " ".join(surface.split()).strip(" ,")
    if plural:
        head, _, last = exp.rpartition(" ")
        if last.endswith("ies") and len(last) > 4:
            last = last[:-3] + "y"
        elif last.endswith("s") and not last.endswith("ss"):
            last = last[:-1]
        exp = f"{head} {last}".strip()
    return exp


def _definitions(block: Block) -> list[tuple[str, str, int, int]]:
    """(term, expansion, start, end) for each acronym defined in the block; start/end span the term."""
    text = block.text
    out = []
    for m in _PAREN.finditer(text):
        token = m.group(1)
        short, plural = _split_plural(token)
        if not _is_short_form(short):
            continue
        # The long form ends just before the bracket (allowing space).
        end = m.start()
        while end > 0 and text[end - 1].isspace():
            end -= 1
        span = _long_before(text, end, short)
        if span:
            out.append((short, _expansion(text[span[0] : span[1]], plural), m.start(1), m.start(1) + len(token)))
    # The other forms: "NDS (National Defense Strategy)", "NDS, or National Defense Strategy", "National
    # Defense Strategy, or NDS": (pattern, term group, where the long form is looked for, must it reach the end).
    for pattern, group, long_form, to_end in (
        (_PAREN_LONG, 1, lambda m, short: _long_after(text, m.start(2), short), True),
        (_OR_AFTER, 1, lambda m, short: _long_after(text, m.start(2), short), False),
        (_OR_BEFORE, 2, lambda m, short: _long_before(text, m.end(1), short), False),
    ):
        for m in pattern.finditer(text):
            short, plural = _split_plural(m.group(group))
            if not _is_short_form(short):
                continue
            span = long_form(m, short)
            if span and (not to_end or span[1] >= m.end(2) - 1):
                out.append((short, _expansion(text[span[0] : span[1]], plural), m.start(group), m.end(group)))
    return out


def _mostly_upper(text: str) -> bool:
    """Shouted text ("JAPAN MUST DO MORE") is full of false acronyms."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


@lru_cache(maxsize=256)
def _term_regex(terms: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first so "C4ISR" wins over "ISR"; alphanumeric bounds, plural s and possessive allowed.
    alts = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z0-9])({alts})(s)?(?=['’][sS](?![A-Za-z0-9])|(?![A-Za-z0-9]))")


def find_acronyms(blocks: Sequence[Block], known: Mapping[str, str]) -> tuple[Acronym, ...]:
    """Definitions in the text ("National Defense Strategy (NDS)", "intercontinental ballistic missiles
    (ICBMs)", "TLAMs, or Tomahawk Land Attack Missiles", "command and control, or C2") and every later
    occurrence of a known or defined acronym (word-bounded, plural "ICBMs" counts for ICBM, possessive
    "NATO’S"). Text definitions win over knowledge/ for that article."""
    try:
        return _find(blocks, known)
    except Exception:  # noqa: BLE001 - an annotator never takes the build down on odd text
        return ()


def _find(blocks: Sequence[Block], known: Mapping[str, str]) -> tuple[Acronym, ...]:
    defined: dict[str, str] = {}
    def_spans: dict[tuple[int, int], str] = {}
    for block in blocks:
        for term, expansion, start, end in _definitions(block):
            defined.setdefault(term, expansion)  # the first definition in the article holds
            def_spans[(block.index, start)] = term
    table = {**{k: v for k, v in known.items() if isinstance(k, str) and k}, **defined}
    if not table:
        return ()
    rx = _term_regex(tuple(sorted(table)))
    out: list[Acronym] = []
    for block in blocks:
        if _mostly_upper(block.text):
            continue
        for m in rx.finditer(block.text):
            term = m.group(1)
            out.append(
                Acronym(
                    block=block.index,
                    start=m.start(),
                    end=m.end(),
                    term=term,
                    expansion=table[term],
                    defined_here=def_spans.get((block.index, m.start())) == term,
                )
            )
    return tuple(out)
