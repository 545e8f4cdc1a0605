"""Checks for kinds of writing (press releases, social posts) and plain government Indonesian.

``genre_checks(doc, paper, run_checks)`` returns the checks of the report's third section, ``genre``, or None
when no genre check applies:

============  =============================================  ===========================
kind          Indonesian draft                               English draft
============  =============================================  ===========================
article       headline, plain_language, tone                 headline, tone
press_release pr_* checks, then plain_language, tone         pr_* checks, tone
social_post   post_length … emoji_density, opening_line,     post_length … emoji_density, opening_line,
              plain_language, tone                           tone
============  =============================================  ===========================

``KIND_SKIPS`` says which readability and SEO checks do not apply to a kind; the engine asks
:func:`skipped_checks` and reports those checks as ``na`` with the message key ``kind.not_applicable``:

* a **press release** goes to newsrooms: it has no subheadings, no meta description, no slug, no images or links
  of its own, so neither those checks nor their keyphrase checks apply, and its length is judged by ``pr_length``
  (300–500 words), not by the article's 300-word minimum;
* a **social post** is not a web page: no SEO check applies; subheadings and transition words (judged on
  texts over 200 words) mean nothing in a post, and its length is judged by ``post_length`` per platform, not by
  the 50-character minimum of ``text_presence`` (a 40-character post is a fine post).

Without a keyphrase, every keyphrase check is skipped too for those kinds: an article needs a keyphrase (without
one its keyphrase checks are ``bad``, asking for it once), a press release or a post may have none.
"""
from __future__ import annotations

from typing import Callable

from . import plain_language as plain
from . import press_release, social
from .headline import headline
from .tone import tone
from ..paper import Paper

_SEO_CHECKS = frozenset({
    "keyphrase_length", "keyphrase_in_title", "keyphrase_in_introduction", "keyphrase_density",
    "keyphrase_in_meta_description", "meta_description_length", "keyphrase_in_subheadings", "keyphrase_in_slug",
    "keyphrase_in_image_alt", "text_length", "title_width", "images", "internal_links", "outbound_links", "single_h1",
})

KEYPHRASE_CHECKS = frozenset({
    "keyphrase_length", "keyphrase_in_title", "keyphrase_in_introduction", "keyphrase_density",
    "keyphrase_in_meta_description", "keyphrase_in_subheadings", "keyphrase_in_slug", "keyphrase_in_image_alt",
})

KIND_SKIPS: dict[str, frozenset[str]] = {
    "article": frozenset(),
    "press_release": frozenset({
        "subheading_distribution", "text_length", "meta_description_length", "keyphrase_in_meta_description",
        "keyphrase_in_subheadings", "keyphrase_in_slug", "title_width", "images", "keyphrase_in_image_alt",
        "internal_links", "outbound_links",
    }),
    "social_post": _SEO_CHECKS | {"subheading_distribution", "transition_words", "text_presence"},
}


def skipped_checks(paper: Paper) -> frozenset[str]:
    """Ids of the readability/SEO checks that do not apply to this paper's kind of draft."""
    skips = KIND_SKIPS.get(paper.kind, frozenset())
    if paper.kind != "article" and not paper.keyphrase.strip():
        skips = skips | KEYPHRASE_CHECKS
    return skips


def validate_platform(kind: str, platform: str) -> str:
    """The platform key for a social post (aliases resolved); raises :class:`social.UnknownPlatformError`.

    Other kinds need no platform; an unknown name given anyway is still an error (a typo should not pass).
    """
    if kind == "social_post" or (platform or "").strip():
        return social.resolve_platform(platform)
    return ""


def genre_checks(doc, paper: Paper, run_checks: Callable) -> list | None:
    platform = validate_platform(paper.kind, paper.platform)
    if platform and platform != paper.platform:
        from dataclasses import replace

        paper = replace(paper, platform=platform)
    indonesian = doc.language.code == "id"
    checks: tuple = (headline,)  # an article's title
    if paper.kind == "press_release":
        checks = press_release.CHECKS  # pr_headline judges the release's headline (length too)
    elif paper.kind == "social_post":
        checks = social.CHECKS  # a post has no title: its opening line is judged there
    if indonesian:
        checks = checks + (plain.plain_language,)
    checks = checks + (tone,)  # blame, threats, personal data in public, puffery, opinion: every kind, both languages
    if not checks:
        return None
    return run_checks(checks, doc, paper)
