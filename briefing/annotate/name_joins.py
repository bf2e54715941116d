"""Names the statistical model cuts in two, joined back (issue 14: "Eternal Sunshine" + "the Spotless Mind").

The small model reads a title or a channel word by word and ends a name where English grammar would not:
at "of the" inside a title, at a possessive inside one, before a channel's number, and it rarely starts a
name at a capitalised "The" in mid-sentence. These rules are general English, applied to the model's
(start, end, label) spans of one block before they become candidates; nothing names a particular article.

- "X of the Y": two capitalised name parts joined by "of (the)" are one name when the first is a named
  thing that is not a person or a place ("Eternal Sunshine of the Spotless Mind", "Hall of Fame");
- a possessive title: "Bridget Jones's Diary" is one title when one capitalised word, which the model did
  not see as a person, follows a possessor that is no place or people;
- a channel's number or number word: "BBC News 24", "Channel 4", "BBC One";
- a capitalised "The" inside a sentence opens a title: "in The Firm with", "told The Times".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.annotate import entities_rules as R
from briefing.annotate.candidates import head_type
from briefing.annotate.entities_spans import TITLE_WORDS

Ent = tuple[int, int, str]

# Labels of named things whose name may go on with "of the ..." (not people, places or peoples).
_THING = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
# Labels the part after "of" must not have: "Manchester United of England", "Mike Leigh of the BBC".
_NOT_AFTER_OF = frozenset({"PERSON", "GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT",
                           "MONEY", "QUANTITY"})
# A possessor that is a place or a people owns what follows ("Tehran's Milad Tower"): no title.
_PLACE_LIKE = frozenset({"GPE", "NORP", "LOC"})
_OF = re.compile(r" of (?:the )?(?=[A-Z])")
_CAPS_RUN = re.compile(r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}(?![\w’'-])")
_NUMBER_AFTER = re.compile(r" (?:\d{1,2}|One|Two|Three|Four)(?![\w%.,:/-]|\.\d| ?%)")
_CHANNEL = re.compile(r"(?<![\w-])(?:Channel|Radio|E) \d(?!\d)")
_MID_THE = re.compile(r"(?<=[a-z,] )The(?: (?:of (?:the )?)?[A-Z][\w’'-]*){1,5}(?![\w’'-])")


def join_names(ents: Sequence[Ent], text: str) -> list[Ent]:
    """The model's spans of one block with the cut names joined (see the module's doc); sorted by start."""
    out = sorted(ents)
    out = _join_of(out, text)
    out = _join_possessive_titles(out, text)
    out = _join_numbers(out, text)
    return _add_titles_with_the(out, text)


def _join_of(ents: list[Ent], text: str) -> list[Ent]:
    out: list[Ent] = []
    i = 0
    while i < len(ents):
        s, e, label = ents[i]
        m = _OF.match(text, e) if label in _THING and not _is_title(text[s:e]) else None
        if m:
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            if (nxt and nxt[0] in (e + 4, m.end()) and nxt[2] not in _NOT_AFTER_OF
                    and not _institution(text[m.end() : nxt[1]])):
                out.append((s, nxt[1], label))  # the model saw both parts
                i += 2
                continue
            run = _CAPS_RUN.match(text, m.end())
            # an unrecognised run of capitals after "of (the)", ending the name: "Hall of Fame"
            if (run and not (nxt and nxt[0] < run.end()) and _ends_name(text, run.end())
                    and not _institution(run.group(0))):
                out.append((s, run.end(), label))
                i += 1
                continue
        out.append((s, e, label))
        i += 1
    return out


def _is_title(name: str) -> bool:
    """"CEO", "the Chief Executive": a post, which "of" ties to its organization, not one name with it."""
    words = [w for w in name.split() if w.lower() != "the"]
    return bool(words) and all(w.lower() in TITLE_WORDS for w in words)


def _institution(name: str) -> bool:
    """"the University of North Carolina", "New Media Investment Group": a whole organization after "of" is
    whom someone belongs to ("Penelope Muse Abernathy of the University of ..."), not the rest of a title."""
    return head_type(name) == "organization"


def _ends_name(text: str, end: int) -> bool:
    """Whether a name may end at ``end``: what follows is no capitalised word and no possessive."""
    return not re.match(r"['’]s\b| [A-Z]", text[end : end + 3])


def _join_possessive_titles(ents: list[Ent], text: str) -> list[Ent]:
    out: list[Ent] = []
    i = 0
    while i < len(ents):
        s, e, label = ents[i]
        m = re.match(r"([A-Z][\w-]+)(?=[ ,.;:!?)”\"]|$)", text[e + 1 : e + 40]) if re.search(r"['’]s$", text[s:e]) else None
        if (m and label not in _PLACE_LIKE and label != "PERSON" and text[e : e + 1] == " "
                and m.group(1).lower() not in R.STOPWORDS and _ends_name(text, e + 1 + m.end())):
            # not "Radio 4's Today programme": a function word ends no title
            end = e + 1 + m.end()
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            if nxt is None or nxt[0] >= end:
                out.append((s, end, label))
                i += 1
                continue
            if nxt[:2] == (e + 1, end) and nxt[2] not in ("PERSON", "NORP"):
                out.append((s, end, label))  # "Bridget Jones's" + "Diary", a word the model misread as a place
                i += 2
                continue
        out.append((s, e, label))
        i += 1
    return out


def _join_numbers(ents: list[Ent], text: str) -> list[Ent]:
    out: list[Ent] = []
    for s, e, label in ents:
        if out and out[-1][1] > s:  # a number the model read as its own span, already taken
            continue
        m = _NUMBER_AFTER.match(text, e) if label == "ORG" else None
        if m and re.search(r"(?:^|\s)(?:[A-Z]{2,}|News|Radio|Channel|TV)$", text[s:e]):
            e = m.end()  # "BBC News 24", "BBC Radio 4", "ITV 2": a channel's number belongs to its name
        out.append((s, e, label))
    for m in _CHANNEL.finditer(text):  # "Channel 4" the model does not see
        if not any(a < m.end() and m.start() < b for a, b, _ in out):
            out.append((m.start(), m.end(), "ORG"))
    return sorted(out)


def _add_titles_with_the(ents: list[Ent], text: str) -> list[Ent]:
    """"in The Firm with", "The Law with The Small Faces": a capitalised "The" after a lower-case word or a
    comma starts a name (a band, a paper, a film); spans of the model inside it give way to it."""
    out = list(ents)
    for m in _MID_THE.finditer(text):
        s, e = m.start(), m.end()
        if any(w.lower() in R.LEADING_FRAGMENT for w in m.group(0).split()[1:]):
            continue  # "The Bold And The Beautiful": a sentence word inside, which the names' rules cut at
        if any(a < e and s < b and not (s <= a and b <= e) for a, b, _ in out):
            continue  # crosses a name the model saw
        inside = [x for x in out if s <= x[0] and x[1] <= e]
        label = next((lab for _, _, lab in inside if lab not in ("DATE", "CARDINAL", "ORDINAL")), "ORG")
        out = [x for x in out if x not in inside] + [(s, e, label)]
    return sorted(out)


def joined_spans(before: Sequence[Ent], after: Sequence[Ent]) -> set[tuple[int, int]]:
    """The spans of ``after`` the joins made (not the model's own): they are whole names, never split again."""
    seen = {(s, e) for s, e, _ in before}
    return {(s, e) for s, e, _ in after if (s, e) not in seen}
