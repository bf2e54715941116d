"""A real strict build of the seeds plus the real scraped articles and saved pages of ../shared/realworld
(copied into a temporary project, never into the repository): no page shows scraper cruft, and nothing
is annotated from a web address."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, make_project, mkdocs_build

REALWORLD = SHARED / "realworld"
CRUFT = ("](", "![", "<!--", "-->", "**", "__", "###", "<excerpt", "来源", "skip past newsletter", 'config="{')
ANNOTATION = re.compile(r'<(a|time|mark|abbr) [^>]*class="bf-(?:ent|date|fig|abbr)[^"]*"[^>]*>(.*?)</\1>', re.S)


class ArticleText(HTMLParser):
    """The visible text inside <article> (Material's content area), without the theme around it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += tag not in ("br", "img", "hr", "meta", "link", "input")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    assert REALWORLD.is_dir(), f"the real-world articles are read from {REALWORLD}"
    project = make_project(tmp_path_factory.mktemp("realworld"), seeds_from=ROOT / "seeds")
    for f in [*REALWORLD.glob("[0-9]*.md"), *(REALWORLD / "html").glob("*.html")]:
        shutil.copyfile(f, project / "seeds" / f.name)
    done = mkdocs_build(project)
    assert done.returncode == 0, done.stderr[-3000:]
    return project / "site"


def test_every_article_is_on_the_site(site):
    articles = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))
    assert len(articles) == 5 + 24 + 10


def _article_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "articles").glob("*.html") if p.name != "index.html")


def test_no_page_shows_scraper_cruft(site):
    found = {}
    for page in _article_pages(site):
        html = page.read_text(encoding="utf-8")
        parser = ArticleText()
        parser.feed(html)
        text = "".join(parser.parts)
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        bad = [m for m in CRUFT if m in text or m in title]
        if bad:
            found[page.parent.name] = bad
    assert found == {}


def test_no_timeline_entry_shows_cruft(site):
    timeline = json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))
    texts = [e["title"] for e in timeline] + [m["text"] for e in timeline for m in e["mentions"]]
    assert texts and not [t for t in texts if any(c in t for c in CRUFT)]


def test_nothing_is_annotated_from_a_web_address(site):
    annotated = [m.group(2) for page in _article_pages(site)
                 for m in ANNOTATION.finditer(page.read_text(encoding="utf-8"))]
    assert len(annotated) > 500
    assert [t for t in annotated if re.search(r"://|www\.|\.(?:com|org|gov|html?)\b", t)] == []
    figures = json.loads((site / "data" / "figures.json").read_text(encoding="utf-8"))
    assert not [f for f in figures if re.search(r"\d{5,}%", f["text"])]  # "5005951%" came from a URL


def test_the_articles_own_links_are_links(site):
    pages = [p.read_text(encoding="utf-8") for p in _article_pages(site)]
    links = [m for p in pages for m in re.findall(r'<a href="([^"]+)" rel="nofollow noopener" class="bf-web">', p)]
    assert len(links) >= 50 and all(href.startswith(("http://", "https://")) for href in links)


def test_byline_links_the_original_and_tags_show(site):
    articles = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))
    with_web = [a for a in articles if a["web"]]
    assert len(with_web) >= 20
    for a in with_web:
        page = (site / a["url"]).read_text(encoding="utf-8")
        assert 'class="bf-original"' in page, a["source"]
    tagged = [a for a in articles if a["tags"]]
    assert tagged and all('class="bf-chip bf-tag"' in (site / a["url"]).read_text(encoding="utf-8")
                          for a in tagged)
