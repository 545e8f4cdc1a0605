"""The Fry readability graph, with the Indonesian adaptation of Harjasujana & Mulyati.

Method (Fry 1968, 1977; adapted for Indonesian by Harjasujana & Mulyati, *Membaca 2*, Depdikbud 1996/97):

1. take 100-word samples that start at the beginning of a sentence (beginning, middle and end of a long text;
   the whole text when it is shorter than 100 words, scaled to 100);
2. count the sentences in each sample to a tenth: a sentence cut by word 100 counts as the fraction of its
   words inside the sample;
3. count the syllables; for Indonesian multiply them by **0.6** (Indonesian words are longer than English
   ones; the factor is ``syllable_factor`` in each language's ``settings.json``: 0.6 for ``id``, 1.0 for ``en``);
4. average the samples and read the grade on the graph: x = syllables per 100 words, y = sentences per
   100 words. Report the grade as a range from one below to one above.

How the graph was digitised (``autograders/engine/data/fry_graph.json``)
----------------------------------------------------------------------
The graph is the extended version to level 17 published in Fry (1977), "Fry's Readability Graph:
Clarifications, Validity, and Extension to Level 17", *Journal of Reading* 21(3), 242–252. Its axes:

* x, along the top: average syllables per 100 words, 108 to 182 (linear);
* y, along the side: average sentences per 100 words, labelled 25.0, 20, 16.7, 14.3, 12.5, 11.1, 10.0, 9.1,
  8.3 … 3.3, 3.0, 2.5, 2.0. These are 100 / (4, 5, 6, … 30 words per sentence) then 33, 40, 50, printed at
  equal spacing, so the scale is log-like. We keep the labels as ``y_ticks`` and place a value between two
  labels by linear interpolation between them: in this "tick space" the printed lines are straight.

Each grade boundary on the printed graph is a straight line from the lower-left to the upper-right. We
recorded each as its two end points, read as (syllables, sentences) where the line meets the printed grid
(to about ±0.5 syllable and half a tick), and the two black invalid corners as polylines along their
printed edges. The readings were checked against the worked example in Fry's directions (a sample average of
141 syllables and 6.3 sentences is grade 7) and compared with an independent open-source rendering of the
same graph (Readability Studio by Blake Madden, EPL-2.0; only its published coordinates were compared, no
code was taken). Near a line, a reading can differ from another digitisation by one grade: that is why the
method reports a range.

Reading rules used here: a point outside the printed axes is read at the nearest edge (``clamped`` is then
True; ``x`` and ``y`` keep the point as given); a point on a grade line belongs to the higher grade; a point on the edge of an invalid zone is valid.
Grade 17 means "17 and above" (postgraduate).

All functions are pure; the graph is loaded once and never changed.
"""
from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Literal, Sequence

from autograders.engine.languages import get_language
from autograders.engine.measure.syllables import count_syllables
from autograders.engine.data import DATA_DIR

GRAPH_FILE = DATA_DIR / "fry_graph.json"
SAMPLE_SIZE = 100
MAX_SAMPLES = 3

Zone = Literal["valid", "invalid_long_words", "invalid_long_sentences"]
Point = tuple[float, float]


@dataclass(frozen=True)
class FryResult:
    """A reading of the Fry graph. ``grade``/``low``/``high`` are None in an invalid zone."""

    grade: int | None
    low: int | None
    high: int | None
    zone: Zone
    x: float = 0.0  # the point given (syllables per 100 words, after the factor)
    y: float = 0.0  # sentences per 100 words
    clamped: bool = False  # True when the point lay off the printed axes and was read at the nearest edge

    @property
    def valid(self) -> bool:
        return self.zone == "valid"


@dataclass(frozen=True)
class FrySample:
    """One sample: where it starts (word index), its counts, and its point on the graph."""

    start: int
    words: int
    sentences: float
    syllables: int
    x: float
    y: float


@dataclass(frozen=True)
class FrySampling:
    """The samples taken from a text and their average point."""

    samples: tuple[FrySample, ...]
    x: float
    y: float

    def grade(self) -> FryResult:
        return fry_grade(self.x, self.y)


@dataclass(frozen=True)
class _Graph:
    x_min: float
    x_max: float
    y_ticks: tuple[float, ...]
    grade_max: int
    lines: tuple[tuple[int, Point, Point], ...]  # (lower grade, from, to) in (x, tick space)
    long_sentences: tuple[Point, ...]
    long_words: tuple[Point, ...]


# --------------------------------------------------------------------------- the graph

@lru_cache(maxsize=1)
def _graph() -> _Graph:
    data = json.loads(GRAPH_FILE.read_text(encoding="utf-8"))
    ticks = tuple(float(t) for t in data["y_ticks"])

    def to_space(point: Sequence[float]) -> Point:
        return float(point[0]), _tick_position(float(point[1]), ticks)

    lines = tuple(
        (int(line["lower"]), to_space(line["from"]), to_space(line["to"]))
        for line in sorted(data["grade_lines"], key=lambda line: line["lower"])
    )
    return _Graph(
        x_min=float(data["x_min"]),
        x_max=float(data["x_max"]),
        y_ticks=ticks,
        grade_max=int(data["grade_max"]),
        lines=lines,
        long_sentences=tuple(to_space(p) for p in data["invalid_long_sentences"]),
        long_words=tuple(to_space(p) for p in data["invalid_long_words"]),
    )


def _tick_position(y: float, ticks: Sequence[float]) -> float:
    """Position of a sentence count on the printed y axis, in tick steps from the lowest label."""
    if y <= ticks[0]:
        return 0.0
    if y >= ticks[-1]:
        return float(len(ticks) - 1)
    i = bisect_right(ticks, y) - 1
    return i + (y - ticks[i]) / (ticks[i + 1] - ticks[i])


def _cross(origin: Point, end: Point, point: Point) -> float:
    """> 0 when ``point`` is left of the direction origin → end, < 0 when right of it."""
    return (end[0] - origin[0]) * (point[1] - origin[1]) - (end[1] - origin[1]) * (point[0] - origin[0])


def _polyline_height(points: Sequence[Point], x: float) -> float | None:
    """The tick-space height of a polyline (ordered by x) at ``x``, or None outside its x range."""
    for (x0, u0), (x1, u1) in zip(points, points[1:]):
        if x0 <= x <= x1:
            return u0 if x1 == x0 else u0 + (u1 - u0) * (x - x0) / (x1 - x0)
    return None


def _zone(point: Point, graph: _Graph) -> Zone:
    x, u = point
    edge = _polyline_height(graph.long_words, x)
    if edge is not None and u > edge:
        return "invalid_long_words"
    edge = _polyline_height(graph.long_sentences, x)
    if edge is not None and u < edge:
        return "invalid_long_sentences"
    return "valid"


def _grade(point: Point, graph: _Graph) -> int:
    """The first grade whose upper boundary line has the point on its easier (upper-left) side."""
    for lower, start, end in graph.lines:
        if _cross(start, end, point) > 0:
            return lower
    return graph.grade_max


# --------------------------------------------------------------------------- public API

def fry_grade(x: float, y: float) -> FryResult:
    """Read the Fry graph at x = syllables per 100 words (already × 0.6 for Indonesian), y = sentences per 100.

    Returns the grade with a range one below to one above, or the invalid zone the point falls in.
    """
    x, y = _as_number(x, "x (suku kata per 100 kata)"), _as_number(y, "y (kalimat per 100 kata)")
    graph = _graph()
    cx = min(max(x, graph.x_min), graph.x_max)
    cy = min(max(y, graph.y_ticks[0]), graph.y_ticks[-1])
    clamped = (cx, cy) != (x, y)
    point = (cx, _tick_position(cy, graph.y_ticks))
    zone = _zone(point, graph)
    if zone != "valid":
        return FryResult(None, None, None, zone, x, y, clamped)
    grade = _grade(point, graph)
    return FryResult(grade, max(1, grade - 1), min(graph.grade_max, grade + 1), zone, x, y, clamped)


def estimate(
    sentences_as_word_lists: Sequence[Sequence[Any]], lang: str = "id", syllable_factor: float | None = None,
    syllables_of: Callable[[Any], int] | None = None,
) -> FryResult:
    """Sample a text (sentences as lists of words), average the samples and read the grade.
    ``syllables_of`` counts one word when the words are not plain strings (the engine passes its word tuples)."""
    return samples(sentences_as_word_lists, lang, syllable_factor=syllable_factor, syllables_of=syllables_of).grade()


def syllable_factor_for(lang: str) -> float:
    """The syllable multiplier of a language (``syllable_factor`` in its settings; 1.0 if absent)."""
    return float(get_language(lang).settings.get("syllable_factor", 1.0))


def fry_point(
    words: float, sentences: float, syllables: float, *, lang: str = "id", syllable_factor: float | None = None
) -> Point:
    """The graph point of a sample: (syllables per 100 words × factor, sentences per 100 words).

    The factor is ``syllable_factor`` when given, else the language's (0.6 for ``id``, 1.0 for ``en``).
    A sample shorter or longer than 100 words is scaled to 100.
    """
    words = _as_number(words, "jumlah kata")
    sentences = _as_number(sentences, "jumlah kalimat")
    syllables = _as_number(syllables, "jumlah suku kata")
    if words <= 0:
        raise ValueError("Jumlah kata harus lebih dari nol untuk menghitung titik grafik Fry.")
    if sentences < 0 or syllables < 0:
        raise ValueError("Jumlah kalimat dan suku kata tidak boleh negatif.")
    factor = syllable_factor_for(lang) if syllable_factor is None else _as_number(syllable_factor, "faktor")
    scale = SAMPLE_SIZE / words
    return syllables * scale * factor, sentences * scale


def samples(
    sentences_as_word_lists: Sequence[Sequence[str]],
    lang: str = "id",
    *,
    syllable_factor: float | None = None,
    sample_size: int = SAMPLE_SIZE,
    syllables_of: Callable[[str], int] | None = None,
) -> FrySampling:
    """Take Fry samples from a text given as sentences of words, and average their points.

    A text shorter than ``sample_size`` words is one sample (scaled to 100). Otherwise up to three samples
    of exactly ``sample_size`` words are taken, each starting at a sentence start: the beginning, the end
    (the last sentence start that still leaves a full sample) and the middle (the sentence start nearest
    the centre), as far as the text allows (one sample per full ``sample_size`` words).
    ``syllables_of`` replaces the syllable counter (default: :func:`count_syllables` for ``lang``).
    """
    sentences = [list(s) for s in sentences_as_word_lists if len(s) > 0]
    if not sentences:
        raise ValueError("Teks kosong: tidak ada kata untuk diukur dengan grafik Fry.")
    if sample_size <= 0:
        raise ValueError("Ukuran sampel harus lebih dari nol.")
    count = syllables_of or (lambda w: count_syllables(w, lang))
    starts = _sample_starts([len(s) for s in sentences], sample_size)
    taken = tuple(
        _take_sample(sentences, start, sample_size, count, lang, syllable_factor) for start in starts
    )
    x = sum(s.x for s in taken) / len(taken)
    y = sum(s.y for s in taken) / len(taken)
    return FrySampling(taken, x, y)


# --------------------------------------------------------------------------- sampling helpers

def _sentence_starts(lengths: Sequence[int]) -> list[int]:
    starts, position = [], 0
    for length in lengths:
        starts.append(position)
        position += length
    return starts


def _sample_starts(lengths: Sequence[int], size: int) -> list[int]:
    total = sum(lengths)
    if total < size:
        return [0]
    candidates = [s for s in _sentence_starts(lengths) if s + size <= total]
    wanted = min(MAX_SAMPLES, total // size)
    chosen = [0]
    if wanted >= 2 and candidates[-1] not in chosen:
        chosen.append(candidates[-1])
    if wanted >= 3:
        centre = (total - size) / 2
        remaining = [s for s in candidates if s not in chosen]
        if remaining:
            chosen.append(min(remaining, key=lambda s: (abs(s - centre), s)))
    return sorted(chosen)


def _take_sample(
    sentences: Sequence[Sequence[str]],
    start: int,
    size: int,
    count: Callable[[str], int],
    lang: str,
    syllable_factor: float | None,
) -> FrySample:
    end = start + size
    words_taken, sentence_count, syllables, position = 0, 0.0, 0, 0
    for sentence in sentences:
        s_start, s_end = position, position + len(sentence)
        position = s_end
        if s_end <= start or s_start >= end:
            continue
        inside = sentence[max(start, s_start) - s_start:min(end, s_end) - s_start]
        words_taken += len(inside)
        syllables += sum(count(w) for w in inside)
        sentence_count += 1.0 if len(inside) == len(sentence) else round(len(inside) / len(sentence), 1)
    sentence_count = round(sentence_count, 1)
    x, y = fry_point(words_taken, sentence_count, syllables, lang=lang, syllable_factor=syllable_factor)
    return FrySample(start, words_taken, sentence_count, syllables, x, y)


def _as_number(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"Nilai {name} harus berupa angka, bukan {type(value).__name__}.")
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"Nilai {name} harus berupa angka terhingga.")
    return number
