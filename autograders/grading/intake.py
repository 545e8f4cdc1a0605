"""``python -m autograders intake``: file notebooks that trainees downloaded from the book's exercise pages (or
from an LMS's "download all submissions" zip) into ``<course>/submitted/<student>/<assignment>/``, the layout
``nbgrader autograde`` and ``python -m autograders grade`` read.

Each SOURCE is a folder, a single ``.ipynb`` file, or a zip archive (Moodle's assignment download in any of its
layouts, see :mod:`.moodle`); :mod:`.submission_sources` reads them without extracting anything and refuses what
is unsafe. Each notebook found is then checked, and filed only when all of this holds:

- it is a Jupyter notebook as nbgrader reads it: UTF-8 without BOM (UTF-16/32, other encodings and a BOM are
  refused, as nbgrader refuses them), valid JSON, nbformat 4 with a list of cells;
- it belongs to the assignment: ``metadata.kelas_humas.assignment`` names it, the file name does not name another
  assignment of the course, and at least half of the released notebook's graded cells (answer and test cells, by
  nbgrader ``grade_id``) are in it (a missing one is the grader's ``cell_deleted`` flag, not a refusal);
- it says who wrote it: ``metadata.kelas_humas.student_id`` is a plain name (:func:`student_folder`);
- inside a Moodle download, the trainee's name in the notebook shares a name with the Moodle participant whose
  folder holds it (a file copied from a friend carries the friend's name), and one Moodle participant never
  brings two student ids;
- no other file of this intake is for the same student (all are refused: nobody can tell which one counts), and
  no different file is filed for that student already (``--replace`` overwrites deliberately; the identical file
  again is reported as unchanged).

**Student ids.** ASCII letters, digits, ``.``, ``_`` and ``-``; starting with a letter or digit; no ``..``; at
most 64 characters: the rule of :mod:`autograders.engine.scoring.identity`, which the exercise page uses too.
The folder and gradebook id is the **lower-case** form: JupyterHub lower-cases user names by default, so a
trainee who also works on the agency's hub keeps one gradebook entry, and ``Budi`` and ``budi`` can never become
two folders (which would collide on the case-insensitive disks of Windows and macOS). The id as the trainee
wrote it is kept in the intake record (an LMS may match ID numbers case-sensitively).

**Timestamp.** ``timestamp.txt`` (read by nbgrader for lateness and by our grader for the gradebook) holds the
time of the intake, in UTC, unless the instructor gives one with ``--timestamp``. Never the trainee's own
``saved_at``: that comes from the trainee's computer and can say anything (it is kept in the record, labelled as
declared by the trainee). Not the zip's dates either: Moodle dates the entries at the moment of the download, and
a folder's file times are those of whoever copied it. Lateness is the LMS's business: Moodle enforces the due
date and cut-off itself and shows late submissions; an instructor who wants nbgrader to see the deadline instead
passes ``--timestamp`` (for instance the due date, for everything collected from a closed Moodle assignment).

**Record.** ``<course>/.khd_intake/<assignment>/<student>.json``: the id as written, name, email, where the file
came from (the Moodle participant, if any), its SHA-256, the timestamp and its source, the trainee's declared
``saved_at``. ``python -m autograders grades-export`` reads emails and ID numbers from it.

Exit codes, as the grader: 0 everything found was filed (or was already there); 1 some file was refused, or no
notebook was found; 2 unusable input (course, assignment, ``--timestamp``, ``--student``).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import stat
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Mapping

from .course import INTAKE_DIR, Course, CourseError
from .moodle import Participant, participant_of
from .notebook import NotebookReadError, graded_cells, grade_id, read_notebook
from .notebook import meta as cell_meta
from .rubric_file import load_rubric
from . import submission_sources
from .submission_sources import Candidate, scan_sources, shown
from ..engine.present.feedback import message as catalogue_message
from ..engine.scoring.identity import FORMAT_VERSION, METADATA_KEY, student_id_problem
from ..engine.scoring.rubric import RubricError

FORMAT_VERSIONS = (FORMAT_VERSION,)
MAX_TEXT = 200  # longest name / e-mail kept from the metadata
# Honorifics and academic titles (gelar) that are not names: two people do not "share a name" through them.
TITLES = frozenset({"dr", "drs", "dra", "ir", "hj", "kom", "sos", "ikom", "skom", "ssos", "hum", "kes", "pd", "spd",
                    "mpd", "si", "msi", "mkom", "sip", "stp", "sh", "mh", "se", "mm", "ak", "st", "mt", "phd",
                    "mba", "mpa", "ap", "map", "sst", "amd", "md", "prof", "bin", "binti"})

MESSAGES = {
    # reading the sources
    "source_missing": "Sumber tidak ditemukan.",
    "symlink": "Tautan simbolik (symlink) tidak diikuti.",
    "special_file": "Bukan berkas biasa (misalnya FIFO atau perangkat); tidak dibaca.",
    "unreadable": "Berkas tidak dapat dibaca ({reason}).",
    "too_large": "Berkas terlalu besar ({size_mb} MB; batasnya {limit_mb} MB per notebook).",
    "too_many_files": "Terlalu banyak berkas (lebih dari {limit}); sumber ini tidak diproses.",
    "too_deep": "Folder terlalu dalam (lebih dari {limit} tingkat); isinya tidak dibaca.",
    "not_notebook": "Bukan notebook Jupyter (.ipynb).",
    "nested_archive": "Arsip di dalam folder atau arsip lain tidak dibuka; berikan arsip itu sebagai SUMBER "
                      "tersendiri.",
    "broken_zip": "Arsip zip rusak atau bukan zip.",
    "broken_member": "Berkas dalam arsip rusak (gagal dibaca atau CRC tidak cocok).",
    "unsafe_path": "Nama berkas dalam arsip tidak aman (jalur absolut atau '..'); tidak dibaca.",
    "encrypted": "Berkas dalam arsip terenkripsi; tidak dibaca.",
    "zip_bomb": "Isi arsip mengembang melampaui {limit_mb} MB (kemungkinan bom zip); berkas ini tidak dibaca.",
    # reading the notebook
    "encoding_utf16": "Notebook tersimpan dalam UTF-16/UTF-32; nbgrader hanya membaca UTF-8. Minta peserta "
                      "mengunduh ulang notebook dari halaman latihan.",
    "encoding_bom": "Notebook diawali BOM UTF-8, yang ditolak nbgrader. Simpan ulang sebagai UTF-8 tanpa BOM.",
    "encoding": "Notebook bukan teks UTF-8 yang sah (penyandian lain tidak dibaca nbgrader).",
    "broken_json": "Notebook rusak: bukan JSON yang sah (mungkin terpotong).",
    "invalid_notebook": "Isi berkas bukan notebook Jupyter format 4 ({why}).",
    # belonging to the assignment
    "format_version": "Versi format identitas {version!r} tidak dikenal (yang dikenal: 1).",
    "assignment_missing": "Metadata kelas_humas tidak menyebut tugasnya.",
    "wrong_assignment": "Notebook ini untuk tugas {found}, bukan {assignment}.",
    "wrong_notebook_name": "Nama berkas {name} adalah notebook tugas {found}, bukan {assignment}.",
    "cells_mismatch": "Sel notebook tidak cocok dengan tugas {assignment} (sebagian besar sel bernilainya tidak ada).",
    # identity
    "identity_missing": "Notebook tidak membawa identitas peserta (metadata kelas_humas). Minta peserta mengunduhnya "
                        "dari halaman latihan buku, atau masukkan berkas ini sendiri dengan --student ID.",
    "student_id_missing": "ID peserta di notebook kosong.",
    "student_id_invalid": "ID peserta {id} tidak sah. {why}",
    "student_conflict": "--student {given} berbeda dengan ID di notebook ({found}).",
    "name_mismatch": "Nama di notebook ({name}) tidak sama dengan peserta Moodle {label}: mungkin berkas milik orang "
                     "lain. Periksa; bila benar orang yang sama, masukkan berkas ini sendiri atau pakai "
                     "--no-name-check.",
    "participant_two_ids": "Peserta Moodle {label} (nomor {participant}) membawa notebook dengan ID berbeda ({ids}); "
                           "tidak satu pun diarsipkan.",
    "participant_mismatch": "{student} sebelumnya diarsipkan dari peserta Moodle nomor {old}, kini dari nomor {new}. "
                            "Periksa dulu; bila benar, hapus submitted/{student}/{assignment} lalu ulangi.",
    # against what is filed
    "duplicate_in_intake": "Ada {count} berkas berbeda untuk peserta {student} dalam masukan ini ({others}); tidak "
                           "satu pun diarsipkan.",
    "already_filed": "Sudah ada kiriman {student} yang berbeda untuk tugas ini; pakai --replace untuk menimpanya "
                     "dengan sengaja.",
    "case_collision": "Sudah ada folder peserta {existing} (hanya beda huruf besar/kecil dengan {student}).",
    "unsafe_target": "Tujuan {path} berupa tautan simbolik atau bukan folder/berkas biasa; tidak ditulis.",
    "write_failed": "Gagal menulis kiriman: {reason}.",
}
STATUS_LABELS = {
    "filed": "DIARSIPKAN", "replaced": "DIGANTI", "unchanged": "SUDAH ADA", "copy": "SALINAN SAMA",
    "refused": "DITOLAK", "would_file": "AKAN DIARSIPKAN", "would_replace": "AKAN DIGANTI",
}


class IntakeError(ValueError):
    """The intake cannot start (message in Indonesian): exit code 2."""


def message(code: str, **params: Any) -> str:
    if "size" in params:
        params.setdefault("size_mb", f"{params['size'] / 1_000_000:.1f}")
    limit = submission_sources.MAX_TOTAL_BYTES if code == "zip_bomb" else submission_sources.MAX_FILE_BYTES
    params.setdefault("limit_mb", f"{limit / 1_000_000:g}")
    try:
        return MESSAGES[code].format(**params)
    except (KeyError, IndexError):
        return MESSAGES.get(code, code)


# ------------------------------------------------------------------------------------------------ identity
def student_folder(raw: Any) -> tuple[str | None, str | None]:
    """(folder id, None) for a valid student id, else (None, problem code); the rule is
    :mod:`autograders.engine.scoring.identity`'s, shared with the exercise page."""
    problem = student_id_problem(raw)
    return (raw.strip().lower(), None) if problem is None else (None, problem)


def clean_text(value: Any, limit: int = MAX_TEXT) -> str:
    """A short text from the trainee's metadata, safe to store and print: no control characters, no surrogates."""
    if not isinstance(value, str):
        return ""
    kept = "".join(ch if ch.isprintable() else " " for ch in value if not 0xD800 <= ord(ch) <= 0xDFFF)
    return " ".join(kept.split())[:limit]


def plausible_email(value: str) -> bool:
    local, at, domain = value.rpartition("@")
    return (bool(at) and bool(local) and "@" not in local and "." in domain.strip(".") and len(value) <= 254
            and not any(ch.isspace() for ch in value))


def name_tokens(text: str) -> set[str]:
    """Name words, lower-cased and without diacritics, titles left out."""
    words, current = [], []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch):
            continue
        if ch.isalnum():
            current.append(ch.casefold())
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return {w for w in words if len(w) >= 2 and w not in TITLES}


def names_agree(a: str, b: str) -> bool | None:
    """True when the two names share a name word, False when they share none, None when one has no name word."""
    left, right = name_tokens(a), name_tokens(b)
    if not left or not right:
        return None
    return bool(left & right)


# ------------------------------------------------------------------------------------------------ examining
@dataclass
class Context:
    """What a notebook is checked against."""

    assignment: str
    notebook: str  # file name of the released notebook, e.g. m1_situs_web.ipynb
    assignments: tuple[str, ...]  # every assignment of the course
    release_ids: frozenset[str]  # grade_ids of the released notebook's cells that carry points
    forced_student: str | None = None  # --student
    name_check: bool = True


@dataclass
class Submission:
    """A notebook that passed every check of its own."""

    candidate: Candidate
    data: bytes
    student: str
    student_id: str  # as written
    student_name: str
    email: str
    participant: Participant | None
    declared: dict
    identity_source: str  # "notebook" or "instructor"
    notes: list[str] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class Refusal:
    code: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return message(self.code, **self.params)


def named_assignment(filename: str, assignments: Iterable[str]) -> str | None:
    """The assignment a notebook's file name names (``m1_situs_web (1).ipynb`` names m1_situs_web), if any."""
    stem = filename[:-len(".ipynb")] if filename.lower().endswith(".ipynb") else filename
    stem = stem.casefold()
    best = None
    for name in assignments:
        key = name.casefold()
        if stem == key or (stem.startswith(key) and stem[len(key)] in " _-.(["):
            if best is None or len(name) > len(best):
                best = name
    return best


def _structure_problem(nb: Any) -> str | None:
    if not isinstance(nb, dict):
        return "bukan objek JSON"
    if nb.get("nbformat") != 4:
        return "nbformat bukan 4"
    if not isinstance(nb.get("metadata", {}), dict):
        return "metadata bukan objek"
    cells = nb.get("cells")
    if not isinstance(cells, list):
        return "tidak ada daftar sel"
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") not in ("markdown", "code", "raw"):
            return "ada sel yang rusak"
        source = cell.get("source", "")
        if not (isinstance(source, str) or (isinstance(source, list) and all(isinstance(s, str) for s in source))):
            return "ada sel yang isinya bukan teks"
        if not isinstance(cell.get("metadata", {}), dict):
            return "ada sel dengan metadata rusak"
    return None


def examine(candidate: Candidate, ctx: Context) -> Submission | Refusal:
    """Check one notebook file; never raises."""
    data = candidate.data or b""
    participant, filename = participant_of(candidate.parts)
    if data.startswith(b"\xef\xbb\xbf"):
        return Refusal("encoding_bom")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(data) >= 2 and (data[0] == 0 or data[1] == 0)):
        return Refusal("encoding_utf16")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Refusal("encoding")
    try:
        nb = json.loads(text)
    except (ValueError, RecursionError):
        return Refusal("broken_json")
    why = _structure_problem(nb)
    if why:
        return Refusal("invalid_notebook", {"why": why})

    meta = nb.get("metadata", {}).get(METADATA_KEY)
    if meta is not None and not isinstance(meta, dict):
        meta = None
    if meta is not None:
        version = meta.get("version", 1)
        if version not in FORMAT_VERSIONS or isinstance(version, bool):
            return Refusal("format_version", {"version": clean_text(str(version), 20)})
        found = meta.get("assignment")
        if not isinstance(found, str) or not found.strip():
            return Refusal("assignment_missing")
        if found != ctx.assignment:
            return Refusal("wrong_assignment", {"found": clean_text(found, 80), "assignment": ctx.assignment})
    named = named_assignment(filename, ctx.assignments)
    if named is not None and named != ctx.assignment:
        return Refusal("wrong_notebook_name", {"name": shown(filename), "found": named, "assignment": ctx.assignment})
    found_ids = ctx.release_ids & {grade_id(cell) for _, cell in graded_cells(nb)}
    if 2 * len(found_ids) < len(ctx.release_ids):
        return Refusal("cells_mismatch", {"assignment": ctx.assignment})

    written = meta.get("student_id") if meta is not None else None
    notes: list[str] = []
    if ctx.forced_student is not None:
        if written not in (None, "") and student_folder(written)[0] != student_folder(ctx.forced_student)[0]:
            return Refusal("student_conflict", {"given": ctx.forced_student, "found": clean_text(str(written), 80)})
        written, source = ctx.forced_student, "instructor"
    elif meta is None:
        return Refusal("identity_missing")
    else:
        source = "notebook"
    if written is None or (isinstance(written, str) and not written.strip()):
        return Refusal("student_id_missing")
    student, problem = student_folder(written)
    if student is None:
        if problem == "empty":
            return Refusal("student_id_missing")
        return Refusal("student_id_invalid", {"id": shown(clean_text(str(written), 80) or repr(written)),
                                              "why": catalogue_message(f"student_id.{problem}")})

    meta = meta or {}
    name = clean_text(meta.get("student_name"))
    email = clean_text(meta.get("email"), 254)
    if email and not plausible_email(email):
        notes.append(f"Alamat surel {shown(email)} tidak sah; diabaikan.")
        email = ""
    if participant is not None and ctx.name_check and not participant.blind and source == "notebook":
        agree = names_agree(participant.label, name)
        if agree is False:
            return Refusal("name_mismatch", {"name": shown(name), "label": shown(participant.label)})
        if agree is None:
            notes.append("Nama peserta tidak dapat dicocokkan dengan folder Moodle (nama kosong).")
    declared = {"saved_at": clean_text(meta.get("saved_at"), 40), "source": clean_text(meta.get("source"), 40),
                "version": meta.get("version", 1) if meta else None}
    return Submission(candidate, data, student, written.strip(), name, email, participant, declared, source, notes)


# ------------------------------------------------------------------------------------------------ planning
@dataclass
class Outcome:
    origin: str
    status: str  # see STATUS_LABELS
    student: str | None = None
    code: str | None = None
    message: str = ""
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "status": self.status, "student": self.student, "code": self.code,
                "message": self.message, "notes": self.notes}


def _refused(origin: str, refusal: Refusal, student: str | None = None) -> Outcome:
    return Outcome(origin, "refused", student, refusal.code, refusal.message)


def _participant_key(sub: Submission) -> str | None:
    return sub.participant.participant_id if sub.participant is not None else None


def load_records(course: Course, assignment: str) -> dict[str, dict]:
    out = {}
    folder = course.intake_dir(assignment)
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(record, dict) and isinstance(record.get("student"), str):
            out[record["student"]] = record
    return out


def plan(subs: list[tuple[int, Submission]]) -> tuple[list[tuple[int, Submission]], dict[int, Outcome]]:
    """Cross-check the notebooks of one intake: one student per participant, one file per student."""
    decided: dict[int, Outcome] = {}
    by_participant: dict[str, list[tuple[int, Submission]]] = {}
    for index, sub in subs:
        key = _participant_key(sub)
        if key is not None:
            by_participant.setdefault(key, []).append((index, sub))
    for key, group in by_participant.items():
        ids = sorted({sub.student for _, sub in group})
        if len(ids) > 1:
            for index, sub in group:
                decided[index] = _refused(sub.candidate.origin, Refusal("participant_two_ids", {
                    "label": shown(sub.participant.label), "participant": key, "ids": ", ".join(ids)}), sub.student)
    by_student: dict[str, list[tuple[int, Submission]]] = {}
    for index, sub in subs:
        if index not in decided:
            by_student.setdefault(sub.student, []).append((index, sub))
    keep = []
    for student, group in by_student.items():
        if len(group) == 1:
            keep.append(group[0])
            continue
        first = group[0][1]
        if all(s.sha256 == first.sha256 and _participant_key(s) == _participant_key(first) for _, s in group):
            keep.append(group[0])  # the same file given twice (the same zip twice, a folder and its zip)
            for index, sub in group[1:]:
                decided[index] = Outcome(sub.candidate.origin, "copy", student,
                                         message=f"Salinan yang sama persis dengan {first.candidate.origin}.")
            continue
        for index, sub in group:
            others = [s.candidate.origin for i, s in group if i != index]
            decided[index] = _refused(sub.candidate.origin, Refusal("duplicate_in_intake", {
                "count": len(group), "student": student, "others": "; ".join(others)}), student)
    keep.sort(key=lambda item: item[0])
    return keep, decided


# ------------------------------------------------------------------------------------------------ filing
class UnsafeTarget(OSError):
    pass


def _real_dir(path: Path) -> None:
    """Make sure ``path`` is a real folder (created when missing); a symlink or a file there is refused."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        path.mkdir()
        return
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise UnsafeTarget(str(path))


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder; a symlink at ``path`` is refused."""
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
            raise UnsafeTarget(str(path))
    except FileNotFoundError:
        pass
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def submission_folder(course: Course, student: str, assignment: str) -> Path:
    """``<course>/submitted/<student>/<assignment>``, every level a real folder inside the course (created)."""
    root = course.root / "submitted"
    for level in (root, root / student, root / student / assignment):
        _real_dir(level)
    folder = root / student / assignment
    if folder.resolve().parent.parent != root.resolve():
        raise UnsafeTarget(str(folder))
    return folder


def nbgrader_timestamp(moment: datetime) -> str:
    """The format nbgrader writes into timestamp.txt."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f UTC")


def parse_timestamp(text: str) -> datetime:
    """An instructor's ``--timestamp``: ISO 8601 (``2026-12-07T23:59:00+07:00``, ``2026-12-07 16:59 UTC``); a time
    without a zone is the computer's local time. Raises ValueError."""
    value = text.strip()
    for suffix in (" UTC", "UTC", "Z"):
        if value.upper().endswith(suffix):
            value = value[: -len(suffix)].rstrip() + "+00:00"
            break
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    if not 2000 <= moment.year <= 2200:
        raise ValueError(text)
    return moment


def record_for(sub: Submission, assignment: str, notebook: str, timestamp: str, timestamp_source: str,
               filed_at: str) -> dict:
    return {"version": 1, "student": sub.student, "student_id": sub.student_id, "student_name": sub.student_name,
            "email": sub.email, "identity_source": sub.identity_source, "assignment": assignment,
            "notebook": notebook, "sha256": sub.sha256, "bytes": len(sub.data), "timestamp": timestamp,
            "timestamp_source": timestamp_source, "filed_at": filed_at, "origin": sub.candidate.origin,
            "lms": sub.participant.to_dict() if sub.participant is not None else None,
            "declared_by_trainee": sub.declared}


def _existing_students(course: Course) -> dict[str, str]:
    """lower-case -> folder name, for the student folders already under submitted/."""
    root = course.root / "submitted"
    try:
        return {entry.name.lower(): entry.name for entry in os.scandir(root)}
    except OSError:
        return {}


@dataclass
class Options:
    replace: bool = False
    dry_run: bool = False
    timestamp: datetime | None = None  # --timestamp; None = now


def file_all(course: Course, ctx: Context, keep: list[tuple[int, Submission]], options: Options,
             now: datetime) -> dict[int, Outcome]:
    """Compare with what is filed, then write (unless dry-run)."""
    out: dict[int, Outcome] = {}
    existing = _existing_students(course)

    def filed_bytes(student: str) -> bytes | None:
        target = course.submitted(student, ctx.assignment, ctx.notebook)
        try:
            return target.read_bytes() if target.is_file() and not target.is_symlink() else None
        except OSError:
            return None

    # Records count only while their submission is still filed (an instructor resolves a conflict by deleting it).
    records = {s: r for s, r in load_records(course, ctx.assignment).items() if filed_bytes(s) is not None}
    by_participant = {r["lms"]["participant_id"]: student for student, r in records.items()
                      if isinstance(r.get("lms"), dict) and r["lms"].get("participant_id")}
    moment = options.timestamp or now
    timestamp = nbgrader_timestamp(moment)
    timestamp_source = "instructor" if options.timestamp else "intake"
    filed_at = now.astimezone(timezone.utc).isoformat(timespec="seconds")
    for index, sub in keep:
        origin = sub.candidate.origin
        folder_name = existing.get(sub.student)
        if folder_name is not None and folder_name != sub.student:
            out[index] = _refused(origin, Refusal("case_collision", {"existing": shown(folder_name),
                                                                     "student": sub.student}), sub.student)
            continue
        key = _participant_key(sub)
        old = records.get(sub.student, {}).get("lms") or {}
        if key is not None and old.get("participant_id") and old["participant_id"] != key:
            out[index] = _refused(origin, Refusal("participant_mismatch", {
                "student": sub.student, "old": old["participant_id"], "new": key, "assignment": ctx.assignment}),
                sub.student)
            continue
        if key is not None and by_participant.get(key, sub.student) != sub.student:
            out[index] = _refused(origin, Refusal("participant_two_ids", {
                "label": shown(sub.participant.label), "participant": key,
                "ids": ", ".join(sorted({by_participant[key], sub.student}))}), sub.student)
            continue
        target = course.submitted(sub.student, ctx.assignment, ctx.notebook)
        current = filed_bytes(sub.student)
        if current is not None and hashlib.sha256(current).hexdigest() == sub.sha256:
            status = "unchanged"
        elif current is not None or target.is_symlink():
            if not options.replace:
                out[index] = _refused(origin, Refusal("already_filed", {"student": sub.student}), sub.student)
                continue
            status = "replaced"
        else:
            status = "filed"
        if options.dry_run:
            dry = {"filed": "would_file", "replaced": "would_replace"}.get(status, status)
            out[index] = Outcome(origin, dry, sub.student, notes=list(sub.notes))
            continue
        try:
            folder = submission_folder(course, sub.student, ctx.assignment)
            stamp = folder / "timestamp.txt"
            record_path = course.intake_dir(ctx.assignment) / f"{sub.student}.json"
            if status == "unchanged":
                if not stamp.exists():
                    _write_atomic(stamp, (timestamp + "\n").encode("utf-8"))
                if not record_path.exists():
                    _write_record(course, ctx, record_path, record_for(sub, ctx.assignment, ctx.notebook, timestamp,
                                                                       timestamp_source, filed_at))
            else:
                _write_atomic(folder / ctx.notebook, sub.data)
                _write_atomic(stamp, (timestamp + "\n").encode("utf-8"))
                _write_record(course, ctx, record_path, record_for(sub, ctx.assignment, ctx.notebook, timestamp,
                                                                   timestamp_source, filed_at))
        except UnsafeTarget as error:
            out[index] = _refused(origin, Refusal("unsafe_target", {"path": shown(str(error))}), sub.student)
            continue
        except OSError as error:
            out[index] = _refused(origin, Refusal("write_failed", {"reason": error.strerror or type(error).__name__}),
                                  sub.student)
            continue
        if key is not None:
            by_participant[key] = sub.student
        notes = list(sub.notes)
        if status == "unchanged":
            notes.append("Berkas yang sama sudah diarsipkan; stempel waktunya tidak diubah.")
        out[index] = Outcome(origin, status, sub.student, notes=notes)
    return out


def _write_record(course: Course, ctx: Context, path: Path, record: dict) -> None:
    for level in (course.root / INTAKE_DIR, course.intake_dir(ctx.assignment)):
        _real_dir(level)
    _write_atomic(path, (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


# ------------------------------------------------------------------------------------------------ the run
def take_in(course: Course, ctx: Context, sources: list[str], options: Options,
            now: datetime | None = None) -> tuple[list[Outcome], int]:
    """The whole intake; returns (outcomes in the order found, skipped junk count)."""
    now = now or datetime.now(timezone.utc)
    scan = scan_sources(sources)
    outcomes: dict[int, Outcome] = {}
    subs: list[tuple[int, Submission]] = []
    notebooks = [c for c in scan.candidates if c.problem is None]
    if ctx.forced_student is not None and len(notebooks) != 1:
        raise IntakeError(f"--student hanya untuk satu notebook; ditemukan {len(notebooks)}.")
    for index, candidate in enumerate(scan.candidates):
        if candidate.problem is not None:
            outcomes[index] = _refused(candidate.origin, Refusal(candidate.problem, dict(candidate.params)))
            continue
        result = examine(candidate, ctx)
        if isinstance(result, Refusal):
            outcomes[index] = _refused(candidate.origin, result)
        else:
            subs.append((index, result))
    keep, decided = plan(subs)
    outcomes.update(decided)
    outcomes.update(file_all(course, ctx, keep, options, now))
    return [outcomes[i] for i in sorted(outcomes)], scan.skipped


def context_for(course: Course, assignment: str, forced_student: str | None = None,
                name_check: bool = True) -> Context:
    """Raises CourseError / RubricError / NotebookReadError when the assignment cannot take submissions."""
    if assignment not in course.assignments():
        raise CourseError(f"Tugas {assignment} tidak ada di source/ kursus ini.")
    rubric = load_rubric(course.rubric_path(assignment))
    release = read_notebook(course.release_notebook(assignment, rubric.notebook))
    ids = frozenset(grade_id(cell) or "" for _, cell in graded_cells(release) if cell_meta(cell).get("grade"))
    return Context(assignment, rubric.notebook, tuple(course.assignments()), ids, forced_student, name_check)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="+", metavar="SUMBER",
                        help="folder berisi notebook, satu berkas .ipynb, atau arsip zip (misalnya unduhan "
                             "'Download all submissions' tugas Moodle); boleh lebih dari satu")
    parser.add_argument("--course", default="exercises", help="folder kursus nbgrader (bawaan: exercises)")
    parser.add_argument("--assignment", required=True, help="nama tugas, misalnya m1_situs_web")
    parser.add_argument("--replace", action="store_true",
                        help="timpa kiriman yang sudah diarsipkan bila berkas barunya berbeda (dengan sengaja)")
    parser.add_argument("--student", metavar="ID",
                        help="ID peserta untuk satu notebook tanpa identitas (misalnya disimpan dari JupyterLab)")
    parser.add_argument("--timestamp", metavar="WAKTU",
                        help="stempel waktu kiriman, misalnya '2026-12-07 23:59+07:00' (bawaan: waktu penerimaan "
                             "ini; tidak pernah waktu yang ditulis peserta)")
    parser.add_argument("--no-name-check", action="store_true",
                        help="jangan cocokkan nama di notebook dengan nama peserta di folder Moodle")
    parser.add_argument("--dry-run", action="store_true", help="hanya memeriksa dan melaporkan; tidak menulis apa pun")
    parser.add_argument("--format", choices=["table", "json"], default="table",
                        help="table (bawaan) atau json: satu objek JSON per berkas per baris")


def summary(outcomes: list[Outcome], skipped: int) -> str:
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    words = [("filed", "diarsipkan"), ("replaced", "diganti"), ("would_file", "akan diarsipkan"),
             ("would_replace", "akan diganti"), ("unchanged", "sudah ada"), ("copy", "salinan sama"),
             ("refused", "ditolak")]
    parts = [f"{counts[key]} {label}" for key, label in words if counts.get(key)]
    text = "Ringkasan: " + (", ".join(parts) if parts else "tidak ada notebook ditemukan")
    if skipped:
        text += f" ({skipped} berkas sistem/tersembunyi diabaikan)"
    return text + "."


def table(outcomes: list[Outcome]) -> str:
    """One line per file (status, student, where it came from), then the reason or notes, indented."""
    lines = []
    width = max((len(STATUS_LABELS[o.status]) for o in outcomes), default=0)
    who_width = max((len(o.student or "-") for o in outcomes), default=1)
    for outcome in outcomes:
        who = (outcome.student if outcome.status != "refused" else None) or "-"
        lines.append(f"{STATUS_LABELS[outcome.status].ljust(width)}  {who.ljust(who_width)}  {outcome.origin}")
        for text in ([outcome.message] if outcome.message else []) + outcome.notes:
            lines.append(f"{' ' * width}  -> {text}")
    return "\n".join(lines) + ("\n" if lines else "")


def run(args: argparse.Namespace) -> int:
    try:
        course = Course.at(args.course)
        forced = None
        if args.student is not None:
            forced = args.student
            if student_folder(forced)[0] is None:
                raise IntakeError(f"--student {shown(forced)} tidak sah. "
                                  f"{catalogue_message('student_id.' + (student_folder(forced)[1] or 'empty'))}")
        ctx = context_for(course, args.assignment, forced, not args.no_name_check)
        stamp = None
        if args.timestamp is not None:
            try:
                stamp = parse_timestamp(args.timestamp)
            except ValueError:
                raise IntakeError(f"--timestamp {shown(args.timestamp)} tidak dapat dibaca; contoh: "
                                  "2026-12-07T23:59:00+07:00") from None
        options = Options(replace=args.replace, dry_run=args.dry_run, timestamp=stamp)
        now = datetime.now(timezone.utc)
        outcomes, skipped = take_in(course, ctx, list(args.sources), options, now)
    except (CourseError, RubricError, NotebookReadError, IntakeError) as error:
        print(f"Kesalahan: {error}", file=sys.stderr)
        return 2
    if args.format == "json":
        for outcome in outcomes:
            print(json.dumps(outcome.to_dict(), ensure_ascii=False))
    else:
        sys.stdout.write(table(outcomes))
        print(summary(outcomes, skipped))
        if any(o.status in ("filed", "replaced") for o in outcomes):
            when = (f"{nbgrader_timestamp(stamp)}, dari --timestamp" if stamp
                    else f"{nbgrader_timestamp(now)}, waktu penerimaan ini")
            print(f"Stempel waktu kiriman baru: {when} (bukan waktu yang ditulis peserta).")
            print(f"Langkah berikutnya: python -m autograders grade --course {args.course} "
                  f"--assignment {args.assignment}")
    refused = any(o.status == "refused" for o in outcomes)
    accepted = any(o.status != "refused" for o in outcomes)
    return 1 if refused or not accepted else 0
