"""Lexicon-based sentiment for Indonesian social media posts (the project's own lexicon and rules).

How one post is scored
----------------------
* The text is tokenised and slang is normalised (see :mod:`.text`): ``gak bagus`` → ``tidak bagus``.
* Opinion terms come from ``data/lexicon.tsv`` (score −3…+3); phrases of two or three words are matched first
  (``terima kasih``, ``mati lampu``). A word not in the lexicon is tried again without common particles and
  affixes (``kecewanya`` → ``kecewa``, ``kekecewaan`` → ``kecewa``).
* **Negation**: a negator (``tidak``, ``bukan``, ``bukannya``, ``belum``, ``tanpa``, ``jangan``) reverses the
  first opinion word within the next three tokens of the same clause. A negated positive word counts −0.8×
  its score (``tidak bagus``); a negated negative word counts only −0.5× (``tidak buruk`` is weakly positive).
* **Intensifiers** multiply an opinion word: before it (``sangat`` ×1.5, ``agak`` ×0.6, ``kurang`` ×−0.6) or
  after it (``banget`` ×1.5, ``sekali`` ×1.4).
* **Contrast**: after ``tapi``/``namun``/``sayangnya``/``padahal``, everything before counts half and the rest
  counts 1.5× (``bagus sih, tapi lambat`` is negative). A clause opened by ``walaupun``/``meskipun`` counts half
  (up to the next comma).
* **Emoji** add their own score from ``data/emoji.tsv`` (never negated).

The sum *S* is squashed to ``score = tanh(S / 4)`` in −1…+1. The label is ``positive`` when
score ≥ 0.15, ``negative`` when score ≤ −0.15, ``neutral`` otherwise (:data:`THRESHOLD`).

Net sentiment (the one definition used everywhere in this course)
-----------------------------------------------------------------
``net = (positive − negative) / all posts × 100``, in percentage points from −100 to +100, where *all posts*
includes neutral ones. Example: 50 positive, 30 negative, 20 neutral → net = +20. With no posts, net is
``None`` (undefined), not 0.
"""
from __future__ import annotations

import math
from typing import Iterable

import numpy as np
import pandas as pd

from .resources import Resources, load_resources
from .text import CLAUSE_PUNCT, content_filter, tokens as _tokens

THRESHOLD = 0.15
SCALE = 4.0
NEGATION_WINDOW = 3
NEGATE_POSITIVE = -0.8
NEGATE_NEGATIVE = -0.5
BEFORE_CONTRAST = 0.5
AFTER_CONTRAST = 1.5
CONCESSIVE = 0.5

_PARTICLES = ("nya", "lah", "kah", "pun", "ku", "mu")
_SUFFIXES = ("kan", "an", "i")
_PREFIXES = ("di", "ter", "ber", "ke", "se", "mem", "men", "meng", "meny", "me", "pe", "per")


def _lookup_word(tok: str, res: Resources) -> float | None:
    lex = res.lexicon
    score = lex.get(tok)
    if score is not None:
        return score
    if "-" in tok:  # reduplication: keren-keren → keren
        head = tok.split("-", 1)[0]
        return lex.get(head)
    stems = [tok]
    for p in _PARTICLES:
        if tok.endswith(p) and len(tok) - len(p) >= 3:
            stems.append(tok[: -len(p)])
            break
    for s in list(stems):
        if s.startswith("ke") and s.endswith("an") and len(s) > 6:
            stems.append(s[2:-2])
        for pre in _PREFIXES:
            if s.startswith(pre) and len(s) - len(pre) >= 4:
                stems.append(s[len(pre):])
    for s in stems[1:]:
        score = lex.get(s)
        if score is not None:
            return score
    return None


def _match_phrase(toks: list[str], i: int, table, res: Resources) -> int:
    """Length of the longest phrase from ``table`` starting at ``i`` (0 if none)."""
    if toks[i] not in res.phrase_starts:
        return 0
    for n in range(min(res.max_phrase, len(toks) - i), 1, -1):
        if tuple(toks[i:i + n]) in table:
            return n
    return 0


PLAIN = (False, False, False, None, False, None, None, None)


def _classify(tok: str, res: Resources) -> tuple:
    """What one token can be, computed once per token and batch:
    (starts a phrase, is "but", is "although", emoji score, is negator, after-multiplier, before-multiplier,
    lexicon score). Tokens that cannot carry sentiment (numbers, mentions, hashtags, URLs) are :data:`PLAIN`."""
    if tok[0].isdigit() or tok[0] in "@#" or tok.startswith(("http", "www.")):
        return PLAIN
    info = (tok in res.phrase_starts, (tok,) in res.contrast_but, (tok,) in res.contrast_although,
            res.emoji.get(tok), tok in res.negators, res.intensifiers_after.get(tok),
            res.intensifiers_before.get(tok), _lookup_word(tok, res))
    return PLAIN if info == PLAIN else info


def score_tokens(toks: list[str], res: Resources, memo: dict | None = None) -> float:
    """Raw sentiment sum *S* of normalised tokens (see module docstring).

    ``memo`` (token → :func:`_classify` result) may be shared by the calls of one batch; it belongs to the caller.
    """
    memo = {} if memo is None else memo
    memo_get = memo.get

    def info(word: str) -> tuple:
        value = memo_get(word)
        if value is None:
            value = memo[word] = _classify(word, res)
        return value

    total = 0.0
    weight = 1.0          # clause weight: contrast and concession
    concessive = False
    negate_left = 0       # tokens left in the negation window
    pending = 1.0         # multiplier from an intensifier placed before the next opinion word
    last_value = 0.0      # contribution of the last opinion word (for "banget" after it)
    last_pos = -10
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        if tok[0] in CLAUSE_PUNCT:
            negate_left, pending = 0, 1.0
            if concessive and "," in tok:
                concessive, weight = False, weight / CONCESSIVE
            i += 1
            continue
        inf = memo_get(tok)
        if inf is None:
            inf = memo[tok] = _classify(tok, res)
        if inf is PLAIN:
            if negate_left:
                negate_left -= 1
            i += 1
            continue
        starts, is_but, is_although, emoji, is_neg, after, before, lex = inf
        k = (_match_phrase(toks, i, res.contrast_but, res) if starts else 0) or (1 if is_but else 0)
        if k:
            total *= BEFORE_CONTRAST
            weight, concessive, negate_left, pending = AFTER_CONTRAST, False, 0, 1.0
            i += k
            continue
        k = (_match_phrase(toks, i, res.contrast_although, res) if starts else 0) or (1 if is_although else 0)
        if k:
            if not concessive:
                concessive, weight = True, weight * CONCESSIVE
            i += k
            continue
        if emoji is not None:
            total += emoji * weight
            i += 1
            continue
        k = _match_phrase(toks, i, res.phrases, res) if starts else 0
        if k:
            value = res.phrases[tuple(toks[i:i + k])]
        else:
            k = 1
            if is_neg:
                negate_left = NEGATION_WINDOW
                i += 1
                continue
            if after is not None and i - last_pos <= 2 and last_value:
                total += last_value * (after - 1.0) * weight
                last_value = 0.0
                i += 1
                continue
            if before is not None and i + 1 < n and info(toks[i + 1])[7] is not None:
                pending *= before
                i += 1
                continue
            value = lex
        if value is None:
            if negate_left:
                negate_left -= 1
            i += k
            continue
        value *= pending
        pending = 1.0
        if negate_left:
            value *= NEGATE_POSITIVE if value > 0 else NEGATE_NEGATIVE
            negate_left = 0
        last_value, last_pos = value, i + k - 1
        total += value * weight
        i += k
    return total


def label_of(score: float) -> str:
    if score >= THRESHOLD:
        return "positive"
    if score <= -THRESHOLD:
        return "negative"
    return "neutral"


def _score_text(text: str, res: Resources, memo: dict | None = None) -> float:
    return math.tanh(score_tokens(_tokens(text, res), res, memo) / SCALE)


def sentiment(text: str) -> dict:
    """Sentiment of one post: ``{"label": "positive"|"negative"|"neutral", "score": float in -1..1}``."""
    if not isinstance(text, str):
        text = "" if text is None or (isinstance(text, float) and math.isnan(text)) else str(text)
    score = _score_text(text, load_resources())
    return {"label": label_of(score), "score": round(score, 4)}


LABELS = np.array(["negative", "neutral", "positive"])


def sentiment_frame(texts: Iterable[str], words: dict | None = None) -> pd.DataFrame:
    """Sentiment of many posts as a DataFrame (columns ``label``, ``score``; same order and index).

    Each distinct text is tokenised and scored once (duplicates and re-shares are common), so the cost grows
    with the number of distinct texts, not the number of rows. If a dict ``words`` is given, it is filled with
    text → content words (:func:`.text.content_filter`) from the same tokenisation, for the topic analyses.
    """
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
    codes, uniques = pd.factorize(series.fillna("").astype(str), sort=False)
    res = load_resources()
    memo: dict = {}
    scores = np.empty(len(uniques), dtype=float)
    for j, text in enumerate(uniques):
        toks = _tokens(text, res)
        scores[j] = math.tanh(score_tokens(toks, res, memo) / SCALE)
        if words is not None:
            words[text] = content_filter(toks, res)
    per_row = scores[codes] if len(codes) else np.array([], dtype=float)
    idx = np.where(per_row >= THRESHOLD, 2, np.where(per_row <= -THRESHOLD, 0, 1))
    labels = pd.Categorical.from_codes(idx, categories=list(LABELS)) if len(idx) else \
        pd.Categorical([], categories=list(LABELS))
    return pd.DataFrame({"label": labels, "score": per_row.round(4)}, index=series.index)


def net_sentiment(labels) -> dict:
    """Counts and net sentiment of a collection of labels (see the module docstring for the definition)."""
    s = pd.Series(labels, dtype=object)
    pos = int((s == "positive").sum())
    neg = int((s == "negative").sum())
    neu = int((s == "neutral").sum())
    total = pos + neg + neu
    net = None if total == 0 else round((pos - neg) / total * 100, 2)
    return {"positive": pos, "negative": neg, "neutral": neu, "net": net}
