"""read: article files (bytes) to clean :class:`~briefing.model.Article` objects.

The steps are small pure functions in ``read_*`` modules: decode the bytes, split off
metadata, drop page cruft, read the head of the page (title, outlet, byline, captions),
then cut the rest into blocks. Anything that makes a file unusable is a ReadError;
anything merely odd is a warning on the article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections import Counter
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

from briefing.model import Article, Block, WebLink
from briefing.read.blocks import RawBlock, build_blocks, wrap_width
from briefing.read.cruft import (
    bio_author,
    has_html,
    remove_line_cruft,
    source_url,
    strip_html,
    tag_line,
    unescape_entities,
)
from briefing.read.decode import Unreadable, decode
from briefing.read.head import analyse_head
from briefing.read.html import HTML_SUFFIXES, read_page
from briefing.read.inferred_date import with_date
from briefing.read.markdown import looks_markdown, markdown_blocks, markdown_source
from briefing.read.meta import parse_meta, split_front_matter
from briefing.read.people import bio_name, closing_bios, embedded_authors, respelled, transcript_bylines
from briefing.read.provenance import (
    Outlets,
    choose_date,
    clean_text,
    default_outlets,
    self_named,
    split_title,
    url_date,
    url_host,
)
from briefing.slugs import slugify
from briefing.text import plural

ARTICLE_SUFFIXES = (".txt", ".md", *HTML_SUFFIXES)
SIDECAR_SUFFIX = ".yml"
NOT_ARTICLES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG"})
TITLE_MAX = 80  # generated titles are cut at a word boundary below this many characters


class ReadError(Exception):
    """The file cannot become an article. str(err) is a clear reason; err.source is the seeds-relative name."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


def discover(seeds_dir: Path) -> list[Path]:
    """Article files under seeds_dir (recursive), .txt, .md and saved web pages (.html, .htm), sorted by relative POSIX path; skips
    sidecar .yml files, hidden files and dirs. Non-article files are ignored."""
    seeds_dir = Path(seeds_dir)
    found: list[tuple[str, Path]] = []
    # os.walk without following links: a symlink loop cannot hang the build.
    for root, dirs, files in os.walk(seeds_dir):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            if name.split(".")[0].upper() in NOT_ARTICLES:
                continue  # a README next to the articles documents them; it is not one
            path = Path(root) / name
            if path.is_file():
                found.append((path.relative_to(seeds_dir).as_posix(), path))
    return [p for _, p in sorted(found)]


def read_article(path: Path, seeds_dir: Path, outlets: Outlets | None = None) -> Article:
    """Read one file into an Article (briefing/model.py). Raises ReadError for files that cannot be an
    article (empty, whitespace only, binary, no text left after cleanup). slug = briefing.slugs.slugify of the
    file stem (the lead makes slugs unique across the corpus afterwards). digest = sha256 hex of the file
    bytes plus the sidecar bytes if any. ``outlets`` names publishers by URL host (default: the shipped
    knowledge/outlets.yml). Never raises anything but ReadError."""
    path = Path(path)
    source = _source(path, Path(seeds_dir))
    try:
        return _read(path, source, outlets if outlets is not None else default_outlets())
    except ReadError:
        raise
    except Unreadable as exc:
        raise ReadError(source, str(exc)) from None
    except OSError as exc:
        raise ReadError(source, f"cannot read file: {exc.strerror or exc}") from None
    except Exception as exc:  # a bug must not take the whole build down with a traceback
        raise ReadError(source, f"unexpected error while reading: {type(exc).__name__}: {exc}") from None


def _source(path: Path, seeds_dir: Path) -> str:
    try:
        return path.resolve().relative_to(seeds_dir.resolve()).as_posix()
    except (ValueError, OSError):
        return path.name


def _read(path: Path, source: str, outlets: Outlets) -> Article:
    data = path.read_bytes()
    sidecar = path.with_suffix(SIDECAR_SUFFIX)
    sidecar_bytes = sidecar.read_bytes() if sidecar.is_file() else b""
    digest = hashlib.sha256(data + sidecar_bytes).hexdigest()

    if path.suffix.lower() in HTML_SUFFIXES:
        return _read_page(path, source, data, sidecar, sidecar_bytes, digest)
    # warnings: problems a user should fix (bad metadata); notes: what reading did, for the record.
    text, notes = decode(data)
    warnings: list[str] = []
    front, body = split_front_matter(text)
    meta: dict = {}
    if front is not None:
        found, problems = parse_meta(front, "front matter")
        meta.update(found)
        warnings += problems
    _sidecar_meta(sidecar, sidecar_bytes, meta, warnings)

    markdown = path.suffix.lower() == ".md" or looks_markdown(body)
    marks = markdown
    embedded = embedded_authors(body) if "author" in body.lower() or "contributor" in body.lower() else []
    if markdown:
        notes.append("read as Markdown")  # its HTML goes through the HTML parser with the rest
    elif has_html(body):
        body = strip_html(body)
        marks = True
        notes.append("HTML markup stripped")
    else:
        body = unescape_entities(body)

    lines = [line.rstrip() for line in body.split("\n")]
    original = lines
    lines, cruft, stamps = remove_line_cruft(lines)
    source_lines = [original[i] for i, k in sorted(cruft.items()) if k == "source"]
    if source_lines and not meta.get("url"):
        meta["url"] = source_url(source_lines[0])
        notes.append(f"source URL from the line {source_lines[0].strip()!r}")
    removed: Counter[str] = Counter(cruft.values())
    # Markdown files and hard-wrapped text join consecutive lines into one paragraph.
    joined = path.suffix.lower() == ".md" or wrap_width(lines) is not None
    head = analyse_head(lines, {i for i, k in cruft.items() if k == "credit"}, marks, joined=joined,
                        known_title=meta.get("title"))
    removed.update({k: n for k, n in head.removed.items() if n})

    tags, authors_from_tail = _tail(lines, removed)
    spoken = transcript_bylines("\n".join(lines))
    if markdown:
        raw = markdown_blocks(*markdown_source(lines, head.captions, joined=joined))
    else:
        raw = build_blocks(lines, head.captions, marks=marks, markdown=False)
    if not raw:
        _no_text(meta.get("title") or head.title, "its front matter" if front is not None else "the title")
    blocks = tuple(Block(index=i, kind=b.kind, text=b.text, level=b.level,
                         links=tuple(WebLink(*link) for link in b.links)) for i, b in enumerate(raw))

    inferred: set[str] = set()
    url = meta.get("url")
    host = url_host(url)
    by_host = outlets.for_host(host) if host else None
    title_text = meta.get("title")
    if not title_text:
        title_text = head.title
        inferred.add("title")
    subtitle = meta.get("subtitle")
    title = None
    if title_text:
        from_page = "title" in inferred  # a headline line of the page, not a metadata value
        parts = split_title(title_text, outlets, by_host[0] if by_host else None, markup=from_page)
        title = parts.text or clean_text(title_text, from_page)
        if parts.removed:
            notes.append(f"title suffix removed: {' '.join(parts.removed)!r}")
        if meta.get("description"):
            title, subtitle, how = _with_description(title, meta["description"], subtitle, "title" in meta)
            if how:
                notes.append(how)
    else:
        parts = None
    generated = not title
    if generated:
        title = generated_title(raw)
        inferred.add("title")
    # Only the headline: the text is the title itself, and when the title was taken from that text it
    # reads as a headline, not a sentence ("Officials met in Riga." alone is a one-sentence article).
    if all(_same_words(b.text, title) for b in blocks) and not (generated and _sentence(blocks[-1].text)):
        _no_text(title, "the title")

    outlet = meta.get("outlet")
    if outlet is None and by_host:
        outlet = by_host[0]
        inferred.add("outlet")
        notes.append(f"outlet {outlet!r} from the URL's host {host} (knowledge/outlets.yml: {by_host[1]})")
    elif outlet is None and host:
        notes.append(f"URL host {host} is not in knowledge/outlets.yml; add it to name the outlet")
    if outlet is None and parts is not None and parts.outlet:
        outlet = parts.outlet
        inferred.add("outlet")
        notes.append(f"outlet {outlet!r} from the title's suffix")
    if outlet is None and head.outlet:
        outlet = head.outlet
        inferred.add("outlet")
    if outlet is None and (own := self_named("\n".join(b.text for b in blocks), outlets)):
        outlet = own[0]
        inferred.add("outlet")
        notes.append(f"outlet {outlet!r} named by the text itself ({own[1]})")
    if head.outlet_note and "outlet" not in meta:
        notes.append(head.outlet_note)

    bios = closing_bios(lines)
    authors = meta.get("authors")
    if authors is not None:
        authors, respelt = respelled(tuple(authors), bios)
        notes += respelt
        if meta.get("authors_incomplete"):
            more = [n for n in bios if n not in authors]
            if more:
                authors = tuple(authors) + tuple(more)
                notes.append(f"metadata authors end in 'et al.'; the closing bios add {', '.join(more)}")
    else:
        for found_authors, why in (
            (tuple(dict.fromkeys(head.authors + authors_from_tail + bios)), ""),
            (tuple(spoken), "the transcript's BYLINE speaker label"),
            (tuple(embedded), "the page metadata embedded in the file"),
        ):
            if found_authors:
                authors = found_authors
                inferred.add("authors")
                if why:
                    notes.append(f"authors {', '.join(authors)} from {why}")
                break
    blocks, bios_text = _without_bios(blocks, authors or ())
    if bios_text:
        notes.append(f"{plural(len(bios_text), 'closing author bio')} shown apart from the text")
    tag_values = meta.get("tags")
    if tag_values is None and tags:
        tag_values = tags
        inferred.add("tags")
    if meta.get("draft"):
        notes.append("metadata marks this article as a draft")

    total = sum(removed.values())
    if total:
        detail = ", ".join(f"{n} {kind}" for kind, n in sorted(removed.items()))
        notes.append(f"removed {plural(total, 'line')} of page cruft ({detail})")
    header: list[tuple[dt.date, str, str, bool]] = []
    if meta.get("date") is not None:
        header.append((meta["date"], meta.get("date_precision", "day"), "the metadata date", True))
    if meta.get("published") is not None:
        header.append((meta["published"], meta.get("published_precision", "day"), "the metadata published_time", True))
    for stamp in stamps:
        # A "Published :" stamp is the page's own date: the best evidence short of metadata.
        stamp_date = _stamp_date(stamp)
        if stamp_date is not None:
            header.append((stamp_date, "day", f"the page's stamp {stamp.strip()!r}", False))
        notes.append(f"removed stamp {stamp!r}")
    own: list[tuple[dt.date, str]] = []
    in_url = url_date(url)
    if in_url is not None:
        own.append((in_url, f"the date in the source URL ({urlsplit(url or '').path})"))
    if parts is not None and parts.date is not None:
        own.append((parts.date, f"the date stamp in the title ({parts.date_text!r}, slashed dates read month first)"))
    dated = choose_date(header, own)
    date, date_precision, date_reason = dated.date, dated.precision, dated.reason
    if date is not None and dated.inferred:
        inferred.add("date")

    return with_date(Article(
        source=source,
        slug=slugify(path.stem),
        title=title,
        subtitle=subtitle,
        blocks=blocks,
        date=date,
        date_precision=date_precision,
        date_reason=date_reason,
        outlet=outlet,
        authors=tuple(authors or ()),
        url=url,
        tags=tuple(tag_values or ()),
        bios=bios_text,
        inferred=frozenset(inferred),
        warnings=tuple(warnings),
        notes=tuple(notes),
        digest=digest,
    ))


def _no_text(title: str | None, below: str) -> NoReturn:
    """Skip a file with nothing to read, saying whether it has a title waiting for its text.

    Skipped rather than built: its page would show the headline and nothing under it, while the
    home page and the article list would offer it as an article; the warning says what to paste."""
    if title:
        raise Unreadable(f"a title ({' '.join(title.split())!r}) but no text: paste the article's text below {below}")
    raise Unreadable("no text left after cleanup")


def _sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", "\"", "”", "’", "'", ":", ";"))


def _same_words(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(s.split()).casefold().strip(" .#…")

    return norm(a) == norm(b)


def _sidecar_meta(sidecar: Path, sidecar_bytes: bytes, meta: dict, warnings: list[str]) -> None:
    """Metadata from a sidecar .yml over what the file itself says (in place)."""
    if not sidecar_bytes:
        return
    try:
        side_text = sidecar_bytes.decode("utf-8-sig")
    except UnicodeDecodeError:
        warnings.append(f"{sidecar.name}: not UTF-8; sidecar ignored")
        return
    found, problems = parse_meta(side_text, sidecar.name)
    overridden = sorted(k for k in found if k in meta and k != "date_precision")
    if overridden:
        warnings.append(f"{sidecar.name} overrides front matter for: {', '.join(overridden)}")
    meta.update(found)
    warnings += problems


def _read_page(path: Path, source: str, data: bytes, sidecar: Path, sidecar_bytes: bytes, digest: str) -> Article:
    """A saved web page: the page's metadata (a sidecar overrides it) and its main text as blocks."""
    decode(data)  # empty and binary files fail as they do for text
    try:
        page = read_page(data)
    except ValueError as exc:
        raise Unreadable(str(exc)) from None
    meta: dict = {}
    warnings: list[str] = []
    _sidecar_meta(sidecar, sidecar_bytes, meta, warnings)
    found = {"title": page.title, "outlet": page.outlet, "authors": page.authors or None,
             "date": page.date, "url": page.url}
    inferred = {k for k, v in found.items() if k not in meta and v and k != "url"}
    given = {**{k: v for k, v in found.items() if v}, **meta}
    blocks = tuple(Block(index=i, kind=b.kind, text=b.text, level=b.level) for i, b in enumerate(page.blocks))
    return with_date(Article(
        source=source,
        slug=slugify(path.stem),
        title=given.get("title") or generated_title(page.blocks),
        blocks=blocks,
        date=given.get("date"),
        date_precision=meta.get("date_precision", "day"),
        date_reason=page.date_reason if "date" in inferred else "",
        outlet=given.get("outlet"),
        authors=tuple(given.get("authors") or ()),
        url=given.get("url"),
        tags=tuple(meta.get("tags") or ()),
        inferred=frozenset(inferred | ({"title"} if not given.get("title") else set())),
        warnings=tuple(warnings),
        notes=tuple(["read as a saved web page", *page.notes]),
        digest=digest,
    ))


_HEADLINE_WORD = re.compile(r"[\w’']+")
_MINOR = frozenset("a an the of to in on at for with by from and or but as is are its".split())


def _with_description(
    title: str, description: str, subtitle: str | None, given: bool
) -> tuple[str, str | None, str]:
    """(title, subtitle, note) given a metadata description.

    Reposts split a headline "Main: Sub" into a short title and a description. A description that
    holds most of the title's words is the full headline; a short headline-like description under a
    short title without a colon is the part after the colon. Any other description is a subtitle.
    """
    words = [w.lower() for w in _HEADLINE_WORD.findall(title) if w.lower() not in _MINOR]
    desc_words = {w.lower() for w in _HEADLINE_WORD.findall(description)}
    headline_like = len(description.split()) <= 12 and not description.rstrip().endswith(".")
    if given and headline_like and words and len(description) > len(title):
        shared = sum(1 for w in words if w in desc_words)
        if shared * 3 >= len(words) * 2:
            return description, subtitle, f"title {title!r} is a short form of the description; the description is the headline"
    if given and headline_like and ":" not in title and len(title.split()) <= 8 and not (set(words) & desc_words):
        joined = f"{title}: {description}"
        return joined, subtitle, f"title joined with its description ({joined!r}), a headline split at its colon"
    return title, subtitle or description, ""


def _stamp_date(stamp: str) -> dt.date | None:
    """The full date in a "Published : …" stamp, read by the date tagger (no anchor needed)."""
    from briefing.timex import tag

    for timex in tag(stamp, None):
        if timex.type in ("DATE", "TIME"):
            try:
                return dt.date.fromisoformat(timex.value[:10])
            except ValueError:
                continue
    return None


def _without_bios(blocks: tuple[Block, ...], authors: tuple[str, ...]) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """The closing paragraphs that are bios of the article's authors, taken out of the text (in order)."""
    surnames = {a.split()[-1].lower() for a in authors if a.split()}
    end = len(blocks)
    while end > 1 and blocks[end - 1].kind == "paragraph" and len(blocks) - end < 3:
        name = bio_name(blocks[end - 1].text)
        if not name or name.split()[-1].lower() not in surnames:
            break
        end -= 1
    return blocks[:end], tuple(b.text for b in blocks[end:])


def _tail(lines: list[str], removed: Counter) -> tuple[tuple[str, ...], list[str]]:
    """Remove a closing tag line (in place); authors named by closing bio lines."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    tags: tuple[str, ...] = ()
    if len(filled) >= 2:
        last = filled[-1]
        found = tag_line(lines[last])
        # A keyword bag follows prose; after other short lines it is the end of a list.
        if found is not None and len(lines[filled[-2]].split()) >= 12:
            tags = found
            lines[last] = ""
            removed["tag line"] += 1
            filled.pop()
    authors = []
    for i in filled[-2:]:
        name = bio_author(lines[i])
        if name:
            authors.append(name)
    return tags, authors


_ABBREV = re.compile(r"\b(?:[A-Z]\.){1,3}$|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|St|Jr|Sr|Inc|Ltd|Co|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$")
_STOP_END = {"a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "and", "or", "but", "from", "as", "that", "which", "its", "their", "his", "her"}


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph (abbreviations like "U.S." do not end it)."""
    for m in re.finditer(r"[.!?][”\"’)]?(?=\s+[“\"‘(A-Z0-9])", text):
        if not _ABBREV.search(text[: m.start() + 1]):
            return text[: m.end()]
    return text


def generated_title(blocks: list[RawBlock]) -> str:
    """A title from the lead sentence, shortened at a word boundary, for headline-less text."""
    lead = next((b.text for b in blocks if b.kind == "paragraph"), blocks[0].text)
    sentence = first_sentence(lead).strip()
    sentence = re.sub(r"[.!?]$", "", sentence) if not _ABBREV.search(sentence) else sentence
    if not re.search(r"\w", sentence):  # ". A": the first "sentence" is punctuation; the lead as a whole
        sentence = " ".join(lead.split()).strip(" .!?") or "Untitled"
    if len(sentence) <= TITLE_MAX:
        return sentence
    words = sentence[:TITLE_MAX].split()[:-1] or sentence[:TITLE_MAX].split()
    while len(words) > 1 and words[-1].lower().strip(",;:") in _STOP_END:
        words.pop()
    return " ".join(words).rstrip(",;:—–-") + "…"
