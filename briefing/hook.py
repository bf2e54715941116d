"""This repository's MkDocs hook (``hooks: [build_site.py]``): a thin shim over the briefing plugin.

The plugin's options come from ``extra: briefing:`` in mkdocs.yml (briefing.config.BriefingConfig);
the command line adds its own to the same place before it builds.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
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


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return PLUGIN.on_files(files, config=config)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return PLUGIN.on_page_markdown(markdown, page=page, config=config, files=files)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return PLUGIN.on_page_content(html, page=page, config=config, files=files)
