"""Authors named in the text rather than a byline: closing bios ("__Jane Doe__ is a senior fellow…",
"*Jane Doe, M.D., is a professor…*", "*[Jane Doe](…) is a journalist…*"), the "NAME, BYLINE:" speaker
label of broadcast transcripts, and the contributor records a page embeds in its HTML.
"""

from __future__ import annotations

import difflib
import html
import json
import re

from briefing.read.cruft import bio_author

BIO_LINES = 8  # closing lines looked at for bios

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*\*|___|\*\*|__|\*|_)(\S.*?\S|\S)\1")
# Degrees and honours after a name: "Marty Makary, M.D., M.P.H., is …"
_DEGREES = re.compile(r"^([^,]{3,60}?)(?:,\s*(?:[A-Z][A-Za-z]{0,3}\.?){1,4}(?:\.|\b))+,?\s+(?=(?:is|was|serves|has)\b)")
_BYLINE_LABEL = re.compile(r"^\s*([A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){1,3}),\s*BYLINE\s*:", re.M)
_JSON_CONTRIBUTOR = re.compile(r'"type"\s*:\s*"Contributor"\s*,\s*"title"\s*:\s*"([^"]{3,80})"')
_JSON_LD_AUTHOR = re.compile(r'"author"\s*:\s*(\{[^{}]*\}|\[[^\[\]]*\])')


def unmarked(line: str) -> str:
    """A line with Markdown links reduced to their text and emphasis marks removed."""
    text = _LINK.sub(r"\1", line)
    for _ in range(3):  # nested emphasis: *__Jane__ is …*
        text = _EMPHASIS.sub(r"\2", text)
    return " ".join(text.strip(" *_").split())


def bio_name(line: str) -> str | None:
    """The person a closing bio line is about, whatever markup or degrees surround the name."""
    text = unmarked(line)
    text = _DEGREES.sub(r"\1 ", text)
    return bio_author(text)


def closing_bios(lines: list[str]) -> list[str]:
    """Authors named by the bios among the last lines, in text order ("A is … B is …" both count)."""
    filled = [line for line in lines if line.strip()]
    names: list[str] = []
    for line in filled[-BIO_LINES:]:
        name = bio_name(line)
        if not name:
            continue
        names.append(name)
        # A joint bio: "Jane Doe is … . John Roe is …" in one paragraph.
        for part in re.split(r"(?<=[.;])\s+(?=[A-Z])", unmarked(line))[1:]:
            other = bio_author(part)
            if other and other not in names:
                names.append(other)
    return list(dict.fromkeys(names))


def transcript_bylines(text: str) -> list[str]:
    """Reporters named by transcript speaker labels: "ALLISON AUBREY, BYLINE: Good morning"."""
    return list(dict.fromkeys(m.group(1).title() for m in _BYLINE_LABEL.finditer(text)))


def embedded_authors(raw: str) -> list[str]:
    """Authors in page metadata left in the text: JSON-LD "author" objects, contributor tags."""
    text = html.unescape(raw) if "&quot;" in raw else raw
    names: list[str] = []
    for m in _JSON_LD_AUTHOR.finditer(text):
        try:
            value = json.loads(m.group(1))
        except ValueError:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and isinstance(item.get("name"), str) and item.get("@type", "Person") == "Person":
                names.append(item["name"].strip())
    names += [m.group(1).strip() for m in _JSON_CONTRIBUTOR.finditer(text)]
    return [n for n in dict.fromkeys(names) if 2 <= len(n.split()) <= 5]


def respelled(authors: tuple[str, ...], named: list[str]) -> tuple[tuple[str, ...], list[str]]:
    """Metadata names with a near-identical spelling in the text's own bios take the text's spelling
    ("Laura Carolii" in front matter, "Laura Caroli" in her bio): a reposter's typo, not a second person."""
    out: list[str] = []
    notes: list[str] = []
    for name in authors:
        twin = next((n for n in named if n != name and _same_person(name, n)), None)
        if twin:
            notes.append(f"author {name!r} from metadata spelt {twin!r} in the text's bio; the bio's spelling is used")
            out.append(twin)
        else:
            out.append(name)
    return tuple(dict.fromkeys(out)), notes


def _same_person(a: str, b: str) -> bool:
    wa, wb = a.lower().split(), b.lower().split()
    if len(wa) != len(wb) or wa[0] != wb[0]:
        return False
    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.9
