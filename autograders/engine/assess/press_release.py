"""Press releases (siaran pers): the parts a newsroom expects, in order (``shared/domain.md`` §5).

:func:`release_parts` finds the parts once per document (cached): release note, headline, dateline and lead,
body, boilerplate (*Tentang …*), contact (*Narahubung*) and end mark (``###`` / ``-30-``). Each ``pr_*`` check
judges one part. Cue words, month names, positions and labels are data: ``languages/<code>/pr_*.txt``.

Thresholds (:data:`RULES`) follow domain.md §5: headline 5–10 words, lead at most 3 sentences and 30–45 words,
boilerplate under 100 words, the whole release 300–500 words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..checks import CheckResult, Mark
from ..parse.document import Block, Document
from ..present.feedback import FEEDBACK_LANGUAGES, label
from .headline import analyze_headline
from ..languages import Language, read_list, read_table
from ..paper import Paper
from ..measure.quotes import quote_spans
from ..parse.words import tokenize

RULES = {
    "headline": {"good_min_words": 5, "good_max_words": 10, "ok_min_words": 3, "ok_max_words": 14},
    "lead": {"max_sentences": 3, "good_min_words": 30, "good_max_words": 45, "ok_min_words": 20, "ok_max_words": 60,
             "required": ("what", "who", "when", "where")},
    "boilerplate": {"good_max_words": 99, "ok_max_words": 150},
    "length": {"good_min_words": 300, "good_max_words": 500, "ok_min_words": 250, "ok_max_words": 600},
    "search_blocks": 4,  # how far from the top the release note and the dateline are looked for
}
W5H1 = ("what", "who", "when", "where", "why", "how")
_DASH = "[-–—]"
_PHONE = re.compile(r"(?<!\d)(?:\+62|62|0)[\s.-]?\d{2,4}(?:[\s.-]?\d{2,5}){2,4}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


# ----------------------------------------------------------------------------------------------- data
@lru_cache(maxsize=None)
def _patterns(folder: Path, name: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in read_list(folder / f"{name}.txt"))


@lru_cache(maxsize=None)
def _table(folder: Path, name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    return tuple(read_table(folder / f"{name}.txt", columns))


@lru_cache(maxsize=None)
def _phrases(folder: Path, name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.lower for w in tokenize(p)) for p in read_list(folder / f"{name}.txt") if tokenize(p))


@lru_cache(maxsize=None)
def _months(folder: Path) -> dict[str, tuple[int, bool]]:
    """month word -> (number, is the full name)."""
    out: dict[str, tuple[int, bool]] = {}
    for number, line in enumerate(read_list(folder / "pr_months.txt"), start=1):
        names = [n.strip().lower() for n in line.split("\t") if n.strip()]
        for i, name in enumerate(names):
            out.setdefault(name, (number, i == 0))
    return out


def _labels(language: Language, part: str) -> tuple[str, ...]:
    rows = _table(language.folder, "pr_section_labels", 2)
    return tuple(sorted((lab.lower() for p, lab in rows if p == part), key=len, reverse=True))


def _contains_phrase(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[i:i + n]) == phrase for i in range(len(words) - n + 1))


# ----------------------------------------------------------------------------------------------- parts
@dataclass(frozen=True)
class Dateline:
    start: int
    end: int
    city: str
    date_text: str
    full_date: bool  # day, full month name and year, and a real date
    at_start: bool


@dataclass(frozen=True)
class ReleaseParts:
    release_note: Block | None
    release_number: Block | None  # "Siaran Pers Nomor 045/…": labels the release, is not its headline
    headline: str
    headline_block: Block | None
    lead: Block | None
    dateline: Dateline | None
    body: tuple[Block, ...]
    boilerplate_label: Block | None
    boilerplate: tuple[Block, ...]
    contact: tuple[Block, ...]
    end_mark: str


def _starts_with_label(block: Block, labels: tuple[str, ...]) -> bool:
    text = block.text.lower().lstrip("*_#> ")
    return any(text == lab or text.startswith(lab + " ") or text.startswith(lab + ":") for lab in labels)


_DATE_TEXT = (r"(?P<date>(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|monday|tuesday|wednesday|thursday|"
              r"friday|saturday|sunday)\s*\(?,?\s*)?(?:(?P<d1>\d{1,2})\s+(?P<m1>[a-z]+)\.?,?\s+(?P<y1>\d{4})|"
              r"(?P<m2>[a-z]+)\.?\s+(?P<d2>\d{1,2}),?\s+(?P<y2>\d{4})|(?P<d3>\d{1,2})[/.-](?P<m3>\d{1,2})[/.-](?P<y3>\d{2,4}))\)?)")
_DATELINE = re.compile(r"^\W*(?P<city>[^\W\d_][^,\n]{1,40}?),\s*" + _DATE_TEXT + r"\s*(?:" + _DASH + r"+|:)", re.IGNORECASE)
_DATELINE_ANY = re.compile(r"(?P<city>[A-Z][A-Za-z .'-]{1,40}),\s*" + _DATE_TEXT, re.IGNORECASE)


def find_dateline(block: Block, language: Language) -> Dateline | None:
    match = _DATELINE.match(block.text)
    at_start = match is not None
    if match is None:
        match = _DATELINE_ANY.search(block.text)
        if match is None:
            return None
    months = _months(language.folder)
    full = False
    g = match.groupdict()
    day, month_word, year = (g["d1"], g["m1"], g["y1"]) if g["d1"] else (g["d2"], g["m2"], g["y2"]) if g["d2"] else (None, None, None)
    if month_word is not None:
        info = months.get(month_word.lower())
        if info is None:
            return None if not at_start else Dateline(block.start + match.start(), block.start + match.end(),
                                                      match.group("city").strip(), match.group("date"), False, at_start)
        try:
            date(int(year), info[0], int(day))
            full = info[1] and "." not in match.group("date")
        except ValueError:
            full = False
    return Dateline(block.start + match.start(), block.start + match.end(), match.group("city").strip(),
                    match.group("date").strip(), full, at_start)


def release_parts(doc: Document) -> ReleaseParts:
    return doc.cached("press_release_parts", lambda: _find_parts(doc))


def _find_parts(doc: Document) -> ReleaseParts:
    language = doc.language
    blocks = [b for b in doc.blocks if b.kind != "code" and b.text.strip()]
    notes = _patterns(language.folder, "pr_release_note")
    ends = _patterns(language.folder, "pr_end_marks")
    end_mark = ""
    for line in reversed(doc.source.splitlines()):
        stripped = line.strip().strip("*_ ")
        if stripped and any(p.fullmatch(stripped) for p in ends):
            end_mark = stripped
            break
    blocks = [b for b in blocks if not any(p.fullmatch(b.text.strip().strip("*_ ")) for p in ends)]

    release_note = next((b for b in blocks if any(p.search(b.text) for p in notes)), None)
    numbers = _patterns(language.folder, "pr_release_number")
    release_number = next((b for b in blocks[: RULES["search_blocks"]] if b is not release_note
                           and any(p.fullmatch(b.text.strip().strip("*_#> ").strip()) for p in numbers)), None)
    rest = [b for b in blocks if b is not release_note and b is not release_number]
    headline_block = next((b for b in rest if b.kind == "heading" and b.level == 1), None)
    if headline_block is None:
        for b in rest[: RULES["search_blocks"]]:
            if b.kind == "heading" or (len(b.words) <= 15 and not b.text.rstrip().endswith((".", ":"))
                                        and find_dateline(b, language) is None):
                headline_block = b
                break
    headline = doc.title or (headline_block.text if headline_block else "")
    after = [b for b in rest if b is not headline_block and (headline_block is None or b.start > headline_block.start)]

    boiler_labels, contact_labels = _labels(language, "boilerplate"), _labels(language, "contact")
    boiler_i = next((i for i, b in enumerate(after) if i > 0 and _starts_with_label(b, boiler_labels)
                     and (b.kind == "heading" or len(b.words) <= 8 or ":" in b.text[:60])), None)
    contact_i = next((i for i, b in enumerate(after) if i > 0 and _starts_with_label(b, contact_labels)), None)
    closing = min(i for i in (boiler_i, contact_i, len(after)) if i is not None)
    body = [b for b in after[:closing] if b.kind != "heading" or b.level > 1]

    lead, dateline = None, None
    for b in body[: RULES["search_blocks"]]:
        if b.kind in ("paragraph", "quote", "list_item"):
            found = find_dateline(b, language)
            if found is not None:
                lead, dateline = b, found
                break
    if lead is None:
        lead = next((b for b in body if b.kind == "paragraph" and len(b.words) >= 10), None)

    boilerplate_label, boilerplate = None, ()
    if boiler_i is not None:
        end_i = contact_i if contact_i is not None and contact_i > boiler_i else len(after)
        boilerplate_label = after[boiler_i]
        section = after[boiler_i:end_i]
        if boilerplate_label.kind == "heading" or len(boilerplate_label.words) <= 8:
            section = section[1:]
        boilerplate = tuple(section)
    contact: tuple[Block, ...] = ()
    if contact_i is not None:
        end_i = boiler_i if boiler_i is not None and boiler_i > contact_i else len(after)
        contact = tuple(after[contact_i:end_i][:6])
    return ReleaseParts(release_note, release_number, headline, headline_block, lead, dateline, tuple(body), boilerplate_label,
                        boilerplate, contact, end_mark)


# ----------------------------------------------------------------------------------------------- helpers
def _quote_line(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def localized(prefix: str, codes: list[str] | tuple[str, ...], name: str) -> dict[str, str]:
    """Message parameters ``<name>_id`` and ``<name>_en``: catalogue labels of ``codes`` joined per language."""
    return {f"{name}_{lang}": ", ".join(label(f"{prefix}.{code}", lang) for code in codes) for lang in FEEDBACK_LANGUAGES}


# ----------------------------------------------------------------------------------------------- checks
def pr_release_note(doc: Document, paper: Paper) -> CheckResult:
    parts = release_parts(doc)
    note = parts.release_note
    if note is None:
        return CheckResult("pr_release_note", "bad", "", "pr_release_note.missing")
    text = _quote_line(note.text)
    top = [b for b in doc.blocks if b.text.strip()][: RULES["search_blocks"]]
    if note not in top:
        return CheckResult("pr_release_note", "ok", text, "pr_release_note.not_on_top", {"line": text},
                           (Mark(note.start, note.end),))
    if re.search(r"embargo", note.text, re.I) and not re.search(r"\d", note.text):
        return CheckResult("pr_release_note", "ok", text, "pr_release_note.embargo_no_time", {"line": text},
                           (Mark(note.start, note.end),))
    return CheckResult("pr_release_note", "good", text, "pr_release_note.good", {"line": text})


def pr_headline(doc: Document, paper: Paper) -> CheckResult:
    parts = release_parts(doc)
    if not parts.headline:
        return CheckResult("pr_headline", "bad", None, "pr_headline.missing")
    info = analyze_headline(parts.headline, doc.language)
    cfg = RULES["headline"]
    marks = (Mark(parts.headline_block.start, parts.headline_block.end),) if parts.headline_block else ()
    params = {"headline": _quote_line(info.text), "words": info.words, "min": cfg["good_min_words"],
              "max": cfg["good_max_words"], "verb": info.passive_verb or "", "clickbait": list(info.clickbait)}
    issues: list[tuple[str, str]] = []  # (rating, key) most serious first
    if info.clickbait:
        issues.append(("bad", "pr_headline.clickbait"))
    if info.words < cfg["good_min_words"] or info.words > cfg["good_max_words"]:
        outside_ok = info.words < cfg["ok_min_words"] or info.words > cfg["ok_max_words"]
        issues.append(("bad" if outside_ok else "ok",
                       "pr_headline.short" if info.words < cfg["good_min_words"] else "pr_headline.long"))
    if info.all_caps:
        issues.append(("ok", "pr_headline.all_caps"))
    if info.passive_verb and not info.active_verb:
        issues.append(("ok", "pr_headline.passive"))
    elif info.active_verb == "":
        issues.append(("ok", "pr_headline.no_verb"))
    value = info.to_dict()
    value["issues"] = [key.split(".", 1)[1] for _, key in issues]
    if not issues:
        return CheckResult("pr_headline", "good", value, "pr_headline.good", params)
    rating = "bad" if any(r == "bad" for r, _ in issues) else "ok"
    key = next(k for r, k in issues if r == rating)
    params["others"] = len(issues) - 1
    return CheckResult("pr_headline", rating, value, key, params, marks)


def pr_dateline(doc: Document, paper: Paper) -> CheckResult:
    parts = release_parts(doc)
    lead = parts.lead
    if lead is None:
        return CheckResult("pr_dateline", "bad", None, "pr_dateline.no_paragraph")
    found = parts.dateline
    line = _quote_line(lead.text, 60)
    if found is None:
        return CheckResult("pr_dateline", "bad", None, "pr_dateline.missing", {"line": line}, (Mark(lead.start, lead.end),))
    value = {"city": found.city, "date": found.date_text, "full_date": found.full_date}
    params = {"line": line, "city": found.city, "date": found.date_text}
    mark = (Mark(found.start, found.end),)
    if not found.at_start:
        return CheckResult("pr_dateline", "ok", value, "pr_dateline.not_at_start", params, mark)
    if not found.full_date:
        return CheckResult("pr_dateline", "ok", value, "pr_dateline.date_format", params, mark)
    return CheckResult("pr_dateline", "good", value, "pr_dateline.good", params)


def lead_answers(doc: Document, start: int, end: int) -> dict[str, bool]:
    """Which of the 5W1H the lead text ``doc.text[start:end]`` answers (cue words and patterns; see data file)."""
    language = doc.language
    text = doc.text[start:end]
    words = [w for w in tokenize(text)]
    lower = [w.lower for w in words]
    cues: dict[str, list[tuple[str, ...]]] = {k: [] for k in W5H1}
    for category, cue in _table(language.folder, "pr_lead_cues", 2):
        if category in cues and cue:
            cues[category].append(tuple(w.lower for w in tokenize(cue)))
    found = {k: any(_contains_phrase(lower, c) for c in cues[k] if c not in (("di",), ("ke",), ("in",), ("at",)))
             for k in W5H1}
    months = _months(language.folder)
    if any(w.lower in months and (i > 0 and words[i - 1].kind == "number") for i, w in enumerate(words)) \
            or re.search(r"\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b|\b\d{1,2}[.:]\d{2}\b|\b(19|20)\d{2}\b", text):
        found["when"] = True
    for i, w in enumerate(words[:-1]):
        if w.lower in ("di", "ke", "in", "at") and words[i + 1].text[:1].isupper():
            found["where"] = True
    capitalised_inside = [w for i, w in enumerate(words) if i > 0 and w.kind == "word" and w.text[:1].isupper()]
    if capitalised_inside or any(len(w.text) >= 2 and w.text.isupper() for w in words):
        found["who"] = True
    found["what"] = _has_verb(words, language)
    return found


def _has_verb(words, language: Language) -> bool:
    from ..measure.predicate import is_active_verb_id as _is_active_id
    from ..measure.passive import di_passive, ter_passive

    if language.code != "id":
        return any(w.lower.endswith(("ed", "s")) or w.lower in ("will", "is", "are", "opens", "open") for w in words)
    pairs = [(w.lower, False) for w in words]
    if di_passive(pairs, language) is not None or ter_passive(pairs, language) is not None:
        return True
    return any(w.kind == "word" and _is_active_id(w.text, language) for w in words)


def pr_lead(doc: Document, paper: Paper) -> CheckResult:
    parts = release_parts(doc)
    lead = parts.lead
    if lead is None:
        return CheckResult("pr_lead", "bad", None, "pr_lead.missing")
    cfg = RULES["lead"]
    start = parts.dateline.end if parts.dateline and parts.dateline.at_start else lead.start
    words = [w for w in lead.words if w.start >= start]
    sentences = [s for s in lead.sentences if s.end > start]
    answers = lead_answers(doc, start, lead.end)
    missing = [k for k in cfg["required"] if not answers[k]]
    n_words, n_sentences = len(words), len(sentences)
    value = {"words": n_words, "sentences": n_sentences, "answers": answers, "missing": missing}
    params = {"words": n_words, "sentences": n_sentences, "min": cfg["good_min_words"], "max": cfg["good_max_words"],
              "max_sentences": cfg["max_sentences"], "line": _quote_line(lead.text, 70), "missing": missing}
    params.update(localized("w5h1", missing, "missing"))
    length_ok = cfg["good_min_words"] <= n_words <= cfg["good_max_words"] and n_sentences <= cfg["max_sentences"]
    length_near = cfg["ok_min_words"] <= n_words <= cfg["ok_max_words"] and n_sentences <= cfg["max_sentences"] + 1
    mark = (Mark(lead.start, lead.end),)
    if length_ok and not missing:
        return CheckResult("pr_lead", "good", value, "pr_lead.good", params)
    if length_ok:
        return CheckResult("pr_lead", "bad" if len(missing) >= 2 else "ok", value, "pr_lead.missing_w", params, mark)
    if n_sentences > cfg["max_sentences"]:
        key = "pr_lead.too_many_sentences"
    else:
        key = "pr_lead.too_short" if n_words < cfg["good_min_words"] else "pr_lead.too_long"
    if missing:
        key += "_missing"
    rating = "ok" if length_near and len(missing) <= 1 else "bad"
    return CheckResult("pr_lead", rating, value, key, params, mark)


class Quote(NamedTuple):
    """A quotation in a block: ``start``/``end`` around the marks, relative to the block's text."""

    start: int
    end: int
    inner: str

    @property
    def text(self) -> str:
        return self.inner


def block_quotes(block: Block) -> list[Quote]:
    return [Quote(s - 1, e + 1, block.text[s:e]) for s, e in quote_spans(block.text)]


def _quotes(doc: Document):
    for block in doc.body_blocks:
        for quote in block_quotes(block):
            if len(quote.inner.split()) >= 3:
                yield block, quote


def quote_attribution(block: Block, start: int, end: int, language: Language) -> tuple[bool, bool, bool]:
    """(has a quote verb, names a person, names a position) in the paragraph around ``block.text[start:end]``."""
    context = block.text[:start] + " … " + block.text[end:]
    words = tokenize(context)
    lower = [w.lower for w in words]
    verbs = _phrases(language.folder, "pr_quote_verbs")
    verb = any(_contains_phrase(lower, v) or (len(v) == 1 and any(w == v[0] + "nya" for w in lower)) for v in verbs)
    positions = _phrases(language.folder, "pr_positions")
    position = any(_contains_phrase(lower, p) for p in positions)
    position_words = {w for p in positions for w in p}
    verb_words = {w for v in verbs for w in v}
    name = False
    for i, w in enumerate(words):
        if w.kind != "word" or not w.text[:1].isupper() or w.lower in position_words or w.lower in verb_words:
            continue
        if i == 0 and len(words) > 1 and not words[1].text[:1].isupper():
            continue  # a sentence-initial capital alone is not a name
        name = True
        break
    return verb, name, position


def pr_quote(doc: Document, paper: Paper) -> CheckResult:
    quotes = list(_quotes(doc))
    if not quotes:
        return CheckResult("pr_quote", "bad", 0, "pr_quote.missing")
    best = None
    for block, match in quotes:
        verb, name, position = quote_attribution(block, match.start, match.end, doc.language)
        score = (verb and name) * 2 + (verb and name and position)
        if best is None or score > best[0]:
            best = (score, block, match, verb, name, position)
    score, block, match, verb, name, position = best  # type: ignore[misc]
    line = _quote_line(block.text[match.start:match.end], 70)
    mark = (Mark(block.start + match.start, block.start + match.end),)
    params = {"count": len(quotes), "line": line}
    if score == 3:
        return CheckResult("pr_quote", "good", len(quotes), "pr_quote.good", params)
    if score == 2:
        return CheckResult("pr_quote", "ok", len(quotes), "pr_quote.no_position", params, mark)
    return CheckResult("pr_quote", "bad", len(quotes), "pr_quote.unattributed", params, mark)


def pr_boilerplate(doc: Document, paper: Paper) -> CheckResult:
    parts = release_parts(doc)
    cfg = RULES["boilerplate"]
    if parts.boilerplate_label is None:
        return CheckResult("pr_boilerplate", "bad", 0, "pr_boilerplate.missing")
    blocks = parts.boilerplate or (parts.boilerplate_label,)
    words = sum(len(b.words) for b in blocks)
    params = {"words": words, "limit": cfg["good_max_words"] + 1, "label": _quote_line(parts.boilerplate_label.text, 50)}
    if words == 0:
        return CheckResult("pr_boilerplate", "bad", 0, "pr_boilerplate.empty", params,
                           (Mark(parts.boilerplate_label.start, parts.boilerplate_label.end),))
    if words <= cfg["good_max_words"]:
        return CheckResult("pr_boilerplate", "good", words, "pr_boilerplate.good", params)
    rating = "ok" if words <= cfg["ok_max_words"] else "bad"
    return CheckResult("pr_boilerplate", rating, words, "pr_boilerplate.long", params,
                       tuple(Mark(b.start, b.end) for b in blocks))


def pr_contact(doc: Document, paper: Paper) -> CheckResult:
    parts = release_parts(doc)
    if not parts.contact:
        return CheckResult("pr_contact", "bad", None, "pr_contact.missing")
    text = " ".join(b.text for b in parts.contact)
    labels = _labels(doc.language, "contact")
    label_block = parts.contact[0]
    phone = _PHONE.search(text)
    email = _EMAIL.search(text)
    rest = text
    for lab in labels:
        if rest.lower().startswith(lab):
            rest = rest[len(lab):]
            break
    rest = _EMAIL.sub(" ", _PHONE.sub(" ", rest))
    name = any(w.kind == "word" and w.text[:1].isupper() and not w.text.isupper() for w in tokenize(rest))
    value = {"name": name, "phone": phone.group() if phone else "", "email": email.group() if email else ""}
    params = {"line": _quote_line(text, 70)}
    mark = (Mark(label_block.start, parts.contact[-1].end),)
    if name and (phone or email):
        return CheckResult("pr_contact", "good", value, "pr_contact.good", params)
    if not name and not (phone or email):
        return CheckResult("pr_contact", "bad", value, "pr_contact.empty", params, mark)
    return CheckResult("pr_contact", "ok" if name else "bad", value,
                       "pr_contact.no_reach" if name else "pr_contact.no_name", params, mark)


def pr_end_mark(doc: Document, paper: Paper) -> CheckResult:
    parts = release_parts(doc)
    if parts.end_mark:
        return CheckResult("pr_end_mark", "good", parts.end_mark, "pr_end_mark.good", {"mark": parts.end_mark})
    return CheckResult("pr_end_mark", "bad", "", "pr_end_mark.missing")


def release_word_count(doc: Document) -> int:
    """Words from the headline to the end of the boilerplate (release note, release number, contact and end mark
    left out)."""
    parts = release_parts(doc)
    contact = {id(b) for b in parts.contact}
    skip = contact | {id(b) for b in (parts.release_note, parts.release_number) if b is not None}
    return sum(len(b.words) for b in doc.blocks if b.kind != "code" and id(b) not in skip)


def pr_length(doc: Document, paper: Paper) -> CheckResult:
    cfg = RULES["length"]
    words = release_word_count(doc)
    params = {"words": words, "min": cfg["good_min_words"], "max": cfg["good_max_words"]}
    if cfg["good_min_words"] <= words <= cfg["good_max_words"]:
        return CheckResult("pr_length", "good", words, "pr_length.good", params)
    short = words < cfg["good_min_words"]
    near = cfg["ok_min_words"] <= words <= cfg["ok_max_words"]
    return CheckResult("pr_length", "ok" if near else "bad", words, "pr_length.short" if short else "pr_length.long", params)


CHECKS = (pr_release_note, pr_headline, pr_dateline, pr_lead, pr_quote, pr_boilerplate, pr_contact, pr_end_mark,
          pr_length)
