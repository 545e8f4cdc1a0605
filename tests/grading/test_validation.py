"""Validate in Indonesian (``autograders.grading.validation``) and the Indonesian feedback page.

The fast tests read executed notebooks built here; the slow ones run the real ``nbgrader validate`` and
``nbgrader autograde`` + ``generate_feedback`` in a temporary copy of the course."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograders.grading.validation import IndonesianValidator, _cell_title, _points, _split_head, status_of

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cohort as C  # noqa: E402

ENGLISH = ("The following cell", "The error was", "You did not provide a response", "Partial credit",
           "Success!", "VALIDATION FAILED", "NOTEBOOK PASSED", "has changed", "Validating")
CODE = ("grade_cell(", "from autograders", "rubric_check", "float(min(")
EXTERNAL = re.compile(r"<(?:script|link)\b[^>]*(?:src|href)\s*=\s*[\"']?(?:https?:)?//|url\(\s*[\"']?(?:https?:)?//",
                      re.IGNORECASE)


# ---------------------------------------------------------------------------------------------- fast
def _grading_cell(grade_id: str, title: str, points: float, value: float | None, stdout: str, error: bool = False):
    cell = nbformat.v4.new_code_cell(f"# Sel penilaian otomatis: {title} ({points:g} poin). Jangan diubah.\n"
                                     "from autograders.grading.cell import grade_cell\n")
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True, "grade_id": grade_id,
                                 "points": points, "schema_version": 3}
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=stdout)]
    cell.outputs.append(nbformat.v4.new_output("stream", name="stderr", text=stdout))  # as under validation
    if error:
        cell.outputs.append(nbformat.v4.new_output("error", ename="NameError", evalue="x", traceback=["boom"]))
    elif value is not None:
        cell.outputs.append(nbformat.v4.new_output("execute_result", data={"text/plain": repr(value)},
                                                   execution_count=1))
    return cell


def _answer_cell(grade_id: str, text: str, handed_out: str, points: float = 2.0):
    from nbgrader.utils import compute_checksum

    meta = {"nbgrader": {"grade": True, "solution": True, "locked": False, "grade_id": grade_id, "points": points,
                         "schema_version": 3}}
    probe = nbformat.from_dict({**nbformat.v4.new_markdown_cell(handed_out), "metadata": meta})
    meta["nbgrader"]["checksum"] = compute_checksum(probe)  # the cell as it was handed out
    return nbformat.from_dict({**nbformat.v4.new_markdown_cell(text), "metadata": meta})


SAVE_NOTE = "(Nilai dihitung dari notebook yang terakhir disimpan. Simpan dulu dengan Ctrl+S.)"
LONG = ("Ganti bentuk berikut: Dalam rangka → Untuk; bersama ini kami sampaikan → (hapus); terhitung mulai "
        "tanggal → mulai; sehubungan dengan → karena; dihimbau → diimbau (dan 2 lagi).")


def test_tasks_read_with_partial_credit_as_partial_credit():
    stub = "JAWABAN ANDA: hapus baris ini, lalu tulis jawaban Anda di sini."
    nb = nbformat.v4.new_notebook(cells=[
        _answer_cell("jawaban_satu", "Jawaban saya.", stub),
        _grading_cell("uji_satu", "Tugas 1: Menulis ulang", 9, 2.0,
                      f"{SAVE_NOTE}\nTugas 1: Menulis ulang: 2 dari 9 poin\nPerbaiki dulu:\n  1. Frasa (0/2): {LONG}\n"),
        _answer_cell("jawaban_dua", stub, stub, 1.0),
        _grading_cell("uji_dua", "Tugas 2: Judul", 4, 0.0, f"{SAVE_NOTE}\nTugas 2: Judul: 0 dari 4 poin\n  • Belum ada."),
        _grading_cell("uji_tiga", "Tugas 3: Unggahan", 3, 3.0, f"{SAVE_NOTE}\nTugas 3: Unggahan: 3 dari 3 poin\n"),
        _grading_cell("uji_empat", "Tugas 4: Rusak", 2, None, "", error=True),
        _answer_cell("jawaban_lima", stub, stub, 2.0),  # no grading cell after it
    ])
    tasks = IndonesianValidator().task_results(nbformat.from_dict(nb))
    assert [t.grade_id for t in tasks] == ["uji_satu", "uji_dua", "uji_tiga", "uji_empat", "jawaban_lima"]
    one, two, three, four, five = tasks
    # stderr (where the cell repeats its feedback under validation) does not zero the points
    assert (one.points, one.max_points, one.heading) == (2.0, 9.0, "Tugas 1: Menulis ulang: 2 dari 9 poin (nilai sebagian)")
    assert LONG in one.feedback and one.feedback.endswith(SAVE_NOTE)  # whole, the reminder last
    assert two.heading.endswith("(belum mendapat poin)") and three.full and three.heading.endswith("(poin penuh)")
    assert four.points == 0 and four.title == "Tugas 4: Rusak" and "kesalahan" in four.feedback
    assert "boom" not in four.feedback
    assert not five.automatic and "JAWABAN ANDA" in five.feedback
    assert status_of(0.5, 1) == "nilai sebagian" and status_of(1, 1) == "poin penuh" and status_of(0, 1) == "belum mendapat poin"


def test_titles_are_read_without_trusting_the_lines():
    assert _split_head("Tugas 1: Judul: Bagian: 2,5 dari 9 poin") == ("Tugas 1: Judul: Bagian", "Tugas 1: Judul: Bagian: 2,5 dari 9 poin")
    assert _split_head("Tugas 1: Judul: dua dari 9 poin") is None and _split_head("Catatan biasa") is None
    # the line the grading cell prints today (autograders.engine.scoring.rubric.feedback_text)
    assert _split_head("Tugas 2: Judul: 0 dari 4,5 poin otomatis") == ("Tugas 2: Judul", "Tugas 2: Judul: 0 dari 4,5 poin otomatis")
    assert _split_head("Tugas 2: Judul: 0 dari 4,5 poin lagi") is None
    cell = nbformat.v4.new_code_cell("# Sel penilaian otomatis: Tugas 2: Judul (H1) yang jelas (4 poin). Jangan diubah.")
    cell = nbformat.from_dict({**cell, "metadata": {"nbgrader": {"grade_id": "uji"}}})
    assert _cell_title(cell) == "Tugas 2: Judul (H1) yang jelas"
    hostile = nbformat.v4.new_code_cell("# " + "Tugas: 1 (" * 200_000)
    hostile = nbformat.from_dict({**hostile, "metadata": {"nbgrader": {"grade_id": "uji"}}})
    assert len(_cell_title(hostile)) <= 200
    title, _ = _split_head(": 1 dari 1 poin" * 100_000)  # string operations, linear in the line
    assert len(title) == 200


# ---------------------------------------------------------------------------------------------- slow
@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return C.make_course(tmp_path_factory.mktemp("kursus") / "c")


def _work_copy(course: Path, folder: Path, answers: dict, edit=None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    nb = C.with_answers(C.release(course), answers)
    if edit:
        edit(nb)
    path = folder / C.NOTEBOOK
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    (folder / "rubrik.yml").write_bytes((course / "release" / C.ASSIGNMENT / "rubrik.yml").read_bytes())
    return path


def _task_max(course: Path, grade_id: str) -> str:
    """A grading cell's points as the reports write them ("10,5"), read from the released notebook."""
    cell = C.release(course)["cells"][C.cell_index(C.release(course), grade_id)]
    return _points(float(cell["metadata"]["nbgrader"]["points"]))


def _validate(course: Path, notebook: Path) -> str:
    done = C.nbgrader(course, "validate", str(notebook), check=False)
    return done.stdout + done.stderr


@pytest.mark.slow
def test_nbgrader_validate_reports_each_task_in_indonesian(course, tmp_path):
    notebook = _work_copy(course, tmp_path / "lemah", {"jawaban_tulis_ulang": C.WEAK})
    out = _validate(course, notebook)
    assert "Hasil pemeriksaan m2_menulis_daring.ipynb:" in out
    one, two = _task_max(course, "uji_tulis_ulang"), _task_max(course, "uji_judul")
    assert re.search(rf"Tugas 1: [^\n]+: \d+(,\d+)? dari {one} poin \(nilai sebagian\)", out), out
    assert re.search(rf"Tugas 2: [^\n]+: 0 dari {two} poin \(belum mendapat poin\)", out), out
    assert "Anda belum menulis jawaban" in out  # the empty task 2, in Indonesian
    assert not [s for s in ENGLISH if s in out], out
    assert not [s for s in CODE if s in out], out
    assert "..." not in out  # nothing cut
    # The whole feedback of the grading cell, line by line, exactly as the trainee's cell prints it
    printed = subprocess.run(
        [sys.executable, "-c", "from autograders.grading.cell import grade_cell; grade_cell(%r, 'tulis_ulang')"
         % C.NOTEBOOK], cwd=notebook.parent, capture_output=True, text=True, env=C.env()).stdout
    for line in printed.splitlines()[2:]:
        assert line.strip() in out, line


@pytest.mark.slow
def test_nbgrader_validate_full_marks_and_tampering(course, tmp_path):
    sol = C.solutions()
    strong = {"jawaban_tulis_ulang": sol["tulis_ulang"], "jawaban_judul": sol["judul"]}
    out = _validate(course, _work_copy(course, tmp_path / "kuat", strong))
    assert "Semua tugas yang dinilai otomatis mendapat poin penuh" in out, out
    assert out.count("(poin penuh)") == 2 and "nilai sebagian" not in out

    def tamper(nb):
        cell = nb["cells"][C.cell_index(nb, "uji_judul")]
        cell["source"] = "".join(cell["source"]).replace("grade_cell(", "print(100) or grade_cell(")

    out = _validate(course, _work_copy(course, tmp_path / "ubah", strong, tamper))
    assert "ISI 1 SEL PENILAIAN BERUBAH" in out and "Tugas 2: Judul yang memandu pembaca" in out, out
    assert not [s for s in ENGLISH + CODE if s in out], out


@pytest.mark.slow
def test_feedback_page_is_indonesian_and_shows_feedback_not_code(course, tmp_path):
    import shutil

    course = Path(shutil.copytree(course, tmp_path / "c"))
    _work_copy(course, course / "submitted" / "peserta1" / C.ASSIGNMENT, {"jawaban_tulis_ulang": C.WEAK})
    C.nbgrader(course, "autograde", C.ASSIGNMENT)
    C.nbgrader(course, "generate_feedback", C.ASSIGNMENT)
    page = (course / "feedback" / "peserta1" / C.ASSIGNMENT / f"{C.ASSIGNMENT}.html").read_text(encoding="utf-8")
    assert '<html lang="id">' in page and "<title>Umpan balik: m2_menulis_daring</title>" in page
    assert "Penilaian otomatis: Tugas 1: Menulis ulang pengumuman birokratis" in page
    total = _points(sum(float(c["metadata"]["nbgrader"]["points"]) for c in C.release(course)["cells"]
                        if c["metadata"].get("nbgrader", {}).get("grade")))
    assert re.search(rf"\d+(,\d+)? dari {_task_max(course, 'uji_tulis_ulang')} poin", page)
    assert f"dari {total} poin" in page, total
    assert "Perbaiki dulu:" in page and "belum ada jawaban" in page
    for english in ("Student&#39;s answer", "Student's answer", "Test cell", "Score:", "Written response",
                    "Comments:", "No response.", "(Top)", "Grade cell"):
        assert english not in page, english
    assert not [s for s in CODE if s in page]
    assert not EXTERNAL.search(page)


def test_the_course_config_swaps_the_validator_only_where_nbgrader_validates():
    """The swap itself loads nothing of nbgrader (our grader reads the course config for the gradebook); in a
    process that is about to validate, reading the course config makes nbgrader's validator name mean ours."""
    probe = (
        "import sys\n"
        "from autograders.grading.validate_setup import use_indonesian_validator\n"
        "use_indonesian_validator()\n"
        "print(sorted(m for m in sys.modules if m.startswith('nbgrader')))\n"
        "import nbgrader.apps.validateapp as app\n"
        "import nbgrader.server_extensions.validate_assignment.handlers as handlers\n"
        "from traitlets.config.loader import PyFileConfigLoader\n"
        "PyFileConfigLoader('nbgrader_config.py', path=sys.argv[1]).load_config()\n"
        "print(app.Validator.__name__, handlers.Validator.__name__)\n")
    done = subprocess.run([sys.executable, "-c", probe, str(C.COURSE_SRC)], capture_output=True, text=True,
                          env=C.env())
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[]", "IndonesianValidator IndonesianValidator"]
