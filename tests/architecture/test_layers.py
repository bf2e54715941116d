"""The architecture stays true: imports run one way (read <- annotate <- link <- site), the shared base
(model, config, knowledge, slugs, text, timex) imports no stage, and no module grows past 500 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "briefing"
BASE = {"model", "config", "knowledge", "slugs", "text", "timex", "codec"}
STAGES = ["read", "annotate", "link", "site"]  # each may import the ones before it, never one after


def layer(module: str) -> int | None:
    """0 for the base, 1.. for the stages in order, None for the wiring above them (pipeline, cli, …)."""
    top = module.split(".")[1] if module.count(".") else ""
    if top in BASE:
        return 0
    if top in STAGES:
        return STAGES.index(top) + 1
    return None


def modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        out.append((".".join(parts[:-1] if parts[-1] == "__init__" else parts), path))
    return out


def imports(path: Path) -> list[tuple[str, int]]:
    """(module, line) of every import of the package from ``path``, at any depth (lazy imports count too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module != "briefing":
                found.append((node.module, node.lineno))
            found += [(f"{node.module}.{a.name}", node.lineno) for a in node.names]  # from briefing import timex
    return [(m, line) for m, line in found if m == "briefing" or m.startswith("briefing.")]


def test_imports_run_one_way():
    names = {name for name, _ in modules()}
    back = []
    for name, path in modules():
        mine = layer(name)
        if mine is None:
            continue
        for target, line in imports(path):
            while target not in names and "." in target:  # "briefing.site.paths.slugify" -> the module
                target = target.rsplit(".", 1)[0]
            theirs = layer(target)
            if theirs is None or theirs > mine:
                back.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}")
    assert back == [], "imports that run back up:\n" + "\n".join(back)


def test_the_check_sees_a_backward_import():
    assert layer("briefing.read.article") == 1 and layer("briefing.site.paths") == 4
    assert layer("briefing.timex.values") == 0 and layer("briefing.pipeline") is None


@pytest.mark.parametrize("name,path", modules(), ids=[n for n, _ in modules()])
def test_modules_stay_readable(name, path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 500, f"{name} is over 500 lines: split it"
