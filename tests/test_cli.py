"""The command line, ``python build_site.py …`` (briefing/cli.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import cli

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "build_site.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def called(monkeypatch):
    """The arguments each command handler is called with, without running it."""
    seen: list[tuple[str, object]] = []
    for name in ("build", "check", "timex", "new", "bench"):
        monkeypatch.setattr(cli, f"cmd_{name}", lambda args, name=name: seen.append((name, args)) or 0)
    return seen


@pytest.mark.parametrize("argv", [
    ["--strict"],
    ["--executor", "dask"],
    ["--executor", "dask", "--scheduler", "tcp://10.0.0.5:8786", "--strict"],
    ["build", "--strict", "--executor", "local"],
    [],
])
def test_build_is_the_default_and_its_options_need_no_subcommand(called, argv):
    assert cli.main(argv) == 0
    [(name, args)] = called
    assert name == "build"
    assert args.strict == ("--strict" in argv)
    assert args.executor == (argv[argv.index("--executor") + 1] if "--executor" in argv else None)
    assert args.scheduler == ("tcp://10.0.0.5:8786" if "--scheduler" in argv else None)


@pytest.mark.parametrize("argv,name", [
    (["check", "--seeds", "x"], "check"),
    (["timex", "f.txt", "--dct", "2025-01-01"], "timex"),
    (["new", "--title", "T"], "new"),
    (["bench", "timex", "--limit", "1"], "bench"),
])
def test_the_other_commands_still_work(called, argv, name):
    assert cli.main(argv) == 0
    assert [n for n, _ in called] == [name]


def test_a_wrong_build_option_is_reported_by_the_build_command():
    done = run("--executor", "nowhere")
    assert done.returncode == 2
    assert "invalid choice: 'nowhere'" in done.stderr and "build" in done.stderr


ONE = """---
title: "Canberra Signs Submarine Deal"
date: 2025-03-04
---

Australia signed a submarine deal worth $3 billion with Japan on Tuesday, 4 March 2025.
"""


def test_check_says_one_of_each(tmp_path):
    (tmp_path / "deal.md").write_text(ONE, encoding="utf-8")
    done = run("check", "--seeds", str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.rstrip().endswith("1 article, 0 problems")
    assert re.findall(r"(?<![\d.,$])\b1 [a-z ]*?[a-z]+s\b", done.stdout) == []
