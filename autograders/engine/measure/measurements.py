"""Measurements ("researches"): pure functions of a :class:`~autograders.engine.parse.document.Document`.

They count and locate; they never judge. Each value is computed once per document and cached on it, so the
readability checks, the SEO checks, the statistics block and the genre checks can all ask for the same number.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import attrgetter

from . import passive
from ..parse.document import Document, Sentence
from ..languages import Language
from .syllables import count_syllables, total_syllables


def sentence_lengths(doc: Document) -> list[int]:
    return doc.cached("sentence_lengths", lambda: [len(s.words) for s in doc.sentences])


def long_sentences(doc: Document, max_words: int) -> list[Sentence]:
    return doc.cached(f"long_sentences:{max_words}", lambda: [s for s in doc.sentences if len(s.words) > max_words])


def vocabulary(doc: Document) -> frozenset[str]:
    """The distinct words of the draft, in lower case."""
    return doc.cached("vocabulary", lambda: frozenset([w.lower for w in doc.words]))


def vocabulary_lines(doc: Document) -> str:
    """The draft's distinct lower-case words, one per line: a text that one compiled pattern searches at C speed
    (which words are numbers, which end in a suffix, whether any is a link)."""
    return doc.cached("vocabulary_lines", lambda: "\n".join(vocabulary(doc)))


def sentence_lowers(doc: Document) -> list[list[str]]:
    """The lower-case words of each body sentence (``doc.sentences`` order), made once for every check that
    looks sentence by sentence for words of a list."""
    lower = attrgetter("lower")
    return doc.cached("sentence_lowers", lambda: [list(map(lower, s.words)) for s in doc.sentences])


def word_counts(doc: Document) -> Counter:
    """How often each lower-case word occurs in the body sentences."""
    return doc.cached("word_counts", lambda: Counter(chain.from_iterable(sentence_lowers(doc))))


def sentences_with(doc: Document, words: AbstractSet[str]) -> list[Sentence]:
    """The body sentences that hold at least one of ``words`` (lower case), in order: one set test per sentence
    on its words (:func:`sentence_lowers`), so a measurement looks closely only at the sentences that can matter."""
    present = vocabulary(doc) & words
    if not present:
        return []
    return [s for s, lowers in zip(doc.sentences, sentence_lowers(doc)) if not present.isdisjoint(lowers)]


def passive_sentences(doc: Document) -> list[tuple[Sentence, int]]:
    """Passive sentences with the index of the word that makes each passive."""

    def compute():
        rules = tuple(doc.language.settings.get("passive_rules", ()))
        found = []
        triggers = passive.trigger_words(vocabulary(doc), rules)
        for sentence in sentences_with(doc, triggers):
            index = passive.passive_word(sentence, doc.language, triggers)
            if index is not None:
                found.append((sentence, index))
        return found

    return doc.cached("passive_sentences", compute)


@lru_cache(maxsize=None)
def _transition_index(language: Language):
    """The words that can start a transition; multi-word phrases by their first two words; two-part pairs by
    the first word of their first part; the words that count only when they open a sentence
    (``transition_openers.txt``: *Pertama, …*)."""
    phrases: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for phrase in language.transition_phrases:
        phrases.setdefault((phrase[0], phrase[1]), []).append(phrase)
    pairs: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for first, second in language.transition_pairs:
        pairs.setdefault(first[0], []).append((first, second))
    openers = language.words("transition_openers")
    starters = frozenset(language.transition_words) | frozenset(p[0] for p in phrases) | frozenset(pairs) | openers
    return starters, phrases, pairs, openers


def _find(words: list[str], seq: tuple[str, ...], start: int = 0) -> int:
    """Index just after the first occurrence of the word sequence ``seq`` at or after ``start``, or -1."""
    n = len(seq)
    first = seq[0]
    while True:
        try:
            i = words.index(first, start)
        except ValueError:
            return -1
        if tuple(words[i:i + n]) == seq:
            return i + n
        start = i + 1


def _transition_hit(sentence: Sentence, doc: Document) -> bool:
    lang = doc.language
    starters, phrases, pairs, openers = _transition_index(lang)
    words = [w.lower for w in sentence.words]
    if starters.isdisjoint(words):
        return False
    if not lang.transition_words.isdisjoint(words) or words[0] in openers:
        return True  # a one-word transition, or an ordinal that opens the sentence
    last = len(words) - 1
    tried: set[str] = set()  # a pair is looked for once, from its first possible start (linear in the sentence)
    for i in [i for i, word in enumerate(words) if word in starters]:
        word = words[i]
        if i < last:
            for phrase in phrases.get((word, words[i + 1]), ()):
                if tuple(words[i:i + len(phrase)]) == phrase:
                    return True
        if word in tried:
            continue
        tried.add(word)
        for first, second in pairs.get(word, ()):
            after = _find(words, first, i)
            if after >= 0 and _find(words, second, after) >= 0:
                return True
    return False


def transition_sentences(doc: Document) -> list[Sentence]:
    def compute():
        starters = _transition_index(doc.language)[0]
        return [s for s in sentences_with(doc, starters) if _transition_hit(s, doc)]

    return doc.cached("transition_sentences", compute)


def syllables(doc: Document) -> int:
    code = doc.language.code

    def compute():
        return total_syllables(Counter([w.text for w in doc.words]), code)

    return doc.cached("syllables", compute)


def body_word_count(doc: Document) -> int:
    return doc.cached("body_words", lambda: sum(len(b.words) for b in doc.body_blocks))


@dataclass(frozen=True)
class Section:
    """Text between two subheadings (or before the first)."""

    words: int
    start: int
    end: int


def sections(doc: Document) -> list[Section]:
    def compute():
        result: list[Section] = []
        words, start, end = 0, None, None
        for block in doc.blocks:
            if block.kind == "heading":
                if words:
                    result.append(Section(words, start, end))
                words, start, end = 0, None, None
            elif block.kind != "code":
                words += len(block.words)
                start = block.start if start is None else start
                end = block.end
        if words:
            result.append(Section(words, start, end))
        return result

    return doc.cached("sections", compute)


def sentence_beginning_runs(doc: Document) -> list[tuple[str, list[Sentence]]]:
    """Runs of consecutive sentences (within one block sequence) that begin with the same word."""

    skips = doc.language.first_word_skips

    def first_word(sentence: Sentence) -> str:
        words = sentence.words
        if not words:
            return ""
        first = words[0].lower
        if first in skips and len(words) > 1:
            return f"{first} {words[1].lower}"
        return first

    def compute():
        runs: list[tuple[str, list[Sentence]]] = []
        current: list[Sentence] = []
        current_word = None
        for sentence in doc.sentences:
            word = first_word(sentence)
            if word and word == current_word:
                current.append(sentence)
            else:
                if current_word and len(current) > 1:
                    runs.append((current_word, current))
                current, current_word = [sentence], word
        if current_word and len(current) > 1:
            runs.append((current_word, current))
        return runs

    return doc.cached("beginning_runs", compute)


def syllables_of(sentence: Sentence, doc: Document) -> int:
    code = doc.language.code
    return sum(count_syllables(w.text, code) for w in sentence.words)
