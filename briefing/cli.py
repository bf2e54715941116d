"""The command line behind ``python build_site.py``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

from briefing import pipeline
from briefing.config import EXECUTORS, Settings, build_date, settings, validated
from briefing.text import plural

ROOT = Path(__file__).resolve().parent.parent


class ProgressBar:
    """A one-line progress bar on stderr; silent when stderr is not a terminal except for the last update."""

    def __init__(self, stream=sys.stderr, width: int = 30):
        self.stream = stream
        self.width = width
        self.tty = stream.isatty()
        self.last = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not (self.tty or done == total):
            return
        frac = done / total if total else 1.0
        bar = "█" * int(frac * self.width) + "·" * (self.width - int(frac * self.width))
        line = f"\r{stage:<9} {bar} {done}/{total}"
        if line != self.last:
            self.stream.write(line + ("\n" if done == total else ""))
            self.stream.flush()
            self.last = line


def project_settings(args: argparse.Namespace, **override) -> Settings:
    """The project's settings: mkdocs.yml's ``extra.briefing`` with the command line's options over it."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return settings(ROOT, validated(config.extra.get("briefing"), config.config_file_path),
                    executor=getattr(args, "executor", None), scheduler=getattr(args, "scheduler", None), **override)


def cmd_build(args: argparse.Namespace) -> int:
    """One MkDocs build; the plugin runs the pipeline once, with this command's progress bar."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from briefing.hook import PLUGIN

    t0 = time.perf_counter()
    config = load_config(str(ROOT / "mkdocs.yml"), strict=args.strict)
    options = dict(config.extra.get("briefing") or {})
    options.update({k: getattr(args, k) for k in ("executor", "scheduler") if getattr(args, k, None)})
    config.extra["briefing"] = options
    PLUGIN.progress = ProgressBar()
    build(config)
    assert PLUGIN.result is not None
    r, n = PLUGIN.result, PLUGIN.result.counts
    print(
        f"built {plural(len(r.articles), 'article')}, {plural(n.entities, 'entity', 'entities')}, "
        f"{plural(n.events, 'event')}, {plural(n.themes, 'theme')}, "
        f"{plural(len(r.problems), 'warning')} in {time.perf_counter() - t0:.1f}s "
        f"-> {config.site_dir}"
    )
    for p in r.problems:
        print(f"  warning: {p}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from briefing.site.dates import article_date

    result = pipeline.run(project_settings(args, seeds=Path(args.seeds).resolve() if args.seeds else None),
                          progress=ProgressBar())
    c = result.corpus
    for doc in sorted(c.docs, key=lambda d: d.article.source):
        a = doc.article
        date = article_date(a) + (f" (inferred: {a.date_reason})" if a.date_inferred else "")
        print(f"{a.source}: “{a.title}”")
        print(f"    date {date}; outlet {a.outlet or '-'}; authors {', '.join(a.authors) or '-'}"
              f"{'; inferred ' + ', '.join(sorted(a.inferred)) if a.inferred else ''}")
        print(f"    {plural(len(a.blocks), 'block')}, {plural(len(doc.mentions), 'entity mention')}, "
              f"{plural(len(doc.events), 'event')}, {plural(len(doc.figures), 'figure')}, "
              f"{plural(len(doc.acronyms), 'acronym')}, {plural(len({t.theme for t in doc.themes}), 'theme')}")
        for note in a.notes:
            print(f"    note: {note}")
    for p in c.problems:
        print(f"warning: {p}")
    print(f"{plural(len(c.docs), 'article')}, {plural(len(c.problems), 'problem')}")
    return 1 if c.problems else 0


def cmd_timex(args: argparse.Namespace) -> int:
    from briefing.timex import tag

    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        print(f"{path}: no such file", file=sys.stderr)
        return 2
    except IsADirectoryError:
        print(f"{path}: a folder, not a text file", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"{path}: cannot read the file: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except UnicodeDecodeError as exc:
        print(f"{path}: not UTF-8 text (byte {exc.start}: {exc.reason}); save it as UTF-8", file=sys.stderr)
        return 2
    dct = None
    if args.dct:
        try:
            dct = dt.date.fromisoformat(args.dct)
        except ValueError:
            print(f"--dct {args.dct!r}: expected YYYY-MM-DD", file=sys.stderr)
            return 2
    out = [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
           for t in tag(text, dct)]
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def new_article(seeds: Path, title: str, date: dt.date, outlet: str | None, authors: list[str]) -> Path:
    """Create seeds/<date>-<slug>.md with front matter; never overwrites an existing file."""
    from briefing.slugs import slugify

    meta = {"title": title, "date": date.isoformat()}
    if outlet:
        meta["outlet"] = outlet
    if authors:
        meta["authors"] = authors
    # JSON strings are valid YAML scalars, so any title round-trips exactly.
    lines = ["---"] + [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()] + ["---", "", ""]
    seeds.mkdir(parents=True, exist_ok=True)
    stem = f"{date.isoformat()}-{slugify(title)}"
    path = seeds / f"{stem}.md"
    n = 2
    while path.exists():
        path = seeds / f"{stem}-{n}.md"
        n += 1
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def cmd_new(args: argparse.Namespace) -> int:
    try:
        date = dt.date.fromisoformat(args.date) if args.date else build_date()
    except ValueError:
        print(f"--date {args.date!r}: expected YYYY-MM-DD", file=sys.stderr)
        return 2
    path = new_article(Path(args.seeds) if args.seeds else ROOT / "seeds", args.title, date, args.outlet,
                       args.author or [])
    print(f"created {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: paste the article text below its front matter")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from briefing.bench.__main__ import main as bench_main

    return bench_main(args.rest)


COMMANDS = ("build", "check", "timex", "new", "bench")


def with_command(argv: list[str]) -> list[str]:
    """``build`` is the default command, so its options work without it: ``--strict`` is ``build --strict``."""
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
        return argv
    return ["build", *argv]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="build_site.py", description="Build the briefing site. build is the default command: "
        "`build_site.py --strict` is `build_site.py build --strict`.")
    sub = parser.add_subparsers(dest="command")
    b = sub.add_parser("build", help="build the site (the default)")
    b.add_argument("--strict", action="store_true", help="fail on warnings, like mkdocs build --strict")
    c = sub.add_parser("check", help="read and annotate without rendering; list problems")
    c.add_argument("--seeds", help="another folder of articles to check")
    for p in (b, c):
        p.add_argument("--executor", choices=EXECUTORS,
                       help="where annotation runs: local processes (default) or a Dask cluster")
        p.add_argument("--scheduler", metavar="ADDRESS",
                       help="the Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a local Dask cluster)")
    t = sub.add_parser("timex", help="print the date annotations of a text file as JSON")
    t.add_argument("file")
    t.add_argument("--dct", help="the document creation time (anchor), YYYY-MM-DD")
    n = sub.add_parser("new", help="start a new article file with front matter in seeds/")
    n.add_argument("--title", required=True)
    n.add_argument("--date", help="publication date, YYYY-MM-DD (default: today)")
    n.add_argument("--outlet")
    n.add_argument("--author", action="append", help="an author (repeat for several)")
    n.add_argument("--seeds", help=argparse.SUPPRESS)
    be = sub.add_parser("bench", help="benchmarks: timex (TempEval-3), scale (BBC corpus)")
    be.add_argument("rest", nargs=argparse.REMAINDER)
    args = parser.parse_args(with_command(list(argv)))
    handlers = {"build": cmd_build, "check": cmd_check, "timex": cmd_timex, "new": cmd_new, "bench": cmd_bench}
    from mkdocs.exceptions import MkDocsException

    from briefing.config import ConfigError
    from briefing.executors import ExecutorError

    try:
        return handlers[args.command](args)
    except (ExecutorError, ConfigError, MkDocsException) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
