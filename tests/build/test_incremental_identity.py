"""Incremental builds are byte-identical to cold ones: after any sequence of edits, additions, removals and
touches of articles, the site a warm project builds (read, link, render and page caches all in play) equals,
file for file, the site a fresh copy of the same seeds builds with no cache at all: pages, search index,
sitemap and exports. Real MkDocs builds, in this process so spaCy loads once."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, initialize, invariant, rule
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import make_project

EPOCH = "1779494400"
PLACES = ["Berlin", "Tokyo", "Manila", "Canberra", "Seoul", "Ottawa", "Oslo", "Riga"]
PEOPLE = ["Anna Berg", "Tomas Lind", "Mei Chen", "Ravi Patel"]
TOPICS = ["defence spending", "a trade agreement", "missile defence", "energy prices"]


def article(i: int, variant: int) -> str:
    """A short dated article; ``variant`` changes its text, people and dates as an editor's edit would."""
    place, other = PLACES[i % len(PLACES)], PLACES[(i + variant + 1) % len(PLACES)]
    person, topic = PEOPLE[(i + variant) % len(PEOPLE)], TOPICS[(i * 3 + variant) % len(TOPICS)]
    return (f"---\ndate: 2026-0{1 + i % 9}-1{variant % 10}\noutlet: Wire {i % 3}\n---\n"
            f"Talks in {place} on {topic}\n\n"
            f"Ministers met in {place} on {10 + variant} March 2026 to discuss {topic}. {person} said a "
            f"summit in {other} would follow in June 2027.\n\n"
            f"The North Atlantic Treaty Organization (NATO) said spending would reach {2 + variant % 3}% of GDP "
            f"by 2030.\n")


def site_digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def mkdocs(project: Path) -> dict[str, str]:
    build(load_config(str(project / "mkdocs.yml")))
    return site_digests(project / "site")


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


class Edits(RuleBasedStateMachine):
    """A project edited step by step and rebuilt warm; after each step, a cold build of its seeds."""

    root: Path
    names = Bundle("names")

    def __init__(self) -> None:
        super().__init__()
        self.n = 0
        self.project = make_project(Path(self.root) / f"warm{id(self)}", {})
        self.seeds = self.project / "seeds"
        self.changed = False

    def write(self, name: str, text: str) -> None:
        (self.seeds / name).write_text(text, encoding="utf-8")
        self.changed = True

    @initialize(target=names, i=st.integers(0, 5))
    def first(self, i):
        name = f"a{i}.md"
        self.write(name, article(i, 0))
        return name

    @rule(target=names, i=st.integers(0, 5), variant=st.integers(0, 3))
    def add(self, i, variant):
        name = f"a{i}.md"
        self.write(name, article(i, variant))
        return name

    @rule(name=names, variant=st.integers(1, 9))
    def edit(self, name, variant):
        if (self.seeds / name).exists():
            self.write(name, article(int(name[1:-3]), variant))

    @rule(name=consumes(names))
    def remove(self, name):
        path = self.seeds / name
        if path.exists() and len(list(self.seeds.iterdir())) > 1:
            path.unlink()
            self.changed = True

    @rule(name=names)
    def touch(self, name):
        """A new mtime and the same bytes: the read layer must fall back on the content hash."""
        path = self.seeds / name
        if path.exists():
            st_ = path.stat()
            os.utime(path, ns=(st_.st_atime_ns, st_.st_mtime_ns + 5_000_000_000))
            self.changed = True

    @invariant()
    def same_as_cold(self):
        if not self.changed:
            return
        self.changed = False
        warm = mkdocs(self.project)
        self.n += 1
        cold_project = Path(self.root) / f"cold{id(self)}-{self.n}"
        make_project(cold_project, {p.name: p.read_text(encoding="utf-8") for p in self.seeds.iterdir()})
        cold = mkdocs(cold_project)
        shutil.rmtree(cold_project)
        assert "search/search_index.json" in cold and "sitemap.xml" in cold
        assert (self.project / ".cache" / "briefing-pages").is_dir()
        differ = sorted(k for k in cold.keys() | warm.keys() if cold.get(k) != warm.get(k))
        assert differ == [], f"incremental build differs from a cold one in {differ[:10]}"


def test_incremental_builds_equal_cold_builds(tmp_path):
    Edits.root = tmp_path
    run = Edits.TestCase
    run.settings = settings(max_examples=3, stateful_step_count=4, deadline=None,
                            suppress_health_check=list(HealthCheck))
    run().runTest()


@pytest.mark.parametrize("damage", [b"", b"\x80garbage", b'{"format": "briefing-page", "version": 99}',
                                    b'{"format": "something-else"}', b"[1, 2, 3]"])
def test_a_damaged_cache_entry_is_a_miss_with_one_warning(tmp_path, caplog, damage):
    project = make_project(tmp_path / "p", {f"a{i}.md": article(i, 0) for i in range(2)})
    first = mkdocs(project)
    entries = {"page": sorted((project / ".cache" / "briefing-pages").glob("*.page"))[0],
               "link": project / ".cache" / "briefing-layers" / "link.json",
               "read": project / ".cache" / "briefing-layers" / "read.json",
               "render": sorted((project / ".cache" / "briefing-render").glob("*.json"))[0]}
    for path in entries.values():
        path.write_bytes(damage)
    (project / ".cache" / "briefing-layers" / "site.json").unlink()  # else the render memo is not consulted
    with caplog.at_level("WARNING", logger="mkdocs"):
        again = mkdocs(project)
    assert again == first
    warned = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    for kind, path in entries.items():
        assert sum(str(path) in w for w in warned) == 1, (kind, warned)
    assert all("not used" in w for w in warned), warned
