"""Scale benchmark: our site against a plain mkdocs-material site of the same texts.

Each build runs as a child process of a small wrapper process, so that the wrapper's
``RUSAGE_CHILDREN`` peak resident size covers the build's whole process tree (the MkDocs
process and its annotation workers) and nothing else. The build reports its stage timings
(read, annotate, link, render: the hook's ``briefing stage timings`` debug line) and MkDocs
itself is the rest of the build's wall time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
STAGES = ("read", "annotate", "link", "render")

# Runs inside the build process: a real MkDocs build with only our stage timings and warnings logged.
_BUILD = r"""
import json, logging, sys, time
t0 = time.perf_counter()
from mkdocs.commands.build import build
from mkdocs.config import load_config
from briefing.bench.scale import parse_timings
stages, warnings, words = {}, [], 0
class Catch(logging.Handler):
    def emit(self, record):
        global words
        msg = record.getMessage()
        if msg.startswith("briefing stage timings: "):
            stages.update(parse_timings(msg))
        elif msg.startswith("briefing annotated words: "):
            words = int(msg.rsplit(" ", 1)[1])
        elif record.levelno >= logging.WARNING:
            warnings.append(msg)
log = logging.getLogger("mkdocs")
log.setLevel(logging.WARNING)
log.addHandler(Catch())
logging.getLogger("mkdocs.plugins.briefing").setLevel(logging.DEBUG)
build(load_config(sys.argv[1]))
print(json.dumps({"seconds": time.perf_counter() - t0, "stages": stages, "warnings": warnings, "words": words}))
"""

# The wrapper: runs one build as its child and adds the child tree's peak memory.
_WRAP = r"""
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
done = subprocess.run([sys.executable, "-c", sys.argv[1], sys.argv[2]], capture_output=True, text=True)
wall = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
print(json.dumps({"wall": wall, "peak_kib": peak, "rc": done.returncode, "out": done.stdout, "err": done.stderr[-4000:]}))
"""


@dataclass
class Run:
    """One measured build."""

    label: str
    wall: float  # seconds, process start to exit
    peak_mb: float  # largest resident size in the build's process tree
    pages: int  # HTML pages written
    stages: dict[str, float] = field(default_factory=dict)
    warnings: int = 0
    words: int = 0  # words annotated (not taken from the cache)
    ok: bool = True
    error: str = ""

    @property
    def words_per_second(self) -> float:
        """Annotation throughput: words annotated over the annotate stage's wall time (all workers)."""
        secs = self.stages.get("annotate", 0.0)
        return self.words / secs if self.words and secs else 0.0

    @property
    def mkdocs(self) -> float:
        """What is not ours: interpreter start, MkDocs, the theme and the search index."""
        return max(0.0, self.wall - sum(self.stages.get(s, 0.0) for s in STAGES))


def default_corpus() -> Path:
    return ROOT.parent / "shared" / "corpus" / "bbc-fulltext" / "bbc"


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*.txt") if p.name.upper() != "README.TXT")


def sample(files: Sequence[Path], n: int) -> list[Path]:
    """``n`` files spread evenly over the sorted list (every category, not the first one only)."""
    if n >= len(files):
        return list(files)
    step = len(files) / n
    return [files[int(i * step)] for i in range(n)]


def flat_name(path: Path, corpus: Path) -> str:
    """business/001.txt -> business-001.txt: the folders flattened into one seeds/."""
    return "-".join(path.relative_to(corpus).parts)


def make_ours(dest: Path, files: Sequence[Path], corpus: Path) -> Path:
    """A briefing project using this checkout's hook, templates, docs and knowledge."""
    dest.mkdir(parents=True, exist_ok=True)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(ROOT / "build_site.py")]
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    for name in ("docs", "templates", "knowledge", "overrides"):
        shutil.copytree(ROOT / name, dest / name, dirs_exist_ok=True)
    seeds = dest / "seeds"
    seeds.mkdir(exist_ok=True)
    for f in files:
        shutil.copyfile(f, seeds / flat_name(f, corpus))
    return dest


def make_baseline(dest: Path, files: Sequence[Path], corpus: Path) -> Path:
    """A plain mkdocs-material site of the same texts as bare pages, with a bounded nav."""
    docs = dest / "docs"
    (docs / "articles").mkdir(parents=True, exist_ok=True)
    for f in files:
        text = f.read_bytes().decode("utf-8", errors="replace")
        lines = text.strip().splitlines() or ["Untitled"]
        body = "\n".join(lines[1:])
        (docs / "articles" / (flat_name(f, corpus)[:-4] + ".md")).write_text(
            f"# {lines[0].strip() or 'Untitled'}\n\n{body}\n", encoding="utf-8")
    (docs / "index.md").write_text(f"# Articles\n\n{len(files)} articles.\n", encoding="utf-8")
    config = {
        "site_name": "Baseline", "docs_dir": "docs", "site_dir": "site", "use_directory_urls": True,
        "theme": {"name": "material", "font": False}, "plugins": ["search"],
        "nav": [{"Home": "index.md"}], "not_in_nav": "/articles/*.md\n",
    }
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return dest


def count_pages(site: Path) -> int:
    """Pages built, with directory URLs (the baseline: every page an index.html) or without (the briefing)."""
    return sum(1 for p in site.rglob("*.html") if p.name != "404.html")


def build_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment for a measured build: a fixed build date (runs compare like with like) and
    this checkout importable, with ``env`` on top."""
    env = dict(os.environ, **(env or {}))
    env.setdefault("SOURCE_DATE_EPOCH", "1779494400")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def build(project: Path, label: str, env: dict[str, str] | None = None) -> Run:
    """One real `mkdocs build` of ``project`` in a fresh process tree, measured."""
    env = build_env(env)
    done = subprocess.run([sys.executable, "-c", _WRAP, _BUILD, str(project / "mkdocs.yml")],
                          cwd=project, env=env, capture_output=True, text=True)
    try:
        w = json.loads(done.stdout)
    except json.JSONDecodeError:
        return Run(label, 0.0, 0.0, 0, ok=False, error=(done.stderr or done.stdout)[-2000:])
    run = Run(label, w["wall"], w["peak_kib"] / 1024, count_pages(project / "site"))
    if w["rc"] != 0:
        run.ok, run.error = False, w["err"][-2000:]
        return run
    result = json.loads(w["out"].strip().splitlines()[-1])
    run.stages = result["stages"]
    run.warnings = len(result["warnings"])
    run.words = result.get("words", 0)
    return run


def edit_one(project: Path) -> Path:
    """Append a sentence to one article, as an editor would: only that article is re-annotated."""
    seeds = sorted((project / "seeds").iterdir())
    target = seeds[len(seeds) // 2]
    with target.open("ab") as fh:
        fh.write(b"\n\nThe minister said on Tuesday that a review would be published next March.\n")
    return target


def add_one(project: Path, corpus: Path, files: Sequence[Path]) -> Path:
    """A new article: a corpus file not in the sample, else a copy of one with a sentence of its own."""
    seeds = project / "seeds"
    have = {p.name for p in seeds.iterdir()}
    for f in corpus_files(corpus):
        if flat_name(f, corpus) not in have:
            target = seeds / flat_name(f, corpus)
            shutil.copyfile(f, target)
            return target
    source = sorted(seeds.iterdir())[0]
    target = seeds / f"added-{source.name}"
    target.write_bytes(source.read_bytes() + b"\n\nThe agency said on Friday it would publish a second report.\n")
    return target


def remove_one(project: Path) -> Path:
    """Remove an article other than the edited one (a third of the way through the sorted seeds)."""
    seeds = sorted((project / "seeds").iterdir())
    target = seeds[len(seeds) // 3]
    target.unlink()
    return target


def site_digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def cold_copy(project: Path, dest: Path) -> Path:
    """The same project and seeds in another folder, without its caches or site: a cold build's input."""
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(project, dest, ignore=shutil.ignore_patterns(".cache", "site", "serve.log"))
    return dest


def page_sizes(project: Path) -> dict[str, int]:
    """Bytes of the pages that grow with the corpus: they must stay readable."""
    site = project / "site"
    out = {}
    for name in ("index.html", "articles/index.html", "timeline/index.html", "entities/index.html",
                 "search/search_index.json"):
        p = site / name
        if p.is_file():
            out[name] = p.stat().st_size
    return out


PAGE_LIMIT_KB = 400  # no page a reader opens may grow past this with the corpus


def largest_pages(site: Path, n: int = 1) -> list[tuple[int, str]]:
    """The ``n`` largest HTML pages of a built site: (bytes, site-relative path), largest first."""
    found = sorted(((p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")), reverse=True)
    return found[:n]


@dataclass
class Checks:
    """What a size's run found besides build times."""

    sizes: dict[str, int] = field(default_factory=dict)
    differ: list[str] | None = None  # files in which the incremental site differs from a cold build
    serve: dict[str, float | None] = field(default_factory=dict)  # edit-to-served seconds, ours and baseline


def run_size(workdir: Path, files: Sequence[Path], corpus: Path, label: str,
             say: Callable[[str], None], serve: bool = True) -> tuple[list[Run], Checks]:
    """Baseline, then ours cold, warm, after one edit, one addition and one removal; then a cold build of
    the same seeds in another folder, which the incremental site must equal byte for byte; then the time an
    edit takes to reach `mkdocs serve`, ours and the baseline's."""
    runs, checks = [], Checks()
    base = make_baseline(workdir / f"baseline-{label}", files, corpus)
    say(f"[{label}] baseline: plain mkdocs-material, {len(files)} pages")
    runs.append(build(base, f"{label} baseline"))
    ours = make_ours(workdir / f"ours-{label}", files, corpus)
    shutil.rmtree(ours / ".cache", ignore_errors=True)
    for kind, change in (("cold", None), ("warm", None), ("edit", edit_one), ("add", lambda p: add_one(p, corpus, files)),
                         ("remove", remove_one)):
        if change:
            change(ours)
        say(f"[{label}] ours, {kind}")
        runs.append(build(ours, f"{label} {kind}"))
    say(f"[{label}] a cold build of the same seeds elsewhere, to compare")
    fresh = cold_copy(ours, workdir / f"fresh-{label}")
    runs.append(build(fresh, f"{label} cold again"))
    incremental, cold = site_digests(ours / "site"), site_digests(fresh / "site")
    checks.differ = sorted(k for k in incremental.keys() | cold.keys() if incremental.get(k) != cold.get(k))
    checks.sizes = page_sizes(ours)
    for size, name in largest_pages(ours / "site"):
        checks.sizes[f"largest page ({name})"] = size
    if serve:
        from briefing.bench.serve import edit_latency

        env = build_env()
        say(f"[{label}] mkdocs serve: one edit, ours")
        # the page's URL as the site itself publishes it (readable URLs: date and title, not the file name)
        listed = json.loads((ours / "site" / "data" / "articles.json").read_text(encoding="utf-8"))
        last = max(listed, key=lambda a: a["source"])
        target = ours / "seeds" / last["source"]
        checks.serve["ours"] = edit_latency(ours, target, last["url"], env)
        say(f"[{label}] mkdocs serve: one edit, baseline")
        page = sorted((base / "docs" / "articles").iterdir())[-1]
        checks.serve["baseline"] = edit_latency(base, page, f"articles/{page.stem}/", env)
    return runs, checks


def table(runs: Sequence[Run]) -> str:
    """Markdown table: time, ratio to the baseline of the same size, memory, pages, stages."""
    rows = ["| build | time s | × baseline | peak MB | pages | read | annotate | link | render | MkDocs | warnings "
            "| annotated words/s |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    base: dict[str, float] = {}
    for r in runs:
        size = r.label.split()[0]
        if r.label.endswith("baseline"):
            base[size] = r.wall
        ratio = r.wall / base[size] if base.get(size) else 0.0
        st = [f"{r.stages[s]:.1f}" if s in r.stages else "-" for s in STAGES]
        rows.append(f"| {r.label}{'' if r.ok else ' FAILED'} | {r.wall:.1f} | {ratio:.2f} | {r.peak_mb:.0f} | "
                    f"{r.pages} | {' | '.join(st)} | {r.mkdocs:.1f} | {r.warnings} | "
                    f"{f'{r.words_per_second:,.0f}' if r.words_per_second else '-'} |")
    return "\n".join(rows)


def verdict(runs: Sequence[Run]) -> list[str]:
    """The brief's targets, each with its measured figure."""
    by = {r.label: r for r in runs}
    lines = []

    def check(name: str, value: float, limit: float, unit: str = "x") -> None:
        lines.append(f"{'ok  ' if value <= limit else 'MISS'} {name}: {value:.2f}{unit} (target <= {limit:g}{unit})")

    for size in ("quarter", "whole"):
        b = by.get(f"{size} baseline")
        if not b or not b.wall:
            continue
        for kind, limit in (("warm", 1.5), ("edit", 2.0), ("add", 2.0), ("remove", 2.0), ("cold", 10.0)):
            r = by.get(f"{size} {kind}")
            if r and r.ok:
                check(f"{size} {kind} / baseline", r.wall / b.wall, limit)
    q, w = by.get("quarter cold"), by.get("whole cold")
    if q and w and q.ok and w.ok and q.wall:
        check("whole / quarter (cold)", w.wall / q.wall, 4.4)
    if runs:
        check("peak memory", max(r.peak_mb for r in runs), 1024, " MB")
    return lines


def main(corpus: Path | None = None, sizes: Sequence[str] = ("quarter", "whole"), keep: Path | None = None,
         limit: int | None = None, serve: bool = True) -> int:
    corpus = corpus or default_corpus()
    files = corpus_files(corpus)
    if limit:
        files = sample(files, limit)
    if not files:
        print(f"no .txt files under {corpus}", file=sys.stderr)
        return 2
    workdir = keep or Path(tempfile.mkdtemp(prefix="briefing-scale-"))
    say = lambda s: print(s, file=sys.stderr, flush=True)  # noqa: E731
    runs: list[Run] = []
    sizes_out = {}
    t0 = time.perf_counter()
    try:
        for size in sizes:
            chosen = sample(files, max(1, len(files) // 4)) if size == "quarter" else files
            got, sizes_out[size] = run_size(workdir, chosen, corpus, size, say, serve)
            runs.extend(got)
            for r in got:
                if not r.ok:
                    say(f"{r.label} failed:\n{r.error}")
    finally:
        if keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"Scale benchmark: {len(files)} articles from {corpus} on {os.cpu_count()} cores, "
          f"{time.perf_counter() - t0:.0f}s in all\n")
    print(table(runs))
    print()
    same = True
    for size, checks in sizes_out.items():
        print(f"{size}: " + ", ".join(f"{k} {v / 1024:.0f} KB" for k, v in checks.sizes.items()))
        if checks.differ is not None:
            same = same and not checks.differ
            print(f"{size}: after one edit, one addition and one removal the site is "
                  + ("byte-identical to a cold build of the same seeds" if not checks.differ else
                     f"NOT identical to a cold build: {len(checks.differ)} files differ, e.g. {checks.differ[:5]}"))
        ours, base = checks.serve.get("ours"), checks.serve.get("baseline")
        if checks.serve:
            print(f"{size}: mkdocs serve, one edit to the served page: ours "
                  + (f"{ours:.1f}s" if ours else "timed out") + ", baseline " + (f"{base:.1f}s" if base else "timed out")
                  + (f" ({ours / base:.2f}x)" if ours and base else ""))
    print()
    lines = verdict(runs)
    for size, checks in sizes_out.items():
        largest = max((v for k, v in checks.sizes.items() if k.startswith("largest page")), default=None)
        if largest is not None:
            kb = largest / 1024
            lines.append(f"{'ok  ' if kb <= PAGE_LIMIT_KB else 'MISS'} {size} largest page: {kb:.0f} KB "
                         f"(target <= {PAGE_LIMIT_KB} KB)")
    print("\n".join(lines))
    return 0 if all(r.ok for r in runs) and same else 1


_TIMINGS = re.compile(r"briefing stage timings: (.*)")


def parse_timings(log: str) -> dict[str, float]:
    """Stage timings from `mkdocs build -v` output (the last build in the log)."""
    found = _TIMINGS.findall(log)
    if not found:
        return {}
    out = {}
    for part in found[-1].split(", "):
        name, _, secs = part.rpartition(" ")
        try:
            out[name] = float(secs.rstrip("s"))
        except ValueError:
            continue
    return out
