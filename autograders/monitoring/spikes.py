"""Spike detection: when a brand is suddenly talked about much more than usual (a crisis in the making).

Rule (checked every hour)
-------------------------
At the end of each clock hour *t* (WIB), let **V** be the number of mentions in the last 24 hours
(*t* − 24 h, *t*]. The baseline is the seven 24-hour windows before it, (*t* − 48 h, *t* − 24 h], …,
(*t* − 192 h, *t* − 168 h]: their mean **μ** and standard deviation **σ** (sample, n − 1), with σ taken as at
least 1 mention so that a flat, quiet baseline does not alert on one post. The check **alerts** when

    V > μ + k·σ   and   V ≥ min_volume   (default k = 2.0, min_volume = 10)

and reports z = (V − μ) / σ. A check needs 192 hours (eight days) of data up to it — the seven baseline
windows and the current one must lie wholly after the first mention — so no alert is possible in the first
eight days of a data set.

Alerting hours of one brand form one **alert** when they follow each other with gaps of at most
:data:`MERGE_GAP_HOURS` (6) quiet hours. It is reported with ``date``, the day (WIB) of its first alerting
check (the moment to act), and at its peak (largest z): the 24-hour ``volume``, ``z``, ``mean``, ``sd``
and the ``top_terms`` that rose the most in the peak window against its baseline
(:func:`.topics.rising_terms`); ``first_alert`` and ``peak`` give the check times. k = 1.5 alerts early and often,
k = 3 only on large crises.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .loading import WIB
from .metrics import volume_hourly
from .topics import excluded_words, rising_terms

BASELINE_DAYS = 7
MIN_SIGMA = 1.0
MERGE_GAP_HOURS = 6


def spike_table(hourly: pd.Series, k: float = 2.0, min_volume: int = 10) -> pd.DataFrame:
    """For an hourly count series (zero-filled), the check at the end of each hour: columns ``volume``,
    ``mean``, ``sd``, ``threshold``, ``z``, ``alert``; indexed by the check time (end of the hour)."""
    counts = hourly.to_numpy(dtype=float)
    n = len(counts)
    csum = np.concatenate([[0.0], np.cumsum(counts)])
    idx = np.arange(n)
    window = csum[idx + 1] - csum[np.maximum(idx + 1 - 24, 0)]
    full = idx >= 24 * (BASELINE_DAYS + 1) - 1
    base = np.full((BASELINE_DAYS, n), np.nan)
    for i in range(1, BASELINE_DAYS + 1):
        shifted = idx - 24 * i
        ok = shifted >= 0
        base[i - 1, ok] = window[shifted[ok]]
    base[:, ~full] = np.nan
    with np.errstate(invalid="ignore"):
        mean = base.mean(axis=0)
        sd = np.maximum(base.std(axis=0, ddof=1), MIN_SIGMA)
    threshold = mean + k * sd
    z = (window - mean) / sd
    alert = full & (window > threshold) & (window >= min_volume)
    ends = hourly.index + pd.Timedelta(hours=1) if len(hourly) else hourly.index
    return pd.DataFrame({"volume": window.astype(np.int64), "mean": mean, "sd": np.where(full, sd, np.nan),
                         "threshold": threshold, "z": z, "alert": alert}, index=ends)


def _episodes(alert: np.ndarray) -> list[tuple[int, int]]:
    out, start = [], None
    for i, a in enumerate(alert):
        if a and start is None:
            start = i
        elif not a and start is not None:
            out.append((start, i - 1))
            start = None
    if start is not None:
        out.append((start, len(alert) - 1))
    merged: list[tuple[int, int]] = []
    for first, last in out:
        if merged and first - merged[-1][1] - 1 <= MERGE_GAP_HOURS:
            merged[-1] = (merged[-1][0], last)
        else:
            merged.append((first, last))
    return merged


def detect_spikes(mentions: pd.DataFrame, k: float = 2.0, min_volume: int = 10, brand_terms=None,
                  n_terms: int = 5, cache: dict | None = None) -> list[dict]:
    """Alerts for every brand in the long mentions table (see module docstring), in time order.

    ``brand_terms`` ({brand: terms}) keeps the brand's own words out of the top terms.
    """
    if k < 0:
        raise ValueError("k harus >= 0")
    if len(mentions) == 0:
        return []
    hourly = volume_hourly(mentions)
    ts = mentions["timestamp"].dt.tz_convert(WIB)
    alerts = []
    for brand in hourly.columns:
        table = spike_table(hourly[brand], k=k, min_volume=min_volume)
        rows = mentions["brand"] == brand
        exclude = excluded_words((brand_terms or {}).get(brand, ())) | {str(brand).lower()}
        for first, last in _episodes(table["alert"].to_numpy()):
            part = table.iloc[first:last + 1]
            peak_at = part["z"].idxmax()
            peak = table.loc[peak_at]
            in_window = rows & (ts > peak_at - pd.Timedelta(hours=24)) & (ts <= peak_at)
            in_base = rows & (ts > peak_at - pd.Timedelta(hours=24 * (BASELINE_DAYS + 1))) & \
                (ts <= peak_at - pd.Timedelta(hours=24))
            terms = rising_terms(mentions.loc[in_window, "text"], mentions.loc[in_base, "text"], n=n_terms,
                                 exclude=exclude, cache=cache)
            alerts.append({"brand": str(brand), "date": part.index[0].date().isoformat(),
                           "volume": int(peak["volume"]), "z": round(float(peak["z"]), 2),
                           "top_terms": terms, "first_alert": part.index[0].isoformat(),
                           "peak": peak_at.isoformat(), "mean": round(float(peak["mean"]), 2),
                           "sd": round(float(peak["sd"]), 2)})
    alerts.sort(key=lambda a: (a["peak"], a["brand"]))
    return alerts


def latest_check(mentions: pd.DataFrame, now=None, k: float = 2.0, min_volume: int = 10) -> dict[str, dict]:
    """The check a PR team runs right now: for each brand, the last 24 hours before ``now`` (default: the end of
    the hour of the newest mention) against the seven days before. Values ``None`` when there is not enough data."""
    brands = list(mentions["brand"].cat.categories) if isinstance(mentions["brand"].dtype, pd.CategoricalDtype) \
        else list(pd.unique(mentions["brand"]))
    if len(mentions) == 0:
        return {b: {"volume": 0, "mean": None, "sd": None, "threshold": None, "z": None, "alert": False}
                for b in brands}
    ts = mentions["timestamp"].dt.tz_convert(WIB)
    now = ts.max().floor("h") + pd.Timedelta(hours=1) if now is None else pd.Timestamp(now).tz_convert(WIB)
    out = {}
    for b in brands:
        bt = ts[mentions["brand"] == b]
        edges = [now - pd.Timedelta(hours=24 * i) for i in range(BASELINE_DAYS + 2)]
        counts = [int(((bt > edges[i + 1]) & (bt <= edges[i])).sum()) for i in range(BASELINE_DAYS + 1)]
        volume, base = counts[0], np.array(counts[1:], dtype=float)
        enough = ts.min() <= edges[-1]
        if not enough:
            out[b] = {"volume": volume, "mean": None, "sd": None, "threshold": None, "z": None, "alert": False}
            continue
        mean, sd = float(base.mean()), max(float(base.std(ddof=1)), MIN_SIGMA)
        out[b] = {"volume": volume, "mean": round(mean, 2), "sd": round(sd, 2), "threshold": round(mean + k * sd, 2),
                  "z": round((volume - mean) / sd, 2), "alert": bool(volume > mean + k * sd and volume >= min_volume)}
    return out
