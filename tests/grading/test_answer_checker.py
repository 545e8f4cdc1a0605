"""The answer checker (autograders.engine.scoring.claims / facts / factsheet): claims read from the plain text,
held against the exercises' real fact sheets."""
from __future__ import annotations

from pathlib import Path

import pytest

from autograders import analyze
from autograders.engine.languages import get_language
from autograders.engine.scoring.claims import cached_language_data, read_claims
from autograders.engine.scoring.facts import judge_facts
from autograders.engine.scoring.factsheet import FactSheetError, parse_factsheet, render_markdown
from autograders.engine.scoring.numbers import number_words, parse_digits, read_number_words
from autograders.grading.rubric_file import load_rubric

from growth import steps

COURSE = Path(__file__).resolve().parents[2] / "exercises"


@pytest.fixture(scope="module")
def sheets():
    return {name: load_rubric(COURSE / "source" / name / "rubrik.yml").facts
            for name in ("m0_pengantar", "m1_situs_web", "m3_media_sosial", "m4_seo", "m5_monitoring", "m6_siaran_pers",
                         "m7_hoaks_krisis")}


def doc(text: str, kind: str = "article"):
    return analyze(text, lang="id", kind=kind).document


def claims(text: str):
    return read_claims(doc(text), cached_language_data("id")).claims


def judge(sheet, text: str, required=(), implicit=False):
    return judge_facts(sheet, doc(text), list(required), implicit_subject=implicit)


# ------------------------------------------------------------------------------------------------ numbers
@pytest.mark.parametrize("token, value", [
    ("1.234", 1234), ("61,44", 61.44), ("61.44", 61.44), ("1.234.567,5", 1234567.5), ("Rp125.000", 125000),
    ("Rp 125.000,00", 125000), ("88%", 88), ("2027", 2027), ("12.34.56", None), ("08:00", None), ("x1", None),
])
def test_digits_in_both_conventions(token, value):
    assert parse_digits(token) == value


@pytest.mark.parametrize("words, value, used", [
    ("sepuluh", 10, 1), ("tujuh", 7, 1), ("enam", 6, 1), ("dua puluh lima", 25, 3), ("seratus dua belas", 112, 3),
    ("tiga ribu lima ratus", 3500, 4), ("sembilan puluh sembilan", 99, 3), ("dua tiga", 2, 1), ("satu juta", 1e6, 2),
])
def test_numbers_in_words(words, value, used):
    table = number_words(get_language("id"))
    assert read_number_words(words.split(), 0, table) == (value, used)


def test_claims_of_each_kind_are_read_from_the_plain_text():
    text = ("Buka pukul 07.00–21.00 WIB. Biaya Rp125.000 atau Rp 1,5 juta, naik 61,44% dari 1.234 orang. "
            "Hubungi 0812-3456-7890. Mulai 4 Januari 2027, juga 16/11/2026. Layanan ini gratis. "
            "Permohonan dijawab 10 (sepuluh) hari kerja.")
    found = {(c.kind, c.text) for c in claims(text)}
    assert {("time", "07.00–21.00"), ("money", "Rp125.000"), ("money", "Rp 1,5 juta"), ("percent", "61,44%"),
            ("number", "1.234"), ("phone", "0812-3456-7890"), ("date", "4 Januari 2027"), ("date", "16/11/2026"),
            ("promise", "gratis"), ("number", "10 (sepuluh)")} <= found


def test_signs_and_ranges():
    values = {(c.kind, c.text): c.value for c in claims("Sentimen bersih −16,28 poin, lalu -3 poin. Periode 5 Oktober–3 "
                                                        "Desember 2026, tanggal 2026-11-16, telepon 0812-3456-7890.")}
    assert values[("number", "16,28")] == -16.28 and values[("number", "3")] == -3
    assert values[("date", "3 Desember 2026")] == (3, 12, 2026) and values[("date", "2026-11-16")] == (16, 11, 2026)
    assert values[("phone", "0812-3456-7890")] == "081234567890"


def test_markdown_link_targets_and_hidden_html_are_not_claims():
    text = "Lihat [laman resmi](https://sukamajukab.go.id/2027/07/21) untuk info.\n\n<!-- buka 24 jam, gratis -->"
    assert [c.kind for c in claims(text)] == []


def test_a_warned_or_negated_promise_is_no_promise():
    assert [c.text for c in claims("Waspadai situs yang menjanjikan diskon PBB.")] == []
    assert [c.text for c in claims("Tidak ada pemutihan denda tahun ini.")] == []
    assert [c.text for c in claims("Bayar sekarang dan dapatkan diskon.") if c.kind == "promise"] == ["diskon"]


# ------------------------------------------------------------------------------------------------ facts right
def test_facts_stated_right_in_one_sentence(sheets):
    sheet = sheets["m1_situs_web"]
    good = judge(sheet, "Mulai 4 Januari 2027, layanan kependudukan pindah dari kantor kelurahan ke Mal Pelayanan "
                        "Publik di Jl. Sudirman No. 10. Loket buka Senin–Jumat pukul 08.00–15.00 WIB.",
                 ["pindah", "mulai", "alamat", "jam_kerja"])
    assert set(good.right) == {"pindah", "mulai", "alamat", "jam_kerja"}
    assert not good.contradictions and not good.invented


def test_a_value_without_its_subject_in_the_sentence_does_not_count(sheets):
    # The date stands alone in a sentence that says nothing about the move: not "stated with its event".
    result = judge(sheets["m1_situs_web"], "Catat tanggal 4 Januari 2027. Jangan sampai lupa.", ["mulai"])
    assert result.missing == ("mulai",)


@pytest.mark.parametrize("text, wrong", [
    ("Mulai 4 Januari 2027, layanan kependudukan kembali ke kantor kelurahan.", "kembali ke kantor kelurahan"),
    ("Mulai 4 Januari 2027, layanan tidak lagi di Mal Pelayanan Publik.", "Mal Pelayanan Publik"),
    ("Layanan pindah dari Mal Pelayanan Publik ke kantor kelurahan.", "dari Mal Pelayanan Publik"),
    ("Pemindahan layanan ke Mal Pelayanan Publik dibatalkan.", "Mal Pelayanan Publik"),
])
def test_a_reversed_or_negated_move_is_a_contradiction_named_in_the_note(sheets, text, wrong):
    result = judge(sheets["m1_situs_web"], text, ["pindah"])
    assert "pindah" not in result.right
    assert any(p.fact == "pindah" and wrong.lower() in p.note.lower() for p in result.contradictions), result
    assert all("bertentangan dengan lembar fakta" in p.note for p in result.contradictions)


def test_negating_the_old_place_is_consistent_with_the_move(sheets):
    result = judge(sheets["m1_situs_web"], "Mulai 4 Januari 2027, Anda tidak perlu lagi datang ke kantor kelurahan. "
                                           "Semua layanan kependudukan kini ada di Mal Pelayanan Publik.", ["pindah", "mulai"])
    assert set(result.right) == {"pindah", "mulai"} and not result.contradictions


def test_swapped_deadlines_are_contradictions_and_words_count_as_numbers(sheets):
    sheet = sheets["m0_pengantar"]
    swapped = judge(sheet, "Permohonan dijawab dalam 7 hari kerja dan diperpanjang 10 hari kerja.", ["jawab", "perpanjangan"])
    assert not swapped.right and {p.fact for p in swapped.contradictions} == {"jawab", "perpanjangan"}
    assert any("diperpanjang 10 hari kerja" in p.note for p in swapped.contradictions)
    words = judge(sheet, "Paling lambat sepuluh hari kerja, dan dapat diperpanjang paling lama tujuh hari kerja.",
                  ["jawab", "perpanjangan"], implicit=True)
    assert set(words.right) == {"jawab", "perpanjangan"}
    bare = judge(sheet, "7 hari kerja, lalu diperpanjang 10 hari kerja.", ["jawab", "perpanjangan"], implicit=True)
    assert not bare.right and len(bare.contradictions) == 2


def test_a_synonym_the_book_uses_states_the_fact(sheets):
    result = judge(sheets["m0_pengantar"], "Informasi berkala diumumkan paling sedikit setiap semester.", ["enam_bulan"],
                   implicit=True)
    assert result.right == ("enam_bulan",)
    wrong = judge(sheets["m0_pengantar"], "Setiap 3 bulan.", ["enam_bulan"], implicit=True)
    assert not wrong.right and wrong.contradictions


def test_saturday_hours_go_to_the_saturday_fact(sheets):
    result = judge(sheets["m1_situs_web"], "Loket buka pukul 08.00–15.00 WIB. Pada hari Sabtu, loket buka pukul "
                                           "08.00–12.00 WIB.", ["jam_kerja", "jam_sabtu"])
    assert set(result.right) == {"jam_kerja", "jam_sabtu"} and not result.contradictions


# ------------------------------------------------------------------------------------------------ invented
def test_invented_facts_are_named(sheets):
    result = judge(sheets["m1_situs_web"], "Mal Pelayanan Publik buka setiap hari pukul 07.00–21.00 WIB. Ambil "
                                           "antrean lewat aplikasi SukaLayan atau WhatsApp 0811-2000-3000. KTP "
                                           "langsung jadi. Bus kota jalur 3 berhenti di depan.")
    notes = " ".join(p.note for p in [*result.invented, *result.contradictions])
    for text in ("07.00–21.00", "SukaLayan", "0811-2000-3000", "langsung jadi", "3"):
        assert f"*{text}*" in notes, (text, notes)
    assert "*07.00–21.00* " in notes


def test_what_the_sheet_permits_is_not_invented(sheets):
    text = ("Pemerintah Kabupaten Sukamaju melalui Disdukcapil memindahkan layanan pada tahun 2026 dan 2027. "
            "Layanan ini gratis. Hubungi (0263) 512300. Gedung diresmikan November 2025.")
    assert judge(sheets["m1_situs_web"], text).invented == ()


def test_an_invented_quote_and_person_are_named(sheets):
    text = ('"Kami bangga menjadi daerah pertama dengan aplikasi kesehatan terbaik," kata Bupati Sukamaju, Hendra '
            'Wijaya.')
    result = judge(sheets["m6_siaran_pers"], text)
    kinds = {p.what for p in result.invented}
    assert {"quote", "person"} <= kinds


def test_a_sheet_quote_with_its_speaker_is_right_and_with_another_speaker_a_contradiction(sheets):
    sheet = sheets["m6_siaran_pers"]
    quote = ('"Setiap balita berhak mendapat imunisasi lengkap tepat waktu. Dengan pengingat ini, orang tua tidak '
             'lagi lupa jadwal posyandu,"')
    right = judge(sheet, quote + " kata Kepala Dinas Kesehatan, dr. Sri Wahyuni.", ["kutipan_kadis"])
    assert right.right == ("kutipan_kadis",) and not right.invented
    wrong = judge(sheet, quote + " kata Camat Mekar, Bapak Hendra Gunawan.", ["kutipan_kadis"])
    assert not wrong.right and any(p.fact == "kutipan_kadis" for p in wrong.contradictions)


def test_computed_figures_are_in_the_sheet_and_arithmetic_is_permitted(sheets):
    sheet = sheets["m5_monitoring"]
    text = ("Sukamaju disebut 946 kali. Pangsa suara Sukamaju 62,28%, lebih dari tiga kali Mekarsari. "
            "Sentimen bersih Sukamaju +16,28 poin persentase.")
    result = judge(sheet, text, ["volume", "pangsa", "sentimen"])
    assert set(result.right) == {"volume", "pangsa", "sentimen"} and not result.invented
    negative = judge(sheet, "Sentimen bersih Sukamaju −16,28 poin persentase.", ["sentimen"])
    assert "sentimen" not in negative.right


# ------------------------------------------------------------------------------------------------ the sheet
def test_a_broken_fact_sheet_gets_an_indonesian_message():
    with pytest.raises(FactSheetError, match="TTTT-BB-HH"):
        parse_factsheet({"items": [{"id": "a", "text": "x", "date": "4 Januari"}]})
    with pytest.raises(FactSheetError, match="ganda"):
        parse_factsheet({"items": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]})
    with pytest.raises(FactSheetError, match="unit"):
        parse_factsheet({"items": [{"id": "a", "text": "10 hari", "number": 10}]})


def test_the_sheet_renders_for_the_trainee(sheets):
    text = render_markdown(sheets["m6_siaran_pers"])
    assert text.startswith("**Lembar fakta**") and "dr. Sri Wahyuni" in text and "karangan" in text


# ------------------------------------------------------------------------------------------------ linear


@pytest.mark.parametrize("unit", [
    "1 ", "gratis ", "tidak ", "Mal Pelayanan Publik ", "(", "“", "08.00–", "Bapak Hendra ", "0812-", "kembali ke ",
    "sepuluh dua ", "Rp1.000 ",
])
def test_reading_an_answer_grows_linearly_on_pathological_input(sheets, unit):
    sheet = sheets["m1_situs_web"]
    required = ["pindah", "mulai", "alamat", "jam_kerja"]
    small, large = doc(unit * 400), doc(unit * 1600)
    run = lambda d: judge_facts(sheet, d, required)  # noqa: E731
    run(doc("Pemanasan: 4 Januari 2027."))  # compile the sheet and fill the stem memo first
    first, second = steps(run, small), steps(run, large)
    assert second <= 4.6 * first + 2000, (unit, first, second)


def test_a_prohibition_around_a_deadline_states_it(sheets):
    result = judge(sheets["m4_seo"], "Jangan lewat dari 31 Agustus 2027, batas akhir pembayaran PBB-P2 tahun ini.",
                   ["jatuh_tempo"])
    assert result.right == ("jatuh_tempo",) and not result.contradictions


def test_a_negated_limit_states_the_limit(sheets):
    result = judge(sheets["m0_pengantar"], "Perpanjangannya tidak lebih dari 7 hari kerja.", ["perpanjangan"])
    assert result.right == ("perpanjangan",) and not result.contradictions
    denied = judge(sheets["m0_pengantar"], "Perpanjangannya bukan 7 hari kerja.", ["perpanjangan"])
    assert not denied.right and denied.contradictions


@pytest.mark.parametrize("text", [
    "Mulai 4 Januari 2027, layanan kependudukan kembali ke kantor kelurahan.",
    "Pemindahan layanan ke Mal Pelayanan Publik tidak jadi dilakukan.",
])
def test_a_fact_the_criterion_does_not_require_is_still_held_against_the_answer(sheets, text):
    """A task that asks only for the date cannot be gamed by reversing the move around it."""
    result = judge(sheets["m1_situs_web"], text, ["mulai"])
    assert any(p.fact == "pindah" for p in result.contradictions), result
    assert "pindah" not in result.right  # not required: never counted as stated


def test_a_plain_negation_near_a_fact_the_task_does_not_require_is_no_contradiction(sheets):
    """"tidak lagi mengurus KTP-el di kelurahan" denies the old place, not the service."""
    result = judge(sheets["m1_situs_web"], "Mulai 4 Januari 2027, warga tidak lagi mengurus KTP-el dan kartu keluarga "
                                           "di kantor kelurahan.", ["mulai"])
    assert not result.contradictions, result


@pytest.mark.parametrize("cancel", ["tidak jadi dibuka", "dibatalkan", "tidak diadakan", "ditunda"])
def test_a_cancelled_event_contradicts_its_fact_even_when_the_task_does_not_require_it(sheets, cancel):
    result = judge(sheets["m3_media_sosial"], f"Layanan KTP keliling {cancel}.", ["tanggal"])
    assert any(p.fact == "apa" for p in result.contradictions), result


@pytest.mark.parametrize("text, promise", [
    ("KTP Anda kami jamin selesai besok pagi.", "kami jamin"),
    ("KTP-el yang sudah jadi diantar ke rumah Anda.", "diantar ke rumah"),
])
def test_promises_of_service_the_sheet_does_not_give_are_invented(sheets, text, promise):
    result = judge(sheets["m3_media_sosial"], text)
    assert any(p.what == "promise" and promise in p.text.lower() for p in result.invented), result


# ------------------------------------------------------------------------------------------------ hoaxes (module 7)
@pytest.fixture(scope="module")
def hoax_sheet():
    return load_rubric(COURSE / "source" / "m7_hoaks_krisis" / "rubrik.yml").task("klarifikasi").facts


def hoax_problems(sheet, text: str) -> list[str]:
    result = judge_facts(sheet, doc(text), ["palsu", "masuk"], forbidden=["hoaks"])
    return [p.note for p in result.contradictions if p.fact == "hoaks"]


def test_a_hoax_named_as_false_after_the_opening_fact_is_the_truth_sandwich(hoax_sheet):
    text = ("Sekolah di Kabupaten Sukamaju tetap masuk seperti biasa. Kabar bahwa sekolah diliburkan dua minggu "
            "tidak benar. Surat itu palsu.")
    assert hoax_problems(hoax_sheet, text) == []
    result = judge_facts(hoax_sheet, doc(text), ["palsu", "masuk"], forbidden=["hoaks"])
    assert set(result.right) == {"palsu", "masuk"}


def test_a_hoax_negated_in_the_opening_is_a_fact_not_a_headline(hoax_sheet):
    assert hoax_problems(hoax_sheet, "Dinas Pendidikan tidak meliburkan sekolah. Surat itu palsu.") == []


def test_a_hoax_as_the_opening_is_named_even_when_labelled_false(hoax_sheet):
    for text in ("SEMUA SEKOLAH DILIBURKAN DUA MINGGU? Surat itu palsu. Sekolah tetap masuk seperti biasa.",
                 "Hoaks: sekolah diliburkan dua minggu. Sekolah tetap masuk seperti biasa."):
        notes = hoax_problems(hoax_sheet, text)
        assert len(notes) == 1 and "kalimat pembuka" in notes[0], (text, notes)


def test_a_hoax_stated_as_news_later_is_named(hoax_sheet):
    notes = hoax_problems(hoax_sheet, "Surat itu palsu. Siswa SD belajar dari rumah selama dua minggu.")
    assert len(notes) == 1 and "seolah-olah fakta" in notes[0]


def test_the_hoax_is_shown_to_the_trainee_as_a_marked_quotation(hoax_sheet):
    text = render_markdown(hoax_sheet)
    assert "**Kabar keliru yang beredar:**" in text
    assert "<!-- kutipan -->\n> Sejak Minggu malam beredar" in text


def test_a_denied_hoax_is_no_cancellation_of_the_fact(hoax_sheet):
    """"diliburkan" is a cancellation word; "tidak diliburkan" states that school goes on."""
    result = judge_facts(hoax_sheet, doc("Sekolah tidak diliburkan. Surat itu palsu."), ["palsu", "masuk"],
                         forbidden=["hoaks"])
    assert set(result.right) == {"palsu", "masuk"} and not result.contradictions, result


def test_a_denied_cancellation_is_none(sheets):
    result = judge(sheets["m3_media_sosial"], "Layanan KTP keliling tidak ditunda.", ["tanggal"])
    assert not result.contradictions, result
    assert judge(sheets["m3_media_sosial"], "Layanan KTP keliling ditunda.", ["tanggal"]).contradictions
