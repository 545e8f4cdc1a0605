"""A pool of worker processes that gives each item a time budget and returns results as they complete.

One stuck item must not hold a cohort: every item runs in a worker process; a worker that is still on its item
when the budget is spent is killed (SIGKILL) and replaced, the item gets ``on_timeout(item, seconds)`` as its
result, and the other workers go on. Results come back in the order they finish, not the order of the items.

Workers are forked (the function and its fixed arguments are inherited, not pickled); items and results travel
through one pipe per worker.
"""
from __future__ import annotations

import multiprocessing
import os
import time
from multiprocessing.connection import wait
from typing import Any, Callable, Iterable, Iterator

_STOP = None


PARENT_CHECK_SECONDS = 1.0  # how often an idle worker checks that the grader that forked it is still there


def _serve(conn, fn: Callable[[Any], Any], parent: int) -> None:
    """Serve items until told to stop, the pipe closes, or the parent is gone. A forked worker also holds the
    parent's end of its own pipe (and of the pipes of workers forked before it), so a killed grader (``kill -9``)
    never closes them: an idle worker would wait forever. It looks at its parent while it waits instead."""
    while True:
        try:
            while not conn.poll(PARENT_CHECK_SECONDS):
                if os.getppid() != parent:
                    return
            item = conn.recv()
        except (EOFError, OSError):
            return
        if item is _STOP:
            return
        try:
            result = fn(item)
        except BaseException as error:  # noqa: BLE001 - a worker reports, the parent decides
            result = _Failure(repr(error))
        conn.send(result)


class _Failure:
    def __init__(self, text: str) -> None:
        self.text = text


class _Worker:
    def __init__(self, context, fn) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, fn, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.item: Any = None
        self.started = 0.0
        self.busy = False

    def give(self, item) -> None:
        self.item, self.started, self.busy = item, time.monotonic(), True
        self.conn.send(item)

    def kill(self) -> None:
        try:
            self.process.kill()
        except OSError:
            pass
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(_STOP)
        except OSError:
            pass
        self.process.join(5)
        if self.process.is_alive():
            self.kill()
        else:
            self.conn.close()


def run_with_budget(fn: Callable[[Any], Any], items: Iterable[Any], workers: int, seconds: float,
                    on_timeout: Callable[[Any, float], Any], on_failure: Callable[[Any, str], Any],
                    before_fork: Callable[[], None] = lambda: None, heartbeat: float | None = None
                    ) -> Iterator[Any]:
    """Yield ``fn(item)`` for every item as it completes; an item over ``seconds`` yields ``on_timeout``, a
    worker that dies or raises yields ``on_failure(item, text)``. ``before_fork`` runs before a replacement
    worker is forked (e.g. to let a background thread finish: forking beside a running thread is unsafe).
    With ``heartbeat``, None is yielded whenever that many seconds pass without a result (so the caller can
    write what it holds while a slow item runs)."""
    pending = list(items)
    pending.reverse()  # pop() from the end keeps the given order of starting
    if not pending:
        return
    context = multiprocessing.get_context("fork")
    count = max(1, min(workers, len(pending)))
    pool = [_Worker(context, fn) for _ in range(count)]
    try:
        while pending or any(w.busy for w in pool):
            for worker in pool:
                if not worker.busy and pending:
                    worker.give(pending.pop())
            busy = [w for w in pool if w.busy]
            now = time.monotonic()
            deadline = min(w.started + seconds for w in busy)
            if heartbeat is not None:
                deadline = min(deadline, now + heartbeat)
            ready = wait([w.conn for w in busy], timeout=max(0.0, deadline - now))
            if not ready and heartbeat is not None:
                yield None
            for worker in busy:
                if worker.conn in ready:
                    try:
                        result = worker.conn.recv()
                    except (EOFError, OSError):
                        result = _Failure("proses penilai berhenti")
                        item = worker.item
                        worker.busy = False
                        worker.kill()
                        before_fork()
                        pool[pool.index(worker)] = _Worker(context, fn)
                        yield on_failure(item, result.text)
                        continue
                    worker.busy = False
                    yield on_failure(worker.item, result.text) if isinstance(result, _Failure) else result
                elif time.monotonic() - worker.started >= seconds:
                    item = worker.item
                    worker.busy = False
                    worker.kill()
                    before_fork()
                    pool[pool.index(worker)] = _Worker(context, fn)
                    yield on_timeout(item, seconds)
    finally:
        for worker in pool:
            if worker.busy:
                worker.kill()
            else:
                worker.stop()


def default_workers() -> int:
    return os.cpu_count() or 1
