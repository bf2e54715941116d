"""Tests for briefing.read: real files (the seeds without their sidecars, and the articles
in tests/articles/), every encoding, metadata good and bad, each kind of cruft, structure."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.read import ReadError, discover, read_article
from briefing.read.article import generated_title
from briefing.read.blocks import RawBlock

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
ARTICLES = ROOT / "tests" / "articles"


@pytest.fixture(scope="module")
def bare_seeds(tmp_path_factory) -> Path:
    """Copies of the seed texts without sidecars: inference must work on its own."""
    out = tmp_path_factory.mktemp("seeds")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, out / path.name)
    return out


def seed(bare_seeds: Path, prefix: str):
    (path,) = bare_seeds.glob(f"{prefix}_*.txt")
    return read_article(path, bare_seeds)


def art(name: str):
    return read_article(ARTICLES / name, ARTICLES)


def texts(article) -> str:
    return "\n".join(b.text for b in article.blocks)


# ---- seeds, no sidecars -----------------------------------------------------------------

def test_seed_000_headline_less_title_is_generated_from_lead(bare_seeds):
    a = seed(bare_seeds, "000")
    assert "title" in a.inferred
    assert a.title.startswith("The planned Japan-U.S. summit between")
    assert a.title.endswith("…") and len(a.title) <= 81
    assert a.blocks[0].text.startswith("The planned Japan-U.S. summit")  # lead kept as text
    # No full date the text reports as past: undated, with the reason, and not "inferred".
    assert a.date is None and a.date_reason.startswith("undated") and not a.date_inferred
    assert a.authors == ("Kiyofumi Iwata",) and "authors" in a.inferred
    headings = [b.text for b in a.blocks if b.kind == "heading"]
    assert headings == ["Persuade Trump of a “win-win” relationship", "Toward genuine partnership"]


def test_seed_001_title_outlet_and_caption(bare_seeds):
    a = seed(bare_seeds, "001")
    assert a.title == "New Security Era: Japan Must Further Strengthen Alliance with U.S., Like-minded Nations"
    assert a.outlet == "The Yomiuri Shimbun" and "outlet" in a.inferred
    assert a.blocks[0].kind == "caption"
    assert a.blocks[0].text == "The U.S. National Security Strategy released in December"
    assert "The Yomiuri Shimbun" not in texts(a)
    assert a.blocks[1].text.startswith("The security environment surrounding Japan")


def test_seed_002_wire_photo_credit_is_not_the_outlet(bare_seeds):
    a = seed(bare_seeds, "002")
    assert a.title == "U.S. Looks to Leverage Japan as Counterweight to China"
    assert a.outlet is None  # "The Associated Press" credits the photo captioned below it
    assert any("photo credit" in w for w in a.notes)
    assert a.blocks[0].kind == "caption" and ", left, welcomes" in a.blocks[0].text
    assert a.blocks[1].text.startswith("WASHINGTON — In a speech last December")


def test_seed_003_cruft_removed(bare_seeds):
    a = seed(bare_seeds, "003")
    body = texts(a)
    assert a.title == "Japan Must Do More to Support the US-Japan Alliance"
    assert "Credit:" not in body and "D. Myles Cullen" not in body
    assert "Recent Features" not in body and "Tokyo Report" not in body
    assert a.title not in body
    assert a.blocks[0].text.startswith("In uncertain times, Japan will have to invest")
    assert any("removed 6 lines of page cruft" in w for w in a.notes)
    assert a.authors == ("Richard Solomon",)
    assert a.bios[0].startswith("Richard Solomon is an author")  # the bio is kept, apart from the text
    assert not a.blocks[-1].text.startswith("Richard Solomon is")


def test_seed_004_tag_line_gone_bios_and_quote_kept(bare_seeds):
    a = seed(bare_seeds, "004")
    body = texts(a)
    assert a.title == "Kishida’s Visit to the United States and the Strengthening of the Japan-U.S. Alliance"
    assert "Japan United States alliance Kishida Fumio Joe Biden" not in body
    assert "Banner photo" not in body and "© AFP/Jiji" not in body
    assert a.blocks[-1].text.startswith("A comparison of conventional balances")
    assert "Jeffrey Hornung" in body
    quote = [b for b in a.blocks if b.kind == "quote"]
    assert len(quote) == 1 and quote[0].text.startswith("The international order that the US")
    assert "High Stakes in the Indo-Pacific" in [b.text for b in a.blocks if b.kind == "heading"]


def test_seed_bios_are_not_lost(bare_seeds):
    """A closing bio is about the author: kept with the article, shown apart from its text."""
    for prefix, bio in (("000", "Kiyofumi Iwata is a member"), ("003", "Richard Solomon is an author")):
        a = seed(bare_seeds, prefix)
        assert any(b.startswith(bio) for b in a.bios) and bio not in texts(a)


def test_seed_sidecars_are_read_with_the_seeds():
    arts = {p.name[:3]: read_article(p, SEEDS) for p in discover(SEEDS)}
    assert set(arts) == {"000", "001", "002", "003", "004"}
    assert arts["001"].outlet == "The Yomiuri Shimbun" and "outlet" not in arts["001"].inferred
    assert arts["003"].authors == ("Richard Solomon",) and "authors" not in arts["003"].inferred
    assert (arts["001"].date, arts["001"].date_precision) == (dt.date(2026, 1, 16), "day")
    assert (arts["000"].date, arts["000"].date_precision) == (dt.date(2026, 3, 1), "month")
    assert (arts["004"].date, arts["004"].date_precision) == (dt.date(2024, 1, 1), "year")
    for a in arts.values():
        assert a.date is not None and "date" not in a.inferred  # from their sources, via sidecars
        assert not any("ignored" in w for w in a.warnings), a.warnings


def test_digest_covers_the_sidecar(tmp_path):
    text = ARTICLES / "with_sidecar.txt"
    shutil.copy(text, tmp_path / "a.txt")
    before = read_article(tmp_path / "a.txt", tmp_path).digest
    (tmp_path / "a.yml").write_text("outlet: The Courier\n", encoding="utf-8")
    after = read_article(tmp_path / "a.txt", tmp_path)
    assert before != after.digest and len(after.digest) == 64
    assert after.outlet == "The Courier"


# ---- discover ---------------------------------------------------------------------------

def test_discover_sorted_recursive_and_skips_hidden_and_sidecars(tmp_path):
    for rel in ("b.txt", "a/z.md", "a/c.txt", "a/c.yml", ".hidden.txt", ".git/x.txt", "notes.pdf", "README.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)]
    assert found == ["a/c.txt", "a/z.md", "b.txt"]
    assert discover(tmp_path / "missing") == []


def test_source_and_slug(tmp_path):
    (tmp_path / "World News").mkdir()
    path = tmp_path / "World News" / "Storm Hits Coast!.txt"
    shutil.copy(ARTICLES / "standalone_outlet.txt", path)
    a = read_article(path, tmp_path)
    assert a.source == "World News/Storm Hits Coast!.txt"
    assert a.slug == "storm-hits-coast"


# ---- encodings --------------------------------------------------------------------------

@pytest.mark.parametrize("name,note", [
    ("cp1252.txt", "not UTF-8: read as cp1252"),
    ("utf16_bom.txt", "not UTF-8: read as UTF-16"),
    ("utf8_bom.txt", None),
])
def test_encodings(name, note):
    a = art(name)
    assert a.title == "Café Owners Protest New Terrace Rules"
    assert "council’s new rules" in a.blocks[0].text and "£2,000" in a.blocks[0].text
    assert "\r" not in texts(a) and "\ufeff" not in a.title
    if note:
        assert any(w.startswith(note) for w in a.notes)
    else:
        assert not any("UTF" in w for w in a.notes)
    assert len(a.blocks) == 2  # CRLF / lone CR line ends still separate paragraphs


def test_bbc_style_latin1_pound_sign(tmp_path):
    text = "Club fined over ticket prices\n\nThe club was fined \xa32m on Monday after fans complained about prices.\n"
    (tmp_path / "a.txt").write_bytes(text.encode("latin-1"))
    a = read_article(tmp_path / "a.txt", tmp_path)
    assert "£2m" in a.blocks[0].text
    assert "not UTF-8: read as cp1252" in a.notes


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b"   \n\t\n  ", "whitespace"),
    (bytes(range(256)) * 20, "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\xff" * 300, "a PNG image, not text"),
    (b"Credit: Jane Doe\n\nAdvertisement\n", "no text left"),
])
def test_unusable_files_raise_read_error(tmp_path, data, reason):
    (tmp_path / "sub").mkdir()
    path = tmp_path / "sub" / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError) as info:
        read_article(path, tmp_path)
    assert info.value.source == "sub/bad.txt"
    assert reason in str(info.value)


def _zip(*entries: tuple[str, str]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, content in entries:
            z.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize("data,kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n\x00\x01\x02" * 20, "a PDF file"),
    (_zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")), "a Word document (.docx)"),
    (_zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office/>")),
     "an OpenDocument text (.odt)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00\x3e\x00\x03" * 200, "a legacy Word (.doc)"),
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Minister resigns\\par}", "an RTF document"),
    (_zip(("notes.txt", "hello")), "a ZIP archive"),
])
def test_documents_saved_as_txt_say_what_they_are(tmp_path, data, kind):
    """A PDF or Word file renamed .txt is named for what it is, with what to do, not as 'NUL bytes'."""
    (tmp_path / "report.txt").write_bytes(data)
    with pytest.raises(ReadError) as info:
        read_article(tmp_path / "report.txt", tmp_path)
    assert str(info.value).startswith(f"report.txt: {kind}")
    assert info.value.reason.endswith("not text: save the article's text as .txt or .md, or the page as .html")
    assert "NUL" not in str(info.value)


@pytest.mark.parametrize("name,data,below", [
    ("new.md", '---\ntitle: "Ferry Link to Resume"\ndate: 2025-06-01\n---\n', "its front matter"),
    ("repeated.md", '---\ntitle: "Ferry Link to Resume"\n---\n\n# Ferry Link to Resume\n', "its front matter"),
    ("headline.txt", "Ferry Link to Resume\n", "the title"),
    ("heading.md", "# Ferry Link to Resume\n\n", "the title"),
    ("twice.txt", "Ferry Link to Resume\n\nFerry Link to Resume\n", "the title"),
])
def test_a_title_without_text_is_skipped_with_a_warning_that_says_so(tmp_path, name, data, below):
    """Skipped, not built: its page would be a headline over nothing, listed on the home page as an article."""
    (tmp_path / name).write_text(data, encoding="utf-8")
    with pytest.raises(ReadError) as info:
        read_article(tmp_path / name, tmp_path)
    assert str(info.value) == (f"{name}: a title ('Ferry Link to Resume') but no text: "
                               f"paste the article's text below {below}")


def test_one_sentence_of_text_is_an_article(tmp_path):
    line = "Officials in Riga met in 2015."  # short, but a sentence: text without a title, not a title
    (tmp_path / "one.txt").write_text(line + "\n", encoding="utf-8")
    a = read_article(tmp_path / "one.txt", tmp_path)
    assert [b.text for b in a.blocks] == [line]


def test_missing_file_is_a_read_error(tmp_path):
    with pytest.raises(ReadError, match="cannot read"):
        read_article(tmp_path / "gone.txt", tmp_path)


# ---- metadata ---------------------------------------------------------------------------

def test_front_matter_good():
    a = art("front_matter.md")
    assert a.title == "Ferry Link to Resume After Two-Year Pause"
    assert a.date.isoformat() == "2025-06-01" and a.date_precision == "month"
    assert a.outlet == "The Island Courier"
    assert a.authors == ("Priya Nair", "Sam Holt")
    assert a.url == "https://example.org/news/ferry-link"
    assert a.tags == ("transport", "islands")
    assert a.inferred == frozenset() and a.warnings == ()
    assert "---" not in texts(a) and "outlet:" not in texts(a)


def test_front_matter_bad_keys_warn_and_are_ignored():
    a = art("bad_meta.md")
    joined = "\n".join(a.warnings)
    assert "'title'" in joined and "'date'" in joined and "impossible date '2025-02-30'" in joined
    assert "unknown key 'colour'" in joined
    assert a.outlet == "The Valley Times"  # the good key still counts
    assert a.title == "Valley Bus Routes to Be Redrawn" and "title" in a.inferred
    assert a.date is None and a.tags == ("transport",)  # "tags: transport", as Jekyll allows


def test_front_matter_malformed_yaml():
    a = art("malformed_yaml.md")
    assert any("malformed YAML" in w for w in a.warnings)
    assert a.title == "Library Extends Opening Hours"
    assert a.blocks[0].text.startswith("The central library")
    assert "Unclosed" not in texts(a)


def test_sidecar_year_precision():
    a = art("with_sidecar.txt")
    assert a.title == "Old River Bridge Closed to Lorries" and "title" not in a.inferred
    assert a.date.isoformat() == "2024-01-01" and a.date_precision == "year"
    assert a.authors == ("Elena Rossi",)


@pytest.mark.parametrize("yaml_text,needle", [
    ("date: 2024-13\n", "impossible date"),
    ("date: March 2024\n", "not YYYY-MM-DD"),
    ("authors: 42\n", "'authors'"),
    ("url: not a url\n", "'url'"),
    ("- just\n- a list\n", "expected a mapping"),
    ("title: [unclosed\n", "malformed YAML"),
    ("!!python/object:os.system {}\n", "metadata ignored"),
])
def test_bad_sidecars_warn(tmp_path, yaml_text, needle):
    shutil.copy(ARTICLES / "with_sidecar.txt", tmp_path / "a.txt")
    (tmp_path / "a.yml").write_text(yaml_text, encoding="utf-8")
    a = read_article(tmp_path / "a.txt", tmp_path)
    assert any(needle in w for w in a.warnings), a.warnings
    assert a.title == "Bridge Inspection Finds Rust in Supports"


# ---- inference --------------------------------------------------------------------------

def test_byline_reuters_dateline_stamps_menus_and_tags():
    a = art("wire_story.txt")
    body = texts(a)
    assert a.title == "Harbour Authority Approves Second Container Terminal"
    assert a.authors == ("Maria Lindqvist", "Tom Okafor")
    assert a.outlet == "Reuters"  # from the "(Reuters) -" dateline
    assert a.tags == ("shipping", "ports", "infrastructure") and "tags" in a.inferred
    for cruft in ("By Maria", "Published", "Updated:", "Share this article", "Advertisement", "Related Articles", "Tags:"):
        assert cruft not in body
    assert a.blocks[0].text.startswith("ROTTERDAM, March 5 (Reuters) - The port authority")
    assert any(w.startswith("removed 7 lines of page cruft") for w in a.notes)
    assert any("Published : 2024-03-05" in w for w in a.notes)  # the stamp is not lost silently
    # The stamp dates the page when no metadata does; the date is marked inferred and says why.
    assert a.date == dt.date(2024, 3, 5) and a.date_inferred and "stamp" in a.date_reason


def test_standalone_outlet_line():
    a = art("standalone_outlet.txt")
    assert a.outlet == "The Morning Herald" and "outlet" in a.inferred
    assert "Morning Herald" not in texts(a)


def test_wire_credit_over_caption_is_not_outlet():
    a = art("caption_credit.txt")
    assert a.outlet is None
    assert [b.kind for b in a.blocks][:2] == ["caption", "paragraph"]
    assert "Kyodo" not in texts(a)


def test_repeated_title_section_label_menu_credit_bio_and_lowercase_tag_line():
    a = art("opinion_with_bio.txt")
    body = texts(a)
    assert a.title == "Why Small Towns Need Their Own Data Offices"
    assert "Policy Watch" not in body and "Most Popular" not in body and "Getty" not in body
    assert a.title not in body
    assert a.authors == ("Anna Berg",)
    assert a.bios[0].startswith("Anna Berg is a senior fellow") and not a.blocks[-1].text.startswith("Anna Berg")
    assert "census budgets" not in body
    assert ("heading", "Who pays for it") in [(b.kind, b.text) for b in a.blocks]


def test_headline_less_text_and_unpunctuated_sentence_stays_paragraph():
    a = art("headline_less.txt")
    assert a.title == "The city council voted on Tuesday to turn the disused tram depot on Mill…"
    assert [b.kind for b in a.blocks] == ["paragraph"] * 4


def test_generated_title_short_lead_keeps_abbreviations():
    blocks = [RawBlock("paragraph", "The U.S. Senate passed the bill. It now goes to the House.")]
    assert generated_title(blocks) == "The U.S. Senate passed the bill"


# ---- HTML, Markdown, structure ----------------------------------------------------------

def test_html_fragment_stripped():
    a = art("html_fragment.txt")
    body = texts(a)
    assert a.title == "Museum Reopens After Five-Year Renovation"
    assert a.authors == ("Li Chen",)
    assert "<" not in body and "&" not in body and "dataLayer" not in body
    assert "€48 million" in body and "museum’s collection" in body and "— twice" in body
    assert ("heading", "A New Wing") in [(b.kind, b.text) for b in a.blocks]
    assert "Advertisement" not in body


def test_markdown_reduced_to_text_and_structure():
    a = art("front_matter.md")
    kinds = [b.kind for b in a.blocks]
    assert kinds == ["paragraph", "heading", "item", "item", "item", "quote", "paragraph"]
    assert a.blocks[0].text.startswith("The ferry link between the two islands will resume in September,")
    assert "qualified crew" in a.blocks[0].text
    for mark in ("**", "*Sep", "](", "`", "<http", "# "):
        assert mark not in texts(a)
    assert a.blocks[1].level == 2
    assert [b.index for b in a.blocks] == list(range(len(a.blocks)))


def test_hard_wrapped_paragraphs_are_joined():
    a = art("hard_wrapped.txt")
    assert [b.kind for b in a.blocks] == ["paragraph", "paragraph", "heading", "paragraph", "paragraph"]
    assert a.blocks[0].text.startswith("Over three weekends in May, more than two hundred volunteers walked every street")
    assert not any("\n" in b.text for b in a.blocks)


def test_list_items_in_plain_text(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Budget at a Glance\n\nThe finance minister set out the main measures in parliament on Wednesday afternoon:\n"
        "- Income tax threshold raised to 15,000\n- Fuel duty frozen for a year\n\n"
        "Opposition parties said the plans did too little for families on low incomes.\n",
        encoding="utf-8",
    )
    a = read_article(tmp_path / "a.txt", tmp_path)
    assert [b.kind for b in a.blocks] == ["paragraph", "item", "item", "paragraph"]
    assert a.blocks[1].text == "Income tax threshold raised to 15,000"


# ---- robustness -------------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_arbitrary_bytes_never_raise_anything_but_read_error(tmp_path_factory, data):
    d = tmp_path_factory.mktemp("fuzz")
    (d / "x.md").write_bytes(data)
    try:
        a = read_article(d / "x.md", d)
    except ReadError as exc:
        assert exc.source == "x.md" and str(exc)
    else:
        assert a.blocks and a.title
        assert all(b.text.strip() for b in a.blocks)


def test_huge_line_is_read(tmp_path):
    """A 2 MB line with HTML after it; its cost is measured against a smaller one in test_read_scale
    (no wall-clock limits in tests)."""
    (tmp_path / "a.txt").write_text("Big File\n\n" + "word " * 400_000 + "\n" + "<p>x</p> " * 20_000, encoding="utf-8")
    a = read_article(tmp_path / "a.txt", tmp_path)
    assert a.title == "Big File"
    assert sum(len(b.text) for b in a.blocks) >= 2_000_000
