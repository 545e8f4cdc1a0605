"""``monitor()``: every analysis of this package in one JSON-ready dictionary (the contract of the CLI).

Keys: ``rows`` (posts analysed, after removing duplicates), ``mentions`` {name: n}, ``share_of_voice``
{name: percent}, ``daily`` {name: {date: n}}, ``engagement`` {name: {"total", "rate", …}}, ``sentiment``
{name: {"positive", "negative", "neutral", "net"}}, ``spikes`` [{"brand", "date", "volume", "z", "top_terms",
…}], and for reports and notebooks also ``period``, ``brands``, ``peers``, ``duplicates_removed``,
``sentiment_daily``, ``latest``, ``top_hashtags``, ``top_authors``, ``top_bigrams``, ``settings``.
Definitions: :mod:`.metrics` (share of voice, engagement rate), :mod:`.sentiment` (net sentiment),
:mod:`.spikes` (spike rule). Dates are ``YYYY-MM-DD`` in WIB; percentages have two decimals.
"""
from __future__ import annotations

from typing import Mapping, Sequence

import pandas as pd

from .errors import MonitoringInputError
from .loading import WIB
from .mentions import match_mentions, validate_brands
from .metrics import date_range, engagement, share_of_voice, top_authors, top_hashtags, volume_daily
from .sentiment import net_sentiment, sentiment_frame
from .spikes import detect_spikes, latest_check
from .topics import excluded_words, top_bigrams


def _num(x):
    if x is None:
        return None
    try:
        if pd.isna(x):
            return None
    except (TypeError, ValueError):
        pass
    return float(x) if isinstance(x, float) or hasattr(x, "dtype") and x.dtype.kind == "f" else int(x)


def all_brands(brands: Mapping[str, Sequence[str]],
               peers: Mapping[str, Sequence[str]] | None) -> tuple[dict, dict]:
    b = validate_brands(brands)
    p = validate_brands(peers or {})
    if not b:
        raise MonitoringInputError("Sebutkan minimal satu merek (--brand NAMA=istilah1,istilah2).")
    clash = set(b) & set(p)
    if clash:
        raise MonitoringInputError(f"Nama dipakai dua kali sebagai merek dan pembanding: {', '.join(sorted(clash))}.")
    return b, p


def with_sentiment(mentions: pd.DataFrame, words: dict | None = None) -> pd.DataFrame:
    """Add ``sentiment`` and ``sentiment_score`` columns, scoring each distinct post once (``words``: see
    :func:`.sentiment.sentiment_frame`)."""
    if len(mentions) == 0:
        return mentions.assign(sentiment=pd.Series([], dtype=object), sentiment_score=pd.Series([], dtype=float))
    posts = mentions.drop_duplicates("post")[["post", "text"]]
    scored = sentiment_frame(posts["text"].reset_index(drop=True), words=words)
    scored.index = posts["post"].to_numpy()
    return mentions.assign(sentiment=scored["label"].reindex(mentions["post"]).to_numpy(),
                           sentiment_score=scored["score"].reindex(mentions["post"]).to_numpy())


def sentiment_daily(mentions: pd.DataFrame, days: pd.DatetimeIndex) -> dict[str, dict[str, float | None]]:
    out = {}
    day = mentions["timestamp"].dt.tz_convert(WIB).dt.floor("D") if len(mentions) else None
    for b in mentions["brand"].cat.categories:
        sel = mentions["brand"] == b
        series = {}
        if len(mentions):
            frame = pd.DataFrame({"day": day[sel], "s": mentions.loc[sel, "sentiment"].astype(str)})
            counts = frame.groupby(["day", "s"]).size().unstack("s", fill_value=0)
            counts = counts.reindex(index=days, fill_value=0)
            for label in ("positive", "negative", "neutral"):
                if label not in counts:
                    counts[label] = 0
            total = counts[["positive", "negative", "neutral"]].sum(axis=1)
            net = ((counts["positive"] - counts["negative"]) / total.where(total > 0) * 100).round(2)
            series = {d.date().isoformat(): (None if pd.isna(v) else float(v)) for d, v in net.items()}
        else:
            series = {d.date().isoformat(): None for d in days}
        out[str(b)] = series
    return out


def monitor(df: pd.DataFrame, brands: Mapping[str, Sequence[str]],
            peers: Mapping[str, Sequence[str]] | None = None, k: float = 2.0, reach_weighted: bool = False,
            min_volume: int = 10, top_n: int = 10) -> dict:
    """Run every analysis on the mentions table ``df`` for ``brands`` (ours) and ``peers``; returns the JSON
    contract described in the module docstring."""
    b, p = all_brands(brands, peers)
    terms = {**b, **p}
    names = list(terms)
    words: dict = {}  # text → content words, shared by the analyses of this call only
    mentions = with_sentiment(match_mentions(df, terms), words)
    days = date_range(df["timestamp"])
    daily = volume_daily(mentions, days)
    eng = engagement(mentions)
    sov = share_of_voice(mentions, weight="reach" if reach_weighted else None)
    result = {
        "rows": int(len(df)),
        "duplicates_removed": int(df.attrs.get("duplicates_removed", 0)),
        "period": {"start": days[0].date().isoformat(), "end": days[-1].date().isoformat()} if len(days) else None,
        "brands": list(b), "peers": list(p),
        "mentions": {n: int((mentions["brand"] == n).sum()) for n in names},
        "share_of_voice": sov,
        "daily": {n: {d.date().isoformat(): int(v) for d, v in daily[n].items()} for n in names},
        "engagement": {n: {"total": int(eng.loc[n, "total"]), "rate": _num(eng.loc[n, "rate"]),
                           "likes": int(eng.loc[n, "likes"]), "comments": int(eng.loc[n, "comments"]),
                           "shares": int(eng.loc[n, "shares"])} for n in names},
        "sentiment": {n: net_sentiment(mentions.loc[mentions["brand"] == n, "sentiment"]) for n in names},
        "sentiment_daily": sentiment_daily(mentions, days),
        "spikes": detect_spikes(mentions, k=k, min_volume=min_volume, brand_terms=terms, cache=words),
        "latest": latest_check(mentions, k=k, min_volume=min_volume),
        "top_hashtags": [[h, int(c)] for h, c in top_hashtags(mentions.drop_duplicates("post"), top_n)
                         .itertuples(index=False)],
        "top_authors": {n: [{k2: _num(v) if k2 not in ("author", "platform") else v for k2, v in row.items()}
                            for row in top_authors(mentions[mentions["brand"] == n], top_n).to_dict("records")]
                        for n in names},
        "top_bigrams": {n: [[g, int(c)] for g, c in top_bigrams(
            mentions.loc[mentions["brand"] == n, "text"], top_n,
            exclude=excluded_words(terms[n]) | {n.lower()}, cache=words).itertuples(index=False)] for n in names},
        "settings": {"k": k, "min_volume": min_volume,
                     "share_of_voice": "reach" if reach_weighted else "mentions", "terms": terms},
    }
    return result
