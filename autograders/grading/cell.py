"""What an nbgrader test cell calls: ``grade_cell(notebook, task)`` -> ``(points, max_points)``, feedback on stdout.

The answer is read from the notebook FILE on disk (the kernel's working directory is the notebook's folder under
JupyterLab, ``nbgrader validate`` and ``nbgrader autograde``), never from kernel variables. The scoring itself runs
in a fresh, isolated Python process (``python -I``) that imports the engine from disk, so code in earlier cells
that replaces the engine's or this module's functions in the kernel changes nothing. (The hidden part of each
test cell also drops every ``autograders`` module from ``sys.modules`` before importing this one.) The rubric is
``rubrik.yml`` beside the notebook; nbgrader autograde copies the instructor's version over the trainee's, and the
hidden test passes its SHA-256 so a rubric rewritten at run time is refused.

Nothing is written to stderr (nbgrader gives 0 points for any stderr output) and nothing raises.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

RUBRIC_FILE = "rubrik.yml"
TIMEOUT_SECONDS = 120
_BOOT = ("import sys; sys.path.insert(0, sys.argv[1]); del sys.argv[1]; "
         "from autograders.grading.cell import main; sys.exit(main(sys.argv[1:]))")


def _package_root() -> str:
    return str(Path(__file__).resolve().parents[2])


def score_in_process(notebook: str, task_id: str, rubric_path: str, rubric_sha256: str = "") -> dict:
    """Score one task of a notebook on disk; returns a JSON-ready dict (``error`` set when it cannot)."""
    from .notebook import NotebookReadError, answer_texts, read_notebook
    from ..engine.scoring.rubric import RubricError, feedback_text, score_task
    from .rubric_file import load_rubric

    try:
        rubric = load_rubric(rubric_path)
        if rubric_sha256 and rubric.sha256 != rubric_sha256:
            return {"error": "Berkas rubrik.yml berbeda dari rubrik instruktur; nilai tidak dapat dihitung.",
                    "points": 0.0, "max_points": 0.0}
        task = rubric.task(task_id)
        nb = read_notebook(notebook)
    except (RubricError, NotebookReadError) as error:
        return {"error": str(error), "points": 0.0, "max_points": 0.0}
    score = score_task(task, answer_texts(nb, task.answer_cells))
    return {"points": score.points, "max_points": score.max_points, "feedback": feedback_text(score, task.title)}


def main(argv: list[str]) -> int:
    """Entry point of the isolated process: ``NOTEBOOK TASK RUBRIC [SHA256]`` -> one JSON object on stdout."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            notebook, task_id, rubric_path = argv[:3]
            result = score_in_process(notebook, task_id, rubric_path, argv[3] if len(argv) > 3 else "")
        except Exception:  # noqa: BLE001 - the trainee gets a sentence, not a traceback
            result = {"error": "Penilaian gagal karena kesalahan teknis. Beri tahu instruktur.", "points": 0.0,
                      "max_points": 0.0}
    sys.stdout.write(json.dumps(result, ensure_ascii=False))
    return 0


def _run_isolated(notebook: Path, task_id: str, rubric: Path, rubric_sha256: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL", "SYSTEMROOT", "TMPDIR")}
    env["PYTHONIOENCODING"] = "utf-8"
    completed = subprocess.run(
        [sys.executable, "-I", "-c", _BOOT, _package_root(), str(notebook), task_id, str(rubric), rubric_sha256],
        capture_output=True, timeout=TIMEOUT_SECONDS, env=env, cwd=str(notebook.parent), check=False)
    return json.loads(completed.stdout.decode("utf-8"))


def grade_cell(notebook_name: str, task_id: str, rubric_sha256: str = "") -> tuple[float, float]:
    """Print the Indonesian feedback of one task and return ``(points, max_points)``. Never raises."""
    notebook = Path.cwd() / notebook_name
    rubric = Path.cwd() / RUBRIC_FILE
    with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        if not notebook.is_file():
            print(f"Notebook {notebook_name} tidak ditemukan di folder ini. Jangan mengganti nama berkas notebook, "
                  "lalu simpan (Ctrl+S) dan jalankan sel ini lagi.")
            return 0.0, 0.0
        try:
            result = _run_isolated(notebook, task_id, rubric, rubric_sha256)
        except subprocess.TimeoutExpired:
            result = {"error": "Penilaian terlalu lama dan dihentikan. Persingkat jawaban Anda."}
        except Exception:  # noqa: BLE001
            result = {"error": "Penilaian gagal karena kesalahan teknis. Beri tahu instruktur."}
    if result.get("error"):
        _show(str(result["error"]))
        return 0.0, float(result.get("max_points") or 0.0)
    print("(Nilai dihitung dari notebook yang terakhir disimpan. Simpan dulu dengan Ctrl+S.)")
    _show(str(result.get("feedback", "")))
    return float(result["points"]), float(result["max_points"])


def _show(text: str) -> None:
    """Feedback to stdout; under ``nbgrader validate`` ALSO to stderr, the only channel its report shows.

    nbgrader sets ``NBGRADER_EXECUTION=validate`` there and ``autograde`` when grading, where stderr would
    cost all points, so stderr is written under validation only.
    """
    print(text)
    if os.environ.get("NBGRADER_EXECUTION") == "validate":
        sys.stderr.write(text + "\n")
