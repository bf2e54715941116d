"""The annotation cache: annotated articles on disk, keyed by the article and the code and knowledge behind them."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import re
import shutil
from pathlib import Path

from briefing.codec import CodecError, from_data, to_data, write_atomic
from briefing.model import Annotated, Article

log = logging.getLogger("mkdocs.plugins.briefing")

FORMAT = "briefing-annotation"  # what every entry says it is; VERSION changes when the layout does
VERSION = 1
SUFFIX = ".json"

PACKAGE = Path(__file__).resolve().parent


# An import statement of the package at the start of a line: ``import briefing.x[, …]`` or ``from briefing[.x]
# import a, b`` (names in parentheses may span lines). Read with a pattern, not parsed: ``ast.parse`` of every
# module costs a third of a second on each build. A match inside a string can only widen the digest.
_IMPORT = re.compile(r"^[ \t]*(?:import[ \t]+([^\n#;]+)|from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]+))", re.M)


def imported_modules(path: Path, pkg: Path = PACKAGE) -> list[Path]:
    """The files of ``pkg``'s modules that the module at ``path`` imports (absolute ``briefing.`` imports)."""
    names: list[list[str]] = []
    for plain, module, imported in _IMPORT.findall(path.read_text(encoding="utf-8", errors="replace")):
        if plain:
            names += [part.split()[0].split(".") for part in plain.split(",") if part.strip()]
        else:
            base = module.split(".")
            members = imported.strip("()").replace("\\", " ").split(",")
            names += [base] + [base + [m.split()[0]] for m in members if m.split()]  # "from briefing import timex"
    out = []
    for parts in names:
        if parts[0] != pkg.name:
            continue
        mod = pkg.joinpath(*parts[1:])
        out += [p for p in (mod.with_suffix(".py"), mod / "__init__.py") if p.is_file()]
    return out


def annotation_code(pkg: Path = PACKAGE) -> list[Path]:
    """The modules whose code decides an annotation: briefing/annotate/, the executors and every briefing
    module they import (transitively), and this module and the codec (the cache format). Site, link and
    template code is not among them, so editing those keeps the cache: a rebuild after a site change annotates
    nothing."""
    return transitive([*sorted((pkg / "annotate").rglob("*.py")), pkg / "executors.py", pkg / "model.py",
                       pkg / "cache.py", pkg / "codec.py"], pkg)


_CLOSURES: dict[tuple, list[Path]] = {}


def transitive(start: list[Path], pkg: Path = PACKAGE) -> list[Path]:
    """The modules in ``start`` and every module of ``pkg`` they import, directly or not (worked out once per
    process for the same files as they are on disk)."""
    stamp = tuple((p, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(pkg.rglob("*.py")))
    key = (tuple(start), pkg, stamp)
    if key not in _CLOSURES:
        _CLOSURES[key] = _transitive(start, pkg)
    return _CLOSURES[key]


def _transitive(start: list[Path], pkg: Path) -> list[Path]:
    todo = list(start)
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        todo += imported_modules(path, pkg)
    return sorted(seen)


def code_digest() -> str:
    """Hash of the annotation code: changing it invalidates every cached annotation."""
    h = hashlib.sha256()
    for path in annotation_code(PACKAGE):
        h.update(path.relative_to(PACKAGE).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def dump(doc: Annotated) -> bytes:
    """An entry: UTF-8 JSON with the format and its version around the annotated article."""
    entry = {"format": FORMAT, "version": VERSION, "annotated": to_data(doc, Annotated)}
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate in the text: escaped, it reads back the same
        return json.dumps(entry, separators=(",", ":"), allow_nan=False).encode("ascii")


def load(raw: bytes, article: Article) -> Annotated:
    """The entry in ``raw`` if it is one of ours, of this version, for ``article``; else CodecError saying why.
    Nothing in it is imported or called: JSON becomes only the model's dataclasses, strings and numbers."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:  # not UTF-8, not JSON, nested too deep
        raise CodecError(f"not JSON ({type(exc).__name__})") from None
    if type(data) is not dict or data.get("format") != FORMAT:
        raise CodecError("not a briefing cache entry")
    if data.get("version") != VERSION or data.keys() != {"format", "version", "annotated"}:
        raise CodecError(f"format version {data.get('version')!r}, not {VERSION}")
    try:
        doc = from_data(data["annotated"], Annotated)
    except RecursionError:
        raise CodecError("nested too deeply") from None
    if doc.article != article:
        raise CodecError("the entry is for another article")
    return doc


class AnnotationCache:
    """Annotated per article as JSON (briefing.codec), keyed by the article's content; one folder per
    code+knowledge version. An entry that cannot be read as exactly that is a miss, with a warning."""

    def __init__(self, root: Path, version: str):
        self.dir = root / version
        self.root = root
        self.used: set[str] = set()

    @staticmethod
    def key(article: Article) -> str:
        # The article itself (after reading) is the input: its fields cover text, metadata and slug. Sets are
        # sorted: a frozenset's repr follows the string hash order, which changes from one process to the next.
        fields = [(f.name, getattr(article, f.name)) for f in dataclasses.fields(article)]
        canonical = [(k, sorted(v) if isinstance(v, (set, frozenset)) else v) for k, v in fields]
        return hashlib.sha256(repr(canonical).encode()).hexdigest()[:32]

    def path(self, article: Article) -> Path:
        """Where ``article``'s entry is kept."""
        return self.dir / f"{self.key(article)}{SUFFIX}"

    def get(self, article: Article) -> Annotated | None:
        key = self.key(article)
        self.used.add(key)
        path = self.dir / f"{key}{SUFFIX}"
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            return self._miss(path, article, f"cannot be read ({type(exc).__name__})")
        try:
            return load(raw, article)
        except CodecError as exc:
            return self._miss(path, article, str(exc) if raw else "empty")

    def _miss(self, path: Path, article: Article, reason: str) -> None:
        """One warning line for an entry that is there but unusable; it is dropped and annotated again."""
        log.warning("briefing: cache entry %s (%s) is not used: %s; annotating again", path, article.source, reason)
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass
        return None

    def put(self, article: Article, doc: Annotated) -> None:
        """Write the entry to a temporary file and rename it: a build killed halfway leaves no entry, only a
        temporary file that nothing reads and the next prune removes."""
        key = self.key(article)
        try:
            raw = dump(doc)
        except (TypeError, ValueError) as exc:  # a value the model's hints do not describe: a bug, not fatal
            log.warning("briefing: %s is not cached: %s", article.source, exc)
            return
        try:
            write_atomic(self.dir / f"{key}{SUFFIX}", raw)
        except OSError as exc:
            log.warning("briefing: %s is not cached: %s", article.source, exc)

    def prune(self) -> None:
        """Drop entries of removed or edited articles, of older versions and formats (such as the pickles
        earlier versions wrote), and leftover temporary files: nothing stale stays."""
        if not self.root.is_dir():
            return
        for sub in self.root.iterdir():
            if sub.is_dir() and sub != self.dir:
                shutil.rmtree(sub, ignore_errors=True)  # a symbolic link is left alone, not followed
        if self.dir.is_dir():
            for f in self.dir.iterdir():
                if f.suffix != SUFFIX or f.stem not in self.used or not f.is_file():
                    if f.is_dir() and not f.is_symlink():
                        shutil.rmtree(f, ignore_errors=True)
                    else:
                        f.unlink(missing_ok=True)
