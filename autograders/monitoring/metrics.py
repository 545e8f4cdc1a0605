"""Counting what PR teams count: volume, share of voice, engagement, hashtags, authors.

All functions take the long mentions table from :func:`.mentions.match_mentions` (column ``brand``), unless
noted. Definitions used in the course:

Share of voice (*share of voice*, SoV)
    mentions of one brand ÷ mentions of all brands compared (our agency and its peers) × 100, in percent.
    **Reach-weighted** SoV sums each mention's reach instead of counting it (a post's reach is the ``reach``
    column when the platform reports it, else the author's ``followers``). With no mentions at all, SoV is
    undefined (``None``).

Engagement
    engagements of a post = likes + comments + shares. **Engagement rate** = Σ engagements ÷ Σ reach × 100,
    in percent, over the posts whose reach is known and above 0 (reach = the platform's ``reach``, else the
    author's ``followers``, as above). It is a ratio of totals, not the mean of per-post ratios, so one tiny
    account cannot dominate it. With no such post the rate is ``None``.

Volume
    number of mentions per calendar day or per clock hour in WIB (UTC+07:00); days without mentions count 0.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .loading import WIB

HASHTAG_RE = r"#[^\W_]\w*"


def post_reach(df: pd.DataFrame) -> pd.Series:
    """Reach of each post: the platform's reach when given, else the author's followers."""
    reach = df["reach"].astype(float) if "reach" in df else pd.Series(np.nan, index=df.index)
    return reach.where(reach.notna(), df["followers"].astype(float))


def _brands(mentions: pd.DataFrame) -> list[str]:
    b = mentions["brand"]
    return list(b.cat.categories) if isinstance(b.dtype, pd.CategoricalDtype) else list(pd.unique(b))


def date_range(timestamps: pd.Series) -> pd.DatetimeIndex:
    if len(timestamps) == 0:
        return pd.DatetimeIndex([], tz=WIB)
    ts = timestamps.dt.tz_convert(WIB)
    return pd.date_range(ts.min().floor("D"), ts.max().floor("D"), freq="D")


def volume_daily(mentions: pd.DataFrame, days: pd.DatetimeIndex | None = None) -> pd.DataFrame:
    """Mentions per day (rows: days in WIB, columns: brands), zero-filled over ``days`` (default: the span of
    the mentions)."""
    days = date_range(mentions["timestamp"]) if days is None else days
    if len(mentions) == 0:
        return pd.DataFrame(0, index=days, columns=_brands(mentions), dtype="int64")
    day = mentions["timestamp"].dt.tz_convert(WIB).dt.floor("D")
    table = mentions.groupby([day, "brand"], observed=False).size().unstack("brand", fill_value=0)
    return table.reindex(index=days, columns=_brands(mentions), fill_value=0).astype("int64")


def volume_hourly(mentions: pd.DataFrame, profile: bool = False) -> pd.DataFrame:
    """Mentions per clock hour (a zero-filled hourly series), or with ``profile=True`` the total per hour of the
    day 0–23 (the daily rhythm)."""
    brands = _brands(mentions)
    ts = mentions["timestamp"].dt.tz_convert(WIB)
    if profile:
        table = mentions.groupby([ts.dt.hour, "brand"], observed=False).size().unstack("brand", fill_value=0)
        return table.reindex(index=range(24), columns=brands, fill_value=0).astype("int64").rename_axis("jam")
    if len(mentions) == 0:
        return pd.DataFrame(0, index=pd.DatetimeIndex([], tz=WIB), columns=brands, dtype="int64")
    hour = ts.dt.floor("h")
    hours = pd.date_range(hour.min(), hour.max(), freq="h")
    table = mentions.groupby([hour, "brand"], observed=False).size().unstack("brand", fill_value=0)
    return table.reindex(index=hours, columns=brands, fill_value=0).astype("int64")


def share_of_voice(mentions: pd.DataFrame, weight: str | None = None) -> dict[str, float | None]:
    """Share of voice per brand in percent (see module docstring); ``weight="reach"`` for reach-weighted."""
    brands = _brands(mentions)
    if weight not in (None, "reach"):
        raise ValueError("weight harus None atau 'reach'")
    values = post_reach(mentions).fillna(0) if weight == "reach" else pd.Series(1.0, index=mentions.index)
    per = values.groupby(mentions["brand"], observed=False).sum().reindex(brands, fill_value=0)
    total = float(per.sum())
    if total <= 0:
        return {b: None for b in brands}
    return {b: round(float(per[b]) / total * 100, 2) for b in brands}


def engagement(mentions: pd.DataFrame) -> pd.DataFrame:
    """Per brand: likes, comments, shares, total engagements and engagement rate in percent."""
    brands = _brands(mentions)
    eng = mentions[["likes", "comments", "shares"]].astype("int64")
    total = eng.sum(axis=1)
    reach = post_reach(mentions)
    known = reach.notna() & (reach > 0)
    frame = pd.DataFrame({"likes": eng["likes"], "comments": eng["comments"], "shares": eng["shares"],
                          "total": total, "rate_num": total.where(known, 0), "rate_den": reach.where(known, 0),
                          "brand": mentions["brand"]})
    g = frame.groupby("brand", observed=False)[["likes", "comments", "shares", "total", "rate_num", "rate_den"]] \
        .sum().reindex(brands, fill_value=0)
    rate = (g["rate_num"] / g["rate_den"].where(g["rate_den"] > 0) * 100).round(3)
    out = g[["likes", "comments", "shares", "total"]].astype("int64")
    out["rate"] = rate.astype(object).where(rate.notna(), None)
    return out


def top_hashtags(frame: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """Most frequent hashtags (case-insensitive, shown in lower case) in ``frame["text"]``: columns
    ``hashtag``, ``count`` (number of posts using it; a post repeating a hashtag counts once)."""
    text = frame["text"].fillna("").astype(str)
    if len(text) == 0:
        return pd.DataFrame({"hashtag": pd.Series([], dtype=object), "count": pd.Series([], dtype="int64")})
    tags = text.str.lower().str.findall(HASHTAG_RE).explode().dropna()
    pairs = pd.DataFrame({"post": tags.index, "tag": tags.to_numpy()}).drop_duplicates()
    counts = pairs["tag"].value_counts()
    counts = counts.sort_index(kind="stable").sort_values(ascending=False, kind="stable").head(n)
    return pd.DataFrame({"hashtag": counts.index.astype(object), "count": counts.to_numpy(dtype="int64")})


def top_authors(frame: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """Authors with the largest total reach over their posts in ``frame`` (reach as in the module docstring):
    columns ``author``, ``platform`` (their most frequent), ``posts``, ``followers`` (largest seen),
    ``reach``, ``engagements``."""
    if len(frame) == 0:
        return pd.DataFrame(columns=["author", "platform", "posts", "followers", "reach", "engagements"])
    f = pd.DataFrame({"author": frame["author"].astype(str), "platform": frame["platform"].astype(str),
                      "followers": frame["followers"], "reach": post_reach(frame).fillna(0),
                      "engagements": frame[["likes", "comments", "shares"]].sum(axis=1)})
    f = f[f["author"].str.strip() != ""]
    g = f.groupby("author").agg(posts=("reach", "size"), followers=("followers", "max"), reach=("reach", "sum"),
                                engagements=("engagements", "sum"))
    main_platform = f.groupby(["author", "platform"]).size().reset_index(name="k") \
        .sort_values(["author", "k", "platform"], ascending=[True, False, True]).drop_duplicates("author") \
        .set_index("author")["platform"]
    g["platform"] = main_platform
    g = g.reset_index().sort_values(["reach", "author"], ascending=[False, True]).head(n)
    g["reach"] = g["reach"].round().astype("int64")
    return g[["author", "platform", "posts", "followers", "reach", "engagements"]].reset_index(drop=True)
