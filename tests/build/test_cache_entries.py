"""Cache entries that cannot hurt: a planted pickle runs nothing, and a damaged, foreign, outdated or
misshapen entry is a miss with one warning naming it; the build is then the same as a cold one."""

from __future__ import annotations

import json
import logging
import os
import pickle

import pytest

from briefing.cache import SUFFIX, AnnotationCache
from briefing.config import validated
from briefing.plugin import BriefingPlugin
from conftest import make_project

ARTICLES = {
    "alpha.md": "---\ndate: 2026-03-01\n---\nAlpha headline\n\nOfficials in Reykjavik met Ingrid Solberg on 2 March 2026 "
                "to discuss the NDS (National Defense Strategy) and 2% of GDP.\n",
    "beta.md": "---\ndate: 2026-03-02\n---\nBeta headline\n\nOfficials in Berlin said on 1 March 2026 that spending "
               "would reach 2% of GDP.\n",
}


class RunsACommand:
    """Unpickling this runs a shell command that writes ``marker``."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return os.system, (f"touch '{self.marker}'",)


@pytest.fixture
def warnings():
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append
    logger = logging.getLogger("mkdocs.plugins.briefing")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


def generate(project):
    plugin = BriefingPlugin()
    plugin.config = validated({})
    return plugin.generate(project), plugin.result


def entries(project) -> dict[str, bytes]:
    root = project / ".cache" / "briefing"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def cold(tmp_path_factory):
    """A cold build's pages and cache entries, and the entry of alpha.md by name."""
    project = make_project(tmp_path_factory.mktemp("cold"), ARTICLES)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1779494400")
        files, result = generate(project)
    assert result.timings.annotated == 2 and not result.corpus.problems
    alpha = next(d.article for d in result.corpus.docs if d.article.source == "alpha.md")
    root = project / ".cache" / "briefing"
    cache = AnnotationCache(root, next(root.iterdir()).name)
    return files, entries(project), cache.path(alpha).relative_to(root).as_posix()


def good_entry(cold) -> bytes:
    return cold[1][cold[2]]


def other_version(cold) -> bytes:
    data = json.loads(good_entry(cold))
    data["version"] += 1
    return json.dumps(data).encode()


def wrong_shape(cold) -> bytes:
    data = json.loads(good_entry(cold))
    data["annotated"]["mentions"][0]["start"] = "0"
    return json.dumps(data).encode()


def beta_entry(cold) -> bytes:
    return next(v for k, v in cold[1].items() if k != cold[2])


BAD = {
    "text": lambda cold: b"just some text",
    "empty": lambda cold: b"",
    "truncated": lambda cold: good_entry(cold)[: len(good_entry(cold)) // 2],
    "other version": other_version,
    "foreign JSON": lambda cold: b'{"format": "something else", "rows": [1, 2, 3]}',
    "JSON of the wrong shape": wrong_shape,
    "another article's entry": beta_entry,
    "binary": lambda cold: bytes(range(256)),
}


@pytest.mark.parametrize("kind", BAD)
def test_a_bad_entry_is_a_warned_miss_and_the_build_is_as_cold(kind, cold, tmp_path, warnings, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1779494400")
    cold_files, cold_entries, name = cold
    project = make_project(tmp_path / "p", ARTICLES)
    generate(project)
    path = project / ".cache" / "briefing" / name
    path.write_bytes(BAD[kind](cold))
    warnings.clear()

    files, result = generate(project)
    assert (result.timings.annotated, result.timings.cached) == (1, 1)
    assert files == cold_files and entries(project) == cold_entries  # rebuilt as a cold build writes it
    assert len(warnings) == 1 and str(path) in warnings[0].getMessage() and "alpha.md" in warnings[0].getMessage()

    warnings.clear()
    _, result = generate(project)  # and trusted again next time
    assert (result.timings.annotated, result.timings.cached) == (0, 2) and not warnings
    assert "annotate" not in result.timings.stages  # nor read: the link cache knows the rebuilt entry


def test_a_planted_pickle_runs_nothing(cold, tmp_path, warnings, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1779494400")
    cold_files, cold_entries, name = cold
    live = tmp_path / "live"
    pickle.loads(pickle.dumps(RunsACommand(live)))
    assert live.exists()  # the payload is real: unpickling it runs the command

    project = make_project(tmp_path / "p", ARTICLES)
    generate(project)
    path = project / ".cache" / "briefing" / name
    marker = tmp_path / "ran"
    payload = pickle.dumps(RunsACommand(marker), protocol=pickle.HIGHEST_PROTOCOL)
    path.write_bytes(payload)  # under the entry's own name
    path.with_suffix(".pickle").write_bytes(payload)  # and where earlier versions kept entries
    warnings.clear()

    files, result = generate(project)
    assert not marker.exists()
    assert result.timings.annotated == 1 and files == cold_files and entries(project) == cold_entries
    assert len(warnings) == 1 and str(path) in warnings[0].getMessage()


def test_a_build_killed_while_writing_leaves_nothing_trusted(cold, tmp_path, warnings, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1779494400")
    cold_files, cold_entries, name = cold
    project = make_project(tmp_path / "p", ARTICLES)
    generate(project)
    path = project / ".cache" / "briefing" / name
    path.with_name(f"{path.stem}.4242.tmp").write_bytes(good_entry(cold)[:100])  # half written, never renamed
    path.unlink()
    files, result = generate(project)
    assert result.timings.annotated == 1 and files == cold_files and entries(project) == cold_entries
    assert not warnings  # a missing entry is an ordinary miss


def test_entries_hold_versioned_json(cold):
    _, cold_entries, name = cold
    assert name.endswith(SUFFIX) and all(k.endswith(SUFFIX) for k in cold_entries)
    data = json.loads(cold_entries[name])
    assert data["format"] == "briefing-annotation" and data["version"] == 1
    assert data["annotated"]["article"]["source"] == "alpha.md"
