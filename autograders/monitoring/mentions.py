"""Finding mentions of a brand (our agency) and its peers from term lists.

Matching rule
-------------
A post mentions a brand when its text contains one of the brand's terms as a **whole word**, ignoring case:

* ``Sukamaju`` matches "Pemkab Sukamaju", "SUKAMAJU!" and the hashtag "#Sukamaju", but not "Sukamajuku",
  the hashtag "#SukamajuBersih" or the handle "@pemkabsukamaju" (list hashtags and handles as their own terms);
* ``@pemkabsukamaju`` and ``#SukamajuBersih`` match exactly that handle or hashtag;
* a term of several words (``Pemkab Sukamaju``) allows any spaces between its words.

One post can mention several brands; it then counts once for each of them.
"""
from __future__ import annotations

import re
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from .errors import MonitoringInputError


def term_regex(term: str) -> str:
    term = term.strip()
    body = r"\s+".join(re.escape(part) for part in term.split())
    before = r"(?<![\w@#])" if term[0] in "@#" else r"(?<![\w@])"
    return before + body + r"(?!\w)"


def brand_pattern(terms: Sequence[str]) -> re.Pattern | None:
    terms = [t for t in (str(t).strip() for t in terms) if t]
    if not terms:
        return None
    return re.compile("|".join(term_regex(t) for t in sorted(set(terms), key=len, reverse=True)), re.IGNORECASE)


def validate_brands(brands: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    if not isinstance(brands, Mapping):
        raise MonitoringInputError("Daftar merek harus berupa pasangan nama → daftar istilah.")
    out: dict[str, list[str]] = {}
    for name, terms in brands.items():
        name = str(name).strip()
        if not name:
            raise MonitoringInputError("Nama merek tidak boleh kosong.")
        if isinstance(terms, str):
            terms = [terms]
        clean = [str(t).strip() for t in terms if str(t).strip()]
        if not clean:
            raise MonitoringInputError(f"Merek '{name}' tidak punya istilah pencarian.")
        out[name] = clean
    return out


def mention_matrix(df: pd.DataFrame, brands: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """Boolean table: one row per post (same index as ``df``), one column per brand."""
    brands = validate_brands(brands)
    text = df["text"].fillna("").astype(str) if "text" in df else pd.Series([], dtype=str)
    codes, uniques = pd.factorize(text)  # each distinct text is searched once
    lowered = pd.Series(uniques, dtype=object).str.lower()
    cols = {}
    for name, terms in brands.items():
        pattern = brand_pattern(terms)
        if len(text) == 0:
            cols[name] = np.zeros(0, dtype=bool)
            continue
        # cheap literal pre-filter, then the word-boundary regex only where a term occurs at all
        maybe = np.zeros(len(lowered), dtype=bool)
        for term in {t.strip().lower().split()[0] for t in terms}:
            maybe |= lowered.str.contains(term, regex=False).to_numpy()
        hit = np.zeros(len(lowered), dtype=bool)
        if maybe.any():
            hit[maybe] = lowered[maybe].str.contains(pattern, regex=True).to_numpy()
        cols[name] = hit[codes]
    return pd.DataFrame(cols, index=df.index, columns=list(brands)).astype(bool)


def match_mentions(df: pd.DataFrame, brands: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """Mentions in long form: the columns of ``df`` plus ``brand`` (categorical, in the given order) and
    ``post`` (the index of the post in ``df``). A post mentioning two brands gives two rows."""
    matrix = mention_matrix(df, brands)
    names = list(matrix.columns)
    parts = []
    for name in names:
        sel = df[matrix[name].to_numpy()]
        parts.append(sel.assign(brand=name, post=sel.index))
    if parts:
        out = pd.concat(parts, ignore_index=True)
    else:
        out = df.iloc[0:0].assign(brand=pd.Series([], dtype=object), post=pd.Series([], dtype="int64"))
    out["brand"] = pd.Categorical(out["brand"], categories=names)
    return out
