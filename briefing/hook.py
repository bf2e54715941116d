"""The thin adapter between MkDocs and the pipeline: generated pages become virtual files."""

from __future__ import annotations

import hashlib
import html
import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from markdown.util import BLOCK_LEVEL_ELEMENTS, ETX, STX
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from briefing import pipeline
from briefing.executors import ExecutorError
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
    except (KnowledgeError, ExecutorError) as exc:
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


# ---- raw HTML passes Markdown by ------------------------------------------------------------
# Generated pages are mostly raw HTML blocks (escaped article text, listings, charts), one per line.
# Python-Markdown and MkDocs would parse each twice with an HTML parser only to copy it out unchanged:
# most of the build's time at thousands of articles. So each such block is swapped for a short
# placeholder before Markdown runs and put back afterwards; Markdown parses only the skeleton
# (headings, which the TOC needs, and any Markdown a template writes).

_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9]*)[\s>]")
_ANCHOR = re.compile(r"<[^>]*?\s(?:id|name)=\"([^\"]*)\"")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Stash:
    token: str  # unique to the page's Markdown, so no text on the page can forge a placeholder
    blocks: tuple[str, ...]


def _opens_raw(line: str) -> bool:
    """Where Markdown starts a raw HTML block: a block-level tag, a comment or a declaration at a line start."""
    m = _START_TAG.match(line.lstrip(" "))
    return line.lstrip(" ").startswith(("<!", "<?")) or bool(m and m.group(1).lower() in BLOCK_LEVEL_ELEMENTS)


def _whole_element(line: str) -> bool:
    """A block-level element opened at the start of the line and closed at its end."""
    m = _START_TAG.match(line)
    return bool(m) and m.group(1).lower() in BLOCK_LEVEL_ELEMENTS and line.endswith(f"</{m.group(1)}>")


def _raw_block(chunk: list[str]) -> str | None:
    """The HTML Markdown would make of a paragraph's lines if it only copies them out, else None."""
    # Markdown drops its own placeholder markers (STX, ETX) from the whole source: so from these too.
    lines = [line.rstrip().replace(STX, "").replace(ETX, "") for line in chunk]
    if lines and all(_whole_element(line) for line in lines):
        return "\n".join(lines)
    if len(lines) == 1 and lines[0].startswith("<svg") and lines[0].endswith("</svg>"):
        return f"<p>{lines[0]}</p>"  # not block-level: Markdown puts a chart in a paragraph
    return None


def stash_raw_html(markdown: str) -> tuple[str, Stash]:
    """``markdown`` with each raw HTML paragraph (lines between blank lines, each one a whole
    block-level element, which Markdown copies out verbatim, or a lone <svg> chart) replaced by a
    placeholder paragraph."""
    token = "bfraw" + hashlib.sha256(markdown.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    lines = markdown.split("\n")
    out: list[str] = []
    blocks: list[str] = []
    chunk: list[str] = []
    code = fenced = False

    def flush() -> None:
        raw = None if code else _raw_block(chunk)
        if raw is None:
            out.extend(chunk)
        else:
            out.append(f"{token}x{len(blocks)}")
            blocks.append(raw)

    for i, line in enumerate(lines):
        fence = bool(_FENCE.match(line))
        if not (fenced or fence) and _opens_raw(line) and not _whole_element(line.rstrip()):
            # An element left open: Markdown copies what follows raw up to its end, which only an HTML
            # parser can find. Leave the rest of the page to Markdown.
            out.extend(chunk + lines[i:])
            return "\n".join(out), Stash(token, tuple(blocks))
        if fence:
            fenced, code = not fenced, True  # code is Markdown's, whatever it holds: its paragraph stays
        if line.strip() or fenced or fence:
            chunk.append(line)
        else:
            flush()
            chunk, code = [], False
            out.append(line)
    flush()
    return "\n".join(out), Stash(token, tuple(blocks))


def restore_raw_html(content: str, stash: Stash) -> tuple[str, int]:
    """The page HTML with every placeholder paragraph replaced by its block, and how many were."""
    # Normally each is a paragraph of its own; a template may still have put one inside a list item.
    return re.subn(rf"(?:<p>)?{stash.token}x(\d+)(?:</p>)?", lambda m: stash.blocks[int(m.group(1))], content)


def anchors(blocks: tuple[str, ...]) -> set[str]:
    """The ids in raw HTML blocks, which MkDocs collects for anchor validation from what Markdown sees."""
    return {html.unescape(v) for b in blocks for v in _ANCHOR.findall(b)}


_STASHES: dict[str, Stash] = {}  # src_uri -> stash, from on_page_markdown to on_page_content of one page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by is None:  # hand-written pages in docs/ are left to Markdown
        return markdown
    markdown, stash = stash_raw_html(markdown)
    if stash.blocks:
        _STASHES[page.file.src_uri] = stash
    return markdown


def on_page_content(html_: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    stash = _STASHES.pop(page.file.src_uri, None)
    if stash is None:
        return html_
    html_, n = restore_raw_html(html_, stash)
    if n != len(stash.blocks):
        log.warning("briefing: %s: %d raw HTML blocks were lost in Markdown", page.file.src_uri, len(stash.blocks) - n)
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= anchors(stash.blocks)
    return html_
