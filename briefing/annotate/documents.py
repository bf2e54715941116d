"""Documents with a generic name, told apart by owner and year: "Japan's 2022 National Security Strategy"
is not "the U.S. National Security Strategy released in December".

A document's owner is the place named right before it ("Japan's", "the U.S.") or the people's adjective
("Japanese"); its year the one written right before it or after it in parentheses ("the 2022 ...", "... (2013)").
Both go into the name in parentheses: "National Security Strategy (Japan, 2022)". A mention that names
neither takes the one qualified form its article gives, so "the strategy" of a Japanese article stays
Japan's. The link stage then keeps differently qualified documents apart (see link/entities.py).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from briefing.annotate.aliases import Aliases
from briefing.model import Mention

_YEAR_BEFORE = re.compile(r"(?:^|\s)((?:19|20)\d\d)\s+$")
_YEAR_AFTER = re.compile(r"^\s*\(((?:19|20)\d\d)\)")
_OWNER_GAP = re.compile(r"^(?:['’]s)?\s+(?:(?:19|20)\d\d\s+)?$")  # "Japan’s 2022 ", "U.S. "
_ADJECTIVE = re.compile(r"(?:^|\s)([A-Z][a-z]+)\s+(?:(?:19|20)\d\d\s+)?$")
QUALIFIED = re.compile(r"^(?P<base>.+?) \((?P<qualifier>[^()]+)\)$")


def _owner(m: Mention, text: str, places: Sequence[Mention], by_adjective: dict[str, str]) -> str | None:
    for p in places:
        if p.end <= m.start and _OWNER_GAP.match(text[p.end : m.start]):
            return p.name
    adj = _ADJECTIVE.search(text[max(0, m.start - 30) : m.start])
    return by_adjective.get(adj.group(1)) if adj else None


def qualify_documents(mentions: Sequence[Mention], texts: Sequence[str], aliases: Aliases) -> list[Mention]:
    """``mentions`` with each document's owner and year in its name where the text gives them; see the module."""
    if not any(m.type == "document" for m in mentions):
        return list(mentions)
    by_adjective = aliases.place_by_adjective
    places: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.type == "place":
            places.setdefault(m.block, []).append(m)
    out = []
    qualified: dict[str, set[str]] = {}
    for m in mentions:
        if m.type != "document" or QUALIFIED.match(m.name):
            out.append(m)
            continue
        text = texts[m.block]
        first, _, rest = m.name.partition(" ")
        if first in by_adjective and rest:  # "Japanese National Defense Strategy"
            owner = by_adjective[first]
            m = dataclasses.replace(m, name=rest)
        else:
            owner = _owner(m, text, places.get(m.block, ()), by_adjective)
        year = _YEAR_BEFORE.search(text[max(0, m.start - 12) : m.start]) or _YEAR_AFTER.match(text[m.end : m.end + 8])
        parts = [p for p in (owner, year.group(1) if year else None) if p]
        if parts:
            m = dataclasses.replace(m, name=f"{m.name} ({', '.join(parts)})")
            qualified.setdefault(m.name.rsplit(" (", 1)[0], set()).add(m.name)
        out.append(m)
    # "the National Security Strategy" once the article has said whose: that one, if it said only one
    return [dataclasses.replace(m, name=next(iter(qualified[m.name])))
            if m.type == "document" and len(qualified.get(m.name, ())) == 1 else m for m in out]
