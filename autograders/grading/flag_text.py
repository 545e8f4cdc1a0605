"""What a tamper flag means, in words a trainee and an instructor read: the ONE place flags become language.

A flag (:mod:`.tamper`) is a code plus the cells it concerns. The sentences live in the message catalogue
(``autograders/engine/present/messages/<lang>/flags.json``): ``flag.<code>`` (the explanation, with ``{cells}``),
``flag.<code>.name`` (a short name for tables) and ``place.*`` (where a cell is). Every page that shows a flag —
the trainee's feedback page, the cohort report, its CSV, the gradebook comment nbgrader's feedback shows — takes
its words from here, never a code like ``cell_deleted`` or an id like ``petunjuk_judul``.

A *place* is how a trainee finds a cell in the notebook: "sel jawaban “Tugas 1: …”", "sel petunjuk “…”" (the
cell that starts with that heading), "sel tambahan sesudah sel jawaban “…”". :func:`released_places` gives the
place of every cell of the released notebook; :class:`SubmissionPlaces` the place of any cell of a submission.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Union

from ..engine.present.feedback import catalogue, message
from .notebook import grade_id as _grade_id, meta as _nbgrader, source as _text

MAX_LISTED = 10  # places listed in one message; the rest are counted
MAX_HEADING = 60  # characters of a heading quoted in a place

Place = Union[str, Mapping[str, Any]]  # a catalogue place {"key": "place.answer", "heading": ...} or plain text


def known(code: str) -> bool:
    return f"flag.{code}" in catalogue("id")


def flag_name(code: str, lang: str = "id") -> str:
    """A short name for a flag ("Sel dihapus"), for tables and lists."""
    return message(f"flag.{code}.name" if known(code) else "flag.unknown.name", None, lang)


def place_text(place: Place, lang: str = "id") -> str:
    if isinstance(place, Mapping):
        params = {k: v for k, v in place.items() if k != "key"}
        if isinstance(params.get("place"), Mapping):
            params["place"] = place_text(params["place"], lang)
        return message(str(place.get("key", "")), params, lang)
    return _short(str(place))


def flag_message(code: str, places: Iterable[Place] = (), lang: str = "id") -> str:
    """The explanation of a flag with the places it concerns (at most :data:`MAX_LISTED`, the rest counted)."""
    distinct = list({_key(p): p for p in places}.values())  # a million added cells are a few places
    texts = list(dict.fromkeys(place_text(p, lang) for p in distinct[:MAX_LISTED]))
    listed = ", ".join(texts) or "-"
    if len(distinct) > MAX_LISTED:
        listed += " " + message("place.more", {"count": _count(len(distinct) - MAX_LISTED, lang)}, lang)
    if not known(code):
        return message("flag.unknown", {"cells": listed if texts else code}, lang)
    return message(f"flag.{code}", {"cells": listed}, lang)


def flag_line(flag: Mapping[str, Any], lang: str = "id") -> str:
    """"Name: explanation" for one recorded flag (``{"code", "message"}``), as the gradebook comment shows it."""
    code = str(flag.get("code", ""))
    text = str(flag.get("message") or "") or flag_message(code, (), lang)
    return f"{flag_name(code, lang)}: {text}"


def flag_names(flags: Iterable[Mapping[str, Any]], lang: str = "id") -> list[str]:
    return list(dict.fromkeys(flag_name(str(f.get("code", "")), lang) for f in flags))


# ------------------------------------------------------------------------------------------------ places
def _key(place: Place) -> Any:
    if isinstance(place, dict):
        return tuple((k, _key(v)) for k, v in sorted(place.items()))
    return place


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_HEADING else text[: MAX_HEADING - 1].rstrip() + "…"


def _count(number: int, lang: str) -> str:
    text = f"{number:,}"
    return text.replace(",", ".") if lang == "id" else text


def _heading(cell: Mapping[str, Any]) -> str:
    """The first Markdown heading of a cell (without its #), or ''."""
    for line in _text(cell).split("\n"):
        stripped = line.strip()
        if stripped.startswith("#"):
            return _short(stripped.lstrip("#").strip())
    return ""


def released_places(release: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """grade_id -> place, for every nbgrader cell of the released (instructor's) notebook.

    A locked Markdown cell is named by its own heading; an answer or test cell by the heading above it (the task's
    instructions). A cell with no heading above it is named by its position."""
    out: dict[str, dict[str, Any]] = {}
    heading = ""
    for index, cell in enumerate(release.get("cells") or []):
        meta = _nbgrader(cell)
        gid = _grade_id(cell)
        own = _heading(cell) if cell.get("cell_type") == "markdown" and not meta.get("solution") else ""
        heading = own or heading
        if gid is None or gid in out:
            continue
        if meta.get("solution"):
            key = "place.answer"
        elif cell.get("cell_type") == "code":
            key = "place.test"
        else:
            key = "place.text"
        out[gid] = {"key": key, "heading": own or heading} if (own or heading) else \
            {"key": "place.numbered", "number": index + 1}
    return out


class SubmissionPlaces:
    """Places of a submission's cells, from one pass over the notebook (linear in its cells).

    A cell carrying a released grade_id (its first such cell) has its released place; any other cell is "an
    added cell after" the nearest released cell above it, or "an added cell at the start"."""

    def __init__(self, cells: Sequence[Mapping[str, Any]], released: Mapping[str, Mapping[str, Any]]) -> None:
        self.released = released
        self._own: list[str | None] = []  # grade_id when the cell is the first one carrying it
        self._anchor: list[str | None] = []  # grade_id of the nearest released cell above (or at) the cell
        seen: set[str] = set()
        anchor: str | None = None
        for cell in cells:
            gid = _grade_id(cell)
            own = gid if gid is not None and gid in released and gid not in seen else None
            if own is not None:
                seen.add(own)
            self._anchor.append(anchor)
            self._own.append(own)
            anchor = own or anchor

    def of_many(self, indexes: Iterable[int]) -> list[dict[str, Any]]:
        """The distinct places of several cells (a million added cells after one answer are one place)."""
        found: dict[tuple[str, str | None], dict[str, Any]] = {}
        for index in indexes:
            own = self._own[index]
            key = ("own", own) if own is not None else ("after", self._anchor[index])
            if key not in found:
                found[key] = self.of(index)
        return list(found.values())

    def of(self, index: int) -> dict[str, Any]:
        own = self._own[index]
        if own is not None:
            return dict(self.released[own])
        anchor = self._anchor[index]
        if anchor is not None:
            return {"key": "place.added_after", "place": dict(self.released[anchor])}
        return {"key": "place.added_first"}
