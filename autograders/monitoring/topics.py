"""What people talk about: frequent word pairs (bigrams) and the terms that rise during an alert.

Texts are tokenised as in :mod:`.text` (slang normalised), then function words (``languages/id/stopwords.txt``
and ``data/social_stopwords.txt``), numbers, words of one or two letters, URLs, mentions, hashtags and emoji are dropped, as are the words of the
brand terms themselves (they would top every list). Bigrams are built with ``nltk.util.bigrams`` over the
remaining words of each post; no nltk data is downloaded. A bigram counts once per post.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

import pandas as pd
from nltk.util import bigrams as _bigrams

from .resources import load_resources
from .text import content_words, tokens


def excluded_words(terms: Iterable[str]) -> frozenset[str]:
    """Normalised words of brand terms (``@pemkabsukamaju`` → ``pemkabsukamaju``), to leave out of topics."""
    res = load_resources()
    out: set[str] = set()
    for term in terms:
        for tok in tokens(str(term), res):
            out.add(tok.lstrip("@#"))
    return frozenset(out)


def _unique_counts(texts) -> pd.Series:
    s = pd.Series(texts, dtype=object) if not isinstance(texts, pd.Series) else texts
    return s.fillna("").astype(str).value_counts(sort=False)


def _words(text: str, res, cache: dict | None) -> list[str]:
    if cache is None:
        return content_words(text, res)
    try:
        return cache[text]
    except KeyError:
        words = cache[text] = content_words(text, res)
        return words


def top_bigrams(texts, n: int = 10, exclude: Iterable[str] = (), cache: dict | None = None) -> pd.DataFrame:
    """The ``n`` most frequent bigrams: columns ``bigram`` ("kata1 kata2") and ``count`` (posts).

    ``cache`` (text → content words) may be shared by calls on overlapping texts; it belongs to the caller."""
    res = load_resources()
    skip = frozenset(w.lower() for w in exclude)
    counter: Counter = Counter()
    for text, weight in _unique_counts(texts).items():
        words = [w for w in _words(text, res, cache) if w not in skip]
        pairs = set(_bigrams(words))
        if weight == 1:
            counter.update(pairs)
        else:
            for pair in pairs:
                counter[pair] += weight
    rows = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return pd.DataFrame({"bigram": [" ".join(p) for p, _ in rows], "count": [int(c) for _, c in rows]},
                        columns=["bigram", "count"])


def term_document_counts(texts, exclude: Iterable[str] = (), cache: dict | None = None) -> tuple[Counter, int]:
    """How many posts contain each content word, and the number of posts."""
    res = load_resources()
    skip = frozenset(w.lower() for w in exclude)
    counter: Counter = Counter()
    counts = _unique_counts(texts)
    for text, weight in counts.items():
        for w in set(_words(text, res, cache)) - skip:
            counter[w] += weight
    return counter, int(counts.sum())


def rising_terms(window_texts, baseline_texts, n: int = 5, exclude: Sequence[str] = (),
                 cache: dict | None = None) -> list[str]:
    """Terms that rise in a window against a baseline, best first.

    For each word: excess = posts in the window containing it − the number expected from its share of
    baseline posts (baseline count × window posts ÷ baseline posts). Words with the largest positive excess
    win; ties are broken alphabetically. With an empty baseline this is simply the most frequent words.
    """
    win, n_win = term_document_counts(window_texts, exclude, cache)
    base, n_base = term_document_counts(baseline_texts, exclude, cache)
    scale = n_win / n_base if n_base else 0.0
    scored = [(c - base.get(w, 0) * scale, w) for w, c in win.items()]
    scored = [(s, w) for s, w in scored if s > 0]
    scored.sort(key=lambda sw: (-sw[0], sw[1]))
    return [w for _, w in scored[:n]]
