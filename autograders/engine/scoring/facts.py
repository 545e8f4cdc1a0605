"""The answer checker: an answer's claims held against the exercise's fact sheet.

:func:`judge_facts` reads the answer's claims (:mod:`.claims`) and says, for the required facts of a criterion,
which are **stated right** (in one sentence, as in the sheet: the number with its subject and unit, the date
with its event, the move in its direction), which are **missing**, and which are **contradicted** (a different
value for the same subject, a swapped pair, the fact inside a negation, a cancellation or a reversal); and, for
the whole answer, which claims are **invented** (a number, date, time, amount, telephone number, proper name,
quotation or promise the sheet does not hold and the task does not permit).

Rules, in the order they apply:

- *Value facts* (date, time, number + unit, percent, money) compete within their kind: in each sentence, the
  answer's values of that kind and the facts whose subject words occur in the sentence are paired nearest first
  (word distance), one value per fact per sentence, an equal value winning a tie. A pair with the sheet's value
  is right unless a negation stands right before the value or its subject ("bukan 10 hari kerja") or a
  cancellation word stands in its clause ("… dibatalkan"); a pair with another value is a contradiction. In a
  quiz answer (``implicit_subject``) the question is the subject: a fact without its subject words in the
  sentence still takes part, after the ones whose subject is there.
- *Moves* (``move: {from, to}``): the destination named with *ke*/*di* or with the origin or a subject word is
  right; the destination after *dari*, negated or cancelled, or the origin after a reversal (*kembali ke*) or
  as the destination of the move is a contradiction.
- *Phrase facts* (``says``): every group in one sentence is right; the same inside a negation is a contradiction.
  A criterion's ``forbidden`` facts work the other way: stating one (not negated) is a contradiction. A
  forbidden ``hoax`` item (a false claim in circulation) may be named in a sentence that marks it false (a
  negation or a warning word: *palsu*, *hoaks*, *tidak benar*), except in the answer's opening sentence: the
  truth sandwich opens with the fact, never with the hoax (a negation right before it keeps it a fact:
  *sekolah tidak diliburkan*).
- *Facts the criterion does not require* are still held against the answer, with the strong signs only: a
  cancellation in the clause ("… tidak jadi dibuka") or a reversed move is a contradiction; a plain negation near
  such a fact is not (it often denies something else: "tidak lagi mengurus KTP-el di kelurahan").
- *Quotations*: an answer quotation made mostly of the sheet quotation's words is that quotation; it is right
  when its speaker is named in the same or a neighbouring paragraph, a contradiction when someone else is.
- *Invented*: every other claim whose value the sheet does not hold (see :mod:`.factsheet` for what is
  permitted). A value that was judged a contradiction is not counted again as invented. A small number written
  in words (up to ten) counts only with a unit of time ("tiga hari", "dua jam": a promise of time), not as a
  count in prose ("tiga langkah", "lima layanan").

Linear in the answer: every search is bounded by the sentence and a fixed window.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from ..languages import Language
from ..parse.document import Document, parse
from .claims import (Claim, Claims, LanguageData, Segment, cached_language_data, phrase_before, phrase_keys,
                     read_claims)
from .factsheet import FactItem, FactSheet

NEGATION_WINDOW = 3  # items before a value or its subject in which a negation negates it
MOVE_NEGATION_WINDOW = 4
HEAVY_INVENTIONS = ("quote", "promise")


@dataclass(frozen=True)
class Problem:
    kind: str  # contradiction | invented
    what: str  # the claim kind (number, date, time, quote, name, promise, move, …)
    text: str  # the answer's words
    start: int
    end: int
    fact: str = ""  # the fact it contradicts
    note: str = ""  # one Indonesian sentence

    @property
    def heavy(self) -> bool:
        return self.kind == "contradiction" or self.what in HEAVY_INVENTIONS or self.what == "person"


@dataclass(frozen=True)
class FactsJudgement:
    right: tuple[str, ...]
    missing: tuple[str, ...]
    contradictions: tuple[Problem, ...]
    invented: tuple[Problem, ...]


@dataclass(frozen=True)
class CompiledSheet:
    data: LanguageData
    phrases: Mapping[str, tuple[tuple[str, Any], ...]]
    numbers: tuple[float, ...]
    derived: tuple[float, ...]
    years: frozenset[int]
    dates: frozenset[tuple[Any, Any, Any]]
    times: frozenset[int]
    phones: frozenset[str]
    vocabulary: frozenset[str]
    families: frozenset[str]
    quotes: tuple[tuple[FactItem | None, frozenset[str]], ...]
    quote_stopwords: frozenset[str]
    directions: Mapping[str, str]
    quotes_permitted: bool = False


# ------------------------------------------------------------------------------------------------ compiling
def compile_sheet(sheet: FactSheet, language: Language) -> CompiledSheet:
    return sheet.compiled(f"compiled.{language.code}", lambda: _compile(sheet, language))


def _compile(sheet: FactSheet, language: Language) -> CompiledSheet:
    data = cached_language_data(language.code)
    texts = sheet.texts()
    doc = parse("\n\n".join(texts), language, fmt="text")
    claims = read_claims(doc, data)
    numbers: list[float] = list(sheet.permits.numbers)
    years = set(sheet.permits.years)
    dates: set[tuple[Any, Any, Any]] = set()
    times: set[int] = set()
    phones: set[str] = set()
    families = set(sheet.permits.promises)
    for claim in claims.claims:
        if claim.kind in ("number", "percent", "money"):
            numbers.append(float(claim.value))
        elif claim.kind == "year":
            years.add(int(claim.value))
        elif claim.kind == "date":
            dates.add(claim.value)
            if claim.value[0] is not None:
                numbers.append(float(claim.value[0]))
            if claim.value[2] is not None:
                years.add(int(claim.value[2]))
        elif claim.kind == "time":
            times.update(t for t in claim.value if t is not None)
        elif claim.kind == "phone":
            phones.add(claim.value)
        elif claim.kind == "promise":
            families.add(claim.value)
    for item in sheet.items:
        for name in ("number", "percent", "money"):
            if getattr(item, name) is not None:
                numbers.append(float(getattr(item, name)))
        if item.date:
            dates.add(item.date)
            if item.date[2]:
                years.add(item.date[2])
        if item.time:
            times.update(t for t in item.time if t is not None)
    if sheet.today:
        dates.add((sheet.today.day, sheet.today.month, sheet.today.year))
        years.add(sheet.today.year)
    derived: list[float] = []
    if sheet.permits.arithmetic:
        plain = sorted(set(numbers))
        for a in plain:
            for b in plain:
                if a == b:
                    continue
                derived.extend((a + b, a - b))
                if b:
                    derived.extend((a / b, a / b * 100))
    phrases: dict[str, tuple[tuple[str, Any], ...]] = {}
    for item in sheet.items:
        for phrase in (*item.subject, *item.also, *item.move_from, *item.move_to, *item.speaker, *item.unit,
                       *(p for group in item.says for p in group)):
            if phrase not in phrases:
                phrases[phrase] = phrase_keys(phrase, language)
    quote_stop = language.stopwords | language.words("fact_quote_stopwords")
    quotes: list[tuple[FactItem | None, frozenset[str]]] = []
    for item in sheet.items:
        if item.kind == "quote":
            quotes.append((item, frozenset(s for s in phrase_keys(item.text, language)
                                           if s[0] == "w" and s[1] not in quote_stop)))
    for claim in claims.of("quote"):  # quotations inside other facts' texts
        quotes.append((None, frozenset(("w", s) for s in claim.value if s not in quote_stop)))
    directions = {word.lower(): role for word, role in language.table("fact_directions", 2)}
    return CompiledSheet(data=data, phrases=phrases, numbers=tuple(sorted(set(numbers))),
                         derived=tuple(derived), years=frozenset(years), dates=frozenset(dates),
                         times=frozenset(times), phones=frozenset(phones),
                         vocabulary=claims.vocabulary | frozenset(sheet.domains),
                         families=frozenset(families), quotes=tuple(quotes), quote_stopwords=frozenset(quote_stop),
                         directions=directions, quotes_permitted=sheet.permits.quotes)


# ------------------------------------------------------------------------------------------------ matching
def _same_key(a: tuple[str, Any], b: tuple[str, Any]) -> bool:
    if a[0] == "n" and b[0] == "n":
        return abs(float(a[1]) - float(b[1])) < 1e-9
    return a == b


def find_phrase(segment: Segment, keys: Sequence[tuple[str, Any]], start: int = 0, stop: int | None = None) -> list[int]:
    """Item indexes in ``[start, stop)`` where the key sequence ``keys`` begins."""
    items = segment.items
    stop = len(items) if stop is None else stop
    if not keys:
        return []
    out = []
    first = keys[0]
    for index in range(start, min(stop, len(items) - len(keys) + 1)):
        if _same_key(items[index].key, first) and all(_same_key(items[index + k].key, keys[k]) for k in range(1, len(keys))):
            out.append(index)
    return out


def _key_index(segment: Segment) -> Mapping[tuple[str, Any], list[int]]:
    """Where each item key occurs in the segment (built once per segment; phrase searches start from it)."""
    index: dict[tuple[str, Any], list[int]] = {}
    for position, item in enumerate(segment.items):
        index.setdefault(item.key, []).append(position)
    return index


class _Indexed:
    """A segment with its key index: phrase searches cost the occurrences of their first key, not the segment.
    Everything else is the segment's own (``items``, ``index``, ``clause_start`` …)."""

    __slots__ = ("segment", "keys_at")

    def __init__(self, segment: Segment) -> None:
        self.segment = segment
        self.keys_at = _key_index(segment)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.segment, name)

    def find(self, keys: Sequence[tuple[str, Any]]) -> list[int]:
        if not keys:
            return []
        items = self.segment.items
        out = []
        for position in self.keys_at.get(keys[0], ()):
            if position + len(keys) <= len(items) and all(_same_key(items[position + k].key, keys[k])
                                                           for k in range(1, len(keys))):
                out.append(position)
        return out


def _hits(segment, phrases: Iterable[str], compiled: CompiledSheet) -> list[tuple[int, int]]:
    """(start, length) of every occurrence of any of the phrases in the segment (a Segment or an _Indexed one)."""
    out = []
    for phrase in phrases:
        keys = compiled.phrases.get(phrase, ())
        if isinstance(segment, _Indexed):
            out.extend((index, len(keys)) for index in segment.find(keys))
        else:
            out.extend((index, len(keys)) for index in find_phrase(segment, keys))
    return sorted(out)


def _negated(segment: Segment, position: int, compiled: CompiledSheet, window: int) -> bool:
    """A negation in the clause, at most ``window`` items before ``position`` — unless it states a limit
    ("tidak lebih dari 7 hari kerja")."""
    data = compiled.data
    first = max(segment.clause_start(position, data.clause_breaks), position - window)
    items = segment.items
    for index in range(max(0, first), position):
        for phrase in data.negations.get(items[index].lower, ()):
            end = index + len(phrase)
            if end <= position and all(items[index + k].lower == phrase[k] for k in range(1, len(phrase))):
                if end < len(items) and items[end].lower in data.limits:
                    break
                return True
    return False


def _cancelled(segment: Segment, position: int, compiled: CompiledSheet) -> bool:
    breaks = compiled.data.clause_breaks
    first, last = segment.clause_start(position, breaks), segment.clause_end(position, breaks)
    items = segment.items
    for index in range(first, last):
        if index > 0 and (items[index - 1].lower,) in compiled.data.negations.get(items[index - 1].lower, ()):
            continue  # "tidak diliburkan", "tidak dibatalkan": a cancellation denied is none
        for phrase in compiled.data.cancellations.get(items[index].lower, ()):
            if index + len(phrase) <= len(items) and all(items[index + k].lower == phrase[k]
                                                         for k in range(1, len(phrase))):
                return True
    return False


def _claim_kind(item: FactItem) -> tuple[str, ...]:
    kind = item.value_kind
    return {"number": ("number",), "percent": ("percent", "number"), "money": ("money",), "date": ("date",),
            "time": ("time",)}.get(kind or "", ())


UNIT_BEFORE = 4  # "volume sebutan Sukamaju mencapai 946": the unit may stand a few words before the number


def _unit_ok(segment: Segment, claim: Claim, item: FactItem, compiled: CompiledSheet) -> bool:
    """A number fact's unit right after the number ("10 hari kerja"), or a few words before it."""
    if item.value_kind != "number" or not item.unit:
        return True
    after = claim.position + 1
    before = max(0, claim.position - UNIT_BEFORE)
    return any(find_phrase(segment, compiled.phrases.get(unit, ()), after, after + 1)
               or find_phrase(segment, compiled.phrases.get(unit, ()), before, claim.position) for unit in item.unit)


def _value_equal(claim: Claim, item: FactItem) -> bool:
    kind = item.value_kind
    if kind == "date":
        d, m, y = claim.value
        fd, fm, fy = item.date  # type: ignore[misc]
        return d == fd and m == fm and (y is None or fy is None or y == fy)
    if kind == "time":
        start, end = claim.value
        fstart, fend = item.time  # type: ignore[misc]
        return start == fstart and (fend is None or end == fend)
    target = getattr(item, kind)
    return abs(float(claim.value) - float(target)) <= max(item.tolerance, 1e-9)


SHARED_SUBJECT_DISTANCE = 5  # a subject word several competing facts list is weaker evidence than its own


def _shared_subjects(items: Sequence[FactItem]) -> dict[str, int]:
    """How many facts of one value kind list each subject word ("kind|phrase" -> count)."""
    lists: dict[str, int] = {}
    for item in items:
        for phrase in set(item.subject):
            lists[f"{item.value_kind}|{phrase}"] = lists.get(f"{item.value_kind}|{phrase}", 0) + 1
    return lists


def _value_pairs(segment, claims: Sequence[Claim], items: Sequence[FactItem], compiled: CompiledSheet,
                 implicit: bool, lists: Mapping[str, int]) -> list[tuple[Claim, FactItem, int]]:
    """Pair the segment's value claims with value facts, nearest subject first, one claim and one fact each.

    A subject word listed by several facts of the same kind (*buka* for two opening times) counts as further away
    than a word only one of them lists (*Sabtu*); an equal value wins a tie."""
    if not claims:
        return []
    subject_at: dict[str, list[tuple[int, int]]] = {}
    for item in items:
        places = []
        for phrase in item.subject:
            extra = SHARED_SUBJECT_DISTANCE if lists.get(f"{item.value_kind}|{phrase}", 0) > 1 else 0
            places.extend((start, extra) for start, _ in _hits(segment, [phrase], compiled))
        subject_at[item.id] = places
    candidates = []
    for claim in claims:
        for order, item in enumerate(items):
            if claim.kind not in _claim_kind(item) or not _unit_ok(segment, claim, item, compiled):
                continue
            places = subject_at[item.id]
            if places:
                distance = min(abs(p - claim.position) + extra for p, extra in places)
            elif implicit or not item.subject:
                distance = 1000 + order  # no subject words here: after every pair that has them
            else:
                continue
            candidates.append((distance, 0 if _value_equal(claim, item) else 1, claim.start, order, claim, item))
    candidates.sort(key=lambda c: c[:4])
    used_claims: set[int] = set()
    used_facts: set[str] = set()
    pairs = []
    for distance, _, _, _, claim, item in candidates:
        if claim.start in used_claims or item.id in used_facts:
            continue
        used_claims.add(claim.start)
        used_facts.add(item.id)
        subject = [p for p, _ in subject_at[item.id]]
        pairs.append((claim, item, min(subject, key=lambda p: abs(p - claim.position)) if subject else -1))
    return pairs


def _competing_value(claim: Claim, item: FactItem, items: Sequence[FactItem]) -> bool:
    """Whether the claim's value is another fact's value of the same kind (a swapped pair: 7 and 10 days)."""
    return any(other is not item and other.value_kind == item.value_kind and claim.kind in _claim_kind(other)
               and _value_equal(claim, other) for other in items)


def judge_facts(sheet: FactSheet, doc: Document, required: Sequence[str], *, implicit_subject: bool = False,
                extra_vocabulary: Iterable[str] = (), forbidden: Sequence[str] = ()) -> FactsJudgement:
    """Judge one answer (a parsed Document) against the sheet: see the module docstring for the rules."""
    compiled = compile_sheet(sheet, doc.language)
    claims = read_claims(doc, compiled.data)
    by_segment: dict[int, list[Claim]] = {}
    for claim in claims.claims:
        by_segment.setdefault(claim.segment, []).append(claim)
    value_items = [i for i in sheet.items if i.value_kind]
    wanted = [sheet.item(r) for r in required if sheet.item(r) is not None]
    ruled_out = set(forbidden)  # statements the task rules out (a hoax, a guess) are judged below, the other way
    phrase_items = wanted + [i for i in sheet.items if i not in wanted and i.id not in ruled_out and i.kind != "hoax"
                             and (i.move_to or i.says)]
    right: set[str] = set()
    contradictions: list[Problem] = []
    consumed: set[int] = set()  # claim starts judged as a fact (not to be counted as invented)
    shared = _shared_subjects(value_items)
    # sentences that report a hoax as false ("Kabar bahwa sekolah diliburkan tidak benar"): the hoax's words
    # (diliburkan) are what is reported, not a cancellation of the facts in the same sentence
    hoaxes = [i for i in sheet.items if i.kind == "hoax" and i.says]
    for raw_segment in claims.segments:
        segment = _Indexed(raw_segment)
        reporting = any(_stated(segment, h, compiled) for h in hoaxes) and _labelled_false(segment, compiled)
        seg_claims = [c for c in by_segment.get(segment.index, [])
                      if c.kind in ("number", "percent", "money", "date", "time") and not c.weak]
        for claim, item, subject in _value_pairs(segment, seg_claims, value_items, compiled, implicit_subject, shared):
            negated = _negated(segment, claim.position, compiled, NEGATION_WINDOW) or (
                subject >= 0 and _negated(segment, subject, compiled, NEGATION_WINDOW))
            if _value_equal(claim, item) and not negated and not _cancelled(segment, claim.position, compiled):
                right.add(item.id)
                consumed.add(claim.start)
            elif _value_equal(claim, item) or _competing_value(claim, item, value_items) or (
                    item in wanted and not _sheet_holds(claim, compiled, derived=False)):
                start, end = _span(segment, claim, subject)
                contradictions.append(_contradiction(doc.text[start:end], start, end, item))
                consumed.add(claim.start)
        for item in phrase_items:
            # every phrase fact of the sheet is held against the answer. A fact the task does not require is not
            # counted as stated, and only the strong signs against it count (a cancellation, a reversed move): a
            # plain negation near it often denies something else ("tidak lagi mengurus KTP-el di kelurahan")
            required_here = item in wanted
            found = right if required_here else set()
            if item.also and required_here:
                _also(segment, item, compiled, implicit_subject, found, contradictions)
            if item.move_to:
                _move(segment, item, compiled, found, contradictions)
            if item.says:
                _says(segment, item, compiled, found, contradictions, negation=required_here,
                      cancellation=not reporting)
    for item in wanted:
        if item.kind == "quote":
            _quote_fact(item, claims, compiled, right, contradictions)
    opening = claims.segments[0].index if claims.segments else -1
    for item in (sheet.item(f) for f in forbidden):
        if item is not None and item.says:  # a statement the task rules out: stating it is a contradiction
            for segment in map(_Indexed, claims.segments):
                if not _stated(segment, item, compiled):
                    continue
                note = ""
                if item.kind == "hoax":  # a hoax may be named as false, but not stated, and not as the opening
                    if segment.index != opening and _labelled_false(segment, compiled):
                        continue
                    note = HOAX_OPENING if segment.index == opening else HOAX_STATED
                first = min(s for group in item.says for s, _ in _hits(segment, group, compiled))
                last = max(s + n for group in item.says for s, n in _hits(segment, group, compiled))
                problem = _contradiction(doc.text[segment.items[first].start:segment.items[last - 1].end],
                                         segment.items[first].start, segment.items[last - 1].end, item)
                if note:
                    problem = Problem(problem.kind, "hoax", problem.text, problem.start, problem.end, item.id,
                                      note.format(text=" ".join(problem.text.split())))
                contradictions.append(problem)
                break
    invented = _invented(claims, compiled, consumed, contradictions, set(extra_vocabulary))
    contradicted = {p.fact for p in contradictions}
    return FactsJudgement(
        right=tuple(i.id for i in wanted if i.id in right and i.id not in contradicted),
        missing=tuple(i.id for i in wanted if i.id not in right and i.id not in contradicted),
        contradictions=tuple(_unique(contradictions)), invented=tuple(_unique(invented)))


HOAX_OPENING = ("*{text}* mengulang isi hoaks di kalimat pembuka. Awali dengan fakta yang benar; sebut kabar "
                "yang keliru satu kali saja sesudahnya (roti lapis kebenaran).")
HOAX_STATED = ("*{text}* menyebut isi hoaks seolah-olah fakta. Jika perlu menyebutnya, tandai dengan jelas bahwa "
               "kabar itu keliru (misalnya *tidak benar* atau *palsu*).")


def _labelled_false(segment: Segment, compiled: CompiledSheet) -> bool:
    """Whether a sentence names what it says as false: a negation or a warning word (*palsu*, *hoaks*, *tidak
    benar*) anywhere in it."""
    data = compiled.data
    end = len(segment.items)
    return phrase_before(segment, end, data.warnings, 0) is not None or \
        phrase_before(segment, end, data.negations, 0) is not None


def _span(segment: Segment, claim: Claim, subject: int) -> tuple[int, int]:
    """Offsets of a value with its subject and unit ("diperpanjang 10 hari kerja"), for the feedback."""
    first = min(claim.position, subject) if 0 <= subject < claim.position and claim.position - subject <= 4 \
        else claim.position
    last = claim.position + 1
    while last < len(segment.items) and last <= claim.position + 2 and segment.items[last].key[0] == "w" \
            and not any(ch in ",;:" for ch in segment.items[last].sep):
        last += 1
    return segment.items[first].start, max(claim.end, segment.items[last - 1].end)




def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str]] = set()
    out = []
    for problem in problems:
        key = (problem.fact or problem.what, " ".join(problem.text.lower().split()))
        if key not in seen:
            seen.add(key)
            out.append(problem)
    return out


def _contradiction(text: str, start: int, end: int, item: FactItem, what: str = "fact") -> Problem:
    return Problem("contradiction", what, text, start, end, item.id,
                   f"*{' '.join(text.split())}* bertentangan dengan lembar fakta ({item.label}).")


def _also(segment: Segment, item: FactItem, compiled: CompiledSheet, implicit: bool, right: set[str],
          contradictions: list[Problem]) -> None:
    hits = _hits(segment, item.also, compiled)
    if not hits:
        return
    if item.subject and not implicit and not _hits(segment, item.subject, compiled):
        return
    start, length = hits[0]
    if _negated(segment, start, compiled, NEGATION_WINDOW):
        span = segment.items[start], segment.items[start + length - 1]
        contradictions.append(_contradiction(_text(segment, start, start + length), span[0].start, span[1].end, item))
    else:
        right.add(item.id)


def _text(segment: Segment, first: int, stop: int) -> str:
    return " ".join(i.text for i in segment.items[first:stop])


def _stated(segment: Segment, item: FactItem, compiled: CompiledSheet) -> bool:
    """Whether the sentence states a phrase fact: every group in it, no negation right before any of them
    ("sekolah tidak diliburkan" denies it). A cancellation word is no denial here: a statement the task rules out
    may itself be one ("sekolah diliburkan")."""
    firsts = []
    for group in item.says:
        hits = _hits(segment, group, compiled)
        if not hits:
            return False
        firsts.append(hits[0])
    return not any(_negated(segment, start, compiled, NEGATION_WINDOW) for start, _ in firsts)


def _says(segment: Segment, item: FactItem, compiled: CompiledSheet, right: set[str],
          contradictions: list[Problem], negation: bool = True, cancellation: bool = True) -> None:
    firsts = []
    for group in item.says:
        hits = _hits(segment, group, compiled)
        if not hits:
            return
        firsts.append(hits[0])
    start, length = min(firsts)
    stop = max(s + n for s, n in firsts)
    if (negation and _negated(segment, start, compiled, NEGATION_WINDOW)) or (
            cancellation and _cancelled(segment, start, compiled)):
        contradictions.append(_contradiction(_text(segment, start, stop), segment.items[start].start,
                                             segment.items[stop - 1].end, item))
    else:
        right.add(item.id)


def _role_before(segment: Segment, position: int, compiled: CompiledSheet, window: int = 2) -> str:
    """The direction word (to/from/at) right before a place, skipping one word (\"ke kantor kelurahan\")."""
    for index in range(position - 1, max(-1, position - 1 - window), -1):
        role = compiled.directions.get(segment.items[index].lower)
        if role:
            return role
    return ""


def _move(segment: Segment, item: FactItem, compiled: CompiledSheet, right: set[str],
          contradictions: list[Problem]) -> None:
    to_hits = _hits(segment, item.move_to, compiled)
    from_hits = _hits(segment, item.move_from, compiled)
    if not to_hits and not from_hits:
        return
    problems = []
    moving = bool(_hits(segment, item.subject, compiled))
    for start, length in from_hits:
        reversed_ = phrase_before(segment, start, compiled.data.reversals, max(0, start - 4)) is not None
        destination = moving and _role_before(segment, start, compiled) == "to"
        if (reversed_ or destination) and not _negated(segment, start, compiled, MOVE_NEGATION_WINDOW):
            problems.append((start, length))
    valid = False
    for start, length in to_hits:
        role = _role_before(segment, start, compiled)
        if role == "from" or _negated(segment, start, compiled, MOVE_NEGATION_WINDOW) or _cancelled(segment, start, compiled):
            problems.append((start, length))
            continue
        if role in ("to", "at") or from_hits or moving:
            valid = True
    if problems:
        first = min(s for s, _ in problems)
        stop = max(s + n for s, n in problems)
        lead = max(0, first - 3)
        contradictions.append(_contradiction(_text(segment, lead, stop), segment.items[lead].start,
                                             segment.items[stop - 1].end, item, "move"))
    elif valid:
        right.add(item.id)


def _quote_match(stems: frozenset[tuple[str, Any]], quote: frozenset[tuple[str, Any]]) -> bool:
    if not stems or not quote:
        return False
    shared = len(stems & quote)
    return shared / len(stems) >= 0.6 and (shared / len(quote) >= 0.3 or shared >= 4)


def _answer_quote_stems(claim: Claim, compiled: CompiledSheet) -> frozenset[tuple[str, Any]]:
    return frozenset(("w", s) for s in claim.value if s not in compiled.quote_stopwords)


def _quote_fact(item: FactItem, claims: Claims, compiled: CompiledSheet, right: set[str],
                contradictions: list[Problem]) -> None:
    sheet_stems = next((s for i, s in compiled.quotes if i is item), frozenset())
    for claim in claims.of("quote"):
        if not _quote_match(_answer_quote_stems(claim, compiled), sheet_stems):
            continue
        block = claim.extra.get("block", -1)
        near = [s for s in claims.segments if abs(s.block - block) <= 1]
        named = any(_hits(s, item.speaker, compiled) for s in near)
        if named:
            right.add(item.id)
            return
        others = [c for c in claims.of("name") if c.extra.get("person") and
                  any(s.index == c.segment for s in near)]
        if others:
            contradictions.append(Problem("contradiction", "quote", claim.text, claim.start, claim.end, item.id,
                                          f"Kutipan *{_short(claim.text)}* di lembar fakta diucapkan "
                                          f"{item.speaker[0] if item.speaker else 'orang lain'}, bukan "
                                          f"{others[0].text}."))


def _short(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


# ------------------------------------------------------------------------------------------------ invented
def _near(value: float, pool: Sequence[float], tolerance: float) -> bool:
    return any(abs(value - p) <= tolerance for p in pool)


def _decimals_tolerance(claim: Claim) -> float:
    text = claim.text.rstrip("%").split()[0] if claim.text.split() else claim.text
    for sep in (",", "."):
        whole, found, frac = text.rpartition(sep)
        if found and frac.isdigit() and len(frac) != 3:
            return 0.5 * 10 ** (-len(frac)) + 1e-9
    return 0.5 + 1e-9


def _sheet_holds(claim: Claim, compiled: CompiledSheet, derived: bool = True) -> bool:
    """Whether the sheet holds the claim's value: the same value, or the sheet's value rounded as the answer
    writes it (62,3% for 62,28%); with ``derived``, also arithmetic on sheet numbers when the task permits it."""
    kind = claim.kind
    if kind in ("number", "percent", "money"):
        value = float(claim.value)
        if _near(value, compiled.numbers, _decimals_tolerance(claim)):
            return True
        return derived and bool(compiled.derived) and kind != "money" and _near(value, compiled.derived,
                                                                               _decimals_tolerance(claim))
    if kind == "year":
        return int(claim.value) in compiled.years or _near(float(claim.value), compiled.numbers, 1e-9)
    if kind == "date":
        d, m, y = claim.value
        for sd, sm, sy in compiled.dates:
            if sm == m and (d is None or sd is None or sd == d) and (y is None or sy is None or sy == y):
                if d is None or sd is not None:
                    return True
        return False
    if kind == "time":
        return all(t is None or t in compiled.times for t in claim.value)
    if kind == "phone":
        return claim.value in compiled.phones
    if kind == "promise":
        return claim.value in compiled.families
    return True


def _invented(claims: Claims, compiled: CompiledSheet, consumed: set[int], contradictions: list[Problem],
              extra_vocabulary: set[str]) -> list[Problem]:
    contradicted = {(p.start, p.end) for p in contradictions}
    inside = [(p.start, p.end) for p in contradictions]
    vocabulary = compiled.vocabulary | extra_vocabulary
    out = []
    for claim in claims.claims:
        if claim.weak or claim.start in consumed or (claim.start, claim.end) in contradicted:
            continue
        if any(s <= claim.start and claim.end <= e for s, e in inside):
            continue
        if claim.kind == "name":
            parts = claim.value if claim.extra.get("person") else claim.extra.get("unknown", ())
            stems = claim.extra.get("stems", {})
            if all(p in vocabulary or stems.get(p) in vocabulary for p in parts):
                continue
            what = "person" if claim.extra.get("person") else "name"
        elif claim.kind == "quote":
            stems = _answer_quote_stems(claim, compiled)
            if any(_quote_match(stems, quote) for _, quote in compiled.quotes) or not stems:
                continue
            if compiled.quotes_permitted:
                continue
            what = "quote"
        else:
            if _sheet_holds(claim, compiled):
                continue
            if claim.kind == "number" and claim.extra.get("spelled") and abs(claim.value) <= 10 and \
                    not (claim.unit and claim.unit[0] in compiled.data.time_units):
                continue  # "tiga langkah", "lima layanan": a small count in prose, not a promise of time
            what = claim.kind
        shown = _short(claim.text) if claim.kind == "quote" else " ".join(claim.text.split())
        out.append(Problem("invented", what, claim.text, claim.start, claim.end, "",
                           f"*{shown}* tidak ada di lembar fakta."))
    return out


def problem_summary(problems: Sequence[Problem], limit: int = 5) -> str:
    shown = [p.note for p in problems[:limit]]
    more = f" (dan {len(problems) - limit} lagi)" if len(problems) > limit else ""
    return " ".join(shown) + more
