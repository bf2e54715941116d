"""A page cache entry on disk: a JSON header line, then its HTML and search entries as plain text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.codec import CodecError
from briefing.pagecache import FORMAT, VERSION, Converted, Entry, Output, TocItem, decode, encode

texts = st.text(st.characters(blacklist_categories=["Cs"]), max_size=200)  # newlines, quotes, anything


def _entry(content: str, html: str | None, search: str | None) -> Entry:
    converted = Converted("k1", content, "Title", (TocItem("A", "a", 2, 0),), ("a",), (("x.md", "b", "x.md#b"),))
    output = Output("k2", html, search) if html is not None else None
    return Entry(FORMAT, VERSION, "articles/x.md", converted, output)


@given(texts, st.none() | texts, st.none() | texts)
def test_an_entry_reads_back_as_written(content, html, search):
    entry = _entry(content, html, search)
    raw = encode(entry)
    assert raw.split(b"\n", 1)[0].isascii()  # the header is one ASCII line whatever the texts hold
    assert decode(raw) == entry


@pytest.mark.parametrize("cut", [1, 10, -1, -7])
def test_a_truncated_or_padded_entry_is_refused(cut):
    raw = encode(_entry("<p>Some text</p>\n" * 5, '<html lang="en">é</html>', '[{"location":"x.html"}]'))
    damaged = raw[:cut] if cut < 0 else raw + b"x" * cut
    with pytest.raises(CodecError):
        decode(damaged)


def test_texts_for_an_output_the_entry_lacks_are_refused():
    raw = encode(_entry("<p>x</p>", None, None))
    head, body = raw.split(b"\n", 1)
    with pytest.raises(CodecError):
        decode(head.replace(b'"lengths":[8,0,0]', b'"lengths":[4,4,0]') + b"\n" + body)
