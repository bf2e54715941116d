"""The date of an article without one in its metadata, inferred from the dates its text reports as past."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from briefing import timex as dates
from briefing.model import Article, Timex
from briefing.timex import ctx as dates_ctx
from briefing.timex.values import DAY, grain, interval, parts


def with_date(article: Article) -> Article:
    """The article with its date inferred from the text when nothing else dated it.

    Only a full date (day, month and year) that the lead paragraph reports as past can date an article:
    the lead tells the news, while later paragraphs reach back in history ("on 11 September 2001",
    "5 April 1920"); a bare year or month, or a number anywhere, is no evidence of when it was written.
    Otherwise the article stays undated (date None) and the reason says why.
    """
    if article.date is not None:
        return article
    lead = next((b.text for b in article.blocks if b.kind == "paragraph"), "")
    date, precision, reason = infer_article_date(lead, full_dates_only=True)
    if date is None:
        return dataclasses.replace(article, date_reason=f"undated: {reason} in the lead paragraph")
    return dataclasses.replace(
        article,
        date=date,
        date_precision=precision,
        inferred=article.inferred | {"date"},
        date_reason=f"inferred from the text, {reason}",
    )


_HISTORY = re.compile(r"\b(?:years|decades|centuries|a century)\s+ago\b|\banniversary\b", re.I)
_YEAR_IN_TEXT = re.compile(r"\d{4}|nineteen|two\s+thousand", re.I)


def _precision(value: str) -> str:
    """An article date's precision: 'day', 'month' or 'year'."""
    if grain(value[:10]) == DAY:
        return "day"
    return "month" if len(value) == 7 and parts(value).month else "year"


def _para_of(text: str, offset: int) -> int:
    """1-based paragraph number (blank-line or line separated) of an offset."""
    paras = [p for p in re.split(r"\n", text[:offset]) if p.strip()]
    return max(1, len(paras))


def infer_article_date(text: str, full_dates_only: bool = False) -> tuple[dt.date | None, str, str]:
    """(date, precision 'day'|'month'|'year', reason) inferred from an article's text with no metadata.
    Rule: the inferred date is the latest explicit (year-bearing) date the article reports as past -
    never later than that - adjusted by tense cues (a date written about in future tense bounds it from
    above). Returns (None, 'day', reason) when the text has no year-bearing date. The reason is a short human
    sentence shown by `build_site.py check`, e.g. 'latest past date reported: "April 11, 2024" (para 2)'.
    ``full_dates_only``: only day-precision dates written in past tense count (the rule for dating an
    article from its text)."""
    if not isinstance(text, str) or not text.strip():
        return None, "day", "no text to date"
    try:
        found = dates.tag(text, None)
    except Exception:  # noqa: BLE001 - a tagger bug must not stop reading an article
        return None, "day", "date tagger failed on this text"
    past: list[tuple[dt.date, Timex]] = []
    neutral: list[tuple[dt.date, Timex]] = []
    future: list[tuple[dt.date, Timex]] = []
    for t in found:
        if t.type not in ("DATE", "TIME") or not re.match(r"^\d{4}", t.value):
            continue
        if not _YEAR_IN_TEXT.search(t.text):
            continue  # only dates whose year is written out
        if full_dates_only and _precision(t.value) != "day":
            continue
        if full_dates_only and _HISTORY.search(text[max(0, t.start - 60) : t.end + 60]):
            continue  # "vanished 10 years ago, on 1 February 1995": an anniversary, not the day of the report
        span = interval(t.value)
        if span is None:
            continue
        before = text[max(0, t.start - 40) : t.start]
        tense = dates_ctx.tense(text, t.start, t.end)
        if t.mod == "BEFORE" or dates_ctx.DEADLINE_BEFORE.search(before) or tense == "future":
            future.append((span[0], t))
        elif tense == "past":
            past.append((span[0], t))
        else:
            neutral.append((span[0], t))
    if full_dates_only and not past:
        return None, "day", "no full date (day, month and year) that the text reports as past"
    if not (past or neutral or future):
        return None, "day", "no year-bearing date in the text"
    # A future-tense date bounds the article date from above; past dates after the bound are misreads.
    bound = min((d for d, _ in future), default=None)
    pool = past if full_dates_only else past or neutral
    if bound is not None:
        pool = [(d, t) for d, t in pool if d < bound] or []
    if not pool:
        d, t = min(future, key=lambda p: p[0])
        return None, "day", f'only dates written about as future, earliest: "{_one_line(t.text)}" (para {_para_of(text, t.start)})'
    order = {"year": 0, "month": 1, "day": 2}
    d, t = max(pool, key=lambda p: (p[0], order[_precision(p[1].value)]))
    precision = _precision(t.value)
    kind = "past" if past else "undated-tense"
    what = "latest past date reported" if kind == "past" else "latest date mentioned (no past-tense date)"
    reason = f'{what}: "{_one_line(t.text)}" (para {_para_of(text, t.start)})'
    if bound is not None:
        ft = min(future, key=lambda p: p[0])[1]
        reason += f'; before "{_one_line(ft.text)}", written about as future'
    return d, precision, reason


def _one_line(expression: str) -> str:
    """An expression as quoted in a reason: a date may run over a line break ("April\n2024")."""
    return " ".join(expression.split())
