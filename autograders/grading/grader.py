"""Grading one submission without executing anything: read JSON, flag tampering, score every task.

:func:`grade_submission` is pure apart from reading the submission file: it is what the worker processes of the
cohort grader run. The result is a JSON-ready dict::

    {"student", "assignment", "score", "max_score", "flags": [{"code", "message"}], "error", "sha256",
     "tasks": [{"task", "title", "test_cell", "answer", "points", "max_points", "notes", "criteria", "feedback"}]}
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Mapping

from .notebook import MAX_NOTEBOOK_BYTES, NotebookReadError, answer_texts, first_cells_by_grade_id, parse_notebook, source
from ..engine.scoring.rubric import Rubric, feedback_text, score_task
from .safe_files import TooLarge, UnsafeFile, read_below
from .tamper import find_flags, make_flag


def _empty_result(student: str, rubric: Rubric) -> dict[str, Any]:
    return {"student": student, "assignment": rubric.assignment, "score": 0.0, "max_score": rubric.max_points,
            "flags": [], "error": None, "sha256": "", "tasks": []}


def grade_notebook(nb: Mapping[str, Any], release: Mapping[str, Any], rubric: Rubric, student: str = "") -> dict:
    result = _empty_result(student, rubric)
    flags = find_flags(nb, release, list(rubric.answer_cells))
    result["flags"] = [f.to_dict() for f in flags]
    answers = answer_texts(nb, rubric.answer_cells)
    total = 0.0
    for task in rubric.tasks:
        score = score_task(task, answers)
        total += score.points
        entry = score.to_dict()
        entry.update(title=task.title, answer=task.answer, feedback=feedback_text(score, task.title),
                     answered=any(answers.get(cell) for cell in task.answer_cells))
        result["tasks"].append(entry)
    result["score"] = round(total, 2)
    return result


def read_submission(path: str | Path, base: str | Path | None = None) -> bytes:
    """The bytes of a submitted notebook. Below ``base`` (the trusted ``submitted/`` folder) no symbolic link is
    followed and only a regular file is read (:class:`.safe_files.UnsafeFile` otherwise)."""
    path = Path(path)
    if base is None:
        base, parts = path.parent, [path.name]
    else:
        parts = list(path.relative_to(base).parts)
    return read_below(base, parts, MAX_NOTEBOOK_BYTES)


def grade_submission(student: str, path: str | Path, release: Mapping[str, Any], rubric: Rubric,
                     base: str | Path | None = None) -> dict:
    """Grade one submitted notebook file; a broken, oversized or linked file gives a result with ``error`` and a
    flag, never raises."""
    result = _empty_result(student, rubric)
    name = Path(path).name
    try:
        raw = read_submission(path, base)
    except UnsafeFile as error:
        result["error"] = f"Kiriman tidak dibaca: {error.where} berupa tautan simbolik atau bukan berkas biasa."
        result["flags"] = [make_flag("unsafe_file", [error.where]).to_dict()]
        return result
    except TooLarge:
        result["error"] = f"Notebook {name} terlalu besar (lebih dari 20 MB); kiriman tidak dinilai."
        result["flags"] = [make_flag("invalid_notebook").to_dict()]
        return result
    except OSError:
        result["error"] = f"Notebook {name} tidak ditemukan dalam kiriman."
        result["flags"] = [make_flag("cell_deleted", [name]).to_dict()]
        return result
    digest = hashlib.sha256(raw).hexdigest()
    try:
        nb = parse_notebook(raw, Path(path).name)
    except NotebookReadError as error:
        result.update(error=str(error), sha256=digest, flags=[make_flag("invalid_notebook").to_dict()])
        return result
    try:
        graded = grade_notebook(nb, release, rubric, student)
    except Exception:  # noqa: BLE001 - a per-student error never stops the cohort
        result.update(error="Kiriman ini tidak dapat dinilai karena kesalahan teknis.", sha256=digest)
        return result
    graded["sha256"] = digest
    return graded


def autograded_notebook(nb: Mapping[str, Any], release: Mapping[str, Any], result: Mapping[str, Any]) -> dict:
    """The submission as nbgrader's ``autograded/`` copy: released locked/test cells restored, feedback as output.

    Nothing is executed: each test cell gets one stdout output (the feedback) and an ``execute_result`` with the
    points, exactly what the cell prints and returns under ``nbgrader autograde``.
    """
    released = first_cells_by_grade_id(release)
    by_test = {t["test_cell"]: t for t in result.get("tasks", [])}
    cells = []
    seen: set[str] = set()
    for cell in nb.get("cells", []):
        gid = ((cell.get("metadata") or {}).get("nbgrader") or {}).get("grade_id")
        if gid in released and gid not in seen:
            seen.add(gid)
            ref = released[gid]
            ref_meta = ref.get("metadata", {}).get("nbgrader", {})
            if not ref_meta.get("solution"):
                cell = json.loads(json.dumps(ref))  # restore locked and test cells, as nbgrader does
            else:
                cell = dict(cell, metadata=dict(cell.get("metadata") or {}, nbgrader=dict(ref_meta)),
                            cell_type=ref.get("cell_type", "markdown"))
        elif gid in seen:
            continue
        if cell.get("cell_type") == "code":
            cell = dict(cell, outputs=[], execution_count=None)
            task = by_test.get(gid)
            if task is not None:
                cell["outputs"] = [
                    {"output_type": "stream", "name": "stdout", "text": task["feedback"] + "\n"},
                    {"output_type": "execute_result", "execution_count": None, "metadata": {},
                     "data": {"text/plain": repr(float(task["points"]))}},
                ]
        cells.append(cell)
    out = dict(nb)
    out["cells"] = cells
    return out


def write_json_atomic(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, path)


def answer_source(nb: Mapping[str, Any], grade_id: str) -> str:
    cell = first_cells_by_grade_id(nb).get(grade_id)
    return source(cell) if cell else ""
