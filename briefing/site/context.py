"""What every page kind shares: the corpus's lookups, the link builders, the template environment.

A ``Context`` is built once per build from the linked corpus; the page modules in
``briefing.site.pages`` read it and never change it.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Mapping
from functools import partial
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from briefing.config import Limits
from briefing.link import Corpus, TimelineEntry
from briefing.model import Annotated
from briefing.site import charts, paths
from briefing.site.dates import ACROSS, article_date, is_ahead, kind_label, period_label, timex_phrase, timex_value
from briefing.site.markup import page_title
from briefing.site.memo import Memo
from briefing.site.views import EntryView, Link, SourceRow
from briefing.text import plural
from briefing.timex.values import parts, sort_key

SECTIONS = ("articles", "timeline", "themes", "entities", "figures", "glossary", "sources")


def theme_weights(doc: Annotated) -> Counter:
    """Theme id -> the summed paragraph scores of ``doc``: its theme mix."""
    weights: Counter = Counter()
    for t in doc.themes:
        weights[t.theme] += t.score
    return weights


def entity_pages(corpus: Corpus, limits: Limits) -> frozenset[str]:
    """Ids of the entities that get their own page (the rule is stated on the entities index page)."""
    if len(corpus.docs) <= limits.small_corpus:
        return frozenset(e.id for e in corpus.entities)
    return frozenset(
        eid for eid, ms in corpus.entity_mentions.items()
        if len(ms) >= limits.entity_min_mentions or len({m.source for m in ms}) >= limits.entity_min_articles
    )


def name_letter(name: str) -> str:
    """The letter an entity is filed under on a split index: a-z, or "0-9" for the rest."""
    first = paths.slugify(name)[0]
    return first if first.isalpha() else "0-9"


def entity_listing(corpus: Corpus, limits: Limits, etype: str, name: str) -> str:
    """The index page that lists an entity of ``etype`` called ``name``."""
    split = len(corpus.entities) > limits.listing_limit
    return paths.entity_list_page(etype, name_letter(name)) if split else paths.index_page("entities")


def environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Page titles: JSON strings, which YAML reads back verbatim, made safe for the theme (page_title).
    env.filters["yaml"] = lambda s: Markup(json.dumps(page_title(str(s)), ensure_ascii=False))
    env.filters["human_value"] = timex_value
    env.filters["plural"] = plural
    return env


def timeline_parts(corpus: Corpus, limits: Limits) -> dict[str, list[list[TimelineEntry]]]:
    """The timeline's pages: period -> its numbered pages' entries. One period, "", when the whole timeline
    fits on the main page; past ``listing_limit`` entries a period per year (per month in a year that alone
    has more), each split into pages of ``listing_limit`` in the order the page shows them."""
    if len(corpus.timeline) <= limits.listing_limit:
        return {"": [list(corpus.timeline)]}
    per_year = Counter(parts(e.value).year or "undated" for e in corpus.timeline)
    members: dict[str, list[TimelineEntry]] = defaultdict(list)
    for e in corpus.timeline:
        p = parts(e.value)
        year = p.year or "undated"
        split = year != "undated" and per_year[year] > limits.listing_limit and p.month is not None
        members[f"{year}-{p.month}" if split else year].append(e)
    out = {}
    for period, entries in members.items():
        if period != "undated":  # as the page lists them: months in time order, the year as a whole last
            entries = sorted(entries, key=lambda e: (period_label(e.value) == ACROSS, sort_key(e.value, e.mod)))
        size = limits.listing_limit
        out[period] = [entries[i:i + size] for i in range(0, len(entries), size)]
    return out


def timeline_periods(corpus: Corpus, limits: Limits,
                     parts_: dict[str, list[list[TimelineEntry]]] | None = None) -> dict[str, str]:
    """Entry id -> the timeline page that holds it: the main page, or its period's page (timeline_parts)."""
    return {e.id: (paths.index_page(paths.TIMELINE) if not period else paths.timeline_page(period, n))
            for period, pages in (parts_ or timeline_parts(corpus, limits)).items()
            for n, members in enumerate(pages, 1) for e in members}


class Context:
    """The corpus's lookups and the link builders, shared by every page kind."""

    def __init__(self, corpus: Corpus, templates: Path, limits: Limits | None = None, memo: Memo | None = None):
        self.c = corpus
        self.memo = memo
        self.limits = limits or Limits()
        self.env = environment(templates)
        self.entity = {e.id: e for e in corpus.entities}
        self.entity_names = {e.id: (e.name, e.type) for e in corpus.entities}
        self.theme_names = {t.id: t.name for t in corpus.themes}
        self.theme_by_id = {t.id: t for t in corpus.themes}
        # (source, block, sentence) -> timeline entry id, so sentences know their event.
        self.event_of: dict[tuple[str, int, int], str] = {}
        for entry in corpus.timeline:
            for m in entry.mentions:
                self.event_of.setdefault((m.source, m.block, m.sentence), entry.id)
        # Per entity and theme, their timeline entries: one pass, not one scan of the timeline per page.
        self.entries_of: dict[str, list[TimelineEntry]] = defaultdict(list)
        for entry in corpus.timeline:
            for key in {*entry.entities, *(f"theme:{t}" for t in entry.themes)}:
                self.entries_of[key].append(entry)
        self.paged = entity_pages(corpus, self.limits)
        # Mentions of an entity without a page are not links in the article text.
        self.linked_entity_of: Mapping[tuple[str, int, int], str] = (
            corpus.entity_of if len(self.paged) == len(corpus.entities) else
            {k: v for k, v in corpus.entity_of.items() if v in self.paged})
        self.split_entities = len(corpus.entities) > self.limits.listing_limit
        self.split_articles = len(corpus.docs) > self.limits.listing_limit
        self.split_timeline = len(corpus.timeline) > self.limits.listing_limit
        self.timeline_parts = timeline_parts(corpus, self.limits)
        self.entry_page = timeline_periods(corpus, self.limits, self.timeline_parts)
        self._previews: dict[str, str] | None = None

    @property
    def previews(self) -> Mapping[str, str]:
        """Entity id -> the one-line preview its links show on hover: "Tokyo · place, capital of Japan". Not how
        many articles name it (its page says): a count in every link would change every page naming a common
        entity whenever an article naming it comes or goes (157 pages for "United States" in 556 BBC articles)."""
        if self._previews is None:
            self._previews = {}
            for e in self.c.entities:
                about = f"{e.type}, {e.description}" if e.description else e.type
                self._previews[e.id] = f"{e.name} · {about}"
        return self._previews

    @property
    def search_words(self) -> int | None:
        """Words of an article's text the search index holds (its lead): None (all) in a small briefing."""
        n = self.limits.search_words
        return n if n > 0 and len(self.c.docs) > self.limits.small_corpus else None

    @staticmethod
    def search_boost(articles: int, mentions: int) -> float:
        """How far an entity's or a theme's own page ranks above the articles that name it: searching a
        name finds its page first, the more so the more articles it is in (so "Blair" finds the Blair of
        200 articles before the one of 3); between as many articles, the one named more often ("Japan"
        before the "U.S.-Japan Alliance" of as many articles)."""
        return round(2 + math.log2(1 + articles) + math.log2(1 + mentions) / 8, 2)

    def render(self, template: str, page: str, search: bool = True, boost: float | None = None, **ctx) -> str:
        if self.memo is None:
            return self._render(template, page, search, boost, ctx)
        view = {"template": template, "page": page, "search": search, "boost": boost, "view": ctx}
        return self.memo.render(page, view, lambda: self._render(template, page, search, boost, ctx))

    def _render(self, template: str, page: str, search: bool, boost: float | None, ctx: dict) -> str:
        href = partial(paths.href, page)
        out = self.env.get_template(template).render(
            page=page, href=href, paths=paths, sections=self.section_links(page), **ctx
        )
        if out.startswith("---\n"):
            # Material's per-page switches: thousands of listing pages kept out of the search index, and the
            # own pages of entities and themes ranked above the articles that merely name them.
            if not search:
                out = "---\nsearch:\n  exclude: true\n" + out[4:]
            elif boost is not None:
                out = f"---\nsearch:\n  boost: {boost}\n" + out[4:]
        return out

    def section_links(self, page: str) -> list[Link]:
        return [Link(paths.href(page, paths.index_page(s)), s.capitalize()) for s in SECTIONS]

    def article_link(self, page: str, source: str, anchor: str | None = None) -> Link:
        a = self.c.by_source[source].article
        return Link(paths.href(page, paths.article_page(a.slug), anchor), a.title, article_date(a))

    def entity_link(self, page: str, eid: str) -> Link:
        """To the entity's page, or to its line on the entity index for an entity without one."""
        e = self.entity[eid]
        if eid in self.paged:
            return Link(paths.href(page, paths.entity_page(eid)), e.name, e.type)
        return Link(paths.href(page, self.entity_listing(eid), paths.entity_anchor(eid)), e.name, e.type)

    def entity_listing(self, eid: str) -> str:
        e = self.entity[eid]
        return entity_listing(self.c, self.limits, e.type, e.name)

    def theme_link(self, page: str, tid: str) -> Link:
        return Link(paths.href(page, paths.theme_page(tid)), self.theme_names.get(tid, tid))

    def entry_view(self, page: str, entry: TimelineEntry, theme: str | None = None) -> EntryView:
        """One timeline entry for a template; on ``theme``'s own page its chip is left out."""
        # One row per article; each sentence it tells the event in is a quoted link ("December" · "last December").
        rows: dict[str, tuple[Link, list[Link]]] = {}
        seen: set[tuple[str, int, int]] = set()
        for m in entry.mentions:
            if (m.source, m.block, m.sentence) in seen:
                continue  # one sentence naming the date twice ("April 2024 … April 11, 2024") is one source
            seen.add((m.source, m.block, m.sentence))
            anchor = paths.sentence_anchor(m.block, m.sentence)
            sentence = Link(paths.href(page, paths.article_page(self.c.by_source[m.source].article.slug), anchor),
                            m.expression)
            if m.source not in rows:
                rows[m.source] = (self.article_link(page, m.source, anchor), [])
            rows[m.source][1].append(sentence)
        mentions = tuple(SourceRow(link, self.c.by_source[src].article.outlet or "", tuple(sentences))
                         for src, (link, sentences) in rows.items())
        return EntryView(
            id=entry.id,
            anchor=paths.event_anchor(entry.id),
            value=entry.value,
            human=timex_phrase(entry.value, entry.mod),
            kind=entry.kind,
            title=entry.title,
            themes=tuple(self.theme_link(page, t) for t in entry.themes if t in self.theme_names and t != theme),
            theme_ids=" ".join(entry.themes),
            entities=tuple(self.entity_link(page, e) for e in entry.entities if e in self.entity)[:8],
            mentions=mentions,
            ahead=(ahead := is_ahead(entry.value, entry.kind, self.c.today)),
            mod=entry.mod,
            kind_label=kind_label(entry.kind, ahead),
            # On a timeline page the title leads to the first source sentence; elsewhere to the entry.
            href=(mentions[0].link.href if page in (paths.index_page(paths.TIMELINE), self.entry_page[entry.id])
                  else paths.href(page, self.entry_page[entry.id], paths.event_anchor(entry.id))),
        )

    def theme_mix(self, doc: Annotated, page: str) -> Markup:
        weights = theme_weights(doc)
        total = sum(weights.values())
        if not total:
            return Markup("")
        shares = [(self.theme_names.get(t, t), w / total, paths.href(page, paths.theme_page(t)))
                  for t, w in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))]
        return charts.mix(shares, "Theme mix")
