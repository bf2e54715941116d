"""The MkDocs plugin ``briefing``: runs the pipeline and hands the generated pages to MkDocs as files.

Listed as ``plugins: - briefing`` by a project that installs this package (the entry point in
pyproject.toml), or driven by ``build_site.py`` through ``briefing.hook`` in this repository.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from briefing import pipeline
from briefing.config import BriefingConfig, settings
from briefing.executors import ExecutorError
from briefing.knowledge import KnowledgeError
from briefing.layers import SiteCache, code_digest
from briefing.pagecache import PageCache, digest
from briefing.searchindex import Prebuilt, Unsupported, WorkerPatchError
from briefing.site import render
from briefing.site.memo import folder_digest
from briefing.site.rawhtml import Stash, anchors, restore_raw_html, stash_raw_html
from briefing.text import plural

log = logging.getLogger("mkdocs.plugins.briefing")


def report(result: pipeline.Result) -> None:
    """Each problem once, naming the file: warnings make `mkdocs build --strict` fail with the list."""
    for p in result.problems:
        log.warning("%s", p)
    for article in result.articles:
        for note in article.notes:
            log.info("%s: %s", article.source, note)
    t, n = result.timings, result.counts
    log.info(
        "briefing: %s (%d annotated, %d from cache), %s, %s, %s, %s",
        plural(len(result.articles), "article"), t.annotated, t.cached, plural(n.entities, "entity", "entities"),
        plural(n.events, "event"), plural(n.themes, "theme"), plural(len(result.problems), "problem"),
    )
    log.debug("briefing stage timings: %s", ", ".join(f"{k} {v:.2f}s" for k, v in t.stages.items()))
    log.debug("briefing annotated words: %d", t.annotated_words)


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Generated pages become virtual files; their raw HTML passes Markdown by (briefing.site.rawhtml)."""

    def __init__(self) -> None:
        self.progress: pipeline.Progress | None = None  # set by the command line for its progress bar
        self.result: pipeline.Result | None = None  # the last build's corpus and timings
        self._stashes: dict[str, Stash] = {}  # src_uri -> stash, from on_page_markdown to on_page_content
        self.pages: PageCache | None = None  # the page output cache of the build under way
        self._nav: Navigation | None = None
        self.search = Prebuilt()  # the search index built with the site (briefing.searchindex)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Every generated link names a .html file (briefing.site.paths), so that the built folder works
        # opened from disk or a zip; MkDocs's own links (nav, hand-written pages) must agree. Material's
        # offline plugin sets the same; without it a directory-URL build would break the generated links.
        config.use_directory_urls = False
        try:
            self.search.on_config(config)
        except WorkerPatchError as exc:
            raise PluginError(f"briefing: prebuilt search index: {exc}") from None
        return config

    def generate(self, root: Path, site_name: str = "Briefing", site_url: str | None = None) -> dict[str, str]:
        """Run the pipeline for the project at ``root`` and render every page, export and feed."""
        s = settings(root, self.config)
        self.result = pipeline.run(s, progress=self.progress)
        t0 = time.perf_counter()
        memo = s.cache.parent / "briefing-render" if s.cache else None
        whole = None
        code = code_digest("site") if memo else ""  # the site code and every module it imports
        if memo and self.result.timings.link_key:
            key = digest(self.result.timings.link_key, folder_digest(s.templates), code,
                         dataclasses.asdict(s.limits), site_name, site_url)
            whole = SiteCache(s.cache.parent / "briefing-layers" / "site.json", key)
        files = whole.get() if whole else None
        if files is None:
            files = render(self.result.corpus, s.templates, s.limits, site_name, site_url, memo, code)
            if whole:
                whole.put(files)
        self.result.timings.add("render", time.perf_counter() - t0)
        return files

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Callable) -> Any:
        # The first build of `mkdocs serve` is often warm and loads neither spaCy nor scikit-learn; the first
        # edit would wait for both. Load them while the writer reads the page (not with annotation on Dask,
        # whose workers hold the model).
        if self.config.get("executor", "local") == "local":
            threading.Thread(target=pipeline.preload, name="briefing-preload", daemon=True).start()
        return server

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        root = Path(config.config_file_path).parent
        self.pages = None
        if self.config.get("cache", True):
            self.pages = PageCache(root / ".cache" / "briefing-pages")
            self.pages.begin(config)
        try:
            generated = self.generate(root, config.site_name, config.site_url or None)
        except (KnowledgeError, ExecutorError) as exc:
            raise PluginError(f"briefing: {exc}") from None
        except jinja2.TemplateError as exc:  # templates/ is user-editable: name the file and line
            where = f"{getattr(exc, 'filename', None) or getattr(exc, 'name', None) or 'templates'}"
            line = getattr(exc, "lineno", None)
            raise PluginError(f"briefing: template error in {where}{f':{line}' if line else ''}: {exc}") from None
        assert self.result is not None
        report(self.result)
        for uri, content in sorted(generated.items()):
            existing = files.get_file_from_path(uri)
            if existing is not None:
                log.warning("briefing: docs/%s is replaced by the generated page of the same name", uri)
                files.remove(existing)
            files.append(File.generated(config, uri, content=content))
        return files

    # Last of the Markdown handlers (the cache key covers what the others did) and first of the HTML ones
    # (a reused page's HTML goes through every other plugin's handler, as a converted one does).
    @event_priority(-100)
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.pages is not None and self.pages.markdown(markdown, page, files) is None:
            return ""  # reused: Markdown converts an empty page, on_page_content puts the cached HTML back
        if page.file.generated_by is None:  # hand-written pages in docs/ are left to Markdown
            return markdown
        markdown, stash = stash_raw_html(markdown)
        if stash.blocks:
            self._stashes[page.file.src_uri] = stash
        return markdown

    @event_priority(100)
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.pages is None:
            return self._restore(html, page)
        return self.pages.content(html, page, files, lambda h: self._restore(h, page))

    def _restore(self, html: str, page: Page) -> str:
        stash = self._stashes.pop(page.file.src_uri, None)
        if stash is None:
            return html
        html, n = restore_raw_html(html, stash)
        if n != len(stash.blocks):
            lost = len(stash.blocks) - n
            log.warning("briefing: %s: %s lost in Markdown", page.file.src_uri,
                        plural(lost, "raw HTML block was", "raw HTML blocks were"))
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= anchors(stash.blocks)
        return html

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if self.pages is not None and self._nav is not None:
            env = self.pages.env(env, config, files, self._nav)
        return env

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._nav = nav  # on_env is not given the nav; the page cache's key needs it
        return nav

    def on_page_context(self, context: dict, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        return self.pages.context(context, page) if self.pages is not None else context

    @event_priority(100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        output = self.pages.post_page(output, page) if self.pages is not None else output
        return self.search.on_post_page(output)  # after the cache took the template's output: never stored

    def on_post_template(self, output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        return self.search.on_post_page(output)  # 404.html, a theme template and no page, searches too

    # After Material's search plugin has written search_index.json (0), before the offline plugin copies it
    # into search_index.js (-100).
    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        t0 = time.perf_counter()
        try:
            size = self.search.on_post_build(config)
        except WorkerPatchError as exc:
            raise PluginError(f"briefing: prebuilt search index: {exc}") from None
        except Unsupported as exc:
            log.warning("briefing: no prebuilt search index (the browser builds it): %s", exc)
        else:
            if size is not None:
                log.debug("briefing: prebuilt search index, %d bytes, in %.2fs", size, time.perf_counter() - t0)
        if self.pages is not None:
            self.pages.end()
            log.debug("briefing page cache: %s", ", ".join(f"{k} {v}" for k, v in self.pages.stats.items()))
            self.pages = None

    def on_build_error(self, *, error: Exception) -> None:
        if self.pages is not None:
            self.pages.abort()
            self.pages = None
