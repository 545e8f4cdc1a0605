"""Social media posts, per platform: length, hashtags, mentions, links, call to action, emoji, opening line.

A post has no title: its first sentence is what readers see first, and ``opening_line`` judges it for clickbait
and shouting (the headline helper's measurements, with messages about an opening line, not a title).

Platform limits and norms live in ``data/platforms.json`` with the month they were checked. On X the length
is X's weighted length (:mod:`autograders.engine.measure.x_length`); elsewhere it is the number of characters after NFC.
The post is the draft as written (``Document.source``): what the trainee would paste into the platform.

:func:`split_thread` splits a long text into numbered X posts at sentence boundaries (wrapping
:func:`autograders.engine.measure.x_length.split_x_thread`).
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping


from ..checks import CheckResult, Mark
from ..parse.document import Document
from ..data import DATA_DIR
from ..languages import Language, read_list
from ..measure import emoji
from ..measure.links import link_verdict, looks_government
from ..measure.tags import find_hashtags, find_mentions
from ..measure.lexicon import root_words
from ..paper import Paper
from ..measure.x_length import MAX_WEIGHTED_LENGTH, split_x_thread, x_weighted_length

PLATFORMS_FILE = DATA_DIR / "platforms.json"

_BROKEN_TAIL = re.compile(r"[-.'’&/][^\W_]")
_PICTO = emoji.char_class("Extended_Pictographic")
_RI = emoji.char_class("Regional_Indicator")
_MODIFIER = emoji.char_class("Emoji_Modifier")[1:-1]
_EMOJI = re.compile(rf"{_RI}{_RI}|{_PICTO}[{_MODIFIER}\uFE0F\u20E3]*(?:\u200D{_PICTO}[{_MODIFIER}\uFE0F]*)*")


class UnknownPlatformError(ValueError):
    """A platform we do not know; ``str()`` is the Indonesian message, :meth:`message` gives English too."""

    def __init__(self, platform: str, choices: tuple[str, ...]):
        self.platform = platform
        self.choices = choices
        super().__init__(self.message("id"))

    def message(self, lang: str = "id") -> str:
        names = ", ".join(self.choices)
        if not self.platform:
            if lang == "en":
                return f"A social media post needs a platform. Choose one of: {names} (e.g. --platform instagram)."
            return f"Unggahan media sosial memerlukan platform. Pilih salah satu: {names} (misalnya --platform instagram)."
        if lang == "en":
            return f'Unknown platform "{self.platform}". Choose one of: {names}.'
        return f'Platform "{self.platform}" tidak dikenal. Pilih salah satu: {names}.'


# ----------------------------------------------------------------------------------------------- data
@lru_cache(maxsize=1)
def platform_data() -> Mapping[str, Any]:
    return json.loads(PLATFORMS_FILE.read_text(encoding="utf-8"))


def platform_names() -> tuple[str, ...]:
    return tuple(platform_data()["platforms"])


def resolve_platform(name: str) -> str:
    """The platform's key (``x``, ``instagram`` …) for a name or alias; raises :class:`UnknownPlatformError`."""
    key = " ".join(str(name or "").lower().split())
    key = platform_data()["aliases"].get(key, key)
    if key not in platform_data()["platforms"]:
        raise UnknownPlatformError(str(name or "").strip(), platform_names())
    return key


def platform_rules(name: str) -> Mapping[str, Any]:
    return platform_data()["platforms"][resolve_platform(name)]


@lru_cache(maxsize=None)
def cta_phrases(folder: Path) -> tuple[tuple[str, ...], ...]:
    from ..parse.words import tokenize

    return tuple(sorted({tuple(w.lower for w in tokenize(p)) for p in read_list(folder / "cta_phrases.txt")} - {()},
                        key=len, reverse=True))


@lru_cache(maxsize=None)
def _release_note_patterns(folder: Path) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in read_list(folder / "pr_release_note.txt"))


# ----------------------------------------------------------------------------------------------- measures
def post_text(doc: Document) -> str:
    """The post as written (NFC, invisible characters removed), without surrounding white space."""
    return doc.source.strip()


def measure_length(text: str, platform: str) -> int:
    """Length of a post as the platform counts it."""
    rules = platform_rules(platform)
    text = unicodedata.normalize("NFC", text)
    return x_weighted_length(text) if rules["counting"] == "x_weighted" else len(text)


def split_thread(text: str, limit: int = MAX_WEIGHTED_LENGTH, numbering: bool = True) -> list[str]:
    """Split ``text`` into X posts of at most ``limit`` weighted characters, numbered " 1/3" …, at sentences."""
    return split_x_thread(text, limit=limit, numbering=numbering)


def emoji_runs(text: str) -> list[tuple[int, int, int]]:
    """(start, end, count) of each run of consecutive emoji (white space between them does not break a run)."""
    runs: list[tuple[int, int, int]] = []
    for m in _EMOJI.finditer(text):
        if runs and not text[runs[-1][1]: m.start()].strip():
            start, _end, count = runs[-1]
            runs[-1] = (start, m.end(), count + 1)
        else:
            runs.append((m.start(), m.end(), 1))
    return runs


def camel_case(tag: str, language: Language) -> str | None:
    """``layananpublik`` -> ``LayananPublik`` when the tag splits into known words; None otherwise."""
    words = _known_words(language)
    lower = tag.lower()
    n = len(lower)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(max(0, end - 20), end):
            prev = best[start]
            piece = lower[start:end]
            if prev is None or not (piece in words or piece.isdigit()):
                continue
            candidate = prev + [piece]
            if best[end] is None or len(candidate) < len(best[end]):  # type: ignore[arg-type]
                best[end] = candidate
    parts = best[n]
    if not parts or len(parts) < 2:
        return None
    return "".join(p[:1].upper() + p[1:] for p in parts)


def _known_words(language: Language) -> frozenset[str]:
    base = language.common_words | language.stopwords
    if language.code == "id":
        return frozenset(w for w in base | root_words() | _extra_id_words() if len(w) >= 3)
    return frozenset(w for w in base if len(w) >= 3)


@lru_cache(maxsize=1)
def _extra_id_words() -> frozenset[str]:
    return frozenset({"layanan", "pelayanan", "publik", "sehat", "melayani", "pemilu", "bersih", "indonesia"})


def _links(doc: Document, text: str) -> list[str]:
    hrefs = [w.text for w in doc.words if w.kind in ("url", "domain")]
    hrefs += [link.href for link in doc.links if link.href not in hrefs]
    return hrefs


# ----------------------------------------------------------------------------------------------- checks
def _rules(paper: Paper) -> Mapping[str, Any]:
    return platform_rules(paper.platform)


def post_length(doc: Document, paper: Paper) -> CheckResult:
    rules = _rules(paper)
    text = post_text(doc)
    name = rules["name"]
    if not text:
        return CheckResult("post_length", "bad", 0, "post_length.empty", {"platform": name})
    length = measure_length(text, paper.platform)
    limit = rules["max_length"]
    params: dict[str, Any] = {"platform": name, "length": length, "limit": limit}
    if length > limit:
        marks = _overflow_mark(doc, limit, rules["counting"])
        if rules["counting"] == "x_weighted":
            params["posts"] = len(split_thread(text, limit))
            return CheckResult("post_length", "bad", length, "post_length.too_long_x", params, marks)
        return CheckResult("post_length", "bad", length, "post_length.too_long", params, marks)
    title_limit = rules.get("title_max_length")
    if title_limit and doc.title and len(doc.title) > title_limit:
        params.update(title_length=len(doc.title), title_limit=title_limit)
        return CheckResult("post_length", "bad", length, "post_length.title_too_long", params)
    preview = rules.get("preview_characters")
    if preview and length > preview:
        first = doc.sentences[0] if doc.sentences else None
        first_len = len(first.text) if first else length
        opening = text[:preview]
        tags = len(find_hashtags(opening)) + len(find_mentions(opening))
        if first_len > preview or tags >= 3:
            params.update(preview=preview, first=first_len)
            marks = (Mark(first.start, first.end),) if first else ()
            return CheckResult("post_length", "ok", length, "post_length.preview", params, marks)
    return CheckResult("post_length", "good", length, "post_length.good", params)


def _overflow_mark(doc: Document, limit: int, counting: str) -> tuple[Mark, ...]:
    text = doc.text
    measure = x_weighted_length if counting == "x_weighted" else len
    if measure(text) <= limit:
        return ()
    lo, hi = 0, len(text)
    while lo < hi:  # largest prefix within the limit
        mid = (lo + hi + 1) // 2
        if measure(text[:mid]) <= limit:
            lo = mid
        else:
            hi = mid - 1
    return (Mark(lo, len(text)),)


def hashtags(doc: Document, paper: Paper) -> CheckResult:
    rules = _rules(paper)
    norm = rules["hashtags"]
    text = doc.text
    found = find_hashtags(text)
    count = len(found)
    params: dict[str, Any] = {"platform": rules["name"], "count": count, "min": norm["suggested_min"],
                              "max": norm["suggested_max"]}
    value = [m.group(0) for m in found]
    broken = [m for m in found if _BROKEN_TAIL.match(text, m.end())]
    numeric = [m for m in found if m.group(1).isdigit()]
    if broken or numeric:
        bad = (broken + numeric)[0]
        tail = re.match(r"[^\s]*", text[bad.start():]).group(0)  # type: ignore[union-attr]
        params.update(tag=tail.rstrip(".,;:!?"), fixed="#" + re.sub(r"[\W_]", "", bad.group(1) + text[bad.end(): bad.start() + len(tail)]))
        key = "hashtags.numeric" if not broken else "hashtags.broken"
        return CheckResult("hashtags", "bad", value, key, params,
                           tuple(Mark(m.start(), m.end() + len(re.match(r"\S*", text[m.end():]).group(0)))  # type: ignore[union-attr]
                                 for m in broken + numeric))
    if norm["hard_max"] is not None and count > norm["hard_max"]:
        params["hard_max"] = norm["hard_max"]
        return CheckResult("hashtags", "bad", value, "hashtags.over_cap", params,
                           tuple(Mark(m.start(), m.end()) for m in found[norm["hard_max"]:]))
    if count > 2 * max(norm["suggested_max"], 1):
        return CheckResult("hashtags", "bad", value, "hashtags.too_many", params,
                           tuple(Mark(m.start(), m.end()) for m in found[norm["suggested_max"]:]))
    if count > norm["suggested_max"]:
        return CheckResult("hashtags", "ok", value, "hashtags.many", params,
                           tuple(Mark(m.start(), m.end()) for m in found[norm["suggested_max"]:]))
    uncased = []
    for m in found:
        tag = m.group(1)
        if tag.islower() or (tag.isupper() and len(tag) > 4):
            fixed = camel_case(tag, doc.language)
            if fixed and fixed != tag:
                uncased.append((m, fixed))
    if uncased:
        m, fixed = uncased[0]
        params.update(tag=m.group(0), fixed="#" + fixed)
        return CheckResult("hashtags", "ok", value, "hashtags.camel_case", params,
                           tuple(Mark(m.start(), m.end(), "#" + f) for m, f in uncased))
    if count < norm["suggested_min"]:
        return CheckResult("hashtags", "ok", value, "hashtags.few", params)
    if count == 0:
        return CheckResult("hashtags", "good", value, "hashtags.none_needed", params)
    return CheckResult("hashtags", "good", value, "hashtags.good", params)


def mentions(doc: Document, paper: Paper) -> CheckResult:
    rules = _rules(paper)
    text = doc.text
    found = find_mentions(text)
    value = ["@" + m.group(1).rstrip(".") for m in found]
    params: dict[str, Any] = {"platform": rules["name"], "count": len(found),
                              "max": platform_data()["mentions"]["suggested_max"]}
    if not found:
        return CheckResult("mentions", "na", value, "mentions.none", params)
    pattern = re.compile(rules["handle"]["pattern"])
    invalid = [m for m in found if not pattern.match(m.group(1).rstrip("."))]
    if invalid:
        params.update(handle="@" + invalid[0].group(1).rstrip("."), max_length=rules["handle"]["max_length"])
        return CheckResult("mentions", "bad", value, "mentions.invalid", params,
                           tuple(Mark(m.start(), m.start() + 1 + len(m.group(1).rstrip("."))) for m in invalid))
    if len(found) > params["max"]:
        return CheckResult("mentions", "ok", value, "mentions.many", params)
    return CheckResult("mentions", "good", value, "mentions.good", params)


def links(doc: Document, paper: Paper) -> CheckResult:
    """Links residents can trust, judged by :func:`autograders.engine.measure.links.link_verdict` (the one rule of
    what is official): a lookalike, a disguised address (``https://go.id@evil.com``) or a site that looks like a
    government one but is not official is ``bad``; so is a search-results page; a shortener or ``http://`` is
    ``ok``."""
    rules = _rules(paper)
    hrefs = _links(doc, post_text(doc))
    params: dict[str, Any] = {"platform": rules["name"], "count": len(hrefs)}
    if not hrefs:
        return CheckResult("links", "na", [], "links.none", params)
    marks_for = lambda h: tuple(Mark(w.start, w.end) for w in doc.words if w.text == h)  # noqa: E731
    verdicts = [(href, link_verdict(href)) for href in hrefs]
    for href, verdict in verdicts:
        if verdict.reason in ("lookalike", "userinfo") or (
                not verdict.official and verdict.reason != "shortener" and looks_government(verdict.host)):
            params.update(link=href, host=verdict.host)
            return CheckResult("links", "bad", hrefs, "links.not_go_id", params, marks_for(href))
    searches = [href for href, verdict in verdicts if verdict.reason == "search_page"]
    if searches:
        params.update(link=searches[0])
        return CheckResult("links", "bad", hrefs, "links.search_page", params, marks_for(searches[0]))
    shortened = [href for href, verdict in verdicts if verdict.reason == "shortener"]
    if shortened:
        params.update(link=shortened[0])
        return CheckResult("links", "ok", hrefs, "links.shortened", params, marks_for(shortened[0]))
    insecure = [h for h in hrefs if h.lower().startswith("http://")]
    if insecure:
        params.update(link=insecure[0])
        return CheckResult("links", "ok", hrefs, "links.insecure", params, marks_for(insecure[0]))
    if not rules["clickable_links"]:
        return CheckResult("links", "ok", hrefs, "links.not_clickable", params)
    return CheckResult("links", "good", hrefs, "links.good", params)


def call_to_action(doc: Document, paper: Paper) -> CheckResult:
    """A phrase that tells the reader what to do. A press release's note to editors ("UNTUK DISIARKAN SEGERA",
    the language's ``pr_release_note`` patterns) speaks to newsrooms, not to the public, and does not count."""
    phrases = cta_phrases(doc.language.folder)
    notes = _release_note_patterns(doc.language.folder)
    for sentence in doc.sentences or []:
        if any(p.search(sentence.text) for p in notes):
            continue
        words = [w.lower for w in sentence.words]
        for phrase in phrases:
            n = len(phrase)
            for i in range(len(words) - n + 1):
                window = words[i:i + n]
                if window == list(phrase) or (n == 1 and window[0] in (phrase[0] + "lah", phrase[0] + "kanlah")):
                    start, end = sentence.words[i].start, sentence.words[i + n - 1].end
                    return CheckResult("call_to_action", "good", doc.text[start:end], "call_to_action.good",
                                       {"phrase": doc.text[start:end]}, (Mark(sentence.start, sentence.end),))
    return CheckResult("call_to_action", "ok", "", "call_to_action.none", {})


def opening_line(doc: Document, paper: Paper) -> CheckResult:
    """The post's first sentence: clickbait a public body should avoid (bad), all in capitals (ok), else good."""
    from .headline import analyze_headline

    first = next((s for s in doc.sentences if s.words), None)
    if first is None:
        return CheckResult("opening_line", "na", None, "opening_line.none")
    text = " ".join(first.text.split())
    info = analyze_headline(text, doc.language)
    params = {"line": text if len(text) <= 90 else text[:89].rstrip() + "…", "clickbait": list(info.clickbait)}
    mark = (Mark(first.start, first.end),)
    if info.clickbait:
        return CheckResult("opening_line", "bad", info.to_dict(), "opening_line.clickbait", params, mark)
    if info.all_caps and info.words > 1:
        return CheckResult("opening_line", "ok", info.to_dict(), "opening_line.all_caps", params, mark)
    return CheckResult("opening_line", "good", info.to_dict(), "opening_line.good", params)


def emoji_density(doc: Document, paper: Paper) -> CheckResult:
    cfg = platform_data()["emoji"]
    text = doc.text
    runs = emoji_runs(text)
    count = sum(r[2] for r in runs)
    words = sum(1 for w in doc.words if w.kind == "word")
    per_100 = round(100.0 * count / max(words, 1), 1)
    params: dict[str, Any] = {"count": count, "words": words, "per_100": per_100,
                              "limit": cfg["good_max_per_100_words"], "max_run": cfg["max_run"]}
    long_runs = [r for r in runs if r[2] > cfg["max_run"]]
    if per_100 > cfg["ok_max_per_100_words"]:
        rating = "bad"
    elif per_100 > cfg["good_max_per_100_words"] or long_runs:
        rating = "ok"
    else:
        rating = "good"
    key = f"emoji_density.{rating}" if not (rating == "ok" and long_runs and per_100 <= cfg["good_max_per_100_words"]) \
        else "emoji_density.run"
    return CheckResult("emoji_density", rating, per_100, key, params, tuple(Mark(s, e) for s, e, _ in long_runs))


CHECKS = (post_length, hashtags, mentions, links, call_to_action, emoji_density, opening_line)
