"""Wires the stages: read, annotate (cached, in parallel), link. Collects problems and timings."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from briefing.annotate import Knowledge, load_knowledge
from briefing.cache import AnnotationCache, code_digest
from briefing.config import Settings
from briefing.layers import LinkCache, ReadCache, link_key
from briefing.link import Corpus, link
from briefing.model import Annotated, Article, Problem
from briefing.read.provenance import Outlets, load_outlets
from briefing.slugs import article_slug, unique_slugs

log = logging.getLogger("mkdocs.plugins.briefing")

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class Timings:
    """Seconds per stage, for `mkdocs build -v` and the benchmark."""

    stages: dict[str, float] = field(default_factory=dict)
    cached: int = 0
    annotated: int = 0
    annotated_words: int = 0  # words in the articles annotated (not cached): the bench's words per second
    reread: int = 0  # articles read again (not taken from the read cache)
    relinked: bool = True  # False when the link stage's result came from its cache
    link_key: str = ""  # digest of the link stage's inputs ("" without caches): what the site is made from

    def add(self, stage: str, seconds: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + seconds


# ---- read ------------------------------------------------------------------------------

def read_all(seeds: Path, outlets: Outlets | None = None, cache: ReadCache | None = None,
             ) -> tuple[list[Article], list[Problem]]:
    """Every readable article with a corpus-unique slug, and a Problem for every file that is not.
    With a ``cache``, files unchanged since the last build are not read again."""
    from briefing.read import ReadError, discover, read_article
    from briefing.read.article import SIDECAR_SUFFIX

    articles: list[Article] = []
    problems: list[Problem] = []
    if not seeds.is_dir():
        return [], [Problem(source=str(seeds), reason="seeds folder not found", skipped=True)]
    for path in discover(seeds):
        try:
            if cache is None:
                articles.append(read_article(path, seeds, outlets))
            else:
                source = path.relative_to(seeds).as_posix()
                articles.append(cache.read(path, source, path.with_suffix(SIDECAR_SUFFIX),
                                           lambda path=path: read_article(path, seeds, outlets)))
        except ReadError as exc:
            problems.append(Problem(source=exc.source, reason=exc.reason, skipped=True))
        except Exception as exc:  # a reader bug must not hide the other articles
            source = path.relative_to(seeds).as_posix()
            problems.append(Problem(source=source, reason=f"could not be read ({type(exc).__name__}: {exc})", skipped=True))
    # Sorted by source so that two articles of the same date and title are told apart (-2, -3) the same way
    # on every build.
    articles.sort(key=lambda a: a.source)
    slugs = unique_slugs([article_slug(a.title, a.date, a.date_precision) for a in articles])
    articles = [dataclasses.replace(a, slug=s) for a, s in zip(articles, slugs)]
    for a in articles:
        for w in a.warnings:
            problems.append(Problem(source=a.source, reason=w))
    return articles, problems


def annotation_version(knowledge: Knowledge) -> str:
    """The annotation code and the knowledge: what an annotation depends on besides its article."""
    return f"{code_digest()}-{knowledge.digest[:16]}"


# ---- annotate (cached, parallel) ----------------------------------------------------------

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

    cache = AnnotationCache(settings.cache, annotation_version(knowledge)) if settings.cache else None
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
    timings.annotated_words = sum(len(b.text.split()) for i in todo for b in articles[i].blocks)
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

def preload() -> None:
    """Load what rebuilding after an edit needs and a build with nothing changed skips: spaCy's model and
    scikit-learn (about 1.2 s). `mkdocs serve` runs this in a thread once the site is served, so the first
    edit does not wait for them."""
    from briefing.annotate.nlp import get_nlp
    from briefing.link.discovery import preload as discovery

    try:
        discovery()
        get_nlp()
    except Exception as exc:  # noqa: BLE001 - only a head start: the build that needs them reports the failure
        log.debug("briefing: preload: %s", exc)


@dataclass(frozen=True)
class Counts:
    """What a build reports of the linked corpus, kept beside the link cache so that a warm build can report
    it without decoding the corpus."""

    entities: int
    events: int
    themes: int

    @classmethod
    def of(cls, corpus: Corpus) -> Counts:
        return cls(len(corpus.entities), len(corpus.timeline), len(corpus.themes))

    @classmethod
    def read(cls, stored: object) -> Counts | None:
        """The counts a summary holds, or None for anything else."""
        names = [f.name for f in dataclasses.fields(cls)]
        if not isinstance(stored, dict) or sorted(stored) != sorted(names) or any(type(v) is not int for v in stored.values()):
            return None
        return cls(**stored)


@dataclass(frozen=True)
class Result:
    """The articles as read, every problem, and the linked corpus, decoded or made only when first asked for:
    a warm build whose pages are all cached never needs it."""

    timings: Timings
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    counts: Counts
    make: Callable[[], Corpus] = field(repr=False, compare=False)

    @cached_property
    def corpus(self) -> Corpus:
        return self.make()


def run(settings: Settings, progress: Progress | None = None) -> Result:
    """Read, annotate and link every article under settings.seeds."""
    timings = Timings()
    t0 = time.perf_counter()
    knowledge = load_knowledge(settings.knowledge)
    outlets_file = settings.knowledge / "outlets.yml"
    layers = settings.cache.parent / "briefing-layers" if settings.cache else None
    read_cache = ReadCache(layers / "read.json", outlets_file) if layers else None
    articles, problems = read_all(settings.seeds, load_outlets(outlets_file), read_cache)
    if read_cache:
        read_cache.save()
        timings.reread = len(articles) - read_cache.reused
    timings.add("read", time.perf_counter() - t0)
    if layers and settings.cache:  # (layers is there exactly when the cache is)
        # Nothing changed since a build that linked these very annotations: every article's annotation entry is
        # as that build left it (a failed article has none; a damaged entry has another size or time, and is
        # then read, warned of and annotated again) and the link cache holds their corpus. Neither is decoded here.
        version = annotation_version(knowledge)
        annotations = AnnotationCache(settings.cache, version)
        key = _link_key(articles, version, knowledge, problems, settings)
        link_cache = LinkCache(layers / "link.json")
        stored = link_cache.summary(key) or {}
        counts = Counts.read(stored.get("counts"))
        if counts and stored.get("entries") == _entries_stamp(annotations, articles):
            timings.cached, timings.relinked, timings.link_key = len(articles), False, key
            return Result(timings, tuple(articles), tuple(problems), counts,
                          lambda: link_cache.get(key, problems, settings.today)
                          or _annotate_and_link(articles, problems, knowledge, settings, timings, progress))
    corpus = _annotate_and_link(articles, problems, knowledge, settings, timings, progress)
    return Result(timings, tuple(articles), corpus.problems, Counts.of(corpus), lambda: corpus)


def _link_key(articles: Sequence[Article], version: str, knowledge: Knowledge, problems: Sequence[Problem],
              settings: Settings) -> str:
    # Each annotation is named by its cache key (the article; the code and knowledge are the version).
    return link_key([AnnotationCache.key(a) for a in articles], version, knowledge.themes, problems, settings.today)


def _entries_stamp(cache: AnnotationCache, articles: Sequence[Article]) -> str | None:
    """Digest of the name, size and modification time of every article's annotation entry; None if one is missing."""
    h = hashlib.sha256()
    for a in articles:
        try:
            st = cache.path(a).stat()
        except OSError:
            return None
        h.update(f"{cache.key(a)} {st.st_size} {st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _annotate_and_link(articles: list[Article], problems: list[Problem], knowledge: Knowledge, settings: Settings,
                       timings: Timings, progress: Progress | None) -> Corpus:
    layers = settings.cache.parent / "briefing-layers" if settings.cache else None
    t0 = time.perf_counter()
    docs, annotate_problems = annotate_all(articles, knowledge, settings, timings, progress)
    problems = [*problems, *annotate_problems]
    timings.add("annotate", time.perf_counter() - t0)

    t0 = time.perf_counter()
    corpus = None
    version = annotation_version(knowledge) if layers else ""
    if layers:
        key = _link_key(articles, version, knowledge, problems, settings)
        link_cache = LinkCache(layers / "link.json")
        corpus = link_cache.get(key, problems, settings.today)
        timings.relinked = corpus is None
        timings.link_key = key
    if corpus is None:
        corpus = link(docs, knowledge.themes, problems, settings.today)
    if layers and settings.cache:
        annotations = AnnotationCache(settings.cache, version)
        summary = {"counts": dataclasses.asdict(Counts.of(corpus)), "entries": _entries_stamp(annotations, articles)}
        if timings.relinked:
            link_cache.put(key, corpus, summary)
        elif link_cache.summary(key) != summary:  # an entry rewritten with the same annotation (say, after damage)
            link_cache.put_summary(key, summary)  # the next build with nothing changed can skip decoding again
    timings.add("link", time.perf_counter() - t0)
    return corpus
