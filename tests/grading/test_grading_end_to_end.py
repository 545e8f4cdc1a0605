"""End to end, in a temporary copy of the course: generate every assignment, fabricate a cohort of 35
submissions, run ``nbgrader autograde`` (copy A) and our grader (copy B), then feedback and reports.

Runs in the normal test command (marked ``slow``; about two minutes, most of it nbgrader's kernels).
"""
from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autograders.grading.feedback_html import TRACEBACK_NOTE
from autograders.grading.gradebook import read_scores
from autograders.grading.rubric_file import load_rubric

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cohort as C  # noqa: E402
from test_safe_links import HOSTILE_IMAGES, HOSTILE_LINKS, addresses, assert_inert  # noqa: E402

pytestmark = pytest.mark.slow
EXTERNAL = re.compile(r"<(?:script|link)\b[^>]*(?:src|href)\s*=\s*[\"']?(?:https?:)?//|url\(\s*[\"']?(?:https?:)?//"
                      r"|@import\s+[\"']?(?:https?:)?//", re.IGNORECASE)
HIDDEN_MARKERS = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "_sys.modules")


def grade_cmd(course: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "autograders", "grade", "--course", str(course), "--assignment", C.ASSIGNMENT,
            "--format", "json", *extra]


def parse_lines(text: str) -> dict[str, dict]:
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return {row["student"]: row for row in rows}


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    base = tmp_path_factory.mktemp("kursus")
    course_a = C.make_course(base / "a")
    assert sorted(p.name for p in (course_a / "release").iterdir()) == [
        "m0_pengantar", "m1_situs_web", "m2_menulis_daring", "m3_media_sosial", "m4_seo", "m5_monitoring",
        "m6_siaran_pers", "m7_hoaks_krisis"]
    # The student version carries no hidden test and no model answer.
    for nb_path in (course_a / "release").glob("*/*.ipynb"):
        text = nb_path.read_text(encoding="utf-8")
        assert "BEGIN HIDDEN TESTS" not in text and "JAWABAN ANDA" in text
    people = C.fabricate(course_a)
    course_b = base / "b"
    shutil.copytree(course_a, course_b)

    started = time.perf_counter()
    auto = C.nbgrader(course_a, "autograde", C.ASSIGNMENT, "--Execute.timeout=5",
                      "--ExecutePreprocessor.timeout=5", check=False)
    nbgrader_seconds = time.perf_counter() - started

    # Our grader, killed half way through, then run again.
    proc = subprocess.Popen(grade_cmd(course_b, "--jobs", "1"), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=C.env(), text=True)
    first = []
    for line in proc.stdout:
        first.append(line)
        if len(first) == 5:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait()
    started = time.perf_counter()
    again = subprocess.run(grade_cmd(course_b, "--jobs", "2"), capture_output=True, text=True, env=C.env())
    ours_seconds = time.perf_counter() - started
    return {"a": course_a, "b": course_b, "people": people, "auto": auto, "first": parse_lines("".join(first)),
            "ours": parse_lines(again.stdout), "ours_rc": again.returncode, "ours_err": again.stderr,
            "times": (nbgrader_seconds, ours_seconds)}


def nbgrader_scores(course: Path, students) -> dict[str, dict]:
    from nbgrader.api import Gradebook, MissingEntry

    rubric = load_rubric(course / "source" / C.ASSIGNMENT / "rubrik.yml")
    out = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for student in students:
            try:
                gb.find_submission(C.ASSIGNMENT, student)
            except MissingEntry:
                continue
            out[student] = read_scores(gb, rubric, student)
    return out


def our_task_points(course: Path, student: str) -> dict[str, float]:
    state = json.loads((course / ".khd_grades" / C.ASSIGNMENT / f"{student}.json").read_text(encoding="utf-8"))
    return {t["test_cell"]: t["points"] for t in state["result"]["tasks"]}


def test_every_student_is_graded_once_after_a_kill(cohort):
    people, ours = cohort["people"], cohort["ours"]
    assert len(people) >= 30
    assert set(ours) == set(people), cohort["ours_err"]
    assert cohort["ours_rc"] == 1  # one invalid notebook
    for student, row in cohort["first"].items():
        assert ours[student]["score"] == row["score"]
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{cohort['b'] / 'gradebook.db'}") as gb:
        subs = gb.assignment_submissions(C.ASSIGNMENT)
        assert sorted(s.student.id for s in subs) == sorted(people)
        for sub in subs:
            assert sub.score >= 0
    assert set(p.stem for p in (cohort["b"] / ".khd_grades" / C.ASSIGNMENT).glob("*.json")) == set(people)


def test_a_rerun_changes_nothing(cohort):
    before = nbgrader_scores(cohort["b"], cohort["people"])
    again = subprocess.run(grade_cmd(cohort["b"]), capture_output=True, text=True, env=C.env())
    assert {s: r["score"] for s, r in parse_lines(again.stdout).items()} == {s: r["score"] for s, r in cohort["ours"].items()}
    assert nbgrader_scores(cohort["b"], cohort["people"]) == before


def test_score_ordering(cohort):
    ours, people = cohort["ours"], cohort["people"]
    by_kind = lambda kind: [ours[s]["score"] for s, p in people.items() if p["kind"] == kind and not p["flag"]]
    strong, medium, weak, empty = by_kind("strong"), by_kind("medium"), by_kind("weak"), by_kind("empty")
    assert min(strong) > max(medium) > max(weak) > max(empty) == 0
    assert ours["sejuta"]["error"] is None and 0 < ours["sejuta"]["score"] <= ours["sejuta"]["max_score"]


def test_code_written_in_an_answer_never_runs(cohort):
    # The "kode_jawaban" trainee wrote code that would create this file; both graders have run by now.
    assert not C.CODE_RAN_MARKER.exists()


def test_every_flag_is_raised_and_the_cohort_goes_on(cohort):
    ours, people = cohort["ours"], cohort["people"]
    for student, p in people.items():
        found = [f["code"] for f in ours[student]["flags"]]
        if p["flag"]:
            assert p["flag"] in found, (student, found)
            assert all(f["message"] for f in ours[student]["flags"])
        else:
            assert found == [], (student, found)
    assert ours["rusak"]["error"] and ours["rusak"]["score"] == 0


def test_same_points_as_nbgrader_autograde_on_honest_submissions(cohort):
    people = cohort["people"]
    honest = [s for s, p in people.items() if not p["flag"] and p["kind"] in ("strong", "medium", "weak", "empty", "big")]
    theirs = nbgrader_scores(cohort["a"], honest)
    assert set(theirs) == set(honest), cohort["auto"].stderr[-2000:]
    for student in honest:
        assert theirs[student] == our_task_points(cohort["b"], student), student


def test_monkeypatching_trainee_gains_nothing(cohort):
    ours, people = cohort["ours"], cohort["people"]
    weak_scores = {ours[s]["score"] for s, p in people.items() if p["kind"] == "weak" and not p["flag"]}
    assert ours["tambal_fungsi"]["score"] in weak_scores
    # nbgrader autograde ran the trainee's code in the kernel first; the test cells still gave honest points.
    theirs = nbgrader_scores(cohort["a"], ["tambal_fungsi", "lemah00"])
    assert theirs["tambal_fungsi"] == theirs["lemah00"]
    # The infinite loop was interrupted and did not stop grading; our grader never ran it.
    assert ours["loop_abadi"]["score"] == ours["kuat00"]["score"]


def test_feedback_has_no_hidden_tests_and_no_external_urls(cohort):
    for course in (cohort["a"], cohort["b"]):
        C.nbgrader(course, "generate_feedback", C.ASSIGNMENT, check=False)
        pages = list((course / "feedback").glob(f"*/{C.ASSIGNMENT}/*.html"))
        assert len(pages) >= 25
        for page in pages:
            text = page.read_text(encoding="utf-8")
            assert not any(marker in text for marker in HIDDEN_MARKERS), page
            assert "Traceback (most recent call last)" not in text and "Cell In[" not in text
            assert not EXTERNAL.search(text), (page, EXTERNAL.search(text).group(0))
            assert "<script>alert" not in text
    # The interrupted infinite loop left an error in nbgrader's copy: feedback shows a note, not the traceback.
    loop = next((cohort["a"] / "feedback" / "loop_abadi" / C.ASSIGNMENT).glob("*.html")).read_text(encoding="utf-8")
    assert TRACEBACK_NOTE in loop
    # Course b was graded by our grader: the gradebook comment names the flag and the cell in words, and the page
    # (exercises/templates/feedback_offline/index.html.j2) is in Indonesian with no cell id shown.
    edited = visible_text(next((cohort["b"] / "feedback" / "ubah_sel" / C.ASSIGNMENT).glob("*.html")))
    assert "Sel terkunci diubah" in edited and "sel petunjuk “Tugas 1:" in edited
    assert "Jawaban Anda" in edited and "Penilaian otomatis" in edited
    # the comment our grader wrote is "Umpan balik", not an instructor's comment, in the box and the list of links
    raw = next((cohort["b"] / "feedback" / "ubah_sel" / C.ASSIGNMENT).glob("*.html")).read_text(encoding="utf-8")
    assert "<strong>Umpan balik:</strong>" in raw and ">Umpan balik</a>" in raw and "Komentar instruktur" not in raw
    for shown in (edited, visible_text(next((cohort["b"] / "feedback" / "kuat00" / C.ASSIGNMENT).glob("*.html")))):
        for word in ("cell_edited", "petunjuk_tulis_ulang", "uji_judul", "jawaban_judul", "Grade cell",
                     "Student's answer", "Score:", "In [", "Out["):
            assert word not in shown, word


def visible_text(path: Path) -> str:
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self):
            super().__init__()
            self.parts, self.hidden = [], 0

        def handle_starttag(self, tag, attrs):
            self.hidden += tag in ("style", "script")

        def handle_endtag(self, tag):
            self.hidden -= tag in ("style", "script")

        def handle_data(self, data):
            if not self.hidden:
                self.parts.append(data)

    parser = Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


def test_reports(cohort, tmp_path):
    import csv

    done = subprocess.run([sys.executable, "-m", "autograders", "report", "--course", str(cohort["b"]),
                           "--assignment", C.ASSIGNMENT, "--out", str(tmp_path)], capture_output=True, text=True,
                          env=C.env())
    assert done.returncode == 0, done.stderr
    with open(tmp_path / f"nilai_{C.ASSIGNMENT}.csv", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    assert any(h.startswith("tulis_ulang.kalimat") for h in header) and any(h.startswith("judul.fakta") for h in header)
    assert len(rows) - 1 == len(cohort["people"])
    # No instructor points yet: every final grade is provisional and equals the automatic points.
    column = {name.split(" (")[0]: index for index, name in enumerate(header)}
    by_student = {row[0]: row for row in rows[1:]}
    strong = by_student["kuat00"]
    assert strong[column["status nilai"]].startswith("sementara")
    assert float(strong[column["nilai akhir"]]) == float(strong[column["total otomatis"]]) > 0
    cohort_html = (tmp_path / "laporan_kohort.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in cohort_html and not EXTERNAL.search(cohort_html)
    assert '<html lang="id">' in cohort_html
    pages = list((tmp_path / "umpan_balik" / C.ASSIGNMENT).glob("*.html"))
    assert len(pages) == len(cohort["people"])
    skrip = (tmp_path / "umpan_balik" / C.ASSIGNMENT / "skrip.html").read_text(encoding="utf-8")
    assert "<script>" not in skrip and "<img src=x" not in skrip


def test_a_comment_on_the_feedback_page_is_markdown_without_raw_html(cohort, tmp_path):
    """The comment nbgrader's feedback page shows (the instructor's, or our grader's automatic one that quotes what
    it found in the answer) keeps its Markdown but never runs as HTML."""
    from nbgrader.api import Gradebook

    course = tmp_path / "kursus"
    shutil.copytree(cohort["b"], course)
    notebook = C.NOTEBOOK[:-6]
    links = " ".join(HOSTILE_LINKS + HOSTILE_IMAGES)  # javascript:, vbscript:, data:, tracking images
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        comment = gb.find_comment("jawaban_tulis_ulang", notebook, C.ASSIGNMENT, "kuat00")
        comment.manual_comment = ("Alamat **salah**.\n<script>alert('k')</script> <img src=x onerror=alert(3)>\n"
                                  f"[Pedoman](https://example.org/pedoman) {links}")
        gb.db.commit()
    # The same addresses in the trainee's answer (nbgrader's autograded copy is what the page is made from).
    autograded = course / "autograded" / "kuat00" / C.ASSIGNMENT / C.NOTEBOOK
    nb = json.loads(autograded.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "jawaban_tulis_ulang":
            cell["source"] = f"Jawaban [situs](https://kominfo.go.id) ![foto](pbb.png) {links}"
    autograded.write_text(json.dumps(nb), encoding="utf-8")
    C.nbgrader(course, "generate_feedback", C.ASSIGNMENT, "--student", "kuat00", "--force")
    page = next((course / "feedback" / "kuat00" / C.ASSIGNMENT).glob("*.html")).read_text(encoding="utf-8")
    assert "<strong>salah</strong>" in page and "&lt;script&gt;alert(" in page
    assert "<script>alert" not in page and "<img src=x" not in page
    assert_inert(page)  # no javascript:, vbscript: or data: link, no outside image, in the answer or the comment
    shown = [value for _, _, value in addresses(page)]
    assert "https://example.org/pedoman" in shown and "https://kominfo.go.id" in shown and "pbb.png" in shown


def test_a_task_the_instructor_marks_wrong_keeps_no_automatic_points(cohort, tmp_path):
    """The honest-totals rule through the real gradebook: the instructor gives 0 on one task of a strong answer
    (wrong in substance) and full points on the other; the report's final grade drops that task's automatic points."""
    import csv

    from nbgrader.api import Gradebook

    course = tmp_path / "kursus"
    shutil.copytree(cohort["b"], course)
    rubric = load_rubric(course / "source" / C.ASSIGNMENT / "rubrik.yml")
    first, second = rubric.tasks
    notebook = rubric.notebook[:-6]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        gb.find_grade(first.answer, notebook, C.ASSIGNMENT, "kuat00").manual_score = 0.0
        gb.find_grade(second.answer, notebook, C.ASSIGNMENT, "kuat00").manual_score = second.manual_points
        gb.db.commit()
    done = subprocess.run([sys.executable, "-m", "autograders", "report", "--course", str(course),
                           "--assignment", C.ASSIGNMENT, "--out", str(tmp_path / "out")], capture_output=True,
                          text=True, env=C.env())
    assert done.returncode == 0, done.stderr
    with open(tmp_path / "out" / f"nilai_{C.ASSIGNMENT}.csv", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    column = {name.split(" (")[0]: index for index, name in enumerate(rows[0])}
    row = next(r for r in rows[1:] if r[0] == "kuat00")
    auto_second = float(row[column[second.id]])
    assert float(row[column[first.id]]) > 0  # the machine's points are still reported as they were
    assert float(row[column["nilai akhir"]]) == round(auto_second + second.manual_points, 2)
    assert row[column["status nilai"]] == "final"
    assert row[column["tugas tanpa poin otomatis"]] == first.id
    page = (tmp_path / "out" / "umpan_balik" / C.ASSIGNMENT / "kuat00.html").read_text(encoding="utf-8")
    assert "poin otomatisnya tidak dihitung" in page


def test_our_grader_is_much_faster(cohort):
    nbgrader_seconds, ours_seconds = cohort["times"]
    assert ours_seconds * 5 < nbgrader_seconds


def test_the_gradebook_opens_without_loading_all_of_nbgrader(cohort):
    """The course config asks nbgrader for its templates folder; that must not load nbgrader's server extensions
    (seconds of every grading run), and the gradebook it names must still be the one opened."""
    probe = (
        "import sys\n"
        "from autograders.grading.cli import _open_gradebook\n"
        "from autograders.grading.course import Course\n"
        f"gb = _open_gradebook(Course.at({str(cohort['a'])!r}))\n"
        "print(gb.engine.url.database)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('nbgrader.apps', 'nbgrader.server_extensions', 'jupyter_server'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=C.REPO, env=C.env())
    assert done.returncode == 0, done.stderr
    database, loaded = done.stdout.splitlines()
    assert Path(database).resolve() == (cohort["a"] / "gradebook.db").resolve()
    assert loaded == "[]"


def test_a_quiz_with_one_cell_per_question_gets_the_same_points_from_both_graders(tmp_path):
    """m0's quiz: four answer cells in one task. nbgrader autograde (the hidden test cell) and our grader read
    every cell and agree; the gradebook keeps the manual point on the first cell only."""
    from nbgrader.api import Gradebook

    course = tmp_path / "kursus"
    course.mkdir()
    shutil.copytree(C.COURSE_SRC / "source", course / "source")
    shutil.copytree(C.COURSE_SRC / "templates", course / "templates")
    shutil.copy(C.COURSE_SRC / "nbgrader_config.py", course / "nbgrader_config.py")
    C.nbgrader(course, "generate_assignment", "m0_pengantar", "--force")
    release = json.loads((course / "release" / "m0_pengantar" / "m0_pengantar.ipynb").read_text(encoding="utf-8"))
    answers = {
        "benar": {"jawaban_kuis_1": "UU Nomor 14 Tahun 2008.", "jawaban_kuis_2": "Berkala, serta merta, setiap saat.",
                  "jawaban_kuis_3": "Setiap enam bulan.", "jawaban_kuis_4": "10 hari kerja; perpanjangan 7 hari kerja."},
        "tertukar": {"jawaban_kuis_1": "UU Nomor 14 Tahun 2008.", "jawaban_kuis_4": "7 hari kerja; perpanjangan 10 hari kerja."},
    }
    for student, cells in answers.items():
        folder = course / "submitted" / student / "m0_pengantar"
        folder.mkdir(parents=True)
        (folder / "m0_pengantar.ipynb").write_text(json.dumps(C.with_answers(release, cells)), encoding="utf-8")
        (folder / "timestamp.txt").write_text("2027-01-05 10:00:00.000000 UTC\n", encoding="utf-8")
    theirs_course = tmp_path / "nbgrader"
    shutil.copytree(course, theirs_course)
    C.nbgrader(theirs_course, "autograde", "m0_pengantar", "--ExecutePreprocessor.timeout=60", check=False)
    done = subprocess.run([sys.executable, "-m", "autograders", "grade", "--course", str(course), "--assignment",
                           "m0_pengantar", "--format", "json", "--jobs", "1"], capture_output=True, text=True, env=C.env())
    ours = parse_lines(done.stdout)
    rubric = load_rubric(course / "source" / "m0_pengantar" / "rubrik.yml")
    quiz = rubric.task("kuis")
    with Gradebook(f"sqlite:///{theirs_course / 'gradebook.db'}") as gb:
        theirs = {s: read_scores(gb, rubric, s) for s in answers}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        mine = {s: read_scores(gb, rubric, s) for s in answers}
        assert gb.find_grade("jawaban_kuis_2", "m0_pengantar", "m0_pengantar", "benar").max_score == 0
        assert gb.find_grade("jawaban_kuis_1", "m0_pengantar", "m0_pengantar", "benar").max_score == quiz.manual_points
    assert theirs == mine
    assert mine["benar"][quiz.test_cell] == quiz.max_points
    assert mine["tertukar"][quiz.test_cell] == 1.0  # only the first question: the swapped deadlines score nothing
    assert ours["benar"]["score"] == quiz.max_points and ours["tertukar"]["score"] == 1.0



def test_module_7_gets_the_same_points_from_both_graders(tmp_path):
    """Module 7's model answer and every gaming and off-task answer of its labelled set, graded by nbgrader
    autograde (the hidden test cells) and by our grader: the same points per task, and every gaming answer at least
    40 % of the task's automatic points below the model answer. (Every assignment's model answer goes through both
    graders from the book's page in tests/book/test_web_practice.py.)"""
    import yaml
    from nbgrader.api import Gradebook

    import labelled_set as L

    assignment = "m7_hoaks_krisis"
    course = tmp_path / "kursus"
    course.mkdir()
    shutil.copytree(C.COURSE_SRC / "source" / assignment, course / "source" / assignment)
    shutil.copytree(C.COURSE_SRC / "templates", course / "templates")
    shutil.copy(C.COURSE_SRC / "nbgrader_config.py", course / "nbgrader_config.py")
    C.nbgrader(course, "generate_assignment", assignment, "--force")
    rubric = load_rubric(course / "source" / assignment / "rubrik.yml")
    release = json.loads((course / "release" / assignment / rubric.notebook).read_text(encoding="utf-8"))
    model = yaml.safe_load((C.COURSE_SRC / "authoring" / f"{assignment}.yml").read_text(encoding="utf-8"))
    students = {"model": {t.answer: model[t.id] for t in rubric.tasks}}
    for item in L.load([assignment]):
        if item.band in ("gaming", "off_task"):
            students[item.id.replace("-", "_")] = dict(item.cells)
    for student, answers in students.items():
        folder = course / "submitted" / student / assignment
        folder.mkdir(parents=True)
        (folder / rubric.notebook).write_text(json.dumps(C.with_answers(release, answers)), encoding="utf-8")
        (folder / "timestamp.txt").write_text("2027-03-08 10:00:00.000000 UTC\n", encoding="utf-8")
    theirs_course = tmp_path / "nbgrader"
    shutil.copytree(course, theirs_course)
    C.nbgrader(theirs_course, "autograde", assignment, "--ExecutePreprocessor.timeout=120", check=False)
    done = subprocess.run([sys.executable, "-m", "autograders", "grade", "--course", str(course), "--assignment",
                           assignment, "--format", "json", "--jobs", "2"], capture_output=True, text=True, env=C.env())
    ours = parse_lines(done.stdout)
    with Gradebook(f"sqlite:///{theirs_course / 'gradebook.db'}") as gb:
        theirs = {s: read_scores(gb, rubric, s) for s in students}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        mine = {s: read_scores(gb, rubric, s) for s in students}
    assert theirs == mine
    for task in rubric.tasks:
        assert mine["model"][task.test_cell] == task.max_points, task.id
    for student, answers in students.items():
        assert ours[student]["score"] == pytest.approx(sum(mine[student].values()), abs=0.011), student
        if student == "model":
            continue
        for task in rubric.tasks:
            if task.answer in answers:  # the task this answer was written for
                assert mine[student][task.test_cell] <= 0.6 * task.max_points, (student, task.id)
