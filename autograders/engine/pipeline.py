"""The one engine: parse a draft once, run every applicable check, return a :class:`Report`.

Each check runs isolated: a check that raises is reported as ``na`` with an apology message, and the rest of
the report is unaffected. A draft without a single word is not judged: every check but ``text_presence`` is ``na``
(message ``draft.empty``), so its sections have no score and the report says one thing — write something first. No global state: language, feedback language and options are arguments, so many
drafts can be analysed at once from several threads.
"""
from __future__ import annotations

import logging
from typing import Callable, Iterable

from .measure import measurements as m
from .assess import genre, readability, seo
from .checks import CheckResult
from .parse.document import Document, parse
from .present.feedback import FEEDBACK_LANGUAGES
from .languages import Language, detect_language, get_language
from .paper import KINDS, Paper
from .present.report import Report, Section

log = logging.getLogger(__name__)

Check = Callable[[Document, Paper], CheckResult]


# The one check that judges a draft without words (it says the draft is too short).
EMPTY_DRAFT_CHECKS = frozenset({"text_presence"})


def run_checks(checks: Iterable[Check], doc: Document, paper: Paper,
               skip: Callable[[str], str | None] = lambda name: None) -> list[CheckResult]:
    """Run each check isolated. ``skip(id)`` gives the message key of a check left out as ``na`` (see
    :func:`skip_reason`), or None to run it."""
    results = []
    for check in checks:
        name = getattr(check, "__name__", "")
        reason = skip(name)
        if reason is not None:
            results.append(CheckResult(name, "na", None, reason, {"kind": paper.kind}))
            continue
        try:
            results.append(check(doc, paper))
        except Exception:  # one failing check never breaks the report
            log.debug("check %s failed", getattr(check, "__name__", check), exc_info=True)
            check_id = getattr(check, "__name__", "check")
            results.append(CheckResult(check_id, "na", None, "check.failed"))
    return results


def skip_reason(paper: Paper, empty: bool) -> Callable[[str], str | None]:
    """Why a check is left out (its message key), or None when it runs: nothing is judged in a draft without
    words (``draft.empty``), and ``genre.KIND_SKIPS`` says what does not apply to a kind (``kind.not_applicable``)."""
    kind_skips = genre.skipped_checks(paper)

    def reason(name: str) -> str | None:
        if empty and name not in EMPTY_DRAFT_CHECKS:
            return "draft.empty"
        return "kind.not_applicable" if name in kind_skips else None

    return reason


def statistics(doc: Document, paper: Paper) -> dict:
    sentence_cfg = doc.language.threshold("sentence_length")
    return {
        "characters": len(doc.text),
        "words": len(doc.words),
        "body_words": m.body_word_count(doc),
        "sentences": len(doc.sentences),
        "paragraphs": len(doc.paragraphs),
        "syllables": m.syllables(doc),
        "long_sentences": len(m.long_sentences(doc, int(sentence_cfg.get("max_words", 20)))),
        "passive_sentences": len(m.passive_sentences(doc)),
        "transition_sentences": len(m.transition_sentences(doc)),
        "keyphrase_count": seo.keyphrase_count(doc, paper),
        "keyphrase_density": seo.keyphrase_density_value(doc, paper),
    }


def resolve_language(text: str, lang: str | None) -> Language:
    return get_language(lang) if lang else get_language(detect_language(text))


def analyze(
    text: str,
    *,
    lang: str | None = None,
    keyphrase: str = "",
    title: str = "",
    description: str = "",
    slug: str = "",
    url: str = "",
    feedback_lang: str = "id",
    kind: str = "article",
    platform: str = "",
    fmt: str | None = None,
) -> Report:
    """Analyse a draft (Markdown, HTML or plain text) and return its :class:`Report`.

    ``lang`` is ``"id"`` or ``"en"`` (detected when None); ``feedback_lang`` chooses the language of the messages;
    ``kind`` is ``article``, ``press_release`` or ``social_post`` (with ``platform``).
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    genre.validate_platform(kind, platform)  # an unknown platform: a clear (Indonesian) ValueError before any work
    feedback_lang = feedback_lang if feedback_lang in FEEDBACK_LANGUAGES else "id"
    language = resolve_language(text, lang)
    doc = parse(text, language, fmt=fmt, title=title, url=url)
    paper = Paper(keyphrase=" ".join(keyphrase.split()), title=doc.title, description=" ".join(description.split()),
                  slug=slug.strip(), url=url.strip(), kind=kind, platform=platform.strip().lower())
    empty = not doc.words
    skip = skip_reason(paper, empty)

    def run(checks, doc, paper):
        return run_checks(checks, doc, paper, skip)

    sections = [
        Section("readability", run(readability.checks_for(language), doc, paper)),
        Section("seo", run(seo.CHECKS, doc, paper)),
    ]
    genre_results = genre.genre_checks(doc, paper, run)
    if genre_results is not None:
        sections.append(Section("genre", genre_results))
    notices = ["notice.truncated"] if doc.truncated else []
    if not doc.text.strip():
        notices.append("notice.empty")
    elif empty:
        notices.append("notice.no_words")
    if doc.hidden:
        notices.append("notice.hidden_content")
    return Report(document=doc, stats=statistics(doc, paper), sections=sections, feedback_lang=feedback_lang, notices=notices)
