"""The worker pool of the cohort grader: a time budget per item, results as they complete, a stuck or dying
worker replaced while the others go on."""
from __future__ import annotations

import os
import signal
import time

from autograders.grading.pool import run_with_budget


def _work(item):
    kind, value = item
    if kind == "macet":  # a stuck item: far longer than the budget
        time.sleep(600)
    if kind == "mati":  # a worker that dies (as if killed by the system)
        os.kill(os.getpid(), signal.SIGKILL)
    if kind == "galat":
        raise ValueError("rusak")
    return ("hasil", value)


def _run(items, workers=2, seconds=1.5, heartbeat=None):
    return list(run_with_budget(_work, items, workers, seconds,
                                on_timeout=lambda item, limit: ("waktu_habis", item[1], limit),
                                on_failure=lambda item, text: ("gagal", item[1], text), heartbeat=heartbeat))


def test_a_stuck_item_is_stopped_and_never_holds_the_others():
    items = [("macet", 0)] + [("biasa", n) for n in range(1, 9)]
    results = _run(items)
    assert len(results) == len(items)
    # Results come as they complete: every honest one before the stuck one's budget runs out.
    assert results[-1] == ("waktu_habis", 0, 1.5)
    assert sorted(results[:-1]) == [("hasil", n) for n in range(1, 9)]


def test_two_stuck_items_with_one_worker_each_time_out_in_turn():
    results = _run([("macet", 1), ("biasa", 2), ("macet", 3), ("biasa", 4)], workers=1, seconds=0.5)
    assert results == [("waktu_habis", 1, 0.5), ("hasil", 2), ("waktu_habis", 3, 0.5), ("hasil", 4)]


def test_a_dying_or_failing_worker_gives_a_failure_and_the_run_goes_on():
    results = _run([("mati", 1), ("galat", 2)] + [("biasa", n) for n in range(3, 7)], workers=2, seconds=30)
    kinds = {value: kind for kind, value, *_ in results}
    assert kinds == {1: "gagal", 2: "gagal", 3: "hasil", 4: "hasil", 5: "hasil", 6: "hasil"}


def test_heartbeats_while_a_slow_item_runs():
    results = _run([("macet", 1), ("biasa", 2)], workers=2, seconds=1.2, heartbeat=0.2)
    assert None in results
    assert [r for r in results if r is not None] == [("hasil", 2), ("waktu_habis", 1, 1.2)]


def test_no_worker_outlives_the_run():
    import multiprocessing

    _run([("macet", 1), ("biasa", 2)], workers=2, seconds=0.5)
    assert multiprocessing.active_children() == []


def test_workers_leave_when_the_grader_is_killed():
    """kill -9 of the grader must not leave its workers waiting for work forever (one orphan per job per kill)."""
    import subprocess
    import sys

    script = (
        "import os, sys, time\n"
        "from autograders.grading.pool import run_with_budget\n"
        "def work(item):\n"
        "    return os.getpid()\n"
        "for pid in run_with_budget(work, [1, 2, 3], 2, 60, on_timeout=None, on_failure=None):\n"
        "    print(pid, flush=True)\n"
        "    time.sleep(600)  # the grader stops here, its workers idle\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    worker = int(proc.stdout.readline())
    assert worker != proc.pid and os.path.exists(f"/proc/{worker}")
    proc.kill()
    proc.wait()
    for _ in range(300):  # a liveness check, not a timing: the worker notices within a second or two
        if not os.path.exists(f"/proc/{worker}") or open(f"/proc/{worker}/stat").read().split()[2] == "Z":
            break
        time.sleep(0.1)
    else:
        os.kill(worker, signal.SIGKILL)
        raise AssertionError("a worker outlived the killed grader by 30 s")
