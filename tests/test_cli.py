"""The command line, ``python build_site.py …`` (briefing/cli.py)."""

from __future__ import annotations

import json
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


def test_timex_says_a_missing_file_does_not_exist(tmp_path, capsys):
    missing = tmp_path / "nowhere.txt"
    assert cli.main(["timex", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{missing}: no such file") and "UTF-8" not in err


def test_timex_names_a_file_that_is_not_utf8(tmp_path, capsys):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 on 4 March 2025".encode("latin-1"))
    assert cli.main(["timex", str(latin)]) == 2
    assert capsys.readouterr().err.startswith(f"{latin}: not UTF-8 text")
    assert cli.main(["timex", str(tmp_path)]) == 2
    assert "a folder, not a text file" in capsys.readouterr().err


def test_timex_prints_json(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("They met on 4 March 2025.", encoding="utf-8")
    assert cli.main(["timex", str(f), "--dct", "2025-03-05"]) == 0
    [found] = json.loads(capsys.readouterr().out)
    assert found["value"] == "2025-03-04"
