"""``python -m autograders grades-export``: one assignment's grades as a CSV file an LMS imports.

For Moodle (``--lms moodle``; the import's rules are in :mod:`.moodle`) the file is UTF-8 without BOM, comma
separated, CRLF line ends, a header row and one row per trainee with three columns::

    email,nama,m1_situs_web            (or: idnumber,nama,m1_situs_web)
    budi@sukamaju.go.id,Budi Santoso,12.5

In Moodle: *Grades* → *Import* → *CSV file*, separator *comma*, encoding *UTF-8*; then *Map from* ``email`` to
*Email address* (or ``idnumber`` to *ID number*) and map the grade column to the assignment's grade item (or a new
one); leave ``nama`` ignored (it is there for the instructor's eyes). Grades use ``.`` as the decimal separator,
at most two decimals, no thousands separator (:func:`.csv_cells.number_text`): Moodle reads that under any site
language.

**Who is matched by what.** The e-mail address is the gradebook's (``nbgrader db student import`` of the
instructor's roster) when set, else the one in the intake record (:mod:`.intake`: what the trainee typed on the
exercise page). The ID number is the student id as the trainee wrote it (intake record), else the gradebook's
student id. A roster is the safer source: what a trainee typed can be wrong. Moodle aborts the whole import at the
first row it cannot match, so rows that cannot be matched are left out of the file and listed instead: no value
to match by, a value starting with a character a spreadsheet reads as a formula, or a value two trainees share.

**Which grade.** Per task, the test cell's points (automatic, or the instructor's override in formgrader) and
the answer cell's manual points, combined by the course's one final-grade rule (:func:`combined_total`, from
:mod:`autograders.engine.scoring.totals`: a task the instructor marked 0 keeps no automatic points). A trainee
whose manual points are not all given yet is left out (listed), unless ``--allow-ungraded`` exports them with the
missing manual points counted as nothing.
``--max-grade N`` rescales the total to 0..N (Moodle grade items are out of 100 by default).

**Formula injection.** Cells are written by :mod:`.csv_cells` (the one CSV helper, shared with the cohort
report): a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (after leading
spaces) gets a leading apostrophe and control characters inside text become spaces, so a trainee named
``=HYPERLINK(...)`` cannot run anything when the file is opened in a spreadsheet. Matching values are never
altered (Moodle must find them as they are): such a value leaves its row out instead. Grades are numbers in
:func:`.csv_cells.number_text`'s convention.

Exit codes: 0 every submission exported; 1 some were left out (listed on stderr) or none were found; 2 unusable
input (course, assignment, gradebook).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from .course import Course, CourseError
from .csv_cells import csv_text, formula_like
from .intake import plausible_email
from .moodle import MATCH_FIELDS
from .roster import display_name, intake_records
from .rubric_file import load_rubric
from ..engine.scoring.rubric import RubricError

MATCH_HEADERS = {"email": "email", "idnumber": "idnumber"}
NAME_HEADER = "nama"
MOODLE_TARGET_LABELS = {"email": "Alamat surel (Email address)", "idnumber": "Nomor ID (ID number)"}


# ------------------------------------------------------------------------------------------------ totals
def combined_total(tasks: Sequence) -> float:
    """The exported total of a submission's per-task points (``TaskPoints``): the course's one final-grade rule
    (:func:`autograders.engine.scoring.totals.combined_total`: a task the instructor marked 0 keeps no automatic
    points). Manual points not given count as nothing (callers leave such rows out unless told otherwise)."""
    from ..engine.scoring.totals import combined_total as final_grade

    return final_grade(tasks).final


def max_total(tasks: Sequence) -> float:
    from ..engine.scoring.totals import combined_total as final_grade

    return final_grade(tasks).final_max


# ------------------------------------------------------------------------------------------------ rows
@dataclass
class Row:
    student: str
    match: str
    name: str
    total: float


@dataclass
class Left:
    student: str
    reason: str


def match_value(match: str, points, records: list[dict]) -> str:
    if match == "email":
        if points.email and plausible_email(points.email.strip()):
            return points.email.strip()
        for record in records:
            email = str(record.get("email") or "").strip()
            if email and plausible_email(email):
                return email
        return ""
    for record in records:
        written = str(record.get("student_id") or "").strip()
        if written and written.lower() == points.student.lower():
            return written
    return points.student


def build_rows(points_list: Iterable, records: dict[str, list[dict]], match: str, allow_ungraded: bool,
               max_grade: float | None) -> tuple[list[Row], list[Left]]:
    rows: list[Row] = []
    left: list[Left] = []
    label = "alamat surel" if match == "email" else "nomor ID"
    for points in points_list:
        mine = records.get(points.student, [])
        if not points.notebook_found:
            left.append(Left(points.student, "notebook kiriman tidak ada di gradebook"))
            continue
        missing_auto = [t.task for t in points.tasks if t.auto is None]
        if missing_auto:
            left.append(Left(points.student, f"belum dinilai otomatis ({', '.join(missing_auto)}); jalankan grade"))
            continue
        missing_manual = [t.task for t in points.tasks if t.manual is None and t.manual_max > 0]
        if missing_manual and not allow_ungraded:
            left.append(Left(points.student, f"nilai manual belum diberikan ({', '.join(missing_manual)}); beri "
                                             "nilainya di formgrader, atau pakai --allow-ungraded"))
            continue
        value = match_value(match, points, mine)
        if not value:
            left.append(Left(points.student, f"tidak ada {label} untuk mencocokkan peserta di Moodle"))
            continue
        if formula_like(value) or not value.isprintable():
            left.append(Left(points.student, f"{label} {json.dumps(value, ensure_ascii=False)} tidak aman untuk CSV"))
            continue
        total = combined_total(points.tasks)
        if max_grade is not None:
            top = max_total(points.tasks)
            total = round(total / top * max_grade, 2) if top else 0.0
        rows.append(Row(points.student, value, display_name(points.first_name, points.last_name, mine), total))
    seen: dict[str, list[Row]] = {}
    for row in rows:
        seen.setdefault(row.match.casefold(), []).append(row)
    shared = {key for key, group in seen.items() if len(group) > 1}
    if shared:
        for row in rows:
            if row.match.casefold() in shared:
                others = [r.student for r in seen[row.match.casefold()] if r is not row]
                left.append(Left(row.student, f"{label} {row.match} juga dipakai oleh {', '.join(others)}"))
        rows = [r for r in rows if r.match.casefold() not in shared]
    return rows, left


def moodle_csv(rows: Sequence[Row], match: str, grade_column: str) -> str:
    """The file: matching values as they are (:func:`build_rows` left out any a spreadsheet would run), names
    made inert, grades as numbers (:mod:`.csv_cells`)."""
    return csv_text([[MATCH_HEADERS[match], NAME_HEADER, grade_column]]
                    + [[row.match, row.name, float(row.total)] for row in rows])


# ------------------------------------------------------------------------------------------------ command
def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--course", default="exercises", help="folder kursus nbgrader (bawaan: exercises)")
    parser.add_argument("--assignment", required=True, help="nama tugas, misalnya m1_situs_web")
    parser.add_argument("--lms", choices=["moodle"], default="moodle", help="LMS tujuan (bawaan: moodle)")
    parser.add_argument("--match", choices=sorted(MATCH_FIELDS), default="email",
                        help="kolom pencocok peserta di Moodle: email (alamat surel, Email address) atau idnumber "
                             "(nomor ID, ID number); bawaan: email")
    parser.add_argument("--out", required=True, metavar="BERKAS", help="berkas CSV keluaran, atau - untuk layar")
    parser.add_argument("--max-grade", type=float, metavar="N",
                        help="skalakan nilai ke 0..N (misalnya 100); bawaan: poin apa adanya")
    parser.add_argument("--allow-ungraded", action="store_true",
                        help="ekspor juga peserta yang nilai manualnya belum lengkap (dihitung 0)")
    parser.add_argument("--db-url", default="", metavar="URL",
                        help="gradebook (URL SQLAlchemy); bawaan: seperti perintah grade")


def _gradebook_points(course: Course, rubric):
    url = course.db_url
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).is_file():
        raise CourseError(f"Gradebook {url[len('sqlite:///'):]} belum ada; jalankan dulu nbgrader generate_assignment "
                          "dan python -m autograders grade.")
    from nbgrader.api import MissingEntry

    from .gradebook import open_gradebook, submitted_points

    gb = open_gradebook(url)
    try:
        return submitted_points(gb, rubric)
    except MissingEntry:
        raise CourseError(f"Tugas {rubric.assignment} belum ada di gradebook; jalankan nbgrader generate_assignment "
                          f"{rubric.assignment}.") from None
    finally:
        gb.close()


def _write_out(target: str, text: str) -> None:
    if target == "-":
        sys.stdout.write(text)
        return
    path = Path(target)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    os.replace(tmp, path)


def run(args: argparse.Namespace) -> int:
    if args.max_grade is not None and not 0 < args.max_grade <= 10_000:
        print("Kesalahan: --max-grade harus lebih dari 0.", file=sys.stderr)
        return 2
    try:
        course = Course.at(args.course, args.db_url)
        rubric = load_rubric(course.rubric_path(args.assignment))
        points = _gradebook_points(course, rubric)
    except (CourseError, RubricError) as error:
        print(f"Kesalahan: {error}", file=sys.stderr)
        return 2
    rows, left = build_rows(points, intake_records(course, args.assignment), args.match, args.allow_ungraded,
                            args.max_grade)
    text = moodle_csv(rows, args.match, args.assignment)
    try:
        _write_out(args.out, text)
    except OSError as error:
        print(f"Kesalahan: {args.out} tidak dapat ditulis ({error.strerror}).", file=sys.stderr)
        return 2
    report = sys.stderr if args.out == "-" else sys.stdout
    where = "layar" if args.out == "-" else args.out
    print(f"{len(rows)} baris nilai {args.assignment} ditulis ke {where}.", file=report)
    if rows:
        print(f"Di Moodle: Nilai > Impor > Berkas CSV (pemisah koma, UTF-8); petakan kolom "
              f"'{MATCH_HEADERS[args.match]}' ke '{MOODLE_TARGET_LABELS[args.match]}' dan kolom "
              f"'{args.assignment}' ke item nilai tugas; abaikan kolom '{NAME_HEADER}'.", file=report)
    if left:
        print(f"{len(left)} peserta tidak diekspor:", file=sys.stderr)
        for item in left:
            print(f"  {item.student}: {item.reason}", file=sys.stderr)
    return 1 if left or not rows else 0
