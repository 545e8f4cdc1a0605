"""Where things are in an nbgrader course folder (the default layout of ``nbgrader_config.py`` in ``exercises/``)."""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..engine.scoring.rubric import RubricError

RUBRIC_FILE = "rubrik.yml"
STATE_DIR = ".khd_grades"
INTAKE_DIR = ".khd_intake"  # one record per filed submission (python -m autograders intake)


class CourseError(ValueError):
    """The course folder is not usable (message in Indonesian)."""


def listed_name(name: str) -> bool:
    """A name under ``submitted/`` that can be a student: not hidden (``.khd…``, ``.ipynb_checkpoints``)."""
    return bool(name) and not name.startswith(".")


def configured_db_url(root: Path) -> str:
    """``CourseDirectory.db_url`` set in ``<root>/nbgrader_config.py`` (loaded like nbgrader loads it), or ''."""
    if not (root / "nbgrader_config.py").is_file():
        return ""
    from traitlets.config.loader import PyFileConfigLoader

    try:
        config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    except Exception as error:  # noqa: BLE001 - a broken config is the instructor's to fix; say so
        raise CourseError(f"nbgrader_config.py di {root} tidak dapat dibaca: {error}") from error
    value = config.get("CourseDirectory", {}).get("db_url", "")
    return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class Course:
    root: Path
    db_url_given: str = ""

    @classmethod
    def at(cls, path: str | Path, db_url: str = "") -> "Course":
        root = Path(path).resolve()
        if not (root / "source").is_dir():
            raise CourseError(f"Folder {root} bukan folder kursus nbgrader (tidak ada folder source/).")
        return cls(root, db_url)

    @property
    def db_url(self) -> str:
        """The gradebook: ``--db-url`` if given, else ``CourseDirectory.db_url`` from the course's
        ``nbgrader_config.py`` (as nbgrader itself reads it), else ``gradebook.db`` in the course folder."""
        return self.db_url_given or configured_db_url(self.root) or f"sqlite:///{self.root / 'gradebook.db'}"

    def assignments(self) -> list[str]:
        return sorted(p.parent.name for p in (self.root / "source").glob(f"*/{RUBRIC_FILE}"))

    def rubric_path(self, assignment: str) -> Path:
        path = self.root / "source" / assignment / RUBRIC_FILE
        if not path.is_file():
            raise RubricError(f"Tugas {assignment} tidak punya {RUBRIC_FILE} di source/{assignment}/.")
        return path

    def release_notebook(self, assignment: str, notebook: str) -> Path:
        path = self.root / "release" / assignment / notebook
        if not path.is_file():
            raise CourseError(f"Versi peserta release/{assignment}/{notebook} belum ada. Jalankan dulu: "
                              f"nbgrader generate_assignment {assignment}")
        return path

    def submitted(self, student: str, assignment: str, notebook: str) -> Path:
        return self.root / "submitted" / student / assignment / notebook

    def autograded_dir(self, student: str, assignment: str) -> Path:
        return self.root / "autograded" / student / assignment

    @property
    def db_url_shown(self) -> str:
        """The gradebook URL for messages, without any password."""
        url = self.db_url
        try:
            from sqlalchemy.engine import make_url

            return make_url(url).render_as_string(hide_password=True)
        except Exception:  # noqa: BLE001
            return url.split("@")[-1]

    def has_submission_entry(self, student: str) -> bool:
        """``student`` is exactly the name of an entry of ``submitted/`` (a folder, or a link the grader refuses
        and flags). Only a name from the folder's own listing passes: ``../x``, ``a/b`` or a typo never does."""
        if not listed_name(student):
            return False
        try:
            return student in os.listdir(self.root / "submitted")
        except OSError:
            return False

    def students_with_submission(self, assignment: str) -> list[str]:
        """The students under ``submitted/`` with this assignment. A student entry or assignment folder that is a
        symbolic link is listed too (never followed): grading flags it ``unsafe_file``."""
        folder = self.root / "submitted"
        if not folder.is_dir():
            return []
        out = []
        for entry in os.scandir(folder):
            if not listed_name(entry.name):
                continue
            if entry.is_symlink():
                out.append(entry.name)
                continue
            try:
                mode = os.lstat(os.path.join(entry.path, assignment)).st_mode
            except OSError:
                continue
            if entry.is_dir(follow_symlinks=False) and (stat.S_ISDIR(mode) or stat.S_ISLNK(mode)):
                out.append(entry.name)
        return sorted(out)

    def state_dir(self, assignment: str) -> Path:
        return self.root / STATE_DIR / assignment

    def intake_dir(self, assignment: str) -> Path:
        return self.root / INTAKE_DIR / assignment
