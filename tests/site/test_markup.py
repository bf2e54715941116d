"""Article text is data: escaping happens in briefing.markup and nothing in the text becomes markup."""

import re

from briefing.model import Annotated, Article, Block, DateMention, Mention, Sentence, Timex
from briefing.site.markup import ArticleMarkup, snippet, tag

ENTITIES = {"japan": ("Japan", "place")}

HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) {{ 7*7 }} {% raw %} *[HTML]: x'


def doc_with(text: str) -> Annotated:
    block = Block(index=0, kind="paragraph", text=text)
    art = Article(source="a.txt", slug="a", title="T", blocks=(block,))
    start = text.index("Tokyo") if "Tokyo" in text else 0
    mention = Mention(block=0, start=start, end=start + 5, surface="Tokyo", name="Tokyo", type="place")
    return Annotated(article=art, sentences=(Sentence(0, 0, len(text), 0),), mentions=(mention,),
                     dates=(DateMention(0, Timex(0, 4, text[:4], "DATE", "2024")),))


def test_hostile_text_is_escaped_and_annotations_still_apply():
    text = "2024 in Tokyo: " + HOSTILE
    mk = ArticleMarkup(doc_with(text), "articles/a.md", {("a.txt", 0, 8): "tokyo"}, {"tokyo": ("Tokyo", "place")}, {}, {})
    (html,) = mk.blocks_html()
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert '<a href="../entities/tokyo.html" class="bf-ent bf-place" title="Tokyo · place">Tokyo</a>' in html
    assert '<time class="bf-date" title="2024" data-value="2024">2024</time>' in html
    assert "\n" not in html  # one line: a raw HTML block Markdown leaves alone
    assert html.startswith('<div id="p0" class="bf-block">')


def test_attribute_values_are_escaped():
    assert tag("a", "x", title='" onmouseover="alert(1)') == '<a title="&#34; onmouseover=&#34;alert(1)">x</a>'


def test_snippet_highlights_and_shortens():
    s = "word " * 100 + "Koizumi" + " word" * 100
    out = snippet(s, 0, len(s), 500, 507, width=100)
    assert "<mark>Koizumi</mark>" in out and out.startswith("… ") and out.endswith(" …")


def _annotated(blocks: list[tuple[str, str]], dates: tuple[DateMention, ...] = ()) -> tuple[Annotated, dict]:
    """Blocks of (kind, text) with every "Japan" a mention of one entity."""
    bs = tuple(Block(index=i, kind=kind, text=t, level=2 if kind == "heading" else 0) for i, (kind, t) in enumerate(blocks))
    mentions, entity_of = [], {}
    for b in bs:
        start = b.text.find("Japan")
        while start >= 0:
            mentions.append(Mention(block=b.index, start=start, end=start + 5, surface="Japan", name="Japan", type="place"))
            entity_of[("a.txt", b.index, start)] = "japan"
            start = b.text.find("Japan", start + 1)
    sentences = tuple(Sentence(b.index, 0, len(b.text), 0) for b in bs)
    art = Article(source="a.txt", slug="a", title="T", blocks=bs)
    return Annotated(article=art, sentences=sentences, mentions=tuple(mentions), dates=dates), entity_of


def test_an_entity_is_linked_at_its_first_mention_in_each_section_and_never_in_a_heading():
    doc, entity_of = _annotated([("paragraph", "Japan said Japan would spend more."),
                                 ("paragraph", "Japan agreed."),
                                 ("heading", "Japan Steps Up"),
                                 ("paragraph", "Later, Japan signed. Japan paid."),
                                 ("paragraph", "Japan again.")])
    lead, second, heading, third, fourth = ArticleMarkup(doc, "articles/a.md", entity_of, ENTITIES, {}, {}).blocks_html()
    assert "bf-ent" not in heading and "Japan Steps Up" in heading
    assert lead.count('class="bf-ent') == 1 and re.sub(r"<[^>]+>", "", lead).count("Japan") == 2
    assert lead.index('class="bf-ent') < lead.index(" said")  # the first mention is the link
    assert "bf-ent" not in second and "Japan agreed." in second  # same section: plain text
    assert third.count('class="bf-ent') == 1 and third.index('class="bf-ent') < third.index("signed")
    assert "bf-ent" not in fourth
    assert len(doc.mentions) == 7  # the data keeps every mention


def test_entity_links_preview_the_entity_in_words():
    doc, entity_of = _annotated([("paragraph", "Japan said so.")])
    (html,) = ArticleMarkup(doc, "articles/a.md", entity_of, ENTITIES, {}, {},
                            {"japan": "Japan · place, an island nation"}).blocks_html()
    assert 'title="Japan · place, an island nation"' in html


def _dated(text: str, said: str, value: str, kind: str = "paragraph") -> str:
    start = text.index(said)
    dates = (DateMention(0, Timex(start, start + len(said), said, "DATE", value)),)
    doc, entity_of = _annotated([(kind, text)], dates)
    (html,) = ArticleMarkup(doc, "articles/a.md", entity_of, ENTITIES, {}, {}).blocks_html()
    return html


def test_datelines_and_bare_weekdays_are_plain_but_keep_their_value():
    quiet = [("LAGOS, March 3 (Reuters) - The port reopened.", "March 3", "2026-03-03"),
             ("WASHINGTON, Dec. 2 — Officials met.", "Dec. 2", "2025-12-02"),
             ("Dec 2, 2025 - Officials met.", "Dec 2, 2025", "2025-12-02"),
             ("The talks resume on Tuesday in Geneva.", "on Tuesday", "2025-12-02"),
             ("Officials met Thursday.", "Thursday", "2025-12-04"),
             ("11:04 A.M. EDT", "11:04 A.M. EDT", "2023-06-01T11:04")]
    for text, said, value in quiet:
        html = _dated(text, said, value)
        assert "bf-date" not in html and "title=" not in html, text
        assert f'data-value="{value}"' in html, text
    marked = [("The port reopened on March 3 after a strike.", "March 3", "2026-03-03"),
              ("WASHINGTON — In a speech last December, he said so.", "last December", "2025-12"),
              ("The talks resume next Tuesday.", "next Tuesday", "2025-12-09")]
    for text, said, value in marked:
        html = _dated(text, said, value)
        assert 'class="bf-date"' in html and "title=" in html, text


def test_vague_dates_are_not_marked_and_dates_say_what_they_mean():
    text = "Japan is now ready, as it was in April 2024."
    now, april = text.index("now"), text.index("April 2024")
    dates = (DateMention(1, Timex(now, now + 3, "now", "DATE", "PRESENT_REF")),
             DateMention(1, Timex(april, april + 10, "April 2024", "DATE", "2024-04")))
    doc, entity_of = _annotated([("heading", "H"), ("paragraph", text)], dates)
    _, html = ArticleMarkup(doc, "articles/a.md", entity_of, ENTITIES, {}, {}).blocks_html()
    assert html.count("<time") == 1 and "PRESENT_REF" not in html
    assert 'title="April 2024"' in html and "TIMEX" not in html


def test_the_articles_own_links_and_code_are_shown_safely():
    from briefing.model import WebLink

    text = "Officials in Tokyo said so."
    link = Block(index=0, kind="paragraph", text=text,
                 links=(WebLink(0, 9, "https://example.org/a?b=1&c=2"), WebLink(13, 18, "javascript:alert(1)")))
    code = Block(index=1, kind="code", text="<b>x</b>\n\nsecond line")
    art = Article(source="a.txt", slug="a", title="T", blocks=(link, code))
    mention = Mention(block=0, start=0, end=9, surface="Officials", name="Officials", type="organization")
    doc = Annotated(article=art, sentences=(Sentence(0, 0, len(text), 0),), mentions=(mention,))
    first, second = ArticleMarkup(doc, "articles/a.md", {("a.txt", 0, 0): "o"}, {"o": ("Officials", "organization")},
                                  {}, {}).blocks_html()
    assert '<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener" class="bf-web">Officials</a>' in first
    assert "bf-ent" not in first  # the article's own link wins: no link inside a link
    assert "javascript" not in first and "Tokyo" in first
    assert second == '<pre id="p1" class="bf-code"><code>&lt;b&gt;x&lt;/b&gt;&#10;&#10;second line</code></pre>'


def _indexed_text(html: str) -> str:
    """The text Material's search plugin takes from ``html`` (its own parser, data-search-exclude honoured)."""
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(html)
    parser.close()
    return " ".join(re.sub(r"<[^>]+>", " ", "".join(s.text)) for s in parser.data if not s.is_excluded())


def test_search_words_keep_the_lead_in_the_index_and_the_rest_out():
    first = "Japan raised its defence budget for a third year in a row on Friday."  # 14 words
    second = "The rise was smaller than the ministry had asked for."  # 10 words
    later = "Officials said more would follow."
    text = f"{first} {second}"
    blocks = (Block(index=0, kind="paragraph", text=text), Block(index=1, kind="paragraph", text=later))
    sentences = (Sentence(0, 0, len(first), 0), Sentence(0, len(first) + 1, len(text), 1), Sentence(1, 0, len(later), 0))
    doc = Annotated(article=Article(source="a.txt", slug="a", title="T", blocks=blocks), sentences=sentences)
    html = "".join(ArticleMarkup(doc, "articles/a.md", {}, {}, {}, {}).blocks_html(search_words=20))
    indexed = _indexed_text(html)
    assert first in indexed and second not in indexed and later not in indexed
    # the whole text is on the page all the same
    assert second in html and later in html
    # a first sentence longer than the budget is kept whole; without a budget everything is indexed
    assert first in _indexed_text("".join(ArticleMarkup(doc, "articles/a.md", {}, {}, {}, {}).blocks_html(search_words=5)))
    everything = _indexed_text("".join(ArticleMarkup(doc, "articles/a.md", {}, {}, {}, {}).blocks_html()))
    assert second in everything and later in everything
