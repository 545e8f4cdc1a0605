"""Reading a rubric file on the server: YAML (or JSON) -> :class:`~autograders.engine.scoring.rubric.Rubric`.

The scoring itself is pure and lives in the engine (:mod:`autograders.engine.scoring.rubric`, it also runs in the
browser). What needs a server happens here: reading the file, hashing it (the hidden test cells refuse a rubric
that differs from the instructor's), and computing the values of ``figures`` criteria from the course data sets
(:mod:`.facts`, on pandas), which are put into each criterion as ``values`` before the rubric is parsed.
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
    return data, hashlib.sha256(raw).hexdigest()


def resolve_figures(data: Any) -> Any:
    """A copy of the rubric data in which every ``figures`` criterion carries the ``values`` of its source."""
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


def load_rubric(path: str | Path) -> Rubric:
    """Read and validate a rubric file, with its figures computed. Raises :class:`RubricError` (Indonesian)."""
    data, sha256 = read_rubric_data(path)
    return parse_rubric(resolve_figures(data), sha256)
