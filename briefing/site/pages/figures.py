"""The figures page: charts of the measures several subjects or years share, then the other figures."""

from __future__ import annotations

from collections import defaultdict

from briefing.annotate.figures import GENERAL_MEASURES
from briefing.model import Entity
from briefing.site import charts, paths
from briefing.site.context import Context
from briefing.site.markup import format_value, snippet
from briefing.site.views import FigureRow

FIGURE_CHARTS = 12  # measures charted on the figures page, those with the most figures first
FIGURE_BARS = 24  # bars per section of one chart
FIGURE_ROWS = 300  # rows of the figures table; data/figures.json lists every figure


def short_name(e: Entity) -> str:
    """A chart label that fits: "NATO" for "North Atlantic Treaty Organization", else the name."""
    acronyms = sorted(a for a in e.aliases if a.isupper() and len(a) >= 2)
    return acronyms[0] if len(e.name) > 24 and acronyms else e.name


def measure_title(metric: str, measure: str, unit: str) -> str:
    if metric == "gdp_share":
        return "Shares of GDP" if measure == "share of GDP" else f"{measure.capitalize()} as a share of GDP"
    if metric == "count":
        return f"Counts: {measure}"
    return f"{measure.capitalize()} ({unit})"


def figures(ctx: Context) -> dict[str, str]:
    """Charts of the measures at least two subjects or years share (what was spent apart from what is
    promised), then the other figures in a table. Bounded on any corpus: FIGURE_CHARTS charts of at
    most FIGURE_BARS bars per section, FIGURE_ROWS table rows; data/figures.json has every figure."""
    page = paths.index_page("figures")
    rows = []
    for fact in ctx.c.figure_facts:
        f, (s0, s1), b = fact.figure, fact.sentence, fact.block
        anchor = paths.place_anchor(f.block, fact.sentence_index)
        rows.append(FigureRow(
            figure=f, fact=fact, value=format_value(f), href=paths.href(page, paths.article_page(fact.slug), anchor),
            article=ctx.article_link(page, fact.source),
            subject=short_name(fact.entity) if fact.entity else (f.subject or ""),
            subject_link=ctx.entity_link(page, fact.entity.id) if fact.entity else None,
            text=snippet(b.text, s0, s1, f.start, f.end),
        ))
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if r.subject:
            groups[(r.figure.metric, r.fact.measure, r.figure.unit)].append(i)

    def spread(members: list[int]) -> int:
        return max(len({rows[i].subject for i in members}), len({rows[i].figure.year for i in members}))

    # "money" or "percentages" alone would set a bank's profit beside a film's budget: not like with like.
    comparable = sorted((k for k, ms in groups.items() if spread(ms) >= 2 and k[1] not in GENERAL_MEASURES),
                        key=lambda k: (k[0] != "gdp_share", -len(groups[k]), k))[:FIGURE_CHARTS]
    charted = {i for k in comparable for i in groups[k]}
    chart_list = []
    for key in comparable:
        title = measure_title(*key)
        sections = []
        # Same measure, same unit, and within a section the same kind: what happened is never one bar
        # beside what someone hopes for or expects.
        for kind, heading in (("actual", "Reported"), ("target", "Targets and pledges"), ("forecast", "Forecasts")):
            seen: dict[tuple[str, int | None], FigureRow] = {}
            for i in groups[key]:
                r = rows[i]
                if r.fact.kind == kind:
                    seen.setdefault((r.subject, r.figure.year), r)  # one bar per subject and year
            items = sorted(seen.values(), key=lambda r: (-r.figure.value, r.subject))[:FIGURE_BARS]
            bars = [charts.Bar(f"{r.subject} {r.figure.year or ''}".strip(), r.figure.value, r.href,
                               f"{r.subject}: {r.value} ({r.figure.text})", r.value) for r in items]
            sections.append((heading, bars, kind != "actual"))
        chart_list.append((title, charts.split_bars(sections, title, "%" if key[2] == "%" else "")))
    rest = [r for i, r in enumerate(rows) if i not in charted]
    rest.sort(key=lambda r: (not r.subject, r.figure.metric != "gdp_share"))  # stable: newest first
    return {page: ctx.render("figures.md.j2", page, rows=rest[:FIGURE_ROWS], more=max(0, len(rest) - FIGURE_ROWS),
                             charts=chart_list, total=len(rows), data=paths.link(page, paths.data_file("figures")))}
