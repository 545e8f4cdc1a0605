"""Building what the intake tests feed in: a course folder, notebooks as the book's exercise page writes them,
and Moodle "download all submissions" zips in each of Moodle's layouts (see autograders/grading/moodle.py)."""
from __future__ import annotations

import copy
import csv
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import yaml

from autograders.grading import notebook as nbmod
from autograders.grading.tamper import checksum

REPO = Path(__file__).resolve().parents[2]
COURSE_SRC = REPO / "exercises"
ASSIGNMENT = "m1_situs_web"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
SAVED_AT = "2026-12-07T03:00:00Z"


def source_nb(assignment: str = ASSIGNMENT) -> dict:
    return json.loads((COURSE_SRC / "source" / assignment / f"{assignment}.ipynb").read_text(encoding="utf-8"))


def release_like(nb: dict) -> dict:
    """What ``nbgrader generate_assignment`` makes of a source notebook (stubbed answers, no hidden tests,
    checksums). The slow tests use the real command; this keeps the many refusal tests fast."""
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


def make_course(target: Path, assignments=(ASSIGNMENT, "m2_menulis_daring")) -> Path:
    """A course folder with source/ (all assignments) and release/ for the given ones (release_like)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(COURSE_SRC / "source", target / "source")
    shutil.copy(COURSE_SRC / "nbgrader_config.py", target / "nbgrader_config.py")
    for name in assignments:
        folder = target / "release" / name
        folder.mkdir(parents=True)
        (folder / f"{name}.ipynb").write_text(json.dumps(release_like(source_nb(name)), ensure_ascii=False),
                                              encoding="utf-8")
    return target


def release(course: Path, assignment: str = ASSIGNMENT) -> dict:
    return json.loads((course / "release" / assignment / f"{assignment}.ipynb").read_text(encoding="utf-8"))


def rubric(assignment: str = ASSIGNMENT):
    from autograders.grading.rubric_file import load_rubric

    return load_rubric(COURSE_SRC / "source" / assignment / "rubrik.yml")


def answer_ids(assignment: str = ASSIGNMENT) -> list[str]:
    """The answer cells' grade_ids, in task order (from the rubric, so a renamed cell needs no test change)."""
    return [task.answer for task in rubric(assignment).tasks]


def model_answers(assignment: str = ASSIGNMENT) -> dict:
    """answer grade_id -> model answer (exercises/authoring/<assignment>.yml, keyed by task id)."""
    data = yaml.safe_load((COURSE_SRC / "authoring" / f"{assignment}.yml").read_text(encoding="utf-8"))
    return {task.answer: data[task.id] for task in rubric(assignment).tasks}


def web_notebook(release_nb: dict, student_id, name: str = "", email: str = "", answers: dict | None = None,
                 assignment: str = ASSIGNMENT, **extra) -> dict:
    """The notebook the exercise page's *Unduh jawaban* writes: the release version, answers in their cells,
    identity in ``metadata.kelas_humas``."""
    nb = copy.deepcopy(release_nb)
    for cell in nb["cells"]:
        gid = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if answers and gid in answers:
            cell["source"] = answers[gid]
    meta = {"assignment": assignment, "student_id": student_id, "student_name": name, "email": email,
            "saved_at": SAVED_AT, "source": "buku-web", "version": 1}
    meta.update(extra)
    nb["metadata"]["kelas_humas"] = meta
    return nb


def dumps(nb: dict) -> bytes:
    return json.dumps(nb, ensure_ascii=False, indent=1).encode("utf-8")


def moodle_member(name: str, participant: str, filename: str = NOTEBOOK, layout: str = "folders41") -> str:
    """The zip member name Moodle gives ``filename`` of participant ``<name>_<participant>``."""
    prefix = f"{name.replace('_', ' ')}_{participant}_assignsubmission_file"
    if layout == "folders41":
        return f"{prefix}/{filename}"
    if layout == "folders31":
        return f"{prefix}_/{filename}"
    return f"{prefix}_{filename}"


def write_zip(path: Path, members: list[tuple[str, bytes]] | list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return path


def zip_without_utf8_flag(path: Path, name: str, data: bytes) -> Path:
    """A zip whose member name is UTF-8 bytes without the UTF-8 flag (as several zip tools write it): written
    under an ASCII placeholder of the same byte length, which is then replaced in both headers."""
    raw = name.encode("utf-8")
    placeholder = ("Q" * len(raw)).encode("ascii")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(placeholder.decode("ascii"), data)
    out = buffer.getvalue()
    assert out.count(placeholder) == 2
    path.write_bytes(out.replace(placeholder, raw))
    return path


NUMERIC = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")  # PHP is_numeric on a trimmed string


def moodle_reads(text: str, mapfrom: str, decsep: str) -> dict[str, float | None]:
    """What Moodle's CSV grade import makes of a file, per grade/import/csv/classes/load_data.php: a header row;
    a line with one field is skipped; an empty mapping value aborts the import; a grade is '-' or '' (no grade) or
    numeric once the site language's decimal separator became '.' (unformat_float, strict), else the import aborts.
    The grade is the last column."""
    rows = list(csv.reader(io.StringIO(text)))
    header = [h.strip() for h in rows[0]]
    key = header.index(mapfrom)
    out = {}
    for line in rows[1:]:
        if len(line) <= 1:
            continue
        value = line[key].strip()
        if not value:
            raise AssertionError("Moodle aborts the import: empty mapping value")
        grade = line[-1].strip()
        if grade in ("", "-"):
            out[value] = None
            continue
        local = grade.replace(" ", "").replace(decsep, ".")
        if not NUMERIC.match(local):
            raise AssertionError(f"Moodle aborts the import: bad grade {grade!r}")
        out[value] = float(local)
    return out
