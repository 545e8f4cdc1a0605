"""The course a loopback hub test grades: the real course in exercises/ when it and our grader are ready,
otherwise a one-notebook fixture course written here."""

import importlib.util
import os
import re
import shutil

import nbformat

from hubkit import REPO

FIXTURE_COURSE_ID = "uji-kursus"
FIXTURE_ASSIGNMENT = "tugas1"


def real_course():
    """(course_id, assignment) of the real course when it can be graded by our grader, else None."""
    config = os.path.join(REPO, "exercises", "nbgrader_config.py")
    if not os.path.exists(config) or importlib.util.find_spec("autograders.grading.cli") is None:
        return None
    match = re.search(r'course_id\s*=\s*"([^"]+)"', open(config, encoding="utf-8").read())
    source = os.path.join(REPO, "exercises", "source")
    names = sorted(n for n in os.listdir(source)
                   if any(f.endswith(".ipynb") for f in os.listdir(os.path.join(source, n))))
    if not match or not names:
        return None
    return match.group(1), names[0]


def _fixture_notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("Tulis fungsi `judul_ok(judul)`: benar bila judul 40–60 karakter."),
        nbformat.v4.new_code_cell(
            "def judul_ok(judul):\n    ### BEGIN SOLUTION\n    return 40 <= len(judul) <= 60\n"
            "    ### END SOLUTION",
            metadata={"nbgrader": {"grade": False, "solution": True, "locked": False, "grade_id": "jawaban",
                                   "schema_version": 3}}),
        nbformat.v4.new_code_cell(
            "assert judul_ok('x' * 50)\nassert not judul_ok('x' * 10)",
            metadata={"nbgrader": {"grade": True, "solution": False, "locked": True, "grade_id": "uji_judul",
                                   "points": 2, "schema_version": 3}}),
    ]
    return nb


def write_fixture_course(course_dir):
    os.makedirs(os.path.join(course_dir, "source", FIXTURE_ASSIGNMENT))
    nbformat.write(_fixture_notebook(),
                   os.path.join(course_dir, "source", FIXTURE_ASSIGNMENT, f"{FIXTURE_ASSIGNMENT}.ipynb"))
    with open(os.path.join(course_dir, "nbgrader_config.py"), "w") as handle:
        handle.write(f'c = get_config()\nc.CourseDirectory.course_id = "{FIXTURE_COURSE_ID}"\n'
                     f'c.CourseDirectory.root = "{course_dir}"\n')
    return FIXTURE_COURSE_ID, FIXTURE_ASSIGNMENT


def install_course(course_dir):
    """Fill `course_dir` with the course to grade; returns (course_id, assignment, uses_our_grader)."""
    real = real_course()
    if real is None:
        return (*write_fixture_course(course_dir), False)
    shutil.copytree(os.path.join(REPO, "exercises"), course_dir,
                    ignore=shutil.ignore_patterns("gradebook.db", "submitted", "autograded", "feedback",
                                                  "release", "__pycache__", ".ipynb_checkpoints"))
    return (*real, True)


def answer(student_copy, source_copy, share):
    """Write answers into a trainee's fetched notebook: the model answer in the first `share` of the answer
    cells (share 1.0: all, 0.0: none). This is the test typing for the trainee."""
    student = nbformat.read(student_copy, as_version=4)
    source = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nbformat.read(source_copy, as_version=4).cells}
    answer_cells = [c for c in student.cells if c.metadata.get("nbgrader", {}).get("solution")]
    count = round(len(answer_cells) * share)
    for cell in answer_cells[:count]:
        model = source[cell.metadata["nbgrader"]["grade_id"]].source
        cell.source = re.sub(r"^\s*### (BEGIN|END) SOLUTION\s*$\n?", "", model, flags=re.M)
    nbformat.write(student, student_copy)
