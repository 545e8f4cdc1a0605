"""What an answer claims: the numbers, dates, times, money, percentages, telephone numbers, proper names,
quotations and promises in the text a reader sees (``Document.text``), each with its place.

The answer is read through the engine's Document (parsed once), so hidden HTML, Markdown syntax and link targets
never count. Each block is cut into *segments* (its sentences; a heading is one segment), and each segment into
*items*: a word (compared by its stem), a number (digits in either convention, or words: *sepuluh*), a URL.
Numbers written twice (``10 (sepuluh)``) and numbers with a scale word (``1,5 juta``) are one item. Everything is
one left-to-right pass over the words with dictionary look-ups: linear in the length of the answer, with no
regular expression over the trainee's text (the one exception: a press release's end-mark patterns, tried on
lines of at most 12 characters).

The same reader runs over the fact sheet, so "the fact sheet holds it" means exactly "the same reader found the
same value in the fact sheet". An answer is read up to its first :data:`MAX_SEGMENTS` sentences, far beyond any
task's length (such an answer fails its length criteria anyway).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping, NamedTuple, Sequence

from ..languages import Language, read_list, read_table
from ..measure.keyphrase import stems_of
from ..measure.lexicon import root_words
from ..parse.document import Document, parse
from .numbers import number_words, parse_digits, read_number_words, scale_word

MAX_SEGMENTS = 300  # sentences read by the checker: several times what any task asks for (the rest is not judged)
KINDS = ("number", "year", "percent", "money", "time", "date", "phone", "quote", "name", "promise")
CLAUSE_PUNCTUATION = frozenset(",;:()–—")
QUOTE_PAIRS = {"“": "”", "«": "»", "„": "”", '"': '"'}
TIME_CUES = frozenset({"pukul", "jam", "pk", "wib", "wita", "wit"})
HOUR_CUES = frozenset({"pukul", "jam", "pk"})  # before a bare hour: "pukul 8 pagi"
RANGE_WORDS = frozenset({"sampai", "hingga", "s.d", "sd", "s/d", "sampai dengan"})


class Item(NamedTuple):
    """One unit of a segment: a word (``key`` = ("w", stem)), a number (("n", value)), a URL (("u", text)).
    A named tuple: an answer has thousands of them, built on every scoring."""

    key: tuple
    lower: str  # the written form, lower case (numbers: as written)
    text: str
    start: int
    end: int
    sep: str  # the characters between the previous item and this one
    capital: bool = False  # a word that begins with a capital letter
    raw_number: bool = False  # written in digits


@dataclass(frozen=True)
class Segment:
    index: int
    block: int
    start: int
    end: int
    heading: bool
    items: tuple[Item, ...]

    def clause_start(self, position: int, breaks: frozenset[str], window: int = 12) -> int:
        """Index of the first item of the clause that holds item ``position`` (looking back at most ``window``
        items: a negation reaches only a few words, and a bounded look keeps every answer linear)."""
        index = position
        floor = max(0, position - window)
        while index > floor:
            if any(ch in CLAUSE_PUNCTUATION for ch in self.items[index].sep):
                return index
            if index < position and self.items[index].lower in breaks:
                return index + 1
            index -= 1
        return floor

    def clause_end(self, position: int, breaks: frozenset[str], window: int = 12) -> int:
        """Index after the last item of the clause that holds item ``position`` (at most ``window`` ahead)."""
        index = position + 1
        ceiling = min(len(self.items), position + 1 + window)
        while index < ceiling:
            item = self.items[index]
            if any(ch in CLAUSE_PUNCTUATION for ch in item.sep) or item.lower in breaks:
                return index
            index += 1
        return ceiling


@dataclass(frozen=True)
class Claim:
    kind: str  # see KINDS
    text: str  # as written in the answer
    start: int
    end: int
    segment: int
    position: int  # index of its first item in the segment
    value: Any  # number: float; date: (day, month, year); time: (start, end) in minutes; phone: digits; ...
    unit: tuple[str, ...] = ()  # number: the stems of the (up to two) words after it
    weak: bool = False  # "satu", "setengah": a number word that is mostly an article in prose
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Claims:
    segments: tuple[Segment, ...]
    claims: tuple[Claim, ...]
    vocabulary: frozenset[str]  # lower-case words and stems of the text

    def of(self, *kinds: str) -> list[Claim]:
        return [c for c in self.claims if c.kind in kinds]


@dataclass(frozen=True)
class LanguageData:
    """The language's word lists this reader needs, read once per call site (they are cached by the language)."""

    numbers: Mapping[str, tuple[float, str]]
    months: Mapping[str, int]
    promises: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> ((phrase words, family), ...)
    negations: Mapping[str, tuple[tuple[str, ...], ...]]  # first word -> phrases
    cancellations: Mapping[str, tuple[tuple[str, ...], ...]]  # first word -> phrases ("tidak jadi")
    reversals: Mapping[str, tuple[tuple[str, ...], ...]]
    warnings: Mapping[str, tuple[tuple[str, ...], ...]]
    clause_breaks: frozenset[str]
    known_names: frozenset[str]
    titles: frozenset[str]
    offices: frozenset[str]
    abbreviations: frozenset[str]
    english: frozenset[str]
    common: frozenset[str]  # the language's frequent and function words (never a proper name by themselves)
    time_units: frozenset[str]
    limits: frozenset[str]  # "tidak lebih dari": a negation that states a limit
    dayparts: Mapping[str, tuple[int, int]]
    end_marks: tuple  # compiled patterns of a press release's end mark line ("###", "-30-")


def _phrases(entries: frozenset[str]) -> Mapping[str, tuple[tuple[str, ...], ...]]:
    """Phrases indexed by their first word (longest first), so a look-up at a word costs one dictionary access."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted({tuple(e.split()) for e in entries if e.split()}, key=len, reverse=True):
        out.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in out.items()}


def language_data(language: Language) -> LanguageData:
    months: dict[str, int] = {}
    for number, row in enumerate(read_table(language.folder / "pr_months.txt", 4), 1):
        for form in row:
            if form:
                months[form.lower()] = number
    promises: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, family in language.table("fact_promises", 2):
        words = tuple(phrase.lower().split())
        if words and family:
            promises.setdefault(words[0], []).append((words, family))
    english: frozenset[str] = frozenset()
    try:
        from ..languages import get_language

        other = get_language("en")
        english = other.common_words | other.stopwords
    except Exception:  # noqa: BLE001 - without English data, English words are judged like other words
        pass
    return LanguageData(
        numbers=number_words(language), months=months,
        promises={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in promises.items()},
        negations=_phrases(language.words("fact_negations")),
        cancellations=_phrases(language.words("fact_cancellations")),
        reversals=_phrases(language.words("fact_reversals")),
        warnings=_phrases(language.words("fact_warnings")),
        clause_breaks=language.words("fact_clause_breaks"),
        known_names=language.words("fact_known_names") | frozenset(
            row[0].lower() for row in read_table(language.folder / "government_abbreviations.txt", 2) if row[0]),
        titles=language.words("fact_person_titles"),
        offices=language.words("fact_person_offices"),
        abbreviations=frozenset(a.lower() for a in language.abbreviations),
        english=english,
        common=language.common_words | language.stopwords,
        time_units=language.words("fact_time_units"),
        limits=language.words("fact_limit_words"),
        dayparts={row[0].lower(): (int(row[1] or 0), int(row[2] or 0))
                  for row in language.table("fact_dayparts", 3) if row[0] and row[1].isdigit() and row[2].isdigit()},
        end_marks=tuple(re.compile(p, re.IGNORECASE) for p in read_list(language.folder / "pr_end_marks.txt")),
    )


# ------------------------------------------------------------------------------------------------ segments
def _is_time_text(text: str) -> tuple[int, int] | None:
    """``08.00`` / ``8:30`` -> (hours, minutes), else None."""
    for sep in (".", ":"):
        hours, found, minutes = text.partition(sep)
        if found and 1 <= len(hours) <= 2 and len(minutes) == 2 and hours.isdigit() and minutes.isdigit():
            h, m = int(hours), int(minutes)
            if h <= 24 and m < 60:
                return h, m
    return None


def _end_mark(text: str, data: LanguageData) -> bool:
    """A press release's end mark ("-30-") is no claim; only a short line is tried."""
    text = text.strip()
    return len(text) <= 12 and any(p.fullmatch(text) for p in data.end_marks)


def build_segments(doc: Document, data: LanguageData) -> tuple[Segment, ...]:
    text = doc.text
    pieces: list[tuple[int, int, int, bool, tuple]] = []
    for index, block in enumerate(doc.blocks):
        if len(pieces) >= MAX_SEGMENTS:
            break
        if block.kind == "code" or not block.words or _end_mark(block.text, data):
            continue
        if block.sentences:
            for sentence in block.sentences:
                pieces.append((index, sentence.start, sentence.end, False, sentence.words))
        else:
            pieces.append((index, block.start, block.end, block.kind == "heading", block.words))
    del pieces[MAX_SEGMENTS:]
    lowers = {w.lower for piece in pieces for w in piece[4] if w.kind == "word"}
    stems = stems_of(lowers, doc.language)
    segments = []
    for number, (block, start, end, heading, words) in enumerate(pieces):
        segments.append(Segment(number, block, start, end, heading, tuple(_items(words, text, stems, data, start))))
    return tuple(segments)


def _items(words: Sequence, text: str, stems: Mapping[str, str], data: LanguageData, start: int) -> list[Item]:
    items: list[Item] = []
    lowers = [w.lower for w in words]
    index = 0
    previous_end = min(start, words[0].start) if words else start
    while index < len(words):
        word = words[index]
        sep = text[previous_end:word.start]
        if word.kind in ("url", "email", "domain"):
            items.append(Item(("u", word.lower), word.lower, word.text, word.start, word.end, sep))
            previous_end = word.end
            index += 1
            continue
        value: float | None = None
        following = index + 1
        raw = False
        if word.kind == "number":
            value = parse_digits(word.text)
            raw = True
            if value is not None and _negative(sep, bool(items), lowers[index - 1] if index else ""):
                value = -value
        elif word.lower in data.numbers:
            found = read_number_words(lowers, index, data.numbers)
            if found:
                value, following = found
        if value is None:
            key = ("w", stems.get(word.lower, word.lower)) if word.kind == "word" else ("x", word.lower)
            items.append(Item(key, word.lower, word.text, word.start, word.end, sep,
                              capital=word.kind == "word" and word.text[:1].isupper()))
            previous_end = word.end
            index += 1
            continue
        end = words[following - 1].end
        # A scale word after digits: 1,5 juta; 125 ribu.
        if raw and following < len(words) and not _is_time_text(word.text):
            scale = scale_word(lowers[following], data.numbers)
            if scale and text[end:words[following].start].strip() == "":
                value *= scale
                end = words[following].end
                following += 1
        # The same number written again in brackets: 10 (sepuluh); tujuh (7).
        if following < len(words) and text[end:words[following].start].strip() == "(":
            again, stop = None, following
            if words[following].kind == "number":
                again, stop = parse_digits(words[following].text), following + 1
            elif lowers[following] in data.numbers:
                found = read_number_words(lowers, following, data.numbers)
                if found:
                    again, stop = found
            close = words[stop - 1].end
            tail = text[close:close + 3]
            if again is not None and abs(again - value) < 1e-9 and tail.lstrip()[:1] == ")":
                end = close + tail.index(")") + 1
                following = stop
        items.append(Item(("n", value), word.lower if following == index + 1 else text[word.start:end].lower(),
                          text[word.start:end], word.start, end, sep, raw_number=raw))
        previous_end = end
        index = following
    return items


def _negative(sep: str, after_item: bool, previous: str) -> bool:
    """A minus written right before digits ("−16,28", "(-5"), or the word *minus*; never the hyphen inside a
    date, a telephone number or a range ("2026-11-16", "0812-3456", "08.00 - 15.00")."""
    if previous == "minus" and sep.strip() == "":
        return True
    if not sep or sep[-1] not in "−-–":
        return False
    before = sep[:-1]
    if sep[-1] == "−":
        return True
    if not before:
        return not after_item  # "-5" opening a sentence; "Oktober–3 Desember" is a range, not a minus
    return before[-1].isspace() or before[-1] in "(["


# ------------------------------------------------------------------------------------------------ claims
def _digits(text: str) -> str:
    return "".join(ch for ch in text if "0" <= ch <= "9")


def _starts_phrase(items: Sequence[Item], index: int, phrase: tuple[str, ...]) -> bool:
    if index + len(phrase) > len(items):
        return False
    return all(items[index + k].lower == phrase[k] for k in range(len(phrase)))


def phrase_before(segment: Segment, position: int, phrases: Mapping[str, Sequence[tuple[str, ...]]],
                  first: int) -> int | None:
    """Index of a phrase (indexed by first word) that starts and ends in ``[first, position)``, the last found."""
    found = None
    items = segment.items
    for index in range(max(0, first), position):
        for phrase in phrases.get(items[index].lower, ()):
            if index + len(phrase) <= position and _starts_phrase(items, index, phrase):
                found = index
                break
    return found


def read_claims(doc: Document, data: LanguageData) -> Claims:
    """Every claim of a parsed answer (cached on the document: one reading per answer)."""
    return doc.cached(f"scoring.claims.{id(data)}", lambda: _read_claims(doc, data))


def _read_claims(doc: Document, data: LanguageData) -> Claims:
    segments = build_segments(doc, data)
    claims: list[Claim] = []
    vocabulary: set[str] = set()
    for segment in segments:
        for item in segment.items:
            if item.key[0] == "w":
                vocabulary.add(item.lower)
                vocabulary.add(str(item.key[1]))
        claims.extend(_value_claims(segment, doc.text, data))
        claims.extend(_promise_claims(segment, doc.text, data))
        claims.extend(_name_claims(segment, doc.text, data))
    claims.extend(_quote_claims(doc, segments))
    claims.sort(key=lambda c: (c.start, c.end))
    return Claims(segments, tuple(claims), frozenset(vocabulary))


def _clock_at(items: Sequence[Item], index: int, cued: bool, data: LanguageData) -> tuple[int, int, bool] | None:
    """A clock time at ``items[index]``: (minutes, next index, whether it was unmistakably a time).

    ``08.00`` / ``8:30`` always; a bare hour (``8``) only after a cue (``pukul 8``) or as the second half of a
    range; a following part of the day (``pagi``, ``sore``) moves it into the afternoon when it says so."""
    if index >= len(items):
        return None
    item = items[index]
    if not (item.key[0] == "n" and item.raw_number):
        return None
    clock = _is_time_text(item.lower)
    sure = bool(clock) and (item.lower[:1] == "0" or ":" in item.lower)
    if clock is None:
        if not (cued and item.lower.isdigit() and int(item.lower) <= 24):
            return None
        clock = (int(item.lower), 0)
    hours, minutes = clock
    stop = index + 1
    if stop < len(items) and items[stop].lower in data.dayparts:
        low, high = data.dayparts[items[stop].lower]
        if low <= hours <= high and high:
            hours += 12
        stop += 1
        sure = True
    return hours * 60 + minutes, stop, sure or cued


def _value_claims(segment: Segment, text: str, data: LanguageData) -> list[Claim]:
    items = segment.items
    out: list[Claim] = []
    index = 0
    while index < len(items):
        item = items[index]
        kind = item.key[0]
        if kind == "w" and item.lower in data.months:
            # A month without a day before it: "Juli 2026".
            if index + 1 < len(items) and items[index + 1].key[0] == "n" and _is_year(items[index + 1]):
                year = int(items[index + 1].key[1])
                out.append(_claim("date", segment, index, index + 2, text, (None, data.months[item.lower], year)))
                index += 2
                continue
            index += 1
            continue
        if kind != "n":
            index += 1
            continue
        value = float(item.key[1])
        nxt = items[index + 1] if index + 1 < len(items) else None
        # Telephone: 0812-3456-7890, +62 812 3456 7890, (0262) 123456.
        if item.raw_number:
            phone_end = _phone_end(items, index)
            if phone_end:
                digits = _digits(text[item.start:items[phone_end - 1].end])
                if digits.startswith("62"):
                    digits = "0" + digits[2:]
                out.append(_claim("phone", segment, index, phone_end, text, digits))
                index = phone_end
                continue
        # Dates in digits: 16/11/2026, 16-11-2026, 2026-11-16.
        date = _numeric_date(items, index) if item.raw_number else None
        if date:
            value_date, stop = date
            out.append(_claim("date", segment, index, stop, text, value_date))
            index = stop
            continue
        # A day and a month name: 1 Januari 2027; 13 Feb.
        if nxt is not None and nxt.key[0] == "w" and nxt.lower in data.months and float(value).is_integer() \
                and 1 <= value <= 31:
            stop = index + 2
            year = None
            if stop < len(items) and items[stop].key[0] == "n" and _is_year(items[stop]):
                year = int(items[stop].key[1])
                stop += 1
            out.append(_claim("date", segment, index, stop, text, (int(value), data.months[nxt.lower], year)))
            index = stop
            continue
        # Times: 08.00, 08.00–15.00, pukul 8.00 sampai 12.00, pukul 8 pagi sampai 3 sore.
        previous = items[index - 1].lower if index else ""
        first = _clock_at(items, index, previous in HOUR_CUES, data)
        if first:
            start_minutes, stop, sure = first
            second = None
            if stop < len(items):
                if items[stop].sep.strip() in ("-", "–", "—", "s.d.", "s/d"):
                    second = _clock_at(items, stop, True, data)
                elif items[stop].lower in RANGE_WORDS or (items[stop].lower == "s" and stop + 1 < len(items)
                                                           and items[stop + 1].lower == "d"):
                    after_word = stop + (2 if items[stop].lower == "s" else 1)
                    if after_word < len(items) and items[after_word].lower in HOUR_CUES:
                        after_word += 1
                    second = _clock_at(items, after_word, True, data)
            if second:
                stop = second[1]
            after = items[stop].lower if stop < len(items) else ""
            if second or sure or after in TIME_CUES:
                out.append(_claim("time", segment, index, stop, text, (start_minutes, second[0] if second else None)))
                index = stop
                continue
        # Money: Rp125.000; Rp 1,5 juta; 125 ribu rupiah.
        previous = items[index - 1].lower if index else ""
        if item.lower.startswith("rp") or previous in ("rp", "rp.") or (nxt is not None and nxt.lower == "rupiah"):
            stop = index + 2 if nxt is not None and nxt.lower == "rupiah" else index + 1
            first = index - 1 if previous in ("rp", "rp.") else index
            out.append(_claim("money", segment, first, stop, text, value))
            index = stop
            continue
        # Percentages: 88%; 88 persen; delapan puluh delapan persen.
        if item.lower.endswith("%") or (nxt is not None and nxt.lower in ("persen", "%")):
            stop = index + 1 if item.lower.endswith("%") else index + 2
            out.append(_claim("percent", segment, index, stop, text, value))
            index = stop
            continue
        if _is_year(item):
            out.append(_claim("year", segment, index, index + 1, text, int(value)))
            index += 1
            continue
        unit = tuple(str(i.key[1]) for i in items[index + 1:index + 3] if i.key[0] == "w")
        weak = not item.raw_number and value in (0.5, 1.0)
        out.append(_claim("number", segment, index, index + 1, text, value, unit=unit, weak=weak,
                          extra={"spelled": not item.raw_number}))
        index += 1
    return out


def _is_year(item: Item) -> bool:
    value = item.key[1]
    return item.raw_number and len(item.lower) == 4 and item.lower.isdigit() and 1900 <= float(value) <= 2100


def _phone_end(items: Sequence[Item], index: int) -> int | None:
    first = items[index]
    lead = first.sep.rstrip()[-1:] if first.sep.strip() else ""
    if not first.lower.isdigit():
        return None
    if not (first.lower.startswith("0") or first.lower.startswith("62") or lead == "+"):
        return None
    digits = len(first.lower)
    stop = index + 1
    while stop < len(items) and digits < 15:
        item = items[stop]
        if not (item.key[0] == "n" and item.raw_number and item.lower.isdigit()):
            break
        if item.sep not in ("-", " ", ".", ") ", " - ", "–", "‐"):
            break
        digits += len(item.lower)
        stop += 1
    return stop if 9 <= digits <= 15 and (stop > index + 1 or len(first.lower) >= 9) else None


def _numeric_date(items: Sequence[Item], index: int) -> tuple[tuple[int, int, int | None], int] | None:
    if index + 1 >= len(items):
        return None
    if index + 2 >= len(items) or items[index + 2].sep != items[index + 1].sep:
        # A day and a month without a year: 13/2.
        a, b = items[index], items[index + 1]
        if all(i.key[0] == "n" and i.raw_number and i.lower.isdigit() and len(i.lower) <= 2 for i in (a, b)) \
                and b.sep == "/" and 1 <= int(a.lower) <= 31 and 1 <= int(b.lower) <= 12:
            return (int(a.lower), int(b.lower), None), index + 2
        return None
    a, b, c = items[index], items[index + 1], items[index + 2]
    if not all(i.key[0] == "n" and i.raw_number and i.lower.isdigit() for i in (a, b, c)):
        return None
    if b.sep not in ("/", "-", ".") or c.sep != b.sep:
        return None
    x, y, z = int(a.lower), int(b.lower), int(c.lower)
    if len(a.lower) == 4 and 1 <= y <= 12 and 1 <= z <= 31:
        return (z, y, x), index + 3
    if 1 <= x <= 31 and 1 <= y <= 12 and (len(c.lower) == 4 or len(c.lower) == 2):
        return (x, y, z if z >= 100 else 2000 + z), index + 3
    return None


def _claim(kind: str, segment: Segment, first: int, stop: int, text: str, value: Any, **extra) -> Claim:
    start, end = segment.items[first].start, segment.items[stop - 1].end
    return Claim(kind, text[start:end], start, end, segment.index, first, value, **extra)


def _promise_claims(segment: Segment, text: str, data: LanguageData) -> list[Claim]:
    out = []
    items = segment.items
    index = 0
    while index < len(items):
        candidates = data.promises.get(items[index].lower)
        match = None
        for words, family in candidates or ():
            if _starts_phrase(items, index, words):
                match = (words, family)
                break
        if match is None:
            index += 1
            continue
        words, family = match
        stop = index + len(words)
        warned = phrase_before(segment, index, data.warnings, max(0, index - 30)) is not None
        clause = segment.clause_start(index, data.clause_breaks)
        negated = phrase_before(segment, index, data.negations, clause) is not None
        if not warned and not negated:
            out.append(_claim("promise", segment, index, stop, text, family))
        index = stop
    return out


def _acronym(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and letters[0].isupper() and letters[1].isupper() or any(ch.isdigit() for ch in word)


def _name_claims(segment: Segment, text: str, data: LanguageData) -> list[Claim]:
    """Capitalised runs that name someone or something no dictionary knows (the sheet is consulted later)."""
    out: list[Claim] = []
    items = segment.items
    roots = root_words()
    index = 0
    while index < len(items):
        item = items[index]
        if not (item.key[0] == "w" and item.capital):
            index += 1
            continue
        stop = index + 1
        while stop < len(items) and items[stop].key[0] == "w" and items[stop].capital and items[stop].sep == " ":
            stop += 1
        words = items[index:stop]
        before = text[max(0, item.start - 1):item.start]
        if before in ("#", "@"):
            index = stop
            continue
        title = index > 0 and items[index - 1].lower in data.titles and items[index].sep in (" ", ". ")
        office = (index > 1 and items[index].sep == ", "
                  and any(items[k].lower in data.offices for k in range(max(0, index - 5), index)))
        parts = []
        for k, word in enumerate(words):
            lower = word.lower
            dotted = text[word.end:word.end + 1] == "."
            if _acronym(word.text) or (dotted and len(lower) <= 4) or lower in data.abbreviations:
                continue
            if lower in data.titles:
                title = True  # the words after a title in the same run name a person ("Bapak Hendra")
                continue
            if lower in data.offices:
                continue  # "Bupati Sukamaju": the words after an office in the same run name its place
            if lower in data.known_names:
                continue
            parts.append((word, lower))
        if parts:
            unknown = [w for w, lower in parts if lower not in roots and str(w.key[1]) not in roots
                       and lower not in data.english and lower not in data.common]
            if index == 0 and len(words) == 1 and not title:
                unknown = []  # one capitalised word opening a sentence ("Dulu, …") is no name by itself
            if unknown or title or office:
                named = parts if (title or office) else [(w, w.lower) for w in unknown]
                start, end = named[0][0].start, named[-1][0].end  # the feedback names the unknown words only
                out.append(Claim("name", text[start:end], start, end, segment.index, index,
                                 tuple(lower for _, lower in parts),
                                 extra={"person": bool(title or office), "unknown": tuple(w.lower for w in unknown),
                                        "stems": {lower: str(w.key[1]) for w, lower in parts},
                                        "sentence_start": index == 0}))
        index = stop
    return out


def _quote_claims(doc: Document, segments: Sequence[Segment]) -> list[Claim]:
    """Quotations of three words or more, with the stems of their words."""
    out: list[Claim] = []
    starts = [s.start for s in segments]
    last_block = segments[-1].block if segments else -1
    for block_number, block in enumerate(doc.blocks):
        if block_number > last_block:
            break
        if block.kind == "code":
            continue
        text = block.text
        position = 0
        while position < len(text):
            opener = None
            for index in range(position, len(text)):
                if text[index] in QUOTE_PAIRS:
                    opener = index
                    break
            if opener is None:
                break
            closer = text.find(QUOTE_PAIRS[text[opener]], opener + 1)
            if closer < 0:
                break
            start, end = block.start + opener, block.start + closer + 1
            inner = [w for w in block.words if start < w.start and w.end < end and w.kind == "word"]
            if len(inner) >= 3:
                number = max(0, bisect_left(starts, start + 1) - 1)
                stems = stems_of({w.lower for w in inner}, doc.language)
                out.append(Claim("quote", doc.text[start:end], start, end, segments[number].index if segments else 0,
                                 0, tuple(stems[w.lower] for w in inner), extra={"block": block_number}))
            position = closer + 1
    return out


def phrase_keys(phrase: str, language: Language) -> tuple[tuple[str, Any], ...]:
    """A word or phrase of a rubric or fact sheet as item keys (stems and number values), memoised."""
    return _phrase_keys(phrase, language.code)


@lru_cache(maxsize=20_000)
def _phrase_keys(phrase: str, code: str) -> tuple[tuple[str, Any], ...]:
    from ..languages import get_language

    language = get_language(code)
    data = cached_language_data(code)
    doc = parse(phrase, language, fmt="text")
    return tuple(item.key for segment in build_segments(doc, data) for item in segment.items)


@lru_cache(maxsize=8)
def cached_language_data(code: str) -> LanguageData:
    """:func:`language_data` for a language code, read once per process (the lists are immutable)."""
    from ..languages import get_language

    return language_data(get_language(code))
