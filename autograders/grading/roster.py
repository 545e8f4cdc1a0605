"""Who a trainee is, in words: the name every page and file shows next to (or instead of) the student id.

One rule, used by the cohort report and ``grades-export``: the name in the nbgrader gradebook (``Student``'s first
and last name, from ``nbgrader db student import`` of the instructor's roster), else the name the trainee typed on
the book's exercise page (the intake record, :mod:`.intake`), else nothing (pages then show the id).
"""
from __future__ import annotations

import json
from typing import Mapping

from .course import INTAKE_DIR, Course


def intake_records(course: Course, assignment: str) -> dict[str, list[dict]]:
    """student -> intake records, this assignment's first, then the other assignments' (newest first)."""
    out: dict[str, list[dict]] = {}
    root = course.root / INTAKE_DIR
    if not root.is_dir():
        return out
    folders = [course.intake_dir(assignment)] + sorted(p for p in root.iterdir()
                                                        if p.is_dir() and p.name != assignment)
    for folder in folders:
        if not folder.is_dir():
            continue
        found = []
        for path in folder.glob("*.json"):
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(record, dict) and isinstance(record.get("student"), str):
                found.append(record)
        found.sort(key=lambda r: str(r.get("filed_at", "")), reverse=True)
        for record in found:
            out.setdefault(record["student"], []).append(record)
    return out


def display_name(first: str, last: str, records: list[dict]) -> str:
    """The gradebook's first and last name, else the newest name typed on the exercise page, else ''."""
    name = " ".join(p for p in ((first or "").strip(), (last or "").strip()) if p)
    if name:
        return name
    for record in records:
        if record.get("student_name"):
            return str(record["student_name"])
    return ""


def trainee_names(course: Course, assignment: str, students: list[str],
                  gradebook: Mapping[str, tuple[str, str]]) -> dict[str, str]:
    """student -> name (by :func:`display_name`) for each student that has one; ``gradebook`` maps a student id
    to its (first, last) name as the gradebook holds it."""
    records = intake_records(course, assignment)
    out = {}
    for student in students:
        first, last = gradebook.get(student, ("", ""))
        name = display_name(first, last, records.get(student, []))
        if name:
            out[student] = name
    return out
