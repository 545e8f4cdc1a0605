"""A submission written outside JupyterHub: the assignment's RELEASE notebook (what ``nbgrader
generate_assignment`` wrote) with the trainee's answers in their answer cells and who wrote them in the
notebook's metadata. The book's exercise forms build it in the browser (*Unduh jawaban*); ``python -m autograders
intake``, ``python -m autograders grade`` and ``nbgrader autograde`` read it like any notebook submitted from the hub.

Only the ``source`` of the Markdown answer cells changes: every other cell, every cell id, every nbgrader
checksum and every other metadata key stays as released, so the grader's tamper checks find nothing. An empty
answer keeps the released stub line (nbgrader then sees the cell unchanged).

Who wrote it is the ``metadata.kelas_humas`` block of :mod:`.identity` (one definition for this writer and the
intake that reads it; the same student-id rule and messages)::

    {"assignment": "m4_seo", "student_id": "199001012020121001", "student_name": "Sari Dewi",
     "email": "sari@example.go.id" or "", "saved_at": "2026-12-07T03:41:10Z", "source": "buku-web", "version": 1}

The page asks for the name too (the instructor reads it beside the id); the e-mail may be left empty.
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import re
from typing import Any, Mapping

from ..present.feedback import message
from .identity import METADATA_KEY, identity_metadata, student_id_problem
from .notebook import TEXT_STUB, grade_id, is_answer_cell

MAX_NAME_CHARS = 120
MAX_EMAIL_CHARS = 200  # the intake keeps at most 200 characters of a name or e-mail
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s.]{1,63}")  # one literal '@' and one dot after it: linear


class SubmissionError(ValueError):
    """The trainee's details cannot go into a submission (message in Indonesian, names the field)."""


def _text(student: Mapping[str, Any], key: str) -> str:
    value = student.get(key, "")
    return " ".join(value.split()) if isinstance(value, str) else ""


def student_fields(student: Mapping[str, Any]) -> dict[str, str]:
    """The trainee's id, name and (optional) e-mail, trimmed and checked; raises :class:`SubmissionError`."""
    raw_id = student.get("student_id", "")
    problem = student_id_problem(raw_id)
    if problem is not None:
        raise SubmissionError(message(f"student_id.{problem}"))
    name, email = _text(student, "student_name"), _text(student, "email")
    if not name:
        raise SubmissionError("Nama wajib diisi sebelum mengunduh jawaban.")
    if len(name) > MAX_NAME_CHARS or _CONTROL.search(name):
        raise SubmissionError(f"Nama tidak sah (paling banyak {MAX_NAME_CHARS} karakter).")
    if email and (len(email) > MAX_EMAIL_CHARS or not _EMAIL.fullmatch(email)):
        raise SubmissionError("Alamat surel tidak sah (contoh: nama@instansi.go.id). Kosongkan bila tidak ada.")
    return {"student_id": raw_id.strip(), "student_name": name, "email": email}


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
        metadata[METADATA_KEY] = identity_metadata(assignment, fields["student_id"], fields["student_name"],
                                                   fields["email"], saved_at or utc_now())
        nb["metadata"] = metadata
    return nb


def render_notebook(nb: Mapping[str, Any]) -> str:
    """The notebook file's text, formatted as nbformat writes it (sorted keys, one-space indent, UTF-8)."""
    return json.dumps(nb, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
