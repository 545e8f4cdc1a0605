"""``python -m autograders grade``: grade a cohort's submissions of one assignment without running trainee code.

Parallel over processes; each student's result is written to the nbgrader gradebook (one transaction, upsert)
and then recorded atomically in ``<course>/.khd_grades/<assignment>/<student>.json``. A re-run skips students
whose submission and rubric have not changed since their result was recorded (``--force`` regrades all), so a
run that was killed half way finishes with no grade lost or counted twice.

Exit codes: 0 all graded; 1 graded, but some submissions had an error (see their ``error``); 2 unusable input.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any, Iterable, Iterator

from .course import Course, CourseError
from .flag_text import flag_names
from .grader import autograded_notebook, grade_submission, write_json_atomic
from .notebook import NotebookReadError, parse_notebook, read_notebook
from ..engine.scoring.rubric import Rubric, RubricError, fmt_points
from .rubric_file import load_rubric

# 2: flag messages name cells as a trainee finds them (flag_text), not by id; older records are graded again.
STATE_VERSION = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--course", default="exercises", help="folder kursus nbgrader (bawaan: exercises)")
    parser.add_argument("--assignment", required=True, help="nama tugas, misalnya m1_situs_web")
    parser.add_argument("--student", action="append", default=[], metavar="ID",
                        help="nilai peserta ini saja (boleh diulang); bawaan: semua yang mengirim")
    parser.add_argument("--jobs", type=int, default=0, help="jumlah proses paralel (bawaan: jumlah inti CPU)")
    parser.add_argument("--format", choices=["table", "json"], default="table",
                        help="table (bawaan) atau json: satu objek JSON per peserta per baris")
    parser.add_argument("--progress", action="store_true", help="selalu tampilkan bilah kemajuan (di stderr)")
    parser.add_argument("--force", action="store_true", help="nilai ulang semua, juga yang sudah tercatat")
    parser.add_argument("--db-url", default="", metavar="URL",
                        help="gradebook (URL SQLAlchemy, misalnya postgresql+psycopg2://…); bawaan: CourseDirectory.db_url "
                             "di nbgrader_config.py kursus, atau gradebook.db di folder kursus")
    parser.add_argument("--dry-run", action="store_true",
                        help="hanya menilai dan mencetak; tidak menulis gradebook, autograded/, atau catatan")


# Results written to the gradebook per transaction. A run stopped half way loses at most the batch in flight,
# which is not recorded either, so the next run grades it again; nothing is counted twice.
BATCH = 25

# ------------------------------------------------------------------------------------------------ worker
def _read_timestamp(folder: Path) -> str | None:
    try:
        return (folder / "timestamp.txt").read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def grade_one(item: tuple[str, str], release: dict, rubric: Rubric, autograded_root: str | None) -> dict:
    """Worker: grade one student's file and (optionally) write the autograded copy. Never raises."""
    student, path = item
    result = grade_submission(student, path, release, rubric)
    if autograded_root and not result.get("error"):
        try:
            nb = parse_notebook(Path(path).read_bytes())
            folder = Path(autograded_root) / student / rubric.assignment
            write_json_atomic(folder / rubric.notebook, autograded_notebook(nb, release, result))
            # As nbgrader autograde does: keep the submission's timestamp and secret beside the autograded copy
            # (generate_feedback / release_feedback need them).
            for name in ("timestamp.txt", "submission_secret.txt"):
                source = Path(path).parent / name
                if source.is_file():
                    (folder / name).write_bytes(source.read_bytes())
        except Exception:  # noqa: BLE001 - the grade stands even if the copy cannot be written
            result["error"] = "Nilai dihitung, tetapi salinan autograded tidak dapat ditulis."
    return result


def warm_up(rubric: Rubric) -> None:
    """A grading process's start: load what scoring needs (engine, word lists, stemmer, compiled fact sheets) by
    scoring a one-word answer, then freeze those long-lived objects out of the garbage collector's sweeps. They
    never become garbage, and sweeping them on every collection cost more than the scoring itself."""
    import gc

    from ..engine.scoring.rubric import score_task

    try:
        for task in rubric.tasks:
            score_task(task, {cell: "Siap." for cell in task.answer_cells})
    except Exception:  # noqa: BLE001 - warming up is an optimisation; grading reports its own errors
        pass
    gc.freeze()


def graded_results(items: list[tuple[str, str]], release: dict, rubric: Rubric, jobs: int,
                   autograded_root: str | None) -> Iterator[dict]:
    worker = partial(grade_one, release=release, rubric=rubric, autograded_root=autograded_root)
    if jobs <= 1 or len(items) < 4:
        if len(items) >= 4:
            warm_up(rubric)
        yield from map(worker, items)
        return
    chunk = max(1, min(32, len(items) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs, initializer=warm_up, initargs=(rubric,)) as pool:
        yield from pool.map(worker, items, chunksize=chunk)


# ------------------------------------------------------------------------------------------------ state
def _state_path(course: Course, assignment: str, student: str) -> Path:
    return course.state_dir(assignment) / f"{student}.json"


def recorded(course: Course, rubric: Rubric, student: str, sha256: str) -> dict | None:
    try:
        state = json.loads(_state_path(course, rubric.assignment, student).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (state.get("version") == STATE_VERSION and state.get("submission_sha256") == sha256
            and state.get("rubric_sha256") == rubric.sha256):
        return state.get("result")
    return None


def record(course: Course, rubric: Rubric, result: dict) -> None:
    write_json_atomic(_state_path(course, rubric.assignment, result["student"]),
                      {"version": STATE_VERSION, "submission_sha256": result.get("sha256", ""),
                       "rubric_sha256": rubric.sha256, "result": result})


def file_sha256(path: Path) -> str:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


# ------------------------------------------------------------------------------------------------ output
def public(result: dict) -> dict[str, Any]:
    return {"student": result["student"], "score": result["score"], "max_score": result["max_score"],
            "flags": result.get("flags") or [], "error": result.get("error")}


def table(results: Iterable[dict]) -> str:
    rows = [("Peserta", "Nilai", "Maks", "Tanda", "Kesalahan")]
    for r in results:
        rows.append((r["student"], fmt_points(r["score"]), fmt_points(r["max_score"]),
                     ", ".join(flag_names(r.get("flags") or [])) or "-", r.get("error") or "-"))  # words, not codes
    widths = [max(len(str(row[i])) for row in rows) for i in range(4)]
    lines = ["  ".join(str(v).ljust(widths[i]) if i < 4 else str(v) for i, v in enumerate(row)) for row in rows]
    return "\n".join(lines) + "\n"


def _progress(total: int, enabled: bool):
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover
        return None
    return tqdm(total=total, file=sys.stderr, unit="kiriman", desc="Menilai")


# ------------------------------------------------------------------------------------------------ run
def _open_gradebook(course: Course):
    _import_gradebook_api_lean()  # first: the course's nbgrader_config.py may import nbgrader itself
    from .gradebook import open_gradebook

    return open_gradebook(course.db_url)


def _import_gradebook_api_lean() -> None:
    """Import ``nbgrader.api`` (the gradebook models) without what the grader never uses.

    ``import nbgrader`` loads all of nbgrader's Jupyter server extensions, and ``nbformat`` pulls in
    jsonschema's IRI format checker, whose grammar takes about 1.5 s to build; together about 3 s of a grading
    run. In this command's own process only, the package is entered without running its ``__init__`` and the
    IRI checker is left out (notebooks are never validated against IRI formats). Elsewhere — tests, the
    formgrader, nbgrader's own commands — nothing changes.
    """
    import importlib.util
    import types

    if "nbgrader" in sys.modules:
        return
    spec = importlib.util.find_spec("nbgrader")
    if spec is None or not spec.submodule_search_locations:
        return
    package = types.ModuleType("nbgrader")
    package.__path__ = list(spec.submodule_search_locations)
    package.__spec__ = spec
    package.__file__ = spec.origin  # course configs find nbgrader's templates from it
    blocked = "rfc3987_syntax" not in sys.modules
    sys.modules["nbgrader"] = package
    if blocked:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]  # makes its import fail: checker skipped
    try:
        import nbgrader.api  # noqa: F401
    finally:
        if blocked:
            del sys.modules["rfc3987_syntax"]


def run(args: argparse.Namespace) -> int:
    try:
        course = Course.at(args.course, args.db_url)
        rubric = load_rubric(course.rubric_path(args.assignment))
        release = read_notebook(course.release_notebook(args.assignment, rubric.notebook))
    except (CourseError, RubricError, NotebookReadError) as error:
        print(f"Kesalahan: {error}", file=sys.stderr)
        return 2
    students = list(dict.fromkeys(args.student)) or course.students_with_submission(args.assignment)
    jobs = args.jobs if args.jobs and args.jobs > 0 else (os.cpu_count() or 1)

    done: list[dict] = []
    todo: list[tuple[str, str]] = []
    for student in students:
        path = course.submitted(student, args.assignment, rubric.notebook)
        previous = None if args.force or args.dry_run else recorded(course, rubric, student, file_sha256(path))
        if previous is not None:
            done.append(previous)
        else:
            todo.append((student, str(path)))

    bar = _progress(len(students), args.progress or sys.stderr.isatty())
    if bar is not None:
        bar.update(len(done))
    out: list[dict] = []
    emit = (lambda r: print(json.dumps(public(r), ensure_ascii=False), flush=True)) if args.format == "json" else out.append
    for result in done:
        emit(result)

    gb = None
    opener = None
    if not args.dry_run and todo:
        # Importing nbgrader takes seconds: do it in a thread while the worker processes grade.
        from concurrent.futures import ThreadPoolExecutor

        threads = ThreadPoolExecutor(max_workers=1)
        # Reading the course's nbgrader_config.py imports nbgrader too: do that in the thread as well.
        opener = threads.submit(_open_gradebook, course)
        threads.shutdown(wait=False)
    errors = sum(1 for r in done if r.get("error"))
    pending: list[dict] = []  # graded, not yet in the gradebook

    def flush() -> None:
        """Write the pending results in one transaction, then record (for resuming) and print each."""
        nonlocal gb, errors
        if not pending:
            return
        if opener is not None and gb is None:
            gb = opener.result()
        if gb is not None:
            from .gradebook import upsert_results

            items = [(r, _read_timestamp(course.submitted(r["student"], args.assignment, rubric.notebook).parent))
                     for r in pending]
            for result, problem in zip(pending, upsert_results(gb, rubric, items)):
                if problem:
                    result["error"] = problem
                else:  # only a result that is in the gradebook is skipped next time
                    record(course, rubric, result)
        for result in pending:
            errors += bool(result.get("error"))
            emit(result)
        pending.clear()

    try:
        autograded_root = None if args.dry_run else str(course.root / "autograded")
        for result in graded_results(todo, release, rubric, jobs, autograded_root):
            pending.append(result)
            if len(pending) >= BATCH:
                flush()
            if bar is not None:
                bar.update(1)
        flush()
    finally:
        if bar is not None:
            bar.close()
        if gb is not None:
            gb.close()
    if args.format == "table":
        sys.stdout.write(table(out))
    return 1 if errors else 0
