"""One module per page kind; each is a function of the shared Context that returns {src_uri: Markdown}."""

from __future__ import annotations

from briefing.site.context import Context
from briefing.site.pages.article import article
from briefing.site.pages.articles import articles_index
from briefing.site.pages.entities import entities
from briefing.site.pages.figures import figures
from briefing.site.pages.home import home
from briefing.site.pages.listings import glossary, sources
from briefing.site.pages.themes import themes
from briefing.site.pages.timeline import timeline


def all_pages(ctx: Context) -> dict[str, str]:
    """Every generated page of the corpus."""
    out: dict[str, str] = {}
    out.update(home(ctx))
    out.update(articles_index(ctx))
    for doc in ctx.c.docs:
        out.update(article(ctx, doc))
    for kind in (entities, themes, timeline, glossary, figures, sources):
        out.update(kind(ctx))
    return out
