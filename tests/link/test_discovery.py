"""Themes discovered from a collection the taxonomy does not fit (scikit-learn NMF over TF-IDF)."""

from __future__ import annotations

import dataclasses

from briefing.annotate.themes import load_taxonomy, score_blocks
from briefing.link.discovery import SAMPLE, coverage, discover, sample
from briefing.model import Annotated, Article, Block
from briefing.read import read_article
from conftest import ROOT, SHARED

TAXONOMY = load_taxonomy(ROOT / "knowledge" / "themes.yml")
FOOTBALL = ("The striker scored twice as the club beat its rivals in the league, and the manager praised the "
            "defence, the goalkeeper and the midfield after a match the supporters will remember for the penalty "
            "the referee gave in the final minutes of the {n} game of the season.")
WEATHER = ("Forecasters warned that heavy rain and strong winds would bring floods to coastal towns, with the storm "
           "expected to reach the river valleys overnight and temperatures falling below freezing after the snow "
           "that closed roads and schools in the hills during the {n} cold spell of the winter.")
PHONES = ("The handset maker said sales of its mobile phones rose as operators cut tariffs, and analysts expect "
          "the new smartphone with a larger screen, a faster chip and a better camera to sell well among "
          "subscribers who want broadband on the move, the {n} launch this year.")


def docs_of(texts: list[list[str]]) -> list[Annotated]:
    out = []
    for i, paragraphs in enumerate(texts):
        blocks = tuple(Block(j, "paragraph", p) for j, p in enumerate(paragraphs))
        article = Article(source=f"a{i:02}.txt", slug=f"a{i:02}", title=f"Article {i}", blocks=blocks)
        out.append(Annotated(article=article, themes=score_blocks(blocks, TAXONOMY)))
    return out


def test_three_subjects_become_named_themes():
    ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
    texts = [[FOOTBALL.format(n=n), FOOTBALL.format(n=n)] for n in ordinals] + \
            [[PHONES.format(n=n), PHONES.format(n=n)] for n in ordinals] + \
            [[WEATHER.format(n=n), WEATHER.format(n=n)] for n in ordinals] + \
            [[FOOTBALL.format(n=n), PHONES.format(n=n)] for n in ordinals[:4]]
    docs = docs_of(texts)
    assert coverage(docs) < 0.6
    themes, out = discover(docs, TAXONOMY)
    assert len(themes) >= 3 and all(t.discovered and t.id.startswith("discovered-") for t in themes)
    by_id = {t.id: t for t in themes}
    for before, doc, paragraphs in zip(docs, out, texts):
        assert set(before.themes) <= set(doc.themes)  # the taxonomy's themes stay where they fire
        for score in doc.themes:
            if score.theme in by_id:  # a discovered theme goes to a paragraph about its words
                words = set(paragraphs[score.block].lower().replace(",", "").split())
                assert set(by_id[score.theme].cues) & words, (by_id[score.theme].name, paragraphs[score.block][:40])
    assert coverage(out) == 1.0


def test_nothing_is_discovered_where_the_taxonomy_fits(tmp_path):
    seeds = [read_article(p, ROOT / "seeds") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs = [Annotated(article=a, themes=score_blocks(a.blocks, TAXONOMY)) for a in seeds]
    assert coverage(docs) >= 0.6
    assert discover(docs, TAXONOMY) == ((), tuple(docs))


def test_the_bbc_corpus_gets_themes_of_its_own():
    bbc = SHARED / "corpus" / "bbc-fulltext" / "bbc"
    assert bbc.is_dir(), f"the BBC corpus is read from {bbc}"
    files = sorted(p for p in bbc.rglob("*.txt") if p.name.upper() != "README.TXT")[::3]
    docs = [Annotated(article=a, themes=score_blocks(a.blocks, TAXONOMY))
            for a in (read_article(p, bbc) for p in files)]
    before = coverage(docs)
    themes, out = discover(docs, TAXONOMY)
    after = coverage(out)
    print(f"\nBBC (every third article, {len(docs)}): themed substantive paragraphs {before:.0%} -> {after:.0%}; "
          f"{len(themes)} discovered: " + "; ".join(t.name for t in themes))
    # A discovered theme goes only where the paragraph uses a word of its name (precision over coverage:
    # a sample of 30 read by hand was 26 right), so some paragraphs stay without one.
    assert before < 0.2 and after >= 0.6
    assert len({t.cues[:3] for t in themes}) == len(themes) >= 8
    again, _ = discover(docs, TAXONOMY)
    assert again == themes  # the same collection discovers the same themes

    # Topics are learnt from a sample: an article outside it can be edited, added or removed and every other
    # article keeps its themes, the themes their names.
    learnt = {docs[d].article.source for d in sample(docs)}
    assert len(learnt) == SAMPLE < len(docs)
    outside = [i for i, d in enumerate(docs) if d.article.source not in learnt]
    edited_at, removed_at = outside[0], outside[1]
    a = docs[edited_at].article
    blocks = (*a.blocks, Block(len(a.blocks), "paragraph", "The minister said on Tuesday that a review of prices, "
                                                          "growth and the economy would be published next March, after "
                                                          "figures showed that prices rose faster than growth."))
    edited = dataclasses.replace(docs[edited_at], article=dataclasses.replace(a, blocks=blocks))
    changed = [edited if i == edited_at else d for i, d in enumerate(docs) if i != removed_at]
    themes2, out2 = discover(changed, TAXONOMY)
    assert themes2 == themes
    keep = {d.article.source: d.themes for d in out2}
    assert all(keep[d.article.source] == d.themes for d in out if d.article.source in keep and d.article.source != a.source)
    assert keep[a.source] != next(d.themes for d in out if d.article.source == a.source)  # its own did change
