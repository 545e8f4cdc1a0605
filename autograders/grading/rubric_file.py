"""Reading a rubric file on the server: YAML (or JSON) -> :class:`~autograders.engine.scoring.rubric.Rubric`.

The scoring itself is pure and lives in the engine (:mod:`autograders.engine.scoring.rubric`, it also runs in the
browser). What needs a server happens here: reading the file, hashing it (the hidden test cells refuse a rubric
that differs from the instructor's), and computing the values of ``figures`` criteria and of fact sheets with a
``source`` from the course data sets (:mod:`.facts`, on pandas): a criterion gets its ``values``; a fact sheet's
``{name}`` placeholders are filled in (in a text as the trainee reads it — 2.000; 62,28; 16 November 2026;
``{name|tanda}`` with its sign — and alone in a machine field as the raw value) before the rubric is parsed.
"""
from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any, Mapping

from ..engine.scoring.rubric import Rubric, RubricError, parse_rubric


def file_sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_rubric_data(path: str | Path) -> tuple[Any, str]:
    """The rubric file's data (YAML/JSON) and the SHA-256 of its bytes. Raises :class:`RubricError`."""
    import yaml

    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError:
        raise RubricError(f"Berkas rubrik {path.name} tidak ditemukan atau tidak dapat dibaca.") from None
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError):
        raise RubricError(f"Berkas rubrik {path.name} bukan YAML/JSON yang sah.") from None
    return json_ready(data), hashlib.sha256(raw).hexdigest()


def json_ready(value: Any) -> Any:
    """The rubric data as JSON can carry it to the browser: YAML dates (``today: 2026-12-01``) become ISO text."""
    import datetime as dt

    if isinstance(value, Mapping):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_ready(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def resolve_figures(data: Any) -> Any:
    """A copy of the rubric data with everything computed from the course data sets: every ``figures``
    criterion carries the ``values`` of its source, and every fact sheet with a ``source`` has its placeholders
    filled in (:func:`resolve_fact_sheets`). What the server ships to a browser and what a grader parses."""
    return resolve_fact_sheets(_resolve_figure_values(data))


def _resolve_figure_values(data: Any) -> Any:
    from .facts import FactError, load_facts

    if not isinstance(data, Mapping):
        return data
    data = copy.deepcopy(data)
    for task in data.get("tasks") or []:
        for criterion in (task.get("criteria") or []) if isinstance(task, Mapping) else []:
            if not isinstance(criterion, dict) or criterion.get("type") != "figures" or "values" in criterion:
                continue
            try:
                facts = load_facts(str(criterion.get("source", "")))
            except FactError as error:
                criterion["values_error"] = str(error)
                continue
            wanted = [str(item.get("fact")) for item in criterion.get("figures") or [] if isinstance(item, Mapping)]
            criterion["values"] = {name: facts[name] for name in wanted if name in facts}
    return data


MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")


def format_fact(value: object, signed: bool = False) -> str:
    """A computed fact as the trainee reads it: 2.000; 62,28; +16,28; 16 November 2026 (ISO dates in a text too)."""
    if isinstance(value, float) or isinstance(value, int):
        number = float(value)
        if number.is_integer():
            text = f"{int(abs(number)):,}".replace(",", ".")
        else:
            text = f"{abs(number):,.2f}".rstrip("0").rstrip(".").replace(",", "_").replace(".", ",").replace("_", ".")
        sign = "−" if number < 0 else ("+" if signed and number > 0 else "")
        return sign + text
    text = str(value)
    out, position = [], 0
    while position < len(text):  # ISO dates inside a text: 2026-11-16 -> 16 November 2026
        chunk = text[position:position + 10]
        if len(chunk) == 10 and chunk[4] == chunk[7] == "-" and chunk[:4].isdigit() and chunk[5:7].isdigit() \
                and chunk[8:].isdigit() and 1 <= int(chunk[5:7]) <= 12:
            out.append(f"{int(chunk[8:])} {MONTHS[int(chunk[5:7]) - 1]} {chunk[:4]}")
            position += 10
        else:
            out.append(text[position])
            position += 1
    return "".join(out)


def _fill(template: str, facts: Mapping[str, object], where: str) -> object:
    """``{name}`` / ``{name|tanda}`` placeholders of a fact sheet string, from the computed facts."""
    stripped = template.strip()
    if stripped.startswith("{") and stripped.endswith("}") and stripped.count("{") == 1:
        name = stripped[1:-1].split("|")[0].strip()
        if name not in facts:
            raise RubricError(f"Fakta '{name}' di {where} tidak ada di sumber data.")
        return facts[name]  # a machine field: the raw value
    out, position = [], 0
    while True:
        start = template.find("{", position)
        if start < 0:
            out.append(template[position:])
            break
        end = template.find("}", start)
        if end < 0:
            raise RubricError(f"Kurung kurawal tidak tertutup di {where}.")
        name, _, option = template[start + 1:end].partition("|")
        if name.strip() not in facts:
            raise RubricError(f"Fakta '{name.strip()}' di {where} tidak ada di sumber data.")
        out.append(template[position:start])
        out.append(format_fact(facts[name.strip()], signed=option.strip() == "tanda"))
        position = end + 1
    return "".join(out)


def resolve_fact_sheets(data: Any) -> Any:
    """A copy of the rubric data whose fact sheets (``facts.source``) have their placeholders filled in."""
    from .facts import FactError, load_facts

    if not isinstance(data, Mapping):
        return data
    data = copy.deepcopy(data)
    sheets = [data.get("facts")] + [t.get("facts") for t in data.get("tasks") or [] if isinstance(t, Mapping)]
    for sheet in sheets:
        if not isinstance(sheet, dict) or not sheet.get("source"):
            continue
        try:
            facts = load_facts(str(sheet["source"]))
        except FactError as error:
            raise RubricError(f"Lembar fakta tidak dapat disusun: {error}") from None
        for item in sheet.get("items") or []:
            if not isinstance(item, dict):
                continue
            for key, value in list(item.items()):
                if isinstance(value, str) and "{" in value:
                    item[key] = _fill(value, facts, f"lembar fakta, fakta {item.get('id')}")
    return data


def load_rubric(path: str | Path) -> Rubric:
    """Read and validate a rubric file, with its figures and fact sheets computed. Raises :class:`RubricError`."""
    data, sha256 = read_rubric_data(path)
    return parse_rubric(resolve_figures(data), sha256)
