"""Who handed a notebook in: the ``kelas_humas`` block of notebook metadata that the book's exercise page writes
(*Unduh jawaban*) and ``python -m autograders intake`` reads. One definition for the writer and the reader, so
the page refuses an id the intake would refuse, with the same message.

The block, at the notebook level (``metadata.kelas_humas``)::

    {"assignment": "m1_situs_web", "student_id": "budi.santoso", "student_name": "Budi Santoso",
     "email": "budi@sukamajukota.go.id", "saved_at": "2026-12-07T03:00:00Z", "source": "buku-web", "version": 1}

``assignment`` and ``student_id`` are required; ``email`` may be empty. ``saved_at`` is the trainee's computer's
clock: it is kept for information and never used as the submission time.

A student id is ASCII letters, digits, ``.``, ``_`` and ``-``, starts with a letter or digit, holds no ``..`` and
has at most :data:`MAX_ID_LENGTH` characters (an NIP, the 18-digit civil-servant number, fits). Surrounding spaces
are ignored. Its folder and gradebook form is lower case (JupyterHub lower-cases user names too).
Problems are codes; their sentences are ``student_id.<code>`` in the message catalogues (``present/messages``).
"""
from __future__ import annotations

from typing import Any

METADATA_KEY = "kelas_humas"
FORMAT_VERSION = 1
SOURCE_WEB = "buku-web"
MAX_ID_LENGTH = 64
ID_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
ID_PROBLEMS = ("type", "empty", "length", "characters", "start", "dots")


def student_id_problem(raw: Any) -> str | None:
    """None for a valid student id, else one of :data:`ID_PROBLEMS`."""
    if not isinstance(raw, str):
        return "type"
    value = raw.strip()
    if not value:
        return "empty"
    if len(value) > MAX_ID_LENGTH:
        return "length"
    if not all(ch in ID_CHARACTERS for ch in value):
        return "characters"
    if not value[0].isalnum():
        return "start"
    if ".." in value:
        return "dots"
    return None


def student_folder(raw: Any) -> str | None:
    """The folder and gradebook id of a valid student id (lower case), else None."""
    return raw.strip().lower() if student_id_problem(raw) is None else None


def identity_metadata(assignment: str, student_id: str, student_name: str = "", email: str = "",
                      saved_at: str = "") -> dict[str, Any]:
    """The ``metadata.kelas_humas`` block the exercise page writes. Raises ValueError for an invalid id."""
    problem = student_id_problem(student_id)
    if problem is not None:
        raise ValueError(problem)
    return {"assignment": assignment, "student_id": student_id.strip(), "student_name": student_name.strip(),
            "email": email.strip(), "saved_at": saved_at, "source": SOURCE_WEB, "version": FORMAT_VERSION}
