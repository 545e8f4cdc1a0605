"""``nbgrader autograde`` on real notebooks: no "Attribute 'checksum' … has changed!" for an untouched
submission, still the warning (and the restored cell) for a test cell a trainee edited.

Why nbgrader warns at all, and what the course configuration changes: autograders/grading/overwrite_cells.py.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from traitlets.config.loader import PyFileConfigLoader

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cohort as C  # noqa: E402

from autograders.grading.overwrite_cells import SANITIZE_PREPROCESSORS  # noqa: E402

CHANGED = "has changed!"
STOCK = ("c.Autograde.sanitize_preprocessors = ['nbgrader.preprocessors.ClearOutput', "
         "'nbgrader.preprocessors.DeduplicateIds', 'nbgrader.preprocessors.OverwriteKernelspec', "
         "'nbgrader.preprocessors.OverwriteCells', 'nbgrader.preprocessors.CheckCellMetadata']\n")


def test_the_course_swaps_one_class_in_nbgrader_s_own_list():
    from nbgrader.converters.autograde import Autograde
    from traitlets.utils.importstring import import_item

    from autograders.grading.overwrite_cells import OverwriteCellsQuietHiddenTests

    config = PyFileConfigLoader("nbgrader_config.py", path=str(C.COURSE_SRC)).load_config()
    assert list(config.Autograde.sanitize_preprocessors) == SANITIZE_PREPROCESSORS
    stock = Autograde().sanitize_preprocessors
    ours = [import_item(name) for name in SANITIZE_PREPROCESSORS]
    assert len(ours) == len(stock)
    for mine, theirs in zip(ours, stock):
        assert mine is theirs or (mine is OverwriteCellsQuietHiddenTests and theirs.__name__ == "OverwriteCells")


def _autograde(course: Path, student: str) -> str:
    done = C.nbgrader(course, "autograde", C.ASSIGNMENT, "--student", student, "--force", check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done.stdout + done.stderr


@pytest.mark.slow
def test_autograde_is_quiet_for_untouched_cells_and_warns_for_edited_ones(tmp_path):
    course = tmp_path / "kursus"
    (course / "source").mkdir(parents=True)
    shutil.copytree(C.COURSE_SRC / "source" / C.ASSIGNMENT, course / "source" / C.ASSIGNMENT)
    shutil.copytree(C.COURSE_SRC / "templates", course / "templates")
    shutil.copy(C.COURSE_SRC / "nbgrader_config.py", course / "nbgrader_config.py")
    C.nbgrader(course, "generate_assignment", C.ASSIGNMENT, "--force")
    release = C.release(course)
    sol = C.solutions()
    honest = C.with_answers(release, {"jawaban_tulis_ulang": sol["tulis_ulang"], "jawaban_judul": sol["judul"]})
    edited = json.loads(json.dumps(honest))
    edited["cells"][C.cell_index(edited, "uji_judul")]["source"] += "\n# saya ubah sel ini"
    for student, nb in (("jujur", honest), ("ubah_uji", edited)):
        folder = course / "submitted" / student / C.ASSIGNMENT
        folder.mkdir(parents=True)
        (folder / C.NOTEBOOK).write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
        (folder / "timestamp.txt").write_text("2027-01-05 10:00:00.000000 UTC\n", encoding="utf-8")

    quiet = _autograde(course, "jujur")
    loud = _autograde(course, "ubah_uji")
    assert "Autograding" in quiet and CHANGED not in quiet, quiet[-3000:]
    assert "Attribute 'checksum' for cell uji_judul has changed!" in loud
    assert "uji_tulis_ulang" not in loud.split(CHANGED)[0].rsplit("\n", 1)[-1]  # only the edited cell is named

    # The hidden tests are back in both autograded copies, and both score what the answers are worth.
    source_cells = {c["metadata"]["nbgrader"]["grade_id"]: c["source"] for c in json.loads(
        (course / "source" / C.ASSIGNMENT / C.NOTEBOOK).read_text(encoding="utf-8"))["cells"]}
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        scores = {s: gb.find_submission(C.ASSIGNMENT, s).score for s in ("jujur", "ubah_uji")}
    for student in ("jujur", "ubah_uji"):
        graded = json.loads((course / "autograded" / student / C.ASSIGNMENT / C.NOTEBOOK).read_text(encoding="utf-8"))
        cells = {c["metadata"].get("nbgrader", {}).get("grade_id"): c for c in graded["cells"]}
        assert "".join(cells["uji_judul"]["source"]) == "".join(source_cells["uji_judul"])
        assert "### BEGIN HIDDEN TESTS" in "".join(cells["uji_tulis_ulang"]["source"])
    # The model answers earn every automatic point of the rubric (its total, not a number fixed here).
    from autograders.grading.rubric_file import load_rubric

    full = load_rubric(course / "source" / C.ASSIGNMENT / "rubrik.yml").max_points
    assert scores["jujur"] == scores["ubah_uji"] == full > 0

    # The control: nbgrader's own OverwriteCells warns for the same untouched submission.
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as handle:
        handle.write(STOCK)
    stock = _autograde(course, "jujur")
    assert "Attribute 'checksum' for cell uji_tulis_ulang has changed!" in stock
