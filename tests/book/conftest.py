"""Fixtures for the course-book tests: one clean build per session, a loopback web server, headless Chromium.

Nothing here skips: a missing tool that `.ci/run` installs (Debian's chromium, Node for the vendored JavaScript)
fails the test with a message that says so.
"""
from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from booksite import CHROMIUM_ARGS, REPO, require_chromium  # noqa: E402


@dataclass
class Build:
    html: Path
    log: str
    returncode: int
    seconds: float


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> Build:
    """The book built from clean (fresh output folder, empty execution cache) with ``-W --keep-going``.

    ``KELAS_TEST_SITE=_build/html`` reuses a book built before (while working on the browser tests only; the
    build tests then check that build's log, ``_build/kelas-test-build.log`` if present)."""
    reuse = os.environ.get("KELAS_TEST_SITE")
    if reuse:
        site = Path(reuse).resolve()
        log = REPO / "_build" / "kelas-test-build.log"
        return Build(site, log.read_text(encoding="utf-8") if log.is_file() else "Running Jupyter-Book", 0, 0.0)
    out = tmp_path_factory.mktemp("book-build")
    start = time.monotonic()
    proc = subprocess.run(["bash", "scripts/build_book.sh", "--path-output", str(out)], cwd=REPO,
                          capture_output=True, text=True, timeout=1800)
    seconds = time.monotonic() - start
    log = proc.stdout + proc.stderr
    print(f"\n[book] clean build: {seconds:.1f} s, exit code {proc.returncode}")
    if "npm" in log and not (REPO / "tools/book-js/node_modules").is_dir():
        pytest.fail("The book's JavaScript could not be installed from npm: run .ci/run (it installs Node).")
    return Build(out / "_build" / "html", log, proc.returncode, seconds)


@pytest.fixture(scope="session")
def site(built_book) -> Path:
    if built_book.returncode != 0 or not (built_book.html / "index.html").is_file():
        pytest.fail("The book did not build; see test_book_build for the warnings:\n" + built_book.log[-3000:])
    return built_book.html


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


@pytest.fixture(scope="session")
def site_url(site):
    """The built site served on 127.0.0.1 (a free port) by a thread of this process."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, driven by Playwright (never `playwright install`)."""
    path = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
