"""Article text to annotated HTML: the one place where article text meets markup.

Article text is data. Every character of it goes through ``escape`` here, and the
annotated blocks are emitted as raw HTML blocks on a single line, which Markdown
passes through untouched: Markdown syntax, template syntax or HTML inside an
article can never become markup, a link, an include or code.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from briefing.site import paths
from briefing.site.dates import is_vague, timex_tooltip
from briefing.model import Annotated, Block, Figure


# Material's search plugin leaves out any element with this attribute (and strips the attribute from the page
# when it has a value, hence not an empty one).
SEARCH_SKIP = "true"


@dataclass(frozen=True)
class Inline:
    start: int
    end: int
    priority: int  # lower wins an overlap
    open: Markup
    close: Markup


def text(value: str) -> Markup:
    """Escaped text on one line (raw HTML blocks must not contain blank lines)."""
    return escape(" ".join(value.split()))


# Characters YAML refuses in a scalar (C0/C1 controls, surrogates, non-characters), so a page's front
# matter always parses; Python-Markdown's own control bytes (STX/ETX) are among them.
_NOT_YAML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def page_title(value: str) -> str:
    """A page title for MkDocs front matter, safe in every place the theme puts it.

    MkDocs treats ``page.title`` as HTML: Material prints it unescaped in the header, the <h1>
    and the search index, and runs it through ``striptags`` (which unescapes entities) into
    <title>. An entity like ``&lt;`` would come back as a real ``<`` there (``</title><script>``
    escapes the element), so angle brackets become the look-alike quotes ‹ › and ``&`` is escaped.
    """
    value = " ".join(_NOT_YAML.sub("", value).split())
    return value.replace("&", "&amp;").replace("<", "\u2039").replace(">", "\u203a") or "Untitled"


def _weave(source: str, spans: Sequence[Inline]) -> Markup:
    """Escaped ``source`` with non-overlapping inline spans applied (higher priority first)."""
    chosen: list[Inline] = []
    for sp in sorted(spans, key=lambda s: (s.priority, s.start, -(s.end - s.start))):
        if sp.start < 0 or sp.end > len(source) or sp.start >= sp.end:
            continue
        if any(sp.start < c.end and c.start < sp.end for c in chosen):
            continue
        chosen.append(sp)
    chosen.sort(key=lambda s: s.start)
    out = []
    pos = 0
    for sp in chosen:
        out.append(text_keep_space(source[pos : sp.start]))
        out.append(sp.open + text_keep_space(source[sp.start : sp.end]) + sp.close)
        pos = sp.end
    out.append(text_keep_space(source[pos:]))
    return Markup("").join(out)


def text_keep_space(value: str) -> Markup:
    """Escaped text with line breaks folded to spaces, keeping offsets' neighbours intact."""
    return escape(value.replace("\r", " ").replace("\n", " "))


def _open(name: str, **attrs: str | None) -> Markup:
    """An opening tag with escaped attribute values; ``class_`` becomes ``class``, ``data_x`` ``data-x``."""
    parts = [name]  # f-strings, not Markup.format: this runs for every mention, date and figure
    for key, val in attrs.items():
        if val is not None:
            parts.append(f'{key.rstrip("_").replace("_", "-")}="{escape(val)}"')
    return Markup(f"<{' '.join(parts)}>")


def tag(name: str, body: Markup | str, **attrs: str | None) -> Markup:
    """A whole element: escaped attributes, escaped body unless it is already Markup."""
    return Markup(f"{_open(name, **attrs)}{escape(body)}</{name}>")


def safe_url(url: str | None) -> str | None:
    """An article's own web address, only if it is plain http(s): metadata must not smuggle a script link."""
    if not url:
        return None
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def figure_label(f: Figure) -> str:
    bits = [f.metric.replace("_", " ")]
    if f.subject:
        bits.append(f.subject)
    if f.year:
        bits.append(str(f.year))
    return " · ".join(bits)


def format_value(f: Figure) -> str:
    """"3.1%", "8.7 trillion JPY"; a range keeps both bounds: "20–50%", "300–900 million H100 equivalents"."""
    top = f.value if f.value_max is None else max(abs(f.value), abs(f.value_max))
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1.0, "")):
        if abs(top) >= scale or scale == 1.0:
            amount = f"{f.value / scale:g}" + ("" if f.value_max is None else f"–{f.value_max / scale:g}")
            break
    if f.unit == "%":
        return f"{amount}%"
    return " ".join(x for x in (amount, word, f.unit) if x)


_WEEKDAY = re.compile(r"(?i)(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day")
_DATELINE_END = re.compile(r"[\s,.]*(?:\([^()]{1,40}\))?\s*[-—–:]\s")
_PLACE = re.compile(r"[A-Z][A-Z.'’-]{2,}(?:[ ,]|$)")


def quiet_date(block: Block, start: int, end: int, first_body: bool) -> bool:
    """Whether a date is shown as plain text: a bare weekday ("on Tuesday"), a stamp line that is only a
    date ("11:04 A.M. EDT"), or the date of the opening dateline ("WASHINGTON, Dec. 2 (Reuters) —").
    Each is clear from the words alone; marking them makes every article open with a row of underlines."""
    said = block.text[start:end]
    if _WEEKDAY.fullmatch(said.strip()):
        return True
    if not re.sub(r"[\W_]+", "", block.text[:start] + block.text[end:]):
        return True
    if first_body and start < 80:
        # The date closes the dateline: only a wire's name in brackets stands between it and the dash,
        # and before it the place in capitals ("LAGOS, March 3") or nothing.
        return bool(_DATELINE_END.match(block.text, end)) and (start == 0 or bool(_PLACE.match(block.text)))
    return False


def sections(blocks: Sequence[Block]) -> list[int]:
    """Each block's section: the number of headings at or before it."""
    out, n = [], 0
    for b in blocks:
        n += b.kind == "heading"
        out.append(n)
    return out


class ArticleMarkup:
    """Annotated HTML for the blocks of one article, with links relative to ``page``."""

    def __init__(self, doc: Annotated, page: str, entity_of: Mapping[tuple[str, int, int], str],
                 entity_names: Mapping[str, tuple[str, str]], theme_names: Mapping[str, str],
                 event_of: Mapping[tuple[str, int, int], str], previews: Mapping[str, str] | None = None):
        self.doc = doc
        self.page = page
        src = doc.article.source
        inline: dict[int, list[Inline]] = defaultdict(list)
        blocks = doc.article.blocks
        section = sections(blocks)
        # (section, entity): a name is a link where a reader first meets it in a section; its repeats
        # read as plain text (they stay mentions in the data and on the entity's page).
        linked: set[tuple[int, str]] = set()
        for m in sorted(doc.mentions, key=lambda m: (m.block, m.start)):
            eid = entity_of.get((src, m.block, m.start))
            if eid is None or not 0 <= m.block < len(blocks) or (section[m.block], eid) in linked:
                continue
            if blocks[m.block].kind == "heading":
                continue  # a heading is read, not followed
            linked.add((section[m.block], eid))
            name, etype = entity_names[eid]
            inline[m.block].append(Inline(m.start, m.end, 0, _open(
                "a", href=paths.href(page, paths.entity_page(eid)), class_=f"bf-ent bf-{etype}",
                title=(previews or {}).get(eid) or f"{name} · {etype}"), Markup("</a>")))
        for b in blocks:
            for link in b.links:
                if href := safe_url(link.href):  # the article's own links win over annotations on their words
                    inline[b.index].append(Inline(link.start, link.end, -1, _open(
                        "a", href=href, rel="nofollow noopener", class_="bf-web"), Markup("</a>")))
        for a in doc.acronyms:
            inline[a.block].append(Inline(a.start, a.end, 1, _open("abbr", title=a.expansion, class_="bf-abbr"), Markup("</abbr>")))
        first_body = next((b.index for b in blocks if b.kind == "paragraph"), None)
        for d in doc.dates:
            t = d.timex
            if is_vague(t.value) or not 0 <= d.block < len(blocks):
                continue  # "now", "recently", "soon": nothing to place on a timeline, so not marked
            if quiet_date(blocks[d.block], t.start, t.end, d.block == first_body):
                # Unstyled and without a tooltip; the value stays in the page (and the date in the data).
                inline[d.block].append(Inline(t.start, t.end, 2, _open("time", data_value=t.value), Markup("</time>")))
                continue
            title = timex_tooltip(t.type, t.value, t.mod)
            inline[d.block].append(Inline(t.start, t.end, 2, _open("time", class_="bf-date", title=title or None,
                                                                   data_value=t.value), Markup("</time>")))
        for f in doc.figures:
            inline[f.block].append(Inline(f.start, f.end, 3, _open("mark", class_="bf-fig", title=f"{figure_label(f)}: {format_value(f)}"), Markup("</mark>")))
        self.inline = inline
        self.sentences: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        for s in doc.sentences:
            self.sentences[s.block].append((s.index, s.start, s.end))
        self.themes: dict[int, list[tuple[float, str]]] = defaultdict(list)
        for t in doc.themes:
            self.themes[t.block].append((t.score, t.theme))
        self.theme_names = theme_names
        self.event_of = event_of

    def block_body(self, block: Block, indexed: int | None = None, first: bool = False) -> Markup:
        """The block's text, sentence by sentence, each sentence a target (#p3-s1). With ``indexed``, only
        the sentences that end within that many of the block's words (and with ``first`` its first sentence,
        however long) are in the search index."""
        spans = self.inline.get(block.index, [])
        sents = self.sentences.get(block.index) or [(0, 0, len(block.text))]
        out = []
        pos = 0
        words = 0
        for index, start, end in sents:
            words += len(block.text[start:end].split())
            lead = first and (index, start) == sents[0][:2]
            hidden = SEARCH_SKIP if indexed is not None and words > indexed and not lead else None
            out.append(text_keep_space(block.text[pos:start]))
            inner = [Inline(s.start - start, s.end - start, s.priority, s.open, s.close)
                     for s in spans if start <= s.start and s.end <= end]
            cls = "bf-s"
            event = self.event_of.get((self.doc.article.source, block.index, index))
            body = _weave(block.text[start:end], inner)
            out.append(tag("span", body, id=paths.sentence_anchor(block.index, index), class_=cls,
                           data_event=event, data_search_exclude=hidden))
            pos = end
        out.append(text_keep_space(block.text[pos:]))
        return Markup("").join(out)

    def chips(self, block: Block) -> Markup:
        themes = sorted(self.themes.get(block.index, []), key=lambda st: (-st[0], st[1]))
        if not themes:
            return Markup("")
        links = [tag("a", text(self.theme_names.get(t, t)), href=paths.href(self.page, paths.theme_page(t)),
                     class_="bf-chip", title=f"theme score {score:.2f}") for score, t in themes]
        # The theme names are links to the themes' own pages, not words of the article: not in the search index.
        return tag("span", Markup(" ").join(links), class_="bf-chips", data_search_exclude=SEARCH_SKIP)

    def blocks_html(self, search_words: int | None = None) -> list[Markup]:
        """One raw-HTML line per block (list items grouped into one list). With ``search_words``, the search
        index holds the article's first sentences up to about that many words (its lead), no more."""
        out: list[Markup] = []
        items: list[Markup] = []
        left = search_words
        first = True  # the article's first sentence is in the index even when it alone is longer
        for block in self.doc.article.blocks:
            anchor = paths.block_anchor(block.index)
            if block.kind != "item" and items:
                out.append(tag("ul", Markup("").join(items), class_="bf-list"))
                items = []
            skip = None  # the whole block out of the index, or (the block the lead ends in) its later sentences
            if left is not None and left <= 0:
                body, skip = self.block_body(block), SEARCH_SKIP
            else:
                body = self.block_body(block, left, first)
                if left is not None:
                    left -= len(block.text.split())
                first = first and block.kind == "heading"
            if block.kind == "heading":
                level = min(max(block.level or 2, 2), 4)
                out.append(tag(f"h{level}", body, id=anchor, class_="bf-h", data_search_exclude=skip))
            elif block.kind == "item":
                items.append(tag("li", body + self.chips(block), id=anchor, data_search_exclude=skip))
            elif block.kind == "quote":
                out.append(tag("blockquote", tag("p", body) + self.chips(block), id=anchor, class_="bf-quote",
                               data_search_exclude=skip))
            elif block.kind == "code":  # shown as written; one line of raw HTML, so newlines as &#10;
                code = Markup("&#10;").join(escape(line) for line in block.text.split("\n"))
                out.append(tag("pre", tag("code", code), id=anchor, class_="bf-code", data_search_exclude=skip))
            elif block.kind == "caption":
                out.append(tag("p", body, id=anchor, class_="bf-caption", data_search_exclude=skip))
            else:
                out.append(tag("div", tag("p", body) + self.chips(block), id=anchor, class_="bf-block",
                               data_search_exclude=skip))
        if items:
            out.append(tag("ul", Markup("").join(items), class_="bf-list"))
        return out


def snippet(source: str, start: int, end: int, hl_start: int | None = None, hl_end: int | None = None,
            width: int = 240) -> Markup:
    """``source[start:end]`` (a sentence) escaped, shortened around the highlight, highlight in <mark>."""
    if hl_start is None or hl_end is None:
        return text(_shorten(source[start:end], width))
    left = source[start:hl_start]
    right = source[hl_end:end]
    room = max(40, (width - (hl_end - hl_start)) // 2)
    if len(left) > room:
        left = "… " + left[-room:].split(" ", 1)[-1]
    if len(right) > room:
        right = right[:room].rsplit(" ", 1)[0] + " …"
    return text_keep_space(left) + tag("mark", text_keep_space(source[hl_start:hl_end])) + text_keep_space(right)


def _shorten(value: str, width: int) -> str:
    value = " ".join(value.split())
    if len(value) <= width:
        return value
    return value[:width].rsplit(" ", 1)[0] + " …"
