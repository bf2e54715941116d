"""Article metadata from YAML front matter or a sidecar ``<stem>.yml``, validated key by key.

Front matter is read as Jekyll, Hugo and pandoc write it: ``---`` fences or an HTML comment
(``<!--yml … -->``), ``date`` as a date or a datetime with time and offset, ``author``/``authors``,
``published_time``, ``source_url``/``canonical_url``/``link``, ``categories``, ``description``,
``draft``. Keys that only matter to a site generator (``layout``, ``image``…) are passed over.

Bad metadata never stops an article from being read: each problem becomes a warning
naming the key and the reason, and the bad key is ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

KEYS = (
    "title", "date", "outlet", "authors", "author", "url", "source_url", "canonical_url", "link", "tags",
    "categories", "category", "published_time", "modified_time", "description", "subtitle", "draft",
)
# Site-generator keys with no meaning for a briefing: read without a warning and ignored.
IGNORED = frozenset(
    "layout image image_caption excerpt_separator excerpt permalink slug comments toc lang weight type "
    "aliases featured_image thumbnail cover sitemap share menu series keywords summary".split()
)
# URL keys by preference: where the text came from, then its canonical address, then the page's own.
URL_KEYS = ("source_url", "canonical_url", "url", "link")
# Categories that blogging tools fill in when nobody chose one: not tags.
PLACEHOLDER_TAGS = frozenset({"uncategorized", "uncategorised", "未分类", "未分類", "sin categoría", "non classé"})


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as strings: PyYAML raises on "2026-02-30" before we can
    warn about it, and we want one date parser with precision ("2026-03")."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# A YAML header in an HTML comment, as some exporters write it: "<!--yml\nkey: value\n-->".
_COMMENT_FRONT = re.compile(r"\A\s*<!--[ \t]*(?:yml|yaml)[ \t]*\n(.*?)\n?[ \t]*-->[ \t]*(?:\n|\Z)", re.S | re.I)
_DATE = re.compile(
    r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})"
    # a time and offset after the date: "2025-11-17 12:00:00 +0800", "2024-04-11T10:05:00Z"
    r"(?:(?:[T ]|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT))?)?)?)?"
)


def split_front_matter(text: str) -> tuple[str | None, str]:
    """(front matter YAML or None, the text without it)."""
    m = _FRONT.match(text) or _COMMENT_FRONT.match(text)
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
    urls: dict[str, str] = {}
    for key, value in raw.items():
        if key in IGNORED:
            continue
        if key not in KEYS:
            warnings.append(f"{where}: unknown key {key!r} ignored (known: {', '.join(KEYS)})")
            continue
        try:
            found = _CHECKS[key](value)
        except ValueError as exc:
            warnings.append(f"{where}: key {key!r} ignored: {exc}")
            continue
        if key in URL_KEYS:
            urls[key] = found["url"]
        elif "tags" in found and "tags" in meta:
            meta["tags"] = tuple(dict.fromkeys(meta["tags"] + found["tags"]))
        elif "authors" in found and "authors" in meta:
            continue  # "authors" and "author" both given: the first one read stands
        else:
            meta.update(found)
    for key in URL_KEYS:
        if key in urls:
            meta["url"] = urls[key]
            if key != "url" or len(urls) > 1:
                meta["url_key"] = key
            break
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


_ET_AL = re.compile(r"^(?:et\.?\s*al\.?|and others|others)$", re.I)


def _authors(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        # One string may name several people: "Jane Doe and John Roe", "A; B", "A, B, et al.".
        names = [n.strip() for n in re.split(r";|\s+and\s+|\s*&\s*", value)]
        if "," in value:
            parts = [p.strip() for n in names for p in n.split(",")]
            # Split at commas only into whole names: "Doe, Jane" stays one name.
            if all(len(p.split()) >= 2 or _ET_AL.match(p) for p in parts if p):
                names = parts
    elif isinstance(value, list):
        if not all(isinstance(v, str) for v in value):
            raise ValueError("expected a list of names (strings)")
        names = [v.strip() for v in value]
    else:
        raise ValueError(f"expected a name or a list of names, got {type(value).__name__}")
    names = [_unmark(n) for n in names]
    more = any(_ET_AL.match(n) for n in names if n)
    names = [n for n in names if n and not _ET_AL.match(n)]
    if not names:
        raise ValueError("no name given")
    found: dict[str, Any] = {"authors": tuple(names)}
    if more:
        found["authors_incomplete"] = True  # "et al.": the text may name the others
    return found


def _unmark(name: str) -> str:
    """A name without Markdown emphasis ("__Jane Doe__", "**Jane Doe**") or stray marks."""
    name = re.sub(r"(\*\*|__|\*|_)(\S.*?\S|\S)\1", r"\2", name)
    return " ".join(name.strip(" *_").split())


def _category(value: Any) -> dict[str, Any]:
    """Jekyll's ``category``/``categories`` may be one string: "category: News"."""
    return _tags([value] if isinstance(value, str) else value)


def _tags(value: Any) -> dict[str, Any]:
    if isinstance(value, str):  # Jekyll's "tags: a b", or "tags: a, b"
        value = value.split(",") if "," in value else value.split()
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise ValueError(f"expected a list of tags, got {type(value).__name__}")
    tags = tuple(dict.fromkeys(
        str(v).strip() for v in value if str(v).strip() and str(v).strip().lower() not in PLACEHOLDER_TAGS
    ))
    return {"tags": tags}


def _published(value: Any) -> dict[str, Any]:
    found = _date(value)
    return {"published": found["date"], "published_precision": found["date_precision"]}


def _modified(value: Any) -> dict[str, Any]:
    return {"modified": _date(value)["date"]}


def _description(value: Any) -> dict[str, Any]:
    return {"description": _unmark(_text(value, "description"))}


def _subtitle(value: Any) -> dict[str, Any]:
    return {"subtitle": _unmark(_text(value, "subtitle"))}


def _draft(value: Any) -> dict[str, Any]:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {type(value).__name__}")
    return {"draft": value}


def _date(value: Any) -> dict[str, Any]:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"expected YYYY-MM-DD, YYYY-MM or YYYY, got {type(value).__name__}")
    text = str(value).strip()
    m = _DATE.fullmatch(text)
    if not m:
        raise ValueError(f"{text!r} is not YYYY-MM-DD (optionally with a time and offset), YYYY-MM or YYYY")
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
    "author": _authors,
    "url": _url,
    "source_url": _url,
    "canonical_url": _url,
    "link": _url,
    "tags": _tags,
    "categories": _category,
    "category": _category,
    "published_time": _published,
    "modified_time": _modified,
    "description": _description,
    "subtitle": _subtitle,
    "draft": _draft,
}
