"""knowledge/aliases.yml: the names, types and aliases of entities a user has written down."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.annotate import entities_rules as R
from briefing.knowledge import entry_line, fail, load_yaml

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
    place_by_adjective: dict[str, str] = field(default_factory=dict)  # "Japanese" -> "Japan": a document's owner
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
    place_by_adjective: dict[str, str] = {}
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
        if etype == "place":
            place_by_adjective.update(dict.fromkeys(entry.adjectives, entry.name))
    pattern = None
    if forms:
        alts = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
        pattern = re.compile(r"(?<![\w])(?:" + alts + r")(?![\w])")
    return Aliases(tuple(entries), index, forms, frozenset(adjectives), place_by_adjective, pattern)
