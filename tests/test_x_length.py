"""X weighted length: our count must equal the official twitter-text 3.1.0 count for every post.

The reference runs in Node from tools/js (installed with ``npm ci`` by the session fixture when missing).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from autograders.engine.measure.x_length import (
    MAX_WEIGHTED_LENGTH,
    split_x_thread,
    x_is_valid,
    x_weighted_length,
)

JS_DIR = Path(__file__).resolve().parents[1] / "tools" / "js"

LONG_BODY = (
    "Pemerintah Kota Bandung mengimbau warga untuk memeriksa jadwal vaksinasi di puskesmas terdekat. "
) * 4

POSTS = [
    # plain Indonesian government posts
    "Selamat pagi, Sahabat Humas! Hari ini layanan KTP elektronik buka pukul 08.00 WIB.",
    "Imbauan: hindari perjalanan ke kawasan Puncak selama cuaca ekstrem 12–14 Desember.",
    "Pendaftaran beasiswa daerah dibuka sampai 30 Juni 2025. Syarat lengkap di laman resmi.",
    # URLs with protocol
    "Info lengkap: https://www.kemenkes.go.id/berita/vaksinasi-tahap-2?ref=x&utm_source=twitter",
    "Unduh formulir di http://dukcapil.kemendagri.go.id/formulir.pdf sekarang juga.",
    "Dua tautan: https://bps.go.id dan https://data.go.id/dataset/penduduk-2024 cek ya.",
    "Tautan pendek https://t.co/AbC123xyz dibagikan ulang.",
    "Wikipedia https://id.wikipedia.org/wiki/Hubungan_masyarakat_(pemerintah) rujukan.",
    "Akhir kalimat dengan tautan https://jdih.setneg.go.id/.",
    "Tautan dalam kurung (https://ppid.kominfo.go.id/informasi) tetap dihitung 23.",
    "Port dan jalur: https://sipp.example.go.id:8443/layanan/permohonan#status",
    # bare domains
    "Kunjungi example.go.id untuk informasi layanan.",
    "Laman www.indonesia.go.id memuat semua layanan publik.",
    "Daftar di lapor.go.id/aduan atau hubungi 1500-123.",
    "Situs kemlu.go.id, bps.go.id, dan bi.go.id sudah diperbarui.",
    "Coba portal.jakarta.go.id?tab=layanan (bagian terakhir tidak ikut).",
    "Bukan tautan: nama_file.pdf atau versi 1.2.3 atau pukul 08.30.",
    "Jalur dengan kurung: contoh.go.id/ok.(1a) dan contoh.go.id/peta(2024) berbeda.",
    "Domain menempel emoji 👨example.com, a-👨example.com, -👨example.com, )_t.co/abc🇩-👨example.com",
    "Pengumuman。example.com dan 日本語のお知らせ：台風に注意してください。example.com",
    "Domain internasional: who.int, un.org, worldbank.org, dan oecd.org.",
    "Ejaan tanpa spasi:selesai.Info lebih lanjut menyusul.",
    # e-mail addresses, mentions, hashtags, cashtags
    "Kirim pertanyaan ke humas@kemenkes.go.id atau ppid@setkab.go.id.",
    "Terima kasih @kemkominfo dan @BPS_Statistics atas kolaborasinya! #LayananPublik #HariPangan",
    "Tagar panjang #BersamaLawanHoaksDiMediaSosialPemerintahDaerah2025 dipakai hari ini.",
    "Harga $BBRI naik; @user_1 bertanya di #InfoPasar.",
    # emoji: skin tones, ZWJ families, flags, keycaps, hearts
    "Terima kasih, relawan! 👍🏽👏🏿🙏🏻",
    "Keluarga sehat 👨‍👩‍👧‍👦 dimulai dari rumah 🏠.",
    "Tenaga kesehatan 👩🏽‍⚕️ dan petani 👨🏿‍🌾 adalah pahlawan kita.",
    "Dirgahayu Republik Indonesia 🇮🇩🇮🇩🇮🇩!",
    "Langkah 1️⃣ daftar, 2️⃣ verifikasi, 3️⃣ datang. #️⃣ nomor antrean.",
    "Cinta produk dalam negeri ❤️ ❤ ♥️ 💯 👍️ 🇩️ ☺️ ❤︎",
    "Petugas 👮‍♀️ dan 👮🏾‍♂️ berjaga; 🏃‍♂️ lari pagi bersama.",
    "Bendera pelangi 🏳️‍🌈 dan bendera Inggris 🏴󠁧󠁢󠁥󠁮󠁧󠁿 pada acara olahraga.",
    "Emoji baru 🫠 🥹 🧑‍🤝‍🧑 🤝🏽 dihitung menurut data lama.",
    "Hak cipta © 2025 Diskominfo ® ™ ©️",
    "Bendera tidak sah 🇽🇽 dan satu huruf 🇮 saja.",
    "Pasangan 👩‍❤️‍👨 dan 👨‍❤️‍💋‍👨 serta keluarga 👩‍👧.",
    # other scripts
    "日本語のお知らせ：台風に注意してください。",
    "중요 공지: 내일 휴무입니다.",
    "ประกาศ: ศูนย์บริการเปิดทำการตามปกติ",
    "Пресс-релиз: пример.рф и https://пример.рф/новости",
    "إعلان مهم من الحكومة",
    # combining marks, NFC vs NFD
    unicodedata.normalize("NFD", "Kafé Pemuda di Sleman, jalan Ké Ö Ü"),
    unicodedata.normalize("NFC", "Kafé Pemuda di Sleman, jalan Ké Ö Ü"),
    "e\u0301 e\u0302\u0323 a\u0308\u0304 tanpa bentuk gabungan",
    "Hangul NFD: " + unicodedata.normalize("NFD", "한국어"),
    # typographic punctuation inside and outside the light ranges
    "Kutipan “resmi” — ‘satu’ … dan • poin • ‰ ′ ″ ‴",
    "Spasi khusus:\u2003ini\u2009itu\u00a0dan\u200dsambung\u200bnol",
    # invalid characters and edges
    "Teks dengan BOM \ufeff di tengah",
    "",
    " ",
    "a" * 280,
    "a" * 281,
    "あ" * 140,
    "あ" * 141,
    "🇮🇩" * 140,
    "🇮🇩" * 141,
    LONG_BODY + "https://example.go.id/" + "x" * 300,
    "x" * 257 + " https://a.co",
    "x" * 258 + " https://a.co",
    "Sumber: " + "https://contoh.go.id/" + "a" * 5000,
]


def _npm_install() -> None:
    if (JS_DIR / "node_modules" / "twitter-text" / "package.json").exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm tidak ditemukan: pasang Node.js 20 dan npm untuk menjalankan uji pembanding.")
    subprocess.run(
        [npm, "ci", "--prefix", str(JS_DIR), "--no-audit", "--no-fund"],
        check=True,
        capture_output=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def reference():
    """Function that measures a list of texts with twitter-text in Node."""
    _npm_install()

    def measure(texts: list[str]) -> list[dict]:
        done = subprocess.run(
            ["node", str(JS_DIR / "x_length.js")],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        return json.loads(done.stdout)

    return measure


@pytest.fixture(scope="session")
def reference_posts(reference):
    return dict(zip(range(len(POSTS)), reference(POSTS)))


def test_corpus_is_large_enough():
    assert len(POSTS) >= 50


@pytest.mark.parametrize("index", range(len(POSTS)))
def test_length_equals_twitter_text(index, reference_posts):
    expected = reference_posts[index]
    assert x_weighted_length(POSTS[index]) == expected["weightedLength"], POSTS[index]


@pytest.mark.parametrize("index", range(len(POSTS)))
def test_validity_equals_twitter_text(index, reference_posts):
    assert x_is_valid(POSTS[index]) is reference_posts[index]["valid"], POSTS[index]


def test_every_flag_region_pair_matches_reference(reference):
    def flag(code: str) -> str:
        return "".join(chr(0x1F1E6 + ord(ch) - ord("A")) for ch in code)

    codes = [a + b for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    expected = [r["weightedLength"] for r in reference([flag(c) for c in codes])]
    assert [x_weighted_length(flag(c)) for c in codes] == expected


def test_every_listed_tld_is_a_url_for_the_reference(reference):
    from autograders.engine.measure.x_length import _tlds

    texts = [f"lihat contoh.{tld} ya" for tld in _tlds()]
    expected = [r["weightedLength"] for r in reference(texts)]
    assert [x_weighted_length(t) for t in texts] == expected


# ------------------------------------------------------------------ plain unit checks (no Node)


def test_limit_edge_ascii():
    assert x_weighted_length("a" * MAX_WEIGHTED_LENGTH) == 280
    assert x_is_valid("a" * 280)
    assert not x_is_valid("a" * 281)


def test_limit_edge_cjk_counts_two():
    assert x_weighted_length("あ") == 2
    assert x_is_valid("あ" * 140)
    assert not x_is_valid("あ" * 141)


def test_url_counts_23_whatever_its_length():
    short, long = "https://a.go.id", "https://a.go.id/" + "b" * 200
    assert x_weighted_length(short) == x_weighted_length(long) == 23


def test_email_is_not_a_url():
    assert x_weighted_length("humas@kemenkes.go.id") == len("humas@kemenkes.go.id")


def test_nfd_equals_nfc():
    text = "Kafé Ké"
    assert x_weighted_length(unicodedata.normalize("NFD", text)) == x_weighted_length(text) == 7


def test_empty_is_invalid():
    assert x_weighted_length("") == 0
    assert not x_is_valid("")


def test_bad_input_gives_clear_message():
    with pytest.raises(TypeError, match="string"):
        x_weighted_length(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="minimal 10"):
        split_x_thread("teks", limit=5)


# ------------------------------------------------------------------ thread splitter

THREAD_TEXT = (
    "Pemerintah Kabupaten Sleman membuka pendaftaran program pelatihan kerja bagi pemuda. "
    "Pelatihan berlangsung selama tiga bulan di Balai Latihan Kerja dan tidak dipungut biaya. "
    "Peserta wajib berusia 18 sampai 30 tahun dan berdomisili di Sleman! "
    "Informasi lengkap tersedia di https://slemankab.go.id/pelatihan-kerja-2025 dan akun media sosial resmi. "
    "Apakah Anda siap? Daftarkan diri sebelum 15 Agustus 2025 🇮🇩👍🏽. "
    + "Kalimat sangat panjang tanpa titik yang terus berlanjut " * 12
    + "sehingga harus dipotong di batas kata. Terima kasih."
)


def _words(parts: list[str], numbered: bool) -> list[str]:
    words: list[str] = []
    for part in parts:
        tokens = part.split()
        words.extend(tokens[:-1] if numbered else tokens)
    return words


@pytest.mark.parametrize("limit", [280, 140, 60])
def test_thread_parts_valid_ordered_and_complete(limit):
    parts = split_x_thread(THREAD_TEXT, limit=limit)
    assert len(parts) >= 2
    for index, part in enumerate(parts, start=1):
        assert x_weighted_length(part) <= limit
        assert x_is_valid(part, limit=limit)
        assert part.endswith(f" {index}/{len(parts)}")
    assert _words(parts, numbered=True) == THREAD_TEXT.split()


def test_thread_without_numbering_keeps_all_text():
    parts = split_x_thread(THREAD_TEXT, limit=140, numbering=False)
    assert all(x_weighted_length(p) <= 140 for p in parts)
    assert _words(parts, numbered=False) == THREAD_TEXT.split()


def test_thread_breaks_at_sentence_end_when_possible():
    first = "Kalimat pertama cukup panjang untuk mengisi sebagian besar unggahan ini ya."
    second = "Kalimat kedua juga panjang dan tidak muat lagi dalam unggahan pertama tadi."
    parts = split_x_thread(f"{first} {second}", limit=100)
    assert parts == [f"{first} 1/2", f"{second} 2/2"]


def test_thread_short_text_is_one_post_without_numbering():
    assert split_x_thread("Halo warga!") == ["Halo warga!"]
    assert split_x_thread("   ") == []


def test_thread_over_long_word_is_cut_without_losing_characters():
    word = "a" * 700
    parts = split_x_thread(word, limit=280, numbering=False)
    assert "".join(parts) == word
    assert all(x_weighted_length(p) <= 280 for p in parts)


def test_thread_numbering_width_grows_past_nine_parts():
    text = " ".join(f"Kalimat nomor {i} berisi informasi layanan publik." for i in range(60))
    parts = split_x_thread(text, limit=60)
    assert len(parts) >= 10
    assert parts[-1].endswith(f" {len(parts)}/{len(parts)}")
    assert all(x_weighted_length(p) <= 60 for p in parts)
