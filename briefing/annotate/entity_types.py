"""What kind of thing a name is, read from the words next to it and from the editable knowledge/types.yml
(issue 14: "Types come from spaCy's labels, the name's head word ... and an editable override file").

The small spaCy model guesses a type from the name's letters and misreads what it has not seen: a film is
a person, a band a person, a club a place. News says what a thing is right beside it ("the film Vera
Drake", "rock band Queen", "her sister Yetunde Price", "the Harry Potter games"), and a name's last word
often says it too ("Newcastle Evening Chronicle", "Manchester United"). The built-in cues below are general
English; knowledge/types.yml adds head words and cue words of a collection's own domain, and wins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from briefing.annotate import entities_rules as R
from briefing.annotate.entities_spans import ORG_CUES
from briefing.knowledge import fail, load_yaml

# A work's title follows its kind: "the film Vera Drake", "her novel Small Island". Not "hit", "play",
# "show" or "game": they are verbs or sports words before a club's name ("hit Arsenal", "the game Chelsea won").
_WORK_BEFORE = "film movie album song novel book musical sitcom drama documentary opera videogame".split()
# ... or comes after it, with "the" before: "the Harry Potter games", "The Phantom of the Opera movie". Not
# "album" or "series": "the Queen album" is the band's, "the Lions series" a tour.
_WORK_AFTER = "film films movie movies games novel novels books franchise soundtrack".split()
# A person is introduced by kin; single words too ("her sister Venus").
_KIN = (
    "sister brother wife husband son daughter mother father widow widower girlfriend boyfriend fiancee fiancée "
    "fiance uncle aunt nephew niece cousin grandson granddaughter grandmother grandfather team-mate teammate"
).split()
# Groups and clubs: "rock band Queen", "Premiership side Arsenal", "record label EMI".
_ORG_BEFORE = "band rockers supergroup club side team squad label studio studios quartet trio duo outfit charity".split()
# Occupations that also name a company ("broadcaster ITV", "publisher Penguin") say nothing on their own.
_PERSON_BEFORE = sorted((R.OCCUPATIONS - ORG_CUES) | set(_KIN))

BEFORE: dict[str, str] = {
    **{w: "person" for w in _PERSON_BEFORE},
    **{w: "organization" for w in sorted(ORG_CUES) + _ORG_BEFORE},
    **{w: "document" for w in _WORK_BEFORE},
}
AFTER: dict[str, str] = {w: "document" for w in _WORK_AFTER}
# Phrases before a name: "her role in Closer" is a work's, "members of King Crimson" a group's.
_PHRASES = (
    (re.compile(r"\b(?:role|roles|performance|starring|starred|appeared|appears|appearance)\s+in\s+(?:the\s+)?$"), "document"),
    (re.compile(r"\bmembers?\s+of\s+(?:the\s+)?$"), "organization"),
)
_WORD_BEFORE = re.compile(r"(?<![\w’'])([a-z][a-z-]+)\s+$")
# The cue word ends the phrase: "the Argonaut games group" is a group, not games.
_WORD_AFTER = re.compile(r"^\s+([a-z][a-z-]+)(?![\w’'-])(?:\s+([a-z][a-z-]*))?")
_COMPOUND_HEADS = ORG_CUES | frozenset(
    "group company firm developer developers maker makers studio studios division business unit industry team".split())
_THE_BEFORE = re.compile(r"(?:^|\W)the\s+(?:[a-z]+\s+)?$", re.I)  # "the third Harry Potter film"


@dataclass(frozen=True)
class TypeRules:
    """knowledge/types.yml: what a collection adds to the built-in type cues."""

    heads: Mapping[str, str] = field(default_factory=dict)  # last word of a longer name -> type
    before: Mapping[str, str] = field(default_factory=dict)  # lower-case word right before a name -> type
    after: Mapping[str, str] = field(default_factory=dict)  # lower-case word right after "the" + name -> type


def load_type_rules(path: Path) -> TypeRules:
    """Parse knowledge/types.yml (a missing file adds nothing); KnowledgeError naming the file on a mistake."""
    if not path.exists():
        return TypeRules()
    data = load_yaml(path) or {}
    if not isinstance(data, dict) or set(data) - {"heads", "before", "after"}:
        raise fail(path, "expected a mapping with 'heads', 'before' and/or 'after'", 1)
    out = {}
    for key in ("heads", "before", "after"):
        table = data.get(key) or {}
        if not isinstance(table, dict):
            raise fail(path, f"'{key}' must map words to a type", 1)
        for word, typ in table.items():
            if typ not in R.TYPES:
                raise fail(path, f"{key}: {word}: type must be one of {', '.join(R.TYPES)}, not {typ!r}")
            if key != "heads" and not (isinstance(word, str) and word.islower()):
                raise fail(path, f"{key}: {word!r}: cue words are written in lower case")
        out[key] = {str(w): t for w, t in table.items()}
    return TypeRules(**out)


def head_override(name: str, rules: TypeRules) -> str | None:
    """The type knowledge/types.yml gives a longer name by its last word ("Manchester United")."""
    words = name.split()
    if words and words[0] in ("The", "the"):  # "The Times" is one word of name: no head to read
        words = words[1:]
    return rules.heads.get(words[-1]) if len(words) > 1 else None


def cue_type(text: str, start: int, end: int, single_word: bool, rules: TypeRules) -> str | None:
    """The type the words right beside text[start:end] say it has, or None. A single-word name is a person
    only after kin ("sister Venus"): "analyst Gartner" is a company."""
    before = text[max(0, start - 40) : start]
    for regex, typ in _PHRASES:
        if regex.search(before):
            return typ
    if m := _WORD_BEFORE.search(before):
        word = m.group(1)
        typ = rules.before.get(word) or BEFORE.get(word)
        if typ and not (typ == "person" and single_word and word not in _KIN and word not in rules.before):
            return typ
    m = _WORD_AFTER.match(text[end : end + 40])
    if m and _THE_BEFORE.search(before) and m.group(2) not in _COMPOUND_HEADS:
        return rules.after.get(m.group(1)) or AFTER.get(m.group(1))
    return None
