"""``Label: value`` lines of an answer (the SEO exercise asks for ``Judul SEO: …``, ``Deskripsi meta: …``).

Read with string operations only, one pass per line: linear in the length of the answer, whatever the answer
holds (a line of 200,000 spaces or colons included).
"""
from __future__ import annotations

from typing import Mapping

MAX_LABEL = 40


def field_line(line: str) -> tuple[str, str] | None:
    """``(label, value)`` of a ``Label: value`` line (an optional list marker and ``**bold**`` allowed), or None."""
    text = line.strip()
    if text[:1] in ("-", "*") and text[1:2] in (" ", "\t"):
        text = text[2:].lstrip()
    text = text.lstrip("*").lstrip()
    label, colon, rest = text.partition(":")
    if not colon:
        return None
    label = label.rstrip().rstrip("*").rstrip()
    if not label or len(label) > MAX_LABEL or "*" in label or "\n" in label:
        return None
    value = rest.strip().lstrip("*").strip().strip("* ")
    return label, value


def split_fields(text: str, fields: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """Take ``Label: value`` lines (labels from the rubric, any case, optional ``**bold**``) out of an answer.

    Returns the remaining text (the body) and ``{parameter: value}``; a label given twice keeps the first value.
    """
    if not fields:
        return text, {}
    by_label = {" ".join(label.lower().split()): parameter for parameter, label in fields.items()}
    values: dict[str, str] = {}
    body = []
    for line in text.splitlines():
        found = field_line(line)
        parameter = by_label.get(" ".join(found[0].lower().split())) if found else None
        if parameter and found:
            values.setdefault(parameter, found[1])
        else:
            body.append(line)
    return "\n".join(body).strip(), values
