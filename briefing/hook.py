"""The thin adapter between MkDocs and the pipeline: generated pages become virtual files."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from briefing import pipeline
from briefing.knowledge import KnowledgeError
from briefing.render import Site, exports

log = logging.getLogger("mkdocs.plugins.briefing")


def generate(root: Path) -> tuple[dict[str, str], pipeline.Result]:
    """Run the pipeline for the project at ``root`` and render every page and export."""
    settings = pipeline.settings_for(root)
    result = pipeline.run(settings)
    t0 = time.perf_counter()
    files = Site(result.corpus, settings.templates).pages()
    files.update(exports(result.corpus))
    result.timings.add("render", time.perf_counter() - t0)
    return files, result


def report(result: pipeline.Result) -> None:
    """Each problem once, naming the file: warnings make `mkdocs build --strict` fail with the list."""
    corpus = result.corpus
    for p in corpus.problems:
        log.warning("%s: %s%s", p.source, p.reason, " (skipped)" if p.skipped else "")
    for doc in corpus.docs:
        for note in doc.article.notes:
            log.info("%s: %s", doc.article.source, note)
    t = result.timings
    log.info(
        "briefing: %d articles (%d annotated, %d from cache), %d entities, %d events, %d themes, %d problems",
        len(corpus.docs), t.annotated, t.cached, len(corpus.entities), len(corpus.timeline),
        len(corpus.themes), len(corpus.problems),
    )
    log.debug("briefing stage timings: %s", ", ".join(f"{k} {v:.2f}s" for k, v in t.stages.items()))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    try:
        generated, result = generate(root)
    except KnowledgeError as exc:
        raise PluginError(f"briefing: {exc}") from None
    except jinja2.TemplateError as exc:  # templates/ is user-editable: name the file and line
        where = f"{getattr(exc, 'filename', None) or getattr(exc, 'name', None) or 'templates'}"
        line = getattr(exc, "lineno", None)
        raise PluginError(f"briefing: template error in {where}{f':{line}' if line else ''}: {exc}") from None
    report(result)
    for uri, content in sorted(generated.items()):
        existing = files.get_file_from_path(uri)
        if existing is not None:
            log.warning("briefing: docs/%s is replaced by the generated page of the same name", uri)
            files.remove(existing)
        files.append(File.generated(config, uri, content=content))
    return files
