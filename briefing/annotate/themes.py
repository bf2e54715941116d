"""Themes per block: weighted cue phrases from knowledge/themes.yml, matched on normalised words.

A cue is stored in ``Theme.cues`` as ``"phrase"`` or ``"phrase^weight"`` (the frozen model has no
weight field, so the weight rides along in the string, as in Lucene's boost syntax). ``"@type"``
cues count entity mentions of that type in the block.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from briefing.knowledge import entry_line, fail, load_yaml
from briefing.model import Block, Theme, ThemeScore

THRESHOLD = 0.4  # scores at or below this are not returned
_SCORED_KINDS = {"paragraph", "quote", "item"}
_HEADING_SHARE = 0.5  # how much of a heading's cue weight the blocks under it receive
_NEIGHBOUR_STRONG = 0.6  # a neighbour this sure of a theme ...
_NEIGHBOUR_BOOST = 0.08  # ... lends this much to a block that has some evidence of its own
_SCALE = 4.0  # raw weight -> score: 1 - exp(-raw / _SCALE); one strong cue (3) gives ~0.53
_SETTLES = 2.5  # a cue this heavy settles a theme on its own ("tariff", "supply chain") ...
_STRONG = 2.0  # ... one this heavy ("trade", "investment") anchors it only where a paragraph near by is settled
_IN_NAME = 0.8  # a lighter common cue inside a capitalised name only helps, like a bare place name
_NEAR = 2  # paragraphs either side that can settle a weakly anchored theme
_LONG = 60  # tokens; longer blocks have their raw weight damped by sqrt(len / _LONG)

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TOKEN = re.compile(r"[a-z0-9]+|%", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)
_PER_CENT = re.compile(r"per cent", re.IGNORECASE)
_NAME_LINK = {"of", "and", "for", "the", "on", "in", "de"}  # small words inside a name ("Department of Commerce")
_SPELLING = {"defence": "defense", "programme": "program", "offence": "offense", "%": "percent",
             "per": "per", "centre": "center", "labour": "labor"}


@lru_cache(maxsize=1 << 16)  # the same words over and over: discovery stems every paragraph of a collection
def _stem(word: str) -> str:
    """Light, consistent normalisation so "missiles"/"missile", "sharing"/"share" meet."""
    w = _SPELLING.get(word, word)
    if len(w) <= 3 or w.isdigit():
        return w
    if w.endswith("isation"):
        w = w[:-7] + "ization"
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]
    return w


def normalise(text: str) -> list[str]:
    """Lowercased, stemmed word tokens; "per cent" reads as "percent"."""
    return _tokens(text)[0]


def _tokens(text: str) -> tuple[list[str], list[bool]]:
    """normalise()'s tokens, and for each whether it is part of a capitalised name of two or more words
    ("Export Import Bank", "World Trade Organization"): a common cue word there names an institution,
    it does not say the paragraph is about the concept."""
    words = _TOKEN.findall(_POSSESSIVE.sub("", _PER_CENT.sub("percent", text)))
    title = [w[:1].isupper() and any(c.islower() for c in w) for w in words]
    in_name = [False] * len(words)
    i = 0
    while i < len(words):
        if not title[i]:
            i += 1
            continue
        j, last = i + 1, i
        while j < len(words) and (title[j] or (words[j] in _NAME_LINK and j + 1 < len(words) and title[j + 1])):
            if title[j]:
                last = j
            j += 1
        if last > i:
            for k in range(i, last + 1):
                in_name[k] = True
        i = last + 1
    return [_stem(w.lower()) for w in words], in_name


def parse_cue(cue: str) -> tuple[str, float]:
    """("phrase", weight) from "phrase^2.5" or "phrase"."""
    phrase, sep, weight = cue.rpartition("^")
    if sep:
        try:
            return phrase, float(weight)
        except ValueError:
            pass
    return cue, 1.0


def load_taxonomy(path: Path) -> tuple[Theme, ...]:
    """Themes from the YAML taxonomy; KnowledgeError naming file and line on mistakes."""
    data = load_yaml(path)
    items = data.get("themes") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise fail(path, "expected a non-empty list under 'themes:'", 1)
    out: list[Theme] = []
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise fail(path, f"theme #{n} must be a mapping with id, name, description, cues", entry_line(path, "- "))
        tid = item.get("id")
        line = entry_line(path, f"id: {tid}") if tid else None
        if not isinstance(tid, str) or not _ID.match(tid):
            raise fail(path, f"theme #{n}: id {tid!r} must be a lowercase slug like 'defence-spending'", line)
        if tid in seen:
            raise fail(path, f"theme id {tid!r} is used twice", line)
        seen.add(tid)
        for key in ("name", "description"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise fail(path, f"theme {tid!r} needs a text '{key}'", line)
        raw_cues = item.get("cues")
        if not isinstance(raw_cues, list) or not raw_cues:
            raise fail(path, f"theme {tid!r} needs a list of cues", line)
        cues: list[str] = []
        for cue in raw_cues:
            phrase, weight = _cue_entry(cue)
            cue_line = entry_line(path, str(phrase)) or line
            if phrase is None or not isinstance(weight, (int, float)) or isinstance(weight, bool) or weight <= 0:
                raise fail(path, f"theme {tid!r}: cue {cue!r} must be 'phrase' or 'phrase: weight' (weight > 0)", cue_line)
            if not phrase.startswith("@") and not normalise(phrase):
                raise fail(path, f"theme {tid!r}: cue {phrase!r} has no words to match", cue_line)
            cues.append(phrase if weight == 1 else f"{phrase}^{float(weight):g}")
        out.append(Theme(id=tid, name=item["name"].strip(), description=" ".join(item["description"].split()),
                         cues=tuple(cues)))
    return tuple(out)


def _cue_entry(cue: object) -> tuple[str | None, object]:
    if isinstance(cue, str) and cue.strip():
        return cue.strip(), 1.0
    if isinstance(cue, dict) and len(cue) == 1:
        (phrase, weight), = cue.items()
        if isinstance(phrase, str) and phrase.strip():
            return phrase.strip(), weight
    return None, None


@lru_cache(maxsize=32)
def _compile(taxonomy: tuple[Theme, ...]) -> tuple[dict[str, list[tuple[tuple[str, ...], str, float, bool]]],
                                                   dict[str, list[tuple[str, float]]]]:
    """Index the cues by first token (longest first) and collect the @type cues per theme. A cue written
    with a capital ("Taiwan Strait", "PLA") is a name itself and may match inside a longer name."""
    by_first: dict[str, dict[tuple[tuple[str, ...], str], tuple[float, bool]]] = {}
    typed: dict[str, list[tuple[str, float]]] = {}
    for theme in taxonomy:
        for cue in theme.cues:
            phrase, weight = parse_cue(cue)
            if phrase.startswith("@"):
                typed.setdefault(theme.id, []).append((phrase[1:], weight))
                continue
            toks = tuple(normalise(phrase))
            if toks:
                slot = by_first.setdefault(toks[0], {})
                old_w, old_name = slot.get((toks, theme.id), (0.0, False))
                slot[(toks, theme.id)] = (max(weight, old_w), old_name or phrase != phrase.lower())
    index = {
        first: sorted(((t, tid, w, name) for (t, tid), (w, name) in cues.items()), key=lambda c: -len(c[0]))
        for first, cues in by_first.items()
    }
    return index, typed


def _raw(tokens: list[str], index: dict, typed: dict, types: Sequence[str],
         in_name: Sequence[bool] = ()) -> dict[str, tuple[float, float, int]]:
    """(weight, strongest cue, distinct cues) per theme: each cue counts once at full weight, repeats
    add a little. A common cue met only inside a capitalised name only helps."""
    counts: dict[tuple[str, tuple[str, ...]], tuple[float, int]] = {}
    covered: dict[str, int] = {}  # theme -> first token index not yet covered by a longer cue
    for i, tok in enumerate(tokens):
        for cue_toks, tid, weight, is_name in index.get(tok, ()):
            if covered.get(tid, 0) > i:
                continue  # "island chain" inside a matched "first island chain"
            n = len(cue_toks)
            if tuple(tokens[i : i + n]) == cue_toks:
                covered[tid] = i + n
                if not is_name and weight < _SETTLES and any(in_name[i : i + n]):
                    weight = min(weight, _IN_NAME)  # "Export-Import Bank"; "Defense Industries System" still counts
                key = (tid, cue_toks)
                w, c = counts.get(key, (weight, 0))
                counts[key] = (max(w, weight), c + 1)
    raw: dict[str, float] = {}
    strongest: dict[str, float] = {}
    distinct: dict[str, int] = {}
    for (tid, _), (w, c) in counts.items():
        raw[tid] = raw.get(tid, 0.0) + w * min(2.0, 1 + 0.25 * (c - 1))
        strongest[tid] = max(w, strongest.get(tid, 0.0))
        distinct[tid] = distinct.get(tid, 0) + (w >= 1)  # bare place names and names do not add up to a theme
    for tid, cues in typed.items():
        for mtype, w in cues:
            c = sum(1 for t in types if t == mtype)
            if c and tid in raw:  # entity types only support a theme the words already point to
                raw[tid] += w * min(2.0, 1 + 0.25 * (c - 1))
                distinct[tid] += 1
    return {tid: (r, strongest[tid], distinct[tid]) for tid, r in raw.items()}


def _anchored(own: tuple[float, float, int], heading_strongest: float) -> bool:
    """Evidence needs an anchor: one strong cue (here or in the heading above), or several different
    weaker ones. A paragraph that merely names Australia and New Zealand (a rugby report) is not
    about partnerships."""
    raw, strongest, distinct = own
    return strongest >= _STRONG or heading_strongest >= _STRONG or distinct >= 3 or (distinct >= 2 and raw >= 2.5)


def _settled(own: tuple[float, float, int], heading_strongest: float) -> bool:
    """Evidence enough on its own: a cue that settles the theme, or three different cues. Less (one
    "investment" and "the economy") is common in any news about money, so it counts only next to a
    paragraph where the theme is settled: the article is then about it."""
    _, strongest, distinct = own
    return strongest >= _SETTLES or heading_strongest >= _SETTLES or distinct >= 3


def _to_score(raw: float, ntokens: int) -> float:
    damp = max(1.0, math.sqrt(ntokens / _LONG))
    return 1.0 - math.exp(-(raw / damp) / _SCALE)


def score_blocks(
    blocks: Sequence[Block], taxonomy: Sequence[Theme], mention_types: Mapping[int, Sequence[str]] = {}
) -> tuple[ThemeScore, ...]:
    """Themes per paragraph/quote/item block (not headings/captions) with a score in [0, 1]; a block may
    carry several themes or none; only scores above a threshold are returned. Uses more than raw keyword hits:
    cue terms matched on word boundaries with light stemming/lemma-like normalisation (plural/-ing), cue
    weights, a heading's cues lending weight to the paragraphs under it, a neighbouring paragraph's strong
    theme giving a small boost. A paragraph about something else gets no theme rather than a wrong one."""
    try:
        return _score(blocks, tuple(taxonomy), mention_types)
    except Exception:  # noqa: BLE001 - an annotator never takes the build down on odd text
        return ()


def _score(blocks: Sequence[Block], taxonomy: tuple[Theme, ...], mention_types: Mapping[int, Sequence[str]]) -> tuple[ThemeScore, ...]:
    if not taxonomy or not blocks:
        return ()
    index, typed = _compile(taxonomy)
    heading_raw: dict[str, float] = {}
    heading_strong: dict[str, float] = {}
    heading_level = 0
    scored: list[tuple[Block, set[str], dict[str, float]]] = []  # block, themes settled there, scores
    for block in blocks:
        tokens, in_name = _tokens(block.text)
        types = list(mention_types.get(block.index, ())) if mention_types else []
        # A heading is in Title Case by style, not because its words are a name.
        raw = _raw(tokens, index, typed, types, () if block.kind == "heading" else in_name)
        if block.kind == "heading":
            level = block.level or 2
            # A sub-heading adds to its parent's cues; a sibling or higher heading replaces them.
            if level <= heading_level:
                heading_raw, heading_strong = {}, {}
            else:
                heading_raw = {k: v * 0.5 for k, v in heading_raw.items()}
            for tid, (r, strongest, _) in raw.items():
                heading_raw[tid] = heading_raw.get(tid, 0.0) + r
                heading_strong[tid] = max(strongest, heading_strong.get(tid, 0.0))
            heading_level = level
            continue
        if block.kind not in _SCORED_KINDS:
            continue
        scores = {}
        settled = set()
        for tid, own in raw.items():
            if not _anchored(own, heading_strong.get(tid, 0.0)):
                continue
            if _settled(own, heading_strong.get(tid, 0.0)):
                settled.add(tid)
            # The heading only lends weight to a theme the paragraph itself shows some sign of.
            total = own[0] + _HEADING_SHARE * heading_raw.get(tid, 0.0)
            scores[tid] = _to_score(total, len(tokens))
        scored.append((block, settled, scores))
    out: list[ThemeScore] = []
    for i, (block, settled, scores) in enumerate(scored):
        neighbours = [scored[j][2] for j in (i - 1, i + 1) if 0 <= j < len(scored)]
        near = set().union(*(scored[j][1] for j in range(max(0, i - _NEAR), min(len(scored), i + _NEAR + 1))))
        for tid, s in scores.items():
            if tid not in near:
                continue
            if any(n.get(tid, 0.0) >= _NEIGHBOUR_STRONG for n in neighbours):
                s = min(1.0, s + _NEIGHBOUR_BOOST)
            if s > THRESHOLD:
                out.append(ThemeScore(block=block.index, theme=tid, score=round(s, 3)))
    out.sort(key=lambda t: (t.block, -t.score, t.theme))
    return tuple(out)
