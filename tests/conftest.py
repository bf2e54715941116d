"""Shared fixtures: a real site built with `mkdocs build --strict` from a temporary project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def make_project(tmp: Path, articles: dict[str, str | bytes] | None = None, seeds_from: Path | None = None,
                 options: dict | None = None) -> Path:
    """A briefing project in ``tmp`` using this checkout's hook, templates, docs and knowledge; ``options``
    go to mkdocs.yml's ``extra.briefing`` (briefing.config.BriefingConfig)."""
    tmp.mkdir(parents=True, exist_ok=True)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(ROOT / "build_site.py")]
    if options:
        config.setdefault("extra", {})["briefing"] = options
    (tmp / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    for name in ("docs", "templates", "knowledge", "overrides"):
        shutil.copytree(ROOT / name, tmp / name)
    seeds = tmp / "seeds"
    if seeds_from is not None:
        shutil.copytree(seeds_from, seeds)
    else:
        seeds.mkdir()
    for name, content in (articles or {}).items():
        path = seeds / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return tmp


def mkdocs_build(project: Path, strict: bool = True) -> subprocess.CompletedProcess:
    """Run a real `mkdocs build` in ``project``; returns the completed process (output in .stderr)."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1779494400"))  # 2026-05-23
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q"] + (["--strict"] if strict else [])
    return subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=600)


def build_in_process(project: Path) -> Path:
    """A real strict MkDocs build of ``project`` in this process (so options set here reach the hook), with
    the build date fixed as mkdocs_build fixes it. Returns the built site folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    mp = pytest.MonkeyPatch()
    try:
        mp.setenv("SOURCE_DATE_EPOCH", "1779494400")  # 2026-05-23
        build(load_config(str(project / "mkdocs.yml"), strict=True))
    finally:
        mp.undo()
    return project / "site"


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory) -> Path:
    """The five seeds plus a new headline-less article, built strictly. Returns the project folder."""
    project = make_project(tmp_path_factory.mktemp("seeds_site"), seeds_from=ROOT / "seeds")
    shutil.copy(ROOT / "tests" / "data" / "new_article.txt", project / "seeds" / "zz_new_article.txt")
    done = mkdocs_build(project)
    assert done.returncode == 0, done.stderr
    return project
