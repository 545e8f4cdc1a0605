"""The engine as the book's pages call it: one entry point, JSON in and JSON out.

The page's Web Worker (``kelas-web/worker.js``, built by ``scripts/build_web.py``) runs this module under Pyodide
and only carries messages: every number, rating, message and HTML fragment the page shows comes from here, from
the same functions the command line, the widgets and the cohort grader call.

``Session().call(request)`` takes ``{"op": name, "args": {...}}`` (a JSON string) and returns
``{"ok": true, "result": ...}`` or ``{"ok": false, "error": "<Indonesian sentence>"}``. Operations:

==================  ==============================================================================================
``analyze``         ``{text, options}`` -> exactly ``analyze(text, **options).to_dict()``; options named as in
                    Python: lang, keyphrase, title, description, slug, url, kind, platform, feedback_lang
``tool``            ``{name, inputs}`` -> a live tool's view ``{html, data}`` (:mod:`.present.tools`)
``platforms``       -> ``[[name, key], ...]`` for the post composer
``load_exercise``   ``{assignment, exercise}`` (the JSON the book build wrote: rubric + release notebook)
``score``           ``{assignment, answers}`` (answers keyed by answer-cell ``grade_id``) -> ``{points,
                    max_points, tasks: [{answer, points, max_points, feedback}]}``: the automatic points the
                    cohort grader gives the same answers
``answer_stats``    ``{assignment, answer, text}`` -> ``{words}``: the word count the rubric's criteria see
``notebook``        ``{assignment, answers, student}`` -> ``{filename, text}``: the submission notebook
==================  ==============================================================================================

A Session holds the exercises loaded into it and nothing else; two sessions share nothing.
"""
from __future__ import annotations

import json
from typing import Any, Callable, Mapping

from .pipeline import analyze
from .present import tools
from .scoring.notebook import answer_texts
from .scoring.rubric import Rubric, RubricError, feedback_text, parse_rubric, score_task, split_fields, _analyze_options
from .scoring.submission import SubmissionError, fill_notebook, render_notebook

ANALYZE_OPTIONS = ("lang", "keyphrase", "title", "description", "slug", "url", "kind", "platform", "feedback_lang")


class WebError(ValueError):
    """A request the page cannot be answered for; the message is shown to the trainee (Indonesian)."""


def _text(value: Any, name: str = "teks") -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise WebError(f"Nilai '{name}' harus berupa teks.")
    return value  # a very long draft is cut by the engine itself, which says so in the report


def analyze_options(options: Any) -> dict[str, Any]:
    """The options of ``window.kelas.analyze`` checked: known names only, text values (``lang`` may be null)."""
    if options is None:
        return {}
    if not isinstance(options, Mapping):
        raise WebError("Opsi analisis harus berupa objek, misalnya {keyphrase: \"urus ktp\"}.")
    unknown = [k for k in options if k not in ANALYZE_OPTIONS]
    if unknown:
        raise WebError(f"Opsi '{unknown[0]}' tidak dikenal. Opsi yang tersedia: {', '.join(ANALYZE_OPTIONS)}.")
    out: dict[str, Any] = {}
    for key, value in options.items():
        if key == "lang" and value in (None, ""):
            continue
        out[key] = _text(value, key)
    return out


def exercise_rubric(exercise: Mapping[str, Any]) -> Rubric:
    return parse_rubric(exercise["rubric"], str(exercise.get("rubric_sha256", "")))


class Session:
    def __init__(self) -> None:
        self._exercises: dict[str, tuple[Mapping[str, Any], Rubric]] = {}
        self._ops: dict[str, Callable[..., Any]] = {
            "analyze": self.analyze, "tool": self.tool, "platforms": self.platforms,
            "load_exercise": self.load_exercise, "score": self.score, "answer_stats": self.answer_stats,
            "notebook": self.notebook, "loaded": self.loaded,
        }

    # ------------------------------------------------------------------------------------------ transport
    def call(self, request: str) -> str:
        """One request from the page -> one JSON answer. Never raises: a problem is an Indonesian sentence."""
        try:
            message = json.loads(request)
            op = message.get("op") if isinstance(message, dict) else None
            if op not in self._ops:
                raise WebError(f"Permintaan '{op}' tidak dikenal.")
            args = message.get("args") or {}
            if not isinstance(args, dict):
                raise WebError("Argumen permintaan harus berupa objek.")
            result = self._ops[op](**args)
            return json.dumps({"ok": True, "result": result}, ensure_ascii=False)
        except TypeError:
            return json.dumps({"ok": False, "error": "Argumen permintaan tidak lengkap atau tidak dikenal."})
        except (WebError, RubricError, SubmissionError) as error:
            return json.dumps({"ok": False, "error": str(error)}, ensure_ascii=False)
        except ValueError as error:  # the engine's own Indonesian messages (unknown kind, platform, language)
            return json.dumps({"ok": False, "error": str(error)}, ensure_ascii=False)
        except Exception:  # noqa: BLE001 - the trainee gets a sentence, never a traceback
            return json.dumps({"ok": False, "error": "Mesin analisis gagal memproses permintaan ini. Muat ulang "
                                                     "halaman, lalu coba lagi."})

    # ------------------------------------------------------------------------------------------ engine
    def analyze(self, text: Any = "", options: Any = None) -> dict[str, Any]:
        return analyze(_text(text), **analyze_options(options)).to_dict()

    def tool(self, name: str = "", inputs: Any = None) -> dict[str, Any]:
        view = tools.TOOLS.get(name)
        if view is None:
            raise WebError(f"Alat '{name}' tidak dikenal.")
        if not isinstance(inputs, Mapping):
            inputs = {}
        return view(**{k: _text(v, k) for k, v in inputs.items()}).to_dict()

    def platforms(self) -> list[list[str]]:
        return [[name, key] for name, key in tools.platform_choices()]

    # ------------------------------------------------------------------------------------------ exercises
    def load_exercise(self, assignment: str = "", exercise: Any = None) -> dict[str, Any]:
        if isinstance(exercise, str):
            exercise = json.loads(exercise)
        if not isinstance(exercise, Mapping) or exercise.get("assignment") != assignment:
            raise WebError(f"Data latihan {assignment} rusak atau bukan untuk latihan ini.")
        rubric = exercise_rubric(exercise)
        self._exercises[assignment] = (exercise, rubric)
        return {"assignment": assignment, "max_points": rubric.max_points}

    def loaded(self) -> list[str]:
        return sorted(self._exercises)

    def _exercise(self, assignment: str) -> tuple[Mapping[str, Any], Rubric]:
        if assignment not in self._exercises:
            raise WebError(f"Latihan '{assignment}' belum dimuat di halaman ini.")
        return self._exercises[assignment]

    @staticmethod
    def _answers(answers: Any) -> dict[str, str]:
        if answers is None:
            return {}
        if not isinstance(answers, Mapping):
            raise WebError("Jawaban harus berupa objek: id sel jawaban -> teks.")
        return {str(k): _text(v, str(k)) for k, v in answers.items()}

    def score(self, assignment: str = "", answers: Any = None) -> dict[str, Any]:
        """The answers put into the release notebook and taken out again as the cohort grader takes them."""
        exercise, rubric = self._exercise(assignment)
        nb = fill_notebook(exercise["release"], self._answers(answers))
        texts = answer_texts(nb, [t.answer for t in rubric.tasks])
        tasks, total = [], 0.0
        for task in rubric.tasks:
            result = score_task(task, texts)
            total += result.points
            tasks.append({"answer": task.answer, "points": result.points, "max_points": result.max_points,
                          "feedback": feedback_text(result, task.title)})
        return {"points": round(total, 2), "max_points": rubric.max_points, "tasks": tasks}

    def answer_stats(self, assignment: str = "", answer: str = "", text: Any = "") -> dict[str, Any]:
        """The word count of one answer as the rubric's criteria count it (fields lines taken out)."""
        exercise, rubric = self._exercise(assignment)
        task = next((t for t in rubric.tasks if t.answer == answer), None)
        cleaned = answer_texts(fill_notebook(exercise["release"], {answer: _text(text)}), [answer]).get(answer, "")
        if task is None or not cleaned:
            return {"words": 0}
        body, values = split_fields(cleaned, task.fields)
        return {"words": analyze(body, **_analyze_options(task, values)).stats["words"] if body.strip() else 0}

    def notebook(self, assignment: str = "", answers: Any = None, student: Any = None) -> dict[str, str]:
        exercise, rubric = self._exercise(assignment)
        if not isinstance(student, Mapping):
            raise WebError("Isi nama dan nomor identitas Anda sebelum mengunduh jawaban.")
        nb = fill_notebook(exercise["release"], self._answers(answers), assignment, student)
        return {"filename": rubric.notebook, "text": render_notebook(nb)}
