#!/usr/bin/env bash
# Set up everything on a fresh machine and build the site: a virtual environment with the pinned
# packages (the spaCy model installs by name from the registry; nothing downloads at run time),
# then `mkdocs build --strict` into site/.
set -euo pipefail
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
.venv/bin/python -m mkdocs build --strict
echo "site built in $(pwd)/site — open site/index.html or run: .venv/bin/mkdocs serve"
