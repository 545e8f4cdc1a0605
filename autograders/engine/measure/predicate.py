"""Does a sentence have a predicate? The line between a sentence and a fragment or a keyword list.

Each language names its rule in ``settings.json`` (``"predicate_rule"``) and brings its word lists:
``predicate_words.txt`` (copulas, auxiliaries and modals, negation, existentials, request words) and
``bare_verbs.txt`` (verbs used without an affix or ending).

``indonesian``
    A word from either list or from ``pr_headline_verbs.txt``; an active verb (*me-*/*ber-* + a root of Sastrawi's
    dictionary, maybe with *-kan*/*-i*, or a root + *-kan*/*-i*: *melayani*, *berlaku*, *siapkan*, *hubungi*); a
    *di-* or *ter-* passive (the passive check's own rules: *dilayani*, *tertutup*); or a nominal or adjectival
    clause, which Indonesian writes without a copula: a demonstrative, a personal pronoun or a *-nya* noun followed
    by more words (*Layanan ini gratis.*, *Kami siap membantu.*, *Isinya singkat.*). Clitics (*-nya*, *-lah* …) and
    reduplication are taken off first (*tulislah*, *berbeda-beda*).
``english``
    A word from either list; a base verb with *-s*/*-es*/*-ed*/*-ing*; a regular past form (*-ed*); or a subject
    pronoun followed by more words.

A keyword list (*mal pelayanan publik KTP KK akta gratis cepat*) has none of these. Nothing here judges: the
prose check decides what a share of fragments means.
"""
from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache
from itertools import compress
from typing import Callable, Iterable, NamedTuple, Sequence

from ..languages import Language
from ..parse.words import Word
from .lexicon import is_root

_ACTIVE_PREFIXES = ("meng", "meny", "mem", "men", "me", "ber", "be")
_VERB_SUFFIXES = ("kan", "i")
_ID_CLAUSE_OPENERS = frozenset({"ini", "itu", "tersebut", "saya", "kami", "kita", "anda", "mereka", "ia", "dia",
                                "beliau", "kamu", "aku"})
_EN_SUBJECTS = frozenset({"i", "we", "you", "they", "he", "she", "it", "there"})


def is_active_verb_id(word: str, language: Language) -> bool:
    """An Indonesian active verb: a headline verb of the list, *me-*/*ber-* + root (maybe with *-kan*/*-i*), or a
    root + *-kan*/*-i* (*siapkan*, *hubungi*). Words starting with *di-*, *ter-*, *ke-*, *pe-* or *se-* are not."""
    w = word.lower()
    if w in language.words("pr_headline_verbs"):
        return True
    if not w.isalpha() or len(w) < 5:
        return False
    for prefix in _ACTIVE_PREFIXES:
        if w.startswith(prefix) and _root_after(w[len(prefix):]):
            return True
    if w.startswith(("di", "ter", "ke", "pe", "se")):
        return False
    return any(w.endswith(s) and len(w) - len(s) >= 3 and is_root(w[: -len(s)]) for s in _VERB_SUFFIXES)


def _root_after(rest: str) -> bool:
    """Is ``rest`` (a word after its prefix) a root, maybe with -kan/-i, or a root that lost k/p/t/s to the nasal?"""
    candidates = [rest] + [rest[: -len(s)] for s in _VERB_SUFFIXES if rest.endswith(s) and len(rest) > len(s) + 2]
    for c in candidates:
        if len(c) >= 3 and (is_root(c) or any(is_root(lost + c) for lost in "kpts")):
            return True
    return False


_CLITICS = ("nya", "lah", "kah", "pun", "ku", "mu")


@lru_cache(maxsize=100_000)
def is_verb_id(word: str, language: Language) -> bool:
    """An Indonesian verb in running text: :func:`is_active_verb_id`, or a bare verb of ``bare_verbs.txt``, after
    taking off a clitic (*memakainya*, *tulislah*) and reduplication (*berbeda-beda*); also *memper-*/*per-* +
    root + *-kan*/*-i* (*memperbarui*, *perhatikan*) and a root + *-kan*/*-i* that begins like a prefix
    (*ketikkan*, *pelajari*, *setujui*)."""
    w = word.lower()
    if "-" in w:
        w = w.split("-", 1)[0]
    forms = [w] + [w[: -len(c)] for c in _CLITICS if w.endswith(c) and len(w) - len(c) >= 4]
    bare = language.words("bare_verbs")
    for form in forms:
        if form in bare or is_active_verb_id(form, language):
            return True
        if not form.isalpha() or len(form) < 5:
            continue
        # memper-/per- (and pel- before ajar: pelajari) + root + -kan/-i
        rest = form[6:] if form.startswith(("memper", "mempel")) else form[3:] if form.startswith(("per", "pel")) else ""
        for suffix in _VERB_SUFFIXES:
            if rest and rest.endswith(suffix) and len(rest) - len(suffix) >= 3 and is_root(rest[: -len(suffix)]):
                return True
            if form.startswith(("ke", "pe", "se")) and form.endswith(suffix) and is_root(form[: -len(suffix)]) \
                    and len(form) - len(suffix) >= 4:
                return True
    return False


@lru_cache(maxsize=None)
def _markers(language: Language) -> frozenset[str]:
    return language.words("predicate_words") | language.words("bare_verbs")


@lru_cache(maxsize=100_000)
def _english_verb(lower: str, language: Language) -> bool:
    verbs = language.words("bare_verbs")
    if lower in verbs:
        return True
    for ending in ("s", "es", "ed", "d", "ing"):
        if lower.endswith(ending) and lower[: -len(ending)] in verbs:
            return True
    if lower.endswith("ied") and lower[:-3] + "y" in verbs:
        return True
    return len(lower) >= 5 and lower.endswith("ed") and lower not in language.words("ed_adjectives")


class _Rule(NamedTuple):
    verb: Callable[[str, Language], bool]  # a word that makes a predicate by itself
    openers: frozenset[str]  # words that open a clause when another word follows
    opens_by_suffix: str  # a suffix that makes a word an opener ("nya": "Keduanya terlalu umum.")
    passive: bool  # the language's di-/ter- passives count as predicates


RULES: dict[str, _Rule] = {
    "indonesian": _Rule(is_verb_id, _ID_CLAUSE_OPENERS, "nya", True),
    "english": _Rule(_english_verb, _EN_SUBJECTS, "", False),
}


@lru_cache(maxsize=None)
def _rule(language: Language) -> _Rule | None:
    return RULES.get(str(language.settings.get("predicate_rule", "")))


_VERB_MEMO: dict[Language, dict[str, bool]] = {}  # language -> word -> is it a predicate word (a pure function's memo)
_VERB_MEMO_LIMIT = 200_000


def predicate_vocabulary(vocabulary: Iterable[str], language: Language) -> frozenset[str]:
    """The words of ``vocabulary`` (lower case) that give a sentence a predicate wherever they stand."""
    rule = _rule(language)
    if rule is None:
        return frozenset(vocabulary)
    memo = _VERB_MEMO.get(language)
    if memo is None:
        memo = _VERB_MEMO.setdefault(language, {})
    words = list(vocabulary)
    known = list(map(memo.get, words))  # one C-level look-up per word; None where not yet known
    if None in known:
        markers = _markers(language)
        for i, word in enumerate(words):
            if known[i] is None:
                known[i] = word in markers or rule.verb(word, language)
                if len(memo) < _VERB_MEMO_LIMIT:
                    memo[word] = known[i]
    return frozenset(compress(words, known))


def opener_vocabulary(vocabulary: Iterable[str], language: Language, lines: str | None = None) -> frozenset[str]:
    """The words of ``vocabulary`` that give a sentence a predicate when another word follows them: the rule's
    openers and the words with its opening suffix (*-nya*: *Keduanya terlalu umum.*). ``lines`` is the vocabulary
    one word per line, when the caller has it."""
    rule = _rule(language)
    if rule is None:
        return frozenset()
    words = frozenset(vocabulary)
    found = rule.openers & words
    if rule.opens_by_suffix:
        found |= frozenset(_suffix_pattern(rule.opens_by_suffix).findall("\n".join(words) if lines is None else lines))
    return found


@lru_cache(maxsize=None)
def _suffix_pattern(suffix: str) -> re.Pattern[str]:
    return re.compile(rf"^[^\n]{{3,}}{re.escape(suffix)}$", re.M)


def predicate_in(words: Sequence[Word], lowers: Sequence[str], language: Language, verbs: AbstractSet[str],
                 openers: AbstractSet[str], passive: bool | None = None) -> bool:
    """The rule on one sentence, with the word sets computed once for a whole document (``verbs``, ``openers``
    from :func:`predicate_vocabulary` and :func:`opener_vocabulary`) and, when known, whether the passive check
    found a passive in it."""
    rule = _rule(language)
    if rule is None or not verbs.isdisjoint(lowers):
        return True
    if not openers.isdisjoint(lowers):
        last = len(words) - 1
        for i, lower in enumerate(lowers):
            if i < last and lower in openers and words[i].kind == "word" and words[i + 1].kind in ("word", "number"):
                return True  # "Layanan ini gratis.", "Kami siap membantu.", "Keduanya terlalu umum."
    if not rule.passive:
        return False
    if passive is not None:
        return passive
    from .passive import di_passive, ter_passive

    pairs = [(lower, w.text[:1].isupper()) for lower, w in zip(lowers, words)]
    return di_passive(pairs, language) is not None or ter_passive(pairs, language) is not None


def has_predicate(words: Sequence[Word], language: Language) -> bool:
    """True when the words of one sentence hold a predicate by the language's rule (True when it names none)."""
    lowers = [w.lower for w in words]
    present = {w.lower for w in words if w.kind == "word"}
    return predicate_in(words, lowers, language, predicate_vocabulary(present, language),
                        opener_vocabulary(present, language))
