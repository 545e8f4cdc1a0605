"""End to end with real nbgrader: notebooks as the exercise page writes them (from the release version that
``nbgrader generate_assignment`` made), taken in from a folder and from a Moodle "download all submissions" zip,
graded by ``python -m autograders grade`` and by ``nbgrader autograde`` (same points), graded by hand through
nbgrader's API as formgrader does, and exported as the CSV Moodle imports. Marked slow (nbgrader's kernels)."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from autograders.grading.gradebook import read_scores
from autograders.grading.rubric_file import load_rubric

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cohort as C  # noqa: E402
import intakekit as K  # noqa: E402

pytestmark = pytest.mark.slow

# Weak but on the task: bureaucratic and short, with two of the fact sheet's facts (an answer without any fact of
# the task scores 0 under the rubric's relevance gate, like an empty one).
WEAK_ARTICLE = ("Dalam rangka pelaksanaan program peningkatan kualitas pelayanan publik, bersama ini kami sampaikan "
                "bahwa terhitung mulai tanggal 4 Januari 2027 pelayanan administrasi kependudukan dipindahkan dari "
                "kantor kelurahan ke Mal Pelayanan Publik. Masyarakat dihimbau menyesuaikan diri.")
WEAK_NOTICE = "Pengumuman. Layanan pindah. Harap maklum."
SAVED_AT = "2025-01-01T00:00:00Z"  # what the trainee's computer said: never the submission time
# folder name in Moodle (or None: taken from a plain folder), participant id, student id, name, e-mail, kind
PEOPLE = [
    (None, None, "Budi.Santoso", "Budi Santoso", "Budi.Santoso@sukamaju.go.id", "strong"),
    (None, None, "rina", "Rina", "", "empty"),
    ("Siti Nur'aini", "4822", "siti", "Siti Nur'aini", "siti@sukamaju.go.id", "medium"),
    ("Ni Made Ayu Sri Wahyuni", "4823", "ayu.wahyuni", "Ayu Wahyuni", "ayu@sukamaju.go.id", "weak"),
    ("Ahmad Fauzi", "4824", "199001012015031001", "=HYPERLINK(\"http://x\") Ahmad", "fauzi@sukamaju.go.id", "strong"),
]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "autograders", *args], capture_output=True, text=True, env=C.env(),
                          cwd=cwd, timeout=600)


def answers_for(kind: str) -> dict:
    """strong: the model answers; medium: the model answer to the first task only; weak: weak texts; empty."""
    model, ids = K.model_answers(), K.answer_ids()
    if kind == "strong":
        return model
    if kind == "medium":
        return {ids[0]: model[ids[0]], **{gid: WEAK_NOTICE for gid in ids[1:]}}
    if kind == "weak":
        return {ids[0]: WEAK_ARTICLE, **{gid: WEAK_NOTICE for gid in ids[1:]}}
    return {}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    base = tmp_path_factory.mktemp("intake")
    course = base / "kursus"
    course.mkdir()
    shutil.copytree(K.COURSE_SRC / "source", course / "source")
    shutil.copytree(K.COURSE_SRC / "templates", course / "templates")
    shutil.copy(K.COURSE_SRC / "nbgrader_config.py", course / "nbgrader_config.py")
    C.nbgrader(course, "generate_assignment", K.ASSIGNMENT, "--force")
    rel = K.release(course)
    folder, members = base / "dari_buku", []
    folder.mkdir()
    for label, pid, sid, name, email, kind in PEOPLE:
        data = K.dumps(K.web_notebook(rel, sid, name, email, answers_for(kind), saved_at=SAVED_AT))
        if label is None:
            (folder / f"{sid}_{K.NOTEBOOK}").write_bytes(data)
        else:
            layout = "flat" if pid == "4824" else "folders41"
            members.append((K.moodle_member(label, pid, layout=layout), data))
    archive = K.write_zip(base / "KHD-Latihan Modul 1-77.zip", members)
    started = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    intake_folder = run("intake", "--course", str(course), "--assignment", K.ASSIGNMENT, str(folder))
    intake_zip = run("intake", "--course", str(course), "--assignment", K.ASSIGNMENT, str(archive), "--format", "json")
    ended = datetime.now(timezone.utc).replace(tzinfo=None)
    copy_b = base / "kursus_b"
    shutil.copytree(course, copy_b)
    graded = run("grade", "--course", str(course), "--assignment", K.ASSIGNMENT, "--format", "json", "--jobs", "1")
    auto = C.nbgrader(copy_b, "autograde", K.ASSIGNMENT, check=False)
    return {"course": course, "b": copy_b, "folder": intake_folder, "zip": intake_zip, "graded": graded,
            "auto": auto, "archive": archive, "window": (started, ended)}


def students() -> list[str]:
    return sorted(sid.lower() for _, _, sid, *_ in PEOPLE)


def test_both_intakes_file_every_notebook(world):
    assert world["folder"].returncode == 0, world["folder"].stdout + world["folder"].stderr
    assert "Ringkasan: 2 diarsipkan." in world["folder"].stdout
    assert world["zip"].returncode == 0, world["zip"].stdout + world["zip"].stderr
    rows = [json.loads(line) for line in world["zip"].stdout.splitlines()]
    assert [(r["status"], r["student"]) for r in rows] == [("filed", "siti"), ("filed", "ayu.wahyuni"),
                                                           ("filed", "199001012015031001")]
    filed = sorted(p.name for p in (world["course"] / "submitted").iterdir())
    assert filed == students()


def test_our_grader_accepts_them_with_the_expected_order(world):
    graded = world["graded"]
    assert graded.returncode == 0, graded.stderr
    rows = {r["student"]: r for r in map(json.loads, graded.stdout.splitlines())}
    assert sorted(rows) == students()
    for row in rows.values():
        assert row["flags"] == [] and row["error"] is None, row  # the kelas_humas metadata is no tampering
    assert rows["budi.santoso"]["score"] == rows["199001012015031001"]["score"]
    assert rows["budi.santoso"]["score"] > rows["siti"]["score"] > rows["ayu.wahyuni"]["score"] > rows["rina"]["score"] == 0


def test_nbgrader_autograde_accepts_them_with_the_same_points(world):
    from nbgrader.api import Gradebook

    rubric = load_rubric(world["course"] / "source" / K.ASSIGNMENT / "rubrik.yml")
    with Gradebook(f"sqlite:///{world['b'] / 'gradebook.db'}") as theirs, \
            Gradebook(f"sqlite:///{world['course'] / 'gradebook.db'}") as ours:
        for student in students():
            assert read_scores(theirs, rubric, student) == read_scores(ours, rubric, student), student
            # nbgrader read the intake's timestamp.txt: the time of the intake, not the trainee's saved_at.
            submitted = theirs.find_submission(K.ASSIGNMENT, student).timestamp
            assert world["window"][0] <= submitted <= world["window"][1], (submitted, world["window"])
    assert sorted(p.name for p in (world["b"] / "autograded").iterdir()) == students(), world["auto"].stderr[-2000:]


def give_manual_scores(course: Path, scores: dict[str, dict[str, float]]) -> None:
    """What an instructor does in formgrader: a manual score on each answer cell (through nbgrader's API)."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for student, cells in scores.items():
            for cell, value in cells.items():
                grade = gb.find_grade(cell, K.ASSIGNMENT, K.ASSIGNMENT, student)
                grade.manual_score = value
                grade.needs_manual_grade = False
        gb.db.commit()


def test_grades_go_back_out_as_the_csv_moodle_imports(world, tmp_path):
    course = world["course"]
    out = tmp_path / "nilai.csv"
    # Before the manual grading, answered tasks are incomplete: those trainees are left out and listed.
    early = run("grades-export", "--course", str(course), "--assignment", K.ASSIGNMENT, "--match", "email",
                "--out", str(out))
    assert early.returncode == 1 and "nilai manual belum diberikan" in early.stderr
    share = {"budi.santoso": 1.0, "siti": 0.5, "ayu.wahyuni": 0.25, "199001012015031001": 1.0}
    manual = {student: {task.answer: task.manual_points * part for task in K.rubric().tasks}
              for student, part in share.items()}
    give_manual_scores(course, manual)
    auto = {r["student"]: r["score"] for r in map(json.loads, world["graded"].stdout.splitlines())}
    expected = {s: round(auto[s] + sum(manual.get(s, {}).values()), 2) for s in students()}

    done = run("grades-export", "--course", str(course), "--assignment", K.ASSIGNMENT, "--match", "email",
               "--out", str(out))
    # rina typed no e-mail: left out (Moodle would abort the whole import on her row), listed, exit 1.
    assert done.returncode == 1 and "rina: tidak ada alamat surel" in done.stderr, done.stderr
    text = out.read_bytes().decode("utf-8")
    assert text.startswith("email,nama,m1_situs_web\r\n")
    emails = {"budi.santoso": "Budi.Santoso@sukamaju.go.id", "siti": "siti@sukamaju.go.id",
              "ayu.wahyuni": "ayu@sukamaju.go.id", "199001012015031001": "fauzi@sukamaju.go.id"}
    for decsep in (".", ","):
        assert K.moodle_reads(text, "email", decsep) == {emails[s]: expected[s] for s in emails}
    rows = list(csv.reader(io.StringIO(text)))
    names = {r[0]: r[1] for r in rows[1:]}
    assert names["fauzi@sukamaju.go.id"] == "'=HYPERLINK(\"http://x\") Ahmad"  # made inert
    assert names["siti@sukamaju.go.id"] == "Siti Nur'aini"

    by_id = run("grades-export", "--course", str(course), "--assignment", K.ASSIGNMENT, "--match", "idnumber",
                "--out", "-", "--max-grade", "100")
    assert by_id.returncode == 0, by_id.stderr
    top = load_rubric(course / "source" / K.ASSIGNMENT / "rubrik.yml")
    full = top.max_points + sum(t.manual_points for t in top.tasks)
    read = K.moodle_reads(by_id.stdout, "idnumber", ",")
    assert set(read) == {"Budi.Santoso", "rina", "siti", "ayu.wahyuni", "199001012015031001"}  # as written
    assert read["Budi.Santoso"] == round(expected["budi.santoso"] / full * 100, 2)
    assert read["rina"] == 0
