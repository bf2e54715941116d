"""A real `mkdocs build --strict` of the seeds plus a new article, checked page by page and export by export."""

from __future__ import annotations

import json
import re
from pathlib import Path

from sitecheck import broken_links, external_loads

CONTRACT = {
    "articles": {"id", "title", "source", "url", "date", "date_inferred", "outlet", "authors", "tags", "subtitle", "web", "themes", "entities"},
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
                 "about.html", "adding-an-article.html", "about-the-data.html"):
        assert (site / page).is_file(), page
    articles = load(site, "articles")
    assert len(articles) == 6
    for a in articles:
        assert (site / a["url"]).is_file()


def test_nothing_generated_lands_in_docs(seeds_site):
    docs = sorted(p.relative_to(seeds_site / "docs").as_posix() for p in (seeds_site / "docs").rglob("*") if p.is_file())
    assert docs == ["about-the-data.md", "about.md", "adding-an-article.md", "assets/briefing.css", "assets/briefing.js", "assets/search-on-demand.js",
                    "assets/vendor/iframe-worker/LICENSE", "assets/vendor/iframe-worker/shim.js", "scaling.md"]


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
            html = (site / page).read_text(encoding="utf-8")
            assert f'id="{frag}"' in html
    for e in load(site, "entities"):
        assert e["type"] in ("person", "organization", "place", "document", "equipment", "event", "concept")
        assert (site / e["url"]).is_file()


def test_new_article_is_linked_into_every_index(seeds_site):
    site = seeds_site / "site"
    new = next(a for a in load(site, "articles") if a["source"] == "zz_new_article.txt")
    assert new["title"].startswith("Philippines and Japan Deepen Defense Ties")
    assert new["date"] and new["date"].startswith("2024")
    assert new["entities"] and new["themes"]
    assert any(m["source"] == new["source"] for e in load(site, "timeline") for m in e["mentions"])
    assert any(p["source"] == new["source"] for t in load(site, "themes") for p in t["paragraphs"])
    for index in ("index.html", "articles/index.html", "sources/index.html"):
        assert new["url"].split("/")[-1] in (site / index).read_text(encoding="utf-8"), index
    page = (site / new["url"]).read_text(encoding="utf-8")
    sentences = " ".join(re.findall(r'<span id="p\d+-s\d+" class="bf-s"[^>]*>(.*?)</span>', page))
    assert "MANILA" in sentences
    assert "Share this article" not in page and "Published :" not in sentences


def test_article_page_is_annotated(seeds_site):
    site = seeds_site / "site"
    a = next(a for a in load(site, "articles") if a["source"].startswith("003_"))
    html = (site / a["url"]).read_text(encoding="utf-8")
    assert 'class="bf-ent bf-person"' in html  # entity links
    assert 'class="bf-date"' in html and 'data-value="1960"' in html  # normalized dates
    assert '<abbr title="Stockholm International Peace Research Institute"' in html  # acronyms
    assert 'class="bf-fig"' in html  # figures
    assert 'class="bf-chip"' in html  # theme badges
    assert "Timeline of this article" in html and "Related articles" in html
    assert "Recent Features" not in html and "Credit: Official White House Photo" not in html


def test_search_indexes_article_text_not_its_apparatus(seeds_site):
    """The article's own text is searchable; its timeline, entity list, related articles and citation repeat
    what other pages hold, and on a large corpus they were a third of the search index."""
    site = seeds_site / "site"
    a = next(a for a in load(site, "articles") if a["source"].startswith("003_"))
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = " ".join(d["text"] for d in docs if d["location"].split("#")[0] == a["url"])
    assert "cornerstone of Asia-Pacific regional order" in text
    assert "Source file" not in text and "on the timeline" not in text


# ---- what a reader sees (the browser tests in tests/browser/ look at the same pages rendered) ----------

def _page(site: Path, path: str) -> str:
    return (site / (path or "index.html")).read_text(encoding="utf-8")


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_counts_agree_with_their_nouns(seeds_site):
    site = seeds_site / "site"
    bad = {}
    for page in site.rglob("*.html"):
        found = re.findall(r"(?<![\d.,])1 (?:mentions|articles|paragraphs|shared paragraphs|events|dated events|entries)\b",
                           _text(page.read_text(encoding="utf-8")))
        if found:
            bad[page.relative_to(site).as_posix()] = found[:3]
    assert not bad


def test_timeline_puts_today_first_and_what_comes_next_in_order(seeds_site):
    site = seeds_site / "site"
    html = _page(site, "timeline/index.html")
    assert html.index('id="today"') < html.index('id="ahead"') < html.index('id="past"')
    ahead = html[html.index('id="ahead"'):html.index('id="past"')]
    values = re.findall(r'class="bf-entry [^"]*" id="[^"]+" data-kind="\w+" data-themes="[^"]*"><span class="bf-when" data-value="([^"]+)"', ahead)
    assert len(values) >= 2
    from briefing.timex.values import interval
    ends = [interval(v)[1] for v in values]
    assert ends == sorted(ends), values
    # one row per article, one link per sentence, however often the sentence names the date
    rows = 0
    for entry in re.findall(r'<ul class="bf-sources">(.*?)</ul>', html):
        articles = [h.split("#")[0] for h in re.findall(r'<li><a href="([^"]+)"', entry)]
        sentences = re.findall(r'class="bf-quote-link" href="([^"]+)"', entry)
        assert len(articles) == len(set(articles)) and len(sentences) == len(set(sentences)), entry
        rows += len(articles)
    assert rows
    # the density chart: a continuous axis, far-past years in one "earlier" column, explained in a legend
    chart = html[html.index('class="bf-figure"'):]
    chart = chart[:chart.index("</svg>")]
    assert "data-search-exclude" in chart
    years = [int(y) for y in re.findall(r'class="bf-chart-axis">(\d{4})<', chart)]
    assert years and max(years) - min(years) <= 70


def test_theme_page_leaves_out_its_own_chip(seeds_site):
    site = seeds_site / "site"
    for theme in load(site, "themes"):
        html = _page(site, theme["url"].strip("/"))
        own = f'href="{theme["url"].split("/")[-1]}"'  # a link from the theme page to itself
        timeline = html[html.index('id="timeline"'):] if 'id="timeline"' in html else ""
        assert own not in timeline and f">{theme['name']}</a>" not in re.sub(r"<h1.*?</h1>", "", timeline)


def test_entity_mentions_link_a_short_arrow_not_the_sentence(seeds_site):
    site = seeds_site / "site"
    entity = max(load(site, "entities"), key=lambda e: len(e["mentions"]))
    html = _page(site, entity["url"].strip("/"))
    items = re.findall(r"<ul class=\"bf-mentions\">(.*?)</ul>", html)
    assert items
    for item in re.findall(r"<li>(.*?)</li>", items[0]):
        links = re.findall(r"<a [^>]*>(.*?)</a>", item)
        assert links == ["→&nbsp;sentence"], item


def test_home_is_a_briefing(seeds_site):
    html = _page(seeds_site / "site", "")
    for heading in ("What's new", "Key dates ahead", "Leading this month", "How to read this site"):
        assert f">{heading}<" in html.replace("&#39;", "'"), heading


def test_a_new_article_appears_on_home(tmp_path):
    """`build_site.py new`, paste a text, `mkdocs build`: the article leads the home page."""
    import subprocess
    import sys

    from conftest import ROOT, make_project, mkdocs_build

    project = make_project(tmp_path / "p", seeds_from=ROOT / "seeds")
    done = subprocess.run([sys.executable, str(ROOT / "build_site.py"), "new", "--title", "Tokyo Hosts Pacific Ministers",
                           "--date", "2026-05-20", "--outlet", "Harbour Wire", "--seeds", str(project / "seeds")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    (path,) = [p for p in (project / "seeds").glob("2026-05-20-*.md")]
    path.write_text(path.read_text(encoding="utf-8") + "TOKYO — Defence ministers from Japan and Australia met in Tokyo "
                    "on Tuesday to plan joint exercises for next year.\n\nThe talks will continue in Canberra in July.\n",
                    encoding="utf-8")
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stderr
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    new = next(a for a in load(project / "site", "articles") if a["source"] == path.name)
    first = re.search(r'<a class="bf-article-title" href="([^"]+)">([^<]+)</a>', home)
    assert first and first.group(2) == "Tokyo Hosts Pacific Ministers", "the new article does not lead What's new"
    assert first.group(1) == new["url"]


def test_quotes_show_their_marks_once(seeds_site):
    pages = [p.read_text(encoding="utf-8") for p in (seeds_site / "site" / "articles").glob("*.html")
             if p.name != "index.html"]
    quotes = [q for p in pages for q in re.findall(r'<ul class="bf-quotes">(.*?)</ul>', p, re.S)]
    assert quotes, "the seeds quote people"
    assert not [q for q in quotes if re.search(r"[“\"][“\"]|[”\"][”\"]", q)]


ONE_ARTICLE = """---
title: "Canberra Signs Submarine Deal"
date: 2025-03-04
outlet: "Example News"
---

Australia signed a submarine deal worth $3 billion with Japan on Tuesday, 4 March 2025.
"""


def test_a_one_article_site_says_one_of_each(tmp_path):
    """Every count that meets a noun goes through plural(): a briefing of one article never says "1 articles"."""
    from conftest import make_project, mkdocs_build

    project = make_project(tmp_path, {"deal.md": ONE_ARTICLE})
    done = mkdocs_build(project)
    assert done.returncode == 0, done.stderr
    site = project / "site"
    bad = {}
    for page in site.rglob("*.html"):
        text = _text(re.sub(r"<script.*?</script>", " ", page.read_text(encoding="utf-8"), flags=re.S))  # Material's strings
        found = [m for m in re.findall(r"(?<![\d.,$€£])\b1 ((?:[a-z]+ ){0,2}[a-z]+s)\b", text)
                 if not m.endswith(("ss", "us", "news"))]
        if found:
            bad[page.relative_to(site).as_posix()] = found[:3]
    assert not bad
    entities = _text(_page(site, "entities/index.html"))
    assert "at most" not in entities and "Each of them has its own page" in entities
