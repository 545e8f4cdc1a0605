"""``nbgrader validate`` and the notebook's *Validate* button in Indonesian, task by task.

nbgrader's own :class:`~nbgrader.validator.Validator` speaks English ("The following cell failed:", "You did not
provide a response."), shows each failing cell's grading code, cuts every line of the feedback at 90
characters, and calls partial credit a failure. :class:`IndonesianValidator` reports per task instead: the task,
its points with what they mean (*poin penuh*, *nilai sebagian*, *belum mendapat poin*) and the whole feedback the
grading cell printed, never the code. It is the feedback the trainee will be graded on: the grading cell prints
it on stdout (``autograders.grading.cell``) and returns the points as the cell's value, which nbgrader reads.

nbgrader has no setting for its validator class, and both ``nbgrader validate`` and the Validate button (the
``validate_assignment`` server extension) create one only after reading the nbgrader configuration files. So a
configuration file installs ours with :func:`~autograders.grading.validate_setup.use_indonesian_validator`::

    from autograders.grading.validate_setup import use_indonesian_validator
    use_indonesian_validator()

(``exercises/nbgrader_config.py`` for the course folder, ``deploy/nbgrader/umum/nbgrader_config.py`` for
every trainee's server on a hub). The button and dialog around it are ours too: the JupyterLab extension
``deploy/labextension/kelas-humas-nbgrader`` (*Validasi*, *Hasil validasi*) replaces nbgrader's English one.
"""
from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from textwrap import indent

from nbformat import current_nbformat
from nbformat import read as read_nb
from nbgrader import utils
from nbgrader.validator import Validator
from traitlets import Unicode

_NUMBER = re.compile(r"[\d,]{1,12}")
_TITLE_MAX = 200  # characters of a task title shown; the rest of a (tampered) line is cut


def _points(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def status_of(points: float, max_points: float) -> str:
    """What a score means for the trainee, in words."""
    if max_points > 0 and points >= max_points:
        return "poin penuh"
    if points > 0:
        return "nilai sebagian"
    return "belum mendapat poin"


@dataclass
class TaskResult:
    """One graded cell as the trainee sees it: which task, its points and the feedback."""

    grade_id: str
    title: str
    points: float
    max_points: float
    feedback: str
    automatic: bool = True  # False: an answer cell the instructor grades

    @property
    def full(self) -> bool:
        return self.max_points > 0 and self.points >= self.max_points

    @property
    def heading(self) -> str:
        return (f"{self.title}: {_points(self.points)} dari {_points(self.max_points)} poin "
                f"({status_of(self.points, self.max_points)})")


def grading_cell_points(cell, log=None) -> tuple[float, float]:
    """The points of an executed grading cell, as ``nbgrader autograde`` will count them: 0 after an error,
    else the cell's value (partial credit), else full points. Unlike nbgrader's ``determine_grade`` under
    validation, output on stderr does not zero it: under ``nbgrader validate`` the grading cell repeats its
    feedback on stderr, the only channel nbgrader's own validator shows (autograders.grading.cell)."""
    max_points = float(cell.metadata.nbgrader["points"])
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            return 0.0, max_points
        if output.get("output_type") == "execute_result":
            return float(utils.get_partial_grade(output, max_points, log)), max_points
    return max_points, max_points


def _stream_text(cell, name: str) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == name)


def _split_head(line: str) -> tuple[str, str] | None:
    """``"Tugas 1: Judul: 2 dari 9 poin otomatis"`` (the first line of a grading cell's feedback; ``… poin`` too)
    -> title and rest; ``None`` for any other line. String operations only: the line may come from a tampered
    notebook."""
    for suffix in (" poin otomatis", " poin"):
        if line.endswith(suffix):
            break
    else:
        return None
    left, found, maximum = line[: -len(suffix)].rpartition(" dari ")
    title, found_colon, points = left.rpartition(": ")
    if not (found and found_colon and title and _NUMBER.fullmatch(points) and _NUMBER.fullmatch(maximum)):
        return None
    return title[:_TITLE_MAX], line


def _cell_title(cell) -> str:
    """A grading cell's name for its task, from the first comment line the notebook builder writes
    ("# Sel penilaian otomatis: Tugas 1: Judul (9 poin). Jangan diubah.")."""
    first = cell.source.lstrip()[:1000].split("\n", 1)[0]
    if not first.startswith("#"):
        return f"Sel penilaian {cell.metadata.nbgrader.get('grade_id', '')}"
    title = first.lstrip("#").strip()
    prefix = "Sel penilaian otomatis:"
    if title.startswith(prefix):
        title = title[len(prefix):].strip()
    cut = title.rfind(" (")
    if cut > 0 and "poin)" in title[cut:]:
        title = title[:cut]
    return title.rstrip(". ")[:_TITLE_MAX] or f"Sel penilaian {cell.metadata.nbgrader.get('grade_id', '')}"


class IndonesianValidator(Validator):
    """nbgrader's Validator with an Indonesian report per task (see the module docstring)."""

    type_changed_warning = Unicode(
        "JENIS {num_changed} SEL BERUBAH. Sel jawaban harus tetap berupa sel Markdown; kembalikan jenisnya "
        "(menu Cell/Sel), lalu periksa lagi.\n").tag(config=True)
    changed_warning = Unicode(
        "ISI {num_changed} SEL PENILAIAN BERUBAH. Kembalikan sel itu seperti semula (atau ambil ulang tugasnya): "
        "perubahan pada sel penilaian tidak ikut dinilai.\n").tag(config=True)
    failed_warning = Unicode(
        "{num_failed} TUGAS BELUM MENDAPAT POIN PENUH. Di bawah ini umpan balik setiap tugas, sama dengan umpan "
        "balik penilaian akhir. Perbaiki jawaban, simpan (Ctrl+S), lalu periksa lagi.\n").tag(config=True)
    passed_warning = Unicode("{num_passed} SEL PENILAIAN MENDAPAT POIN PENUH.\n").tag(config=True)
    success_message = Unicode(
        "Semua tugas yang dinilai otomatis mendapat poin penuh. Instruktur masih menilai bagian yang ditandai "
        "\"Dinilai instruktur\".\n", help="Printed when every automatically graded task has full points."
    ).tag(config=True)
    empty_answer_message = Unicode(
        "Anda belum menulis jawaban di sel ini: ganti baris JAWABAN ANDA dengan jawaban Anda.",
        help="Shown for an answer cell left as it was handed out.").tag(config=True)
    error_message = Unicode(
        "Sel penilaian ini berhenti dengan kesalahan, jadi poinnya 0. Jangan mengubah sel penilaian; jika Anda "
        "tidak mengubahnya, beri tahu instruktur.", help="Shown for a grading cell that raised an error."
    ).tag(config=True)

    # ------------------------------------------------------------------ reading the executed notebook
    def task_results(self, nb) -> list[TaskResult]:
        """Every graded cell in notebook order. An answer cell left empty is listed only if no grading cell
        follows it (a grading cell's feedback already says so)."""
        cells = nb.cells
        out: list[TaskResult] = []
        for index, cell in enumerate(cells):
            if not utils.is_grade(cell):
                continue
            grade_id = cell.metadata.nbgrader.get("grade_id", "")
            if utils.is_solution(cell):
                score, max_score = utils.determine_grade(cell, self.log)
                if score is None:  # answered; the instructor grades it
                    continue
                later = next((c for c in cells[index + 1:] if utils.is_grade(c)), None)
                if later is not None and not utils.is_solution(later) and later.cell_type == "code":
                    continue
                out.append(TaskResult(grade_id, f"Jawaban {grade_id}", 0.0, max_score, self.empty_answer_message,
                                      automatic=False))
                continue
            if cell.cell_type != "code":
                continue
            score, max_score = grading_cell_points(cell, self.log)
            feedback = _stream_text(cell, "stdout").strip("\n")
            title = _cell_title(cell)
            first, _, rest = feedback.partition("\n")
            if first.startswith("(") and rest:  # the cell's reminder to save first; the task line follows
                note, (first, _, rest) = first, rest.partition("\n")
            else:
                note = ""
            head = _split_head(first)
            if head:
                title, feedback = head[0], "\n".join(x for x in (rest.strip("\n"), note) if x)
            if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
                feedback = (feedback + "\n" if feedback else "") + self.error_message
            out.append(TaskResult(grade_id, title, float(score), float(max_score), feedback))
        return out

    def _changed_title(self, cell) -> str:
        if cell.cell_type == "code":
            return _cell_title(cell)
        return f"Sel {cell.metadata.nbgrader.get('grade_id', '')}"

    # ------------------------------------------------------------------ the Validate button (JSON)
    def validate(self, filename: str) -> dict:
        """What the Validate button shows. Same keys as nbgrader's: for each task below full points, ``source`` is
        the task with its points and ``error`` its whole feedback (``raw_error``: as text); ``tasks`` lists every
        automatically graded task's heading (``source``) and whether it has full points (``full``)."""
        if self.invert:
            return super().validate(filename)
        self.log.info("Memeriksa %s", os.path.abspath(filename))
        nb = self._read(filename)
        type_changed = self._get_type_changed_cells(nb)
        if type_changed:
            return {"type_changed": [{
                "source": f"{self._changed_title(cell)}: semula sel {cell.metadata.nbgrader.cell_type}, "
                          f"sekarang sel {cell.cell_type}",
                "old_type": cell.cell_type, "new_type": cell.metadata.nbgrader.cell_type} for cell in type_changed]}
        with utils.chdir(os.path.dirname(filename)):
            nb = self._preprocess(nb)
        changed = self._get_changed_cells(nb)
        if changed and not self.ignore_checksums:
            return {"changed": [{"source": f"{self._changed_title(cell)}: isinya berubah"} for cell in changed]}
        tasks = self.task_results(nb)
        # Every task's heading with its points, for a dialog that lists them all (ours does; nbgrader's ignores
        # the key, and shows success when nothing failed).
        summary = [{"source": t.heading, "full": t.full} for t in tasks if t.automatic]
        failed = [t for t in tasks if not t.full]
        if not failed:
            return {"tasks": summary}
        return {"failed": [{"source": t.heading, "error": self._html(t.feedback), "raw_error": t.feedback}
                           for t in failed], "tasks": summary}

    @staticmethod
    def _html(text: str) -> str:
        # nbgrader's dialog puts this in a <pre>; the span lets long feedback lines wrap instead of being cut.
        return f'<span style="white-space: pre-wrap; overflow-wrap: anywhere">{html.escape(text)}</span>'

    def _read(self, filename: str):
        with utils.chdir(os.path.dirname(filename)):
            return read_nb(os.path.basename(filename), as_version=current_nbformat)

    # ------------------------------------------------------------------ nbgrader validate (text)
    def validate_and_print(self, filename: str) -> None:
        if self.invert:
            return super().validate_and_print(filename)
        self.log.info("Memeriksa %s", os.path.abspath(filename))
        nb = self._read(filename)
        out = self.stream
        name = os.path.basename(filename)
        type_changed = self._get_type_changed_cells(nb)
        if type_changed:
            out.write(self.type_changed_warning.format(num_changed=len(type_changed)))
            for cell in type_changed:
                out.write(f"  • {self._changed_title(cell)}: semula sel {cell.metadata.nbgrader.cell_type}, "
                          f"sekarang sel {cell.cell_type}\n")
            return
        with utils.chdir(os.path.dirname(filename)):
            nb = self._preprocess(nb)
        changed = self._get_changed_cells(nb)
        if changed and not self.ignore_checksums:
            out.write(self.changed_warning.format(num_changed=len(changed)))
            for cell in changed:
                out.write(f"  • {self._changed_title(cell)}\n")
            return
        tasks = self.task_results(nb)
        auto = [t for t in tasks if t.automatic]
        total, maximum = sum(t.points for t in auto), sum(t.max_points for t in auto)
        out.write(f"Hasil pemeriksaan {name}: {_points(total)} dari {_points(maximum)} poin yang dinilai "
                  "otomatis.\n")
        failed = [t for t in tasks if not t.full]
        out.write(self.failed_warning.format(num_failed=len(failed)) if failed else self.success_message)
        for task in tasks:
            out.write("\n" + task.heading + "\n")
            if task.feedback and not task.full:
                out.write(indent(task.feedback, "  ") + "\n")
