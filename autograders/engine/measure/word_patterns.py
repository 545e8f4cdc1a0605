"""Word patterns: short phrases with alternatives, prefixes and small gaps, found in a sentence's words.

Syntax (data files such as ``tone_phrases.tsv``): words separated by spaces; ``a|b|c`` is one of these words;
``word*`` is a word that starts with ``word``; ``~N`` is up to N other words. Words are compared in lower case.

:class:`PatternSet` indexes the patterns by their first word (or the first three letters of a first prefix), so
finding them costs one dictionary look-up per word plus the few patterns that can start there; a gap is at most
:data:`MAX_GAP` words, so a match is checked in bounded time: finding is linear in the number of words.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, NamedTuple, Sequence

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
    """Patterns indexed by their words; immutable once built, safe to share between threads.

    For one text, :meth:`possible` gives the patterns every word step of which some word of the text's vocabulary
    can fill (found from the vocabulary's words that occur in any pattern, so it costs little for a text with
    none), :meth:`starters` and :meth:`enders` the words that can begin or end them (sentences holding neither
    need no closer look), and :meth:`find` the occurrences in one sentence.
    """

    def __init__(self, patterns: Iterable[WordPattern]) -> None:
        self.patterns = tuple(patterns)
        self.literal_steps: dict[str, list[tuple[int, int]]] = {}
        self.prefix_steps: list[tuple[str, int, int]] = []
        self.needed: list[int] = []
        self.by_word: dict[str, list[int]] = {}
        self.by_prefix: list[tuple[str, int]] = []
        self.last_words: dict[str, list[int]] = {}
        self.last_prefixes: list[tuple[str, int]] = []
        for index, pattern in enumerate(self.patterns):
            steps = [(k, step) for k, step in enumerate(pattern.steps) if not step.gap]
            self.needed.append(len(steps))
            for k, step in steps:
                for word in step.words:
                    self.literal_steps.setdefault(word, []).append((index, k))
                self.prefix_steps.extend((prefix, index, k) for prefix in step.prefixes)
            first, last = pattern.steps[0], pattern.steps[-1]
            for word in first.words:
                self.by_word.setdefault(word, []).append(index)
            self.by_prefix.extend((prefix, index) for prefix in first.prefixes)
            for word in last.words:
                self.last_words.setdefault(word, []).append(index)
            self.last_prefixes.extend((prefix, index) for prefix in last.prefixes)
        self.literals = frozenset(self.literal_steps)
        self.prefixes = tuple(sorted({prefix for prefix, _, _ in self.prefix_steps}))
        self.first_prefixes = tuple(sorted({prefix for prefix, _ in self.by_prefix}))
        self.all = frozenset(range(len(self.patterns)))

    def of(self, keep) -> frozenset[int]:
        """The indices of the patterns whose payload ``keep`` accepts."""
        return frozenset(i for i, p in enumerate(self.patterns) if keep(p.payload))

    def possible(self, vocabulary: frozenset[str], among: frozenset[int] | None = None) -> frozenset[int]:
        """Indices of the patterns (``among`` these, default all) that can occur in a text with ``vocabulary``."""
        filled: dict[int, set[int]] = {}
        for word in vocabulary & self.literals:
            for index, step in self.literal_steps[word]:
                filled.setdefault(index, set()).add(step)
        if self.prefixes:
            for word in [w for w in vocabulary if w.startswith(self.prefixes)]:
                for prefix, index, step in self.prefix_steps:
                    if word.startswith(prefix):
                        filled.setdefault(index, set()).add(step)
        kept = frozenset(i for i, steps in filled.items() if len(steps) == self.needed[i])
        return kept if among is None else kept & among

    def _edge(self, vocabulary: frozenset[str], kept: frozenset[int], words: dict[str, list[int]],
              prefixes: list[tuple[str, int]]) -> frozenset[str]:
        found = {w for w in vocabulary & words.keys() if not kept.isdisjoint(words[w])}
        wanted = tuple(prefix for prefix, index in prefixes if index in kept)
        if wanted:
            found |= {w for w in vocabulary if w.startswith(wanted)}
        return frozenset(found)

    def starters(self, vocabulary: frozenset[str], kept: frozenset[int] | None = None) -> frozenset[str]:
        """The words of ``vocabulary`` that can start one of the ``kept`` patterns."""
        return self._edge(vocabulary, self.all if kept is None else kept, self.by_word, self.by_prefix)

    def enders(self, vocabulary: frozenset[str], kept: frozenset[int] | None = None) -> frozenset[str]:
        """The words of ``vocabulary`` that can end one of the ``kept`` patterns."""
        return self._edge(vocabulary, self.all if kept is None else kept, self.last_words, self.last_prefixes)

    def anchors(self, vocabulary: frozenset[str], kept: frozenset[int], counts: Mapping[str, int]) -> frozenset[str]:
        """For each ``kept`` pattern, the words of its rarest step (by ``counts``, the draft's word frequencies)
        that the vocabulary holds: a sentence can hold the pattern only if it holds one of these words."""
        found: set[str] = set()
        prefixed = [w for w in vocabulary if w.startswith(self.prefixes)] if self.prefixes else []
        for index in kept:
            best: tuple[int, set[str]] | None = None
            for step in self.patterns[index].steps:
                if step.gap:
                    continue
                present = set(step.words & vocabulary)
                if step.prefixes:
                    present |= {w for w in prefixed if w.startswith(step.prefixes)}
                weight = sum(counts.get(w, 0) for w in present)
                if best is None or weight < best[0]:
                    best = (weight, present)
            if best is not None:
                found |= best[1]
        return frozenset(found)

    def find(self, words: Sequence[str], kept: frozenset[int] | None = None) -> list[PatternMatch]:
        """Every occurrence of the ``kept`` patterns (default: all) in ``words`` (lower case), in order of its
        first word; at one position the longest match of each pattern."""
        out: list[PatternMatch] = []
        by_word, first_prefixes = self.by_word, self.first_prefixes
        for i, word in enumerate(words):
            candidates = list(by_word.get(word, ()))
            if first_prefixes and word.startswith(first_prefixes):
                candidates += [index for prefix, index in self.by_prefix if word.startswith(prefix)]
            for index in candidates:
                if kept is not None and index not in kept:
                    continue
                pattern = self.patterns[index]
                end = _match(pattern.steps, 0, words, i)
                if end > i:
                    out.append(PatternMatch(i, end, pattern))
        return out
