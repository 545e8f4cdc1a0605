"""The notebook's Validate button in a real JupyterLab (nbgrader's lab extension and server extension) on
loopback, in a temporary copy of the course: the dialog shows each task's points in words and its whole
Indonesian feedback, not the grading code."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))
import cohort as C  # noqa: E402
from booksite import CHROMIUM_ARGS, REPO, OffsiteGuard, require_chromium  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.browser]
TOKEN = "VALIDASI"
SHOTS = Path(os.environ.get("KHD_SCREENSHOTS", "")) if os.environ.get("KHD_SCREENSHOTS") else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab started in a course folder (so nbgrader reads its nbgrader_config.py), one trainee notebook:
    task 1 answered weakly, task 2 left as handed out."""
    root = tmp_path_factory.mktemp("validasi")
    course = C.make_course(root / "kursus")
    notebook = course / "release" / C.ASSIGNMENT / C.NOTEBOOK
    notebook.write_text(json.dumps(C.with_answers(C.release(course), {"jawaban_tulis_ulang": C.WEAK}),
                                   ensure_ascii=False), encoding="utf-8")
    env = C.env()
    env.update(JUPYTER_CONFIG_DIR=str(root / "config"), JUPYTER_RUNTIME_DIR=str(root / "runtime"),
               JUPYTERLAB_SETTINGS_DIR=str(root / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(root / "workspaces"))
    port = _free_port()
    cmd = [str(REPO / ".venv" / "bin" / "jupyter"), "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--ServerApp.token={TOKEN}",
           f"--ServerApp.root_dir={course}", "--LabApp.news_url=",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = root / "jupyterlab.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, cwd=course, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab stopped:\n{log.read_text(errors='replace')[-3000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={TOKEN}", timeout=5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not answer:\n{log.read_text(errors='replace')[-3000:]}")
                time.sleep(0.5)
        yield f"http://127.0.0.1:{port}", f"release/{C.ASSIGNMENT}/{C.NOTEBOOK}", log
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=require_chromium(), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_validate_button_shows_indonesian_feedback_per_task(browser, lab):
    base, path, log = lab
    guard = OffsiteGuard()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", guard)
    page = context.new_page()
    try:
        page.goto(f"{base}/lab/tree/{path}?token={TOKEN}", wait_until="domcontentloaded")
        button = page.locator(".jp-NotebookPanel .jp-Toolbar").get_by_text("Validate", exact=True).first
        button.wait_for(state="visible", timeout=90_000)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=90_000)
        button.click()
        dialog = page.locator(".jp-Dialog-content")
        dialog.wait_for(state="visible", timeout=180_000)
        page.wait_for_function("() => /poin/.test(document.querySelector('.jp-Dialog-content')?.innerText || '')",
                               timeout=180_000)
        if SHOTS:
            page.screenshot(path=str(SHOTS / "validate-dialog.png"))
        text = dialog.inner_text()
        clipped = page.evaluate("""() => [...document.querySelectorAll('.jp-Dialog-content *')]
            .filter((e) => e.clientWidth && e.scrollWidth > e.clientWidth + 1
                           && getComputedStyle(e).overflowX !== 'visible')
            .map((e) => e.tagName + ' ' + e.scrollWidth + '>' + e.clientWidth)""")
    except Exception:
        if SHOTS:
            page.screenshot(path=str(SHOTS / "validate-failure.png"))
        print(log.read_text(errors="replace")[-3000:])
        raise
    finally:
        context.close()
    assert "Tugas 1: Menulis ulang pengumuman birokratis:" in text and "(nilai sebagian)" in text, text
    assert "Tugas 2: Judul yang memandu pembaca: 0 dari 4 poin (belum mendapat poin)" in text, text
    assert "Perbaiki dulu:" in text and "Anda belum menulis jawaban" in text
    assert "(dan 2 lagi)." in text  # a long feedback line, whole
    for english in ("You did not provide a response", "Partial credit", "grade_cell(", "rubric_check"):
        assert english not in text, english
    assert clipped == [], "feedback in the dialog is cut or scrolls sideways"
    assert guard.blocked == []
