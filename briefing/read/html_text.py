"""Prose from HTML with a real parser (the standard library's HTMLParser): what a reader would read.

Scripts, styles, forms, embedded apps and other non-prose elements are dropped with their content;
block elements become paragraph breaks. Nothing is kept as HTML.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose content is never article prose.
_DROP = frozenset(
    "script style noscript iframe head nav svg math template button form select option textarea object "
    "embed canvas audio video picture source map dialog menu title".split()
)
_BLOCK = frozenset(
    "p div br li ul ol dl dd dt h1 h2 h3 h4 h5 h6 blockquote tr table thead tbody tfoot section article header "
    "footer figure figcaption aside main hr pre address details summary".split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


class _Prose(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip: list[str] = []  # the stack of open dropped elements

    def _dropped(self, tag: str) -> bool:
        # Custom elements ("gu-island", "bsp-ad") are an app's widgets and carry its data, not prose.
        return tag in _DROP or "-" in tag

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.skip:
            if tag not in _VOID:
                self.skip.append(tag)
            return
        if self._dropped(tag):
            if tag not in _VOID:
                self.skip.append(tag)
            return
        if tag == "br":
            self.out.append("\n")
        elif tag in _BLOCK:
            self.out.append("\n\n")
        elif tag in ("td", "th"):
            self.out.append(" ")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if not self.skip and tag == "br":
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            # Close up to the matching element (HTML in the wild leaves some open).
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in _BLOCK:
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data)


def html_text(fragment: str, inline: bool = False) -> str:
    """The prose of an HTML fragment: paragraphs separated by blank lines (``inline``: one line)."""
    parser = _Prose()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.out).replace("\xa0", " ")
    if inline:
        return " ".join(text.split())
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
