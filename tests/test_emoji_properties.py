"""The emoji property table the engine uses (``engine/data/emoji_properties.txt``) equals the Unicode data of the
``regex`` package on every code point, and the character classes built from it match exactly those code points."""
from __future__ import annotations

import re

import pytest
import regex

from autograders.engine.measure import emoji

ALL = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
PROPERTIES = ("Extended_Pictographic", "Emoji", "Emoji_Presentation", "Emoji_Modifier", "Emoji_Modifier_Base",
              "Emoji_Component", "Regional_Indicator")


@pytest.mark.parametrize("prop", PROPERTIES)
def test_table_equals_unicode_data(prop):
    expected = {ord(m.group()) for m in regex.finditer(rf"\p{{{prop}}}", ALL)}
    assert expected, prop
    assert {ord(m.group()) for m in re.finditer(emoji.char_class(prop), ALL)} == expected


def test_class_difference_matches_regex_set_operations():
    expected = {ord(m.group()) for m in regex.finditer(r"[\p{Emoji}--\p{Emoji_Presentation}--\p{Emoji_Component}]",
                                                       ALL, regex.V1)}
    got = {ord(m.group()) for m in re.finditer(emoji.char_class("Emoji", minus=("Emoji_Presentation",
                                                                                  "Emoji_Component")), ALL)}
    assert got == expected and "\u2764" in {chr(c) for c in got}  # heavy black heart: text by default


def test_has():
    assert emoji.has("Extended_Pictographic", "\U0001f600")
    assert not emoji.has("Extended_Pictographic", "a")
