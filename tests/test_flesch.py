"""Flesch Reading Ease as a function of counts."""
import math
import warnings

import pytest

from autograders.engine.measure.flesch import flesch_reading_ease


@pytest.mark.parametrize("words, sentences, syllables, expected", [
    # 206.835 − 1.015 × 20 − 84.6 × 1.3  = 206.835 − 20.3 − 109.98
    (100, 5, 130, 76.555),
    # 206.835 − 1.015 × 12 − 84.6 × 1.25 = 206.835 − 12.18 − 105.75
    (120, 10, 150, 88.905),
    # 206.835 − 1.015 × 50 − 84.6 × 2.0  = 206.835 − 50.75 − 169.2 (below zero: not clamped)
    (200, 4, 400, -13.115),
])
def test_hand_computed_examples(words, sentences, syllables, expected):
    assert flesch_reading_ease(words, sentences, syllables) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize("words, sentences, syllables", [
    (100, 5, 130), (57, 3, 80), (300, 12.4, 520), (18, 1, 18), (1000, 40, 1700),
])
def test_matches_textstat_formula_on_the_same_counts(monkeypatch, words, sentences, syllables):
    """textstat computes its counts from text; feed it ours and compare its arithmetic with ours."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        from textstat.backend.metrics import _flesch_reading_ease as textstat_fre

        monkeypatch.setattr(textstat_fre, "words_per_sentence", lambda text: words / sentences)
        monkeypatch.setattr(textstat_fre, "syllables_per_word", lambda text, lang: syllables / words)
        expected = textstat_fre.flesch_reading_ease(f"counts {words} {sentences} {syllables}", "en")
    assert flesch_reading_ease(words, sentences, syllables) == pytest.approx(expected, abs=1e-9)


def test_longer_sentences_and_longer_words_lower_the_score():
    base = flesch_reading_ease(100, 5, 150)
    assert flesch_reading_ease(100, 4, 150) < base
    assert flesch_reading_ease(100, 5, 151) < base


def test_scale_invariant():
    assert flesch_reading_ease(100, 5, 150) == pytest.approx(flesch_reading_ease(300, 15, 450))


@pytest.mark.parametrize("words, sentences", [(0, 1), (10, 0)])
def test_needs_a_word_and_a_sentence(words, sentences):
    with pytest.raises(ValueError, match="sedikitnya satu kata"):
        flesch_reading_ease(words, sentences, 10)


def test_rejects_bad_values():
    with pytest.raises(ValueError, match="negatif"):
        flesch_reading_ease(10, 1, -1)
    with pytest.raises(TypeError, match="angka"):
        flesch_reading_ease("10", 1, 10)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="terhingga"):
        flesch_reading_ease(10, math.inf, 10)
