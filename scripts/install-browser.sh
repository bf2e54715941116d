#!/usr/bin/env bash
# Install what the browser tests (tests/browser/) need, idempotently, on a fresh Debian machine as root:
# Debian's Chromium (no browser download of Playwright's own) and the pinned Playwright client in .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi

PY=.venv/bin/python
if [ ! -x "$PY" ]; then
  echo "install-browser: $PY missing - run ./setup.sh first" >&2
  exit 1
fi
# pip is quick when the pin is already satisfied, so it is safe to run every time.
"$PY" -m pip install --quiet --disable-pip-version-check -r requirements-browser.txt

# Playwright 1.65 is built against Chromium 159; Debian's (156 on bookworm today) speaks the same CDP for
# everything tests/browser uses. 2>/dev/null: Debian's launcher warns about /dev/shm on some machines.
chromium --version 2>/dev/null
"$PY" -c "import playwright, importlib.metadata as m; print('playwright', m.version('playwright'))"
