"""Saved web pages (seeds/*.html) read into Articles, against the hand-checked metadata of ten real news
pages in ../shared/realworld/html/ (not in this repository: the texts belong to their publishers), and
against a synthetic page in tests/articles/. `pytest -s` prints our scores next to plain trafilatura's."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from briefing.read import discover, read_article
from tests.conftest import SHARED

PAGES = SHARED / "realworld" / "html"
ARTICLES = Path(__file__).resolve().parents[1] / "articles"
CHECKS = ("title", "date", "outlet", "authors", "lead", "tail", "clutter")


def entries() -> list[dict]:
    meta = PAGES / "metadata.yaml"
    if not meta.is_file():
        return []
    return yaml.safe_load(meta.read_text(encoding="utf-8"))["files"]


def norm(text: str) -> str:
    """metadata.yaml's comparison form: lower case, straight quotes, "-" for dashes, no soft hyphens,
    one space for any white space, no space before closing punctuation."""
    text = unicodedata.normalize("NFC", text or "").lower()
    text = text.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                                         "\xa0": " ", "\xad": None}))
    text = " ".join(text.split())
    return re.sub(r" ([,.;:!?)])", r"\1", text)


def score(entry: dict, title: str | None, date: str | None, outlet: str | None, authors: list[str],
          body: str) -> dict[str, bool]:
    """Which checks one reading of a page passes."""
    text = norm(body)
    titles = {norm(t) for t in [entry["title"], *entry.get("title_alt", [])]}
    outlets = {norm(o) for o in [entry["outlet"], *entry.get("outlet_alt", [])]}
    return {
        "title": norm(title) in titles,
        "date": (date or None) == entry["date"],
        "outlet": norm(outlet) in outlets,
        "authors": [norm(a) for a in authors] == [norm(a) for a in entry["authors"]],
        "lead": norm(entry["lead"]) in text[:400 + len(norm(entry["lead"]))],
        "tail": norm(entry["tail"]) in text[-(600 + len(norm(entry["tail"]))):],
        "clutter": not [c for c in entry.get("not_body", []) if norm(c) in text],
    }


def ours(path: Path) -> dict[str, bool]:
    a = read_article(path, path.parent)
    body = "\n".join(b.text for b in a.blocks)
    return score(_entry(path), a.title, a.date and a.date.isoformat(), a.outlet, list(a.authors), body)


def plain_trafilatura(path: Path) -> dict[str, bool]:
    import trafilatura

    doc = trafilatura.bare_extraction(path.read_bytes(), with_metadata=True)
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return score(_entry(path), doc.title, doc.date, doc.sitename, authors, doc.text or "")


def _entry(path: Path) -> dict:
    return next(e for e in entries() if e["file"] == path.name)


def table(name: str, rows: dict[str, dict[str, bool]]) -> str:
    lines = [f"{name}: " + " ".join(f"{c:>7}" for c in CHECKS) + "   total"]
    for page, checks in rows.items():
        marks = " ".join(f"{'ok' if checks[c] else 'MISS':>7}" for c in CHECKS)
        lines.append(f"{page[:30]:30} {marks}   {sum(checks.values())}/{len(CHECKS)}")
    sums = " ".join(f"{sum(r[c] for r in rows.values()):>7}" for c in CHECKS)
    total = sum(sum(r.values()) for r in rows.values())
    lines.append(f"{'all ' + str(len(rows)) + ' pages':30} {sums}   {total}/{len(CHECKS) * len(rows)}")
    return "\n".join(lines)


needs_pages = pytest.mark.skipif(not entries(), reason="../shared/realworld/html is not on this machine")


@needs_pages
@pytest.mark.parametrize("entry", entries(), ids=[e["file"][:2] for e in entries()])
def test_saved_news_page(entry):
    path = PAGES / entry["file"]
    a = read_article(path, path.parent)
    body = norm("\n".join(b.text for b in a.blocks))
    assert norm(a.title) in {norm(t) for t in [entry["title"], *entry.get("title_alt", [])]}
    assert (a.date and a.date.isoformat()) == entry["date"], a.date_reason
    assert norm(a.outlet) in {norm(o) for o in [entry["outlet"], *entry.get("outlet_alt", [])]}
    assert list(a.authors) == entry["authors"]
    assert norm(entry["lead"]) in body[: 400 + len(norm(entry["lead"]))], body[:600]
    assert norm(entry["tail"]) in body[-(600 + len(norm(entry["tail"]))):], body[-800:]
    assert [c for c in entry.get("not_body", []) if norm(c) in body] == []
    assert urlsplit(a.url).hostname == urlsplit(entry["url"]).hostname  # the page's canonical URL


@needs_pages
def test_ours_beats_plain_trafilatura():
    paths = [PAGES / e["file"] for e in entries()]
    mine = {p.name: ours(p) for p in paths}
    theirs = {p.name: plain_trafilatura(p) for p in paths}
    print("\n" + table("briefing.read   ", mine) + "\n\n" + table("trafilatura bare", theirs))
    total = lambda rows: sum(sum(r.values()) for r in rows.values())  # noqa: E731
    assert total(mine) > total(theirs)


def test_html_pages_are_discovered(tmp_path):
    for name in ("a.html", "b.HTM", "c.txt", "d.json"):
        (tmp_path / name).write_text("<p>x</p>", encoding="utf-8")
    assert [p.name for p in discover(tmp_path)] == ["a.html", "b.HTM", "c.txt"]


def test_synthetic_page_keeps_the_article_and_drops_what_surrounds_it():
    """A page written for this test: navigation, ads, a share line, a photo credit, related links, a
    newsletter promo, comments and a most-read list around a four-paragraph article."""
    a = read_article(ARTICLES / "saved_page.html", ARTICLES)
    assert a.title == "Harbour Bridge Reopens After Two-Year Repair"  # the visible <h1>, no outlet suffix
    assert a.outlet == "The Riverside Courier"
    assert a.authors == ("Maria Okafor", "Tomas Lind")  # the byline's people, not "Courier Staff"
    assert a.date.isoformat() == "2031-04-07"  # the URL's day, not the UTC stamp or the update
    assert a.url == "https://www.riversidecourier.example/news/2031/04/07/harbour-bridge-reopens/"
    assert {"title", "outlet", "authors", "date"} <= a.inferred
    kinds = [(b.kind, b.text.split()[0]) for b in a.blocks]
    assert kinds == [("paragraph", "The"), ("paragraph", "Commuters"), ("heading", "Over"),
                     ("paragraph", "The"), ("paragraph", "The")]
    text = "\n".join(b.text for b in a.blocks)
    for clutter in ("Photograph", "Share this", "Related", "Ferry service", "newsletter", "Finally!",
                    "Most read", "Storm warning", "All rights reserved", "Advertisement", "Home"):
        assert clutter not in text


def test_a_sidecar_overrides_what_the_page_says(tmp_path):
    (tmp_path / "page.html").write_bytes((ARTICLES / "saved_page.html").read_bytes())
    (tmp_path / "page.yml").write_text("outlet: Courier\ndate: 2031-04-08\n", encoding="utf-8")
    a = read_article(tmp_path / "page.html", tmp_path)
    assert a.outlet == "Courier" and a.date.isoformat() == "2031-04-08"
    assert "outlet" not in a.inferred and "date" not in a.inferred


def test_an_empty_page_is_a_read_error(tmp_path):
    from briefing.read import ReadError

    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "bare.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    for name in ("empty.html", "bare.html"):
        with pytest.raises(ReadError):
            read_article(tmp_path / name, tmp_path)
