"""``python -m autograders report``: cohort reports from the grader's recorded results.

Writes into ``--out``, for every assignment with graded submissions (an assignment nobody submitted gets no
file and no folder, only a line in the cohort report):

* ``nilai_<assignment>.csv``: one row per trainee (id, name, one column per criterion, task points, the
  instructor's points, the automatic total, the final grade and its status, flags in words, errors), written by :mod:`.csv_cells` — numbers with a decimal point (``1.5``), as
  ``grades-export`` writes them and an LMS import reads them, said in the header's last column; text made inert
  against spreadsheet formulas;
* ``umpan_balik/<assignment>/<page>.html``: one feedback page per trainee (file names by :mod:`.page_names`);
* ``laporan_kohort.html``: self-contained (charts as inline PNG, no CDN, Indonesian): per assignment the score
  distribution, the hardest criteria, the mean final grade, which submissions were flagged and why, and a
  table of every trainee's final grades (names from the gradebook, :mod:`.roster`) linking to their feedback
  pages.

Run ``python -m autograders grade`` first; the report reads ``<course>/.khd_grades/`` and, from the course's
gradebook (``CourseDirectory.db_url`` in its ``nbgrader_config.py``), the trainees' names and the instructor's
manual points. Automatic and manual points make the final grade by the one rule of
:func:`autograders.engine.scoring.totals.combined_total` (a task the instructor marks 0 keeps no automatic points;
a total with ungraded manual points is provisional). Without a gradebook the report still works: ids instead of
names, every final grade provisional.
"""
from __future__ import annotations

import argparse
import base64
import html
import io
import json
import math
import sys
from pathlib import Path
from urllib.parse import quote

from .course import Course, CourseError
from .csv_cells import DECIMAL_NOTE, csv_text, number_text
from .feedback_html import page, trainee_page
from .flag_text import flag_name, flag_names
from .page_names import page_file
from .roster import trainee_names
from ..engine.scoring.rubric import RubricError, fmt_points
from ..engine.scoring.totals import TaskPoints, Total, combined_total
from .rubric_file import load_rubric

CSV_NAME = "nilai_{assignment}.csv"
PAGES_DIR = "umpan_balik"
COHORT_PAGE = "laporan_kohort.html"
NO_GRADEBOOK = "Gradebook belum ada: nilai instruktur belum dapat dibaca, semua nilai akhir masih sementara."
UNREADABLE_GRADEBOOK = ("Gradebook tidak dapat dibaca: nama peserta tidak ditampilkan (hanya ID-nya) dan nilai "
                        "instruktur tidak disertakan, sehingga semua nilai akhir masih sementara.")
FINAL_RULE = ("Nilai akhir = poin otomatis + poin instruktur per tugas; jika instruktur memberi 0 pada sebuah tugas "
              "(isi keliru), poin otomatis tugas itu tidak dihitung. Nilai dengan poin instruktur yang belum diisi "
              "masih sementara.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--course", default="exercises", help="folder kursus nbgrader (bawaan: exercises)")
    parser.add_argument("--assignment", action="append", default=[], help="tugas (boleh diulang; bawaan: semua)")
    parser.add_argument("--out", required=True, help="folder keluaran laporan")


def load_results(course: Course, assignment: str) -> list[dict]:
    out = []
    for path in sorted(course.state_dir(assignment).glob("*.json")):
        try:
            result = json.loads(path.read_text(encoding="utf-8"))["result"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if isinstance(result, dict) and isinstance(result.get("student"), str):
            out.append(result)
    return out


def read_gradebook(course: Course, rubrics: dict) -> tuple[dict[str, tuple[str, str]], dict[str, dict], str]:
    """From the course's gradebook: student -> (first, last) name, assignment -> student -> task -> the instructor's
    manual score (None while not graded), and a note for the instructor when the gradebook is missing or unreadable
    (the report then shows ids and provisional final grades)."""
    url = course.db_url
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).is_file():
        return {}, {}, NO_GRADEBOOK
    try:
        from .cli import _import_gradebook_api_lean

        _import_gradebook_api_lean()
        from .gradebook import open_gradebook, read_manual_scores, student_names

        gb = open_gradebook(url)
        try:
            return student_names(gb), {a: read_manual_scores(gb, rubric) for a, rubric in rubrics.items()}, ""
        finally:
            gb.close()
    except Exception:  # noqa: BLE001 - the report still shows ids and the automatic points
        return {}, {}, UNREADABLE_GRADEBOOK


# ------------------------------------------------------------------------------------------------ final grade
def final_total(rubric, result: dict, manual: dict[str, float | None] | None) -> Total:
    """The submission's final grade: its automatic points (from the grader) with the instructor's manual points."""
    tasks = {t.get("task"): t for t in result.get("tasks") or []}
    manual = manual or {}
    return combined_total(TaskPoints(task.id, float((tasks.get(task.id) or {}).get("points", 0.0)), task.max_points,
                                     manual.get(task.id), task.manual_points) for task in rubric.tasks)


def status_text(total: Total, titles: dict[str, str] | None = None) -> str:
    """"final", or "sementara: …" naming the tasks still waiting for the instructor (by ``titles`` where given)."""
    if total.complete:
        return "final"
    titles = titles or {}
    return "sementara: menunggu nilai instruktur untuk " + ", ".join(titles.get(t, t) for t in total.pending)


def task_titles(rubric) -> dict[str, str]:
    return {task.id: str(task.title or task.id) for task in rubric.tasks}


def final_of(rubric, result: dict, manual: dict[str, float | None] | None) -> dict:
    """The final grade as the pages show it (tasks by their titles, never their ids)."""
    total, titles = final_total(rubric, result, manual), task_titles(rubric)
    return {"points": total.final, "max": total.final_max, "complete": total.complete,
            "status": status_text(total, titles), "voided": [titles.get(t, t) for t in total.voided]}


# ------------------------------------------------------------------------------------------------ CSV
def csv_rows(rubric, results: list[dict], manual: dict[str, dict] | None = None,
             names: dict[str, str] | None = None) -> tuple[list[str], list[list]]:
    """Header and one row per trainee; numbers stay numbers until :func:`.csv_cells.csv_text` writes them.

    ``manual``: student -> task -> the instructor's points (None or absent: not graded, an empty cell)."""
    manual, names = manual or {}, names or {}
    header = ["peserta", "nama", "tugas"]
    for task in rubric.tasks:
        for c in task.criteria:
            header.append(f"{task.id}.{c.id} (maks {number_text(c.points)})")
        header.append(f"{task.id} (maks {number_text(task.max_points)})")
        if task.manual_points:
            header.append(f"{task.id} instruktur (maks {number_text(task.manual_points)})")
    manual_max = sum(t.manual_points for t in rubric.tasks)
    header += [f"total otomatis (maks {number_text(rubric.max_points)})",
               f"total instruktur (maks {number_text(manual_max)})",
               f"nilai akhir (maks {number_text(rubric.max_points + manual_max)})", "status nilai",
               "tugas tanpa poin otomatis (instruktur memberi 0)", "tanda", "kesalahan", f"catatan: {DECIMAL_NOTE}"]
    rows: list[list] = []
    for r in results:
        tasks = {t.get("task"): t for t in r.get("tasks") or []}
        given = manual.get(r["student"]) or {}
        total = final_total(rubric, r, given)
        row: list = [r["student"], names.get(r["student"], ""), rubric.assignment]
        for task in rubric.tasks:
            crit = {c.get("id"): c.get("points", 0.0) for c in (tasks.get(task.id) or {}).get("criteria", [])}
            row.extend(float(crit.get(c.id, 0.0)) for c in task.criteria)
            row.append(float((tasks.get(task.id) or {}).get("points", 0.0)))
            if task.manual_points:
                row.append("" if given.get(task.id) is None else float(given[task.id]))
        row += [float(r.get("score") or 0.0), total.manual, total.final, status_text(total), " ".join(total.voided),
                "; ".join(flag_names(r.get("flags") or [])), r.get("error") or "", ""]
        rows.append(row)
    return header, rows


# ------------------------------------------------------------------------------------------------ charts
def _png(fig) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _indonesian_ticks(axis) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda value, _pos: fmt_points(value)))


def histogram(rubric, results: list[dict]):
    """The score distribution: whole trainees on the count axis (integer ticks), points 0..max below."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    scores = [float(r.get("score") or 0.0) for r in results]
    top = math.ceil(max([rubric.max_points, *scores]) or 1.0)
    # One bar per whole point up to 20 points (a score of 12.5 counts in 12–13), else ten equal bars.
    bins = list(range(0, top + 1)) if top <= 20 else 10
    fig = Figure(figsize=(6, 3))
    ax = fig.subplots()
    ax.hist(scores, bins=bins, range=(0, top), color="#2f6fb0", edgecolor="white")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
    ax.set_ylim(bottom=0)
    _indonesian_ticks(ax.xaxis)
    ax.set_xlabel("Nilai otomatis (poin)")
    ax.set_ylabel("Jumlah peserta")
    ax.set_title("Sebaran nilai")
    return fig


def hardest_criteria(results: list[dict]):
    """Mean points lost per trainee on the eight criteria that lose most, or None when nothing was lost."""
    from matplotlib.figure import Figure

    lost: dict[str, float] = {}
    for r in results:
        for t in r.get("tasks") or []:
            for c in t.get("criteria") or []:
                lost[c["label"]] = lost.get(c["label"], 0.0) + (c["max_points"] - c["points"])
    worst = [(k, v) for k, v in sorted(lost.items(), key=lambda kv: -kv[1]) if v > 0][:8]
    if not worst:
        return None
    fig = Figure(figsize=(6, 3.2))
    ax = fig.subplots()
    ax.barh([k for k, _ in worst][::-1], [v / max(1, len(results)) for _, v in worst][::-1], color="#b42318")
    _indonesian_ticks(ax.xaxis)
    ax.set_xlabel("Rata-rata poin yang hilang per peserta")
    ax.set_title("Kriteria yang paling sering belum terpenuhi")
    return fig


def charts(rubric, results: list[dict]) -> list[tuple[str, str]]:
    import matplotlib

    matplotlib.use("Agg")
    out = [("Sebaran nilai", _png(histogram(rubric, results)))]
    hardest = hardest_criteria(results)
    if hardest is not None:
        out.append(("Kriteria paling sulit", _png(hardest)))
    return out


# ------------------------------------------------------------------------------------------------ cohort page
def _e(value) -> str:
    return html.escape(str(value), quote=True)


def page_href(assignment: str, student: str) -> str:
    return f"{PAGES_DIR}/{quote(assignment)}/{quote(page_file(student))}"


def _title(rubric, assignment: str) -> str:
    title = str((rubric.data or {}).get("title") or "").strip()
    return f"{title} ({assignment})" if title else assignment


def _person_cell(student: str, names: dict[str, str], href: str = "") -> str:
    name = names.get(student, "")
    label = (f"{_e(name)} <small>{_e(student)}</small>" if name else _e(student))
    return f'<a href="{_e(href)}">{label}</a>' if href else label


def _flag_items(result: dict) -> str:
    items = [f"<li><strong>{_e(flag_name(str(f.get('code', ''))))}</strong>: {_e(f.get('message') or '')}</li>"
             for f in result.get("flags") or []]
    if result.get("error"):
        items.append(f"<li><strong>Kesalahan</strong>: {_e(result['error'])}</li>")
    return f"<ul>{''.join(items)}</ul>"


def _final_cell(result: dict) -> str:
    """The final grade of a result, marked when provisional (its automatic points when no final was computed)."""
    final = result.get("final")
    if not final:
        return _e(fmt_points(float(result.get("score") or 0.0)))
    mark = "" if final["complete"] else " <small>sementara</small>"
    return f"{_e(fmt_points(final['points']))}{mark}"


def cohort_page(sections: list[tuple[str, object, list[dict]]], names: dict[str, str], waiting: dict[str, int],
                note: str = "") -> str:
    """The cohort report. ``sections``: (assignment, rubric, results) of every assignment asked for, each result
    with its ``final`` grade (:func:`final_of`); ``waiting``: assignment -> submissions in ``submitted/`` that have
    no recorded grade yet."""
    parts = ["<h1>Laporan kohort Kelas Humas Digital</h1>"]
    if note:
        parts.append(f'<p class="flag">{_e(note)}</p>')
    parts.append(f"<p>{_e(FINAL_RULE)}</p>")
    graded = [(a, rubric, results) for a, rubric, results in sections if results]
    empty = [(a, rubric) for a, rubric, results in sections if not results]
    if not graded:
        parts.append("<p>Belum ada kiriman yang dinilai. Jalankan dulu <code>python -m autograders grade</code>.</p>")
    for assignment, rubric, results in graded:
        parts.append(f'<h2 id="{_e(assignment)}">{_e(_title(rubric, assignment))}</h2>')
        mean = sum(float(r.get("score") or 0.0) for r in results) / len(results)
        csv_name = CSV_NAME.format(assignment=assignment)
        parts.append(f"<p>{len(results)} peserta dinilai. Rata-rata {_e(fmt_points(mean))} dari "
                     f"{_e(fmt_points(rubric.max_points))} poin otomatis. Nilai per kriteria ada di "
                     f'<a href="{_e(quote(csv_name))}">{_e(csv_name)}</a>; di berkas itu {_e(DECIMAL_NOTE)}.</p>')
        finals = [r["final"] for r in results if r.get("final")]
        if finals:
            done = sum(1 for f in finals if f["complete"])
            parts.append(f"<p>Rata-rata nilai akhir {_e(fmt_points(sum(f['points'] for f in finals) / len(finals)))} "
                         f"dari {_e(fmt_points(finals[0]['max']))} poin; {done} dari {len(finals)} nilai sudah final "
                         "(dinilai instruktur).</p>")
        if waiting.get(assignment):
            parts.append(f'<p class="flag">{waiting[assignment]} kiriman lain belum dinilai; jalankan '
                         f"<code>python -m autograders grade --assignment {_e(assignment)}</code>.</p>")
        for title, png in charts(rubric, results):
            parts.append(f'<figure><img alt="{_e(title)}" src="data:image/png;base64,{png}"></figure>')
        flagged = [r for r in results if r.get("flags") or r.get("error")]
        parts.append(f"<h3>Kiriman bertanda: {len(flagged)} dari {len(results)}</h3>")
        if flagged:
            parts.append("<p>Nilai kiriman bertanda sudah dihitung tanpa perubahan yang dilarang; periksa kiriman "
                         "ini sebelum nilainya final.</p>")
            parts.append("<table><tr><th>Peserta</th><th>Nilai otomatis</th><th>Nilai akhir</th>"
                         "<th>Tanda dan alasannya</th></tr>")
            for r in flagged:
                parts.append(f"<tr><td>{_person_cell(r['student'], names, page_href(assignment, r['student']))}</td>"
                             f"<td>{_e(fmt_points(float(r.get('score') or 0.0)))}</td><td>{_final_cell(r)}</td>"
                             f"<td>{_flag_items(r)}</td></tr>")
            parts.append("</table>")
        else:
            parts.append("<p>Tidak ada kiriman yang bertanda.</p>")
    if empty:
        parts.append("<h2>Tugas yang belum punya nilai</h2><ul>")
        for assignment, rubric in empty:
            if waiting.get(assignment):
                what = (f"{waiting[assignment]} kiriman belum dinilai; jalankan "
                        f"<code>python -m autograders grade --assignment {_e(assignment)}</code>")
            else:
                what = "belum ada kiriman"
            parts.append(f"<li>{_e(_title(rubric, assignment))}: {what}.</li>")
        parts.append("</ul>")
    if graded:
        parts.append("<h2>Nilai akhir per peserta</h2><p>Klik nama peserta atau nilainya untuk membuka halaman "
                     "umpan baliknya. <small>sementara</small>: poin instruktur belum lengkap.</p>"
                     "<table><tr><th>Peserta</th>" + "".join(f"<th>{_e(a)}</th>" for a, _, _ in graded) + "</tr>")
        scores: dict[str, dict[str, dict]] = {}
        for assignment, _, results in graded:
            for r in results:
                scores.setdefault(r["student"], {})[assignment] = r
        order = sorted(scores, key=lambda s: (names.get(s, "").casefold() or s.casefold(), s))
        for student in order:
            first = next(a for a, _, _ in graded if a in scores[student])
            cells = "".join(
                f'<td><a href="{_e(page_href(a, student))}">{_final_cell(scores[student][a])}</a></td>'
                if a in scores[student] else "<td>-</td>" for a, _, _ in graded)
            parts.append(f"<tr><td>{_person_cell(student, names, page_href(first, student))}</td>{cells}</tr>")
        parts.append("</table>")
    return page("Laporan kohort", "".join(parts))


# ------------------------------------------------------------------------------------------------ command
def _write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def write_report(out: Path, assignments: list[str], rubrics: dict, results: dict[str, list[dict]],
                 manual: dict[str, dict], names: dict[str, str], waiting: dict[str, int], note: str) -> None:
    """Every file of the report (raises OSError when the folder cannot be written). ``manual``: assignment ->
    student -> task -> the instructor's points, from the gradebook."""
    out.mkdir(parents=True, exist_ok=True)
    graded = [a for a in assignments if results[a]]
    for assignment in graded:
        rubric = rubrics[assignment]
        header, rows = csv_rows(rubric, results[assignment], manual.get(assignment), names)
        _write(out / CSV_NAME.format(assignment=assignment), csv_text([header, *rows]))
        folder = out / PAGES_DIR / assignment
        folder.mkdir(parents=True, exist_ok=True)
        for r in results[assignment]:
            _write(folder / page_file(r["student"]),
                   trainee_page(r["student"], assignment, r, name=names.get(r["student"], ""),
                                title=str((rubric.data or {}).get("title") or "")))
    sections = [(a, rubrics[a], results[a]) for a in assignments]
    _write(out / COHORT_PAGE, cohort_page(sections, names, waiting, note))


def run(args: argparse.Namespace) -> int:
    try:
        course = Course.at(args.course)
        assignments = list(dict.fromkeys(args.assignment)) or course.assignments()
        rubrics = {a: load_rubric(course.rubric_path(a)) for a in assignments}
    except (CourseError, RubricError) as error:
        print(f"Kesalahan: {error}", file=sys.stderr)
        return 2
    out = Path(args.out)
    results = {a: load_results(course, a) for a in assignments}
    graded = [a for a in assignments if results[a]]
    roster, manual, note = read_gradebook(course, {a: rubrics[a] for a in graded}) if graded else ({}, {}, "")
    if note:  # a gradebook not made yet is information; one that cannot be read is a problem
        print(note, file=sys.stdout if note == NO_GRADEBOOK else sys.stderr)
    for assignment in graded:
        for r in results[assignment]:
            r["final"] = final_of(rubrics[assignment], r, manual.get(assignment, {}).get(r["student"]))
    names: dict[str, str] = {}
    waiting: dict[str, int] = {}
    for assignment in assignments:
        students = [r["student"] for r in results[assignment]]
        for student, name in trainee_names(course, assignment, students, roster).items():
            names.setdefault(student, name)
        waiting[assignment] = len(set(course.students_with_submission(assignment)) - set(students))
    try:
        write_report(out, assignments, rubrics, results, manual, names, waiting, note)
    except OSError:
        print(f"Kesalahan: laporan tidak dapat ditulis ke {out} (bukan folder, tidak boleh ditulis, atau disk "
              "penuh).", file=sys.stderr)
        return 2
    print(f"Laporan ditulis ke {out}: {COHORT_PAGE}, {len(graded)} berkas CSV, "
          f"{sum(len(results[a]) for a in graded)} halaman umpan balik.")
    for assignment in assignments:
        if not results[assignment]:
            what = f"{waiting[assignment]} kiriman belum dinilai" if waiting[assignment] else "belum ada kiriman"
            print(f"  {assignment}: {what}; tidak ada berkas yang ditulis.")
    return 0
