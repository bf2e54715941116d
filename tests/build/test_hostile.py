"""Bad and hostile input through a real `mkdocs build`: nothing crashes, nothing runs, nothing is lost.

One project holds every kind of bad file the issue lists (empty, binary, every encoding, odd names,
malformed metadata) next to articles full of hostile text and metadata. It is built once per module
(non-strict, with the log), then once more with --strict; the tests read the log, the HTML and the exports.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import make_project
from sitecheck import broken_links, external_loads

SECRET = "TOKEN-7f3a9c-must-never-appear"  # in a file next to the project: no payload may include it

# Text payloads: each must come out as literal, visible text in the article's sentences.
TEXT_PAYLOADS = [
    "[click me](javascript:alert('md-link'))",
    "<javascript:alert('autolink')>",  # not an HTML tag: kept as text
    "{{ config.site_name }}{{ 7*7 }}",
    '{% include "_macros.md.j2" %}',
    "{# a Jinja comment #}",
    '--8<-- "secret.txt"',
    "*[HTML]: Hyper Text Markup",
    '{: onclick="alert(\'attr-list\')" }',
    '!!! note "An admonition"',
    "&lt;script&gt;alert('entity')&lt;/script&gt;",  # scraped entities: read back as the literal tag text
]
# What a reader sees for each payload above (entities are unescaped by the reader).
TEXT_SHOWN = [p.replace("&lt;", "<").replace("&gt;", ">") for p in TEXT_PAYLOADS]
# HTML payloads: a scraped HTML fragment is converted to text, so the tags must vanish, never act.
HTML_PAYLOADS = [
    "<script>alert('script')</script>",
    "<img src=x onerror=\"alert('img')\">",
    '<iframe src="https://evil.example/"></iframe>',
    "<a href=\"javascript:alert('a-href')\">a link</a>",
    "<div onclick=\"alert('div')\">raw html block</div>",
    "<svg onload=\"alert('svg')\"></svg>",
    "<style>body{background:url(https://evil.example/x.png)}</style>",
]
META_PAYLOAD = "<script>alert('meta')</script></title><img src=x onerror=alert('t')> {{ x }} *[T]: y"


def _sentence(i: int, payload: str) -> str:
    return f"On 3 March 2026 the council in Berlin received note {i} reading {payload} and adjourned."


def _articles() -> dict[str, str | bytes]:
    text_body = "Hostile text in a council story\n\n" + "\n\n".join(
        _sentence(i, p) for i, p in enumerate(TEXT_PAYLOADS)
    ) + "\n\n# A line that looks like a heading\n\n---\n\n***\n\ntitle: looks like front matter\n---\n\nThe end.\n"
    html_body = "Hostile HTML in a council story\n\n" + "\n\n".join(
        _sentence(i, p) for i, p in enumerate(HTML_PAYLOADS)
    ) + "\n"
    meta = (
        "---\n"
        f"title: {json.dumps(META_PAYLOAD)}\n"
        f"outlet: {json.dumps(META_PAYLOAD.replace('meta', 'outlet'))}\n"
        "authors: [\"<b onmouseover=alert('author')>Ann</b>\", \"{% raw %}\"]\n"
        "tags: [\"<i>tag</i>\", \"{{ tag }}\"]\n"
        "url: \"javascript:alert('url')\"\n"
        "date: 2026-03-04\n"
        "---\n"
        "The council in Berlin met again on 3 March 2026 and agreed a budget of 5 billion euros.\n"
    )
    undated = "Council meets in Vienna\n\nThe council in Vienna met on 3 March 2026 and agreed on a plan.\n"
    return {
        # hostile text, dated by a sidecar so the dates are anchored
        "hostile_text.txt": text_body,
        "hostile_html.txt": html_body,
        "hostile_meta.md": meta,
        # empty, whitespace only, binary
        "empty.txt": "",
        "blank.txt": " \n\t\n   \n",
        "binary.txt": bytes(range(256)) * 8,
        "nul_bytes.md": b"Title\x00\x00\x00\x00 with\x00 nul\x00 bytes\x00" * 20,
        # documents saved under a text name; a title waiting for its text
        "report.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n\x00\x01\x02" * 20,
        "memo.txt": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00\x3e\x00\x03" * 200,
        "title_only.md": '---\ntitle: "Summit Opens in Vienna"\ndate: 2026-03-01\n---\n',
        # encodings and line ends
        "cp1252.txt": "Café owners in München\n\nThe café owners in München said on 3 March 2026 that rent rose by €5 – a “shock”.\n".encode("cp1252"),
        "latin1.txt": "Äpfel und Birnen\n\nDie Bäuerin in Köln verkaufte am Markt Äpfel für 5 Mark, sagte sie.\n".encode("latin-1"),
        "utf16.txt": codecs.BOM_UTF16_LE + "Story in UTF-16\n\nOfficials in Madrid met in May 2025 to plan.\n".encode("utf-16-le"),
        "utf8_bom.txt": codecs.BOM_UTF8 + "Story with a BOM\n\nOfficials in Rome met in June 2024 to plan.\n".encode(),
        "crlf.txt": b"Story with CRLF\r\n\r\nOfficials in Oslo met in 2023.\r\nThey agreed.\r\n",
        "lone_cr.txt": b"Story with lone CR\r\rOfficials in Lisbon met in 2022.\rThey agreed.\r",
        # names: spaces, non-ASCII, two that slugify alike, the same headline twice
        "with space.txt": "Story with a spaced name\n\nOfficials in Prague met in 2021.\n",
        "Überprüfung ß.txt": "Story with a non-ASCII name\n\nOfficials in Zürich met in 2020.\n",
        "Uberprufung.txt": "Story whose name slugifies alike\n\nOfficials in Bern met in 2019.\n",
        "same_a.txt": "The same headline\n\nOfficials in Dublin met in 2018.\n",
        "same_b.txt": "The same headline\n\nOfficials in Cork met in 2017.\n",
        # front matter and not; malformed metadata
        "front_matter.md": "---\ntitle: Given title\ndate: 2026-01-02\noutlet: The Paper\n---\nOfficials in Athens met in 2016.\n",
        "no_front_matter.md": "Inferred title here\n\nOfficials in Sofia met on 2 January 2026.\n",
        "unclosed.md": "---\ntitle: [unclosed\ndate: 2026-01-02\n---\nOfficials in Riga met in 2015.\n",
        "wrong_types.md": "---\ntitle: {a: 1}\nauthors: 5\ntags: {a: 1}\ndate: true\nurl: 12\ncolour: red\n---\nOfficials in Tallinn met in 2014.\n",
        "impossible_date.md": "---\ndate: 2026-02-30\n---\nOfficials in Vilnius met in 2013.\n",
        "bad_sidecar.txt": "Story with a bad sidecar\n\nOfficials in Warsaw met in 2012.\n",
        "undated.txt": undated,
        # a long single line (200,000 characters in test_read_scale below; shorter here to keep the build fast)
        "long_line.txt": "A long line\n\n" + " ".join(["Officials met and talked for a long time."] * 500) + "\n",
    }


SIDECARS = {
    "hostile_text.yml": "date: 2026-03-05\n",
    "hostile_html.yml": "date: 2026-03-05\n",
    "bad_sidecar.yml": "title: [unclosed\n",
}
SKIPPED = {"empty.txt": "empty file", "blank.txt": "whitespace only", "binary.txt": "binary", "nul_bytes.md": "binary",
           "report.txt": "a PDF file, not text", "memo.txt": "a legacy Word (.doc)", "title_only.md": "but no text"}


def build(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`mkdocs build` with the log at INFO (not -q), so warnings can be read; fixed build date."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1779494400", NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict:
    project = make_project(tmp_path_factory.mktemp("hostile"), _articles())
    for name, text in SIDECARS.items():
        (project / "seeds" / name).write_text(text, encoding="utf-8")
    (project / "secret.txt").write_text(SECRET, encoding="utf-8")
    (project / "docs" / "secret.txt").write_text(SECRET, encoding="utf-8")  # a snippet base dir, were one used
    done = build(project)
    strict = build(project, "--strict", "--site-dir", str(project / "site-strict"))
    site = project / "site"
    return {"project": project, "site": site, "log": done.stderr, "rc": done.returncode, "strict": strict,
            "articles": json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))}


def warnings(log: str) -> list[str]:
    return [line.split("-", 1)[1].strip() for line in log.splitlines() if line.startswith("WARNING")]


def article(hostile: dict, source: str) -> dict:
    return next(a for a in hostile["articles"] if a["source"] == source)


def page(hostile: dict, source: str) -> str:
    return (hostile["site"] / article(hostile, source)["url"]).read_text(encoding="utf-8")


class _Scan(HTMLParser):
    """Tags, attributes and the text of sentence spans of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.in_article = 0
        self.article_tags: list[str] = []
        self.sentences: list[str] = []
        self._sent_depth = 0
        self._depth = 0
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        self._depth += 1
        if tag == "article":
            self.in_article = self._depth
        elif self.in_article:
            self.article_tags.append(tag)
        if tag == "span" and a.get("class") == "bf-s":
            self.sentences.append("")
            self._sent_depth = self._depth
        self._in_script = tag == "script"

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self._sent_depth and self._depth == self._sent_depth:
            self._sent_depth = 0
        if tag == "article":
            self.in_article = 0
        self._depth -= 1
        self._in_script = False

    def handle_data(self, data):
        if self._sent_depth:
            self.sentences[-1] += data
        if self._in_script:
            self.script_text.append(data)


def scan(html: str) -> _Scan:
    s = _Scan()
    s.feed(html)
    return s


# ---- the build survives and reports -------------------------------------------------------

def test_build_succeeds_without_traceback(hostile):
    assert hostile["rc"] == 0, hostile["log"][-3000:]
    assert "Traceback" not in hostile["log"]
    assert "Traceback" not in hostile["strict"].stderr


def test_strict_build_fails_and_lists_the_problems(hostile):
    strict = hostile["strict"]
    assert strict.returncode != 0
    assert "strict" in strict.stderr.lower()
    for name in SKIPPED:
        assert f"{name}:" in strict.stderr


def test_bad_files_are_skipped_with_a_reason(hostile):
    log = warnings(hostile["log"])
    for name, reason in SKIPPED.items():
        (line,) = [w for w in log if w.startswith(f"{name}:")]
        assert reason in line and "(skipped)" in line
    sources = (hostile["site"] / "sources" / "index.html").read_text(encoding="utf-8")
    skipped = sources.split("Files not on the site", 1)[1]
    for name, reason in SKIPPED.items():
        assert f"<code>{name}</code>" in skipped and reason in skipped


def test_each_problem_is_reported_once_naming_the_file(hostile):
    log = warnings(hostile["log"])
    ours = [w for w in log if not w.startswith(("Material", "Doc file", "A reference"))]
    assert ours, "no warnings at all"
    assert len(ours) == len(set(ours)), [w for w in ours if ours.count(w) > 1]
    names = set(_articles()) | set(SIDECARS)
    for w in ours:
        assert any(w.startswith(f"{n}:") for n in names), w


def test_every_readable_file_becomes_a_page(hostile):
    built = {a["source"] for a in hostile["articles"]}
    assert built == set(_articles()) - set(SKIPPED)
    urls = [a["url"] for a in hostile["articles"]]
    assert len(urls) == len(set(urls))
    for a in hostile["articles"]:
        assert (hostile["site"] / a["url"]).is_file(), a["source"]


def test_articles_without_metadata_are_annotated(hostile):
    """An article with no date anywhere must still get its dates, entities and themes."""
    log = warnings(hostile["log"])
    assert not [w for w in log if "annotation failed" in w]
    a = article(hostile, "undated.txt")
    assert a["date"] == "2026-03-03" and a["date_inferred"]
    assert a["entities"]


# ---- encodings, line ends, names ---------------------------------------------------------------

def test_encodings_are_decoded(hostile):
    cp1252 = " ".join(scan(page(hostile, "cp1252.txt")).sentences)
    assert "café owners in München" in cp1252 and "€5 – a “shock”" in cp1252
    assert "Bäuerin in Köln verkaufte am Markt Äpfel" in " ".join(scan(page(hostile, "latin1.txt")).sentences)
    assert article(hostile, "latin1.txt")["title"] == "Äpfel und Birnen"
    assert article(hostile, "utf16.txt")["title"] == "Story in UTF-16"
    assert article(hostile, "utf8_bom.txt")["title"] == "Story with a BOM"
    for a in hostile["articles"]:
        assert "\ufeff" not in json.dumps(a, ensure_ascii=False)


def test_line_ends_are_normalised(hostile):
    for source in ("crlf.txt", "lone_cr.txt"):
        a = article(hostile, source)
        assert a["title"] in ("Story with CRLF", "Story with lone CR")
        html = page(hostile, source)
        assert "\r" not in html
        assert any("They agreed." in s for s in scan(html).sentences)
    themes = (hostile["site"] / "data" / "themes.json").read_text(encoding="utf-8")
    assert "\\r" not in themes


def test_file_names_with_spaces_and_non_ascii_get_distinct_pages(hostile):
    a, b = article(hostile, "Überprüfung ß.txt"), article(hostile, "Uberprufung.txt")
    assert a["url"] != b["url"]
    # Pages are named by title (and date, which these lack), not by file name, and never collide: the
    # same title twice is numbered in the order of the file names.
    assert article(hostile, "with space.txt")["url"] == "articles/story-with-a-spaced-name.html"
    one, two = article(hostile, "same_a.txt"), article(hostile, "same_b.txt")
    assert one["title"] == two["title"] == "The same headline"
    assert (one["url"], two["url"]) == ("articles/the-same-headline.html", "articles/the-same-headline-2.html")
    listing = (hostile["site"] / "articles" / "index.html").read_text(encoding="utf-8")
    for x in (a, b, one, two):
        assert x["url"].split("/")[1] in listing


def test_front_matter_and_its_absence(hostile):
    given = article(hostile, "front_matter.md")
    assert given["title"] == "Given title" and given["outlet"] == "The Paper" and given["date"] == "2026-01-02"
    assert not given["date_inferred"]
    assert "title:" not in page(hostile, "front_matter.md").split("<article", 1)[1]
    assert article(hostile, "no_front_matter.md")["title"] == "Inferred title here"


def test_malformed_metadata_is_reported_and_the_article_kept(hostile):
    log = "\n".join(warnings(hostile["log"]))
    assert re.search(r"unclosed\.md: front matter: malformed YAML line \d+", log)
    assert re.search(r"bad_sidecar\.txt: bad_sidecar\.yml: malformed YAML line \d+", log)
    for key in ("title", "authors", "tags", "date", "url"):
        assert f"wrong_types.md: front matter: key '{key}' ignored" in log, key
    assert "wrong_types.md: front matter: unknown key 'colour'" in log
    assert "impossible_date.md: front matter: key 'date' ignored: impossible date '2026-02-30'" in log
    for source in ("unclosed.md", "wrong_types.md", "impossible_date.md", "bad_sidecar.txt"):
        assert article(hostile, source)["url"]
    assert article(hostile, "bad_sidecar.txt")["title"] == "Story with a bad sidecar"


# ---- hostile text stays text ---------------------------------------------------------------

def _active(html: str) -> list[str]:
    """Anything on a page that a payload could have made run, load or navigate."""
    s = scan(html)
    bad = []
    for tag, attrs in s.tags:
        for name, value in attrs.items():
            v = (value or "").strip().lower()
            if name.startswith("on"):
                bad.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction", "xlink:href", "data") and v.startswith(("javascript:", "data:text", "vbscript:")):
                bad.append(f"<{tag} {name}={v[:40]}>")
        if tag in ("iframe", "object", "embed", "frame", "base", "meta") and (tag != "meta" or "http-equiv" in attrs):
            bad.append(f"<{tag}>")
    bad += [f"script: {t[:60]}" for t in s.script_text if "alert(" in t]
    # The site's own charts are inline SVG; nothing else that loads or runs belongs in the content.
    bad += [f"<{t}> in the article" for t in s.article_tags if t in ("script", "img", "style", "video", "audio")]
    return bad


def test_no_page_carries_active_content_from_an_article(hostile):
    found = {}
    for path in sorted(hostile["site"].rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        bad = _active(html)
        if bad:
            found[path.relative_to(hostile["site"]).as_posix()] = bad
    assert found == {}


def test_text_payloads_are_visible_literally_in_the_sentences(hostile):
    sentences = " ".join(scan(page(hostile, "hostile_text.txt")).sentences)
    for shown in TEXT_SHOWN:
        assert shown in sentences, shown


def test_html_payloads_are_removed_not_rendered(hostile):
    html = page(hostile, "hostile_html.txt")
    sentences = scan(html).sentences
    joined = " ".join(sentences)
    for i in range(len(HTML_PAYLOADS)):
        assert f"received note {i} reading" in joined  # the sentence survives the payload
    assert "raw html block" in joined and "a link" in joined
    assert "alert(" not in joined and "evil.example" not in html


def test_lines_that_look_like_markup_stay_article_text(hostile):
    html = page(hostile, "hostile_text.txt")
    text = " ".join(scan(html).sentences)
    assert "A line that looks like a heading" in text
    assert "looks like front matter" in text
    # Markdown did not turn any of it into its own constructs: no admonition, rule, abbreviation or attribute.
    body = html.split("<article", 1)[1]
    tags = scan(body).tags
    assert not [a for t, a in tags if "admonition" in (a.get("class") or "")]
    assert not [t for t, _ in tags if t == "hr"]
    assert not [a for t, a in tags if t == "abbr" and a.get("title") == "Hyper Text Markup"]
    assert not [a for t, a in tags if "onclick" in a]


def test_nothing_is_included_from_the_machine(hostile):
    for path in hostile["site"].rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert SECRET not in text, path
            assert "root:x:0:0" not in text, path
    # Jinja in the text was never evaluated: the literal braces are there, 49 and the site name are not.
    sentences = " ".join(scan(page(hostile, "hostile_text.txt")).sentences)
    assert "{{ 7*7 }}" in sentences and "49" not in sentences


def test_hostile_metadata_stays_text(hostile):
    html = page(hostile, "hostile_meta.md")
    assert not _active(html)
    a = article(hostile, "hostile_meta.md")
    assert a["title"] == META_PAYLOAD  # the export keeps the exact value
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<" not in title and "script" in title  # shown, with look-alike brackets, in <title>
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    assert "<" not in h1 and "{{ x }} *[T]: y" in h1
    assert "&lt;b onmouseover=alert(&#39;author&#39;)&gt;Ann&lt;/b&gt;" in html or \
           "&lt;b onmouseover=alert(&#34;author&#34;)&gt;Ann&lt;/b&gt;" in html or \
           "&lt;b onmouseover=alert('author')&gt;Ann&lt;/b&gt;" in html
    assert "javascript:" not in html
    log = "\n".join(warnings(hostile["log"]))
    assert "hostile_meta.md: front matter: key 'url' ignored: not an http(s) URL" in log
    for other in ("index.html", "articles/index.html", "sources/index.html", "timeline/index.html"):
        assert not _active((hostile["site"] / other).read_text(encoding="utf-8")), other


def test_search_index_carries_no_active_markup(hostile):
    """Material's search shows titles and text as HTML: they must hold the payloads escaped."""
    index = json.loads((hostile["site"] / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for key in ("title", "text"):
            s = scan(doc[key])
            assert not _active(doc[key]), (doc["location"], key)
            assert not {t for t, _ in s.tags} & {"script", "img", "iframe", "svg", "style"}, (doc["location"], key)
    titles = [d["title"] for d in index["docs"] if d["location"] == article(hostile, "hostile_meta.md")["url"]]
    assert titles and "script" in titles[0]


def test_links_resolve_and_nothing_loads_from_another_host(hostile):
    assert broken_links(hostile["site"]) == []
    assert external_loads(hostile["site"]) == []


# ---- knowledge/ mistakes stop the build with the file and line -----------------------------------

@pytest.mark.parametrize("name, text, expect", [
    ("acronyms.yml", "NATO: North Atlantic Treaty Organization\nEU: [unclosed\n", r"acronyms\.yml:\d+: invalid YAML"),
    ("acronyms.yml", "NATO: North Atlantic Treaty Organization\nEU: 5\n", r"acronyms\.yml:2: term 'EU' needs"),
    ("themes.yml", "themes:\n  - id: Bad Id\n    name: x\n", r"themes\.yml:2: theme #1: id 'Bad Id'"),
])
def test_knowledge_mistakes_stop_the_build_with_file_and_line(tmp_path, name, text, expect):
    project = make_project(tmp_path, {"a.txt": "Headline\n\nOfficials in Oslo met in 2023.\n"})
    (project / "knowledge" / name).write_text(text, encoding="utf-8")
    done = build(project)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert re.search(expect, done.stderr), done.stderr[-2000:]


def test_a_setting_that_is_not_valid_stops_the_build_with_the_reason(tmp_path):
    """An unknown executor in extra.briefing (test_dask has the unreachable scheduler) is a PluginError."""
    project = make_project(tmp_path, {"a.txt": "Headline\n\nOfficials in Oslo met in 2023.\n"},
                           options={"executor": "spark"})
    done = build(project)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "ERROR   -  briefing: extra.briefing.executor:" in done.stderr, done.stderr[-2000:]
    assert "'spark'" in done.stderr


def test_a_hand_written_page_links_into_an_article_strictly(tmp_path):
    """Generated raw HTML passes Markdown by as placeholders (briefing.hook): its ids must still count as
    anchors, or MkDocs' anchor check fails a link from docs/ to a paragraph of an article."""
    project = make_project(tmp_path, {"oslo.txt": "Oslo talks\n\nOfficials in Oslo met in 2023.\n"})  # page: its title
    (project / "docs" / "see-also.md").write_text("# See also\n\n[The first paragraph](articles/oslo-talks.md#p0)\n"
                                                 "[Nowhere](articles/oslo-talks.md#no-such-anchor)\n", encoding="utf-8")
    done = build(project)
    assert "articles/oslo-talks.md#no-such-anchor" in done.stderr  # the check runs...
    assert "articles/oslo-talks.md#p0" not in done.stderr  # ...and finds the paragraph


# ---- reading at scale (no build: the read stage alone) ------------------------------------------

def test_read_scale(tmp_path):
    """A 5 MB article and a single 200,000-character line are read, whole, and reading is linear: one
    article costs about what eight articles of an eighth of its size cost (CPU time, best of three)."""
    import time

    from briefing.read import read_article

    para = "Officials in Berlin said on 3 March 2026 that spending would rise by 2% of GDP. " * 5
    big = tmp_path / "big.txt"
    big.write_text("A big article\n\n" + "\n\n".join([para] * 12_500), encoding="utf-8")
    line = tmp_path / "line.txt"
    line.write_text("A long line\n\n" + (para * 500)[:200_000], encoding="utf-8")
    assert big.stat().st_size > 5_000_000
    a = read_article(big, tmp_path)
    b = read_article(line, tmp_path)

    (tmp_path / "scaling").mkdir()
    sizes = {"long": 3_200, "short": 400}
    for name, n in sizes.items():
        (tmp_path / "scaling" / f"{name}.txt").write_text("A big article\n\n" + "\n\n".join([para] * n), encoding="utf-8")

    def cpu(name: str, times: int) -> float:
        t0 = time.process_time()
        for _ in range(times):
            read_article(tmp_path / "scaling" / f"{name}.txt", tmp_path / "scaling")
        return time.process_time() - t0

    long_cost = min(cpu("long", 1) for _ in range(3))
    short_cost = min(cpu("short", 8) for _ in range(3))
    assert long_cost < 3 * short_cost, (long_cost, short_cost)
    assert len(a.blocks) == 12_500 and sum(len(x.text) for x in a.blocks) > 4_900_000
    assert len(b.blocks) == 1 and len(b.blocks[0].text) == len((para * 500)[:200_000].strip())


def test_a_long_single_line_is_split_in_linear_time():
    """Splitting one 100,000-character line costs about what eight 12,500-character lines cost (the same
    characters): linear. A quadratic splitter costs ~8x as much for the long line. CPU time, best of
    five, both sides measured alike, so a loaded machine slows both and the ratio holds."""
    import time

    from briefing.annotate.sentences import split

    line = ("Officials in Berlin said on 3 March 2026 that spending would rise by 2% of GDP. " * 2500)[:200_000]
    spans = split(line)
    assert len(spans) > 2000 and all(line[s:e].endswith("GDP.") for s, e in spans[:-1])

    long, short = line[:100_000], line[:12_500]

    def cpu(texts: list[str]) -> float:
        t0 = time.process_time()
        for t in texts:
            split(t)
        return time.process_time() - t0

    long_cost = short_cost = float("inf")
    for _ in range(5):
        long_cost = min(long_cost, cpu([long]))
        short_cost = min(short_cost, cpu([short] * 8))
    assert long_cost < 3 * short_cost, (long_cost, short_cost)
