"""Raw HTML passes Markdown by: placeholders for the raw HTML blocks of generated pages.

Generated pages are mostly raw HTML blocks (escaped article text, listings, charts), one per line.
Python-Markdown and MkDocs would parse each twice with an HTML parser only to copy it out unchanged:
most of the build's time at thousands of articles. So each such block is swapped for a short
placeholder before Markdown runs and put back afterwards; Markdown parses only the skeleton
(headings, which the TOC needs, and any Markdown a template writes).
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass

from markdown.util import BLOCK_LEVEL_ELEMENTS, ETX, STX

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
