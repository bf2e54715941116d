"""Wires the stages: read, annotate (cached, in parallel), link. Collects problems and timings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import os
import pickle
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing import paths
from briefing.annotate import Knowledge, load_knowledge
from briefing.link import Corpus, link
from briefing.model import Annotated, Article, Problem

log = logging.getLogger("mkdocs.plugins.briefing")

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass(frozen=True)
class Settings:
    root: Path  # the project folder (where mkdocs.yml is)
    seeds: Path
    knowledge: Path
    templates: Path
    cache: Path | None  # None disables the annotation cache
    workers: int
    today: dt.date  # the build date: what is "ahead" on the timeline
    executor: str = "local"  # where annotation runs: briefing.executors.EXECUTORS
    scheduler: str | None = None  # the Dask scheduler address for executor "dask"


def build_date() -> dt.date:
    """The build date, fixed by SOURCE_DATE_EPOCH for reproducible builds, else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.datetime.now(dt.timezone.utc).date()


def settings_for(root: Path, seeds: Path | None = None, cache: bool = True, workers: int | None = None) -> Settings:
    """Settings for the project at ``root``; BRIEFING_WORKERS, BRIEFING_EXECUTOR and BRIEFING_SCHEDULER
    from the environment (the MkDocs hook has no other way to receive options)."""
    root = root.resolve()
    env_workers = os.environ.get("BRIEFING_WORKERS", "")
    return Settings(
        root=root,
        seeds=(seeds or root / "seeds").resolve(),
        knowledge=root / "knowledge",
        templates=root / "templates",
        cache=root / ".cache" / "briefing" if cache else None,
        workers=workers or (int(env_workers) if env_workers.isdigit() else min(2, os.cpu_count() or 1)),
        today=build_date(),
        executor=os.environ.get("BRIEFING_EXECUTOR", "").strip() or "local",
        scheduler=os.environ.get("BRIEFING_SCHEDULER", "").strip() or None,
    )


@dataclass
class Timings:
    """Seconds per stage, for `mkdocs build -v` and the benchmark."""

    stages: dict[str, float] = field(default_factory=dict)
    cached: int = 0
    annotated: int = 0

    def add(self, stage: str, seconds: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + seconds


# ---- read ------------------------------------------------------------------------------

def read_all(seeds: Path) -> tuple[list[Article], list[Problem]]:
    """Every readable article with a corpus-unique slug, and a Problem for every file that is not."""
    from briefing.read import ReadError, discover, read_article

    articles: list[Article] = []
    problems: list[Problem] = []
    if not seeds.is_dir():
        return [], [Problem(source=str(seeds), reason="seeds folder not found", skipped=True)]
    for path in discover(seeds):
        try:
            articles.append(read_article(path, seeds))
        except ReadError as exc:
            problems.append(Problem(source=exc.source, reason=exc.reason, skipped=True))
        except Exception as exc:  # a reader bug must not hide the other articles
            source = path.relative_to(seeds).as_posix()
            problems.append(Problem(source=source, reason=f"could not be read ({type(exc).__name__}: {exc})", skipped=True))
    articles.sort(key=lambda a: a.source)
    slugs = paths.unique_slugs([a.slug for a in articles])
    articles = [dataclasses.replace(a, slug=s) for a, s in zip(articles, slugs)]
    for a in articles:
        for w in a.warnings:
            problems.append(Problem(source=a.source, reason=w))
    return articles, problems


# ---- annotate (cached, parallel) ----------------------------------------------------------

_IMPORT = re.compile(r"^\s*(?:from\s+briefing(?:\.([\w.]+))?\s+import\s+([\w, ()]+)|import\s+briefing\.([\w.]+))", re.M)


def annotation_code(pkg: Path | None = None) -> list[Path]:
    """The modules whose code decides an annotation: briefing/annotate/, the executors and every briefing
    module they import (transitively), and this module (the cache format). Render, link and template code is not among them,
    so editing those keeps the cache: a rebuild after a render change annotates nothing."""
    pkg = pkg or Path(__file__).parent
    todo = [*sorted((pkg / "annotate").rglob("*.py")), pkg / "executors.py", pkg / "model.py"]
    seen: set[Path] = {pkg / "pipeline.py"}  # the cache itself; what it imports (read, link) is not annotation
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        for dotted, names, plain in _IMPORT.findall(path.read_text(encoding="utf-8", errors="replace")):
            base = (dotted or plain).split(".") if (dotted or plain) else []
            candidates = [base] + [base + [n.strip()] for n in names.strip("()").split(",") if n.strip()]
            for parts in candidates:
                mod = pkg.joinpath(*parts) if parts else pkg
                todo += [mod.with_suffix(".py"), mod / "__init__.py"]
    return sorted(seen)


def code_digest() -> str:
    """Hash of the annotation code: changing it invalidates every cached annotation."""
    h = hashlib.sha256()
    pkg = Path(__file__).parent
    for path in annotation_code(pkg):
        h.update(path.relative_to(pkg).as_posix().encode())
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


def annotate_all(
    articles: Sequence[Article],
    knowledge: Knowledge,
    settings: Settings,
    timings: Timings,
    progress: Progress | None = None,
) -> tuple[list[Annotated], list[Problem]]:
    """Every article annotated: from the cache where it holds the article, else by the executor.
    The cache is read and written here only, so remote workers never touch it."""
    from briefing.executors import make_executor

    cache = AnnotationCache(settings.cache, f"{code_digest()}-{knowledge.digest[:16]}") if settings.cache else None
    results: dict[int, Annotated] = {}
    todo: list[int] = []
    for i, article in enumerate(articles):
        hit = cache.get(article) if cache else None
        if hit is not None:
            results[i] = hit
        else:
            todo.append(i)
    timings.cached = len(results)
    timings.annotated = len(todo)
    problems: list[Problem] = []
    done = len(results)
    if progress:
        progress("annotate", done, len(articles))
    if todo:
        executor = make_executor(settings.executor, knowledge, settings.knowledge, settings.workers, settings.scheduler)
        for j, doc, error in executor.annotate([articles[i] for i in todo]):
            i = todo[j]
            results[i] = doc
            if error:
                problems.append(Problem(source=articles[i].source, reason=error))
            elif cache:
                cache.put(articles[i], doc)
            done += 1
            if progress:
                progress("annotate", done, len(articles))
    if cache:
        cache.prune()
    problems.sort(key=lambda p: p.source)  # executors may finish in any order
    return [results[i] for i in range(len(articles))], problems


# ---- the whole pipeline -------------------------------------------------------------------

@dataclass(frozen=True)
class Result:
    corpus: Corpus
    timings: Timings


def run(settings: Settings, progress: Progress | None = None) -> Result:
    """Read, annotate and link every article under settings.seeds."""
    timings = Timings()
    t0 = time.perf_counter()
    knowledge = load_knowledge(settings.knowledge)
    articles, problems = read_all(settings.seeds)
    timings.add("read", time.perf_counter() - t0)

    t0 = time.perf_counter()
    docs, annotate_problems = annotate_all(articles, knowledge, settings, timings, progress)
    problems.extend(annotate_problems)
    timings.add("annotate", time.perf_counter() - t0)

    t0 = time.perf_counter()
    corpus = link(docs, knowledge.themes, problems, settings.today)
    timings.add("link", time.perf_counter() - t0)
    return Result(corpus=corpus, timings=timings)
