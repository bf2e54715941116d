"""The package as a MkDocs plugin: another project installs it and lists ``plugins: - briefing``, no hook."""

from __future__ import annotations

import json
from importlib.metadata import entry_points

import yaml

from briefing.config import BriefingConfig
from briefing.plugin import BriefingPlugin
from conftest import make_project, mkdocs_build


def test_the_entry_point_names_the_plugin():
    found = [e for e in entry_points(group="mkdocs.plugins") if e.name == "briefing"]
    assert found and found[0].load() is BriefingPlugin
    assert {"seeds", "executor", "workers", "listing_limit"} <= set(BriefingConfig())


def test_a_project_builds_with_the_plugin_and_its_options(tmp_path):
    project = make_project(tmp_path, {"oslo.txt": "Oslo talks end\n\nOfficials in Oslo met Ingrid Solberg on 2 March 2026.\n"})
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    del config["hooks"]
    config["plugins"] = ["search", {"briefing": {"seeds": "articles-in", "workers": 1}}]
    config["watch"] = ["articles-in", "templates", "knowledge"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (project / "seeds").rename(project / "articles-in")
    done = mkdocs_build(project)
    assert done.returncode == 0, done.stderr[-3000:]
    (article,) = json.loads((project / "site" / "data" / "articles.json").read_text(encoding="utf-8"))
    assert article["url"].endswith("oslo-talks-end.html"), article["url"]  # named by its title, not its file
    page = (project / "site" / article["url"]).read_text(encoding="utf-8")
    assert "Oslo talks end" in page and "Ingrid Solberg" in page
