"""Unicode emoji properties for the standard library's ``re``: character classes built from
``data/emoji_properties.txt`` (written by ``tools/make_emoji_properties.py``), so emoji are matched without the
compiled ``regex`` package and the same code runs in the browser."""
from __future__ import annotations

from functools import lru_cache
from typing import Mapping

from ..data import DATA_DIR

PROPERTY_FILE = DATA_DIR / "emoji_properties.txt"


@lru_cache(maxsize=1)
def _ranges() -> Mapping[str, tuple[tuple[int, int], ...]]:
    table: dict[str, list[tuple[int, int]]] = {}
    current: list[tuple[int, int]] | None = None
    for line in PROPERTY_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = table.setdefault(line.strip("[]"), [])
            continue
        for cell in line.split():
            start, _, end = cell.partition("-")
            current.append((int(start, 16), int(end or start, 16)))  # type: ignore[union-attr]
    return {name: tuple(values) for name, values in table.items()}


def ranges(prop: str) -> tuple[tuple[int, int], ...]:
    """The inclusive code-point ranges of a property (``Emoji``, ``Extended_Pictographic`` …)."""
    return _ranges()[prop]


@lru_cache(maxsize=None)
def char_class(*props: str, minus: tuple[str, ...] = ()) -> str:
    """A ``re`` character class (``[...]``) of the code points in any of ``props`` and in none of ``minus``."""
    members = _members(props) - _members(minus)
    parts, run_start, previous = [], None, None
    for code in sorted(members):
        if previous is not None and code == previous + 1:
            previous = code
            continue
        if run_start is not None:
            parts.append(_range_text(run_start, previous))
        run_start = previous = code
    if run_start is not None:
        parts.append(_range_text(run_start, previous))
    return "[" + "".join(parts) + "]"


@lru_cache(maxsize=None)
def _members(props: tuple[str, ...]) -> frozenset[int]:
    return frozenset(code for prop in props for start, end in ranges(prop) for code in range(start, end + 1))


def has(prop: str, char: str) -> bool:
    return ord(char) in _members((prop,))


def _escape(code: int) -> str:
    return f"\\U{code:08x}"


def _range_text(start: int, end: int) -> str:
    return _escape(start) if start == end else f"{_escape(start)}-{_escape(end)}"
