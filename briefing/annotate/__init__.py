"""The annotate stage: one article in, every per-article annotation out, no shared state.

Each annotator is a pure function in its own module; this module only wires them in order
(entities before themes and quotes, which use them) and bundles the knowledge they read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from briefing.model import Annotated, Article, Block, DateMention, Event, Sentence, Theme, Timex
from briefing.timex.values import interval


@dataclass(frozen=True)
class Knowledge:
    """The editable knowledge/ files, parsed once per process."""

    aliases: object  # briefing.annotate.aliases.Aliases
    acronyms: Mapping[str, str]
    themes: tuple[Theme, ...]
    digest: str  # changes whenever a knowledge file changes: part of the cache key
    types: object = None  # briefing.annotate.entity_types.TypeRules (knowledge/types.yml); None: built-ins only


KNOWLEDGE_FILES = ("aliases.yml", "acronyms.yml", "themes.yml", "types.yml")


def knowledge_digest(directory: Path) -> str:
    h = hashlib.sha256()
    for name in KNOWLEDGE_FILES:
        path = directory / name
        h.update(name.encode())
        h.update(path.read_bytes() if path.exists() else b"<missing>")
    return h.hexdigest()


def load_knowledge(directory: Path) -> Knowledge:
    """Parse knowledge/; raises KnowledgeError naming the file and line of a mistake."""
    from briefing.annotate.acronyms import load_acronyms
    from briefing.annotate.aliases import load_aliases
    from briefing.annotate.entity_types import load_type_rules
    from briefing.annotate.themes import load_taxonomy

    return Knowledge(
        aliases=load_aliases(directory / "aliases.yml"),
        acronyms=load_acronyms(directory / "acronyms.yml"),
        themes=load_taxonomy(directory / "themes.yml"),
        digest=knowledge_digest(directory),
        types=load_type_rules(directory / "types.yml"),
    )


def kind_anchor(article: Article, timex: Timex) -> dt.date | None:
    """The date to tell past from ahead by. When the article date is known only to the month or year
    and the expression falls inside that window, only the tense can tell: return None."""
    dct = article.date
    if dct is None or article.date_precision == "day":
        return dct
    window = interval(f"{dct.year:04d}" if article.date_precision == "year" else f"{dct.year:04d}-{dct.month:02d}")
    span = interval(timex.value)
    if window and span and span[0] <= window[1] and span[1] >= window[0]:
        return None
    return dct


def _shift(timex: Timex, offset: int) -> Timex:
    return dataclasses.replace(timex, start=timex.start - offset, end=timex.end - offset)


_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)


def prose(block: Block) -> Block:
    """What the annotators read of a block: code blanked whole and web addresses blanked in the text (no
    date, figure or name is read from them); offsets stay those of the block's own text."""
    if block.kind == "code":
        return dataclasses.replace(block, text=" " * len(block.text))
    if "://" in block.text or "www." in block.text:
        return dataclasses.replace(block, text=_URL.sub(lambda m: " " * len(m.group()), block.text))
    return block


def annotate(article: Article, knowledge: Knowledge) -> Annotated:
    """Every annotation of one article: sentences, dates and events, entities, acronyms,
    figures, themes and quotes."""
    from briefing import timex as dates
    from briefing.annotate import acronyms, entities, events, figures, quotes, themes
    from briefing.annotate.chronology import block_anchors
    from briefing.annotate.headline import headline
    from briefing.annotate.nlp import parse_sentences
    from briefing.annotate.sentences import sentence_at, sentences

    blocks = tuple(prose(b) for b in article.blocks)
    sents = sentences(blocks)
    dct = article.date

    date_mentions = []
    # sentence, timex, the timex in the sentence's offsets, the sentence's text, kind
    dated: list[tuple[Sentence, Timex, Timex, str, str]] = []
    anchors = block_anchors(blocks, dct, dates.tag)
    quiet = events.eventless_blocks(blocks, article.outlet, article.authors)
    ref: str | None = None  # the date the paragraph before named last: "that night" counts from it
    for block in blocks:
        if block.kind == "heading":
            ref = None  # a new section tells its own story
        found = dates.tag(block.text, anchors.get(block.index, dct), ref)
        ref = dates.last_named(found, block.text)  # only the next paragraph: further on, the story has moved
        for timex in found:
            date_mentions.append(DateMention(block=block.index, timex=timex))
            sent = sentence_at(sents, block.index, timex.start)
            if sent is None or block.index in quiet:
                continue
            sentence_text = block.text[sent.start : sent.end]
            if events.eventless_sentence(sentence_text):
                continue
            local = _shift(timex, sent.start)
            kind = events.event_kind(sentence_text, local, kind_anchor(article, timex))
            if kind:
                dated.append((sent, timex, local, sentence_text, kind))

    # One parse for the sentences that hold an event or a figure: headlines and figure subjects read it.
    parses = parse_sentences([d[3] for d in dated] + figures.figure_sentences(blocks))
    event_list = []
    for sent, timex, local, sentence_text, kind in dated:
        parse = parses.get(sentence_text)
        if parse is not None and events.generic_present(parse, local.start, local.end):
            continue  # "Today, the best chip is the H100": the present, not the day's news
        hl = headline(parse, local.start, local.end) if parse is not None else None
        event_list.append(Event(block=sent.block, sentence=sent.index, timex=timex, kind=kind, text=sentence_text,
                                headline=hl.text if hl else None, action=hl.verb if hl else None))

    mentions = entities.find_mentions(blocks, knowledge.aliases, types=knowledge.types,
                                     acronyms=knowledge.acronyms)
    mention_types: dict[int, list[str]] = {}
    for m in mentions:
        mention_types.setdefault(m.block, []).append(m.type)

    year = dct.year if dct else None
    return Annotated(
        article=article,
        sentences=sents,
        dates=tuple(date_mentions),
        events=tuple(event_list),
        mentions=tuple(mentions),
        acronyms=acronyms.find_acronyms(blocks, knowledge.acronyms),
        figures=figures.find_figures(blocks, year, parses),
        themes=themes.score_blocks(blocks, knowledge.themes, mention_types),
        quotes=quotes.find_quotes(blocks, mentions),
    )
