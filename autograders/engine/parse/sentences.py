"""Sentence splitting for Indonesian (and English) writing, with character offsets.

The splitter works inside one block (paragraph, list item, quote); headings and list items are blocks of their
own, so a heading without a period never runs into the next sentence. A candidate boundary is a run of ``.``,
``!``, ``?`` or ``…`` (with closing quotes or brackets) followed by white space. It is *not* a boundary when:

* the next word starts with a lower-case letter (``"…?" tanya warga.``, ``Tunggu… lalu``);
* the word before the period is a known abbreviation of the language (``Jl.``, ``No.``, ``Dr.``, ``S.Sos.``),
  unless it is one that may end a sentence (``dll.``, ``dsb.``) and the next word is capitalised;
* the word before the period is a single capital letter (an initial: ``H. Ahmad``) or a dotted abbreviation
  like ``a.n.`` / ``S.H.`` not followed by a capital-initial sentence start after a sentence-final abbreviation;
* the period belongs to a list marker at the start of the block (``1.``).

Numbers (1.250; 34,5; 09.00 WIB; Rp125.000,00), URLs and e-mail addresses never contain white space after
their inner periods, so they are never candidates. Datelines (``SUKAMAJU, 2 Desember 2026 –``) have no period.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..languages import Language

# A run of . ! ? … (an ellipsis written as dots included), closing quotes or brackets, then white space. It starts
# with one character class so the regex engine skips ordinary text quickly.
_CANDIDATE = re.compile(r"(?<![.!?…])[.!?…]+[\"'”’»)\]]*(?=\s|$)")
_LIST_MARKER_START = re.compile(r"^\s*(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]$")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_CLOSERS = "\"'”’»)]"


class Span(NamedTuple):
    start: int
    end: int


_new = tuple.__new__  # builds a Span without its Python-level __new__


def _word_before(text: str, end: int) -> str:
    """The run of non-space characters (at most 80) ending at ``end``, without opening quotes or brackets."""
    window = text[max(0, end - 80): end]
    if not window or window[-1].isspace():
        return ""
    return window.rsplit(None, 1)[-1].lstrip("\"'“([")


_NEXT_START = re.compile(r"[\s\"'“‘«(\[*_-]*(\S?)")  # group 1: the first character of the next word, or ''
_DOTTED = re.compile(r"(?:[A-Za-z]{1,4}\.)+[A-Za-z]{1,4}")  # a.n., S.H., M.Si
_NEXT_WORD = re.compile(r"[\s\"'“‘«(\[*_-]*([^\W\d_][\w-]*)")


def _is_boundary(text: str, match: re.Match, language: Language) -> bool:
    punct = match.group()
    nxt = _NEXT_START.match(text, match.end()).group(1)  # the pattern matches everywhere (all optional)
    if not nxt:
        return True
    if nxt.islower():
        return False
    if punct != "." and punct.rstrip(_CLOSERS) != ".":
        return True  # ! ? … and ... followed by a capital or digit
    word = _word_before(text, match.start())
    if not word:
        return True
    if _LIST_MARKER_START.match(text, 0, match.end()):
        return False
    if word.lower() in language.sentence_final_abbreviations:
        return True
    if _known_abbreviation(word, language) or _DOTTED.fullmatch(word):
        # An abbreviation ends a sentence only when a function word starts the next one:
        # "…, M.Si. Ia menjabat …" splits; "Dr. Siti", "No. 10", "a.n. Bupati" do not.
        next_word = _NEXT_WORD.match(text, match.end())
        return bool(next_word) and next_word.group(1).lower() in language.stopwords and next_word.group(1)[:1].isupper()
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: H. Ahmad, M. Yamin
    return True


def _known_abbreviation(word: str, language: Language) -> bool:
    """Listed abbreviations; an all-lower-case entry (dll, tgl) matches any case, a capitalised one (No, Hal)
    only a capitalised word, so "no." or "hal." as ordinary words still end sentences."""
    if word in language.abbreviations:
        return True
    lowered = word.lower()
    if lowered in language.abbreviations:
        return True
    return word[:1].isupper() and word[:1] + word[1:].lower() in language.abbreviations


def split_sentences(text: str, language: Language, offset: int = 0) -> list[Span]:
    """Sentence spans of one block of text (offsets shifted by ``offset``), empty ones dropped."""
    spans: list[Span] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        if _is_boundary(text, match, language):
            _add(spans, text, start, match.end(), offset)
            start = match.end()
    _add(spans, text, start, len(text), offset)
    return spans


def _add(spans: list[Span], text: str, start: int, end: int, offset: int) -> None:
    segment = text[start:end]
    stripped = segment.strip()
    if not stripped or not _LETTER_OR_DIGIT.search(stripped):
        if spans and stripped:
            # Stray punctuation (an emoji, a closing mark): attach it to the previous sentence.
            prev = spans[-1]
            spans[-1] = _new(Span, (prev.start, offset + start + len(segment.rstrip())))
        return
    lead = len(segment) - len(segment.lstrip())
    spans.append(_new(Span, (offset + start + lead, offset + start + lead + len(stripped))))
