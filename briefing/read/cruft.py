"""Page cruft that scrapers leave in article text: HTML, stamps, share/ad lines, photo
credits, editorial notes and closing tag lines. Each rule is a pure function of a line.

Removed lines become blank lines (so neighbours are never glued into one paragraph) and
are counted by kind, so read.py can say exactly how much was dropped.
"""

from __future__ import annotations

import html
import re

# ---- HTML -------------------------------------------------------------------------------

_HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?/?>")
_KNOWN_TAGS = frozenset(
    "a abbr article aside b blockquote body br caption cite code dd div dl dt em figcaption figure "
    "footer h1 h2 h3 h4 h5 h6 head header hr html i iframe img li link main meta nav noscript ol p "
    "picture pre q s script section small source span strong style sub sup table tbody td th thead "
    "time title tr u ul video".split()
)
_DROP_ELEMENTS = re.compile(
    r"<(script|style|noscript|iframe|head|nav|svg)\b[^>]*>.*?</\1\s*>", re.S | re.I
)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLOCK_TAG = re.compile(
    r"</?(p|div|br|li|ul|ol|h[1-6]|blockquote|tr|table|section|article|header|footer|figure|"
    r"figcaption|aside|main|hr|pre|dd|dt)\b[^>]*>",
    re.I,
)
_ENTITY = re.compile(r"&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")


def has_html(text: str) -> bool:
    """True when the text holds real HTML tags (not a stray "<3" or "a < b")."""
    return sum(1 for m in _HTML_TAG.finditer(text) if m.group(1).lower() in _KNOWN_TAGS) >= 1


def strip_html(text: str) -> str:
    """Plain text from an HTML fragment: scripts dropped, block tags become line breaks,
    headings and list items keep a Markdown-like marker so structure survives."""
    text = _COMMENT.sub("", text)
    text = _DROP_ELEMENTS.sub("\n", text)
    text = re.sub(r"<h([1-6])\b[^>]*>", lambda m: "\n\n" + "#" * int(m.group(1)) + " ", text, flags=re.I)
    text = re.sub(r"<li\b[^>]*>", "\n- ", text, flags=re.I)
    text = re.sub(r"<blockquote\b[^>]*>", "\n\n> ", text, flags=re.I)
    text = re.sub(r"<(figcaption)\b[^>]*>", "\n\n", text, flags=re.I)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.I)
    text = _BLOCK_TAG.sub("\n\n", text)
    text = _HTML_TAG.sub("", text)
    text = re.sub(r"<[^<>\n]{0,200}>", lambda m: m.group(0) if not _looks_tag(m.group(0)) else "", text)
    text = html.unescape(text)
    text = text.replace("\xa0", " ")
    return re.sub(r"\n{3,}", "\n\n", text)


def _looks_tag(s: str) -> bool:
    return bool(re.match(r"</?[a-zA-Z]", s))


def unescape_entities(text: str) -> str:
    """Unescape "&amp;", "&#8217;" left by scrapers in otherwise plain text."""
    return html.unescape(text) if _ENTITY.search(text) else text


# ---- single-line cruft ------------------------------------------------------------------

# Navigation and sharing widgets that appear as whole lines.
_MENU = frozenset(
    """recent features|related|related articles|related stories|related content|related news|
    more stories|more from this section|most read|most popular|most viewed|trending|trending now|
    latest|latest news|top stories|editor's picks|editors' picks|recommended|you may also like|
    you might also like|read more|read next|continue reading|see also|skip to content|
    skip to main content|menu|main menu|home|back to top|share|share this|share this article|
    share this story|share this page|share on facebook|share on twitter|share on x|tweet|email|
    print|print this page|comments|view comments|leave a comment|advertisement|advertising|
    sponsored|sponsored content|ad|subscribe|sign up|sign in|log in|newsletter|
    sign up for our newsletter|follow us|listen to this article|save|bookmark|copy link""".replace(
        "\n", ""
    ).split("|")
)
_MENU = frozenset(m.strip() for m in _MENU)
_MENU_PREFIX = re.compile(
    r"^(share (this|on)|follow us|sign up (for|to)|subscribe (to|for|now)|click here|read more:|"
    r"related:|more:|read also:|also read:|watch:|listen:|advertisement\b)",
    re.I,
)
_STAMP = re.compile(
    r"^(published|updated|last updated|last modified|posted|first published|modified|"
    r"date published|date)\s*(on\b|at\b|:|(?=\d)|(?=(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))"
    r"\s*:?\s*(.*)$",
    re.I,
)
_DATEISH = re.compile(
    r"\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(today|yesterday|ago)\b", re.I
)
_CREDIT = re.compile(
    r"^[(\[]?\s*(photo|photos|photograph|image|images|picture|pictures|credit|credits|photo credit|"
    r"image credit|banner photo|top photo|header photo|main photo|illustration|graphic|video)"
    r"\s*(by\b|:|：)\s*\S",
    re.I,
)
_COPYRIGHT = re.compile(r"^[(\[]?\s*(©|\(c\)|copyright\b)", re.I)
_AGENCY_CREDIT = re.compile(
    r"(getty images|afp|reuters|ap photo|associated press|epa|kyodo|jiji|xinhua|yonhap|"
    r"bloomberg|shutterstock|alamy|pixabay|unsplash|wikimedia commons)\s*\)?\s*$",
    re.I,
)
# Editorial notes in parentheses: "(Originally written in English. Banner photo: … © AFP/Jiji.)"
_EDITORIAL_NOTE = re.compile(
    r"^\(\s*(originally (written|published)|translated from|this (article|story) (was|first)|"
    r"banner photo|top photo|photo:|editor'?s note)",
    re.I,
)
# A trailing photo credit inside a body line: "… text. Banner photo: … © AFP/Jiji."
_INLINE_BANNER = re.compile(r"\s*\(?\b(banner|top|header) photo\s*:.*$", re.I)


# "Source: https://…" (a scraper's note of where the page came from; 来源 is Chinese for "source").
_SOURCE_LINE = re.compile(
    r"^(?:source|original(?:ly published)?(?:\s+(?:at|on|in))?|original article|read (?:the )?original"
    r"|via|from|url|link|quelle|fuente|fonte|来源|來源|原文|原文链接|出处|出典)\s*[:：]\s*(?P<rest>.*)$", re.I)
_URL = re.compile(r"https?://[^\s)\]>\"'<]+")


def source_url(line: str) -> str | None:
    """The URL of a source line ("Source: https://…", "> 来源：[https://…](https://…)"), or None."""
    m = _SOURCE_LINE.match(line.strip().lstrip(">").strip().strip("*_").strip())
    if not m:
        return None
    rest = m.group("rest")
    url = _URL.search(rest)
    # Only the address (bare, or as a Markdown link whose text is the address): not a sentence.
    leftover = _URL.sub("", rest).strip(" []()<>")
    return url.group(0) if url and not leftover else None


def line_cruft(line: str) -> str | None:
    """Kind of page cruft this whole line is ("menu", "stamp", "credit", "note", "source"), or None."""
    text = line.strip().strip("*_").strip()
    if not text:
        return None
    if source_url(line):
        return "source"
    words = len(text.split())
    norm = re.sub(r"[\s:|>»›·•-]+$", "", text.lower()).strip()
    if norm in _MENU or (words <= 8 and _MENU_PREFIX.match(text)):
        return "menu"
    m = _STAMP.match(text)
    if m and words <= 15 and _DATEISH.search(m.group(4) or "") and not text.endswith((".", "?")):
        return "stamp"
    if words <= 25 and (_CREDIT.match(text) or _COPYRIGHT.match(text)):
        return "credit"
    if words <= 8 and ("/" in text or " via " in text.lower()) and _AGENCY_CREDIT.search(text):
        return "credit"  # "Jane Doe/Getty Images", "AFP via Getty Images"
    if text.startswith("(") and text.endswith(")") and _EDITORIAL_NOTE.match(text):
        return "note"
    return None


def strip_inline_credit(line: str) -> str:
    """A body line with a trailing "Banner photo: …" credit loses just that tail."""
    return _INLINE_BANNER.sub("", line) if "photo" in line.lower() else line


def remove_line_cruft(lines: list[str]) -> tuple[list[str], dict[int, str], list[str]]:
    """(lines with cruft lines blanked, {line index: cruft kind}, stamp texts removed)."""
    out: list[str] = []
    kinds: dict[int, str] = {}
    stamps: list[str] = []
    for i, line in enumerate(lines):
        kind = line_cruft(line)
        if kind:
            kinds[i] = kind
            if kind == "stamp":
                stamps.append(line.strip())
            out.append("")
        else:
            kept = strip_inline_credit(line)
            if kept != line:
                kinds[i] = "inline credit"
            out.append(kept)
    return out, kinds, stamps


# ---- the end of the article -------------------------------------------------------------

_FUNCTION_WORDS = frozenset(
    "a an the of to in on at for with by from and or but is are was were be been has have had "
    "will would can could should this that these those it its he she they we i you his her their "
    "our as not no said says".split()
)
_TAGS_PREFIX = re.compile(r"^(tags|topics|keywords|filed under|categories)\s*:\s*(.+)$", re.I)


def tag_line(line: str) -> tuple[str, ...] | None:
    """Tags when ``line`` is a closing bag of keywords, else None.

    "Tags: a, b" gives its tags; a bare bag ("Japan United States alliance Kishida Fumio")
    has no sentence punctuation and no function words, so it cannot be prose; its words
    cannot be split into tags reliably, so it gives an empty tuple (removed, no tags).
    """
    text = line.strip()
    m = _TAGS_PREFIX.match(text)
    if m:
        return tuple(t.strip() for t in re.split(r"[,;|]", m.group(2)) if t.strip())
    words = text.split()
    if not 4 <= len(words) <= 20 or re.search(r"[.,;:!?\"“”()]", text):
        return None
    if any(w.lower() in _FUNCTION_WORDS for w in words):
        return None
    return ()


_NAME = r"(?:[A-Z][\w'’.-]+|[A-Z]\.)"
_BIO = re.compile(
    rf"^[*_]*(?:[-—–]\s*)?({_NAME}(?:\s+(?:{_NAME}|de|da|van|von|bin|al|del|la|le)){{1,3}})\s+"
    r"(?:is|was|serves as|has been)\s+(?:(?:a|an|the)\s+)?((?:[\w-]+\s+){0,3}?)"
    r"(?i:(author|writer|journalist|professor|fellow|member|researcher|analyst|columnist|"
    r"correspondent|editor|commentator|director|lecturer|scholar|expert|chair|chairman|president|"
    r"founder|consultant|adviser|advisor|specialist|reporter|contributor|economist|historian|"
    r"lawyer|officer|head|executive|associate|publisher|spokesman|spokeswoman|spokesperson|"
    r"freelance|novelist|scientist|diplomat|ambassador|partner)s?)\b"  # "Senior Research Fellow" too
)
_HONORIFIC = frozenset({"mr", "mrs", "ms", "miss", "sir", "lord", "lady"})


def bio_author(line: str) -> str | None:
    """The author named by a closing bio line ("Jane Doe is a senior fellow at …")."""
    m = _BIO.match(line.strip())
    if not m:
        return None
    name = m.group(1)
    words = name.split()
    if any(w.lower() in _FUNCTION_WORDS for w in words) or words[0].lower().strip(".") in _HONORIFIC:
        return None
    return name
