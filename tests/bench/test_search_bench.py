"""The search bench's pure parts: which names it samples and what its report says."""

import json

from briefing.bench.search import Report, format_report, own_pages


def test_own_pages_samples_entities_with_a_page_from_the_most_named(tmp_path):
    rows = [{"name": f"E{i}", "url": f"entities/e{i}.html", "mentions": [{"source": f"{j}.txt"} for j in range(i)]}
            for i in range(1, 11)]
    rows.append({"name": "Listed", "url": "entities/by-type/person-l.html#e-listed", "mentions": [{"source": "a"}] * 50})
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "entities.json").write_text(json.dumps(rows), encoding="utf-8")
    got = own_pages(tmp_path, 3)
    assert got[0] == ("E10", "entities/e10.html")  # the most named first, the listed-only never
    assert len(got) == 3 and all("#" not in url for _, url in got)


def test_report_says_what_is_met_and_what_is_not():
    r = Report(index_raw=1_300_000, index_gz=400_000, docs=4379,
               first_view={"home (index.html)": (900_000, False), "largest (figures/index.html)": (1_600_000, False)},
               heaviest=[(669_000, "sitemap.xml")],
               first_result=[("index.html", "United States", 3.5, 2.6)],
               ranked=[("Japan", "entities/japan.html", ["entities/japan.html"]),
                       ("Team GB", "entities/team-gb.html", ["entities/team-gb-2.html", "entities/team-gb.html"])])
    out = format_report(r)
    assert "MISS largest first view: 1.60 MB" in out
    assert "MISS first result: median 3.50 s" in out
    assert "own page is the first result: 1/2 (in the first five: 2/2)" in out
    assert "'Team GB': entities/team-gb-2.html before entities/team-gb.html" in out
    assert "(no prebuilt postings)" in out
    r.postings = 940_000
    assert "(918 KB of it the prebuilt postings)" in format_report(r)
