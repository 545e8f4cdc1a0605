"""Post length on X (Twitter) counted the way X counts it, and a thread splitter.

The rules are the published X "counting characters" rules (twitter-text configuration v3):

* the text is NFC-normalised first;
* code points in 0-4351, 8192-8205, 8208-8223 and 8242-8247 weigh 1, every other code point weighs 2;
* every URL weighs 23 whatever its length, including bare domains with a known top-level domain
  (``example.go.id``, ``www.kemenkes.go.id/berita``); e-mail addresses are not URLs
  (:mod:`autograders.engine.measure.x_urls`, linear in the length of the post);
* an emoji sequence (skin tone, ZWJ family, flag, keycap) weighs 2 as one unit
  (:mod:`autograders.engine.measure.x_emoji`: the sequences of the Emoji 11 data the reference was built with;
  newer sequences count per code point there and here);
* a post is valid when 0 < weighted length <= 280 and it holds no U+FFFE, U+FEFF or U+FFFF.

``tests/test_x_length.py`` checks this module against the reference implementation pinned in ``tools/js``
(twitter-text 3.1.0), on hand-picked posts and on hundreds of generated ones.

This module is written from the published rules; it holds no code from twitter-text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .x_emoji import emoji_spans
from .x_urls import url_unit_spans, utf16_units

__all__ = [
    "MAX_WEIGHTED_LENGTH",
    "URL_WEIGHT",
    "x_weighted_length",
    "x_is_valid",
    "split_x_thread",
]

MAX_WEIGHTED_LENGTH = 280
URL_WEIGHT = 23
EMOJI_WEIGHT = 2
DEFAULT_WEIGHT = 2
LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
INVALID_CHARS = frozenset("\ufffe\ufeff\uffff")


# --------------------------------------------------------------------------------------------
# Counting
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Unit:
    """A piece of the normalised text that X weighs as a whole: a URL, an emoji or one character."""

    start: int
    end: int
    weight: int


def _unit_weight(unit: str) -> int:
    """Weight of one UTF-16 code unit outside URLs and emoji (a surrogate, so any astral character, weighs 2)."""
    code = ord(unit)
    return 1 if any(low <= code <= high for low, high in LIGHT_RANGES) else DEFAULT_WEIGHT


def _units(normalized: str) -> list[_Unit]:
    """The pieces X weighs, left to right, as X walks the text: in UTF-16 code units, a URL first, then an
    emoji, else one character (a surrogate pair together). Positions are character indices into ``normalized``."""
    units, owner = utf16_units(normalized)
    unit_of = [0] * (len(normalized) + 1)
    for index in range(len(units) - 1, -1, -1):
        unit_of[owner[index]] = index
    unit_of[len(normalized)] = len(units)
    urls = dict(url_unit_spans(units))
    emoji = {unit_of[start]: unit_of[end] for start, end in emoji_spans(normalized).items()}
    pieces: list[_Unit] = []
    n, i = len(units), 0
    while i < n:
        if i in urls:
            end, weight = min(urls[i], n), URL_WEIGHT
        elif i in emoji:
            end, weight = emoji[i], EMOJI_WEIGHT
        elif "\ud800" <= units[i] <= "\udbff" and i + 1 < n and "\udc00" <= units[i + 1] <= "\udfff":
            end, weight = i + 2, DEFAULT_WEIGHT
        else:
            end, weight = i + 1, _unit_weight(units[i])
        pieces.append(_Unit(owner[i], owner[end], weight))
        i = end
    return pieces


def _require_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"Teks unggahan harus berupa string, bukan {type(text).__name__}.")
    return text


def x_weighted_length(text: str) -> int:
    """Weighted length of ``text`` as X counts it (0 for an empty text)."""
    normalized = unicodedata.normalize("NFC", _require_text(text))
    return sum(unit.weight for unit in _units(normalized))


def x_is_valid(text: str, limit: int = MAX_WEIGHTED_LENGTH) -> bool:
    """True when X would accept ``text`` as one post: not empty, within ``limit``, no invalid characters."""
    normalized = unicodedata.normalize("NFC", _require_text(text))
    if INVALID_CHARS.intersection(normalized):
        return False
    return 0 < x_weighted_length(normalized) <= limit


# --------------------------------------------------------------------------------------------
# Thread splitting
# --------------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?\u2026]['\"\u201d\u2019)]*(\s+)")


def _sentences(text: str) -> list[str]:
    """Split after a sentence end (``.!?…``, then any closing quotes or brackets) followed by white space."""
    text = text.strip()
    parts, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        parts.append(text[start:match.start(1)])
        start = match.end(1)
    parts.append(text[start:])
    return [s for s in (part.strip() for part in parts) if s]


def _hard_pieces(word: str, budget: int, weights: "_Weights") -> list[str]:
    """Cut one over-long word between X units (never inside a URL or an emoji)."""
    pieces: list[str] = []
    current_start, current_weight = 0, 0
    for unit in weights.units(word):
        if current_weight + unit.weight > budget and unit.start > current_start:
            pieces.append(word[current_start:unit.start])
            current_start, current_weight = unit.start, 0
        current_weight += unit.weight
    pieces.append(word[current_start:])
    return pieces


class _Weights(dict):
    """Weighted lengths (and X units) of the pieces of one text, each computed once: a thread is packed several
    times while the width of its numbering settles."""

    def __init__(self) -> None:
        super().__init__()
        self._units: dict[str, list[_Unit]] = {}

    def __missing__(self, piece: str) -> int:
        self[piece] = weight = x_weighted_length(piece)
        return weight

    def units(self, word: str) -> list[_Unit]:
        if word not in self._units:
            self._units[word] = _units(word)
        return self._units[word]


def _chunks(sentence: str, budget: int, weights: _Weights) -> list[str]:
    """A sentence that fits, or its words (over-long words cut) when it does not."""
    if weights[sentence] <= budget:
        return [sentence]
    chunks: list[str] = []
    for word in sentence.split():
        chunks.extend([word] if weights[word] <= budget else _hard_pieces(word, budget, weights))
    return chunks


def _pack(sentences: list[str], budget: int, weights: _Weights) -> list[str]:
    """Greedy packing of sentences (or their words) into posts within ``budget``.

    A post's weight is the sum of its pieces' weights plus one per joining space: nothing X weighs as one unit
    (a URL, an emoji sequence) reaches across a space, so each piece is weighed once, not each growing post."""
    parts: list[str] = []
    current, current_weight = "", 0
    for sentence in sentences:
        for chunk in _chunks(sentence, budget, weights):
            chunk_weight = weights[chunk]
            if current and current_weight + 1 + chunk_weight <= budget:
                current, current_weight = f"{current} {chunk}", current_weight + 1 + chunk_weight
            elif not current and chunk_weight <= budget:
                current, current_weight = chunk, chunk_weight
            else:
                if current:
                    parts.append(current)
                current, current_weight = chunk, chunk_weight
    if current:
        parts.append(current)
    return parts


def split_x_thread(text: str, limit: int = MAX_WEIGHTED_LENGTH, numbering: bool = True) -> list[str]:
    """Split ``text`` into X posts of at most ``limit`` weighted characters.

    Posts break at sentence ends; a sentence longer than a post breaks between words, and a word
    longer than a post between characters. With ``numbering`` every post of a thread of two or more
    ends with " i/n", counted inside the limit. A text that fits in one post is returned as it is.
    """
    text = _require_text(text)
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 10:
        raise ValueError("Batas panjang unggahan harus bilangan bulat minimal 10.")
    if not text.strip():
        return []
    if x_weighted_length(text.strip()) <= limit:
        return [text.strip()]
    sentences = _sentences(text)
    weights = _Weights()
    if not numbering:
        return _pack(sentences, limit, weights)
    total_guess = 2
    while True:
        reserve = len(f" {total_guess}/{total_guess}")
        parts = _pack(sentences, limit - reserve, weights)
        if len(str(len(parts))) <= len(str(total_guess)):
            count = len(parts)
            return [f"{part} {index}/{count}" for index, part in enumerate(parts, start=1)]
        total_guess = len(parts)
