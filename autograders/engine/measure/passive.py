"""Passive voice: which sentences are passive, and which word makes them so.

Each language's ``settings.json`` lists the rules that apply (``"passive_rules"``); the rules read word lists
from the language folder. Indonesian rules, all applied to one sentence's words:

``di_passive``
    A word *di* + verb root (with optional *-kan*, *-i*, *-nya*, *per-*): *dilayani*, *diperbarui*. Not a passive
    when the word itself is a root word (*diskusi*, *dinas*, *direktur*, *dirinya*), is on the exception list, is a
    government abbreviation (*diklat*, *dinkes*, *dirjen*) or is capitalised mid-sentence (a name: *Dimas*).
    The root after *di* must be a real Indonesian root (Sastrawi's dictionary), so *diklat* (→ *klat*) never counts.
``ter_passive``
    *ter* + a root on the list of verbs whose *ter-* form is a passive or accidental (*tertutup*, *terjual*,
    *tercatat*), never superlatives (*terbaik*) or words that merely start with *ter* (*terus*, *terima kasih*).
``ke_an_adversative``
    *ke-…-an* around a root on the adversative list (*kehujanan*, *kebanjiran*, *kecurian*).
``object_focus``
    The object-focus passive: a fronted object marked by *itu/ini/tersebut*, then optional aspect words, a
    pronoun agent and a bare verb: *Surat itu saya tanda tangani*, *Laporan ini sudah kami kirim*.

English: ``be_participle`` — a form of *be* or *get*, optional adverbs, then a past participle (regular *-ed*
or from the irregular list): *was written*, *is being built*, *got approved*.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Set as AbstractSet
from typing import Callable, Iterable, Sequence

from ..parse.document import Sentence
from ..languages import Language
from .lexicon import is_root, root_words

_SUFFIXES = ("kannya", "kanlah", "kan", "inya", "nya", "lah", "pun", "i")


def _gov_abbreviations(language: Language) -> frozenset[str]:
    return _abbr_first_column(language)


@lru_cache(maxsize=None)
def _abbr_first_column(language: Language) -> frozenset[str]:
    names = set()
    for name in ("government_abbreviations",):
        for entry in language.words(name):
            names.add(entry.split("\t")[0].strip().lower())
        for row in language.table(name, 2):
            names.add(row[0].lower())
    return frozenset(names)


def _positions(words: list[tuple[str, bool]], candidates: Sequence[int] | None) -> Sequence[int]:
    """Where a rule may start: the given candidate positions (words that trigger some rule), or every word."""
    return range(len(words)) if candidates is None else candidates


def _strip_suffix(word: str) -> Iterable[str]:
    yield word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            yield word[: -len(suffix)]


@lru_cache(maxsize=65_536)
def _di_root(word: str) -> str | None:
    """The verb root inside a di- word, or None."""
    rest = word[2:]
    roots = root_words()
    candidates = [rest]
    if rest.startswith("per"):
        candidates.append(rest[3:])
    if rest.startswith("ber"):
        candidates.append(rest[3:])
    for candidate in candidates:
        for form in _strip_suffix(candidate):
            if form in roots and len(form) >= 3:
                return form
            compound = _compound(form, roots)
            if compound:
                return compound
    return None


def _compound(form: str, roots: frozenset[str]) -> str | None:
    """Closed compounds written as one word after an affix: ditandatangani, ditindaklanjuti."""
    for k in range(4, len(form) - 3):
        if form[:k] in roots and form[k:] in roots:
            return form
    return None


def di_passive(words: list[tuple[str, bool]], language: Language, candidates: Sequence[int] | None = None) -> int | None:
    exceptions = language.words("passive_di_exceptions")
    government = _gov_abbreviations(language)
    for i in [i for i in _positions(words, candidates) if words[i][0].startswith("di")]:
        word, capitalised = words[i]
        if len(word) < 5 or not word.isalpha():
            continue
        if capitalised and i > 0:
            continue  # a name: Dimas, Dinda, Direktorat as a proper noun
        if word in exceptions or word in government or is_root(word):
            continue
        root = _di_root(word)
        # Sentence-initial capitals may be names (Dimas, Dian): there, a root of 3 letters is not evidence enough.
        if root and not (capitalised and len(root) < 4):
            return i
    return None


def ter_passive(words: list[tuple[str, bool]], language: Language, candidates: Sequence[int] | None = None) -> int | None:
    roots = language.words("ter_passive_roots")
    not_passive = language.words("ter_non_passive")
    for i in [i for i in _positions(words, candidates) if words[i][0].startswith("ter")]:
        word, capitalised = words[i]
        if len(word) < 6 or word in not_passive or (capitalised and i > 0):
            continue
        rest = word[3:]
        # ter- drops one r before a root starting with r: terendam (rendam), terekam (rekam).
        candidates = (rest, "r" + rest) if not rest.startswith("r") else (rest,)
        if any(form in roots for candidate in candidates for form in _strip_suffix(candidate)):
            if _active_verb_after(words, i):
                continue  # "Warga terdampak banjir menerima bantuan": ter- only describes the noun
            return i
    return None


def _active_verb_after(words: list[tuple[str, bool]], i: int) -> bool:
    """An active meN- verb later in the sentence makes an earlier ter- word a modifier, not the predicate."""
    for word, _cap in words[i + 1:]:
        if word.startswith(("mem", "men", "meng", "meny", "me")) and len(word) > 5 and not is_root(word):
            return True
    return False


def ke_an_adversative(words: list[tuple[str, bool]], language: Language, candidates: Sequence[int] | None = None) -> int | None:
    roots = language.words("ke_an_adversative_roots")
    for i in [i for i in _positions(words, candidates) if words[i][0].startswith("ke")]:
        word = words[i][0]
        if word.endswith("an") and len(word) > 6 and word[2:-2] in roots:
            return i
    return None


_ASPECT = frozenset("sudah telah akan belum sedang masih harus dapat bisa perlu segera baru pun juga lalu tidak".split())
_FRONTING = frozenset(("itu", "ini", "tersebut", "tadi"))
# "selain itu, saya …", "oleh karena itu kami …": a connective, not a fronted object.
_CONNECTIVE_BEFORE = frozenset("selain karena setelah sesudah sebelum untuk dengan demikian namun sementara akibat oleh "
                               "meskipun walaupun sejak begitu kalau jika apabila bila di dari ke pada saat waktu".split())


# Words that follow a pronoun subject without making an object-focus passive: modals, adjectives of ability.
_NOT_VERBS = _ASPECT | frozenset("mampu ingin mau hendak suka senang yakin tahu paham sangat lebih semua sendiri".split())


def _bare_verb(word: str, roots: frozenset[str]) -> bool:
    """A verb without the active meN- prefix: a root, root + -kan/-i, or per-/pel- + root (+ -kan/-i)."""
    for form in _strip_suffix(word):
        if form in roots or _compound(form, roots):
            return True
        for prefix in ("per", "pel"):
            if form.startswith(prefix) and form[len(prefix):] in roots:
                return True
    return False


def object_focus(words: list[tuple[str, bool]], language: Language, candidates: Sequence[int] | None = None) -> int | None:
    pronouns = language.words("object_focus_pronouns") or frozenset(("saya", "kami", "kita", "aku", "kamu", "anda", "engkau"))
    roots = root_words()
    for i in [i for i in _positions(words, candidates) if words[i][0] in _FRONTING]:
        if i == 0 or words[i - 1][0] in _CONNECTIVE_BEFORE:
            continue
        # The fronted object is a noun phrase: no active verb before it ("Setelah mempelajari modul ini, Anda mampu").
        if any(w.startswith(("me", "ber")) and not is_root(w) for w, _ in words[:i]):
            continue
        j = i + 1
        while j < len(words) and words[j][0] in _ASPECT:
            j += 1
        if j + 1 < len(words) and words[j][0] in pronouns:
            verb = words[j + 1][0]
            if verb not in _NOT_VERBS and _bare_verb(verb, roots) and (verb in roots or not verb.startswith(("me", "ber", "ter", "di"))):
                return j
        if j < len(words) and (words[j][0].startswith(("ku", "kau")) and len(words[j][0]) > 4):
            rest = words[j][0][2:] if words[j][0].startswith("ku") else words[j][0][3:]
            if any(form in roots for form in _strip_suffix(rest)) and not is_root(words[j][0]):
                return j
    return None


_BE = frozenset("is are was were be been being am get gets got gotten getting become becomes became".split())
BE_WORDS = _BE  # the auxiliaries of the English passive (public: headlines show "Was Opened", not just "Opened")
_ADVERB = re.compile(r"^(?:not|never|also|already|often|always|still|just|being|been|\w+ly)$")
_ED_NOT_PARTICIPLE = frozenset("need red bed shed feed seed speed bleed breed weed hundred indeed".split())


def be_participle(words: list[tuple[str, bool]], language: Language, candidates: Sequence[int] | None = None) -> int | None:
    irregular = language.words("irregular_participles")
    adjectives = language.words("ed_adjectives")
    for i in [i for i in _positions(words, candidates) if words[i][0] in _BE]:
        j = i + 1
        while j < len(words) and _ADVERB.match(words[j][0]) and words[j][0] not in irregular:
            j += 1
        if j < len(words):
            candidate = words[j][0]
            if candidate in adjectives:
                continue
            if candidate in irregular or (candidate.endswith("ed") and len(candidate) > 3 and candidate not in _ED_NOT_PARTICIPLE):
                return j
    return None


RULES: dict[str, Callable[..., int | None]] = {  # (words, language, candidates=None) -> index or None
    "di_passive": di_passive,
    "ter_passive": ter_passive,
    "ke_an_adversative": ke_an_adversative,
    "object_focus": object_focus,
    "be_participle": be_participle,
}


# The word each rule starts from (a rule looks at a sentence only if one of its words can start it). A sentence
# with none of these words cannot be passive, so most sentences are answered by one set lookup per word.
TRIGGERS: dict[str, Callable[[str], bool]] = {
    "di_passive": lambda w: len(w) >= 5 and w.startswith("di"),
    "ter_passive": lambda w: len(w) >= 6 and w.startswith("ter"),
    "ke_an_adversative": lambda w: len(w) > 6 and w.startswith("ke") and w.endswith("an"),
    "object_focus": lambda w: w in _FRONTING,
    "be_participle": lambda w: w in _BE,
}
_TRIGGER_MEMO: dict[tuple[str, ...], tuple[set[str], set[str]]] = {}  # rules -> (words seen, words that trigger)
_TRIGGER_MEMO_LIMIT = 200_000


def trigger_words(words: Iterable[str], rules: tuple[str, ...]) -> set[str]:
    """The lower-case words among ``words`` that can start one of ``rules`` (memoised per set of rules)."""
    memo = _TRIGGER_MEMO.get(rules)
    if memo is None:
        memo = _TRIGGER_MEMO.setdefault(rules, (set(), set()))
    seen, triggering = memo
    words = words if isinstance(words, (set, frozenset)) else set(words)
    found = triggering & words
    new = words - seen
    if new:
        tests = [TRIGGERS[rule] for rule in rules]
        hits = {w for w in new if any(test(w) for test in tests)}
        found |= hits
        if len(seen) < _TRIGGER_MEMO_LIMIT:
            seen.update(new)
            triggering.update(hits)
    return found


def passive_word(sentence: Sentence, language: Language, triggers: AbstractSet[str] | None = None) -> int | None:
    """Index (into ``sentence.words``) of the word that makes the sentence passive, or None.

    ``triggers``: the words that can start a rule, when the caller already knows them for the whole draft.
    """
    rules = tuple(language.settings.get("passive_rules", ()))
    if triggers is None:
        triggers = trigger_words([w.lower for w in sentence.words], rules)
    words = [(w.lower, w.text[0].isupper()) for w in sentence.words if w.kind == "word"]  # a word is never empty
    candidates = [i for i, (word, _cap) in enumerate(words) if word in triggers]
    if not candidates:
        return None
    for rule in rules:
        hit = RULES[rule](words, language, candidates)
        if hit is not None:
            return hit if len(words) == len(sentence.words) else [
                k for k, w in enumerate(sentence.words) if w.kind == "word"][hit]
    return None


def is_passive(sentence: Sentence, language: Language) -> bool:
    return passive_word(sentence, language) is not None
