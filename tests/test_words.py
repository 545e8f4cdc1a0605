"""Word tokens: reduplication, numbers, money, URLs; the fast prose pattern is the reference tokenizer."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autograders.engine.parse import words as W

REFERENCE = re.compile(f"(?P<number>{W.NUMBER_PATTERN})|(?P<word>{W.WORD_PATTERN})", re.IGNORECASE)


def tokens(text):
    return [(w.text, w.kind) for w in W.tokenize(text)]


@pytest.mark.parametrize("text, expected", [
    ("buku-buku KTP-el", [("buku-buku", "word"), ("KTP-el", "word")]),
    ("Rp125.000,00 dan Rp 5 juta", [("Rp125.000,00", "number"), ("dan", "word"), ("Rp 5", "number"), ("juta", "word")]),
    ("rp. 7 dan RPJMD", [("rp. 7", "number"), ("dan", "word"), ("RPJMD", "word")]),
    ("pukul 09.00 WIB, 34,5 persen, 50%", [("pukul", "word"), ("09.00", "number"), ("WIB", "word"),
                                           ("34,5", "number"), ("persen", "word"), ("50%", "number")]),
    ("tahun 90an dan COVID-19", [("tahun", "word"), ("90an", "word"), ("dan", "word"), ("COVID-19", "word")]),
    ("Lihat https://sukamajukab.go.id/ppid atau humas@sukamajukab.go.id.",
     [("Lihat", "word"), ("https://sukamajukab.go.id/ppid", "url"), ("atau", "word"),
      ("humas@sukamajukab.go.id", "email")]),
    ("— … 🙂 _", []),
])
def test_tokens(text, expected):
    assert tokens(text) == expected


def test_offsets_point_at_the_words():
    text = "Warga  dilayani\tdi Rp 5.000 loket-loket."
    for word in W.tokenize(text, offset=10):
        assert text[word.start - 10:word.end - 10] == word.text
        assert word.lower == word.text.lower()


_PIECES = st.sampled_from(["Rp", "rp", "RP", "p", ".", ",", ":", "%", "-", "’", "'", " ", "_", "1", "2", "0", "a", "Z",
                           "²", "é", "١", "\n", "Rapat", "12.5", "x"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_the_fast_prose_pattern_finds_the_reference_tokens(text):
    reference = [(m[0], m.span(), m.lastgroup) for m in REFERENCE.finditer(text)]
    assert [(m[0], m.span(), m.lastgroup) for m in W._SIMPLE.finditer(text)] == reference


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_the_fast_prose_pattern_on_any_unicode(text):
    reference = [(m[0], m.span(), m.lastgroup) for m in REFERENCE.finditer(text)]
    assert [(m[0], m.span(), m.lastgroup) for m in W._SIMPLE.finditer(text)] == reference
