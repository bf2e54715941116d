"""Who owns or does a measured thing, read from the dependency parse of the figure's sentence.

In order: the possessor of the number or of the noun it measures ("France's 2.3 percent", "TSMC's production
will reach 900 million"), the owner named after "of" ("67% of Canada's GDP", "24% of U.S. GDP"), then the
subject of the verb that governs the number ("Japan will spend 2% of GDP", "Lan ... were accused of giving
officials $5.2m"), a pronoun taking the name that is subject earlier in the sentence. Only names count: a
sentence whose subject is a common noun ("the damages amounted to $27bn") gives no subject.
"""

from __future__ import annotations

_TITLES = {"President", "Prime", "Minister", "Chancellor", "Secretary", "General", "Mr.", "Mrs.", "Ms.", "Dr."}
_PRONOUNS = {"he", "she", "they", "it", "we"}
_CLIMB = {"dobj", "pobj", "prep", "pcomp", "attr", "appos", "conj", "dative", "npadvmod", "advmod", "nmod",
          "nummod", "quantmod", "compound", "amod", "oprd", "acomp", "xcomp", "advcl", "ccomp", "agent", "acl"}


def _is_name(tok) -> bool:
    return tok.pos_ == "PROPN" or (tok.text[:1].isupper() and tok.dep_ in ("amod", "compound", "poss", "nsubj",
                                                                            "nsubjpass") and tok.i > 0
                                   and tok.pos_ in ("ADJ", "NOUN", "PROPN"))


def _name(tok) -> str | None:
    """The name headed by ``tok`` with its compounds ("President Donald J. Trump" -> "Donald J. Trump",
    "U.S." -> "U.S."), or None when ``tok`` is no name."""
    if not _is_name(tok):
        return None
    left = tok
    while True:
        kids = [c for c in left.lefts if c.dep_ in ("compound", "flat") and (c.text[:1].isupper() or c.like_num)]
        if not kids:
            break
        left = kids[0]
    words = tok.doc[left.i : tok.i + 1]
    toks = [t for t in words]
    while toks[:-1] and toks[0].text in _TITLES:
        toks = toks[1:]
    return tok.doc[toks[0].i : tok.i + 1].text


def _owner(noun, inside: tuple[int, int] = (0, 0)) -> str | None:
    """The name owning ``noun``: a possessor, a capitalised modifier ("U.S. GDP", "Vietnamese GDP"), or the
    possessor or modifier of the noun after its "of" ("of Canada's GDP"). Words ``inside`` the figure's own
    span ("300 million H100 equivalents") say what was measured, not whose it is."""
    def out(c) -> bool:
        return not inside[0] <= c.idx < inside[1]

    # the possessor may hang on a modifier: "TSMC's total silicon wafer production"
    for c in filter(out, (t for t in noun.subtree if t.i <= noun.i)):
        if c.dep_ == "poss" and (name := _name(c)):
            return name
    for c in filter(out, noun.lefts):
        if c.dep_ in ("compound", "amod", "nmod") and c.text[:1].isupper() and (name := _name(c)):
            return name
    for prep in (c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            owner = _owner(obj)
            if owner:
                return owner
    return None


def _verb_subject(tok):
    """The nominal subject of the verb governing ``tok``, climbing through objects, prepositions and
    infinitive or gerund clauses ("intends to mobilize $10 billion" -> the subject of "intends")."""
    seen = 0
    while seen < 12:
        seen += 1
        if tok.pos_ in ("VERB", "AUX"):
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                return subj[0]
            if tok.dep_ == "relcl":  # "the system which can reclaim 60%": the antecedent's owner
                return tok.head
        if tok.dep_ not in _CLIMB and tok.dep_ != "relcl" or tok.head is tok:
            return None
        tok = tok.head
    return None


def dep_subject(doc, start: int, end: int) -> str | None:
    """The subject of the figure at doc.text[start:end]: see the module docstring. None when the
    sentence names none."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    noun = head.head if head.dep_ in ("nmod", "nummod", "compound", "amod", "quantmod") and \
        head.head.pos_ in ("NOUN", "PROPN") and not (start <= head.head.idx < end) else head
    for n in (head, noun):
        owner = _owner(n, (start, end))
        if owner:
            return owner
    subj = _verb_subject(noun)
    if subj is None or start <= subj.idx < end:
        return None  # the number is the subject itself ("510 million tons traversed the canal")
    if subj.lower_ in _PRONOUNS:
        earlier = [t for t in doc if t.i < subj.i and t.dep_ in ("nsubj", "nsubjpass") and _name(t)]
        return _name(earlier[-1]) if earlier else None
    if subj.lower_ in ("which", "that", "who"):
        return None
    return _name(subj) or _owner(subj)
