"""A one-line headline for a dated statement: who does what to what, read off the dependency parse.

"On Tuesday, Defence Minister Kihara told reporters in Tokyo that Japan will raise defence spending to 2% of
GDP by 2027, a goal set in 2022." dated "2027" -> "Japan will raise defence spending". The clause is the one
that holds the date; its subject and object are cut to their noun phrases (no relative clauses, no
appositions), and the headline keeps the sentence's own words in their order. None where the parse gives
no verb with a subject or an object: the caller then shortens the sentence instead.
"""

from __future__ import annotations

from dataclasses import dataclass

_MAX_WORDS = 14
_SUBJECT = ("nsubj", "nsubjpass", "expl")
_OBJECT = ("dobj", "attr", "oprd", "dative", "acomp")
_VERB_PARTS = ("aux", "auxpass", "neg", "prt")
# A phrase keeps what names or counts its head, not what tells more about it.
_PHRASE = ("det", "compound", "amod", "nummod", "poss", "case", "quantmod", "nmod", "flat", "punct")
# A headline that opens with a pronoun does not say who: the sentence is shown instead.
_PRONOUN_SUBJECTS = frozenset("it this that which who he she they we i you there these those".split())
_COPULA = frozenset("is are was were be been being 's 're".split())


@dataclass(frozen=True)
class Headline:
    text: str
    verb: str  # the main verb as written, lower case ("raise"); what merging compares


def _phrase(tok) -> list:
    """``tok`` with the words that name or count it, and one short "of" phrase ("the leaders of Japan")."""
    keep = {tok.i}
    stack = [c for c in tok.children if c.i < tok.i and c.dep_ in _PHRASE]
    while stack:
        c = stack.pop()
        keep.add(c.i)
        stack.extend(g for g in c.children if g.dep_ in _PHRASE)
    for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"):
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        if objs and len(sub := _phrase(objs[0])) <= 4:
            keep.add(prep.i)
            keep.update(t.i for t in sub)
    doc = tok.doc
    # a hyphenated word the tokenizer cut stays whole ("U.N.-brokered", "for-profit")
    for i in sorted(keep):
        if i > 0 and (doc[i].text.startswith("-") or doc[i - 1].text.endswith("-")) and not doc[i - 1].whitespace_:
            keep.add(i - 1)
        if i + 1 < len(doc) and (doc[i].text.endswith("-") or doc[i + 1].text.startswith("-")) and not doc[i].whitespace_:
            keep.add(i + 1)
    # a name the parser split ("Truong" of "Truong My Lan" taken for an adverb) stays whole
    i = min(keep)
    while (i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper()
           and (doc[i].pos_ == "PROPN" or (doc[i].pos_ == "PRON" and doc[i].text[:1].isupper()))):
        i -= 1
        keep.add(i)
    out = [doc[i] for i in sorted(keep)]
    while out and out[0].dep_ in ("punct", "case") and out[0].i != tok.i:
        out = out[1:]
    while out and (out[-1].dep_ == "punct" or not any(ch.isalnum() for ch in out[-1].text)):
        out = out[:-1]
    return out


def _clause_verb(tok):
    """(verb, subject, borrowed): the verb of the clause holding ``tok``, the subject the parse did not give
    it (or None), and whether the clause is borrowed from the noun a participle describes.

    A participle after a subject ("The report, published in June, lays out …") is no clause of its own: the
    headline is the subject's clause ("The report lays out a framework"), if that says what (an object).
    Where the parse found no verb at all and made the sentence a noun ("Market prices for these
    commodities spiked after …" read as prices *that* spiked), the participle is the verb and the root
    noun its subject. Tokens are compared by index (``tok.i``), never with ``is``: spaCy makes a new
    token object on each access, so an ``is`` test never holds and a walk would not stop."""
    participle, via_subject = None, False
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass", "amod"):
            if tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBD"):
                if participle is not None and not via_subject:
                    return participle, None, False  # "a goal set in 2022": all the sentence says of it
                return tok, None, participle is not None
            if participle is None:
                participle, via_subject = tok, tok.head.dep_ in ("nsubj", "nsubjpass")
        if tok.head.i == tok.i:
            if participle is not None and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "ROOT":
                return participle, tok, False
            return (participle, None, False) if participle is not None else (None, None, False)
        tok = tok.head
    return None, None, False


def _words(toks) -> int:
    """Words a reader counts: no punctuation, no possessive "'s"."""
    return sum(1 for t in toks if t.dep_ not in ("punct", "case") and not t.is_punct)


def _verb_words(verb) -> list:
    return [c for c in verb.children if c.dep_ in _VERB_PARTS] + [verb]


def _object(verb, inside):
    """The verb's object phrase, else its first prepositional phrase that is not the date ("met in Tokyo")."""
    obj = next((c for c in verb.children if c.dep_ in _OBJECT and not inside(c)), None)
    if obj is not None:
        return _phrase(obj)
    for prep in (c for c in verb.rights if c.dep_ in ("prep", "agent")):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None and not any(inside(t) for t in pobj.subtree):
            return [prep, *_phrase(pobj)]
    return []


def headline(doc, start: int, end: int) -> Headline | None:
    """The headline of the statement dated by the expression at doc.text[start:end]; see the module."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None

    def inside(t) -> bool:
        return start <= t.idx < end

    verb, root_subject, borrowed = _clause_verb(span.root)
    if verb is None:
        return None
    words = _verb_words(verb)
    subj = root_subject or next((c for c in verb.children if c.dep_ in _SUBJECT), None)
    reporter: list = []
    if subj is not None and subj.lower_ in _PRONOUN_SUBJECTS and verb.dep_ == "ccomp" and verb.head.i < verb.i:
        # "The military said it killed Deif on July 13": who said it tells who "it" is
        teller = next((c for c in verb.head.children if c.dep_ in _SUBJECT and c.i < verb.head.i), None)
        if teller is not None and teller.lower_ not in _PRONOUN_SUBJECTS:
            reporter = [*_phrase(teller), *_verb_words(verb.head)]
    # "Japan plans to raise spending by 2027": the date's clause is "to raise", its subject the planner's
    top = verb
    while subj is None and top.dep_ in ("xcomp", "conj") and top.head.i != top.i:
        if top.dep_ == "xcomp":  # "plans to raise" keeps "plans"; "fell and have rebounded" only borrows who
            words += _verb_words(top.head)
        top = top.head
        subj = next((c for c in top.children if c.dep_ in _SUBJECT), None)
    if subj is not None and subj.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
        subj = verb.head  # "the summit, which will open in May": the summit
    if subj is None or (subj.lower_ in _PRONOUN_SUBJECTS and not reporter):
        return None  # "it opened in May": a headline that does not say who says nothing
    if reporter and reporter[0].dep_ == "poss" and reporter[0].pos_ == "PRON":
        return None
    if verb.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None  # "DFC reaching $3.71 billion": a participle, no statement
    if verb.tag_ == "VB" and verb.dep_ != "xcomp" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None  # "Its revenue grow from": a bare verb with a subject is a misparse
    subject = _phrase(subj)
    if subject and subject[0].dep_ == "poss" and subject[0].pos_ == "PRON":
        return None  # "Its revenue grew": whose, the headline would not say
    object_ = _object(verb, inside)
    if not object_:  # "Russia threatened to pull out": the infinitive says what
        xcomp = next((c for c in verb.rights if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if xcomp is not None:
            object_ = [*(c for c in xcomp.children if c.dep_ in ("aux", "auxpass", "prt")), xcomp, *_object(xcomp, inside)]
    said = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if borrowed and not (said is not None or any(t.dep_ in ("dobj", "dative", "oprd") for t in object_)):
        return None  # "The negotiations, …, led": the borrowed clause must say what
    if verb.lower_ in _COPULA and not any(t.dep_ in _OBJECT and t.tag_ not in ("JJR", "RBR") for t in object_):
        return None  # "exports were", "the canal was less": the complement left out or cut
    if said is not None and (not object_ or object_[0].dep_ in ("prep", "agent")):
        if said.i < verb.i:
            return None  # '"It will be investigated," Scholz said Saturday': the quote is the news
        # "the Authority said in August that it would cut transits": what it said is the object
        inner = next((c for c in said.children if c.dep_ in _SUBJECT), None)
        object_ = [*(_phrase(inner) if inner is not None else []), *_verb_words(said), *_object(said, inside)]
    toks = sorted({t.i: t for t in (*reporter, *subject, *words, *object_)}.values(), key=lambda t: t.i)
    if not 3 <= _words(toks) <= _MAX_WORDS:
        return None
    # the sentence's own spacing between neighbours ("U.S.-Japan"), one space over what is left out
    text = "".join(t.text_with_ws if nxt.i == t.i + 1 else t.text + " " for t, nxt in zip(toks, toks[1:]))
    text = " ".join((text + toks[-1].text).split())
    for pair in ("“”", "()", "[]"):  # a quotation or bracket the cut left open (’ is also an apostrophe)
        if text.count(pair[0]) != text.count(pair[1]):
            text = text.replace(pair[0], "").replace(pair[1], "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    return Headline(text=text[:1].upper() + text[1:], verb=verb.lower_)
