"""Word tokens with character offsets.

A word is a run of letters or digits; inner hyphens and apostrophes keep it whole, so Indonesian reduplication
(*buku-buku*, *KTP-el*) is one word. Numbers with Indonesian separators (1.250, 34,5, 09.00, Rp125.000,00) are one
word; URLs and e-mail addresses are one word each. Emoji and punctuation are not words.
"""
from __future__ import annotations

import re
from typing import NamedTuple

URL_PATTERN = r"(?:https?://|www\.)[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]"
DOMAIN_PATTERN = r"(?<![a-z0-9-])(?<![a-z0-9-]\.)(?:[a-z0-9-]+\.)+(?:go\.id|ac\.id|co\.id|or\.id|id|com|org|net|gov|edu|info|io)\b(?:/[^\s<>\"'()]*[^\s<>\"'().,;:!?])?"
EMAIL_PATTERN = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
NUMBER_PATTERN = r"(?:Rp\.?\s?)?\d+(?:[.,:]\d+)*(?:%|\b)"
WORD_PATTERN = r"[^\W_]+(?:['’\-][^\W_]+)*"

_TOKEN = re.compile(
    "|".join(f"(?P<{name}>{pattern})" for name, pattern in (
        ("url", URL_PATTERN), ("email", EMAIL_PATTERN), ("domain", DOMAIN_PATTERN),
        ("number", NUMBER_PATTERN), ("word", WORD_PATTERN),
    )),
    re.IGNORECASE | re.UNICODE,
)


class Word(NamedTuple):
    """One word: its text, offsets into the document text, kind (word, number, url, email, domain), lower case."""

    text: str
    start: int
    end: int
    kind: str
    lower: str


# Plain prose: the same tokens as ``(?P<number>NUMBER_PATTERN)|(?P<word>WORD_PATTERN)`` (tested against it), written
# to begin with one character class so that the regex engine jumps from token to token instead of trying both
# alternatives at every space and comma; it is the most frequent search of the engine.
_SIMPLE = re.compile(
    r"[^\W_](?:"
    r"(?P<number>(?<=[Rr])[Pp]\.?\s?\d+(?:[.,:]\d+)*(?:%|\b)|(?<=\d)\d*(?:[.,:]\d+)*(?:%|\b))"
    r"|(?P<word>[^\W_]*(?:['’\-][^\W_]+)*))",
    re.UNICODE,
)
# Where a URL, domain or e-mail address may be: an @ or a /, or a period between two letters or digits. Written
# to start with one character class, so the regex engine skips the rest of the text quickly.
_SPECIAL_HINT = re.compile(r"[@/.](?:(?<=\w\.)(?=\w)|(?<=[@/]))")
_SPACE = re.compile(r"\s")


_new_word = tuple.__new__  # builds a Word without the Python-level __new__ frame (hot path)


def _scan(pattern: re.Pattern, text: str, start: int, end: int, offset: int, out: list) -> None:
    out.extend([
        _new_word(Word, (t := m[0], m.start() + offset, m.end() + offset, m.lastgroup, t.lower()))
        for m in pattern.finditer(text, start, end)
    ])


def tokenize(text: str, offset: int = 0) -> list[Word]:
    """All words of ``text``; offsets are shifted by ``offset``.

    Plain prose goes through a simple word/number pattern; only the whitespace-delimited chunks that may hold a
    URL, a domain or an e-mail address (an ``@``, a ``/`` or a period between letters) go through the full one.
    """
    words: list[Word] = []
    position = 0
    for hint in _SPECIAL_HINT.finditer(text):
        if hint.start() < position:
            continue
        start = hint.start()
        while start > position and not text[start - 1].isspace():
            start -= 1
        space = _SPACE.search(text, hint.end())
        end = space.start() if space else len(text)
        _scan(_SIMPLE, text, position, start, offset, words)
        _scan(_TOKEN, text, start, end, offset, words)
        position = end
    _scan(_SIMPLE, text, position, len(text), offset, words)
    return words


def is_acronym(token: str) -> bool:
    """All capitals (and maybe digits), at least two letters: KTP, DPRD, BPJS, COVID-19."""
    return token.isupper() and sum(map(str.isalpha, token)) >= 2
