"""This repository's MkDocs hook (``hooks: [build_site.py]``): a thin shim over the briefing plugin.

The plugin's options come from ``extra: briefing:`` in mkdocs.yml (briefing.config.BriefingConfig);
the command line adds its own to the same place before it builds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from briefing.config import ConfigError, validated
from briefing.plugin import BriefingPlugin

PLUGIN = BriefingPlugin()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        PLUGIN.config = validated(config.extra.get("briefing"), config.config_file_path)
    except ConfigError as exc:
        raise PluginError(f"briefing: {exc}") from None
    return PLUGIN.on_config(config)


def on_serve(server: Any, config: MkDocsConfig, builder: Callable) -> Any:
    return PLUGIN.on_serve(server, config=config, builder=builder)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return PLUGIN.on_files(files, config=config)


# The same places among other plugins' handlers as the plugin's own (briefing.plugin says why).
@event_priority(-100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return PLUGIN.on_page_markdown(markdown, page=page, config=config, files=files)


@event_priority(100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return PLUGIN.on_page_content(html, page=page, config=config, files=files)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    return PLUGIN.on_nav(nav, config=config, files=files)


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    return PLUGIN.on_env(env, config=config, files=files)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    return PLUGIN.on_page_context(context, page=page, config=config, nav=nav)


@event_priority(100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return PLUGIN.on_post_page(output, page=page, config=config)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return PLUGIN.on_post_template(output_content, template_name=template_name, config=config)


@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    PLUGIN.on_post_build(config=config)


def on_build_error(error: Exception) -> None:
    PLUGIN.on_build_error(error=error)
