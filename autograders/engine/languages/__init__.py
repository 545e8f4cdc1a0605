"""Languages as data.

A language is a folder under ``autograders/engine/languages/<code>/`` holding word lists (``*.txt``: one entry per
line, ``#`` starts a comment), tables (``*.tsv``) and ``settings.json`` (thresholds and switches). Adding a
language is adding a folder; no code here knows about Indonesian or English specifically.

``get_language(code)`` returns an immutable :class:`Language`, loaded once per process and safe to share between
threads. ``detect_language(text)`` guesses ``id`` or ``en`` from function-word frequencies.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

LANGUAGES_DIR = Path(__file__).resolve().parent


class UnknownLanguageError(ValueError):
    """Raised when a language code has no data folder."""


def read_list(path: Path) -> list[str]:
    """Entries of a one-per-line word list; blank lines and ``#`` comments are skipped."""
    if not path.exists():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            entries.append(line)
    return entries


def read_table(path: Path, columns: int) -> list[tuple[str, ...]]:
    """Rows of a tab-separated table (comments skipped); short rows are padded with empty strings."""
    rows = []
    for line in read_list(path):
        cells = [cell.strip() for cell in line.split("\t")]
        cells += [""] * (columns - len(cells))
        rows.append(tuple(cells[:columns]))
    return rows


def _phrases(entries: list[str]) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """Split a list into single words and multi-word phrases (as word tuples, longest first)."""
    single = frozenset(e.lower() for e in entries if " " not in e.strip())
    multi = sorted({tuple(e.lower().split()) for e in entries if " " in e.strip()}, key=len, reverse=True)
    return single, tuple(multi)


@dataclass(frozen=True, eq=False)
class Language:
    """Everything the engine knows about one language, loaded from its data folder."""

    code: str
    name: str
    settings: Mapping[str, object]
    abbreviations: frozenset[str]
    sentence_final_abbreviations: frozenset[str]
    transition_words: frozenset[str]
    transition_phrases: tuple[tuple[str, ...], ...]
    transition_pairs: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    stopwords: frozenset[str]
    common_words: frozenset[str]
    first_word_skips: frozenset[str]
    folder: Path = field(repr=False)
    _lists: dict = field(default_factory=dict, repr=False)  # word lists read so far, by file stem

    def threshold(self, check_id: str) -> Mapping[str, object]:
        """The judging configuration of one check (from ``settings.json``)."""
        return self.settings.get("checks", {}).get(check_id, {})  # type: ignore[union-attr]

    def words(self, name: str) -> frozenset[str]:
        """Any further lower-cased word list of this language, by file stem (read once, then from a dict: rules
        ask for their lists once per sentence)."""
        try:
            return self._lists[name]
        except KeyError:
            return self._lists.setdefault(name, _extra_list(self.folder, name))

    def table(self, name: str, columns: int) -> tuple[tuple[str, ...], ...]:
        """Any further table of this language, by file stem (cached)."""
        return _extra_table(self.folder, name, columns)


@lru_cache(maxsize=None)
def _extra_list(folder: Path, name: str) -> frozenset[str]:
    return frozenset(e.lower() for e in read_list(folder / f"{name}.txt"))


@lru_cache(maxsize=None)
def _extra_table(folder: Path, name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    return tuple(read_table(folder / f"{name}.tsv", columns))


def available_languages() -> list[str]:
    return sorted(p.name for p in LANGUAGES_DIR.iterdir() if p.is_dir() and (p / "settings.json").exists())


@lru_cache(maxsize=None)
def get_language(code: str) -> Language:
    """The :class:`Language` for ``code`` (``"id"``, ``"en"``, …)."""
    code = (code or "").strip().lower()
    folder = LANGUAGES_DIR / code
    if not code or not (folder / "settings.json").exists():
        raise UnknownLanguageError(code)
    settings = json.loads((folder / "settings.json").read_text(encoding="utf-8"))
    abbreviations = read_list(folder / "abbreviations.txt")
    transitions_single, transitions_multi = _phrases(read_list(folder / "transition_words.txt"))
    pairs = tuple(
        (tuple(first.lower().split()), tuple(second.lower().split()))
        for first, second in read_table(folder / "transition_pairs.tsv", 2)
        if first and second
    )
    return Language(
        code=code,
        name=settings.get("name", code),
        settings=MappingProxyType(settings),
        abbreviations=frozenset(a.rstrip(".") for a in abbreviations),
        sentence_final_abbreviations=frozenset(
            a.rstrip(".").lower() for a in read_list(folder / "abbreviations_sentence_final.txt")
        ),
        transition_words=transitions_single,
        transition_phrases=transitions_multi,
        transition_pairs=pairs,
        stopwords=frozenset(w.lower() for w in read_list(folder / "stopwords.txt")),
        common_words=frozenset(w.lower() for w in read_list(folder / "common_words.txt")),
        first_word_skips=frozenset(w.lower() for w in settings.get("first_word_skips", [])),
        folder=folder,
    )


_DETECT_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def detect_language(text: str, default: str = "id") -> str:
    """Guess the language of ``text`` by counting each language's common words (ties go to ``default``)."""
    words = [w.lower() for w in _DETECT_WORD.findall(text[:20000])]
    if not words:
        return default
    best, best_hits = default, -1
    for code in available_languages():
        common = get_language(code).common_words | get_language(code).stopwords
        hits = sum(1 for w in words if w in common)
        if hits > best_hits or (hits == best_hits and code == default):
            best, best_hits = code, hits
    return best if best_hits > 0 else default
