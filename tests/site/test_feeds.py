"""The Atom feed and the iCalendar file of the dates ahead: both parse, one entry per article or event,
and their links resolve on the built site."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import icalendar

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feed_is_atom_with_one_entry_per_dated_article(seeds_site):
    site = seeds_site / "site"
    feed = ElementTree.parse(site / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("title", "id", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None
    entries = feed.findall(f"{ATOM}entry")
    articles = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))
    dated = [a for a in articles if a["date"]]
    assert len(entries) == min(30, len(dated)) > 0
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids)
    for e in entries:
        for required in ("title", "id", "updated", "author"):
            assert e.find(f"{ATOM}{required}") is not None
        href = e.find(f"{ATOM}link").get("href")
        assert (site / href).is_file(), href
    # Announced in every page's head, from where it resolves.
    page = (site / articles[0]["url"]).read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in page and '../feed.xml"' in page


def test_the_calendar_holds_the_dates_ahead(seeds_site):
    site = seeds_site / "site"
    cal = icalendar.Calendar.from_ical((site / "calendar.ics").read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    timeline = json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))
    ahead_ids = {f"{e['id']}@briefing" for e in timeline}
    assert events and {str(e["uid"]) for e in events} <= ahead_ids
    for e in events:
        start, end = e.decoded("dtstart"), e.decoded("dtend")
        assert start < end and str(e["summary"]).strip()
        page, anchor = str(e["url"]).split("#")
        assert f'id="{anchor}"' in (site / page).read_text(encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="calendar.ics"' in home and 'href="feed.xml"' in home

