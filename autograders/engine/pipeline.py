"""The one engine: parse a draft once, run every applicable check, return a :class:`Report`.

Each check runs isolated: a check that raises is reported as ``na`` with an apology message, and the rest of
the report is unaffected. No global state: language, feedback language and options are arguments, so many
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



def run_checks(checks: Iterable[Check], doc: Document, paper: Paper,
               skip: frozenset[str] = frozenset()) -> list[CheckResult]:
    """Run each check isolated; checks named in ``skip`` (see ``genre.KIND_SKIPS``) are ``na`` for this kind."""
    results = []
    for check in checks:
        if getattr(check, "__name__", "") in skip:
            results.append(CheckResult(check.__name__, "na", None, "kind.not_applicable", {"kind": paper.kind}))
            continue
        try:
            results.append(check(doc, paper))
        except Exception:  # one failing check never breaks the report
            log.debug("check %s failed", getattr(check, "__name__", check), exc_info=True)
            check_id = getattr(check, "__name__", "check")
            results.append(CheckResult(check_id, "na", None, "check.failed"))
    return results


def statistics(doc: Document, paper: Paper) -> dict:
    sentence_cfg = doc.language.threshold("sentence_length")
    return {
        "characters": len(doc.text),
        "words": len(doc.words),
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
    skip = genre.skipped_checks(paper)
    sections = [
        Section("readability", run_checks(readability.checks_for(language), doc, paper, skip)),
        Section("seo", run_checks(seo.CHECKS, doc, paper, skip)),
    ]
    genre_results = genre.genre_checks(doc, paper, run_checks)
    if genre_results is not None:
        sections.append(Section("genre", genre_results))
    notices = ["notice.truncated"] if doc.truncated else []
    if not doc.text.strip():
        notices.append("notice.empty")
    return Report(document=doc, stats=statistics(doc, paper), sections=sections, feedback_lang=feedback_lang, notices=notices)
