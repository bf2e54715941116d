"""Where an article comes from and when it was published: the outlet (from the URL's host through
knowledge/outlets.yml, or a title suffix), the publication date (metadata, the page's stamp, the
URL's path, a title stamp), and the title without outlet and section suffixes.

Each choice comes with a reason, so `build_site.py check` can say why a value is what it is.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from briefing.knowledge import KnowledgeError, fail, load_yaml
from briefing.read.head import WIRES, outlet_name, plain

OUTLETS_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "outlets.yml"


# ---- outlets -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Outlets:
    """knowledge/outlets.yml: host -> outlet name, and every name an outlet goes by -> its name."""

    hosts: dict[str, str]
    names: dict[str, str]  # normalised name or alias -> outlet name

    def for_host(self, host: str) -> tuple[str, str] | None:
        """(outlet, the matching host entry) for a URL host, trying parent domains."""
        host = host.lower().rstrip(".")
        host = host[4:] if host.startswith("www.") else host
        parts = host.split(".")
        for i in range(len(parts) - 1):
            key = ".".join(parts[i:])
            if key in self.hosts:
                return self.hosts[key], key
        return None

    def named(self, text: str) -> str | None:
        """The outlet a name or alias stands for ("Guardian" -> "The Guardian")."""
        return self.names.get(_name_key(text))


def _name_key(text: str) -> str:
    text = " ".join(text.lower().split())
    return text[4:] if text.startswith("the ") else text


def parse_outlets(raw: object, path: Path) -> Outlets:
    if raw is None:
        return Outlets({}, {})
    if not isinstance(raw, dict):
        raise fail(path, "expected a mapping of host: outlet name")
    hosts: dict[str, str] = {}
    names: dict[str, str] = {}
    for host, value in raw.items():
        values = [value] if isinstance(value, str) else value
        if not isinstance(host, str) or not isinstance(values, list) or not values or not all(
            isinstance(v, str) and v.strip() for v in values
        ):
            raise fail(path, f"{host!r}: expected an outlet name or a list of names", None)
        name = values[0].strip()
        hosts[host.lower().removeprefix("www.")] = name
        for alias in values:
            names.setdefault(_name_key(alias), name)
    for alias, name in WIRES.items():
        names.setdefault(_name_key(alias), name)
    return Outlets(hosts, names)


def load_outlets(path: Path = OUTLETS_FILE) -> Outlets:
    """The outlets knowledge file (the shipped one by default); a missing file knows no outlets.
    Parsed once per version of the file: `mkdocs serve` sees an edit on its next rebuild."""
    try:
        stat = path.stat()
    except OSError:
        return Outlets({}, {})
    return _parsed_outlets(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _parsed_outlets(path: Path, mtime_ns: int, size: int) -> Outlets:
    return parse_outlets(load_yaml(path), path)


def default_outlets() -> Outlets:
    try:
        return load_outlets()
    except KnowledgeError:
        return Outlets({}, {})


# How a text names its own publisher. Strong: a contributors' credit, the interviewer's label in a Q&A, a
# first-person "our CNN team". Weak: the outlet as the one people talk to ("told CNN", "viewed by CNN",
# "an interview with CNN"); reports quote people who spoke to other outlets too, and a think tank's paper
# says "officials told CSIS", so weak references count only when several kinds of them agree.
_CREDIT = r"\b(?P<o>{names})[’'](?:s)?\s[^\n]{{0,200}}?\bcontributed\s+to\s+this\s+report"  # Reuters’ too
_LABEL = r"^(?P<o>{names}):\s"
_OURS = r"\bour\s+(?P<o>{names})\s+(?:team|colleagues?|correspondents?|reporters?|crew|producers?|journalists?)\b"
_WEAK = {
    "told": r"\b(?:told|tells|tell|telling)\s+(?:the\s+)?(?P<o>{names})\b",
    "seen": r"\b(?:viewed|obtained|reviewed|seen|verified|confirmed)\s+by\s+(?:the\s+)?(?P<o>{names})\b",
    "interview": r"\binterview\s+with\s+(?:the\s+)?(?P<o>{names})\b",
    "sent": r"\b(?:email|statement|letter)\s+to\s+(?:the\s+)?(?P<o>{names})\b",
}


def self_named(text: str, outlets: Outlets) -> tuple[str, str] | None:
    """(outlet, evidence) when the text names its own publisher, for one outlet of knowledge/outlets.yml:
    a strong reference (credit, two interviewer labels, "our X team"), or weak ones of two kinds at least
    three times ("tells CNN", "viewed by CNN", "told CNN")."""
    if not outlets.names:
        return None
    names = "|".join(re.escape(n) for n in sorted(outlets.names, key=len, reverse=True))

    def found(pattern: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for m in re.finditer(pattern.format(names=names), text, re.I | re.M):
            if outlet := outlets.named(m.group("o")):
                out.setdefault(outlet, []).append(" ".join(m.group(0).split())[:50])
        return out

    credits, labels, ours = found(_CREDIT), found(_LABEL), found(_OURS)
    weak = {kind: found(pattern) for kind, pattern in _WEAK.items()}
    strong = set(credits) | set(ours) | {o for o, hits in labels.items() if len(hits) >= 2}
    for outlet in {o for hits in weak.values() for o in hits}:
        kinds = [k for k, hits in weak.items() if outlet in hits]
        if len(kinds) >= 2 and sum(len(weak[k][outlet]) for k in kinds) >= 3:
            strong.add(outlet)
    if len(strong) != 1:
        return None  # none, or two outlets: the text does not say which is its own
    (outlet,) = strong
    evidence = [hits[outlet][0] for hits in (credits, labels, ours, *weak.values()) if outlet in hits]
    return outlet, "; ".join(f"“{e}”" for e in evidence[:3])


def url_host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host or None


# ---- titles --------------------------------------------------------------------------------

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SUFFIX_SEP = re.compile(r"\s+([|–—-])\s+")
_SLASH_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SECTION = re.compile(r"[A-Z0-9][\w&'’.-]*(?:\s+(?:[A-Z0-9&][\w&'’.-]*|of|and|the|&)){0,3}")


@dataclass(frozen=True)
class Title:
    text: str
    outlet: str | None = None  # named by a suffix ("| The Guardian")
    date: dt.date | None = None  # a date stamp in the suffix ("– DW – 03/02/2024")
    date_text: str = ""
    removed: tuple[str, ...] = ()  # the suffixes removed, for the notes


def clean_text(title: str, markup: bool = True) -> str:
    """A title without invisible characters and odd spaces; with ``markup``, also without Markdown marks,
    HTML comments or tags (a title read off the page). A metadata title keeps its characters: it is text."""
    if not markup:
        return " ".join(_INVISIBLE.sub("", title).replace("\xa0", " ").split())
    text = re.sub(r"<!--.*?(-->|$)", " ", title)
    text = re.sub(r"</?[a-zA-Z][^<>]*>", "", text)
    text = _INVISIBLE.sub("", text).replace("\xa0", " ")
    text = plain(text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+.!|-])", r"\1", text)  # Markdown escapes
    return " ".join(text.split())


def split_title(title: str, outlets: Outlets, host_outlet: str | None = None, markup: bool = True) -> Title:
    """The title without trailing outlet, section and date suffixes, and what they said.

    A suffix is removed only when it is a date, or an outlet known to knowledge/outlets.yml (or the
    outlet of the article's URL); a "|" suffix may also be an outlet by its form ("The Morning
    Herald"). Once an outlet suffix is found, short "| Section |" labels before it go too.
    """
    text = clean_text(title, markup)
    pieces = _SUFFIX_SEP.split(text)  # [segment, sep, segment, sep, …]
    segments, seps = pieces[0::2], pieces[1::2]
    outlet = None
    date = None
    date_text = ""
    removed: list[str] = []
    while len(segments) > 1:
        last, sep = segments[-1].strip(), seps[-1]
        found_date = _suffix_date(last) if date is None else None
        named = outlets.named(last) if outlet is None else None
        if named is None and outlet is None and host_outlet and _name_key(last) == _name_key(host_outlet):
            named = host_outlet
        if named is None and outlet is None and sep == "|" and not found_date:
            named = outlet_name(last)
        if found_date is not None:
            date, date_text = found_date, last
        elif named is not None:
            outlet = named
        elif outlet is not None and sep == "|" and _SECTION.fullmatch(last):
            pass  # "| Vietnam | The Guardian": the section the outlet filed it under
        else:
            break
        removed.append(f"{sep} {last}")
        segments.pop()
        seps.pop()
    kept = segments[0]
    for sep, segment in zip(seps, segments[1:], strict=True):
        kept += f" {sep} {segment}"
    return Title(kept.strip(), outlet, date, date_text, tuple(reversed(removed)))


def _suffix_date(text: str) -> dt.date | None:
    """A date standing alone as a title suffix. Slashed dates are read month first, as US pages
    (and the English sites of European outlets) write them, unless the first number is over 12."""
    m = _ISO_DATE.fullmatch(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _SLASH_DATE.fullmatch(text)
        if not m:
            return None
        a, b, y = (int(g) for g in m.groups())
        mo, d = (b, a) if a > 12 else (a, b)
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


# ---- dates in URLs -------------------------------------------------------------------------

_URL_MONTH_NAME = re.compile(r"/((?:19|20)\d{2})/([a-zA-Z]{3,9})/(\d{1,2})(?:/|$)")


def url_date(url: str | None) -> dt.date | None:
    """The full date in a source URL's path: /2024/04/16/, /2024-04-16/, /2024/apr/11/.

    Numeric forms are read by htmldate (extractors.extract_url_date); the month-name form of
    The Guardian and others uses htmldate's table of month names.
    """
    if not url:
        return None
    path = urlsplit(url).path
    from htmldate.extractors import MONTH_NUMBERS, extract_url_date
    from htmldate.utils import Extractor

    options = Extractor(
        extensive=False, max=dt.datetime(2100, 1, 1), min=dt.datetime(1990, 1, 1), original=True, format="%Y-%m-%d"
    )
    found = extract_url_date(path, options)
    if found:
        return dt.date.fromisoformat(found)
    m = _URL_MONTH_NAME.search(path)
    if m and m.group(2).lower() in MONTH_NUMBERS:
        try:
            return dt.date(int(m.group(1)), MONTH_NUMBERS[m.group(2).lower()], int(m.group(3)))
        except ValueError:
            return None
    return None


# ---- the publication date ------------------------------------------------------------------

@dataclass(frozen=True)
class Dated:
    date: dt.date | None
    precision: str = "day"
    reason: str = ""
    inferred: bool = True


def choose_date(
    header: list[tuple[dt.date, str, str, bool]], own: list[tuple[dt.date, str]]
) -> Dated:
    """The publication date from the header's dates and the page's own dates.

    ``header``: (date, precision, what it is, given) in order of preference: metadata ``date``,
    ``published_time``, a "Published :" stamp. ``own``: (date, what) dates the publisher put in
    the page's address or headline: the URL's path, a title stamp. A header date later than the
    page's own date is when the page was scraped or reposted, so the page's own date wins.
    """
    first_own = own[0] if own else None
    if header:
        date, precision, what, given = header[0]
        if first_own is not None and date > first_own[0]:
            return Dated(
                first_own[0], "day",
                f"{first_own[1]}; {what} {date.isoformat()} is later, so it is when the page was "
                "scraped or reposted",
            )
        agree = f" ({first_own[1]} agrees)" if first_own is not None and date == first_own[0] else ""
        return Dated(date, precision, f"{what}{agree}", inferred=not given)
    if first_own is not None:
        return Dated(first_own[0], "day", first_own[1])
    return Dated(None)
