"""The home page: the briefing at a glance (newest articles, what is ahead, themes and names this month)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from briefing.link import mention_entities
from briefing.model import Annotated
from briefing.site import paths
from briefing.site.context import Context
from briefing.site.dates import article_date, is_ahead
from briefing.site.pages.articles import article_row
from briefing.site.pages.timeline import ahead_key


def latest_docs(ctx: Context, days: int = 31, at_least: int = 3) -> list[Annotated]:
    """The briefing's "this month": articles from the month up to the newest one (at least a few)."""
    dated = [d for d in ctx.c.docs if d.article.date]  # newest first
    if not dated:
        return list(ctx.c.docs[:at_least])
    cutoff = dated[0].article.date - dt.timedelta(days=days)
    window = [d for d in dated if d.article.date >= cutoff]
    return window if len(window) >= at_least else dated[:at_least]


def home(ctx: Context) -> dict[str, str]:
    c, page = ctx.c, paths.HOME
    newest = [article_row(ctx, page, d) for d in c.docs[:6]]
    ahead = sorted((ctx.entry_view(page, e) for e in c.timeline if is_ahead(e.value, e.kind, c.today)),
                   key=ahead_key)[:6]
    recent_past = [ctx.entry_view(page, e) for e in reversed(c.timeline)
                   if e.kind == "past" and not is_ahead(e.value, e.kind, c.today) and "X" not in e.value][:5]
    window = latest_docs(ctx)
    theme_counts: Counter = Counter()
    entity_counts: Counter = Counter()
    for d in window:
        theme_counts.update({(t.block, t.theme) for t in d.themes})
        entity_counts.update(mention_entities(c.entity_of, d))
    themes_now: Counter = Counter(t for _, t in theme_counts.elements())
    top_themes = [(ctx.theme_link(page, t), n) for t, n in sorted(themes_now.items(), key=lambda kv: (-kv[1], kv[0]))
                  if t in ctx.theme_names][:6]
    top_entities = [(ctx.entity_link(page, eid), n) for eid, n in
                    sorted(entity_counts.items(), key=lambda kv: (-kv[1], kv[0])) if eid in ctx.entity][:12]
    return {page: ctx.render(
        "home.md.j2", page, newest=newest, ahead=ahead, recent=recent_past,
        themes=top_themes, entities=top_entities, n_articles=len(c.docs),
        n_window=len(window), since=article_date(window[-1].article) if window else "",
        n_events=len(c.timeline), n_entities=len(c.entities), today=c.today.isoformat(),
        about=paths.href(page, "about.md"), adding=paths.href(page, "adding-an-article.md"))}
