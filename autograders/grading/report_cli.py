"""``python -m autograders report``: cohort reports from the grader's recorded results.

Writes into ``--out``: ``nilai_<assignment>.csv`` (one row per trainee, one column per criterion, plus task and
total points, so an LMS import and a spreadsheet both work), ``umpan_balik/<assignment>/<student>.html`` (one
page per trainee) and ``laporan_kohort.html`` (self-contained: charts as inline PNG, no CDN, Indonesian).
Run ``python -m autograders grade`` first; the report reads ``<course>/.khd_grades/`` and the instructor's manual
points from the gradebook, and combines them by the one rule of
:func:`autograders.engine.scoring.totals.combined_total` (a task the instructor marks 0 keeps no automatic
points; a total with ungraded manual points is provisional).
"""
from __future__ import annotations

import argparse
import base64
import csv
import html
import io
import json
import sys
from pathlib import Path

from .course import Course, CourseError
from .feedback_html import page, trainee_page
from ..engine.scoring.rubric import RubricError, fmt_points
from ..engine.scoring.totals import TaskPoints, Total, combined_total
from .rubric_file import load_rubric


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--course", default="exercises", help="folder kursus nbgrader (bawaan: exercises)")
    parser.add_argument("--assignment", action="append", default=[], help="tugas (boleh diulang; bawaan: semua)")
    parser.add_argument("--out", required=True, help="folder keluaran laporan")


def load_results(course: Course, assignment: str) -> list[dict]:
    out = []
    for path in sorted(course.state_dir(assignment).glob("*.json")):
        try:
            out.append(json.loads(path.read_text(encoding="utf-8"))["result"])
        except (OSError, ValueError, KeyError):
            continue
    return out


def final_total(rubric, result: dict, manual: dict[str, float | None] | None) -> Total:
    """The submission's final grade: its automatic points (from the grader) with the instructor's manual points."""
    tasks = {t["task"]: t for t in result.get("tasks") or []}
    manual = manual or {}
    return combined_total(TaskPoints(task.id, float((tasks.get(task.id) or {}).get("points", 0.0)), task.max_points,
                                     manual.get(task.id), task.manual_points) for task in rubric.tasks)


def status_text(total: Total) -> str:
    if total.complete:
        return "final"
    return "sementara: menunggu nilai instruktur untuk " + ", ".join(total.pending)


def csv_rows(rubric, results: list[dict], manual: dict[str, dict] | None = None) -> tuple[list[str], list[list]]:
    manual = manual or {}
    header = ["peserta", "tugas"]
    for task in rubric.tasks:
        for c in task.criteria:
            header.append(f"{task.id}.{c.id} (maks {fmt_points(c.points)})")
        header.append(f"{task.id} (maks {fmt_points(task.max_points)})")
        if task.manual_points:
            header.append(f"{task.id} instruktur (maks {fmt_points(task.manual_points)})")
    manual_max = sum(t.manual_points for t in rubric.tasks)
    header += [f"total otomatis (maks {fmt_points(rubric.max_points)})",
               f"total instruktur (maks {fmt_points(manual_max)})",
               f"nilai akhir (maks {fmt_points(rubric.max_points + manual_max)})", "status nilai",
               "tugas tanpa poin otomatis (instruktur memberi 0)", "tanda", "kesalahan"]
    rows = []
    for r in results:
        tasks = {t["task"]: t for t in r.get("tasks") or []}
        given = manual.get(r["student"], {})
        total = final_total(rubric, r, given)
        row = [r["student"], rubric.assignment]
        for task in rubric.tasks:
            crit = {c["id"]: c["points"] for c in (tasks.get(task.id) or {}).get("criteria", [])}
            row.extend(crit.get(c.id, 0.0) for c in task.criteria)
            row.append((tasks.get(task.id) or {}).get("points", 0.0))
            if task.manual_points:
                row.append("" if given.get(task.id) is None else given[task.id])
        row += [r["score"], total.manual, total.final, status_text(total), " ".join(total.voided),
                " ".join(f["code"] for f in r.get("flags") or []), r.get("error") or ""]
        rows.append(row)
    return header, rows


def read_manual(course: Course, rubrics: dict) -> tuple[dict[str, dict], str]:
    """assignment -> student -> task -> manual score, from the gradebook; and a note when it cannot be read."""
    from pathlib import Path as _Path

    url = course.db_url
    if url.startswith("sqlite:///") and not _Path(url[len("sqlite:///"):]).is_file():
        return {}, "Gradebook belum ada: nilai instruktur belum dapat dibaca, semua nilai akhir masih sementara."
    try:
        from .cli import _import_gradebook_api_lean
        from .gradebook import open_gradebook, read_manual_scores

        _import_gradebook_api_lean()
        gb = open_gradebook(url)
        try:
            return {a: read_manual_scores(gb, rubric) for a, rubric in rubrics.items()}, ""
        finally:
            gb.close()
    except Exception:  # noqa: BLE001 - the report still shows the automatic points
        return {}, "Gradebook tidak dapat dibaca: nilai instruktur tidak disertakan, semua nilai akhir masih sementara."


def _png(fig) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def charts(rubric, results: list[dict]) -> list[tuple[str, str]]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    out = []
    scores = [r["score"] for r in results]
    fig = Figure(figsize=(6, 3))
    ax = fig.subplots()
    ax.hist(scores, bins=min(10, max(1, len(set(scores)))), color="#2f6fb0")
    ax.set_xlabel("Nilai otomatis")
    ax.set_ylabel("Jumlah peserta")
    ax.set_title(f"Sebaran nilai {rubric.assignment}")
    out.append(("Sebaran nilai", _png(fig)))
    lost: dict[str, float] = {}
    for r in results:
        for t in r.get("tasks") or []:
            for c in t.get("criteria") or []:
                lost[c["label"]] = lost.get(c["label"], 0.0) + (c["max_points"] - c["points"])
    worst = sorted(lost.items(), key=lambda kv: -kv[1])[:8]
    if worst:
        fig = Figure(figsize=(6, 3.2))
        ax = fig.subplots()
        ax.barh([k for k, _ in worst][::-1], [v / max(1, len(results)) for _, v in worst][::-1], color="#b42318")
        ax.set_xlabel("Rata-rata poin yang hilang per peserta")
        ax.set_title("Kriteria yang paling sering belum terpenuhi")
        out.append(("Kriteria paling sulit", _png(fig)))
    return out


def cohort_page(sections: list[tuple[str, object, list[dict]]], progress: dict[str, dict[str, float]],
                note: str = "") -> str:
    parts = ["<h1>Laporan kohort Kelas Humas Digital</h1>"]
    if note:
        parts.append(f"<p>{html.escape(note)}</p>")
    parts.append("<p>Nilai akhir = poin otomatis + poin instruktur per tugas; jika instruktur memberi 0 pada sebuah "
                 "tugas (isi keliru), poin otomatis tugas itu tidak dihitung. Nilai dengan poin instruktur yang "
                 "belum diisi masih sementara.</p>")
    for assignment, rubric, results in sections:
        parts.append(f"<h2>{html.escape(assignment)}: {len(results)} peserta</h2>")
        if results:
            mean = sum(r["score"] for r in results) / len(results)
            finals = [r["final"] for r in results if "final" in r]
            flagged = sum(1 for r in results if r.get("flags"))
            parts.append(f"<p>Rata-rata {html.escape(fmt_points(mean))} dari {html.escape(fmt_points(rubric.max_points))}"
                         f" poin otomatis; {flagged} kiriman bertanda.</p>")
            if finals:
                final_max = finals[0]["max"]
                done = sum(1 for f in finals if f["complete"])
                parts.append(f"<p>Rata-rata nilai akhir {html.escape(fmt_points(sum(f['points'] for f in finals) / len(finals)))}"
                             f" dari {html.escape(fmt_points(final_max))}; {done} dari {len(finals)} nilai sudah final"
                             f" (dinilai instruktur).</p>")
            for title, png in charts(rubric, results):
                parts.append(f'<figure><img alt="{html.escape(title)}" src="data:image/png;base64,{png}"></figure>')
    if progress:
        names = sorted({a for p in progress.values() for a in p})
        parts.append("<h2>Kemajuan per peserta</h2><table><tr><th>Peserta</th>"
                     + "".join(f"<th>{html.escape(n)}</th>" for n in names) + "</tr>")
        for student in sorted(progress):
            cells = "".join(f"<td>{html.escape(fmt_points(progress[student][n])) if n in progress[student] else '-'}</td>"
                            for n in names)
            parts.append(f"<tr><td>{html.escape(student)}</td>{cells}</tr>")
        parts.append("</table>")
    return page("Laporan kohort", "".join(parts))


def run(args: argparse.Namespace) -> int:
    try:
        course = Course.at(args.course)
        assignments = args.assignment or course.assignments()
        rubrics = {a: load_rubric(course.rubric_path(a)) for a in assignments}
    except (CourseError, RubricError) as error:
        print(f"Kesalahan: {error}", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    manual, note = read_manual(course, rubrics)
    if note:
        print(note)
    sections, progress = [], {}
    for assignment in assignments:
        rubric, results = rubrics[assignment], load_results(course, assignment)
        for r in results:
            total = final_total(rubric, r, manual.get(assignment, {}).get(r["student"]))
            r["final"] = {"points": total.final, "max": total.final_max, "complete": total.complete,
                          "status": status_text(total), "voided": list(total.voided)}
        header, rows = csv_rows(rubric, results, manual.get(assignment))
        with open(out / f"nilai_{assignment}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
        folder = out / "umpan_balik" / assignment
        folder.mkdir(parents=True, exist_ok=True)
        for r in results:
            safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in r["student"])
            (folder / f"{safe}.html").write_text(trainee_page(r["student"], assignment, r), encoding="utf-8")
            progress.setdefault(r["student"], {})[assignment] = r["score"]
        sections.append((assignment, rubric, results))
    (out / "laporan_kohort.html").write_text(cohort_page(sections, progress, note), encoding="utf-8")
    print(f"Laporan ditulis ke {out}")
    return 0
