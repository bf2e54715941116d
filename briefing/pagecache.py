"""The MkDocs page output cache: a page whose inputs are unchanged takes its HTML, table of contents and
search entries from the last build instead of running Markdown, the theme's template and the search plugin's
HTML parser again. Every MkDocs event still fires for every page, so other plugins see a normal build.

Two entries per page, each keyed by a digest of exactly what decides it (``docs/scaling.md`` has the why):

- **converted**: the page's Markdown after every ``on_page_markdown`` handler, its meta, the Markdown and
  validation settings, and where each of its relative links lands. A hit hands Markdown an empty page and puts
  the cached HTML, TOC, title and anchors back in ``on_page_content``.
- **output**: the page's HTML after every ``on_page_content`` handler, its title, URL, TOC and meta, the nav
  (every nav title and URL), the build date and the site's config, theme and plugin versions. A hit points the
  page's ``template`` meta at a one-line template that prints the cached HTML, and the search index takes the
  cached entries instead of parsing the page.

An entry is one line of versioned JSON (briefing.codec) and then its HTML and search entries as plain text,
whose lengths the line gives: HTML in a JSON string is mostly escapes, and decoding 60 MB of them was the
largest part of a warm build's own work. Written to a temporary file and renamed; anything unreadable is a miss
with one warning line. A page whose conversion logged a warning is never cached, so the next build
warns again (``--strict`` stays strict).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jinja2
from markupsafe import Markup
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import get_build_date

from briefing.codec import CodecError, from_data, prune_folder, to_data, write_atomic

log = logging.getLogger("mkdocs.plugins.briefing")

FORMAT = "briefing-page"
VERSION = 2
SUFFIX = ".page"  # version 1 entries were .json files: never read (no warning for each), pruned at the end
TEMPLATE = "briefing-cached-page.html"  # prints the cached HTML; lives only in the build's Jinja loader
CONTEXT_KEY = "briefing_cached_page"
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "markupsafe")
PACKAGE = Path(__file__).resolve().parent
OWN_CODE = ("pagecache.py", "plugin.py", "hook.py", "site/rawhtml.py")  # code that shapes a page's HTML

# Markdown links and reference definitions: where a page's HTML depends on which files exist.
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)", re.M)


@dataclass(frozen=True)
class TocItem:
    title: str
    id: str
    level: int
    depth: int  # nesting depth in the TOC tree (0 for a top item), so the tree is rebuilt as it was


@dataclass(frozen=True)
class Converted:
    key: str
    content: str
    title: str | None
    toc: tuple[TocItem, ...]
    anchors: tuple[str, ...]
    links: tuple[tuple[str, str, str], ...]  # (linked file's src_uri, anchor, the link as written)


@dataclass(frozen=True)
class Output:
    key: str
    html: str
    search: str | None  # the page's search entries as JSON text; None when no search index saw the page


@dataclass(frozen=True)
class Entry:
    format: str
    version: int
    src_uri: str
    converted: Converted
    output: Output | None


def encode(entry: Entry) -> bytes:
    """The entry's header line (the entry without its three texts, and their lengths), then the texts."""
    out = entry.output
    texts = (entry.converted.content, out.html if out else "", (out.search or "") if out else "")
    bare = dataclasses.replace(
        entry, converted=dataclasses.replace(entry.converted, content=""),
        output=dataclasses.replace(out, html="", search=None if out.search is None else "") if out else None)
    head = json.dumps({"entry": to_data(bare, Entry), "lengths": [len(t) for t in texts]},
                      ensure_ascii=True, separators=(",", ":"), allow_nan=False)  # ASCII: one line, no raw newline
    return (head + "\n" + "".join(texts)).encode("utf-8", "surrogatepass")


def decode(raw: bytes) -> Entry:
    """The entry ``encode`` wrote; :class:`CodecError` for anything else."""
    head, newline, body = raw.partition(b"\n")
    try:
        if not newline:
            raise ValueError("no header line")
        header = json.loads(head)
        text = body.decode("utf-8", "surrogatepass")
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError
        raise CodecError(f"not an entry ({type(exc).__name__}: {str(exc)[:80]})") from None
    lengths = header.get("lengths") if isinstance(header, dict) else None
    if not (isinstance(lengths, list) and len(lengths) == 3 and all(type(n) is int and n >= 0 for n in lengths)
            and sum(lengths) == len(text)):
        raise CodecError("its texts are not the lengths its header gives (truncated?)")
    entry = from_data(header.get("entry"), Entry)
    a, b = lengths[0], lengths[0] + lengths[1]
    out = entry.output
    if (out is None and (lengths[1] or lengths[2])) or (out is not None and out.search is None and lengths[2]):
        raise CodecError("texts of an output or search entries the entry does not have")
    if out is not None:
        out = dataclasses.replace(out, html=text[a:b], search=None if out.search is None else text[b:])
    return dataclasses.replace(entry, converted=dataclasses.replace(entry.converted, content=text[:a]), output=out)


def digest(*parts: Any) -> str:
    """sha256 of the parts as JSON (anything JSON cannot write is written as its str)."""
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _versions() -> list[tuple[str, str]]:
    out = []
    for name in PACKAGES:
        try:
            out.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            out.append((name, ""))
    return out


def _tree_stats(root: str | None) -> list[tuple[str, int, int]]:
    """(path, size, mtime) of every file under ``root``: a theme override folder someone edits."""
    if not root or not os.path.isdir(root):
        return []
    out = []
    for base, dirs, names in os.walk(root):
        dirs.sort()
        for n in sorted(names):
            st = os.stat(os.path.join(base, n))
            out.append((os.path.relpath(os.path.join(base, n), root), st.st_size, st.st_mtime_ns))
    return out


def site_digest(config: Any) -> str:
    """What every page's HTML depends on beyond itself: the config file, the theme, the Markdown settings,
    the plugins and the package versions behind them, and this cache's own code."""
    with open(config.config_file_path, "rb") as fh:
        config_bytes = fh.read()
    own = hashlib.sha256()
    for name in OWN_CODE:
        own.update((PACKAGE / name).read_bytes())
    theme = config.theme
    return digest(
        FORMAT, VERSION, hashlib.sha256(config_bytes).hexdigest(), own.hexdigest(), _versions(),
        config.extra, config.markdown_extensions, config.mdx_configs, config.site_url, config.use_directory_urls,
        config.validation, theme.name, dict(theme), _tree_stats(theme.custom_dir),
        [(name, f"{type(p).__module__}.{type(p).__qualname__}", dict(getattr(p, "config", {}) or {}))
         for name, p in config.plugins.items()],
    )


def link_targets(markdown: str, src_uri: str, files: Files) -> list[tuple[str, str | None]]:
    """Each relative link of the Markdown with the URL of the file it lands on (None: no such file)."""
    out = []
    here = posixpath.dirname(src_uri)
    for m in _LINK.finditer(markdown):
        target = (m.group(1) or m.group(2) or "").split("#")[0].split("?")[0]
        if not target or "://" in target or target.startswith(("mailto:", "data:")):
            continue
        path = posixpath.normpath(posixpath.join(here, unquote(target))).lstrip("/")
        f = files.get_file_from_path(path) or files.get_file_from_path(posixpath.join(path, "index.md"))
        out.append((target, f.url if f else None))
    return out


def nav_digest(nav: Any) -> str:
    """Every nav item's kind, title, URL and meta, in order: what each page's navigation shows."""
    def walk(items: Any) -> list:
        out = []
        for item in items:
            meta = getattr(item, "meta", None)
            out.append((type(item).__name__, item.title, getattr(item, "url", None), meta,
                        walk(item.children) if getattr(item, "children", None) else []))
        return out
    return digest(walk(nav.items))


def toc_items(toc: TableOfContents) -> tuple[TocItem, ...]:
    out: list[TocItem] = []

    def walk(items: list[AnchorLink], depth: int) -> None:
        for a in items:
            out.append(TocItem(a.title, a.id, a.level, depth))
            walk(a.children, depth + 1)
    walk(list(toc), 0)
    return tuple(out)


def toc_from(items: tuple[TocItem, ...]) -> TableOfContents:
    roots: list[AnchorLink] = []
    stack: list[AnchorLink] = []
    for it in items:
        a = AnchorLink(it.title, it.id, it.level)
        del stack[it.depth:]
        (stack[-1].children if stack else roots).append(a)
        stack.append(a)
    return TableOfContents(roots)


def _reused_render(page: Page, config: Any, files: Files) -> None:
    """``Page.render`` for a page whose HTML comes from the cache in ``on_page_content``."""
    page.content = ""
    page.toc = TableOfContents([])
    page.present_anchor_ids = set()
    if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:  # as Page.render does
        page.links_to_anchors = {}


class _Warnings(logging.Handler):
    """Counts warnings, so a page whose conversion warned is not cached (its warning must come again)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class PageCache:
    """One build's view of the page entries under ``root``: looked up, reused, written, pruned."""

    def __init__(self, root: Path):
        self.dir = root
        self.site = ""
        self.nav = ""
        self.entries: dict[str, Entry] = {}  # src_uri -> the stored entry, read once per build
        self.converted_hit: set[str] = set()
        self.fresh: dict[str, Converted] = {}  # converted this build, to be stored
        self.output_hit: dict[str, Output] = {}
        self.output_key: dict[str, str] = {}  # src_uri -> key of an output to be stored
        self.search: dict[str, str] = {}
        self.pending: dict[str, tuple[str, int]] = {}  # src_uri -> (converted key, warnings before render)
        self.warned: set[str] = set()
        self.stats = {"converted": 0, "reused": 0, "rendered": 0, "output reused": 0}
        self._warnings = _Warnings()

    # ---- the build's events ----------------------------------------------------------------------

    def begin(self, config: Any) -> None:
        self.site = site_digest(config)
        logging.getLogger("mkdocs").addHandler(self._warnings)

    def end(self) -> None:
        self.abort()
        self.prune()

    def abort(self) -> None:
        """Stop counting warnings (a failed build stores what it finished and prunes nothing)."""
        logging.getLogger("mkdocs").removeHandler(self._warnings)

    def markdown(self, markdown: str, page: Page, files: Files) -> str | None:
        """The page's final Markdown: None on a hit (Markdown is then handed an empty page), else it is
        left to Markdown and its conversion recorded."""
        src = page.file.src_uri
        key = digest(self.site, src, markdown, page.meta, link_targets(markdown, src, files))
        entry = self._load(src)
        if entry is not None and entry.converted.key == key:
            self.converted_hit.add(src)
            self.stats["reused"] += 1
            # Page.render would still build a Markdown instance with every extension (about 2 ms a page) to
            # convert nothing: this page's render only marks it converted; on_page_content fills it in.
            page.render = _reused_render.__get__(page)  # type: ignore[method-assign]
            return None
        self.pending[src] = (key, self._warnings.count)
        self.stats["converted"] += 1
        return markdown

    def content(self, html: str, page: Page, files: Files, restore: Callable[[str], str]) -> str:
        """The page's HTML after Markdown: the cached one on a hit, else ``restore(html)``, recorded."""
        src = page.file.src_uri
        if src in self.converted_hit:
            c = self.entries[src].converted
            page.toc = toc_from(c.toc)
            page._title_from_render = c.title
            page.present_anchor_ids = set(c.anchors)
            if page.links_to_anchors is not None:
                links: dict = {}
                for uri, anchor, original in c.links:
                    f = files.get_file_from_path(uri)
                    if f is not None:
                        links.setdefault(f, {})[anchor] = original
                page.links_to_anchors = links
            return c.content
        html = restore(html)
        key, before = self.pending.pop(src, ("", 0))
        if key and self._warnings.count == before:
            links_to = page.links_to_anchors or {}
            self.fresh[src] = Converted(
                key=key, content=html, title=page._title_from_render, toc=toc_items(page.toc),
                anchors=tuple(sorted(page.present_anchor_ids or ())),
                links=tuple(sorted((f.src_uri, a, o) for f, anchors in links_to.items() for a, o in anchors.items())))
        return html

    def env(self, env: jinja2.Environment, config: Any, files: Files, nav: Any) -> jinja2.Environment:
        """All pages are converted: decide which take their output from the cache, and give the theme's
        environment the template that prints it."""
        self.nav = nav_digest(nav)
        build_date = get_build_date()
        for file in files.documentation_pages():
            page = file.page
            if page is None or page.content is None:
                continue
            src = file.src_uri
            if src not in self.fresh and src not in self.converted_hit:
                continue  # conversion warned: this page is built and stored never
            neighbours = [(p.url, p.title) if p else None for p in (page.previous_page, page.next_page)]
            key = digest(self.site, self.nav, build_date, src, page.url, page.title, page.meta, page.content,
                         toc_items(page.toc), neighbours, page.canonical_url, page.edit_url,
                         [a.title for a in page.ancestors], str(file.inclusion), page.is_homepage)
            entry = self.entries.get(src)
            if entry is not None and entry.output is not None and entry.output.key == key \
                    and "template" not in page.meta:
                self.output_hit[src] = entry.output
                page.meta["template"] = TEMPLATE
            else:
                self.output_key[src] = key
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({TEMPLATE: "{{ %s }}" % CONTEXT_KEY}), env.loader])
        if env.bytecode_cache is None:  # the theme's templates compiled once, not on every build (Jinja checks
            jinja_dir = self.dir.parent / "briefing-jinja"  # each one's source against its checksum)
            jinja_dir.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(jinja_dir))
        self._patch_search(config)
        return env

    def context(self, context: dict, page: Page) -> dict:
        out = self.output_hit.get(page.file.src_uri)
        if out is not None:
            context[CONTEXT_KEY] = Markup(out.html)
            self.stats["output reused"] += 1
        return context

    def post_page(self, output: str, page: Page) -> str:
        """The template's output, before any other plugin's ``on_post_page``: stored for the next build."""
        src = page.file.src_uri
        if src in self.output_hit:
            page.meta.pop("template", None)
            return output
        key = self.output_key.pop(src, None)
        if key is None:
            return output
        self.stats["rendered"] += 1
        converted = self.fresh.get(src) or self.entries[src].converted
        self._store(Entry(FORMAT, VERSION, src, converted, Output(key, output, self.search.get(src))))
        return output

    # ---- the search plugin -------------------------------------------------------------------------

    def _patch_search(self, config: Any) -> None:
        """The search index takes a reused page's entries from the cache instead of parsing its HTML, and
        records every other page's entries. MkDocs' and Material's indexes both add a page in
        ``add_entry_from_context(page)`` and keep the entries in a list."""
        for plugin in config.plugins.values():
            index = getattr(plugin, "search_index", None)
            original = getattr(index, "add_entry_from_context", None)
            attr = next((a for a in ("entries", "_entries") if isinstance(getattr(index, a, None), list)), None)
            if original is None or attr is None or getattr(original, "briefing_cached", False):
                continue

            def add(page: Page, index: Any = index, original: Callable = original, attr: str = attr) -> None:
                entries = getattr(index, attr)
                hit = self.output_hit.get(page.file.src_uri)
                if hit is not None and hit.search is not None:
                    entries.extend(json.loads(hit.search))
                    return
                n = len(entries)
                original(page)
                self.search[page.file.src_uri] = json.dumps(entries[n:], ensure_ascii=False)
            add.briefing_cached = True  # type: ignore[attr-defined]
            index.add_entry_from_context = add

    # ---- entries on disk ---------------------------------------------------------------------------

    def _path(self, src: str) -> Path:
        return self.dir / f"{hashlib.sha256(src.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}{SUFFIX}"

    def _load(self, src: str) -> Entry | None:
        path = self._path(src)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        try:
            entry = decode(raw)
            if entry.format != FORMAT or entry.version != VERSION or entry.src_uri != src:
                raise CodecError("not this page's entry of this version")
        except CodecError as exc:
            log.warning("briefing: page cache entry %s (%s) is not used: %s", path, src, exc)
            path.unlink(missing_ok=True)
            return None
        self.entries[src] = entry
        return entry

    def _store(self, entry: Entry) -> None:
        try:
            write_atomic(self._path(entry.src_uri), encode(entry))
        except (OSError, TypeError, ValueError) as exc:
            log.info("briefing: %s: page not cached: %s", entry.src_uri, exc)
        self.entries[entry.src_uri] = entry

    def prune(self) -> None:
        """Entries of pages this build did not have, and leftover temporary files, go."""
        prune_folder(self.dir, {self._path(s).name for s in self.entries})

