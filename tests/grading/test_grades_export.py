"""``python -m autograders grades-export``: the CSV Moodle's "Import grades from CSV" takes. The gradebook round
trip (real nbgrader gradebook, manual scores) is in test_intake_end_to_end.py; here the rows and the file format,
checked against Moodle's import rules as its source states them (autograders/grading/moodle.py)."""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

from autograders.grading.gradebook import SubmissionPoints, TaskPoints
from autograders.grading.csv_cells import formula_like, inert, number_text as grade_text
from autograders.grading.grades_export import build_rows, combined_total, moodle_csv

sys.path.insert(0, str(Path(__file__).resolve().parent))
from intakekit import NUMERIC, moodle_reads  # noqa: E402


def points(student, email="", auto=(8.0, 3.0), manual=(2.0, 1.0), first="", last="", found=True):
    tasks = (TaskPoints("artikel", auto[0], 10.0, manual[0], 2.0), TaskPoints("pengumuman", auto[1], 4.0, manual[1], 1.0))
    return SubmissionPoints(student, first, last, email, tasks, found)


def record(student, student_id=None, email="", name="", filed_at="2026-12-08T02:30:00+00:00"):
    return {"student": student, "student_id": student_id or student, "email": email, "student_name": name,
            "filed_at": filed_at}


def test_file_format_header_mapping_column_and_decimal_point():
    rows, left = build_rows([points("budi", "budi@sukamaju.go.id", auto=(7.5, 2.25), manual=(1.0, 0.5)),
                             points("siti", "Siti.Aminah@Sukamaju.go.id", auto=(10.0, 4.0), manual=(2.0, 1.0))],
                            {}, "email", False, None)
    assert left == []
    text = moodle_csv(rows, "email", "m1_situs_web")
    assert text.startswith("email,nama,m1_situs_web\r\n") and not text.startswith("\ufeff")
    assert text.count("\r\n") == 3
    for decsep in (".", ","):  # an English site and an Indonesian one read the same numbers
        assert moodle_reads(text, "email", decsep) == {"budi@sukamaju.go.id": 11.25, "Siti.Aminah@Sukamaju.go.id": 17.0}


def test_grade_text_is_plain_decimal():
    assert [grade_text(v) for v in (0, 0.0, 12, 12.5, 12.25, 12.333333, 99.999, 100, -0.0)] == [
        "0", "0", "12", "12.5", "12.25", "12.33", "100", "100", "0"]
    assert all(NUMERIC.match(grade_text(v / 7)) for v in range(0, 200))


def test_idnumber_is_the_id_as_the_trainee_wrote_it():
    recs = {"budi01": [record("budi01", "BUDI01")], "siti": []}
    rows, left = build_rows([points("budi01"), points("siti")], recs, "idnumber", False, None)
    assert [(r.student, r.match) for r in rows] == [("budi01", "BUDI01"), ("siti", "siti")] and left == []
    text = moodle_csv(rows, "idnumber", "m1_situs_web")
    assert text.splitlines()[0] == "idnumber,nama,m1_situs_web"
    assert moodle_reads(text, "idnumber", ",") == {"BUDI01": 14.0, "siti": 14.0}


def test_email_comes_from_the_roster_first_then_the_intake_record():
    recs = {"budi": [record("budi", email="budi.pribadi@gmail.com")], "siti": [record("siti", email="siti@kab.go.id")],
            "rudi": [record("rudi", email="")]}
    rows, left = build_rows([points("budi", email="budi@sukamaju.go.id"), points("siti"), points("rudi")], recs,
                            "email", False, None)
    assert {r.student: r.match for r in rows} == {"budi": "budi@sukamaju.go.id", "siti": "siti@kab.go.id"}
    assert [(x.student, "tidak ada alamat surel" in x.reason) for x in left] == [("rudi", True)]


def test_rows_moodle_would_choke_on_are_left_out_and_listed():
    recs = {"a": [record("a", email="sama@kab.go.id")], "b": [record("b", email="SAMA@kab.go.id")],
            "c": [record("c", email="=1+1@kab.go.id")], "d": [record("d", email="d@kab.go.id")],
            "e": [record("e", email="e@kab.go.id")], "f": [record("f", email="f@kab.go.id")]}
    rows, left = build_rows([points("a"), points("b"), points("c"), points("d", manual=(None, 1.0)),
                             points("e", auto=(None, 2.0)), points("f", found=False)], recs, "email", False, None)
    assert rows == []
    reasons = {x.student: x.reason for x in left}
    assert "juga dipakai oleh b" in reasons["a"] and "juga dipakai oleh a" in reasons["b"]
    assert "tidak aman" in reasons["c"]
    assert "nilai manual belum diberikan (artikel)" in reasons["d"] and "--allow-ungraded" in reasons["d"]
    assert "belum dinilai otomatis (artikel)" in reasons["e"]
    assert "tidak ada di gradebook" in reasons["f"]
    rows, _ = build_rows([points("d", manual=(None, 1.0))], recs, "email", True, None)
    assert [(r.student, r.total) for r in rows] == [("d", 12.0)]  # the missing manual points count as 0


def test_max_grade_rescales_to_the_grade_item():
    rows, _ = build_rows([points("budi", "b@kab.go.id", auto=(10.0, 4.0), manual=(2.0, 1.0)),
                          points("siti", "s@kab.go.id", auto=(5.0, 2.0), manual=(1.0, 0.5))], {}, "email", False, 100)
    assert [r.total for r in rows] == [100.0, 50.0]


def test_the_exported_total_follows_the_final_grade_rule():
    # The instructor marked the first task wrong in substance (0): its 7.5 automatic points do not count.
    tasks = points("x", auto=(7.5, 2.0), manual=(0.0, 1.0)).tasks
    assert combined_total(tasks) == 3.0
    assert combined_total(points("y", auto=(7.5, 2.0), manual=(1.0, 1.0)).tasks) == 11.5


# ------------------------------------------------------------------------------------------------ formula injection
@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://x\",\"klik\")", "+62 812", "-1+1", "@SUM(A1:A9)",
                                  "\t=1+1", "\r=1+1", "  =1+1", "=1+1\n=2+2"])
def test_text_cells_that_look_like_formulas_are_made_inert(name):
    cell = inert(name)
    assert cell.startswith("'") and cell.isprintable()
    recs = {"budi": [record("budi", email="budi@kab.go.id", name=name)]}
    rows, _ = build_rows([points("budi")], recs, "email", False, None)
    line = list(csv.reader(io.StringIO(moodle_csv(rows, "email", "m1_situs_web"))))[1]
    assert line[1] == cell and not formula_like(line[1])


def test_ordinary_names_are_untouched():
    for name in ("Budi Santoso", "Ni Made Ayu", "Siti Nur'aini", "O'Neil", "Çelik, S.Kom."):
        assert inert(name) == name


def test_the_command_without_a_gradebook_is_a_clear_error(tmp_path):
    import os
    import subprocess

    import intakekit as K

    course = K.make_course(tmp_path / "kursus")
    env = dict(os.environ, PYTHONPATH=str(K.REPO))
    done = subprocess.run([sys.executable, "-m", "autograders", "grades-export", "--course", str(course),
                           "--assignment", K.ASSIGNMENT, "--out", str(tmp_path / "nilai.csv")],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 2 and done.stderr.startswith("Kesalahan: Gradebook")
    assert not (course / "gradebook.db").exists() and not (tmp_path / "nilai.csv").exists()
    helped = subprocess.run([sys.executable, "-m", "autograders", "grades-export", "--help"], capture_output=True,
                            text=True, env=env, timeout=120)
    assert "Penggunaan:" in helped.stdout and "--match" in helped.stdout and "Email" in helped.stdout
