"""The result every check returns, and the rules that turn ratings into scores.

A check is a function ``(document, context) -> CheckResult``. It measures nothing itself beyond calling
measurement functions, and it says nothing in any human language: it returns a message *key* and parameters;
:mod:`autograders.engine.present.feedback` turns them into Indonesian or English text.

Scores are on Yoast's 0–9 scale so results can be compared with Yoast: ``good`` = 9, ``ok`` = 6, ``bad`` = 3,
``na`` = 0 (not applicable; left out of the overall score). A section's overall score (0–100) is the mean of its
applicable checks' scores divided by 9, times 100, rounded — or ``None`` (*tidak berlaku*) when fewer than
:data:`MIN_APPLICABLE_CHECKS` of its checks apply: one check's rating is already shown by its own light, and a
"100/100" or "0/100" drawn from one check, or from none, says nothing about the section (a social post has no
SEO; a press release without a keyphrase has only ``single_h1`` left).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, NamedTuple

RATINGS = ("good", "ok", "bad", "na")
RATING_SCORES: Mapping[str, int] = {"good": 9, "ok": 6, "bad": 3, "na": 0}
# Order in which problems are shown: worst first.
RATING_ORDER: Mapping[str, int] = {"bad": 0, "ok": 1, "good": 2, "na": 3}


class Mark(NamedTuple):
    """A character range of the document text that a check points at (a named tuple: drafts have many)."""

    start: int
    end: int
    suggestion: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end}
        if self.suggestion:
            out["suggestion"] = self.suggestion
        return out


@dataclass(frozen=True)
class CheckResult:
    id: str
    rating: str
    value: Any
    key: str  # message key in the feedback catalogue
    params: Mapping[str, Any] = field(default_factory=dict)
    marks: tuple[Mark, ...] = ()
    score: int | None = None  # defaults to the rating's score

    def __post_init__(self) -> None:
        if self.rating not in RATINGS:
            raise ValueError(f"unknown rating {self.rating!r}")
        if self.score is None:
            object.__setattr__(self, "score", RATING_SCORES[self.rating])


def rate_max(value: float, good_max: float, ok_max: float) -> str:
    """Lower is better: ``good`` up to ``good_max`` (inclusive), ``ok`` up to ``ok_max``, else ``bad``."""
    if value <= good_max:
        return "good"
    if value <= ok_max:
        return "ok"
    return "bad"


def rate_min(value: float, good_min: float, ok_min: float) -> str:
    """Higher is better: ``good`` from ``good_min`` (inclusive), ``ok`` from ``ok_min``, else ``bad``."""
    if value >= good_min:
        return "good"
    if value >= ok_min:
        return "ok"
    return "bad"


# A section is scored only when at least this many of its checks apply.
MIN_APPLICABLE_CHECKS = 2


def section_score(results: list[CheckResult]) -> int | None:
    """The section's score (0–100), or None when fewer than :data:`MIN_APPLICABLE_CHECKS` checks apply."""
    applicable = [r for r in results if r.rating != "na"]
    if len(applicable) < MIN_APPLICABLE_CHECKS:
        return None
    return round(100 * sum(r.score or 0 for r in applicable) / (9 * len(applicable)))
