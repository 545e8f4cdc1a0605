"""Word lists shipped with the package (written by the project), loaded once and never mutated.

Files in ``data/``:

* ``lexicon.tsv``      term → polarity score from -3 to +3 (terms of 1–3 words)
* ``slang.tsv``        informal form → standard form (``gak`` → ``tidak``)
* ``emoji.tsv``        emoji → polarity score
* ``negators.txt``     words that reverse the next opinion word (``tidak``, ``bukannya``)
* ``intensifiers.tsv`` word → multiplier and position (``sangat`` before, ``banget`` after)
* ``contrast.tsv``     contrast words: ``but`` (``tapi``) or ``although`` (``walaupun``)
* ``social_stopwords.txt`` fillers skipped when counting topics, besides the Indonesian function words of
  ``languages/id/stopwords.txt``

The loaded :class:`Resources` is frozen and its mappings are read-only by convention (no code writes to them),
so one shared instance is safe across threads.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as _res
from types import MappingProxyType
from typing import Mapping

from ..engine.languages import get_language

DATA_PACKAGE = "autograders.monitoring.data"


def _data_lines(name: str) -> list[str]:
    text = _res.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _pairs(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _data_lines(name)]


@dataclass(frozen=True)
class Resources:
    lexicon: Mapping[str, float]
    phrases: Mapping[tuple[str, ...], float]
    slang: Mapping[str, tuple[str, ...]]
    emoji: Mapping[str, float]
    negators: frozenset[str]
    intensifiers_before: Mapping[str, float]
    intensifiers_after: Mapping[str, float]
    contrast_but: frozenset[tuple[str, ...]]
    contrast_although: frozenset[tuple[str, ...]]
    stopwords: frozenset[str]
    max_phrase: int
    phrase_starts: frozenset[str]


def data_path(name: str):
    """Path-like handle of a shipped data file (e.g. ``sample_mentions.csv``)."""
    return _res.files(DATA_PACKAGE).joinpath(name)


@lru_cache(maxsize=1)
def load_resources() -> Resources:
    lexicon: dict[str, float] = {}
    phrases: dict[tuple[str, ...], float] = {}
    for term, score in _pairs("lexicon.tsv"):
        words = tuple(term.lower().split())
        if len(words) == 1:
            lexicon[words[0]] = float(score)
        else:
            phrases[words] = float(score)
    slang = {k.lower(): tuple(v.lower().split()) for k, v in _pairs("slang.tsv")}
    emoji = {e: float(s) for e, s in _pairs("emoji.tsv")}
    before, after = {}, {}
    for word, mult, position in _pairs("intensifiers.tsv"):
        (before if position == "before" else after)[word] = float(mult)
    but, although = set(), set()
    for word, kind in _pairs("contrast.tsv"):
        (but if kind == "but" else although).add(tuple(word.split()))
    multi = [len(p) for p in phrases] + [len(p) for p in but | although]
    return Resources(
        lexicon=MappingProxyType(lexicon),
        phrases=MappingProxyType(phrases),
        slang=MappingProxyType(slang),
        emoji=MappingProxyType(emoji),
        negators=frozenset(_data_lines("negators.txt")),
        intensifiers_before=MappingProxyType(before),
        intensifiers_after=MappingProxyType(after),
        contrast_but=frozenset(but),
        contrast_although=frozenset(although),
        # The language's function words (one list for the whole project) plus the social-media fillers.
        stopwords=get_language("id").stopwords | frozenset(_data_lines("social_stopwords.txt")),
        max_phrase=max(multi, default=1),
        phrase_starts=frozenset(p[0] for p in list(phrases) + list(but | although) if len(p) > 1),
    )
