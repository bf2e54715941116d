"""Annotation density: how many marks a reader meets per 100 words of article text.

Builds the pages of a set of articles (read, annotate, link, render; no MkDocs) and counts, on each
article page, the entity links, dates, figures and acronyms in the article's own text. The words are
the words of the article's blocks, so the figure is what the eye meets while reading.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
KINDS = {"entity links": r'<a [^>]*class="bf-ent\b', "dates": r'<time [^>]*class="bf-date\b',
         "figures": r'<mark [^>]*class="bf-fig\b', "acronyms": r'<abbr [^>]*class="bf-abbr\b'}


def default_sets() -> dict[str, list[Path]]:
    real = ROOT.parent / "shared" / "realworld"
    return {"seeds": sorted(p for p in (ROOT / "seeds").iterdir() if p.suffix in (".txt", ".md", ".yml")),
            "realworld": sorted([*real.glob("[0-9]*.md"), *(real / "html").glob("*.html")])}


def measure(files: Sequence[Path], cache: Path | None = None) -> tuple[int, int, Counter]:
    """(articles, words, marks by kind) over the article pages of a site built from ``files``."""
    from briefing import pipeline
    from briefing.config import Limits, Settings
    from briefing.site import paths, render

    with tempfile.TemporaryDirectory(prefix="briefing-density-") as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for f in files:
            shutil.copyfile(f, seeds / f.name)
        settings = Settings(root=ROOT, seeds=seeds, knowledge=ROOT / "knowledge", templates=ROOT / "templates",
                            cache=cache, workers=2, today=dt.date(2026, 5, 23))
        corpus = pipeline.run(settings).corpus
        pages = render(corpus, settings.templates, Limits())
    words, marks = 0, Counter()
    for doc in corpus.docs:
        words += sum(len(b.text.split()) for b in doc.article.blocks)
        body = pages[paths.article_page(doc.article.slug)].split("## Timeline of this article")[0]
        for kind, pattern in KINDS.items():
            marks[kind] += len(re.findall(pattern, body))
    return len(corpus.docs), words, marks


def report(sets: dict[str, list[Path]], cache: Path | None = None) -> str:
    rows = ["| set | articles | words | " + " | ".join(KINDS) + " | all | per 100 words |",
            "|---|---:|---:|" + "---:|" * (len(KINDS) + 2)]
    for name, files in sets.items():
        n, words, marks = measure(files, cache)
        total = sum(marks.values())
        rows.append(f"| {name} | {n} | {words:,} | " + " | ".join(str(marks[k]) for k in KINDS)
                    + f" | {total} | {100 * total / max(words, 1):.1f} |")
    return "\n".join(rows)


if __name__ == "__main__":  # runnable as a file too, against another checkout's package (before/after)
    print(report(default_sets(), Path(tempfile.gettempdir()) / "briefing-density-cache"))
