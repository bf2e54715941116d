"""Checks on a built site: every internal link and #fragment resolves, nothing loads from another host."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes whose URL the browser fetches by itself (as opposed to a link the reader may follow).
_LOADS = {("script", "src"), ("img", "src"), ("iframe", "src"), ("link", "href"), ("source", "src"),
          ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"), ("image", "href")}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.loads: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and tag != "meta":
                self.ids.add(value)
            if tag == "a" and name in ("href", "xlink:href"):  # xlink:href: links inside SVG charts
                self.links.append(value)
            if (tag, name) in _LOADS:
                if tag == "link" and dict(attrs).get("rel") in ("canonical", "alternate"):
                    continue
                self.loads.append(value)
            if name == "style" and "url(" in value and "http" in value:
                self.loads.append(value)


def parse_site(site: Path) -> dict[str, _Page]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        p = _Page()
        p.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = p
    return pages


def _target(page: str, href: str) -> tuple[str, str] | None:
    """(file relative to site, fragment) for an internal href, None for external ones."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("//"):
        return None
    path = unquote(parts.path)
    base = posixpath.dirname(page)
    if path.startswith("/"):  # site-absolute ("/articles/", as on the 404 page): from the site root
        base, path = "", path.lstrip("/") or "./"
    if not path:
        target = page
    else:
        target = posixpath.normpath(posixpath.join(base, path))
        if path.endswith("/") or target == ".":
            target = posixpath.join(target, "index.html") if target != "." else "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    """Every internal link whose file or #fragment does not exist, as 'page -> href (why)'."""
    pages = parse_site(site)
    out = []
    for page, parsed in pages.items():
        for href in parsed.links:
            if href.startswith(("mailto:", "javascript:")):
                if href.startswith("javascript:"):
                    out.append(f"{page} -> {href} (javascript link)")
                continue
            t = _target(page, href)
            if t is None:
                continue
            target, fragment = t
            if target.startswith(".."):
                out.append(f"{page} -> {href} (outside the site)")
                continue
            if target.endswith(".html"):
                if target not in pages:
                    out.append(f"{page} -> {href} (no page {target})")
                elif fragment and fragment not in pages[target].ids:
                    out.append(f"{page} -> {href} (no #{fragment} in {target})")
            elif not (site / target).exists():
                out.append(f"{page} -> {href} (no file {target})")
    return out


def external_loads(site: Path) -> list[str]:
    """URLs on another host that a page would fetch by itself (scripts, styles, images, fonts…)."""
    out = []
    for page, parsed in parse_site(site).items():
        for url in parsed.loads:
            if "//" in url.split("#")[0] and not url.startswith("data:"):
                out.append(f"{page}: {url}")
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for host in ("fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net", "unpkg.com"):
            if host in text:
                out.append(f"{css.relative_to(site)}: {host}")
    return out
