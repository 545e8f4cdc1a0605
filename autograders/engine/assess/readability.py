"""Readability assessments: each turns one measurement into a rating, a score and a message key.

Thresholds come from the language's ``settings.json`` (``checks.<id>``); nothing here is language-specific.
"""
from __future__ import annotations

from ..checks import CheckResult, Mark, rate_max, rate_min
from ..parse.document import Document
from ..paper import Paper
from ..measure import measurements as m
from . import grades
from .prose import prose


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def sentence_length(doc: Document, paper: Paper) -> CheckResult:
    cfg = doc.language.threshold("sentence_length")
    total = len(doc.sentences)
    if not total:
        return CheckResult("sentence_length", "na", 0.0, "sentence_length.na")
    long = m.long_sentences(doc, int(cfg["max_words"]))
    percent = _pct(len(long), total)
    rating = rate_max(percent, cfg["good_max_percent"], cfg["ok_max_percent"])
    params = {"percent": percent, "count": len(long), "total": total, "max_words": cfg["max_words"],
              "limit": cfg["good_max_percent"]}
    key = f"sentence_length.{rating}"
    very_long = [s for s in long if len(s.words) > cfg.get("very_long_words", 10**9)]
    if rating == "good" and very_long:
        # One sentence of 40+ words loses most readers, however short the others are.
        rating, key = "ok", "sentence_length.very_long"
        params.update(longest=max(len(s.words) for s in very_long), very_long=cfg["very_long_words"])
    return CheckResult("sentence_length", rating, percent, key, params, tuple(Mark(s.start, s.end) for s in long))


def paragraph_length(doc: Document, paper: Paper) -> CheckResult:
    cfg = doc.language.threshold("paragraph_length")
    paragraphs = [b for b in doc.paragraphs if b.words]
    if not paragraphs:
        return CheckResult("paragraph_length", "na", 0, "paragraph_length.na")
    longest = max(len(b.words) for b in paragraphs)
    rating = rate_max(longest, cfg["good_max_words"], cfg["ok_max_words"])
    too_long = [b for b in paragraphs if len(b.words) > cfg["good_max_words"]]
    return CheckResult(
        "paragraph_length", rating, longest, f"paragraph_length.{rating}",
        {"longest": longest, "count": len(too_long), "limit": cfg["good_max_words"]},
        tuple(Mark(b.start, b.end) for b in too_long),
    )


def subheading_distribution(doc: Document, paper: Paper) -> CheckResult:
    cfg = doc.language.threshold("subheading_distribution")
    words = m.body_word_count(doc)
    subheadings = [b for b in doc.headings if b.level >= 2]
    if words <= cfg["min_text_words"] and not subheadings:
        return CheckResult("subheading_distribution", "good", 0, "subheading_distribution.short", {"words": words})
    if not subheadings:
        return CheckResult("subheading_distribution", "bad", words, "subheading_distribution.none",
                           {"words": words, "limit": cfg["good_max_words"]})
    sections = m.sections(doc)
    longest = max((s.words for s in sections), default=0)
    rating = rate_max(longest, cfg["good_max_words"], cfg["ok_max_words"])
    marks = tuple(Mark(s.start, s.end) for s in sections if s.words > cfg["good_max_words"])
    return CheckResult("subheading_distribution", rating, longest, f"subheading_distribution.{rating}",
                       {"longest": longest, "count": len(marks), "limit": cfg["good_max_words"]}, marks)


def passive_voice(doc: Document, paper: Paper) -> CheckResult:
    cfg = doc.language.threshold("passive_voice")
    total = len(doc.sentences)
    if not total:
        return CheckResult("passive_voice", "na", 0.0, "passive_voice.na")
    found = m.passive_sentences(doc)
    percent = _pct(len(found), total)
    rating = rate_max(percent, cfg["good_max_percent"], cfg["ok_max_percent"])
    examples = [s.words[i].text for s, i in found[:3]]
    return CheckResult("passive_voice", rating, percent, f"passive_voice.{rating}",
                       {"percent": percent, "count": len(found), "total": total, "limit": cfg["good_max_percent"],
                        "examples": examples},
                       tuple(Mark(s.start, s.end) for s, _ in found))


def transition_words(doc: Document, paper: Paper) -> CheckResult:
    cfg = doc.language.threshold("transition_words")
    total = len(doc.sentences)
    words = m.body_word_count(doc)
    if not total:
        return CheckResult("transition_words", "na", 0.0, "transition_words.na")
    if words < cfg["min_text_words"]:
        # As in Yoast: a short text needs no transition words, and says so with a green light.
        return CheckResult("transition_words", "good", 0.0, "transition_words.short", {"min_words": cfg["min_text_words"]})
    hits = m.transition_sentences(doc)
    percent = _pct(len(hits), total)
    rating = rate_min(percent, cfg["good_min_percent"], cfg["ok_min_percent"])
    return CheckResult("transition_words", rating, percent, f"transition_words.{rating}",
                       {"percent": percent, "count": len(hits), "total": total, "limit": cfg["good_min_percent"]},
                       tuple(Mark(s.start, s.end) for s in hits) if rating == "good" else ())


def sentence_beginnings(doc: Document, paper: Paper) -> CheckResult:
    cfg = doc.language.threshold("sentence_beginnings")
    if not doc.sentences:
        return CheckResult("sentence_beginnings", "na", 0, "sentence_beginnings.na")
    runs = [(word, run) for word, run in m.sentence_beginning_runs(doc) if len(run) > cfg["max_repeats"]]
    if not runs:
        return CheckResult("sentence_beginnings", "good", 0, "sentence_beginnings.good")
    word, run = max(runs, key=lambda r: len(r[1]))
    marks = tuple(Mark(s.start, s.end) for _, r in runs for s in r)
    return CheckResult("sentence_beginnings", "bad", len(run), "sentence_beginnings.bad",
                       {"word": word, "count": len(run), "runs": len(runs)}, marks)


def text_presence(doc: Document, paper: Paper) -> CheckResult:
    cfg = doc.language.threshold("text_presence")
    characters = len(doc.text.strip())
    rating = "good" if characters >= cfg["min_characters"] else "bad"
    return CheckResult("text_presence", rating, characters, f"text_presence.{rating}",
                       {"characters": characters, "limit": cfg["min_characters"]})


CHECKS = (sentence_length, paragraph_length, subheading_distribution, passive_voice, transition_words,
          sentence_beginnings, text_presence, prose)


def checks_for(language) -> tuple:
    """The readability checks of a language: the common ones plus its reading grade (Fry or Flesch, per settings)."""
    return CHECKS + (grades.GRADE_CHECKS[str(language.settings["grade_check"])],)
