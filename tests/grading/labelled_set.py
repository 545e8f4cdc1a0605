"""The project's labelled answers (``tests/grading/labelled/<assignment>.yml``): loading them, scoring them through
the rubric (in process, for the tests) and the statistics the benchmark prints (Spearman's rank correlation,
band means). Written for this project; used by ``test_rubric_validity.py`` and ``benchmarks/rubric_validity.py``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

REPO = Path(__file__).resolve().parents[2]
LABELLED = Path(__file__).resolve().parent / "labelled"
COURSE = REPO / "exercises"
BANDS = ("excellent", "adequate", "gaming", "off_task")


@dataclass(frozen=True)
class Labelled:
    assignment: str
    id: str
    task: str
    band: str
    expert: float  # percent of the task's automatic points an expert gives
    gaming: str = ""
    holdout: bool = False
    expect: tuple[str, ...] = ()
    cells: Mapping[str, str] = field(default_factory=dict)  # answer cell grade_id -> text
    note: str = ""


def load(assignments: Iterable[str] | None = None) -> list[Labelled]:
    from autograders.grading.rubric_file import load_rubric

    out: list[Labelled] = []
    for path in sorted(LABELLED.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assignment = data["assignment"]
        if assignments is not None and assignment not in assignments:
            continue
        rubric = load_rubric(COURSE / "source" / assignment / "rubrik.yml")
        for raw in data["answers"]:
            task = rubric.task(raw["task"])
            cells = dict(raw.get("cells") or {task.answer: raw["text"]})
            out.append(Labelled(assignment, raw["id"], raw["task"], raw["band"], float(raw["expert"]),
                                str(raw.get("gaming") or ""), bool(raw.get("holdout")), tuple(raw.get("expect") or ()),
                                {k: str(v) for k, v in cells.items()}, str(raw.get("note") or "")))
    return out


def score_in_process(items: Iterable[Labelled]) -> dict[str, dict[str, Any]]:
    """id -> {"percent", "points", "max_points", "feedback"} through :func:`score_task` (the function both graders call)."""
    from autograders.engine.scoring.rubric import feedback_text, score_task
    from autograders.grading.rubric_file import load_rubric

    rubrics: dict[str, Any] = {}
    out = {}
    for item in items:
        rubric = rubrics.setdefault(item.assignment, load_rubric(COURSE / "source" / item.assignment / "rubrik.yml"))
        task = rubric.task(item.task)
        score = score_task(task, item.cells)
        out[item.id] = {"percent": 100.0 * score.points / task.max_points, "points": score.points,
                        "max_points": task.max_points, "feedback": feedback_text(score, task.title)}
    return out


def ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(a: list[float], b: list[float]) -> float:
    """Spearman's rank correlation (Pearson's r of the ranks, ties averaged)."""
    ra, rb = ranks(a), ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = sum((x - ma) ** 2 for x in ra) ** 0.5
    vb = sum((y - mb) ** 2 for y in rb) ** 0.5
    return cov / (va * vb) if va and vb else 0.0


def summary(items: list[Labelled], scores: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    machine = [scores[i.id]["percent"] for i in items]
    expert = [i.expert for i in items]
    bands = {}
    for band in BANDS:
        values = [scores[i.id]["percent"] for i in items if i.band == band]
        if values:
            bands[band] = {"n": len(values), "mean": sum(values) / len(values),
                           "expert_mean": sum(i.expert for i in items if i.band == band) / len(values)}
    gaming = [scores[i.id]["percent"] for i in items if i.band == "gaming"]
    return {"n": len(items), "spearman": spearman(machine, expert), "bands": bands,
            "gaming_at_60": sum(1 for v in gaming if v >= 60), "gaming_n": len(gaming)}
