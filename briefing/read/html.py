"""A web page saved from a browser (.html/.htm) to an Article's metadata and blocks.

trafilatura finds the main text; the page's own metadata (JSON-LD, Open Graph, <meta>, the visible
<h1> and byline) settles title, authors, date and outlet, where trafilatura alone loses bylines and
takes SEO titles; the blocks then lose the clutter trafilatura lets through (promos, related lists,
share lines, photo credits), judged by the same line rules as scraped text (cruft.line_cruft).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from briefing.read.blocks import RawBlock
from briefing.read.cruft import line_cruft
from briefing.text import plural

HTML_SUFFIXES = (".html", ".htm")
ARTICLE_TYPES = re.compile(r"(News|Opinion|Analysis|Reportage|Review|Satirical|Scholarly|Tech)?Article$|BlogPosting$|Report$")
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•)\s+")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2}|[a-z]{3})[/-](\d{1,2})(?=[/-]|$)", re.I)
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_AUTHOR_PATH = re.compile(r"/(?:authors?|staff|contributors?|writers?|journalists?|people|profiles?|by)/[^/?#]+", re.I)
# Words that make a "name" an organisation, a desk or a job rather than a person.
_NOT_PERSON = frozenset(
    """staff editorial editors editor board desk team newsroom news media press agency wire wires service
    services reuters associated inc ltd llc plc group network online digital magazine times post journal
    daily weekly contributor contributors correspondent reporter reporters columnist writer writers
    senior opinion nast publishing company corp corporation foundation institute university""".split()
)
_PARTICLES = frozenset("de da del della di du van von der den bin ibn al el la le dos das st".split())
# Block texts that are page furniture rather than article (beyond cruft.line_cruft's menus and credits).
_PROMO = re.compile(
    r"\b(newsletter|subscribe|sign(?:ing)? up|inbox|terms of (?:use|service)|privacy (?:policy|notice)|"
    r"all rights reserved|reuse this content|share (?:this|on)|sharing options|follow (?:me|us|\w+ \w+) on|"
    r"view (?:author )?archive|author rss|email the author|trust principles|quotes delayed|min read|"
    r"why you can trust|if you (?:enjoyed|liked|value|appreciate)\b|support (?:our|independent|quality) journalism|"
    r"become a (?:member|subscriber|supporter)|comments?\b.{0,20}\b(?:closed|policy|required))",
    re.I,
)
_TEASER_HEADING = re.compile(
    r"^(more\b|most\b|read (?:more|next|also)|related|recommended|latest|top stories|trending|see also|"
    r"you (?:may|might)|popular|further reading|about (?:this|the) (?:article|author)|sources?\b|"
    r"comments?\b|filed under|tags?\b|topics?\b|share\b|advertisement)",
    re.I,
)
_PHOTO_CREDIT = re.compile(
    r"(?:^|[\s(])(?:photograph|photo|image|illustration|picture|credit)s?\s*(?:by|:)|getty|\bap\b\)?$|"
    r"\bafp\b|/(?:[A-Z][\w.]*\s?)+$|\(ap\)|file photo",
    re.I,
)
BODY_WORDS = 25  # a paragraph this long is prose even when it mentions a newsletter


@dataclass
class Page:
    """What a saved page says about itself, and its main text as blocks."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: dt.date | None = None
    date_reason: str = ""
    outlet: str | None = None
    url: str | None = None
    blocks: list[RawBlock] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def page_text(data: bytes) -> str:
    """The page as text: a declared or BOM-marked charset, else UTF-8, else Windows-1252 (pages saved
    without a charset are mostly UTF-8; a parser's Latin-1 default turns ’ into â€™)."""
    head = data[:4096].decode("ascii", "ignore")
    m = re.search(r"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", head, re.I)
    for codec in ([m.group(1)] if m else []) + ["utf-8-sig", "cp1252"]:
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", "replace")


def read_page(data: bytes) -> Page:
    """Metadata and blocks of one saved page (raises ValueError when it holds no article text)."""
    import lxml.etree
    import lxml.html
    import trafilatura

    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", page_text(data))
    try:
        tree = lxml.html.fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ValueError(f"not a readable web page: {exc}") from None
    doc = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False,
        include_formatting=True, deduplicate=True,
    )
    if doc is None or doc.body is None:
        raise ValueError("no article text found in the page")
    ld = _json_ld(tree)
    metas = _metas(tree)
    page = Page()
    page.url = _first(_canonical(tree), metas.get("og:url"), doc.url)
    page.outlet = _outlet(metas, ld, doc.sitename, page.url)
    page.title = _title(tree, metas, ld, doc.title, page.outlet)
    page.authors = _authors(tree, metas, ld, doc.author, page.outlet)
    page.date, page.date_reason = _date(tree, metas, ld, page.url, doc.date)
    raw = _raw(doc.body)
    more = _continuation(tree, raw)
    if more:
        page.notes.append(f"added {plural(len(more), 'block')} of the article that continue after an interruption")
    page.blocks, dropped = _blocks(raw + more, page.title)
    if dropped:
        page.notes.append(f"removed {plural(dropped, 'block')} of page clutter")
    if not page.blocks:
        raise ValueError("no article text found in the page")
    return page


# ---- metadata -------------------------------------------------------------------------------

def _first(*values):
    return next((v for v in values if v), None)


def _clean(text: str | None) -> str:
    return " ".join((text or "").replace("\xad", "").split())


def _metas(tree) -> dict[str, str]:
    """<meta property|name|itemprop = content>, lower-cased keys, first one wins."""
    out: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        value = _clean(m.get("content"))
        if key and value:
            out.setdefault(key, value)
    return out


def _canonical(tree) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and (link.get("href") or "").startswith("http"):
            return link.get("href").strip()
    return None


def _json_ld(tree) -> dict:
    """The page's article object in JSON-LD (the first Article-like one), with its publisher."""
    found: list[dict] = []

    def walk(node) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and ARTICLE_TYPES.search(t) for t in types):
                found.append(node)
            for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
                walk(node.get(key))

    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        try:
            walk(json.loads(script.text or "", strict=False))
        except ValueError:
            continue
    return found[0] if found else {}


def _names(value) -> list[tuple[str, str]]:
    """(name, @type) of a JSON-LD author/publisher value (a string, an object or a list of them)."""
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        kind = value.get("@type") or ""
        return [(_clean(value.get("name")), kind if isinstance(kind, str) else " ".join(kind))] if value.get("name") else []
    if isinstance(value, str):
        return [(_clean(value), "")]
    return []


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", (text or "").lower())


def _host(url: str | None) -> str:
    host = urlsplit(url or "").hostname or ""
    return re.sub(r"^(www|m|amp|edition)\.", "", host)


def _names_host(name: str, host: str) -> bool:
    """Does the outlet name match the site's host ("Los Angeles Times" ~ latimes.com)?"""
    core = _squash(host.rsplit(".", 1)[0])
    words = [w for w in re.findall(r"[a-z0-9]+", name.lower()) if w != "the"]
    if not core or not words:
        return False
    squashed = "".join(words)
    forms = {squashed, "".join(w[0] for w in words[:-1]) + words[-1], "the" + squashed}
    return any(f and (f in core or core.endswith(f) or f.startswith(core.split(".")[-1])) for f in forms)


def _outlet(metas: dict, ld: dict, sitename: str | None, url: str | None) -> str | None:
    """og:site_name or the JSON-LD publisher, whichever names the site's host; else the first of them."""
    publisher = next((n for n, _ in _names(ld.get("publisher"))), None)
    candidates = [c for c in (metas.get("og:site_name"), publisher, metas.get("application-name"), sitename) if c]
    host = _host(url)
    for c in candidates:
        if host and _names_host(c, host):
            return c
    return candidates[0] if candidates else (host or None)


def _strip_suffix(title: str, outlet: str | None) -> str:
    """"Headline | Section | Outlet" to "Headline": trailing short parts and the outlet go."""
    parts = _SEPARATORS.split(title)
    while len(parts) > 1 and (len(parts[-1].split()) <= 4 or (outlet and _squash(parts[-1]) == _squash(outlet))):
        parts.pop()
    return " - ".join(parts) if len(parts) > 1 else parts[0]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _similar(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.6


def _title(tree, metas: dict, ld: dict, found: str | None, outlet: str | None) -> str | None:
    """The visible <h1> when it is this page's headline (it agrees with a metadata title), else
    og:title, the JSON-LD headline or <title>, less an outlet or section suffix."""
    title_el = tree.find(".//title")
    named = [metas.get("og:title"), metas.get("twitter:title"), ld.get("headline") if isinstance(ld.get("headline"), str) else None,
             title_el.text_content() if title_el is not None else None, found]
    named = [_strip_suffix(_clean(t), outlet) for t in named if _clean(t)]
    for h1 in tree.iter("h1"):
        text = _clean(h1.text_content())
        if 2 <= len(text.split()) <= 30 and any(_similar(text, t) or _squash(t) in _squash(text) for t in named):
            return text
    return named[0] if named else None


def _person(name: str, outlet: str | None) -> str | None:
    """A person's name in normal case, or None for organisations, labels, handles and job titles."""
    name = re.sub(r"^\s*(?:by|written by|words by|story by)\s+", "", _clean(name), flags=re.I)
    name = re.split(r"\s*(?:,|\||\bon\b|\bfor\b|@|\()", name)[0].strip(" .-–—:")
    if name.isupper() or name.islower():
        name = name.title()
    words = name.split()
    while len(words) > 2 and words[-1].lower() in _NOT_PERSON:
        words.pop()  # "Tom Gillespie News reporter" → "Tom Gillespie"
    if not 2 <= len(words) <= 5 or any(w.lower().strip(".") in _NOT_PERSON for w in words):
        return None
    if outlet and _squash(" ".join(words)) == _squash(outlet):
        return None
    ok = all(w[0].isupper() and not any(c.isdigit() for c in w) or w.lower() in _PARTICLES for w in words)
    return " ".join(words) if ok and words[0][0].isupper() else None


def _split_names(text: str) -> list[str]:
    return [p for p in re.split(r"\s*(?:;|,|\band\b|&)\s*", _clean(text)) if p]


def _byline(tree) -> list[str]:
    """Names in the visible byline: the first author link (rel=author or an /author/ path) and the
    author links beside it, or the first "By …" line."""
    for a in tree.iter("a"):
        href = a.get("href") or ""
        if "author" in (a.get("rel") or "").lower() or _AUTHOR_PATH.search(urlsplit(href).path):
            text = _clean(a.text_content())
            if not text or not _person(text, None):
                continue
            block = a.getparent()
            for _ in range(3):  # the byline element holds every author link of the byline
                if block is None or len(_clean(block.text_content())) > 200 or block.getparent() is None:
                    break
                block = block.getparent()
            links = [_clean(x.text_content()) for x in (block if block is not None else a).iter("a")
                     if _AUTHOR_PATH.search(urlsplit(x.get("href") or "").path) or "author" in (x.get("rel") or "")]
            return list(dict.fromkeys([text] + [x for x in links if x]))
    for el in tree.iter("p", "div", "span", "address"):
        text = _clean(el.text_content())
        if re.match(r"^By\s+[A-Z]", text) and len(text) <= 160:
            return _split_names(re.sub(r"^By\s+", "", text))
    return []


def _authors(tree, metas: dict, ld: dict, found: str | None, outlet: str | None) -> tuple[str, ...]:
    """People only: JSON-LD Person authors, else the visible byline, else meta author, else trafilatura's."""
    orgs = {_squash(n) for n, kind in _names(ld.get("author")) if "Organization" in kind}
    orgs |= {_squash(n) for n, _kind in _names(ld.get("publisher"))}
    sources = [
        [n for n, kind in _names(ld.get("author")) if "Organization" not in kind],
        _byline(tree),
        _split_names(metas.get("author", "")),
        _split_names(found or ""),
    ]
    for names in sources:
        people = [p for p in (_person(n, outlet) for n in names) if p and _squash(p) not in orgs]
        if people:
            return tuple(dict.fromkeys(people))
    return ()


def _stamp(value) -> tuple[dt.date | None, str]:
    """(date as written, 'local' | 'utc' | 'naive') of an ISO timestamp."""
    m = _ISO.match(value or "") if isinstance(value, str) else None
    if not m:
        return None, ""
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None, ""
    zone = m.group(6)
    if zone and zone not in ("Z", "+00:00", "+0000", "-00:00"):
        return day, "local"
    return day, "utc" if zone else "naive"


def _url_date(url: str | None) -> dt.date | None:
    m = _URL_DATE.search(urlsplit(url or "").path)
    if not m:
        return None
    month = m.group(2)
    month = int(month) if month.isdigit() else _MONTHS.get(month.lower()[:3], 0)
    try:
        return dt.date(int(m.group(1)), month, int(m.group(3)))
    except ValueError:
        return None


def _date(tree, metas: dict, ld: dict, url: str | None, found: str | None) -> tuple[dt.date | None, str]:
    """The publication date as the page states it. A timestamp with the publisher's own UTC offset is
    the publisher's day; the day in the URL comes next; a UTC or zone-less timestamp may already be
    the next day where the publisher is, so it comes after. Updated and modified times never count."""
    published = [("JSON-LD datePublished", ld.get("datePublished"))]
    for key in ("article:published_time", "og:article:published_time", "datepublished", "date", "pubdate",
                "publish-date", "sailthru.date", "parsely-pub-date", "dc.date.issued"):
        published.append((f"meta {key}", metas.get(key)))
    for el in tree.iter("time"):
        if "published" in (el.get("itemprop") or "").lower() + " ".join(el.get("class", "").lower().split()):
            published.append(("<time> datePublished", el.get("datetime")))
    stamps = [(where, *_stamp(v)) for where, v in published]
    for where, day, kind in stamps:
        if day and kind == "local":
            return day, f"from the page's {where} (publisher's time zone)"
    day = _url_date(url)
    if day:
        return day, "from the date in the page's URL"
    for where, day, _kind in stamps:
        if day:
            return day, f"from the page's {where}"
    day, _ = _stamp(found)
    return (day, "from the page's dates as trafilatura reads them") if day else (None, "")


# ---- blocks ---------------------------------------------------------------------------------

def _text(el) -> str:
    return _clean(" ".join(t for t in _pieces(el)))


def _pieces(el):
    """Text of an element; <lb/> is a space, inline nodes join without one (drop caps, split links)."""
    out = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            out.append(" ")
        out.append("".join(_pieces(child)))
        out.append(child.tail or "")
    return ["".join(out)]


def _raw(body) -> list[RawBlock]:
    out: list[RawBlock] = []
    for el in body:
        tag = el.tag
        if tag == "head":
            level = int((el.get("rend") or "h2")[1:] or 2) if re.match(r"h\d$", el.get("rend") or "") else 2
            out.append(RawBlock("heading", _text(el), min(max(level, 2), 4)))
        elif tag == "list":
            out += [RawBlock("item", _text(item)) for item in el.iter("item")]
        elif tag == "quote":
            out.append(RawBlock("quote", _text(el)))
        elif tag in ("p", "div", "table"):
            out.append(RawBlock("paragraph", _text(el)))
        elif tag == "graphic":
            continue
        else:
            out.append(RawBlock("paragraph", _text(el)))
    return [b for b in out if re.search(r"\w", b.text)]


def clutter(block: RawBlock) -> bool:
    """Page furniture: a menu or credit line, a promo, a share line, a photo credit."""
    text = block.text
    words = len(text.split())
    if line_cruft(text):
        return True
    if words < BODY_WORDS and _PROMO.search(text):
        return True
    if words <= 12 and _PHOTO_CREDIT.search(text) and not re.search(r"[.!?][”\"’]?$", text.rstrip(")")):
        return True
    return False


_SKIP = ("script", "style", "noscript", "aside", "figure", "figcaption", "nav", "form", "button", "iframe")
_DOM_KIND = {"p": "paragraph", "h2": "heading", "h3": "heading", "h4": "heading", "blockquote": "quote", "li": "item"}


def _continuation(tree, raw: list[RawBlock]) -> list[RawBlock]:
    """Body chunks after the last one trafilatura kept: sites cut an article into sibling containers of
    one class (an ad or a promo between them) and trafilatura may keep only the first."""
    last = next((b.text for b in reversed(raw) if b.kind == "paragraph" and len(b.text.split()) >= 8), None)
    if not last:
        return []
    key = _squash(last)[:80]
    hit = next((p for p in tree.iter("p") if _squash(p.text_content())[:80] == key), None)
    node = hit
    for _ in range(4):
        if node is None or node.getparent() is None:
            return []
        node = node.getparent()
        twins = [s for s in node.itersiblings() if s.tag == node.tag and s.get("class") == node.get("class") and s.get("class")]
        if twins:
            break
    else:
        return []
    out: list[RawBlock] = []
    for twin in twins:
        for el in twin.iter(*_DOM_KIND):
            if any(a.tag in _SKIP for a in el.iterancestors()):
                continue
            text = _clean("".join(el.itertext()))
            if text and not (el.tag == "li" and el.find(".//p") is not None):
                out.append(RawBlock(_DOM_KIND[el.tag], text, int(el.tag[1]) if el.tag[0] == "h" else 0))
    return out if any(b.kind == "paragraph" and len(b.text.split()) >= BODY_WORDS for b in out) else []


def _blocks(raw: list[RawBlock], title: str | None) -> tuple[list[RawBlock], int]:
    """Blocks less clutter, teaser lists (a "More …"/"Related" heading and the short lines after it),
    the repeated headline, and a trailing run of short non-prose lines."""
    kept: list[RawBlock] = []
    skipping = False
    for b in raw:
        prose = b.kind == "paragraph" and len(b.text.split()) >= BODY_WORDS
        if skipping and not prose:
            continue
        skipping = False
        short = len(b.text.split()) <= 8
        if (b.kind == "heading" or short) and _TEASER_HEADING.match(b.text):
            skipping = True
            continue
        if clutter(b) or (title and b.kind == "heading" and _squash(b.text) == _squash(title)):
            continue
        kept.append(b)
    while kept and kept[-1].kind != "paragraph" or (kept and len(kept[-1].text.split()) < 6
                                                     and not re.search(r"[.!?”\"]$", kept[-1].text)):
        kept.pop()
    return kept, len(raw) - len(kept)
