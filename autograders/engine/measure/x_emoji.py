"""Emoji sequences that X counts as one unit (weight 2), read from ``data/x_emoji_units.txt``.

X's counter (twitter-text 3.1.0) weighs an emoji sequence — a family or profession joined by ZWJ, a flag, a
keycap, an emoji with its presentation selector or skin tone — as one unit, but only the sequences of the emoji
data it was built with (Emoji 11.0): a newer sequence counts member by member. Which sequences those are is a
fact recorded in the data file (written by ``tools/make_x_emoji_units.py``, which asks the pinned twitter-text);
this module only reads it and finds the units in a text:

* ``[vs16]`` code points whose U+FE0F belongs to the emoji (☺️ is one unit, ☺ + U+FE0F would weigh 4);
* ``[skin]`` code points that take a skin tone (👍🏽), ``[vs16_skin]`` those that take U+FE0F and then a skin tone;
* ``[keycap]`` keycap bases: base, optional U+FE0F, U+20E3;
* ``[sequences]`` every other unit, one per line in hex; ``~`` stands for any of the five skin tones;
* flags: a pair of regional indicators whose region is listed in ``data/x_emoji_regions.txt``.

At each position the longest unit that starts there is taken (at most :data:`MAX_UNIT` code points are looked
at), so finding the units is linear in the length of the text.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..data import DATA_DIR

UNITS_FILE = DATA_DIR / "x_emoji_units.txt"
REGIONS_FILE = DATA_DIR / "x_emoji_regions.txt"
SKIN_TONES = tuple(chr(c) for c in range(0x1F3FB, 0x1F400))
VS16 = "\ufe0f"
KEYCAP = "\u20e3"
ANY_SKIN = "~"
SECTIONS = ("vs16", "skin", "vs16_skin", "keycap", "sequences")
HEADER = """\
# Emoji sequences X weighs as one unit (weight 2): twitter-text 3.1.0, built on the Emoji 11.0 data.
# Written by tools/make_x_emoji_units.py from the pinned twitter-text's own answers; read by
# autograders/engine/measure/x_emoji.py. Code points in hex; "~" stands for any of the five skin tones.
"""


@dataclass(frozen=True)
class UnitTable:
    units: frozenset[str]
    longest: dict[str, int]  # first character -> length of the longest unit that starts with it


def _hex(text: str) -> str:
    return " ".join(f"{ord(ch):04X}" for ch in text)


def _code_points(cells: Iterable[str]) -> list[str]:
    out = []
    for cell in cells:
        start, _, end = cell.partition("-")
        out.extend(chr(c) for c in range(int(start, 16), int(end or start, 16) + 1))
    return out


def _ranges(chars: Iterable[str]) -> str:
    codes = sorted(ord(c) for c in chars)
    cells, run = [], []
    for code in codes:
        if run and code == run[-1] + 1:
            run.append(code)
            continue
        if run:
            cells.append(f"{run[0]:04X}" if len(run) == 1 else f"{run[0]:04X}-{run[-1]:04X}")
        run = [code]
    if run:
        cells.append(f"{run[0]:04X}" if len(run) == 1 else f"{run[0]:04X}-{run[-1]:04X}")
    return "\n".join(" ".join(cells[i:i + 12]) for i in range(0, len(cells), 12))


def write_units(path: Path, *, vs16: set[str], skin: set[str], vs16_skin: set[str], keycap_bases: set[str],
                sequences: set[str]) -> None:
    """Write the data file (used by ``tools/make_x_emoji_units.py``); sequences that exist with every skin tone
    at one position are written once with ``~``."""
    lines: set[str] = set()
    for seq in sequences:
        for i, ch in enumerate(seq):
            if ch in SKIN_TONES and all(seq[:i] + tone + seq[i + 1:] in sequences for tone in SKIN_TONES):
                generic = seq[:i] + ANY_SKIN + seq[i + 1:]
                if not any(c in SKIN_TONES for c in generic):
                    lines.add(" ".join("~" if c == ANY_SKIN else f"{ord(c):04X}" for c in generic))
                    break
        else:
            lines.add(_hex(seq))
    body = [HEADER]
    for name, chars in (("vs16", vs16), ("skin", skin), ("vs16_skin", vs16_skin), ("keycap", keycap_bases)):
        body.append(f"[{name}]\n{_ranges(chars)}\n")
    body.append("[sequences]\n" + "\n".join(sorted(lines, key=lambda line: (len(line.split()), line))) + "\n")
    path.write_text("\n".join(body), encoding="utf-8")


@lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """Two-letter regions whose regional-indicator pair X shows (and counts) as one flag."""
    text = REGIONS_FILE.read_text("utf-8")
    return frozenset(code.upper() for line in text.splitlines() if not line.startswith("#") for code in line.split())


@lru_cache(maxsize=1)
def table() -> UnitTable:
    sections: dict[str, list[str]] = {name: [] for name in SECTIONS}
    current = None
    for line in UNITS_FILE.read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = line.strip("[]")
            continue
        sections[current].append(line)  # type: ignore[index]
    units: set[str] = set()
    for base in _code_points(" ".join(sections["vs16"]).split()):
        units.add(base + VS16)
    for base in _code_points(" ".join(sections["skin"]).split()):
        units.update(base + tone for tone in SKIN_TONES)
    for base in _code_points(" ".join(sections["vs16_skin"]).split()):
        units.update(base + VS16 + tone for tone in SKIN_TONES)
    for base in _code_points(" ".join(sections["keycap"]).split()):
        units.update((base + KEYCAP, base + VS16 + KEYCAP))
    for line in sections["sequences"]:
        cells = line.split()
        if ANY_SKIN in cells:
            at = cells.index(ANY_SKIN)
            for tone in SKIN_TONES:
                units.add("".join(tone if i == at else chr(int(c, 16)) for i, c in enumerate(cells)))
        else:
            units.add("".join(chr(int(c, 16)) for c in cells))
    for code in regions():
        units.add("".join(chr(0x1F1E6 + ord(ch) - ord("A")) for ch in code))
    longest: dict[str, int] = {}
    for unit in units:
        longest[unit[0]] = max(longest.get(unit[0], 0), len(unit))
    return UnitTable(frozenset(units), longest)


MAX_UNIT = 16  # no unit is longer (the longest, a couple with a kiss, has 8 code points); checked by the tests


def emoji_spans(text: str) -> dict[int, int]:
    """Start -> end (code-point indices) of every emoji sequence that X counts as one unit, scanning left to
    right and taking the longest unit at each position."""
    units = table()
    spans: dict[int, int] = {}
    n, i = len(text), 0
    while i < n:
        longest = units.longest.get(text[i])
        if longest:
            for length in range(min(longest, n - i), 1, -1):
                if text[i:i + length] in units.units:
                    spans[i] = i + length
                    i += length
                    break
            else:
                i += 1
        else:
            i += 1
    return spans
