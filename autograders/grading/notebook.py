"""Reading a submitted notebook file as plain JSON: nothing in it is ever executed.

The cell helpers and the answer extraction (:func:`answer_texts`, :func:`clean_answer`) live in the engine
(:mod:`autograders.engine.scoring.notebook`), because the book's exercise forms take answers out of a notebook
the same way in the browser; they are re-exported here for the server code.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..engine.scoring.notebook import (  # noqa: F401 - re-exported for the grader, the tamper checks and the cell
    FENCE, SCRIPT, TEXT_STUB, answer_texts, clean_answer, first_cells_by_grade_id, grade_id, graded_cells, has_code,
    is_answer_cell, meta, source, strip_code)

MAX_NOTEBOOK_BYTES = 20_000_000


class NotebookReadError(ValueError):
    """A submission that is not a readable notebook (message in Indonesian)."""


def read_notebook(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_NOTEBOOK_BYTES:
            raise NotebookReadError(f"Notebook {path.name} terlalu besar (lebih dari 20 MB).")
        raw = path.read_bytes()
    except OSError:
        raise NotebookReadError(f"Notebook {path.name} tidak ditemukan atau tidak dapat dibaca.") from None
    return parse_notebook(raw, path.name)


def parse_notebook(raw: bytes | str, name: str = "notebook") -> dict[str, Any]:
    """The notebook's JSON. Like nbgrader (nbformat reads UTF-8 text), only UTF-8 without a byte-order mark is
    accepted: ``json.loads`` alone would also take UTF-16 and UTF-32, which nbgrader refuses."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise NotebookReadError(
                f"{name} bukan berkas UTF-8 (misalnya UTF-16); nbgrader juga menolaknya. "
                "Simpan ulang notebook dari JupyterLab.") from None
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # ValueError: also an integer of more than 4,300 digits
        raise NotebookReadError(f"{name} bukan JSON yang sah: berkas notebook rusak atau terpotong.") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise NotebookReadError(f"{name} bukan notebook Jupyter (tidak ada daftar sel).")
    if not all(isinstance(cell, dict) for cell in data["cells"]):
        raise NotebookReadError(f"{name} berisi sel yang rusak.")
    return data
