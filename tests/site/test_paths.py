from briefing.site import paths
from briefing.slugs import unique_slugs


def test_slugify_is_ascii_and_never_empty():
    assert paths.slugify("Kishida’s Visit to the United States") == "kishidas-visit-to-the-united-states"
    assert paths.slugify("Škoda & Čapek") == "skoda-capek"
    assert paths.slugify("東京") == "untitled"
    assert len(paths.slugify("word " * 50)) <= 60


def test_unique_slugs_number_collisions_stably():
    assert unique_slugs(["A b", "a-b", "A B", "c"]) == ["a-b", "a-b-2", "a-b-3", "c"]
    assert unique_slugs(["x-2", "x", "x"]) == ["x-2", "x", "x-3"]


def test_href_between_directory_urls():
    assert paths.href("articles/a.md", "entities/b.md") == "../../entities/b/"
    assert paths.href("articles/a.md", "index.md") == "../../"
    assert paths.href("index.md", "articles/a.md", "p1") == "articles/a/#p1"
    assert paths.href("timeline/index.md", "articles/a.md", "p1-s2") == "../articles/a/#p1-s2"
    assert paths.href("articles/a.md", "articles/a.md", "p3") == "#p3"
    assert paths.href("articles/index.md", "articles/a.md") == "a/"


def test_site_urls_for_exports():
    assert paths.site_url(paths.article_page("x"), paths.sentence_anchor(2, 1)) == "articles/x/#p2-s1"
    assert paths.site_url(paths.index_page("glossary")) == "glossary/"
    assert paths.site_url(paths.HOME) == ""
