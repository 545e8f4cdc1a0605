"""Word patterns: short phrases with alternatives, prefixes and small gaps, found in a sentence's words.

Syntax (data files such as ``tone_phrases.tsv``): words separated by spaces; ``a|b|c`` is one of these words;
``word*`` is a word that starts with ``word``; ``~N`` is up to N other words. Words are compared in lower case.

:class:`PatternSet` indexes the patterns by their first word (or the first three letters of a first prefix), so
finding them costs one dictionary look-up per word plus the few patterns that can start there; a gap is at most
:data:`MAX_GAP` words, so a match is checked in bounded time: finding is linear in the number of words.
"""
from __future__ import annotations

from typing import Any, Iterable, NamedTuple, Sequence

MAX_GAP = 4
_PREFIX_KEY = 3


class Step(NamedTuple):
    words: frozenset[str]
    prefixes: tuple[str, ...]
    gap: int  # > 0: up to this many words, and ``words``/``prefixes`` are empty


class WordPattern(NamedTuple):
    text: str
    steps: tuple[Step, ...]
    payload: Any


class PatternError(ValueError):
    """A pattern that cannot be used (empty, a gap first or last, a gap too wide, a prefix too short)."""


def compile_pattern(text: str, payload: Any = None) -> WordPattern:
    steps: list[Step] = []
    for token in text.lower().split():
        if token.startswith("~"):
            try:
                gap = int(token[1:])
            except ValueError:
                raise PatternError(f"{text!r}: bad gap {token!r}") from None
            if not 1 <= gap <= MAX_GAP:
                raise PatternError(f"{text!r}: a gap is 1 to {MAX_GAP} words")
            steps.append(Step(frozenset(), (), gap))
            continue
        alternatives = [a for a in token.split("|") if a]
        prefixes = tuple(a[:-1] for a in alternatives if a.endswith("*"))
        if any(len(p) < _PREFIX_KEY for p in prefixes):
            raise PatternError(f"{text!r}: a prefix needs {_PREFIX_KEY} letters or more")
        steps.append(Step(frozenset(a for a in alternatives if not a.endswith("*")), prefixes, 0))
    if not steps or steps[0].gap or steps[-1].gap:
        raise PatternError(f"{text!r}: a pattern starts and ends with a word")
    return WordPattern(text, tuple(steps), payload)


def _accepts(step: Step, word: str) -> bool:
    return word in step.words or any(word.startswith(p) for p in step.prefixes)


def _match(steps: tuple[Step, ...], k: int, words: Sequence[str], i: int) -> int:
    """End index (exclusive) of a match of ``steps[k:]`` starting at ``words[i]``, or -1."""
    if k == len(steps):
        return i
    step = steps[k]
    if step.gap:
        for skip in range(step.gap + 1):
            if i + skip > len(words):
                break
            end = _match(steps, k + 1, words, i + skip)
            if end >= 0:
                return end
        return -1
    if i < len(words) and _accepts(step, words[i]):
        return _match(steps, k + 1, words, i + 1)
    return -1


class PatternMatch(NamedTuple):
    start: int  # index of the first word
    end: int  # index after the last word
    pattern: WordPattern


class PatternSet:
    """Patterns indexed by how they start; immutable once built, safe to share between threads."""

    def __init__(self, patterns: Iterable[WordPattern]) -> None:
        self.by_word: dict[str, list[WordPattern]] = {}
        self.by_prefix: dict[str, list[tuple[str, WordPattern]]] = {}
        self.patterns = tuple(patterns)
        for pattern in self.patterns:
            first = pattern.steps[0]
            for word in first.words:
                self.by_word.setdefault(word, []).append(pattern)
            for prefix in first.prefixes:
                self.by_prefix.setdefault(prefix[:_PREFIX_KEY], []).append((prefix, pattern))

    def candidates(self, word: str) -> list[WordPattern]:
        found = list(self.by_word.get(word, ()))
        found += [p for prefix, p in self.by_prefix.get(word[:_PREFIX_KEY], ()) if word.startswith(prefix)]
        return found

    def find(self, words: Sequence[str]) -> list[PatternMatch]:
        """Every pattern occurrence in ``words`` (lower case), in order of its first word; at one position the
        longest match of each pattern."""
        out: list[PatternMatch] = []
        for i, word in enumerate(words):
            for pattern in self.candidates(word):
                end = _match(pattern.steps, 0, words, i)
                if end > i:
                    out.append(PatternMatch(i, end, pattern))
        return out
