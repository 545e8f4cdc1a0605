"""The ``prose`` check: is the answer written text, or a keyword list, a salad, stuffing or a list of tags?

Sentence length, passive voice and plain language all rate a keyword list ``good`` (its "sentences" are short and
active); this check says whether there is prose to judge at all. It reads the measurements of
:mod:`autograders.engine.measure.prose` and rates each signal with the thresholds in
``languages/<code>/settings.json`` (``checks.prose``, each with its reason):

=====================  ==========================================================================================
finding kind           what it means
=====================  ==========================================================================================
``too_short``          fewer than ``min_words`` prose words: nothing to judge ("x", one word, a bare link)
``tags``               hashtags, mentions and links make up most of the text
``items``              the text is mostly verbless list items or labelled lines
``list``               sentences that are comma- (or pipe-) separated keyword lists
``fragments``          too few words in sentences with a predicate (a telegraphic text of at most
                       ``telegraphic.max_words`` words that has function words is ``ok`` at worst)
``function_words``     far fewer function words than real prose has
``word_repetition``    one content word is a large share of all content words
``phrase_repetition``  one run of words comes back more often than Yoast lets a keyphrase
``doubled_words``      words written twice in a row (*maaf maaf DM DM*) more often than a typo explains
``keyphrase_stuffing`` more keyphrase occurrences than Yoast's maximum density allows (``ok``), more than
                       ``keyphrase.bad_factor`` times that (``bad``)
=====================  ==========================================================================================

The check's rating is the worst finding's (``good`` with none). :func:`prose_assessment` is the pure function a
rubric calls; it is cached on the document, so the check and the rubric share one computation.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, NamedTuple

from ..checks import RATING_ORDER, CheckResult, Mark
from ..measure import measurements as m
from ..measure.prose import ProseMeasure, prose_measure
from ..parse.document import Document
from ..paper import Paper
from . import seo

FINDING_KINDS = ("too_short", "tags", "items", "list", "fragments", "function_words", "word_repetition",
                 "phrase_repetition", "doubled_words", "keyphrase_stuffing")
MAX_MARKS = 50  # per finding: enough to show where, bounded for a huge draft


class ProseFinding(NamedTuple):
    kind: str  # one of FINDING_KINDS
    rating: str  # ok | bad
    key: str  # message key, "prose.<kind>"
    params: Mapping[str, Any]
    marks: tuple[Mark, ...]

    @property
    def mark(self) -> Mark | None:
        """The first place this finding points at (None when it points at nothing in particular)."""
        return self.marks[0] if self.marks else None


@dataclass(frozen=True)
class ProseAssessment:
    rating: str  # good | ok | bad
    signals: Mapping[str, Any]  # the measured values (see prose_signals)
    findings: tuple[ProseFinding, ...] = ()  # worst first
    key: str = "prose.good"
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_prose(self) -> bool:
        """False when the text is not prose (rating ``bad``): a rubric gates a task's points on this."""
        return self.rating != "bad"

    @property
    def marks(self) -> tuple[Mark, ...]:
        return tuple(sorted({mark for f in self.findings for mark in f.marks}))


def prose_signals(measure: ProseMeasure, keyphrase_count: int = 0, keyphrase_limit: float = 0.0) -> dict[str, Any]:
    """The measured values as a plain dictionary (JSON-ready): what the rubric and the report show."""
    return {
        "words": measure.words, "sentences": measure.sentences, "predicate_share": measure.predicate_share,
        "fragment_words": measure.fragment_words, "item_share": measure.item_share, "list_share": measure.list_share,
        "function_share": measure.function_share, "top_word": measure.top_word,
        "top_word_count": measure.top_word_count, "top_word_share": measure.top_word_share,
        "top_phrase": measure.top_phrase, "top_phrase_count": measure.top_phrase_count,
        "top_phrase_per_100": measure.top_phrase_per_100, "tags": measure.tags, "tag_share": measure.tag_share,
        "doubled_words": measure.doubled, "keyphrase_count": keyphrase_count, "keyphrase_limit": round(keyphrase_limit, 2),
    }


def _marks(spans, limit: int = MAX_MARKS) -> tuple[Mark, ...]:
    return tuple(Mark(start, end) for start, end in list(spans)[:limit])


def _pct(share: float) -> float:
    return round(100.0 * share, 1)


def _counted_rating(count: int, value: float, bad: tuple[int, float], ok: tuple[int, float],
                    at_line_counts: bool = False) -> str:
    """``bad`` / ``ok`` / ``good`` for a finding that needs at least a number of occurrences AND a value past a
    line: ``bad`` and ``ok`` are (minimum count, line). Past means over the line, or at least at it with
    ``at_line_counts``."""
    for rating, (min_count, line) in (("bad", bad), ("ok", ok)):
        if count >= min_count and (value >= line if at_line_counts else value > line):
            return rating
    return "good"


def _words_in(measure: ProseMeasure, span: tuple[int, int]) -> list[str]:
    """The words of the measure's prose inside ``span`` (as written)."""
    return [w.text for prose in measure.kept for w in prose if span[0] <= w.start and w.end <= span[1]]


def _band_max(value: float, good_max: float, ok_max: float) -> str:
    return "good" if value <= good_max else "ok" if value <= ok_max else "bad"


def judge(measure: ProseMeasure, cfg: Mapping[str, Any], keyphrase: str = "", keyphrase_count: int = 0,
          keyphrase_limit: float = 0.0, keyphrase_marks: tuple[Mark, ...] = ()) -> list[ProseFinding]:
    """The findings of one measurement under the ``checks.prose`` settings (pure: edge tests call it directly)."""
    findings: list[ProseFinding] = []

    def add(kind: str, rating: str, params: Mapping[str, Any], marks: Callable[[], tuple[Mark, ...]]) -> None:
        if rating in ("ok", "bad"):  # marks are found only for a finding
            findings.append(ProseFinding(kind, rating, f"prose.{kind}", dict(params), marks()))

    words = measure.words
    if words < cfg["min_words"]:
        add("too_short", "bad", {"words": words, "min": cfg["min_words"]}, tuple)
    tags = cfg["tags"]
    if measure.tags >= tags["min_count"]:
        add("tags", _band_max(measure.tag_share, tags["good_max_share"], tags["ok_max_share"]),
            {"count": measure.tags, "percent": _pct(measure.tag_share)}, lambda: _marks(measure.tag_spans))
    if words < cfg["min_words"]:
        return findings
    items = cfg["items"]
    if len(measure.items) >= items["min_count"]:
        add("items", _band_max(measure.item_share, items["good_max_share"], items["ok_max_share"]),
            {"percent": _pct(measure.item_share), "count": len(measure.items)}, lambda: _marks(measure.items))
    lists = cfg["lists"]
    add("list", _band_max(measure.list_share, lists["good_max_share"], lists["ok_max_share"]),
        {"percent": _pct(measure.list_share)}, lambda: _marks(measure.lists))

    if words > measure.item_words:
        share_cfg, short = cfg["predicate_share"], cfg["telegraphic"]
        share = measure.predicate_share
        rating = "good" if share >= share_cfg["good_min"] else "ok" if share >= share_cfg["ok_min"] else "bad"
        if rating == "bad" and words <= short["max_words"] and measure.function_share >= short["min_function_share"]:
            rating = "ok"  # a short telegraphic notice, written with function words: not a keyword list
        in_lists = set(measure.lists)
        add("fragments", rating, {"percent": _pct(share), "count": len(measure.fragments)},
            lambda: _marks(s for s in measure.fragments if s not in in_lists))

    function = cfg["function_share"]
    if words >= function["short_min_words"]:
        share = measure.function_share
        if words >= function["long_min_words"]:
            rating = "good" if share >= function["good_min"] else "ok" if share >= function["ok_min"] else "bad"
        else:
            rating = "good" if share >= function["short_ok_min"] else "bad"
        add("function_words", rating, {"percent": _pct(share), "usual": _pct(function["good_min"])},
            lambda: _marks(measure.no_function_sentences))

    repeat = cfg["word_repetition"]
    share, count = measure.top_word_share, measure.top_word_count
    rating = _counted_rating(count, share, (repeat["bad_min_count"], repeat["ok_max_share"]),
                             (repeat["ok_min_count"], repeat["good_max_share"]))
    add("word_repetition", rating, {"word": measure.top_word, "count": count, "percent": _pct(share)},
        lambda: _marks(measure.top_word_spans))

    phrase = cfg["phrase_repetition"]
    per_100, count = measure.top_phrase_per_100, measure.top_phrase_count
    rating = _counted_rating(count, per_100, (phrase["bad_min_count"], phrase["ok_max_per_100"]),
                             (phrase["ok_min_count"], phrase["good_max_per_100"]))
    add("phrase_repetition", rating, {"phrase": measure.top_phrase, "count": count, "per_100": per_100},
        lambda: _marks(measure.top_phrase_spans))

    doubled = cfg["doubled_words"]
    count, per_100 = measure.doubled, measure.doubled_per_100
    rating = _counted_rating(count, per_100, (doubled["bad_min_count"], doubled["bad_min_per_100"]),
                             (doubled["ok_min_count"], doubled["ok_min_per_100"]), at_line_counts=True)
    if rating != "good":
        spans = measure.doubled_spans
        example = " ".join(_words_in(measure, spans[0])) if spans else ""
        add("doubled_words", rating, {"count": count, "example": example}, lambda: _marks(spans))

    if keyphrase and keyphrase_count > keyphrase_limit:
        rating = "bad" if keyphrase_count > keyphrase_limit * cfg["keyphrase"]["bad_factor"] else "ok"
        add("keyphrase_stuffing", rating, {"keyphrase": keyphrase, "count": keyphrase_count, "words": words,
                                           "limit": int(keyphrase_limit)}, lambda: keyphrase_marks[:MAX_MARKS])
    findings.sort(key=lambda f: (RATING_ORDER[f.rating], FINDING_KINDS.index(f.kind)))
    return findings


def prose_assessment(doc: Document, paper: Paper) -> ProseAssessment:
    """Is ``doc`` prose? The rating, the measured signals and the findings (worst first), each with marks and a
    message key. Cached on the document per keyphrase: the ``prose`` check and a rubric share one computation."""
    return doc.cached(f"prose_assessment:{paper.keyphrase}", lambda: _assess(doc, paper))


def _assess(doc: Document, paper: Paper) -> ProseAssessment:
    cfg = doc.language.threshold("prose")
    measure = prose_measure(doc)
    keyphrase = paper.keyphrase.strip()
    count, limit, marks = 0, 0.0, ()
    if keyphrase:
        count = seo.keyphrase_count(doc, paper)
        density_max = float(doc.language.threshold("keyphrase_density")["ok_max_percent"])
        limit = max(float(cfg["keyphrase"]["min_count"]), m.body_word_count(doc) * density_max / 100.0)
        marks = seo.keyphrase_marks(doc, paper)
    findings = judge(measure, cfg, keyphrase, count, limit, marks)
    signals = prose_signals(measure, count, limit)
    if not findings:
        return ProseAssessment("good", signals, (), "prose.good", {"words": measure.words})
    worst = findings[0]
    params = dict(worst.params, others=len(findings) - 1)
    return ProseAssessment(worst.rating, signals, tuple(findings), worst.key, params)


def prose(doc: Document, paper: Paper) -> CheckResult:
    assessment = prose_assessment(doc, paper)
    marks = assessment.marks if assessment.rating != "good" else ()
    return CheckResult("prose", assessment.rating, dict(assessment.signals), assessment.key, assessment.params, marks)
