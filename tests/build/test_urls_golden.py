"""Golden test of the seed site's article URLs (issue 16: readable and stable): the date and a slug of the
title, unique, the same on every build. An intended change of the URL scheme regenerates the file with
BRIEFING_UPDATE_GOLDEN=1; any other change is a broken link for every reader who saved one."""

from __future__ import annotations

import os
import re
from pathlib import Path

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "seed_urls.txt"


def article_urls(project: Path) -> list[str]:
    site = project / "site"
    pages = sorted(p.relative_to(site).as_posix() for p in (site / "articles").glob("*.html"))
    exports = sorted(p.relative_to(site).as_posix() for p in site.glob("*.xml") if p.name != "sitemap.xml")
    exports += sorted(p.relative_to(site).as_posix() for p in site.glob("*.ics"))
    return pages + exports


def test_article_urls_match_the_golden_list(seeds_site):
    got = article_urls(seeds_site)
    if os.environ.get("BRIEFING_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text("\n".join(got) + "\n", encoding="utf-8")
    want = GOLDEN.read_text(encoding="utf-8").split()
    assert got == want, "article URLs changed: set BRIEFING_UPDATE_GOLDEN=1 only if the change is meant"
    # the date as far as known and a slug of the title; no hash-like ids ("000-a1e920c190a59cd0")
    articles = [u for u in got if u.startswith("articles/") and u != "articles/index.html"]
    assert articles and all(re.fullmatch(r"articles/(?:\d{4}-(?:\d\d-(?:\d\d-)?)?)?[a-z][a-z0-9-]*\.html", u)
                            for u in articles)
    assert not any(re.search(r"[0-9a-f]{12}", u) for u in articles)
