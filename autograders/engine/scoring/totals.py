"""Honest totals: how a task's automatic points and the instructor's manual points make one grade.

The rule (the one place it is computed; the cohort report, its CSV and the instructor guide use it):

1. A task's **automatic points count only when the instructor has not marked the answer wrong in substance**: a
   manual score of 0 on a task that has manual points (the instructor's judgement of accuracy, tone and fit)
   voids that task's automatic points. Style cannot carry a false or unusable answer.
2. Otherwise the task earns its automatic points plus the manual points.
3. A task whose manual points are not graded yet counts its automatic points, and the total is marked
   *provisional* (``complete`` is False, ``pending`` names the tasks) until the instructor has graded it.

``python -m autograders grade`` keeps reporting the automatic points alone as ``score``; the final grade is this
total. Everything here is pure arithmetic on numbers the callers read (the grader's results, the gradebook).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class TaskPoints:
    task: str
    auto: float | None  # None: not graded automatically (counts 0)
    auto_max: float
    manual: float | None  # None: not graded by the instructor yet
    manual_max: float


@dataclass(frozen=True)
class TaskTotal:
    task: str
    auto_counted: float  # the automatic points that count (0 when voided)
    manual: float | None
    points: float  # what the task contributes to the final grade
    max_points: float
    voided: bool  # the instructor marked it wrong in substance: automatic points do not count
    pending: bool  # manual points not graded yet


@dataclass(frozen=True)
class Total:
    auto: float  # all automatic points, as the grader gave them
    auto_max: float
    manual: float  # manual points graded so far
    manual_max: float
    final: float  # the grade: counted automatic points + manual points
    final_max: float
    tasks: tuple[TaskTotal, ...]

    @property
    def complete(self) -> bool:
        return not any(t.pending for t in self.tasks)

    @property
    def voided(self) -> tuple[str, ...]:
        return tuple(t.task for t in self.tasks if t.voided)

    @property
    def pending(self) -> tuple[str, ...]:
        return tuple(t.task for t in self.tasks if t.pending)


def task_total(points: TaskPoints) -> TaskTotal:
    manual = None if points.manual is None else max(0.0, min(float(points.manual), points.manual_max))
    pending = points.manual_max > 0 and manual is None
    voided = points.manual_max > 0 and manual is not None and manual <= 0
    auto = max(0.0, min(float(points.auto or 0.0), points.auto_max))
    counted = 0.0 if voided else auto
    return TaskTotal(points.task, round(counted, 2), manual, round(counted + (manual or 0.0), 2),
                     round(points.auto_max + points.manual_max, 2), voided, pending)


def combined_total(tasks: Iterable[TaskPoints]) -> Total:
    """The final grade of one submission from its tasks' automatic and manual points (see the module rule)."""
    given = list(tasks)
    totals = tuple(task_total(t) for t in given)
    return Total(
        auto=round(sum(max(0.0, min(float(t.auto or 0.0), t.auto_max)) for t in given), 2),
        auto_max=round(sum(t.auto_max for t in given), 2),
        manual=round(sum(t.manual or 0.0 for t in totals), 2),
        manual_max=round(sum(t.manual_max for t in given), 2),
        final=round(sum(t.points for t in totals), 2),
        final_max=round(sum(t.max_points for t in totals), 2),
        tasks=totals)
