"""Benchmark: do the automatic scores agree with an expert? The project's labelled answers
(``tests/grading/labelled/``) through the public grader path.

    .venv/bin/python benchmarks/rubric_validity.py [--jobs 2] [--assignment m1_situs_web]…

In a temporary copy of the course: ``nbgrader generate_assignment`` makes the release versions; every labelled
answer goes into the answer cells of a copy of its release notebook, as one trainee's submission; then
``python -m autograders grade --format json --dry-run`` scores each assignment. A submission holds one answer,
so its ``score`` is that task's automatic points. Prints, for all answers, for those used while tuning and for
those set aside (``holdout: true``): Spearman's rank correlation with the expert scores, each band's mean, how
many gaming answers reach 60 %, and per task the margin between the weakest excellent answer and the strongest
gaming or off-task one; and whether every score equals the in-process scoring of the tests.
"""
from __future__ import annotations

import argparse
import copy
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "grading"))
sys.path.insert(0, str(REPO))

import cohort as C  # noqa: E402
import labelled_set as L  # noqa: E402


def submit(course: Path, items: list) -> None:
    from autograders.grading.rubric_file import load_rubric

    for item in items:
        rubric = load_rubric(course / "source" / item.assignment / "rubrik.yml")
        release = json.loads((course / "release" / item.assignment / rubric.notebook).read_text(encoding="utf-8"))
        nb = copy.deepcopy(release)
        for cell in nb["cells"]:
            gid = (cell.get("metadata", {}).get("nbgrader") or {}).get("grade_id")
            if gid in item.cells:
                cell["source"] = item.cells[gid]
        folder = course / "submitted" / item.id / item.assignment
        folder.mkdir(parents=True, exist_ok=True)
        (folder / rubric.notebook).write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")


def grade(course: Path, assignment: str, students: list[str], jobs: int) -> dict[str, dict]:
    cmd = [sys.executable, "-m", "autograders", "grade", "--course", str(course), "--assignment", assignment,
           "--format", "json", "--dry-run", "--jobs", str(jobs)]
    for student in students:
        cmd += ["--student", student]
    done = subprocess.run(cmd, capture_output=True, text=True, env=C.env())
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    return {row["student"]: row for row in rows}


def public_scores(items: list, jobs: int = 2) -> dict[str, dict]:
    """id -> {"percent", "points"} through ``python -m autograders grade`` on release notebooks."""
    from autograders.grading.rubric_file import load_rubric

    out: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        course = C.make_course(Path(tmp) / "kursus")
        submit(course, items)
        for assignment in sorted({i.assignment for i in items}):
            rubric = load_rubric(course / "source" / assignment / "rubrik.yml")
            mine = [i for i in items if i.assignment == assignment]
            rows = grade(course, assignment, [i.id for i in mine], jobs)
            for item in mine:
                row = rows.get(item.id) or {}
                maximum = rubric.task(item.task).max_points
                out[item.id] = {"points": float(row.get("score", 0.0)), "percent": 100.0 * float(row.get("score", 0.0)) / maximum,
                                "error": row.get("error")}
    return out


def report(title: str, items: list, scores: dict) -> None:
    if not items:
        return
    result = L.summary(items, scores)
    print(f"\n{title}: {result['n']} answers, Spearman {result['spearman']:.3f}, "
          f"gaming at 60 % or more: {result['gaming_at_60']} of {result['gaming_n']}")
    for band, values in result["bands"].items():
        print(f"  {band:10s} n={values['n']:3d}  mean {values['mean']:5.1f} %   (expert {values['expert_mean']:5.1f} %)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--assignment", action="append", default=[])
    args = parser.parse_args(argv)
    items = L.load(args.assignment or None)
    scores = public_scores(items, args.jobs)
    errors = [i.id for i in items if scores[i.id].get("error")]
    report("All labelled answers (python -m autograders grade)", items, scores)
    report("Used while tuning", [i for i in items if not i.holdout], scores)
    report("Set aside (holdout)", [i for i in items if i.holdout], scores)
    print("\nPer task: weakest excellent vs strongest gaming/off-task (percent of the task's automatic points)")
    for assignment, task in sorted({(i.assignment, i.task) for i in items}):
        group = [i for i in items if (i.assignment, i.task) == (assignment, task)]
        low = min((scores[i.id]["percent"], i.id) for i in group if i.band == "excellent")
        high = max((scores[i.id]["percent"], i.id) for i in group if i.band in ("gaming", "off_task"))
        print(f"  {assignment}/{task:12s} {low[0]:5.1f} vs {high[0]:5.1f} ({high[1]})  margin {low[0] - high[0]:5.1f}")
    inproc = L.score_in_process(items)
    differ = [i.id for i in items if abs(inproc[i.id]["points"] - scores[i.id]["points"]) > 0.005]
    print(f"\nSame points as the in-process scoring of the tests: {len(items) - len(differ)} of {len(items)}"
          + (f" (differ: {', '.join(differ)})" if differ else ""))
    if errors:
        print("Grader errors: " + ", ".join(errors))
    return 1 if differ or errors else 0


if __name__ == "__main__":
    sys.exit(main())
