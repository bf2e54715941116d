"""briefing/text.py: the one helper for a count and its noun."""

from __future__ import annotations

from briefing.text import plural


def test_one_is_singular_and_the_rest_plural():
    assert plural(1, "figure") == "1 figure"
    assert [plural(n, "problem") for n in (0, 2)] == ["0 problems", "2 problems"]
    assert plural(1, "entity", "entities") == "1 entity"
    assert plural(3, "entity", "entities") == "3 entities"
    assert plural(1547, "mention") == "1,547 mentions"  # a large count reads with its thousands
