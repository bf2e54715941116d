"""Quotes: quoted speech, not scare quotes, with the speaker the sentence names."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.annotate.quotes import find_quotes
from briefing.model import Block, Mention

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "articles_annot"

# Hand-made mentions standing in for the entity annotator: surface -> (canonical name, type).
LEXICON = {
    "Ken Jimbo": ("Ken Jimbo", "person"), "Jimbo": ("Ken Jimbo", "person"),
    "Donald Trump": ("Donald Trump", "person"), "Trump": ("Donald Trump", "person"),
    "Shinzo Abe": ("Shinzo Abe", "person"), "Abe": ("Shinzo Abe", "person"),
    "National Security Strategy": ("National Security Strategy", "document"),
    "NSS": ("National Security Strategy", "document"),
    "Kishida Fumio": ("Fumio Kishida", "person"), "Tom Harris": ("Tom Harris", "person"),
    "Akio Tanaka": ("Akio Tanaka", "person"), "Marco Silva": ("Marco Silva", "person"),
}
_RX = re.compile("|".join(sorted(map(re.escape, LEXICON), key=len, reverse=True)))


def mentions_of(blocks):
    return [Mention(b.index, m.start(), m.end(), m.group(), *LEXICON[m.group()]) for b in blocks for m in _RX.finditer(b.text)]


def lines_of(path: Path, sep: str = "\n") -> list[Block]:
    parts = [p.strip() for p in path.read_text(encoding="utf-8").split(sep) if p.strip()]
    return [Block(i, "paragraph", t) for i, t in enumerate(parts)]


def quoted(blocks, quotes):
    return [(blocks[q.block].text[q.start : q.end], q.speaker) for q in quotes]


def test_seed_speakers():
    blocks = lines_of(ROOT / "seeds" / "003_144dd75949ae36c8.txt")
    got = quoted(blocks, find_quotes(blocks, mentions_of(blocks)))
    texts = [t for t, _ in got]
    by_start = {t[:25]: s for t, s in got}
    assert by_start["“That’s not seven separat"] == "Ken Jimbo"  # Jimbo stresses
    assert by_start["“The alliance’s security "] == "Ken Jimbo"  # he admits
    assert by_start["“That shocked us, because"] == "Ken Jimbo"  # says Jimbo
    assert by_start["“Japan has not invested a"] == "Ken Jimbo"  # continues the quote before it
    assert by_start["“Can Japan continue to de"] is None  # "they must ask"
    assert not any(t in ("“provocative”", "“expensive.”", "“double freeze”") for t in texts)


def test_document_speaker_and_scare_quotes():
    blocks = lines_of(ROOT / "seeds" / "001_9ff8a30773218a0b.txt")
    got = dict(quoted(blocks, find_quotes(blocks, mentions_of(blocks))))
    assert got["“we must urge these countries to increase defense spending.”"] == "National Security Strategy"
    deterring = next(t for t in got if t.startswith("“Deterring a conflict over Taiwan"))
    assert got[deterring] == "National Security Strategy"  # "the strategy says" after the NSS was named
    assert "“quasi-ally,”" not in got and "“backyard,”" not in got
    blocks2 = lines_of(ROOT / "seeds" / "002_1df7e43d1ca862d2.txt")
    assert "“model ally”" not in [t for t, _ in quoted(blocks2, find_quotes(blocks2, mentions_of(blocks2)))]


def test_block_quote_takes_speaker_from_its_introduction():
    blocks = [Block(0, "paragraph", "At a joint session of Congress, Prime Minister Kishida Fumio declared:"),
              Block(1, "quote", "Japan is already standing shoulder to shoulder with the United States. You are not alone.")]
    quotes = find_quotes(blocks, mentions_of(blocks))
    assert [(q.block, q.speaker) for q in quotes] == [(1, "Fumio Kishida")]


def test_test_articles():
    blocks = lines_of(ARTICLES / "football_derby.txt", "\n\n")
    got = quoted(blocks, find_quotes(blocks, mentions_of(blocks)))
    assert got[0][1] == "Tom Harris" and got[0][0].startswith("“I told the players")
    assert len(got) == 1  # "They showed great character." is four words: too short to count
    trade = lines_of(ARTICLES / "trade_tariffs.txt", "\n\n")
    assert [q.speaker for q in find_quotes(trade, mentions_of(trade))] == ["Akio Tanaka"]


def test_no_mentions_means_no_speaker_but_quotes_found():
    text = "“We will never accept this outcome from the talks,” she said."
    blocks = [Block(0, "paragraph", text)]
    assert [(q.start, q.end, q.speaker) for q in find_quotes(blocks, [])] == [(0, text.index("”") + 1, None)]


def test_straight_quotes():
    text = 'Tom Harris said: "We had to be braver and keep attacking the whole game."'
    blocks = [Block(0, "paragraph", text)]
    (q,) = find_quotes(blocks, mentions_of(blocks))
    assert text[q.start : q.end].startswith('"We had') and q.speaker == "Tom Harris"


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("“”\"abc he says Jimbo.,:\n")), max_size=200))
def test_never_raises(text):
    blocks = [Block(0, "paragraph", text), Block(1, "quote", text)]
    for q in find_quotes(blocks, [Mention(0, 0, 1, "x", "X", "person")]):
        assert 0 <= q.start < q.end <= len(blocks[q.block].text)


def test_odd_inputs():
    for text in ["", "“" * 1000, "<q>hello there my old friend</q>", "\x00" * 50, "“a b c d e f” " * 2000]:
        find_quotes([Block(0, "paragraph", text)], [])


def test_he_says_takes_the_last_person_named_before_the_quote():
    """Across paragraphs, and never a person named inside the quote or after it."""
    blocks = [Block(0, "paragraph", "Tom Harris watched the game from the stand."),
              Block(1, "paragraph", "“Marco Silva never listened to a word we said in training,” he says."),
              Block(2, "paragraph", "Akio Tanaka disagreed.")]
    (q,) = find_quotes(blocks, mentions_of(blocks))
    assert (q.block, q.speaker) == (1, "Tom Harris")
