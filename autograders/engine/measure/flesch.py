"""Flesch Reading Ease as a pure function of counts.

    FRE = 206.835 − 1.015 × ASL − 84.6 × ASW

where ASL = words / sentences (average sentence length) and ASW = syllables / words (average syllables per
word) (Flesch 1948, "A new readability yardstick", *Journal of Applied Psychology* 32(3): 221–233).

The constants are for English. There is no validated Flesch formula for Indonesian: Indonesian words are
long, so a plain notice scores near 9 and bureaucratic prose far below zero. Grade Indonesian drafts with the
Fry graph (:mod:`autograders.engine.measure.fry`), not with this score. The score is not clamped to 0–100.
"""
from __future__ import annotations

FLESCH_BASE = 206.835
SENTENCE_LENGTH_WEIGHT = 1.015
SYLLABLES_PER_WORD_WEIGHT = 84.6


def flesch_reading_ease(words: float, sentences: float, syllables: float) -> float:
    """Flesch Reading Ease of a text with these counts (higher is easier)."""
    words = _count(words, "jumlah kata")
    sentences = _count(sentences, "jumlah kalimat")
    syllables = _count(syllables, "jumlah suku kata")
    if words == 0 or sentences == 0:
        raise ValueError("Skor Flesch memerlukan sedikitnya satu kata dan satu kalimat.")
    average_sentence_length = words / sentences
    average_syllables_per_word = syllables / words
    return (
        FLESCH_BASE
        - SENTENCE_LENGTH_WEIGHT * average_sentence_length
        - SYLLABLES_PER_WORD_WEIGHT * average_syllables_per_word
    )


def _count(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"Nilai {name} harus berupa angka, bukan {type(value).__name__}.")
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"Nilai {name} harus berupa angka terhingga.")
    if number < 0:
        raise ValueError(f"Nilai {name} tidak boleh negatif.")
    return number
