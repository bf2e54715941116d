#!/usr/bin/env bash
# Set up everything on a fresh machine and build the site: a virtual environment with the pinned
# packages (the spaCy model installs by name from the registry; nothing downloads at run time), the
# optional Dask extra and Debian's Chromium + Playwright that the test suite exercises, then
# `mkdocs build --strict` into site/.
# BRIEFING_SITE_ONLY=1 skips the test-only parts (Dask, Chromium) for a reader who only builds the site.
set -euo pipefail
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
pip_install() { .venv/bin/python -m pip install --quiet --disable-pip-version-check "$@"; }
pip_install -r requirements-dev.txt
# The package itself, editable: registers the `briefing` MkDocs plugin entry point (plugins: - briefing).
pip_install --no-deps -e .
# Material prints an end-of-life banner on every `mkdocs build` and `mkdocs serve` unless NO_MKDOCS_2_WARNING
# is set. It prints it while loading the theme, before MkDocs loads build_site.py, and mkdocs.yml cannot set
# the environment, so this .pth line (run by Python at start-up) sets it for every run of the virtualenv.
cp scripts/quiet-material.pth "$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/briefing-quiet-material.pth"
if [ "${BRIEFING_SITE_ONLY:-0}" != "1" ]; then
  pip_install -r requirements-dask.txt
  bash scripts/install-browser.sh
fi
.venv/bin/python -m mkdocs build --strict
echo "site built in $(pwd)/site — open site/index.html or run: .venv/bin/mkdocs serve"
