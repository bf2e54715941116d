"""Markdown read as Markdown: markdown-it-py's CommonMark parse, reduced to plain-text blocks.

Headings, paragraphs (soft line breaks joined), list items, block quotes, tables (a row a block)
and code (kept, never annotated) become blocks; a paragraph that is only an image becomes the
image's caption. A link's text is what the annotators see; its target is kept beside the text
(``RawBlock.links``) for the article page, http and https only. Emphasis is dropped; inline HTML
goes through the HTML parser of briefing.read.html_text, which keeps its prose and nothing else.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from briefing.read.blocks import RawBlock, mark_quotes, reduce_markdown
from briefing.read.html_text import html_text

_MD = (MarkdownIt("commonmark", {"html": True})
       .enable(["table", "strikethrough"])
       .use(front_matter_plugin))

_MARKDOWN_SIGNS = re.compile(
    r"\]\((?:https?:|/|#)[^)\s]*\)"  # [text](url)
    r"|^\s{0,3}#{1,6}\s+\S"  # ATX heading
    r"|(?<![\w*])\*\*\S[^*\n]*\S\*\*(?![\w*])"  # **strong**
    r"|(?<![\w_])__\S[^_\n]*\S__(?![\w_])"  # __strong__
    r"|^\s{0,3}(?:```|~~~)"  # code fence
    r"|^\s{0,3}>\s"  # block quote
    r"|^\s*\|.*\|\s*$",  # table row
    re.M,
)


def looks_markdown(text: str) -> bool:
    """Whether a .txt file is Markdown (most scrapes are): two signs of its syntax, or one link."""
    signs = _MARKDOWN_SIGNS.findall(text[:200_000])
    return len(signs) >= 2 or any("](" in s for s in signs)


_STRAY_MARKS = re.compile(r"\*\*|(?<!\w)__|__(?!\w)")
_CONTINUES = re.compile(r"^\s*(?:[-*+]\s|\d{1,3}[.)]\s|\||>)|^\s{2,}\S")
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")


def markdown_source(lines: list[str], captions: set[int], joined: bool) -> tuple[str, set[int]]:
    """The Markdown to parse from cleaned lines, and the caption lines renumbered to match.

    A .md file is Markdown as written, and so is hard-wrapped text (``joined``): a soft line break joins.
    A .txt scrape with one paragraph per line would be glued into one paragraph that way, so there each
    line is its own paragraph, except list items, table rows, quote lines and code.
    """
    if joined:
        return "\n".join(lines), captions
    out: list[str] = []
    moved: set[int] = set()
    fenced = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and out and out[-1].strip() and line.strip() and not _CONTINUES.match(line):
            out.append("")
        if i in captions:
            moved.add(len(out))
        out.append(line)
    return "\n".join(out), moved


def web_link(href: str) -> str | None:
    """A link target worth keeping: absolute http(s) only (no javascript:, data:, relative paths)."""
    href = href.strip()
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    return href if parts.scheme in ("http", "https") and parts.netloc else None


class _Text:
    """Inline text built piece by piece with white space folded, and the spans of its links."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.links: list[tuple[int, int, str]] = []
        self._space = True  # at the start, leading space is dropped

    def add(self, piece: str) -> None:
        for word_or_space in re.split(r"(\s+)", piece):
            if not word_or_space:
                continue
            if word_or_space.isspace():
                if not self._space:
                    self.parts.append(" ")
                    self.size += 1
                    self._space = True
            else:
                self.parts.append(word_or_space)
                self.size += len(word_or_space)
                self._space = False

    def block(self, kind: str, level: int = 0) -> RawBlock | None:
        text = "".join(self.parts)
        end = len(text.rstrip())
        text = text[:end]
        if not text or not re.search(r"\w", text):
            return None
        links = tuple((s, min(e, end), h) for s, e, h in self.links if s < min(e, end))
        return RawBlock(kind, text, level, links)


def _inline(children: list[Token], images: list[str]) -> _Text:
    """The text of an inline token's children; image alt texts go to ``images``."""
    out = _Text()
    link: tuple[int, str | None] | None = None
    for tok in children:
        t = tok.type
        if t == "text":
            # Syntax the parser left as text ([x](javascript:…), "**" with a space inside) is markup, not prose.
            out.add(_STRAY_MARKS.sub("", reduce_markdown(tok.content)))
        elif t == "code_inline":
            out.add(tok.content)
        elif t in ("softbreak", "hardbreak"):
            out.add(" ")
        elif t == "html_inline":
            if re.match(r"<br\b", tok.content, re.I):
                out.add(" ")
            else:
                out.add(html_text(tok.content, inline=True))
        elif t == "image":
            alt = " ".join(c.content for c in tok.children or [] if c.type == "text").strip()
            if alt:
                images.append(alt)
        elif t == "link_open":
            link = (out.size, web_link(str(tok.attrs.get("href", ""))))
        elif t == "link_close" and link is not None:
            start, href = link
            text = "".join(out.parts)
            while start < len(text) and text[start] == " ":  # the span covers the link's words only
                start += 1
            end = len(text.rstrip())
            if href and end > start:
                out.links.append((start, end, href))
            link = None
    return out


def markdown_blocks(text: str, captions: set[int] | None = None) -> list[RawBlock]:
    """Blocks of a Markdown text; ``captions`` are line numbers (0-based) the head found to be captions."""
    captions = captions or set()
    tokens = _MD.parse(text)
    out: list[RawBlock] = []
    context: list[str] = []  # enclosing containers: "item", "quote"
    row: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            pass
        elif t == "list_item_open":
            context.append("item")
        elif t == "blockquote_open":
            context.append("quote")
        elif t in ("list_item_close", "blockquote_close"):
            context.pop()
        elif t == "heading_open":
            images: list[str] = []
            body = _inline(tokens[i + 1].children or [], images).block("heading", min(max(int(tok.tag[1]), 2), 4))
            out += [body] if body else []
            i += 2
        elif t == "paragraph_open":
            images = []
            inline = _inline(tokens[i + 1].children or [], images)
            kind = context[-1] if context else "paragraph"
            if tok.map and tok.map[0] in captions and kind == "paragraph":
                kind = "caption"
            body = inline.block(kind)
            if body is None and images:  # a paragraph that is only a picture: its alt text is a caption
                alt = _Text()
                alt.add(" ".join(images))
                body = alt.block("caption")
            out += [body] if body else []
            i += 2
        elif t in ("fence", "code_block"):
            code = tok.content.rstrip("\n")
            if code.strip():
                out.append(RawBlock("code", code))
        elif t == "html_block":
            for para in html_text(tok.content).split("\n\n"):
                piece = _Text()
                piece.add(para)
                body = piece.block(context[-1] if context else "paragraph")
                out += [body] if body else []
        elif t == "tr_open":
            row = []
        elif t == "inline" and tok.map is not None and tokens[i - 1].type in ("th_open", "td_open"):
            row.append("".join(_inline(tok.children or [], []).parts).strip())
        elif t == "tr_close":
            cells = _Text()
            cells.add("; ".join(c for c in row if c))
            body = cells.block("paragraph")
            out += [body] if body else []
        i += 1
    mark_quotes(out)
    return out
