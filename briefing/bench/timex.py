"""TempEval-3 Task A (TIMEX3) benchmark: read TimeML, run the date tagger, score like the official task.

Scoring (see shared/tempeval3/README.md): micro-averaged over all documents; strict = same offsets,
relaxed = overlapping spans with each gold and each system TIMEX3 matched at most once; type/value F1
count a relaxed match whose attribute is equal.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.model import Timex

Tagger = Callable[[str, "dt.date | None"], list[Timex]]

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<DCT>\s*<TIMEX3\b([^>]*)>", re.S)
_DOCID = re.compile(r"<DOCID>\s*(.*?)\s*</DOCID>", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)\b([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')


@dataclass(frozen=True)
class Doc:
    """One TimeML document: its text (tags stripped, entities unescaped), DCT and gold TIMEX3."""

    docid: str
    part: str  # folder under train/ ("TimeBank" | "AQUAINT") or ""
    dct: dt.date | None
    text: str
    gold: tuple[Timex, ...]


def _attrs(s: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(s)}


def _parse_date(value: str) -> dt.date | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def parse_timeml(xml: str, part: str = "") -> Doc:
    """Parse a TimeML string; offsets count over the TEXT content with tags stripped, entities unescaped."""
    docid_m = _DOCID.search(xml)
    dct_m = _DCT.search(xml)
    dct = _parse_date(_attrs(dct_m.group(1)).get("value", "")) if dct_m else None
    text_m = _TEXT.search(xml)
    raw = text_m.group(1) if text_m else ""
    out: list[str] = []
    pos = 0  # offset in the stripped, unescaped text
    last = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    gold: list[Timex] = []
    for m in _TAG.finditer(raw):
        chunk = html.unescape(raw[last : m.start()])
        out.append(chunk)
        pos += len(chunk)
        last = m.end()
        closing, name, attrs, selfclose = m.group(1), m.group(2), m.group(3), m.group(4)
        if name != "TIMEX3" or selfclose:
            continue
        if not closing:
            open_timex = (pos, _attrs(attrs))
        elif open_timex is not None:
            start, a = open_timex
            open_timex = None
            gold.append(Timex(start, pos, "", a.get("type", ""), a.get("value", ""), a.get("mod") or None))
    out.append(html.unescape(raw[last:]))
    text = "".join(out)
    gold = [Timex(g.start, g.end, text[g.start : g.end], g.type, g.value, g.mod) for g in gold]
    return Doc(docid_m.group(1) if docid_m else "", part, dct, text, tuple(gold))


def load_dir(path: Path, limit: int | None = None) -> list[Doc]:
    """All ``*.tml`` documents under ``path`` (sorted, recursive), the first ``limit`` when given."""
    files = sorted(path.rglob("*.tml"))
    if limit is not None:
        files = files[:limit]
    docs = []
    for f in files:
        part = f.parent.name if f.parent != path else ""
        docs.append(parse_timeml(f.read_text(encoding="utf-8", errors="replace"), part))
    return docs


@dataclass
class Counts:
    """Micro-average counters; ``gold`` and ``system`` are totals, the rest true positives."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0

    def add(self, other: "Counts") -> None:
        for k in ("gold", "system", "strict", "relaxed", "type", "value"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def prf(self, tp_name: str) -> tuple[float, float, float]:
        tp = getattr(self, tp_name)
        p = tp / self.system if self.system else 0.0
        r = tp / self.gold if self.gold else 0.0
        f = 2 * tp / (self.system + self.gold) if (self.system + self.gold) else 0.0
        return p, r, f


@dataclass
class DocResult:
    counts: Counts
    missed: list[Timex] = field(default_factory=list)
    spurious: list[Timex] = field(default_factory=list)
    wrong_value: list[tuple[Timex, Timex]] = field(default_factory=list)  # (gold, system)
    wrong_type: list[tuple[Timex, Timex]] = field(default_factory=list)


def _overlap(a: Timex, b: Timex) -> bool:
    return a.start < b.end and b.start < a.end


def score_doc(gold: Iterable[Timex], system: Iterable[Timex]) -> DocResult:
    """Match one document's system TIMEX3 against gold.

    Exact-offset pairs are matched first, then the remaining overlaps by largest overlap, so a system
    span that touches two gold spans takes the one it covers most; each side is matched at most once.
    """
    gold = sorted(gold, key=lambda t: (t.start, t.end))
    system = sorted(system, key=lambda t: (t.start, t.end))
    c = Counts(gold=len(gold), system=len(system))
    pairs: dict[int, int] = {}  # gold index -> system index
    used: set[int] = set()
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if si not in used and s.start == g.start and s.end == g.end:
                pairs[gi] = si
                used.add(si)
                c.strict += 1
                break
    cands = []
    for gi, g in enumerate(gold):
        if gi in pairs:
            continue
        for si, s in enumerate(system):
            if si not in used and _overlap(g, s):
                ov = min(g.end, s.end) - max(g.start, s.start)
                cands.append((-ov, gi, si))
    for _, gi, si in sorted(cands):
        if gi not in pairs and si not in used:
            pairs[gi] = si
            used.add(si)
    res = DocResult(c)
    for gi, g in enumerate(gold):
        si = pairs.get(gi)
        if si is None:
            res.missed.append(g)
            continue
        s = system[si]
        c.relaxed += 1
        if s.type == g.type:
            c.type += 1
        else:
            res.wrong_type.append((g, s))
        if s.value == g.value:
            c.value += 1
        else:
            res.wrong_value.append((g, s))
    res.spurious = [s for si, s in enumerate(system) if si not in used]
    return res


@dataclass
class Report:
    total: Counts
    by_part: dict[str, Counts]
    results: list[tuple[Doc, DocResult]]
    seconds: float
    chars: int


def run(docs: list[Doc], tagger: Tagger) -> Report:
    """Tag every document with its DCT as anchor and score it."""
    total = Counts()
    by_part: dict[str, Counts] = {}
    results = []
    t0 = time.perf_counter()
    chars = 0
    for d in docs:
        system = tagger(d.text, d.dct)
        chars += len(d.text)
        r = score_doc(d.gold, system)
        total.add(r.counts)
        by_part.setdefault(d.part or "-", Counts()).add(r.counts)
        results.append((d, r))
    return Report(total, by_part, results, time.perf_counter() - t0, chars)


def _line(name: str, c: Counts) -> str:
    cells = []
    for tp in ("strict", "relaxed"):
        p, r, f = c.prf(tp)
        cells.append(f"{100 * p:5.1f} {100 * r:5.1f} {100 * f:5.1f}")
    cells.append(f"{100 * c.prf('type')[2]:5.1f}")
    cells.append(f"{100 * c.prf('value')[2]:5.1f}")
    return f"{name:<10} {c.gold:>5} {c.system:>5}   " + "   ".join(cells)


def _key(t: Timex) -> str:
    return " ".join(t.text.lower().split())


def format_report(rep: Report, top: int = 25) -> str:
    """Scores per corpus part and overall, then the commonest misses."""
    lines = [
        f"{'part':<10} {'gold':>5} {'sys':>5}   {'strict P/R/F1':>17}   {'relaxed P/R/F1':>17}   type  value",
    ]
    for part in sorted(rep.by_part):
        lines.append(_line(part, rep.by_part[part]))
    lines.append(_line("ALL", rep.total))
    speed = rep.chars / rep.seconds / 1e6 if rep.seconds else 0.0
    lines.append(f"{len(rep.results)} documents, {rep.chars:,} chars tagged in {rep.seconds:.2f}s ({speed:.2f} MB/s)")
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for _, r in rep.results:
        missed.update(f"{_key(g)}  [{g.type} {g.value}]" for g in r.missed)
        spurious.update(f"{_key(s)}  [{s.type} {s.value}]" for s in r.spurious)
        wrong.update(f"{_key(g)}  gold {g.value} / ours {s.value}" for g, s in r.wrong_value)
    for title, ctr in (("missed", missed), ("spurious", spurious), ("wrong value", wrong)):
        lines.append("")
        lines.append(f"commonest {title} ({sum(ctr.values())}):")
        for k, n in ctr.most_common(top):
            lines.append(f"  {n:>3}  {k}")
    return "\n".join(lines)


def default_dir() -> Path:
    """../shared/tempeval3/train relative to the repository root."""
    repo = Path(__file__).resolve().parents[2]
    return repo.parent / "shared" / "tempeval3" / "train"


def default_corpus() -> Path:
    """../shared/corpus/bbc-fulltext/bbc relative to the repository root (plain-text news articles)."""
    repo = Path(__file__).resolve().parents[2]
    return repo.parent / "shared" / "corpus" / "bbc-fulltext" / "bbc"


def speed(files: Iterable[Path], tagger: Tagger, dct: dt.date | None = dt.date(2005, 3, 1)) -> tuple[int, int, float]:
    """(files, UTF-8 bytes, seconds) to tag every file; only the tagging is timed, not the reading."""
    texts = [f.read_bytes().decode("utf-8", errors="replace") for f in files]
    size = sum(len(t.encode("utf-8")) for t in texts)
    t0 = time.perf_counter()
    for t in texts:
        tagger(t, dct)
    return len(texts), size, time.perf_counter() - t0
