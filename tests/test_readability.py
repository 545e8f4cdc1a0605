"""Edges of the readability thresholds that are not covered by the golden drafts."""
import pytest

from autograders import analyze

SHORT = "Warga mengambil nomor antrean di loket utama."  # 7 words


def sentence(words: int) -> str:
    body = " ".join(["warga"] * (words - 2))
    return f"Petugas {body} datang."


@pytest.mark.parametrize("words,rating", [(40, "good"), (41, "ok")])
def test_one_very_long_sentence_keeps_sentence_length_from_good(words, rating):
    # 1 long sentence in 10 = 10 % (good by share); over 40 words it is flagged anyway.
    text = " ".join([sentence(words)] + [SHORT] * 9)
    check = analyze(text, lang="id").check("sentence_length")
    assert check.value == pytest.approx(10.0)
    assert check.rating == rating
    if rating == "ok":
        assert "41 kata" in analyze(text, lang="id").message(check)


@pytest.mark.parametrize("long,rating", [(5, "good"), (6, "ok"), (7, "bad")])
def test_share_of_long_sentences_at_its_edges(long, rating):
    # 20 sentences: 5 long = 25 % (good, inclusive), 6 = 30 % (ok, inclusive), 7 = 35 % (bad).
    text = " ".join([sentence(22)] * long + [SHORT] * (20 - long))
    check = analyze(text, lang="id").check("sentence_length")
    assert check.rating == rating


def test_paragraph_length_edges():
    def para(words):
        return " ".join(["Warga"] + ["datang"] * (words - 2) + ["pagi."])
    for words, rating in ((150, "good"), (151, "ok"), (200, "ok"), (201, "bad")):
        check = analyze(para(words), lang="id").check("paragraph_length")
        assert (check.value, check.rating) == (words, rating)


@pytest.mark.parametrize("sentence, transition", [
    ("Dengan demikian, warga tidak perlu antre lama.", True),             # a phrase
    ("Di samping itu, loket dibuka pada hari Sabtu.", True),              # a phrase that starts with "di"
    ("Warga datang di samping gedung itu.", False),                       # the same words, not the phrase
    ("Namun, loket tutup pukul 15.00.", True),                            # one word
    ("Baik warga maupun pegawai mendapat nomor antrean.", True),          # a two-part pair
    ("Warga maupun pegawai mendapat nomor yang baik.", False),            # the pair in the wrong order
    ("Baik warga kota mendapat nomor antrean.", False),                   # first part without the second
    ("Warga mengambil nomor antrean di loket utama.", False),
    ("Warga juga dapat mendaftar di kantor kecamatan.", True),           # "juga", taught in module 02
    ("Pertama, isi formulir pendaftaran.", True),                         # an ordinal that opens the sentence
    ("Terakhir, simpan nomor antrean Anda.", True),
    ("Ini pertama kali loket buka pada hari Sabtu.", False),              # the ordinal inside a sentence
    ("Tahap terakhir dimulai bulan depan.", False),
    ("Kedua instansi membuka loket bersama.", True),                      # opens the sentence: counted (known cost)
    ("Pendaftaran ditutup tahun lalu.", False),                           # "lalu" inside: not "then"
    ("Layanan seperti KTP dan KK tersedia di sini.", False),              # "seperti" introduces examples in a clause
    ("Pada dasarnya warga cukup membawa KTP.", False),                    # filler, not a transition
])
def test_transition_words_phrases_and_pairs(sentence, transition):
    from autograders.engine.parse.document import parse
    from autograders.engine.languages import get_language
    from autograders.engine.measure.measurements import transition_sentences

    assert bool(transition_sentences(parse(sentence, get_language("id")))) is transition
