"""Reading a submitted notebook as plain JSON: nothing in it is ever executed.

Answers are Markdown cells marked as nbgrader solution cells; they are found by their nbgrader ``grade_id``.
Before scoring, an answer loses the stub line nbgrader put there (:data:`TEXT_STUB`) and any fenced code block
or ``<script>`` element: code is not prose, it is never run, and :mod:`.tamper` flags it.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

# What the trainee finds in an answer cell of the student version (``ClearSolutions.text_stub``).
TEXT_STUB = "JAWABAN ANDA: hapus baris ini, lalu tulis jawaban Anda di sini."
MAX_NOTEBOOK_BYTES = 20_000_000

FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
SCRIPT = re.compile(r"<script\b.*?(?:</script\s*>|\Z)", re.IGNORECASE | re.DOTALL)


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
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise NotebookReadError(f"{name} bukan JSON yang sah: berkas notebook rusak atau terpotong.") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise NotebookReadError(f"{name} bukan notebook Jupyter (tidak ada daftar sel).")
    if not all(isinstance(cell, dict) for cell in data["cells"]):
        raise NotebookReadError(f"{name} berisi sel yang rusak.")
    return data


def source(cell: Mapping[str, Any]) -> str:
    value = cell.get("source", "")
    if isinstance(value, list):
        return "".join(str(part) for part in value)
    return value if isinstance(value, str) else ""


def meta(cell: Mapping[str, Any]) -> Mapping[str, Any]:
    """The cell's nbgrader metadata ({} when the cell has none)."""
    metadata = cell.get("metadata")
    value = metadata.get("nbgrader") if isinstance(metadata, Mapping) else None
    return value if isinstance(value, Mapping) else {}


def grade_id(cell: Mapping[str, Any]) -> str | None:
    value = meta(cell).get("grade_id")
    return str(value) if value not in (None, "") else None


def graded_cells(nb: Mapping[str, Any]) -> Iterator[tuple[int, Mapping[str, Any]]]:
    for index, cell in enumerate(nb.get("cells", [])):
        if grade_id(cell):
            yield index, cell


def first_cells_by_grade_id(nb: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """grade_id -> the first cell carrying it (a duplicate is flagged by :mod:`.tamper`, never used)."""
    out: dict[str, Mapping[str, Any]] = {}
    for _, cell in graded_cells(nb):
        out.setdefault(grade_id(cell) or "", cell)
    return out


def strip_code(text: str) -> str:
    return SCRIPT.sub("", FENCE.sub("", text))


def has_code(text: str) -> bool:
    return bool(FENCE.search(text) or SCRIPT.search(text))


def clean_answer(text: str) -> str:
    """The trainee's prose: stub line, fenced code and scripts removed."""
    lines = [line for line in text.splitlines() if line.strip() != TEXT_STUB]
    return strip_code("\n".join(lines)).strip()


def answer_texts(nb: Mapping[str, Any], grade_ids: Iterable[str]) -> dict[str, str]:
    """grade_id -> cleaned answer, for each wanted grade_id found in a Markdown solution cell."""
    cells = first_cells_by_grade_id(nb)
    out: dict[str, str] = {}
    for gid in grade_ids:
        cell = cells.get(gid)
        if cell is not None and meta(cell).get("solution") and cell.get("cell_type") == "markdown":
            out[gid] = clean_answer(source(cell))
    return out
