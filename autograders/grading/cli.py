"""``python -m autograders grade``: grade a cohort's submissions of one assignment without running trainee code.

Parallel over worker processes, each submission within a time budget (``--time-limit``): one that takes longer
is stopped, recorded as an error with the flag ``time_limit`` and never holds the others; results are written
and printed as they complete. Each student's result is written to the nbgrader gradebook (one transaction,
upsert) and then recorded atomically in ``<course>/.khd_grades/<assignment>/<student>.json``. A re-run skips a
student only when the submission and rubric are unchanged AND the gradebook still holds the recorded points
(a new or rebuilt gradebook is graded again); ``--force`` regrades all. A run that was killed half way finishes
with no grade lost or counted twice.

Trainee folders are hostile input: ``--student`` takes only names listed in ``submitted/``; no symbolic
link below ``submitted/`` is followed (such a submission is flagged ``unsafe_file``); a gradebook password is
never taken from the command line (other users can read it from ``/proc``).

Exit codes: 0 all graded; 1 graded, but some submissions had an error (see their ``error``); 2 unusable input.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any, Iterable, Iterator

from .course import Course, CourseError
from .flag_text import flag_names
from .grader import autograded_notebook, grade_submission, read_submission, write_json_atomic
from .notebook import NotebookReadError, parse_notebook, read_notebook
from .pool import default_workers, run_with_budget
from .safe_files import read_below
from .tamper import make_flag
from ..engine.scoring.rubric import Rubric, RubricError, fmt_points
from .rubric_file import load_rubric

# 2: flag messages name cells as a trainee finds them (flag_text), not by id.
# 3: an answer cell made raw or code is graded as text and flagged (it used to score 0), and a record counts only
#    when the gradebook holds its points; records of versions 1 and 2 are graded again.
STATE_VERSION = 3
DEFAULT_TIME_LIMIT = 120  # seconds per submission; an honest one takes well under one second


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
                        help="gradebook (URL SQLAlchemy TANPA kata sandi, misalnya "
                             "postgresql+psycopg2://nbgrader@127.0.0.1/gradebook; kata sandi di ~/.pgpass); bawaan: "
                             "CourseDirectory.db_url di nbgrader_config.py kursus, atau gradebook.db di folder kursus")
    parser.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="DETIK",
                        help=f"batas waktu menilai satu kiriman (bawaan: {DEFAULT_TIME_LIMIT} detik); kiriman yang "
                             "melewatinya dicatat sebagai kesalahan dan tidak menahan kiriman lain")
    parser.add_argument("--dry-run", action="store_true",
                        help="hanya menilai dan mencetak; tidak menulis gradebook, autograded/, atau catatan")


# Results written to the gradebook per transaction. A run stopped half way loses at most the batch in flight,
# which is not recorded either, so the next run grades it again; nothing is counted twice. A batch is also
# written when its oldest result has waited FLUSH_SECONDS, so results appear while a slow submission is graded.
BATCH = 25
FLUSH_SECONDS = 2.0
SMALL_FILE = 64_000  # timestamp.txt, submission_secret.txt, the collect record
# Written into each collected submission by the hub's collector (deploy/nbgrader/umum/kelas_exchange.py): what it
# refused to copy (links, special files, someone else's files) and the time it took from the kernel.
COLLECT_RECORD = ".kelas_pengumpulan.json"


# ------------------------------------------------------------------------------------------------ worker
def _read_small(base: Path, parts: list[str]) -> bytes | None:
    """A small file below ``base`` read without following links, or None."""
    try:
        return read_below(base, parts, SMALL_FILE)
    except OSError:
        return None


def _read_timestamp(base: Path, student: str, assignment: str) -> str | None:
    raw = _read_small(base, [student, assignment, "timestamp.txt"])
    text = raw.decode("utf-8", "replace").strip() if raw else ""
    return text or None


def collect_refusals(base: Path, student: str, assignment: str) -> list[str]:
    """The entries the hub's collector refused to copy from this submission ([] when there is no record)."""
    raw = _read_small(base, [student, assignment, COLLECT_RECORD])
    try:
        refused = json.loads(raw or b"{}").get("ditolak") or []
        return [str(item.get("berkas", "?")) for item in refused if isinstance(item, dict)]
    except (ValueError, AttributeError):
        return []


def grade_one(item: tuple[str, str], release: dict, rubric: Rubric, autograded_root: str | None,
              submitted_root: str) -> dict:
    """Worker: grade one student's file and (optionally) write the autograded copy. Never raises."""
    student, path = item
    result = grade_submission(student, path, release, rubric, base=submitted_root)
    refused = collect_refusals(Path(submitted_root), student, rubric.assignment) if student else []
    if refused:
        result["flags"] = [make_flag("unsafe_file", refused).to_dict()] + list(result.get("flags") or [])
    if autograded_root and not result.get("error"):
        try:
            nb = parse_notebook(read_submission(path, submitted_root))
            folder = Path(autograded_root) / student / rubric.assignment
            write_json_atomic(folder / rubric.notebook, autograded_notebook(nb, release, result))
            # As nbgrader autograde does: keep the submission's timestamp and secret beside the autograded copy
            # (generate_feedback / release_feedback need them).
            for name in ("timestamp.txt", "submission_secret.txt"):
                data = _read_small(Path(submitted_root), [student, rubric.assignment, name])
                if data is not None:
                    (folder / name).write_bytes(data)
        except Exception:  # noqa: BLE001 - the grade stands even if the copy cannot be written
            result["error"] = "Nilai dihitung, tetapi salinan autograded tidak dapat ditulis."
    return result


def _stopped(rubric: Rubric, item: tuple[str, str], flag_code: str, error: str, cells: list[str]) -> dict:
    return {"student": item[0], "assignment": rubric.assignment, "score": 0.0, "max_score": rubric.max_points,
            "flags": [make_flag(flag_code, cells).to_dict()], "error": error, "sha256": "", "tasks": [],
            "retry": True}


def warm_up(release: dict, rubric: Rubric) -> None:
    """Before the workers are forked: load what grading needs (engine, word lists, stemmer, compiled fact sheets)
    by grading the released notebook with a short answer in every answer cell, then freeze those long-lived
    objects out of the garbage collector's sweeps. They never become garbage, and sweeping them on every
    collection cost more than the scoring itself; the forked workers inherit them warm and frozen."""
    import gc

    from .grader import grade_notebook

    sample = json.loads(json.dumps(release))
    for cell in sample.get("cells", []):
        if ((cell.get("metadata") or {}).get("nbgrader") or {}).get("solution"):
            cell["source"] = "Warga Kota Sukamaju datang ke kantor pukul 08.00 WIB. Layanan dibuka setiap hari."
    try:
        grade_notebook(sample, release, rubric)
    except Exception:  # noqa: BLE001 - warming up is an optimisation; grading reports its own errors
        pass
    gc.freeze()


def graded_results(items: list[tuple[str, str]], release: dict, rubric: Rubric, jobs: int,
                   autograded_root: str | None, submitted_root: str, time_limit: float,
                   before_fork=lambda: None) -> Iterator[dict]:
    """Results as they complete; each submission within ``time_limit`` seconds (see :mod:`.pool`)."""
    worker = partial(grade_one, release=release, rubric=rubric, autograded_root=autograded_root,
                     submitted_root=submitted_root)
    seconds = f"{time_limit:g}"

    def on_timeout(item, _limit):
        return _stopped(rubric, item, "time_limit",
                        f"Penilaian dihentikan: melewati batas waktu {seconds} detik per kiriman.", [seconds])

    def on_failure(item, _text):
        result = _stopped(rubric, item, "invalid_notebook", "Kiriman ini tidak dapat dinilai karena kesalahan "
                          "teknis pada proses penilai.", [])
        return result

    if items:
        warm_up(release, rubric)
    yield from run_with_budget(worker, items, jobs, time_limit, on_timeout, on_failure, before_fork,
                               heartbeat=FLUSH_SECONDS)


# ------------------------------------------------------------------------------------------------ state
def _state_path(course: Course, assignment: str, student: str) -> Path:
    return course.state_dir(assignment) / f"{student}.json"


def recorded(course: Course, rubric: Rubric, student: str, sha256: str) -> dict | None:
    if not sha256:
        return None
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


def submission_sha256(course: Course, student: str, assignment: str, notebook: str) -> str:
    """SHA-256 of the submitted notebook read without following links ('' when it cannot be read safely)."""
    import hashlib

    try:
        raw = read_submission(course.submitted(student, assignment, notebook), course.root / "submitted")
    except OSError:
        return ""
    return hashlib.sha256(raw).hexdigest()


def in_gradebook(result: dict, held: dict[str, float | None], rubric: Rubric) -> bool:
    """True when the gradebook holds this recorded result: every test cell's points as recorded (0 for a task the
    result has none for, as :func:`.gradebook.upsert_results` writes it)."""
    if not held:
        return False
    points = {t.get("test_cell"): float(t.get("points", 0)) for t in result.get("tasks") or []}
    for task in rubric.tasks:
        value = held.get(task.test_cell)
        if value is None or abs(float(value) - points.get(task.test_cell, 0.0)) > 1e-9:
            return False
    return True


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


def _refuse_password(db_url: str) -> str | None:
    """The Indonesian reason to refuse ``--db-url``, or None: a password on a command line is readable by every
    local user (``/proc/<pid>/cmdline``)."""
    if not db_url:
        return None
    try:
        from sqlalchemy.engine import make_url

        url = make_url(db_url)
    except Exception:  # noqa: BLE001 - a malformed URL: let the gradebook say so later
        return None
    if url.password or any(key.lower() == "password" for key in url.query):
        return ("--db-url memuat kata sandi. Kata sandi di baris perintah dapat dibaca setiap pengguna server "
                "(/proc). Tulis URL tanpa kata sandi (postgresql+psycopg2://PENGGUNA@HOST/BASISDATA) dan simpan kata "
                "sandinya di ~/.pgpass akun penilai (mode 0600), atau tetapkan CourseDirectory.db_url di "
                "nbgrader_config.py kursus (folder kursus 0700).")
    return None


def _students(course: Course, asked: list[str], assignment: str) -> tuple[list[str], list[str]]:
    """(students to grade, problems): an id given with --student must be the name of a folder in submitted/."""
    if not asked:
        return course.students_with_submission(assignment), []
    problems = [f"peserta '{student}' tidak ada di {course.root / 'submitted'}/ (hanya nama folder peserta di "
                "sana yang diterima; salah ketik?)." for student in dict.fromkeys(asked)
                if not course.has_submission_entry(student)]
    return list(dict.fromkeys(asked)), problems


def run(args: argparse.Namespace) -> int:
    refusal = _refuse_password(args.db_url)
    if refusal:
        print(f"Kesalahan: {refusal}", file=sys.stderr)
        return 2
    if not args.time_limit or args.time_limit <= 0:
        print("Kesalahan: --time-limit harus lebih dari 0 detik.", file=sys.stderr)
        return 2
    try:
        course = Course.at(args.course, args.db_url)
        rubric = load_rubric(course.rubric_path(args.assignment))
        release = read_notebook(course.release_notebook(args.assignment, rubric.notebook))
    except (CourseError, RubricError, NotebookReadError) as error:
        print(f"Kesalahan: {error}", file=sys.stderr)
        return 2
    students, problems = _students(course, args.student, args.assignment)
    if problems:
        for problem in problems:
            print(f"Kesalahan: {problem}", file=sys.stderr)
        return 2
    jobs = args.jobs if args.jobs and args.jobs > 0 else default_workers()
    submitted_root = course.root / "submitted"

    candidates: dict[str, dict] = {}
    todo: list[tuple[str, str]] = []
    for student in students:
        path = course.submitted(student, args.assignment, rubric.notebook)
        previous = None
        if not (args.force or args.dry_run):
            previous = recorded(course, rubric, student, submission_sha256(course, student, args.assignment,
                                                                           rubric.notebook))
        if previous is not None:
            candidates[student] = previous
        else:
            todo.append((student, str(path)))

    gb = None
    opener = None
    done: list[dict] = []
    if candidates:
        # Skip a student only if the gradebook still holds what was recorded (a rebuilt or new gradebook
        # would otherwise be left empty while the run reports success).
        try:
            gb = _open_gradebook(course)
            from .gradebook import held_scores

            held = held_scores(gb, rubric, list(candidates))
        except Exception as error:  # noqa: BLE001 - the gradebook cannot be read: say so
            print(f"Kesalahan: gradebook {course.db_url_shown} tidak dapat dibuka: {type(error).__name__}.",
                  file=sys.stderr)
            return 2
        for student, previous in candidates.items():
            if in_gradebook(previous, held.get(student, {}), rubric):
                done.append(previous)
            else:
                todo.append((student, str(course.submitted(student, args.assignment, rubric.notebook))))

    bar = _progress(len(students), args.progress or sys.stderr.isatty())
    if bar is not None:
        bar.update(len(done))
    out: list[dict] = []
    emit = (lambda r: print(json.dumps(public(r), ensure_ascii=False), flush=True)) if args.format == "json" else out.append
    for result in done:
        emit(result)

    if not args.dry_run and todo and gb is None:
        # Importing nbgrader takes seconds: do it in a thread while the worker processes grade.
        from concurrent.futures import ThreadPoolExecutor

        threads = ThreadPoolExecutor(max_workers=1)
        # Reading the course's nbgrader_config.py imports nbgrader too: do that in the thread as well.
        opener = threads.submit(_open_gradebook, course)
        threads.shutdown(wait=False)
    errors = sum(1 for r in done if r.get("error"))
    pending: list[dict] = []  # graded, not yet in the gradebook
    oldest = [0.0]

    def gradebook():
        nonlocal gb
        if opener is not None and gb is None:
            gb = opener.result()
        return gb

    def before_fork() -> None:
        if opener is not None:
            opener.exception()  # wait for the importing thread: never fork beside it

    def flush() -> None:
        """Write the pending results in one transaction, then record (for resuming) and print each."""
        nonlocal errors
        if not pending:
            return
        book = gradebook()
        if book is not None:
            from .gradebook import upsert_results

            items = [(r, _read_timestamp(submitted_root, r["student"], args.assignment)) for r in pending]
            for result, problem in zip(pending, upsert_results(book, rubric, items)):
                if problem:
                    result["error"] = problem
                elif not result.get("retry"):  # only a result that is in the gradebook is skipped next time
                    record(course, rubric, result)
        for result in pending:
            errors += bool(result.get("error"))
            emit(result)
        pending.clear()

    try:
        autograded_root = None if args.dry_run else str(course.root / "autograded")
        for result in graded_results(todo, release, rubric, jobs, autograded_root, str(submitted_root),
                                     args.time_limit, before_fork):
            if result is not None:
                if not pending:
                    oldest[0] = time.monotonic()
                pending.append(result)
                if bar is not None:
                    bar.update(1)
            if pending and (len(pending) >= BATCH or time.monotonic() - oldest[0] >= FLUSH_SECONDS):
                flush()
        flush()
    finally:
        if bar is not None:
            bar.close()
        if gb is not None:
            gb.close()
    if args.format == "table":
        sys.stdout.write(table(sorted(out, key=lambda r: r["student"])))
    return 1 if errors else 0
