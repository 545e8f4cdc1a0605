"""Post length on X (Twitter) counted the way X counts it, and a thread splitter.

The rules are the published X "counting characters" rules (twitter-text configuration v3):

* the text is NFC-normalised first;
* code points in 0-4351, 8192-8205, 8208-8223 and 8242-8247 weigh 1, every other code point weighs 2;
* every URL weighs 23 whatever its length, including bare domains with a known top-level domain
  (``example.go.id``, ``www.kemenkes.go.id/berita``); e-mail addresses are not URLs;
* an emoji sequence (skin tone, ZWJ family, flag, keycap) weighs 2 as one unit;
* a post is valid when 0 < weighted length <= 280 and it holds no U+FFFE, U+FEFF or U+FFFF.

The emoji sequences recognised as one unit are those of the reference implementation pinned in
``tools/js`` (twitter-text 3.1.0, Emoji 11 data): newer sequences count per code point there and here.
``tests/test_x_length.py`` checks this module against that implementation.

This module is written from the published rules; it holds no code from twitter-text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..data import DATA_DIR
from . import emoji

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
MAX_URL_LENGTH = 4096
MAX_TCO_SLUG_LENGTH = 40
MAX_LABEL_LENGTH = 63
INVALID_CHARS = frozenset("\ufffe\ufeff\uffff")
_DATA_DIR = DATA_DIR

# --------------------------------------------------------------------------------------------
# URL recognition
# --------------------------------------------------------------------------------------------

_PUNCT = r"!'#%&()*+,\\\-./:;<=>?@\[\]^_{|}~$"
_SPACES = r"\x09-\x0d\x20\x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_INVALID = r"\ufffe\ufeff\uffff"
_DIRECTIONAL = r"\u202a-\u202e\u061c\u200e\u200f\u2066-\u2069"
_LATIN_ACCENTS = (
    r"\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b"
    r"\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_CYRILLIC = r"\u0400-\u04ff"


@lru_cache(maxsize=1)
def _tlds() -> tuple[str, ...]:
    text = (_DATA_DIR / "tlds.txt").read_text("utf-8")
    names = {line.strip().lower() for line in text.splitlines()}
    names.discard("")
    # Longest first so that an alternation never stops at a shorter TLD that is a prefix.
    return tuple(sorted((n for n in names if not n.startswith("#")), key=lambda n: (-len(n), n)))


def _tld_pattern() -> str:
    names = "|".join(re.escape(n) for n in _tlds())
    return rf"(?:(?:{names})(?=[^0-9a-z@+\-]|$)|xn--[\-0-9a-z]+)"


@lru_cache(maxsize=1)
def _url_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    domain_char = f"[^{_PUNCT}{_SPACES}{_INVALID}{_DIRECTIONAL}]"
    sub_label = rf"{domain_char}(?:[_\-]*{domain_char})*\."
    main_label = rf"{domain_char}(?:-*{domain_char})*\."
    tld = _tld_pattern()
    path_char = rf"[a-z0-9{_CYRILLIC}!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN_ACCENTS}]"
    parens = rf"\((?:{path_char}+|{path_char}*\({path_char}+\){path_char}*)\)"
    path_end = rf"[+\-a-z0-9{_CYRILLIC}=_#/{_LATIN_ACCENTS}]"
    # A path piece ends on an ending character, or is a balanced (...) group on its own.
    path_unit = rf"(?:{path_char}*(?:{parens}{path_char}*)*{path_end}|{parens}|@{path_char}+/)"
    query = r"\?[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-z0-9\-_&=#/]"
    before = rf"(?P<before>[^a-z0-9@\uff20$#\uff03{_INVALID}]|[{_DIRECTIONAL}]|^)"
    url = (
        rf"(?P<url>(?P<protocol>https?://)?(?P<domain>(?:{sub_label})*{main_label}{tld})"
        rf"(?::[0-9]+)?(?P<path>/{path_unit}*)?(?:{query})?)"
    )
    flags = re.IGNORECASE
    ascii_domain = re.compile(rf"(?:[\-a-z0-9{_LATIN_ACCENTS}]+\.)+{tld}", flags)
    tco = re.compile(rf"https?://t\.co/([a-z0-9]+)(?:{query})?", flags)
    return re.compile(before + url, flags), ascii_domain, tco


_IDEOGRAPHIC_DOTS = re.compile("[.\u3002\uff0e\uff61]")


def _to_ascii(label: str) -> str:
    """IDNA-style ASCII form; ideographic full stops inside a label also separate its parts."""
    parts = _IDEOGRAPHIC_DOTS.split(label)
    return ".".join(p if p.isascii() else "xn--" + p.encode("punycode").decode("ascii") for p in parts)


def _domain_ok(domain: str) -> bool:
    """Each dot-separated label, in ASCII form, must be 1-63 characters long."""
    return all(1 <= len(_to_ascii(_from_utf16(label))) <= MAX_LABEL_LENGTH for label in domain.split("."))


def _utf16_units(text: str) -> tuple[str, list[int]]:
    """The text as UTF-16 code units (astral characters as two surrogates) and, for every unit
    index (plus the end), the index of its character in ``text``.

    X's reference matches URLs on UTF-16 units, where a URL can start right after the first half
    of an emoji; matching on the same units gives the same URLs."""
    units: list[str] = []
    owner: list[int] = []
    for index, char in enumerate(text):
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            units += [chr(0xD800 + (code >> 10)), chr(0xDC00 + (code & 0x3FF))]
            owner += [index, index]
        else:
            units.append(char)
            owner.append(index)
    owner.append(len(text))
    return "".join(units), owner


def _from_utf16(units: str) -> str:
    return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Half-open (start, end) character spans of every URL X would shorten to a t.co link."""
    if "." not in text:
        return []
    url_re, ascii_re, tco_re = _url_regexes()
    units, owner = _utf16_units(text)
    spans: list[tuple[int, int]] = []
    pos = 0
    while (match := url_re.search(units, pos)) is not None:
        pos = match.end()
        spans.extend((owner[start], owner[end]) for start, end in _spans_of_match(match, ascii_re, tco_re))
    return spans


def _spans_of_match(match: re.Match[str], ascii_re: re.Pattern[str], tco_re: re.Pattern[str]) -> list[tuple[int, int]]:
    url, protocol, domain = match["url"], match["protocol"], match["domain"]
    start, end = match.start("url"), match.end("url")
    starts_with_punycode = domain[:4].lower() == "xn--"
    if starts_with_punycode and not ascii_re.search(domain):
        return []
    if not _domain_ok(domain) or len(protocol or "https://") + len(url) > MAX_URL_LENGTH:
        return []
    if protocol:
        tco = tco_re.match(url)
        if tco:
            if len(tco.group(1)) > MAX_TCO_SLUG_LENGTH:
                return []
            end = start + tco.end()
        return [(start, end)]
    if match["before"] and match["before"] in "-_./":
        return []
    found = [(start + m.start(), start + m.end()) for m in ascii_re.finditer(domain)]
    if found and match["path"]:
        found[-1] = (found[-1][0], end)
    return found


# --------------------------------------------------------------------------------------------
# Emoji recognition (sequences that count as one unit)
# --------------------------------------------------------------------------------------------

_ZWJ = "\u200d"
_VS16 = "\ufe0f"
_SKIN = "[\U0001f3fb-\U0001f3ff]"
_GENDER = "[\u2640\u2642]"
_ADULT = "[\U0001f468\U0001f469]"
_CHILD = "[\U0001f466\U0001f467]"


def _chars(*codes: int | tuple[int, int]) -> str:
    parts = []
    for code in codes:
        if isinstance(code, tuple):
            parts.append(f"{chr(code[0])}-{chr(code[1])}")
        else:
            parts.append(chr(code))
    return "[" + "".join(parts) + "]"


# Person emoji that take a gender sign (ZWJ + female/male sign + VS16), Emoji 11 set.
_GENDER_BASES = (
    0x1F3C3, 0x1F3C4, 0x1F3CA, 0x1F46E, 0x1F471, 0x1F473, 0x1F477, 0x1F481, 0x1F482, 0x1F486,
    0x1F487, 0x1F645, 0x1F646, 0x1F647, 0x1F64B, 0x1F64D, 0x1F64E, 0x1F6A3, 0x1F6B4, 0x1F6B5,
    0x1F6B6, 0x1F926, 0x1F935, 0x1F937, 0x1F938, 0x1F939, 0x1F93D, 0x1F93E, 0x1F9B8, 0x1F9B9,
    (0x1F9D6, 0x1F9DD),
)
_GENDER_BASES_NO_SKIN = (0x1F46F, 0x1F93C, 0x1F9DE, 0x1F9DF)
# These need VS16 after the base when no skin tone follows.
_GENDER_BASES_VS16 = (0x26F9, 0x1F3CB, 0x1F3CC, 0x1F574, 0x1F575)
# Objects after man/woman (+ skin tone) + ZWJ: professions and hair styles.
_PROFESSION_OBJECTS = (
    0x1F33E, 0x1F373, 0x1F393, 0x1F3A4, 0x1F3A8, 0x1F3EB, 0x1F3ED, 0x1F4BB, 0x1F4BC, 0x1F527,
    0x1F52C, 0x1F680, 0x1F692, (0x1F9B0, 0x1F9B3),
)
_PROFESSION_OBJECTS_VS16 = (0x2695, 0x2696, 0x2708)
# Emoji_Modifier_Base characters that had no skin-tone sequences in the Emoji 11 data.
_NO_SKIN_BASES = frozenset(
    [0x1F46A, 0x1F46B, 0x1F46C, 0x1F46D, 0x1F46F, 0x1F48F, 0x1F491, 0x1F90C, 0x1F90F, 0x1F91D,
     0x1F93C, 0x1F977, 0x1F9BB, 0x1F9CD, 0x1F9CE, 0x1F9CF, 0x1FAC3, 0x1FAC4, 0x1FAC5]
    + list(range(0x1FAF0, 0x1FAF9))
)


@lru_cache(maxsize=1)
def _flag_regions() -> frozenset[str]:
    text = (_DATA_DIR / "x_emoji_regions.txt").read_text("utf-8")
    return frozenset(
        code.upper() for line in text.splitlines() if not line.startswith("#") for code in line.split()
    )


@lru_cache(maxsize=1)
def _emoji_regex() -> re.Pattern[str]:
    gender_sign = f"{_ZWJ}{_GENDER}{_VS16}"
    plain_bases = _chars(*_GENDER_BASES, *_GENDER_BASES_NO_SKIN)
    skin_bases = _chars(*_GENDER_BASES, *_GENDER_BASES_VS16)
    vs16_bases = _chars(*_GENDER_BASES_VS16)
    objects = _chars(*_PROFESSION_OBJECTS)
    objects_vs16 = _chars(*_PROFESSION_OBJECTS_VS16)
    man, woman, heart, kiss = "\U0001f468", "\U0001f469", f"\u2764{_VS16}", "\U0001f48b"
    families = (
        rf"(?:{man}{_ZWJ}{_ADULT}|{woman}{_ZWJ}{woman}|{_ADULT})"
        rf"{_ZWJ}(?:\U0001f466{_ZWJ}\U0001f466|\U0001f467{_ZWJ}{_CHILD}|{_CHILD})"
    )
    # A man cannot come first before a woman in the couple sequences of this data set.
    couples = (
        rf"(?:{man}{_ZWJ}{heart}{_ZWJ}(?:{kiss}{_ZWJ})?{man}"
        rf"|{woman}{_ZWJ}{heart}{_ZWJ}(?:{kiss}{_ZWJ})?{_ADULT})"
    )
    alternatives = [
        couples,
        families,
        rf"{_ADULT}{_SKIN}?{_ZWJ}(?:{objects}|{objects_vs16}{_VS16})",
        rf"(?:{plain_bases}|{vs16_bases}{_VS16}|{skin_bases}{_SKIN}){gender_sign}",
        f"\U0001f3f3{_VS16}{_ZWJ}\U0001f308",  # rainbow flag
        f"\U0001f3f4{_ZWJ}\u2620{_VS16}",  # pirate flag
        f"\U0001f441{_ZWJ}\U0001f5e8",  # eye in speech bubble
        "\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f",  # subdivision flags
        f"[0-9#*]{_VS16}?\u20e3",  # keycaps
        r"[\U0001f1e6-\U0001f1ff]{2}",  # flags, checked against the region list
        rf"{emoji.char_class('Emoji_Modifier_Base')}{_SKIN}",  # skin tones, checked against _NO_SKIN_BASES
        rf"[^0-9#*\s]{_VS16}",  # emoji presentation selector, checked with the Emoji property
    ]
    return re.compile("|".join(f"(?:{alt})" for alt in alternatives))


def _region_of(flag: str) -> str:
    return "".join(chr(ord(ch) - 0x1F1E6 + ord("A")) for ch in flag)


@lru_cache(maxsize=1)
def _TEXT_DEFAULT_EMOJI() -> re.Pattern[str]:  # noqa: N802 - a constant built on first use
    """Emoji shown as text by default: Emoji, but not Emoji_Presentation nor Emoji_Component."""
    return re.compile(emoji.char_class("Emoji", minus=("Emoji_Presentation", "Emoji_Component")))


def _emoji_unit_ok(unit: str) -> bool:
    first = ord(unit[0])
    if len(unit) == 2 and all(0x1F1E6 <= ord(ch) <= 0x1F1FF for ch in unit):
        return _region_of(unit) in _flag_regions()
    if len(unit) == 2 and 0x1F3FB <= ord(unit[1]) <= 0x1F3FF:
        return first not in _NO_SKIN_BASES
    if len(unit) == 2 and unit[1] == _VS16:
        # Only emoji shown as text by default take the emoji presentation selector as one unit.
        return _TEXT_DEFAULT_EMOJI().match(unit[0]) is not None
    return True


def _emoji_spans(text: str) -> dict[int, int]:
    """Start -> end of every emoji sequence that X counts as one unit."""
    pattern = _emoji_regex()
    spans: dict[int, int] = {}
    pos = 0
    while pos < len(text):
        match = pattern.search(text, pos)
        if match is None:
            break
        if _emoji_unit_ok(match.group()):
            spans[match.start()] = match.end()
            pos = match.end()
        else:
            pos = match.start() + 1
    return spans


# --------------------------------------------------------------------------------------------
# Counting
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Unit:
    """A piece of the normalised text that X weighs as a whole: a URL, an emoji or one character."""

    start: int
    end: int
    weight: int


def _char_weight(char: str) -> int:
    code = ord(char)
    return 1 if any(low <= code <= high for low, high in LIGHT_RANGES) else DEFAULT_WEIGHT


def _units(normalized: str) -> list[_Unit]:
    urls = dict(_url_spans(normalized))
    emoji = _emoji_spans(normalized)
    units: list[_Unit] = []
    index = 0
    while index < len(normalized):
        if index in urls:
            end, weight = urls[index], URL_WEIGHT
        elif index in emoji:
            end, weight = emoji[index], EMOJI_WEIGHT
        else:
            end, weight = index + 1, _char_weight(normalized[index])
        units.append(_Unit(index, end, weight))
        index = end
    return units


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


def _hard_pieces(word: str, budget: int) -> list[str]:
    """Cut one over-long word between X units (never inside a URL or an emoji)."""
    pieces: list[str] = []
    current_start, current_weight = 0, 0
    for unit in _units(word):
        if current_weight + unit.weight > budget and unit.start > current_start:
            pieces.append(word[current_start:unit.start])
            current_start, current_weight = unit.start, 0
        current_weight += unit.weight
    pieces.append(word[current_start:])
    return pieces


def _chunks(sentence: str, budget: int) -> list[str]:
    """A sentence that fits, or its words (over-long words cut) when it does not."""
    if x_weighted_length(sentence) <= budget:
        return [sentence]
    chunks: list[str] = []
    for word in sentence.split():
        chunks.extend([word] if x_weighted_length(word) <= budget else _hard_pieces(word, budget))
    return chunks


def _pack(sentences: list[str], budget: int) -> list[str]:
    parts: list[str] = []
    current = ""
    for sentence in sentences:
        for chunk in _chunks(sentence, budget):
            candidate = f"{current} {chunk}" if current else chunk
            if x_weighted_length(candidate) <= budget:
                current = candidate
            else:
                if current:
                    parts.append(current)
                current = chunk
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
    if not numbering:
        return _pack(sentences, limit)
    total_guess = 2
    while True:
        reserve = len(f" {total_guess}/{total_guess}")
        parts = _pack(sentences, limit - reserve)
        if len(str(len(parts))) <= len(str(total_guess)):
            count = len(parts)
            return [f"{part} {index}/{count}" for index, part in enumerate(parts, start=1)]
        total_guess = len(parts)
