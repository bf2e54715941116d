"""A real `mkdocs build --strict` of the seeds plus a new article, checked page by page and export by export."""

from __future__ import annotations

import json
import re
from pathlib import Path

from sitecheck import broken_links, external_loads

CONTRACT = {
    "articles": {"id", "title", "source", "url", "date", "date_inferred", "outlet", "authors", "themes", "entities"},
    "timeline": {"id", "date", "kind", "title", "themes", "entities", "mentions"},
    "entities": {"id", "name", "type", "aliases", "url", "mentions"},
    "themes": {"id", "name", "description", "url", "paragraphs"},
    "glossary": {"term", "expansion", "url", "sources"},
    "figures": {"subject", "metric", "value", "unit", "year", "text", "source", "url"},
}


def load(site: Path, name: str) -> list[dict]:
    return json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8"))


def test_every_page_kind_is_built(seeds_site):
    site = seeds_site / "site"
    for page in ("index.html", "articles/index.html", "timeline/index.html", "themes/index.html",
                 "entities/index.html", "figures/index.html", "glossary/index.html", "sources/index.html",
                 "about/index.html", "adding-an-article/index.html", "about-the-data/index.html"):
        assert (site / page).is_file(), page
    articles = load(site, "articles")
    assert len(articles) == 6
    for a in articles:
        assert (site / a["url"] / "index.html").is_file()


def test_nothing_generated_lands_in_docs(seeds_site):
    docs = sorted(p.relative_to(seeds_site / "docs").as_posix() for p in (seeds_site / "docs").rglob("*") if p.is_file())
    assert docs == ["about-the-data.md", "about.md", "adding-an-article.md", "assets/briefing.css", "assets/briefing.js", "scaling.md"]


def test_links_and_fragments_resolve(seeds_site):
    assert broken_links(seeds_site / "site") == []


def test_nothing_loads_from_another_host(seeds_site):
    assert external_loads(seeds_site / "site") == []


def test_exports_follow_the_contract(seeds_site):
    site = seeds_site / "site"
    sources = {p.name for p in (seeds_site / "seeds").iterdir() if p.suffix in (".txt", ".md")}
    for name, keys in CONTRACT.items():
        rows = load(site, name)
        assert isinstance(rows, list)
        for row in rows:
            assert keys <= set(row), (name, keys - set(row))
    for e in load(site, "timeline"):
        assert e["kind"] in ("past", "scheduled", "target")
        assert e["mentions"]
        for m in e["mentions"]:
            assert m["source"] in sources
            page, frag = m["url"].split("#")
            html = (site / page / "index.html").read_text(encoding="utf-8")
            assert f'id="{frag}"' in html
    for e in load(site, "entities"):
        assert e["type"] in ("person", "organization", "place", "document", "equipment", "event", "concept")
        assert (site / e["url"] / "index.html").is_file()


def test_new_article_is_linked_into_every_index(seeds_site):
    site = seeds_site / "site"
    new = next(a for a in load(site, "articles") if a["source"] == "zz_new_article.txt")
    assert new["title"].startswith("Philippines and Japan Deepen Defense Ties")
    assert new["date"] and new["date"].startswith("2024")
    assert new["entities"] and new["themes"]
    assert any(m["source"] == new["source"] for e in load(site, "timeline") for m in e["mentions"])
    assert any(p["source"] == new["source"] for t in load(site, "themes") for p in t["paragraphs"])
    for index in ("index.html", "articles/index.html", "sources/index.html"):
        assert new["url"].rstrip("/").split("/")[-1] in (site / index).read_text(encoding="utf-8"), index
    page = (site / new["url"] / "index.html").read_text(encoding="utf-8")
    sentences = " ".join(re.findall(r'<span id="p\d+-s\d+" class="bf-s"[^>]*>(.*?)</span>', page))
    assert "MANILA" in sentences
    assert "Share this article" not in page and "Published :" not in sentences


def test_article_page_is_annotated(seeds_site):
    site = seeds_site / "site"
    a = next(a for a in load(site, "articles") if a["source"].startswith("003_"))
    html = (site / a["url"] / "index.html").read_text(encoding="utf-8")
    assert 'class="bf-ent bf-person"' in html  # entity links
    assert 'class="bf-date"' in html and 'data-value="1960"' in html  # normalized dates
    assert '<abbr title="Stockholm International Peace Research Institute"' in html  # acronyms
    assert 'class="bf-fig"' in html  # figures
    assert 'class="bf-chip"' in html  # theme badges
    assert "Timeline of this article" in html and "Related articles" in html
    assert "Recent Features" not in html and "Credit: Official White House Photo" not in html
