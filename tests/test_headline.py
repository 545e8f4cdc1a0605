"""The headline helper: length, capitals, active or passive verb, numbers, clickbait."""
import pytest

from autograders.engine.assess.headline import analyze_headline, find_clickbait
from autograders.engine.languages import get_language

ID = get_language("id")
EN = get_language("en")


@pytest.mark.parametrize("text, verb", [
    ("Wali Kota Resmikan Mal Pelayanan Publik", "Resmikan"),
    ("Pemkot Sukamaju Membuka 12 Loket Baru", "Membuka"),
    ("Dinkes Gelar Vaksinasi Gratis", "Gelar"),
    ("Warga Bisa Mengurus KTP Tanpa Antre", "Mengurus"),
])
def test_active_verb_found(text, verb):
    info = analyze_headline(text, ID)
    assert info.active_verb == verb
    assert info.passive_verb is None


def test_passive_headline_has_no_active_verb():
    info = analyze_headline("Mal Pelayanan Publik Diresmikan Wali Kota", ID)
    assert info.passive_verb == "Diresmikan"
    assert info.active_verb == ""


def test_government_abbreviation_is_not_a_passive():
    assert analyze_headline("Dinkes Gelar Vaksinasi Gratis", ID).passive_verb is None


def test_counts_words_and_characters():
    info = analyze_headline("  Wali   Kota Resmikan Mal  ", ID)
    assert info.words == 4
    assert info.characters == len("Wali Kota Resmikan Mal")


def test_all_caps_needs_enough_letters():
    assert analyze_headline("PEMKOT BUKA LAYANAN KTP DI MAL", ID).all_caps
    assert not analyze_headline("Pemkot Buka Layanan KTP di Mal", ID).all_caps
    assert not analyze_headline("KTP DKI", ID).all_caps  # seven letters: an acronym pair, not shouting


def test_numbers():
    assert analyze_headline("Pemkot Buka 12 Loket Baru", ID).has_number
    assert not analyze_headline("Pemkot Buka Loket Baru", ID).has_number


@pytest.mark.parametrize("text, expected", [
    ("Anda Tidak Akan Percaya Layanan Baru Ini", "Anda Tidak Akan Percaya"),
    ("Warga Heboh, Ternyata Ini Penyebabnya", "Heboh"),
    ("Layanan Baru Dibuka!!", "!!"),
    ("Wajib Tahu: Cara Urus KTP", "Wajib Tahu"),
])
def test_clickbait_found_in_trainee_words(text, expected):
    assert expected in analyze_headline(text, ID).clickbait


def test_plain_headline_is_not_clickbait():
    assert find_clickbait("Wali Kota Resmikan Mal Pelayanan Publik Sukamaju", ID) == ()
    assert find_clickbait("Satu Pengumuman Penting!", ID) == ()  # one exclamation mark is allowed


def test_english_clickbait_and_unknown_active_verb():
    info = analyze_headline("You Won't Believe This New City Service", EN)
    assert info.clickbait
    assert info.active_verb is None
    assert analyze_headline("New Hall Was Opened by the Mayor", EN).passive_verb == "Was Opened"


def test_bad_input_is_a_type_error():
    with pytest.raises(TypeError):
        analyze_headline(None, ID)  # type: ignore[arg-type]


@pytest.mark.parametrize("title,rating", [
    ("Anda Tidak Akan Percaya Apa yang Terjadi di Kantor Camat", "bad"),
    ("PENGUMUMAN PENTING BAGI WARGA SUKAMAJU", "ok"),
    ("Jalan Merdeka Ditutup Selama Festival", "ok"),
    ("Bupati Resmikan Mal Pelayanan Publik", "good"),
])
def test_headline_check_on_article_titles(title, rating):
    from autograders import analyze

    report = analyze(f"# {title}\n\nWarga datang ke kantor kecamatan pagi ini untuk mengurus surat pindah.", lang="id")
    check = report.check("headline")
    assert check.rating == rating, report.message(check)
    assert title.split()[0] in report.message(check)


def test_a_post_has_no_title_its_opening_line_is_judged():
    """A social post is not judged as having a title: no ``headline`` check, no "Judul" in its report; its first
    sentence is judged as an opening line (clickbait bad, plain good)."""
    from autograders import analyze

    post = "Anda tidak akan percaya! Antrean KTP kini cuma 10 menit. Info: sukamajukab.go.id #LayananPublik"
    report = analyze(post, kind="social_post", platform="x")
    assert report.check("headline") is None
    assert report.check("opening_line").rating == "bad"
    assert "Judul" not in report.to_text() and "Kalimat pembuka" in report.to_text()
    plain = analyze("Antrean KTP kini cuma 10 menit. #LayananPublik", kind="social_post", platform="x")
    assert plain.check("opening_line").rating == "good" and plain.check("headline") is None
    shouting = analyze("ANTREAN KTP KINI CUMA SEPULUH MENIT. #LayananPublik", kind="social_post", platform="x")
    assert shouting.check("opening_line").rating == "ok"
    assert "Title" not in analyze(post, kind="social_post", platform="x", feedback_lang="en").to_text()
