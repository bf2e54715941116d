"""Same inputs, byte-identical site: in another folder, with another hash seed, in parallel or not,
from a cold or a warm annotation cache. SOURCE_DATE_EPOCH fixes the build date (the "ahead" line, the
sitemap's lastmod and the gzip header of sitemap.xml.gz)."""

from __future__ import annotations

import gzip
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, make_project

EPOCH = "1779494400"  # 2026-05-23


def corpus() -> dict[str, str]:
    """Enough small articles (18) that the annotate stage runs in a process pool with two workers."""
    places = ["Berlin", "Tokyo", "Manila", "Canberra", "Seoul", "Ottawa", "Paris", "Rome", "Madrid", "Oslo",
              "Warsaw", "Prague", "Vienna", "Athens", "Dublin", "Lisbon", "Helsinki", "Riga"]
    out = {}
    for i, place in enumerate(places):
        out[f"{i:02d} {place}.md"] = (
            f"---\ndate: 2026-0{1 + i % 9}-1{i % 9}\noutlet: Wire {i % 3}\n---\n"
            f"Ministers meet in {place}\n\n"
            f"Defence ministers met in {place} on {10 + i} March 2026 and agreed to raise spending to 2% of GDP "
            f"by 2030. NATO said the summit in {place} would follow in June 2027.\n\n"
            f"“We will act,” said Minister Anna Berg of the National Defense Strategy (NDS) office.\n"
        )
    return out


def build(project: Path, **env: str) -> None:
    full = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1", **env)
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, env=full,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]


def digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_same_inputs_give_a_byte_identical_site(tmp_path):
    one = make_project(tmp_path / "one", corpus(), seeds_from=ROOT / "seeds", options={"workers": 2})
    two = make_project(tmp_path / "elsewhere" / "two", corpus(), seeds_from=ROOT / "seeds", options={"workers": 1})
    build(one, PYTHONHASHSEED="1")
    cold = digests(one / "site")
    build(one, PYTHONHASHSEED="2")  # warm cache
    build(two, PYTHONHASHSEED="3")  # another folder, serial
    warm, other = digests(one / "site"), digests(two / "site")
    assert len(cold) > 50 and "sitemap.xml.gz" in cold and "search/search_index.json" in cold
    assert {k for k in cold if cold[k] != warm.get(k)} == set()
    assert {k for k in cold if cold[k] != other.get(k)} == set()
    assert set(cold) == set(warm) == set(other)
    # The sitemap's gzip header carries the build time: it must be the fixed one, not the clock.
    raw = (one / "site" / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(raw[4:8], "little") in (0, int(EPOCH))
    assert gzip.decompress(raw) == (one / "site" / "sitemap.xml").read_bytes()
