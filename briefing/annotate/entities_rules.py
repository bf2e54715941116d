"""Rules for entity discovery: the patterns spaCy's NER misses or gets wrong in news about states,
institutions and defence, plus the junk filter and the name normalisation shared with link.entities.

Everything here is general English/news knowledge (titles, head nouns of institutional names, function
words); nothing names a particular article's people or facts. Regexes are compiled once at import.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TYPES = ("person", "organization", "place", "document", "equipment", "event", "concept")

# spaCy label -> our type. Labels not listed (DATE, CARDINAL, PERCENT, MONEY, ORDINAL, QUANTITY, TIME,
# LANGUAGE, WORK_OF_ART, NORP) are not entities; NORP only counts when knowledge/ says it is an organization.
SPACY_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "LAW": "document",
    "EVENT": "event",
    "PRODUCT": "equipment",
}

# ---- words that are never an entity on their own ---------------------------------------------------
_STOP = """
a an the this that these those it its it's he she they we you me him her them us our your their his my
who whom whose which what when where why how there here then than thus hence however therefore moreover
meanwhile nevertheless nonetheless furthermore also yet still so but and or nor for of in on at by to
from with without under over after before since during while until unless although though because if
whether as above below between among against into onto upon within across through throughout toward
towards despite instead indeed perhaps maybe only just even already again now today tomorrow yesterday
tonight first second third fourth fifth last next previous recently later earlier soon finally
specifically secondly thirdly fourthly lastly sometimes often always never usually once twice
consequently accordingly similarly likewise additionally overall nationally traditionally currently
ultimately importantly notably clearly generally monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december jan feb mar apr jun
jul aug sep sept oct nov dec spring summer autumn fall winter mr mrs ms dr prof sir dame lord lady one
two three four five six seven eight nine ten hundred thousand million billion trillion yes no not all
some many most much few several every each any both either neither other another such
"""
STOPWORDS = frozenset(_STOP.split())
# Generic nouns that name no one thing when they stand alone ("Defense", "Alliance", "North").
_GENERIC = """
details detail features feature recent news update updates photo photos credit credits banner advertisement share comments comment related read more video watch listen subscribe opinion analysis editorial report reports home
page menu search contact about north south east west northern southern eastern western central
alliance allied allies defense defence security government administration ministry minister president
prime secretary state states nations nation country countries people house office party forces force
army navy council committee department strategy treaty agreement program programme initiative system
summit talks war region north south east west the
"""
GENERIC = STOPWORDS | frozenset(_GENERIC.split())

# Personal titles and ranks: part of the mention's surface, not of the name ("Defense Minister Koizumi").
TITLE_HEADS = (
    "Prime Minister|Minister|Secretary[- ]General|Secretary|President|Vice President|Chancellor|Premier|Speaker|Senator|"
    "Governor|Mayor|Ambassador|Envoy|Adviser|Advisor|Czar|Tsar|Chairman|Chairwoman|Chair|Director|Commissioner|Spokesman|"
    "Spokeswoman|Spokesperson|General|Admiral|Commander|Colonel|Lieutenant|Major|Captain|Sergeant|"
    "King|Queen|Prince|Princess|Emperor|Pope|Professor|Judge|Justice|Rep\\.|Sen\\.|Gov\\.|Gen\\.|Adm\\.|"
    "Lt\\.|Col\\.|Maj\\.|Capt\\.|Sgt\\.|Prof\\.|Dr\\.?|Mr\\.?|Mrs\\.?|Ms\\.?|Sir|Dame|Lord|Lady|Chief Executive|CEO"
)
# Honorifics are titles even when the statistical model did not see a person after them.
HONORIFICS = frozenset("mr mrs ms dr prof sir dame lord lady".split())
# Titles that also start other names ("General Motors", "Justice Department", "King's College"): a person
# follows only when the model also saw one there.
WEAK_TITLES = frozenset(
    "general major captain lieutenant colonel commander justice judge king queen prince princess emperor "
    "pope chair director professor lord lady sir dame ceo chief sergeant admiral".split()
)
# Capitalised words that may qualify a title ("Chief Cabinet Secretary", "Trade and Industry Secretary").
_TITLE_MOD = r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
_NAME_TOKEN = r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.|[A-Z][a-z]*[A-Z][a-z]+)"

# "(Japanese) (Chief Cabinet) Secretary (of Defense) Name Name" - groups: prefix, title, name.
TITLE_RE = re.compile(
    r"(?<![\w.])"
    r"(?P<title>"
    r"(?:(?:" + _TITLE_MOD + r")(?:\s+(?:and|&)\s+|\s+)){0,4}?"
    r"(?:" + TITLE_HEADS + r")"
    r"(?:\s+of\s+(?:the\s+)?(?:State|Defen[cs]e|Foreign Affairs|Commerce|the Treasury|Treasury|Homeland Security|"
    r"Energy|Justice|War|the Navy|the Army|the Air Force|Staff|the Joint Chiefs of Staff))?"
    r")"
    r"\s+(?P<name>" + _NAME_TOKEN + r"(?:\s+(?:(?:de|van|von|bin|al|da|di|le)\s+)?" + _NAME_TOKEN + r"){0,3})(?![\w-])"
)

# A title with no name after it ("Chancellor", "Prime Minister") is nobody in particular.
# Only title words may precede the head: "John Major" and "Mervyn King" are names.
TITLE_ONLY_RE = re.compile(
    r"(?:(?:Prime|Deputy|Vice|Chief|Foreign|Home|Defen[cs]e|Lord|First|Shadow|Finance|Trade|Health|Executive|"
    r"Cabinet|Interior|State|General|Senior|Former)\s+){0,3}(?:" + TITLE_HEADS + r")"
)

# Words that make a programme a weapons programme, so equipment: "Global Combat Air Programme".
HARDWARE_WORDS = frozenset(
    "interceptor interceptors missile missiles combat fighter fighters aircraft jet jets drone drones submarine "
    "submarines destroyer destroyers frigate frigates radar tank tanks warship warships munitions weapon weapons "
    "hypersonic ballistic cruise artillery rocket rockets satellite satellites".split())

# Head nouns that say what an institutional name is ("... Strategy" is a document).
HEAD_LAST = {
    # documents
    "Strategy": "document", "Treaty": "document", "Agreement": "document", "Framework": "document",
    "Act": "document", "Accord": "document", "Accords": "document", "Pact": "document",
    "Convention": "document", "Charter": "document", "Declaration": "document", "Statement": "document",
    "Guidelines": "document", "Doctrine": "document", "Review": "document", "Communique": "document",
    "Communiqué": "document", "Protocol": "document", "Bill": "document", "Constitution": "document",
    "Partnership": "document",
    # programmes and projects (a weapons programme is equipment: HARDWARE_WORDS)
    "Program": "concept", "Programme": "concept", "Initiative": "concept", "Credit": "concept",
    # equipment
    "Missile": "equipment", "Missiles": "equipment", "System": "equipment", "Systems": "equipment",
    "Interceptor": "equipment", "Interceptors": "equipment", "Destroyer": "equipment", "Frigate": "equipment",
    "Submarine": "equipment", "Fighter": "equipment", "Drone": "equipment", "Radar": "equipment",
    # organizations
    "Ministry": "organization", "Department": "organization", "Agency": "organization",
    "Committee": "organization", "Commission": "organization", "Council": "organization",
    "Institute": "organization", "University": "organization", "Forces": "organization", "Force": "organization",
    "Army": "organization", "Navy": "organization", "Corps": "organization", "Command": "organization",
    "Party": "organization", "Organization": "organization", "Organisation": "organization",
    "Association": "organization", "Federation": "organization", "Foundation": "organization",
    "Bank": "organization", "Fund": "organization", "Union": "organization", "Court": "organization",
    "Parliament": "organization", "Congress": "organization", "Senate": "organization", "Cabinet": "organization",
    "Office": "organization", "Bureau": "organization", "Guard": "organization", "Group": "organization", "Administration": "organization",
    "Project": "organization", "Lab": "organization", "Laboratory": "organization", "Center": "organization",
    "Centre": "organization", "Network": "organization",
    "Corporation": "organization", "Company": "organization", "Authority": "organization",
    "Service": "organization", "Secretariat": "organization", "Assembly": "organization",
    # places
    "Base": "place", "Islands": "place", "Island": "place", "Strait": "place", "Sea": "place",
    "Ocean": "place", "Peninsula": "place", "Prefecture": "place", "Province": "place",
    "Tower": "place", "Mosque": "place", "Cemetery": "place", "Church": "place", "Cathedral": "place",
    "Temple": "place", "Lake": "place", "River": "place", "Canal": "place", "Reef": "place", "Bridge": "place",
    "Airport": "place", "Square": "place", "Palace": "place", "Heights": "place", "Valley": "place",
    "Desert": "place", "Mountains": "place", "Coast": "place", "Gulf": "place",
    # documents (more)
    "Plan": "document", "Memorandum": "document", "Order": "document", "Directive": "document",
    "Resolution": "document", "Law": "document",
    # events
    "War": "event", "Attack": "event", "Attacks": "event", "Pandemic": "event", "Dialogue": "event",
    "Typhoon": "event", "Hurricane": "event", "Offensive": "event", "Crisis": "event", "Election": "event",
    "Summit": "event", "Conference": "event", "Games": "event", "Olympics": "event", "Exercise": "event",
    # contests and ceremonies: "Academy Awards", "Australian Open", "Grand Slam", "World Cup"
    "Awards": "event", "Open": "event", "Slam": "event", "Cup": "event", "Championship": "event",
    "Championships": "event", "Festival": "event", "Marathon": "event", "Prix": "event", "Tournament": "event",
    # parties named by their members: "Liberal Democrats", "Lib Dems"
    "Democrats": "organization", "Dems": "organization", "Republicans": "organization",
}
# "Ministry of Defense", "Bank of Japan", "Treaty of Versailles": the head comes first.
HEAD_FIRST = {
    "Ministry": "organization", "Department": "organization", "Office": "organization", "Bureau": "organization",
    "University": "organization", "Institute": "organization", "Bank": "organization",
    "Commission": "organization", "Council": "organization", "Court": "organization",
    "Committee": "organization", "Board": "organization", "Chamber": "organization",
    "Chambers": "organization", "Academy": "organization", "College": "organization",
    "Museum": "organization", "Government": "organization", "Federation": "organization",
    "Treaty": "document", "Agreement": "document", "Convention": "document", "Declaration": "document",
    "Charter": "document", "Battle": "event", "Republic": "place", "Kingdom": "place",
    "Gulf": "place", "Bay": "place", "Sea": "place", "Strait": "place", "Port": "place",
    "Memorandum": "document",
}
# "Lake Victoria", "Typhoon Haiyan", "Operation Allies Welcome": a head first, without "of".
HEAD_PREFIX = {
    "Lake": "place", "Mount": "place", "Fort": "place", "Camp": "place", "Port": "place", "Cape": "place",
    "Typhoon": "event", "Hurricane": "event", "Cyclone": "event", "Storm": "event", "Operation": "event",
    "Exercise": "event",
}

_ABBR = r"(?:[A-Z]\.(?:[A-Z]\.)+)"  # U.S., U.K.
_WORD = r"(?:[A-Z][\w'’&]*)"
# A capitalised token, possibly hyphenated ("U.S.-Japan", "Self-Defense", "Indo‑Pacific").
_CAP = r"(?:" + _ABBR + "|" + _WORD + r")(?:[-‑–](?:" + _ABBR + "|" + _WORD + r"|[0-9]+))*"
_CONNECT = r"(?:of|for|and|on|the|de|du|la|to|in)"
_HL = "|".join(sorted(HEAD_LAST, key=len, reverse=True))
_HF = "|".join(sorted(HEAD_FIRST, key=len, reverse=True))
# A capitalised phrase ending in a head noun; connectors only between capitalised words.
HEAD_LAST_RE = re.compile(
    r"(?<![\w’'])(?:" + _CAP + r"(?:\s+" + _CONNECT + r")?\s+){1,6}(?:" + _HL + r")(?:\s+(?:I{1,3}|IV|V|\d+))?"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?" + _CAP + r"(?:\s+(?:and\s+)?" + _CAP + r"){0,3})?(?![\w-])"
)
HEAD_FIRST_RE = re.compile(
    r"(?<![\w’'])(?:" + _CAP + r"\s+){0,3}(?:" + _HF + r")\s+of\s+(?:the\s+)?" + _CAP
    + r"(?:\s+(?:(?:and|for|of)\s+)?" + _CAP + r"){0,6}(?![\w-])"
)
# "President's Commission on Combating Drug Addiction and the Opioid Crisis", "Presidential Memorandum on
# America First Trade Policy": a head noun, then "on" and a capitalised subject (its words and connectors).
_ON_HEADS = "Commission|Memorandum|Committee|Council|Task Force|Conference|Order|Report|Dialogue|Forum|Summit|Office|Convention|Declaration|Act|Initiative|Working Group|Panel"
HEAD_ON_RE = re.compile(
    r"(?<![\w’'])(?:" + _CAP + r"(?:['’]s)?\s+){0,3}(?:" + _ON_HEADS + r")\s+on\s+" + _CAP
    + r"(?:\s+(?:(?:and|of|for|the|in|on|to)\s+){0,2}" + _CAP + r"){0,8}(?![\w-])"
)
# "Glide Phase Interceptor program": a lower-case programme head after a capitalised name.
PROGRAM_RE = re.compile(r"(?<![\w’'])(?:" + _CAP + r"\s+){2,6}(?:program|programme)(?![\w-])")
# "AUKUS Pillar II", "Phase 2": a programme part with a numeral.
PILLAR_RE = re.compile(r"(?<![\w])(?:" + _CAP + r"\s+)?(?:Pillar|Phase)\s+(?:I{1,3}|IV|V|[1-9])(?![\w])")
# Military bases: "U.S. Naval Base in Yokosuka", "Kadena Air Base".
BASE_RE = re.compile(
    r"(?<![\w])(?:" + _CAP + r"\s+){0,3}(?:Naval|Air|Army|Marine Corps|Military|Air Force|Navy)\s+"
    r"(?:Base|Station|Air Station|Facility)(?:\s+(?:in|at)\s+" + _CAP + r"(?:\s+" + _CAP + r")?)?(?![\w])"
)
# Country pairs with a lower-case head: "the U.S.-Japan security treaty", "Japan-U.S. alliance".
PAIR_RE = re.compile(
    r"(?<![\w])(?P<pair>[A-Z][\w.]*(?:[-–][A-Z][\w.]*)+)\s+"
    r"(?P<head>(?:mutual\s+)?(?:security|defen[cs]e)\s+treaty|security\s+alliance|alliance|framework)(?![\w])"
)
PAIR_HEADS = {"treaty": "document", "alliance": "organization", "framework": "concept"}
# Ships and aircraft.
SHIP_RE = re.compile(r"(?<![\w])(?:USS|USNS|HMS|HMAS|HMCS|JS|INS|ROKS|BRP)\s+(?:" + _NAME_TOKEN + r")(?:\s+" + _NAME_TOKEN + r"){0,2}")
AIRCRAFT_RE = re.compile(r"(?<![\w-])(?!G-|COVID|SARS)[A-Z][A-Za-z]{0,2}-\d{1,3}[A-Z]?(?:\s+[A-Z][a-z]+)?(?![\w-])")
# A class of warship: "Virginia-class submarines", "Type 055-class destroyer" (the class, not the place).
CLASS_RE = re.compile(r"(?<![\w-])((?:[A-Z][\w]*\s)?[A-Z0-9][\w]*)-class\s+(submarine|destroyer|frigate|carrier|"
                      r"aircraft carrier|cruiser|corvette|warship|ship|vessel|battleship|icebreaker|tank)s?\b")
# "National Defense Strategy (NDS)" and "TLAMs, or Tomahawk Land Attack Missiles".
ACRO_DEF_RE = re.compile(
    r"(?<![\w’'])(?P<exp>(?:" + _CAP + r"(?:\s+" + _CONNECT + r")?\s+){1,8}" + _CAP + r")\s+\((?P<acr>[A-Z][A-Za-z0-9&]{1,9}?)s?\)"
)
ACRO_OR_RE = re.compile(
    r"(?<![\w])(?P<acr>[A-Z][A-Z0-9&]{1,9}?)s?,\s+or\s+(?P<exp>(?:" + _CAP + r"(?:\s+" + _CONNECT + r")?\s+){1,8}" + _CAP + r")"
)
# A person name used attributively for a government is not a mention of the person.
GOVERNMENT_AFTER_RE = re.compile(r"^\s+(?:administration|government|cabinet|presidency)\b", re.I)

_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
# A clause's first word swept into the name after it: "Neither the Ministry of Defense", "What the AI Act",
# "Including the Indigenous Peoples Finance Access Facility" (a function word or an -ing form, then "the"
# and a name of two words or more; "Alexander the Great" keeps its one-word epithet).
_LEADING_CLAUSE = re.compile(r"^([A-Z][a-z]+) the (?=\S+\s+\S)")
# A wire's instrument code after a name: "Copper CMCU3", "Sterling GBP=", "London Metal Exchange CMAL3".
_TRAILING_CODE = re.compile(r"\s(?:[A-Z]{4,}\d+[A-Za-z]?|[A-Z0-9.]{2,}=[A-Z0-9]*)$")
_LEADING_A = re.compile(r"^An? (?=[A-Z])")  # "A Kaiser Family Foundation (survey)": the article, not the name
_POSSESSIVE = re.compile(r"(?:['’][sS]|(?<=s)['’])$")
_PLURAL_ACRONYM = re.compile(r"^([A-Z][A-Z0-9&]+)s$")
_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "’": "'", "‘": "'"})


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span off a leading "the", a trailing possessive and surrounding punctuation/space."""
    while start < end and not (text[start].isalnum()):
        start += 1
    while end > start and text[end - 1] in " \t\n,;:!?\"“”()[]—–-'’":
        # keep the closing period of "U.S." and "Jr." but not of a sentence
        end -= 1
    if end > start and text[end - 1] == "." and not re.search(r"(?:\b[A-Z]\.|\b(?:Jr|Sr|Inc|Co|Corp|Ltd)\.)$", text[start:end]):
        end -= 1
    m = _TRAILING_CODE.search(text[start:end])
    if m and m.start() > 0:
        end = start + m.start()
    m = _LEADING_CLAUSE.match(text[start:end])
    if m and (m.group(1).lower() in STOPWORDS or m.group(1).endswith("ing")):
        start += m.end()
    m = _LEADING_A.match(text[start:end])
    if m and text[start:end].split()[-1] in HEAD_LAST:  # not "A Tribe Called Quest", "A Clockwork Orange"
        start += m.end()
    m = _LEADING_THE.match(text[start:end])
    if m and end - start > m.end():
        start += m.end()
    m = _POSSESSIVE.search(text[start:end])
    if m and end - start > len(m.group(0)) + 1:
        end -= len(m.group(0))
    return start, end


# Pure functions of a string that the link stage calls for every mention of the corpus, the same few
# thousand names again and again: merging the quarter BBC corpus's entities spent a third of its time here.
@lru_cache(maxsize=1 << 16)
def clean_name(surface: str) -> str:
    """The name a surface form stands for, before knowledge/: no "the", no possessive, singular acronym,
    dateline capitals made title case ("WASHINGTON" -> "Washington"), single spaces."""
    name = " ".join(surface.split())
    name = _LEADING_THE.sub("", name)
    name = _POSSESSIVE.sub("", name) if len(name) > 3 else name
    m = _PLURAL_ACRONYM.match(name)
    if m:
        name = m.group(1)
    if re.fullmatch(r"[A-Z]{6,}", name):
        name = name.title()
    return name


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Comparison key for names: case, periods, dash and apostrophe style, a leading "the" and the order
    of hyphenated parts ("Japan-U.S." == "U.S.-Japan") do not matter."""
    s = unicodedata.normalize("NFKC", name).translate(_DASHES).casefold()
    s = s.replace(".", "")
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"'s\b", "", s)
    # "Commerce Department" == "Department of Commerce" == "Department of the Commerce"
    s = re.sub(r"^(.+?)\s+(department|ministry)$", r"\2 of \1", s)
    s = re.sub(r"\b(department|ministry) of the\s+", r"\1 of ", s)
    tokens = []
    for tok in s.split():
        if "-" in tok and all(part.isalpha() for part in tok.split("-")):
            tok = "-".join(sorted(tok.split("-")))
        tokens.append(tok)
    return " ".join(tokens)


def is_acronym(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&.]{1,9}", text)) and sum(c.isupper() for c in text) >= 2


def initials_match(acronym: str, expansion: str) -> bool:
    """Loose check that an acronym abbreviates an expansion ("NATO" / "North Atlantic Treaty Organization")."""
    letters = [c for c in acronym.upper() if c.isalpha()]
    words = [w for w in re.split(r"[\s-]+", expansion) if w and w[0].isalpha()]
    if not letters or not words or letters[0] != words[0][0].upper():
        return False
    caps = "".join(w[0].upper() for w in words if w[0].isupper() or w.lower() not in {"of", "for", "and", "the", "on", "to", "in"})
    # every acronym letter appears in order among the word initials (or inside a word: "C2")
    it = iter(caps + "".join(words).upper())
    return all(ch in it for ch in letters) and len(letters) <= len(words) + 3


_CAPTION_LABEL = re.compile(r"(?:Table|Figure|Fig\.?|Chart|Graph|Graphic|Exhibit|Map|Image|Photo|Box|Appendix)\s+[0-9IVX]+[A-Za-z]?\.?")


def is_junk(name: str) -> bool:
    """Names that are never entities: function words, days, months, fragments, lower-case phrases."""
    if not name or len(name) > 90 or not any(c.isalpha() for c in name):
        return True
    if not (name[0].isupper() or name[0].isdigit()) or not any(c.isupper() for c in name):
        return True
    words = name.split()
    if len(words) > 10:
        return True
    if all(w.strip(".,'’-").lower() in STOPWORDS for w in words):
        return True
    if len(words) == 1 and name.strip(".,'’-").lower() in GENERIC | PROGRAMMING:
        return True
    # "Northbound", "Westward": a direction is an adjective or adverb, not a name.
    if len(words) == 1 and re.fullmatch(r"(?i)\w+(?:bound|ward|wards)", name):
        return True
    # Fragments such as "Under Japan": a leading function word that is not part of a name.
    if len(words) > 1 and (words[0].lower() in LEADING_FRAGMENT or words[0].lower() in LEADING_PREP):
        return True
    # "Six Party" (of "Six Party denuclearization talks"): a count of a head noun names nothing.
    if len(words) == 2 and words[0].lower() in NUMBER_WORDS and words[1] in HEAD_LAST:
        return True
    # "Table 1", "Figure 3b": a caption's label, not a document.
    if _CAPTION_LABEL.fullmatch(name):
        return True
    # "Stamford Bridge 3-1", "Bath 17-16": a score is not part of a name.
    if re.search(r"\s\d+-\d+$", name):
        return True
    return False


# Programming and web terms that pages leave in scraped text ("please enable JavaScript").
PROGRAMMING = frozenset("javascript html html5 css css3 json xml http https php sql api ajax cookies".split())
# Capitalised words that end a name when the model runs on past it ("Gartner More than ...").
MID_STOP = frozenset("more than he she they we it his her its their our this that these those says said".split())
LEADING_FRAGMENT = frozenset(
    "however under details thus while when after before since although though because if as but and or "
    "meanwhile moreover furthermore despite perhaps recent called named dubbed".split()
)


# Prepositions that open a sentence and get swept into a name with the date after them ("In March the
# Office of National Statistics"); only at the start of a span, since "Bank for ..." has them inside.
LEADING_PREP = frozenset("in on at from during until by".split())
DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
# Occupations written before a name like a title ("Broadcaster Chris Evans", "Guitarist Brian May"):
# they describe the person and are not part of the name.
OCCUPATIONS = frozenset(
    "broadcaster presenter singer singer-songwriter songwriter rapper guitarist drummer actor actress comedian "
    "author writer novelist playwright poet director producer film-maker filmmaker designer architect artist "
    "photographer journalist columnist editor analyst economist lawyer barrister solicitor campaigner activist "
    "striker midfielder defender winger goalkeeper keeper coach manager skipper boss chairman chief veteran "
    "spokesman spokeswoman tycoon billionaire businessman businesswoman entrepreneur investor banker "
    "scientist researcher professor academic historian cinematographer composer lyricist bassist pianist "
    "violinist cellist conductor choreographer screenwriter dancer rocker star".split()
)
# Members named by their body after a one- or two-word name: "Labour MPs", "Tory MEPs"; the name is the body's.
MEMBERS_RE = re.compile(r"(?<=\S)\s+(?:MPs?|MEPs?|MSPs?|AMs?|TDs)$")
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten twelve".split())


def strip_leading_fragment(text: str, start: int, end: int) -> int:
    """Move ``start`` past leading sentence words the model swept into a name ("However Japan" -> "Japan",
    "In March the Office ..." -> "Office ...")."""
    after_prep = False
    while True:
        m = re.match(r"([A-Za-z]+)\s+", text[start:end])
        if not m:
            return start
        word = m.group(1).lower()
        if word in LEADING_FRAGMENT or (word in LEADING_PREP and m.group(1)[0].isupper()):
            after_prep = word in LEADING_PREP
        elif not (after_prep and (word in DATE_WORDS or word == "the")):
            return start
        start += m.end()
