"""How the work of a function grows with its input: the ratio of its CPU time on an input ``FACTOR`` times longer
to its CPU time on the shorter one (same unit repeated). Linear code gives about ``FACTOR``; quadratic code about
``FACTOR ** 2``. Tests assert the ratio (growth), never a time. :func:`steps` counts work without a clock.
"""
from __future__ import annotations

import gc
import sys
import time
from typing import Callable

FACTOR = 8
LINEAR_LIMIT = 24  # linear ≈ 8 (up to ~14 with cache and allocator effects); quadratic ≈ 64
FLOOR_SECONDS = 0.004  # the short run must be long enough for the clock to measure it well
MAX_SHORT_CHARS = 400_000


def repeated(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def cpu_seconds(fn: Callable[[str], object], text: str, repeat: int = 3) -> float:
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.process_time()
            fn(text)
            best = min(best, time.process_time() - start)
    finally:
        if enabled:
            gc.enable()
    return best


def growth(fn: Callable[[str], object], unit: str, start: int = 2_000, prefix: str = "") -> tuple[float, int]:
    """(ratio, short size): the short input doubles from ``start`` until its run is measurable."""
    size = start
    while True:
        short = cpu_seconds(fn, prefix + repeated(unit, size))
        if short >= FLOOR_SECONDS or size * 2 > MAX_SHORT_CHARS:
            break
        size *= 2
    long = cpu_seconds(fn, prefix + repeated(unit, size * FACTOR), repeat=2)
    return long / max(short, 1e-6), size


def steps(function: Callable[..., object], *args) -> int:
    """Python line events while ``function`` runs: a deterministic measure of work (no clock)."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        function(*args)
    finally:
        sys.settrace(None)
    return count
