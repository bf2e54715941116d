"""Time order on every page: TIMEX3 values sorted by where they lie (one parser), months in order within a
year, an article's mini-timeline by time, and dates that were scheduled but have passed listed as the past."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from briefing.link import link
from briefing.model import Annotated, Article, Block, Event, Sentence, Timex
from briefing.site import render
from briefing.site.pages.timeline import group_by_period
from briefing.site.views import EntryView
from briefing.timex.values import sort_key

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 5, 23)


def test_sort_key_places_spans_where_they_lie():
    chronological = ["2025-12", "2026-01", "2026-02-14", "2026-03", "2026-SP", "2026-06", "2026-Q3", "2026-12"]
    assert sorted(reversed(chronological), key=sort_key) == chronological
    # a mod moves a span to its start or end: "end of 2026" after "February 2026", "start of 2026" before it
    assert sort_key("2026-02") < sort_key("2026", "END") and sort_key("2026", "START") < sort_key("2026-02")
    assert sort_key("2026", "BEFORE") > sort_key("2026-11")
    # decades by their years; values no calendar places come last
    assert sort_key("199X") < sort_key("2001") < sort_key("XXXX-03") and sort_key("PRESENT_REF") > sort_key("2099")


def _view(value: str, kind: str = "past", mod: str | None = None) -> EntryView:
    return EntryView(id=value, anchor=value, value=value, human=value, kind=kind, title=value, themes=(),
                     theme_ids="", entities=(), mentions=(), ahead=False, href="#", mod=mod)


def test_months_within_a_year_run_in_order_both_ways():
    views = [_view(v) for v in ("2026-01", "2026-SP", "2026-06-02", "2026-03-05", "2026", "2026-02", "2025-11")]
    oldest = group_by_period(views)
    assert [y for y, _ in oldest] == ["2025", "2026"]
    assert [m for m, _ in oldest[1][1]] == ["January", "February", "March", "Spring", "June", "Across the year"]
    newest = group_by_period(views, newest_first=True)
    assert [y for y, _ in newest] == ["2026", "2025"]
    assert [m for m, _ in newest[0][1]] == ["June", "Spring", "March", "February", "January", "Across the year"]


def _doc(source: str, date: dt.date, sentences: list[tuple[str, str, str, str | None, str]]) -> Annotated:
    """One paragraph per sentence: (text, said, value, mod, kind)."""
    blocks, events, sents = [], [], []
    for i, (text, said, value, mod, kind) in enumerate(sentences):
        blocks.append(Block(index=i, kind="paragraph", text=text))
        sents.append(Sentence(i, 0, len(text), 0))
        start = text.index(said)
        events.append(Event(i, 0, Timex(start, start + len(said), said, "DATE", value, mod), kind, text))
    art = Article(source=source, slug=source[:-4], title=f"Article {source}", blocks=tuple(blocks), date=date)
    return Annotated(article=art, sentences=tuple(sents), events=tuple(events))


def _site(docs: list[Annotated]) -> dict[str, str]:
    return render(link(docs, (), [], TODAY), ROOT / "templates")


def test_mini_timeline_runs_in_time_order():
    doc = _doc("a.txt", dt.date(2026, 1, 10), [
        ("The plant will close by the end of 2026, the firm said.", "the end of 2026", "2026", "END", "scheduled"),
        ("A review is due in February 2026.", "February 2026", "2026-02", None, "scheduled"),
        ("Talks began in spring 2025.", "spring 2025", "2025-SP", None, "past"),
        ("The board met in June 2025.", "June 2025", "2025-06", None, "past"),
    ])
    page = _site([doc])["articles/a.md"]
    mini = page[page.index('class="bf-mini-timeline"'):]
    assert re.findall(r'data-value="([^"]+)"', mini.split("</ol>")[0]) == ["2025-SP", "2025-06", "2026-02", "2026"]


def test_a_scheduled_date_that_has_passed_is_listed_as_what_was_scheduled():
    doc = _doc("b.txt", dt.date(2026, 1, 10), [
        ("The summit is scheduled for 10 March 2026.", "10 March 2026", "2026-03-10", None, "scheduled"),
        ("A vote is scheduled for 2 September 2026.", "2 September 2026", "2026-09-02", None, "scheduled"),
        ("The treaty was signed on 5 January 2026.", "5 January 2026", "2026-01-05", None, "past"),
    ])
    pages = _site([doc])
    timeline = pages["timeline/index.md"]
    ahead, past = timeline[timeline.index("## Ahead"):timeline.index("## Past")], timeline[timeline.index("## Past"):]
    entry = re.compile(r'<li class="bf-entry ([^"]*)" id="[^"]+" data-kind="(\w+)"[^>]*><span class="bf-when" '
                       r'data-value="([^"]+)">[^<]*</span> <span class="bf-kind">([^<]+)</span>')
    assert [(v, label) for _, _, v, label in entry.findall(ahead)] == [("2026-09-02", "scheduled")]
    was = {v: (cls, kind, label) for cls, kind, v, label in entry.findall(past)}
    assert was["2026-03-10"] == ("bf-scheduled", "scheduled", "was scheduled")  # past, no "ahead" border
    assert was["2026-01-05"][2] == "past"
    assert "bf-ahead" not in past
    mini = pages["articles/b.md"]
    mini = mini[mini.index('class="bf-mini-timeline"'):].split("</ol>")[0]
    assert re.search(r'<li class="bf-scheduled" data-value="2026-03-10">.*?<span class="bf-kind">was scheduled<', mini)
    assert re.search(r'<li class="bf-scheduled bf-ahead" data-value="2026-09-02">', mini)
