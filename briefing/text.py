"""Words for counts, below every stage: the reader's notes, the pages and the command line all say
"1 figure" and "3 figures" through this one helper."""

from __future__ import annotations


def plural(n: int, word: str, words: str | None = None) -> str:
    """The one place counts meet nouns: plural(1, "mention") -> "1 mention", plural(3, "entry", "entries")."""
    return f"{n:,} {word if n == 1 else (words or word + 's')}"  # "1,547 mentions"
