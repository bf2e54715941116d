"""Slugs: the ASCII names that articles and entities are filed under (the read and link stages make them;
briefing.site.paths turns them into page paths and URLs)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata


def slugify(text: str, max_len: int = 60) -> str:
    """ASCII, lowercase, hyphen-separated slug; never empty."""
    norm = unicodedata.normalize("NFKD", text)
    ascii_text = norm.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0] or slug[:max_len]
    return slug or "untitled"


def article_slug(title: str, date: dt.date | None, precision: str = "day") -> str:
    """An article's readable name: its date as far as known and its title, ``2024-04-16-tokyo-letter``;
    an undated article's is the title alone. Made from what the article says, not its file name, so a URL
    reads as what it leads to and survives renaming the file."""
    if date is None:
        return slugify(title)
    stamp = date.isoformat()[: {"year": 4, "month": 7}.get(precision, 10)]
    title_slug = slugify(title, max_len=60 - len(stamp) - 1)
    return f"{stamp}-{title_slug}"


def unique_slugs(names: list[str]) -> list[str]:
    """Slugs for ``names`` in order, with -2, -3… added where two would collide."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        base = slugify(name)
        n = seen.get(base, 0) + 1
        seen[base] = n
        slug = base if n == 1 else f"{base}-{n}"
        while slug in seen and n > 1:
            n += 1
            slug = f"{base}-{n}"
        seen.setdefault(slug, 1)
        out.append(slug)
    return out
