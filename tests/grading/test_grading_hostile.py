"""The cohort grader against hostile input, with real nbgrader gradebooks: a pathological submission among honest
ones (time budget, results as they complete), ``--student`` validation, symbolic links inside ``submitted/``,
resuming against a rebuilt or new gradebook, and no gradebook password on a command line.

Marked ``slow``: it runs ``nbgrader generate_assignment`` and grades real notebooks.
"""
from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cohort as C  # noqa: E402

from autograders.grading.grader import grade_notebook  # noqa: E402
from autograders.grading.rubric_file import load_rubric  # noqa: E402

pytestmark = pytest.mark.slow
SOCIAL = "m3_media_sosial"


def make_course(target: Path, assignment: str) -> Path:
    (target / "source").mkdir(parents=True)
    shutil.copytree(C.COURSE_SRC / "source" / assignment, target / "source" / assignment)
    shutil.copytree(C.COURSE_SRC / "templates", target / "templates")
    shutil.copy(C.COURSE_SRC / "nbgrader_config.py", target / "nbgrader_config.py")
    C.nbgrader(target, "generate_assignment", assignment, "--force")
    return target


def grade(course: Path, assignment: str, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "autograders", "grade", "--course", str(course), "--assignment",
                           assignment, "--format", "json", *extra], capture_output=True, text=True, env=C.env(),
                          timeout=900)


def rows(done: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def gradebook_scores(course: Path, assignment: str, db: Path | None = None) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{db or course / 'gradebook.db'}") as gb:
        return {s.student.id: s.score for s in gb.assignment_submissions(assignment)}


def submit(course: Path, assignment: str, student: str, nb: dict) -> Path:
    folder = course / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{assignment}.ipynb"
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    (folder / "timestamp.txt").write_text("2027-01-05 10:00:00.000000 UTC\n", encoding="utf-8")
    return path



def model_answers(assignment: str, release: dict) -> dict[str, str]:
    sol = yaml.safe_load((C.COURSE_SRC / "authoring" / f"{assignment}.yml").read_text(encoding="utf-8"))
    answer_ids = [c["metadata"]["nbgrader"]["grade_id"] for c in release["cells"]
                  if c["metadata"].get("nbgrader", {}).get("solution")]
    texts = [v for v in sol.values() if isinstance(v, str)]
    return {gid: texts[i % len(texts)] for i, gid in enumerate(answer_ids)}


# ------------------------------------------------------------------------------------------------ time budget
@pytest.fixture(scope="module")
def social(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("sosial") / "kursus", SOCIAL)
    release = json.loads((course / "release" / SOCIAL / f"{SOCIAL}.ipynb").read_text(encoding="utf-8"))
    return course, release


def test_a_pathological_submission_never_holds_the_cohort(social):
    course, release = social
    rubric = load_rubric(course / "source" / SOCIAL / "rubrik.yml")
    models = model_answers(SOCIAL, release)
    honest = {f"jujur{n}": C.with_answers(release, {k: v + f"\n\nSalam, warga {n}." for k, v in models.items()})
              for n in range(8)}
    # Every answer at the 200,000-character cap, built from lines the X thread splitter and the sentence
    # splitter find hardest: the most work a legal submission can ask of the grader.
    unit = "Layanan KTP dibuka!!!!!!!! ?..... https://sukamajukab.go.id/a.a.a.a #LayananSukamaju @pemkab\n .\n"
    heavy = C.with_answers(release, {gid: unit * (200_000 // len(unit)) for gid in models})
    for student, nb in honest.items():
        submit(course, SOCIAL, student, nb)
    submit(course, SOCIAL, "aaa_patologis", heavy)  # sorted first: started first

    # The budget sits between the honest and the pathological work, measured here in this process (a ratio,
    # not a time: the honest answers are ~1 KB, the pathological ones 200 KB each, about 100 times the work).
    # It leans towards the pathological side: on a busy machine a short job is the one a pause can stretch.
    grade_notebook(honest["jujur0"], release, rubric)  # warm
    honest_cost = max(min(_seconds(grade_notebook, nb, release, rubric) for _ in range(3)) for nb in honest.values())
    heavy_cost = _seconds(grade_notebook, heavy, release, rubric)
    limit = max(heavy_cost / 4, math.sqrt(honest_cost * heavy_cost))

    done = grade(course, SOCIAL, "--jobs", "2", "--time-limit", f"{limit:.3f}")
    out = rows(done)
    assert done.returncode == 1, done.stderr  # one submission ended in an error
    order = [r["student"] for r in out]
    assert sorted(order) == sorted([*honest, "aaa_patologis"])
    # Started first, it would come first if results were held in order; honest ones completed meanwhile.
    assert order.index("aaa_patologis") > 0, "results were held in order"
    stopped = out[order.index("aaa_patologis")]
    others = [r for r in out if r["student"] != "aaa_patologis"]
    assert stopped["score"] == 0 and stopped["error"] and [f["code"] for f in stopped["flags"]] == ["time_limit"]
    expected = {s: grade_notebook(nb, release, rubric)["score"] for s, nb in honest.items()}
    assert {r["student"]: r["score"] for r in others} == expected
    assert all(r["error"] is None for r in others)

    # The instructor sees it in the gradebook (0, with the flag); it is not recorded as done, so a run with
    # a longer budget grades it.
    scores = gradebook_scores(course, SOCIAL)
    assert scores["aaa_patologis"] == 0 and set(scores) == set(honest) | {"aaa_patologis"}
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        comments = [c.auto_comment or "" for c in gb.find_submission(SOCIAL, "aaa_patologis").notebooks[0].comments]
    assert any("Melewati batas waktu penilaian: " in c for c in comments)  # the flag in words (flag_text)
    assert not (course / ".khd_grades" / SOCIAL / "aaa_patologis.json").exists()
    again = grade(course, SOCIAL, "--student", "aaa_patologis")
    assert again.returncode == 0, again.stderr
    assert rows(again)[0]["error"] is None and rows(again)[0]["score"] > 0


def _seconds(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


# ------------------------------------------------------------------------------------------------ the others
@pytest.fixture()
def small(tmp_path):
    course = make_course(tmp_path / "kursus", C.ASSIGNMENT)
    release = C.release(course)
    strong = {"jawaban_tulis_ulang": C.solutions()["tulis_ulang"], "jawaban_judul": C.solutions()["judul"]}
    for student in ("ani", "budi", "citra"):
        submit(course, C.ASSIGNMENT, student, C.with_answers(release, strong))
    return course, release


def test_student_ids_must_be_plain_and_exist(small, tmp_path):
    course, _ = small
    outside = tmp_path / "x"
    for bad in ("../../x", "../budi", "/etc", ".khd_grades", "ani+curang", "salah_ketik"):
        done = grade(course, C.ASSIGNMENT, "--student", bad)
        assert done.returncode == 2 and done.stderr.startswith("Kesalahan:"), (bad, done.stderr)
        assert "Traceback" not in done.stderr
    assert not outside.exists()
    assert gradebook_scores(course, C.ASSIGNMENT) == {}  # no phantom trainee
    assert not (course / "autograded").exists()
    done = grade(course, C.ASSIGNMENT, "--student", "budi")
    assert done.returncode == 0 and [r["student"] for r in rows(done)] == ["budi"]
    assert set(gradebook_scores(course, C.ASSIGNMENT)) == {"budi"}


def test_symlinks_inside_submitted_are_flagged_never_followed(small):
    course, release = small
    source_nb = course / "source" / C.ASSIGNMENT / f"{C.ASSIGNMENT}.ipynb"
    # budi's notebook becomes a link to the instructor's source (model answers, hidden tests) ...
    budi = course / "submitted" / "budi" / C.ASSIGNMENT / C.NOTEBOOK
    budi.unlink()
    budi.symlink_to(source_nb)
    # ... and a folder in the name of "dewi" points at ani's work.
    (course / "submitted" / "dewi").symlink_to(course / "submitted" / "ani")
    done = grade(course, C.ASSIGNMENT)
    out = {r["student"]: r for r in rows(done)}
    assert set(out) == {"ani", "budi", "citra", "dewi"}
    for student in ("budi", "dewi"):
        assert [f["code"] for f in out[student]["flags"]] == ["unsafe_file"], out[student]
        assert out[student]["score"] == 0 and out[student]["error"]
    assert out["ani"]["score"] == out["citra"]["score"] > 0
    assert not (course / "autograded" / "budi").exists() and not (course / "autograded" / "dewi").exists()


def test_resume_regrades_when_the_gradebook_no_longer_holds_the_grades(small, tmp_path):
    course, _ = small
    first = grade(course, C.ASSIGNMENT)
    scores = gradebook_scores(course, C.ASSIGNMENT)
    assert first.returncode == 0 and len(scores) == 3 and min(scores.values()) > 0
    # The assignment is removed from the gradebook and generated again (the README's way to change a rubric).
    C.nbgrader(course, "db", "assignment", "remove", C.ASSIGNMENT, "--force")
    C.nbgrader(course, "generate_assignment", C.ASSIGNMENT, "--force")
    assert gradebook_scores(course, C.ASSIGNMENT) == {}
    again = grade(course, C.ASSIGNMENT)
    assert again.returncode == 0, again.stderr
    assert gradebook_scores(course, C.ASSIGNMENT) == scores
    # A new gradebook (as when moving to PostgreSQL): everyone is written there too.
    other = tmp_path / "baru.db"
    config = course / "nbgrader_config.py"
    original = config.read_text(encoding="utf-8")
    config.write_text(original + f"\nc.CourseDirectory.db_url = 'sqlite:///{other}'\n", encoding="utf-8")
    C.nbgrader(course, "generate_assignment", C.ASSIGNMENT, "--force")
    third = grade(course, C.ASSIGNMENT)
    assert third.returncode == 0, third.stderr
    assert gradebook_scores(course, C.ASSIGNMENT, db=other) == scores
    # Unchanged submissions in an unchanged gradebook are still skipped.
    fourth = grade(course, C.ASSIGNMENT)
    assert {r["student"] for r in rows(fourth)} == set(scores)
    assert not any((course / "autograded").rglob("*.tmp"))


def test_a_gradebook_password_on_the_command_line_is_refused(small):
    course, _ = small
    secret = "rahasia-sekali"
    for url in (f"postgresql+psycopg2://nbgrader:{secret}@127.0.0.1:5432/gradebook",
                f"postgresql+psycopg2://nbgrader@127.0.0.1/gradebook?password={secret}"):
        done = grade(course, C.ASSIGNMENT, "--db-url", url)
        assert done.returncode == 2 and "kata sandi" in done.stderr and "~/.pgpass" in done.stderr
        assert secret not in done.stderr and done.stdout == ""
    assert not (course / "autograded").exists()
