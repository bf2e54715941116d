"""Command line: ``python -m briefing.bench timex [--limit N] [--dir PATH] [--top K] [--speed [DIR]]``,
``python -m briefing.bench scale [--corpus DIR] [--sizes quarter,whole] [--keep DIR]``,
``python -m briefing.bench search [--limit N | --site DIR] [--keep DIR] [--no-ranking] [--repeat N]``,
``python -m briefing.bench designs [--corpus DIR] [--limit N] [--keep DIR]`` and ``python -m briefing.bench density``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefing.bench", description=__doc__)
    sub = parser.add_subparsers(dest="bench", required=True)
    tx = sub.add_parser("timex", help="TempEval-3 TIMEX3 benchmark of briefing.timex")
    tx.add_argument("--limit", type=int, default=None, help="only the first N documents")
    tx.add_argument("--dir", type=Path, default=None, help="folder of .tml files (default ../shared/tempeval3/train)")
    tx.add_argument("--top", type=int, default=25, help="rows in each table of commonest misses")
    tx.add_argument("--speed", nargs="?", const="", default=None, metavar="DIR",
                    help="instead: time the tagger over every *.txt under DIR (default ../shared/corpus/bbc-fulltext/bbc)"
                    " and print MB/s")
    sc = sub.add_parser("scale", help="build time, memory and pages against a plain mkdocs-material site")
    sc.add_argument("--corpus", type=Path, default=None,
                    help="folder of .txt articles, in subfolders or not (default ../shared/corpus/bbc-fulltext/bbc)")
    sc.add_argument("--sizes", default="quarter,whole", help="comma-separated: quarter, whole (default both)")
    sc.add_argument("--limit", type=int, default=None, help="use only N articles of the corpus (a quick run)")
    sc.add_argument("--no-serve", action="store_true", help="skip timing an edit under `mkdocs serve`")
    sc.add_argument("--keep", type=Path, default=None, help="build in this folder and keep it (default: a temp folder)")
    de = sub.add_parser("designs", help="an edit under two rebuild designs not shipped (long-lived process; "
                        "only changed pages to MkDocs), measured as prototypes")
    de.add_argument("--corpus", type=Path, default=None, help="folder of .txt articles (default the BBC corpus)")
    de.add_argument("--limit", type=int, default=None, help="N articles of the corpus (default a quarter)")
    de.add_argument("--keep", type=Path, default=None, help="build in this folder and keep it (its caches make reruns fast)")
    sub.add_parser("density", help="annotations per 100 words of article text on the seeds and ../shared/realworld")
    se = sub.add_parser("search", help="search index size, first-view bytes, time to first result and ranking in Chromium")
    se.add_argument("--corpus", type=Path, default=None, help="folder of .txt articles (default the BBC corpus)")
    se.add_argument("--limit", type=int, default=None, help="build only N articles of the corpus (a quick run)")
    se.add_argument("--site", type=Path, default=None, help="measure this built site/ instead of building one")
    se.add_argument("--keep", type=Path, default=None, help="build in this folder and keep it (its caches make reruns fast)")
    se.add_argument("--no-ranking", action="store_true", help="skip asking the search worker for 50 entity names")
    se.add_argument("--repeat", type=int, default=1, help="open each page and search N times (default 1)")
    args = parser.parse_args(argv)

    if args.bench == "search":
        from briefing.bench import search

        return search.main(args.site, args.limit, args.keep, args.corpus, not args.no_ranking, max(1, args.repeat))

    if args.bench == "designs":
        from briefing.bench import designs

        return designs.main(args.corpus, args.limit, args.keep)

    if args.bench == "density":
        import tempfile

        from briefing.bench import density

        print(density.report(density.default_sets(), Path(tempfile.gettempdir()) / "briefing-density-cache"))
        return 0

    if args.bench == "scale":
        from briefing.bench import scale

        sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
        if not set(sizes) <= {"quarter", "whole"}:
            parser.error(f"--sizes: expected quarter and/or whole, not {args.sizes!r}")
        return scale.main(args.corpus, sizes, args.keep, args.limit, not args.no_serve)

    from briefing import timex as dates
    from briefing.bench import timex

    if args.speed is not None:
        corpus = Path(args.speed) if args.speed else timex.default_corpus()
        files = sorted(corpus.rglob("*.txt"))
        if not files:
            print(f"no .txt files under {corpus}", file=sys.stderr)
            return 2
        n, size, secs = timex.speed(files, dates.tag)
        print(f"{n} files, {size / 1e6:.2f} MB tagged in {secs:.2f}s: {size / 1e6 / secs if secs else 0.0:.2f} MB/s")
        return 0
    path = args.dir or timex.default_dir()
    if not path.is_dir():
        print(f"no such folder: {path}", file=sys.stderr)
        return 2
    docs = timex.load_dir(path, args.limit)
    if not docs:
        print(f"no .tml documents under {path}", file=sys.stderr)
        return 2
    print(timex.format_report(timex.run(docs, dates.tag), top=args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
