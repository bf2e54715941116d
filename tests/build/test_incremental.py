"""Edits, renames and removals: only what depends on the changed article changes, nothing of a
removed article stays anywhere (pages, exports, cache), and the result equals a build from scratch."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefing import pipeline
from briefing.config import validated
from briefing.plugin import BriefingPlugin
from conftest import make_project

ARTICLES = {
    "alpha.md": "---\ndate: 2026-03-01\n---\nAlpha headline\n\nOfficials in Reykjavik met Ingrid Solberg on 2 March 2026 "
                "to discuss the NDS (National Defense Strategy).\n",
    "beta.md": "---\ndate: 2026-03-02\n---\nBeta headline\n\nOfficials in Berlin said on 1 March 2026 that spending "
               "would reach 2% of GDP.\n",
    "gamma.md": "---\ndate: 2026-03-03\n---\nGamma headline\n\nOfficials in Berlin and Tokyo agreed in February 2026 "
                "to hold a summit in June 2027.\n",
}


def generate(project: Path):
    """The plugin's pages and exports for ``project``, and the pipeline's result."""
    plugin = BriefingPlugin()
    plugin.config = validated({})
    return plugin.generate(project), plugin.result


def cache_files(project: Path) -> set[str]:
    root = project / ".cache" / "briefing"
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def exports(files: dict[str, str]) -> dict[str, list]:
    return {k.split("/")[1][:-5]: json.loads(v) for k, v in files.items() if k.startswith("data/")}


def page_of(data: dict[str, list], source: str) -> str:
    """The generated page of the article read from ``source``, as its export row gives its URL."""
    (url,) = [a["url"] for a in data["articles"] if a["source"] == source]
    return url.split("#")[0].removesuffix(".html") + ".md"


def sources_in(files: dict[str, str]) -> str:
    return "\n".join(files[k] for k in sorted(files) if k.startswith("data/"))


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("incremental"), ARTICLES)


def test_edit_rename_remove(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1779494400")
    seeds = project / "seeds"
    files, result = generate(project)
    assert result.timings.annotated == 3 and not result.corpus.problems
    # what the bench divides by the annotate time: every word of the three articles' text
    assert result.timings.annotated_words == sum(len(b.text.split()) for d in result.corpus.docs for b in d.article.blocks) > 0
    first_cache = cache_files(project)
    assert len(first_cache) == 3
    first = exports(files)
    alpha, gamma = page_of(first, "alpha.md"), page_of(first, "gamma.md")
    assert alpha in files and any(e["name"] == "Reykjavik" for e in first["entities"])
    assert any(g["term"] == "NDS" and g["sources"] == ["alpha.md"] for g in first["glossary"])

    # A rebuild with nothing changed annotates nothing and changes nothing.
    again, result = generate(project)
    assert result.timings.annotated == 0 and result.timings.cached == 3 and result.timings.annotated_words == 0
    assert again == files and cache_files(project) == first_cache
    # ... and decodes neither the annotations nor the linked corpus: the whole site came from its cache.
    assert "corpus" not in vars(result) and result.counts == pipeline.Counts.of(result.corpus)

    # Edit one article: only it is annotated again; the others' rows and cache entries stay as they were.
    (seeds / "beta.md").write_text(ARTICLES["beta.md"].replace("2% of GDP", "3% of GDP"), encoding="utf-8")
    edited, result = generate(project)
    assert result.timings.annotated == 1 and result.timings.cached == 2
    now = cache_files(project)
    assert len(now) == 3 and len(now & first_cache) == 2
    rows = {a["source"]: a for a in exports(edited)["articles"]}
    old_rows = {a["source"]: a for a in first["articles"]}
    assert rows["alpha.md"] == old_rows["alpha.md"] and rows["gamma.md"] == old_rows["gamma.md"]
    assert edited[alpha] == files[alpha]
    figures = exports(edited)["figures"]
    assert any(f["source"] == "beta.md" and f["value"] == 3 for f in figures)
    assert not any(f["source"] == "beta.md" and f["value"] == 2 for f in figures)

    # Rename one: the old name leaves no export row, page or cache entry behind (a page named by the article's
    # date and title keeps its URL).
    shutil.move(seeds / "gamma.md", seeds / "delta.md")
    renamed, result = generate(project)
    delta = page_of(exports(renamed), "delta.md")
    assert delta in renamed and "delta.md" in renamed[delta] and (delta == gamma or gamma not in renamed)
    assert "gamma.md" not in sources_in(renamed) and "articles/gamma/" not in sources_in(renamed)
    assert len(cache_files(project)) == 3

    # Remove one: its page, its entities, events, mentions and cache entry all go.
    (seeds / "alpha.md").unlink()
    removed, result = generate(project)
    data = exports(removed)
    assert alpha not in removed
    assert "alpha.md" not in sources_in(removed)
    assert not any(e["name"] == "Reykjavik" for e in data["entities"])
    assert not any(g["term"] == "NDS" for g in data["glossary"])
    assert not any(k.startswith("entities/reykjavik") for k in removed)
    assert all("alpha" not in page for k, page in removed.items() if k.startswith(("timeline/", "entities/")))
    assert len(cache_files(project)) == 2

    # The incremental result is exactly what a build from scratch makes.
    shutil.rmtree(project / ".cache")
    fresh, result = generate(project)
    assert result.timings.annotated == 2
    assert fresh == removed
