"""The monitoring report as one self-contained HTML page in Indonesian.

Charts are PNG images embedded as ``data:`` URIs; there is no external URL, script or font, and a
Content-Security-Policy forbids loading anything. Every text that comes from the data (brand names, hashtags,
authors, terms) is HTML-escaped.
"""
from __future__ import annotations

import base64
from html import escape

import pandas as pd

from . import charts
from .dates import tanggal, waktu

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:980px;margin:2em auto;
padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;border-bottom:2px solid #1f5fa8;padding-bottom:.2em;
margin-top:1.8em}table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:.95em}
th,td{border:1px solid #ccc;padding:.35em .55em;text-align:left}th{background:#eef3fa}
td.n{text-align:right;font-variant-numeric:tabular-nums}img{max-width:100%;height:auto}
.alert{background:#fdecea;border-left:4px solid #c0392b;padding:.5em .8em;margin:.5em 0}
.ok{background:#eafaf1;border-left:4px solid #3a9a5b;padding:.5em .8em;margin:.5em 0}
.muted{color:#666;font-size:.9em}dt{font-weight:600;margin-top:.6em}
"""


def angka(value, decimals: int = 0) -> str:
    """Indonesian number format: ``12.345`` and ``3,75``; ``–`` for a missing value."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{escape(alt)}">'


def _summary_table(result: dict) -> str:
    rows = []
    for name in result["mentions"]:
        s = result["sentiment"][name]
        e = result["engagement"][name]
        role = "merek" if name in result.get("brands", []) else "pembanding"
        net = s["net"]
        rows.append(
            f"<tr><td>{escape(name)}</td><td>{role}</td><td class=n>{angka(result['mentions'][name])}</td>"
            f"<td class=n>{angka(result['share_of_voice'][name], 1)}{'%' if result['share_of_voice'][name] is not None else ''}</td>"
            f"<td class=n>{angka(e['total'])}</td><td class=n>{angka(e['rate'], 2)}{'%' if e['rate'] is not None else ''}</td>"
            f"<td class=n>{angka(s['positive'])}</td><td class=n>{angka(s['negative'])}</td>"
            f"<td class=n>{angka(s['neutral'])}</td><td class=n>{'' if net is None or net <= 0 else '+'}{angka(net, 1)}</td></tr>")
    return ("<table><thead><tr><th>Nama</th><th>Peran</th><th>Sebutan</th><th>Pangsa suara</th>"
            "<th>Keterlibatan</th><th>Tingkat keterlibatan</th><th>Positif</th><th>Negatif</th><th>Netral</th>"
            "<th>Sentimen bersih</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def _alerts(result: dict) -> str:
    spikes = result.get("spikes", [])
    k = angka(result.get("settings", {}).get("k", 2.0), 1)
    if not spikes:
        return f'<p class="ok">Tidak ada lonjakan di atas rata-rata 7 hari + {k}·σ selama periode ini.</p>'
    items = []
    for s in spikes:
        terms = ", ".join(escape(t) for t in s.get("top_terms", [])) or "–"
        first = f" Peringatan pertama: {escape(waktu(s['first_alert']))}." if s.get("first_alert") else ""
        items.append(
            f'<div class="alert"><strong>{escape(s["brand"])} — {escape(tanggal(s["date"]))}</strong>: '
            f"{angka(s['volume'])} sebutan dalam 24 jam (z = {angka(s['z'], 2)}).{first}"
            f"<br>Istilah yang naik: {terms}</div>")
    return "".join(items)


def _latest(result: dict) -> str:
    latest = result.get("latest") or {}
    if not latest:
        return ""
    rows = []
    for name, c in latest.items():
        status = "WASPADA" if c.get("alert") else ("data kurang" if c.get("mean") is None else "normal")
        rows.append(f"<tr><td>{escape(name)}</td><td class=n>{angka(c.get('volume'))}</td>"
                    f"<td class=n>{angka(c.get('mean'), 1)}</td><td class=n>{angka(c.get('threshold'), 1)}</td>"
                    f"<td>{status}</td></tr>")
    return ("<h3>Pemeriksaan 24 jam terakhir</h3><table><thead><tr><th>Nama</th><th>Sebutan 24 jam</th>"
            "<th>Rata-rata 7 hari</th><th>Ambang</th><th>Status</th></tr></thead><tbody>" + "".join(rows) +
            "</tbody></table>")


def _authors(result: dict) -> str:
    parts = []
    for name, rows in (result.get("top_authors") or {}).items():
        if not rows:
            continue
        body = "".join(f"<tr><td>{escape(str(r['author']))}</td><td>{escape(str(r['platform']))}</td>"
                       f"<td class=n>{angka(r['posts'])}</td><td class=n>{angka(r['followers'])}</td>"
                       f"<td class=n>{angka(r['reach'])}</td></tr>" for r in rows[:5])
        parts.append(f"<h3>{escape(name)}</h3><table><thead><tr><th>Akun</th><th>Platform</th><th>Unggahan</th>"
                     f"<th>Pengikut</th><th>Jangkauan</th></tr></thead><tbody>{body}</tbody></table>")
    return "".join(parts) or "<p>Tidak ada data akun.</p>"


def _bigrams(result: dict) -> str:
    parts = []
    for name, rows in (result.get("top_bigrams") or {}).items():
        items = ", ".join(f"{escape(g)} ({angka(c)})" for g, c in rows) or "–"
        parts.append(f"<p><strong>{escape(name)}</strong>: {items}</p>")
    return "".join(parts)


DEFINITIONS = """
<dl>
<dt>Pangsa suara (share of voice)</dt><dd>Sebutan satu nama dibagi sebutan semua nama yang dibandingkan
(merek dan pembanding) × 100%. Versi berbobot jangkauan menjumlahkan jangkauan setiap sebutan.</dd>
<dt>Tingkat keterlibatan</dt><dd>Jumlah suka + komentar + bagikan dibagi jumlah jangkauan × 100%, dihitung atas
unggahan yang jangkauannya diketahui (jangkauan dari platform; bila tidak ada, jumlah pengikut akun).</dd>
<dt>Sentimen bersih</dt><dd>(unggahan positif − unggahan negatif) ÷ semua unggahan × 100, dalam poin persen dari
−100 sampai +100. Sentimen dinilai dengan leksikon bahasa Indonesia buatan proyek ini, dengan aturan negasi,
penguat, bahasa gaul, emoji, dan kata pertentangan.</dd>
<dt>Lonjakan</dt><dd>Setiap jam, sebutan 24 jam terakhir dibandingkan dengan tujuh periode 24 jam sebelumnya:
peringatan muncul bila sebutan lebih dari rata-rata + k·σ (dan minimal {min_volume} sebutan).</dd>
</dl>
"""


def render_html_report(result: dict, df: pd.DataFrame | None = None, title: str = "Laporan Pemantauan Media Sosial") -> str:
    """The report page for a :func:`.summary.monitor` result (``df``: the analysed mentions table, used for
    the overall hashtag chart when the result carries none)."""
    period = result.get("period")
    span = f"{tanggal(period['start'])} – {tanggal(period['end'])}" if period else "tidak ada data"
    tags = result.get("top_hashtags")
    if not tags and df is not None and len(df):
        from .metrics import top_hashtags
        tags = [[h, int(c)] for h, c in top_hashtags(df, 10).itertuples(index=False)]
    dup = result.get("duplicates_removed", 0)
    settings = result.get("settings", {})
    basis = "berbobot jangkauan" if settings.get("share_of_voice") == "reach" else "berdasarkan jumlah sebutan"
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="muted">Periode: {escape(span)} (WIB) · {angka(result.get("rows", 0))} unggahan dianalisis'
        + (f" · {angka(dup)} unggahan ganda dibuang" if dup else "") + "</p>",
        "<h2>Ringkasan</h2>", _summary_table(result),
        f'<p class="muted">Pangsa suara {basis}.</p>',
        "<h2>Volume sebutan dan lonjakan</h2>",
        _img(charts.volume_chart(result.get("daily", {}), result.get("spikes", [])), "Grafik volume sebutan harian"),
        _alerts(result), _latest(result),
        "<h2>Pangsa suara</h2>", _img(charts.share_chart(result.get("share_of_voice", {})), "Grafik pangsa suara"),
        "<h2>Sentimen dari waktu ke waktu</h2>",
        _img(charts.sentiment_chart(result.get("sentiment_daily", {}), result.get("brands")),
             "Grafik sentimen bersih harian"),
        "<h2>Tagar teratas</h2>",
        _img(charts.hashtag_chart(tags), "Grafik tagar teratas") if tags else "<p>Tidak ada tagar.</p>",
        "<h2>Apa yang dibicarakan</h2><p class=\"muted\">Pasangan kata (bigram) yang paling sering muncul.</p>",
        _bigrams(result),
        "<h2>Akun dengan jangkauan terbesar</h2>", _authors(result),
        "<h2>Definisi</h2>", DEFINITIONS.replace("{min_volume}", angka(settings.get("min_volume", 10))),
    ]
    csp = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
    return ("<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{escape(title)}</title><style>{CSS}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")
