"""Scale: split listings, entity pages only for entities that matter, search kept small, the cache, the bench.

The split site is built for real (MkDocs, strict) with the limits lowered so that a dozen real
articles exercise what thousands would: month pages, letter pages and year pages of the timeline.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import pipeline
from briefing.bench import scale
from briefing.cache import annotation_code
from briefing.config import Limits, Settings, build_date
from conftest import ROOT, build_in_process, make_project
from sitecheck import broken_links

LIMITS = Limits()  # the defaults: the split site lowers only the listing limits

MINE = """Harbour Authority Approves Lagos Port Expansion

LAGOS - The Lagos Harbour Authority on Monday approved a 300 million dollar expansion of the Apapa terminal,
its chairman Adewale Okonkwo said, with construction due to start in March 2026.

Okonkwo told reporters the work would double the terminal's capacity by 2028. Shipping lines including
Maersk welcomed the decision, which follows two years of congestion at the port.
"""


DATES = ("2025-06-12", "2025-11-03", "2024-02-20", "2025-11-21", "2024-07-08", "2025-09-15")


def _articles(dest: Path) -> None:
    """The seeds, the annotation and entity test articles and one written here: a dozen real texts.
    The ones without metadata get a sidecar date, spread over months so the listings split by month."""
    for f in sorted((ROOT / "seeds").iterdir()):
        shutil.copyfile(f, dest / f"seeds-{f.name}")
    texts = [f for folder in ("articles_annot", "articles_entities") for f in sorted((ROOT / "tests" / folder).glob("*.txt"))]
    for f, date in zip(texts, DATES):
        shutil.copyfile(f, dest / f"{f.parent.name}-{f.name}")
        (dest / f"{f.parent.name}-{f.stem}.yml").write_text(f"date: {date}\n", encoding="utf-8")
    (dest / "lagos_port.txt").write_text(MINE, encoding="utf-8")
    (dest / "lagos_port.yml").write_text(f"date: {DATES[-1]}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def split_site(tmp_path_factory) -> Path:
    """A real strict MkDocs build, in this process so the lowered limits apply to the hook."""
    project = make_project(tmp_path_factory.mktemp("split"),
                           options={"small_corpus": 2, "listing_limit": 4, "highlights": 2, "workers": 1})
    _articles(project / "seeds")
    build_in_process(project)
    return project


def _load(site: Path, name: str) -> list[dict]:
    return json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8"))


def test_split_site_links_resolve(split_site):
    site = split_site / "site"
    assert broken_links(site) == []
    assert list((site / "articles" / "by-date").iterdir()), "no month pages"
    assert list((site / "entities" / "by-type").iterdir()), "no letter pages"
    assert [p for p in (site / "timeline").glob("*.html") if p.name != "index.html"], "no timeline year pages"


def test_only_entities_that_matter_get_a_page(split_site):
    site = split_site / "site"
    entities = _load(site, "entities")
    paged = [e for e in entities if "#" not in e["url"]]
    listed = [e for e in entities if "#" in e["url"]]
    assert paged and listed
    for e in paged:
        sources = {m["source"] for m in e["mentions"]}
        assert len(e["mentions"]) >= LIMITS.entity_min_mentions or len(sources) >= LIMITS.entity_min_articles
        assert (site / e["url"]).is_file()
    for e in listed:
        assert len({m["source"] for m in e["mentions"]}) < LIMITS.entity_min_articles
        assert not (site / "entities" / f"{e['id']}.html").exists()
        page, frag = e["url"].split("#")
        assert f'id="{frag}"' in (site / page).read_text(encoding="utf-8")
    index = (site / "entities" / "index.html").read_text(encoding="utf-8")
    assert "have their own page" in index  # the rule is stated where the reader looks


def test_every_article_and_event_is_reachable_from_a_listing(split_site):
    site = split_site / "site"
    months = " ".join(p.read_text(encoding="utf-8") for p in (site / "articles" / "by-date").rglob("*.html"))
    for a in _load(site, "articles"):
        assert a["url"].split("/")[-1] in months, a["source"]
    timeline_pages = " ".join(p.read_text(encoding="utf-8") for p in (site / "timeline").rglob("*.html"))
    for e in _load(site, "timeline"):
        assert f'id="ev-{e["id"]}"' in timeline_pages, e["title"]


def test_search_index_holds_own_pages_and_leaves_out_listing_pages(split_site):
    """Entities and themes are found by name on their own pages (boosted above the articles that name them);
    the pages that only list (entity letters, numbered parts, article periods) stay out of the index."""
    docs = json.loads((split_site / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = {d["location"].split("#")[0] for d in docs}
    assert any(loc.startswith("articles/") and "by-date" not in loc for loc in locations)
    assert not [loc for loc in locations if loc.startswith(("entities/by-type/", "articles/by-date/"))
                or (loc.startswith(("entities/", "themes/")) and loc.count("/") > 1)]
    own = [e["url"] for e in _load(split_site / "site", "entities") if "#" not in e["url"]]
    assert own and set(own) <= locations
    assert all(d.get("boost", 1) > 1 for d in docs if d["location"] in own)


def test_lagos_article_is_annotated_and_linked(split_site):
    site = split_site / "site"
    art = next(a for a in _load(site, "articles") if a["source"] == "lagos_port.txt")
    assert art["entities"]
    html = (site / art["url"]).read_text(encoding="utf-8")
    assert 'data-value="2026-03"' in html


def test_small_corpus_keeps_one_page_per_listing(seeds_site):
    site = seeds_site / "site"
    assert not (site / "articles" / "by-date").exists() and not (site / "entities" / "by-type").exists()
    assert all("#" not in e["url"] for e in _load(site, "entities"))  # every entity has a page


def test_cache_key_ignores_site_code(tmp_path):
    pkg = tmp_path / "briefing"
    shutil.copytree(ROOT / "briefing", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    names = {p.relative_to(pkg).as_posix() for p in annotation_code(pkg)}
    assert {"annotate/__init__.py", "timex/__init__.py", "timex/rules.py", "model.py", "executors.py", "cache.py",
            "codec.py"} <= names
    # What annotation imports counts (annotate reads bios with read's rules); what comes after it does not.
    assert not {n for n in names if n.startswith(("site/", "link/", "bench/"))}
    assert not {"hook.py", "plugin.py", "cli.py", "pipeline.py"} & names


def test_cache_is_hit_and_prunes(tmp_path):
    from briefing.annotate import load_knowledge

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "lagos_port.txt").write_text(MINE, encoding="utf-8")
    (seeds / "lagos_port.yml").write_text("date: 2025-09-15\n", encoding="utf-8")
    settings = Settings(root=tmp_path, seeds=seeds, knowledge=ROOT / "knowledge", templates=ROOT / "templates",
                        cache=tmp_path / "cache", workers=1, today=build_date())
    knowledge = load_knowledge(settings.knowledge)
    articles, _ = pipeline.read_all(seeds)
    first, second = pipeline.Timings(), pipeline.Timings()
    docs1, _ = pipeline.annotate_all(articles, knowledge, settings, first)
    docs2, _ = pipeline.annotate_all(articles, knowledge, settings, second)
    assert (first.annotated, first.cached) == (1, 0) and (second.annotated, second.cached) == (0, 1)
    assert docs1 == docs2
    (seeds / "lagos_port.txt").write_text(MINE + "\nThe authority meets again on 4 June 2026.\n", encoding="utf-8")
    articles, _ = pipeline.read_all(seeds)
    pipeline.annotate_all(articles, knowledge, settings, pipeline.Timings())
    assert len(list((settings.cache).rglob("*.json"))) == 1  # the edited article's old entry is gone


def test_cache_key_is_the_same_in_every_process():
    """An article with several inferred fields (a frozenset) keeps its cache entry from one build to the next:
    each build is a new process with its own string hash order."""
    code = ("import sys; from briefing.pipeline import read_all; from briefing.cache import AnnotationCache; "
            "from pathlib import Path; "
            "print(AnnotationCache.key(read_all(Path(sys.argv[1]))[0][0]))")
    keys = set()
    for seed in ("1", "2", "3", "4", "5", "6"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
        keys.add(subprocess.run([sys.executable, "-c", code, str(ROOT / "tests" / "data")], env=env,
                                capture_output=True, text=True, check=True).stdout)
    assert len(keys) == 1


def test_bench_reads_timings_and_judges_targets():
    log = "DEBUG - briefing stage timings: read 0.95s, annotate 45.09s, link 3.14s, render 17.38s\n"
    assert scale.parse_timings(log) == {"read": 0.95, "annotate": 45.09, "link": 3.14, "render": 17.38}
    runs = [scale.Run("quarter baseline", 10.0, 100, 500), scale.Run("quarter warm", 25.0, 300, 900),
            scale.Run("quarter cold", 60.0, 900, 900, stages={"annotate": 40.0, "render": 5.0}, words=80_000)]
    assert runs[2].mkdocs == pytest.approx(15.0)
    assert runs[2].words_per_second == pytest.approx(2000.0) and runs[1].words_per_second == 0.0
    text = scale.table(runs)
    assert text.splitlines()[-1].endswith("| 2,000 |")  # the cold build's annotation throughput
    assert "| quarter warm | 25.0 | 2.50 |" in text
    verdict = scale.verdict(runs)
    assert any(v.startswith("MISS quarter warm") for v in verdict)
    assert any(v.startswith("ok   quarter cold") for v in verdict)


def test_sample_spreads_over_the_corpus():
    files = [Path(f"{c}/{i:03d}.txt") for c in ("business", "sport", "tech") for i in range(10)]
    picked = scale.sample(files, 6)
    assert len(picked) == 6 and {p.parent.name for p in picked} == {"business", "sport", "tech"}
    assert scale.flat_name(Path("/c/sport/007.txt"), Path("/c")) == "sport-007.txt"
