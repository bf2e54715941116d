"""Browser fixtures: the seeds built into a real site, served on 127.0.0.1, read by Debian's Chromium.

Playwright drives the system browser (``/usr/bin/chromium``, apt package ``chromium``); we never run
``playwright install``. ``scripts/install-browser.sh`` installs both. Every browser context records
console errors, page errors, failed requests and any request to another host (which it also blocks, so a
test can never reach the network).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import ROOT, make_project, mkdocs_build

CHROMIUM = os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
TIMEOUT_MS = 10_000

# Page kinds and the file (under site/) that holds them; "folder/*" means every page in that folder but its
# index. The site is built with use_directory_urls: false, so every page is a .html file of its own.
KINDS = {
    "home": "index.html",
    "articles": "articles/index.html",
    "article": "articles/*",
    "entities": "entities/index.html",
    "entity": "entities/*",
    "themes": "themes/index.html",
    "theme": "themes/*",
    "timeline": "timeline/index.html",
    "figures": "figures/index.html",
    "glossary": "glossary/index.html",
    "sources": "sources/index.html",
    "about": "about.html",
    "adding-an-article": "adding-an-article.html",
    "about-the-data": "about-the-data.html",
}


def kind_pages(root: Path, pattern: str) -> list[str]:
    """Site-relative paths (``articles/x.html``) of the pages a KINDS pattern names, richest (largest) first."""
    if not pattern.endswith("*"):
        return [pattern] if (root / pattern).is_file() else []
    folder = root / pattern[:-1]
    found = [p for p in folder.glob("*.html") if p.name != "index.html"] if folder.is_dir() else []
    found.sort(key=lambda p: (-p.stat().st_size, p.as_posix()))
    return [p.relative_to(root).as_posix() for p in found]


@dataclass
class Site:
    """A built site served over HTTP."""

    root: Path  # the site/ folder
    base: str  # http://127.0.0.1:PORT/

    def url(self, path: str) -> str:
        return self.base + path.lstrip("/")

    def pages(self, pattern: str) -> list[str]:
        """Site-relative paths (``articles/x.html``) of the pages a KINDS pattern names, richest first."""
        return kind_pages(self.root, pattern)

    def kind_url(self, kind: str) -> str:
        """The URL of the richest page of a kind; fails the test when the site has no such page."""
        pages = self.pages(KINDS[kind])
        assert pages, f"the built site has no {kind} page (looked for site/{KINDS[kind]})"
        return pages[0]

    def instant(self) -> bool:
        """Whether Material's instant navigation can work here: its sitemap lists this address's pages."""
        sitemap = self.root / "sitemap.xml"
        return sitemap.is_file() and f"<loc>{self.base}" in sitemap.read_text(encoding="utf-8")

    def data(self, name: str):
        return json.loads((self.root / "data" / f"{name}.json").read_text(encoding="utf-8"))

    def html(self, path: str) -> str:
        """The built HTML of a site-relative page path (``""`` is the home page; any #fragment is ignored)."""
        return (self.root / (path.split("#")[0] or "index.html")).read_text(encoding="utf-8")


@dataclass
class Log:
    """What went wrong while one browser context was open."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    visited: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return ([f"console error: {m}" for m in self.console_errors]
                + [f"page error: {m}" for m in self.page_errors]
                + [f"failed request: {m}" for m in self.failed]
                + [f"request to another host: {m}" for m in self.foreign])

    def assert_clean(self) -> None:
        problems = list(dict.fromkeys(self.problems()))  # once each, in order
        assert not problems, f"on {len(self.visited)} page loads:\n" + "\n".join(problems[:30])


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # The browser drops connections it no longer needs (a page left mid-download): not an error.
        pass


def _chromium_missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (run scripts/install-browser.sh)"
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return f"chromium is not installed at {CHROMIUM} (run scripts/install-browser.sh)"
    return None


@pytest.fixture(scope="session")
def browser():
    missing = _chromium_missing()
    if missing:
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def site(tmp_path_factory, browser) -> Iterator[Site]:
    """The seeds built (non-strict: test_site.py checks strictness) and served on a free local port.

    BRIEFING_SITE=/path/to/site serves an already built site instead (quick reruns while editing CSS).
    """
    # The port first: the site is built for the address it is served at, as a published site is (site_url),
    # which is what Material's instant navigation needs (it follows only the links its sitemap.xml lists).
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=None))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    if os.environ.get("BRIEFING_SITE"):
        root = Path(os.environ["BRIEFING_SITE"]).resolve()
        assert (root / "index.html").is_file(), f"BRIEFING_SITE={root} has no index.html"
    else:
        project = make_project(tmp_path_factory.mktemp("browser_site"), seeds_from=ROOT / "seeds")
        config_path = project / "mkdocs.yml"
        config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
        config["site_url"] = base
        config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        done = mkdocs_build(project, strict=False)
        assert done.returncode == 0, done.stderr[-4000:]
        root = project / "site"
    server.RequestHandlerClass = functools.partial(_Quiet, directory=str(root))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(root=root, base=base)
    finally:
        server.shutdown()
        server.server_close()


def _watch(context, log: Log) -> None:
    """Record trouble on every page of ``context`` and block every request that leaves 127.0.0.1."""

    def route(r):
        host = urlsplit(r.request.url).hostname
        if urlsplit(r.request.url).scheme in ("data", "blob", "file") or host == "127.0.0.1":
            r.continue_()
        else:
            log.foreign.append(r.request.url)
            r.abort()

    def console(msg):
        if msg.type == "error":
            log.console_errors.append(f"{msg.text} ({msg.location.get('url', '')})")

    def failed(req):
        # Foreign requests are logged (and aborted) by route; ERR_ABORTED is a load the browser gave up
        # because the reader moved on (a real 404 is caught by response()).
        local = urlsplit(req.url).hostname == "127.0.0.1" or req.url.startswith("file:")
        if local and req.failure != "net::ERR_ABORTED":
            log.failed.append(f"{req.url}: {req.failure}")

    def response(resp):
        if resp.status >= 400:
            log.failed.append(f"{resp.url}: HTTP {resp.status}")

    def page(p):
        p.set_default_timeout(TIMEOUT_MS)
        p.on("framenavigated", lambda f: f == p.main_frame and log.visited.append(f.url))

    context.route("**/*", route)
    context.on("console", console)
    context.on("weberror", lambda e: log.page_errors.append(f"{e.error} ({e.page.url if e.page else '?'})"))
    context.on("requestfailed", failed)
    context.on("response", response)
    context.on("page", page)


@dataclass
class Browse:
    """A fresh browser context (own cookies, cache and log) with one page."""

    site: Site
    context: object
    page: object
    log: Log

    def goto(self, path: str, wait_until: str = "load"):
        response = self.page.goto(self.site.url(path), wait_until=wait_until)
        if not self.site.base.startswith("file:"):  # a file has no HTTP status
            assert response is not None and response.ok, f"{path}: {response and response.status}"
        return self.page

    def path(self) -> str:
        """The current page's site-relative path (no #fragment)."""
        url = self.page.url.split("#")[0].split("?")[0]
        return url[len(self.site.base):] if url.startswith(self.site.base) else urlsplit(url).path.lstrip("/")

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        target = ARTIFACTS / f"{name}.png"
        # The first three screens: enough to judge a page, small enough to look at.
        view = self.page.viewport_size
        height = min(self.page.evaluate("document.documentElement.scrollHeight"), 3 * view["height"])
        self.page.screenshot(path=str(target), full_page=True,
                             clip={"x": 0, "y": 0, "width": view["width"], "height": height})
        return target


def _opener(browser, site: Site):
    """Factory: ``(viewport=..., javascript=True, phone=False, scheme=None)`` -> Browse on ``site``;
    ``scheme`` ("light" or "dark") is the colour scheme the browser prefers. Returns (factory, contexts)."""
    opened = []

    def factory(viewport: dict | None = None, javascript: bool = True, phone: bool = False,
                scheme: str | None = None) -> Browse:
        options = {"viewport": viewport or DESKTOP, "java_script_enabled": javascript}
        if not site.base.startswith("file:"):
            options["base_url"] = site.base
        if phone:
            options.update(is_mobile=True, has_touch=True, device_scale_factor=2)
        if scheme:
            options["color_scheme"] = scheme
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        log = Log()
        _watch(context, log)
        page = context.new_page()
        opened.append(context)
        return Browse(site=site, context=context, page=page, log=log)

    return factory, opened


@pytest.fixture
def open_browser(browser, site):
    """Factory: ``open_browser(viewport=..., javascript=True)`` -> Browse; all contexts close after the test."""
    factory, opened = _opener(browser, site)
    yield factory
    for context in opened:
        context.close()


@pytest.fixture(scope="session")
def disk_site(tmp_path_factory, browser) -> Site:
    """The seeds built as a reader builds them (no site_url) and opened from disk (file://), from a copy in
    another folder whose name has a space: nothing may depend on where the build ran or on a server.

    A small listing limit splits the timeline, entity and article listings into their period and letter
    pages, so those page kinds exist on five articles.
    """
    project = make_project(tmp_path_factory.mktemp("disk_site"), seeds_from=ROOT / "seeds",
                           options={"listing_limit": 4})
    done = mkdocs_build(project, strict=True)
    assert done.returncode == 0, done.stderr[-4000:]
    moved = project.parent / "a copy of the site"
    shutil.copytree(project / "site", moved)
    return Site(root=moved, base=moved.as_uri() + "/")


@pytest.fixture
def open_disk(browser, disk_site):
    """Factory like open_browser, on the site opened from disk."""
    factory, opened = _opener(browser, disk_site)
    yield factory
    for context in opened:
        context.close()


@pytest.fixture
def desk(open_browser) -> Browse:
    """A desktop browser (1280x900) with JavaScript on."""
    return open_browser()


def same_page(path: str) -> re.Pattern:
    """A URL pattern for a site-relative page path, with or without a ?query (search's ?h=) or #fragment."""
    return re.compile(r"^http://127\.0\.0\.1:\d+/" + re.escape(path.lstrip("/")) + r"(\?[^#]*)?(#.*)?$")
