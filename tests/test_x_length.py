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
    from autograders.engine.measure.x_urls import tlds

    texts = [f"lihat contoh.{tld} ya" for tld in sorted(tlds())]
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


# ------------------------------------------------------------------ generated posts (every one exact)

ZWJ, VS15, VS16, KEYCAP = "\u200d", "\ufe0e", "\ufe0f", "\u20e3"
SKINS = [chr(c) for c in range(0x1F3FB, 0x1F400)]
PEOPLE = ["\U0001f468", "\U0001f469", "\U0001f466", "\U0001f467", "\U0001f9d1", "\U0001f474", "\U0001f475"]
# Known ZWJ sequences: Emoji 11 ones (one unit for the reference) and newer ones (counted per member there).
KNOWN_ZWJ = [
    "👨‍👩‍👧‍👦", "👨‍👩‍👧", "👩‍👩‍👦‍👦", "👨‍👨‍👧‍👧", "👩‍👦", "👨‍👧‍👦", "👩‍❤️‍👨", "👨‍❤️‍👨", "👩‍❤️‍💋‍👩", "👨‍❤️‍💋‍👨",
    "👩🏽‍⚕️", "👨🏿‍🌾", "👩‍💻", "👨🏻‍🚀", "👩🏾‍🔧", "👨‍🦰", "👩🏼‍🦳", "👮‍♀️", "👮🏾‍♂️", "🏃‍♂️", "🏋️‍♀️", "🏋🏽‍♂️",
    "⛹️‍♂️", "🕵️‍♀️", "🤼‍♀️", "👯‍♂️", "🧟‍♂️", "🧞‍♀️", "🦸🏽‍♀️", "🏳️‍🌈", "🏴‍☠️", "👁‍🗨", "👁️‍🗨️",
    # newer than Emoji 11
    "🧑‍🤝‍🧑", "🧑🏽‍🤝‍🧑🏻", "🐕‍🦺", "🏳️‍⚧️", "❤️‍🔥", "❤️‍🩹", "😮‍💨", "😵‍💫", "🧑‍💻", "🧑🏿‍⚕️", "🐻‍❄️", "🧔‍♀️",
    "👨‍🦯", "👩‍🦽", "🫱🏻‍🫲🏿", "🐦‍⬛", "👨‍👩‍👧‍👦‍👦", "👩‍👩‍👩", "👨‍❤‍👨", "👩‍❤️‍💋‍👨🏽",
]
TEXT_BITS = ["Halo warga", "Layanan KTP buka", "pukul 08.00", "日本語のお知らせ", "중요 공지", "中文通知", "ประกาศ",
             "Пресс-релиз", "إعلان", "a", "x1", ".", ",", "!", "?", ":", ";", "…", "—", "“", "”", "(", ")", "é",
             "e\u0301", "ñ", "#Sukamaju", "#LayananPublik", "@humas", "@DinkesSukamaju", "$BBRI", "100%", "©", "®",
             "™", "‼", "\u00a0", "\u2009", "\u3000", "\u200b", "\u200c", ZWJ, VS15, VS16, "\n", "\n\n", "  ", " ", " "]
TLD_SAMPLE = ["com", "go.id", "id", "co.id", "org", "net", "info", "co", "io", "ac.id", "or.id", "desa.id", "xyz",
              "app", "dev", "gov", "int", "uk", "co.uk", "jp", "рф", "中国", "xn--p1ai", "museum", "travel", "zz",
              "qq", "comx", "c0m", "museu"]
PATH_BITS = ["/", "berita", "2027", "-", "_", ".", "(1)", "(a(b)c)", "(", ")", "!", "*", "'", ";", ":", "=", "+",
             ",", "$", "%20", "#", "[x]", "~", "@", "|", "&", "é", "–", "файл", "..", "/(", "/)"]
QUERY_BITS = ["?", "ref=x", "&", "utm_source=twitter", "a", "(", ")", "!", "?", ".", ",", "#top", "~", "|", "=",
              "-", "_", "/", "%3D", "'"]
BEFORE_BITS = ["", " ", "\n", "(", "“", "-", "_", ".", "/", "@", "#", "$", "a", "1", ":", "👨", "日", "\u202a"]


def _emoji_pool() -> list[str]:
    from autograders.engine.measure import emoji

    return [chr(c) for start, end in emoji.ranges("Emoji") for c in range(start, end + 1) if c > 0x7F]


def _random_label(rng) -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    kind = rng.random()
    if kind < 0.7:
        label = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        if rng.random() < 0.25:
            label = label[: len(label) // 2] + rng.choice("-_") + label[len(label) // 2:]
        return label
    if kind < 0.85:
        return rng.choice(["sukamaju", "kemenkes", "www", "t", "bit", "lapor", "pemkab-sukamaju", "dinas_kesehatan"])
    if kind < 0.95:
        return rng.choice(["müller", "ñandú", "пример", "日本", "例え", "b\u00fccher", "x" * 70, "a--b", "-a", "a-"])
    return rng.choice(["👨", "🇮🇩", "a👍b", "日本語"])


def _random_url(rng) -> str:
    parts = []
    roll = rng.random()
    if roll < 0.45:
        parts.append(rng.choice(["https://", "http://", "HTTPS://", "Http://", "https:/", "ftp://"]))
    if rng.random() < 0.15:
        return rng.choice(["https://t.co/", "http://t.co/", "t.co/"]) + "".join(
            rng.choice("AbC123xyz") for _ in range(rng.choice([5, 10, 39, 40, 41, 45]))) + rng.choice(
            ["", "?x=1", "/more", "!", ".", "?a=(b)"])
    labels = [_random_label(rng) for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 5]))]
    parts.append(".".join(labels) + "." + rng.choice(TLD_SAMPLE))
    if rng.random() < 0.1:
        parts.append(":" + str(rng.choice([80, 443, 8443, 0])) + rng.choice(["", "x"]))
    if rng.random() < 0.55:
        parts.append("/" + "".join(rng.choice(PATH_BITS) for _ in range(rng.randint(0, 6))))
    if rng.random() < 0.25:
        parts.append("?" + "".join(rng.choice(QUERY_BITS) for _ in range(rng.randint(0, 6))))
    if rng.random() < 0.1:
        parts.insert(0, rng.choice(["humas@", "user.name@", "a@b."]))
    return rng.choice(BEFORE_BITS) + "".join(parts) + rng.choice(["", "", ".", ",", ")", "!", "?", "…", "👍", "日"])


def _random_emoji(rng, pool: list[str]) -> str:
    from autograders.engine.measure.x_emoji import regions

    roll = rng.randrange(12)
    if roll == 0:
        return rng.choice(KNOWN_ZWJ)
    if roll == 1:  # a random ZWJ chain, valid or not
        return ZWJ.join(rng.choice(PEOPLE + pool[:300] + ["❤️", "💋", "♀️", "♂️", "⚕️", "🦰"])
                        + rng.choice(["", "", VS16, rng.choice(SKINS)]) for _ in range(rng.randint(2, 5)))
    if roll == 2:  # a listed flag
        code = rng.choice(sorted(regions()))
        return "".join(chr(0x1F1E6 + ord(ch) - ord("A")) for ch in code)
    if roll == 3:  # any pair of regional indicators, or one alone, or three
        return "".join(chr(0x1F1E6 + rng.randrange(26)) for _ in range(rng.choice([1, 2, 2, 3])))
    if roll == 4:  # subdivision flags, valid or not
        code = rng.choice(["gbeng", "gbsct", "gbwls", "gbnir", "usca", "idjk"])
        return "🏴" + "".join(chr(0xE0000 + ord(ch)) for ch in code) + rng.choice(["\U000e007f", "\U000e007f", ""])
    if roll == 5:  # skin tones on anything
        return rng.choice(pool + PEOPLE) + rng.choice(["", VS16]) + rng.choice(SKINS)
    if roll == 6:  # keycaps
        return rng.choice("0123456789#*aX") + rng.choice(["", VS16, VS15]) + KEYCAP
    if roll == 7:  # variation selectors
        return rng.choice(pool + ["©", "®", "™", "‼", "a", "1", "#", "❤", "☺", "✈", "⚕"]) + rng.choice([VS16, VS15])
    if roll == 8:  # lone modifiers and joiners
        return rng.choice([ZWJ, VS16, VS15, KEYCAP, rng.choice(SKINS), "\U000e007f"])
    return rng.choice(pool)


def generated_posts(seed: int, count: int) -> list[str]:
    import random

    rng = random.Random(seed)
    pool = _emoji_pool()
    posts = []
    for _ in range(count):
        bits = []
        for _ in range(rng.randint(1, 16)):
            roll = rng.random()
            if roll < 0.45:
                bits.append(_random_emoji(rng, pool))
            elif roll < 0.8:
                bits.append(rng.choice(TEXT_BITS))
            else:
                bits.append(_random_url(rng))
            if rng.random() < 0.5:
                bits.append(rng.choice([" ", "", "\n"]))
        post = "".join(bits)
        if rng.random() < 0.1:
            post = unicodedata.normalize("NFD", post)
        posts.append(post)
    return posts


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_generated_posts_equal_twitter_text(seed, reference):
    """Hundreds of generated posts mixing ZWJ sequences (Emoji 11 and newer), flags (listed, unlisted, lone,
    subdivisions), skin tones, keycaps, variation selectors, CJK and other scripts, URLs (protocols, ports, paths
    with brackets, queries, t.co, IDN and punycode, e-mail look-alikes) and text around them: every weight exact."""
    posts = generated_posts(seed, 400)
    expected = reference(posts)
    wrong = [(post, x_weighted_length(post), e["weightedLength"]) for post, e in zip(posts, expected)
             if x_weighted_length(post) != e["weightedLength"]]
    assert wrong == [], wrong[:5]
    assert [x_is_valid(p) for p in posts] == [e["valid"] for e in expected]


def test_the_generator_covers_every_kind_of_unit():
    """The generated posts really contain what they are meant to mix."""
    posts = "\n".join(generated_posts(11, 400))
    for needle in [ZWJ, VS16, VS15, KEYCAP, "\U000e007f", "https://", "t.co/", "日本", "(a(b)c)", "?"]:
        assert needle in posts, needle
    assert sum(1 for seq in KNOWN_ZWJ if seq in posts) >= 20
    assert sum(1 for ch in posts if 0x1F3FB <= ord(ch) <= 0x1F3FF) >= 50
    assert sum(1 for ch in posts if 0x1F1E6 <= ord(ch) <= 0x1F1FF) >= 100


def test_every_emoji_11_zwj_sequence_is_one_unit_and_newer_ones_are_not(reference):
    from autograders.engine.measure.x_emoji import MAX_UNIT, table

    units = sorted(u for u in table().units if ZWJ in u)
    assert max(len(u) for u in table().units) <= MAX_UNIT
    assert [r["weightedLength"] for r in reference(units)] == [2] * len(units) == [x_weighted_length(u) for u in units]
    newer = [s for s in KNOWN_ZWJ[KNOWN_ZWJ.index("🧑‍🤝‍🧑"):]]
    assert [x_weighted_length(s) for s in newer] == [r["weightedLength"] for r in reference(newer)]
    assert all(x_weighted_length(s) > 2 for s in newer)
