"""Names found by rule beside the statistical model (issue 14: recall), as spans on the model's own tokens.

The small model misses names it has not seen even when their shape gives them away:
- a run of capitalised words ending in a head noun of forums, accords and programmes ("Shangri-La
  Dialogue", "Minsk Accord", "Global Combat Air Programme"), or an acronym before a programme word
  ("GEP programme");
- the acronyms and their expansions in knowledge/acronyms.yml, where the expansion is a proper name
  ("GCAP", "Quadrilateral Security Dialogue"; not "GDP", whose expansion is a common noun);
- a capitalised name of two words or more that the article repeats inside its sentences: written the same
  way twice, mid-sentence, it is a name even when the model saw it nowhere.

The matchers are built once per process and knowledge (they hold the vocabulary and the acronym table);
only the repeated names are the article's own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

from briefing.annotate import entities_rules as R
from briefing.annotate.entities_spans import TITLE_WORDS

Span = tuple[int, int, str]
# Head nouns that end a name of a gathering, an accord or a programme; the type comes from HEAD_LAST later.
HEADS = ("Dialogue Forum Agreement Treaty Initiative Accord Accords Summit Programme Program Pact Partnership "
         "Conference Convention Declaration Framework").split()
# spaCy label the pipeline reads back as our type (entities_rules.SPACY_TYPES); a concept has none, and
# its head noun retypes it anyway.
_LABEL = {"organization": "ORG", "place": "FAC", "document": "LAW", "equipment": "PRODUCT", "event": "EVENT",
          "person": "PERSON", "concept": "ORG"}
_CAP_TOKEN = {"TEXT": {"REGEX": r"^(?:[A-Z][\w’'.&-]*|[A-Z]\.(?:[A-Z]\.)+)$"}}
_CONNECT = {"LOWER": {"IN": ["of", "for", "on", "and"]}, "OP": "?"}
_CONNECT_WORDS = frozenset("of for on and the de la du".split())


def _label(name: str) -> str:
    from briefing.annotate.candidates import head_type  # candidates imports nothing of this module

    return _LABEL[head_type(name) or "organization"]


def _proper(expansion: str) -> bool:
    """"Global Combat Air Programme" names one thing; "gross domestic product" does not."""
    words = re.findall(r"[\w’'-]+", expansion)
    return bool(words) and all(w[0].isupper() or w.lower() in _CONNECT_WORDS for w in words)


@lru_cache(maxsize=4)
def _matchers(nlp, acronyms: tuple[tuple[str, str], ...]):
    """(head-noun Matcher, PhraseMatcher of names from acronyms.yml, {phrase: label}), built once."""
    from spacy.matcher import Matcher, PhraseMatcher

    first = {"TEXT": {"REGEX": r"^[A-Z][\w’'.&-]*$"}, "LOWER": {"NOT_IN": sorted(R.STOPWORDS | TITLE_WORDS)}}
    head = Matcher(nlp.vocab)
    head.add("HEAD", [[first, _CAP_TOKEN, {"ORTH": {"IN": HEADS}}],
                      [first, {"ORTH": {"IN": HEADS}}],
                      [first, _CAP_TOKEN, _CONNECT, _CAP_TOKEN, {"ORTH": {"IN": HEADS}}],
                      [first, _CAP_TOKEN, _CAP_TOKEN, _CAP_TOKEN, {"ORTH": {"IN": HEADS}}]], greedy="LONGEST")
    head.add("ACRONYM_PROGRAMME", [[{"TEXT": {"REGEX": r"^[A-Z][A-Z0-9&]{1,9}$"}},
                                    {"LOWER": {"IN": ["programme", "program", "initiative"]}}]])
    phrases = PhraseMatcher(nlp.vocab)
    labels: dict[str, str] = {}
    for term, expansion in acronyms:
        if _proper(expansion):
            labels[term] = labels[expansion] = _label(expansion)
    tokenizer = nlp.tokenizer
    phrases.add("KNOWN", [tokenizer(p) for p in sorted(labels)])
    return head, phrases, labels


def repeated_names(texts: Sequence[str]) -> frozenset[str]:
    """Capitalised names of two to five words the article writes at least twice inside a sentence (right
    after a lower-case word), none of their words a title or a date, their ends no function word."""
    counts: Counter[str] = Counter()
    for text in texts:
        for m in _RUN.finditer(text):
            before = text[max(0, m.start() - 40) : m.start()]
            if not re.search(r"(?:^|\s)[a-z][\w-]*\s$", before) or re.search(r"[A-Z][\w.]*\s+(?:and|of|for|&)\s$", before):
                continue  # inside a longer name ("Delta Air Lines", "Food and Drug ...") or a sentence's start
            name = m.group(0)
            words = name.split()
            if any(w.lower() in TITLE_WORDS or w.lower() in R.DATE_WORDS or w.lower() in _ROLES for w in words):
                continue  # "Supreme Leader Ayatollah ...": a titled person is the title rule's
            if words[0].lower() in R.STOPWORDS or words[-1].lower() in R.STOPWORDS:
                continue
            if all(w.lower() in R.GENERIC for w in words) or R.TITLE_ONLY_RE.fullmatch(name):
                continue
            counts[name] += 1
    return frozenset(n for n, k in counts.items() if k >= 2)


_WORD = r"[A-Z][a-z][\w-]*"
# Posts that are no title before a name but still name nobody: "Special Assistant to the President".
_ROLES = frozenset("assistant aide officer coordinator official deputy counsel".split())  # adviser: a title
# no "and": "Egypt and Israel" is two names
_RUN = re.compile(r"(?<![\w’'-])" + _WORD + r"(?: (?:of (?:the )?|for )?" + _WORD + r"){1,4}(?![\w-]| [A-Z])")


def extra_spans(nlp, acronyms: Mapping[str, str], texts: Sequence[str]) -> Callable[[object], list[Span]]:
    """extra(doc) -> (start_char, end_char, label) of the names above in one of ``texts``' docs."""
    head, phrases, labels = _matchers(nlp, tuple(sorted(acronyms.items())))
    repeated = repeated_names(texts)
    rx = re.compile(r"(?<![\w’'-])(?:" + "|".join(map(re.escape, sorted(repeated, key=len, reverse=True)))
                    + r")(?![\w’'-])") if repeated else None

    def extra(doc) -> list[Span]:
        out: list[Span] = []
        for _, s, e in head(doc):
            span = doc[s:e]
            out.append((span.start_char, span.end_char, _label(span.text)))
        for _, s, e in phrases(doc):
            span = doc[s:e]
            out.append((span.start_char, span.end_char, labels[span.text]))
        if rx is not None:
            # the model's label for the name where it saw it; a work it saw is read as a document (the
            # pipeline drops WORK_OF_ART, too often a fragment, but a title written twice is a name)
            seen = {re.sub(r"^[Tt]he ", "", e.text): "LAW" if e.label_ == "WORK_OF_ART" else e.label_
                    for e in doc.ents}
            out.extend((m.start(), m.end(), seen.get(m.group(0), _label(m.group(0)))) for m in rx.finditer(doc.text))
        return out

    return extra


def merge_spans(ents: Sequence[Span], extra: Sequence[Span]) -> list[Span]:
    """The model's spans with the rule spans added: a rule span that holds model spans replaces them (the
    longer name wins); one that crosses a model span's edge, or lies inside one, gives way."""
    out = list(ents)
    for s, e, label in sorted(extra, key=lambda x: (x[0], -(x[1] - x[0]))):
        if any(a < e and s < b and not (s <= a and b <= e) for a, b, _ in out):
            continue
        out = [x for x in out if not (s <= x[0] and x[1] <= e)] + [(s, e, label)]
    return sorted(out)
