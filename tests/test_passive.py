"""Passive voice in Indonesian government writing: true passives found, Yoast's false alarms avoided."""
import pytest

from autograders import analyze
from autograders.engine.parse.document import parse
from autograders.engine.languages import get_language
from autograders.engine.measure.passive import is_passive, passive_word

ID = get_language("id")
EN = get_language("en")

PASSIVE = [
    # di- passives
    "Surat edaran itu ditandatangani Bupati kemarin.",
    "Layanan baru ini diluncurkan pada awal Januari.",
    "Warga dilayani di lantai satu.",
    "Data kependudukan diperbarui setiap bulan.",
    "Jadwal pelayanan diumumkan melalui situs resmi.",
    "Bantuan sosial disalurkan melalui rekening bank.",
    "Jalan desa itu diperbaiki oleh dinas terkait.",
    "Permohonan informasi dijawab dalam sepuluh hari kerja.",
    "Keputusan itu dikeluarkan setelah rapat pimpinan.",
    "Seluruh pegawai diminta hadir tepat waktu.",
    "Anggaran kegiatan dialokasikan dari APBD.",
    "Formulir dapat diunduh di laman PPID.",
    "Laporan keuangan dipublikasikan setiap enam bulan.",
    "Peserta pelatihan diberi sertifikat.",
    "Kegiatan itu dihadiri oleh ratusan warga.",
    "Pengaduan masyarakat ditindaklanjuti oleh tim khusus.",
    "Dirinya dipilih menjadi ketua panitia.",
    "Hasil seleksi diumumkan besok pagi.",
    # ter- passives
    "Pintu kantor kelurahan tertutup sejak pukul 15.00 WIB.",
    "Seluruh tiket konser amal terjual habis.",
    "Nama pemohon tercatat dalam sistem antrean.",
    "Sebanyak 1.250 warga terdaftar sebagai penerima bantuan.",
    "Dokumen itu tertinggal di ruang rapat.",
    "Gudang arsip terbakar tadi malam.",
    "Ketua panitia terpilih secara aklamasi.",
    "Persyaratan layanan tertulis jelas di papan pengumuman.",
    "Ratusan rumah terendam banjir sejak Senin.",
    # ke-...-an adversatives
    "Warga bantaran sungai kebanjiran sejak semalam.",
    "Petugas kehujanan saat membagikan bantuan.",
    "Kantor kecamatan kecurian dua unit komputer.",
    # object-focus passives
    "Surat itu saya tanda tangani kemarin.",
    "Laporan ini sudah kami kirim ke gubernur.",
    "Usulan tersebut akan kami pelajari lebih dulu.",
    "Masukan itu kami terima dengan terbuka.",
]

ACTIVE = [
    # Yoast's false alarms: government abbreviations
    "Diklat kepemimpinan berlangsung selama lima hari.",
    "Kepala Dinkes meninjau puskesmas keliling.",
    "Dirjen Dukcapil membuka acara sosialisasi.",
    "Petugas Dishub mengatur lalu lintas di simpang empat.",
    "Disdukcapil membuka layanan pada hari Sabtu.",
    "Diskominfo mengelola akun media sosial pemerintah.",
    "Dirut PDAM menjelaskan rencana perbaikan pipa.",
    # nouns and loanwords starting with di
    "Diskusi publik berlangsung di aula kantor bupati.",
    "Layanan digital memudahkan warga mengurus dokumen.",
    "Direktur rumah sakit menyambut para tamu.",
    "Dinas Pendidikan membuka pendaftaran sekolah.",
    "Pegawai wajib menjaga disiplin kerja.",
    "Dia menjelaskan jadwal layanan kepada warga.",
    "Program ini melatih diri warga agar mandiri.",
    "Diploma pelatihan menjadi syarat pendaftaran.",
    "Dimas, staf humas, menulis siaran pers hari ini.",
    "Warga memperoleh diskon tarif air selama sebulan.",
    "Dialog dengan pedagang pasar berjalan lancar.",
    "Distribusi bantuan menjangkau seluruh desa.",
    # words that merely start with ter
    "Terima kasih atas partisipasi seluruh warga.",
    "Pemerintah terus memperbaiki layanan publik.",
    "Layanan ini termasuk program prioritas daerah.",
    "Bupati memberikan penghargaan kepada pegawai terbaik.",
    "Kami berkomitmen terhadap keterbukaan informasi.",
    "Warga mengeluhkan antrean yang terlalu panjang.",
    "Ternyata pendaftaran daring lebih cepat.",
    "Peternak sapi menerima bantuan pakan.",
    "Terminal bus baru melayani rute antarkota.",
    "Keputusan tersebut berlaku mulai bulan depan.",
    # connectives with itu/ini are not object focus
    "Selain itu, kami membuka loket tambahan.",
    "Oleh karena itu kami mengimbau warga datang lebih awal.",
    # ordinary active sentences
    "Bupati Sukamaju meresmikan Mal Pelayanan Publik.",
    "Warga mengambil nomor antrean melalui aplikasi.",
    "Kami menerima pengaduan setiap hari kerja.",
]


@pytest.mark.parametrize("sentence", PASSIVE)
def test_passive_sentences_are_found(sentence):
    doc = parse(sentence, ID)
    assert len(doc.sentences) == 1
    assert is_passive(doc.sentences[0], ID), sentence


@pytest.mark.parametrize("sentence", ACTIVE)
def test_active_sentences_are_not_flagged(sentence):
    doc = parse(sentence, ID)
    assert len(doc.sentences) == 1
    index = passive_word(doc.sentences[0], ID)
    assert index is None, f"{sentence!r} flagged on {doc.sentences[0].words[index].text!r}"


def test_at_least_sixty_labelled_sentences():
    assert len(PASSIVE) + len(ACTIVE) >= 60


@pytest.mark.parametrize("sentence,passive", [
    ("The report was written by the team.", True),
    ("The bridge is being built this year.", True),
    ("Our request got approved yesterday.", True),
    ("The forms were sent to every village.", True),
    ("The team wrote the report.", False),
    ("We need more staff.", False),
    ("She is tired today.", False),
])
def test_english_passive(sentence, passive):
    doc = parse(sentence, EN)
    assert is_passive(doc.sentences[0], EN) is passive


def _draft(passive: int, total: int) -> str:
    active = "Warga mengambil nomor antrean di loket utama."
    passive_sentence = "Nomor antrean diambil warga di loket utama."
    return " ".join([passive_sentence] * passive + [active] * (total - passive))


@pytest.mark.parametrize("passive,rating", [(4, "good"), (5, "ok"), (6, "ok"), (7, "bad")])
def test_indonesian_passive_thresholds_at_their_edges(passive, rating):
    # 20 sentences: 4 = 20 % (good, the edge), 5-6 = 25-30 % (ok; 30 % is the edge), 7 = 35 % (bad).
    report = analyze(_draft(passive, 20), lang="id")
    check = report.check("passive_voice")
    assert check.value == pytest.approx(100 * passive / 20)
    assert check.rating == rating


def test_every_rule_names_the_words_that_can_start_it():
    from autograders.engine.measure import passive

    assert set(passive.TRIGGERS) == set(passive.RULES)
    for code in ("id", "en"):
        assert set(get_language(code).settings["passive_rules"]) <= set(passive.RULES)


@pytest.mark.parametrize("sentence", PASSIVE + ACTIVE)
def test_the_trigger_prefilter_never_hides_a_passive(sentence, monkeypatch):
    """Each rule run on its own finds the passive only where the prefilter lets the sentence through."""
    from autograders.engine.measure import passive

    doc = parse(sentence, ID)
    words = [(w.lower, w.text[:1].isupper()) for w in doc.sentences[0].words if w.kind == "word"]
    lowers = [w for w, _ in words]
    triggers = passive.trigger_words(lowers, tuple(ID.settings["passive_rules"]))
    candidates = [i for i, word in enumerate(lowers) if word in triggers]
    for rule in ID.settings["passive_rules"]:
        everywhere = passive.RULES[rule](words, ID)
        if everywhere is not None:
            assert passive.trigger_words(lowers, (rule,)), (rule, sentence)
        assert passive.RULES[rule](words, ID, candidates) == everywhere, (rule, sentence)
    monkeypatch.setattr(passive, "_TRIGGER_MEMO", {})
    monkeypatch.setattr(passive, "_TRIGGER_MEMO_LIMIT", 0)  # a full memo: words are tested each time
    assert is_passive(doc.sentences[0], ID) is (sentence in PASSIVE)
    assert passive._TRIGGER_MEMO[tuple(ID.settings["passive_rules"])] == (set(), set())
