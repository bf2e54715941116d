"""Real scraped articles (../shared/realworld, never copied into the repository): the text comes out
clean and whole. Metadata (date, title, outlet, authors) has its own test."""

from __future__ import annotations

import re

import pytest
import yaml

from briefing.annotate import prose
from briefing.read import read_article
from conftest import SHARED

REALWORLD = SHARED / "realworld"
# What scrapers leave behind and a reader must never see as text.
CRUFT = ("](", "![", "<!--", "-->", "**", "__", "###", "<excerpt", "来源", "skip past newsletter", 'config="{',
         "<div", "<p>", "</", "&quot;", "&amp;")


def entries() -> list[dict]:
    assert REALWORLD.is_dir(), f"the real-world articles are read from {REALWORLD} (../shared beside the repository)"
    return yaml.safe_load((REALWORLD / "metadata.yaml").read_text(encoding="utf-8"))


def normalise(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").replace("\u2060", "").split())


@pytest.fixture(scope="module")
def articles() -> dict[str, object]:
    return {e["file"]: read_article(REALWORLD / e["file"], REALWORLD) for e in entries()}


def test_every_opening_sentence_survives_whole(articles):
    missing = []
    for e in entries():
        body = normalise(" ".join(b.text for b in articles[e["file"]].blocks))
        if normalise(e["lead"]) not in body:
            missing.append(e["file"])
    assert missing == []


def test_no_cruft_marker_in_text_or_title(articles):
    found = {}
    for name, a in articles.items():
        text = "\n".join([a.title] + [b.text for b in a.blocks if b.kind != "code"])
        bad = [m for m in CRUFT if m in text]
        if bad:
            found[name] = bad
    assert found == {}


def test_links_keep_their_text_and_web_targets(articles):
    links = [(b.text[lk.start:lk.end], lk.href) for a in articles.values() for b in a.blocks for lk in b.links]
    assert len(links) >= 50  # the scrapes are full of links: they are kept, not flattened away
    assert all(href.startswith(("http://", "https://")) for _, href in links)
    assert all(text.strip() == text and text for text, _ in links)


def test_nothing_is_annotated_from_a_web_address(articles):
    for a in articles.values():
        for b in a.blocks:
            masked = prose(b).text
            assert len(masked) == len(b.text)
            assert not re.search(r"https?://|www\.", masked), (a.source, b.text[:120])


def test_closing_bios_are_about_the_authors_not_text(articles):
    with_bios = {name: a for name, a in articles.items() if a.bios}
    assert len(with_bios) >= 5
    for a in with_bios.values():
        surnames = {n.split()[-1] for n in a.authors}
        assert all(any(s in bio for s in surnames) for bio in a.bios)
        assert not any(b.text in a.bios for b in a.blocks)
