"""A seeded generator of realistic social media mentions for a fictional regency and two peer regions.

The story (all names are fictional)
-----------------------------------
* **Kabupaten Sukamaju** (the trainee's agency; account ``@pemkabsukamaju``) and two peers,
  **Kabupaten Mekarsari** (``@pemkabmekarsari``) and **Kota Tirtajaya** (``@pemkottirtajaya``), plus posts that
  mention none of them (``lainnya``).
* About 50% of the volume is about Sukamaju, 22% Mekarsari, 18% Tirtajaya, 10% none.
* **Daily rhythm**: weekends are quieter (×0.8). **Hourly rhythm** (WIB): little at night, peaks at 07–09,
  around noon and 19–21.
* **A positive campaign**: ``#SukamajuBersih`` (a clean-up week) from day ``days // 4`` for 7 days: more volume
  (×1.6) and more positive posts.
* **A crisis**: a flood in Sukamaju starting at 04:00 WIB on day ``int(days * 0.7)``: volume ×6, ×3.5, ×2, ×1.4
  over four days; mostly negative, then thanks to rescuers as it recedes (the turn in sentiment).
* **A smaller incident** for Mekarsari: a water outage on day ``days // 2`` (×2.5, negative).
* Texts use slang and abbreviations (*gak, yg, bgt, udh*), emoji, hashtags, mentions and a few typos.
* Columns as :mod:`.loading` produces them; ``reach`` only for Instagram, Facebook and TikTok.

The same ``seed`` always gives the same data (NumPy ``default_rng``). ``sample_mentions.csv`` in ``data/`` was
written with ``write_mentions_csv(path, n_posts=2000, days=60, seed=20261202)``.
"""
from __future__ import annotations

import re
from datetime import datetime

import numpy as np
import pandas as pd

from .loading import COLUMNS, WIB

DEFAULT_START = "2026-10-05"
ENTITIES = ("sukamaju", "mekarsari", "tirtajaya", "lainnya")
ENTITY_SHARE = np.array([0.50, 0.22, 0.18, 0.10])

REFS = {
    "sukamaju": ["Pemkab Sukamaju", "@pemkabsukamaju", "Kabupaten Sukamaju", "Sukamaju", "pemkab sukamaju",
                 "Kab. Sukamaju", "@pemkabsukamaju"],
    "mekarsari": ["Pemkab Mekarsari", "@pemkabmekarsari", "Kabupaten Mekarsari", "Mekarsari", "pemkab mekarsari"],
    "tirtajaya": ["Pemkot Tirtajaya", "@pemkottirtajaya", "Kota Tirtajaya", "Tirtajaya", "pemkot tirtajaya"],
    "lainnya": ["pemerintah", "pemda", "dinas terkait", "bapak ibu pejabat", "kantor desa"],
}
TAGS = {
    "sukamaju": ["#Sukamaju", "#SukamajuMelayani", "", "", ""],
    "mekarsari": ["#Mekarsari", "#MekarsariMaju", "", ""],
    "tirtajaya": ["#Tirtajaya", "#TirtajayaKeren", "", ""],
    "lainnya": ["#infowarga", "#LayananPublik", "", "", ""],
}
PLACES = ["Desa Cikuya", "Kecamatan Cibiru", "Jl. Merdeka", "Desa Sirnagalih", "Kecamatan Cijambe", "Pasar Baru",
          "Jl. Ahmad Yani", "Kampung Rawa", "Desa Sukamulya", "alun-alun", "Perumahan Griya Asri", "Jl. Sudirman"]
SERVICES = ["Disdukcapil", "puskesmas", "RSUD", "Mal Pelayanan Publik", "samsat", "kantor kecamatan", "PDAM",
            "Dishub", "kantor desa", "Dinas Sosial", "posko pengaduan", "kelurahan"]

TEMPLATES = {
    "neutral": [
        "Jadwal layanan {svc} {e} minggu ini ada di situs resmi {h}",
        "Min {e}, syarat urus KTP-el di {svc} apa aja ya?",
        "Info: {place} ditutup sementara Minggu pagi untuk kegiatan warga {h}",
        "{e} menggelar rapat koordinasi di {place} hari ini",
        "Kapan pendaftaran beasiswa {e} dibuka? {h}",
        "Ada yg tau jam buka {svc} hari Sabtu? {e}",
        "Pengumuman dari {e}: pembayaran PBB bisa lewat bank daerah {h}",
        "Bupati dan jajaran {e} meninjau {place} pagi ini",
        "Besok ada pemadaman listrik terjadwal di {place} pukul 09.00-14.00 {h}",
        "Pendaftaran pelatihan kerja {e} gelombang 2 dibuka sampai akhir bulan",
        "Rapat paripurna DPRD {e} membahas anggaran tahun depan",
        "Lokasi pengambilan bansos di {place}, bawa fotokopi KK ya {h}",
    ],
    "positive": [
        "Pelayanan di {svc} cepat banget, 15 menit beres 👍 {e} {h}",
        "Makasih {e}, jalan di {place} udah diaspal mulus sekarang 🙏",
        "Petugas {svc} ramah dan sabar jelasin syaratnya. Salut {e}!",
        "Keren, aplikasi antrean {svc} bikin gak perlu dateng subuh lagi {h}",
        "Respon admin {e} cepat, laporan lampu jalan di {place} langsung ditindaklanjuti. Mantap",
        "Bangga jadi warga {e}, acaranya meriah dan tertib 🎉 {h}",
        "{svc} sekarang bersih dan nyaman, beda jauh sama dulu. Terima kasih {e}",
        "Gercep bgt petugas {e} tadi di {place}, sukses terus! 💪",
        "Ngurus izin di {svc} ternyata gampang, nggak ribet sama sekali {h}",
        "Bagus sih antreannya panjang, tapi petugas {svc} sigap jadi cepat selesai 😊",
        "Senang lihat {place} sekarang rapi dan terang, makasih {e} ✨",
    ],
    "negative": [
        "Jalan di {place} rusak parah udah 2 tahun gak diperbaiki 😡 {e}",
        "Antre dari jam 6 di {svc}, jam 12 blm dipanggil. Parah {e}",
        "Petugas {svc} judes bgt, ditanya baik2 malah dibentak {h}",
        "Lampu jalan di {place} mati sebulan, gelap dan rawan. Tolong {e}",
        "Aplikasi antrean {svc} error terus, udah 3x gagal daftar 🙄 {e}",
        "Sampah numpuk di {place}, bau banget, gak diangkut seminggu {e}",
        "Kecewa sama {svc}, warga dibiarkan nunggu berjam-jam {h}",
        "Bagus sih programnya {e}, tapi pelaksanaannya kacau",
        "Admin {e} cuma baca doang, laporan warga gak pernah dibales 😤",
        "Udah lapor berkali-kali soal {place}, gak ada tindak lanjut {e}",
        "Pelayanan {svc} lambat dan gak jelas, disuruh nunggu tanpa kepastian {h}",
    ],
    "crisis_negative": [
        "Banjir setinggi dada di {place}, warga terjebak, tolong {e}!! 😭 {c}",
        "Rumah kami terendam sejak subuh, blm ada bantuan sama sekali {e} {c}",
        "Banjir lagi di {place}, drainase gak pernah dibenahi. Kecewa sama {e} 😡 {c}",
        "Air masuk rumah, listrik mati, anak2 kedinginan. Mana {e}? {c}",
        "Pengungsi di {place} kekurangan air bersih dan selimut, petugas entah di mana {c}",
        "Tiap tahun banjir, {e} gak becus ngurus drainase 😤 {c}",
        "Jalan ke {place} putus kena banjir, kami terjebak dan gak ada evakuasi {c}",
        "Bantuan banjir gak merata, RT kami gak kebagian. {e} tolong dicek {c}",
    ],
    "crisis_neutral": [
        "Posko pengungsian banjir dibuka di GOR {e} dan Masjid Agung {c}",
        "Ketinggian air di {place} terpantau 150 cm pukul 07.00 {c}",
        "Info {e}: jalur evakuasi banjir lewat {place} {c}",
        "Nomor darurat BPBD {e} untuk laporan banjir: 112 {c}",
        "Pendataan rumah terdampak banjir di {place} oleh tim {e} {c}",
    ],
    "crisis_positive": [
        "Terima kasih relawan dan BPBD {e} yang sigap evakuasi warga {place} 🙏 {c}",
        "Salut sama petugas {e}, kerja tanpa kenal lelah bantu korban banjir 💪 {c}",
        "Alhamdulillah bantuan udah sampai ke {place}, makasih {e} {c}",
        "Gotong royong bersihin sisa banjir di {place} lancar, mantap {e} 👏 {c}",
    ],
    "campaign_positive": [
        "Seru banget ikut kerja bakti {t} di {place}, warga kompak! 👏 {e}",
        "Got di {place} udah bersih, {t} bukan cuma slogan. Mantap {e}",
        "Bangga sama warga {place}, lingkungan jadi asri {t} 💚",
        "Terima kasih {e}, lomba kebersihan bikin kampung kami rapi {t} ✨",
        "Anak2 semangat banget ikut {t} pagi ini 😍 {e}",
    ],
    "campaign_neutral": [
        "Jadwal kerja bakti {t} di {place} hari Minggu pukul 07.00 {e}",
        "Pendaftaran lomba kebersihan antar-RW {t} dibuka, info di {e}",
    ],
    "outage_negative": [
        "Air PDAM {e} mati dari kemarin, gak ada pemberitahuan sama sekali 😤",
        "Udah 2 hari air mati di {place}, warga terpaksa beli galon. Kecewa sama {e}",
        "Air keruh dan bau dari PDAM {e}, gimana mau masak? 🤢",
    ],
}
CAMPAIGN_TAG = "#SukamajuBersih"
CRISIS_TAGS = ["#BanjirSukamaju", "#PrayForSukamaju", "", "#BanjirSukamaju"]
EMOJI_BY_MOOD = {"positive": ["", "", "👍", "🙏", "😊", "👏"], "negative": ["", "", "😡", "😭", "🙄", "👎"],
                 "neutral": ["", "", "", "📢", "🙏"]}
NOISE_TEXT = [
    "Macet di {place} pagi ini, hati2 ya {h}",
    "Hujan deras dari sore, jangan lupa bawa jas hujan {h}",
    "Kuliner enak di {place}, recommended bgt 😋",
    "Ada yg tau bengkel motor yg buka malam di {place}?",
    "Capek bgt hari ini, pengen libur aja",
    "Harga cabai naik lagi di {place}, ibu2 pusing 😩",
]
SLANG_OUT = {"tidak": ["gak", "ga", "nggak", "tdk"], "yang": ["yg"], "sudah": ["udah", "udh", "sdh"],
             "banget": ["bgt", "bngt"], "terima kasih": ["makasih", "trims", "thx"], "dengan": ["dgn"],
             "untuk": ["utk", "buat"], "tapi": ["tp"], "belum": ["blm"], "sekarang": ["skrg"]}
_SLANG_RE = re.compile(r"\b(" + "|".join(sorted(SLANG_OUT, key=len, reverse=True)) + r")\b")
FIRST = ["rina", "budi", "sari", "agus", "dewi", "eko", "yuni", "andi", "siti", "joko", "putri", "dimas", "wulan",
         "fajar", "nur", "rizky", "intan", "hendra", "lina", "bayu", "tari", "asep", "euis", "ujang", "neng"]
LAST = ["", "_", ".", "santoso", "lestari", "wijaya", "pratama", "hidayat", "saputra", "rahma", "kurnia"]
OUTLETS = ["kabarsukamaju", "radarmekarsari", "tirtajayanews", "warta_priangan", "suarawarga_id"]
PLATFORMS = np.array(["X", "Instagram", "Facebook", "TikTok", "YouTube", "Berita Online"])
PLATFORM_P = np.array([0.35, 0.25, 0.20, 0.10, 0.03, 0.07])
HOURLY = np.array([0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 1.6, 2.4, 2.6, 2.2, 2.0, 2.1,
                   2.6, 2.3, 2.0, 1.9, 2.0, 2.2, 2.5, 3.0, 3.2, 2.9, 2.0, 1.1])
CRISIS_HOURLY = np.concatenate([np.zeros(4), np.array([3.0, 4.0, 4.5, 4.5, 4.0, 3.6, 3.2, 3.0, 2.8, 2.6, 2.4, 2.3,
                                                       2.4, 2.5, 2.6, 2.5, 2.2, 1.8, 1.4, 1.0])])


def _timeline(days: int) -> dict:
    return {"campaign": (days // 4, days // 4 + 7), "crisis": int(days * 0.7), "outage": days // 2}


def _cell_weights(start: pd.Timestamp, days: int) -> tuple[np.ndarray, dict]:
    t = _timeline(days)
    dates = pd.date_range(start, periods=days, freq="D")
    weekday = np.where(dates.dayofweek >= 5, 0.8, 1.0)
    w = np.outer(ENTITY_SHARE, weekday)
    c0, c1 = t["campaign"]
    w[0, c0:c1] *= 1.6
    for offset, factor in enumerate((6.0, 3.5, 2.0, 1.4)):
        if t["crisis"] + offset < days:
            w[0, t["crisis"] + offset] *= factor
    if t["outage"] < days:
        w[1, t["outage"]] *= 2.5
    return w, t


def _mood_mix(entity: int, day: int, t: dict) -> tuple[list[str], list[float]]:
    c = day - t["crisis"]
    if entity == 0 and 0 <= c <= 3:
        neg = (0.70, 0.62, 0.40, 0.25)[c]
        pos = (0.06, 0.12, 0.35, 0.50)[c]
        return ["crisis_negative", "crisis_neutral", "crisis_positive"], [neg, 1 - neg - pos, pos]
    if entity == 0 and t["campaign"][0] <= day < t["campaign"][1]:
        return ["campaign_positive", "campaign_neutral", "positive", "negative", "neutral"], \
            [0.45, 0.15, 0.12, 0.08, 0.20]
    if entity == 1 and day == t["outage"]:
        return ["outage_negative", "negative", "neutral"], [0.6, 0.15, 0.25]
    return ["positive", "negative", "neutral"], [0.30, 0.25, 0.45]


def _slangify(text: str, rng_value: float) -> str:
    def repl(m):
        options = SLANG_OUT[m.group(1)]
        return options[int(rng_value * 997 + m.start()) % len(options)]
    return _SLANG_RE.sub(repl, text)


def _typo(text: str, pos: float) -> str:
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
    if not idx:
        return text
    i = idx[int(pos * len(idx))]
    w = words[i]
    j = 1 + int(pos * 997) % (len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def _authors(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    first = rng.choice(FIRST, n)
    last = rng.choice(LAST, n)
    num = rng.integers(0, 1000, n)
    names = np.array([f"{a}{b}{c if c % 3 else ''}" for a, b, c in zip(first, last, num)], dtype=object)
    names[: len(OUTLETS)] = OUTLETS
    followers = np.round(rng.lognormal(np.log(350), 1.4, n)).astype(np.int64)
    followers[: len(OUTLETS)] = rng.integers(80_000, 600_000, len(OUTLETS))
    return names, followers


def generate_mentions(n_posts: int = 20_000, days: int = 60, seed: int = 42,
                      start: str = DEFAULT_START) -> pd.DataFrame:
    """Generate ``n_posts`` mentions over ``days`` days (see the module docstring); same seed → same data.

    Returns the standard mentions table (as :func:`.loading.load_mentions` gives), sorted by time.
    """
    if n_posts < 0 or days < 1:
        raise ValueError("n_posts harus >= 0 dan days >= 1")
    rng = np.random.default_rng(seed)
    start_ts = pd.Timestamp(start)
    weights, t = _cell_weights(start_ts, days)
    p = (weights / weights.sum()).ravel()
    cells = rng.choice(p.size, size=n_posts, p=p)
    entity, day = np.divmod(cells, days)
    crisis_cell = (entity == 0) & (day == t["crisis"])
    hour = np.where(crisis_cell, rng.choice(24, n_posts, p=CRISIS_HOURLY / CRISIS_HOURLY.sum()),
                    rng.choice(24, n_posts, p=HOURLY / HOURLY.sum()))
    seconds = rng.integers(0, 3600, n_posts)
    offsets = (day.astype(np.int64) * 86400 + hour * 3600 + seconds) * 1_000_000_000
    ts = pd.to_datetime(start_ts.value + offsets).tz_localize(WIB)

    mood = np.empty(n_posts, dtype=object)
    u = rng.random(n_posts)
    for key in np.unique(cells):
        e, d = divmod(int(key), days)
        names, probs = _mood_mix(e, d, t)
        sel = cells == key
        mood[sel] = np.array(names, dtype=object)[np.searchsorted(np.cumsum(probs), u[sel] * sum(probs))
                                                  .clip(0, len(names) - 1)]
    r = rng.random((n_posts, 8))
    texts = []
    for i in range(n_posts):
        ent = ENTITIES[entity[i]]
        kind = mood[i]
        rr = r[i]
        if ent == "lainnya" and rr[7] < 0.6:
            pool, kind_mood = NOISE_TEXT, "neutral"
        else:
            pool, kind_mood = TEMPLATES[kind], kind.split("_")[-1]
        template = pool[int(rr[0] * len(pool))]
        refs, tags = REFS[ent], TAGS[ent]
        text = template.format(e=refs[int(rr[1] * len(refs))], h=tags[int(rr[2] * len(tags))],
                               place=PLACES[int(rr[3] * len(PLACES))], svc=SERVICES[int(rr[4] * len(SERVICES))],
                               c=CRISIS_TAGS[int(rr[5] * len(CRISIS_TAGS))], t=CAMPAIGN_TAG)
        if rr[6] < 0.45:
            text = _slangify(text, rr[6])
        if rr[6] > 0.95:
            text = _typo(text, (rr[6] - 0.95) * 20)
        emoji = EMOJI_BY_MOOD.get(kind_mood, EMOJI_BY_MOOD["neutral"])
        extra = emoji[int(rr[7] * 997) % len(emoji)]
        texts.append(" ".join((text + " " + extra).split()))

    n_authors = max(50, n_posts // 15)
    names, followers = _authors(rng, n_authors)
    activity = rng.lognormal(0.0, 1.2, n_authors)
    activity[: len(OUTLETS)] = 0.0
    platform = rng.choice(PLATFORMS, n_posts, p=PLATFORM_P)
    who = rng.choice(n_authors, n_posts, p=activity / activity.sum())
    is_news = platform == "Berita Online"
    who[is_news] = rng.integers(0, len(OUTLETS), int(is_news.sum()))
    fol = followers[who]
    heat = np.where(np.char.startswith(mood.astype(str), "crisis"), 3.0, 1.0)
    likes = rng.poisson(np.minimum(fol * rng.lognormal(np.log(0.02), 0.8, n_posts) * heat, 1e6))
    comments = rng.poisson(likes * 0.12 + 0.2)
    shares = rng.poisson(likes * np.where(platform == "X", 0.15, 0.05))
    has_reach = np.isin(platform, ["Instagram", "Facebook", "TikTok"])
    reach = np.where(has_reach, np.round(fol * rng.uniform(0.1, 0.6, n_posts) + likes * 3), np.nan)
    ids = rng.integers(10**15, 10**16, n_posts)
    author = names[who]
    url = [_url(pl, a, i) for pl, a, i in zip(platform, author, ids)]
    df = pd.DataFrame({"timestamp": ts, "platform": platform, "author": author, "followers": fol,
                       "text": texts, "likes": likes, "comments": comments, "shares": shares, "url": url,
                       "reach": reach})
    df = df.sort_values("timestamp", kind="stable").reset_index(drop=True)
    df.attrs["duplicates_removed"] = 0
    return df[list(COLUMNS)]


def _url(platform: str, author: str, post_id: int) -> str:
    handle = author.strip("_.")
    return {
        "X": f"https://x.com/{handle}/status/{post_id}",
        "Instagram": f"https://www.instagram.com/p/{post_id:x}/",
        "Facebook": f"https://www.facebook.com/{handle}/posts/{post_id}",
        "TikTok": f"https://www.tiktok.com/@{handle}/video/{post_id}",
        "YouTube": f"https://www.youtube.com/watch?v={post_id:x}",
    }.get(platform, f"https://{handle.replace('_', '-')}.example/berita/{post_id}")


def to_csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The table as written to CSV: ISO 8601 timestamps with offset (``2026-12-02T14:05:00+07:00``)."""
    out = df.copy()
    out["timestamp"] = out["timestamp"].dt.strftime("%Y-%m-%dT%H:%M:%S%z").str.replace(
        r"([+-]\d{2})(\d{2})$", r"\1:\2", regex=True)
    out["reach"] = out["reach"].astype("Int64")
    return out


def write_mentions_csv(path, n_posts: int = 20_000, days: int = 60, seed: int = 42,
                       start: str = DEFAULT_START) -> pd.DataFrame:
    """Generate mentions and write them as UTF-8 CSV; returns the generated table."""
    df = generate_mentions(n_posts, days, seed, start)
    to_csv_frame(df).to_csv(path, index=False, encoding="utf-8")
    return df


def timeline(days: int = 60, start: str = DEFAULT_START) -> dict:
    """Dates of the campaign, the crisis and the outage for a generated data set (for the book and tests)."""
    t = _timeline(days)
    base = datetime.fromisoformat(start).date()
    d = lambda k: (pd.Timestamp(base) + pd.Timedelta(days=k)).date().isoformat()  # noqa: E731
    return {"campaign": (d(t["campaign"][0]), d(t["campaign"][1] - 1)), "crisis": d(t["crisis"]),
            "outage": d(t["outage"])}
