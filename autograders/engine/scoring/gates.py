"""How a task's criteria combine: the gates that keep a good-looking score away from a bad answer.

A criterion is *content* (what the answer says: ``facts``, ``contains``, ``figures``) or *form* (how it is
written: engine checks, statistics, plain language, tone, links). The task's points are::

    form criterion     × 0                      when the answer is shorter than the task's ``min_words``
                                                 (nothing to judge yet: "x" or "Saya tidak tahu." earns no style points)
                       × relevance gate         relevance = the share of content points earned, mapped linearly from
                                                 0 at ``relevance.floor`` (default 0.2) to 1 at ``relevance.full``
                                                 (default 0.6): an answer that does not do the task (or touches one
                                                 element by chance) earns no style points, one with most of the
                                                 content earns them all
    every criterion    × prose gate             the engine's ``prose`` check: good 1, ok 0.7, bad 0.25 — a keyword
                                                 list or salad earns few points on every criterion
                       × integrity gate         0.5 per contradicted fact, 0.75 per invented number, date, time, name
                                                 or amount, 0.5 per invented quotation, promise or person
                       × tone gate              per kind of tone finding the task's ``tone`` criterion does not allow:
                                                 personal data asked in public 0.4, blame 0.5, threat 0.6,
                                                 puffery 0.85, opinion 0.85
                       × alt-text gate          0.5 when an image's alt text is a keyword list (``alt_text``
                                                 criterion): stuffing where a blind reader expects a description

then summed and clipped to ``[0, max_points]``. A gate whose check is missing from the engine (the ``prose``
check, the tone findings) applies no multiplier; its criterion scores 0 with a note. Every value above can be
changed per task in the rubric (``gates:``); :data:`DEFAULTS` holds them. :func:`task_gates` is the one place
that computes the multipliers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

DEFAULTS: Mapping[str, Any] = {
    "min_words": 10,
    "relevance": {"floor": 0.2, "full": 0.6},
    "prose": {"good": 1.0, "ok": 0.7, "bad": 0.25, "na": 1.0},
    "contradiction": 0.5,
    "invented": 0.75,
    "invented_heavy": 0.5,
    "tone": {"personal_data": 0.4, "blame": 0.5, "threat": 0.6, "puffery": 0.85, "opinion": 0.85},
    "alt_text": 0.5,
}


@dataclass(frozen=True)
class GateInput:
    words: int
    min_words: int
    content_share: float | None  # None: the task has no content criteria
    prose_rating: str | None  # None: no prose check in the report (or the task has none)
    contradictions: int = 0
    invented: int = 0
    invented_heavy: int = 0
    tone_kinds: tuple[str, ...] = ()  # the kinds of the findings the tone criterion does not allow
    keyword_alt: bool = False  # an image's alt text is a keyword list


@dataclass(frozen=True)
class Gates:
    nothing_to_judge: bool
    relevance: float  # multiplier of form criteria from relevance (1 when no content criteria)
    prose: float
    integrity: float
    tone: float
    alt_text: float = 1.0

    @property
    def form(self) -> float:
        return 0.0 if self.nothing_to_judge else self.relevance

    @property
    def every(self) -> float:
        return self.prose * self.integrity * self.tone * self.alt_text


def config(overrides: Mapping[str, Any] | None) -> dict[str, Any]:
    """The defaults with a task's ``gates:`` overrides (nested mappings merged one level deep)."""
    out = {k: (dict(v) if isinstance(v, Mapping) else v) for k, v in DEFAULTS.items()}
    for key, value in (overrides or {}).items():
        if isinstance(out.get(key), dict) and isinstance(value, Mapping):
            out[key].update(value)
        else:
            out[key] = value
    return out


def task_gates(given: GateInput, settings: Mapping[str, Any]) -> Gates:
    nothing = given.words < int(given.min_words)
    if given.content_share is None:
        relevance = 1.0
    else:
        floor = float(settings["relevance"].get("floor", 0.2))
        full = float(settings["relevance"].get("full", 0.6))
        share = given.content_share
        relevance = 1.0 if full <= floor else min(1.0, max(0.0, (share - floor) / (full - floor)))
    prose = 1.0
    if given.prose_rating is not None:
        prose = float(settings["prose"].get(given.prose_rating, 1.0))
    integrity = (float(settings["contradiction"]) ** given.contradictions
                 * float(settings["invented"]) ** given.invented
                 * float(settings["invented_heavy"]) ** given.invented_heavy)
    tone = 1.0
    for kind in dict.fromkeys(given.tone_kinds):  # once per kind, however many sentences show it
        tone *= float(settings["tone"].get(kind, 1.0))
    alt_text = float(settings.get("alt_text", 0.5)) if given.keyword_alt else 1.0
    return Gates(nothing, relevance, prose, integrity, tone, alt_text)
