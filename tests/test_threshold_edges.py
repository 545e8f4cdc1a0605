"""Every SEO and grade threshold at its edge (settings.json: languages/id and languages/en).

Texts are built so that the measured value lands exactly on, or one step past, each boundary. Where a value
cannot be produced exactly from text (title pixels, a reading grade, a Flesch score), the measurement is
replaced and only the judging is tested.
"""
import pytest

from autograders import analyze
from autograders.engine.assess import seo
from autograders.engine.measure import fry


def _sentences(n: int, words: int, filler: str = "warga") -> list[list[str]]:
    return [["Petugas"] + [filler] * (words - 2) + ["datang."] for _ in range(n)]


def _text(sentences: list[list[str]]) -> str:
    # Paragraphs of five sentences: no paragraph or section limit interferes.
    lines = [" ".join(s) for s in sentences]
    return "\n\n".join(" ".join(lines[i:i + 5]) for i in range(0, len(lines), 5))


@pytest.mark.parametrize("length,rating", [(0, "bad"), (120, "ok"), (121, "good"), (156, "good"), (157, "ok")])
def test_meta_description_length(length, rating):
    description = ("a" * length)
    check = analyze("Warga datang ke kantor kecamatan pagi ini.", lang="id", description=description).check(
        "meta_description_length")
    assert (check.value, check.rating) == (length, rating)


@pytest.mark.parametrize("words,rating", [(249, "bad"), (250, "ok"), (299, "ok"), (300, "good")])
def test_text_length(words, rating):
    # words = 10-word sentences plus one sentence holding the rest
    sentences = _sentences(words // 10, 10)
    if words % 10:
        sentences.append(["Petugas"] + ["warga"] * (words % 10 - 1))
    check = analyze(_text(sentences), lang="id").check("text_length")
    assert (check.value, check.rating) == (words, rating)


@pytest.mark.parametrize("pixels,rating", [(399, "ok"), (400, "good"), (600, "good"), (601, "bad")])
def test_title_width(monkeypatch, pixels, rating):
    monkeypatch.setattr(seo, "title_pixels", lambda title: pixels)
    check = analyze("# Judul\n\nWarga datang ke kantor kecamatan pagi ini.", lang="id").check("title_width")
    assert (check.value, check.rating) == (pixels, rating)


@pytest.mark.parametrize("hits,rating", [(0, "bad"), (1, "good"), (6, "good"), (7, "ok"), (8, "bad")])
def test_keyphrase_density(hits, rating):
    # 20 sentences of 10 words = 200 words; 1 hit = 0.5 % (good, the edge), 6 = 3.0 % (good), 7 = 3.5 % (ok), 8 = 4.0 %
    sentences = _sentences(20, 10)
    for i in range(hits):
        sentences[i][1] = "posyandu"
    check = analyze(_text(sentences), lang="id", keyphrase="posyandu").check("keyphrase_density")
    assert check.value == pytest.approx(100 * hits / 200)
    assert check.rating == rating


@pytest.mark.parametrize("hits,rating", [(3, "bad"), (4, "ok"), (5, "ok"), (6, "good")])
def test_transition_words(hits, rating):
    # 20 sentences of 11 words = 220 words (over the 200-word minimum); 4 = 20 % (ok), 6 = 30 % (good)
    sentences = _sentences(20, 11)
    for i in range(hits):
        sentences[i][1] = "namun"
    check = analyze(_text(sentences), lang="id").check("transition_words")
    assert check.value == pytest.approx(100 * hits / 20)
    assert check.rating == rating


@pytest.mark.parametrize("words,rating,key", [(199, "good", "transition_words.short"), (200, "bad", "transition_words.bad")])
def test_transition_words_need_two_hundred_words(words, rating, key):
    """Under 200 body words a text needs no transition words (good, as in Yoast); from 200 they are counted
    (these sentences have none)."""
    sentences = _sentences(words // 10, 10)
    if words % 10:
        sentences.append(["Petugas"] + ["warga"] * (words % 10 - 1))
    report = analyze(_text(sentences), lang="id")
    check = report.check("transition_words")
    assert report.stats["body_words"] == words
    assert (check.rating, check.key) == (rating, key)


@pytest.mark.parametrize("words,rating", [(4, "good"), (5, "ok"), (8, "ok"), (9, "bad")])
def test_keyphrase_length(words, rating):
    content = ["layanan", "kependudukan", "mal", "pelayanan", "publik", "sukamaju", "antrean", "loket", "kartu"]
    check = analyze("Warga datang ke kantor kecamatan pagi ini.", lang="id",
                    keyphrase=" ".join(content[:words])).check("keyphrase_length")
    assert (check.value, check.rating) == (words, rating)


@pytest.mark.parametrize("grade,rating", [(9, "good"), (10, "ok"), (12, "ok"), (13, "bad")])
def test_fry_grade_bands(monkeypatch, grade, rating):
    monkeypatch.setattr(fry, "estimate", lambda *a, **k: fry.FryResult(grade, grade - 1, grade + 1, "valid", 150.0, 5.0))
    check = analyze(_text(_sentences(10, 10)), lang="id").check("fry_grade")
    assert (check.value["grade"], check.rating) == (grade, rating)


@pytest.mark.parametrize("zone, advice", [("invalid_long_words", "imbuhan"), ("invalid_long_sentences", "pecah")])
def test_fry_invalid_zone_is_reported_not_graded(monkeypatch, zone, advice):
    monkeypatch.setattr(fry, "estimate", lambda *a, **k: fry.FryResult(None, None, None, zone, 180.0, 20.0))
    report = analyze(_text(_sentences(10, 10)), lang="id")
    check = report.check("fry_grade")
    message = report.message(check)
    # Not a reading, so not a judgement: no rating, no effect on the score, and the message says why.
    assert check.rating == "na" and "zona tidak sah" in message and advice in message.lower()
    assert "rata-rata 5,0 kata" in message  # 20 sentences per 100 words
    assert check.value["zone"] == zone
    # The score is the mean of the applicable checks: the same as if Fry were not there at all.
    applicable = [c for c in report.to_dict()["readability"]["checks"] if c["rating"] != "na"]
    expected = sum(c["score"] for c in applicable) / len(applicable) / 9 * 100
    assert abs(report.to_dict()["readability"]["score"] - expected) < 1


@pytest.mark.parametrize("score,rating", [(60.0, "good"), (59.9, "ok"), (50.0, "ok"), (49.9, "bad")])
def test_flesch_bands(monkeypatch, score, rating):
    import autograders.engine.measure.flesch as flesch

    monkeypatch.setattr(flesch, "flesch_reading_ease", lambda *a: score)
    check = analyze("The office opens at nine. Residents bring their cards. Staff help them quickly.",
                    lang="en").check("flesch_reading_ease")
    assert (check.value, check.rating) == (score, rating)
