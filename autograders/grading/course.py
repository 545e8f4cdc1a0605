"""Where things are in an nbgrader course folder (the default layout of ``nbgrader_config.py`` in ``exercises/``)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .rubric import RubricError

RUBRIC_FILE = "rubrik.yml"
STATE_DIR = ".khd_grades"


class CourseError(ValueError):
    """The course folder is not usable (message in Indonesian)."""


@dataclass(frozen=True)
class Course:
    root: Path

    @classmethod
    def at(cls, path: str | Path) -> "Course":
        root = Path(path).resolve()
        if not (root / "source").is_dir():
            raise CourseError(f"Folder {root} bukan folder kursus nbgrader (tidak ada folder source/).")
        return cls(root)

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.root / 'gradebook.db'}"

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

    def students_with_submission(self, assignment: str) -> list[str]:
        folder = self.root / "submitted"
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if (p / assignment).is_dir())

    def state_dir(self, assignment: str) -> Path:
        return self.root / STATE_DIR / assignment
