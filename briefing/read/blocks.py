"""Clean lines to structure: paragraphs, headings, block quotes, list items and captions.

Scraped text has one paragraph per line; hard-wrapped text has paragraphs split over
lines and separated by blank lines; Markdown has its own marks. All become plain-text
blocks (kind, text, level); Markdown syntax is reduced to its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s{0,6}(?:[-*+•▪◦]|\d{1,3}[.)])\s+(\S.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SPEECH_INTRO = re.compile(
    r"\b(said|says|declared|declares|stated|states|wrote|writes|told|tells|added|adds|noted|"
    r"notes|remarked|announced|explained|argued|continued|warned|insisted|concluded|"
    r"as follows|in part|the following)\s*:$",
    re.I,
)
WRAP_MAX = 100
_DANGLING = frozenset(
    "a an the of to in on at for with by from and or but as that which who is are was were".split()
)  # hard-wrapped text keeps its lines at most this long


@dataclass
class RawBlock:
    kind: str
    text: str
    level: int = 0
    links: tuple[tuple[int, int, str], ...] = ()  # (start, end, href) of each web link in text


def build_blocks(
    lines: list[str], captions: set[int], marks: bool, markdown: bool
) -> list[RawBlock]:
    """Blocks from cleaned lines. ``marks``: "#"/">" lines are structure (Markdown or HTML);
    ``markdown``: reduce inline Markdown and join consecutive lines as Markdown does."""
    width = wrap_width(lines)
    blocks: list[RawBlock] = []
    run: list[str] = []
    in_fence = False

    def flush() -> None:
        if run:
            blocks.extend(_paragraphs(run, width, join_all=markdown))
            run.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if marks and _FENCE.match(line):
            flush()
            in_fence = not in_fence
            i += 1
            continue
        if in_fence:
            if line.strip():
                run.append(line.strip())
            i += 1
            continue
        if not line.strip():
            flush()
        elif i in captions:
            flush()
            blocks.append(RawBlock("caption", line))
        elif marks and (m := _MD_HEADING.match(line)):
            flush()
            level = min(max(len(m.group(1)), 2), 4)
            blocks.append(RawBlock("heading", m.group(2), level))
        elif markdown and i + 1 < len(lines) and re.match(r"^\s{0,3}(=+|-+)\s*$", lines[i + 1]) and not run:
            flush()  # setext heading: "Title" over "=====" or "-----"
            blocks.append(RawBlock("heading", line, 2 if "=" in lines[i + 1] else 3))
            i += 1
        elif marks and _RULE.match(line):
            flush()
        elif markdown and _REF_DEF.match(line):
            pass  # "[1]: http://…" link definitions are markup, not text
        elif marks and (m := _QUOTE.match(line)):
            flush()
            quote = [m.group(1)]
            while i + 1 < len(lines) and (q := _QUOTE.match(lines[i + 1])) and q.group(1).strip():
                quote.append(q.group(1))
                i += 1
            blocks.append(RawBlock("quote", " ".join(quote)))
        elif m := _ITEM.match(line):
            flush()
            item = [m.group(1)]
            # Indented continuation lines (Markdown) belong to the item.
            while i + 1 < len(lines) and re.match(r"^\s{2,}\S", lines[i + 1]) and not _ITEM.match(lines[i + 1]):
                item.append(lines[i + 1])
                i += 1
            blocks.append(RawBlock("item", " ".join(item)))
        elif markdown and line.lstrip().startswith("|") and line.rstrip().endswith("|"):
            flush()
            if not _TABLE_SEP.match(line):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                blocks.append(RawBlock("paragraph", "; ".join(c for c in cells if c)))
        else:
            run.append(line)
        i += 1
    flush()

    out: list[RawBlock] = []
    for b in blocks:
        text = reduce_markdown(b.text) if markdown else b.text
        text = " ".join(text.split())
        if text and re.search(r"\w", text):
            out.append(RawBlock(b.kind, text, b.level))
    if not marks:
        _mark_headings(out)
    mark_quotes(out)
    return out


def wrap_width(lines: list[str]) -> int | None:
    """The line width of hard-wrapped text, or None for one-paragraph-per-line text."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) < 3:
        return None
    short = [n for n in lengths if n <= WRAP_MAX]
    if len(short) < 0.8 * len(lengths):
        return None
    width = max(short)
    long_lines = [line.rstrip() for line in lines if len(line.rstrip()) >= 0.6 * width]
    if len(long_lines) < 2:
        return None
    # Wrapped lines mostly stop mid-sentence; paragraph-per-line text mostly ends sentences.
    ends = sum(1 for line in long_lines if line.endswith((".", "!", "?", "”", '"', ":")))
    return width if ends < 0.5 * len(long_lines) else None


def _paragraphs(run: list[str], width: int | None, join_all: bool) -> list[RawBlock]:
    if join_all:
        return [RawBlock("paragraph", " ".join(s.strip() for s in run))]
    if width is None:
        return [RawBlock("paragraph", s.strip()) for s in run]
    out: list[RawBlock] = []
    current: list[str] = []
    for line in run:
        current.append(line.strip())
        # A line that reaches most of the width was broken by the wrapper: it continues.
        if len(line.rstrip()) < 0.6 * width:
            out.append(RawBlock("paragraph", " ".join(current)))
            current = []
    if current:
        out.append(RawBlock("paragraph", " ".join(current)))
    return out


def _mark_headings(blocks: list[RawBlock]) -> None:
    """Short title-like single lines between paragraphs are headings (plain text only)."""
    for k, b in enumerate(blocks):
        if b.kind != "paragraph" or k + 1 >= len(blocks):
            continue
        nxt = blocks[k + 1]
        if nxt.kind != "paragraph" or len(nxt.text) < max(80, 2 * len(b.text)):
            continue
        if not (nxt.text[:1].isupper() or nxt.text[:1] in "“\"‘'(" or nxt.text[:1].isdigit()):
            continue  # the "heading" is really a line broken mid-sentence
        if k > 0 and blocks[k - 1].kind == "heading":
            continue
        if is_heading_text(b.text):
            blocks[k] = RawBlock("heading", b.text, 2)


def is_heading_text(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 12 or len(text) > 90:
        return False
    if re.search(r"[.,;:!?…)\]][”\"’']?$", text) or re.search(r"[.!?]\s+[A-Z]", text):
        return False
    if "," in text or words[-1].lower() in _DANGLING:
        return False  # headings are not lists, nor lines cut off mid-sentence
    first = text.lstrip("“\"‘'")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    # Sentence-case headings ("Toward genuine partnership") are short; a longer line in
    # sentence case is more likely a sentence that lost its final period.
    content = [w for w in words[1:] if w.lower() not in _DANGLING]
    title_case = sum(w[:1].isupper() for w in content) >= len(content) / 2
    return title_case or len(words) <= 7


def mark_quotes(blocks: list[RawBlock]) -> None:
    """A long paragraph introduced by "… declared:" is a block quote of that speech."""
    for k in range(1, len(blocks)):
        prev, b = blocks[k - 1], blocks[k]
        if b.kind == "paragraph" and prev.kind == "paragraph" and _SPEECH_INTRO.search(prev.text):
            if len(b.text.split()) >= 30:
                blocks[k] = RawBlock("quote", b.text)


# ---- inline Markdown --------------------------------------------------------------------

_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images: the picture is not text
    (re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote references
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"`{1,3}([^`]+)`{1,3}"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*\\])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])"), r"\1"),  # backslash escapes
]


def reduce_markdown(text: str) -> str:
    """Plain text of inline Markdown: emphasis marks dropped, links reduced to their text."""
    for rx, repl in _INLINE:
        text = rx.sub(repl, text)
    return text
