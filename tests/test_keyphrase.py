"""Keyphrase matching across Indonesian word forms, counted per sentence, marked word by word."""
import pytest

from autograders import analyze
from autograders.engine.measure import keyphrase as kp
from autograders.engine.languages import get_language
from autograders.engine.parse.words import tokenize

ID = get_language("id")
EN = get_language("en")


@pytest.mark.parametrize("form", ["layanan", "pelayanan", "dilayani", "melayani", "Pelayanannya"])
def test_indonesian_word_forms_share_the_keyphrase_stem(form):
    stems = kp.keyphrase_stems("layanan publik", ID)
    assert kp.contains(tokenize(f"Kami {form} warga dengan cara publik."), stems, ID)


def test_function_words_are_dropped_unless_nothing_else_is_left():
    assert kp.content_words("layanan untuk warga", ID) == ["layanan", "warga"]
    assert kp.content_words("dan atau", ID) == ["dan", "atau"]


def test_a_sentence_holds_as_many_occurrences_as_its_rarest_stem():
    stems = kp.keyphrase_stems("mal pelayanan", ID)
    words = tokenize("Mal pelayanan dan mal lain melayani warga; layanan mal itu ramai.")
    assert kp.occurrences(words, stems, ID) == 3  # mal ×3, layan ×3
    assert kp.occurrences(tokenize("Mal itu ramai."), stems, ID) == 0


def test_density_counts_body_and_subheadings_but_not_the_title_and_marks_each_word():
    text = ("# Mal pelayanan publik\n\n## Jam buka mal pelayanan\n\n"
            "Mal pelayanan buka pukul 08.00. Warga dilayani di mal itu. Loket ditutup pukul 15.00. "
            + "Petugas menyiapkan formulir dan nomor antrean bagi setiap pengunjung yang datang. " * 10)
    report = analyze(text, lang="id", keyphrase="mal pelayanan")
    assert report.stats["keyphrase_count"] == 3  # subheading, first sentence, second sentence (mal + dilayani)
    check = report.check("keyphrase_density")
    marked = [report.document.text[m.start:m.end].lower() for m in check.marks]
    assert marked == ["mal", "pelayanan", "mal", "pelayanan", "dilayani", "mal"]


def test_results_do_not_depend_on_the_stem_memo(monkeypatch):
    stems = kp.keyphrase_stems("pelayanan publik", ID)
    words = tokenize("Pelayanan publik dan layanan publik dilayani oleh petugas 2026.")
    expected = kp.word_stems(words, ID)
    assert expected[:2] == ["layan", "publik"] and expected[-1] == "2026"
    monkeypatch.setattr(kp, "_STEM_MEMO", {})
    monkeypatch.setattr(kp, "_STEM_MEMO_LIMIT", 0)  # a full memo: stems are computed, nothing kept
    assert kp.word_stems(words, ID) == expected
    assert kp.occurrences(words, stems, ID) == 2
    assert kp._STEM_MEMO == {"sastrawi": {}}


def test_english_uses_its_own_light_stemmer():
    stems = kp.keyphrase_stems("public services", EN)
    assert kp.contains(tokenize("The service is public."), stems, EN)
