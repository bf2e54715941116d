"""Who owns or does a measured thing, read from the dependency parse of the figure's sentence.

In order: the possessor of the number or of the noun it measures ("France's 2.3 percent", "TSMC's production
will reach 900 million"), the owner named after "of" ("67% of Canada's GDP", "24% of U.S. GDP"), then the
subject of the verb that governs the number ("Japan will spend 2% of GDP", "Lan ... were accused of giving
officials $5.2m"), a pronoun taking the name that is subject earlier in the sentence, or the previous sentence's
subject ("the PCA received $3.3 billion. That was $319 million higher"). A relative clause's "which" stands
for its antecedent ("the locks have a system which can reclaim 60%": the locks). A common-noun subject gives
the owner its modifier names ("poverty levels for Black children are expected to fall by 52%": Black
children), else nothing:
"the total damages amounted to $27bn" names no owner.
"""

from __future__ import annotations

import calendar

_TITLES = {"President", "Prime", "Minister", "Chancellor", "Secretary", "General", "Mr.", "Mrs.", "Ms.", "Dr."}
_PRONOUNS = {"he", "she", "they", "it", "we", "that", "this", "these", "those"}
_RELATIVE = {"which", "that", "who"}
# Where a count is counted: "3,375 flights across the United States".
_WHERE = {"across", "in", "throughout"}
# Measures, never owners: "0.2% growth in GDP".
_MEASURES = {"gdp", "gnp", "gni"}
# Spans of time, never owners: "profit for the quarter", "growth for the three months to December".
_TIME = {"year", "quarter", "month", "week", "day", "period", "season", "decade", "half", "time", "whole"}
_CALENDAR = {m.casefold() for m in (*calendar.month_name[1:], *calendar.day_name)}
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


def _owner(noun, inside: tuple[int, int] = (0, 0), where: bool = True) -> str | None:
    """The name owning ``noun``: a possessor, a capitalised modifier ("U.S. GDP", "Vietnamese GDP"), or the
    possessor or modifier of the noun after its "of" ("of Canada's GDP"). Words ``inside`` the figure's own
    span ("300 million H100 equivalents") say what was measured, not whose it is."""
    def out(c) -> bool:
        return not inside[0] <= c.idx < inside[1]

    # the possessor may hang on a modifier: "TSMC's total silicon wafer production"
    for c in filter(out, (t for t in noun.subtree if t.i <= noun.i)):
        if c.dep_ == "poss" and (name := _name(c)):
            return name
    # a capitalised modifier, of a common noun also one level down: "U.S. container traffic" ("U.S."
    # modifies "container"); a proper noun's own modifiers are part of its name ("US firm ISG")
    mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")]
    deeper = [g for c in mods for g in c.lefts if g.dep_ == "compound"] if noun.pos_ == "NOUN" else []
    for c in filter(out, mods + deeper):
        if c.text[:1].isupper() and (name := _name(c)):
            return name
    # Where a count is counted ("3,375 flights across the United States", "12.1% in Germany"): only for the
    # figure's own noun, never a share's base ("55% of the respondents in Spain") or a noun the figure
    # modifies ("a 56% stake in Ferrari" is Fiat's).
    where = where and inside[0] <= noun.idx < inside[1]
    for prep in (c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("of", *(_WHERE if where else ()))):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if prep.lower_ != "of":
                if obj.pos_ == "PROPN" and obj.lower_ not in _MEASURES | _CALENDAR and (name := _name(obj)):
                    return name
                continue
            owner = _owner(obj, where=False)
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


def _antecedent(rel):
    """The noun a relative pronoun stands for: its clause's head, or, when the parser hung the clause on a
    time adverbial ("the Panama Canal every year, which moves $270 billion"), the noun before that."""
    noun = rel.head.head
    if noun.dep_ in ("npadvmod", "tmod") or noun.lower_.removesuffix("s") in _TIME:
        before = [t for t in rel.doc[: noun.i] if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound"]
        return before[-1] if before else None
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def _modifier_owner(noun) -> str | None:
    """The owner a common noun's modifier names: who it is for ("poverty levels for Black children"). Noun
    compounds say what kind, not whose ("ticket sales"), so they give none."""
    if noun.pos_ != "NOUN":
        return None
    for prep in (c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("for", "among")):
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")):
            if obj.lower_.removesuffix("s") in _TIME | _CALENDAR or any(t.like_num for t in obj.subtree):
                continue  # "growth for the three months to December"
            first = next(t for t in obj.subtree if t.dep_ != "det")
            phrase = noun.doc[first.i : obj.i + 1].text
            # a group is itself the owner ("for Black children"); a measure has one ("for Japanese growth")
            return phrase if obj.tag_ in ("NNS", "NNPS") else _owner(obj) or phrase
    return None


def dep_subject(doc, start: int, end: int, previous: str | None = None) -> str | None:
    """The subject of the figure at doc.text[start:end]: see the module docstring. ``previous`` is the subject
    of the sentences before, which a pronoun may stand for. None when the text names none."""
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
    if subj.lower_ in _RELATIVE and subj.head.dep_ == "relcl":
        noun = _antecedent(subj)
        if noun is None:
            return None
        if (named := _name(noun) or _owner(noun)) is not None:
            return named
        subj = _verb_subject(noun)  # "the locks have a system which ...": the system's owner
        return None if subj is None or subj.lower_ in _PRONOUNS | _RELATIVE else _name(subj) or _owner(subj)
    if subj.lower_ in _PRONOUNS:
        earlier = [t for t in doc if t.i < subj.i and t.dep_ in ("nsubj", "nsubjpass") and _name(t)]
        if earlier:
            return _name(earlier[-1])
        # "That was $319 million higher", "It agreed to pay $13m": the sentences before; a pronoun deeper in
        # the sentence ("under its plan it had aimed") may stand for anyone named on the way
        return previous if subj.lower_ in ("that", "this") or subj.i == doc[0].i else None
    return _name(subj) or _owner(subj) or _modifier_owner(subj)
