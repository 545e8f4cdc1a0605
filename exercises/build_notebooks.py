"""Write the nbgrader SOURCE notebooks of the course from the rubric files and the model answers.

    .venv/bin/python exercises/build_notebooks.py            # (re)write every source/<assignment>/<assignment>.ipynb
    .venv/bin/python exercises/build_notebooks.py --check    # exit 1 if a notebook is out of date

Inputs: ``source/<assignment>/rubrik.yml`` (texts, fact sheet, criteria, weights, instructor rubric; released to
trainees) and ``authoring/<assignment>.yml`` (model answers, by task id or by answer cell id; never released).
The notebook shows the fact sheet (*lembar fakta*) after the introduction, and a quiz's questions each above its
own answer cell. Student versions are then made by ``nbgrader generate_assignment`` only. Cell ids and order are
deterministic, so a rebuild of an unchanged rubric gives a byte-identical notebook.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from autograders.engine.scoring.factsheet import FactSheet, render_markdown  # noqa: E402
from autograders.engine.scoring.rubric import fmt_points  # noqa: E402
from autograders.grading.rubric_file import load_rubric  # noqa: E402

HOW_TO = """**Cara mengerjakan**

1. Baca petunjuk setiap tugas. Tulis jawaban Anda di sel yang berisi *JAWABAN ANDA* (klik dua kali untuk
   menyunting). Tulis dalam Markdown biasa: `# Judul`, `## Subjudul`, `[teks tautan](alamat)`,
   `![teks alternatif](gambar.png)`. Anda tidak perlu menulis kode.
2. Simpan notebook (**Ctrl+S**), lalu jalankan sel penilaian di bawah jawaban (**Shift+Enter**). Umpan balik
   menunjukkan apa yang perlu diperbaiki lebih dulu. Ulangi sampai puas.
3. Tekan **Validate** untuk melihat umpan balik semua tugas sekaligus, lalu **Submit**.

Jangan mengubah atau menghapus sel petunjuk dan sel penilaian, dan jangan menambah sel kode: perubahan itu
tercatat dan tidak menambah nilai. Poin otomatis dihitung mesin dari rubrik `rubrik.yml` di folder ini: mesin
memeriksa fakta terhadap lembar fakta, bentuk tulisan, dan keterbacaan. Poin instruktur diberikan setelah
instruktur membaca jawaban Anda; jika instruktur menilai isi sebuah tugas keliru (0 poin instruktur), poin
otomatis tugas itu tidak dihitung dalam nilai akhir."""

TEST_CELL = '''# Sel penilaian otomatis: {title} ({points} poin). Jangan diubah.
# Simpan notebook dulu (Ctrl+S), lalu jalankan sel ini untuk melihat umpan balik.
from autograders.grading.cell import grade_cell
rubric_check = ""
### BEGIN HIDDEN TESTS
import sys as _sys
for _name in [_n for _n in list(_sys.modules) if _n.split(".")[0] == "autograders"]:
    del _sys.modules[_name]
from autograders.grading.cell import grade_cell
rubric_check = "{sha}"
### END HIDDEN TESTS
points, max_points = grade_cell("{notebook}", "{task}", rubric_check)
float(min(max(points, 0), max_points))'''


def nbgrader_meta(grade_id: str, *, grade: bool = False, solution: bool = False, locked: bool = False,
                  points: float | None = None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3, "solution": solution}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def markdown(cell_id: str, text: str, meta: dict) -> dict:
    return {"cell_type": "markdown", "id": cell_id, "metadata": meta, "source": text.rstrip("\n")}


def code(cell_id: str, text: str, meta: dict) -> dict:
    return {"cell_type": "code", "execution_count": None, "id": cell_id, "metadata": meta, "outputs": [],
            "source": text.rstrip("\n")}


def criteria_list(task) -> str:
    return "\n".join(f"- {c.label} ({fmt_points(c.points)} poin)" for c in task.criteria)


def own_items(task_sheet: FactSheet | None, assignment_sheet: FactSheet | None) -> FactSheet | None:
    """The facts a task adds to the assignment's sheet (shown with the task), or None."""
    if task_sheet is None or task_sheet is assignment_sheet:
        return None
    known = {i.id for i in assignment_sheet.items} if assignment_sheet else set()
    items = tuple(i for i in task_sheet.items if i.id not in known)
    return FactSheet(items=items) if items else None


def model_answer(solutions: dict, task, cell: str) -> str:
    text = solutions.get(cell)
    if text is None and cell == task.answer:
        text = solutions.get(task.id)
    return str(text or "").strip() or "(jawaban model belum ditulis)"


def build(assignment_dir: Path, authoring_dir: Path) -> dict:
    rubric = load_rubric(assignment_dir / "rubrik.yml")
    data = rubric.data
    solutions_path = authoring_dir / f"{rubric.assignment}.yml"
    solutions = yaml.safe_load(solutions_path.read_text(encoding="utf-8")) if solutions_path.exists() else {}
    cells = [markdown("pengantar", f"# {data.get('title', rubric.assignment)}\n\n{data.get('intro', '').strip()}\n\n{HOW_TO}",
                      nbgrader_meta("pengantar", locked=True))]
    if rubric.facts is not None:
        cells.append(markdown("lembar_fakta", render_markdown(rubric.facts), nbgrader_meta("lembar_fakta", locked=True)))
    for extra in data.get("extra_cells") or []:
        maker = code if extra.get("type") == "code" else markdown
        cells.append(maker(extra["id"], extra["source"], nbgrader_meta(extra["id"], locked=True)))
    raw_tasks = {t["id"]: t for t in data["tasks"]}
    for task in rubric.tasks:
        raw = raw_tasks[task.id]
        head = (f"## {task.title}\n\n*{fmt_points(task.max_points)} poin otomatis"
                + (f" + {fmt_points(task.manual_points)} poin dari instruktur" if task.manual_points else "") + "*")
        text = f"{head}\n\n{raw.get('instructions', '').strip()}"
        extra_facts = own_items(task.facts, rubric.facts)
        if extra_facts is not None:
            text += "\n\n" + render_markdown(extra_facts, "Lembar fakta tugas ini")
        text += f"\n\n**Dinilai otomatis:**\n\n{criteria_list(task)}"
        if task.manual_rubric:
            text += f"\n\n**Dinilai instruktur:** {task.manual_rubric}"
        cells.append(markdown(f"petunjuk_{task.id}", text, nbgrader_meta(f"petunjuk_{task.id}", locked=True)))
        questions = {q.answer: q for q in task.questions}
        for cell in task.answer_cells:
            if cell in questions:
                cells.append(markdown(f"pertanyaan_{cell}", f"**{questions[cell].text}**",
                                      nbgrader_meta(f"pertanyaan_{cell}", locked=True)))
            points = task.manual_points if cell == task.answer else 0.0
            cells.append(markdown(cell, model_answer(solutions, task, cell),
                                  nbgrader_meta(cell, grade=True, solution=True, points=points)))
        cells.append(code(task.test_cell, TEST_CELL.format(title=task.title, points=fmt_points(task.max_points),
                                                           sha=rubric.sha256, notebook=rubric.notebook, task=task.id),
                          nbgrader_meta(task.test_cell, grade=True, locked=True, points=task.max_points)))
    return {
        "cells": cells,
        "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                     "language_info": {"name": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }


def render(nb: dict) -> str:
    return json.dumps(nb, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Menyusun notebook sumber nbgrader dari rubrik.")
    parser.add_argument("--course", default=str(HERE), help="folder kursus nbgrader (bawaan: folder ini)")
    parser.add_argument("--check", action="store_true", help="hanya memeriksa; keluar dengan kode 1 jika usang")
    args = parser.parse_args(argv)
    course = Path(args.course)
    stale = []
    for rubric_path in sorted(course.glob("source/*/rubrik.yml")):
        folder = rubric_path.parent
        nb = build(folder, course / "authoring")
        target = folder / f"{folder.name}.ipynb"
        text = render(nb)
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(str(target))
        else:
            target.write_text(text, encoding="utf-8")
            print(f"ditulis: {target}")
    if stale:
        print("Notebook sumber usang (jalankan build_notebooks.py):\n  " + "\n  ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
