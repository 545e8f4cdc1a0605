"""Reading-grade checks: the Fry graph (Indonesian adaptation) and Flesch reading ease (English).

Which one a language uses is data (``settings.json``: ``grade_check``). Indonesian has no validated Flesch
formula, so it is graded on the Fry graph as adapted by Harjasujana & Mulyati (syllables × 0.6); English on
Flesch with Yoast's bands.
"""
from __future__ import annotations

from ..checks import CheckResult, rate_min
from ..parse.document import Document
from ..paper import Paper
from ..measure import measurements as m
from ..measure.syllables import count_syllables


def fry_grade(doc: Document, paper: Paper) -> CheckResult:
    from ..measure import fry

    cfg = doc.language.threshold("fry_grade")
    sentences = [s.words for s in doc.sentences if s.words]
    if sum(map(len, sentences)) < 30:
        return CheckResult("fry_grade", "na", None, "fry_grade.short")
    factor = float(doc.language.settings.get("syllable_factor", 1.0))
    code = doc.language.code
    # The words stay Word tuples; only the ~300 sampled ones are counted, by their text.
    result = fry.estimate(sentences, code, factor, syllables_of=lambda word: count_syllables(word.text, code))
    value = {"grade": result.grade, "low": result.low, "high": result.high, "zone": result.zone,
             "syllables_per_100": round(result.x, 1), "sentences_per_100": round(result.y, 1)}
    if result.zone != "valid":
        # Fry's own directions: a point in a corner zone is not a valid reading, so the check does not judge
        # ("na", no effect on the score). Short sentences of long Indonesian words (affixes) land in the
        # long-words corner although the text is plain; the sentence-length check judges long sentences.
        words_per_sentence = round(100 / result.y, 1) if result.y else 0.0
        return CheckResult("fry_grade", "na", value, f"fry_grade.{result.zone}",
                           dict(value, words_per_sentence=words_per_sentence))
    params = dict(value, level_key=_level(result.grade))
    if result.grade <= cfg["good_max_grade"]:
        rating = "good"
    elif result.grade <= cfg["ok_max_grade"]:
        rating = "ok"
    else:
        rating = "bad"
    return CheckResult("fry_grade", rating, value, f"fry_grade.{rating}", params)


def _level(grade: int) -> str:
    """School level of a Fry grade, as a message key (Indonesian schooling: SD 1–6, SMP 7–9, SMA 10–12)."""
    return "level.sd" if grade <= 6 else "level.smp" if grade <= 9 else "level.sma" if grade <= 12 else "level.pt"


def flesch_reading_ease(doc: Document, paper: Paper) -> CheckResult:
    from ..measure.flesch import flesch_reading_ease as formula

    cfg = doc.language.threshold("flesch_reading_ease")
    words = len(m.sentence_lengths(doc)) and sum(m.sentence_lengths(doc))
    if not words:
        return CheckResult("flesch_reading_ease", "na", None, "flesch_reading_ease.na")
    syllables = sum(m.syllables_of(s, doc) for s in doc.sentences)
    score = round(formula(words, len(doc.sentences), syllables), 1)
    rating = rate_min(score, cfg["good_min"], cfg["ok_min"])
    return CheckResult("flesch_reading_ease", rating, score, f"flesch_reading_ease.{rating}", {"score": score})


GRADE_CHECKS = {"fry_grade": fry_grade, "flesch_reading_ease": flesch_reading_ease}
