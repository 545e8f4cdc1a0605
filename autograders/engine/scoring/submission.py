"""A submission written outside JupyterHub: the assignment's RELEASE notebook (what ``nbgrader
generate_assignment`` wrote) with the trainee's answers in their answer cells and who wrote them in the
notebook's metadata. The book's exercise forms build it in the browser (*Unduh jawaban*); the instructor's intake
and ``python -m autograders grade`` / ``nbgrader autograde`` read it like any notebook submitted from the hub.

Only the ``source`` of the Markdown answer cells changes: every other cell, every cell id, every nbgrader
checksum and every other metadata key stays as released, so the grader's tamper checks find nothing. An empty
answer keeps the released stub line (nbgrader then sees the cell unchanged).

The notebook-level metadata (``metadata.kelas_humas``; :func:`submission_info` reads and checks it)::

    {"assignment": "m4_seo", "student_id": "199001012020121001", "student_name": "Sari Dewi",
     "email": "sari@example.go.id" or "", "saved_at": "2026-12-07T03:41:10Z", "source": "buku-web", "version": 1}
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import re
from typing import Any, Mapping

from .notebook import TEXT_STUB, grade_id, is_answer_cell

METADATA_KEY = "kelas_humas"
METADATA_VERSION = 1
SOURCE_WEB = "buku-web"
MAX_FIELD_CHARS = {"student_id": 64, "student_name": 120, "email": 254}
FIELD_LABELS = {"student_id": "Nomor identitas (NIP/NIK/ID peserta)", "student_name": "Nama", "email": "Surel"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s.]{1,63}")  # one literal '@' and one dot after it: linear


class SubmissionError(ValueError):
    """The trainee's details cannot go into a submission (message in Indonesian, names the field)."""


def _field(student: Mapping[str, Any], key: str, required: bool) -> str:
    value = student.get(key, "")
    value = " ".join(value.split()) if isinstance(value, str) else ""
    if required and not value:
        raise SubmissionError(f"{FIELD_LABELS[key]} wajib diisi sebelum mengunduh jawaban.")
    if len(value) > MAX_FIELD_CHARS[key]:
        raise SubmissionError(f"{FIELD_LABELS[key]} terlalu panjang (paling banyak {MAX_FIELD_CHARS[key]} karakter).")
    if _CONTROL.search(value):
        raise SubmissionError(f"{FIELD_LABELS[key]} berisi karakter yang tidak sah.")
    return value


def student_fields(student: Mapping[str, Any]) -> dict[str, str]:
    """The trainee's ID, name and (optional) email, trimmed and checked; raises :class:`SubmissionError`."""
    out = {"student_id": _field(student, "student_id", True), "student_name": _field(student, "student_name", True),
           "email": _field(student, "email", False)}
    if out["email"] and not _EMAIL.fullmatch(out["email"]):
        raise SubmissionError("Surel tidak sah (contoh: nama@instansi.go.id). Kosongkan bila tidak ada.")
    return out


def _lines(text: str) -> list[str]:
    """A cell source as nbformat writes it: a list of lines, each but the last ending in a newline."""
    return text.splitlines(keepends=True)


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def fill_notebook(release: Mapping[str, Any], answers: Mapping[str, str], assignment: str = "",
                  student: Mapping[str, Any] | None = None, saved_at: str = "") -> dict[str, Any]:
    """The release notebook with ``answers`` (``grade_id`` -> Markdown) in their answer cells.

    With ``student`` (``student_id``, ``student_name``, optional ``email``), the notebook also carries
    ``metadata.kelas_humas``; without it (when the page only scores), no metadata is added.
    """
    nb = copy.deepcopy(dict(release))
    for cell in nb.get("cells", []):
        gid = grade_id(cell)
        if gid is None or gid not in answers or not is_answer_cell(cell):
            continue
        text = answers[gid] if isinstance(answers[gid], str) else ""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        cell["source"] = _lines(text.strip("\n")) if text.strip() else _lines(TEXT_STUB)
    if student is not None:
        fields = student_fields(student)
        metadata = dict(nb.get("metadata") or {})
        metadata[METADATA_KEY] = {"assignment": assignment, **fields, "saved_at": saved_at or utc_now(),
                                  "source": SOURCE_WEB, "version": METADATA_VERSION}
        nb["metadata"] = metadata
    return nb


def render_notebook(nb: Mapping[str, Any]) -> str:
    """The notebook file's text, formatted as nbformat writes it (sorted keys, one-space indent, UTF-8)."""
    return json.dumps(nb, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def submission_info(nb: Mapping[str, Any]) -> dict[str, Any] | None:
    """``metadata.kelas_humas`` of a notebook written by the book's form, checked; None when there is none.

    Raises :class:`SubmissionError` when the block is there but malformed (a hand-edited file), so an intake
    can refuse it with the message.
    """
    metadata = nb.get("metadata")
    block = metadata.get(METADATA_KEY) if isinstance(metadata, Mapping) else None
    if block is None:
        return None
    if not isinstance(block, Mapping):
        raise SubmissionError("Metadata kelas_humas pada notebook rusak.")
    if block.get("version") != METADATA_VERSION:
        raise SubmissionError(f"Versi metadata kelas_humas tidak dikenal: {block.get('version')!r}.")
    assignment = block.get("assignment")
    if not isinstance(assignment, str) or not assignment.strip():
        raise SubmissionError("Metadata kelas_humas tidak menyebut nama tugas.")
    info = {"assignment": assignment.strip(), **student_fields(block)}
    saved_at = block.get("saved_at")
    try:
        dt.datetime.fromisoformat(str(saved_at).replace("Z", "+00:00"))
    except ValueError:
        raise SubmissionError("Waktu simpan (saved_at) pada metadata kelas_humas tidak sah.") from None
    info.update(saved_at=str(saved_at), source=str(block.get("source", "")), version=METADATA_VERSION)
    return info
