"""The cells of every CSV file we write (the cohort report's ``nilai_<assignment>.csv``, ``grades-export``):
one place for CSV safety and one number convention.

**Text** is made inert: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (after
leading spaces) gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula
(a trainee id or name like ``=HYPERLINK("http://…")``, ``@SUM(…)`` or ``-2+3``); control characters inside text
become spaces. This is the OWASP advice for CSV injection.

**Numbers** are written with a decimal point, at most two decimals, no thousands separator and no trailing
zeros (``12.5``, ``3``, ``0.25``): what Moodle's grade import reads under any site language, and what a
spreadsheet reads when the file is imported with the *English (US)* locale. A number is never passed through
:func:`inert` (``-0.5`` stays a number).

Files are UTF-8 without a byte-order mark, comma separated, with CRLF line ends (RFC 4180).
"""
from __future__ import annotations

import csv
import io
import math
from typing import Any, Iterable, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DECIMAL_NOTE = "angka memakai titik desimal, misalnya 1.5 untuk satu setengah"


def formula_like(text: str) -> bool:
    """True when a spreadsheet would read ``text`` as a formula."""
    return text.lstrip(" ").startswith(FORMULA_START)


def inert(text: str) -> str:
    """A text cell a spreadsheet cannot evaluate: formula starts get a leading apostrophe, control characters
    become spaces."""
    text = str(text)
    if formula_like(text):
        text = "'" + text
    return "".join(ch if ch.isprintable() else " " for ch in text)


def number_text(value: float) -> str:
    """A number with a decimal point and at most two decimals: ``12.5``, ``3``, ``0.25``."""
    value = float(value)
    if not math.isfinite(value):
        return ""
    text = f"{round(value + 0.0, 2):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def cell(value: Any) -> str:
    """One cell: numbers by :func:`number_text`, empty for None, everything else as inert text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return inert("ya" if value else "tidak")
    if isinstance(value, (int, float)):
        return number_text(value)
    return inert(str(value))


def csv_text(rows: Iterable[Sequence[Any]]) -> str:
    """The CSV text of ``rows`` (header included), every cell through :func:`cell`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue()
