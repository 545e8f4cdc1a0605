"""Syllable counts: Indonesian (PUEBI / EYD V, hand-checked) and English (standard dictionary counts)."""
from concurrent.futures import ThreadPoolExecutor

import pytest

from autograders.engine.measure.syllables import SyllableLanguageError, count_syllables, count_syllables_in, number_words_id

# Hand-checked against PUEBI / EYD V syllabification (KBBI dot notation) — word, syllables.
INDONESIAN = [
    # everyday and government words
    ("saya", 2), ("dan", 1), ("yang", 1), ("untuk", 2), ("dengan", 2), ("tidak", 2), ("mereka", 3),
    ("pemerintah", 4), ("kabupaten", 4), ("provinsi", 3), ("kecamatan", 4), ("kelurahan", 4), ("desa", 2),
    ("warga", 2), ("masyarakat", 4), ("pelayanan", 4), ("publik", 2), ("informasi", 4), ("komunikasi", 5),
    ("administrasi", 5), ("transparansi", 4), ("kependudukan", 5), ("pembangunan", 4), ("pengumuman", 4),
    ("perizinan", 4), ("kesehatan", 4), ("pendidikan", 4), ("keamanan", 4), ("lingkungan", 3),
    ("jembatan", 3), ("puskesmas", 3), ("sekolah", 3), ("bantuan", 3), ("sosial", 3), ("media", 3),
    ("digital", 3), ("video", 3), ("radio", 3), ("daerah", 3), ("pengaduan", 4), ("koordinasi", 5),
    ("sosialisasi", 6), ("evaluasi", 5), ("situasi", 4), ("partisipasi", 5), ("pariwisata", 5),
    ("infrastruktur", 4), ("pemberdayaan", 5), ("kesejahteraan", 6), ("ketenagakerjaan", 7),
    ("imbauan", 3), ("aktivitas", 4), ("praktik", 2), ("risiko", 3), ("izin", 2), ("analisis", 4),
    ("mengubah", 3), ("teknologi", 4), ("Indonesia", 5), ("Jakarta", 3), ("Yogyakarta", 4),
    # ber- / per- / ter- derivatives
    ("berbagai", 3), ("bertanya", 3), ("terbaru", 3), ("terbaik", 3), ("pertanian", 4), ("perusahaan", 5),
    ("peraturan", 4), ("pertemuan", 4), ("terhadap", 3), ("berdasarkan", 4), ("bertujuan", 4),
    ("terlaksana", 4), ("berkeinginan", 5),
    # diphthongs: one nucleus at the end of the word, before a vowel, or before consonant + vowel
    ("survei", 2), ("pandai", 2), ("pantai", 2), ("sungai", 2), ("damai", 2), ("sampai", 2), ("mulai", 2),
    ("nilai", 2), ("selesai", 3), ("pulau", 2), ("kerbau", 2), ("harimau", 3), ("walaupun", 3),
    ("saudara", 3), ("aula", 2), ("audit", 2), ("amboi", 2), ("sepoi", 2), ("boikot", 2), ("kaidah", 2),
    ("zaitun", 2), ("euforia", 4), ("pakaian", 3), ("kepulauan", 4), ("keramaian", 4), ("sampaikan", 3),
    ("menyampaikan", 4), ("memakai", 3), ("sesuai", 3), ("menyesuaikan", 5), ("Mei", 1),
    # hiatus: two vowels, in roots and their derived forms
    ("main", 2), ("bermain", 3), ("mainan", 3), ("permainan", 4), ("pemain", 3), ("mainkan", 3),
    ("naik", 2), ("kenaikan", 4), ("baik", 2), ("kebaikan", 4), ("perbaikan", 4), ("sebaiknya", 4),
    ("laut", 2), ("lautan", 3), ("kelautan", 4), ("daun", 2), ("dedaunan", 4), ("kain", 2), ("air", 2),
    ("perairan", 4), ("lain", 2), ("selain", 3), ("kelainan", 4), ("melainkan", 4), ("haus", 2), ("jauh", 2),
    ("kejauhan", 4), ("pergaulan", 4), ("persaingan", 4), ("bersaing", 3), ("meraih", 3), ("tautan", 3),
    ("kaum", 2), ("aib", 2), ("sains", 2), ("daur", 2),
    # root in -a plus suffix -i
    ("menandai", 4), ("ditandai", 4), ("menyukai", 4), ("menghargai", 4), ("didanai", 4), ("dikuasai", 5),
    # prefix ke-/se- before i/u, and other vowel pairs
    ("keinginan", 4), ("keuangan", 4), ("keuntungan", 4), ("keunggulan", 4), ("seimbang", 3),
    ("keseimbangan", 5), ("seiring", 3), ("seirama", 4), ("reuni", 3), ("diikuti", 4),
    ("keikutsertaan", 6), ("mengetahui", 5), ("melalui", 4), ("maaf", 2), ("saat", 2), ("dua", 2),
    ("uang", 2), ("biaya", 3),
    # y, w consonants; kh, ng, ny, sy single consonants; clusters
    ("wilayah", 3), ("ayah", 2), ("khusus", 2), ("akhir", 2), ("akhirnya", 3), ("syarat", 2),
    ("musyawarah", 4), ("nyaman", 2), ("menyanyi", 3), ("pengungsi", 3), ("struktur", 2), ("ekspor", 2),
    ("kompleks", 2), ("instruksi", 3),
    # acronyms: spelled letter by letter unless pronounced
    ("KTP", 3), ("DPR", 3), ("BPJS", 4), ("DPRD", 4), ("PNS", 3), ("BUMN", 4), ("RSUD", 4), ("UMKM", 4),
    ("ASEAN", 3), ("Bappenas", 3), ("BAPPENAS", 3), ("Kominfo", 3), ("SIM", 1), ("PENGUMUMAN", 4),
    ("DAN", 1),
    # hyphens, loans and numbers
    ("KTP-el", 4), ("COVID-19", 7), ("anak-anak", 4), ("rata-rata", 4), ("e-mail", 2), ("online", 2),
    ("2026", 10), ("15.225", 16), ("0,5", 5), ("50%", 6), ("Rp10.000", 8), ("100", 3), ("1.000", 3),
    ("11", 3), ("1.500.000", 10), ("09.00", 3), ("09.30", 7), ("ke-2", 3), ("Jum'at", 2),
]


@pytest.mark.parametrize("word, expected", INDONESIAN)
def test_indonesian_word(word, expected):
    assert count_syllables(word, "id") == expected


def test_indonesian_list_is_large_enough():
    assert len({w for w, _ in INDONESIAN}) >= 100


# Standard dictionary counts (first pronunciation of the CMU Pronouncing Dictionary).
ENGLISH = [
    ("the", 1), ("people", 2), ("about", 2), ("because", 2), ("family", 3), ("government", 3),
    ("information", 4), ("community", 4), ("public", 2), ("service", 2), ("important", 3), ("different", 3),
    ("business", 2), ("education", 4), ("health", 1), ("social", 2), ("media", 3), ("video", 3),
    ("area", 3), ("idea", 3), ("actual", 3), ("usual", 3), ("quality", 3), ("language", 2), ("science", 2),
    ("quiet", 2), ("being", 2), ("going", 2), ("playing", 2), ("studies", 2), ("jumped", 1), ("wanted", 2),
    ("needed", 2), ("makes", 1), ("places", 2), ("changes", 2), ("boxes", 2), ("table", 2), ("little", 2),
    ("whole", 1), ("house", 1), ("value", 2), ("issue", 2), ("movie", 2), ("previous", 3), ("various", 3),
    ("radio", 3), ("biology", 4), ("situation", 4), ("individual", 5), ("immediately", 5), ("lately", 2),
    ("movement", 2), ("announcement", 3), ("year", 1), ("you", 1), ("they", 1), ("many", 2), ("system", 2),
    ("beautiful", 3), ("interesting", 4), ("national", 3), ("water", 2), ("city", 2), ("children", 2),
    ("through", 1), ("would", 1), ("there", 1), ("where", 1), ("more", 1), ("use", 1), ("used", 1),
    ("uses", 2), ("office", 2), ("policy", 3), ("citizens", 3), ("minister", 3), ("digital", 3),
    ("patient", 2), ("precious", 2), ("religious", 3), ("created", 3), ("everything", 3), ("tried", 1),
    ("lives", 1), ("sentences", 3), ("nation", 2), ("million", 2), ("material", 4), ("financial", 3),
    ("experience", 4), ("available", 4), ("responsible", 4), ("television", 4), ("university", 5),
    ("opportunity", 5), ("especially", 4), ("already", 3), ("early", 2), ("really", 2), ("great", 1),
    ("continue", 3), ("don't", 1), ("it's", 1),
]


@pytest.mark.parametrize("word, expected", ENGLISH)
def test_english_word(word, expected):
    assert count_syllables(word, "en") == expected


def test_english_list_is_large_enough():
    assert len({w for w, _ in ENGLISH}) >= 60


@pytest.mark.parametrize("word, expected", [("FBI", 3), ("WHO", 5), ("NASA", 2), ("THE", 1), ("HTML", 4)])
def test_english_acronyms(word, expected):
    assert count_syllables(word, "en") == expected


def test_english_digits_count_one_syllable_each_as_fry_says():
    assert count_syllables("2007", "en") == 4
    assert count_syllables("12", "en") == 2


@pytest.mark.parametrize("value, words", [
    (0, "nol"), (1, "satu"), (10, "sepuluh"), (11, "sebelas"), (12, "dua belas"), (19, "sembilan belas"),
    (20, "dua puluh"), (21, "dua puluh satu"), (100, "seratus"), (110, "seratus sepuluh"),
    (999, "sembilan ratus sembilan puluh sembilan"), (1000, "seribu"), (1100, "seribu seratus"),
    (2026, "dua ribu dua puluh enam"), (1_000_000, "satu juta"), (2_500_000_000, "dua miliar lima ratus juta"),
])
def test_number_words_id(value, words):
    assert number_words_id(value) == words


def test_number_words_rejects_negative():
    with pytest.raises(ValueError):
        number_words_id(-1)


def test_phone_number_is_read_digit_by_digit():
    # nol delapan satu satu = 1 + 3 + 2 + 2
    assert count_syllables("0811", "id") == 8


def test_written_abbreviations_are_read_in_full():
    assert count_syllables("Jl.", "id") == count_syllables("jalan", "id") == 2
    assert count_syllables("dll.", "id") == 5  # dan lain-lain


def test_decimal_zeros_are_silent():
    assert count_syllables("Rp10.000,00", "id") == count_syllables("Rp10.000", "id")


def test_diphthong_rule_edges():
    # same pair, different right context: end of word / consonant+vowel → one; consonant+end / two consonants → two
    assert count_syllables("pandai", "id") == 2
    assert count_syllables("pandainya", "id") == 3
    assert count_syllables("kaus", "id") == 2
    assert count_syllables("pausnya", "id") == 3


def test_accented_e_counts_as_e():
    assert count_syllables("kafé", "id") == count_syllables("kafe", "id") == 2


def test_tokens_without_letters_or_digits_have_no_syllables():
    assert count_syllables("—", "id") == 0
    assert count_syllables("", "en") == 0
    assert count_syllables("!!!", "id") == 0


def test_words_without_vowels_count_at_least_one():
    assert count_syllables("hmm", "id") == 1
    assert count_syllables("psst", "en") == 1


def test_case_does_not_matter_for_mixed_case_words():
    assert count_syllables("Pembangunan", "id") == count_syllables("pembangunan", "id")


def test_total_of_several_words():
    assert count_syllables_in(["warga", "desa", "KTP"], "id") == 7


def test_unknown_language_gives_clear_message():
    with pytest.raises(SyllableLanguageError, match="belum didukung"):
        count_syllables("rumah", "xx")


def test_non_text_gives_clear_message():
    with pytest.raises(TypeError, match="teks"):
        count_syllables(123, "id")  # type: ignore[arg-type]


def test_language_code_is_normalised():
    assert count_syllables("masyarakat", " ID ") == 4


def test_thread_safe_and_consistent():
    words = [w for w, _ in INDONESIAN] * 5
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda w: count_syllables(w, "id"), words))
    assert results == [count_syllables(w, "id") for w in words]


@pytest.mark.parametrize("number, least", [("7" * 5000, 5000 * 2), ("1." + "0" * 4400, 2), ("1," + "5" * 4400, 4400 * 2),
                                           ("0" * 4400 + ",0", 4400)])
def test_numbers_beyond_pythons_int_limit_are_read_never_refused(number, least):
    # int() refuses strings of more than 4,300 digits; a pasted long number is still read (a long digit string
    # digit by digit: tujuh = 2, lima = 2, nol = 1; zero groups and zero decimals are silent), never a crash.
    assert count_syllables(number, "id") >= least
