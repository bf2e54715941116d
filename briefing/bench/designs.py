"""What the two rebuild designs this project does not ship would give, measured as prototypes.

``python -m briefing.bench scale`` times `mkdocs build` in a fresh process. Two designs could take more off
an edit than the layered caches do, and both are measured here on the same project, as ratios to the
same plain site:

- **process**: annotation (and everything else) in a process that outlives the build. Measured as the
  second and later builds of one Python process after an edit, which is what `mkdocs serve` does: spaCy,
  scikit-learn, MkDocs and the theme are loaded once.
- **changed pages**: the same, and MkDocs handed only the pages whose generated Markdown changed. Measured
  with MkDocs' own dirty build, a generated file counting as modified only when its Markdown differs from
  the previous build's. A ceiling, not a design to ship: unchanged pages keep the navigation they were
  built with, and the search index holds only the rebuilt pages.

Each mode runs in its own child process: one build to start (cold or from the caches), then an edit to
one article and a build, twice; the table prints the second edit (the first one also pays loading spaCy
and scikit-learn, which the process then keeps).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefing.bench import scale

MODES = ("process", "changed pages")
EDITS = 2


def child(mode: str, project: str) -> None:
    """Runs in the measuring child process: prints one JSON line per build."""
    from mkdocs.structure.files import File

    dirty = mode == "changed pages"
    before: dict[str, str] = {}  # src_uri -> digest of the generated Markdown the last build had
    now: dict[str, str] = {}
    if dirty:
        plain = File.is_modified

        def is_modified(self: File) -> bool:  # MkDocs asks twice a page: before reading it and before building it
            if self.generated_by is None or self._content is None:  # type: ignore[attr-defined]
                return plain(self)
            now[self.src_uri] = hashlib.sha256(self.content_bytes).hexdigest()
            return before.get(self.src_uri) != now[self.src_uri]
        File.is_modified = is_modified  # type: ignore[method-assign]

    root = Path(project)
    with tempfile.TemporaryDirectory(prefix="briefing-designs-") as site:  # as `mkdocs serve`: a folder of its own
        _builds(root, site, dirty, before, now)


def _builds(root: Path, site: str, dirty: bool, before: dict[str, str], now: dict[str, str]) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import briefing.hook

    for n in range(EDITS + 1):
        if n:
            scale.edit_one(root)
        t0 = time.perf_counter()
        build(load_config(str(root / "mkdocs.yml"), site_dir=site), dirty=dirty and n > 0)
        wall = time.perf_counter() - t0
        result = briefing.hook.PLUGIN.result
        stages = dict(result.timings.stages) if result else {}
        print(json.dumps({"build": n, "wall": wall, "stages": stages, "rebuilt": sum(
            1 for k, v in now.items() if before.get(k) != v)}), flush=True)
        before.update(now)
        now.clear()


def measure(mode: str, project: Path) -> list[dict]:
    env = scale.build_env()
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from briefing.bench.designs import child; child(sys.argv[1], sys.argv[2])",
         mode, str(project)], cwd=project, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{mode}: the build failed:\n{done.stderr[-2000:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def main(corpus: Path | None, limit: int | None, keep: Path | None) -> int:
    corpus = corpus or scale.default_corpus()
    every = scale.corpus_files(corpus)
    if not every:
        print(f"no .txt articles under {corpus}", file=sys.stderr)
        return 2
    files = scale.sample(every, limit or len(every) // 4)
    work = keep or Path(tempfile.mkdtemp(prefix="briefing-designs-"))
    try:
        rows, plain = _rows(work, files, corpus)
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{len(files)} articles; plain site {plain:.2f} s\n")
    print("| design | edit s | × plain | read | annotate | link | render | MkDocs | pages MkDocs built |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, wall, stages, built in rows:
        st = [stages.get(s, 0.0) for s in scale.STAGES]
        print(f"| {label} | {wall:.2f} | {wall / plain:.2f} | " + " | ".join(f"{s:.2f}" for s in st)
              + f" | {max(0.0, wall - sum(st)):.2f} | {built} |")
    return 0


def _rows(work: Path, files: list[Path], corpus: Path) -> tuple[list[tuple[str, float, dict, str]], float]:
    """(label, seconds, stages, pages built) of an edit under each design, and the plain site's seconds."""
    plain = scale.build(scale.make_baseline(work / "baseline", files, corpus), "baseline")
    ours = work / "ours"
    if not (ours / "mkdocs.yml").exists():
        scale.make_ours(ours, files, corpus)
    scale.build(ours, "warm")  # the caches filled, then an edit in a fresh process: what `scale` measures
    scale.edit_one(ours)
    fresh = scale.build(ours, "edit")
    rows = [("mkdocs build (fresh process)", fresh.wall, fresh.stages, "all")]
    for mode in MODES:
        last = measure(mode, ours)[-1]
        rows.append((f"{mode} (prototype)", last["wall"], last["stages"], str(last["rebuilt"] or "all")))
    return rows, plain.wall
