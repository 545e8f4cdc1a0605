"""Keyphrase matching that understands word forms.

A keyphrase is reduced to the stems of its content words (function words dropped, unless the keyphrase has
nothing else). For Indonesian the stems come from Sastrawi, so *layanan*, *pelayanan*, *dilayani* and *melayani*
all match the keyphrase *layanan* — the word-form matching Yoast sells only in its paid plan. A text "contains"
the keyphrase when every content stem occurs in it; a sentence holds as many occurrences as its rarest stem.
"""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

from ..languages import Language
from .lexicon import stem_en, stem_id
from ..parse.words import Word, tokenize

STEMMERS: dict[str, Callable[[str], str]] = {"sastrawi": stem_id, "light_english": stem_en}


def _stemmer(language: Language) -> Callable[[str], str]:
    return STEMMERS.get(str(language.settings.get("stemmer", "")), str.lower)


def content_words(keyphrase: str, language: Language) -> list[str]:
    words = [w.lower for w in tokenize(keyphrase) if w.kind in ("word", "number")]
    content = [w for w in words if w not in language.stopwords]
    return content or words


def keyphrase_stems(keyphrase: str, language: Language) -> tuple[str, ...]:
    stem = _stemmer(language)
    return tuple(dict.fromkeys(stem(w) for w in content_words(keyphrase, language)))


_STEM_MEMO: dict[str, dict[str, str]] = {}  # stemmer name -> lower-case word -> stem; a pure function's memo
_STEM_MEMO_LIMIT = 500_000


def _stem_memo(language: Language) -> tuple[dict[str, str], Callable[[str], str]]:
    name = str(language.settings.get("stemmer", ""))
    memo = _STEM_MEMO.get(name)
    if memo is None:
        memo = _STEM_MEMO.setdefault(name, {})
    return memo, _stemmer(language)


def word_stems(words: Sequence[Word], language: Language) -> list[str]:
    """The stem of each word (numbers, URLs and addresses stand for themselves), through the memo."""
    stem_of = stems_of({w.lower for w in words if w.kind == "word"}, language)
    return [stem_of[w.lower] if w.kind == "word" else w.lower for w in words]


def stems_of(lowers: Iterable[str], language: Language) -> dict[str, str]:
    """Lower-case word -> stem, for distinct words (through the memo)."""
    memo, stem = _stem_memo(language)
    out = {}
    for lower in lowers:
        s = memo.get(lower)
        if s is None:
            s = stem(lower)
            if len(memo) < _STEM_MEMO_LIMIT:
                memo[lower] = s
        out[lower] = s
    return out


def occurrences(words: Sequence[Word], stems: Sequence[str], language: Language) -> int:
    """How many times the whole keyphrase occurs in these words (the count of its rarest stem)."""
    if not stems or not words:
        return 0
    found = word_stems(words, language)
    return min(found.count(s) for s in stems)


def contains(words: Sequence[Word], stems: Sequence[str], language: Language) -> bool:
    return occurrences(words, stems, language) > 0


def contains_text(text: str, stems: Sequence[str], language: Language) -> bool:
    return contains(tokenize(text.replace("-", " ")), stems, language)


def starts_with(text: str, keyphrase: str) -> bool:
    """Exact keyphrase (case-insensitive, spacing ignored) at the start of ``text``."""
    norm_text = " ".join(w.lower for w in tokenize(text))
    norm_key = " ".join(w.lower for w in tokenize(keyphrase))
    return bool(norm_key) and norm_text.startswith(norm_key)
