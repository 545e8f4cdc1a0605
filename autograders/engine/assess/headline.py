"""Headlines and titles: one helper shared by press releases, articles and social posts.

:func:`analyze_headline` measures a headline (words, characters, capitals, numbers), finds an active verb or a
passive one, and the clickbait patterns a public body should avoid (``languages/<code>/clickbait_patterns.txt``).
It judges nothing: :mod:`autograders.engine.assess.press_release` turns the measurement into the ``pr_headline`` check.

Active verbs in Indonesian headlines (the ``me-`` prefix is usually dropped: *Wali Kota Resmikan Mal Pelayanan
Publik*) are found as: a verb from ``pr_headline_verbs.txt``; a ``me-``/``ber-`` word, or a ``-kan``/``-i`` word,
whose root is in the dictionary. A ``di-`` or ``ter-`` passive (from :mod:`autograders.engine.measure.passive`) is reported as
passive. English: a word ending in ``-s``/``-es`` after the subject is not checked; only passives (*is/are … -ed*)
are found, and ``active_verb`` is None (unknown).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..languages import Language, read_list
from ..measure.predicate import is_active_verb_id as _is_active_id
from ..parse.words import Word, tokenize

_DI_EXCEPTIONS = "passive_di_exceptions"


@dataclass(frozen=True)
class HeadlineInfo:
    text: str
    words: int
    characters: int
    all_caps: bool
    has_number: bool
    active_verb: str | None  # the first active verb found ("" = none found; None = not checked for this language)
    passive_verb: str | None
    clickbait: tuple[str, ...]  # the trainee's own words that match a clickbait pattern
    ends_with_period: bool

    def to_dict(self) -> dict:
        return {
            "text": self.text, "words": self.words, "characters": self.characters, "all_caps": self.all_caps,
            "has_number": self.has_number, "active_verb": self.active_verb, "passive_verb": self.passive_verb,
            "clickbait": list(self.clickbait), "ends_with_period": self.ends_with_period,
        }


@lru_cache(maxsize=None)
def clickbait_patterns(folder: Path) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in read_list(folder / "clickbait_patterns.txt"))


@lru_cache(maxsize=None)
def _any_clickbait(folder: Path) -> re.Pattern[str] | None:
    """All the patterns in one: most titles match none, and one search says so."""
    patterns = clickbait_patterns(folder)
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE) if patterns else None


def find_clickbait(text: str, language: Language) -> tuple[str, ...]:
    """The stretches of ``text`` that match a clickbait pattern of the language (each once, in order)."""
    combined = _any_clickbait(language.folder)
    if combined is None or not combined.search(text):
        return ()
    found: list[str] = []
    for pattern in clickbait_patterns(language.folder):
        for match in pattern.finditer(text):
            if match.group() and match.group() not in found:
                found.append(match.group())
    return tuple(found)


def _passive_verb(words: list[Word], language: Language) -> str | None:
    """The passive verb of a headline, found by the language's own passive rules (autograders.engine.measure.passive).

    Headlines are written in title case, so capitals say nothing about names here; the object-focus rule needs a
    fronted object and does not apply to a headline.
    """
    from ..measure.passive import BE_WORDS, RULES

    pairs = [(w.lower, False) for w in words]
    for name in language.settings.get("passive_rules", []):
        if name == "object_focus":
            continue
        index = RULES[name](pairs, language)
        if index is not None:
            start = index
            while start > 0 and words[start - 1].lower in BE_WORDS:
                start -= 1  # English: show the auxiliary too ("Was Opened")
            return " ".join(w.text for w in words[start:index + 1])
    return None


def analyze_headline(text: str, language: Language) -> HeadlineInfo:
    """Measure one headline or title. ``text`` is the headline as written (Markdown marks already removed)."""
    if not isinstance(text, str):
        raise TypeError("headline must be a str")
    text = " ".join(text.split())
    words = [w for w in tokenize(text) if w.kind != "url"]
    letters = [c for c in text if c.isalpha()]
    all_caps = len(letters) >= 8 and all(c.isupper() for c in letters)
    has_number = any(w.kind == "number" or any(c.isdigit() for c in w.text) for w in words)
    passive = _passive_verb(words, language)
    if language.code == "id":
        active = next((w.text for w in words if w.kind == "word" and _is_active_id(w.text, language)), "")
    else:
        active = None
    return HeadlineInfo(
        text=text, words=len(words), characters=len(text), all_caps=all_caps, has_number=has_number,
        active_verb=active, passive_verb=passive, clickbait=find_clickbait(text, language),
        ends_with_period=text.endswith("."),
    )


def headline(doc, paper) -> "CheckResult":
    """The ``headline`` check for an article's title: clickbait a public body should avoid (bad), a title in
    capitals or a passive-only title (ok), otherwise good. Press releases have ``pr_headline`` instead, which also
    judges length; a social post has no title (its opening line is judged by ``social.opening_line``)."""
    from ..checks import CheckResult

    text = doc.title
    if not text.strip():
        return CheckResult("headline", "na", None, "headline.none")
    info = analyze_headline(text, doc.language)
    quoted = text if len(text) <= 90 else text[:89].rstrip() + "…"
    params = {"headline": quoted, "clickbait": list(info.clickbait), "verb": info.passive_verb or ""}
    if info.clickbait:
        return CheckResult("headline", "bad", info.to_dict(), "headline.clickbait", params)
    if info.all_caps and info.words > 1:
        return CheckResult("headline", "ok", info.to_dict(), "headline.all_caps", params)
    if info.passive_verb and not info.active_verb:
        return CheckResult("headline", "ok", info.to_dict(), "headline.passive", params)
    return CheckResult("headline", "good", info.to_dict(), "headline.good", params)
