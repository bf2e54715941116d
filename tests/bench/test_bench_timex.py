"""The TempEval-3 scorer on hand-made TimeML, and a floor on the real training documents."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing import timex as dates
from briefing.bench import timex
from briefing.model import Timex

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" functionInDocument="CREATION_TIME">1998-02-06</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-02-05">Thursday</TIMEX3> that sales rose in <TIMEX3 tid="t2" type="DATE" value="1997-Q4">the fourth quarter</TIMEX3> for <TIMEX3 tid="t3" type="DURATION" value="P2Y">two years</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST"/>
</TimeML>
"""


def test_parse_strips_tags_and_unescapes_entities() -> None:
    doc = timex.parse_timeml(TML, "X")
    assert doc.dct == dt.date(1998, 2, 6)
    assert doc.text.startswith("\nAT&T said Thursday")
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("Thursday", "DATE", "1998-02-05"),
        ("the fourth quarter", "DATE", "1997-Q4"),
        ("two years", "DURATION", "P2Y"),
    ]
    for g in doc.gold:
        assert doc.text[g.start : g.end] == g.text


def test_scoring_strict_relaxed_type_value() -> None:
    doc = timex.parse_timeml(TML)
    g = {t.text: t for t in doc.gold}
    th, q, y = g["Thursday"], g["the fourth quarter"], g["two years"]
    system = [
        Timex(th.start, th.end, th.text, "DATE", "1998-02-05"),  # strict, right value
        Timex(q.start + 4, q.end, "fourth quarter", "DATE", "1998-Q4"),  # relaxed only, wrong value
        Timex(y.start, y.end, y.text, "DATE", "P2Y"),  # strict, wrong type, right value
        Timex(0, 3, "AT&", "DATE", "XXXX"),  # spurious
    ]
    r = timex.score_doc(doc.gold, system)
    c = r.counts
    assert (c.gold, c.system, c.strict, c.relaxed, c.type, c.value) == (3, 4, 2, 3, 2, 2)
    assert c.prf("relaxed") == pytest.approx((3 / 4, 1.0, 6 / 7))
    assert c.prf("value")[2] == pytest.approx(4 / 7)
    assert [s.text for s in r.spurious] == ["AT&"]
    assert [(gg.text, ss.value) for gg, ss in r.wrong_value] == [("the fourth quarter", "1998-Q4")]


def test_each_gold_is_matched_at_most_once() -> None:
    gold = [Timex(0, 5, "a", "DATE", "1"), Timex(6, 10, "b", "DATE", "2")]
    system = [Timex(0, 10, "ab", "DATE", "1")]  # overlaps both
    c = timex.score_doc(gold, system).counts
    assert (c.relaxed, c.value) == (1, 1)
    system = [Timex(0, 3, "x", "DATE", "1"), Timex(2, 5, "y", "DATE", "1")]  # two for one gold
    c = timex.score_doc(gold[:1], system).counts
    assert (c.relaxed, c.system) == (1, 2)


def test_report_runs_on_hand_made_document() -> None:
    rep = timex.run([timex.parse_timeml(TML, "X")], dates.tag)
    text = timex.format_report(rep)
    assert "ALL" in text and "commonest missed" in text
    assert rep.total.value >= 2  # Thursday and two years


TRAIN = timex.default_dir()


@pytest.mark.skipif(not TRAIN.is_dir(), reason="TempEval-3 training data not present")
def test_training_documents_floor() -> None:
    docs = timex.load_dir(TRAIN)
    assert len(docs) == 256 and sum(len(d.gold) for d in docs) == 1822
    rep = timex.run(docs, dates.tag)
    assert rep.total.prf("relaxed")[2] > 0.93
    assert rep.total.prf("strict")[2] > 0.85
    assert rep.total.prf("value")[2] > 0.80
    # Both halves, so a rule that helps one corpus by hurting the other shows up.
    assert rep.by_part["TimeBank"].prf("value")[2] > 0.81
    assert rep.by_part["AQUAINT"].prf("value")[2] > 0.775


def test_speed_times_the_tagger_over_text_files(tmp_path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "1.txt").write_text("The plant closed on March 3, 2004.", encoding="utf-8")
    (tmp_path / "2.txt").write_bytes(b"Caf\xe9 opened last week.")  # not UTF-8: replaced, not raised
    seen: list[str] = []

    def tagger(text, dct):
        seen.append(text)
        return dates.tag(text, dct)

    n, size, secs = timex.speed(sorted(tmp_path.rglob("*.txt")), tagger)
    assert n == 2 and size == len("The plant closed on March 3, 2004.") + len("Caf\ufffd opened last week.".encode())
    assert secs >= 0 and len(seen) == 2


def test_speed_command_prints_megabytes_a_second(tmp_path, capsys) -> None:
    from briefing.bench.__main__ import main

    (tmp_path / "1.txt").write_text("Talks resume on Monday.", encoding="utf-8")
    assert main(["timex", "--speed", str(tmp_path)]) == 0
    assert "MB/s" in capsys.readouterr().out
    assert main(["timex", "--speed", str(tmp_path / "missing")]) == 2
