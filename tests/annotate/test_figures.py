"""Figures: GDP shares, money, counts and percentages with subject and year."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.annotate.figures import find_figures
from briefing.model import Block
from textblocks import ANNOT, ROOT, annot_gold, article_blocks, seed_blocks

ARTICLES = ANNOT
GOLD = annot_gold()


def facts(figs):
    return [(f.text, f.metric, f.value, f.unit, f.subject, f.year) for f in figs]


def test_the_2017_spending_shares():
    got = [f for f in find_figures(seed_blocks("003_144dd75949ae36c8.txt"), 2018) if f.metric == "gdp_share"]
    assert [(f.subject, f.value, f.year) for f in got] == [
        ("U.S.", 3.1, 2017), ("France", 2.3, 2017), ("U.K.", 1.8, 2017), ("Germany", 1.2, 2017), ("Japan", 0.9, 2017)]
    assert all(f.unit == "%" for f in got)


def test_seed_targets_and_money():
    f0 = facts(find_figures(seed_blocks("000_a1e920c190a59cd0.txt"), 2026))
    assert ("3.5%", "gdp_share", 3.5, "%", "South Korea", None) in f0
    assert ("5%", "gdp_share", 5.0, "%", "Taiwan", 2030) in f0
    assert any(t == "5% of GDP" and y == 2035 for t, _, _, _, _, y in f0)
    f1 = facts(find_figures(seed_blocks("001_9ff8a30773218a0b.txt"), 2026))
    assert ("1.785 trillion yuan", "money", 1.785e12, "CNY", "China", 2025) in f1
    assert ("¥8.7 trillion", "money", 8.7e12, "JPY", "Japan", 2025) in f1
    f2 = facts(find_figures(seed_blocks("002_1df7e43d1ca862d2.txt"), 2026))
    assert ("$550 billion", "money", 5.5e11, "USD", "Japan", None) in f2
    assert ("5% of gross domestic product", "gdp_share", 5.0, "%", "NATO", None) in f2
    f4 = facts(find_figures(seed_blocks("004_cb5809e3efe40ebf.txt"), 2024))
    assert ("2% of GDP", "gdp_share", 2.0, "%", "Japan", 2027) in f4
    assert any(t == "60%" and m == "percent" for t, m, *_ in f4)


def test_article_year_only_for_present_tense():
    blocks = [Block(0, "paragraph", "The United States accounts for 35 percent of global military spending."),
              Block(1, "paragraph", "Germany has announced a special fund of €100 billion for its army.")]
    got = {f.text: f.year for f in find_figures(blocks, 2025)}
    assert got == {"35 percent": 2025, "€100 billion": None}


def test_counts_and_scales():
    blocks = [Block(0, "paragraph", "Britain will send 1,200 troops and two ships, while Boeing 777 aircraft "
                                    "are grounded. The budget is £1.5bn, and the film won 3 awards; Burnout 3 won.")]
    got = facts(find_figures(blocks, None))
    assert ("1,200 troops", "count", 1200.0, "troops", "Britain", None) in got
    assert ("£1.5bn", "money", 1.5e9, "GBP", None, None) in got
    assert not any("777" in t or "won" in t for t, *_ in got)


def test_precision_recall_against_gold():
    tp = fp = fn = subj_ok = year_ok = 0
    for name, gold in GOLD.items():
        want = [(g["text"], g["metric"], float(g["value"]), g["unit"]) for g in gold["figures"]]
        meta = [(g["subject"], g["year"]) for g in gold["figures"]]
        got = find_figures(article_blocks(ARTICLES / name), 2025)
        left = list(range(len(want)))
        for f in got:
            key = (f.text, f.metric, f.value, f.unit)
            match = next((i for i in left if want[i] == key), None)
            if match is None:
                fp += 1
                continue
            left.remove(match)
            tp += 1
            subj_ok += meta[match][0] == f.subject
            year_ok += meta[match][1] == f.year
        fn += len(left)
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(f"\nfigures on {len(GOLD)} gold articles: precision {precision:.2f} recall {recall:.2f} "
          f"(tp {tp}, fp {fp}, fn {fn}); subject right {subj_ok}/{tp}, year right {year_ok}/{tp}")
    assert precision >= 0.8 and recall >= 0.8
    assert subj_ok >= 0.6 * tp and year_ok >= 0.8 * tp


def test_offsets_slice_back_to_text():
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        blocks = seed_blocks(seed.name)
        for f in find_figures(blocks, 2026):
            assert blocks[f.block].text[f.start : f.end] == f.text


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,%$€£¥ ()In2017percentofGDPtroopsJapan’s spent\n\"“”")),
               max_size=300))
def test_never_raises_on_arbitrary_text(text):
    for f in find_figures([Block(0, "paragraph", text)], 2020):
        assert text[f.start : f.end] == f.text


def test_odd_inputs():
    for text in ["", "<p>5% of GDP</p>", "\x00" * 100, "1" * 5000, "$" * 1000, "In 2017, " * 3000]:
        find_figures([Block(0, "paragraph", text)], None)


# ---- comparing like with like: kind, measure, subject ---------------------------------------------

from briefing.annotate.figures import figure_kind, measure_of  # noqa: E402


def kind_and_measure(sentence: str, number: str, metric: str, unit: str = "%", before: str = ""):
    start = sentence.index(number)
    return figure_kind(sentence, start, start + len(number)), measure_of(sentence, start, metric, unit, before)


@pytest.mark.parametrize(
    ("sentence", "number", "metric", "expected"),
    [
        ("In 2017, the U.S. spent 3.1 percent of GDP on defense.", "3.1 percent of GDP", "gdp_share",
         ("actual", "defence spending")),
        ("Japan is moving to fulfill its commitment to increase its defense spending to 2% of GDP by 2027.",
         "2% of GDP", "gdp_share", ("target", "defence spending")),
        ("South Korea has vowed to increase the percentage to 3.5%, with Taiwan setting a 5% target for 2030.",
         "5%", "gdp_share", ("target", "share of GDP")),
        ("The strategies called on U.S. allies to spend 5% of gross domestic product on defense.",
         "5% of gross domestic product", "gdp_share", ("target", "defence spending")),
        ("France's budget deficit was 3.7% of GDP last year.", "3.7% of GDP", "gdp_share", ("actual", "budget deficit")),
        ("Shell reported profits of $18.5bn for the year.", "$18.5bn", "money", ("actual", "profit")),
        ("Opinion polls showed that more than 60% of the respondents backed it.", "60%", "percent", ("actual", "polls")),
    ],
)
def test_kind_and_measure(sentence, number, metric, expected):
    assert kind_and_measure(sentence, number, metric, "USD" if metric == "money" else "%") == expected


def test_a_follow_up_sentence_keeps_the_measure_of_the_one_before():
    before = "In 2017, the U.S. spent 3.1 percent of GDP on defense compared with France's 2.3 percent. "
    assert kind_and_measure("Japan spent just 0.9 percent.", "0.9 percent", "gdp_share", before=before) == (
        "actual", "defence spending")


def test_subjects_resolve_through_merged_entities():
    from briefing.link.entities import subject_resolver
    from briefing.model import Entity

    resolve = subject_resolver([
        Entity("united-states", "United States", "place", ("America", "U.S.", "US")), Entity("japan", "Japan", "place"),
        Entity("nato", "North Atlantic Treaty Organization", "organization", ("NATO",)),
    ])
    assert {resolve(s).id for s in ("U.S.", "America", "United States", "the U.S.")} == {"united-states"}
    assert resolve("Japanese government").id == "japan"
    assert resolve("North Atlantic Treaty Organization members").id == "nato"
    assert resolve("Narnia") is None and resolve(None) is None


def test_figures_page_and_export_on_the_seeds(seeds_site):
    import json

    page = (seeds_site / "site" / "figures" / "index.html").read_text(encoding="utf-8")
    chart = page[page.index("Defence spending as a share of GDP"):]
    chart = chart[: chart.index("</svg>")]
    # one subject for every spelling of the United States; reported shares apart from targets
    assert "United States 2017" in chart and ">U.S. 2017<" not in chart
    reported, targets = chart.split("Targets and pledges")
    assert "Japan 2017" in reported and "Japan 2027" in targets and "Taiwan 2030" in targets
    assert "Japan 2027" not in reported
    assert chart.count("xlink:href=") >= 8  # every bar links to its sentence
    figures = json.loads((seeds_site / "site" / "data" / "figures.json").read_text(encoding="utf-8"))
    japan = [f for f in figures if f["text"] == "2% of GDP" and f["year"] == 2027]
    assert japan and japan[0]["kind"] == "target" and japan[0]["entity"] == "japan"
    assert all("#p" in f["url"] for f in figures)
