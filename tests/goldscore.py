"""Scoring helpers shared by the gold tests (tests/gold/*/entities.yml): one way to check that a gold file is
well-formed and to score the annotator's entities against it, so the real-world and BBC scores mean the same."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

TYPES = {"person", "organization", "place", "document", "equipment", "event", "concept"}


def load_gold(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def text_of(doc) -> str:
    return "\n".join(b.text for b in doc.article.blocks)


def block_with(doc, fragment: str):
    """The first block whose text holds ``fragment``, or None."""
    return next((b for b in doc.article.blocks if fragment in b.text), None)


def ratio(n: int, d: int) -> str:
    return f"{n}/{d} = {n / d:.2f}" if d else "0/0"


def norm(s: str) -> str:
    """Comparison form of a name: case, apostrophe style, spacing and a leading "the" do not count (the
    annotator files "The Phantom of the Opera" and "The Law" under their names without the article)."""
    s = " ".join(s.replace("’", "'").split()).casefold()
    return s[4:] if s.startswith("the ") and len(s) > 4 else s


def check_entity_articles(articles: dict, docs: dict) -> None:
    """Every gold type is one of the model's, and every surface, junk and ignore string is in its article."""
    for name, art in articles.items():
        text = text_of(docs[name])
        names = [e["name"] for e in art["entities"]]
        assert len(names) == len(set(names)), (name, "an entity listed twice")
        for e in art["entities"]:
            assert e["type"] in TYPES, (name, e)
            for s in e["surfaces"]:
                assert s in text, (name, s)
        for s in art.get("junk", []) + art.get("ignore", []):
            assert s in text, (name, s)
        listed = {norm(s) for e in art["entities"] for s in [e["name"], *e["surfaces"]]}
        for s in art.get("junk", []):
            assert norm(s) not in listed, (name, "junk and entity at once", s)


@dataclass
class EntityScores:
    """Counts over the names the annotator found (one per canonical name and article) and over the gold."""

    n_pred: int = 0  # names found, less those the gold ignores
    matched: int = 0  # names found that are a gold entity (by name or surface)
    tp_pred: int = 0  # ... with the gold type among their types
    n_gold: int = 0
    found: int = 0  # gold entities found under some name
    typed: int = 0  # ... with the gold type
    split: int = 0  # gold entities found under several names
    n_junk: int = 0
    junk_hit: int = 0  # listed junk strings taken as an entity
    wrong: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)  # names found that are no gold entity (junk or bad span)

    def report(self, title: str) -> str:
        n_spur = self.n_pred - self.matched
        return "\n".join([
            f"\n== {title} ==",
            f"name+type precision {ratio(self.tp_pred, self.n_pred)}   recall {ratio(self.typed, self.n_gold)}   "
            f"(name only recall {ratio(self.found, self.n_gold)})",
            f"junk: names found that are no gold entity {ratio(n_spur, self.n_pred)} of names found; "
            f"listed junk strings taken {ratio(self.junk_hit, self.n_junk)}, which is "
            f"{ratio(self.junk_hit, self.n_pred)} of the names found",
            f"types right among gold names found {ratio(self.tp_pred, self.matched)}; "
            f"one gold entity under several names: {self.split}",
            "wrong type: " + "; ".join(self.wrong),
            "missed: " + "; ".join(self.misses),
            "not in gold: " + "; ".join(self.spurious),
        ])


def score_entities(articles: dict, docs: dict, tag=lambda name: name[:2]) -> EntityScores:
    """Score ``docs`` (file name -> Annotated) against the gold ``articles``; ``tag`` shortens a file name
    for the printed lists."""
    sc = EntityScores()
    for name, art in articles.items():
        ms = docs[name].mentions
        index = {}
        for e in art["entities"]:
            for key in [e["name"], *e["surfaces"]]:
                index[norm(key)] = e
        ignore = {norm(s) for s in art.get("ignore", [])}
        predicted: dict[str, set] = {}
        for m in ms:
            predicted.setdefault(m.name, set()).add(m.surface)
        found_types: dict[str, set] = {}
        names_of: dict[str, set] = {}
        for pname, surfaces in predicted.items():
            types = {m.type for m in ms if m.name == pname}
            match = next((index[k] for k in [norm(pname), *map(norm, surfaces)] if k in index), None)
            if match is None:
                if norm(pname) not in ignore and not any(norm(s) in ignore for s in surfaces):
                    sc.n_pred += 1
                    sc.spurious.append(f"{tag(name)}:{pname}[{'/'.join(sorted(types))}]")
                continue
            sc.n_pred += 1
            sc.matched += 1
            found_types.setdefault(match["name"], set()).update(types)
            names_of.setdefault(match["name"], set()).add(pname)
            if match["type"] in types:
                sc.tp_pred += 1
            else:
                sc.wrong.append(f"{tag(name)}:{pname} {'/'.join(sorted(types))}≠{match['type']}")
        for e in art["entities"]:
            sc.n_gold += 1
            if e["name"] in found_types:
                sc.found += 1
                sc.typed += e["type"] in found_types[e["name"]]
                sc.split += len(names_of[e["name"]]) > 1
            else:
                sc.misses.append(f"{tag(name)}:{e['name']}")
        surfaces = {norm(m.surface) for m in ms} | {norm(m.name) for m in ms}
        for j in art.get("junk", []):
            sc.n_junk += 1
            if norm(j) in surfaces:
                sc.junk_hit += 1
                sc.spurious.append(f"{tag(name)}:JUNK {j}")
    return sc
