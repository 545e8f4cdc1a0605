"""Benchmark: submissions per second, our cohort grader vs ``nbgrader autograde``, on the same cohort, one run.

    .venv/bin/python benchmarks/grading_bench.py [--students 200] [--nbgrader-students 20] [--jobs 2]

Makes a temporary copy of the course, generates the assignments, fabricates a cohort for m2_menulis_daring
(strong/medium/weak/empty answers and each kind of tampering, repeated to ``--students``), then times:

1. our grader without writing anything (``--dry-run``): reading, flagging, scoring;
2. our grader writing the nbgrader gradebook, autograded copies and resume records (a full run);
3. ``nbgrader autograde`` on the first ``--nbgrader-students`` submissions (a kernel per notebook; slow).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "grading"))
sys.path.insert(0, str(REPO))

import cohort as C  # noqa: E402


def grow(course: Path, target: int) -> list[str]:
    base = sorted(p.name for p in (course / "submitted").iterdir())
    students = list(base)
    n = 0
    while len(students) < target:
        src = base[n % len(base)]
        name = f"{src}_{n // len(base) + 1:03d}"
        shutil.copytree(course / "submitted" / src, course / "submitted" / name)
        students.append(name)
        n += 1
    return students


def timed(cmd: list[str], cwd: Path | None = None) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=C.env(), capture_output=True, text=True)
    return time.perf_counter() - started, done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--nbgrader-students", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        course = C.make_course(Path(tmp) / "kursus")
        C.fabricate(course)
        students = grow(course, args.students)
        ours = [sys.executable, "-m", "autograders", "grade", "--course", str(course), "--assignment", C.ASSIGNMENT,
                "--format", "json", "--jobs", str(args.jobs)]
        dry_s, dry = timed(ours + ["--dry-run"])
        full_s, full = timed(ours + ["--force"])
        graded = sum(1 for line in full.stdout.splitlines() if line.strip())
        # nbgrader in one batch on its own copy holding only the sample (it stops a batch at a duplicated grade_id,
        # so that submission is left out of its sample).
        sample = [s for s in sorted(students) if not s.startswith("zz_")][: args.nbgrader_students]
        nb_course = Path(tmp) / "kursus_nbgrader"
        shutil.copytree(course, nb_course, ignore=shutil.ignore_patterns("autograded", ".khd_grades"))
        for folder in (nb_course / "submitted").iterdir():
            if folder.name not in sample:
                shutil.rmtree(folder)
        nb_total, _ = timed([str(REPO / ".venv" / "bin" / "nbgrader"), "autograde", C.ASSIGNMENT,
                             "--Execute.timeout=5", "--ExecutePreprocessor.timeout=5"], cwd=nb_course)
        report = {
            "submissions": len(students),
            "ours_dry_run_per_second": round(len(students) / dry_s, 1),
            "ours_full_per_second": round(graded / full_s, 1),
            "nbgrader_autograde_per_second": round(len(sample) / nb_total, 2),
            "speedup_full_vs_nbgrader": round((graded / full_s) / (len(sample) / nb_total), 1),
            "jobs": args.jobs,
        }
    print(f"Kiriman: {report['submissions']} (tugas {C.ASSIGNMENT}, {args.jobs} proses)")
    print(f"  penilai kita, tanpa menulis       : {report['ours_dry_run_per_second']:>8} kiriman/detik")
    print(f"  penilai kita, dengan gradebook    : {report['ours_full_per_second']:>8} kiriman/detik")
    print(f"  nbgrader autograde ({len(sample)} kiriman)  : {report['nbgrader_autograde_per_second']:>8} kiriman/detik")
    print(f"  percepatan                        : {report['speedup_full_vs_nbgrader']:>8}×")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
