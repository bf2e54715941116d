from briefing.annotate.sentences import sentence_at, sentences, split
from briefing.model import Block


def texts(t):
    return [t[s:e] for s, e in split(t)]


def test_abbreviations_and_initials_do_not_split():
    t = "On Dec. 7, U.S. President Donald Trump met Mr. Abe. Credit: photo by D. Myles Cullen. It rained."
    assert texts(t) == ["On Dec. 7, U.S. President Donald Trump met Mr. Abe.",
                        "Credit: photo by D. Myles Cullen.", "It rained."]


def test_country_abbreviation_at_sentence_end():
    t = "They depend on the U.S. While NATO members agreed, Japan did not."
    assert texts(t) == ["They depend on the U.S.", "While NATO members agreed, Japan did not."]


def test_quotes_and_questions():
    t = "“That shocked us,” says Jimbo. Can Japan cope? “Yes.” He left."
    assert texts(t) == ["“That shocked us,” says Jimbo.", "Can Japan cope?", "“Yes.”", "He left."]


def test_spans_cover_text_and_sentence_at():
    block = Block(index=0, kind="paragraph", text="One. Two three. Four")
    sents = sentences([block])
    assert [s.index for s in sents] == [0, 1, 2]
    assert sentence_at(sents, 0, 6).index == 1
    assert sentence_at(sents, 0, 0).index == 0
    assert split("") == [] and split("   ") == []
