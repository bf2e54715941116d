"""The designs bench: its prototype of "MkDocs handed only the changed pages" really builds only those."""

from __future__ import annotations

import pytest

from briefing.bench import designs, scale


def test_changed_pages_prototype_builds_only_what_an_edit_changed(tmp_path):
    corpus = scale.default_corpus()
    files = scale.corpus_files(corpus) if corpus.is_dir() else []
    if not files:
        pytest.skip("no BBC corpus beside the repository")
    project = scale.make_ours(tmp_path / "ours", scale.sample(files, 6), corpus)
    builds = designs.measure("changed pages", project)
    assert [b["build"] for b in builds] == list(range(designs.EDITS + 1))
    pages = scale.count_pages(project / "site") if (project / "site").is_dir() else None
    first_dirty, last = builds[1], builds[-1]
    # The first dirty build has no record of the one before it, so it builds every page; after that an edit
    # builds the pages whose generated Markdown changed: the edited article's, and few others.
    assert first_dirty["rebuilt"] > 20
    assert 1 <= last["rebuilt"] < first_dirty["rebuilt"] // 4, (last["rebuilt"], pages)
    assert all(b["wall"] > 0 and "link" in b["stages"] for b in builds[1:])
