"""Writing a grader result into the nbgrader gradebook, through nbgrader's own API (``nbgrader.api.Gradebook``).

Writes are idempotent upserts in one transaction per student: the student and the submission are created when
missing, then each autograded test cell's ``auto_score`` and each answer cell's ``auto_comment`` are set. A
re-run writes the same values again, so nothing is lost or counted twice. Manual scores given by the instructor
in formgrader are never touched.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any, Mapping

from nbgrader.api import (Comment, Grade, Gradebook, MissingEntry, Student, SubmittedAssignment,
                          SubmittedNotebook)

from ..engine.scoring.rubric import Rubric
# One task of one submission as the gradebook holds it: the test cell's points (automatic, or the instructor's
# override) and the answer cell's manual points (None while the instructor has not graded it). The type is the
# engine's, so the one final-grade rule (autograders.engine.scoring.totals) reads it directly.
from ..engine.scoring.totals import TaskPoints
from .flag_text import flag_line


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


MAX_COMMENT = 8_000  # characters of one gradebook comment (flags are short already; this bounds the rest)


def _comment_text(result: Mapping[str, Any], task: Mapping[str, Any], first: bool) -> str:
    """The automatic comment of a task's answer cell. nbgrader's feedback page renders it as Markdown: each flag
    and the feedback are paragraphs, the feedback keeps its lines (hard line breaks), and its numbered lines
    ("Perbaiki dulu:" 1., 2., …) are a numbered list with a blank line before and after it (without the one
    after, the closing lines would run into the last item)."""
    parts = []
    if first:
        parts.extend(flag_line(f).replace("\n", "  \n") for f in result.get("flags") or [])  # words, not codes
        if result.get("error"):
            parts.append(str(result["error"]).replace("\n", "  \n"))
    if task.get("feedback"):
        parts.append(_feedback_markdown(str(task["feedback"])))
    text = "\n\n".join(parts)
    return text if len(text) <= MAX_COMMENT else text[: MAX_COMMENT - 1] + "…"


def _numbered(line: str) -> bool:
    """'  2. Judul (0/3): …': digits, a dot and a space after optional indentation (no regular expression)."""
    stripped = line.lstrip(" ")
    digits = len(stripped) - len(stripped.lstrip("0123456789"))
    return 0 < digits <= 9 and stripped[digits: digits + 2] == ". "


def _feedback_markdown(feedback: str) -> str:
    """Task feedback (engine.scoring.rubric.feedback_text) as Markdown blocks: runs of numbered lines become a
    list, every other run of lines a paragraph with hard line breaks; blocks are separated by blank lines."""
    blocks: list[tuple[bool, list[str]]] = []
    for line in feedback.split("\n"):
        numbered = _numbered(line)
        if not line.strip():
            blocks.append((False, []))
            continue
        if blocks and blocks[-1][0] == numbered and blocks[-1][1]:
            blocks[-1][1].append(line.lstrip(" ") if numbered else line)
        else:
            blocks.append((numbered, [line.lstrip(" ") if numbered else line]))
    return "\n\n".join(("\n" if numbered else "  \n").join(lines) for numbered, lines in blocks if lines)


def held_scores(gb: Gradebook, rubric: Rubric, students: list[str]) -> dict[str, dict[str, float | None]]:
    """student -> {grade cell name -> auto_score} for this assignment as the gradebook holds it (one query per
    500 students); a student without a submission in the gradebook is absent."""
    from nbgrader.api import Assignment, GradeCell

    out: dict[str, dict[str, float | None]] = {}
    for at in range(0, len(students), 500):
        chunk = students[at: at + 500]
        rows = (gb.db.query(SubmittedAssignment.student_id, GradeCell.name, Grade.auto_score)
                .join(Assignment, SubmittedAssignment.assignment_id == Assignment.id)
                .join(SubmittedNotebook, SubmittedNotebook.assignment_id == SubmittedAssignment.id)
                .join(Grade, Grade.notebook_id == SubmittedNotebook.id)
                .join(GradeCell, Grade.cell_id == GradeCell.id)
                .filter(Assignment.name == rubric.assignment, SubmittedAssignment.student_id.in_(chunk)))
        for student, cell, score in rows:
            out.setdefault(student, {})[cell] = score
    return out


def upsert_result(gb: Gradebook, rubric: Rubric, result: Mapping[str, Any], timestamp: str | None = None) -> None:
    """Record one student's result (see :mod:`.grader`) in the gradebook. Raises :class:`GradebookError`."""
    errors = upsert_results(gb, rubric, [(result, timestamp)])
    if errors[0]:
        raise GradebookError(errors[0])


def upsert_results(gb: Gradebook, rubric: Rubric,
                   items: list[tuple[Mapping[str, Any], str | None]]) -> list[str | None]:
    """Record several results in ONE transaction (one commit instead of three per student).

    Returns one entry per item: None when written, else the Indonesian reason. If the batch cannot be committed
    as a whole, each item is retried in its own transaction, so one bad result never costs the others.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SQLAlchemy warnings raised inside nbgrader's models
        try:
            with gb.db.no_autoflush:
                known = _Known.load(gb, rubric, [str(result["student"]) for result, _ in items])
                for result, timestamp in items:
                    _stage(gb, rubric, result, timestamp, known)
            gb.db.commit()
            return [None] * len(items)
        except Exception:  # noqa: BLE001 - fall back to one transaction per student below
            gb.db.rollback()
        return [_one_by_one(gb, rubric, result, timestamp) for result, timestamp in items]


class _Known:
    """The assignment, and the batch's students and submissions already in the gradebook: three queries per batch
    instead of several per student."""

    def __init__(self, assignment, students: dict, submissions: dict) -> None:
        self.assignment, self.students, self.submissions = assignment, students, submissions

    @classmethod
    def load(cls, gb: Gradebook, rubric: Rubric, ids: list[str]) -> "_Known":
        try:
            assignment = gb.find_assignment(rubric.assignment)
        except MissingEntry:
            raise GradebookError(
                f"Tugas {rubric.assignment} belum ada di gradebook; jalankan nbgrader generate_assignment.") from None
        students = {s.id: s for s in gb.db.query(Student).filter(Student.id.in_(ids))}
        submissions = {s.student_id: s for s in gb.db.query(SubmittedAssignment).filter(
            SubmittedAssignment.assignment_id == assignment.id, SubmittedAssignment.student_id.in_(ids))}
        return cls(assignment, students, submissions)


def _one_by_one(gb: Gradebook, rubric: Rubric, result: Mapping[str, Any], timestamp: str | None) -> str | None:
    try:
        with gb.db.no_autoflush:
            _stage(gb, rubric, result, timestamp, _Known.load(gb, rubric, [str(result["student"])]))
        gb.db.commit()
        return None
    except GradebookError as error:
        gb.db.rollback()
        return str(error)
    except MissingEntry as error:
        gb.db.rollback()
        return f"Gradebook tidak cocok dengan rubrik {rubric.assignment}: {error}"
    except Exception:  # noqa: BLE001
        gb.db.rollback()
        return "Nilai tidak dapat ditulis ke gradebook."


def _new_submission(gb: Gradebook, assignment, student: Student) -> SubmittedAssignment:
    """The submission with the same structure nbgrader's ``add_submission`` gives it (a submitted notebook per
    notebook, a grade per graded cell, a comment per solution cell, both per task cell), added but not committed."""
    submission = SubmittedAssignment(assignment=assignment, student=student)
    for notebook in assignment.notebooks:
        submitted = SubmittedNotebook(notebook=notebook, assignment=submission)
        # Cells by object (not by id) so their names are known before anything is flushed.
        for cell in notebook.grade_cells:
            Grade(cell=cell, notebook=submitted)
        for cell in notebook.solution_cells:
            Comment(cell=cell, notebook=submitted)
        for cell in notebook.task_cells:
            Comment(cell=cell, notebook=submitted)
            Grade(cell=cell, notebook=submitted)
    gb.db.add(submission)
    return submission


def _stage(gb: Gradebook, rubric: Rubric, result: Mapping[str, Any], timestamp: str | None, known: "_Known") -> None:
    """Write one result into the session (no commit)."""
    student_id = str(result["student"])
    notebook = rubric.notebook[:-6] if rubric.notebook.endswith(".ipynb") else rubric.notebook
    student = known.students.get(student_id)
    if student is None:
        student = known.students[student_id] = Student(id=student_id)
        gb.db.add(student)
    submission = known.submissions.get(student_id)
    if submission is None:
        submission = known.submissions[student_id] = _new_submission(gb, known.assignment, student)
    if timestamp:
        from nbgrader.utils import parse_utc

        try:
            submission.timestamp = parse_utc(timestamp)
        except (ValueError, OverflowError):
            pass
    tasks = {t["task"]: t for t in result.get("tasks") or []}
    submitted_nb = next((nb for nb in submission.notebooks if nb.name == notebook), None)
    if submitted_nb is None:
        raise MissingEntry(f"notebook {notebook}")
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
        for cell in task.answer_cells[1:]:  # a quiz's other answer cells carry no points of their own
            if cell in grades:
                grades[cell].auto_score = 0.0
                grades[cell].needs_manual_grade = False


def read_manual_scores(gb: Gradebook, rubric: Rubric) -> dict[str, dict[str, float | None]]:
    """student -> {task id -> the instructor's manual score of the task's answer cell, None when not graded}.

    One query for the whole assignment (the cohort report reads it to combine automatic and manual points)."""
    from nbgrader.api import Assignment, BaseCell, Grade, SubmittedAssignment, SubmittedNotebook

    by_cell = {task.answer: task.id for task in rubric.tasks if task.manual_points > 0}
    out: dict[str, dict[str, float | None]] = {}
    if not by_cell:
        return out
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = (gb.db.query(SubmittedAssignment.student_id, BaseCell.name, Grade.manual_score)
                .join(SubmittedNotebook, Grade.notebook_id == SubmittedNotebook.id)
                .join(SubmittedAssignment, SubmittedNotebook.assignment_id == SubmittedAssignment.id)
                .join(Assignment, SubmittedAssignment.assignment_id == Assignment.id)
                .join(BaseCell, Grade.cell_id == BaseCell.id)
                .filter(Assignment.name == rubric.assignment, BaseCell.name.in_(list(by_cell))))
        for student, cell, manual in rows:
            out.setdefault(str(student), {})[by_cell[cell]] = None if manual is None else float(manual)
    return out


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


# ------------------------------------------------------------------------------------------------ reading back
@dataclass(frozen=True)
class SubmissionPoints:
    student: str
    first_name: str
    last_name: str
    email: str
    tasks: tuple[TaskPoints, ...]
    notebook_found: bool = True


def grade_value(grade: Grade | None) -> float | None:
    """A grade as nbgrader counts it (``Grade.score``): the manual score if given, else the automatic one, plus
    extra credit; None when neither is set."""
    if grade is None:
        return None
    value = grade.manual_score if grade.manual_score is not None else grade.auto_score
    if value is None:
        return None
    return float(value) + float(grade.extra_credit or 0.0)


def submitted_points(gb: Gradebook, rubric: Rubric) -> list[SubmissionPoints]:
    """Every submission of the rubric's assignment with its per-task points, read through nbgrader's API.
    Raises MissingEntry when the assignment is not in the gradebook."""
    gb.find_assignment(rubric.assignment)
    notebook = rubric.notebook[:-6] if rubric.notebook.endswith(".ipynb") else rubric.notebook
    out = []
    for submission in gb.assignment_submissions(rubric.assignment):
        student = submission.student
        nb = next((n for n in submission.notebooks if n.name == notebook), None)
        grades = {g.name: g for g in nb.grades} if nb is not None else {}
        tasks = tuple(TaskPoints(task.id, grade_value(grades.get(task.test_cell)), task.max_points,
                                 grade_value(grades.get(task.answer)), task.manual_points) for task in rubric.tasks)
        out.append(SubmissionPoints(student.id, student.first_name or "", student.last_name or "", student.email or "",
                                    tasks, nb is not None))
    return sorted(out, key=lambda s: s.student)


def student_names(gb: Gradebook) -> dict[str, tuple[str, str]]:
    """student id -> (first name, last name) as the gradebook's roster holds them (``nbgrader db student
    import``); '' where a name is not set."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = gb.db.query(Student.id, Student.first_name, Student.last_name)
        return {str(sid): (first or "", last or "") for sid, first, last in rows}
