"""Numbers as trainees write them: digits the Indonesian way (``1.234``; ``61,44``; ``Rp125.000,00``) or the
English way (``61.44``), and numbers in words (*sepuluh*, *dua puluh lima*, *seratus dua belas*, *1,5 juta*).

Everything here reads one token or one run of tokens at a time, left to right, without regular expressions
over the trainee's text: linear in the length of the answer. The words come from the language's
``number_words.tsv`` (see that file for the roles of the words).
"""
from __future__ import annotations

from typing import Mapping, Sequence

from ..languages import Language


def number_words(language: Language) -> Mapping[str, tuple[float, str]]:
    """word -> (value, role) from the language's ``number_words.tsv`` (empty when the language has none)."""
    out: dict[str, tuple[float, str]] = {}
    for word, value, role in language.table("number_words", 3):
        try:
            out[word.lower()] = (float(value), role or "digit")
        except ValueError:
            continue
    return out


def _digits_only(text: str) -> bool:
    return bool(text) and all("0" <= ch <= "9" for ch in text)


def parse_digits(token: str) -> float | None:
    """The value of a number token: ``1.234`` → 1234, ``61,44`` → 61.44, ``61.44`` → 61.44,
    ``1.234.567,5`` → 1234567.5, ``Rp125.000`` → 125000, ``88%`` → 88. None when it is no number."""
    text = token.strip()
    if text[:2].lower() == "rp":
        text = text[2:].lstrip(". \u00a0")
    if text.endswith("%"):
        text = text[:-1]
    if not text or not ("0" <= text[0] <= "9"):
        return None
    if ":" in text:
        return None  # a time (08:00) or a ratio, never a plain number
    if "," in text:
        whole, _, frac = text.rpartition(",")
        if "," in whole or not _digits_only(frac):
            return None
        groups = whole.split(".")
        if len(groups) > 1 and not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            return None
        whole = "".join(groups)
        return float(f"{whole}.{frac}") if _digits_only(whole) else None
    groups = text.split(".")
    if len(groups) == 1:
        return float(text) if _digits_only(text) else None
    if not all(_digits_only(g) for g in groups):
        return None
    if 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
        return float("".join(groups))  # Indonesian thousands: 1.234 / 1.234.567
    if len(groups) == 2:
        return float(text)  # English decimal: 61.44
    return None


def read_number_words(lowers: Sequence[str], start: int, words: Mapping[str, tuple[float, str]]) -> tuple[float, int] | None:
    """A number written in words beginning at ``lowers[start]``: ``(value, next index)`` or None.

    *dua puluh lima* → 25; *seratus dua belas* → 112; *tiga ribu lima ratus* → 3500; *sepuluh* → 10.
    A group word (*puluh*, *belas*, *ratus*) or a scale word (*ribu*, *juta*) only counts after a digit.
    """
    total = 0.0
    group = 0.0
    digit: float | None = None
    index = start
    seen = False
    while index < len(lowers):
        entry = words.get(lowers[index])
        if entry is None:
            break
        value, role = entry
        if role == "digit":
            if digit is not None:
                break  # "dua tiga" is two numbers
            digit = value
        elif role == "atom":
            if digit is not None:
                break
            if value >= 1000:  # seribu, sejuta: a whole scale group
                total += group + value
                group = 0.0
            else:
                group += value
        elif role == "teen":
            if digit is None:
                break
            group += digit + value
            digit = None
        elif role == "times":
            if digit is None:
                break
            group += digit * value
            digit = None
        elif role == "scale":
            if digit is None and not group:
                break
            total += (group + (digit or 0.0)) * value
            group, digit = 0.0, None
        else:
            break
        seen = True
        index += 1
    if not seen:
        return None
    return total + group + (digit or 0.0), index


def scale_word(lower: str, words: Mapping[str, tuple[float, str]]) -> float | None:
    """The multiplier of a scale word written after digits (*1,5 juta*, *125 ribu*)."""
    entry = words.get(lower)
    return entry[0] if entry and entry[1] == "scale" else None


def same_number(a: float, b: float, tolerance: float = 0.0) -> bool:
    return abs(a - b) <= max(tolerance, 1e-9 * max(1.0, abs(a), abs(b)))
