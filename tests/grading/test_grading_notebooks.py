"""Reading submissions, tamper flags, source notebooks in sync with rubrics, the test-cell function."""
from __future__ import annotations

import copy
import os
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


def test_every_markdown_cell_is_escaped_even_one_a_trainee_marked_locked():
    import nbformat

    from autograders.grading.feedback_html import EscapeTraineeHtml

    nb = nbformat.v4.new_notebook()
    answer = nbformat.v4.new_markdown_cell("<script>alert(1)</script>")
    answer.metadata["nbgrader"] = {"solution": True, "grade": True, "grade_id": "a", "points": 1}
    # A cell the trainee added, with metadata copied from an instructor cell (and a checksum they computed).
    added = nbformat.v4.new_markdown_cell("<img src=x onerror=alert(2)>")
    added.metadata["nbgrader"] = {"locked": True, "grade_id": "petunjuk_palsu", "solution": False, "grade": False,
                                  "checksum": checksum(added, {"locked": True, "grade_id": "petunjuk_palsu"})}
    nb.cells = [answer, added]
    out, _ = EscapeTraineeHtml().preprocess(nb, {})
    assert out.cells[0].source == "&lt;script>alert(1)&lt;/script>"
    assert out.cells[1].source == "&lt;img src=x onerror=alert(2)>"


def _escaped(nb, tmp_path, assignment="m2_menulis_daring", release=None):
    """Run EscapeTraineeHtml as formgrader does, in a course whose release folder holds ``release``."""
    import nbformat
    from traitlets.config import Config

    from autograders.grading.feedback_html import EscapeTraineeHtml

    if release is not None:
        folder = tmp_path / "release" / assignment
        folder.mkdir(parents=True)
        (folder / f"{assignment}.ipynb").write_text(json.dumps(release), encoding="utf-8")
    config = Config()
    config.CourseDirectory.root = str(tmp_path)
    node = nbformat.reads(json.dumps(nb), as_version=4)
    out, _ = EscapeTraineeHtml(config=config).preprocess(
        node, {"assignment_id": assignment, "notebook_id": assignment})
    return out


def test_released_instructor_cells_render_exactly_as_written(tmp_path):
    # Task texts may use HTML (a comment between a list and a quote): exactly as released, they are trusted.
    release = release_like(source_nb())
    out = _escaped(release, tmp_path, release=release)
    for before, after in zip(release["cells"], out.cells):
        assert after.source == nbmod.source(before)


def test_a_changed_or_added_instructor_cell_is_escaped(tmp_path):
    release = release_like(source_nb())
    sub = copy.deepcopy(release)
    locked = next(c for c in sub["cells"] if c["cell_type"] == "markdown" and c["metadata"]["nbgrader"].get("locked"))
    locked["source"] += "\n<img src=x onerror=alert(1)>"  # same grade_id, different text
    added = copy.deepcopy(locked)
    added["metadata"]["nbgrader"]["grade_id"] = "petunjuk_tambahan"
    added["source"] = "<script>alert(2)</script>"
    sub["cells"].append(added)
    out = _escaped(sub, tmp_path, release=release)
    assert "&lt;img src=x onerror" in out.cells[sub["cells"].index(locked)].source
    assert out.cells[-1].source == "&lt;script>alert(2)&lt;/script>"
    # Without a readable release, nothing is trusted.
    bare = _escaped(release, tmp_path / "tanpa_rilis")
    assert all("<" not in c.source for c in bare.cells if c.cell_type == "markdown")


# ------------------------------------------------------------------------------------------------ hostile files
@pytest.mark.parametrize("cell_type", ["raw", "code"])
def test_answer_cell_switched_to_raw_or_code_is_graded_as_text_and_flagged(cell_type):
    release = release_like(source_nb())
    sub = copy.deepcopy(release)
    gid = "jawaban_tulis_ulang"
    index = nbmod.first_cells_by_grade_id(sub)
    cell = index[gid]
    cell["source"] = "Mulai 1 Januari 2027 warga mengurus KTP di Mal Pelayanan Publik."
    cell["cell_type"] = cell_type
    if cell_type == "code":
        cell.update(outputs=[], execution_count=None)
    assert nbmod.answer_texts(sub, [gid]) == {gid: cell["source"]}
    flags = find_flags(sub, release, ["jawaban_tulis_ulang", "jawaban_judul"])
    assert codes(flags) == ["metadata_changed"]
    # named as the trainee finds it (flag_text), never by its id
    assert "sel jawaban “Tugas 1: Menulis ulang" in flags[0].message and gid not in flags[0].message


def test_same_points_whatever_the_answer_cell_type():
    from autograders.grading.grader import grade_notebook

    rubric = load_rubric(COURSE / "source" / "m2_menulis_daring" / "rubrik.yml")
    release = release_like(source_nb())
    answers = {c["metadata"]["nbgrader"]["grade_id"]: c["source"] for c in source_nb()["cells"]
               if c["metadata"]["nbgrader"].get("solution")}
    scores = {}
    for cell_type in ("markdown", "raw", "code"):
        sub = copy.deepcopy(release)
        for cell in sub["cells"]:
            gid = cell["metadata"]["nbgrader"].get("grade_id")
            if gid in answers:
                cell["source"], cell["cell_type"] = answers[gid], cell_type
        scores[cell_type] = grade_notebook(sub, release, rubric)["score"]
    assert scores["markdown"] > 0
    assert scores["raw"] == scores["code"] == scores["markdown"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-8-sig"])
def test_notebooks_nbgrader_refuses_are_refused_too(encoding):
    # nbformat reads UTF-8 text (no byte-order mark): a notebook in another encoding fails under nbgrader.
    import nbformat

    raw = json.dumps(source_nb(), ensure_ascii=False).encode(encoding)
    with pytest.raises(Exception):
        nbformat.reads(raw.decode("utf-8", errors="strict"), as_version=4)
    with pytest.raises(nbmod.NotebookReadError):
        nbmod.parse_notebook(raw, "x.ipynb")


def test_an_integer_of_more_than_4300_digits_is_a_clear_error():
    raw = b'{"cells": [], "metadata": {"n": ' + b"9" * 5000 + b"}}"
    with pytest.raises(nbmod.NotebookReadError, match="bukan JSON"):
        nbmod.parse_notebook(raw, "x.ipynb")


def test_flag_messages_stay_short_for_a_million_cells():
    from autograders.grading.flag_text import MAX_LISTED
    from autograders.grading.tamper import make_flag

    flag = make_flag("answer_outside_cell", [f"sel-{n}" for n in range(1_500_000)])
    assert len(flag.message) < 400
    assert "sel-0" in flag.message and f"sel-{MAX_LISTED}" not in flag.message
    assert "1.499.990 lainnya" in flag.message
    long_id = make_flag("duplicate_cell_id", ["x" * 100_000])
    assert len(long_id.message) < 200


def test_many_added_cells_give_a_short_gradebook_comment():
    release = release_like(source_nb())
    sub = copy.deepcopy(release)
    sub["cells"] += [{"cell_type": "markdown", "id": f"s{n}", "metadata": {}, "source": "teks"} for n in range(50_000)]
    flags = find_flags(sub, release, ["jawaban_tulis_ulang", "jawaban_judul"])
    assert codes(flags) == ["answer_outside_cell"]
    assert len(flags[0].message) < 400


def _grade_file(tmp_path, make):
    from autograders.grading.grader import grade_submission

    rubric = load_rubric(COURSE / "source" / "m2_menulis_daring" / "rubrik.yml")
    base = tmp_path / "submitted"
    folder = base / "peserta" / "m2_menulis_daring"
    folder.mkdir(parents=True)
    make(folder / "m2_menulis_daring.ipynb", base)
    return grade_submission("peserta", folder / "m2_menulis_daring.ipynb", release_like(source_nb()), rubric,
                            base=base)


def test_a_symlinked_notebook_is_never_followed(tmp_path):
    other = tmp_path / "milik_orang_lain.ipynb"
    nb = release_like(source_nb())
    nb["cells"][2]["source"] = "Jawaban peserta lain yang bagus."
    other.write_text(json.dumps(nb), encoding="utf-8")
    result = _grade_file(tmp_path, lambda path, base: path.symlink_to(other))
    assert result["score"] == 0 and result["error"]
    assert [f["code"] for f in result["flags"]] == ["unsafe_file"]


def test_a_symlinked_student_folder_is_never_followed(tmp_path):
    from autograders.grading.grader import grade_submission

    rubric = load_rubric(COURSE / "source" / "m2_menulis_daring" / "rubrik.yml")
    base = tmp_path / "submitted"
    real = base / "asli" / "m2_menulis_daring"
    real.mkdir(parents=True)
    (real / "m2_menulis_daring.ipynb").write_text(json.dumps(release_like(source_nb())), encoding="utf-8")
    (base / "tiruan").symlink_to(base / "asli")
    result = grade_submission("tiruan", base / "tiruan" / "m2_menulis_daring" / "m2_menulis_daring.ipynb",
                              release_like(source_nb()), rubric, base=base)
    assert [f["code"] for f in result["flags"]] == ["unsafe_file"] and "tiruan" in result["error"]


def test_a_fifo_is_refused_without_waiting(tmp_path):
    result = _grade_file(tmp_path, lambda path, base: os.mkfifo(path))
    assert [f["code"] for f in result["flags"]] == ["unsafe_file"]


def test_an_oversized_notebook_is_refused_before_reading(tmp_path):
    def big(path, base):
        with open(path, "wb") as handle:
            handle.truncate(nbmod.MAX_NOTEBOOK_BYTES + 1)
    result = _grade_file(tmp_path, big)
    assert result["error"] and "terlalu besar" in result["error"]


# ------------------------------------------------------------------------------------------------ HTML pages
def _course_config():
    from traitlets.config.loader import PyFileConfigLoader

    return PyFileConfigLoader("nbgrader_config.py", path=str(COURSE)).load_config()


HOSTILE = {
    "markdown": "Jawaban <img src=x onerror=\"window.__xss=1\"> dan [klik](java\tscript:window.__xss=2) "
                "[dua](&#106;avascript:window.__xss=7) [tiga](data:text/html,x) ![empat](https://pelacak.example/p.png)",
    "raw": "<script>window.__xss=3</script>",
    "html_output": "<img src=y onerror=window.__xss=4>",
    "svg_output": "<svg onload=window.__xss=5></svg>",
}


def _hostile_autograded():
    import nbformat

    nb = nbformat.reads(json.dumps(release_like(source_nb())), as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "jawaban_tulis_ulang":
            cell.source = HOSTILE["markdown"]
    raw = nbformat.v4.new_raw_cell(HOSTILE["raw"], metadata={"format": "text/html"})
    code = nbformat.v4.new_code_cell("display(HTML(...))")
    code.outputs = [nbformat.v4.new_output("display_data", data={"text/html": HOSTILE["html_output"],
                                                                 "image/svg+xml": HOSTILE["svg_output"]}),
                    nbformat.v4.new_output("execute_result", data={"application/javascript": "window.__xss=6"},
                                           execution_count=1)]
    nb.cells += [raw, code]
    return nb


def _assert_no_payload(html):
    for marker in ("<img src=x onerror", "<script>window.__xss", "<img src=y onerror", "<svg onload",
                   'href="javascript:', "window.__xss=6", "pelacak.example"):
        assert marker not in html, marker
    from test_safe_links import assert_inert

    assert_inert(html)  # no javascript:, vbscript: or data: address in any href or src


def test_formgrader_renders_a_submission_with_its_own_template_and_escapes_it():
    """formgrader's exporter is HTMLExporter(config=...) with template 'formgrade' from its own extra config;
    the course config, loaded after it, must not replace that template (it did: TemplateNotFound)."""
    import os

    from nbconvert import HTMLExporter
    from traitlets.config import Config

    import nbgrader

    templates = os.path.join(os.path.dirname(nbgrader.__file__), "server_extensions", "formgrader", "templates")
    config = Config()
    config.HTMLExporter.template_name = "formgrade"
    config.HTMLExporter.extra_template_basedirs = [templates]
    config.merge(_course_config())
    exporter = HTMLExporter(config=config)
    assert exporter.template_name == "formgrade"
    resources = {"assignment_id": "m2_menulis_daring", "notebook_id": "m2_menulis_daring", "submission_id": "x",
                 "index": 0, "total": 1, "base_url": "/services/kursus", "student": "peserta", "last_name": None,
                 "first_name": None, "notebook_path": "/x"}
    html, _ = exporter.from_notebook_node(_hostile_autograded(), resources=resources)
    assert 'class="score tabbable"' in html  # the grading view, with its score inputs
    assert "&lt;img src=x onerror" in html
    _assert_no_payload(html)


def test_feedback_exporter_is_the_offline_one_and_escapes():
    from nbgrader.converters import GenerateFeedback

    feedback = GenerateFeedback(config=_course_config())
    exporter = feedback.exporter_class(parent=feedback, config=feedback.config)  # as its start() makes it
    for pp in feedback.preprocessors:
        exporter.register_preprocessor(pp)
    assert exporter.template_name == "feedback_offline"
    names = [type(p).__name__ for p in exporter._preprocessors]
    assert names.index("EscapeTraineeHtml") < names.index("GetGrades")
    # gradebook comments are escaped by the one feedback template (main's), not by a second preprocessor
    assert "EscapeComments" not in names
    from autograders.grading.safe_links import SafeMarkdown, comment_html

    assert isinstance(exporter.environment.filters["markdown2html"], SafeMarkdown)
    assert exporter.environment.filters["comment_html"] is comment_html
