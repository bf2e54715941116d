"""Repairs to the statistical model's entity spans before they are normalised (issue 14), and the context
that settles a name's type. General rules about English news text; nothing here names a particular article.

- a possessive inside a span joins two names: "Tehran's Milad Tower" is Tehran and Milad Tower;
- a span that starts inside a name grows to the capitalised words before it: "Do |Thi Nhan|",
  "Imam Muhammad ibn |Abd al-Wahhab Mosque|";
- a single word directly before an unrecognised capitalised word is a fragment of a longer name
  ("Supreme" of "Supreme Leader") and names nothing on its own;
- the noun before a name says what it is: "shipping giant Maersk", "broadcast network RND" are companies;
  a name that says or states something is an agent, never a weapon, a document or an idea.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from briefing.annotate import entities_rules as R

# Lower-case words before a name that make it an organization: "newsmagazine Der Spiegel".
ORG_CUES = frozenset(
    "giant company firm group carrier airline operator network broadcaster newspaper paper newsmagazine magazine "
    "daily weekly agency outlet channel publisher insurer lender bank retailer maker manufacturer startup "
    "start-up conglomerate automaker shipper brand chain website app platform".split()
)
# Verbs of saying: their subject is an agent (a person or an organization).
SAYS = r"(?:said|says|stated|states|told|tells|announced|emphasi[sz]ed|stressed|cautioned|warned|added|noted|confirmed|denied|reported)"
_AGENT_AFTER = re.compile(r"^(?:['’]s\s+\w+\s+(?:advisory\s+)?)?\s*" + SAYS + r"\b")
_AGENT_BEFORE = re.compile(r"\baccording to\s+(?:the\s+)?$", re.I)
# Connectors that may sit inside a name before the span ("Imam Muhammad ibn Abd ...").
_INNER = frozenset("ibn bin bint al el de van von der".split())
TITLE_WORDS = frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", R.TITLE_HEADS)) | frozenset(
    "ayatollah sheikh rabbi cardinal bishop leader head founder".split())
_CAP_WORD = re.compile(r"([A-Z][\w’'-]*|[a-z]{1,3})\s$")
# Function words a name may start with, written with a capital inside a sentence ("the Cambridge-based Just
# Add Monsters studios", "We Will Rock You"): there the capital says they belong to the name.
NAME_FUNCTION_WORDS = frozenset(
    "a an the of and for to in on at by with be is are was just all we you it my your our no not will can "
    "do let me us up out off from as or so too".split())


def split_possessive(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"Tehran’s Milad Tower" -> [Tehran, Milad Tower]; a span without an inner possessive is itself."""
    m = re.search(r"['’]s\s+(?=[A-Z])", text[start:end])
    if not m or m.start() == 0:
        return [(start, end)]
    return [(start, start + m.start()), (start + m.end(), end)]


def extend_left(text: str, start: int, starts: Collection[int], aliases) -> int:
    """Grow a span over the capitalised words (and name connectors) right before it, inside a sentence; not
    over a title ("Minister"), a demonym, a known name or another candidate."""
    s = start
    while True:
        m = _CAP_WORD.search(text, max(0, s - 40), s)
        if not m:
            break
        word = m.group(1)
        if word[0].islower() and word not in _INNER:
            break
        if re.search(r"-[a-z]+$", word):
            break  # "Cambridge-based", "London-born": an adjective before the name
        if word[0].isupper() and (
            (word.lower() in R.GENERIC and word.lower() not in NAME_FUNCTION_WORDS) or word.lower() in TITLE_WORDS
            or word in aliases.adjectives or aliases.lookup(word) or m.start() in starts
        ):
            break
        before = text[: m.start()].rstrip()
        if word[0].isupper() and (not before or before[-1] in ".!?:;“\"—(" or before.endswith("’s")):
            break  # the sentence's first word, or after a possessive: not part of this name
        s = m.start()
    # never end on a connector: "al Abd ..." needs its capitalised word
    while s < start and (m := re.match(r"([a-z]+)\s", text[s:start])):
        s += m.end()
    return s if s < start else start


def is_fragment_before(text: str, end: int) -> bool:
    """A single word right before another capitalised word ("Supreme| Leader"): part of a longer name."""
    return bool(re.match(r" [A-Z][a-z]", text[end : end + 3]))


def agent_context(text: str, start: int, end: int) -> bool:
    """"Maersk said", "according to Maersk", "Maersk's client advisory stated"."""
    return bool(_AGENT_AFTER.match(text[end : end + 50]) or _AGENT_BEFORE.search(text[max(0, start - 20) : start]))


def org_cue_before(text: str, start: int) -> bool:
    m = re.search(r"([a-z][a-z-]+)\s+$", text[max(0, start - 30) : start])
    return bool(m) and m.group(1) in ORG_CUES


def shouting(text: str, start: int, end: int) -> bool:
    """A name among words written in capitals ("PRESIDENT TRUMP IS KEEPING HIS PROMISE"): not an acronym."""
    words = re.findall(r"[A-Za-z]{2,}", text[max(0, start - 40) : end + 40])
    return len(words) >= 3 and sum(w.isupper() for w in words) / len(words) >= 0.6


def recase(name: str, known: Sequence[str]) -> str | None:
    """The article's own spelling of a name written in capitals ("TRUMP" -> "Donald Trump"), else None."""
    low = name.casefold()
    for k in known:
        if k.casefold() == low:
            return k
    parts = [k for k in known if low in k.casefold().split()]
    return parts[0] if len(set(parts)) == 1 else None
