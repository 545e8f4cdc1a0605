"""Reading submissions, tamper flags, source notebooks in sync with rubrics, the test-cell function."""
from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from autograders.grading import notebook as nbmod
from autograders.engine.scoring.figures import date_written, numbers_in
from autograders.grading.rubric_file import load_rubric
from autograders.grading.tamper import checksum, find_flags

REPO = Path(__file__).resolve().parents[2]
COURSE = REPO / "exercises"


def source_nb(assignment="m2_menulis_daring"):
    return json.loads((COURSE / "source" / assignment / f"{assignment}.ipynb").read_text(encoding="utf-8"))


def release_like(nb):
    """What generate_assignment makes of it: stub answers, no hidden tests, checksums."""
    out = copy.deepcopy(nb)
    for cell in out["cells"]:
        meta = cell["metadata"]["nbgrader"]
        if meta.get("solution"):
            cell["source"] = nbmod.TEXT_STUB
        if cell["cell_type"] == "code":
            lines = cell["source"].split("\n")
            start, end = lines.index("### BEGIN HIDDEN TESTS"), lines.index("### END HIDDEN TESTS")
            cell["source"] = "\n".join(lines[:start] + lines[end + 1:])
        meta["checksum"] = checksum(cell, meta)
    return out


def codes(flags):
    return [f.code for f in flags]


def at(nb, grade_id):
    """Index of the cell with this nbgrader grade_id (tests never depend on the layout of the notebook)."""
    return next(i for i, c in enumerate(nb["cells"]) if nbmod.grade_id(c) == grade_id)


def test_build_notebooks_is_in_sync_with_rubrics():
    done = subprocess.run([sys.executable, str(COURSE / "build_notebooks.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_test_cell_points_equal_rubric_totals():
    for path in sorted(COURSE.glob("source/*/rubrik.yml")):
        rubric = load_rubric(path)
        nb = source_nb(rubric.assignment)
        cells = nbmod.first_cells_by_grade_id(nb)
        for task in rubric.tasks:
            assert cells[task.test_cell]["metadata"]["nbgrader"]["points"] == task.max_points
            assert rubric.sha256 in nbmod.source(cells[task.test_cell])
            assert cells[task.answer]["cell_type"] == "markdown"


def test_clean_answer_drops_stub_and_code():
    text = f"{nbmod.TEXT_STUB}\nPesan untuk warga.\n```python\nimport os\nos.system('x')\n```\nSelesai."
    assert nbmod.clean_answer(text) == "Pesan untuk warga.\n\nSelesai."
    assert nbmod.has_code(text) and not nbmod.has_code("Pesan biasa.")


def test_invalid_json_is_a_clear_error():
    with pytest.raises(nbmod.NotebookReadError, match="bukan JSON"):
        nbmod.parse_notebook(b'{"cells": [', "x.ipynb")


def test_honest_submission_has_no_flags():
    release = release_like(source_nb())
    sub = copy.deepcopy(release)
    sub["cells"][at(sub, "jawaban_tulis_ulang")]["source"] = "Jawaban saya."
    assert find_flags(sub, release, ["jawaban_tulis_ulang", "jawaban_judul"]) == []


@pytest.mark.parametrize("change, code", [
    (lambda nb: nb["cells"][at(nb, "petunjuk_tulis_ulang")].update(source="petunjuk diubah"), "cell_edited"),
    (lambda nb: nb["cells"].pop(at(nb, "uji_tulis_ulang")), "cell_deleted"),
    (lambda nb: nb["cells"][at(nb, "uji_tulis_ulang")]["metadata"]["nbgrader"].update(points=99), "points_changed"),
    (lambda nb: nb["cells"][at(nb, "lembar_fakta")]["metadata"]["nbgrader"].update(locked=False), "metadata_changed"),
    (lambda nb: nb["cells"].append({"cell_type": "markdown", "id": "baru", "metadata": {}, "source": "jawaban"}),
     "answer_outside_cell"),
    (lambda nb: nb["cells"].append({"cell_type": "code", "id": "kode", "metadata": {}, "outputs": [],
                                    "execution_count": None, "source": "import os"}), "code_cell_added"),
    (lambda nb: nb["cells"][at(nb, "jawaban_tulis_ulang")].update(source="Teks\n```python\nimport os\n```"),
     "code_in_answer"),
    (lambda nb: nb["cells"].append(copy.deepcopy(nb["cells"][at(nb, "jawaban_tulis_ulang")])), "duplicate_cell_id"),
    (lambda nb: nb["cells"][at(nb, "jawaban_tulis_ulang")].update(
        source="Saya belum sempat menulis.\n\n<div hidden>\n\nJawaban model.\n\n</div>"), "hidden_content"),
    (lambda nb: nb["cells"][at(nb, "jawaban_tulis_ulang")].update(
        source="Saya belum sempat menulis.\n<!-- Jawaban model. -->"), "hidden_content"),
])
def test_each_tampering_is_flagged(change, code):
    release = release_like(source_nb())
    sub = copy.deepcopy(release)
    change(sub)
    found = find_flags(sub, release, ["jawaban_tulis_ulang", "jawaban_judul"])
    assert code in codes(found)
    assert all(f.message and f.message[0].isupper() for f in found)


def test_hidden_content_flag_names_the_cell_and_honest_markup_is_not_flagged():
    release = release_like(source_nb())
    sub = copy.deepcopy(release)
    answer = at(sub, "jawaban_tulis_ulang")
    sub["cells"][answer]["source"] = "Jawaban saya <span style=\"display:none\">jawaban model</span>."
    gid = sub["cells"][answer]["metadata"]["nbgrader"]["grade_id"]
    flags = [f for f in find_flags(sub, release, ["jawaban_tulis_ulang", "jawaban_judul"]) if f.code == "hidden_content"]
    # The cell is named as the trainee finds it (flag_text), never by its id.
    assert len(flags) == 1 and "sel jawaban “Tugas 1:" in flags[0].message and "tersembunyi" in flags[0].message
    assert gid not in flags[0].message
    sub["cells"][answer]["source"] = "Jawaban saya dengan **tebal** dan <b>HTML</b> yang terlihat."
    assert find_flags(sub, release, ["jawaban_tulis_ulang", "jawaban_judul"]) == []


def test_numbers_and_dates_in_indonesian_writing():
    assert numbers_in("pangsa 61,44% dari 1.234 sebutan, lalu 16.21") == [61.44, 1234.0, 16.21]
    assert date_written("puncaknya 16 November 2026", "2026-11-16")
    assert date_written("pada 16/11/2026", "2026-11-16")
    assert not date_written("pada 17 November", "2026-11-16")


def test_grade_cell_reads_the_file_and_ignores_a_patched_engine(tmp_path, monkeypatch, capsys):
    import autograders.engine.scoring.rubric as rubric_module
    from autograders.grading.cell import grade_cell

    nb = release_like(source_nb())
    answers = {"jawaban_tulis_ulang": (
        "Dalam rangka peningkatan pelayanan, bersama ini kami sampaikan bahwa terhitung mulai tanggal 4 Januari 2027 "
        "pelayanan administrasi kependudukan di kantor kelurahan dialihkan ke Mal Pelayanan Publik di Jl. Sudirman "
        "No. 10. Adapun pelayanan yang dialihkan meliputi penerbitan KTP-el, KK, dan akta kelahiran. Masyarakat "
        "dihimbau untuk dapat menyesuaikan diri dengan adanya perubahan tersebut.")}
    for cell in nb["cells"]:
        gid = nbmod.grade_id(cell)
        if gid in answers:
            cell["source"] = answers[gid]
    (tmp_path / "m2_menulis_daring.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    rubric_path = COURSE / "source" / "m2_menulis_daring" / "rubrik.yml"
    (tmp_path / "rubrik.yml").write_bytes(rubric_path.read_bytes())
    monkeypatch.chdir(tmp_path)
    honest = grade_cell("m2_menulis_daring.ipynb", "tulis_ulang")
    # A trainee cell that replaces the scoring function in the kernel gains nothing: scoring runs in a fresh process.
    monkeypatch.setattr(rubric_module, "score_task", lambda *a, **k: (_ for _ in ()).throw(RuntimeError()))
    patched = grade_cell("m2_menulis_daring.ipynb", "tulis_ulang")
    assert honest == patched and 0 < honest[0] < honest[1]
    # A rubric rewritten at run time is refused when the hidden test passes the instructor's checksum.
    (tmp_path / "rubrik.yml").write_text((rubric_path.read_text(encoding="utf-8")).replace("points: 2", "points: 20"),
                                         encoding="utf-8")
    assert grade_cell("m2_menulis_daring.ipynb", "tulis_ulang", load_rubric(rubric_path).sha256)[0] == 0.0
    out = capsys.readouterr()
    assert "Perbaiki dulu" in out.out and "rubrik" in out.out and out.err == ""


def test_strip_tracebacks_preprocessor_replaces_errors_and_drops_stderr():
    import nbformat

    from autograders.grading.feedback_html import TRACEBACK_NOTE, StripTracebacks

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("assert rahasia == 1")
    cell.outputs = [nbformat.v4.new_output("stream", name="stderr", text="peringatan"),
                    nbformat.v4.new_output("error", ename="AssertionError", evalue="", traceback=["assert rahasia == 1"])]
    nb.cells.append(cell)
    out, _ = StripTracebacks().preprocess(nb, {})
    texts = json.dumps(out.cells[0].outputs)
    assert "rahasia" not in texts and "peringatan" not in texts and TRACEBACK_NOTE in texts


def test_trainee_markdown_is_escaped_for_feedback_but_instructor_cells_are_not():
    import nbformat

    from autograders.grading.feedback_html import EscapeTraineeHtml

    nb = nbformat.v4.new_notebook()
    answer = nbformat.v4.new_markdown_cell("<script>alert(1)</script>")
    answer.metadata["nbgrader"] = {"solution": True, "grade": True, "grade_id": "a", "points": 1}
    locked = nbformat.v4.new_markdown_cell("<b>petunjuk</b>")
    locked.metadata["nbgrader"] = {"locked": True, "grade_id": "p"}
    nb.cells = [answer, locked]
    out, _ = EscapeTraineeHtml().preprocess(nb, {})
    assert out.cells[0].source == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert out.cells[1].source == "<b>petunjuk</b>"
