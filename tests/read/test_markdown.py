"""Markdown read as Markdown (markdown-it-py): links keep their text and target, emphasis and HTML go,
code stays code, and hard-wrapped paragraphs keep every line."""

from __future__ import annotations

from briefing.annotate import prose
from briefing.read import read_article
from briefing.read.html_text import html_text
from briefing.read.markdown import looks_markdown, markdown_blocks


def test_links_keep_their_words_and_only_web_targets():
    [b] = markdown_blocks("Talks in [Oslo](https://example.org/oslo) ended; [see](javascript:alert(1)) "
                          "[here](/relative) and <b>bold</b> **words**.")
    assert b.text == "Talks in Oslo ended; see here and bold words."
    assert [(b.text[s:e], h) for s, e, h in b.links] == [("Oslo", "https://example.org/oslo")]


def test_structure_images_tables_and_code():
    blocks = markdown_blocks("## Section\n\n![Troops near Kherson](a.jpg)\n\n> A quote\n> on two lines\n\n"
                             "1. first\n2. second\n\n| Year | Spend |\n|---|---|\n| 2024 | 2% |\n\n"
                             "```\nx = 2024\n```\n")
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Section"), ("caption", "Troops near Kherson"), ("quote", "A quote on two lines"),
        ("item", "first"), ("item", "second"), ("paragraph", "Year; Spend"), ("paragraph", "2024; 2%"),
        ("code", "x = 2024")]


def test_code_and_web_addresses_are_not_prose():
    [code] = markdown_blocks("```\nmeeting on 4 June 2026\n```")
    assert prose(code).text.strip() == ""
    [para] = markdown_blocks("See https://example.org/2024/05/01/report-5005951 for the report of 4 June.")
    masked = prose(para).text
    assert "5005951" not in masked and "4 June" in masked and len(masked) == len(para.text)


def test_html_goes_through_a_parser_and_only_prose_stays():
    assert html_text('<div><p>Hello <b>World</b></p><script>x()</script><gu-island props="{&quot;a&quot;:1}">'
                     '</gu-island><style>p{}</style><p>Bye &amp; thanks</p></div>') == "Hello World\n\nBye & thanks"


def test_hard_wrapped_opening_sentence_is_kept_whole(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: Tariffs imposed\ndate: 2025-02-01\n---\n\n**ADDRESSING AN EMERGENCY**: The threat posed by\n"
        "illegal drugs constitutes a national emergency under the\nInternational Emergency Economic Powers Act.\n\n"
        "-   Until the crisis is alleviated, a 25% tariff\n    applies to imports.\n", encoding="utf-8")
    a = read_article(tmp_path / "a.md", tmp_path)
    assert a.title == "Tariffs imposed"
    assert a.blocks[0].text == ("ADDRESSING AN EMERGENCY: The threat posed by illegal drugs constitutes a national "
                                "emergency under the International Emergency Economic Powers Act.")
    assert (a.blocks[1].kind, a.blocks[1].text) == ("item", "Until the crisis is alleviated, a 25% tariff applies to imports.")


def test_a_txt_scrape_in_markdown_keeps_one_paragraph_per_line(tmp_path):
    text = ("Harbour expansion approved\n\nThe [Lagos Harbour Authority](https://example.org/lha) approved "
            "the expansion on Monday, its chairman said in a statement to reporters.\n"
            "Shipping lines including **Maersk** welcomed the decision after two years of congestion.\n")
    assert looks_markdown(text)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    a = read_article(tmp_path / "a.txt", tmp_path)
    assert a.title == "Harbour expansion approved"
    assert [b.text[:20] for b in a.blocks] == ["The Lagos Harbour Au", "Shipping lines inclu"]
    assert a.blocks[0].links[0].href == "https://example.org/lha"


def test_a_source_line_is_the_url_not_text(tmp_path):
    (tmp_path / "a.md").write_text("# Headline here\n\n> 来源：[https://example.org/2024/apr/11/story](https://example.org/"
                                   "2024/apr/11/story)\n\nA prominent tycoon was sentenced on Thursday in the case.\n",
                                   encoding="utf-8")
    a = read_article(tmp_path / "a.md", tmp_path)
    assert a.url == "https://example.org/2024/apr/11/story"
    assert [b.text for b in a.blocks] == ["A prominent tycoon was sentenced on Thursday in the case."]


def test_a_text_names_its_own_publisher_only_when_it_says_so_clearly():
    from briefing.read.provenance import default_outlets, self_named

    outlets = default_outlets()
    assert self_named("Reuters’ Jane Doe contributed to this report.", outlets)[0] == "Reuters"
    assert self_named("As our BBC team reached the border, shelling began.", outlets)[0] == "BBC"
    assert self_named("A spokesperson tells CNN the line is down. Documents viewed by CNN show it. "
                      "A driver told CNN he waited.", outlets)[0] == "CNN"
    assert self_named("A source told CNN the talks failed.", outlets) is None  # once, in passing
    assert self_named("Officials told Reuters one thing and told Reuters another.", outlets) is None  # one kind
    assert self_named("Reuters’ A contributed to this report. AFP’s B contributed to this report.", outlets) is None
