"""Subscriptions: an Atom feed of the newest articles and an iCalendar file of the dates ahead.

Both are built from the linked corpus only (no clock but the build date, SOURCE_DATE_EPOCH), so a
rebuild of the same seeds writes the same bytes.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

import icalendar

from briefing.config import Limits
from briefing.link import Corpus, TimelineEntry
from briefing.site import paths
from briefing.site.context import timeline_periods
from briefing.site.dates import is_ahead, timex_phrase
from briefing.timex.values import DAY, grain, interval

FEED = "feed.xml"
CALENDAR = "calendar.ics"
FEED_ENTRIES = 30


def _absolute(site_url: str | None, page: str, anchor: str | None = None) -> str:
    """A page's address: absolute under site_url when it is set, else relative to the site's root."""
    url = paths.site_url(page, anchor)
    return f"{site_url.rstrip('/')}/{url}" if site_url else url or "./"


def _instant(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom(corpus: Corpus, site_name: str, site_url: str | None) -> str:
    """The newest dated articles as an Atom 1.0 feed (RFC 4287)."""
    dated = [d for d in corpus.docs if d.article.date][:FEED_ENTRIES]  # corpus order: newest first
    updated = _instant(dated[0].article.date if dated else corpus.today)
    home = _absolute(site_url, paths.HOME)
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<feed xmlns="http://www.w3.org/2005/Atom"' + (f" xml:base={quoteattr(site_url)}" if site_url else "") + ">",
             f"  <title>{escape(site_name)}</title>",
             f"  <id>{escape(_absolute(site_url, paths.HOME) if site_url else 'urn:briefing:' + site_name)}</id>",
             f"  <updated>{updated}</updated>",
             f'  <link rel="alternate" type="text/html" href={quoteattr(home)}/>',
             f'  <link rel="self" type="application/atom+xml" href={quoteattr(_absolute(site_url, FEED))}/>',
             "  <generator>briefing</generator>"]
    for doc in dated:
        a = doc.article
        href = _absolute(site_url, paths.article_page(a.slug))
        lead = next((b.text for b in a.blocks if b.kind == "paragraph"), "")
        summary = lead if len(lead) <= 400 else lead[:400].rsplit(" ", 1)[0] + " …"
        lines += ["  <entry>",
                  f"    <title>{escape(a.title)}</title>",
                  f"    <id>urn:briefing:article:{escape(a.slug)}</id>",
                  f'    <link rel="alternate" type="text/html" href={quoteattr(href)}/>',
                  f"    <updated>{_instant(a.date)}</updated>",
                  f"    <published>{_instant(a.date)}</published>"]
        for name in a.authors or ((a.outlet,) if a.outlet else (site_name,)):
            lines.append(f"    <author><name>{escape(name)}</name></author>")
        if summary:
            lines.append(f"    <summary>{escape(summary)}</summary>")
        lines.append("  </entry>")
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _ahead(corpus: Corpus) -> list[TimelineEntry]:
    return [e for e in corpus.timeline if is_ahead(e.value, e.kind, corpus.today) and interval(e.value)]


def calendar(corpus: Corpus, site_name: str, site_url: str | None, limits: Limits) -> str:
    """The timeline's dates ahead as all-day iCalendar events (RFC 5545), one per timeline entry."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//briefing//dates ahead//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{site_name}: dates ahead")
    stamp = dt.datetime.combine(corpus.today, dt.time(0, 0), dt.timezone.utc)
    page_of = timeline_periods(corpus, limits)
    for entry in _ahead(corpus):
        first, last = interval(entry.value)
        event = icalendar.Event()
        event.add("uid", f"{entry.id}@briefing")
        event.add("dtstamp", stamp)
        event.add("dtstart", first)
        event.add("dtend", last + dt.timedelta(days=1))  # all-day events end the day after
        when = timex_phrase(entry.value, entry.mod)
        event.add("summary", entry.title if grain(entry.value) == DAY else f"{when}: {entry.title}")
        sources = "; ".join(dict.fromkeys(corpus.by_source[m.source].article.title for m in entry.mentions))
        event.add("description", f"{entry.kind.capitalize()}, {when}. From: {sources}")
        event.add("categories", [entry.kind])
        event.add("url", _absolute(site_url, page_of[entry.id], paths.event_anchor(entry.id)))
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")
