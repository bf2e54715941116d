"""The search index tokenized with the site: Material's search worker no longer reads every entry's words in the
reader's browser before it can answer.

Material's worker builds a Lunr index from ``search/search_index.json`` each time a reader searches: on a
large briefing most of that time goes to ``Builder.add``, which tokenizes each entry's title and text with
Material's tokenizer, drops stop words and counts each term in each field. This module does that part at build
time and adds the result to the index file as ``config.index`` (Material's page script hands the worker the
``config`` object whole; ``search_index.js``, which a site opened from disk loads, is the offline plugin's copy
of the same file). A copy of Material's worker, patched here, fills lunr.js's builder with those counts
instead of calling ``add``, and lunr.js itself then scores (field vectors), builds its token set and answers,
so every score is lunr.js's own arithmetic. Token positions, which Material keeps only to highlight matches,
are worked out in the worker for the entries a query returns, by Material's own tokenizer
(``docs/scaling.md``, *Search*).

The tokenizer here must cut exactly as Material's (``internal/tokenize``, ``extract``, ``split``) does:

- HTML tags are skipped: text is what lies between a ``>`` and the next ``<``, as Material's ``extract`` reads it;
- the separator is a JavaScript pattern: ``\\s`` is JavaScript's set of spaces, ``\\w``/``\\d``/``\\b`` ASCII;
- a token is lower-cased (Python's ``str.lower`` and JavaScript's ``toLowerCase`` both apply Unicode's full
  lower-case mapping and final sigma; they can differ only where their Unicode versions do);
- stop words are the list the worker's lunr.js holds, read from the worker.

Only the pipeline this project uses is supported (``stopWordFilter`` at most, language ``en``): a trimmer or
stemmer would have to be reproduced too, so another configuration gets no prebuilt index (a warning) and the
worker builds in the browser as before. The tests compare the two workers' answers in Chromium.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMAT = "briefing-lunr-postings-1"  # the worker patch below reads this format and nothing else
LUNR_VERSION = "2.3.9"  # the lunr.js the worker bundles, whose Builder the patch fills
SUPPORTED_PIPELINE = {"stopWordFilter"}
WORKERS = Path("assets") / "javascripts" / "workers"

# JavaScript's \s (ECMAScript WhiteSpace and LineTerminator), for a separator written for a JS RegExp.
_JS_SPACE = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_STOP_WORDS = re.compile(r"\.stopWordFilter=\w+\.generateStopWordFilter\((\[[^\]]*\])\)")


class Unsupported(Exception):
    """The search configuration or index is one this module cannot reproduce exactly."""


class WorkerPatchError(Exception):
    """Material's worker is not the one the patches were written for."""


# ---- Material's tokenizer -----------------------------------------------------------------------------------

def js_regex(pattern: str) -> re.Pattern[str]:
    """A JavaScript RegExp source (no flags) as a Python pattern that matches the same text."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            if nxt == "s":
                out.append(_JS_SPACE if in_class else f"[{_JS_SPACE}]")
            elif nxt == "S":
                if in_class:
                    raise Unsupported(f"\\S inside a character class in the separator {pattern!r}")
                out.append(f"[^{_JS_SPACE}]")
            else:
                out.append(pattern[i:i + 2])
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    return re.compile("".join(out), re.ASCII)  # JS without the u flag: \w \d \b are ASCII


def text_ranges(text: str, fn: Callable[[int, int], None]) -> None:
    """Material's ``extract``, its text sections only: (start, end) of each run of text between a ``>`` (or the
    start) and the next ``<``. Which tags ``extract`` counts as open or closed decides only the positions that
    highlight matches, which the worker works out itself."""
    start = 0
    for end, c in enumerate(text):
        if c == "<" and end > start:
            fn(start, end)
            start = end
        elif c == ">":
            start = end + 1
    if len(text) > start:
        fn(start, len(text))


def split(text: str, separator: re.Pattern[str], fn: Callable[[int, int], None]) -> None:
    """Material's ``split``: the non-empty ranges between separator matches."""
    index = pos = 0
    while True:
        match = separator.search(text, pos) if pos <= len(text) else None
        until = match.start() if match else len(text)
        if index < until:
            fn(index, until)
        if match is None:
            return
        index = match.end()
        pos = match.end() if match.end() > match.start() else match.start() + 1


def tokenize(value: str | list[str] | None, separator: re.Pattern[str]) -> list[str]:
    """The tokens Material's tokenizer makes of a field's value, in order."""
    tokens: list[str] = []
    for part in [] if value is None else value if isinstance(value, list) else [value]:
        def section(start: int, end: int, part: str = part) -> None:
            text = part[start:end]
            split(text, separator, lambda i, j: tokens.append(text[i:j].lower()))
        text_ranges(part, section)
    return tokens


# ---- the index ----------------------------------------------------------------------------------------------

def stop_words(worker: str) -> frozenset[str]:
    """The English stop words of the lunr.js the worker bundles (read from it: the same list by definition)."""
    found = _STOP_WORDS.findall(worker)
    if len(found) != 1:
        raise WorkerPatchError(f"the search worker has {len(found)} English stop-word lists, expected 1")
    return frozenset(json.loads(found[0]))


def prebuild(data: dict, stop: frozenset[str]) -> dict[str, Any]:
    """What lunr.js's ``Builder.add`` leaves for ``data`` (search_index.json): the terms in the order the builder
    numbers them (first seen, entry by entry, field by field) and, for each term and field, the entries holding
    it with its count, as a flat list of (step from the previous entry's number, count) pairs."""
    config = data["config"]
    if list(config.get("lang") or ["en"]) != ["en"]:
        raise Unsupported(f"search language {config.get('lang')!r} (only 'en')")
    pipeline = set(config.get("pipeline") or [])
    if not pipeline <= SUPPORTED_PIPELINE:
        raise Unsupported(f"search pipeline {sorted(pipeline - SUPPORTED_PIPELINE)} (only stopWordFilter)")
    if "stopWordFilter" not in pipeline:
        stop = frozenset()
    docs = data["docs"]
    if len({d["location"] for d in docs}) != len(docs):
        raise Unsupported("two search entries share a location (lunr.js would merge them)")
    fields = list(config["fields"])
    separator = js_regex(config["separator"])
    terms: dict[str, int] = {}
    postings: list[list[list[int]]] = []
    last: list[list[int]] = []  # per term and field: the entry number last written, for the steps
    for number, doc in enumerate(docs):
        for f, name in enumerate(fields):
            value = doc.get(name)
            if not (value is None or isinstance(value, str)
                    or (isinstance(value, list) and all(isinstance(v, str) for v in value))):
                raise Unsupported(f"{doc['location']}: field {name!r} is {type(value).__name__}, not text")
            counts: dict[str, int] = {}
            for term in tokenize(value, separator):
                if term in stop:
                    continue
                if term not in terms:
                    terms[term] = len(terms)
                    postings.append([[] for _ in fields])
                    last.append([0] * len(fields))
                counts[term] = counts.get(term, 0) + 1
            for term, tf in counts.items():
                t = terms[term]
                postings[t][f] += [number - last[t][f], tf]
                last[t][f] = number
    return {"format": FORMAT, "fields": fields, "terms": list(terms), "postings": postings}


def add_index(index_file: Path, stop: frozenset[str]) -> int:
    """Adds the prebuilt postings to Material's search_index.json as ``config.index``; returns their bytes."""
    data = json.loads(index_file.read_text(encoding="utf-8"))
    data["config"].pop("index", None)
    index = prebuild(data, stop)
    data["config"]["index"] = index
    # As Material's search plugin writes the file: compact, ASCII.
    index_file.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")
    return len(json.dumps(index, separators=(",", ":")))


# ---- the worker ---------------------------------------------------------------------------------------------

# Put before Material's code. __bfFill does what Builder.add would have left in the builder ``b``: documents,
# a frequency table and a length for every entry and field (in add's order, which lunr keeps for queries that
# only exclude), then each term's posting, its metadata empty (one shared frozen object: lunr only copies it);
# lunr() then calls b.build() as usual. __bfPositions gives a term's
# positions in one entry's field, as the index would have held them, and fills Material's position table for
# that field, both by Material's tokenizer ``tok`` (the builder's own), the first time a result needs them.
_HELPERS = """var __bfTokens=new Map;
function __bfFill(b,x,docs){var F=Object.keys(b._fields),m=F.length,J=lunr.FieldRef.joiner,E=Object.freeze(Object.create(null)),
D=docs.map(d=>d.location),R=new Array(D.length*m),Q=new Array(D.length*m),N=new Array(D.length*m).fill(0),i,j,k,n,f,p,q,L,P;
for(i=0;i<D.length;i++){b._documents[D[i]]={boost:docs[i].boost};
for(j=0;j<m;j++){f=R[i*m+j]=F[j]+J+D[i];b.fieldTermFrequencies[f]=Q[i*m+j]=Object.create(null)}}
b.documentCount=D.length;
for(i=0;i<x.terms.length;i++){q=x.terms[i];p=Object.create(null);p._index=i;
for(j=0;j<m;j++)p[F[j]]=Object.create(null);b.invertedIndex[q]=p;
for(j=0;j<m;j++)for(P=p[F[j]],L=x.postings[i][j],n=0,k=0;k<L.length;k+=2){n+=L[k];P[D[n]]=E;Q[n*m+j][q]=L[k+1];N[n*m+j]+=L[k+1]}}
for(i=0;i<R.length;i++)b.fieldLengths[R[i]]=N[i];
b.termIndex=x.terms.length}
function __bfPositions(tok,table,doc,field,term){var key=[doc.location,field].join(":"),list=__bfTokens.get(key),out=[],i;
if(!list){table.set(key,lunr.tokenizer.table=[]);list=tok(doc[field]);__bfTokens.set(key,list)}
for(i=0;i<list.length;i++)if(list[i].str===term)out.push(list[i].metadata.position);return out}
"""

# Checked string patches of Material's minified worker (names as in mkdocs-material 9.8.1's
# search.a7633da7.min.js). Each must occur exactly once, or the build fails: a new Material needs new patches.
_PATCHES = (
    # Checks only: ``ae`` (used below) is the builder's tokenizer, and the worker is Material's of 9.8.1.
    ("this.tokenizer=ae,lunr.tokenizer.separator=new RegExp(e.separator)",
     "this.tokenizer=ae,lunr.tokenizer.separator=new RegExp(e.separator)"),
    ("de=new U(t.data),{type:1}", "de=new U(t.data),{type:1}"),
    # With prebuilt postings, the builder is set up as before (fields, boosts, separator, pipeline) and
    # filled with them instead of adding each document; lunr() then builds the index from it.
    ("for(let o of r)this.add(o,{boost:o.boost})})}",
     f'if(e.index&&e.index.format==="{FORMAT}")__bfFill(this,e.index,r);'
     "else for(let o of r)this.add(o,{boost:o.boost})})}"),
    # Positions are not in the postings: the matched terms' positions are found when a result needs them.
    ('for(let d of Object.values(u.metadata))typeof d[l]!="undefined"&&m.push(...d[l].position);',
     'for(let[T,d]of Object.entries(u.metadata))typeof d[l]!="undefined"'
     "&&m.push(...(d[l].position||__bfPositions(ae,this.table,c,l,T)));"),
)
_SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")


def stock_worker(theme_dir: Path) -> Path:
    """Material's search worker in the theme's templates folder."""
    found = sorted((theme_dir / WORKERS).glob("search.*.min.js"))
    if len(found) != 1:
        raise WorkerPatchError(f"expected one search worker in {theme_dir / WORKERS}, found {len(found)}")
    return found[0]


def patch_worker(text: str) -> str:
    """Material's worker that fills its builder from ``config.index`` when there is one."""
    if f'version="{LUNR_VERSION}"' not in text:
        raise WorkerPatchError(f"the search worker does not bundle lunr.js {LUNR_VERSION}")
    for old, new in _PATCHES:
        if text.count(old) != 1:
            raise WorkerPatchError(f"the search worker has {text.count(old)} of {old!r}, expected 1")
        text = text.replace(old, new)
    head = '"use strict";'
    if not text.startswith(head):
        raise WorkerPatchError(f"the search worker does not start with {head}")
    # Without the source map line: the stock map would point at the wrong columns.
    return head + _HELPERS + _SOURCE_MAP.sub("\n", text[len(head):])


def worker_name(patched: str) -> str:
    return f"search.prebuilt.{hashlib.sha256(patched.encode('utf-8')).hexdigest()[:8]}.min.js"


class Prebuilt:
    """The MkDocs side: each page's theme config names the patched worker instead of Material's, and after
    Material's search plugin has written the index file, the postings are added and the worker written."""

    def __init__(self) -> None:
        self.patched: str | None = None
        self.stop: frozenset[str] = frozenset()
        self.names: dict[str, str] | None = None

    def on_config(self, config: Any) -> None:
        self.patched = self.names = None
        if config.theme.name != "material" or not any(n.split("/")[-1] == "search" for n in config.plugins):
            return
        theme = next((Path(d) for d in config.theme.dirs if list((Path(d) / WORKERS).glob("search.*.min.js"))), None)
        if theme is None:
            raise WorkerPatchError("Material's search worker is not among the theme's files")
        stock = stock_worker(theme)
        text = stock.read_text(encoding="utf-8")
        self.stop = stop_words(text)
        self.patched = patch_worker(text)
        self.names = {"stock": stock.name, "prebuilt": worker_name(self.patched)}

    def on_post_page(self, output: str) -> str:
        """The page with its theme config (Material's ``<script id="__config">``, which names the search
        worker) naming the patched worker. Done on the page rather than in a template override, so that a
        project using the plugin with templates of its own gets it too."""
        if self.names is None:
            return output
        start = output.rfind('<script id="__config"')
        end = output.find("</script>", start)
        if start < 0 or end < 0:
            return output
        stock, ours = f'workers/{self.names["stock"]}"', f'workers/{self.names["prebuilt"]}"'
        return output[:start] + output[start:end].replace(stock, ours, 1) + output[end:]

    def on_post_build(self, config: Any) -> int | None:
        """Writes the worker and adds the postings; their bytes, or None when there is no search index."""
        if self.patched is None or self.names is None:
            return None
        site = Path(config.site_dir)
        index_file = site / "search" / "search_index.json"
        if not index_file.is_file():
            return None
        home = site / "index.html"
        if home.is_file() and self.names["prebuilt"] not in home.read_text(encoding="utf-8"):
            raise WorkerPatchError(f"{home} does not name {self.names['prebuilt']}: the theme's config block "
                                   f"no longer names {self.names['stock']} as on_post_page expects")
        (site / WORKERS).mkdir(parents=True, exist_ok=True)
        (site / WORKERS / self.names["prebuilt"]).write_text(self.patched, encoding="utf-8")
        return add_index(index_file, self.stop)
