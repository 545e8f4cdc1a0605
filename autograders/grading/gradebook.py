"""Writing a grader result into the nbgrader gradebook, through nbgrader's own API (``nbgrader.api.Gradebook``).

Writes are idempotent upserts in one transaction per student: the student and the submission are created when
missing, then each autograded test cell's ``auto_score`` and each answer cell's ``auto_comment`` are set. A
re-run writes the same values again, so nothing is lost or counted twice. Manual scores given by the instructor
in formgrader are never touched.
"""
from __future__ import annotations

import warnings
from typing import Any, Mapping

from nbgrader.api import Gradebook, MissingEntry

from .rubric import Rubric


class GradebookError(RuntimeError):
    """The gradebook cannot take this result (message in Indonesian)."""


def open_gradebook(db_url: str, course_id: str = "kelas-humas-digital") -> Gradebook:
    gb = Gradebook(db_url, course_id=course_id)
    if db_url.startswith("sqlite"):
        from sqlalchemy import event

        def _pragmas(connection, _record):  # per connection only; the database file is not changed
            cursor = connection.cursor()
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        event.listen(gb.engine, "connect", _pragmas)
        gb.engine.dispose()  # reconnect with the pragma
    return gb


def _comment_text(result: Mapping[str, Any], task: Mapping[str, Any], first: bool) -> str:
    parts = []
    if first:
        parts.extend(f"[{f['code']}] {f['message']}" for f in result.get("flags") or [])
        if result.get("error"):
            parts.append(str(result["error"]))
    if task.get("feedback"):
        parts.append(str(task["feedback"]))
    return "\n".join(parts)


def upsert_result(gb: Gradebook, rubric: Rubric, result: Mapping[str, Any], timestamp: str | None = None) -> None:
    """Record one student's result (see :mod:`.grader`) in the gradebook. Raises :class:`GradebookError`."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SQLAlchemy warnings raised inside nbgrader's own add_submission
        _upsert(gb, rubric, result, timestamp)


def _upsert(gb: Gradebook, rubric: Rubric, result: Mapping[str, Any], timestamp: str | None) -> None:
    assignment, student = rubric.assignment, str(result["student"])
    notebook = rubric.notebook[:-6] if rubric.notebook.endswith(".ipynb") else rubric.notebook
    try:
        gb.find_assignment(assignment)
    except MissingEntry:
        raise GradebookError(f"Tugas {assignment} belum ada di gradebook; jalankan nbgrader generate_assignment.") from None
    try:
        try:
            gb.find_student(student)
        except MissingEntry:
            gb.add_student(student)
        try:
            submission = gb.find_submission(assignment, student)
        except MissingEntry:
            submission = gb.add_submission(assignment, student)
        if timestamp:
            from nbgrader.utils import parse_utc

            try:
                submission.timestamp = parse_utc(timestamp)
            except (ValueError, OverflowError):
                pass
        tasks = {t["task"]: t for t in result.get("tasks") or []}
        submitted_nb = gb.find_submission_notebook(notebook, assignment, student)
        grades = {g.name: g for g in submitted_nb.grades}
        comments = {c.name: c for c in submitted_nb.comments}
        for index, task in enumerate(rubric.tasks):
            entry = tasks.get(task.id, {"points": 0.0, "feedback": "", "answered": False})
            if task.test_cell not in grades or task.answer not in grades or task.answer not in comments:
                raise MissingEntry(f"sel {task.test_cell} atau {task.answer}")
            grade = grades[task.test_cell]
            grade.auto_score = float(entry["points"])
            grade.needs_manual_grade = False
            answer_grade = grades[task.answer]
            answered = bool(entry.get("answered"))
            answer_grade.auto_score = None if answered else 0.0
            answer_grade.needs_manual_grade = answered and answer_grade.manual_score is None
            comments[task.answer].auto_comment = _comment_text(result, entry, index == 0)
        gb.db.commit()
    except MissingEntry as error:
        gb.db.rollback()
        raise GradebookError(f"Gradebook tidak cocok dengan rubrik {assignment}: {error}") from None
    except Exception:
        gb.db.rollback()
        raise


def read_scores(gb: Gradebook, rubric: Rubric, student: str) -> dict[str, float | None]:
    """test cell grade_id -> auto_score, as recorded (used by tests and reports)."""
    notebook = rubric.notebook[:-6] if rubric.notebook.endswith(".ipynb") else rubric.notebook
    out: dict[str, float | None] = {}
    for task in rubric.tasks:
        try:
            out[task.test_cell] = gb.find_grade(task.test_cell, notebook, rubric.assignment, student).auto_score
        except MissingEntry:
            out[task.test_cell] = None
    return out
