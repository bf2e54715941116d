"""Entity mentions in one article: spaCy NER, domain rules and knowledge/aliases.yml, then names resolved
as far as the article allows ("Takaichi" after "Sanae Takaichi", "NDS" after "National Defense Strategy (NDS)").

Corpus-wide merging is briefing/link/entities.py; the patterns live in entities_rules.py.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence

from briefing.annotate import entities_rules as R
from briefing.annotate import entities_spans as S
from briefing.annotate import entity_types as T
from briefing.annotate.aliases import Aliases
from briefing.annotate.candidates import MODEL, RULE, Cand, Spans, head_type, normalise, rule_cands, select, title_like
from briefing.annotate.documents import qualify_documents
from briefing.annotate.name_joins import join_names, joined_spans
from briefing.annotate.nlp import get_nlp, spacy_ents
from briefing.annotate.ruler import extra_spans
from briefing.model import Block, Mention

log = logging.getLogger(__name__)

# ---- descriptions ----------------------------------------------------------------------------------

_APPOSITIVE = re.compile(
    r"^,\s+(?P<det>(?:a|an|the)\s+|[A-Z][\w.]*(?:\s[A-Z][\w.]*)?['’]s\s+)?(?P<desc>[a-z][^,.;:“”\"()—]{2,120}?)(?=,|\.|;|\s—)"
)
_BIO = re.compile(r"^\s+is\s+(?:a|an|the)\s+(?P<desc>[a-z][^.;“”\"]{2,160}?)\.(?:\s|$)")


def _description(text: str, c: Cand) -> str | None:
    """What the text says a person is: "X, a professor at Keio University" or "X is an author ..."."""
    tail = text[c.end : c.end + 200]
    m = _APPOSITIVE.match(tail)
    if m:
        desc = m.group("desc").strip()
        words = desc.split()
        if words[0].lower() in R.STOPWORDS or len(words) > 14:
            return None
        if not m.group("det") and not re.search(r"\b(?:of|at|for)\b", desc):
            return None
        # "professor at Keio University specializing in ..." -> stop at the participle
        for i, w in enumerate(words[2:], 2):
            if w.endswith("ing") and w.islower():
                words = words[:i]
                break
        det = m.group("det") or ""
        prefix = det if det and det.strip().lower() not in {"a", "an", "the"} else ""
        return (prefix + " ".join(words)).strip()
    before = text[: c.start].rstrip()
    if not before or before[-1] in ".!?\"”":
        m = _BIO.match(tail)
        if m and len(m.group("desc").split()) <= 20:
            return m.group("desc").strip()
    return None


# ---- the annotator ---------------------------------------------------------------------------------


def find_mentions(blocks: Sequence[Block], aliases: Aliases, nlp=None, types: T.TypeRules | None = None,
                  acronyms: Mapping[str, str] | None = None) -> tuple[Mention, ...]:
    """All entity mentions in an article's blocks (offsets into each block's text), with a type from the
    contract and `name` = the best canonical name this article supports. nlp None -> get_nlp(); types are
    knowledge/types.yml's additions to the built-in type cues; acronyms knowledge/acronyms.yml, whose
    proper names the rule matcher (ruler.py) finds beside the model."""
    try:
        return _find_mentions(blocks, aliases, nlp if nlp is not None else get_nlp(), types or T.TypeRules(),
                              acronyms or {})
    except Exception:  # an annotator must not take the build down on odd input; say so and go on
        log.exception("entity annotation failed; article gets no entity mentions")
        return ()


def _find_mentions(blocks: Sequence[Block], aliases: Aliases, nlp, types: T.TypeRules, acronyms: Mapping[str, str]
                   ) -> tuple[Mention, ...]:
    texts = [b.text if isinstance(b.text, str) else "" for b in blocks]
    if not any(t.strip() for t in texts):
        return ()
    found = spacy_ents(texts, nlp, extra_spans(nlp, acronyms, texts))
    adjacent = [_join_adjacent(f, t) for f, t in zip(found, texts)]
    ents = [join_names(found, t) for found, t in zip(adjacent, texts)]
    # names the joins made whole ("Bridget Jones's Diary") are not split again at their possessive
    whole = [joined_spans(a, b) for a, b in zip(adjacent, ents)]
    lower_words = set()
    for t in texts:
        lower_words.update(re.findall(r"(?<![\w’'-])[a-z][a-z]+(?![\w’'-])", t))
    # a people's adjective, as knowledge or the model (NORP: "Afghan", "Sudanese") says
    adjectives = aliases.adjectives | {texts[bi][s:e] for bi in range(len(texts)) for s, e, label in ents[bi]
                                       if label == "NORP" and " " not in texts[bi][s:e]}

    # Acronyms the article defines: "National Defense Strategy (NDS)", "TLAMs, or Tomahawk ...".
    acr_defs: dict[str, str] = {}
    for t in texts:
        for regex in (R.ACRO_DEF_RE, R.ACRO_OR_RE):
            for m in regex.finditer(t):
                s, e = R.trim_span(t, m.start("exp"), m.end("exp"))
                s = R.strip_leading_fragment(t, s, e)
                exp, acr = R.clean_name(t[s:e]), m.group("acr")
                if R.initials_match(acr, exp):
                    # the shortest tail of the phrase that still matches: "The Glide ... (GPI)" etc.
                    words = exp.split()
                    for k in range(len(words) - 1, 0, -1):
                        if R.initials_match(acr, " ".join(words[k:])) and len(words) - k >= len(acr) - 1:
                            exp = " ".join(words[k:])
                            break
                    acr_defs.setdefault(acr, exp)
    # The definition in the text is a name of its own: "Customs and Border Protection (CBP)".
    acr_spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for bi, t in enumerate(texts):
        for m in R.ACRO_DEF_RE.finditer(t):
            exp = acr_defs.get(m.group("acr"))
            if exp and (i := t.rfind(exp, m.start("exp"), m.end("exp") + 1)) >= 0:
                acr_spans[bi].append((i, i + len(exp)))
    places = {R.clean_name(texts[bi][s:e]) for bi in range(len(texts)) for s, e, label in ents[bi] if label == "GPE"}
    acr_re = None
    if acr_defs:
        acr_re = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(a) for a in sorted(acr_defs, key=len, reverse=True)) + r")(?:s)?(?![\w])")

    chosen: list[Cand] = []
    for bi, (block, text) in enumerate(zip(blocks, texts)):
        cands = _split_rule_possessives(rule_cands(bi, text, aliases), text, aliases)
        for m in acr_re.finditer(text) if acr_re else ():
            cands.append(Cand(bi, m.start(), m.end(), "", RULE))
        for s, e in acr_spans.get(bi, ()):
            cands.append(Cand(bi, s, e, "", RULE))
        starts = {s for s, _, _ in ents[bi]} | {c.start for c in cands}
        for s0, e0, label in ents[bi]:
            typ = R.SPACY_TYPES.get(label)
            if typ is None:
                hit = aliases.lookup(R.clean_name(text[s0:e0]))
                if not hit or label in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"):
                    continue
                typ = hit[1]
            cands.extend(_model_cands(bi, text, s0, e0, typ, label, starts, aliases, places, (s0, e0) in whole[bi]))
        persons = [(s, e) for s, e, label in ents[bi] if label == "PERSON"]
        # A weak title ("General", "Justice") is a title only before a name the model calls a person.
        cands = [
            c for c in cands
            if c.label != "weak" or any(s < c.end and e > c.name_start for s, e in persons)
        ]
        for c in cands:  # "President Biden Announces": where the model ends the name, a verb follows
            if c.source == RULE and c.type == "person":
                ends = [e for s, e in persons if s == c.name_start and e < c.end]
                if ends and re.fullmatch(r" [A-Z][a-z]+[^s]s", text[ends[0] : c.end]):
                    c.end = ends[0]
        normal = [n for c in cands if (n := normalise(c, text, aliases, places)) is not None]
        chosen.extend(select(normal, text))

    # Names: knowledge first, then acronyms defined here, then persons' full names.
    for c in chosen:
        text = texts[c.block]
        surface = text[c.name_start if c.name_start >= 0 else c.start : c.end]
        name = R.clean_name(c.name) if c.name and c.source == RULE else R.clean_name(surface)
        # A single plural head ("TLAMs") or possessive is already off; knowledge renames and retypes.
        hit = aliases.lookup(name) or (aliases.lookup(text[c.start : c.end]) if c.name_start < 0 else None)
        if hit and not (c.type == "person" and c.source == RULE and hit[1] != "person"):
            name, c.type, c.kb = hit[0], hit[1], True
        c.name = name

    by_key = {R.name_key(c.name): c for c in chosen if not R.is_acronym(c.name)}
    for c in chosen:
        # the article's own definition wins over the knowledge file ("Philippine Air Force (PAF)")
        acr = R.clean_name(c.name) if not c.kb else R.clean_name(texts[c.block][c.start : c.end])
        if acr in acr_defs and (not c.kb or R.name_key(c.name) != R.name_key(acr_defs[acr])):
            exp = acr_defs[acr]
            hit = aliases.lookup(exp)
            target = by_key.get(R.name_key(exp))
            if hit:
                c.name, c.type, c.kb = hit[0], hit[1], True
            elif target is not None:
                c.name, c.type = target.name, target.type
            else:
                c.name, c.type = exp, head_type(exp) or c.type or "organization"
        elif not c.type:
            c.type = "organization"

    _resolve_persons(chosen, texts)
    _agree_types(chosen)
    chosen = _rescan_persons(chosen, texts)
    _resolve_suffixes(chosen)
    # A lone word the model alone calls a person, once, with no title and no full name in the article
    # ("like Atlas", "the Oscar"): news introduces people by full name, so this is rarely one.
    counts = Counter(c.name for c in chosen)
    chosen = [
        c for c in chosen
        if not (c.type == "person" and c.source == MODEL and not c.kb and c.name_start < 0
                and len(c.name.split()) == 1 and counts[c.name] == 1)
    ]

    chosen = _settle_by_context(chosen, texts, types)

    # Headline-style blocks: keep only what knowledge or the body confirms.
    body_keys = {R.name_key(c.name) for c in chosen if not title_like(blocks[c.block])}
    out: list[Mention] = []
    for c in chosen:
        text = texts[c.block]
        if title_like(blocks[c.block]) and not c.kb and R.name_key(c.name) not in body_keys:
            continue
        if _shouted(text, c.start, c.end):
            continue  # "PRESIDENT TRUMP IS KEEPING HIS PROMISE": the model reads shouting as names

        if c.type == "person" and R.GOVERNMENT_AFTER_RE.match(text[c.end : c.end + 20]):
            continue
        if R.is_junk(c.name) or c.type not in R.TYPES or c.name in aliases.adjectives:
            continue
        if c.type == "person" and R.TITLE_ONLY_RE.fullmatch(c.name):
            continue  # "the Chancellor": a title, nobody named
        if _is_unit_of_next(c, chosen, text):
            continue
        if (
            not c.kb and len(c.name.split()) > 1 and not head_type(c.name)
            and (c.name.split()[0] in adjectives or c.name.split()[0].lower() in lower_words)
            and all(w.lower() in lower_words for w in c.name.split()[1:])
        ):
            # "Open Borders", "Sponsor Circle", "our Afghan Allies": common words the text also writes in
            # lower case, with at most a people's adjective before them
            continue
        words = c.name.split()
        if (
            len(words) == 1 and not c.kb and c.type != "person" and not R.is_acronym(c.name)
            and c.name.lower() in lower_words
        ):
            continue  # "Defense", "Alliance": a common noun the text also writes in lower case
        desc = None
        if c.name_start > c.start:
            desc = " ".join(text[c.start : c.name_start].split())
        if c.type == "person":
            desc = _description(text, c) or desc
        out.append(
            Mention(
                block=blocks[c.block].index, start=c.start, end=c.end, surface=text[c.start : c.end],
                name=c.name, type=c.type, description=desc,
            )
        )
    out = qualify_documents(out, texts, aliases)
    return tuple(sorted(out, key=lambda m: (m.block, m.start, m.end)))


def _join_adjacent(ents: Sequence[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """The model cuts some names into two of one label with only a space between ("Kentish" + "Town", both
    places): prose never sets two names of one kind side by side without a word or a comma, so they are one."""
    out: list[tuple[int, int, str]] = []
    for s, e, label in sorted(ents):
        if out and out[-1][2] == label and label in ("GPE", "LOC", "ORG", "PERSON", "FAC") \
                and text[out[-1][1] : s] == " ":
            out[-1] = (out[-1][0], e, label)
        else:
            out.append((s, e, label))
    return out


def _split_rule_possessives(cands: list[Cand], text: str, aliases: Aliases) -> list[Cand]:
    """A head-word rule runs over an owner's possessive ("U.S. Department of State’s Global Fertilizer
    Challenge"): when the owner is a known or headed name, it and what it owns are two names."""
    out = []
    for c in cands:
        parts = S.split_possessive(text, c.start, c.end) if c.source == RULE and not c.kb and not c.name else []
        if len(parts) != 2:
            out.append(c)
            continue
        (s0, e0), (s1, e1) = parts
        owner = R.clean_name(text[s0:e0])
        hit = aliases.lookup(owner)
        typ = hit[1] if hit else head_type(owner)
        if typ is None:  # "the President’s Commission on ...", "Women’s Institute": the possessive is the name's
            out.append(c)
            continue
        out.extend((Cand(c.block, s0, e0, typ, RULE), Cand(c.block, s1, e1, c.type, RULE)))
    return out


_CAPS_WORD = re.compile(r"\b[A-Z][A-Z’'.-]+\b")


def _shouted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is all capitals inside a run of at least four capitalised words (a shouted
    lead-in or heading), where case says nothing about names."""
    if not _CAPS_WORD.fullmatch(text[start:end].split()[-1]):
        return False
    lo, hi = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    line = text[lo : hi if hi >= 0 else len(text)]
    runs = re.finditer(r"(?:\b[A-Z][A-Z’'.-]+\b[\s,:*]*){4,}", line)
    return any(m.start() <= start - lo and end - lo <= m.end() for m in runs)


def _model_cands(bi: int, text: str, s0: int, e0: int, typ: str, label: str, starts: set[int], aliases: Aliases,
                 places: set[str], whole: bool = False) -> list[Cand]:
    """The model's span as candidates, repaired (entities_spans): split at an inner possessive, grown over the
    name's first words, dropped when it is one word of a longer name the model did not see."""
    if (
        e0 - s0 > 1 and " " not in text[s0:e0] and label not in ("GPE", "NORP") and S.is_fragment_before(text, e0)
        and e0 + 1 not in starts and not aliases.lookup(text[s0:e0])
    ):
        return []  # "Supreme" of "Supreme Leader"
    parts = [(s0, e0)] if whole else S.split_possessive(text, s0, e0)
    out = []
    for k, (s, e) in enumerate(parts):
        t, lab = typ, label
        if len(parts) > 1 and k == 0:  # the possessor: a known place, a place the model saw, or a headed name
            name = R.clean_name(text[s:e])
            hit = aliases.lookup(name)
            t = hit[1] if hit else "place" if name in places else head_type(name)
            if t is None:
                continue
            lab = "GPE" if t == "place" else ""
        elif label in ("PERSON", "ORG", "FAC") and s == s0:
            s = S.extend_left(text, s, starts, aliases)
        head = head_type(text[s:e])
        if head and lab != "GPE":
            t = head
        if m := re.match(r" of (?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)?", text[e : e + 40]):
            if R.HEAD_LAST.get(text[s:e].split()[-1].capitalize()) == "organization" == t:
                e += m.end()  # "the Communist party| of Vietnam|"
        out.append(Cand(bi, s, e, t, MODEL, label=lab))
    return out


def _settle_by_context(chosen: list[Cand], texts: Sequence[str], types: T.TypeRules) -> list[Cand]:
    """Names in capitals in a shouted block take the article's spelling or go ("TRUMP" -> Donald Trump);
    then the words beside a name settle its type (entity_types: "shipping giant Maersk", "the film Vera
    Drake", "her sister Yetunde Price"), and a name that says something is an agent, not a thing."""
    persons = [c.name for c in chosen if c.type == "person" and not S.shouting(texts[c.block], c.start, c.end)]
    names = [c.name for c in chosen if not S.shouting(texts[c.block], c.start, c.end)]
    out = []
    for c in chosen:
        text = texts[c.block]
        if c.name.isupper() and S.shouting(text, c.start, c.end) and not c.kb:
            found = S.recase(c.name, persons) or S.recase(c.name, names)
            if found is None:
                continue
            c.name, c.type = found, next(o.type for o in chosen if o.name == found)
        out.append(c)
    agents = {c.name for c in out if S.agent_context(texts[c.block], c.start, c.end)}
    votes: dict[str, Counter] = defaultdict(Counter)
    for c in out:
        if not c.kb and (t := T.cue_type(texts[c.block], c.start, c.end, len(c.name.split()) == 1, types)):
            votes[c.name][t] += 1
    place_ends = {(c.block, c.end) for c in out if c.type == "place"}
    for c in out:
        if c.kb:
            continue
        seen = votes.get(c.name)
        if head := T.head_override(c.name, types):
            c.type = head
        elif seen and not head_type(c.name):
            best = max(seen, key=lambda t: (seen[t], t == c.type))
            if not (best == "document" and c.name in agents):
                c.type = best
        elif c.name in agents and c.type in ("equipment", "document", "concept") and not head_type(c.name):
            c.type = "organization"  # a doer; but "the AI Act includes": an act's head word says document
        elif c.type == "place" and c.source == MODEL and _named_after_place(c, texts[c.block], place_ends):
            c.type = "person"
    return out


def _named_after_place(c: Cand, text: str, place_ends: set[tuple[int, int]]) -> bool:
    """"Britain's Tosin Oke", "Russia's Irina Shevchenko": two or three plain capitalised words after a place's
    possessive, with no head word ("Japan's Nansei Islands", "Italy's Lake Como"), are a person of that place."""
    m = re.search(r"['’]s\s+$", text[max(0, c.start - 4) : c.start])
    words = c.name.split()
    return (
        m is not None and (c.block, c.start - len(m.group(0))) in place_ends and 2 <= len(words) <= 3
        and all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", w) for w in words) and not head_type(c.name)
    )


def _is_unit_of_next(c: Cand, chosen: Sequence[Cand], text: str) -> bool:
    """"the Planning Committee at the Japan Institute ...": a two-word unit named by its function, inside
    the organization named next, is a description of where someone sits, not an entity of its own."""
    if c.kb or c.source == MODEL or c.type != "organization" or len(c.name.split()) > 2:
        return False
    m = re.match(r"\s+(?:at|of|in)\s+(?:the\s+)?", text[c.end : c.end + 12])
    return bool(m) and any(
        o.block == c.block and o.start == c.end + m.end() and o.type == "organization" for o in chosen
    )


def _agree_types(chosen: list[Cand]) -> None:
    """One name, one type within an article: the model calls "Yukos" a person in one sentence and an
    organization in the next. The majority wins; on a tie, not a person (the model's commonest slip)."""
    types: dict[str, Counter] = defaultdict(Counter)
    for c in chosen:
        if not c.kb:
            types[c.name][c.type] += 1
    for c in chosen:
        seen = types.get(c.name)
        if c.kb or not seen or len(seen) < 2:
            continue
        c.type = max(seen, key=lambda t: (seen[t], t != "person", -R.TYPES.index(t)))


def _resolve_persons(chosen: list[Cand], texts: Sequence[str]) -> None:
    """Short forms to the full name the article gives: "Takaichi" / "Prime Minister Takaichi" after
    "Sanae Takaichi" (also family-name-first "Kishida" after "Kishida Fumio"), when only one person fits."""
    full = sorted({c.name for c in chosen if c.type == "person" and len(c.name.split()) > 1})
    by_part: dict[str, set[str]] = defaultdict(set)
    for name in full:
        parts = [p for p in name.split() if not re.fullmatch(r"[A-Z]\.", p)]
        if parts:
            by_part[parts[0]].add(name)
            by_part[parts[-1]].add(name)
    for c in chosen:
        if len(c.name.split()) != 1:
            continue
        names = by_part.get(c.name, set())
        if len(names) == 1 and (c.type == "person" or not c.kb):
            c.name, c.type = next(iter(names)), "person"
    # Two spellings of one person in one article ("Kishida Fumio" / "Fumio Kishida"): the first seen wins.
    first: dict[frozenset[str], str] = {}
    counts = Counter(c.name for c in chosen if c.type == "person")
    spellings: dict[frozenset[str], list[str]] = defaultdict(list)  # word set -> names, grouped once
    for n in counts:
        spellings[frozenset(n.split())].append(n)
    for c in chosen:
        if c.type == "person" and len(c.name.split()) > 1:
            key = frozenset(c.name.split())
            if key not in first:
                first[key] = max(sorted(spellings[key]), key=counts.get)
            c.name = first[key]


def _rescan_persons(chosen: list[Cand], texts: Sequence[str]) -> list[Cand]:
    """Short forms the model missed ("What Takaichi should do"): any capitalised word that is the
    unambiguous first or last part of a person named in this article."""
    by_part: dict[str, set[str]] = defaultdict(set)
    for c in chosen:
        if c.type == "person" and len(c.name.split()) > 1:
            parts = c.name.split()
            by_part[parts[0]].add(c.name)
            by_part[parts[-1]].add(c.name)
    parts = {p: next(iter(n)) for p, n in by_part.items() if len(n) == 1 and p.lower() not in R.GENERIC and len(p) > 2}
    if not parts:
        return chosen
    regex = _parts_regex(parts)
    taken = Spans()  # chosen spans do not overlap: select saw to it
    for c in chosen:
        taken.add(c.block, c.start, c.end)
    out = list(chosen)
    for bi, text in enumerate(texts):
        for m in regex.finditer(text):
            if m.group(0) in parts and not taken.overlaps(bi, m.start(), m.end()):
                out.append(Cand(bi, m.start(), m.end(), "person", RULE, name=parts[m.group(0)]))
    return sorted(out, key=lambda c: (c.block, c.start))


def _parts_regex(parts: Collection[str]) -> re.Pattern[str]:
    """Each of ``parts`` standing as a word (not inside a longer word or hyphenation), longest first, and
    more: the caller keeps only matches in ``parts``. One alternation of every part was slow on a long
    article, so a part of word characters alone (nearly all are) is found as a whole run of them; only the
    others ("O'Neill") are spelled out, first, since each is longer than the run it starts with."""
    simple = {p for p in parts if re.fullmatch(r"[\w-]+", p)}
    other = sorted((p for p in parts if p not in simple), key=len, reverse=True)
    alts = [re.escape(p) for p in other]
    if simple:
        alts.append("(?=[" + "".join(re.escape(ch) for ch in sorted({p[0] for p in simple})) + r"])[\w-]+")
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


def _resolve_suffixes(chosen: list[Cand]) -> None:
    """"Pillar II" after "AUKUS Pillar II", "Security Consultative Committee" after the full committee name:
    a shorter name that ends one longer name of the same type in this article stands for it; so does a
    two-word document name made of one longer document name's first and last words ("CHIPS Act")."""
    # (type, what follows a space in a name) -> the names: each name's word suffixes indexed once.
    ending: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in chosen:
        words = c.name.split()
        if c.type != "person" and len(words) > 1:
            for m in re.finditer(" ", c.name):
                ending[(c.type, c.name[m.end() :])].add(c.name)
        if c.type == "document" and len(words) > 2:  # "CHIPS Act" after "CHIPS for America Act": first and head word
            ending[(c.type, f"{words[0]} {words[-1]}")].add(c.name)
    for c in chosen:
        if c.type == "person" or c.kb or len(c.name.split()) < 2:
            continue
        longer = [n for n in ending.get((c.type, c.name), ()) if n != c.name]
        if len(longer) == 1:
            c.name = longer[0]
