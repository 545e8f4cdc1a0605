"""SEO assessments (Yoast's on-page checks, with word-form keyphrase matching for Indonesian).

Google publishes none of these numbers; they are Yoast's heuristics (``shared/domain.md`` §6) and live in each
language's ``settings.json``.

A check whose input is missing is ``bad`` and asks for that input, as Yoast does: without a keyphrase every
keyphrase check (and ``keyphrase_length``) says ``keyphrase.missing``; without a title, a meta description or an
image, the checks that need one share one message (``title.missing``, ``meta_description.missing``,
``images.missing``). Checks that share a message are shown once in the text and HTML reports
(:meth:`autograders.engine.present.report.Report.message_groups`), so the trainee reads one instruction, not eight.
(Articles only: :mod:`autograders.engine.assess.genre` leaves these checks out for press releases and social posts.)
"""
from __future__ import annotations

from bisect import bisect_right

from ..checks import CheckResult, Mark, rate_max, rate_min
from ..parse.document import Document
from ..paper import Paper
from ..measure import keyphrase as kp
from ..measure import measurements as m
from ..measure.title_width import title_pixels


MISSING_KEYPHRASE = "keyphrase.missing"


def _no_keyphrase(check_id: str, paper: Paper, value) -> CheckResult | None:
    """The result of a keyphrase check when the trainee gave no keyphrase (None when there is one)."""
    if paper.keyphrase.strip():
        return None
    return CheckResult(check_id, "bad", value, MISSING_KEYPHRASE)


def _meta_description_missing(check_id: str, doc: Document) -> CheckResult:
    cfg = doc.language.threshold("meta_description_length")
    return CheckResult(check_id, "bad", 0, "meta_description.missing",
                       {"min": cfg["good_min_characters"], "max": cfg["good_max_characters"]})


def _title(doc: Document, paper: Paper) -> str:
    """The title the keyphrase belongs in: a press release's headline (its first line may be a release note or a
    release number, not the headline), otherwise the draft's title."""
    if paper.kind == "press_release":
        from .press_release import release_parts

        return release_parts(doc).headline
    return doc.title


def _introduction(doc: Document, paper: Paper):
    """The opening paragraph: a press release's lead (after its release note and dateline), otherwise the first
    body block with words."""
    if paper.kind == "press_release":
        from .press_release import release_parts

        return release_parts(doc).lead
    return next((b for b in doc.body_blocks if b.words), None)


def _stems(doc: Document, paper: Paper) -> tuple[str, ...]:
    return doc.cached(f"stems:{paper.keyphrase}", lambda: kp.keyphrase_stems(paper.keyphrase, doc.language))


def keyphrase_length(doc: Document, paper: Paper) -> CheckResult:
    cfg = doc.language.threshold("keyphrase_length")
    if (missing := _no_keyphrase("keyphrase_length", paper, 0)) is not None:
        return missing
    n = len(kp.content_words(paper.keyphrase, doc.language))
    rating = rate_max(n, cfg["good_max_words"], cfg["ok_max_words"])
    return CheckResult("keyphrase_length", rating, n, f"keyphrase_length.{rating}", {"words": n, "limit": cfg["good_max_words"]})


def keyphrase_in_title(doc: Document, paper: Paper) -> CheckResult:
    if (missing := _no_keyphrase("keyphrase_in_title", paper, False)) is not None:
        return missing
    title = _title(doc, paper)
    if not title:
        return CheckResult("keyphrase_in_title", "bad", False, "title.missing")
    if kp.starts_with(title, paper.keyphrase):
        return CheckResult("keyphrase_in_title", "good", True, "keyphrase_in_title.good", {"keyphrase": paper.keyphrase})
    if kp.contains_text(title, _stems(doc, paper), doc.language):
        return CheckResult("keyphrase_in_title", "ok", True, "keyphrase_in_title.ok", {"keyphrase": paper.keyphrase})
    return CheckResult("keyphrase_in_title", "bad", False, "keyphrase_in_title.bad", {"keyphrase": paper.keyphrase})


def keyphrase_in_introduction(doc: Document, paper: Paper) -> CheckResult:
    if (missing := _no_keyphrase("keyphrase_in_introduction", paper, False)) is not None:
        return missing
    first = _introduction(doc, paper)
    if first is None:
        return CheckResult("keyphrase_in_introduction", "bad", False, "keyphrase_in_introduction.no_text")
    stems = _stems(doc, paper)
    for sentence in first.sentences:
        if kp.contains(sentence.words, stems, doc.language):
            return CheckResult("keyphrase_in_introduction", "good", True, "keyphrase_in_introduction.good",
                               {"keyphrase": paper.keyphrase}, (Mark(sentence.start, sentence.end),))
    if kp.contains(first.words, stems, doc.language):
        return CheckResult("keyphrase_in_introduction", "ok", True, "keyphrase_in_introduction.ok",
                           {"keyphrase": paper.keyphrase}, (Mark(first.start, first.end),))
    return CheckResult("keyphrase_in_introduction", "bad", False, "keyphrase_in_introduction.bad",
                       {"keyphrase": paper.keyphrase}, (Mark(first.start, first.end),))


def keyphrase_count(doc: Document, paper: Paper) -> int:
    """Occurrences of the keyphrase in the body, sentence by sentence (shared with the statistics block)."""
    if not paper.keyphrase.strip():
        return 0
    return _keyphrase_hits(doc, paper)[0]


def keyphrase_marks(doc: Document, paper: Paper) -> tuple[Mark, ...]:
    """The words of the body that count as keyphrase occurrences (the marks of ``keyphrase_density``)."""
    if not paper.keyphrase.strip():
        return ()
    return _keyphrase_hits(doc, paper)[1]


def _keyphrase_hits(doc: Document, paper: Paper) -> tuple[int, tuple[Mark, ...]]:
    """Occurrences in body sentences and subheadings, and the words matching a keyphrase stem.

    One pass over the draft's words: the words whose stem is wanted are found from the vocabulary, then placed in
    their sentence or subheading; a unit holds as many occurrences as its rarest stem.
    """
    stems = _stems(doc, paper)

    def compute():
        # Body sentences and subheadings count; the H1 is the title and has its own check (as in Yoast).
        wanted = set(stems)
        stem_of = kp.stems_of(m.vocabulary(doc), doc.language)
        candidates = {lower for lower, stem in stem_of.items() if stem in wanted} | (wanted & m.vocabulary(doc))
        if not candidates:
            return 0, ()
        units = sorted([(s.start, s.end) for s in doc.sentences]
                       + [(b.start, b.end) for b in doc.headings if b.level >= 2])
        unit_starts = [start for start, _ in units]
        found: dict[int, list[str]] = {}
        marks = []
        for word in [w for w in doc.words if w.lower in candidates]:
            stem = stem_of[word.lower] if word.kind == "word" else word.lower
            k = bisect_right(unit_starts, word.start) - 1
            if stem not in wanted or k < 0 or word.end > units[k][1]:
                continue  # a number that only looks like a stem, or a word of the title or another block
            found.setdefault(k, []).append(stem)
            marks.append(Mark(word.start, word.end))
        count = sum(min(hits.count(s) for s in stems) for hits in found.values())
        return count, tuple(marks)

    return doc.cached(f"kp_hits:{paper.keyphrase}", compute)


def keyphrase_density_value(doc: Document, paper: Paper) -> float:
    words = m.body_word_count(doc)
    return round(100.0 * keyphrase_count(doc, paper) / words, 2) if words else 0.0


def keyphrase_density(doc: Document, paper: Paper) -> CheckResult:
    cfg = doc.language.threshold("keyphrase_density")
    if (missing := _no_keyphrase("keyphrase_density", paper, 0.0)) is not None:
        return missing
    words = m.body_word_count(doc)
    if words < cfg["min_text_words"]:
        return CheckResult("keyphrase_density", "na", 0.0, "keyphrase_density.short", {"min_words": cfg["min_text_words"]})
    count = keyphrase_count(doc, paper)
    density = keyphrase_density_value(doc, paper)
    if density < cfg["good_min_percent"]:
        rating, key = "bad", "keyphrase_density.low"
    elif density <= cfg["good_max_percent"]:
        rating, key = "good", "keyphrase_density.good"
    elif density <= cfg["ok_max_percent"]:
        rating, key = "ok", "keyphrase_density.high"
    else:
        rating, key = "bad", "keyphrase_density.too_high"
    marks = _keyphrase_hits(doc, paper)[1]
    return CheckResult("keyphrase_density", rating, density, key,
                       {"density": density, "count": count, "min": cfg["good_min_percent"], "max": cfg["good_max_percent"],
                        "keyphrase": paper.keyphrase}, marks)


def keyphrase_in_meta_description(doc: Document, paper: Paper) -> CheckResult:
    cfg = doc.language.threshold("keyphrase_in_meta_description")
    if (missing := _no_keyphrase("keyphrase_in_meta_description", paper, 0)) is not None:
        return missing
    if not paper.description.strip():
        return _meta_description_missing("keyphrase_in_meta_description", doc)
    from ..parse.words import tokenize

    count = kp.occurrences(tokenize(paper.description), _stems(doc, paper), doc.language)
    if count == 0:
        rating, key = "bad", "keyphrase_in_meta_description.bad"
    elif count <= cfg["good_max_times"]:
        rating, key = "good", "keyphrase_in_meta_description.good"
    else:
        rating, key = "bad", "keyphrase_in_meta_description.too_many"
    return CheckResult("keyphrase_in_meta_description", rating, count, key, {"count": count, "keyphrase": paper.keyphrase})


def meta_description_length(doc: Document, paper: Paper) -> CheckResult:
    cfg = doc.language.threshold("meta_description_length")
    length = len(paper.description.strip())
    if length == 0:
        return _meta_description_missing("meta_description_length", doc)
    if length < cfg["good_min_characters"]:
        rating, key = "ok", "meta_description_length.short"
    elif length <= cfg["good_max_characters"]:
        rating, key = "good", "meta_description_length.good"
    else:
        rating, key = "ok", "meta_description_length.long"
    return CheckResult("meta_description_length", rating, length, key,
                       {"length": length, "min": cfg["good_min_characters"], "max": cfg["good_max_characters"]})


def keyphrase_in_subheadings(doc: Document, paper: Paper) -> CheckResult:
    cfg = doc.language.threshold("keyphrase_in_subheadings")
    if (missing := _no_keyphrase("keyphrase_in_subheadings", paper, 0.0)) is not None:
        return missing
    subheadings = [b for b in doc.headings if b.level in (2, 3)]
    if not subheadings:
        # The same rule as subheading_distribution: a text over its min_text_words needs subheadings; a shorter
        # one is not judged here (a task that requires subheadings must not give points for leaving them out).
        words = m.body_word_count(doc)
        limit = doc.language.threshold("subheading_distribution")["min_text_words"]
        if words > limit:
            return CheckResult("keyphrase_in_subheadings", "bad", 0.0, "keyphrase_in_subheadings.none_long",
                               {"words": words, "limit": limit, "keyphrase": paper.keyphrase})
        return CheckResult("keyphrase_in_subheadings", "na", 0.0, "keyphrase_in_subheadings.none")
    stems = _stems(doc, paper)
    hits = [b for b in subheadings if kp.contains(b.words, stems, doc.language)]
    percent = round(100.0 * len(hits) / len(subheadings), 1)
    if not hits:
        rating, key = "bad", "keyphrase_in_subheadings.bad"
    elif percent < cfg["good_min_percent"]:
        rating, key = "ok", "keyphrase_in_subheadings.few"
    elif percent <= cfg["good_max_percent"]:
        rating, key = "good", "keyphrase_in_subheadings.good"
    else:
        rating, key = "bad", "keyphrase_in_subheadings.too_many"
    return CheckResult("keyphrase_in_subheadings", rating, percent, key,
                       {"percent": percent, "count": len(hits), "total": len(subheadings), "keyphrase": paper.keyphrase},
                       tuple(Mark(b.start, b.end) for b in hits))


def keyphrase_in_slug(doc: Document, paper: Paper) -> CheckResult:
    if (missing := _no_keyphrase("keyphrase_in_slug", paper, False)) is not None:
        return missing
    slug = paper.slug.strip().strip("/").rsplit("/", 1)[-1]
    if not slug:
        return CheckResult("keyphrase_in_slug", "bad", False, "keyphrase_in_slug.no_slug")
    from ..parse.words import tokenize

    cfg = doc.language.threshold("keyphrase_in_slug")
    stems = _stems(doc, paper)
    words = tokenize(slug.replace("-", " ").replace("_", " "))
    found = set(kp.word_stems(words, doc.language))
    share = sum(1 for s in stems if s in found) / len(stems) if stems else 0
    enough = share > 0.5 if len(stems) >= cfg["long_keyphrase_words"] else share == 1
    rating = "good" if enough else "ok" if share > 0 else "bad"
    key = "keyphrase_in_slug.most" if rating == "good" and share < 1 else f"keyphrase_in_slug.{rating}"
    return CheckResult("keyphrase_in_slug", rating, share == 1, key, {"slug": slug, "keyphrase": paper.keyphrase})


def keyphrase_in_image_alt(doc: Document, paper: Paper) -> CheckResult:
    if (missing := _no_keyphrase("keyphrase_in_image_alt", paper, 0)) is not None:
        return missing
    if not doc.images:
        return CheckResult("keyphrase_in_image_alt", "bad", 0, "images.missing")
    stems = _stems(doc, paper)
    with_alt = [img for img in doc.images if img.alt]
    hits = [img for img in with_alt if kp.contains_text(img.alt, stems, doc.language)]
    if hits:
        rating, key = "good", "keyphrase_in_image_alt.good"
    elif with_alt:
        rating, key = "ok", "keyphrase_in_image_alt.ok"
    else:
        rating, key = "bad", "keyphrase_in_image_alt.no_alt"
    return CheckResult("keyphrase_in_image_alt", rating, len(hits), key,
                       {"count": len(hits), "images": len(doc.images), "missing_alt": len(doc.images) - len(with_alt),
                        "keyphrase": paper.keyphrase})


def images(doc: Document, paper: Paper) -> CheckResult:
    n = len(doc.images)
    missing = sum(1 for img in doc.images if not img.alt)
    if n == 0:
        return CheckResult("images", "bad", 0, "images.missing")
    if missing:
        return CheckResult("images", "ok", n, "images.missing_alt", {"count": n, "missing_alt": missing})
    return CheckResult("images", "good", n, "images.good", {"count": n})


def text_length(doc: Document, paper: Paper) -> CheckResult:
    cfg = doc.language.threshold("text_length")
    words = m.body_word_count(doc)
    rating = rate_min(words, cfg["good_min_words"], cfg["ok_min_words"])
    return CheckResult("text_length", rating, words, f"text_length.{rating}", {"words": words, "limit": cfg["good_min_words"]})


def title_width(doc: Document, paper: Paper) -> CheckResult:
    cfg = doc.language.threshold("title_width")
    if not doc.title:
        return CheckResult("title_width", "bad", 0, "title.missing")
    pixels = title_pixels(doc.title)
    if pixels < cfg["good_min_pixels"]:
        rating, key = "ok", "title_width.short"
    elif pixels <= cfg["good_max_pixels"]:
        rating, key = "good", "title_width.good"
    else:
        rating, key = "bad", "title_width.long"
    return CheckResult("title_width", rating, pixels, key,
                       {"pixels": pixels, "min": cfg["good_min_pixels"], "max": cfg["good_max_pixels"], "title": doc.title})


def _links(doc: Document, paper: Paper, internal: bool) -> CheckResult:
    check_id = "internal_links" if internal else "outbound_links"
    links = [link for link in doc.links if link.internal == internal]
    followed = [link for link in links if link.followed]
    if not links:
        rating, key = "bad", f"{check_id}.none"
    elif not followed:
        rating, key = "ok", f"{check_id}.nofollow"
    else:
        rating, key = "good", f"{check_id}.good"
    return CheckResult(check_id, rating, len(links), key, {"count": len(links), "followed": len(followed)})


def outbound_links(doc: Document, paper: Paper) -> CheckResult:
    return _links(doc, paper, internal=False)


def internal_links(doc: Document, paper: Paper) -> CheckResult:
    return _links(doc, paper, internal=True)


def single_h1(doc: Document, paper: Paper) -> CheckResult:
    h1s = [b for b in doc.headings if b.level == 1]
    if len(h1s) <= 1:
        return CheckResult("single_h1", "good", len(h1s), "single_h1.good", {"count": len(h1s)})
    return CheckResult("single_h1", "bad", len(h1s), "single_h1.bad", {"count": len(h1s)},
                       tuple(Mark(b.start, b.end) for b in h1s[1:]))


CHECKS = (keyphrase_length, keyphrase_in_title, keyphrase_in_introduction, keyphrase_density,
          keyphrase_in_meta_description, meta_description_length, keyphrase_in_subheadings, keyphrase_in_slug,
          keyphrase_in_image_alt, images, text_length, title_width, outbound_links, internal_links, single_h1)
