"""Flags: what a submission changed that a trainee should not change, found by comparing it with the released
(student) notebook that ``nbgrader generate_assignment`` wrote, including its nbgrader checksums.

Every flag is a short code plus an Indonesian explanation that names the cells as a trainee finds them
("sel jawaban “Tugas 1: …”"), never by id; the words come from the message catalogue through
:mod:`.flag_text`, the one place flags become language. Flags never stop grading: answers are still taken
by their ``grade_id`` from answer cells and scored; what the trainee did elsewhere is reported to the instructor.

Codes:

=======================  =================================================================================
``invalid_notebook``     the file is not valid notebook JSON (scored 0)
``cell_deleted``         a locked, test or answer cell of the released notebook is missing
``cell_edited``          a locked or test cell's content differs from the released one (nbgrader checksum)
``points_changed``       a cell's nbgrader ``points`` differ from the released notebook
``metadata_changed``     other nbgrader metadata changed (grade/solution/locked/task), or a cell's type (an answer
                         cell made raw or code is still graded as text)
``answer_outside_cell``  prose written in a cell that is not an answer cell (it is not graded)
``code_cell_added``      a code cell the trainee added (it is never run by our grader)
``code_in_answer``       a fenced code block or ``<script>`` in an answer cell (removed before scoring, never run)
``duplicate_cell_id``    two cells share a cell id or an nbgrader ``grade_id`` (the first one is graded)
``hidden_content``       an answer cell holds text its reader cannot see (HTML comment, ``hidden``,
                         ``display:none`` …); it is left out of the text every criterion judges
``unsafe_file``          the submission is or holds a symbolic link or a special file (never read; scored 0)
``time_limit``           grading the submission took longer than the budget (recorded as an error, scored 0)
=======================  =================================================================================

A flag lists at most :data:`.flag_text.MAX_LISTED` places (each heading or label cut to
:data:`.flag_text.MAX_HEADING` characters; the rest counted), so a notebook with a million cells still gives a
short message.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from collections.abc import Iterable, Mapping
from typing import Any

from ..engine.parse.markup import hidden_content
from .flag_text import Place, SubmissionPlaces, flag_message, released_places
from .notebook import grade_id, graded_cells, has_code, meta, source

META_KEYS = ("grade", "solution", "locked", "task")


@dataclass(frozen=True)
class Flag:
    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


def make_flag(code: str, cells: Iterable[Place] = ()) -> Flag:
    """A flag whose message names ``cells`` (places from :mod:`.flag_text`, or plain text such as a file name)."""
    return Flag(code, flag_message(code, cells))


def _to_bytes(text: str) -> bytes:
    return text.encode("utf-8")


def checksum(cell: Mapping[str, Any], nbgrader_meta: Mapping[str, Any]) -> str:
    """nbgrader's cell checksum (``nbgrader.utils.compute_checksum``) of ``cell``'s content under given metadata."""
    grade, solution = bool(nbgrader_meta.get("grade")), bool(nbgrader_meta.get("solution"))
    locked = False if solution else (True if grade else bool(nbgrader_meta.get("locked")))
    digest = hashlib.md5()
    digest.update(_to_bytes(source(cell)))
    digest.update(_to_bytes(str(cell.get("cell_type", ""))))
    digest.update(_to_bytes(str(grade)))
    digest.update(_to_bytes(str(solution)))
    digest.update(_to_bytes(str(locked)))
    digest.update(_to_bytes(str(nbgrader_meta.get("grade_id", ""))))
    if grade:
        digest.update(_to_bytes(str(float(nbgrader_meta.get("points", 0)))))
    return digest.hexdigest()


def _is_locked_or_test(cell_meta: Mapping[str, Any]) -> bool:
    return not cell_meta.get("solution") and bool(cell_meta.get("locked") or cell_meta.get("grade") or cell_meta.get("task"))


def _points(cell_meta: Mapping[str, Any]) -> float | None:
    try:
        return float(cell_meta["points"]) if "points" in cell_meta else None
    except (TypeError, ValueError):
        return None


def _duplicates(values: Iterable[tuple[int, str]]) -> list[int]:
    """Indexes of the cells whose value an earlier cell already has."""
    seen: set[str] = set()
    dup = []
    for index, value in values:
        if value in seen:
            dup.append(index)
        seen.add(value)
    return dup


def find_flags(submission: Mapping[str, Any], release: Mapping[str, Any], answer_ids: Iterable[str] = ()) -> list[Flag]:
    """Compare a submitted notebook with the released one; return its flags in a fixed order."""
    flags: list[Flag] = []
    released = {grade_id(c): c for _, c in graded_cells(release)}
    named = released_places(release)
    cells = submission.get("cells", [])
    places = SubmissionPlaces(cells, named)
    submitted: dict[str, Mapping[str, Any]] = {}
    for _, cell in graded_cells(submission):
        submitted.setdefault(grade_id(cell) or "", cell)

    missing = [gid for gid in released if gid not in submitted]
    if missing:
        flags.append(make_flag("cell_deleted", [named[gid] for gid in missing]))

    edited, points, other = [], [], []
    for gid, ref in released.items():
        cell = submitted.get(gid)
        if cell is None:
            continue
        ref_meta, sub_meta = meta(ref), meta(cell)
        if _is_locked_or_test(ref_meta):
            expected = ref_meta.get("checksum") or checksum(ref, ref_meta)
            if checksum(cell, ref_meta) != expected:
                edited.append(gid)
        if _points(ref_meta) != _points(sub_meta):
            points.append(gid)
        if (any(bool(ref_meta.get(k)) != bool(sub_meta.get(k)) for k in META_KEYS)
                or ref.get("cell_type") != cell.get("cell_type")):
            other.append(gid)
    if edited:
        flags.append(make_flag("cell_edited", [named.get(gid, gid) for gid in edited]))
    if points:
        flags.append(make_flag("points_changed", [named.get(gid, gid) for gid in points]))
    if other:
        flags.append(make_flag("metadata_changed", [named.get(gid, gid) for gid in other]))

    outside, code_cells = [], []
    for index, cell in enumerate(cells):
        gid = grade_id(cell)
        if gid in released:
            continue
        text = source(cell).strip()
        if not text:
            continue
        if cell.get("cell_type") == "code":
            code_cells.append(index)
        else:
            outside.append(index)
    if outside:
        flags.append(make_flag("answer_outside_cell", places.of_many(outside)))
    if code_cells:
        flags.append(make_flag("code_cell_added", places.of_many(code_cells)))

    code_answers = []
    for gid in answer_ids:
        cell = submitted.get(gid)
        if cell is None:
            continue
        if has_code(source(cell)):
            code_answers.append(gid)
    if code_answers:
        flags.append(make_flag("code_in_answer", [named.get(gid, gid) for gid in code_answers]))

    hidden_answers = [gid for gid in answer_ids if gid in submitted and hidden_content(source(submitted[gid]))]
    if hidden_answers:
        flags.append(make_flag("hidden_content", [named.get(gid, gid) for gid in hidden_answers]))

    cell_ids = ((i, str(c.get("id"))) for i, c in enumerate(cells) if c.get("id"))
    grade_ids = ((i, grade_id(c) or "") for i, c in graded_cells(submission))
    dups = sorted(set(_duplicates(cell_ids)) | set(_duplicates(grade_ids)))
    if dups:
        flags.append(make_flag("duplicate_cell_id", places.of_many(dups)))
    return flags
