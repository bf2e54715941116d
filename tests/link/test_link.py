"""The link stage on really annotated articles: what a timeline entry carries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.annotate import annotate, load_knowledge
from briefing.link import Corpus, link
from briefing.model import Article, Block

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2005, 3, 10)


def article(source: str, *paragraphs: str) -> Article:
    blocks = tuple(Block(i, "paragraph", p) for i, p in enumerate(paragraphs))
    return Article(source=source, slug=source.removesuffix(".txt"), title=source, blocks=blocks, date=TODAY)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    knowledge = load_knowledge(ROOT / "knowledge")
    doc = article(
        "talks.txt",
        "Tony Blair met Gordon Brown in Downing Street on 3 March 2005. Separately, Microsoft said profits rose.",
        "Microsoft will publish its annual report on 20 April 2005, a spokesman said.",
        "Tony Blair and Gordon Brown will meet again on 20 April 2005 to discuss the budget.",
    )
    return link([annotate(doc, knowledge)], knowledge.themes, [], TODAY)


def names(corpus: Corpus, entry) -> set[str]:
    by_id = {e.id: e.name for e in corpus.entities}
    return {by_id[i] for i in entry.entities}


def test_an_event_carries_the_entities_of_its_own_sentence(corpus):
    """Entities named in the event's sentence, not those of the next sentence or of other paragraphs."""
    (meeting,) = [e for e in corpus.timeline if e.value == "2005-03-03"]
    got = names(corpus, meeting)
    assert {"Tony Blair", "Gordon Brown"} <= got
    assert "Microsoft" not in got
    report = [e for e in corpus.timeline if e.value == "2005-04-20" and any(m.block == 1 for m in e.mentions)]
    assert report and all("Microsoft" in names(corpus, e) for e in report)


@pytest.fixture(scope="module")
def two_tellings() -> Corpus:
    knowledge = load_knowledge(ROOT / "knowledge")
    docs = [
        article("tokyo.txt", "Tony Blair met Junichiro Koizumi in Tokyo on 3 March 2005 to discuss trade."),
        article("speech.txt", "Tony Blair addressed the Labour conference in Brighton on 3 March 2005."),
        article("talks.txt", "On 3 March 2005 Tony Blair met Junichiro Koizumi in Tokyo, officials said."),
    ]
    return link([annotate(d, knowledge) for d in docs], knowledge.themes, [], TODAY)


def test_one_event_told_twice_is_one_entry_and_an_actor_shared_on_a_date_is_not_enough(two_tellings):
    """The meeting told by two articles is one entry; the speech the same man gave that day is another:
    a shared date and actor with another action never merge (issue 14)."""
    day = [e for e in two_tellings.timeline if e.value == "2005-03-03"]
    by_sources = {frozenset(m.source for m in e.mentions): e for e in day}
    assert frozenset({"tokyo.txt", "talks.txt"}) in by_sources
    assert frozenset({"speech.txt"}) in by_sources
    meeting = by_sources[frozenset({"tokyo.txt", "talks.txt"})]
    assert meeting.title.startswith("Tony Blair met Junichiro Koizumi")  # a headline, not the sentence cut
