"""The top of a scraped article: headline, repeated titles and section labels, bylines,
credit/outlet lines, captions; and the "(Reuters) -" dateline of the first paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

HEAD_LINES = 12  # non-empty lines looked at as "the top of the page"
BODY_WORDS = 25  # a line this long is article body: the head ends before it

# Wire services and photo agencies: their name under a photo is a photo credit,
# not the publisher of the article (papers buy their pictures).
WIRES = {
    "the associated press": "The Associated Press",
    "associated press": "The Associated Press",
    "ap": "The Associated Press",
    "ap photo": "The Associated Press",
    "reuters": "Reuters",
    "afp": "Agence France-Presse",
    "agence france-presse": "Agence France-Presse",
    "kyodo": "Kyodo News",
    "kyodo news": "Kyodo News",
    "jiji": "Jiji Press",
    "jiji press": "Jiji Press",
    "xinhua": "Xinhua",
    "yonhap": "Yonhap",
    "bloomberg": "Bloomberg",
    "getty images": "Getty Images",
    "epa": "EPA",
    "dpa": "dpa",
    "upi": "UPI",
    "pa media": "PA Media",
    "tass": "TASS",
}
_OUTLET_WORD = re.compile(
    r"\b(Shimbun|Times|Post|Press|News|Herald|Journal|Tribune|Guardian|Telegraph|Gazette|"
    r"Chronicle|Observer|Economist|Diplomat|Monitor|Inquirer|Independent|Asahi|Mainichi|Nikkei|"
    r"Sankei|Yomiuri|Broadcasting|Agency|Newswire|Wire)\b"
)
_BYLINE = re.compile(r"^(?:by|written by|words by|story by)(?:\s*:\s*|\s+)(.{3,120})$", re.I)
_NAME = re.compile(r"^(?:[A-Z][\w'’.-]*\.?|de|da|van|von|bin|al|del|la|le)(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|bin|al|del|la|le)){1,4}$")
_CAPTION_CUE = re.compile(
    r",\s+(left|right|center|centre|second from (left|right)|front|rear|top|bottom)\s*,|"
    r"\((left|right|center|centre|top|bottom)\)|\bfrom left\b|\bpictured\b|\bphoto shows\b",
    re.I,
)
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z0-9 .,/'’-]{0,60}?\(([A-Z][A-Za-z .&'-]{0,40}?)\)\s*[-—–]"
)
_DATELINE_SHORT = {"AP": "The Associated Press", "AFP": "Agence France-Presse"}


@dataclass
class Head:
    title: str | None = None
    outlet: str | None = None
    outlet_note: str = ""  # why the outlet was (not) taken, for the warnings
    authors: list[str] = field(default_factory=list)
    captions: set[int] = field(default_factory=set)  # line indices that are captions
    removed: Counter = field(default_factory=Counter)


def plain(line: str) -> str:
    """Line text without Markdown heading/emphasis marks, whitespace collapsed."""
    text = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
    text = re.sub(r"(\*\*|__|\*|_)(\S.*?\S|\S)\1", r"\2", text)
    return " ".join(text.split())


def norm(line: str) -> str:
    return re.sub(r"[\s.:;,!?]+$", "", plain(line).lower())


def title_like(line: str) -> bool:
    """Short, one line, no final period (bar an abbreviation like "U.S."), not a lead-in."""
    text = plain(line)
    words = text.split()
    if not 1 <= len(words) <= 25 or len(text) > 200:
        return False
    if text.endswith((",", ";", ":")) or text.startswith(("-", "*", ">", "(", "[")):
        return False
    if text.endswith(".") and not text.endswith("..") and not re.search(r"\b(?:[A-Z]\.){2,}$|\b(?:Inc|Ltd|Co|Jr|Sr|St)\.$", text):
        return False
    if re.search(r"[.!?][”\"’]?\s+[A-Z]", text) and not re.search(r"\b[A-Z]\.\s", text):
        return False  # two sentences
    return text[0].isupper() or text[0].isdigit() or text[0] in "“\"‘'¿¡"


def outlet_name(line: str) -> str | None:
    """The outlet a standalone credit line names ("The Yomiuri Shimbun"), else None."""
    text = plain(line).strip(" -—–|")
    words = text.split()
    if not 1 <= len(words) <= 6 or re.search(r"[.!?:;,]$", text):
        return None
    if text.lower() in WIRES:
        return WIRES[text.lower()]
    if len(words) >= 2 and _OUTLET_WORD.search(text) and all(
        w[0].isupper() or w.lower() in ("of", "the", "and", "&") for w in words
    ):
        return text
    return None


def byline_names(line: str) -> tuple[list[str], str | None] | None:
    """(author names, outlet named after them) for a byline, else None."""
    m = _BYLINE.match(plain(line))
    if not m or len(m.group(1).split()) > 14:
        return None
    names: list[str] = []
    outlet = None
    for part in re.split(r"\s*(?:,|;|\||\band\b|&|\bfor\b)\s*", m.group(1)):
        part = part.strip(" .")
        if not part:
            continue
        if outlet_name(part):
            outlet = outlet_name(part)
        elif _NAME.match(part):
            names.append(part.title() if part.isupper() else part)
        elif len(part.split()) > 4:
            return None  # "By the time the vote came …" is prose
    return (names, outlet) if names else None


def dateline_outlet(line: str) -> str | None:
    """"LONDON (Reuters) -" or "WASHINGTON (AP) —" names the wire that wrote the story."""
    m = _DATELINE.match(plain(line))
    if not m:
        return None
    name = m.group(1).strip()
    if name in _DATELINE_SHORT:
        return _DATELINE_SHORT[name]
    return WIRES.get(name.lower(), name if outlet_name(name) or name.isupper() else None)


def analyse_head(lines: list[str], credit_lines: set[int], markdown: bool, joined: bool = False,
                 known_title: str | None = None) -> Head:
    """Find title, cruft, captions and credits at the top; blank the removed lines in place.

    ``credit_lines`` are indices of photo-credit lines the line-cruft pass already blanked:
    a line next to one of them is a caption. ``joined``: consecutive lines are one paragraph
    (Markdown, hard-wrapped text), so a line that runs on into the next is no title.
    ``known_title``: the metadata's title; only a line that repeats it is taken as the title.
    """
    head = Head()
    zone: list[int] = []
    for i, line in enumerate(lines):
        if not line.strip() and i not in credit_lines:
            continue
        if len(zone) >= HEAD_LINES or len(line.split()) >= BODY_WORDS:
            break
        zone.append(i)
    if not zone:
        return head
    later_text = any(line.strip() for line in lines[zone[-1] + 1:])

    kinds: dict[int, str] = {i: "credit" for i in zone if i in credit_lines}
    outlet_lines: dict[int, str] = {}
    for i in zone:
        if i in kinds:
            continue
        byline = byline_names(lines[i])
        if byline:
            head.authors.extend(byline[0])
            if byline[1]:
                head.outlet = byline[1]
            kinds[i] = "byline"
            continue
        name = outlet_name(lines[i])
        if name:
            outlet_lines[i] = name
            kinds[i] = "credit line"

    counts = Counter(norm(lines[i]) for i in zone if i not in kinds)
    candidates = [i for i in zone if i not in kinds]
    if joined:  # a line that runs on into the next is the start of a paragraph
        candidates_ok = [i for i in candidates if not _runs_on(lines, i)]
    else:
        candidates_ok = candidates
    if known_title is not None:
        # The metadata names the title: the head holds it again, or a Markdown "# headline" stands for it.
        known = norm(known_title)
        title_idx = next((i for i in candidates_ok if norm(lines[i]) == known), None)
        if title_idx is None and markdown and candidates_ok and re.match(r"^\s{0,3}#\s+\S", lines[candidates_ok[0]]):
            title_idx = candidates_ok[0]
    else:
        title_idx = _pick_title(lines, candidates_ok, counts, markdown, later_text or len(candidates) > 1)
    if title_idx is not None:
        head.title = plain(lines[title_idx])
        title_norm = norm(lines[title_idx])
        for i in candidates:
            if norm(lines[i]) == title_norm:
                kinds[i] = "repeated title" if i != title_idx else "title"
    seen: set[str] = set()
    for i in candidates:
        if i in kinds:
            continue
        key = norm(lines[i])
        if counts[key] >= 2 and len(key.split()) <= 10:
            kinds[i] = "section label"  # "Tokyo Report" above the headline, twice
        elif key in seen:
            kinds[i] = "repeated line"
        seen.add(key)

    # Captions: a photo description next to its credit, or with a position cue ("X, left, …").
    order = [i for i in zone]
    for pos, i in enumerate(order):
        if i in kinds or not lines[i].strip():
            continue
        text = plain(lines[i])
        if len(text.split()) >= BODY_WORDS or text.endswith(":") or dateline_outlet(text):
            continue
        near = {order[p] for p in (pos - 1, pos + 1) if 0 <= p < len(order)}
        if _CAPTION_CUE.search(text) or any(kinds.get(n) in ("credit", "credit line") for n in near):
            head.captions.add(i)

    # A name standing alone under the headline is a credit line. Next to a caption it is the
    # photo's credit: a wire or photo agency then only sold the picture, so it is NOT taken
    # as the outlet; a newspaper credits its own staff photos with its own name, so a
    # paper's name is taken. Away from any caption it is the publisher's credit line.
    for i, name in outlet_lines.items():
        pos = order.index(i)
        near = {order[p] for p in (pos - 1, pos + 1) if 0 <= p < len(order)}
        photo = bool(near & head.captions)
        if photo and name in WIRES.values():
            head.outlet_note = f"{name!r} under the headline is a photo credit, not taken as the outlet"
            continue
        if head.outlet is None:
            head.outlet = name

    for i, kind in kinds.items():
        if kind in ("credit",):
            continue  # already blanked and counted by the line-cruft pass
        head.removed[kind] += 1 if kind != "title" else 0
        lines[i] = ""
    if head.outlet is None:
        first_body = next((l for l in lines if l.strip() and len(l.split()) > 8), "")
        head.outlet = dateline_outlet(first_body) if first_body else None
    return head


def _runs_on(lines: list[str], i: int) -> bool:
    """Whether line ``i`` continues on the next line (no heading marker of its own, no blank line after)."""
    if re.match(r"^\s{0,3}#{1,6}\s", lines[i]):
        return False
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    return bool(nxt.strip()) and not re.match(r"^\s{0,3}(=+|-+)\s*$", nxt)


def _pick_title(
    lines: list[str], candidates: list[int], counts: Counter, markdown: bool, has_body: bool
) -> int | None:
    if not candidates or not has_body:
        return None
    if markdown:
        first = lines[candidates[0]]
        if re.match(r"^\s{0,3}#\s+\S", first):
            return candidates[0]
    repeated = [i for i in candidates if counts[norm(lines[i])] >= 2 and title_like(lines[i])]
    if repeated:
        return max(repeated, key=lambda i: (len(plain(lines[i]).split()), -i))
    first = candidates[0]
    if title_like(lines[first]) and not _CAPTION_CUE.search(lines[first]) and not re.match(
        r"^\s{0,3}([-*+•]|\d+[.)])\s", lines[first]
    ):
        if markdown and re.match(r"^\s{0,3}#{2,6}\s", lines[first]):
            return None  # a "## section" heading is structure, not the title
        return first
    return None
