"""Indonesian root words and stemming, from the Sastrawi package (PySastrawi on PyPI).

Sastrawi ships a dictionary of about 30,000 Indonesian root words (*kata dasar*) and a rule-based stemmer.
We use the dictionary to tell a derived verb (*dilayani* → *layan*) from a root that merely starts like an affix
(*diskusi*, *dinas*, *terus*), and the stemmer to match keyphrases across word forms (*layanan*, *pelayanan*,
*dilayani*). Both are loaded once, lazily, and are safe to use from many threads.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from importlib import resources

_lock = threading.Lock()
_stemmer = None


@lru_cache(maxsize=1)
def root_words() -> frozenset[str]:
    data = resources.files("Sastrawi.Stemmer.data").joinpath("kata-dasar.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in data.splitlines() if line.strip())


def is_root(word: str) -> bool:
    return word.lower() in root_words()


def _get_stemmer():
    global _stemmer
    if _stemmer is None:
        with _lock:
            if _stemmer is None:
                from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

                _stemmer = StemmerFactory().create_stemmer()
    return _stemmer


@lru_cache(maxsize=200_000)
def stem_id(word: str) -> str:
    """Root of an Indonesian word (``pelayanan`` → ``layan``); reduplication keeps one half."""
    word = word.lower()
    if not word.isalpha() and "-" not in word:
        return word
    if "-" in word:
        first, _, second = word.partition("-")
        if first == second:
            word = first
    stemmed = _get_stemmer().stem(word)
    return stemmed or word


@lru_cache(maxsize=200_000)
def stem_en(word: str) -> str:
    """A light English stemmer (plural and common verb endings, then a final -e) for keyphrase matching:
    service/services -> servic, box/boxes -> box, create/created -> creat, city/cities -> city."""
    w = word.lower()
    if w.endswith("ies") and len(w) >= 5:
        w = w[:-3] + "y"
    elif w.endswith("es") and w[:-2].endswith(("s", "x", "z", "ch", "sh")) and len(w) >= 5:
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) >= 4:
        w = w[:-1]
    elif w.endswith("ing") and len(w) >= 6:
        w = w[:-3]
    elif w.endswith("ed") and len(w) >= 5:
        w = w[:-2]
    if w.endswith("e") and len(w) >= 4:
        w = w[:-1]
    return w
