"""The annotation cache: annotated articles on disk, keyed by the article and the code and knowledge behind them."""

from __future__ import annotations

import ast
import dataclasses
import hashlib
import os
import pickle
from pathlib import Path

from briefing.model import Annotated, Article

PACKAGE = Path(__file__).resolve().parent


def imported_modules(path: Path, pkg: Path = PACKAGE) -> list[Path]:
    """The files of ``pkg``'s modules that the module at ``path`` imports (absolute ``briefing.`` imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
    names: list[list[str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name.split(".") for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            base = node.module.split(".")
            names += [base] + [base + [a.name] for a in node.names]  # "from briefing import timex": a module
    out = []
    for parts in names:
        if parts[0] != pkg.name:
            continue
        mod = pkg.joinpath(*parts[1:])
        out += [p for p in (mod.with_suffix(".py"), mod / "__init__.py") if p.is_file()]
    return out


def annotation_code(pkg: Path = PACKAGE) -> list[Path]:
    """The modules whose code decides an annotation: briefing/annotate/, the executors and every briefing
    module they import (transitively), and this module (the cache format). Site, link and template code is
    not among them, so editing those keeps the cache: a rebuild after a site change annotates nothing."""
    todo = [*sorted((pkg / "annotate").rglob("*.py")), pkg / "executors.py", pkg / "model.py"]
    seen: set[Path] = {pkg / "cache.py"}
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


class AnnotationCache:
    """Pickled Annotated per article, keyed by the article's content; one folder per code+knowledge version."""

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

    def get(self, article: Article) -> Annotated | None:
        key = self.key(article)
        self.used.add(key)
        path = self.dir / f"{key}.pickle"
        try:
            with path.open("rb") as fh:
                doc = pickle.load(fh)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
            return None
        return doc if isinstance(doc, Annotated) else None

    def put(self, article: Article, doc: Annotated) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        key = self.key(article)
        tmp = self.dir / f"{key}.{os.getpid()}.tmp"
        with tmp.open("wb") as fh:
            pickle.dump(doc, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(self.dir / f"{key}.pickle")

    def prune(self) -> None:
        """Drop entries of removed or edited articles and of older versions: nothing stale stays."""
        if not self.root.is_dir():
            return
        for sub in self.root.iterdir():
            if sub.is_dir() and sub != self.dir:
                for f in sub.iterdir():
                    f.unlink(missing_ok=True)
                sub.rmdir()
        if self.dir.is_dir():
            for f in self.dir.iterdir():
                if f.suffix != ".pickle" or f.stem not in self.used:
                    f.unlink(missing_ok=True)


