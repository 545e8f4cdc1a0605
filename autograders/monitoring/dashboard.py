"""The monitoring dashboard's view: a summary table, the volume chart and spike alerts for a
``monitoring.monitor`` result, in one Indonesian number and date convention (``2,5``; ``16 November 2026``).

Drawn by the JupyterLab tool (:class:`autograders.widgets.MonitoringDashboard`) and, at book-build time, for the
course data set at each threshold the tool offers (:func:`course_dashboards`), so the built book shows the same
charts without a server.
"""
from __future__ import annotations

import html
from types import MappingProxyType

# The course data set (``monitoring.SAMPLE_PATH``): our fictional regency and its two peers, with the terms
# that name them in the posts. Read-only, so no caller can change them for another.
SAMPLE_BRANDS = MappingProxyType({"Sukamaju": ("Sukamaju", "@pemkabsukamaju", "#SukamajuMelayani", "#SukamajuBersih")})
SAMPLE_PEERS = MappingProxyType({"Mekarsari": ("Mekarsari", "@pemkabmekarsari"),
                                 "Tirtajaya": ("Tirtajaya", "@pemkottirtajaya")})
K_CHOICES = (1.0, 1.5, 2.0, 2.5, 3.0)  # the spike threshold k the tools offer
DEFAULT_K = 2.0


def k_text(k: float) -> str:
    """The threshold as the dashboard shows it: one decimal, Indonesian comma (``2,5``)."""
    from .report_html import angka

    return angka(float(k), 1)


def _png_img(png: bytes, alt: str) -> str:
    import base64

    data = base64.b64encode(png).decode("ascii")
    return f"<img src='data:image/png;base64,{data}' alt='{html.escape(alt)}' style='max-width:100%;height:auto'>"


def render_dashboard(result: dict, charts: bool = True) -> str:
    """The dashboard fragment for a ``monitoring.monitor`` result: a summary table, the volume chart and one
    alert per spike. Every name and term from the data is escaped; the chart is an embedded PNG."""
    from . import charts as mcharts
    from .dates import tanggal
    from .report_html import angka

    ours = set(result.get("brands", []))
    rows = []
    for name, count in result["mentions"].items():
        share = result["share_of_voice"].get(name)
        net = result["sentiment"][name]["net"]
        rows.append(
            f"<tr data-brand='{html.escape(name)}'><td>{html.escape(name)}</td>"
            f"<td>{'merek kita' if name in ours else 'pembanding'}</td>"
            f"<td class='n' data-value='mentions'>{angka(count)}</td>"
            f"<td class='n' data-value='share'>{angka(share, 1)}{'%' if share is not None else ''}</td>"
            f"<td class='n' data-value='net'>{'' if net is None or net <= 0 else '+'}{angka(net, 1)}</td></tr>")
    table = ("<table class='khd-dash-table'><thead><tr><th>Nama</th><th>Peran</th><th>Sebutan</th>"
             "<th>Pangsa suara</th><th>Sentimen bersih</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    spikes = result.get("spikes", [])
    k = k_text(result.get("settings", {}).get("k", DEFAULT_K))
    if spikes:
        alerts = "".join(
            f"<div class='khd-alert' data-brand='{html.escape(s['brand'])}' data-date='{html.escape(s['date'])}'>"
            f"<b>Lonjakan: {html.escape(s['brand'])}, {html.escape(tanggal(s['date']))}</b> — "
            f"{angka(s['volume'])} sebutan dalam 24 jam (z = {angka(s['z'], 1)}). Istilah yang naik: "
            f"{', '.join(html.escape(t) for t in s.get('top_terms', [])) or '–'}</div>" for s in spikes)
    else:
        alerts = f"<p class='khd-calm'>Tidak ada lonjakan di atas rata-rata 7 hari + {k}·σ pada periode ini.</p>"
    period = result.get("period")
    span = f"{tanggal(period['start'])} – {tanggal(period['end'])}" if period else "–"
    chart = _png_img(mcharts.volume_chart(result["daily"], spikes), "Grafik volume sebutan harian") if charts else ""
    style = ("<style>.khd-dash table{border-collapse:collapse;margin:.5em 0}.khd-dash th,.khd-dash td{border:1px solid #ccc;"
             "padding:.3em .6em;white-space:normal;overflow-wrap:anywhere}.khd-dash td.n{text-align:right}"
             "@media (max-width:480px){.khd-dash table{font-size:.85em}.khd-dash th,.khd-dash td{padding:.2em .3em}}.khd-alert{background:#fdecea;border-left:4px solid #c0392b;"
             "padding:.4em .7em;margin:.3em 0}.khd-calm{background:#eafaf1;border-left:4px solid #3a9a5b;padding:.4em .7em}"
             "</style>")
    return (style + "<div class='khd-dash khd-report'>"
            f"<div class='khd-small'>Periode: {html.escape(span)} (WIB) · {angka(result.get('rows', 0))} unggahan · "
            f"ambang k = {k}</div>"
            + table + chart + f"<h4>Peringatan lonjakan ({len(spikes)})</h4>" + alerts + "</div>")


def course_dashboards(k_choices=K_CHOICES) -> dict[str, str]:
    """The dashboard over the whole course data set, once per threshold k (``"2,0"`` -> HTML fragment)."""
    from . import SAMPLE_PATH, load_mentions, monitor

    df = load_mentions(SAMPLE_PATH)
    brands = {name: list(terms) for name, terms in SAMPLE_BRANDS.items()}
    peers = {name: list(terms) for name, terms in SAMPLE_PEERS.items()}
    return {k_text(k): render_dashboard(monitor(df, brands=brands, peers=peers, k=k)) for k in k_choices}
