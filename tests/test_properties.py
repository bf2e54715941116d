"""Property tests: arbitrary bytes and text never crash reading or an annotator, every offset slices
back to its surface form, and the article markup is balanced HTML with nothing executable in it."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from briefing.annotate import load_knowledge
from briefing.annotate.acronyms import find_acronyms
from briefing.annotate.figures import find_figures
from briefing.annotate.quotes import find_quotes
from briefing.annotate.sentences import sentence_at, sentences, split
from briefing.annotate.themes import score_blocks
from briefing.model import Acronym, Annotated, Article, Block, DateMention, Mention
from briefing.read import ReadError, read_article
from briefing.site.markup import ArticleMarkup, page_title
from briefing.site.rawhtml import restore_raw_html, stash_raw_html
from briefing.timex import tag

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = load_knowledge(ROOT / "knowledge")

# Pieces of news text and of hostile text, so generated strings reach the annotators' rules.
TOKENS = [
    "The", "minister", "said", "on", "3 March 2026", "March 19", "next year", "by 2035", "in the 1990s", "Q2",
    "NATO", "(NDS)", "National Defense Strategy", "ICBMs", "U.S.", "Mr.", "Dr. Smith", "Japan", "Berlin",
    "$5 billion", "2% of GDP", "¥1.2 trillion", "40,000 troops", "5 per cent", "1.5", "“", "”", '"', "'s",
    ".", ",", "!", "?", "…", ";", "—", "(", ")", "\n", "\n\n", "  ", "\t",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "{{ x }}",
    "{% raw %}", "{# c #}", "--8<--", "*[HTML]:", "{: .x }", "!!! note", "# ", "---", "&amp;", "&lt;",
    "\u200b", "\ufeff", "é", "ß", "ﬁ", "İ", "𝔘", "\u2028", "\x85",
]
news = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=40).map(" ".join)
texts = st.one_of(news, st.text(max_size=200))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def blocks_of(text: str) -> tuple[Block, ...]:
    parts = [p for p in text.split("\n\n") if p.strip()] or [text or "x"]
    return tuple(Block(index=i, kind="paragraph", text=p) for i, p in enumerate(parts))


def inside(text: str, start: int, end: int) -> bool:
    return 0 <= start < end <= len(text)


# ---- reading --------------------------------------------------------------------------------

@FAST
@given(data=st.one_of(st.binary(max_size=400), texts.map(lambda s: s.encode("utf-8", "surrogatepass")),
                      texts.map(lambda s: s.encode("utf-16")), st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"---\n"])),
       suffix=st.sampled_from([".txt", ".md"]), sidecar=st.one_of(st.none(), st.binary(max_size=60), texts))
def test_read_article_never_raises_anything_but_read_error(tmp_path_factory, data, suffix, sidecar):
    folder = tmp_path_factory.mktemp("read")
    path = folder / f"a{suffix}"
    path.write_bytes(data)
    if sidecar is not None:
        (folder / "a.yml").write_bytes(sidecar if isinstance(sidecar, bytes) else sidecar.encode("utf-8", "surrogatepass"))
    try:
        a = read_article(path, folder)
    except ReadError as exc:
        assert exc.source == path.name and exc.reason
        return
    assert a.blocks and a.title.strip() and a.source == path.name
    for b in a.blocks:
        assert b.text.strip() and "\r" not in b.text and "\x00" not in b.text


# ---- annotators -----------------------------------------------------------------------------

@FAST
@given(text=texts)
def test_sentences_cover_the_text_in_order(text):
    spans = split(text)
    pos = 0
    for s, e in spans:
        assert pos <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert not text[pos:s].strip()  # nothing but space between sentences
        pos = e
    assert not text[pos:].strip()


@FAST
@given(text=texts, data=st.data())
def test_sentence_at_finds_the_sentence_holding_an_offset(text, data):
    blocks = blocks_of(text)
    sents = sentences(blocks)
    block = data.draw(st.sampled_from(blocks))
    offset = data.draw(st.integers(0, len(block.text)))
    holding = [s for s in sents if s.block == block.index and s.start <= offset]
    assert sentence_at(sents, block.index, offset) == (max(holding, key=lambda s: s.start) if holding else None)


@FAST
@given(text=texts, dct=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))))
def test_date_tags_slice_back_to_their_text(text, dct):
    for t in tag(text, dct):
        assert inside(text, t.start, t.end) and text[t.start:t.end] == t.text, t
        assert t.type in ("DATE", "TIME", "DURATION", "SET") and t.value


@FAST
@given(text=texts)
def test_acronyms_figures_themes_quotes_point_into_their_blocks(text):
    blocks = blocks_of(text)
    for a in find_acronyms(blocks, KNOWLEDGE.acronyms):
        surface = blocks[a.block].text[a.start:a.end]
        assert inside(blocks[a.block].text, a.start, a.end) and surface.startswith(a.term), (a, surface)
    for f in find_figures(blocks, 2026):
        assert inside(blocks[f.block].text, f.start, f.end) and blocks[f.block].text[f.start:f.end] == f.text, f
    for s in score_blocks(blocks, KNOWLEDGE.themes):
        assert 0 <= s.block < len(blocks) and 0 < s.score <= 1
    for q in find_quotes(blocks, ()):
        assert inside(blocks[q.block].text, q.start, q.end)


@pytest.fixture(scope="module")
def nlp():
    from briefing.annotate.nlp import get_nlp

    return get_nlp()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=news)
def test_entity_mentions_slice_back_to_their_surface(nlp, text):
    from briefing.annotate.entities import find_mentions

    blocks = blocks_of(text)
    mentions = find_mentions(blocks, KNOWLEDGE.aliases, nlp)
    for m in mentions:
        assert inside(blocks[m.block].text, m.start, m.end) and blocks[m.block].text[m.start:m.end] == m.surface, m
    for q in find_quotes(blocks, mentions):
        assert inside(blocks[q.block].text, q.start, q.end)


# ---- markup -----------------------------------------------------------------------------------

VOID = {"br", "img", "hr", "input", "meta", "link", "wbr"}


class _Tree(HTMLParser):
    """Checks nesting as it parses; collects text and anything executable."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "img", "object", "embed", "style"):
            self.errors.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.errors.append(f"{tag} {name}={value}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


spans = st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40), st.sampled_from(["m", "a", "d"])), max_size=12)


@FAST
@given(text=texts, extra=spans)
def test_article_markup_is_balanced_and_inert(text, extra):
    """Real sentences, dates, figures and acronyms plus arbitrary (overlapping) mention spans."""
    blocks = blocks_of(text)
    art = Article(source="x.txt", slug="x", title="t", blocks=blocks)
    sents = sentences(blocks)
    dates = tuple(DateMention(b.index, t) for b in blocks for t in tag(b.text, dt.date(2026, 5, 23)))
    mentions, acronyms, entity_of = [], list(find_acronyms(blocks, KNOWLEDGE.acronyms)), {}
    for start, length, kind in extra:
        b = blocks[start % len(blocks)]
        s = start % max(1, len(b.text))
        e = min(len(b.text), s + length)
        if e <= s:
            continue
        if kind == "a":
            acronyms.append(Acronym(b.index, s, e, b.text[s:e], "<b onclick=alert(1)>x</b>"))
            continue
        mentions.append(Mention(b.index, s, e, b.text[s:e], "<script>", "person"))
        entity_of[("x.txt", b.index, s)] = "evil"
    doc = Annotated(article=art, sentences=sents, dates=dates, mentions=tuple(mentions), acronyms=tuple(acronyms),
                    figures=find_figures(blocks, 2026))
    mk = ArticleMarkup(doc, "articles/x.md", entity_of, {"evil": ('"><script>alert(1)</script>', "person")},
                       {}, {})
    for html, block in zip(mk.blocks_html(), blocks):
        assert "\n" not in html  # one raw-HTML line: Markdown leaves it alone
        tree = _Tree()
        tree.feed(html)
        tree.close()
        assert not tree.errors and not tree.stack, (tree.errors, tree.stack, html)
        assert " ".join("".join(tree.text).split()) == " ".join(block.text.split())


@FAST
@given(value=texts)
def test_page_titles_are_valid_yaml_without_markup(value):
    out = json.dumps(page_title(value), ensure_ascii=False)
    parsed = yaml.safe_load("title: " + out)["title"]
    assert isinstance(parsed, str) and parsed.strip()
    assert "<" not in parsed and ">" not in parsed
    assume(value.strip())


# ---- raw HTML kept out of Markdown's way (briefing.hook) -------------------------------------

escaped = texts.map(lambda t: str(escape(" ".join(t.split()))))
html_line = st.one_of(
    escaped.map(lambda t: f'<p class="x">{t}</p>'),
    escaped.map(lambda t: f'<div id="d"><span>{t}</span></div>'),
    escaped.map(lambda t: f"<ul><li>{t}</li></ul>"),
    escaped.map(lambda t: f'<span class="x">{t}</span> and *more*'),  # inline HTML: Markdown's to handle
)
md_chunk = st.one_of(
    st.lists(html_line, min_size=1, max_size=3).map("\n".join),
    escaped.map(lambda t: "## " + t if t else "## Heading"),  # templates escape what they write, as here
    escaped.map(lambda t: "- " + t),
    st.sampled_from(["```\n<p>code</p>\n\n<div>still code</div>\n```", "text with `code` and [a link](x.md)",
                     "| a | b |\n|---|---|\n| 1 | 2 |", "<p>unclosed", "<div>\nopen"]),
)


@FAST
@given(chunks=st.lists(md_chunk, max_size=8), seps=st.lists(st.sampled_from(["\n\n", "\n", "\n\n\n"]), min_size=8, max_size=8))
def test_raw_html_stashed_around_markdown_gives_the_same_page(chunks, seps):
    """Swapping raw HTML paragraphs for placeholders before Markdown and back after changes nothing
    but blank lines, whatever the page mixes: Markdown, inline HTML, code fences, unclosed tags."""
    import markdown

    page = "".join(c + sep for c, sep in zip(chunks, seps))
    exts = ["abbr", "attr_list", "tables", "toc"]
    direct = markdown.markdown(page, extensions=exts)
    skeleton, stash = stash_raw_html(page)
    via, n = restore_raw_html(markdown.markdown(skeleton, extensions=exts), stash)
    assert n == len(stash.blocks)
    squash = lambda h: re.sub(r"\n+", "\n", re.sub(r">\n+<", "><", h.strip()))  # noqa: E731  (line breaks between tags)
    assert squash(via) == squash(direct)


@FAST
@given(label=escaped)
def test_a_chart_is_copied_out_literally(label):
    """Markdown would read a chart's <svg> as a paragraph and apply Markdown to its labels
    (``[x](javascript:…)`` became a link): stashed, it comes back as it was, in its paragraph."""
    import markdown

    chart = f'<svg viewBox="0 0 1 1"><title>{label}</title><text x="0">{label}</text></svg>'
    skeleton, stash = stash_raw_html(f"## Chart\n\n{chart}\n\nAfter.\n")
    page, n = restore_raw_html(markdown.markdown(skeleton), stash)
    assert n == 1 and f"<p>{chart}</p>".replace("\x02", "").replace("\x03", "") in page  # as Markdown drops them
