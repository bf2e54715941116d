"""The read and link layers of an incremental build, each reused when what it depends on is unchanged.

- **read**: an article file whose path, size and mtime (and its sidecar's) are those of the last build is not
  read again; one whose stat changed but whose bytes did not (``Article.digest``) is not parsed again either.
- **link**: the linked corpus is reused when the digest of its inputs is unchanged: every annotation (each is
  named by its annotation-cache key: the article, the annotation code and the knowledge), the themes, the
  problems, the build date and the link code.

Both are single versioned JSON files (briefing.codec), written to a temporary file and renamed, so a killed
build leaves the old file or the new one, never half of one; a file that cannot be read as ours is a miss
with one warning line.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from briefing.cache import PACKAGE, transitive
from briefing.codec import CodecError, from_json, to_json, write_atomic
from briefing.link import Corpus, EntityMention, FigureFact, GlossaryTerm, ThemeParagraph, TimelineEntry
from briefing.model import Annotated, Article, Entity, Problem, Theme

log = logging.getLogger("mkdocs.plugins.briefing")

VERSION = 1


def code_digest(*roots: str) -> str:
    """Hash of the modules under ``roots`` (folders or files of the package) and all they import."""
    start: list[Path] = []
    for r in roots:
        p = PACKAGE / r
        start += sorted(p.rglob("*.py")) if p.is_dir() else [p]
    h = hashlib.sha256()
    for path in transitive(start):
        h.update(path.relative_to(PACKAGE).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _load(path: Path, cls: Any, what: str) -> Any | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        return from_json(raw, cls)
    except CodecError as exc:
        log.warning("briefing: %s cache %s is not used: %s; rebuilding it", what, path, exc)
        path.unlink(missing_ok=True)
        return None


def _store(path: Path, obj: Any, cls: Any, what: str, key: str | None = None, summary: Any = None) -> None:
    try:
        write_atomic(path, to_json(obj, cls))
        if key is not None:
            _write_key(path, key, summary)
    except (OSError, TypeError, ValueError) as exc:
        log.warning("briefing: %s cache not written: %s", what, exc)


def _write_key(path: Path, key: str, summary: Any = None) -> None:
    """The side file: the key on the first line; a small JSON summary of the entry may follow."""
    write_atomic(_key_file(path), "\n".join([key, *([json.dumps(summary)] if summary is not None else [])]).encode())


def _key_file(path: Path) -> Path:
    return path.with_name(path.name + ".key")


def _side(path: Path, key: str) -> str | None:
    """What follows the key in the small side file of the cache at ``path`` ("" if nothing does), or None
    when the cache was not stored under ``key``: after an edit the whole corpus (megabytes of JSON) need not
    be decoded only to find its key stale. The file's own key is still checked on a match, so a side file
    left from another build can cost a load, never a wrong hit."""
    try:
        first, _, rest = _key_file(path).read_bytes().decode("utf-8").partition("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return rest if first == key else None


def _may_hold(path: Path, key: str) -> bool:
    return _side(path, key) is not None


# ---- read ------------------------------------------------------------------------------------------

Stat = tuple[int, int]  # (size, mtime in ns); (-1, 0) for a missing sidecar


@dataclass(frozen=True)
class ReadEntry:
    source: str
    stat: Stat
    sidecar: Stat
    article: Article  # as read_article returned it (before the corpus makes slugs unique)


@dataclass(frozen=True)
class ReadState:
    format: str
    version: int
    key: str
    entries: tuple[ReadEntry, ...]


def _stat(path: Path) -> Stat:
    try:
        st = path.stat()
    except OSError:
        return (-1, 0)
    return (st.st_size, st.st_mtime_ns)


class ReadCache:
    """Articles as last read, by source; ``key`` covers the read code and the outlets file."""

    def __init__(self, path: Path, outlets_file: Path):
        outlets = outlets_file.read_bytes() if outlets_file.is_file() else b""
        self.path = path
        self.key = f"{code_digest('read', 'executors.py', 'model.py')}-{hashlib.sha256(outlets).hexdigest()[:16]}"
        state = _load(path, ReadState, "read")
        self.old: dict[str, ReadEntry] = {}
        if state is not None and state.format == "briefing-read" and state.version == VERSION and state.key == self.key:
            self.old = {e.source: e for e in state.entries}
        self.new: dict[str, ReadEntry] = {}
        self.reused = 0

    def read(self, path: Path, source: str, sidecar: Path, reader: Callable[[], Article]) -> Article:
        """The article at ``path``: the cached one when its stat, or else its bytes, are unchanged."""
        stat, side = _stat(path), _stat(sidecar)
        old = self.old.get(source)
        article = None
        if old is not None:
            if (old.stat, old.sidecar) == (stat, side):
                article = old.article
            else:  # touched, perhaps not changed: the bytes decide
                try:
                    data = path.read_bytes() + (sidecar.read_bytes() if side[0] >= 0 else b"")
                except OSError:
                    data = None
                if data is not None and hashlib.sha256(data).hexdigest() == old.article.digest:
                    article = old.article
        if article is None:
            article = reader()
        else:
            self.reused += 1
        self.new[source] = ReadEntry(source, stat, side, article)
        return article

    def save(self) -> None:
        if self.new.keys() == self.old.keys() and all(self.new[k] == self.old[k] for k in self.new):
            return
        entries = tuple(self.new[k] for k in sorted(self.new))
        _store(self.path, ReadState("briefing-read", VERSION, self.key, entries), ReadState, "read")


# ---- link ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Linked:
    """A Corpus as JSON can hold it: the mappings with tuple keys as rows, and no input repeated."""

    format: str
    version: int
    key: str
    docs: tuple[Annotated, ...]
    entities: tuple[Entity, ...]
    entity_of: tuple[tuple[str, int, int, str], ...]
    entity_mentions: dict[str, tuple[EntityMention, ...]]
    cooccurs: dict[str, tuple[tuple[str, int], ...]]
    timeline: tuple[TimelineEntry, ...]
    themes: tuple[Theme, ...]
    theme_paragraphs: dict[str, tuple[ThemeParagraph, ...]]
    glossary: tuple[GlossaryTerm, ...]
    figure_facts: tuple[FigureFact, ...]
    related: dict[str, tuple[str, ...]]


def link_key(annotation_keys: Sequence[str], annotation_version: str, themes: Sequence[Theme],
             problems: Sequence[Problem], today: Any) -> str:
    """Digest of everything the link stage reads, and of the code that reads it."""
    try:
        sklearn = metadata.version("scikit-learn")  # theme discovery's NMF
    except metadata.PackageNotFoundError:
        sklearn = ""
    parts = [VERSION, annotation_version, code_digest("link", "layers.py"), sklearn, list(annotation_keys),
             to_json(tuple(themes), tuple[Theme, ...]), [str(p) for p in problems], str(today)]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


class LinkCache:
    def __init__(self, path: Path):
        self.path = path

    def get(self, key: str, problems: Sequence[Problem], today: Any) -> Corpus | None:
        stored = _load(self.path, Linked, "link") if _may_hold(self.path, key) else None
        if stored is None or stored.format != "briefing-link" or stored.version != VERSION or stored.key != key:
            return None
        return Corpus(
            docs=stored.docs, entities=stored.entities,
            entity_of={(s, b, o): e for s, b, o, e in stored.entity_of},
            entity_mentions=stored.entity_mentions, cooccurs=stored.cooccurs, timeline=stored.timeline,
            themes=stored.themes, theme_paragraphs=stored.theme_paragraphs, glossary=stored.glossary,
            figure_facts=stored.figure_facts, related=stored.related, problems=tuple(problems), today=today,
            by_source={d.article.source: d for d in stored.docs},
        )

    def summary(self, key: str) -> dict[str, Any] | None:
        """The summary stored with the corpus of ``key`` (what a build reports of it), without decoding the
        corpus; None when there is none for that key."""
        try:
            summary = json.loads(_side(self.path, key) or "null")
        except ValueError:
            return None
        return summary if isinstance(summary, dict) and self.path.is_file() else None

    def put_summary(self, key: str, summary: dict[str, Any]) -> None:
        """A new summary beside the corpus stored under ``key``, the corpus left as it is."""
        try:
            _write_key(self.path, key, summary)
        except OSError as exc:
            log.warning("briefing: link cache summary not written: %s", exc)

    def put(self, key: str, c: Corpus, summary: dict[str, Any] | None = None) -> None:
        linked = Linked(
            "briefing-link", VERSION, key, c.docs, c.entities,
            tuple((s, b, o, e) for (s, b, o), e in c.entity_of.items()), dict(c.entity_mentions),
            dict(c.cooccurs), c.timeline, c.themes, dict(c.theme_paragraphs), c.glossary, c.figure_facts,
            dict(c.related))
        _store(self.path, linked, Linked, "link", key, summary)


# ---- render (a whole site unchanged) -----------------------------------------------------------------

@dataclass(frozen=True)
class RenderedSite:
    format: str
    version: int
    key: str
    files: dict[str, str]


class SiteCache:
    """Every generated file of the last build, reused whole when the linked corpus, the templates, the site
    code and the site's settings are all unchanged (a warm rebuild renders nothing)."""

    def __init__(self, path: Path, key: str):
        self.path, self.key = path, key

    def get(self) -> dict[str, str] | None:
        stored = _load(self.path, RenderedSite, "render") if _may_hold(self.path, self.key) else None
        if stored is None or stored.format != "briefing-site" or stored.version != VERSION or stored.key != self.key:
            return None
        return stored.files

    def put(self, files: dict[str, str]) -> None:
        _store(self.path, RenderedSite("briefing-site", VERSION, self.key, files), RenderedSite, "render", self.key)
