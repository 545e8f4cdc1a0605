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
    """A light English stemmer (plural and common verb endings) for keyphrase matching."""
    w = word.lower()
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith("ss"):
                continue
            return w[: len(w) - len(suffix)] + repl
    return w
