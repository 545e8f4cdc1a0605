"""Fry graph (Indonesian adaptation): point, grade reading, invalid zones, sampling."""
import json
import math

import pytest

from autograders.engine.measure.fry import GRAPH_FILE, FryResult, estimate, fry_grade, fry_point, samples, syllable_factor_for

GRAPH = json.loads(GRAPH_FILE.read_text(encoding="utf-8"))
TICKS = GRAPH["y_ticks"]


def tick_pos(y):
    """Independent re-implementation of the printed y scale (labels evenly spaced)."""
    for i in range(len(TICKS) - 1):
        if TICKS[i] <= y <= TICKS[i + 1]:
            return i + (y - TICKS[i]) / (TICKS[i + 1] - TICKS[i])
    raise AssertionError(y)


def tick_value(u):
    i = min(int(u), len(TICKS) - 2)
    return TICKS[i] + (u - i) * (TICKS[i + 1] - TICKS[i])


def line_in_space(line):
    (x0, y0), (x1, y1) = line["from"], line["to"]
    return (x0, tick_pos(y0)), (x1, tick_pos(y1))


# --------------------------------------------------------------------------- fry_point and the 0.6 factor

def test_point_applies_indonesian_factor():
    x, y = fry_point(100, 5, 250, lang="id")
    assert x == pytest.approx(150.0)  # 250 × 0.6
    assert y == pytest.approx(5.0)


def test_point_english_factor_is_one():
    assert fry_point(100, 5, 250, lang="en") == pytest.approx((250.0, 5.0))


def test_factor_comes_from_language_settings():
    assert syllable_factor_for("id") == pytest.approx(0.6)
    assert syllable_factor_for("en") == pytest.approx(1.0)


def test_explicit_factor_overrides_language():
    assert fry_point(100, 5, 200, lang="id", syllable_factor=1.0)[0] == pytest.approx(200.0)


def test_point_scales_a_short_sample_to_100_words():
    x, y = fry_point(50, 4, 120, lang="en")
    assert (x, y) == pytest.approx((240.0, 8.0))


@pytest.mark.parametrize("words", [0, -3])
def test_point_rejects_no_words(words):
    with pytest.raises(ValueError, match="lebih dari nol"):
        fry_point(words, 1, 10)


def test_point_rejects_non_numbers():
    with pytest.raises(TypeError, match="angka"):
        fry_point("100", 1, 10)  # type: ignore[arg-type]


def test_factor_changes_the_grade_of_the_same_counts():
    # The same Indonesian-looking counts read as English land off the graph; with 0.6 they are on it.
    counts = dict(words=100, sentences=6.0, syllables=260)
    raw = fry_grade(*fry_point(**counts, lang="en"))
    adapted = fry_grade(*fry_point(**counts, lang="id"))
    assert raw.clamped and adapted.valid and not adapted.clamped
    assert adapted.x == pytest.approx(156.0)


# --------------------------------------------------------------------------- grade reading

def test_fry_worked_example_is_grade_7():
    # Fry's directions: samples averaging 141 syllables and 6.3 sentences read as grade 7.
    result = fry_grade(141, 6.3)
    assert result == FryResult(7, 6, 8, "valid", 141.0, 6.3, False)


def test_corners_of_the_graph():
    assert fry_grade(108, 25.0).grade == 1
    assert fry_grade(182, 2.0).grade == 17


def band_points():
    """A point clearly inside each grade band, from the digitised lines (midway between neighbours)."""
    lines = [line_in_space(line) for line in GRAPH["grade_lines"]]
    mids = [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in lines]
    points = {1: (110.0, tick_pos(20.0))}
    for grade in range(2, 17):
        (xa, ua), (xb, ub) = mids[grade - 2], mids[grade - 1]
        points[grade] = ((xa + xb) / 2, tick_value((ua + ub) / 2))
    points[17] = (181.5, 3.0)
    return points


@pytest.mark.parametrize("grade, point", sorted(band_points().items()))
def test_point_inside_each_band(grade, point):
    result = fry_grade(*point)
    assert result.zone == "valid"
    assert result.grade == grade
    assert (result.low, result.high) == (max(1, grade - 1), min(17, grade + 1))


@pytest.mark.parametrize("line", GRAPH["grade_lines"], ids=lambda line: f"{line['lower']}|{line['lower'] + 1}")
def test_just_either_side_of_each_grade_line(line):
    (x0, u0), (x1, u1) = line_in_space(line)
    u = (u0 + u1) / 2
    y = tick_value(u)
    x_on = x0 + (x1 - x0) * (u - u0) / (u1 - u0)
    lower = line["lower"]
    assert fry_grade(x_on - 0.05, y).grade == lower
    assert fry_grade(x_on + 0.05, y).grade == lower + 1


def test_point_on_a_line_belongs_to_the_higher_grade():
    line = GRAPH["grade_lines"][6]  # between 7 and 8, starting at a printed grid point
    x, y = line["from"]
    assert fry_grade(x, y).grade == line["lower"] + 1


def test_grades_never_decrease_to_the_right_or_downwards():
    xs = [108 + i for i in range(0, 75)]
    ys = [t for t in TICKS]
    for y in ys:
        row = [fry_grade(x, y) for x in xs]
        grades = [r.grade for r in row if r.valid]
        assert grades == sorted(grades), y
    for x in xs:
        column = [fry_grade(x, y) for y in reversed(ys)]
        grades = [r.grade for r in column if r.valid]
        assert grades == sorted(grades), x


def test_range_is_clamped_at_the_ends():
    assert (fry_grade(108, 25).low, fry_grade(108, 25).high) == (1, 2)
    assert (fry_grade(182, 2).low, fry_grade(182, 2).high) == (16, 17)


# --------------------------------------------------------------------------- invalid zones

def test_upper_right_corner_is_invalid_long_words():
    result = fry_grade(175, 20.0)
    assert result.zone == "invalid_long_words"
    assert (result.grade, result.low, result.high) == (None, None, None)
    assert not result.valid


def test_lower_left_corner_is_invalid_long_sentences():
    result = fry_grade(110, 2.2)
    assert result.zone == "invalid_long_sentences"
    assert result.grade is None


def test_edges_of_the_long_words_zone():
    assert fry_grade(148, 14.3).valid  # on the printed edge
    assert fry_grade(148, 14.5).zone == "invalid_long_words"
    assert fry_grade(147.5, 14.3).valid


def test_edges_of_the_long_sentences_zone():
    assert fry_grade(108, 4.2).valid  # on the printed edge
    assert fry_grade(108, 4.1).zone == "invalid_long_sentences"
    assert fry_grade(124.5, 2.0).valid  # right of the corner


def test_points_off_the_axes_are_clamped():
    far = fry_grade(400, 0.5)
    assert far.clamped and (far.x, far.y) == (400.0, 0.5) and far.grade == 17
    assert fry_grade(90, 40).grade == 1
    assert not fry_grade(141, 6.3).clamped


def test_grade_rejects_bad_input():
    with pytest.raises(TypeError, match="angka"):
        fry_grade(None, 5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="terhingga"):
        fry_grade(math.nan, 5)


# --------------------------------------------------------------------------- sampling

def words(n, word="kata"):
    return [word] * n


def test_short_text_is_one_sample_scaled_to_100():
    result = samples([words(10), words(15)], "en", syllables_of=lambda w: 2)
    assert len(result.samples) == 1
    sample = result.samples[0]
    assert (sample.words, sample.sentences, sample.syllables) == (25, 2.0, 50)
    assert (result.x, result.y) == pytest.approx((200.0, 8.0))


def test_cut_sentence_counts_its_fraction_to_a_tenth():
    result = samples([words(30)] * 4, "en", syllables_of=lambda w: 1)
    sample = result.samples[0]
    assert sample.words == 100
    assert sample.sentences == pytest.approx(3.3)  # 3 whole + 10/30
    assert result.y == pytest.approx(3.3)


def test_half_sentence():
    result = samples([words(40)] * 3, "en", syllables_of=lambda w: 1)
    assert result.samples[0].sentences == pytest.approx(2.5)


def test_long_text_takes_beginning_middle_and_end():
    result = samples([words(10)] * 30, "en", syllables_of=lambda w: 1)
    assert [s.start for s in result.samples] == [0, 100, 200]
    assert all(s.words == 100 and s.sentences == 10.0 for s in result.samples)


def test_samples_start_at_sentence_starts():
    result = samples([words(7)] * 60, "en", syllables_of=lambda w: 1)  # 420 words
    assert len(result.samples) == 3
    assert all(s.start % 7 == 0 for s in result.samples)
    assert result.samples[-1].start + 100 <= 420


def test_two_samples_for_two_hundred_odd_words():
    result = samples([words(10)] * 25, "en", syllables_of=lambda w: 1)  # 250 words
    assert [s.start for s in result.samples] == [0, 150]


def test_samples_are_averaged():
    # first 100 words one syllable each, last 100 words three syllables each
    text = [words(10, "a")] * 10 + [words(10, "b")] * 10
    result = samples(text, "en", syllables_of=lambda w: 1 if w == "a" else 3)
    xs = [s.x for s in result.samples]
    assert xs[0] == pytest.approx(100.0) and xs[-1] == pytest.approx(300.0)
    assert result.x == pytest.approx(sum(xs) / len(xs))
    assert result.x == pytest.approx(200.0)


def test_sampling_applies_indonesian_factor():
    result = samples([words(10)] * 10, "id", syllables_of=lambda w: 2)
    assert result.x == pytest.approx(120.0)  # 200 × 0.6


def test_sampling_uses_the_real_counter_by_default():
    sentence = "Warga dapat mengurus KTP di kantor kecamatan".split()
    result = samples([sentence], "id")
    # war-ga da-pat me-ngu-rus ka-te-pe di kan-tor ke-ca-mat-an = 2+2+3+3+1+2+4 = 17
    assert result.samples[0].syllables == 17
    assert result.x == pytest.approx(17 * 100 / 7 * 0.6)


def test_sampling_result_reads_a_grade():
    text = [words(10)] * 10
    assert samples(text, "id", syllables_of=lambda w: 2).grade() == fry_grade(120.0, 10.0)


def test_empty_text_gives_clear_message():
    with pytest.raises(ValueError, match="Teks kosong"):
        samples([[], []], "id")


def test_estimate_samples_and_reads_the_grade():
    text = [("Warga dapat mengurus KTP di kantor kecamatan " * 3).split()] * 12
    result = estimate(text, "id")
    assert result == samples(text, "id").grade()
    assert estimate(text, "id", 1.0).x == pytest.approx(samples(text, "id", syllable_factor=1.0).x)
    assert estimate(text, "id", 1.0).x > result.x
