"""Article metadata from YAML front matter or a sidecar ``<stem>.yml``, validated key by key.

Bad metadata never stops an article from being read: each problem becomes a warning
naming the key and the reason, and the bad key is ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

KEYS = ("title", "date", "outlet", "authors", "url", "tags")


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as strings: PyYAML raises on "2026-02-30" before we can
    warn about it, and we want one date parser with precision ("2026-03")."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def split_front_matter(text: str) -> tuple[str | None, str]:
    """(front matter YAML or None, the text without it)."""
    m = _FRONT.match(text)
    if not m:
        return None, text
    return m.group(1), text[m.end():]


def parse_meta(yaml_text: str, where: str) -> tuple[dict[str, Any], list[str]]:
    """Validated metadata fields from one YAML mapping; ``where`` names it in warnings."""
    warnings: list[str] = []
    try:
        raw = yaml.load(yaml_text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        return {}, [f"{where}: malformed YAML{line} ({problem}); metadata ignored"]
    except Exception as exc:  # a YAML oddity we did not foresee must not stop the read
        return {}, [f"{where}: unreadable YAML ({type(exc).__name__}); metadata ignored"]
    if raw is None:
        return {}, []
    if not isinstance(raw, dict):
        return {}, [f"{where}: expected a mapping of keys, got {type(raw).__name__}; metadata ignored"]
    meta: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in KEYS:
            warnings.append(f"{where}: unknown key {key!r} ignored (known: {', '.join(KEYS)})")
            continue
        try:
            meta.update(_CHECKS[key](value))
        except ValueError as exc:
            warnings.append(f"{where}: key {key!r} ignored: {exc}")
    return meta, warnings


def _title(value: Any) -> dict[str, Any]:
    text = _text(value, "title")
    return {"title": text}


def _outlet(value: Any) -> dict[str, Any]:
    return {"outlet": _text(value, "outlet")}


def _url(value: Any) -> dict[str, Any]:
    url = _text(value, "url")
    if not re.match(r"https?://\S+$", url):
        raise ValueError(f"not an http(s) URL: {url!r}")
    return {"url": url}


def _authors(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        # One string may name several people: "Jane Doe and John Roe", "A; B".
        names = [n.strip() for n in re.split(r";|\s+and\s+|\s*&\s*", value)]
    elif isinstance(value, list):
        if not all(isinstance(v, str) for v in value):
            raise ValueError("expected a list of names (strings)")
        names = [v.strip() for v in value]
    else:
        raise ValueError(f"expected a name or a list of names, got {type(value).__name__}")
    names = [n for n in names if n]
    if not names:
        raise ValueError("no name given")
    return {"authors": tuple(names)}


def _tags(value: Any) -> dict[str, Any]:
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise ValueError(f"expected a list of tags, got {type(value).__name__}")
    tags = tuple(dict.fromkeys(str(v).strip() for v in value if str(v).strip()))
    return {"tags": tags}


def _date(value: Any) -> dict[str, Any]:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"expected YYYY-MM-DD, YYYY-MM or YYYY, got {type(value).__name__}")
    text = str(value).strip()
    m = _DATE.fullmatch(text)
    if not m:
        raise ValueError(f"{text!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        date = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"impossible date {text!r} ({exc})") from None
    precision = "day" if day else "month" if month else "year"
    return {"date": date, "date_precision": precision}


def _text(value: Any, key: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"expected text, got {type(value).__name__}")
    text = " ".join(str(value).split())
    if not text:
        raise ValueError("empty")
    return text


_CHECKS = {
    "title": _title,
    "date": _date,
    "outlet": _outlet,
    "authors": _authors,
    "url": _url,
    "tags": _tags,
}
