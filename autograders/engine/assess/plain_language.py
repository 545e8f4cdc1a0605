"""Plain government Indonesian: non-standard word forms, bureaucratic filler and unexplained acronyms.

Three kinds of finding, each a :class:`Finding` with the trainee's own words and a suggestion:

* **kata baku** — ``nonstandard_words.tsv`` (``nonstandard<TAB>standard<TAB>kind``). Inflected forms are found by
  affix handling: suffixes (*-nya, -lah, -kan, -an, -i, -pun* …) and prefixes (*me(N)-, pe(N)-, di-, ter-, ber-,
  ke-, se-, per-*) are stripped until a listed non-standard root appears (*menghimbau* → *himbau*), and the
  suggestion re-attaches them to the standard root with the nasal rules of EYD V (*meng- + imbau* →
  *mengimbau*; *ber- + risiko* → *berisiko*). Capitalised words inside a sentence are names and are skipped,
  except the old spellings of day and month names (kind ``calendar``: *Jum'at*, *Pebruari*), which are found
  unless they stand next to another capitalised word (a longer name). English words the course replaces (kind
  ``english``: *online* → *daring*) and standard forms holding alternatives (``a/b``) are never re-affixed by
  rule; their derived forms are listed. ``plain_context_exceptions.tsv`` also lists the word before a listed
  form that makes it a fixed term (*uji formil*, the Constitutional Court's own term).
* **bureaucratic filler** — ``bureaucratic_phrases.tsv`` (``phrase<TAB>alternative<TAB>note``), matched on words,
  so punctuation and capitals inside the phrase do not matter. ``plain_context_exceptions.tsv`` lists the
  words before a phrase that make it ordinary Indonesian (*tepat guna*).
* **acronyms** — an acronym whose first use in the body is not spelled out (``Badan Penanggulangan Bencana Daerah
  (BPBD)`` or ``BPBD (Badan …)``) and that is not in ``plain_known_acronyms.txt``. The suggestion uses the
  expansion in ``government_abbreviations.txt`` when known.

Words and phrases are matched after :func:`~..parse.lookalikes.fold_lookalikes`: a Cyrillic or Greek letter that
looks Latin (*himbаu*) does not hide a word from the lists; findings keep the trainee's own text and offsets.

Only for Indonesian drafts; the check ``plain_language`` returns ``na`` for other languages.
"""
from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..checks import CheckResult, Mark
from ..parse.document import Block, Document
from ..languages import Language, read_table
from ..measure.lexicon import is_root
from ..measure.measurements import vocabulary
from ..paper import Paper
from ..parse.lookalikes import fold_lookalikes
from ..parse.words import Word, is_acronym, tokenize

# Judging: findings per draft (a government text should have none).
RULES = {"good_max_findings": 0, "ok_max_findings": 2, "min_root_letters": 4, "max_acronym_letters": 6}

_SUFFIXES = ("kannya", "annya", "inya", "kanlah", "nyalah", "kan", "an", "i", "nya", "lah", "kah", "pun", "ku", "mu")
_DERIVATIONAL = frozenset(("kannya", "annya", "inya", "kanlah", "kan", "an", "i"))
_NASAL = ("meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "pe")
_PLAIN = ("memper", "diper", "ber", "ter", "per", "be", "te", "di", "ke", "se")  # be-/te- only before r
_VOWELS = "aeiou"


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    text: str
    suggestion: str
    kind: str  # spelling | form | split | bureaucratic | acronym


# ----------------------------------------------------------------------------------------------- data
@lru_cache(maxsize=None)
def nonstandard_table(folder: Path) -> dict[str, str]:
    """Lower-case non-standard form -> standard form (first row wins)."""
    table: dict[str, str] = {}
    for nonstandard, standard, _kind in read_table(folder / "nonstandard_words.tsv", 3):
        key = " ".join(nonstandard.lower().split())
        if key and standard and key != standard.lower():
            table.setdefault(key, standard)
    return table


@lru_cache(maxsize=None)
def nonstandard_kinds(folder: Path) -> dict[str, str]:
    """Lower-case non-standard form -> its kind (``spelling``, ``form``, ``split``, ``informal``, ``calendar``,
    ``english``), first row wins as in :func:`nonstandard_table`."""
    kinds: dict[str, str] = {}
    for nonstandard, standard, kind in read_table(folder / "nonstandard_words.tsv", 3):
        key = " ".join(nonstandard.lower().split())
        if key and standard and key != standard.lower():
            kinds.setdefault(key, kind)
    return kinds


@lru_cache(maxsize=None)
def calendar_forms(folder: Path) -> frozenset[str]:
    """Old spellings of day and month names: found even when capitalised inside a sentence."""
    return frozenset(k for k, kind in nonstandard_kinds(folder).items() if kind == "calendar")


@lru_cache(maxsize=None)
def bureaucratic_table(folder: Path) -> tuple[tuple[tuple[str, ...], str], ...]:
    """(phrase as lower-case words, alternative), longest phrases first."""
    rows = []
    for phrase, alternative, _note in read_table(folder / "bureaucratic_phrases.tsv", 3):
        words = tuple(w.lower for w in tokenize(phrase))
        if words:
            rows.append((words, alternative))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=None)
def context_exceptions(folder: Path) -> frozenset[tuple[str, str]]:
    return frozenset((p.lower(), before.lower()) for p, before in read_table(folder / "plain_context_exceptions.tsv", 2))


@lru_cache(maxsize=None)
def abbreviation_expansions(folder: Path) -> dict[str, str]:
    """Lower-case abbreviation -> expansion, from ``government_abbreviations.txt`` (``abbr<TAB>expansion``)."""
    out: dict[str, str] = {}
    for abbr, expansion in read_table(folder / "government_abbreviations.txt", 2):
        if abbr and expansion:
            out.setdefault(abbr.lower(), expansion)
    return out


@lru_cache(maxsize=None)
def known_acronyms(folder: Path) -> frozenset[str]:
    from ..languages import read_list

    return frozenset(a.lower() for a in read_list(folder / "plain_known_acronyms.txt"))


# ----------------------------------------------------------------------------------------------- affixes
def nasal_prefix(base: str, root: str) -> str:
    """``me``/``pe`` + root with the EYD V nasal rules (``me`` + ``imbau`` -> ``mengimbau``; + ``sukses`` -> ``menyukses``)."""
    r = root.lower()
    if not r:
        return base + root
    first, second = r[0], r[1:2]
    melts = second in _VOWELS and second != ""
    if first in _VOWELS or first in "gh" or r.startswith("kh"):
        return base + "ng" + root
    if first == "k":
        return base + "ng" + (root[1:] if melts else root)
    if first in "bfv":
        return base + "m" + root
    if first == "p":
        return base + "m" + (root[1:] if melts else root)
    if r.startswith("sy") or first in "cdjz":
        return base + "n" + root
    if first == "t":
        return base + "n" + (root[1:] if melts else root)
    if first == "s":
        return base + "ny" + (root[1:] if melts else root)
    return base + root  # l m n r w y


def attach_prefix(prefix: str, root: str) -> str:
    if prefix in _NASAL:
        return nasal_prefix(prefix[:2], root)
    if prefix in ("ber", "ter", "per", "be", "te") and root[:1].lower() == "r":
        return prefix[:2] + root
    return prefix + root


def attach_suffix(word: str, suffix: str) -> str:
    if not suffix:
        return word
    if suffix == "pun":
        return f"{word} pun"  # "apa pun", "di mana pun": pun meaning "any" is written apart
    return word + suffix


def _nasal_fits(prefix: str, root: str) -> bool:
    """Could ``prefix`` stand before ``root`` as written (meng- before vowels/g/h/k, mem- before b/f/p/v, …)?"""
    first = root[:1]
    tail = prefix[2:]
    return {
        "ng": first in _VOWELS or first in "ghk",
        "ny": first in _VOWELS,
        "m": first in "bfpv",
        "n": first in "cdjtzs",
        "": first in "lmnrwy",
    }.get(tail, False)


def _candidates(word: str) -> list[tuple[str, str, str]]:
    """(prefix, root, suffix) decompositions of ``word``, most specific first (no prefix, then prefixes)."""
    suffixes = [""] + [s for s in _SUFFIXES if word.endswith(s) and len(word) > len(s) + 2]
    out: list[tuple[str, str, str]] = []
    for suffix in suffixes:
        stem = word[: len(word) - len(suffix)] if suffix else word
        if suffix:
            out.append(("", stem, suffix))
        for prefix in _PLAIN + _NASAL:
            if not stem.startswith(prefix) or len(stem) - len(prefix) < RULES["min_root_letters"]:
                continue
            root = stem[len(prefix):]
            if prefix in _NASAL:
                if _nasal_fits(prefix, root):
                    out.append((prefix, root, suffix))
                tail = prefix[2:]
                lost = {"ny": "s", "ng": "k", "m": "p", "n": "t"}.get(tail)
                if lost and root[:1] in _VOWELS:
                    out.append((prefix, lost + root, suffix))
            elif prefix not in ("be", "te") or root.startswith("r"):
                out.append((prefix, root, suffix))
    return out


def suggest_word(word: str, table: dict[str, str], kinds: dict[str, str] | None = None) -> str | None:
    """The standard form of one word if it is a listed non-standard form or one inflected from a listed root.

    ``kinds`` (non-standard form -> kind) keeps English words from being re-affixed: only a clitic (*-nya*,
    *-lah* …) is re-attached to them (*linknya* → *tautannya*), never a prefix or a derivational suffix
    (*dilink* is listed on its own). Returns the suggestion in the word's capitalisation, or None when the word
    is standard (or unknown).
    """
    lower = word.lower()
    standard = table.get(lower)
    if standard is None and not is_root(lower):
        for prefix, root, suffix in _candidates(lower):
            if len(root) >= RULES["min_root_letters"] and root in table:
                base = table[root]
                if "/" in base:
                    continue  # alternatives for different uses ("berkoordinasi/mengoordinasikan"): listed forms only
                if kinds and kinds.get(root) == "english" and (prefix or suffix in _DERIVATIONAL):
                    continue  # an English word takes no Indonesian affix by rule ("dilink" is not "ditautan")
                if " " in base and suffix in _DERIVATIONAL:
                    continue  # "ditandatangani", "diakhiri": with -i/-kan/-an a compound is written joined
                standard = attach_suffix(attach_prefix(prefix, base) if prefix else base, suffix)
                break
    if standard is None or standard.lower() == lower:
        return None
    return match_case(word, standard)


# The memo of suggest_word per language folder: word as written -> suggestion, and the set of words that have one
# (so a draft's words are checked against a set, not through a call each).
_SUGGESTIONS: dict[str, tuple[dict[str, str | None], set[str]]] = {}
_SUGGESTIONS_LIMIT = 200_000


def _suggestions(folder: Path) -> tuple[dict[str, str | None], set[str]]:
    key = str(folder)
    pair = _SUGGESTIONS.get(key)
    if pair is None:
        pair = _SUGGESTIONS.setdefault(key, ({}, set()))
    return pair


def _suggest_cached(folder: Path, word: str, memo: dict[str, str | None]) -> str | None:
    """``suggest_word`` through the memo; words beyond the memo's limit are answered without being kept."""
    if word in memo:
        return memo[word]
    suggestion = suggest_word(word, nonstandard_table(folder), nonstandard_kinds(folder))
    if len(memo) < _SUGGESTIONS_LIMIT:
        if suggestion:
            _suggestions(folder)[1].add(word)
        memo[word] = suggestion
    return suggestion


def match_case(original: str, suggestion: str) -> str:
    """The suggestion written in the original's case: all capitals, or a capital first letter. A suggestion that
    starts with a capital (a day, month or holiday name: *Februari*) keeps it."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return suggestion.upper()
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


# ----------------------------------------------------------------------------------------------- finders
def _text_blocks(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind != "code" and b.words]


def _sentence_starts(doc: Document) -> frozenset[int]:
    starts = {b.start for b in doc.blocks}
    starts.update(s.start for s in doc.sentences)
    return frozenset(starts)


def _is_sentence_initial(word: Word, text: str, starts: frozenset[int]) -> bool:
    if word.start in starts:
        return True
    before = text[max(0, word.start - 3): word.start].rstrip(" \"'“‘(")
    return before == "" or before[-1:] in ".!?:\n"


@dataclass(frozen=True)
class PhraseIndex:
    """Phrases (word tuples) by their first word, and by their first two words, so a text is scanned once and a
    frequent first word (*di*, *dalam*) costs one lookup, not a comparison with each of its phrases."""

    firsts: frozenset[str]
    singles: frozenset[str]
    by_two: dict[tuple[str, str], list[tuple[str, ...]]]  # longest first


def _phrase_index(phrases) -> PhraseIndex:
    by_two: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    singles = set()
    for phrase in sorted(set(phrases), key=len, reverse=True):
        if len(phrase) == 1:
            singles.add(phrase[0])
        elif phrase:
            by_two.setdefault((phrase[0], phrase[1]), []).append(phrase)
    return PhraseIndex(frozenset(singles) | frozenset(k[0] for k in by_two), frozenset(singles), by_two)


@lru_cache(maxsize=None)
def _nonstandard_phrases(folder) -> PhraseIndex:
    return _phrase_index(tuple(k.split()) for k in nonstandard_table(folder) if " " in k)


@lru_cache(maxsize=None)
def _bureaucratic_index(folder) -> tuple[PhraseIndex, dict[tuple[str, ...], str]]:
    rows = bureaucratic_table(folder)
    alternatives: dict[tuple[str, ...], str] = {}
    for phrase, alternative in rows:
        alternatives.setdefault(tuple(phrase), alternative)
    return _phrase_index(alternatives), alternatives


def _match_phrases(lower: list[str], index: PhraseIndex,
                   breaks: AbstractSet[int] = frozenset()) -> list[tuple[int, tuple[str, ...]]]:
    """(i, phrase) for every non-overlapping phrase occurrence, scanning left to right, longest phrase first.
    A phrase never runs across a position in ``breaks`` (the first word of another block)."""
    found: list[tuple[int, tuple[str, ...]]] = []
    free = 0  # the first index not inside an earlier match
    last = len(lower) - 1
    by_two, singles = index.by_two, index.singles
    for i in [i for i, word in enumerate(lower) if word in index.firsts]:  # the few words that can start a phrase
        if i < free:
            continue
        matched = None
        if i < last and (i + 1) not in breaks:
            for phrase in by_two.get((lower[i], lower[i + 1]), ()):
                n = len(phrase)
                if (n == 2 or tuple(lower[i:i + n]) == phrase) and breaks.isdisjoint(range(i + 2, i + n)):
                    matched = phrase
                    break
        if matched is None and lower[i] in singles:
            matched = (lower[i],)
        if matched is not None:
            found.append((i, matched))
            free = i + len(matched)
    return found


def _running_words(doc: Document) -> tuple[list[Word], list[str], frozenset[int]]:
    """The draft's words and numbers in one list, their lower-case forms (look-alike letters folded), and the
    positions where a new block starts (so one pass serves the whole draft and no phrase runs from one block
    into the next)."""
    def compute():
        words: list[Word] = []
        breaks: list[int] = []
        for block in _text_blocks(doc):
            breaks.append(len(words))
            words.extend([w for w in block.words if w.kind == "word" or w.kind == "number"])
        folded = _folded_forms(doc)
        lower = [w.lower for w in words]
        if folded:
            lower = [fold_lookalikes(word) if word in folded else word for word in lower]
        return words, lower, frozenset(breaks)
    return doc.cached("running_words", compute)


def _written_forms(doc: Document) -> frozenset[str]:
    """The distinct words of the draft as written."""
    return doc.cached("written_forms", lambda: frozenset([w.text for w in doc.words]))


def _folded_forms(doc: Document) -> dict[str, str]:
    """Written form -> form with look-alike letters folded, for the words that fold ({} for most drafts)."""
    def compute() -> dict[str, str]:
        out = {}
        for text in _written_forms(doc):
            folded = fold_lookalikes(text)
            if folded != text:
                out[text] = folded
                out[text.lower()] = folded.lower()
        return out
    return doc.cached("folded_forms", compute)


def _vocabulary(doc: Document) -> frozenset[str]:
    """The draft's distinct lower-case words, folded forms included."""
    folded = _folded_forms(doc)
    if not folded:
        return vocabulary(doc)
    return doc.cached("folded_vocabulary", lambda: vocabulary(doc) | frozenset(v.lower() for v in folded.values()))


def find_nonstandard(doc: Document) -> list[Finding]:
    table = nonstandard_table(doc.language.folder)
    if not table:
        return []
    folder = doc.language.folder
    index = _nonstandard_phrases(folder)
    memo, flagged = _suggestions(folder)
    folded = _folded_forms(doc)
    texts = _written_forms(doc)
    if folded:
        texts = frozenset(folded.get(t, t) for t in texts)
    # Words not seen before in this process (kept here too, in case the memo is full).
    fresh = {t: _suggest_cached(folder, t, memo) for t in texts - memo.keys()}
    fresh = {t: suggestion for t, suggestion in fresh.items() if suggestion}
    suspects = (flagged & texts) | fresh.keys()
    phrase_starts = index.firsts & _vocabulary(doc)
    if not suspects and not phrase_starts:
        return []  # a draft in kata baku: no word to look at
    words, lower, breaks = _running_words(doc)
    found: list[Finding] = []
    taken: set[int] = set()
    if phrase_starts:
        for i, phrase in _match_phrases(lower, index, breaks):
            n = len(phrase)
            start, end = words[i].start, words[i + n - 1].end
            text = doc.text[start:end]
            found.append(Finding(start, end, text, match_case(text, table[" ".join(phrase)]), "spelling"))
            taken.update(range(i, i + n))
    if suspects:
        starts = _sentence_starts(doc)
        calendar = calendar_forms(folder)
        exceptions = context_exceptions(folder)
        for i in [i for i, w in enumerate(words) if folded.get(w.text, w.text) in suspects]:  # most: not suspects
            word = words[i]
            text = word.text
            key = folded.get(text, text)
            if i in taken or not text[:1].isalpha():
                continue
            if text[:1].isupper() and not is_acronym(key) and not _is_sentence_initial(word, doc.text, starts):
                if lower[i] not in calendar or _next_to_a_name(words, i, breaks):
                    continue  # a name (Apotik Sehat, Jalan Praktek): not ours to respell
            if i > 0 and i not in breaks and (lower[i], lower[i - 1]) in exceptions:
                continue  # a fixed term ("uji formil")
            found.append(Finding(word.start, word.end, text, fresh.get(key) or memo[key], "spelling"))
    found.sort(key=lambda f: f.start)
    return found


def _next_to_a_name(words: list[Word], i: int, breaks: frozenset[int]) -> bool:
    """Is word ``i`` next to another capitalised word of its block (part of a longer name)?"""
    before = words[i - 1].text if i > 0 and i not in breaks else ""
    after = words[i + 1].text if i + 1 < len(words) and (i + 1) not in breaks else ""
    return any(w[:1].isupper() and w[:1].isalpha() for w in (before, after))


def find_bureaucratic(doc: Document) -> list[Finding]:
    index, alternatives = _bureaucratic_index(doc.language.folder)
    if not alternatives or index.firsts.isdisjoint(_vocabulary(doc)):
        return []
    exceptions = context_exceptions(doc.language.folder)
    words, lower, breaks = _running_words(doc)
    found: list[Finding] = []
    for i, phrase in _match_phrases(lower, index, breaks):
        key = " ".join(phrase)
        if i > 0 and i not in breaks and (key, lower[i - 1]) in exceptions:
            continue
        start, end = words[i].start, words[i + len(phrase) - 1].end
        text = doc.text[start:end]
        alternative = alternatives[phrase]
        suggestion = alternative if alternative.startswith("(") else match_case(text.split()[0], alternative)
        found.append(Finding(start, end, text, suggestion, "bureaucratic"))
    return found


@lru_cache(maxsize=None)
def _ordinary_words(language: Language) -> frozenset[str]:
    """Common words and function words: written in capitals they are shouting, not acronyms."""
    return language.common_words | language.stopwords


def _acronym_candidates(doc: Document) -> list[tuple[Word, Block]]:
    limit = RULES["max_acronym_letters"]
    expansions = abbreviation_expansions(doc.language.folder)
    common = _ordinary_words(doc.language)
    # The distinct forms written in capitals, found once for the draft; then each block is searched for them.
    capitals = frozenset([t for t in _written_forms(doc) if t.isupper()])
    if not capitals:
        return []
    out = []
    for block in _text_blocks(doc):
        if block.kind == "heading":
            continue
        shouting = [w for w in block.words if w.text in capitals]
        capitalised = [w for w in shouting if w.kind == "word" and "-" not in w.text]
        if not capitalised:
            continue
        shouted = sum(len(w.text) for w in shouting)
        # Every word has at least one letter, so with few capitals the exact share need not be computed.
        if shouted > 0.6 * len(block.words) and shouted > 0.6 * sum(len(w.text) for w in block.words):
            continue  # a line in capitals (release note, shouted headline): not acronyms
        for word in capitalised:
            if not is_acronym(word.text):
                continue
            if word.lower in common or any(c in "/_" for c in doc.text[max(0, word.start - 1): word.end + 1]):
                continue  # a shouted ordinary word (JAWABAN ANDA) or part of a document number (371/KEP/M.KOMINFO)
            n_letters = sum(c.isalpha() for c in word.text)
            if n_letters > limit and word.lower not in expansions:
                continue
            if word is block.words[0] and doc.text[word.end: word.end + 1] == ",":
                continue  # the city of a dateline (SUKAMAJU, 2 Desember 2026 –)
            out.append((word, block))
    return out


def _roman(token: str) -> bool:
    return all(c in "IVXLCDM" for c in token)


@lru_cache(maxsize=4096)
def expansion_senses(expansion: str) -> tuple[str, ...]:
    """The senses of an expansion (``a; b; c``) without notes in brackets: ``Kementerian X (sejak 2024: Y)`` -> X."""
    senses = []
    for sense in expansion.split(";"):
        sense = re.sub(r"\s*\([^)]*\)", "", sense).strip()
        if sense:
            senses.append(sense)
    return tuple(senses)


def _lower_text(doc: Document) -> str:
    """The document text in lower case, when lowering keeps every offset (it does unless the text has İ and kin)."""
    def compute() -> str:
        lowered = doc.text.lower()
        return lowered if len(lowered) == len(doc.text) else ""
    return doc.cached("lower_text", compute)


def _spelled_out(word: Word, doc: Document, expansion: str) -> bool:
    text = doc.text
    opening = text.rfind("(", max(0, word.start - 15), word.start)
    if opening >= 0 and ")" not in text[opening: word.start]:
        return True  # "Badan … (BPBD)", "Undang-Undang … (UU KIP)"
    if text[word.end: word.end + 2].lstrip().startswith("("):
        return True  # "BPBD (Badan …)"
    senses = expansion_senses(expansion)
    if not senses:
        return False
    lowered = _lower_text(doc)
    if lowered:  # written out anywhere before this first use
        return any(lowered.find(sense.lower(), 0, word.start) >= 0 for sense in senses)
    earlier = text[: word.start].lower()
    return any(sense.lower() in earlier for sense in senses)


def find_acronyms(doc: Document) -> list[Finding]:
    known = known_acronyms(doc.language.folder)
    expansions = abbreviation_expansions(doc.language.folder)
    seen: set[str] = set()
    found: list[Finding] = []
    for word, _block in _acronym_candidates(doc):
        key = word.lower
        if key in seen or key in known or _roman(word.text):
            seen.add(key)
            continue
        seen.add(key)
        expansion = expansions.get(key, "")
        if _spelled_out(word, doc, expansion):
            continue
        senses = expansion_senses(expansion)
        suggestion = f"{senses[0]} ({word.text})" if senses else ""
        found.append(Finding(word.start, word.end, word.text, suggestion, "acronym"))
    return found


def plain_findings(doc: Document) -> list[Finding]:
    """Every finding of the three kinds, in text order, overlaps removed (cached on the document)."""

    def compute() -> list[Finding]:
        all_found = sorted(find_bureaucratic(doc) + find_nonstandard(doc) + find_acronyms(doc),
                           key=lambda f: (f.start, -(f.end - f.start)))
        out: list[Finding] = []
        for finding in all_found:
            if out and finding.start < out[-1].end:
                continue
            out.append(finding)
        return out

    return doc.cached("plain_findings", compute)


# ----------------------------------------------------------------------------------------------- check
def plain_language(doc: Document, paper: Paper) -> CheckResult:
    if doc.language.code != "id":
        return CheckResult("plain_language", "na", [], "plain_language.na")
    if not doc.words:
        return CheckResult("plain_language", "na", [], "plain_language.empty")
    findings = plain_findings(doc)
    value = [{"text": f.text, "suggestion": f.suggestion} for f in findings]
    counts = {kind: sum(1 for f in findings if f.kind == kind) for kind in ("spelling", "bureaucratic", "acronym")}
    if not findings:
        return CheckResult("plain_language", "good", value, "plain_language.good")
    n = len(findings)
    rating = "ok" if n <= RULES["ok_max_findings"] else "bad"
    examples = [f"{f.text} → {f.suggestion}" if f.suggestion else f.text for f in findings[:3]]
    return CheckResult(
        "plain_language", rating, value, f"plain_language.{rating}",
        {"count": n, "nonstandard": counts["spelling"], "bureaucratic": counts["bureaucratic"],
         "acronyms": counts["acronym"], "examples": examples},
        tuple(Mark(f.start, f.end, f.suggestion) for f in findings),
    )
