"""Corpus-wide entity merging: the mentions of every article become one Entity per real-world thing.

Each article already resolved what it could (briefing/annotate/entities.py); here the corpus adds what
one article cannot know: "Takaichi" alone in one article is the "Sanae Takaichi" of another, "Kishida Fumio"
is "Fumio Kishida", a bare "NDS" is the "National Defense Strategy" another article spelled out.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from briefing.annotate.documents import QUALIFIED
from briefing.annotate.entities_rules import TYPES, clean_name, initials_match, is_acronym, name_key
from briefing.model import Entity, Mention
from briefing.slugs import unique_slugs


def _person_parts(name: str) -> tuple[str, ...]:
    return tuple(p for p in name.casefold().replace(".", "").split() if len(p) > 1)


def _description(m: Mention) -> str | None:
    """What the mention says the entity is: the annotator's description, else the title in the surface
    ("Defense Minister Koizumi" -> "Defense Minister")."""
    if m.description:
        return m.description
    if m.type != "person" or m.surface == m.name:
        return None
    parts = m.name.split()
    for token in (m.name, parts[0], parts[-1]):
        i = m.surface.find(token)
        if i > 0:
            prefix = m.surface[:i].strip()
            return prefix if prefix and prefix[0].isupper() else None
    return None


def _pick(counter: Counter[str], prefer=lambda s: (len(s.split()), len(s))) -> str:
    """Most frequent; ties to the preferred (longer) form, then alphabetical, so output is stable."""
    return sorted(counter, key=lambda s: (-counter[s], tuple(-x for x in prefer(s)), s))[0]


def merge_entities(
    articles: Sequence[tuple[str, Sequence[Mention]]],
) -> tuple[tuple[Entity, ...], dict[tuple[str, int, int], str]]:
    """Merge mentions across articles into Entity records and a map (source, block, start) -> entity id
    for every mention kept. Deterministic: same input, same output."""
    mentions = sorted(
        ((src, m) for src, ms in articles for m in ms if m.name and m.name.strip()),
        key=lambda sm: (sm[0], sm[1].block, sm[1].start, sm[1].end, sm[1].name),
    )

    # ---- persons: the set of name parts is the key ("Kishida Fumio" == "Fumio Kishida") --------------
    full: set[frozenset[str]] = set()
    for _, m in mentions:
        if m.type == "person":
            parts = _person_parts(m.name)
            if len(parts) > 1:
                full.add(frozenset(parts))
    by_part: dict[str, set[frozenset[str]]] = defaultdict(set)
    for key in full:
        for p in key:
            by_part[p].add(key)

    def person_key(name: str) -> tuple:
        parts = _person_parts(name) or (name.casefold(),)
        if len(parts) == 1:
            owners = by_part.get(parts[0], set())
            if len(owners) == 1:  # "Takaichi" alone, and one known Takaichi in the corpus
                return ("person", *sorted(next(iter(owners))))
        return ("person", *sorted(set(parts)))

    # ---- acronyms: learnt from articles that spelled them out -----------------------------------------
    acronym_of: dict[str, set[str]] = defaultdict(set)
    for _, m in mentions:
        short = clean_name(m.surface)
        if m.type != "person" and is_acronym(short) and short != m.name and initials_match(short, m.name):
            acronym_of[short].add(name_key(m.name))
    long_names: dict[str, set[str]] = defaultdict(set)  # initials -> keys of multi-word names
    for _, m in mentions:
        if m.type != "person" and len(m.name.split()) > 1:
            initials = "".join(w[0] for w in re.split(r"[\s-]+", m.name) if w and w[0].isupper())
            long_names[initials].add(name_key(m.name))

    # "US Treasury Department" / "Department of Treasury": a country before (or after "of") a government
    # department qualifies it; the bare name is the same department when the corpus has one qualifier for it.
    place_keys = {name_key(k) for _, m in mentions if m.type == "place" for k in (m.name, clean_name(m.surface))}
    # Documents carry their owner and year from the annotator ("National Security Strategy (Japan, 2022)"):
    # one qualifier in the corpus, and the bare name is that document; two, and they stay apart.
    qualifiers: dict[str, set[str]] = defaultdict(set)
    for _, m in mentions:
        if m.type == "organization":
            bare, q = _unqualified(name_key(m.name), place_keys)
            qualifiers[bare].add(q)
        elif m.type == "document" and (doc := QUALIFIED.match(m.name)):
            qualifiers[name_key(doc.group("base"))].add(name_key(doc.group("qualifier")))

    def thing_key(name: str) -> tuple:
        if is_acronym(name):
            known = acronym_of.get(name) or long_names.get(name, set())
            if len(known) == 1:
                return ("thing", next(iter(known)))
        key = name_key(name)
        doc = QUALIFIED.match(name)
        bare = name_key(doc.group("base")) if doc else _unqualified(key, place_keys)[0]
        return ("thing", bare if len(qualifiers.get(bare, set()) - {""}) <= 1 else key)

    clusters: dict[tuple, list[tuple[str, Mention]]] = defaultdict(list)
    for src, m in mentions:
        key = person_key(m.name) if m.type == "person" else thing_key(m.name)
        clusters[key].append((src, m))

    drafts = []
    for key, members in clusters.items():
        names = Counter(m.name for _, m in members)
        if key[0] == "thing":
            # the spelled-out form names an acronym's entity
            spelled = Counter({n: c for n, c in names.items() if not is_acronym(n)})
            name = _pick(spelled or names)
        else:
            full_names = Counter({n: c for n, c in names.items() if len(n.split()) > 1})
            name = _pick(full_names or names)
        types = Counter(m.type for _, m in members)
        etype = sorted(types, key=lambda t: (-types[t], TYPES.index(t) if t in TYPES else 99))[0]
        forms = {clean_name(m.surface) for _, m in members} | set(names)
        aliases = tuple(sorted(f for f in forms if f and f != name))
        descs = Counter(d for _, m in members if (d := _description(m)))
        desc = _pick(descs, prefer=lambda s: (len(s),)) if descs else None
        drafts.append((name, etype, key, aliases, desc, members))

    drafts.sort(key=lambda d: (d[0], d[1], d[2]))
    ids = unique_slugs([d[0] for d in drafts])
    entities = []
    entity_of: dict[tuple[str, int, int], str] = {}
    for eid, (name, etype, _, aliases, desc, members) in zip(ids, drafts):
        entities.append(Entity(id=eid, name=name, type=etype, aliases=aliases, description=desc))
        for src, m in members:
            entity_of.setdefault((src, m.block, m.start), eid)
    return tuple(entities), entity_of


def _unqualified(key: str, place_keys: set[str]) -> tuple[str, str]:
    """("department of treasury", "us") from "us department of treasury" or "department of us treasury"."""
    m = re.match(r"^(?:(?P<pre>.+?) )?(?P<head>department|ministry) of (?P<rest>.+)$", key)
    if not m:
        return key, ""
    pre, rest = m.group("pre") or "", m.group("rest")
    if pre and pre not in place_keys:
        return key, ""
    for p in sorted(place_keys, key=len, reverse=True):
        if not pre and rest.startswith(p + " "):
            return f"{m.group('head')} of {rest[len(p) + 1:]}", p
    return f"{m.group('head')} of {rest}", pre


# Group nouns after a name that still mean the named thing: "the Japanese government", "NATO members".
_GROUP_TAIL = re.compile(
    r"\s+(?:government|administration|military|forces|armed forces|members|member states|allies|navy|army|"
    r"economy|companies|firms|officials|voters|public)$", re.I)
_DEMONYM_SUFFIX = ("ese", "ian", "ish", "ean", "an", "i")


def subject_resolver(entities: Sequence[Entity]):
    """A function from a name as a text writes it ("U.S.", "America", "NATO members", "the Japanese
    government") to the merged Entity it names, or None. Uses the corpus's own merged names and aliases,
    so "U.S." / "United States" / "America" meet wherever entity merging already joined them."""
    by_key: dict[str, Entity | None] = {}
    places: list[tuple[str, Entity]] = []
    for e in entities:
        for form in (e.name, *e.aliases):
            key = name_key(form)
            # a form two entities share names neither for sure
            by_key[key] = e if by_key.get(key, e) is e else None
            if e.type == "place":
                places.append((key, e))

    def resolve(name: str | None) -> Entity | None:
        if not name:
            return None
        name = clean_name(name)
        bare = _GROUP_TAIL.sub("", name)
        for candidate in (name, bare):
            hit = by_key.get(name_key(candidate))
            if hit is not None:
                return hit
        # "Japanese" -> Japan, "British" -> Britain: a demonym is the start of one place's name.
        if len(bare.split()) == 1 and bare[:1].isupper():
            for suffix in _DEMONYM_SUFFIX:
                stem = bare[: -len(suffix)].casefold() if bare.endswith(suffix) else ""
                if len(stem) >= 4:
                    found = {e.id: e for key, e in places if key.startswith(stem)}
                    if len(found) == 1:
                        return next(iter(found.values()))
        return None

    return resolve
