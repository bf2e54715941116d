import datetime as dt

from briefing.site.dates import is_ahead, timex_value
from briefing.timex.values import interval


def test_human_values():
    assert timex_value("2026-03-19") == "19 March 2026"
    assert timex_value("2025-12") == "December 2025"
    assert timex_value("199X") == "the 1990s"
    assert timex_value("2026-Q2") == "Q2 2026"
    assert timex_value("P5Y") == "P5Y"


def test_bounds_and_ahead():
    today = dt.date(2026, 5, 23)
    assert interval("2026-02") == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert interval("XXXX-03-19") is None
    assert is_ahead("2027", "target", today)
    assert is_ahead("2026", "target", today)  # a goal for this year is still ahead
    assert not is_ahead("2026", "past", today)
    assert not is_ahead("2026-03-19", "scheduled", today)  # was scheduled, now behind us


def test_readable_tooltips():
    from briefing.site.dates import duration_phrase, is_vague, timex_tooltip

    assert timex_tooltip("DATE", "2024-04") == "April 2024"
    assert timex_tooltip("DATE", "2025-12-02") == "2 December 2025"
    assert timex_tooltip("DATE", "2027", "BEFORE") == "by 2027"
    assert timex_tooltip("DURATION", "P5Y") == "5 years"
    assert timex_tooltip("TIME", "2023-06-01T11:04") == "1 June 2023, 11:04"
    assert timex_tooltip("TIME", "2019-11-19TNI") == "19 November 2019"
    assert timex_tooltip("DATE", "XXXX-03") == ""  # no words to give: no tooltip rather than a code
    for args in (("DATE", "2024-04"), ("DATE", "2027", "BEFORE"), ("DURATION", "P5Y"), ("TIME", "2023-06-01T11:04")):
        assert "TIMEX" not in timex_tooltip(*args)
    assert duration_phrase("P1M") == "1 month" and duration_phrase("PT30M") == "30 minutes"
    assert duration_phrase("PXY") == "years" and duration_phrase("2024") is None
    assert timex_value("18") == "the 19th century" and timex_value("20XX") == "the 21st century"
    assert is_vague("PRESENT_REF") and is_vague("FUTURE_REF") and not is_vague("2024")
