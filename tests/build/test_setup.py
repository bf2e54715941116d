"""What setup.sh puts in the virtualenv besides the packages."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# How Material decides to print its banner: run as `mkdocs`, NO_MKDOCS_2_WARNING unset, theme imported.
BANNER = "import sys; sys.argv = ['mkdocs']; import material.templates"


def _venv(tmp: Path, *pth: Path) -> Path:
    """A bare virtualenv over this one's packages, with ``pth`` files in its site-packages."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp)], check=True)
    python = tmp / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "this-venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    for p in pth:
        (site / f"briefing-{p.name}").write_bytes(p.read_bytes())
    return python


def test_setup_installs_the_line_that_silences_materials_banner():
    setup = (ROOT / "setup.sh").read_text(encoding="utf-8")
    assert "scripts/quiet-material.pth" in setup and "briefing-quiet-material.pth" in setup


def test_the_line_silences_materials_end_of_life_banner(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    loud = _venv(tmp_path / "loud")
    quiet = _venv(tmp_path / "quiet", ROOT / "scripts" / "quiet-material.pth")
    said = subprocess.run([str(loud), "-c", BANNER], capture_output=True, text=True, env=env)
    assert "end of life" in said.stderr  # the banner this guards against is still there to silence
    said = subprocess.run([str(quiet), "-c", BANNER], capture_output=True, text=True, env=env)
    assert said.returncode == 0 and "end of life" not in said.stderr + said.stdout
