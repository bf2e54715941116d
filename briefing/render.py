"""The render stage: the linked corpus through the Jinja templates into pages and JSON exports.

One Jinja environment (StrictUndefined, autoescape on) renders every generated page.
Article-derived strings only ever reach a page through autoescaped variables or the
escaped markup of ``briefing.markup``; templates put them inside HTML elements so
Markdown never interprets them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from briefing import charts, paths
from briefing.dates_display import article_date, article_date_iso, is_ahead, timex_phrase, timex_value
from briefing.link import Corpus, TimelineEntry, event_sort_key, mention_entities
from briefing.markup import ArticleMarkup, figure_label, format_value, page_title, plural, safe_url, snippet, text
from briefing.annotate.figures import GENERAL_MEASURES, figure_kind, measure_of
from briefing.annotate.sentences import sentence_at
from briefing.entity_link import subject_resolver
from briefing.model import Annotated, Article, Block, Entity, Figure, Sentence
from briefing.timevalues import interval

SECTIONS = ("articles", "timeline", "themes", "entities", "figures", "glossary", "sources")

# ---- scale: which entities get a page, how long one listing page may grow ---------------------
SMALL_CORPUS = 50  # articles: in a briefing this small every entity gets its own page
ENTITY_MIN_ARTICLES = 3  # otherwise an entity gets a page when named in this many articles…
ENTITY_MIN_MENTIONS = 10  # …or this many times; the rest are listed on the entity index pages only
LISTING_LIMIT = 300  # entries on one listing page; longer listings are split by date or by letter
HIGHLIGHTS = 60  # entries ahead and recent on the main timeline page of a split timeline


def sentence_holding(doc: Annotated, block: int, offset: int) -> Sentence | None:
    """The sentence of ``doc`` around ``offset`` in ``block``, None in the space between two; a binary
    search, since it runs per mention and per figure (a scan made a 5 MB article quadratic)."""
    s = sentence_at(doc.sentences, block, offset)
    return s if s is not None and offset < s.end else None


def theme_weights(doc: Annotated) -> Counter:
    """Theme id -> the summed paragraph scores of ``doc``: its theme mix."""
    weights: Counter = Counter()
    for t in doc.themes:
        weights[t.theme] += t.score
    return weights


NEAR_YEARS = 30  # year charts run continuously over today ± this; older or later years share one column


@dataclass(frozen=True)
class YearAxis:
    """Columns (label, past, ahead) for a year chart, and what its "earlier"/"later" columns hold."""

    columns: list[tuple[str, int, int]]
    earlier: tuple[int, int] | None = None  # (first year on the axis, entries before it)
    later: tuple[int, int] | None = None  # (last year on the axis, entries after it)


def year_axis(counts: dict[int, tuple[int, int]], today_year: int) -> YearAxis:
    """A continuous year axis (gaps between busy years show) that far-off years cannot stretch:
    1960 in a briefing about 2026 goes into an "earlier" column at the left, with a gap after it."""
    if not counts:
        return YearAxis([])
    near = [y for y in counts if abs(y - today_year) <= NEAR_YEARS]
    lo, hi = (min(near), max(near)) if near else (today_year, today_year)
    far_past = [counts[y] for y in counts if y < lo]
    far_ahead = [counts[y] for y in counts if y > hi]
    cols = [(str(y), *counts.get(y, (0, 0))) for y in range(lo, hi + 1)] if near else []
    earlier = later = None
    if far_past:
        earlier = (lo, sum(p + a for p, a in far_past))
        cols = [("earlier", sum(p for p, _ in far_past), sum(a for _, a in far_past)), ("", 0, 0)] + cols
    if far_ahead:
        later = (hi, sum(p + a for p, a in far_ahead))
        cols = cols + [("", 0, 0), ("later", sum(p for p, _ in far_ahead), sum(a for _, a in far_ahead))]
    return YearAxis(cols, earlier, later)


def entity_pages(corpus: Corpus) -> frozenset[str]:
    """Ids of the entities that get their own page (the rule is stated on the entities index page)."""
    if len(corpus.docs) <= SMALL_CORPUS:
        return frozenset(e.id for e in corpus.entities)
    return frozenset(
        eid for eid, ms in corpus.entity_mentions.items()
        if len(ms) >= ENTITY_MIN_MENTIONS or len({m.source for m in ms}) >= ENTITY_MIN_ARTICLES
    )


def name_letter(name: str) -> str:
    """The letter an entity is filed under on a split index: a-z, or "0-9" for the rest."""
    first = paths.slugify(name)[0]
    return first if first.isalpha() else "0-9"


def _pages_of(items: list, size: int = LISTING_LIMIT) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


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


@dataclass(frozen=True)
class Link:
    href: str
    label: str
    note: str = ""


class Site:
    """Renders every generated page of one corpus; ``pages()`` returns {src_uri: content}."""

    def __init__(self, corpus: Corpus, templates: Path):
        self.c = corpus
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
        self.paged = entity_pages(corpus)
        # Mentions of an entity without a page are not links in the article text.
        self.linked_entity_of = (corpus.entity_of if len(self.paged) == len(corpus.entities) else
                                 {k: v for k, v in corpus.entity_of.items() if v in self.paged})
        self.split_entities = len(corpus.entities) > LISTING_LIMIT
        self.split_articles = len(corpus.docs) > LISTING_LIMIT
        self.split_timeline = len(corpus.timeline) > LISTING_LIMIT
        self.entry_page = self._timeline_periods()

    # ---- helpers ---------------------------------------------------------------------

    def render(self, template: str, page: str, search: bool = True, **ctx) -> str:
        href = partial(paths.href, page)
        out = self.env.get_template(template).render(
            page=page, href=href, paths=paths, sections=self.section_links(page), **ctx
        )
        if not search and out.startswith("---\n"):
            # Material's per-page switch: keeps thousands of entity and listing pages out of the search index.
            out = "---\nsearch:\n  exclude: true\n" + out[4:]
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
        return paths.entity_list_page(e.type, name_letter(e.name)) if self.split_entities else paths.index_page("entities")

    def theme_link(self, page: str, tid: str) -> Link:
        return Link(paths.href(page, paths.theme_page(tid)), self.theme_names.get(tid, tid))

    def entry_view(self, page: str, entry: TimelineEntry, theme: str | None = None) -> dict:
        """One timeline entry for a template; on ``theme``'s own page its chip is left out."""
        # One row per article; each sentence it tells the event in is a quoted link ("December" · "last December").
        by_source: dict[str, dict] = {}
        seen: set[tuple[str, int, int]] = set()
        for m in entry.mentions:
            if (m.source, m.block, m.sentence) in seen:
                continue  # one sentence naming the date twice ("April 2024 … April 11, 2024") is one source
            seen.add((m.source, m.block, m.sentence))
            sentence = Link(paths.href(page, paths.article_page(self.c.by_source[m.source].article.slug),
                                  paths.sentence_anchor(m.block, m.sentence)), m.expression)
            row = by_source.get(m.source)
            if row is None:
                by_source[m.source] = {
                    "link": self.article_link(page, m.source, paths.sentence_anchor(m.block, m.sentence)),
                    "outlet": self.c.by_source[m.source].article.outlet or "", "sentences": [sentence]}
            else:
                row["sentences"].append(sentence)
        mentions = list(by_source.values())
        return {
            "id": entry.id,
            "anchor": paths.event_anchor(entry.id),
            "value": entry.value,
            "human": timex_phrase(entry.value, entry.mod),
            "kind": entry.kind,
            "title": entry.title,
            "themes": [self.theme_link(page, t) for t in entry.themes if t in self.theme_names and t != theme],
            "theme_ids": " ".join(entry.themes),
            "entities": [self.entity_link(page, e) for e in entry.entities if e in self.entity][:8],
            "mentions": mentions,
            "ahead": is_ahead(entry.value, entry.kind, self.c.today),
            # On a timeline page the title leads to the first source sentence; elsewhere to the entry.
            "href": (mentions[0]["link"].href if page in (paths.index_page(paths.TIMELINE), self.entry_page[entry.id])
                     else paths.href(page, self.entry_page[entry.id], paths.event_anchor(entry.id))),
        }

    def theme_mix(self, doc: Annotated, page: str) -> Markup:
        weights = theme_weights(doc)
        total = sum(weights.values())
        if not total:
            return Markup("")
        shares = [(self.theme_names.get(t, t), w / total, paths.href(page, paths.theme_page(t)))
                  for t, w in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))]
        return charts.mix(shares, "Theme mix")

    # ---- pages -----------------------------------------------------------------------

    def pages(self) -> dict[str, str]:
        out: dict[str, str] = {}
        out[paths.HOME] = self.home()
        out.update(self.articles_index())
        for doc in self.c.docs:
            out[paths.article_page(doc.article.slug)] = self.article(doc)
        out.update(self.entities_index())
        for e in self.c.entities:
            if e.id in self.paged:
                out[paths.entity_page(e.id)] = self.entity_page(e.id)
        out[paths.index_page("themes")] = self.themes_index()
        for t in self.c.themes:
            out[paths.theme_page(t.id)] = self.theme_page(t.id)
        out.update(self.timeline())
        out[paths.index_page("glossary")] = self.glossary()
        out[paths.index_page("figures")] = self.figures()
        out[paths.index_page("sources")] = self.sources()
        return out

    def home(self) -> str:
        page = paths.HOME
        newest = [self.article_row(page, d) for d in self.c.docs[:6]]
        ahead = sorted((self.entry_view(page, e) for e in self.c.timeline if is_ahead(e.value, e.kind, self.c.today)),
                       key=_ahead_key)[:6]
        recent_past = [self.entry_view(page, e) for e in reversed(self.c.timeline)
                       if e.kind == "past" and not is_ahead(e.value, e.kind, self.c.today)
                       and "X" not in e.value][:5]
        window = self.latest_docs()
        theme_counts: Counter = Counter()
        entity_counts: Counter = Counter()
        for d in window:
            theme_counts.update({(t.block, t.theme) for t in d.themes})
            entity_counts.update(mention_entities(self.c.entity_of, d))
        themes_now: Counter = Counter(t for _, t in theme_counts.elements())
        top_themes = [(self.theme_link(page, t), n) for t, n in sorted(themes_now.items(), key=lambda kv: (-kv[1], kv[0]))
                      if t in self.theme_names][:6]
        top_entities = [(self.entity_link(page, eid), n) for eid, n in
                        sorted(entity_counts.items(), key=lambda kv: (-kv[1], kv[0])) if eid in self.entity][:12]
        return self.render("home.md.j2", page, newest=newest, ahead=ahead, recent=recent_past,
                           themes=top_themes, entities=top_entities, n_articles=len(self.c.docs),
                           n_window=len(window), since=article_date(window[-1].article) if window else "",
                           n_events=len(self.c.timeline), n_entities=len(self.c.entities),
                           today=self.c.today.isoformat(),
                           about=paths.href(page, "about.md"), adding=paths.href(page, "adding-an-article.md"))

    def latest_docs(self, days: int = 31, at_least: int = 3) -> list[Annotated]:
        """The briefing's "this month": articles from the month up to the newest one (at least a few)."""
        dated = [d for d in self.c.docs if d.article.date]  # newest first
        if not dated:
            return list(self.c.docs[:at_least])
        cutoff = dated[0].article.date - dt.timedelta(days=days)
        window = [d for d in dated if d.article.date >= cutoff]
        return window if len(window) >= at_least else dated[:at_least]

    def entity_ranking(self) -> list[tuple[str, int]]:
        counts = {eid: len({m.source for m in ms}) * 100 + len(ms) for eid, ms in self.c.entity_mentions.items()}
        return sorted(((e, len(self.c.entity_mentions[e])) for e in counts), key=lambda en: (-counts[en[0]], en[0]))

    def article_row(self, page: str, doc: Annotated) -> dict:
        a = doc.article
        lead = next((b for b in a.blocks if b.kind == "paragraph"), None)
        summary = ""
        if lead is not None:
            first = next((s for s in doc.sentences if s.block == lead.index), None)
            summary = lead.text[first.start:first.end] if first else lead.text
        themes = theme_weights(doc)
        return {
            "link": self.article_link(page, a.source),
            "date": article_date(a),
            "date_inferred": a.date_inferred,
            "outlet": a.outlet or "",
            "summary": text(summary[:300] + ("…" if len(summary) > 300 else "")),
            "themes": [self.theme_link(page, t) for t, _ in themes.most_common(3) if t in self.theme_names],
        }

    def articles_index(self) -> dict[str, str]:
        """The articles index; past LISTING_LIMIT articles, one page per month (paginated) behind it."""
        page = paths.index_page("articles")
        if not self.split_articles:
            by_year: dict[str, list] = defaultdict(list)
            for d in self.c.docs:
                by_year[str(d.article.date.year) if d.article.date else "Undated"].append(self.article_row(page, d))
            return {page: self.render("articles.md.j2", page, years=list(by_year.items()), total=len(self.c.docs),
                                      periods=[], newest=[])}
        by_period: dict[str, list[Annotated]] = defaultdict(list)
        for d in self.c.docs:  # newest first, so periods and their pages come out newest first
            by_period[f"{d.article.date:%Y-%m}" if d.article.date else "undated"].append(d)
        out: dict[str, str] = {}
        years: dict[str, list] = defaultdict(list)
        for period, docs in by_period.items():
            label = timex_value(period) if period != "undated" else "Undated"
            chunks = _pages_of(docs)
            for n, chunk in enumerate(chunks, 1):
                sub = paths.article_list_page(period, n)
                pager = [Link(paths.href(sub, paths.article_list_page(period, k)), str(k)) for k in range(1, len(chunks) + 1)]
                out[sub] = self.render("articles_period.md.j2", sub, search=False, label=label, n=n, pager=pager,
                                       rows=[self.article_row(sub, d) for d in chunk], total=len(docs),
                                       index=paths.href(sub, page))
            years[period[:4] if period != "undated" else "Undated"].append(
                (Link(paths.href(page, paths.article_list_page(period)), label.split(" ")[0]), len(docs)))
        newest = [self.article_row(page, d) for d in self.c.docs[:20]]
        out[page] = self.render("articles.md.j2", page, years=[], total=len(self.c.docs),
                                periods=list(years.items()), newest=newest)
        return out

    def article(self, doc: Annotated) -> str:
        a = doc.article
        page = paths.article_page(a.slug)
        mk = ArticleMarkup(doc, page, self.linked_entity_of, self.entity_names, self.theme_names, self.event_of)
        events = []
        for ev in sorted(doc.events, key=lambda e: (event_sort_key(e.timex.value), e.block, e.sentence)):
            entry_id = self.event_of.get((a.source, ev.block, ev.sentence))
            events.append({
                "value": ev.timex.value, "human": timex_phrase(ev.timex.value, ev.timex.mod), "kind": ev.kind,
                "expression": ev.timex.text,
                "href": paths.href(page, page, paths.sentence_anchor(ev.block, ev.sentence)),
                "timeline": paths.href(page, self.entry_page[entry_id], paths.event_anchor(entry_id)) if entry_id else None,
                "text": snippet(ev.text, 0, len(ev.text), width=200),
            })
        ents: dict[str, int] = Counter()
        for m in doc.mentions:
            eid = self.c.entity_of.get((a.source, m.block, m.start))
            if eid:
                ents[eid] += 1
        by_type: dict[str, list] = defaultdict(list)
        for eid, n in sorted(ents.items(), key=lambda kv: (-kv[1], self.entity[kv[0]].name)):
            by_type[self.entity[eid].type].append((self.entity_link(page, eid), n))
        quotes = []
        for q in doc.quotes:
            b = a.blocks[q.block]
            quotes.append({"text": text(b.text[q.start:q.end]), "speaker": q.speaker or "",
                           "href": paths.href(page, page, paths.block_anchor(q.block))})
        return self.render(
            "article.md.j2", page,
            article=a, web=safe_url(a.url), date=article_date(a), blocks=mk.blocks_html(), events=events,
            entity_types=sorted(by_type.items()), quotes=quotes,
            related=[self.article_link(page, s) for s in self.c.related.get(a.source, ())],
            mix=self.theme_mix(doc, page),
            acronyms=sorted({(x.term, x.expansion) for x in doc.acronyms}),
            glossary=paths.href(page, paths.index_page("glossary")),
            sources=paths.href(page, paths.index_page("sources")),
        )

    def entity_item(self, page: str, eid: str, n: int) -> dict:
        sources = {m.source for m in self.c.entity_mentions.get(eid, ())}
        return {"id": paths.entity_anchor(eid), "link": self.entity_link(page, eid), "page": eid in self.paged,
                "mentions": n, "articles": len(sources),
                # An entity without a page is one article's: link that article instead.
                "in": [] if eid in self.paged else [self.article_link(page, src) for src in sorted(sources)]}

    def entities_index(self) -> dict[str, str]:
        """The entities index by type; past LISTING_LIMIT entities, the leading ones per type on the index
        and every entity on a page per type and initial letter."""
        page = paths.index_page("entities")
        ranked: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for eid, n in self.entity_ranking():
            ranked[self.entity[eid].type].append((eid, n))
        for e in self.c.entities:  # entities the corpus never mentions still get listed
            if e.id not in self.c.entity_mentions:
                ranked[e.type].append((e.id, 0))
        rule = {"small": len(self.c.docs) <= SMALL_CORPUS, "corpus": SMALL_CORPUS,
                "articles": ENTITY_MIN_ARTICLES, "mentions": ENTITY_MIN_MENTIONS}
        common = dict(total=len(self.c.entities), paged=len(self.paged), rule=rule)
        if not self.split_entities:
            types = [(t, len(items), [self.entity_item(page, eid, n) for eid, n in items], [])
                     for t, items in sorted(ranked.items())]
            return {page: self.render("entities.md.j2", page, types=types, **common)}
        out: dict[str, str] = {}
        types = []
        for etype, items in sorted(ranked.items()):
            by_letter: dict[str, list[tuple[str, int]]] = defaultdict(list)
            for eid, n in sorted(items, key=lambda en: (self.entity[en[0]].name.lower(), en[0])):
                by_letter[name_letter(self.entity[eid].name)].append((eid, n))
            letters = []
            for letter, members in sorted(by_letter.items(), key=lambda kv: (kv[0] == "0-9", kv[0])):
                sub = paths.entity_list_page(etype, letter)
                out[sub] = self.render("entity_list.md.j2", sub, search=False, etype=etype,
                                       letter=letter.upper(), items=[self.entity_item(sub, eid, n) for eid, n in members],
                                       index=paths.href(sub, page), rule=rule)
                letters.append((Link(paths.href(page, sub), letter.upper()), len(members)))
            top = [self.entity_item(page, eid, n) for eid, n in items if eid in self.paged][:30]
            types.append((etype, len(items), top, letters))
        out[page] = self.render("entities.md.j2", page, types=types, **common)
        return out

    def entity_page(self, eid: str) -> str:
        page = paths.entity_page(eid)
        e = self.entity[eid]
        mentions = self.c.entity_mentions.get(eid, ())
        by_article: dict[str, list] = defaultdict(list)
        for m in mentions:
            doc = self.c.by_source[m.source]
            b = doc.article.blocks[m.block]
            sent = sentence_holding(doc, m.block, m.start)
            start, end = (sent.start, sent.end) if sent else (0, len(b.text))
            anchor = paths.sentence_anchor(m.block, sent.index) if sent else paths.block_anchor(m.block)
            by_article[m.source].append({"href": paths.href(page, paths.article_page(doc.article.slug), anchor),
                                         "text": snippet(b.text, start, end, m.start, m.end)})
        # Articles in corpus order (newest first); by_article keeps mention order, which follows it.
        groups = [(self.article_link(page, src), items) for src, items in by_article.items()]
        co = [(self.entity_link(page, other), n) for other, n in self.c.cooccurs.get(eid, ())[:15] if other in self.entity]
        graph = charts.network(e.name, [(lnk.label, n, lnk.href) for lnk, n in co[:10]], f"Entities that appear with {e.name}")
        entries = [self.entry_view(page, t) for t in self.entries_of.get(eid, ())]
        # Searchable (a reader searches a name), but only the title and the line under it: the page's
        # long sections carry data-search-exclude. Past LISTING_LIMIT entities the index pages list them.
        return self.render("entity.md.j2", page, search=not self.split_entities, entity=e, groups=groups, count=len(mentions), co=co,
                           graph=graph, timeline_entries=entries, index=paths.href(page, paths.index_page("entities")))

    def themes_index(self) -> str:
        page = paths.index_page("themes")
        rows = []
        for t in self.c.themes:
            paras = self.c.theme_paragraphs.get(t.id, ())
            rows.append({"link": self.theme_link(page, t.id), "description": t.description,
                         "paragraphs": len(paras), "articles": len({p.source for p in paras})})
        rows.sort(key=lambda r: (-r["paragraphs"], r["link"].label))
        return self.render("themes.md.j2", page, rows=rows)

    def theme_page(self, tid: str) -> str:
        page = paths.theme_page(tid)
        theme = self.theme_by_id[tid]
        paras = []
        entity_counts: Counter = Counter()
        by_year: Counter = Counter()
        related: Counter = Counter()
        for p in self.c.theme_paragraphs.get(tid, ()):
            doc = self.c.by_source[p.source]
            b = doc.article.blocks[p.block]
            paras.append({"link": self.article_link(page, p.source, paths.block_anchor(p.block)),
                          "score": f"{p.score:.2f}", "text": snippet(b.text, 0, len(b.text), width=420)})
            entity_counts.update(mention_entities(self.c.entity_of, doc, p.block))
            if doc.article.date:
                by_year[doc.article.date.year] += 1
            for other in doc.themes:
                if other.block == p.block and other.theme != tid:
                    related[other.theme] += 1
        axis = year_axis({y: (n, 0) for y, n in by_year.items()}, self.c.today.year)
        over_time = (charts.columns(axis.columns, f"Paragraphs on {theme.name} by article year")
                     if len(by_year) > 1 else Markup(""))
        entries = [self.entry_view(page, e, theme=tid) for e in self.entries_of.get(f"theme:{tid}", ())]
        return self.render(
            "theme.md.j2", page, search=not self.split_entities, theme=theme, paragraphs=paras, over_time=over_time,
            by_year=sorted(by_year.items()), timeline_entries=entries,
            drivers=[(self.entity_link(page, e), n) for e, n in entity_counts.most_common(12) if e in self.entity],
            related=[(self.theme_link(page, t), n) for t, n in related.most_common(5) if t in self.theme_names],
            index=paths.href(page, paths.index_page("themes")),
        )

    def _timeline_periods(self) -> dict[str, str]:
        """Entry id -> the timeline page that holds it: the main page, or past LISTING_LIMIT entries its
        year's page (its month's page when the year alone has more than LISTING_LIMIT entries)."""
        home = paths.index_page(paths.TIMELINE)
        if not self.split_timeline:
            return {e.id: home for e in self.c.timeline}
        per_year = Counter(self._year(e.value) for e in self.c.timeline)
        out = {}
        for e in self.c.timeline:
            year = self._year(e.value)
            month = e.value[5:7]
            split = year != "undated" and per_year[year] > LISTING_LIMIT and month.isdigit()
            out[e.id] = paths.timeline_page(f"{year}-{month}" if split else year)
        return out

    @staticmethod
    def _year(value: str) -> str:
        return value[:4] if value[:4].isdigit() else "undated"

    def _timeline_chart(self, views: list[dict]) -> tuple[Markup, YearAxis]:
        """The density of events per year (a decade like 196X counts in its first year)."""
        counts: dict[int, tuple[int, int]] = {}
        for v in views:
            b = interval(v["value"])
            if b is None:
                continue
            past, ahead = counts.get(b[0].year, (0, 0))
            counts[b[0].year] = (past, ahead + 1) if v["ahead"] else (past + 1, ahead)
        axis = year_axis(counts, self.c.today.year)
        chart = charts.columns(axis.columns, "Events per year: past in blue, ahead in orange",
                               marker=str(self.c.today.year))
        return chart, axis

    def timeline(self) -> dict[str, str]:
        """The timeline; past LISTING_LIMIT entries, the main page shows what is ahead, the most recent
        past and the way to a page per year (per month in a crowded year)."""
        page = paths.index_page(paths.TIMELINE)
        used = sorted({t for e in self.c.timeline for t in e.themes})
        themes = [(t, self.theme_names.get(t, t)) for t in used]
        today = self.c.today.isoformat()
        views = [self.entry_view(page, e) for e in self.c.timeline]
        ahead = sorted((v for v in views if v["ahead"]), key=_ahead_key)
        undated = [v for v in views if not v["ahead"] and "X" in v["value"][:4]]
        past = [v for v in views if not v["ahead"] and "X" not in v["value"][:4]]
        chart, axis = self._timeline_chart(views)
        if not self.split_timeline:
            return {page: self.render("timeline.md.j2", page, ahead=_group_by_period(ahead),
                                      past=_group_by_period(reversed(past)), undated=undated, chart=chart,
                                      axis=axis, today=today, total=len(views), themes=themes, periods=[], more_ahead=0)}
        out: dict[str, str] = {}
        members: dict[str, list[TimelineEntry]] = defaultdict(list)
        for e in self.c.timeline:
            members[self.entry_page[e.id]].append(e)
        years: dict[str, list] = {}
        for sub in sorted(members, key=lambda pg: (pg[:13], len(pg), pg)):  # a year's page before its months
            period = sub.split("/")[-1][:-3]
            year = period[:4] if period != "undated" else "undated"
            label = "Year not known" if period == "undated" else timex_value(period)
            sub_views = [self.entry_view(sub, e) for e in members[sub]]
            months = [Link(paths.href(sub, pg), timex_value(pg.split("/")[-1][:-3]).split(" ")[0])
                      for pg in sorted(members) if pg != sub and period == year and pg.split("/")[-1].startswith(year + "-")]
            out[sub] = self.render("timeline_period.md.j2", sub, search=False, label=label, total=len(sub_views),
                                   groups=[] if period == "undated" else _group_by_period(sub_views),
                                   flat=sub_views if period == "undated" else [], undated=period == "undated",
                                   months=months, themes=themes, index=paths.href(sub, page))
            years.setdefault(year, []).append((Link(paths.href(page, sub), "the year as a whole" if period == year
                                                    and months else label.split(" ")[0]), len(sub_views)))
        periods = sorted(years.items(), key=lambda kv: (kv[0] == "undated", kv[0]), reverse=True)
        periods = [p for p in periods if p[0] != "undated"] + [p for p in periods if p[0] == "undated"]
        out[page] = self.render("timeline.md.j2", page, ahead=_group_by_period(ahead[:HIGHLIGHTS]),
                                past=_group_by_period(list(reversed(past))[:HIGHLIGHTS]), undated=[], chart=chart,
                                axis=axis, today=today, total=len(views), themes=themes, periods=periods,
                                more_ahead=max(0, len(ahead) - HIGHLIGHTS))
        return out

    def glossary(self) -> str:
        page = paths.index_page("glossary")
        rows = [{"term": g.term, "anchor": "term-" + paths.slugify(g.term), "expansion": g.expansion,
                 "articles": [self.article_link(page, s) for s in g.sources]} for g in self.c.glossary]
        return self.render("glossary.md.j2", page, rows=rows)

    def figures(self) -> str:
        """Charts of the measures at least two subjects or years share (what was spent apart from what is
        promised), then the other figures in a table. Bounded on any corpus: FIGURE_CHARTS charts of at
        most FIGURE_BARS bars per section, FIGURE_ROWS table rows; data/figures.json has every figure."""
        page = paths.index_page("figures")
        rows = []
        for fact in figure_facts(self.c):
            f, sent, b = fact.figure, fact.sentence, fact.block
            href = paths.href(page, paths.article_page(fact.slug), fact.anchor)
            rows.append({
                "figure": f, "fact": fact, "value": format_value(f), "href": href,
                "article": self.article_link(page, fact.source),
                "subject": _short_name(fact.entity) if fact.entity else (f.subject or ""),
                "subject_link": self.entity_link(page, fact.entity.id) if fact.entity else None,
                "text": snippet(b.text, sent[0], sent[1], f.start, f.end),
            })
        groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
        for r in rows:
            if r["subject"]:
                f = r["figure"]
                groups[(f.metric, r["fact"].measure, f.unit)].append(r)

        def spread(members: list[dict]) -> int:
            return max(len({r["subject"] for r in members}), len({r["figure"].year for r in members}))

        # "money" or "percentages" alone would set a bank's profit beside a film's budget: not like with like.
        comparable = sorted((k for k, ms in groups.items() if spread(ms) >= 2 and k[1] not in GENERAL_MEASURES),
                            key=lambda k: (k[0] != "gdp_share", -len(groups[k]), k))[:FIGURE_CHARTS]
        charted = {id(r) for k in comparable for r in groups[k]}
        chart_list = []
        for key in comparable:
            title = _measure_title(*key)
            sections = []
            for kind, heading in (("actual", "Reported"), ("target", "Targets and pledges")):
                seen: dict[tuple[str, int | None], dict] = {}
                for r in groups[key]:
                    if r["fact"].kind == kind:
                        seen.setdefault((r["subject"], r["figure"].year), r)  # one bar per subject and year
                items = sorted(seen.values(), key=lambda r: (-r["figure"].value, r["subject"]))[:FIGURE_BARS]
                bars = [charts.Bar(f"{r['subject']} {r['figure'].year or ''}".strip(), r["figure"].value, r["href"],
                                   f"{r['subject']}: {r['value']} ({r['figure'].text})", r["value"]) for r in items]
                sections.append((heading, bars, kind == "target"))
            chart_list.append((title, charts.split_bars(sections, title, "%" if key[2] == "%" else "")))
        rest = [r for r in rows if id(r) not in charted]
        rest.sort(key=lambda r: (not r["subject"], r["figure"].metric != "gdp_share"))  # stable: newest first
        return self.render("figures.md.j2", page, rows=rest[:FIGURE_ROWS], more=max(0, len(rest) - FIGURE_ROWS),
                           charts=chart_list, total=len(rows), data=paths.link(page, paths.data_file("figures")))

    def sources(self) -> str:
        page = paths.index_page("sources")
        problems = defaultdict(list)
        for p in self.c.problems:
            problems[p.source].append(p.reason)
        rows = []
        for d in sorted(self.c.docs, key=lambda d: d.article.source):
            a = d.article
            rows.append({"link": self.article_link(page, a.source), "article": a, "date": article_date(a),
                         "problems": problems.get(a.source, []), "notes": list(a.notes)})
        skipped = [p for p in self.c.problems if p.skipped]
        return self.render("sources.md.j2", page, rows=rows, skipped=skipped)


def _ahead_key(view: dict) -> tuple:
    """What comes next first: by the day a span ends ("spring 2026" before "end of 2026"), then its middle."""
    b = interval(view["value"])
    if b is None:
        return (dt.date.max, dt.date.max, view["value"])
    start, end = b
    return (end, start + (end - start) / 2, view["value"])


def _group_by_period(views: Iterable[dict]) -> list[tuple[str, list[tuple[str, list[dict]]]]]:
    """[(year, [(month label, entries)])] in the order given."""
    years: dict[str, dict[str, list[dict]]] = {}
    for v in views:
        year = v["value"][:4]
        rest = v["value"][5:7]
        if rest.isdigit():
            month = timex_value(v["value"][:7]).split(" ")[0]
        elif rest[:1] in ("Q", "H") or rest in ("SP", "SU", "FA", "WI"):  # quarters, halves, seasons: "Spring"
            month = timex_value(v["value"][:7]).rsplit(" ", 1)[0].capitalize()
        else:
            month = "Across the year"
        years.setdefault(year, {}).setdefault(month, []).append(v)
    return [(y, list(ms.items())) for y, ms in years.items()]


# ---- figures: what each number measures, whether it is a goal, whom it is about ---------------

FIGURE_CHARTS = 12  # measures charted on the figures page, those with the most figures first
FIGURE_BARS = 24  # bars per section of one chart
FIGURE_ROWS = 300  # rows of the figures table; data/figures.json lists every figure


@dataclass(frozen=True)
class FigureFact:
    source: str
    slug: str
    figure: Figure
    block: Block
    sentence: tuple[int, int]  # offsets of the figure's sentence in its block
    anchor: str  # the sentence's anchor on the article page
    kind: str  # "actual" | "target"
    measure: str  # "defence spending", "profit", "polls", "troops", …
    entity: Entity | None  # the subject as a merged entity ("U.S." and "America" are one)


def figure_facts(corpus: Corpus) -> list[FigureFact]:
    """Every figure of the corpus with its sentence, kind, measure and subject entity, in corpus order."""
    resolve = subject_resolver(corpus.entities)
    out = []
    for source, f in corpus.figures:
        doc = corpus.by_source[source]
        b = doc.article.blocks[f.block]
        sent = sentence_holding(doc, f.block, f.start)
        s0, s1 = (sent.start, sent.end) if sent else (0, len(b.text))
        sentence = b.text[s0:s1]
        out.append(FigureFact(
            source=source, slug=doc.article.slug, figure=f, block=b, sentence=(s0, s1),
            anchor=paths.sentence_anchor(f.block, sent.index) if sent else paths.block_anchor(f.block),
            kind=figure_kind(sentence, f.start - s0, f.end - s0),
            measure=measure_of(sentence, f.start - s0, f.metric, f.unit, b.text[:s0]),
            entity=resolve(f.subject),
        ))
    return out


def _short_name(e: Entity) -> str:
    """A chart label that fits: "NATO" for "North Atlantic Treaty Organization", else the name."""
    acronyms = sorted(a for a in e.aliases if a.isupper() and len(a) >= 2)
    return acronyms[0] if len(e.name) > 24 and acronyms else e.name


def _measure_title(metric: str, measure: str, unit: str) -> str:
    if metric == "gdp_share":
        return "Shares of GDP" if measure == "share of GDP" else f"{measure.capitalize()} as a share of GDP"
    if metric == "count":
        return f"Counts: {measure}"
    return f"{measure.capitalize()} ({unit})"


# ---- JSON exports (the documented contract) ----------------------------------------------------

def exports(corpus: Corpus) -> dict[str, str]:
    """{data/<name>.json: JSON text}; stable ordering, no timestamps."""
    by_source = corpus.by_source

    def url(source: str, anchor: str | None = None) -> str:
        return paths.site_url(paths.article_page(by_source[source].article.slug), anchor)

    articles = []
    for d in corpus.docs:
        a = d.article
        weights = theme_weights(d)
        articles.append({
            "id": a.slug, "title": a.title, "source": a.source, "url": url(a.source),
            "date": article_date_iso(a), "date_inferred": a.date_inferred, "outlet": a.outlet,
            "authors": list(a.authors),
            "themes": [t for t, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))],
            "entities": sorted(set(mention_entities(corpus.entity_of, d))),
        })
    timeline = [{
        "id": e.id, "date": e.value, "kind": e.kind, "title": e.title, "themes": list(e.themes),
        "entities": list(e.entities),
        "mentions": [{"source": m.source, "url": url(m.source, paths.sentence_anchor(m.block, m.sentence)),
                      "text": m.text, "expression": m.expression} for m in e.mentions],
    } for e in corpus.timeline]
    paged = entity_pages(corpus)
    split = len(corpus.entities) > LISTING_LIMIT

    def entity_url(e) -> str:
        """The entity's page, or its line on the entity index pages when it has none."""
        if e.id in paged:
            return paths.site_url(paths.entity_page(e.id))
        listing = paths.entity_list_page(e.type, name_letter(e.name)) if split else paths.index_page("entities")
        return paths.site_url(listing, paths.entity_anchor(e.id))

    entities = [{
        "id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases), "description": e.description,
        "url": entity_url(e),
        "mentions": [{"source": m.source, "url": url(m.source, paths.block_anchor(m.block)), "surface": m.surface}
                     for m in corpus.entity_mentions.get(e.id, ())],
    } for e in corpus.entities]
    themes = [{
        "id": t.id, "name": t.name, "description": t.description, "url": paths.site_url(paths.theme_page(t.id)),
        "paragraphs": [{"source": p.source, "url": url(p.source, paths.block_anchor(p.block)),
                        "text": by_source[p.source].article.blocks[p.block].text, "score": round(p.score, 4)}
                       for p in corpus.theme_paragraphs.get(t.id, ())],
    } for t in corpus.themes]
    glossary = [{"term": g.term, "expansion": g.expansion,
                 "url": paths.site_url(paths.index_page("glossary"), "term-" + paths.slugify(g.term)),
                 "sources": list(g.sources)} for g in corpus.glossary]
    figures = [{"subject": x.figure.subject, "metric": x.figure.metric, "value": x.figure.value,
                "unit": x.figure.unit, "year": x.figure.year, "text": x.figure.text, "source": x.source,
                "url": url(x.source, x.anchor), "kind": x.kind, "measure": x.measure,
                "entity": x.entity.id if x.entity else None}
               for x in figure_facts(corpus)]
    data = {"articles": articles, "timeline": timeline, "entities": entities, "themes": themes,
            "glossary": glossary, "figures": figures}
    return {paths.data_file(k): json.dumps(v, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
            for k, v in data.items()}
