"""The only place that makes slugs, page paths, URLs and anchors.

Generated pages live under fixed folders; every link between pages is built here
so that a page move is a one-line change and links never drift apart.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from briefing.slugs import slugify  # noqa: F401  (re-exported: templates and pages file names under slugs)

ARTICLES = "articles"
ENTITIES = "entities"
THEMES = "themes"


# ---- page source paths (the src_uri handed to MkDocs) -----------------------------------

def article_page(slug: str) -> str:
    return f"{ARTICLES}/{slug}.md"


def entity_page(entity_id: str) -> str:
    return f"{ENTITIES}/{entity_id}.md"


def theme_page(theme_id: str) -> str:
    return f"{THEMES}/{theme_id}.md"


def index_page(section: str) -> str:
    """Section index: articles, entities, themes, timeline, glossary, figures, sources, data."""
    return f"{section}/index.md"


HOME = "index.md"
TIMELINE = "timeline"


# Listing pages of a large briefing, split by date or by type and initial letter.
def entity_list_page(etype: str, letter: str) -> str:
    return f"{ENTITIES}/by-type/{etype}-{letter}.md"


def article_list_page(period: str, n: int = 1) -> str:
    return f"{ARTICLES}/by-date/{period}{'' if n == 1 else f'-p{n}'}.md"


def timeline_page(period: str, n: int = 1) -> str:
    return f"{TIMELINE}/{period}{'' if n == 1 else f'-p{n}'}.md"


# The full lists behind a summary page, split into numbered pages: entities/<id>/page-2/ and on.
def entity_list_part(entity_id: str, n: int) -> str:
    return entity_page(entity_id) if n == 1 else f"{ENTITIES}/{entity_id}/page-{n}.md"


def theme_list_part(theme_id: str, n: int) -> str:
    return theme_page(theme_id) if n == 1 else f"{THEMES}/{theme_id}/page-{n}.md"


SOURCES = "sources"


def sources_page(period: str, n: int = 1) -> str:
    """The sources of one month (``YYYY-MM``, or ``undated``), page ``n``."""
    return f"{SOURCES}/{period}{'' if n == 1 else f'-p{n}'}.md"


# ---- anchors ---------------------------------------------------------------------------

def block_anchor(block: int) -> str:
    return f"p{block}"


def sentence_anchor(block: int, sentence: int) -> str:
    return f"p{block}-s{sentence}"


def place_anchor(block: int, sentence: int | None) -> str:
    """A sentence's anchor, or its paragraph's where no sentence holds the place."""
    return sentence_anchor(block, sentence) if sentence is not None else block_anchor(block)


def event_anchor(event_id: str) -> str:
    return f"ev-{event_id}"


def entity_anchor(entity_id: str) -> str:
    """An entity's line on an index page, for the entities without a page of their own."""
    return f"e-{entity_id}"


# ---- links -----------------------------------------------------------------------------

def link(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Relative Markdown link target from one page source path to another (MkDocs resolves .md)."""
    rel = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{rel}#{anchor}" if anchor else rel


def site_url(page: str, anchor: str | None = None) -> str:
    """Site-relative URL of a built page: the .html file itself (``articles/x.html``, ``index.html``).

    The site is built with ``use_directory_urls: false`` (the plugin sees to it) so that every link names
    a file: opened from disk or a zip, a link to ``articles/`` would show a directory listing.
    """
    url = page[: -len(".md")] + ".html"
    return f"{url}#{anchor}" if anchor else url


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Relative URL from one built page to another, for links inside raw HTML blocks."""
    rel = _relative(from_page, to_page)
    return f"{rel}#{anchor}" if anchor else rel or posixpath.basename(site_url(to_page))


# A large site makes hundreds of thousands of links between far fewer distinct page pairs.
@lru_cache(maxsize=1 << 16)
def _relative(from_page: str, to_page: str) -> str:
    """The relative file URL, "" for the page itself (a bare #anchor then stays on the page)."""
    if from_page == to_page:
        return ""
    return relative_path(site_url(to_page), posixpath.dirname(site_url(from_page)))


def relative_path(target: str, start: str) -> str:
    """``posixpath.relpath(target, start)`` for clean site-relative paths (no ".", "..", or leading "/"),
    as string work: relpath makes both absolute first, asking the OS for the working directory each time,
    which was a third of rendering the pages' links."""
    to, here = target.split("/"), start.split("/") if start else []
    common = 0
    for a, b in zip(to, here):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


def file_href(from_page: str, name: str) -> str:
    """Relative URL from a built page to a file at the site's root (feed.xml, calendar.ics)."""
    return relative_path(name, posixpath.dirname(site_url(from_page)))


def data_file(name: str) -> str:
    """Source path of a JSON export: data/articles.json etc., copied to site/data/."""
    return f"data/{name}.json"
