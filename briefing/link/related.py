"""Related articles: those that share rare entities and themes."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from briefing.link.indexes import mention_entities
from briefing.model import Annotated


def related_articles(
    docs: Sequence[Annotated], entity_of: Mapping[tuple[str, int, int], str], limit: int = 5
) -> dict[str, tuple[str, ...]]:
    """Articles that share entities (weighted by rarity) and themes."""
    ents: dict[str, set[str]] = {}
    thm: dict[str, set[str]] = {}
    for doc in docs:
        src = doc.article.source
        ents[src] = set(mention_entities(entity_of, doc))
        thm[src] = {t.theme for t in doc.themes}
    df = Counter(e for s in ents.values() for e in s)
    n = len(docs)
    idf = {e: math.log((n + 1) / c) for e, c in df.items()}
    # Index by entity so a large corpus does not compare every pair of articles.
    by_entity: dict[str, list[str]] = defaultdict(list)
    for src, s in ents.items():
        for e in s:
            by_entity[e].append(src)
    out = {}
    for src in ents:
        scores: Counter = Counter()
        for e in sorted(ents[src]):  # sorted: float sums in a fixed order, so ties break the same in every process
            if len(by_entity[e]) > 200:  # too common to tell articles apart
                continue
            for other in by_entity[e]:
                if other != src:
                    scores[other] += idf[e]
        for other in list(scores):
            scores[other] += 0.5 * len(thm[src] & thm[other])
        ranked = sorted(((s, o) for o, s in scores.items() if s > 0.5), key=lambda so: (-so[0], so[1]))
        out[src] = tuple(o for _, o in ranked[:limit])
    return out
