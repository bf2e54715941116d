"""Bytes to text: encoding detection, binary rejection, line-end normalization."""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer


class Unreadable(Exception):
    """The bytes cannot be an article; the message says why (read.py turns it into ReadError)."""


_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab/newline/CR are never article text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_ZERO_WIDTH = re.compile(r"[\ufeff\u200b\u2060]")
# Characters that make cp1252 a plausible reading of a mostly-ASCII Western file.
_WESTERN_PUNCT = set("‘’“”–—…•€£¥©®™°±×÷§¶·¡¿«»¢¤¦¨ª¬¯²³´µ¸¹º¼½¾†‡‰‹›ˆ˜šŠžŽœŒŸƒ")


# Files people save by mistake under a text name, recognised by their first bytes (their "magic").
_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Word (.doc) or other old Microsoft Office file"),
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
)
NOT_TEXT_HINT = "save the article's text as .txt or .md, or the page as .html"


def file_kind(data: bytes) -> str | None:
    """What a non-text file is, from its first bytes: "a PDF file", "a Word document (.docx)", or None."""
    if data.startswith(b"PK\x03\x04"):  # a ZIP: Word, OpenDocument and EPUB files are ZIPs
        head = data[:4096] + data[-65536:]  # the first entries, and the directory of names at the end
        if b"word/" in head:
            return "a Word document (.docx)"
        if b"opendocument.text" in head:
            return "an OpenDocument text (.odt)"
        if b"epub+zip" in head:
            return "an EPUB book"
        if b"[Content_Types].xml" in head:
            return "a Microsoft Office document"
        return "a ZIP archive (or a Word or OpenDocument file)"
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        return "a WebP image"
    return next((what for magic, what in _MAGIC if data.startswith(magic)), None)


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode file bytes to text with \\n line ends; warnings say what was converted."""
    warnings: list[str] = []
    if not data:
        raise Unreadable("empty file")
    kind = file_kind(data)
    if kind:
        raise Unreadable(f"{kind}, not text: {NOT_TEXT_HINT}")
    text = _decode_bytes(data, warnings)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 100):
        raise Unreadable("binary file: control characters in the text")
    if "\ufffd" in text and text.count("\ufffd") > max(2, len(text) // 100):
        raise Unreadable("binary file: undecodable bytes")
    text = _CONTROL.sub("", text)
    if not text.strip():
        raise Unreadable("whitespace only" if text else "empty file")
    return text, warnings


def _decode_bytes(data: bytes, warnings: list[str]) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise Unreadable(f"invalid {codec} after its byte order mark: {exc.reason}") from None
            if codec != "utf-8-sig":
                warnings.append(f"not UTF-8: read as {codec.upper()} (byte order mark)")
            return text
    guessed = _bomless_utf16(data)
    if guessed:
        warnings.append(f"not UTF-8: read as {guessed.upper()} (no byte order mark)")
        return data.decode(guessed)
    if b"\x00" in data:
        raise Unreadable("binary file: NUL bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    codec = _guess_codec(data)
    if codec is None:
        raise Unreadable("binary file: no text encoding fits")
    warnings.append(f"not UTF-8: read as {codec}")
    return data.decode(codec, errors="replace")


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as ASCII with every other byte NUL."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        codec = "utf-16-le"
    elif even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        codec = "utf-16-be"
    else:
        return None
    # Only ASCII-range text is recognisable this way; anything else is binary.
    text_half = even if codec == "utf-16-le" else odd
    printable = sum(1 for b in text_half if b in (9, 10, 13) or 32 <= b < 127)
    if printable < 0.9 * len(text_half):
        return None
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return None
    return codec


def _guess_codec(data: bytes) -> str | None:
    """Name of the codec for non-UTF-8 bytes, or None when nothing textual fits.

    charset-normalizer is the detector, but its statistics mean nothing when only a few
    bytes are non-ASCII (one "£" in a BBC file comes back as cp932); then cp1252 is
    taken when it decodes to Western letters and punctuation only.
    """
    high = sum(1 for b in data if b >= 0x80)
    if high <= max(8, len(data) // 50):
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = ""
        if text and all(_western(ch) for ch in text if ord(ch) >= 0x80):
            return "cp1252"
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    return "cp1252" if best.encoding in ("windows_1252", "cp1252") else best.encoding


def _western(ch: str) -> bool:
    return ch in _WESTERN_PUNCT or "LATIN" in unicodedata.name(ch, "") or ch == "\xa0"
