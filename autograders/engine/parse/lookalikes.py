"""Latin look-alikes: a word written with Cyrillic or Greek letters that look Latin (*himbаu* with a Cyrillic а),
or with fullwidth or mathematical letters (*ｈｉｍｂａｕ*, *𝐡𝐢𝐦𝐛𝐚𝐮*), read as the Latin word it imitates.

Word lists are matched on the folded form, so such a word cannot slip past a check; the draft itself is never
changed. Folding maps one character to one character, so every offset into the draft stays right. A word is
folded only when every letter becomes Latin: a real Russian or Greek word stays as written.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..data import DATA_DIR
from ..languages import read_table

TABLE_FILE = DATA_DIR / "latin_lookalikes.tsv"


@lru_cache(maxsize=None)
def _table() -> dict[str, str]:
    return {char: latin for char, latin, _name in read_table(TABLE_FILE, 3) if len(char) == 1 and len(latin) == 1}


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    latin = _table().get(char)
    if latin is not None:
        return latin
    compatible = unicodedata.normalize("NFKC", char)
    return compatible if len(compatible) == 1 and compatible.isascii() and compatible.isalpha() else char


def fold_lookalikes(word: str) -> str:
    """``word`` with look-alike letters made Latin (same length), or ``word`` itself when it is plain ASCII or
    when some letter has no Latin look-alike."""
    if word.isascii():
        return word
    folded = "".join([_fold_char(c) for c in word])
    if all(c.isascii() or not c.isalpha() for c in folded):
        return folded
    return word
