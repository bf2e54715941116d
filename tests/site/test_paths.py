import datetime as dt
import posixpath

from hypothesis import given
from hypothesis import strategies as st

from briefing.site import paths
from briefing.slugs import article_slug, unique_slugs


def test_slugify_is_ascii_and_never_empty():
    assert paths.slugify("Kishida’s Visit to the United States") == "kishidas-visit-to-the-united-states"
    assert paths.slugify("Škoda & Čapek") == "skoda-capek"
    assert paths.slugify("東京") == "untitled"
    assert len(paths.slugify("word " * 50)) <= 60


def test_unique_slugs_number_collisions_stably():
    assert unique_slugs(["A b", "a-b", "A B", "c"]) == ["a-b", "a-b-2", "a-b-3", "c"]
    assert unique_slugs(["x-2", "x", "x"]) == ["x-2", "x", "x-3"]


def test_article_slugs_read_as_date_and_title():
    assert article_slug("Tokyo letter: pacifist Japan?", dt.date(2024, 4, 16)) == "2024-04-16-tokyo-letter-pacifist-japan"
    assert article_slug("Tokyo letter", dt.date(2024, 4, 1), "month") == "2024-04-tokyo-letter"
    assert article_slug("Tokyo letter", dt.date(2024, 1, 1), "year") == "2024-tokyo-letter"
    assert article_slug("Tokyo letter", None) == "tokyo-letter"
    long = article_slug("word " * 40, dt.date(2024, 4, 16))
    assert long.startswith("2024-04-16-word-") and len(long) <= 60 and not long.endswith("-")
    # unique_slugs leaves a finished slug as it is and numbers the repeats in the order given
    assert unique_slugs([long, long]) == [long, long + "-2"]


def test_href_between_file_urls():
    assert paths.href("articles/a.md", "entities/b.md") == "../entities/b.html"
    assert paths.href("articles/a.md", "index.md") == "../index.html"
    assert paths.href("index.md", "articles/a.md", "p1") == "articles/a.html#p1"
    assert paths.href("timeline/index.md", "articles/a.md", "p1-s2") == "../articles/a.html#p1-s2"
    assert paths.href("articles/a.md", "articles/a.md", "p3") == "#p3"
    assert paths.href("articles/a.md", "articles/a.md") == "a.html"
    assert paths.href("articles/index.md", "articles/a.md") == "a.html"
    assert paths.href("articles/by-date/2026-03.md", "articles/index.md") == "../index.html"
    assert paths.file_href("articles/a.md", "feed.xml") == "../feed.xml"
    assert paths.file_href("index.md", "feed.xml") == "feed.xml"


def test_site_urls_for_exports():
    assert paths.site_url(paths.article_page("x"), paths.sentence_anchor(2, 1)) == "articles/x.html#p2-s1"
    assert paths.site_url(paths.index_page("glossary")) == "glossary/index.html"
    assert paths.site_url(paths.HOME) == "index.html"


_SEGMENT = st.sampled_from(["articles", "entities", "by-type", "a", "x.html", "index.html"])
_PATH = st.lists(_SEGMENT, min_size=1, max_size=4).map("/".join)


@given(_PATH, st.one_of(st.just(""), _PATH))
def test_relative_path_is_relpath(target, start):
    """The string-only relative path agrees with posixpath.relpath on every clean site path."""
    assert paths.relative_path(target, start) == posixpath.relpath(target, start or ".")
