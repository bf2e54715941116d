"""Quoted speech and who said it, from the attribution the sentence gives ("says Jimbo", "he admits")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence

from briefing.model import Block, Mention, Quote

_MIN_WORDS = 5  # shorter quoted phrases are names or scare quotes ("model ally", "double freeze")
_PAIRS = re.compile(r"“[^“”]*”|\"[^\"\n]*\"")
_OPEN_TO_END = re.compile(r"^\s*“[^”]*$")  # a paragraph that opens a quote the next one continues
_VERBS = (
    r"says|said|say|stresses|stressed|admits|admitted|adds|added|notes|noted|told|tells|explains|explained|"
    r"argues|argued|warns|warned|insists|insisted|declares|declared|asks|asked|replied|replies|wrote|writes|"
    r"states|stated|recalls|recalled|continues|continued|emphasizes|emphasized|emphasises|emphasised|"
    r"concludes|concluded|suggests|suggested|claims|claimed|announced|announces|acknowledged|acknowledges|"
    r"observes|observed|puts it|put it|points out|pointed out|noting|saying|adding|according to"
)
_VERB = re.compile(rf"\b(?:{_VERBS})\b")
_PRONOUN_PERSON = re.compile(r"\b(?:he|she|He|She)\b")
_PRONOUN_OTHER = re.compile(r"\b(?:they|They|we|We|I|you|You)\b")
_DOC_NOUN = re.compile(r"\b(?:strategy|report|document|statement|paper|review|communiqu[eé]|declaration|"
                       r"treaty|agreement|fact sheet|guidelines|white paper|plan|memo|study|survey)\b", re.I)
_SPEAKER_TYPES = ("person", "organization", "document")


def find_quotes(blocks: Sequence[Block], mentions: Sequence[Mention]) -> tuple[Quote, ...]:
    """Quoted speech (“…” or "…", longer than a few words - not scare quotes like “model ally”) with its
    speaker where the sentence says so ("says Jimbo", "Jimbo stresses", "he says" -> the last person
    mentioned, "the strategy says" -> the document), speaker = the Mention.name of that person/document or
    None."""
    try:
        return _find(blocks, mentions)
    except Exception:  # noqa: BLE001 - an annotator never takes the build down on odd text
        return ()


def _words(text: str) -> int:
    return len(re.findall(r"\w+(?:['’]\w+)*", text))


def _is_title(inner: str) -> bool:
    """“Global Partners for the Future”: a name in title case, not speech."""
    words = re.findall(r"[A-Za-z][\w’'-]*", inner)
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and all(w[0].isupper() for w in long_words) and not re.search(r"[.!?,]", inner)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Sentence around a quote at text[start:end]: back to the last . ! ? outside it, on to the next."""
    left = max(text.rfind(c, 0, start) for c in ".!?")
    m = re.search(r"[.!?](?=\s|$)", text[end:])
    right = end + m.end() if m else len(text)
    # A quote that itself ends the sentence ("...,” he says. Next") keeps its tail up to the next stop.
    return left + 1, right


class _Mentions:
    """An article's mentions in text order, grouped by block and by type so that a quote looks only at
    the few it may use (a scan of every mention per quote made a long article quadratic)."""

    def __init__(self, mentions: Sequence[Mention]):
        ordered = sorted(mentions, key=lambda m: (m.block, m.start))
        self.in_block: dict[int, list[Mention]] = defaultdict(list)
        self.of_type: dict[str, list[Mention]] = defaultdict(list)
        for m in ordered:
            self.in_block[m.block].append(m)
            self.of_type[m.type].append(m)
        self.starts = {b: [m.start for m in ms] for b, ms in self.in_block.items()}
        self.longest = {b: max(m.end - m.start for m in ms) for b, ms in self.in_block.items()}
        self.keys = {t: [(m.block, m.start) for m in ms] for t, ms in self.of_type.items()}

    def overlapping(self, block: int, lo: int, hi: int) -> list[Mention]:
        """Mentions in ``block`` overlapping text[lo:hi], in text order."""
        starts = self.starts.get(block)
        if not starts:
            return []
        ms = self.in_block[block]
        # A mention ending after lo starts after lo - its length, so none before lo - longest + 1 can.
        first = bisect_left(starts, lo - self.longest[block] + 1)
        return [m for m in ms[first : bisect_left(starts, hi)] if m.end > lo]


def _find(blocks: Sequence[Block], mentions: Sequence[Mention]) -> tuple[Quote, ...]:
    ordered = _Mentions(mentions)
    out: list[Quote] = []
    prev_block_text = ""
    for block in blocks:
        text = block.text
        spans = [(m.start(), m.end()) for m in _PAIRS.finditer(text)]
        if not spans and _OPEN_TO_END.match(text):
            spans = [(text.index("“"), len(text))]
        if block.kind == "quote" and not spans and _words(text) >= _MIN_WORDS:
            spans = [(0, len(text))]
        last_speaker: str | None = None
        last_end = -1
        for start, end in spans:
            inner = text[start:end].strip("“”\" ")
            if _words(inner) < _MIN_WORDS or _is_title(inner):
                continue
            if block.kind == "quote" and (start, end) == (0, len(text)):
                # A block quote introduced by "... Kishida Fumio declared:" in the block before.
                speaker = _from_intro(prev_block_text, block.index - 1, ordered) if prev_block_text.rstrip().endswith(":") else None
            else:
                speaker, attributed = _attribution(text, block.index, start, end, ordered)
                same_sentence_or_next = last_end >= 0 and not re.search(r"\b(?:but|while)\b", text[last_end:start])
                if not attributed and last_speaker and same_sentence_or_next:
                    speaker = last_speaker  # a second quote without attribution continues the same voice
            out.append(Quote(block=block.index, start=start, end=end, speaker=speaker))
            if speaker:
                last_speaker, last_end = speaker, end
        prev_block_text = text
    return tuple(out)


def _mention_in(ordered: _Mentions, block: int, lo: int, hi: int) -> Mention | None:
    """The first speaker-like mention overlapping block text[lo:hi], persons first."""
    found = [m for m in ordered.overlapping(block, lo, hi) if m.type in _SPEAKER_TYPES]
    for mtype in _SPEAKER_TYPES:
        for m in found:
            if m.type == mtype:
                return m
    return None


def _last_before(ordered: _Mentions, block: int, pos: int, mtype: str,
                 skip: tuple[int, int] | None = None) -> Mention | None:
    """The most recent mention of ``mtype`` before (block, pos), not inside the quote itself."""
    of_type = ordered.of_type.get(mtype, [])
    for i in range(bisect_left(ordered.keys.get(mtype, []), (block, pos)) - 1, -1, -1):
        m = of_type[i]
        if not (skip and m.block == block and skip[0] <= m.start < skip[1]):
            return m
    return None


def _attribution(text: str, block: int, start: int, end: int, ordered: _Mentions) -> tuple[str | None, bool]:
    """(speaker, found an attribution) for the quote text[start:end] from the words around it."""
    s0, s1 = _sentence_bounds(text, start, end)
    tail = text[end:s1]
    head = text[s0:start]
    # After the quote: ', says Jimbo.' / ' Jimbo stresses.' / ' he admits.' / ' the strategy says.'
    tail_clause = re.split(r"[“\"]", tail)[0][:80]
    head_clause = re.split(r"[”\"]", head)[-1][-120:]
    for region, offset in ((tail_clause, end), (head_clause, start - len(head_clause))):
        verb = _VERB.search(region)
        if not verb:
            continue
        # Look at the words next to the verb: before it ("Jimbo stresses") and after it ("says Jimbo").
        lo = offset + max(0, verb.start() - 60)
        hi = offset + min(len(region), verb.end() + 60)
        if region is head_clause:
            lo = offset + max(0, _clause_start(region, verb.start()))
            hi = offset + verb.start()
        window = text[lo:hi]
        mention = _mention_in(ordered, block, lo, hi)
        near = text[max(lo, offset + verb.start() - 25) : offset + verb.end() + 25]
        if _PRONOUN_PERSON.search(near) and (mention is None or mention.type != "person"):
            m = _last_before(ordered, block, start, "person", skip=(start, end))
            return (m.name if m else None), True
        if mention is not None:
            return mention.name, True
        if _DOC_NOUN.search(window):
            m = _last_before(ordered, block, start, "document", skip=(start, end))
            return (m.name if m else None), True
        if _PRONOUN_OTHER.search(near):
            return None, True
        return None, True
    return None, False


def _clause_start(region: str, verb_pos: int) -> int:
    """Start of the clause ending at ``verb_pos`` in the text before a quote ("Despite this, ")."""
    cut = max(region.rfind(c, 0, verb_pos) for c in ",;:—(")
    # "Naming two allies, Japan and South Korea, the strategy says," - the clause right before the verb.
    return cut + 1 if cut >= 0 and verb_pos - cut > 3 else 0


def _from_intro(intro: str, block: int, ordered: _Mentions) -> str | None:
    """Speaker of a block quote from its introduction: the last person (or document) named in it."""
    if not _VERB.search(intro):
        return None
    in_block = ordered.in_block.get(block, [])
    people = [m for m in in_block if m.type == "person"]
    if people:
        return people[-1].name
    docs = [m for m in in_block if m.type in ("document", "organization")]
    return docs[-1].name if docs else None
