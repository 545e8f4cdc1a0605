"""Sentence splitting on Indonesian government writing (shared/domain.md §3)."""
import pytest

from autograders.engine.parse.document import parse
from autograders.engine.languages import get_language
from autograders.engine.parse.sentences import split_sentences

ID = get_language("id")
EN = get_language("en")


def sentences(text: str, language=ID) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text, language)]


CASES = [
    # (text, expected sentences)
    ("Warga datang pagi. Loket dibuka pukul 08.00 WIB.", ["Warga datang pagi.", "Loket dibuka pukul 08.00 WIB."]),
    ("Jumlah penduduk mencapai 1.250 jiwa. Angka itu naik.", ["Jumlah penduduk mencapai 1.250 jiwa.", "Angka itu naik."]),
    ("Curah hujan 34,5 mm per hari. Sungai meluap.", ["Curah hujan 34,5 mm per hari.", "Sungai meluap."]),
    ("Acara dimulai pukul 09.00 WIB. Peserta hadir tepat waktu.",
     ["Acara dimulai pukul 09.00 WIB.", "Peserta hadir tepat waktu."]),
    ("Anggaran sebesar Rp125.000.000,00 disetujui. Dana cair bulan depan.",
     ["Anggaran sebesar Rp125.000.000,00 disetujui.", "Dana cair bulan depan."]),
    ("Kantor berada di Jl. Sudirman No. 10. Warga bisa datang langsung.",
     ["Kantor berada di Jl. Sudirman No. 10.", "Warga bisa datang langsung."]),
    ("Acara dibuka oleh Dr. Siti Rahma. Beliau menyampaikan sambutan.",
     ["Acara dibuka oleh Dr. Siti Rahma.", "Beliau menyampaikan sambutan."]),
    ("Pembicara: Ahmad Fauzi, S.Sos., M.Si. Ia menjabat kepala bagian.",
     ["Pembicara: Ahmad Fauzi, S.Sos., M.Si.", "Ia menjabat kepala bagian."]),
    ("Surat ditandatangani a.n. Bupati Sukamaju. Salinan dikirim ke camat.",
     ["Surat ditandatangani a.n. Bupati Sukamaju.", "Salinan dikirim ke camat."]),
    ("Hadir pula H. Abdul Karim dan Hj. Fatimah. Keduanya tokoh masyarakat.",
     ["Hadir pula H. Abdul Karim dan Hj. Fatimah.", "Keduanya tokoh masyarakat."]),
    ("Lokasi di Kec. Sukamaju, Kab. Lembah Hijau. Jaraknya dekat.",
     ["Lokasi di Kec. Sukamaju, Kab. Lembah Hijau.", "Jaraknya dekat."]),
    ("Bawa KTP, KK, akta, dll. Petugas akan memeriksa berkas.",
     ["Bawa KTP, KK, akta, dll.", "Petugas akan memeriksa berkas."]),
    ("Informasi ada di humas.sukamajukab.go.id. Silakan kunjungi laman itu.",
     ["Informasi ada di humas.sukamajukab.go.id.", "Silakan kunjungi laman itu."]),
    ("Kirim surel ke ppid@sukamajukab.go.id. Kami membalas dalam sehari.",
     ["Kirim surel ke ppid@sukamajukab.go.id.", "Kami membalas dalam sehari."]),
    ("Unduh formulir di https://sukamajukab.go.id/formulir.pdf. Isi semua kolom.",
     ["Unduh formulir di https://sukamajukab.go.id/formulir.pdf.", "Isi semua kolom."]),
    ("SUKAMAJU, 2 Desember 2026 – Pemerintah Kabupaten Sukamaju membuka layanan baru. Layanan ini gratis.",
     ["SUKAMAJU, 2 Desember 2026 – Pemerintah Kabupaten Sukamaju membuka layanan baru.", "Layanan ini gratis."]),
    ("\"Kapan loket dibuka?\" tanya seorang warga. Petugas menjawab dengan ramah.",
     ["\"Kapan loket dibuka?\" tanya seorang warga.", "Petugas menjawab dengan ramah."]),
    ("\"Kami siap melayani.\" Bupati lalu meninjau loket.",
     ["\"Kami siap melayani.\"", "Bupati lalu meninjau loket."]),
    ("“Layanan ini gratis,” kata Bupati. “Jangan membayar calo!” tegasnya.",
     ["“Layanan ini gratis,” kata Bupati.", "“Jangan membayar calo!” tegasnya."]),
    ("Kami menunggu… lalu hujan turun. Acara ditunda.", ["Kami menunggu… lalu hujan turun.", "Acara ditunda."]),
    ("Kami menunggu... Akhirnya petugas datang.", ["Kami menunggu...", "Akhirnya petugas datang."]),
    ("Apakah Anda sudah mendaftar? Pendaftaran ditutup besok!", ["Apakah Anda sudah mendaftar?", "Pendaftaran ditutup besok!"]),
    ("Batas waktu s.d. 31 Desember 2026. Setelah itu pendaftaran ditutup.",
     ["Batas waktu s.d. 31 Desember 2026.", "Setelah itu pendaftaran ditutup."]),
    ("Dasar hukumnya Pasal 22 ayat (1) UU No. 14 Tahun 2008. Aturan itu jelas.",
     ["Dasar hukumnya Pasal 22 ayat (1) UU No. 14 Tahun 2008.", "Aturan itu jelas."]),
    ("Rapat dipimpin Plt. Kepala Dinas. Notulen dibagikan.", ["Rapat dipimpin Plt. Kepala Dinas.", "Notulen dibagikan."]),
    ("Pada tgl. 5 Januari warga berkumpul. Semua tertib.", ["Pada tgl. 5 Januari warga berkumpul.", "Semua tertib."]),
    ("Terjadi kenaikan 2,5%. Pemerintah bertindak cepat.", ["Terjadi kenaikan 2,5%.", "Pemerintah bertindak cepat."]),
    ("Tahun 2026 menjadi tahun layanan. 2027 akan lebih baik.", ["Tahun 2026 menjadi tahun layanan.", "2027 akan lebih baik."]),
    ("Harga tiket Rp. 5.000 per orang. Anak-anak gratis.", ["Harga tiket Rp. 5.000 per orang.", "Anak-anak gratis."]),
    ("Prof. Dr. Ir. Budi Santoso, M.Sc. hadir. Ia memberi kuliah umum.",
     ["Prof. Dr. Ir. Budi Santoso, M.Sc. hadir.", "Ia memberi kuliah umum."]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[1][0][:30] for c in CASES])
def test_indonesian_sentence_splitting(text, expected):
    assert sentences(text) == expected


def test_list_items_and_headings_are_their_own_sentences():
    doc = parse("# Jadwal Layanan\n\nSyarat:\n\n1. Bawa KTP asli\n2. Bawa KK\n\nLoket buka pukul 08.00 WIB.", ID)
    assert [s.text for s in doc.sentences] == ["Syarat:", "Bawa KTP asli", "Bawa KK", "Loket buka pukul 08.00 WIB."]
    assert [h.text for h in doc.headings] == ["Jadwal Layanan"]


def test_plain_text_heading_without_period_does_not_merge():
    doc = parse("Pengumuman Penting\nLoket tutup hari Jumat. Layanan daring tetap buka.", ID, fmt="text")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]
    assert [s.text for s in doc.sentences] == ["Loket tutup hari Jumat.", "Layanan daring tetap buka."]


def test_offsets_point_at_the_sentence():
    doc = parse("Warga datang pagi. Loket dibuka pukul 08.00 WIB.", ID)
    for sentence in doc.sentences:
        assert doc.text[sentence.start:sentence.end] == sentence.text


def test_english_abbreviations():
    assert sentences("Mr. Smith met Dr. Jones at 9 a.m. on Monday. They talked.", EN) == [
        "Mr. Smith met Dr. Jones at 9 a.m. on Monday.", "They talked."]
