"""The report: check results gathered in sections, presented as JSON, text or (escaped) HTML.

Presentation is the only layer that produces human language; it asks :mod:`autograders.engine.present.feedback` for each
check's message in the requested feedback language.
"""
from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass, field
from typing import Any

from ..checks import RATING_ORDER, CheckResult, section_score
from ..parse.document import Document
from .feedback import has_message, label, message


@dataclass
class Section:
    name: str  # readability | seo | genre
    checks: list[CheckResult]

    @property
    def score(self) -> int | None:
        """0–100, or None (*tidak berlaku*) when too few checks apply (:func:`~autograders.engine.checks.section_score`)."""
        return section_score(self.checks)


def score_text(score: int | None, lang: str) -> str:
    """A section score as the reader sees it: "86/100", or "tidak berlaku" when the section has none."""
    return label("section.no_score", lang) if score is None else f"{score}/100"


def words_text(stats: dict[str, Any], lang: str) -> str:
    """The draft's word counts, named: all words, and the body words (*kata isi*) when they differ."""
    if stats.get("body_words", stats["words"]) == stats["words"]:
        return message("report.words", {"words": stats["words"]}, lang)
    return message("report.words_and_body", {"words": stats["words"], "body_words": stats["body_words"]}, lang)


@dataclass
class Report:
    document: Document
    stats: dict[str, Any]
    sections: list[Section]
    feedback_lang: str = "id"
    notices: list[str] = field(default_factory=list)  # message keys about the input itself (e.g. truncated)

    @property
    def lang(self) -> str:
        return self.document.language.code

    def section(self, name: str) -> Section | None:
        return next((s for s in self.sections if s.name == name), None)

    def check(self, check_id: str) -> CheckResult | None:
        return next((c for s in self.sections for c in s.checks if c.id == check_id), None)

    def message(self, result: CheckResult) -> str:
        return message(result.key, result.params, self.feedback_lang)

    def message_groups(self, sections: list[Section] | None = None) -> dict[str, list[CheckResult]]:
        """Checks that say the same thing, shown once: the id of the first check with a given rating and message
        (in report order) -> every check with that rating and message. A missing keyphrase makes eight checks
        ``bad`` with one message; the reader sees it once."""
        groups: dict[str, list[CheckResult]] = {}
        first: dict[tuple[str, str], str] = {}
        for section in self.sections if sections is None else sections:
            for check in section.checks:
                lead = first.setdefault((check.rating, self.message(check)), check.id)
                groups.setdefault(lead, []).append(check)
        return groups

    def check_dict(self, result: CheckResult, same_as: str | None = None) -> dict[str, Any]:
        value = result.value
        if isinstance(value, tuple):
            value = list(value)
        return {
            "id": result.id,
            "rating": result.rating,
            "score": result.score,
            "value": value,
            "message": self.message(result),
            "same_message_as": same_as,
            "marks": [mark.to_dict() for mark in result.marks],
        }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"lang": self.lang, "stats": dict(self.stats)}
        lead_of = {c.id: lead for lead, members in self.message_groups().items() for c in members if c.id != lead}
        for section in self.sections:
            out[section.name] = {"score": section.score,
                                 "checks": [self.check_dict(c, lead_of.get(c.id)) for c in section.checks]}
        if self.notices:
            out["notices"] = [message(key, None, self.feedback_lang) for key in self.notices]
        return out

    # ------------------------------------------------------------------ text
    def problems(self) -> list[tuple[Section, CheckResult]]:
        """Every applicable check, worst first (bad, then ok, then good), section order kept within a rating;
        a check that repeats an earlier check's message (:meth:`message_groups`) is left out."""
        leads = self.message_groups()
        rows = [(s, c) for s in self.sections for c in s.checks if c.rating != "na" and c.id in leads]
        return sorted(rows, key=lambda row: (RATING_ORDER[row[1].rating], row[1].score))

    def group_name(self, members: list[CheckResult]) -> str:
        """What a line of the report is about: the check's name, or the names (or the group's label) of the
        checks that share one message."""
        lang = self.feedback_lang
        if len(members) == 1:
            return label(f"check.{members[0].id}", lang)
        group_key = f"group.{members[0].key}"
        if has_message(group_key, lang):
            return message("report.group", {"label": label(group_key, lang), "count": len(members)}, lang)
        return ", ".join(label(f"check.{c.id}", lang) for c in members)

    def to_text(self, width: int | None = None) -> str:
        """A readable report, worst problems first. Under each problem (not under what is already good) the
        trainee's own words it points at, with the suggested replacement if any. Checks that share a message are
        shown once.

        ``width=None`` (the default) gives one line per check and per quotation, for whatever shows the text and
        wraps it to its own width: a book page (whose stylesheet indents the wrapped part), a notebook output, a
        feedback page. A number wraps the lines at that many characters, continuation lines indented under the
        text, for a terminal (the command line passes the terminal's width)."""
        lang = self.feedback_lang
        symbol = {"bad": "✗", "ok": "!", "good": "✓"}
        lines = [label("report.title", lang)]
        stats = self.stats
        lines.append(message("report.stats", {
            "words_text": words_text(stats, lang), "sentences": stats["sentences"], "paragraphs": stats["paragraphs"],
            "lang": label(f"language.{self.lang}", lang)}, lang))
        for key in self.notices:
            lines.append("  " + message(key, None, lang))
        lines.append(" · ".join(
            f"{label('section.' + s.name, lang)}: {score_text(s.score, lang)}" for s in self.sections))
        groups = self.message_groups()

        def add(text: str, indent: str, continued: str) -> None:
            if width is None:
                lines.append(indent + text)
            else:
                lines.extend(textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=continued))

        current = None
        for section, result in self.problems():
            if result.rating != current:
                current = result.rating
                lines.append("")
                lines.append(label(f"rating.heading.{current}", lang))
            name = self.group_name(groups[result.id])
            add(f"{symbol[result.rating]} {name}: {self.message(result)}", "  ", "    ")
            if result.rating == "good":
                continue
            for mark, quote in list(zip(result.marks, self.quotes(result)))[:3]:
                add(f"» {quote} → {mark.suggestion}" if mark.suggestion else f"» {quote}", "    ", "      ")
        return "\n".join(lines) + "\n"

    def quotes(self, result: CheckResult, width: int = 90) -> list[str]:
        """The trainee's own words each mark points at, shortened for display."""
        out = []
        for mark in result.marks:
            snippet = " ".join(self.document.text[mark.start: mark.end].split())
            if len(snippet) > width:
                snippet = snippet[: width - 1].rstrip() + "…"
            if snippet:
                out.append(snippet)
        return out

    # ------------------------------------------------------------------ HTML
    def highlighted_html(self, check_ids: set[str] | None = None) -> str:
        """The draft's plain text as HTML, with marked ranges wrapped in ``<mark>`` (everything escaped)."""
        text = self.document.text
        ranges = sorted(
            (m.start, m.end, c.id, c.rating)
            for s in self.sections for c in s.checks
            if c.rating in ("bad", "ok") and (check_ids is None or c.id in check_ids)
            for m in c.marks
        )
        out, pos = [], 0
        for start, end, check_id, rating in ranges:
            if start < pos or end <= start:
                continue
            out.append(html.escape(text[pos:start]))
            out.append(f'<mark class="khd-{rating}" data-check="{html.escape(check_id)}">{html.escape(text[start:end])}</mark>')
            pos = end
        out.append(html.escape(text[pos:]))
        return "".join(out).replace("\n\n", "<br><br>")
