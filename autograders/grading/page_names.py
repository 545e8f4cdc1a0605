"""File names for pages made from a student id (``umpan_balik/<assignment>/<name>.html``): safe and collision-free.

A student id comes from a folder name under ``submitted/`` and can hold anything a file name can: spaces,
capitals, dots, non-ASCII letters, Windows device names. The rule:

* a *plain* id — lower-case ASCII letters, digits, ``_``, ``-`` and inner dots, starting with a letter or digit,
  at most 64 characters, not ending in a dot, not a Windows device name (``con``, ``nul``, ``com1`` …) — is its
  own file name, so ``budi01.html`` is what an instructor expects;
* any other id gets a readable part (lower-cased, runs of other characters as one ``_``, no leading ``-`` or
  ``_``, at most 40 characters; ``peserta`` when nothing is left) plus
  ``~`` and 16 hex digits of the id's SHA-256. A plain name never contains ``~``, so the two kinds never meet,
  and two different ids meet only if SHA-256 collides in its first 64 bits.

So ``a b`` and ``a_b`` (or ``Budi`` and ``budi``, which a case-insensitive disk would mix up) never share a file,
and no name holds a path separator, starts with anything but a letter or digit, or is longer than 64 characters
(plus ``.html``).
"""
from __future__ import annotations

import hashlib

PLAIN_FIRST = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
PLAIN_REST = PLAIN_FIRST | frozenset("_-.")
MAX_PLAIN = 64
READABLE = 40
WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul", "conin$", "conout$"}
                            | {f"{d}{n}" for d in ("com", "lpt") for n in "0123456789¹²³"})


def is_plain(student: str) -> bool:
    return (0 < len(student) <= MAX_PLAIN and student[0] in PLAIN_FIRST and all(ch in PLAIN_REST for ch in student)
            and not student.endswith(".") and ".." not in student
            and student.split(".")[0] not in WINDOWS_DEVICES)


def page_stem(student: str) -> str:
    """The file name (without ``.html``) of a student's page."""
    student = str(student)
    if is_plain(student):
        return student
    readable = "".join(ch if ch in PLAIN_FIRST or ch == "-" else " " for ch in student.lower()[:READABLE])
    readable = "_".join(readable.split()).strip("-_") or "peserta"  # never starts with "-" (a command option)
    digest = hashlib.sha256(student.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{readable}~{digest}"


def page_file(student: str) -> str:
    return page_stem(student) + ".html"
