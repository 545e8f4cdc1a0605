"""THE scoring function of the course: a rubric task + the trainee's answers -> points, per criterion, and feedback.

Both the nbgrader test cells (:mod:`autograders.grading.cell`) and the cohort grader (:mod:`autograders.grading.cli`)
call :func:`score_task`, so their points are equal by construction. It is pure Python and also runs in the browser.

**A rubric file** (YAML, one per assignment, ``exercises/source/<assignment>/rubrik.yml``) holds:

- ``facts``: the assignment's fact sheet (*lembar fakta*), machine-readable; its schema is in :mod:`.factsheet`.
  A task may add its own ``facts:`` (merged over the assignment's).
- ``tasks``: each task names its Markdown answer cell (``answer``, an nbgrader ``grade_id``), the engine options
  (``analyze``: lang, kind, platform, keyphrase, url …), its criteria, and optionally:

  - ``questions``: a quiz, one answer cell per question (``[{answer: grade_id, text: question}]``); a criterion
    reads the cell named by its own ``answer`` (default: the task's ``answer``, which holds the manual points);
  - ``fields``: ``Label: value`` lines taken out of the answer into engine options (``{title: "Judul SEO"}``);
  - ``min_words`` (default 10): below it, form criteria give nothing and the feedback says there is nothing to
    judge yet;
  - ``prose`` (default true, false for quizzes): gate the task's points on the engine's ``prose`` check;
  - ``gates``: overrides of the gate values (see :mod:`.gates`);
  - ``manual``: ``{points, rubric}`` of the answer cell the instructor grades by hand.

**A criterion** has ``id``, ``label``, ``points``, a ``type`` and the keys of its type:

- ``check``: an engine check, named by ``section`` + ``check`` id; ``good`` gives all its points, ``ok`` the share
  in ``partial.ok`` (default 0.5), ``bad`` none, ``na`` the share in ``partial.na`` (default 0). ``requires``
  lists preconditions on the document (``[{stat: subheadings, min: 2, note: …}]``; stats as for ``stat``): unmet,
  the criterion scores 0 with the note. A check missing from the report scores 0 with an Indonesian note.
- ``stat``: a statistic inside ``[min, max]``: the engine's (``words``, ``sentences``, ``paragraphs`` …) or the
  document's (``h1`` = level-1 headings, ``subheadings``, ``links``, ``images``, ``body_words`` = words outside
  headings).
- ``contains``: groups that must occur, points in proportion to the groups found; a group is any of its
  ``terms`` (words or phrases, matched by stem and number value on the plain text, linear; with
  ``unnegated: true`` an occurrence inside a negation does not count: *tidak perlu tindakan*) or of its
  ``any_of`` regular expressions (an instructor's own patterns, on the plain text).
- ``absent``: regular expressions that must not occur (an instructor's own list).
- ``plain``: the engine's plain-language findings of the given ``kinds`` (``spelling``, ``bureaucratic``,
  ``acronym``); all points with at most ``max`` findings (default 0).
- ``figures``: numbers or dates from a data set (``source``) that the answer must quote, with their ``values``
  computed on the server (:mod:`autograders.grading.rubric_file`).
- ``facts``: the answer checker (:mod:`.facts`): ``required`` fact ids of the sheet, each counting only when
  stated right in one sentence (an entry that is a list counts when any of its facts is right: a quotation from
  either speaker); every contradicted fact and every invented claim costs ``penalty`` (default 0.25)
  of the criterion; ``implicit_subject: true`` for a quiz answer (the question is the subject);
  ``invented: false`` to leave invented claims to the gate alone; ``forbidden`` fact ids are statements the task
  rules out (a guessed cause, a casualty figure, a ``hoax`` of the sheet): stating one is a contradiction (a hoax
  may be named as false, but not in the opening sentence).
- ``tone``: the engine's tone findings (``kinds``: blame, threat, personal_data, puffery, opinion); all points
  with none, none with any; a threat or sanction the fact sheet states (a ``sanction`` item) is allowed;
  ``allow`` lists kinds the task permits.
- ``links``: links to official sources (``official``: how many, default 1), judged by the engine's
  ``is_official_url`` with the sheet's ``domains``; ``outbound: true`` counts only other agencies' sites. A link
  that poses as a source but hides or fakes its destination (search page, shortener, look-alike address) is
  also an integrity problem of the task, like an invented fact.

- ``alt_text``: every image's alt text is a description (the engine's prose check), not a keyword list; a
  keyword list also gates the task.

``facts`` (with required facts), ``contains`` and ``figures`` are *content*; the rest *form*. How they combine (nothing to judge,
relevance, prose, integrity and tone gates) is written once in :mod:`.gates`. Points are rounded to two
decimals; the task total is clipped to ``[0, max_points]``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from . import gates as gate_rules
from .criteria import CONTENT_TYPES, CRITERION_TYPES, PLAIN_KINDS, RATING_LABELS, SCORERS, Answer, Context, Outcome
from .criteria import flatten as _flatten
from .claims import MAX_SEGMENTS as MAX_FACT_SENTENCES
from .factsheet import FactSheet, FactSheetError, parse_factsheet, required_ids
from .fields import split_fields

__all__ = ["CRITERION_TYPES", "PLAIN_KINDS", "RATING_LABELS", "Criterion", "Task", "Rubric", "RubricError",
           "CriterionScore", "TaskScore", "parse_rubric", "score_task", "score_rubric", "split_fields",
           "feedback_text", "fmt_points", "MAX_ANSWER_CHARS"]

MAX_ANSWER_CHARS = 200_000  # longer answers are cut (the engine truncates too); a note says so
FIELD_PARAMETERS = ("title", "description", "slug", "keyphrase", "url")
ENGINE_OPTIONS = ("lang", "keyphrase", "title", "description", "slug", "url", "kind", "platform", "fmt")


class RubricError(ValueError):
    """A rubric file that cannot be used; the message is Indonesian and names the place."""


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str
    type: str
    points: float
    spec: Mapping[str, Any]
    answer: str = ""  # the answer cell it reads ("" = the task's)

    @property
    def content(self) -> bool:
        """What the answer says (facts, contains, figures); a ``facts`` criterion that requires no fact only
        guards against invented ones, which is not content the task asks for."""
        if self.type == "facts":
            return bool(self.spec.get("required"))
        return self.type in CONTENT_TYPES


@dataclass(frozen=True)
class Question:
    answer: str
    text: str


@dataclass(frozen=True)
class Task:
    id: str
    title: str
    answer: str  # grade_id of the (first) Markdown answer cell; it carries the manual points
    test_cell: str  # grade_id of the autograded test cell
    criteria: tuple[Criterion, ...]
    analyze: Mapping[str, Any] = field(default_factory=dict)
    fields: Mapping[str, str] = field(default_factory=dict)  # analyze parameter -> label of a "Label: value" line
    manual_points: float = 0.0  # points of the answer cell itself, graded by the instructor
    manual_rubric: str = ""
    questions: tuple[Question, ...] = ()
    min_words: int = 10
    prose: bool = True
    gates: Mapping[str, Any] = field(default_factory=dict)
    facts: FactSheet | None = None  # the assignment's sheet merged with the task's own

    @property
    def max_points(self) -> float:
        return round(sum(c.points for c in self.criteria), 2)

    @property
    def answer_cells(self) -> tuple[str, ...]:
        cells = [self.answer] + [q.answer for q in self.questions]
        return tuple(dict.fromkeys(cells))


@dataclass(frozen=True)
class Rubric:
    assignment: str
    notebook: str
    tasks: tuple[Task, ...]
    manual: tuple[Mapping[str, Any], ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict)  # the whole file, for the notebook builder
    sha256: str = ""
    facts: FactSheet | None = None

    def task(self, task_id: str) -> Task:
        for task in self.tasks:
            if task.id == task_id or task.test_cell == task_id:
                return task
        raise RubricError(f"Tugas '{task_id}' tidak ada dalam rubrik {self.assignment}.")

    @property
    def max_points(self) -> float:
        return round(sum(t.max_points for t in self.tasks), 2)

    @property
    def answer_cells(self) -> tuple[str, ...]:
        return tuple(c for t in self.tasks for c in t.answer_cells)


@dataclass(frozen=True)
class CriterionScore:
    id: str
    label: str
    points: float
    max_points: float
    rating: str  # good | ok | bad | na | missing
    note: str
    raw_points: float = 0.0  # before the task's gates


@dataclass(frozen=True)
class TaskScore:
    task: str
    test_cell: str
    points: float
    max_points: float
    criteria: tuple[CriterionScore, ...]
    notes: tuple[str, ...] = ()
    manual_points: float = 0.0
    manual_rubric: str = ""
    gates: Mapping[str, Any] = field(default_factory=dict)

    def feedback(self) -> str:
        return feedback_text(self)

    def to_dict(self) -> dict[str, Any]:
        return {"task": self.task, "test_cell": self.test_cell, "points": self.points, "max_points": self.max_points,
                "notes": list(self.notes), "manual_points": self.manual_points, "gates": dict(self.gates),
                "criteria": [c.__dict__.copy() for c in self.criteria]}


# ---------------------------------------------------------------------------------------------------- loading
def _require(mapping: Mapping[str, Any], key: str, where: str) -> Any:
    if not isinstance(mapping, Mapping) or key not in mapping or mapping[key] in (None, ""):
        raise RubricError(f"Rubrik tidak lengkap: '{key}' wajib diisi di {where}.")
    return mapping[key]


def _criterion(raw: Mapping[str, Any], where: str, sheet: FactSheet | None, cells: tuple[str, ...]) -> Criterion:
    if not isinstance(raw, Mapping):
        raise RubricError(f"Setiap kriteria di {where} harus berupa pemetaan (id, type, points).")
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
    if ctype == "facts":
        try:
            required_ids(_flatten(raw.get("required")), sheet, f"Kriteria {cid} di {where}")
            required_ids(_flatten(raw.get("forbidden")), sheet, f"Kriteria {cid} di {where}")
        except FactSheetError as error:
            raise RubricError(str(error)) from None
    for key in ("any_of", "patterns"):
        for pattern in _flatten(raw.get(key, [])):
            try:
                re.compile(pattern)
            except re.error:
                raise RubricError(f"Pola '{pattern}' pada kriteria {cid} di {where} tidak sah.") from None
    answer = str(raw.get("answer") or "")
    if answer and answer not in cells:
        raise RubricError(f"Kriteria {cid} di {where} membaca sel '{answer}', yang bukan sel jawaban tugas ini.")
    return Criterion(cid, str(raw.get("label", cid)), ctype, points, dict(raw), answer)


def _task(raw: Mapping[str, Any], where: str, sheet: FactSheet | None) -> Task:
    if not isinstance(raw, Mapping):
        raise RubricError(f"Setiap tugas di {where} harus berupa pemetaan.")
    tid = str(_require(raw, "id", where))
    where = f"{where}, tugas {tid}"
    try:
        own = parse_factsheet(raw.get("facts"), where)
    except FactSheetError as error:
        raise RubricError(str(error)) from None
    if own is not None:
        sheet = sheet.merged(own) if sheet else own
    answer = str(_require(raw, "answer", where))
    questions = tuple(Question(str(_require(q, "answer", where)), " ".join(str(q.get("text") or "").split()))
                      for q in raw.get("questions") or [])
    cells = tuple(dict.fromkeys([answer] + [q.answer for q in questions]))
    criteria = tuple(_criterion(c, where, sheet, cells) for c in raw.get("criteria") or [])
    if not criteria:
        raise RubricError(f"Rubrik tidak lengkap: {where} belum punya kriteria.")
    ids = [c.id for c in criteria]
    if len(set(ids)) != len(ids):
        raise RubricError(f"Ada id kriteria ganda di {where}.")
    manual = raw.get("manual") or {}
    try:
        min_words = int(raw.get("min_words", gate_rules.DEFAULTS["min_words"]))
    except (TypeError, ValueError):
        raise RubricError(f"'min_words' di {where} harus berupa bilangan bulat.") from None
    return Task(id=tid, title=str(raw.get("title", tid)), answer=answer,
                test_cell=str(raw.get("test_cell") or f"uji_{tid}"), criteria=criteria,
                analyze=dict(raw.get("analyze") or {}), fields=dict(raw.get("fields") or {}),
                manual_points=float(manual.get("points", 0) or 0),
                manual_rubric=" ".join(str(manual.get("rubric") or "").split()), questions=questions,
                min_words=min_words, prose=bool(raw.get("prose", not questions)),
                gates=dict(raw.get("gates") or {}), facts=sheet)


def parse_rubric(data: Mapping[str, Any], sha256: str = "") -> Rubric:
    if not isinstance(data, Mapping):
        raise RubricError("Rubrik harus berupa pemetaan YAML (kunci: nilai).")
    assignment = str(_require(data, "assignment", "rubrik"))
    try:
        sheet = parse_factsheet(data.get("facts"), f"rubrik {assignment}")
    except FactSheetError as error:
        raise RubricError(str(error)) from None
    tasks = tuple(_task(t, f"rubrik {assignment}", sheet) for t in data.get("tasks") or [])
    if not tasks:
        raise RubricError(f"Rubrik {assignment} belum punya tugas.")
    cells = [c for t in tasks for c in (*t.answer_cells, t.test_cell)]
    if len(set(cells)) != len(cells):
        raise RubricError(f"Rubrik {assignment}: setiap sel jawaban dan sel uji harus punya grade_id sendiri.")
    return Rubric(assignment=assignment, notebook=str(data.get("notebook") or f"{assignment}.ipynb"), tasks=tasks,
                  manual=tuple(data.get("manual") or ()), data=dict(data), sha256=sha256, facts=sheet)


# ---------------------------------------------------------------------------------------------------- scoring
def _analyze_options(task: Task, values: Mapping[str, str]) -> dict[str, Any]:
    options = {k: v for k, v in task.analyze.items() if k in ENGINE_OPTIONS}
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


def _read_answer(task: Task, cell: str, text: Any, feedback_lang: str, notes: list[str]) -> Answer:
    if not isinstance(text, str):
        text = ""
    if len(text) > MAX_ANSWER_CHARS:
        text = text[:MAX_ANSWER_CHARS]
        notes.append(f"Jawaban sangat panjang; hanya {MAX_ANSWER_CHARS:,} karakter pertama yang dinilai.".replace(",", "."))
    if not text.strip():
        return Answer(cell, "", "", {}, None)
    fields = task.fields if cell == task.answer else {}
    body, values = split_fields(text, fields)
    if fields:
        missing = [label for parameter, label in fields.items() if not values.get(parameter)]
        if missing:
            notes.append("Baris berikut belum diisi dengan format 'Label: isi': " + ", ".join(missing) + ".")
    report, problem = _run_engine(body, _analyze_options(task, values), feedback_lang)
    if problem:
        notes.append(problem)
    if report is not None and len(report.document.sentences) > MAX_FACT_SENTENCES:
        notes.append(f"Jawaban sangat panjang; pemeriksa fakta hanya membaca {MAX_FACT_SENTENCES} kalimat pertama.")
    hidden = getattr(report.document, "hidden", None) if report is not None else None
    if hidden:
        notes.append("Ada teks tersembunyi di jawaban (misalnya HTML yang tidak tampil atau komentar); teks itu tidak "
                     "dinilai dan instruktur akan melihatnya.")
    return Answer(cell, text, body, values, report, problem)


def _prose_rating(task: Task, answer: Answer) -> str | None:
    if not task.prose or answer.report is None:
        return None
    result = answer.report.check("prose")
    return result.rating if result is not None else None


def score_task(task: Task, answers: Mapping[str, str], feedback_lang: str = "id") -> TaskScore:
    """Score one task from the trainee's answer texts (``grade_id`` -> Markdown). Pure; thread-safe."""
    notes: list[str] = []
    read: dict[str, Answer] = {}
    for cell in task.answer_cells:
        read[cell] = _read_answer(task, cell, answers.get(cell), feedback_lang, notes)
    primary = read[task.answer]
    if all(a.report is None and not a.raw for a in read.values()):
        notes.append("Anda belum menulis jawaban di sel JAWABAN ANDA untuk tugas ini.")
        criteria = tuple(CriterionScore(c.id, c.label, 0.0, c.points, "bad", "Belum ada jawaban.") for c in task.criteria)
        return TaskScore(task.id, task.test_cell, 0.0, task.max_points, criteria, tuple(notes), task.manual_points,
                         task.manual_rubric)
    ctx = Context(task, task.facts, feedback_lang)
    outcomes: list[Outcome] = []
    for criterion in task.criteria:
        answer = read[criterion.answer or task.answer]
        if answer.report is None:
            question = _question_number(task, answer.cell)
            note = (f"Belum ada jawaban untuk pertanyaan {question}." if question and not answer.raw else
                    "Belum ada jawaban." if not answer.raw else
                    "Mesin analisis tidak tersedia; kriteria ini diberi 0 poin.")
            outcomes.append(Outcome(0.0, "bad" if not answer.raw else "missing", note))
            continue
        try:
            outcomes.append(SCORERS[criterion.type](criterion, answer, ctx))
        except Exception:  # noqa: BLE001 - one failing criterion never breaks the task
            outcomes.append(Outcome(0.0, "missing", "Kriteria ini tidak dapat dinilai karena kesalahan teknis; 0 poin."))
    return _combine(task, read, primary, outcomes, notes)


def _question_number(task: Task, cell: str) -> int:
    for number, question in enumerate(task.questions, 1):
        if question.answer == cell:
            return number
    return 0


def _combine(task: Task, read: Mapping[str, Answer], primary: Answer, outcomes: list[Outcome],
             notes: list[str]) -> TaskScore:
    settings = gate_rules.config(task.gates)
    content = [(c, o) for c, o in zip(task.criteria, outcomes) if c.content]
    content_max = sum(c.points for c, _ in content)
    content_share = (sum(c.points * o.share for c, o in content) / content_max) if content_max else None
    problems: dict[tuple[int, int, str], Any] = {}
    for criterion, outcome in zip(task.criteria, outcomes):
        found = list(outcome.problems)
        if outcome.facts is not None:
            invented = outcome.facts.invented if criterion.spec.get("invented", True) else ()
            found.extend((*outcome.facts.contradictions, *invented))
        for problem in found:
            problems.setdefault((problem.start, problem.end, problem.kind), problem)
    contradictions = [p for p in problems.values() if p.kind == "contradiction"]
    invented = [p for p in problems.values() if p.kind == "invented"]
    tone_kinds = tuple(k for o in outcomes for k in o.tone)
    words = max((a.words for a in read.values()), default=0) if task.questions else primary.words
    prose_rating = _prose_rating(task, primary)
    given = gate_rules.GateInput(
        words=words, min_words=task.min_words, content_share=content_share, prose_rating=prose_rating,
        contradictions=len(contradictions), invented=sum(1 for p in invented if not p.heavy),
        invented_heavy=sum(1 for p in invented if p.heavy), tone_kinds=tone_kinds,
        keyword_alt=any(o.keyword_alt for o in outcomes))
    gates = gate_rules.task_gates(given, settings)
    scored = []
    for criterion, outcome in zip(task.criteria, outcomes):
        raw = criterion.points * outcome.share
        factor = gates.every * (1.0 if criterion.content else gates.form)
        note = outcome.note
        if not criterion.content and gates.nothing_to_judge:
            note = "Belum ada yang bisa dinilai: jawaban terlalu pendek."
        scored.append(CriterionScore(criterion.id, criterion.label, round(raw * factor, 2), criterion.points,
                                     outcome.rating, note, round(raw, 2)))
    notes.extend(_gate_notes(task, gates, given, settings, contradictions, invented, primary))
    total = round(min(max(sum(c.points for c in scored), 0.0), task.max_points), 2)
    gate_values = {"nothing_to_judge": gates.nothing_to_judge, "relevance": round(gates.relevance, 3),
                   "prose": gates.prose, "integrity": round(gates.integrity, 3), "tone": round(gates.tone, 3),
                   "alt_text": gates.alt_text,
                   "contradictions": len(contradictions), "invented": len(invented)}
    return TaskScore(task.id, task.test_cell, total, task.max_points, tuple(scored), tuple(notes), task.manual_points,
                     task.manual_rubric, gate_values)


def _gate_notes(task: Task, gates, given, settings, contradictions, invented, primary: Answer) -> list[str]:
    notes = []
    if gates.nothing_to_judge:
        notes.append(f"Jawaban baru {given.words} kata; tugas ini perlu paling sedikit {task.min_words} kata. Gaya "
                     "tulisan (panjang kalimat, paragraf, subjudul, bahasa) belum bisa dinilai, jadi belum diberi poin.")
    elif gates.relevance < 1:
        notes.append("Isi yang diminta tugas ini belum tampak (fakta dan unsur wajib). Poin gaya tulisan dihitung "
                     f"sebanding dengan isi yang sudah ada: dikalikan {fmt_points(round(gates.relevance, 2))}.")
    if gates.prose < 1:
        result = primary.report.check("prose") if primary.report is not None else None
        reason = primary.report.message(result) if result is not None else ""
        notes.append("Teks ini belum berupa kalimat utuh yang enak dibaca (misalnya deretan kata kunci, potongan "
                     f"kalimat, atau kata yang diulang-ulang). Semua poin tugas dikalikan {fmt_points(gates.prose)}."
                     + (f" {reason}" if reason else ""))
    if contradictions or invented:
        listed = "; ".join(" ".join(p.note.split()) for p in [*contradictions, *invented][:6])
        notes.append("Isi harus sesuai lembar fakta. " + listed + " Semua poin tugas dikalikan "
                     f"{fmt_points(round(gates.integrity, 2))}.")
    if gates.alt_text < 1:
        notes.append("Teks alternatif gambar berupa deretan kata kunci (lihat kriteria teks alternatif). Semua poin "
                     f"tugas dikalikan {fmt_points(gates.alt_text)}.")
    if gates.tone < 1:
        notes.append("Nada atau cara menangani data pribadi tidak pantas untuk akun resmi (lihat kriteria nada). "
                     f"Semua poin tugas dikalikan {fmt_points(round(gates.tone, 2))}.")
    return notes


def score_rubric(rubric: Rubric, answers: Mapping[str, str], feedback_lang: str = "id") -> list[TaskScore]:
    return [score_task(task, answers, feedback_lang) for task in rubric.tasks]


# ---------------------------------------------------------------------------------------------------- feedback
def fmt_points(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def feedback_text(score: TaskScore, title: str = "") -> str:
    """Indonesian feedback: the machine's points, what to fix first (most points lost first), what is already
    good, then what a person still checks."""
    head = title or f"Tugas {score.task}"
    lines = [f"{head}: {fmt_points(score.points)} dari {fmt_points(score.max_points)} poin otomatis"]
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
    lines.append(f"Poin di atas diberikan mesin dari rubrik. Mesin tidak menilai kebenaran isi sepenuhnya, nada, dan "
                 "kepantasan tulisan seperti manusia.")
    if score.manual_points:
        rubric = f" Pedomannya: {score.manual_rubric}" if score.manual_rubric else ""
        lines.append(f"Instruktur masih menilai jawaban ini ({fmt_points(score.manual_points)} poin).{rubric} "
                     "Jika instruktur menilai isinya keliru (0 poin), poin otomatis tugas ini tidak dihitung.")
    return "\n".join(lines)
