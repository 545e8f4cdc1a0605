"""Fabricating a cohort of submissions for one assignment (used by the end-to-end test and the benchmark)."""
from __future__ import annotations

import copy
import json
import os
import tempfile
import shutil
import subprocess
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
COURSE_SRC = REPO / "exercises"
ASSIGNMENT = "m2_menulis_daring"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"

WEAK = ("Dalam rangka pelaksanaan program peningkatan kualitas pelayanan publik di lingkungan Pemerintah Kabupaten "
        "Sukamaju, bersama ini kami sampaikan kepada seluruh masyarakat bahwa terhitung mulai tanggal 4 Januari "
        "2027 pelayanan administrasi kependudukan yang selama ini dilaksanakan di kantor kelurahan akan dialihkan "
        "pelaksanaannya ke Mal Pelayanan Publik sehubungan dengan telah selesainya pembangunan gedung tersebut. "
        "Masyarakat dihimbau untuk dapat menyesuaikan diri dengan adanya perubahan tersebut.")
WEAK_TITLE = "Pengumuman"
MONKEYPATCH = '''import autograders, autograders.grading.cell as _c, autograders.engine.scoring.rubric as _r
_c.grade_cell = lambda *a, **k: (100.0, 100.0)
_r.score_task = lambda *a, **k: None
autograders.analyze = lambda *a, **k: None
import builtins
builtins.grade_cell = _c.grade_cell'''


def env() -> dict:
    out = dict(os.environ)
    out["PATH"] = f"{REPO / '.venv' / 'bin'}{os.pathsep}{out.get('PATH', '')}"
    out["PYTHONPATH"] = str(REPO)
    return out


def nbgrader(course: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([str(REPO / ".venv" / "bin" / "nbgrader"), *args], cwd=course, env=env(),
                          capture_output=True, text=True, check=check)


def make_course(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(COURSE_SRC / "source", target / "source")
    shutil.copytree(COURSE_SRC / "templates", target / "templates")
    shutil.copy(COURSE_SRC / "nbgrader_config.py", target / "nbgrader_config.py")
    nbgrader(target, "generate_assignment", "*", "--force")
    return target


def solutions() -> dict:
    return yaml.safe_load((COURSE_SRC / "authoring" / f"{ASSIGNMENT}.yml").read_text(encoding="utf-8"))


def release(course: Path) -> dict:
    return json.loads((course / "release" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8"))


def with_answers(nb: dict, answers: dict) -> dict:
    out = copy.deepcopy(nb)
    for cell in out["cells"]:
        gid = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell["source"] = answers[gid]
    return out


def cell_index(nb: dict, grade_id: str) -> int:
    return next(i for i, c in enumerate(nb["cells"]) if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)


CODE_RAN_MARKER = Path(tempfile.gettempdir()) / "khd-code-in-answer-ran"


def code_cell(cell_id: str, text: str) -> dict:
    return {"cell_type": "code", "execution_count": None, "id": cell_id, "metadata": {}, "outputs": [], "source": text}


def fabricate(course: Path, honest_copies: int = 6) -> dict[str, dict]:
    """Write submitted/<student>/<assignment>/ for a cohort; returns {student: {"kind", "flag"}}."""
    CODE_RAN_MARKER.unlink(missing_ok=True)
    rel = release(course)
    sol = solutions()
    strong = {"jawaban_tulis_ulang": sol["tulis_ulang"], "jawaban_judul": sol["judul"]}
    medium = {"jawaban_tulis_ulang": sol["tulis_ulang"], "jawaban_judul": WEAK_TITLE}
    weak = {"jawaban_tulis_ulang": WEAK, "jawaban_judul": WEAK_TITLE}
    cohort: dict[str, tuple[dict | bytes, str, str | None]] = {}
    for i in range(honest_copies):
        # Copies differ by a closing line that adds no fact (a number here would be an invented fact).
        suffix = "" if i == 0 else "\n\nTerima kasih." + " Salam hangat." * i
        cohort[f"kuat{i:02d}"] = (with_answers(rel, {k: v + suffix for k, v in strong.items()}), "strong", None)
        cohort[f"sedang{i:02d}"] = (with_answers(rel, medium), "medium", None)
        cohort[f"lemah{i:02d}"] = (with_answers(rel, {k: v + (f" Nomor {i}." if i else "") for k, v in weak.items()}),
                                   "weak", None)
    for i in range(3):
        cohort[f"kosong{i}"] = (copy.deepcopy(rel), "empty", None)

    nb = with_answers(rel, strong)
    nb["cells"][cell_index(nb, "petunjuk_tulis_ulang")]["source"] += "\n\nSaya ubah petunjuknya."
    cohort["ubah_sel"] = (nb, "strong", "cell_edited")

    nb = with_answers(rel, strong)
    nb["cells"].pop(cell_index(nb, "uji_judul"))
    cohort["hapus_sel"] = (nb, "strong", "cell_deleted")

    nb = with_answers(rel, weak)
    nb["cells"][cell_index(nb, "uji_tulis_ulang")]["metadata"]["nbgrader"]["points"] = 1.0
    cohort["ubah_poin"] = (nb, "weak", "points_changed")

    nb = with_answers(rel, weak)
    nb["cells"][cell_index(nb, "petunjuk_judul")]["metadata"]["nbgrader"]["locked"] = False
    cohort["ubah_metadata"] = (nb, "weak", "metadata_changed")

    nb = copy.deepcopy(rel)
    nb["cells"].insert(cell_index(nb, "uji_tulis_ulang"), {"cell_type": "markdown", "id": "tambahan", "metadata": {},
                                                           "source": sol["tulis_ulang"]})
    cohort["di_luar_sel"] = (nb, "empty", "answer_outside_cell")

    nb = with_answers(rel, weak)
    nb["cells"].insert(1, code_cell("curang", MONKEYPATCH))
    cohort["tambal_fungsi"] = (nb, "weak", "code_cell_added")

    # Code inside an answer must never run: if it did, it would leave this marker file behind.
    nb = with_answers(rel, {"jawaban_tulis_ulang": sol["tulis_ulang"] + "\n\n```python\nimport pathlib\n"
                            f"pathlib.Path({str(CODE_RAN_MARKER)!r}).write_text('ran')\n```",
                            "jawaban_judul": sol["judul"]})
    cohort["kode_jawaban"] = (nb, "strong", "code_in_answer")

    nb = with_answers(rel, strong)
    dup = copy.deepcopy(nb["cells"][cell_index(nb, "jawaban_judul")])
    dup["source"] = WEAK_TITLE
    nb["cells"].append(dup)
    # Named to sort last: `nbgrader autograde` stops the WHOLE batch at a duplicated grade_id (it reports an
    # "old metadata format"); our grader flags it and goes on.
    cohort["zz_sel_ganda"] = (nb, "strong", "duplicate_cell_id")

    nb = with_answers(rel, strong)
    nb["cells"].insert(1, code_cell("loop", "while True:\n    pass"))
    cohort["loop_abadi"] = (nb, "strong", "code_cell_added")

    cohort["rusak"] = (json.dumps(with_answers(rel, strong)).encode()[:5000], "invalid", "invalid_notebook")

    big = ("Warga bisa datang ke Mal Pelayanan Publik mulai 4 Januari 2027. " * 16_000)[:1_000_000]
    cohort["sejuta"] = (with_answers(rel, {"jawaban_tulis_ulang": big, "jawaban_judul": WEAK_TITLE}), "big", None)

    # The model answer hidden in a <div hidden> under a one-line excuse: the instructor is told.
    hidden = "Saya belum sempat menulis.\n\n<div hidden>\n\n" + sol["tulis_ulang"] + "\n\n</div>"
    cohort["tersembunyi"] = (with_answers(rel, {"jawaban_tulis_ulang": hidden, "jawaban_judul": WEAK_TITLE}), "hidden",
                             "hidden_content")

    cohort["skrip"] = (with_answers(rel, {"jawaban_tulis_ulang": WEAK + " <img src=x onerror=alert(1)>",
                                          "jawaban_judul": "<script>alert('x')</script>"}), "weak-ish", "code_in_answer")

    out = {}
    for student, (content, kind, flag) in cohort.items():
        folder = course / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else json.dumps(content, ensure_ascii=False).encode("utf-8")
        (folder / NOTEBOOK).write_bytes(data)
        (folder / "timestamp.txt").write_text("2027-01-05 10:00:00.000000 UTC\n", encoding="utf-8")
        out[student] = {"kind": kind, "flag": flag}
    return out
