"""The BBC corpus carries no dates: its articles read as undated, never dated from a number in the body
("2048-bit encryption", a year in a quote, an anniversary)."""

from __future__ import annotations

from briefing.read import read_article
from conftest import SHARED

BBC = SHARED / "corpus" / "bbc-fulltext" / "bbc"


def test_bbc_articles_are_undated_not_dated_from_stray_numbers():
    assert BBC.is_dir(), f"the BBC corpus is read from {BBC} (../shared beside the repository)"
    files = sorted(p for p in BBC.rglob("*.txt") if p.name.upper() != "README.TXT")[::5]
    dated = []
    for path in files:
        a = read_article(path, BBC)
        if a.date is not None:
            dated.append((a.source, a.date, a.date_reason))
        else:
            assert a.date_reason.startswith("undated"), (a.source, a.date_reason)
    assert len(files) > 400 and dated == []
