"""Theme scoring: the taxonomy file, the seeds' paragraphs, and a hand gold set on test articles."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.annotate.themes import load_taxonomy, normalise, score_blocks
from briefing.knowledge import KnowledgeError
from briefing.model import Block
from textblocks import ANNOT, ROOT, annot_gold, article_blocks, seed_blocks

TAXONOMY = ROOT / "knowledge" / "themes.yml"
ARTICLES = ANNOT
GOLD = annot_gold()


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(TAXONOMY)


def themes_of(blocks, taxonomy) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for t in score_blocks(blocks, taxonomy):
        out.setdefault(t.block, set()).add(t.theme)
    return out


def test_taxonomy_has_the_domain_themes(taxonomy):
    ids = {t.id for t in taxonomy}
    assert len(taxonomy) == 11 and len(ids) == 11
    for needed in ("defence-spending", "taiwan-deterrence", "force-posture", "us-strategy-documents",
                   "alliance-asymmetry", "c2-interoperability", "defence-industry", "minilateral-partnerships",
                   "north-korea-missile-defence", "economic-security", "china-military-buildup"):
        assert needed in ids
    for theme in taxonomy:
        assert theme.name and theme.description and len(theme.cues) >= 10


@pytest.mark.parametrize(
    "body, message",
    [
        ("themes:\n  - id: Bad Id\n    name: X\n    description: Y\n    cues: [a]\n", ":2: theme #1: id"),
        ("themes:\n  - id: a\n    name: X\n    description: Y\n    cues: [a]\n"
         "  - id: a\n    name: X\n    description: Y\n    cues: [b]\n", "used twice"),
        ("themes:\n  - id: a\n    name: X\n    description: Y\n    cues:\n      - trade: -2\n", ":6: theme 'a': cue"),
        ("themes:\n  - id: a\n    name: X\n    description: Y\n", "needs a list of cues"),
        ("themes:\n  - id: a\n    name: [\n", "invalid YAML"),
        ("- just a list\n", "expected a non-empty list"),
    ],
)
def test_taxonomy_mistakes_name_file_and_line(tmp_path, body, message):
    path = tmp_path / "themes.yml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load_taxonomy(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_normalisation_meets_word_forms():
    assert normalise("missiles sharing defence programmes") == normalise("missile share defense program")
    assert normalise("5% of GDP") == normalise("5 per cent of GDP") == normalise("5 percent of gdp")
    assert normalise("China’s build-up") == normalise("China build up")


SEED_EXPECTATIONS = [
    # (seed, words the paragraph contains, theme it must carry)
    ("000_a1e920c190a59cd0.txt", "spend 5% of gross domestic product", "defence-spending"),
    ("000_a1e920c190a59cd0.txt", "spend 5% of gross domestic product", "us-strategy-documents"),
    ("000_a1e920c190a59cd0.txt", "aligning the U.S. military’s access routes", "force-posture"),
    ("001_9ff8a30773218a0b.txt", "1.785 trillion yuan", "defence-spending"),
    ("001_9ff8a30773218a0b.txt", "ready to invade Taiwan", "taiwan-deterrence"),
    ("001_9ff8a30773218a0b.txt", "like-minded nations that share its values", "minilateral-partnerships"),
    ("001_9ff8a30773218a0b.txt", "joint development of the equipment", "defence-industry"),
    ("002_1df7e43d1ca862d2.txt", "5% of gross domestic product", "defence-spending"),
    ("002_1df7e43d1ca862d2.txt", "$550 billion", "economic-security"),
    ("003_144dd75949ae36c8.txt", "Trans-Pacific Partnership", "economic-security"),
    ("003_144dd75949ae36c8.txt", "intercontinental ballistic missiles", "north-korea-missile-defence"),
    ("003_144dd75949ae36c8.txt", "Pyongyang would honor", "north-korea-missile-defence"),
    ("003_144dd75949ae36c8.txt", "3.1 percent of GDP", "defence-spending"),
    ("003_144dd75949ae36c8.txt", "never an equal ally", "alliance-asymmetry"),
    ("004_cb5809e3efe40ebf.txt", "command and control, or C2", "c2-interoperability"),
    ("004_cb5809e3efe40ebf.txt", "upgrade their respective C2 frameworks", "c2-interoperability"),
    ("004_cb5809e3efe40ebf.txt", "co-production", "defence-industry"),
    ("004_cb5809e3efe40ebf.txt", "commercial shipyards", "defence-industry"),
    ("004_cb5809e3efe40ebf.txt", "AUKUS Pillar II", "minilateral-partnerships"),
    ("004_cb5809e3efe40ebf.txt", "minilateral cooperation with regional states", "minilateral-partnerships"),
    ("004_cb5809e3efe40ebf.txt", "peace and stability of the Taiwan Strait is vital", "taiwan-deterrence"),
    ("004_cb5809e3efe40ebf.txt", "2% of GDP by 2027", "defence-spending"),
]


@pytest.mark.parametrize("seed, words, theme", SEED_EXPECTATIONS)
def test_seed_paragraphs_carry_their_theme(taxonomy, seed, words, theme):
    blocks = seed_blocks(seed, guess_headings=True)
    found = themes_of(blocks, taxonomy)
    hits = [b for b in blocks if words in b.text and b.kind == "paragraph"]
    assert hits, words
    assert all(theme in found.get(b.index, set()) for b in hits), (words, [found.get(b.index) for b in hits])


def test_seed_paragraphs_about_something_else_get_no_theme(taxonomy):
    blocks = seed_blocks("003_144dd75949ae36c8.txt", guess_headings=True)
    found = themes_of(blocks, taxonomy)
    bio = next(b for b in blocks if b.text.startswith("Richard Solomon is an author"))
    assert bio.index not in found


def test_headings_and_neighbours_lend_weight(taxonomy):
    para = "The new arrangements will also require closer coordination between the two staffs."
    alone = score_blocks([Block(0, "paragraph", para)], taxonomy)
    under = score_blocks([Block(0, "heading", "Command and control", 2), Block(1, "paragraph", para)], taxonomy)
    alone_c2 = max((t.score for t in alone if t.theme == "c2-interoperability"), default=0.0)
    under_c2 = max((t.score for t in under if t.theme == "c2-interoperability"), default=0.0)
    assert under_c2 > alone_c2 and under_c2 > 0.4
    assert all(t.block != 0 for t in under)  # headings are not scored themselves


def test_precision_recall_against_gold(taxonomy):
    tp = fp = fn = 0
    for name, gold in GOLD.items():
        blocks = article_blocks(ARTICLES / name)
        found = themes_of(blocks, taxonomy)
        want = {int(k): set(v) for k, v in (gold.get("themes") or {}).items()}
        for b in blocks:
            got, exp = found.get(b.index, set()), want.get(b.index, set())
            tp += len(got & exp)
            fp += len(got - exp)
            fn += len(exp - got)
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(f"\nthemes on {len(GOLD)} gold articles: precision {precision:.2f} recall {recall:.2f} (tp {tp}, fp {fp}, fn {fn})")
    assert precision >= 0.8 and recall >= 0.75


def test_sports_story_gets_no_theme(taxonomy):
    assert score_blocks(article_blocks(ARTICLES / "football_derby.txt"), taxonomy) == ()


def test_scores_are_in_range_and_only_for_body_blocks(taxonomy):
    blocks = seed_blocks("004_cb5809e3efe40ebf.txt", guess_headings=True) + [Block(99, "caption", "Missile defense command and control")]
    kinds = {b.index: b.kind for b in blocks}
    for t in score_blocks(blocks, taxonomy):
        assert 0.4 < t.score <= 1.0
        assert kinds[t.block] in ("paragraph", "quote", "item")


def test_mention_types_support_a_theme(taxonomy):
    lead = Block(0, "paragraph", "The National Defense Strategy was released this week.")
    para = Block(1, "paragraph", "The strategy, published on Friday, sets out the administration's priorities for the region.")
    base = {t.theme: t.score for t in score_blocks([lead, para], taxonomy) if t.block == 1}
    typed = {t.theme: t.score for t in score_blocks([lead, para], taxonomy, {1: ["document"]}) if t.block == 1}
    assert typed.get("us-strategy-documents", 0.0) > base.get("us-strategy-documents", 0.0)


def economic(blocks, taxonomy) -> set[int]:
    return {t.block for t in score_blocks(blocks, taxonomy) if t.theme == "economic-security"}


def test_weak_evidence_needs_a_settled_paragraph_near_by(taxonomy):
    # One "investment" and "the economy": any news about money says as much; it is not economic security.
    money = Block(1, "paragraph", "Investment in the new chips is staggering, and analysts say the boom will "
                                  "lift the whole economy over the next five years.")
    assert economic([money], taxonomy) == set()
    settled = Block(0, "paragraph", "Washington raised tariffs on imported steel and aluminum last month.")
    assert economic([settled, money], taxonomy) == {0, 1}  # in an article about tariffs it is
    far = [settled] + [Block(i, "paragraph", "The weather was fine.") for i in (1, 2, 3)] + [dataclasses.replace(money, index=4)]
    assert economic(far, taxonomy) == {0}


def test_a_common_cue_inside_a_name_only_helps(taxonomy):
    bank = "The U.S. Export Import Bank raised its investments in clean energy projects across the region."
    trade = "Exports and imports fell, and investments in clean energy projects across the region slowed."
    assert economic([Block(0, "paragraph", bank)], taxonomy) == set()
    assert economic([Block(0, "paragraph", trade)], taxonomy) == {0}
    # A cue that settles a theme still counts inside a name, and a cue written as a name is one.
    industry = "The Defense Industries System is Sudan's largest defense enterprise; it manufactures small arms."
    assert any(t.theme == "defence-industry" for t in score_blocks([Block(0, "paragraph", industry)], taxonomy))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_on_arbitrary_text(taxonomy, text):
    blocks = [Block(0, "heading", text[:30], 2), Block(1, "paragraph", text), Block(2, "quote", text[::-1])]
    for t in score_blocks(blocks, taxonomy):
        assert 0.0 <= t.score <= 1.0


def test_odd_inputs(taxonomy):
    junk = ["", "<html><body><p>defense spending</p></body></html>", "# Heading\n\n* item", "\x00\x01\ufffd" * 50,
            "trade " * 20000]
    for text in junk:
        score_blocks([Block(0, "paragraph", text)], taxonomy)
    assert score_blocks([], taxonomy) == ()
    assert score_blocks([Block(0, "paragraph", "tariffs and trade")], ()) == ()
