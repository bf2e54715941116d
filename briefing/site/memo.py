"""Generated pages memoized by their view: a page whose template and data are those of the last build is
not rendered again.

A page's key is a digest of the templates folder and of the view, the values its template is given (frozen
dataclasses, tuples, strings, numbers; sets sorted). Entries are one small versioned JSON file per page
(briefing.codec), written to a temporary file and renamed; an unreadable entry is a miss with one warning.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.codec import CodecError, from_json, prune_folder, to_json, write_atomic

log = logging.getLogger("mkdocs.plugins.briefing")

VERSION = 1


@dataclass(frozen=True)
class Rendered:
    format: str
    version: int
    page: str
    key: str
    text: str


def _plain(obj: Any) -> Any:
    """What JSON cannot write directly, as something it can that is equal exactly when the value is."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [type(obj).__qualname__, *(getattr(obj, f.name) for f in dataclasses.fields(obj))]
    if isinstance(obj, (set, frozenset)):
        return ["set", *sorted(json.dumps(x, default=_plain, sort_keys=True) for x in obj)]
    if isinstance(obj, (dt.date, dt.datetime)):
        return ["date", obj.isoformat()]
    if isinstance(obj, dict):  # keys that are not strings
        return ["dict", *(json.dumps(list(kv), default=_plain, sort_keys=True) for kv in obj.items())]
    raise TypeError(f"not a view value: {type(obj).__name__}")


def view_digest(view: dict[str, Any]) -> str | None:
    """Digest of a page's view; None when it holds something that is not plain data (it is then rendered)."""
    try:
        text = json.dumps(view, default=_plain, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError):
        return None
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def folder_digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(root).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()


class Memo:
    """The rendered pages of the last build under ``root``, for templates in ``templates``."""

    def __init__(self, root: Path, templates: Path, code: str = ""):
        self.dir = root
        self.version = hashlib.sha256(f"{VERSION}{folder_digest(templates)}{code}".encode()).hexdigest()
        self.seen: set[str] = set()
        self.hits = 0
        self.misses = 0

    def _path(self, page: str) -> Path:
        return self.dir / f"{hashlib.sha256(page.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}.json"

    def render(self, page: str, view: dict[str, Any], make: Callable[[], str]) -> str:
        """``make()``'s page, or the stored one when the view and templates are unchanged."""
        self.seen.add(page)
        digest = view_digest(view)
        if digest is None:
            return make()
        key = hashlib.sha256(f"{self.version}{digest}".encode()).hexdigest()
        path = self._path(page)
        try:
            stored = from_json(path.read_bytes(), Rendered)
            if stored.format == "briefing-page-text" and stored.version == VERSION and stored.page == page \
                    and stored.key == key:
                self.hits += 1
                return stored.text
        except OSError:
            pass
        except CodecError as exc:
            log.warning("briefing: rendered page cache %s (%s) is not used: %s", path, page, exc)
        self.misses += 1
        text = make()
        try:
            write_atomic(path, to_json(Rendered("briefing-page-text", VERSION, page, key, text)))
        except (OSError, TypeError, ValueError) as exc:
            log.info("briefing: %s not memoized: %s", page, exc)
        return text

    def prune(self) -> None:
        """Entries of pages this build did not make, and leftover temporary files, go."""
        prune_folder(self.dir, {self._path(p).name for p in self.seen})
