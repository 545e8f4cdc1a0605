"""The ``tone`` check: how a government text treats the citizen, and whether it is safe practice.

Five kinds of finding, each naming its sentence and what to write instead:

=================  ================================================================================================
``blame``          blaming or scolding the citizen ("Anda sendiri yang salah", "seharusnya Anda membaca …",
                   "jangan banyak mengeluh")
``threat``         threats and sanctions ("akan dikenai sanksi", "ditindak tegas", "denda", "dipidana")
``personal_data``  asking for personal data (NIK, nomor KK, foto KTP, alamat rumah, nomor HP, tanggal lahir, nama
                   ibu kandung …) in a public channel (UU 27/2022 tentang Pelindungan Data Pribadi); a request sent
                   to a private channel (pesan langsung, DM, surel, loket) is good practice, and so is a negated one
                   ("kami tidak akan meminta NIK Anda di kolom komentar")
``puffery``        praise of the agency's own work ("terbaik se-Indonesia", "revolusioner", "luar biasa",
                   "pertama dan satu-satunya", "sangat canggih")
``opinion``        the writer's judgement ("kami bangga", "sangat bermanfaat", "patut diapresiasi") outside a
                   quotation attributed to a named source (inside one, or in "menurut <Nama>, …", it is the source's)
=================  ================================================================================================

Which kinds apply to which kind of text, and how findings become a rating, are settings
(``languages/<code>/settings.json``, ``checks.tone``); the phrases are data written by the project
(``tone_phrases.tsv``, ``tone_personal_data.tsv``, ``tone_negation.tsv``, ``tone_suggestions.tsv``). A match is
dropped when a negation stands right before it. Matching is one pass over each sentence's words
(:mod:`autograders.engine.measure.word_patterns`).

:func:`tone_findings` is the pure function a rubric calls (it can pass ``kinds`` and drop the kinds a fact sheet
allows, such as a sanction the facts state); it is cached on the document.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, NamedTuple, Sequence

from ..checks import CheckResult, Mark
from ..languages import Language, read_table
from ..measure.measurements import sentence_lowers, vocabulary, word_counts
from ..measure.quotes import quote_spans
from ..measure.word_patterns import PatternSet, compile_pattern
from ..paper import Paper
from ..parse.document import Block, Document
from ..parse.words import Word
from .press_release import _phrases as phrase_list
from .press_release import quote_attribution

TONE_KINDS = ("blame", "threat", "personal_data", "puffery", "opinion")
_UNITS = ("heading", "paragraph", "quote", "list_item", "table_cell")
_CLAUSE_ENDS = frozenset(",;:()")
_QUOTED_KINDS = ("puffery", "opinion")
_SENTENCE_CHARS = 120


class ToneFinding(NamedTuple):
    kind: str  # blame | threat | personal_data | puffery | opinion
    start: int  # the sentence, as offsets into Document.text
    end: int
    text: str  # the sentence
    suggestion: str  # what to write instead (in the draft's language)
    key: str  # message key "tone.<kind>"
    params: Mapping[str, Any]  # phrase, sentence, suggestion
    phrase_start: int = 0  # the words that matched
    phrase_end: int = 0

    @property
    def phrase(self) -> str:
        return str(self.params.get("phrase", ""))

    @property
    def mark(self) -> Mark:
        return Mark(self.start, self.end, self.suggestion)


# ------------------------------------------------------------------------------------------------------ data
@lru_cache(maxsize=None)
def _tone_patterns(folder: Path) -> PatternSet:
    suggestions = _suggestions(folder)
    patterns = []
    for pattern, kind, suggestion in read_table(folder / "tone_phrases.tsv", 3):
        if kind in TONE_KINDS:
            text = suggestion if suggestion and suggestion != "-" else suggestions.get(kind, "")
            patterns.append(compile_pattern(pattern, (kind, text)))
    return PatternSet(patterns)


@lru_cache(maxsize=None)
def _of_kinds(folder: Path, kinds: tuple[str, ...]) -> frozenset[int]:
    return _tone_patterns(folder).of(lambda payload: payload[0] in kinds)


@lru_cache(maxsize=None)
def _suggestions(folder: Path) -> dict[str, str]:
    return {kind: text for kind, text in read_table(folder / "tone_suggestions.tsv", 2)}


@lru_cache(maxsize=None)
def _personal_data(folder: Path) -> dict[str, PatternSet | frozenset[str]]:
    roles: dict[str, list] = {}
    for pattern, role in read_table(folder / "tone_personal_data.tsv", 2):
        roles.setdefault(role, []).append(pattern)
    out: dict[str, PatternSet | frozenset[str]] = {
        role: PatternSet(compile_pattern(p, role) for p in patterns)
        for role, patterns in roles.items() if role != "breaker"}
    out["breaker"] = frozenset(w for p in roles.get("breaker", ()) for w in p.split("|"))
    return out


@lru_cache(maxsize=None)
def _negation(folder: Path) -> tuple[frozenset[str], frozenset[str]]:
    rows = read_table(folder / "tone_negation.tsv", 2)
    return (frozenset(w for w, role in rows if role == "negation"), frozenset(w for w, role in rows if role == "skip"))


@lru_cache(maxsize=None)
def _quote_verbs(folder: Path) -> frozenset[str]:
    return frozenset(v[0] for v in phrase_list(folder, "pr_quote_verbs") if len(v) == 1) | {"menurut"}


# ------------------------------------------------------------------------------------------------------ helpers
class _Unit(NamedTuple):
    block: Block
    start: int
    end: int
    words: tuple[Word, ...]


def _units(doc: Document, pairs: Sequence[tuple[frozenset[str], frozenset[str]]]) -> list[tuple[_Unit, list[str]]]:
    """The headings and body sentences that hold, for one of ``pairs``, a word of each of its two sets (a word
    that can start a pattern and one that can end it; a data item and a request), in text order, with their words
    in lower case."""
    pairs = [(a, b) for a, b in pairs if a and b]
    if not pairs:
        return []
    first = frozenset().union(*(a for a, _ in pairs))  # a cheap first test: most sentences hold none of these
    units = []
    candidates = [(_Unit(b, b.start, b.end, b.words), [w.lower for w in b.words]) for b in doc.headings]
    blocks = doc.blocks
    candidates += [(_Unit(blocks[s.block], s.start, s.end, s.words), lowers)
                   for s, lowers in zip(doc.sentences, sentence_lowers(doc)) if not first.isdisjoint(lowers)]
    for unit, lowers in candidates:
        if any(not a.isdisjoint(lowers) and not b.isdisjoint(lowers) for a, b in pairs):
            units.append((unit, lowers))
    units.sort(key=lambda unit: unit[0].start)
    return units


def _negated(doc: Document, words: Sequence[Word], lowers: Sequence[str], index: int, language: Language) -> bool:
    """A negation right before ``words[index]`` (only auxiliaries between, no clause break)."""
    negations, skips = _negation(language.folder)
    j = index - 1
    steps = 0
    while j >= 0 and steps < 5:
        if any(ch in _CLAUSE_ENDS for ch in doc.text[words[j].end:words[j + 1].start]):
            return False
        if lowers[j] in negations:
            return True
        if lowers[j] not in skips:
            return False
        j -= 1
        steps += 1
    return False


def _attributed(unit: _Unit, lowers: Sequence[str], language: Language) -> bool:
    """Indirect speech of a named source: a quote verb (or "menurut") and a capitalised name in the sentence."""
    if _quote_verbs(language.folder).isdisjoint(lowers):
        return False
    return any(w.kind == "word" and w.text[:1].isupper() and i > 0 for i, w in enumerate(unit.words))


def _in_attributed_quote(unit: _Unit, start: int, end: int, language: Language, cache: dict) -> bool:
    block = unit.block
    spans = cache.get(id(block))
    if spans is None:
        spans = cache[id(block)] = quote_spans(block.text)
    for q_start, q_end in spans:
        if block.start + q_start <= start and end <= block.start + q_end:
            verb, name, _ = quote_attribution(block, q_start - 1, q_end + 1, language)
            return verb and name
    return False


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SENTENCE_CHARS else text[: _SENTENCE_CHARS - 1].rstrip() + "…"


def _finding(doc: Document, unit: _Unit, kind: str, suggestion: str, first: Word, last: Word) -> ToneFinding:
    sentence = doc.text[unit.start:unit.end]
    phrase = doc.text[first.start:last.end]
    params = {"phrase": _shorten(phrase), "sentence": _shorten(sentence), "suggestion": suggestion}
    return ToneFinding(kind, unit.start, unit.end, sentence, suggestion, f"tone.{kind}", params, first.start, last.end)


def _personal_data_request(doc: Document, unit: _Unit, words: Sequence[Word], lowers: Sequence[str],
                           public_default: bool, window: int) -> ToneFinding | None:
    language = doc.language
    data = _personal_data(language.folder)
    items = data["item"].find(lowers) if "item" in data else []
    if not items:
        return None
    requests = [(m, False) for m in data["request"].find(lowers)] if "request" in data else []
    requests += [(m, True) for m in data["public_request"].find(lowers)] if "public_request" in data else []
    breakers = data["breaker"]
    for request, publishes in sorted(requests, key=lambda r: r[0].start):
        if _negated(doc, words, lowers, request.start, language):
            continue
        for item in items:
            if item.start >= request.end:
                between = lowers[request.end:item.start]
                if len(between) > window or not breakers.isdisjoint(between):
                    continue
            elif item.end <= request.start:
                if request.start - item.end > window:
                    continue
            else:
                continue
            public = publishes or bool(data["public"].find(lowers)) if "public" in data else publishes
            private = bool(data["private"].find(lowers)) if "private" in data else False
            if public or (public_default and not private):
                first = words[min(request.start, item.start)]
                last = words[max(request.end, item.end) - 1]
                return _finding(doc, unit, "personal_data", _suggestions(language.folder).get("personal_data", ""),
                                first, last)
    return None


# ------------------------------------------------------------------------------------------------------ API
def tone_findings(doc: Document, paper: Paper, kinds: Iterable[str] | None = None) -> list[ToneFinding]:
    """The tone findings of ``doc`` for its kind of text (``paper.kind``), in text order, at most one per sentence
    and kind. ``kinds`` narrows or widens what is looked for (default: ``checks.tone.kinds`` of the settings)."""
    cfg = doc.language.threshold("tone")
    wanted = tuple(k for k in (kinds if kinds is not None else cfg.get("kinds", {}).get(paper.kind, TONE_KINDS))
                   if k in TONE_KINDS)
    key = f"tone_findings:{paper.kind}:{','.join(wanted)}"
    return list(doc.cached(key, lambda: tuple(_find(doc, paper, wanted, cfg))))


def _find(doc: Document, paper: Paper, kinds: tuple[str, ...], cfg: Mapping[str, Any]) -> list[ToneFinding]:
    language = doc.language
    patterns = _tone_patterns(language.folder)
    data = _personal_data(language.folder)
    vocab = vocabulary(doc)
    # Only the patterns all of whose words occur in the draft can match, and only the sentences holding a word of
    # one of their rarest steps (anchors), or a data item and a request word, are read closely.
    kept = patterns.possible(vocab, _of_kinds(language.folder, kinds))
    anchors = patterns.anchors(vocab, kept, word_counts(doc)) if kept else frozenset()
    items = asks = frozenset()
    if "personal_data" in kinds and "item" in data:
        asks = frozenset().union(*(data[r].starters(vocab, data[r].possible(vocab))
                                   for r in ("request", "public_request") if r in data))
        items = data["item"].starters(vocab, data["item"].possible(vocab)) if asks else frozenset()
    if not anchors and not items:
        return []
    public_default = paper.kind in cfg.get("public_by_default", ())
    window = int(cfg.get("window_words", 6))
    quote_cache: dict = {}
    findings: list[ToneFinding] = []
    for unit, lowers in _units(doc, ((anchors, anchors), (items, asks))):
        words = unit.words
        found: dict[str, ToneFinding] = {}
        if not anchors.isdisjoint(lowers):
            for match in patterns.find(lowers, kept):
                kind, suggestion = match.pattern.payload
                if kind not in kinds or kind in found:
                    continue
                if _negated(doc, words, lowers, match.start, language):
                    continue
                first, last = words[match.start], words[match.end - 1]
                if kind in _QUOTED_KINDS and (_in_attributed_quote(unit, first.start, last.end, language, quote_cache)
                                              or _attributed(unit, lowers, language)):
                    continue
                found[kind] = _finding(doc, unit, kind, suggestion, first, last)
        if items and unit.block.kind != "heading" and not items.isdisjoint(lowers) and not asks.isdisjoint(lowers):
            request = _personal_data_request(doc, unit, words, lowers, public_default, window)
            if request is not None:
                found["personal_data"] = request
        findings.extend(sorted(found.values(), key=lambda f: (f.phrase_start, TONE_KINDS.index(f.kind))))
    return findings


def tone_rating(findings: Sequence[ToneFinding], cfg: Mapping[str, Any]) -> str:
    """``bad`` with a finding of a ``bad_kinds`` kind or ``bad_min_findings`` findings, ``ok`` with any, else
    ``good``."""
    if not findings:
        return "good"
    if any(f.kind in cfg.get("bad_kinds", ()) for f in findings) or len(findings) >= cfg.get("bad_min_findings", 3):
        return "bad"
    return "ok"


def tone(doc: Document, paper: Paper) -> CheckResult:
    cfg = doc.language.threshold("tone")
    findings = tone_findings(doc, paper)
    counts = {kind: sum(1 for f in findings if f.kind == kind) for kind in TONE_KINDS}
    value = {"findings": len(findings), **counts}
    if not findings:
        return CheckResult("tone", "good", value, "tone.good")
    rating = tone_rating(findings, cfg)
    order = {k: i for i, k in enumerate(cfg.get("bad_kinds", ()))}
    worst = min(findings, key=lambda f: (order.get(f.kind, len(order)), f.start))
    params = dict(worst.params, count=len(findings), others=len(findings) - 1)
    return CheckResult("tone", rating, value, worst.key, params, tuple(f.mark for f in findings))
