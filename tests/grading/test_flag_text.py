"""Tamper flags in words: every page names a flag and its cells as a trainee finds them, never by code or id."""
from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path

import pytest

from autograders.engine.present.feedback import catalogue
from autograders.grading.feedback_html import trainee_page
from autograders.grading.flag_text import MAX_LISTED, flag_message, flag_name
from autograders.grading.gradebook import _comment_text
from autograders.grading.tamper import __doc__ as TAMPER_DOC, find_flags

sys.path.insert(0, str(Path(__file__).resolve().parent))
from intakekit import release_like, source_nb  # noqa: E402

# Every code the grader documents, and the two the time budget and the symlink check add.
CODES = sorted(set(re.findall(r"^``([a-z_]+)``", TAMPER_DOC, flags=re.MULTILINE)) | {"unsafe_file", "time_limit"})
ANSWERS = ["jawaban_tulis_ulang", "jawaban_judul"]


def test_every_flag_has_a_name_and_an_explanation_in_both_languages():
    assert len(CODES) >= 9
    for lang in ("id", "en"):
        words = catalogue(lang)
        for code in CODES:
            assert words.get(f"flag.{code}") and words.get(f"flag.{code}.name"), (lang, code)
            assert "{cells}" in words[f"flag.{code}"] or code == "invalid_notebook", (lang, code)
        names = [words[f"flag.{code}.name"] for code in CODES]
        assert len(set(names)) == len(names)
    assert catalogue("id")["flag.cell_deleted.name"] != catalogue("en")["flag.cell_deleted.name"]
    assert set(k for k in catalogue("id") if k.startswith(("flag.", "place."))) == \
        set(k for k in catalogue("en") if k.startswith(("flag.", "place.")))


def at(nb, grade_id: str) -> int:
    """The index of the cell with ``grade_id`` (the notebook's layout is the builder's, not fixed here)."""
    return next(i for i, c in enumerate(nb["cells"]) if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)


# A flag code is emitted where the grading code makes a flag: make_flag("…"), Flag("…") or a {"code": "…"} record.
EMITTED = re.compile(r"""(?:make_flag|Flag)\(\s*["']([a-z_]+)["']|["']code["']\s*:\s*["']([a-z_]+)["']""")


def emitted_codes() -> set[str]:
    folder = Path(__file__).resolve().parents[2] / "autograders"
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        for match in EMITTED.finditer(path.read_text(encoding="utf-8")):
            found.add(match.group(1) or match.group(2))
    return found


def test_every_flag_code_emitted_anywhere_has_words_in_both_languages():
    """Not only the documented codes: any code the grading code can put in a result (a new check, the time budget,
    the symlink guard) must have its name and explanation in the catalogue, or pages would show "Tanda lain"."""
    codes = emitted_codes()
    assert {"cell_deleted", "invalid_notebook", "hidden_content"} <= codes  # the scan sees the grader's flags
    assert set(CODES) - {"unsafe_file", "time_limit"} <= codes
    for lang in ("id", "en"):
        words = catalogue(lang)
        missing = sorted(c for c in codes if not (words.get(f"flag.{c}") and words.get(f"flag.{c}.name")))
        assert not missing, (lang, missing)


def _added(kind: str, cell_id: str, after: str | None = None, first: bool = False):
    def change(nb):
        cell = {"cell_type": kind, "id": cell_id, "metadata": {}, "source": "import os" if kind == "code" else "x"}
        if kind == "code":
            cell.update(outputs=[], execution_count=None)
        nb["cells"].insert(0 if first else at(nb, after) + 1 if after else len(nb["cells"]), cell)
    return change


CHANGES = [
    ("cell_edited", lambda nb: nb["cells"][at(nb, "petunjuk_tulis_ulang")].update(source="petunjuk diubah"),
     "sel petunjuk “Tugas 1:"),
    ("cell_deleted", lambda nb: nb["cells"].pop(at(nb, "uji_tulis_ulang")), "sel penilaian otomatis “Tugas 1:"),
    ("points_changed", lambda nb: nb["cells"][at(nb, "uji_tulis_ulang")]["metadata"]["nbgrader"].update(points=99),
     "sel penilaian otomatis “Tugas 1:"),
    ("metadata_changed", lambda nb: nb["cells"][0]["metadata"]["nbgrader"].update(locked=False),
     "sel petunjuk “Latihan Modul 2:"),
    ("answer_outside_cell", _added("markdown", "sel-x-91"), "sel tambahan sesudah sel penilaian otomatis “Tugas 2:"),
    ("answer_outside_cell", _added("markdown", "sel-x-91", first=True), "sel tambahan di awal notebook"),
    ("code_cell_added", _added("code", "sel-x-92", after="jawaban_tulis_ulang"),
     "sel tambahan sesudah sel jawaban “Tugas 1:"),
    ("code_in_answer", lambda nb: nb["cells"][at(nb, "jawaban_judul")].update(
        source="Judul\n```python\nimport os\n```"), "sel jawaban “Tugas 2:"),
    ("duplicate_cell_id", lambda nb: nb["cells"].append(copy.deepcopy(nb["cells"][at(nb, "jawaban_tulis_ulang")])),
     "sel tambahan sesudah sel penilaian otomatis “Tugas 2:"),
]


@pytest.mark.parametrize("code, change, place", CHANGES, ids=[c[0] + str(i) for i, c in enumerate(CHANGES)])
def test_a_flag_names_its_cells_as_the_trainee_finds_them(code, change, place):
    release = release_like(source_nb("m2_menulis_daring"))
    ids = {c["metadata"]["nbgrader"]["grade_id"] for c in release["cells"]} | {c["id"] for c in release["cells"]}
    sub = copy.deepcopy(release)
    change(sub)
    flag = next(f for f in find_flags(sub, release, ANSWERS) if f.code == code)
    assert place in flag.message, flag.message
    assert not [i for i in ids | {"sel-x-91", "sel-x-92"} if i in flag.message], flag.message
    assert flag.message[0].isupper() and "{" not in flag.message


def test_a_long_list_of_cells_is_cut_and_counted():
    places = [f"berkas{i}.ipynb" for i in range(MAX_LISTED + 1234)]
    text = flag_message("cell_deleted", places)
    assert "berkas0.ipynb" in text and f"berkas{MAX_LISTED}.ipynb" not in text and "dan 1.234 lainnya" in text
    assert len(text) < 400
    # A million cells added after one answer are one place, said once.
    release = release_like(source_nb("m2_menulis_daring"))
    sub = copy.deepcopy(release)
    sub["cells"][3:3] = [{"cell_type": "markdown", "id": f"c{i}", "metadata": {}, "source": "x"} for i in range(5000)]
    flag = next(f for f in find_flags(sub, release, ANSWERS) if f.code == "answer_outside_cell")
    assert flag.message.count("sel tambahan") == 1 and "lainnya" not in flag.message


def test_an_unknown_code_still_reads_as_words():
    assert flag_name("something_new") == "Tanda lain"
    assert "something_new" in flag_message("something_new")  # the instructor can still look it up


def test_the_gradebook_comment_nbgrader_feedback_shows_has_words_not_codes():
    release = release_like(source_nb("m2_menulis_daring"))
    sub = copy.deepcopy(release)
    sub["cells"][at(sub, "petunjuk_tulis_ulang")]["source"] = "petunjuk diubah"
    flags = [f.to_dict() for f in find_flags(sub, release, ANSWERS)]
    text = _comment_text({"flags": flags}, {"feedback": "Tugas 1: 9 dari 9 poin"}, True)
    assert text.startswith("Sel terkunci diubah: Isi sel yang dikunci diubah: sel petunjuk “Tugas 1:")
    assert "cell_edited" not in text and "[" not in text and "petunjuk_tulis_ulang" not in text


def test_the_trainee_page_shows_flag_names_and_the_trainee_s_name():
    result = {"score": 4.0, "max_score": 13.0, "tasks": [], "error": None,
              "flags": [{"code": "code_cell_added", "message": flag_message("code_cell_added", ["x"])}]}
    text = trainee_page("budi01", "m2_menulis_daring", result, name="Budi <Santoso>",
                        title="Latihan Modul 2: Menulis untuk pembaca daring")
    assert "Sel kode tambahan" in text and "code_cell_added" not in text
    assert "Budi &lt;Santoso&gt; (budi01)" in text and "Latihan Modul 2: Menulis untuk pembaca daring" in text
    assert json.dumps(result)  # the page did not change the result


def test_flag_words_live_in_one_place():
    """No module of the grading package keeps its own copy of a flag's explanation."""
    folder = Path(__file__).resolve().parents[2] / "autograders" / "grading"
    sentences = [catalogue("id")[f"flag.{code}"].split("{")[0].strip() for code in CODES]
    for path in folder.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for sentence in sentences:
            assert sentence[:25] not in text, (path.name, sentence)


def test_the_grade_command_s_table_names_flags_in_words():
    from autograders.grading.cli import table

    text = table([{"student": "budi", "score": 4.0, "max_score": 13.0, "error": None,
                   "flags": [{"code": "code_cell_added", "message": "…"}, {"code": "cell_edited", "message": "…"}]}])
    assert "Sel kode tambahan, Sel terkunci diubah" in text and "code_cell_added" not in text


def test_the_comment_s_numbered_list_is_a_block_between_paragraphs():
    """The automatic comment, rendered as the feedback page renders it: the flag, then the feedback's lines, the
    "Perbaiki dulu:" items as one numbered list, and the lines after it as a paragraph of their own (they used to
    run into the last item)."""
    from autograders.grading.grader import grade_notebook
    from autograders.grading.rubric_file import load_rubric
    from autograders.grading.safe_links import comment_html

    release = release_like(source_nb("m2_menulis_daring"))
    rubric = load_rubric(Path(__file__).resolve().parents[2] / "exercises" / "source" / "m2_menulis_daring"
                         / "rubrik.yml")
    sub = copy.deepcopy(release)
    for cell in sub["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") in ANSWERS:
            cell["source"] = "Dalam rangka pelayanan, bersama ini kami sampaikan himbauan kepada masyarakat."
    result = grade_notebook(sub, release, rubric)
    task = result["tasks"][0]
    assert "Perbaiki dulu:\n  1. " in task["feedback"] and "\n  2. " in task["feedback"]
    flags = [{"code": "cell_edited", "message": flag_message("cell_edited", ["x"])}]
    text = _comment_text({"flags": flags}, task, True)
    assert "Perbaiki dulu:\n\n1. " in text  # a blank line before the list, items without indentation
    html = comment_html(text)
    head, rest = html.split("<ol>", 1)
    items, after = rest.split("</ol>", 1)
    assert head.startswith("<p>Sel terkunci diubah: ") and head.rstrip().endswith("Perbaiki dulu:</p>")
    assert items.count("<li>") == task["feedback"].count("\n  ") - task["feedback"].count("\n  ✓") \
        - task["feedback"].count("\n  •")
    assert "Sudah baik" not in items and "Poin di atas" not in items and "Instruktur" not in items
    assert after.strip().startswith("<p>") and "Poin di atas diberikan mesin" in after
    # no list: the feedback stays one paragraph with its line breaks
    plain = _comment_text({}, {"feedback": "Tugas 1: 9 dari 9 poin otomatis\nSudah baik:\n  ✓ Judul"}, False)
    assert plain == "Tugas 1: 9 dari 9 poin otomatis  \nSudah baik:  \n  ✓ Judul"
