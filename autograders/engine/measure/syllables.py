"""Syllable counting for Indonesian (``id``) and English (``en``), rule based, no downloads.

``count_syllables(word, lang)`` counts the syllables of one word token as the Fry method counts them.

A token is first cut into pieces: runs of letters, runs of digits (with their separators) and a few symbols.
Hyphens separate pieces (*anak-anak* = 2 + 2, *KTP-el* = 3 + 1, *COVID-19* = 2 + 4); apostrophes join
(*Jum'at*, *don't*).

Indonesian (PUEBI / EYD V syllabification):

* one syllable per vowel nucleus (*a i u e o*; *é è ê* count as *e*); *y* and *w* are consonants and
  *kh ng ny sy* are single consonants;
* the vowel pairs *ai au ei oi eu* are one nucleus (a diphthong) when they end the word, or are followed by a
  vowel (*pakaian* = pa-kai-an, *kepulauan*) or by one consonant plus a vowel (*aula*, *saudara*); otherwise
  they are two (*main* = ma-in, *laut*, *baik*, *bermain*);
* a pair that is really two vowels across a root boundary is listed as data:
  ``syllable_hiatus_roots.txt`` holds roots and stems with hiatus (*main* for *mainan* = ma-in-an, *naik* for
  *kenaikan*, *nandai* for *menandai* = me-nan-da-i); every derived word containing such a stem splits it;
* after a prefix *ke- se- pe- me- be- te- de- re-* (possibly behind *ber- ter- per- di-*), *e* + *i*/*u* is two
  vowels (*keinginan* = ke-i-ngin-an, *keuangan* = ke-u-ang-an) unless the pair ends the word (*Mei*);
* ``syllable_exceptions_id.tsv`` fixes whole words the rules cannot know (common English loans such as
  *online*);
* acronyms in capitals are spelled letter by letter, as Fry practice counts them (KTP = ka-te-pe = 3,
  BPJS = 4); every Indonesian letter name has one syllable. An all-capital piece is read as a word instead
  when it is listed in ``syllable_acronyms_pronounced.txt`` (SIM, NIK), when it is a common short word of the
  language (DAN, INI in a capitalised heading), or when it has four or more letters and an Indonesian syllable
  shape (ASEAN, BAPPENAS, PENGUMUMAN). Mixed-case acronyms (Bappenas, Pemkab) are ordinary words;
* numbers count as spoken Indonesian: 2026 = dua ribu dua puluh enam = 10 syllables; ``15.225`` (period for
  thousands) = lima belas ribu dua ratus dua puluh lima; ``0,5`` = nol koma lima (decimals digit by digit, a
  decimal part of zeros is silent); a time ``09.30`` = sembilan tiga puluh (a group of zeros is silent);
  a digit string of three or more digits starting with 0 (a telephone number) is read digit by digit;
* symbols and unit abbreviations are read as words from ``syllable_readings.tsv`` (``%`` = persen,
  ``Rp`` = rupiah).

English:

* vowel groups (*a e i o u y*, *y* not word-initial), minus a silent final *e* (not in *-le* after a
  consonant), minus silent *-ed* / *-es*, plus the vowel pairs that are two syllables (*media*, *video*,
  *actual*, *science*, *being*), plus ``syllable_exceptions_en.tsv`` for the words rules get wrong;
* digits: one syllable per digit, as Fry's directions say ("2007 is four syllables"); acronyms spelled letter
  by letter (W = double-u = 3) unless pronounceable or listed.

Every word that holds at least one letter or digit counts at least one syllable. Functions are pure; results
are cached per (word, language) and safe to share between threads.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Mapping

from autograders.engine.languages import Language, get_language

ID_VOWELS = frozenset("aiueo")
ID_DIPHTHONGS = frozenset({"ai", "au", "ei", "oi", "eu"})
ID_CONSONANT_DIGRAPHS = frozenset({"kh", "ng", "ny", "sy"})
# Prefix (optionally behind ber-/ter-/per-/di-/mem-/pem-/men-/pen-) ending in e, followed by i or u.
ID_PREFIX_E_VOWEL = re.compile(r"^(?:ber|ter|per|di|mem|pem|men|pen)?[kspmbtdr]e(?=[iu])")
ID_ONSET_SECOND = frozenset("rlwy")
ID_ALLOWED_CODAS = frozenset({"ks", "ns", "rs", "rt", "rk", "nk", "lt", "st", "ps", "ts"})

EN_VOWELS = frozenset("aeiouy")
EN_ONSETS = frozenset({
    "bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gr", "kn", "ph", "pl", "pr", "qu", "sc", "sh",
    "sk", "sl", "sm", "sn", "sp", "st", "sw", "th", "tr", "tw", "wh", "wr", "chr", "sch", "scr", "shr", "spl",
    "spr", "squ", "str", "thr",
})
EN_LETTER_SYLLABLES = {"w": 3}  # every other letter name is one syllable

SUPPORTED = ("id", "en")

_PIECE = re.compile(r"(?P<number>\d+(?:[.,:]\d+)*)|(?P<letters>[^\W\d_]+)|(?P<symbol>[%&+$€£])", re.UNICODE)


class SyllableLanguageError(ValueError):
    """The language has no syllable rule."""


# --------------------------------------------------------------------------- public API

_MEMO: dict[str, dict[str, int]] = {"id": {}, "en": {}}  # lang -> word -> count; a pure function's memo
_MEMO_LIMIT = 500_000


def count_syllables(word: str, lang: str) -> int:
    """Number of syllables in one word token (``lang`` is ``"id"`` or ``"en"``).

    A token without letters or digits (punctuation, emoji) has 0 syllables.
    """
    memo = _MEMO.get(lang) if isinstance(lang, str) else None
    if memo is None:
        return _count_syllables(word, lang)  # another spelling of a code (" ID"), or one we do not support
    try:
        return memo[word]
    except (KeyError, TypeError):
        pass
    count = _count_syllables(word, lang)
    if len(memo) < _MEMO_LIMIT and isinstance(word, str):
        memo[word] = count
    return count


def _count_syllables(word: str, lang: str) -> int:
    if not isinstance(word, str):
        raise TypeError(f"Kata harus berupa teks (str), bukan {type(word).__name__}.")
    code = (lang or "").strip().lower() if isinstance(lang, str) else ""
    if code not in SUPPORTED:
        raise SyllableLanguageError(
            f"Bahasa {lang!r} belum didukung penghitung suku kata; gunakan salah satu dari: {', '.join(SUPPORTED)}."
        )
    return _count_token(unicodedata.normalize("NFC", word.strip()), code)


def count_syllables_in(words: list[str] | tuple[str, ...], lang: str) -> int:
    """Total syllables of several word tokens."""
    return sum(count_syllables(w, lang) for w in words)


def total_syllables(counts: Mapping[str, int], lang: str) -> int:
    """Total syllables of a text given as word -> number of occurrences (each distinct word counted once)."""
    memo = _MEMO.get(lang)
    if memo is None:
        return sum(n * count_syllables(word, lang) for word, n in counts.items())
    return sum(n * (memo[word] if word in memo else count_syllables(word, lang)) for word, n in counts.items())


def number_words_id(value: int) -> str:
    """A non-negative integer written out in Indonesian words (up to the trillions)."""
    if value < 0:
        raise ValueError("Bilangan harus nol atau positif.")
    if value == 0:
        return "nol"
    parts: list[str] = []
    for scale, name in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")):
        quotient, value = divmod(value, scale)
        if quotient == 1 and scale == 1000:
            parts.append("seribu")
        elif quotient:
            parts.extend([_id_below_thousand(quotient), name])
    if value:
        parts.append(_id_below_thousand(value))
    return " ".join(parts)


# --------------------------------------------------------------------------- tokens and pieces

@lru_cache(maxsize=65536)
def _count_token(token: str, lang: str) -> int:
    language = get_language(lang)
    readings = _readings(language)
    total = 0
    for match in _PIECE.finditer(token.replace("'", "").replace("\u2019", "")):
        kind, text = match.lastgroup, match.group()
        if kind == "symbol":
            reading = readings.get(text)
            total += _count_plain_words(reading, lang, language) if reading else 0
        elif kind == "number":
            total += _count_number(text, lang, language)
        else:
            total += _count_letters(_strip_marks(text), lang, language, readings)
    return total


def _strip_marks(text: str) -> str:
    """Remove diacritics (é → e) but keep the letters' case."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _readings(language: Language) -> dict[str, str]:
    return {key.lower(): value for key, value in language.table("syllable_readings", 2) if key and value}


def _count_plain_words(text: str, lang: str, language: Language) -> int:
    return sum(_count_word(w, lang, language) for w in re.findall(r"[^\W\d_]+", text.lower()))


def _count_letters(piece: str, lang: str, language: Language, readings: dict[str, str]) -> int:
    lower = piece.lower()
    if lower in readings:
        return _count_plain_words(readings[lower], lang, language)
    if len(piece) >= 2 and piece.isupper() and _is_spelled_acronym(piece, lang, language):
        return sum(EN_LETTER_SYLLABLES.get(ch, 1) if lang == "en" else 1 for ch in lower)
    return _count_word(lower, lang, language)


def _count_word(lower: str, lang: str, language: Language) -> int:
    exceptions = _exceptions(language)
    if lower in exceptions:
        return exceptions[lower]
    count = _count_id_word(lower, language) if lang == "id" else _count_en_word(lower)
    return max(count, 1)


def _exceptions(language: Language) -> dict[str, int]:
    table = language.table(f"syllable_exceptions_{language.code}", 2)
    return {word.lower(): int(n) for word, n in table if word and n.isdigit()}


# --------------------------------------------------------------------------- acronyms

def _is_spelled_acronym(piece: str, lang: str, language: Language) -> bool:
    """True when an all-capital piece is said letter by letter."""
    lower = piece.lower()
    if lower in language.words("syllable_acronyms_pronounced"):
        return False
    if lower in language.words("syllable_acronyms_spelled"):
        return True
    if len(lower) <= 3:
        return lower not in (language.stopwords | language.common_words)
    return not _pronounceable(lower, lang)


def _consonant_runs(lower: str, vowels: frozenset[str]) -> list[str]:
    return re.split(f"[{''.join(sorted(vowels))}]+", lower)


def _pronounceable(lower: str, lang: str) -> bool:
    """Whether a letter string has a syllable shape the language allows (so it is read as a word)."""
    vowels = ID_VOWELS if lang == "id" else EN_VOWELS
    runs = _consonant_runs(lower, vowels)
    if len(runs) < 2:  # no vowel at all
        return False
    onset, middle, coda = runs[0], runs[1:-1], runs[-1]
    if lang == "id":
        onset_units = _id_consonant_units(onset)
        coda_units = _id_consonant_units(coda)
        onset_ok = len(onset_units) <= 1 or (
            len(onset_units) == 2 and (onset_units[1] in ID_ONSET_SECOND or onset_units[0] == "s")
        )
        coda_ok = len(coda_units) <= 1 or coda in ID_ALLOWED_CODAS
        middle_ok = all(len(_id_consonant_units(run)) <= 3 for run in middle)
        return onset_ok and coda_ok and middle_ok
    onset_ok = len(onset) <= 1 or onset in EN_ONSETS
    return onset_ok and len(coda) <= 3 and all(len(run) <= 4 for run in middle)


def _id_consonant_units(run: str) -> list[str]:
    units, i = [], 0
    while i < len(run):
        step = 2 if run[i:i + 2] in ID_CONSONANT_DIGRAPHS else 1
        units.append(run[i:i + step])
        i += step
    return units


# --------------------------------------------------------------------------- Indonesian

def _count_id_word(word: str, language: Language) -> int:
    hiatus = _id_hiatus_positions(word, language)
    count, i, n = 0, 0, len(word)
    while i < n:
        if word[i] not in ID_VOWELS:
            i += 1
            continue
        count += 1
        if (
            i + 1 < n
            and word[i:i + 2] in ID_DIPHTHONGS
            and i not in hiatus
            and (i + 2 == n or word[i + 2] in ID_VOWELS or _id_consonant_then_vowel(word, i + 2))
        ):
            i += 2
        else:
            i += 1
    if count == 0 and "y" in word:  # loan spellings without a, i, u, e, o
        count = 1
    return count


def _id_consonant_then_vowel(word: str, j: int) -> bool:
    """One consonant (a digraph counts as one) at ``j``, then a vowel."""
    if j >= len(word) or word[j] in ID_VOWELS:
        return False
    k = j + (2 if word[j:j + 2] in ID_CONSONANT_DIGRAPHS else 1)
    return k < len(word) and word[k] in ID_VOWELS


def _id_hiatus_positions(word: str, language: Language) -> frozenset[int]:
    """Start indices of vowel pairs in ``word`` that are two syllables (from data and the prefix rule)."""
    marks: set[int] = set()
    for stem in _id_hiatus_stems(language):
        start = word.find(stem)
        while start != -1:
            for k in range(start, start + len(stem) - 1):
                if stem[k - start:k - start + 2] in ID_DIPHTHONGS:
                    marks.add(k)
            start = word.find(stem, start + 1)
    prefix = ID_PREFIX_E_VOWEL.match(word)
    if prefix and prefix.end() + 1 < len(word):
        marks.add(prefix.end() - 1)
    return frozenset(marks)


def _id_hiatus_stems(language: Language) -> tuple[str, ...]:
    return tuple(sorted(language.words("syllable_hiatus_roots")))


# --------------------------------------------------------------------------- English

def _count_en_word(word: str) -> int:
    word = word.replace("'", "").replace("’", "")
    if not word:
        return 0
    stem = word
    if len(stem) > 3 and stem.endswith("ed") and stem[-3] not in "td":
        stem = stem[:-1]  # jumped -> jumpe -> (silent e) jump; wanted keeps -ed
    elif len(stem) > 3 and stem.endswith("es") and not re.search(r"(?:[sxz]|[cs]h|[cg])es$", stem):
        stem = stem[:-1]  # makes -> make; boxes, places, changes keep -es
    groups = re.findall(r"[aeiouy]+", stem[0].replace("y", "b") + stem[1:])
    count = len(groups)
    # a final e after a consonant is silent (make, whole), except consonant + -le (table, little)
    if count > 1 and re.search(r"[^aeiouy]e$", stem) and not re.search(r"[^aeiouy]le$", stem):
        count -= 1
    count += _en_split_groups(stem)
    if re.search(r"[aeiouy][^aeiouy]{1,2}e(?:ly|ment|ful|ness|less)$", stem):
        count -= 1  # lately, movement, hopeful
    if re.search(r"[aeiouy]ing$", stem) and not stem.endswith("uing"):
        count += 1  # being, going, playing (vowel + -ing is two syllables)
    if stem.endswith("ism"):
        count += 1
    return count


_EN_SPLIT = (
    re.compile(r"(?<![cts])ia"),          # media, via, India; not social, initial, Asia
    re.compile(r"(?<![ctgx])io(?!n)"),     # radio, biology, previous; not nation, precious, religious
    re.compile(r"(?<![qg])ua"),          # actual, usual; not quality, language
    re.compile(r"eo"),                    # video, geography (people is an exception)
    re.compile(r"(?<![tc])ie(?:nt|t|nce)|ier$"),  # client, quiet, science, earlier; not patient
    re.compile(r"(?<![qg])uo"),          # duo
)


def _en_split_groups(stem: str) -> int:
    return sum(len(pattern.findall(stem)) for pattern in _EN_SPLIT)


# --------------------------------------------------------------------------- numbers

def _count_number(text: str, lang: str, language: Language) -> int:
    if lang == "en":
        return sum(ch.isdigit() for ch in text)
    return _count_plain_words(_id_number_reading(text), lang, language)


def _id_number_reading(text: str) -> str:
    """Indonesian reading of a digit string with Indonesian separators."""
    integer, _, decimals = text.partition(",")
    words: list[str] = []
    groups = re.split(r"[.:]", integer)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and ":" not in integer:
        words.append(_id_integer_reading("".join(groups)))
    else:  # time (09.30) or other dotted groups: each group is a number, zero groups are silent
        spoken = [_id_integer_reading(g) for g in groups if g and (g.strip("0") or len(groups) == 1)]
        words.extend(spoken or ["nol"])
    decimals = decimals.replace(",", "").replace(".", "")
    if decimals.strip("0"):  # never int(): a number of more than 4,300 digits is refused by int()
        words.append("koma")
        words.extend(number_words_id(int(d)) for d in decimals)
    return " ".join(words)


def _id_integer_reading(digits: str) -> str:
    if len(digits) >= 3 and digits.startswith("0") or len(digits) > 15:
        return " ".join(number_words_id(int(d)) for d in digits)  # telephone numbers, codes
    return number_words_id(int(digits))


_ID_ONES = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")


def _id_below_thousand(value: int) -> str:
    hundreds, rest = divmod(value, 100)
    parts: list[str] = []
    if hundreds == 1:
        parts.append("seratus")
    elif hundreds:
        parts.extend([_ID_ONES[hundreds], "ratus"])
    if rest == 10:
        parts.append("sepuluh")
    elif rest == 11:
        parts.append("sebelas")
    elif 12 <= rest <= 19:
        parts.extend([_ID_ONES[rest - 10], "belas"])
    elif rest >= 20:
        tens, ones = divmod(rest, 10)
        parts.extend([_ID_ONES[tens], "puluh"] + ([_ID_ONES[ones]] if ones else []))
    elif rest:
        parts.append(_ID_ONES[rest])
    return " ".join(parts)
