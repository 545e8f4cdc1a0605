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
from .feedback import label, message


@dataclass
class Section:
    name: str  # readability | seo | genre
    checks: list[CheckResult]

    @property
    def score(self) -> int:
        return section_score(self.checks)


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

    def check_dict(self, result: CheckResult) -> dict[str, Any]:
        value = result.value
        if isinstance(value, tuple):
            value = list(value)
        return {
            "id": result.id,
            "rating": result.rating,
            "score": result.score,
            "value": value,
            "message": self.message(result),
            "marks": [mark.to_dict() for mark in result.marks],
        }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"lang": self.lang, "stats": dict(self.stats)}
        for section in self.sections:
            out[section.name] = {"score": section.score, "checks": [self.check_dict(c) for c in section.checks]}
        if self.notices:
            out["notices"] = [message(key, None, self.feedback_lang) for key in self.notices]
        return out

    # ------------------------------------------------------------------ text
    def problems(self) -> list[tuple[Section, CheckResult]]:
        """Every applicable check, worst first (bad, then ok, then good), section order kept within a rating."""
        rows = [(s, c) for s in self.sections for c in s.checks if c.rating != "na"]
        return sorted(rows, key=lambda row: (RATING_ORDER[row[1].rating], row[1].score))

    def to_text(self, width: int = 88) -> str:
        """A readable report, worst problems first, lines wrapped at ``width``. Under each problem (not under
        what is already good) the trainee's own words it points at, with the suggested replacement if any."""
        lang = self.feedback_lang
        symbol = {"bad": "✗", "ok": "!", "good": "✓"}
        lines = [label("report.title", lang)]
        stats = self.stats
        lines.append(message("report.stats", {
            "words": stats["words"], "sentences": stats["sentences"], "paragraphs": stats["paragraphs"],
            "lang": label(f"language.{self.lang}", lang)}, lang))
        for key in self.notices:
            lines.append("  " + message(key, None, lang))
        lines.append(" · ".join(
            f"{label('section.' + s.name, lang)}: {s.score}/100" for s in self.sections))
        current = None
        for section, result in self.problems():
            if result.rating != current:
                current = result.rating
                lines.append("")
                lines.append(label(f"rating.heading.{current}", lang))
            name = label(f"check.{result.id}", lang)
            lines.extend(textwrap.wrap(f"{symbol[result.rating]} {name}: {self.message(result)}", width,
                                       initial_indent="  ", subsequent_indent="    "))
            if result.rating == "good":
                continue
            for mark, quote in list(zip(result.marks, self.quotes(result)))[:3]:
                shown = f"» {quote} → {mark.suggestion}" if mark.suggestion else f"» {quote}"
                lines.extend(textwrap.wrap(shown, width, initial_indent="      ", subsequent_indent="        "))
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
