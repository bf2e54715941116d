"""Blocks from plain test texts for the annotator tests (the reader is tested on its own in test_read)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from briefing.model import Block

ROOT = Path(__file__).resolve().parent.parent
ANNOT = Path(__file__).parent / "articles_annot"


def annot_gold() -> dict:
    """The hand-written gold for the articles in tests/articles_annot/."""
    return yaml.safe_load((ANNOT / "gold.yml").read_text(encoding="utf-8"))


def article_blocks(path: Path) -> list[Block]:
    """Paragraphs split on blank lines, the first one the title (as the reader gives them)."""
    paras = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return [Block(i, "heading" if i == 0 else "paragraph", t, 2 if i == 0 else 0) for i, t in enumerate(paras)]


def seed_blocks(name: str, guess_headings: bool = False) -> list[Block]:
    """A seed's non-empty lines as blocks; with guess_headings, short lines without final punctuation
    stand in for headings."""
    lines = [ln.strip() for ln in (ROOT / "seeds" / name).read_text(encoding="utf-8").split("\n") if ln.strip()]

    def kind(t: str) -> str:
        heading = guess_headings and len(t.split()) <= 10 and not re.search(r"[.!?:”\"]$", t)
        return "heading" if heading else "paragraph"

    return [Block(i, kind(t), t) for i, t in enumerate(lines)]
