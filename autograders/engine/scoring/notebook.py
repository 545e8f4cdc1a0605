"""An exercise notebook read as plain JSON (nothing in it is ever executed): its cells, their nbgrader
metadata, and the trainee's answers taken from the Markdown answer cells by their nbgrader ``grade_id``.

The cohort grader (server) and the book's exercise forms (browser) both take answers out of a notebook with
:func:`answer_texts`, so the text they score is the same by construction. Before scoring, an answer loses the
stub line nbgrader put there (:data:`TEXT_STUB`) and any fenced code block or ``<script>`` element: code is not
prose, it is never run, and the grader's tamper checks flag it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping  # not typing.Mapping: its isinstance is ~30x slower
from typing import Any

# What the trainee finds in an answer cell of the student version (``ClearSolutions.text_stub``).
TEXT_STUB = "JAWABAN ANDA: hapus baris ini, lalu tulis jawaban Anda di sini."

# Both patterns are anchored on a literal opening and stop at the first closing (lazy, no nested quantifiers).
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
SCRIPT = re.compile(r"<script\b.*?(?:</script\s*>|\Z)", re.IGNORECASE | re.DOTALL)


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
    """grade_id -> the first cell carrying it (a duplicate is flagged by the grader's tamper checks, never used)."""
    out: dict[str, Mapping[str, Any]] = {}
    for _, cell in graded_cells(nb):
        out.setdefault(grade_id(cell) or "", cell)
    return out


def is_answer_cell(cell: Mapping[str, Any]) -> bool:
    """A Markdown cell the trainee writes in (an nbgrader solution cell)."""
    return bool(meta(cell).get("solution")) and cell.get("cell_type") == "markdown"


def strip_code(text: str) -> str:
    return SCRIPT.sub("", FENCE.sub("", text))


def has_code(text: str) -> bool:
    return bool(FENCE.search(text) or SCRIPT.search(text))


def clean_answer(text: str) -> str:
    """The trainee's prose: stub line, fenced code and scripts removed."""
    lines = [line for line in text.splitlines() if line.strip() != TEXT_STUB]
    return strip_code("\n".join(lines)).strip()


def answer_texts(nb: Mapping[str, Any], grade_ids: Iterable[str]) -> dict[str, str]:
    """grade_id -> cleaned answer, for each wanted grade_id found in a solution cell.

    The cell's text is the answer whatever its type: an answer cell switched to a raw or code cell (one keypress
    in JupyterLab) is still prose, as ``nbgrader autograde`` sees it after restoring the cell type; the grader
    flags the change (``metadata_changed``), and nothing in the cell is ever run.
    """
    cells = first_cells_by_grade_id(nb)
    out: dict[str, str] = {}
    for gid in grade_ids:
        cell = cells.get(gid)
        if cell is not None and meta(cell).get("solution") and cell.get("cell_type") in ("markdown", "raw", "code"):
            out[gid] = clean_answer(source(cell))
    return out
