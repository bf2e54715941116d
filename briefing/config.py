"""The settings of a build: one typed object, filled from ``mkdocs.yml`` and the command line.

``BriefingConfig`` is the MkDocs config class of the ``briefing`` plugin (``plugins: - briefing:``);
this repository's hook reads the same options from ``extra: briefing:``. ``Settings`` is the
resolved, frozen form the stages receive.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

EXECUTORS = ("local", "dask")


class BriefingConfig(base.Config):
    """Options of the briefing plugin; folders are relative to the folder of mkdocs.yml."""

    seeds = c.Type(str, default="seeds")
    knowledge = c.Type(str, default="knowledge")
    templates = c.Type(str, default="templates")
    cache = c.Type(bool, default=True)  # the annotation cache under .cache/briefing/
    workers = c.Type(int, default=0)  # annotation processes; 0: up to two, one per core
    executor = c.Choice(EXECUTORS, default="local")  # where annotation runs
    scheduler = c.Optional(c.Type(str))  # the Dask scheduler address for executor "dask"
    # How large a briefing grows before its listings split and only the entities that matter get a page.
    small_corpus = c.Type(int, default=50)
    entity_min_articles = c.Type(int, default=3)
    entity_min_mentions = c.Type(int, default=10)
    listing_limit = c.Type(int, default=300)
    highlights = c.Type(int, default=60)
    page_items = c.Type(int, default=100)
    search_words = c.Type(int, default=60)


@dataclass(frozen=True)
class Limits:
    """When listings split and which entities get a page (stated to the reader on the entities page)."""

    small_corpus: int = 50  # articles: in a briefing this small every entity gets its own page
    entity_min_articles: int = 3  # otherwise an entity gets a page when named in this many articles…
    entity_min_mentions: int = 10  # …or this many times; the rest are listed on the entity index pages only
    listing_limit: int = 300  # entries on one listing page; longer listings are split by date or by letter
    highlights: int = 60  # entries ahead and recent on the main timeline page of a split timeline
    page_items: int = 100  # mentions or paragraphs on one page of an entity's or a theme's full list
    # Words of each article's text (its lead) the search index holds past ``small_corpus`` articles; 0: all.
    # The whole text of 2,000 articles is megabytes that every reader's browser must fetch and index.
    search_words: int = 60


@dataclass(frozen=True)
class Settings:
    root: Path  # the project folder (where mkdocs.yml is)
    seeds: Path
    knowledge: Path
    templates: Path
    cache: Path | None  # None disables the annotation cache
    workers: int
    today: dt.date  # the build date: what is "ahead" on the timeline
    executor: str = "local"  # where annotation runs: briefing.config.EXECUTORS
    scheduler: str | None = None  # the Dask scheduler address for executor "dask"
    limits: Limits = field(default_factory=Limits)


def build_date() -> dt.date:
    """The build date, fixed by SOURCE_DATE_EPOCH for reproducible builds, else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.datetime.now(dt.timezone.utc).date()


class ConfigError(Exception):
    """An option in mkdocs.yml is not valid: reported with its name, without a traceback."""


def validated(options: dict[str, Any] | None, config_file: str | None = None) -> BriefingConfig:
    """``options`` (mkdocs.yml's ``extra.briefing``) checked against BriefingConfig; raises ConfigError."""
    if options is not None and not isinstance(options, dict):
        raise ConfigError(f"extra.briefing: expected a mapping of options, not {type(options).__name__}")
    config = BriefingConfig(config_file_path=config_file)
    config.load_dict(dict(options or {}))
    errors, _warnings = config.validate()
    if errors:
        raise ConfigError("; ".join(f"extra.briefing.{key}: {err}" for key, err in errors))
    return config


def settings(root: Path, config: BriefingConfig | None = None, **override: Any) -> Settings:
    """Settings for the project at ``root`` from a validated config, with ``override`` (None values ignored)."""
    config = config or validated({})
    opts = {key: config[key] for key in config}
    opts.update({k: v for k, v in override.items() if v is not None})
    root = root.resolve()
    return Settings(
        root=root,
        seeds=(root / opts["seeds"]).resolve(),
        knowledge=(root / opts["knowledge"]).resolve(),
        templates=(root / opts["templates"]).resolve(),
        cache=root / ".cache" / "briefing" if opts["cache"] else None,
        workers=opts["workers"] or min(2, os.cpu_count() or 1),
        today=build_date(),
        executor=opts["executor"],
        scheduler=opts["scheduler"] or None,
        limits=Limits(**{f: opts[f] for f in Limits.__dataclass_fields__}),
    )
