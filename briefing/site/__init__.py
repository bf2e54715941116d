"""The site stage: the linked corpus through the Jinja templates into pages and JSON exports.

One Jinja environment (StrictUndefined, autoescape on) renders every generated page
(``context.py``); one module per page kind (``pages/``). Article-derived strings only ever
reach a page through autoescaped variables or the escaped markup of ``markup.py``;
templates put them inside HTML elements so Markdown never interprets them. ``paths.py`` is
the one place that makes URLs and anchors.
"""

from __future__ import annotations

from pathlib import Path

from briefing.config import Limits
from briefing.link import Corpus
from briefing.site.context import Context
from briefing.site.exports import exports
from briefing.site.feeds import CALENDAR, FEED, atom, calendar
from briefing.site.memo import Memo
from briefing.site.pages import all_pages

__all__ = ["exports", "render"]


def render(corpus: Corpus, templates: Path, limits: Limits | None = None, site_name: str = "Briefing",
           site_url: str | None = None, memo: Path | None = None, code: str = "") -> dict[str, str]:
    """Every generated page, export and subscription file: {src_uri: content}. With ``memo`` (a folder),
    a page whose view, templates and ``code`` (a digest of the site code) are those of the last build is
    taken from there, not rendered."""
    limits = limits or Limits()
    cache = Memo(memo, templates, code) if memo else None
    out = all_pages(Context(corpus, templates, limits, cache))
    if cache:
        cache.prune()
    out.update(exports(corpus, limits))
    out[FEED] = atom(corpus, site_name, site_url)
    out[CALENDAR] = calendar(corpus, site_name, site_url, limits)
    return out
