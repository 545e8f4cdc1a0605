"""THE scoring function of the course: a rubric task + the trainee's answers -> points, per criterion, and feedback.

Both the nbgrader test cells (:mod:`.cell`) and the cohort grader (:mod:`.cli`) call :func:`score_task`, so their
points are equal by construction.

A rubric file (YAML, one per assignment, ``exercises/source/<assignment>/rubrik.yml``) lists tasks; a task names
its Markdown answer cell (nbgrader ``grade_id``), the engine options (``analyze``) and its criteria. A criterion
is one of:

- ``check``: an engine check, named by ``section`` + ``check`` id; ``good`` gives all its points, ``ok`` the share
  in ``partial.ok`` (default 0.5), ``bad`` none, ``na`` the share in ``partial.na`` (default 0). A check id missing
  from the report (for instance a genre check not installed yet) scores 0 with an Indonesian note.
- ``stat``: a statistic of the report (``words``, ``sentences`` …) inside ``[min, max]``.
- ``contains``: groups of regular expressions (``any_of``); points in proportion to the groups found.
- ``absent``: regular expressions that must not occur (an instructor's own list).
- ``plain``: the engine's plain-language findings of the given ``kinds`` (``spelling`` = non-standard words,
  ``bureaucratic`` = bureaucratic filler, ``acronym`` = unexplained acronyms) — the same findings, from the same
  word lists, that the live tools in the book show; all points with at most ``max`` findings (default 0).
- ``figures``: numbers or dates from a data set that the answer must quote; their values (``values``) are
  computed from the data when the rubric file is loaded on a server (:mod:`autograders.grading.rubric_file`)
  and shipped with the rubric to the browser.

Points are rounded to two decimals, the task total is clipped to ``[0, max_points]``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

CRITERION_TYPES = ("check", "stat", "contains", "absent", "plain", "figures")
PLAIN_KINDS = ("spelling", "bureaucratic", "acronym")
RATING_LABELS = {"good": "baik", "ok": "cukup", "bad": "kurang", "na": "tidak dapat dinilai"}
MAX_ANSWER_CHARS = 200_000  # longer answers are cut (the engine truncates too); a note says so


class RubricError(ValueError):
    """A rubric file that cannot be used; the message is Indonesian and names the place."""


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str
    type: str
    points: float
    spec: Mapping[str, Any]


@dataclass(frozen=True)
class Task:
    id: str
    title: str
    answer: str  # grade_id of the Markdown answer cell
    test_cell: str  # grade_id of the autograded test cell
    criteria: tuple[Criterion, ...]
    analyze: Mapping[str, Any] = field(default_factory=dict)
    fields: Mapping[str, str] = field(default_factory=dict)  # analyze parameter -> label of a "Label: value" line
    manual_points: float = 0.0  # points of the answer cell itself, graded by the instructor

    @property
    def max_points(self) -> float:
        return round(sum(c.points for c in self.criteria), 2)

    @property
    def answer_cells(self) -> tuple[str, ...]:
        return (self.answer,)


@dataclass(frozen=True)
class Rubric:
    assignment: str
    notebook: str
    tasks: tuple[Task, ...]
    manual: tuple[Mapping[str, Any], ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict)  # the whole file, for the notebook builder
    sha256: str = ""

    def task(self, task_id: str) -> Task:
        for task in self.tasks:
            if task.id == task_id or task.test_cell == task_id:
                return task
        raise RubricError(f"Tugas '{task_id}' tidak ada dalam rubrik {self.assignment}.")

    @property
    def max_points(self) -> float:
        return round(sum(t.max_points for t in self.tasks), 2)


@dataclass(frozen=True)
class CriterionScore:
    id: str
    label: str
    points: float
    max_points: float
    rating: str  # good | ok | bad | na | missing
    note: str


@dataclass(frozen=True)
class TaskScore:
    task: str
    test_cell: str
    points: float
    max_points: float
    criteria: tuple[CriterionScore, ...]
    notes: tuple[str, ...] = ()

    def feedback(self) -> str:
        return feedback_text(self)

    def to_dict(self) -> dict[str, Any]:
        return {"task": self.task, "test_cell": self.test_cell, "points": self.points, "max_points": self.max_points,
                "notes": list(self.notes),
                "criteria": [c.__dict__.copy() for c in self.criteria]}


# ---------------------------------------------------------------------------------------------------- loading
def _require(mapping: Mapping[str, Any], key: str, where: str) -> Any:
    if not isinstance(mapping, Mapping) or key not in mapping or mapping[key] in (None, ""):
        raise RubricError(f"Rubrik tidak lengkap: '{key}' wajib diisi di {where}.")
    return mapping[key]


def _criterion(raw: Mapping[str, Any], where: str) -> Criterion:
    cid = str(_require(raw, "id", where))
    ctype = str(raw.get("type", "check"))
    if ctype not in CRITERION_TYPES:
        raise RubricError(f"Jenis kriteria '{ctype}' di {where} tidak dikenal (pilih: {', '.join(CRITERION_TYPES)}).")
    try:
        points = float(_require(raw, "points", f"{where}, kriteria {cid}"))
    except (TypeError, ValueError):
        raise RubricError(f"Poin kriteria {cid} di {where} harus berupa angka.") from None
    if points < 0:
        raise RubricError(f"Poin kriteria {cid} di {where} tidak boleh negatif.")
    if ctype == "check":
        _require(raw, "section", f"{where}, kriteria {cid}")
        _require(raw, "check", f"{where}, kriteria {cid}")
    if ctype == "plain":
        unknown = [k for k in _flatten(raw.get("kinds")) if k not in PLAIN_KINDS]
        if unknown:
            raise RubricError(f"Jenis temuan '{unknown[0]}' pada kriteria {cid} di {where} tidak dikenal "
                              f"(pilih: {', '.join(PLAIN_KINDS)}).")
    for key in ("any_of", "patterns"):
        for pattern in _flatten(raw.get(key, [])):
            try:
                re.compile(pattern)
            except re.error:
                raise RubricError(f"Pola '{pattern}' pada kriteria {cid} di {where} tidak sah.") from None
    return Criterion(cid, str(raw.get("label", cid)), ctype, points, dict(raw))


def _flatten(items: Any) -> list[str]:
    out: list[str] = []
    for item in items or []:
        if isinstance(item, (list, tuple)):
            out.extend(str(x) for x in item)
        else:
            out.append(str(item))
    return out


def _task(raw: Mapping[str, Any], where: str) -> Task:
    tid = str(_require(raw, "id", where))
    where = f"{where}, tugas {tid}"
    criteria = tuple(_criterion(c, where) for c in raw.get("criteria") or [])
    if not criteria:
        raise RubricError(f"Rubrik tidak lengkap: {where} belum punya kriteria.")
    ids = [c.id for c in criteria]
    if len(set(ids)) != len(ids):
        raise RubricError(f"Ada id kriteria ganda di {where}.")
    return Task(id=tid, title=str(raw.get("title", tid)), answer=str(_require(raw, "answer", where)),
                test_cell=str(raw.get("test_cell") or f"uji_{tid}"), criteria=criteria,
                analyze=dict(raw.get("analyze") or {}), fields=dict(raw.get("fields") or {}),
                manual_points=float((raw.get("manual") or {}).get("points", 0) or 0))


def parse_rubric(data: Mapping[str, Any], sha256: str = "") -> Rubric:
    if not isinstance(data, Mapping):
        raise RubricError("Rubrik harus berupa pemetaan YAML (kunci: nilai).")
    assignment = str(_require(data, "assignment", "rubrik"))
    tasks = tuple(_task(t, f"rubrik {assignment}") for t in data.get("tasks") or [])
    if not tasks:
        raise RubricError(f"Rubrik {assignment} belum punya tugas.")
    cells = [c for t in tasks for c in (t.answer, t.test_cell)]
    if len(set(cells)) != len(cells):
        raise RubricError(f"Rubrik {assignment}: setiap sel jawaban dan sel uji harus punya grade_id sendiri.")
    return Rubric(assignment=assignment, notebook=str(data.get("notebook") or f"{assignment}.ipynb"), tasks=tasks,
                  manual=tuple(data.get("manual") or ()), data=dict(data), sha256=sha256)


# ---------------------------------------------------------------------------------------------------- scoring
def _share(rating: str, spec: Mapping[str, Any]) -> float:
    partial = spec.get("partial") or {}
    defaults = {"good": 1.0, "ok": 0.5, "bad": 0.0, "na": 0.0}
    try:
        share = float(partial.get(rating, defaults.get(rating, 0.0)))
    except (TypeError, ValueError):
        share = defaults.get(rating, 0.0)
    return min(max(share, 0.0), 1.0)


def _score_check(criterion: Criterion, report, text: str, lang: str) -> tuple[float, str, str]:
    spec = criterion.spec
    section = report.section(str(spec["section"]))
    result = None
    if section is not None:
        result = next((c for c in section.checks if c.id == spec["check"]), None)
    if result is None:
        note = (f"Pemeriksaan '{spec['check']}' (bagian {spec['section']}) belum tersedia di mesin analisis; "
                "kriteria ini diberi 0 poin. Beri tahu instruktur.")
        return 0.0, "missing", note
    return _share(result.rating, spec), result.rating, report.message(result)


def _score_stat(criterion: Criterion, report, text: str, lang: str) -> tuple[float, str, str]:
    spec = criterion.spec
    name = str(spec.get("stat", "words"))
    value = report.stats.get(name)
    if value is None:
        return 0.0, "missing", f"Statistik '{name}' tidak tersedia; kriteria ini diberi 0 poin."
    low, high = spec.get("min"), spec.get("max")
    unit = str(spec.get("unit", "kata"))
    if low is not None and value < low:
        return 0.0, "bad", f"Baru {value} {unit}; minimal {low} {unit}."
    if high is not None and value > high:
        return 0.0, "bad", f"Ada {value} {unit}; maksimal {high} {unit}."
    return 1.0, "good", f"{value} {unit}, sesuai batas."


def _proportion(found: int, total: int, counted: str, lead: str, missing: list[str]) -> tuple[float, str, str]:
    """Points in proportion to what was found: all = good, some = ok, none = bad; the note names what is missing."""
    share = found / total
    rating = "good" if share == 1 else ("ok" if share > 0 else "bad")
    note = f"{found} dari {total} {counted}."
    if missing:
        note += f" {lead}: " + "; ".join(missing) + "."
    return share, rating, note


def _score_contains(criterion: Criterion, report, text: str, lang: str) -> tuple[float, str, str]:
    groups = criterion.spec.get("any_of") or []
    hints = criterion.spec.get("hints") or []
    if not groups:
        return 0.0, "missing", "Kriteria ini belum berisi pola; kriteria diberi 0 poin."
    found, missing = 0, []
    for index, group in enumerate(groups):
        patterns = group if isinstance(group, (list, tuple)) else [group]
        if any(re.search(str(p), text, re.IGNORECASE | re.MULTILINE) for p in patterns):
            found += 1
        else:
            missing.append(str(hints[index]) if index < len(hints) else f"unsur ke-{index + 1}")
    return _proportion(found, len(groups), "unsur ditemukan", "Belum ada", missing)


def _score_absent(criterion: Criterion, report, text: str, lang: str) -> tuple[float, str, str]:
    hits = []
    for pattern in _flatten(criterion.spec.get("patterns")):
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            hits.append(match.group(0))
    if hits:
        return 0.0, "bad", "Ganti bentuk berikut: " + ", ".join(dict.fromkeys(h.lower() for h in hits)) + "."
    return 1.0, "good", "Tidak ada bentuk yang harus dihindari."


def _score_plain(criterion: Criterion, report, text: str, lang: str) -> tuple[float, str, str]:
    from ..assess.plain_language import plain_findings

    kinds = set(_flatten(criterion.spec.get("kinds")) or PLAIN_KINDS)
    if report.lang != "id":
        return 0.0, "na", "Pemeriksaan bahasa baku hanya untuk jawaban berbahasa Indonesia; kriteria ini diberi 0 poin."
    found = [f for f in plain_findings(report.document) if f.kind in kinds]
    allowed = int(criterion.spec.get("max", 0) or 0)
    if len(found) <= allowed:
        return 1.0, "good", "Tidak ada bentuk yang harus diganti." if not found else f"{len(found)} bentuk, masih dalam batas."
    shown = list(dict.fromkeys(f"{f.text} → {f.suggestion}" if f.suggestion else f.text for f in found))
    more = f" (dan {len(shown) - 5} lagi)" if len(shown) > 5 else ""
    return 0.0, "bad", "Ganti bentuk berikut: " + "; ".join(shown[:5]) + more + "."


def _score_figures(criterion: Criterion, report, text: str, lang: str) -> tuple[float, str, str]:
    from .figures import find_figure

    spec = criterion.spec
    facts = spec.get("values")
    if not isinstance(facts, Mapping):
        problem = spec.get("values_error") or f"Angka dari sumber data '{spec.get('source', '')}' belum dihitung."
        return 0.0, "missing", f"{problem} Kriteria ini diberi 0 poin."
    wanted = spec.get("figures") or []
    found, missing = 0, []
    for item in wanted:
        name = str(item.get("fact"))
        if name not in facts:
            missing.append(str(item.get("label", name)))
            continue
        if find_figure(text, facts[name], float(item.get("tolerance", 0.5))):
            found += 1
        else:
            missing.append(str(item.get("label", name)))
    if not wanted:
        return 0.0, "missing", "Kriteria ini belum berisi angka yang dicari; kriteria diberi 0 poin."
    return _proportion(found, len(wanted), "angka dari data ditemukan dengan benar", "Periksa lagi", missing)


SCORERS: Mapping[str, Callable[..., tuple[float, str, str]]] = {
    "check": _score_check, "stat": _score_stat, "contains": _score_contains, "absent": _score_absent,
    "plain": _score_plain, "figures": _score_figures,
}


FIELD_PARAMETERS = ("title", "description", "slug", "keyphrase", "url")


def split_fields(text: str, fields: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """Take ``Label: value`` lines (labels from the rubric, any case, optional ``**bold**``) out of an answer.

    Returns the remaining text (the body) and ``{parameter: value}``; a label given twice keeps the first value.
    """
    if not fields:
        return text, {}
    by_label = {" ".join(label.lower().split()): parameter for parameter, label in fields.items()}
    pattern = re.compile(r"^\s*(?:[-*]\s+)?\**\s*([^:*\n]{1,40}?)\s*\**\s*:\s*\**\s*(.*?)\s*$")
    values: dict[str, str] = {}
    body = []
    for line in text.splitlines():
        match = pattern.match(line)
        parameter = by_label.get(" ".join(match.group(1).lower().split())) if match else None
        if parameter:
            values.setdefault(parameter, match.group(2).strip("* "))
        else:
            body.append(line)
    return "\n".join(body).strip(), values


def _analyze_options(task: Task, values: Mapping[str, str]) -> dict[str, Any]:
    options = {k: v for k, v in task.analyze.items()
               if k in ("lang", "keyphrase", "title", "description", "slug", "url", "kind", "platform", "fmt")}
    for parameter, value in values.items():
        if parameter in FIELD_PARAMETERS:
            options[parameter] = value
    return options


def _run_engine(text: str, options: Mapping[str, Any], feedback_lang: str):
    from ..pipeline import analyze

    try:
        return analyze(text, feedback_lang=feedback_lang, **options), None
    except TypeError:  # an option this engine does not know (e.g. kind before the genre checks exist)
        reduced = {k: v for k, v in options.items() if k not in ("kind", "platform")}
        try:
            return analyze(text, feedback_lang=feedback_lang, **reduced), None
        except Exception:  # noqa: BLE001 - the trainee gets a message, never a traceback
            return None, "Mesin analisis tidak dapat membaca jawaban ini."
    except ValueError:
        reduced = {k: v for k, v in options.items() if k not in ("kind", "platform")}
        try:
            return analyze(text, feedback_lang=feedback_lang, **reduced), (
                f"Jenis tulisan '{options.get('kind')}' belum dikenal mesin analisis; dinilai sebagai artikel.")
        except Exception:  # noqa: BLE001
            return None, "Mesin analisis tidak dapat membaca jawaban ini."
    except Exception:  # noqa: BLE001
        return None, "Mesin analisis tidak dapat membaca jawaban ini."


def score_task(task: Task, answers: Mapping[str, str], feedback_lang: str = "id") -> TaskScore:
    """Score one task from the trainee's answer texts (``grade_id`` -> Markdown). Pure; thread-safe."""
    text = answers.get(task.answer) or ""
    notes: list[str] = []
    if not isinstance(text, str):
        text = ""
    if len(text) > MAX_ANSWER_CHARS:
        text = text[:MAX_ANSWER_CHARS]
        notes.append(f"Jawaban sangat panjang; hanya {MAX_ANSWER_CHARS:,} karakter pertama yang dinilai.".replace(",", "."))
    if not text.strip():
        notes.append("Anda belum menulis jawaban di sel JAWABAN ANDA untuk tugas ini.")
        criteria = tuple(CriterionScore(c.id, c.label, 0.0, c.points, "bad", "Belum ada jawaban.")
                         for c in task.criteria)
        return TaskScore(task.id, task.test_cell, 0.0, task.max_points, criteria, tuple(notes))
    body, values = split_fields(text, task.fields)
    missing_fields = [label for parameter, label in task.fields.items() if not values.get(parameter)]
    if missing_fields:
        notes.append("Baris berikut belum diisi dengan format 'Label: isi': " + ", ".join(missing_fields) + ".")
    report, problem = _run_engine(body, _analyze_options(task, values), feedback_lang)
    if problem:
        notes.append(problem)
    scored = []
    for criterion in task.criteria:
        if criterion.type == "check" and report is None:
            share, rating, note = 0.0, "missing", "Mesin analisis tidak tersedia; kriteria ini diberi 0 poin."
        else:
            try:
                share, rating, note = SCORERS[criterion.type](criterion, report, text, feedback_lang)
            except Exception:  # noqa: BLE001 - one failing criterion never breaks the task
                share, rating, note = 0.0, "missing", "Kriteria ini tidak dapat dinilai karena kesalahan teknis; 0 poin."
        scored.append(CriterionScore(criterion.id, criterion.label, round(criterion.points * share, 2),
                                     criterion.points, rating, note))
    total = round(min(max(sum(c.points for c in scored), 0.0), task.max_points), 2)
    return TaskScore(task.id, task.test_cell, total, task.max_points, tuple(scored), tuple(notes))


def score_rubric(rubric: Rubric, answers: Mapping[str, str], feedback_lang: str = "id") -> list[TaskScore]:
    return [score_task(task, answers, feedback_lang) for task in rubric.tasks]


# ---------------------------------------------------------------------------------------------------- feedback
def fmt_points(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def feedback_text(score: TaskScore, title: str = "") -> str:
    """Indonesian feedback: total, then what to fix first (most points lost first), then what is already good."""
    head = title or f"Tugas {score.task}"
    lines = [f"{head}: {fmt_points(score.points)} dari {fmt_points(score.max_points)} poin"]
    lines.extend(f"  • {note}" for note in score.notes)
    lost = sorted((c for c in score.criteria if c.points < c.max_points),
                  key=lambda c: (-(c.max_points - c.points), c.label))
    if lost:
        lines.append("Perbaiki dulu:")
        for number, c in enumerate(lost, 1):
            lines.append(f"  {number}. {c.label} ({fmt_points(c.points)}/{fmt_points(c.max_points)}): {c.note}")
    good = [c for c in score.criteria if c.points >= c.max_points]
    if good:
        lines.append("Sudah baik:")
        lines.extend(f"  ✓ {c.label}" for c in good)
    return "\n".join(lines)
