"""Themes discovered from the collection itself, for the paragraphs the editorial taxonomy does not fit.

knowledge/themes.yml is an editorial taxonomy: a briefing on defence fits it, a year of BBC news does
not (its cues land on almost nothing, or on the wrong thing). When most substantive paragraphs of a
collection carry no taxonomy theme, topics are learnt from the paragraphs with scikit-learn's NMF over
TF-IDF, named by their top terms and marked as discovered; a user can copy one into themes.yml to
edit it. Taxonomy themes stay where they fire; discovered ones go to the paragraphs without one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import re
import warnings
from collections import Counter, defaultdict
from collections.abc import Sequence

from briefing.model import Annotated, Theme, ThemeScore
from briefing.slugs import slugify

SUBSTANTIVE = 25  # words: a paragraph this long says enough to be about something
FITS = 0.6  # share of substantive paragraphs with a taxonomy theme above which nothing is discovered
MIN_PARAGRAPHS = 40  # fewer than this is too little to learn topics from
PROSE = ("paragraph", "quote", "item")
NAMED = 4  # a paragraph must use one of its topic's first this many terms (the name shows three)
FEW = 200  # articles; a collection this small also learns from its paragraphs (too few articles to learn from)
SAMPLE = 240  # articles at most that topics are learnt from (sample()); all are then weighed against them
SHARE = 0.3  # a paragraph is about a topic that has at least this share of its weight
NAME_SHARE = 0.8  # a word capitalised this often is a name
TERM = re.compile(r"(?u)\b[a-zA-Z][a-zA-Z-]{2,}\b")
# Words every news story uses, whatever it is about: they would name topics like "said · people · year".
NEWS_WORDS = frozenset("""said says say told tell according reported report reports reporting added asked
    year years month months week weeks day days today yesterday time times new just like think want going
    people person way make made making good well best really lot know thing things including include
    percent cent number mr mrs ms dr use used using told news statement spokesman spokeswoman official
    officials thank thanks question questions got get gets come came figure source""".split())


def _substantive(doc: Annotated) -> list[int]:
    return [b.index for b in doc.article.blocks if b.kind in PROSE and len(b.text.split()) >= SUBSTANTIVE]


def coverage(docs: Sequence[Annotated]) -> float:
    """Share of substantive paragraphs that carry at least one theme."""
    total = themed = 0
    for doc in docs:
        scored = {t.block for t in doc.themes}
        for i in _substantive(doc):
            total += 1
            themed += i in scored
    return themed / total if total else 1.0


def topic_count(n_articles: int) -> int:
    """More topics for a larger collection, within what a reader can scan on one page."""
    return max(4, min(24, round(2.5 * math.sqrt(n_articles))))


def preload() -> None:
    """Import what discovery learns with, ahead of need (``mkdocs serve`` does, so an edit does not wait)."""
    import sklearn.decomposition  # noqa: F401
    import sklearn.feature_extraction.text  # noqa: F401


def discover(docs: Sequence[Annotated], taxonomy: Sequence[Theme]) -> tuple[tuple[Theme, ...], tuple[Annotated, ...]]:
    """(discovered themes, docs with those themes on their unthemed paragraphs); nothing when the
    taxonomy fits the collection or the collection is too small to learn from."""
    if coverage(docs) >= FITS:
        return (), tuple(docs)
    rows: list[tuple[int, int]] = []  # (doc, block) of each paragraph topics are given to
    texts: list[str] = []
    for d, doc in enumerate(docs):
        for b in doc.article.blocks:
            if b.kind in PROSE and len(b.text.split()) >= 12:
                rows.append((d, b.index))
                texts.append(b.text)
    if len(texts) < MIN_PARAGRAPHS:
        return (), tuple(docs)
    from sklearn.decomposition import NMF  # imported here: only a collection that needs it pays for it
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
    from threadpoolctl import threadpool_limits

    # Topics are learnt from whole articles (a paragraph is too short to tell a topic from its words'
    # company, and 20,000 of them take a minute), then each paragraph is weighed against them; a small
    # collection has too few articles for that alone, so its paragraphs are learnt from as well.
    articles = [" ".join(b.text for b in doc.article.blocks if b.kind in PROSE) for doc in docs]
    learn = [articles[d] for d in sample(docs)]
    vectorizer = TfidfVectorizer(stop_words=sorted(ENGLISH_STOP_WORDS | NEWS_WORDS),
                                 token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z-]{2,}\b",
                                 min_df=2, max_df=0.5, sublinear_tf=True, max_features=8_000)
    try:
        x = vectorizer.fit_transform(learn + texts if len(docs) < FEW else learn)
    except ValueError:  # no term left after the filters: nothing to learn
        return (), tuple(docs)
    k = min(topic_count(len(docs)), x.shape[1] // 4, max(2, len(docs) // 2))
    if k < 2:
        return (), tuple(docs)
    # tol 1e-3: about 80 iterations where 1e-4 took 320, with the same themes on the real-world gold and on
    # every third BBC article (two of 24 names differ on the quarter corpus); every edit pays for the fit.
    model = NMF(n_components=k, init="nndsvd", random_state=0, max_iter=400, tol=1e-3)
    # One BLAS thread: these matrices are small, and OpenBLAS's threads spinning against each other and
    # the build's other work made the fit 3-4 times slower in wall time (same topics either way).
    with warnings.catch_warnings(), threadpool_limits(limits=1):
        warnings.simplefilter("ignore", ConvergenceWarning)  # not converging in 400 steps still gives usable topics
        model.fit(x)
        weights = model.transform(vectorizer.transform(texts))
    terms = vectorizer.get_feature_names_out()
    themes = _name(model.components_, terms, _names(learn))

    # A paragraph's topic: the strongest whose name it uses (a theme named by words the paragraph never
    # says is not what it is about), among those with a fair share of its weight; else the article's
    # own leading topic, on the same condition.
    names = [_stems(t.cues[:NAMED]) for t in themes]
    analyse = vectorizer.build_analyzer()
    per_doc: dict[int, Counter] = defaultdict(Counter)
    shares: dict[tuple[int, int], list[tuple[int, float]]] = {}
    for (d, block), row in zip(rows, weights):
        total = float(row.sum())
        if total <= 0:
            continue
        top = int(row.argmax())
        per_doc[d][top] += float(row[top])
        # rounded: BLAS sums differ in the last digits between runs
        ranked = sorted(((i, round(float(w) / total, 6)) for i, w in enumerate(row)), key=lambda c: (-c[1], c[0]))
        shares[(d, block)] = [(i, sh) for i, sh in ranked if sh >= SHARE]
    out = []
    for d, doc in enumerate(docs):
        themed = {t.block for t in doc.themes}
        lead = per_doc[d].most_common(1)[0][0] if per_doc[d] else None
        added = []
        for b in doc.article.blocks:
            if b.index in themed or b.kind not in PROSE or len(b.text.split()) < SUBSTANTIVE:
                continue
            said = _stems(analyse(b.text))
            options = shares.get((d, b.index), []) + ([(lead, SHARE)] if lead is not None else [])
            topic, share = next(((i, sh) for i, sh in options if names[i] & said), (None, 0.0))
            if topic is not None:
                added.append(ThemeScore(block=b.index, theme=themes[topic].id, score=round(min(1.0, share), 4)))
        out.append(dataclasses.replace(doc, themes=tuple(sorted(doc.themes + tuple(added), key=lambda t: (t.block, t.theme))))
                   if added else doc)
    used = {t.theme for doc in out for t in doc.themes}
    return tuple(t for t in themes if t.id in used), tuple(out)


def sample(docs: Sequence[Annotated]) -> list[int]:
    """The articles topics are learnt from: all of a collection of up to SAMPLE, else the SAMPLE whose sources
    hash lowest (in collection order). Topics are a fit to the whole of what they are learnt from, so any change
    to it renames and reshapes some of them (0 to 8 of 24 for one sentence added to one article of 556, half
    of them when one is removed), and every page showing a theme changes. Learnt from a fixed sample, an edit,
    addition or removal outside it changes only its own article's themes; the others are weighed against the
    same topics."""
    if len(docs) <= SAMPLE:
        return list(range(len(docs)))
    ranked = sorted(range(len(docs)), key=lambda d: hashlib.sha256(docs[d].article.source.encode("utf-8", "surrogatepass")).digest())
    return sorted(ranked[:SAMPLE])


def _names(texts: Sequence[str]) -> set[str]:
    """Words written with a capital nearly everywhere they occur (Russia, Biden, CNN)."""
    caps: Counter = Counter()
    seen: Counter = Counter()
    for text in texts:
        for word in TERM.findall(text):
            low = word.lower()
            seen[low] += 1
            caps[low] += word[0].isupper()
    return {w for w, n in seen.items() if caps[w] >= NAME_SHARE * n}


def _stems(words) -> set[str]:
    from briefing.annotate.themes import normalise
    return set(normalise(" ".join(words)))


def _name(components, terms, names: set[str] = frozenset()) -> list[Theme]:
    """Each topic named by its top terms, names (Russia, Biden) after the words that say what it is
    about; ids unique and stable for the same collection."""
    themes: list[Theme] = []
    seen: set[str] = set()
    for row in components:
        ranked = [str(terms[i]) for i in row.argsort()[::-1][:12] if row[i] > 0]
        top = ([t for t in ranked if t not in names] + [t for t in ranked if t in names])[:6]
        name = " · ".join(top[:3])
        tid = "discovered-" + slugify("-".join(top[:3]))
        while tid in seen:
            tid += "-2"
        seen.add(tid)
        themes.append(Theme(id=tid, name=name.capitalize(), cues=tuple(top), discovered=True,
                            description=f"Discovered from the articles: paragraphs about {', '.join(top[:5])}."))
    return themes
