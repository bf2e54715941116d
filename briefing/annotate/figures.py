"""Numbers that matter: shares of GDP, money, counts of forces, poll percentages - with subject and year.

Rules, not a parser: each figure is read within its sentence and clause (commas, semicolons, dashes;
a parenthesis is its own clause), which is where English puts the subject and year of a number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.annotate.figure_kinds import GENERAL_MEASURES, _blank_parens, _clause, figure_kind, measure_of
from briefing.annotate.figure_subject import dep_subject
from briefing.annotate.nlp import parse_sentences
from briefing.annotate.sentences import split as split_sentences
from briefing.model import Block, Figure

__all__ = ["GENERAL_MEASURES", "figure_kind", "find_figures", "measure_of"]

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
          "trillion": 1e12, "tn": 1e12, "tr": 1e12}
_SYMBOL = {"US$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "HK$": "HKD",
           "NZ$": "NZD", "NT$": "TWD", "S$": "SGD", "R$": "BRL", "€": "EUR",
           "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR"}
_WORD_CCY = {"yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "dollars": "USD", "dollar": "USD",
             "euros": "EUR", "euro": "EUR", "pounds": "GBP", "won": "KRW", "rupees": "INR", "roubles": "RUB",
             "rubles": "RUB"}

_MONEY_SYM = re.compile(
    rf"(?<![\w$])(US\$|AU\$|A\$|CA\$|C\$|HK\$|NZ\$|NT\$|S\$|R\$|\$|€|£|¥|₩|₹)\s?({_NUM})(?:\s?(trillion|billion|million|thousand|bn|tn|mn|m|k)\b)?")
# Dollars named by their country: "120 million Australian dollars" is AUD, not USD.
_DOLLAR_OF = {"australian": "AUD", "canadian": "CAD", "new zealand": "NZD", "hong kong": "HKD", "singapore": "SGD",
              "taiwan": "TWD", "taiwanese": "TWD", "new taiwan": "TWD"}
_MONEY_WORD = re.compile(
    rf"(?<![\w.,$€£¥])({_NUM})\s?(trillion|billion|million|bn|tn)?\s+(?:U\.?S\.?\s+|"
    r"(Australian|Canadian|New Zealand|Hong Kong|Singapore|Taiwan(?:ese)?|New Taiwan)\s+)?"
    r"(yuan|renminbi|yen|dollars?|euros?|pounds|won|rupees|roubles|rubles)\b")
# "21,000 pounds of fentanyl" weighs; "5 million pounds of funding" is money.
_POUNDS_OF_MONEY = re.compile(r"\s+of\s+(?:[a-z]+\s+)?(?:funding|aid|investment|spending|money|cash|support|"
                              r"taxpayers|public|debt|loans?|grants?|fines?|damages|profits?|revenue)\b")
_POUNDS_OF = re.compile(r"\s+of\s+[a-z]")
# Numbers written as words, read in full: "Forty percent", "twenty-five per cent".
_UNITS_W = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
            "sixteen seventeen eighteen nineteen").split()
_TENS_W = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
           "ninety": 90}
_WORD_NUM = (rf"(?:{'|'.join(_TENS_W)})(?:[-\s](?:{'|'.join(_UNITS_W[1:10])}))?|(?:a|one)\s+hundred|"
             rf"{'|'.join(sorted(_UNITS_W, key=len, reverse=True))}")
_PERCENT_WORD = re.compile(rf"(?<![\w-])(?i:({_WORD_NUM}))\s+(percent\b|per\s?cent\b)")
_PERCENT = re.compile(rf"(?<![\w.,])({_NUM})\s?(%|percent\b|per\s?cent\b)")
_GDP_TAIL = re.compile(
    r"\s+of\s+(?:(?:its|their|the|our|his|her|[A-Z][\w.]*['’]s|the\s+country['’]s|the\s+nation['’]s|national)\s+)?"
    r"(?:GDP|gross\s+domestic\s+product|economic\s+output)\b")
_COUNT_NOUNS = (
    "troops|soldiers|personnel|service\\s+members|sailors|marines|ships|warships|vessels|submarines|"
    "destroyers|frigates|aircraft\\s+carriers|carriers|aircraft|fighter\\s+jets|jets|fighters|planes|bombers|"
    "helicopters|missiles|warheads|drones|tanks|interceptors|launchers|"
    # counts and quantities of the other news (issue 14): flights, cargo, power, chips
    "flights|passengers|pounds|kilograms|tons|tonnes|barrels|hectares|gallons|GW|MW|GWh|TWh|gigawatts|megawatts|equivalents"
)
# Counts written as words ("two intercontinental ballistic missiles"); "one" is too often not a count.
_COUNT_WORDS = {w: n for n, w in enumerate(_UNITS_W) if 2 <= n <= 12}
_COUNT = re.compile(
    rf"(?<![\w.,$€£¥])({_NUM}|(?i:{'|'.join(_COUNT_WORDS)}))(?:\s+(billion|million|thousand))?\s+((?:(?:[a-z][a-z-]*|U\.S\.|[A-Z][a-z]+|[A-Z]+\d+)\s+){{0,2}}?)"
    rf"({_COUNT_NOUNS})\b")
_YEAR = re.compile(r"(?<![\w.,$€£¥/-])((?:19[5-9]|20\d)\d)(?![\w%]|\s*(?:percent|per cent))")
_FRAME_YEAR = re.compile(r"^\W*(?:In|During|By|For|Since|As of|Through|Throughout)\s+(?:fiscal\s+(?:year\s+)?|FY\s?)?"
                         r"((?:19[5-9]|20\d)\d)\b")

# A capitalised name: words, "U.S."-style initials, with inner "of"/"and"/"for" ("Bank of Japan").
_CAP = r"(?:(?:[A-Z]\.){2,}|[A-Z][A-Za-z]*(?:[-–][A-Z][A-Za-z]*)*)"
_NP = re.compile(rf"{_CAP}(?:\s+(?:(?:of|for|de)\s+)?{_CAP})*")
_GROUP_NOUN = re.compile(r"\s+(government|administration|military|forces|members|allies|armed forces|navy|army|"
                         r"economy|companies|firms|officials|voters|public)\b")
_PREPOSITIONS = {"of", "to", "in", "on", "for", "with", "from", "by", "at", "than", "about", "against", "into",
                 "over", "between", "among", "toward", "towards", "like", "as", "under", "per", "via", "across",
                 "compared", "including", "behind", "after", "before", "during", "since", "through", "within"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}
_NOT_NAMES = {
    "However", "But", "And", "While", "When", "Although", "Though", "If", "Because", "Since", "After", "Before",
    "Meanwhile", "Moreover", "Furthermore", "Specifically", "Still", "Yet", "Thus", "Also", "Last", "Next",
    "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You", "There", "The", "A", "An",
    "In", "On", "At", "By", "For", "As", "Of", "To", "With", "According", "Under", "Over", "Despite", "About",
    "Some", "Many", "Most", "More", "Few", "All", "Both", "Each", "Such", "Other", "Another", "New", "First",
    "Second", "Third", "Today", "Yesterday", "Tomorrow", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Opinion", "Polls", "Data", "Figures", "Officials", "Experts", "Analysts",
    "Only", "Just", "Even", "Nearly", "Almost", "Around", "Roughly", "Approximately", "Overall", "Total",
}
_COMMON_SUFFIX = re.compile(r"(?:ion|ing|ly|ment|ness|ity|ies|ers)$")
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ese|ian|ish|ean|ch)$")
_PRESENT = re.compile(r"\b(?:is|are|am|spends|accounts|account|remains|remain|stands|totals|holds|"
                      r"costs|maintains|keeps|deploys|fields|budgets|allocates|invests|represents|makes|'s)\b"
                      # "has 20,000 troops" is present; "has announced" (present perfect) tells of the past.
                      r"|\b(?:has|have)\b(?!\s+(?:already\s+|also\s+|not\s+|long\s+|now\s+)?"
                      r"(?:\w+(?:ed|en|wn|ung|ought|id|ade|et)|been|set|put|cut|spent|said|made|paid)\b)")
_FUTURE = re.compile(r"\b(?:will|would|shall|target|targets|aim|aims|aiming|goal|plan|plans|planned|vow|vowed|"
                     r"pledge|pledged|promise|promised|to raise|to increase|to spend|to reach|by)\b")
_SPEND_NOUN = re.compile(r"\s*(?:(?:[a-z-]+\s+){0,3})(?:budget|spending|expenditures?|outlays|economy|GDP|exports|"
                         r"imports|investment|military|defense|defence|forces|navy|army|troops)\b")
_RELATIVE_VERB = re.compile(r"\s*(?:has|have|had|is|was|will|would|plans|planned|said|says|pledged|promised|"
                            r"spent|spends|invested|committed|agreed|announced|offered|deployed|sent|set)\b")
_SPEND_VERB = re.compile(r"\b(?:spent|spend|spends|spending|budgeted|allocated|devoted|paid)\b")
_CONVERSION = re.compile(r"^\s*(?:\(|,\s*or\b|,?\s*[—–]|,\s*(?:equal|equivalent)\s+to\b)\s*"
                         r"(?:about|approximately|roughly|around|some|or|approx\.|nearly|almost|~)?\s*$")


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _clean(value: float) -> float:
    """8.7 * 1e12 is 8699999999999.999 in floats; twelve significant digits are plenty."""
    return float(f"{value:.12g}")


def _names(text: str, common: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Capitalised name phrases in ``text`` with their spans, minus openers and common words
    (``common``: words the block also writes in lowercase, so "Defence" opening a sentence is no name)."""
    out = []
    for m in _NP.finditer(text):
        name, start = m.group(), m.start()
        words = name.split()
        while words and (words[0] in _NOT_NAMES or words[0].lower() in _DETERMINERS):
            start += len(words[0]) + 1
            words = words[1:]
        if not words:
            continue
        name = " ".join(words)
        if len(words) == 1 and not name.isupper() and (_COMMON_SUFFIX.search(name) or name.lower() in common):
            continue
        end = start + len(name)
        group = _GROUP_NOUN.match(text, end)
        if group:
            name, end = name + group.group(0), group.end()
        elif len(words) == 1 and _DEMONYM.match(name):
            continue  # "Japanese" alone is an adjective, not who the number is about
        out.append((start, end, " ".join(name.split())))
    return out


def _prev_word(text: str, start: int) -> str:
    words = re.findall(r"[A-Za-z]+", text[:start])
    while words and words[-1].lower() in _DETERMINERS:
        words.pop()
    return words[-1].lower() if words else ""


def _subject(sent: str, cstart: int, cend: int, nstart: int, nend: int,
             common: frozenset[str] = frozenset(), guess: bool = True) -> str | None:
    """Who the number at sent[nstart:nend] is about, from its clause; None when unclear. ``guess``: fall back
    to the clause's last name (rule 4) — only without a parse, which reads the subject from the structure."""
    before = sent[cstart:nstart]
    # 1. A possessor right before the number: "France’s 2.3 percent", "the U.K.’s 1.8 percent".
    m = re.search(rf"({_NP.pattern})['’]s\s+(?:(?:just|about|some|only|roughly|around|nearly|almost|an?|mere|"
                  r"estimated|over|more\s+than|less\s+than)\s+)*[$€£¥₩₹]?$", before)
    if m:
        names = _names(m.group(1), common)
        if names:
            return names[-1][2]
    # 2. A relative clause after it: "the $550 billion Japan has said it will invest".
    after = _blank_parens(sent[nend:cend])
    for s, e, name in _names(after, common)[:1]:
        if not after[:s].strip() and _RELATIVE_VERB.match(after, e):
            return name
    # 3. The possessor of a spending noun: "Japan’s initial defense budget ... at ¥8.7 trillion".
    flat = _blank_parens(before)
    names = _names(flat, common)
    for s, e, name in reversed(names):
        if flat[e : e + 2] in ("’s", "'s") and _SPEND_NOUN.match(flat, e + 2):
            return name
    # 4. The clause's subject: the last name not governed by a preposition ("with Taiwan setting" is).
    for s, e, name in reversed(names if guess else []):
        nxt = re.match(r"\s*(?:['’]s\s+)?([a-z]+)", flat[e:])
        governed = _prev_word(flat, s) in _PREPOSITIONS
        if governed and not (nxt and nxt.group(1).endswith("ing")):
            continue
        return name
    # 5. A participle or infinitive clause ("..., aiming for more than 2% of its GDP") belongs to the
    #    subject that opens the sentence ("The Japanese government is set to ...").
    if re.match(r"\s*(?:[a-z]+ing|to)\b", sent[cstart:nstart]) and cstart > 0:
        head = _blank_parens(sent[: _clause(sent, 0)[1]])
        for s, e, name in _names(head, common)[:1]:
            if _prev_word(head, s) not in _PREPOSITIONS and _RELATIVE_VERB.match(head, e):
                return name
    return None


def _year(sent: str, cstart: int, cend: int, nstart: int, nend: int, taken: list[tuple[int, int]],
          article_year: int | None) -> tuple[int | None, bool]:
    """(year, framed) for the number: its clause's nearest year, a sentence-opening "In 2017,", or the
    article's year when the clause speaks in the present tense about no target. ``framed`` says the
    year came from the sentence opening (it carries to a following "Japan spent just 0.9 percent.")."""
    best, dist = None, 10**9
    for m in _YEAR.finditer(sent, cstart, cend):
        if any(s <= m.start() < e for s, e in taken):
            continue
        d = min(abs(m.start() - nend), abs(nstart - m.end()))
        if d < dist:
            best, dist = int(m.group(1)), d
    if best is not None:
        return best, False
    m = _FRAME_YEAR.match(sent)
    if m:
        return int(m.group(1)), True
    clause = sent[cstart:cend]
    if article_year is not None and _PRESENT.search(clause) and not _FUTURE.search(clause) \
            and not _YEAR.search(sent):
        return article_year, False
    return None, False


def find_figures(blocks: Sequence[Block], year: int | None,
                 parses: dict[str, object] | None = None) -> tuple[Figure, ...]:
    """Numbers that matter: shares of GDP ("3.1 percent of GDP", "5% of gross domestic product" - with
    subject and year from the sentence: "In 2017, the U.S. spent 3.1 percent of GDP on defense compared
    with France’s 2.3 percent, the U.K.’s 1.8 percent ... Japan spent just 0.9 percent" -> 5 figures with
    subjects U.S./France/U.K./Germany/Japan, year 2017, metric gdp_share), money with currency and scale
    ("¥8.7 trillion" JPY 8.7e12, "$550 billion" USD 5.5e11, "1.785 trillion yuan" CNY), counts of
    troops/ships/missiles/aircraft ("20,000 troops"), percentages in polls ("more than 60% of the respondents",
    metric percent). `year` is the article's year, used only when the sentence gives none and the
    verb is present tense. Subject from the sentence's grammatical subject / possessor near the number,
    not just the nearest capitalised word; None when unclear. value is the normalized number (percent as 3.1,
    money as units), unit "%" for shares/percents, ISO currency codes for money. ``parses`` maps sentences
    to their spaCy parse (nlp.parse_sentences); without it the figure sentences are parsed here."""
    out: list[Figure] = []
    if parses is None:
        parses = parse_sentences(figure_sentences(blocks))
    for block in blocks:
        try:
            out.extend(_block_figures(block, year, parses))
        except Exception:  # noqa: BLE001 - odd text never takes the build down; the block just has no figures
            continue
    return tuple(out)


_Raw = tuple[int, int, str, float, str, bool, "float | None"]
# The lower bound of a range, right before the upper one's number: "20 to 50%", "74–132 GW", "$3-$5 billion",
# "300–900 million", "between 15 and 50 percent". "from 40 to 74" is a change, not a range.
_RANGE_LOW = re.compile(
    rf"(?:\b(between)\s+)?(?:US\$|[$€£¥])?(?<![\w.,])({_NUM})\s?(trillion|billion|million|thousand|bn|tn|mn|m|k)?\s?"
    r"(?:%|percent|per\s?cent)?\s*(?:–|—|-|\bto\b|\band\b)\s*(?:US\$|[$€£¥])?$")
_FROM = re.compile(r"\bfrom\s+(?:\w+\s+){0,4}$", re.I)


def _word_number(words: str) -> float:
    """"Forty" 40, "twenty-five" 25, "a hundred" 100, "nine" 9."""
    parts = re.split(r"[-\s]+", words.lower())
    if parts[-1] == "hundred":
        return 100.0
    return float(sum(_TENS_W.get(p, _UNITS_W.index(p) if p in _UNITS_W else 0) for p in parts))


def _with_range(sent: str, fig: tuple) -> _Raw:
    """``fig`` (start, end, metric, value, unit, explicit) with the lower bound of its range, if it has one:
    start moves to the lower number, value becomes it and value_max the upper."""
    start, end, metric, value, unit, explicit = fig
    m = _RANGE_LOW.search(sent, max(0, start - 40), start)
    if m is None or m.end() != start or (m.group(0).rstrip().endswith("and") and not m.group(1)) \
            or _FROM.search(sent, 0, m.start()):
        return (start, end, metric, value, unit, explicit, None)
    number = sent[start:end]
    upper_scale = next((v for k, v in _SCALE.items() if re.search(rf"\d\s?{k}\b", number)), 1.0)
    low = _number(m.group(2)) * (_SCALE.get((m.group(3) or "").lower()) or upper_scale)
    if not 0 <= low < value or re.fullmatch(r"(?:19|20)\d\d", m.group(2)):
        return (start, end, metric, value, unit, explicit, None)  # "in 2024 to 74 GW", "5 to 3": no range
    low_start = m.start(2) - (1 if m.start(2) and sent[m.start(2) - 1] in "$€£¥" else 0)
    return (low_start, end, metric, low, unit, explicit, value)


def _raw_figures(sent: str) -> list[_Raw]:
    """(start, end, metric, value, unit, explicit_gdp, value_max) for every number of interest, no overlaps;
    value_max is the upper bound of a range ("20 to 50%": value 20, value_max 50), else None."""
    found: list[tuple[int, int, str, float, str, bool]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= fs or s >= fe for fs, fe, *_ in found)

    for m in _MONEY_SYM.finditer(sent):
        scale = _SCALE.get((m.group(3) or "").lower(), 1.0)
        found.append((m.start(), m.end(), "money", _number(m.group(2)) * scale, _SYMBOL[m.group(1)], False))
    for m in _MONEY_WORD.finditer(sent):
        word = m.group(4).lower()
        if word == "won" and not m.group(2):
            continue  # "Burnout 3 won the award": the verb, not Korean money
        if word == "pounds" and _POUNDS_OF.match(sent, m.end()) and not _POUNDS_OF_MONEY.match(sent, m.end()):
            continue  # "21,000 pounds of fentanyl": a weight (counted below)
        if free(m.start(), m.end()):
            scale = _SCALE.get((m.group(2) or "").lower(), 1.0)
            unit = _DOLLAR_OF.get(" ".join((m.group(3) or "").lower().split()), _WORD_CCY[word]) \
                if word.startswith("dollar") else _WORD_CCY[word]
            found.append((m.start(), m.end(), "money", _number(m.group(1)) * scale, unit, False))
    percents = [(m, _number(m.group(1))) for m in _PERCENT.finditer(sent)]
    percents += [(m, _word_number(m.group(1))) for m in _PERCENT_WORD.finditer(sent)]
    for m, value in percents:
        if not free(m.start(), m.end()):
            continue
        tail = _GDP_TAIL.match(sent, m.end())
        end = tail.end() if tail else m.end()
        found.append((m.start(), end, "gdp_share" if tail else "percent", value, "%", bool(tail)))
    for m in _COUNT.finditer(sent):
        if "," not in m.group(1) and re.search(r"\b[A-Z][A-Za-z]*-?\s?$", sent[: m.start()]):
            continue  # a model number ("Boeing 777 aircraft", "F-35 jets"), not a count
        if free(m.start(), m.end()):
            num = m.group(1)
            value = (_COUNT_WORDS[num.lower()] if num.lower() in _COUNT_WORDS else _number(num)) \
                * _SCALE.get(m.group(2) or "", 1.0)
            noun = m.group(4)
            if noun == "equivalents":  # "H100 equivalents": the unit is what they are equivalent to
                noun = f"{m.group(3)}{noun}"
            unit = " ".join((noun if re.search(r"[A-Z]", noun) else noun.lower()).split())
            found.append((m.start(), m.end(), "count", value, unit, False))
    found.sort()
    out = [_with_range(sent, f) for f in found]
    # a range swallows the lower bound found on its own ("$3" of "$3-$5 billion")
    return [f for f in out if not any(g is not f and g[0] <= f[0] and f[1] <= g[1] for g in out)]


def figure_sentences(blocks: Sequence[Block]) -> list[str]:
    """The sentences of ``blocks`` that hold a figure: the ones the figures need parsed."""
    texts = {block.text[s0:s1] for block in blocks for s0, s1 in split_sentences(block.text)}
    return sorted(t for t in texts if _raw_figures(t))


def _block_figures(block: Block, article_year: int | None, parses: dict[str, object] | None = None) -> list[Figure]:
    text = block.text
    out: list[Figure] = []
    common = frozenset(re.findall(r"\b[a-z]{3,}\b", text))
    prev_gdp_year: int | None | bool = False  # False: the previous sentence had no GDP share
    previous: str | None = None  # the last subject a figure of this block had: "That" may stand for it
    for s0, s1 in split_sentences(text):
        sent = text[s0:s1]
        raw = _raw_figures(sent)
        if not raw:
            prev_gdp_year = False
            continue
        has_gdp = any(r[5] for r in raw)
        # "Japan spent just 0.9 percent." right after a sentence of GDP shares continues the list.
        continues = prev_gdp_year is not False and not has_gdp and bool(_SPEND_VERB.search(sent))
        taken = [(s, e) for s, e, *_ in raw]
        sent_figs: list[Figure] = []
        for start, end, metric, value, unit, explicit, value_max in raw:
            if metric == "percent" and (has_gdp or continues) and not re.match(r"\s+of\s+\w", sent[end:]):
                metric = "gdp_share"  # a bare share in a sentence of GDP shares: "France’s 2.3 percent"
            cstart, cend = _clause(sent, start)
            parse = (parses or {}).get(sent)
            # The clause's own patterns first (a possessor right before the number, "the $550 billion Japan has
            # said", "Japan's budget ... at ¥8.7 trillion"), then the sentence's dependencies; the clause's last
            # name is guessed at only where there is no parse.
            subject = _subject(sent, cstart, cend, start, end, common, guess=False) or \
                (dep_subject(parse, start, end, previous) if parse is not None else
                 _subject(sent, cstart, cend, start, end, common))
            yr, framed = _year(sent, cstart, cend, start, end, taken, article_year)
            if continues and yr is None and isinstance(prev_gdp_year, int):
                yr = prev_gdp_year
            # "(about ¥40 trillion)" and ", or about 2.3 percent of GDP" restate the amount before it:
            # same subject and year.
            if metric in ("money", "gdp_share") and sent_figs and sent_figs[-1].metric == "money" \
                    and _CONVERSION.match(sent[sent_figs[-1].end - s0 : start]):
                subject, yr = sent_figs[-1].subject, sent_figs[-1].year
            sent_figs.append(Figure(block=block.index, start=s0 + start, end=s0 + end, text=sent[start:end],
                                    metric=metric, value=_clean(value), unit=unit, subject=subject, year=yr,
                                    kind=figure_kind(sent, start, end),
                                    value_max=None if value_max is None else _clean(value_max)))
        out.extend(sent_figs)
        previous = next((f.subject for f in reversed(sent_figs) if f.subject), previous)
        gdp_years = [f.year for f in sent_figs if f.metric == "gdp_share"]
        if has_gdp or continues:
            frame = _FRAME_YEAR.match(sent)
            prev_gdp_year = int(frame.group(1)) if frame else (gdp_years[0] if gdp_years else None)
        else:
            prev_gdp_year = False
    return out
