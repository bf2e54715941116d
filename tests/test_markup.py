"""Article text is data: escaping happens in briefing.markup and nothing in the text becomes markup."""

from briefing.markup import ArticleMarkup, snippet, tag
from briefing.model import Annotated, Article, Block, DateMention, Mention, Sentence, Timex

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
    assert '<a href="../../entities/tokyo/" class="bf-ent bf-place" title="Tokyo · place">Tokyo</a>' in html
    assert '<time class="bf-date" title="DATE 2024" data-value="2024">2024</time>' in html
    assert "\n" not in html  # one line: a raw HTML block Markdown leaves alone
    assert html.startswith('<div id="p0" class="bf-block">')


def test_attribute_values_are_escaped():
    assert tag("a", "x", title='" onmouseover="alert(1)') == '<a title="&#34; onmouseover=&#34;alert(1)">x</a>'


def test_snippet_highlights_and_shortens():
    s = "word " * 100 + "Koizumi" + " word" * 100
    out = snippet(s, 0, len(s), 500, 507, width=100)
    assert "<mark>Koizumi</mark>" in out and out.startswith("… ") and out.endswith(" …")
