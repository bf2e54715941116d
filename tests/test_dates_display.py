import datetime as dt

from briefing.dates_display import bounds, is_ahead, timex_value


def test_human_values():
    assert timex_value("2026-03-19") == "19 March 2026"
    assert timex_value("2025-12") == "December 2025"
    assert timex_value("199X") == "the 1990s"
    assert timex_value("2026-Q2") == "Q2 2026"
    assert timex_value("P5Y") == "P5Y"


def test_bounds_and_ahead():
    today = dt.date(2026, 5, 23)
    assert bounds("2026-02") == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert bounds("XXXX-03-19") is None
    assert is_ahead("2027", "target", today)
    assert is_ahead("2026", "target", today)  # a goal for this year is still ahead
    assert not is_ahead("2026", "past", today)
    assert not is_ahead("2026-03-19", "scheduled", today)  # was scheduled, now behind us
