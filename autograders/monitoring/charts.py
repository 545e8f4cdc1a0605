"""Charts for the monitoring report, drawn with matplotlib's Agg backend into PNG bytes.

Each function builds its own ``Figure`` on an Agg canvas (no pyplot, and the process-wide backend is left
alone, so inline plots in a notebook keep working); charts can be drawn from several threads.
Labels are in Indonesian; dates on the axes are short Indonesian dates.
"""
from __future__ import annotations

import io

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .dates import tanggal_pendek

COLOURS = ("#1f5fa8", "#d9822b", "#3a9a5b", "#8e44ad", "#c0392b", "#7f8c8d")


def _safe(label) -> str:
    """Plain text for matplotlib (a "$" in trainee data must not start mathtext)."""
    return str(label).replace("$", r"\$")


def _png(fig: Figure) -> bytes:
    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, bbox_inches="tight", metadata={"Software": None})
    return buf.getvalue()


def _date_ticks(ax, dates: list[str]) -> None:
    if not dates:
        return
    step = max(1, len(dates) // 10)
    ticks = list(range(0, len(dates), step))
    ax.set_xticks(ticks)
    ax.set_xticklabels([tanggal_pendek(dates[i]) for i in ticks], rotation=45, ha="right", fontsize=8)


def _finish_daily(fig, ax, dates: list[str], ylabel: str, title: str, legend: str) -> bytes:
    """Date axis, labels, grid and (where ``legend`` names a place) the legend of a chart by day, as PNG."""
    _date_ticks(ax, dates)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(alpha=0.3)
    if legend:
        ax.legend(fontsize=8, loc=legend)
    return _png(fig)


def volume_chart(daily: dict[str, dict[str, int]], spikes: list[dict]) -> bytes:
    """Mentions per day per brand; alert dates marked with a red triangle."""
    fig = Figure(figsize=(9, 3.6))
    ax = fig.add_subplot()
    dates = sorted({d for series in daily.values() for d in series})
    pos = {d: i for i, d in enumerate(dates)}
    for i, (name, series) in enumerate(daily.items()):
        ax.plot(range(len(dates)), [series.get(d, 0) for d in dates], label=_safe(name), color=COLOURS[i % len(COLOURS)],
                linewidth=1.6)
    marked = False
    for s in spikes:
        if s["date"] in pos and s["brand"] in daily:
            y = daily[s["brand"]].get(s["date"], 0)
            ax.scatter([pos[s["date"]]], [y], marker="v", s=90, color="#c0392b", zorder=5,
                       label=None if marked else "lonjakan")
            marked = True
    return _finish_daily(fig, ax, dates, "jumlah sebutan per hari", "Volume sebutan harian", "upper left" if daily else "")


def share_chart(share: dict[str, float | None]) -> bytes:
    """Horizontal bars of share of voice in percent."""
    fig = Figure(figsize=(6, 0.6 + 0.5 * max(1, len(share))))
    ax = fig.add_subplot()
    names = list(share)
    values = [share[n] or 0 for n in names]
    ax.barh([_safe(n) for n in names][::-1], values[::-1], color=[COLOURS[i % len(COLOURS)] for i in range(len(names))][::-1])
    for y, v in enumerate(values[::-1]):
        ax.text(v, y, f" {v:.1f}%".replace(".", ","), va="center", fontsize=9)
    ax.set_xlim(0, max(values + [1]) * 1.2)
    ax.set_xlabel("pangsa suara (%)")
    ax.set_title("Pangsa suara (share of voice)")
    return _png(fig)


def sentiment_chart(net_daily: dict[str, dict[str, float | None]], ours: list[str] | None = None) -> bytes:
    """Net sentiment per day per brand (percentage points; gaps on days without mentions); the names in
    ``ours`` are drawn bold, the peers light."""
    fig = Figure(figsize=(9, 3.4))
    ax = fig.add_subplot()
    dates = sorted({d for series in net_daily.values() for d in series})
    for i, (name, series) in enumerate(net_daily.items()):
        ys = [series.get(d) for d in dates]
        bold = ours is None or name in ours
        ax.plot(range(len(dates)), [float("nan") if y is None else y for y in ys], label=_safe(name),
                color=COLOURS[i % len(COLOURS)], linewidth=1.8 if bold else 1.0, alpha=1.0 if bold else 0.45)
    ax.axhline(0, color="#555", linewidth=0.8)
    ax.set_ylim(-100, 100)
    return _finish_daily(fig, ax, dates, "sentimen bersih (poin %)", "Sentimen bersih harian",
                         "lower left" if net_daily else "")


def hashtag_chart(tags: list[list]) -> bytes:
    """Horizontal bars of the most used hashtags."""
    fig = Figure(figsize=(6, 0.6 + 0.35 * max(1, len(tags))))
    ax = fig.add_subplot()
    labels = [_safe(t) for t, _ in tags][::-1]
    counts = [c for _, c in tags][::-1]
    ax.barh(labels, counts, color=COLOURS[0])
    ax.set_xlabel("jumlah unggahan")
    ax.set_title("Tagar teratas")
    return _png(fig)
