"""`mkdocs serve`: how long an edit to one article takes to reach the served site.

The server runs as it would for a writer (its own process, livereload on); once it serves the site, one
article gets a new sentence and the clock runs until the served page holds it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

# A writer edits seconds after the server is up, not at once: by then the watcher has settled and the
# briefing's server has loaded spaCy and scikit-learn in the background (BriefingPlugin.on_serve). The plain
# site waits as long.
SETTLE = 5.0


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def _wait(url: str, marker: str | None, deadline: float) -> bool:
    while time.perf_counter() < deadline:
        body = _get(url)
        if body is not None and (marker is None or marker in body):
            return True
        time.sleep(0.1)
    return False


def edit_latency(project: Path, source: Path, page: str, env: dict[str, str], timeout: float = 300,
                 settle: float = SETTLE) -> float | None:
    """Seconds from appending a sentence to ``source`` until ``page`` (a site path) is served with it;
    None when the server did not get there within ``timeout``. The edit comes ``settle`` seconds after the
    site is first served."""
    port = _port()
    log = open(project / "serve.log", "w")  # noqa: SIM115  (closed below; the server writes to it meanwhile)
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=dict(os.environ, **env), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/{page}"
        if not _wait(url, None, time.perf_counter() + timeout):
            return None
        time.sleep(settle)  # the watcher settles after the first build
        marker = f"Serve check {port} said the review was due"
        t0 = time.perf_counter()
        with source.open("a", encoding="utf-8") as fh:
            fh.write(f"\n\n{marker} on Monday.\n")
        if not _wait(url, marker, t0 + timeout):
            return None
        return time.perf_counter() - t0
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
