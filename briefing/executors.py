"""Where annotation runs: in this process, in local worker processes, or on a Dask cluster.

Every executor has one method, ``annotate(articles) -> iterator of (index, Annotated, error)``,
yielding each article as soon as it is done (in any order). The caller owns the cache: executors
only annotate, so a remote worker never needs the project folder, only the knowledge it is sent.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Protocol

from briefing.annotate import Knowledge, annotate, load_knowledge
from briefing.config import EXECUTORS
from briefing.model import Annotated, Article

Outcome = tuple[int, Annotated, "str | None"]  # (index in the input, annotated article, error or None)



class ExecutorError(Exception):
    """The executor cannot run (dask missing, scheduler unreachable): reported without a traceback."""


class Executor(Protocol):
    def annotate(self, articles: Sequence[Article]) -> Iterator[Outcome]: ...


def annotate_safely(article: Article, knowledge: Knowledge) -> tuple[Annotated, str | None]:
    """Annotate; an annotator failure keeps the article (text only) and reports why."""
    try:
        return annotate(article, knowledge), None
    except Exception as exc:  # one article must never stop the build
        return Annotated(article=article), f"annotation failed ({type(exc).__name__}: {exc}); shown without annotations"


def annotate_batch(articles: Sequence[Article], knowledge: Knowledge) -> list[tuple[Annotated, str | None]]:
    """A batch in one call: one task per batch keeps scheduling overhead small next to spaCy's work."""
    return [annotate_safely(a, knowledge) for a in articles]


def batches(n: int, workers: int, most: int = 16) -> list[range]:
    """Index ranges: several per worker so the last ones finish together, at most ``most`` long."""
    size = max(1, min(most, n // max(1, workers * 8)))
    return [range(i, min(n, i + size)) for i in range(0, n, size)]


# ---- in this process ------------------------------------------------------------------------

class SerialExecutor:
    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge

    def annotate(self, articles: Sequence[Article]) -> Iterator[Outcome]:
        for i, article in enumerate(articles):
            yield (i, *annotate_safely(article, self.knowledge))


# ---- local worker processes -------------------------------------------------------------------

_WORKER_KNOWLEDGE: Knowledge | None = None


def _init_worker(knowledge_dir: str) -> None:
    """Once per worker process: parse knowledge/ and load spaCy, not once per article."""
    global _WORKER_KNOWLEDGE
    _WORKER_KNOWLEDGE = load_knowledge(Path(knowledge_dir))
    from briefing.annotate.nlp import get_nlp

    get_nlp()


def _annotate_in_worker(articles: Sequence[Article]) -> list[tuple[Annotated, str | None]]:
    assert _WORKER_KNOWLEDGE is not None
    return annotate_batch(articles, _WORKER_KNOWLEDGE)


class ProcessExecutor:
    """A pool of local processes, one per core by default; the default executor."""

    def __init__(self, knowledge: Knowledge, knowledge_dir: Path, workers: int):
        self.knowledge = knowledge
        self.knowledge_dir = knowledge_dir
        self.workers = workers

    def annotate(self, articles: Sequence[Article]) -> Iterator[Outcome]:
        # Starting a worker and loading spaCy costs about a second: not worth it for a handful of articles.
        if self.workers <= 1 or len(articles) < 8 * self.workers:
            yield from SerialExecutor(self.knowledge).annotate(articles)
            return
        parts = batches(len(articles), self.workers)
        with ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker,
                                 initargs=(str(self.knowledge_dir),)) as pool:
            results = pool.map(_annotate_in_worker, [[articles[i] for i in r] for r in parts])
            for r, done in zip(parts, results):
                for i, (doc, err) in zip(r, done):
                    yield i, doc, err


# ---- a Dask distributed cluster ---------------------------------------------------------------

class DaskExecutor:
    """Annotation on a Dask cluster at ``scheduler`` (tcp://host:8786), or on a local one when None.

    The knowledge is sent to the workers once; each task is a batch of articles. Workers need the
    same briefing code and spaCy model installed (see docs/scaling.md)."""

    def __init__(self, knowledge: Knowledge, scheduler: str | None = None, client=None, timeout: str = "20s"):
        self.knowledge = knowledge
        self.scheduler = scheduler
        self.timeout = timeout
        self.client = client  # an existing distributed.Client (tests), else one is made per run

    def _connect(self):
        try:
            from distributed import Client
        except ImportError:
            raise ExecutorError("--executor dask needs dask and distributed: pip install -r requirements-dask.txt") from None
        try:
            if self.scheduler:
                return Client(self.scheduler, timeout=self.timeout)
            return Client(processes=True, n_workers=os.cpu_count() or 1, threads_per_worker=1)
        except (OSError, TimeoutError) as exc:
            raise ExecutorError(f"cannot reach the Dask scheduler {self.scheduler!r}: {exc}") from None

    def annotate(self, articles: Sequence[Article]) -> Iterator[Outcome]:
        if not articles:
            return
        client = self.client or self._connect()
        try:
            from distributed import as_completed

            workers = max(1, len(client.scheduler_info().get("workers", {})))
            knowledge = client.scatter(self.knowledge, broadcast=True)
            parts = batches(len(articles), workers)
            futures = {client.submit(annotate_batch, [articles[i] for i in r], knowledge, pure=False): r
                       for r in parts}
            for fut in as_completed(futures):
                for i, (doc, err) in zip(futures[fut], fut.result()):
                    yield i, doc, err
        finally:
            if self.client is None:
                client.close()


def make_executor(name: str, knowledge: Knowledge, knowledge_dir: Path, workers: int,
                  scheduler: str | None = None) -> Executor:
    """The executor called ``name`` ("local" or "dask"); raises ExecutorError for an unknown one."""
    if name == "local":
        return ProcessExecutor(knowledge, knowledge_dir, workers)
    if name == "dask":
        return DaskExecutor(knowledge, scheduler)
    raise ExecutorError(f"unknown executor {name!r}: choose one of {', '.join(EXECUTORS)}")
