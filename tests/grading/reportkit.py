"""A course with graded results, as ``python -m autograders grade`` leaves it, for the report tests: rubrics
copied from exercises/, results made by the real grader function on notebooks edited like trainees edit them,
recorded in ``.khd_grades/`` (no nbgrader run: the slow end-to-end test does that)."""
from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from autograders.grading.cli import STATE_VERSION
from autograders.grading.grader import grade_notebook
from autograders.grading.rubric_file import load_rubric

sys.path.insert(0, str(Path(__file__).resolve().parent))
from intakekit import release_like, source_nb  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
COURSE_SRC = REPO / "exercises"
ASSIGNMENT = "m2_menulis_daring"
WEAK = "Dalam rangka peningkatan pelayanan, bersama ini disampaikan bahwa layanan dialihkan."


def make_course(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(COURSE_SRC / "source", target / "source")
    return target


def rubric(course: Path, assignment: str = ASSIGNMENT):
    return load_rubric(course / "source" / assignment / "rubrik.yml")


def answers(kind: str) -> dict[str, str]:
    sol = yaml.safe_load((COURSE_SRC / "authoring" / f"{ASSIGNMENT}.yml").read_text(encoding="utf-8"))
    if kind == "strong":
        return {"jawaban_tulis_ulang": sol["tulis_ulang"], "jawaban_judul": sol["judul"]}
    return {"jawaban_tulis_ulang": WEAK, "jawaban_judul": "Pengumuman"}


def notebook(kind: str = "strong", change=None) -> tuple[dict, dict]:
    """(submission, release) for m2: the release with answers filled in, then ``change(nb)`` applied."""
    release = release_like(source_nb(ASSIGNMENT))
    nb = copy.deepcopy(release)
    given = answers(kind)
    for cell in nb["cells"]:
        gid = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if gid in given:
            cell["source"] = given[gid]
    if change is not None:
        change(nb)
    return nb, release


def cell_index(nb: dict, grade_id: str) -> int:
    return next(i for i, c in enumerate(nb["cells"]) if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)


def record(course: Path, student: str, kind: str = "strong", change=None, **extra) -> dict:
    """Grade one notebook with the real grader function and record the result as the grade command does."""
    nb, release = notebook(kind, change)
    result = grade_notebook(nb, release, rubric(course), student)
    result.update(extra)
    folder = course / ".khd_grades" / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha256(student.encode("utf-8")).hexdigest()[:16]  # any id, even one no folder could hold
    (folder / f"{name}.json").write_text(json.dumps({"version": STATE_VERSION, "result": result},
                                                    ensure_ascii=False), encoding="utf-8")
    return result


_EMPTY_GRADEBOOK: list[Path] = []


def _empty_gradebook() -> Path:
    """A new gradebook, made once per test session: nbgrader runs ``alembic`` for every new database file."""
    if not _EMPTY_GRADEBOOK:
        from nbgrader.api import Gradebook

        folder = Path(tempfile.mkdtemp(prefix="khd-gradebook-"))
        path = os.environ.get("PATH", "")
        os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{path}"  # nbgrader runs alembic from PATH
        try:
            Gradebook(f"sqlite:///{folder / 'gradebook.db'}").close()
        finally:
            os.environ["PATH"] = path
        _EMPTY_GRADEBOOK.append(folder / "gradebook.db")
    return _EMPTY_GRADEBOOK[0]


def add_names(course: Path, names: dict[str, tuple[str, str]]) -> None:
    """Students with first and last names in the course's gradebook (as ``nbgrader db student import`` does)."""
    from nbgrader.api import Gradebook

    if not (course / "gradebook.db").exists():
        shutil.copy(_empty_gradebook(), course / "gradebook.db")
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for student, (first, last) in names.items():
            gb.update_or_create_student(student, first_name=first, last_name=last)


def run_report(course: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    """The report command, in this process (its command line is tested end to end in the slow tests)."""
    import argparse
    import contextlib
    import io

    from autograders.grading import report_cli

    parser = argparse.ArgumentParser()
    report_cli.add_arguments(parser)
    args = parser.parse_args(["--course", str(course), "--out", str(out), *extra])
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = report_cli.run(args)
    return code, stdout.getvalue(), stderr.getvalue()
