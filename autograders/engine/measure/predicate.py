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

from functools import lru_cache
from typing import Callable, Sequence

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


def _indonesian(words: Sequence[Word], language: Language) -> bool:
    from .passive import di_passive, ter_passive

    lowers = [w.lower for w in words]
    if not _markers(language).isdisjoint(lowers):
        return True
    last = len(words) - 1
    for i, word in enumerate(words):
        if word.kind != "word":
            continue
        lower = lowers[i]
        if i < last and words[i + 1].kind in ("word", "number") and (
                lower in _ID_CLAUSE_OPENERS or (lower.endswith("nya") and len(lower) >= 6 and i < last)):
            return True  # "Layanan ini gratis.", "Kami siap membantu.", "Keduanya terlalu umum."
        if is_verb_id(lower, language):
            return True
    pairs = [(lower, w.text[:1].isupper()) for lower, w in zip(lowers, words)]
    return di_passive(pairs, language) is not None or ter_passive(pairs, language) is not None


def _english(words: Sequence[Word], language: Language) -> bool:
    lowers = [w.lower for w in words]
    if not _markers(language).isdisjoint(lowers):
        return True
    verbs = language.words("bare_verbs")
    last = len(words) - 1
    for i, lower in enumerate(lowers):
        if words[i].kind != "word":
            continue
        if lower in verbs:
            return True
        if lower in _EN_SUBJECTS and i < last and words[i + 1].kind == "word":
            return True
        for ending in ("s", "es", "ed", "d", "ing"):
            if lower.endswith(ending) and lower[: -len(ending)] in verbs:
                return True
        if lower.endswith("ied") and lower[:-3] + "y" in verbs:
            return True
        if len(lower) >= 5 and lower.endswith("ed") and lower not in language.words("ed_adjectives"):
            return True
    return False


RULES: dict[str, Callable[[Sequence[Word], Language], bool]] = {"indonesian": _indonesian, "english": _english}


def has_predicate(words: Sequence[Word], language: Language) -> bool:
    """True when the words of one sentence hold a predicate by the language's rule (True when it names none)."""
    rule = RULES.get(str(language.settings.get("predicate_rule", "")))
    return True if rule is None else rule(words, language)
