"""The notebook's *Validasi* button in a real JupyterLab on loopback (our lab extension
deploy/labextension/kelas-humas-nbgrader, nbgrader's validate server extension, our IndonesianValidator), in a
temporary copy of the course: for a full-points, a partial and an empty answer the button, its busy state, the
dialog's frame and its body are Indonesian, each task's points are named in words with the whole feedback, and
none of nbgrader's English frame is left; the *Daftar Tugas* panel replaces nbgrader's Assignments panel."""
from __future__ import annotations

import json
import re
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


# nbgrader 0.9.6's English frame around Validate and its Assignments panel (its lab extension's strings), and
# JupyterLab's own dialog words: none may reach a trainee. Matched as whole words, case-sensitive.
ENGLISH_FRAME = ("Validate", "Validation Results", "Validation failed", "Validating", "Saving",
                 "There was an error running the validate command", "The following cell", "has changed",
                 "Success!", "Your notebook passes", "You did not provide a response", "Partial credit",
                 "OK", "Cancel", "Close", "Assignments", "Assignment List", "Released assignments",
                 "Downloaded assignments", "Submitted assignments", "There are no", "Loading, please wait",
                 "Fetch", "fetch", "Submit", "Fetch Feedback", "Error", "No courses found", "course")
CODE = ("grade_cell(", "rubric_check", "from autograders", "float(min(")


def english_in(text: str) -> list[str]:
    return [w for w in ENGLISH_FRAME if re.search(r"(?<![\w])" + re.escape(w) + r"(?![\w])", text)]


CASES = {  # folder -> answers (grade_id -> text); the folder name is what the test opens
    "penuh": lambda sol: {"jawaban_tulis_ulang": sol["tulis_ulang"], "jawaban_judul": sol["judul"]},
    "sebagian": lambda sol: {"jawaban_tulis_ulang": C.WEAK},
    "kosong": lambda sol: {},
}


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab started in a course folder (so nbgrader reads its nbgrader_config.py), one trainee notebook per
    case in latihan/<case>/ with the assignment's rubric beside it."""
    root = tmp_path_factory.mktemp("validasi")
    course = C.make_course(root / "kursus")
    released = C.release(course)
    sol = C.solutions()
    for case, answers in CASES.items():
        folder = course / "latihan" / case
        folder.mkdir(parents=True)
        (folder / C.NOTEBOOK).write_text(json.dumps(C.with_answers(released, answers(sol)), ensure_ascii=False),
                                         encoding="utf-8")
        (folder / "rubrik.yml").write_bytes((course / "release" / C.ASSIGNMENT / "rubrik.yml").read_bytes())
    env = C.env()
    env.update(JUPYTER_CONFIG_DIR=str(root / "config"), JUPYTER_RUNTIME_DIR=str(root / "runtime"),
               JUPYTERLAB_SETTINGS_DIR=str(root / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(root / "workspaces"))
    port = _free_port()
    cmd = [str(REPO / ".venv" / "bin" / "jupyter"), "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--ServerApp.token={TOKEN}",
           f"--ServerApp.root_dir={course}", "--LabApp.news_url=", "--LabApp.expose_app_in_browser=True",
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
        yield f"http://127.0.0.1:{port}", log
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


def _labels(page, selector: str) -> str:
    """Visible text plus every title and aria-label under `selector` (what a screen reader says too)."""
    return page.evaluate("""(selector) => [...document.querySelectorAll(selector)].map((root) =>
        [root.innerText, ...[root, ...root.querySelectorAll('*')].flatMap((e) =>
            [e.getAttribute('title'), e.getAttribute('aria-label')])].filter(Boolean).join('\\n')).join('\\n')""",
                         selector)


def press_validasi(browser, base: str, path: str, shot: str) -> dict:
    """Open `path` in JupyterLab, press Validasi, return what the trainee saw."""
    guard = OffsiteGuard()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", guard)
    page = context.new_page()
    try:
        page.goto(f"{base}/lab/tree/{path}?reset&token={TOKEN}", wait_until="domcontentloaded")
        toolbar = page.locator(".jp-NotebookPanel .jp-Toolbar")
        button = toolbar.locator(".kelas-validasi-tombol button")
        button.wait_for(state="visible", timeout=90_000)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=90_000)
        seen = {"toolbar": _labels(page, ".jp-NotebookPanel .jp-Toolbar"), "button": button.inner_text()}
        button.click()
        page.wait_for_function("""() => {
            const b = document.querySelector('.kelas-validasi-tombol button');
            return b && b.disabled && b.innerText.trim() === 'Memvalidasi…';
        }""", timeout=60_000)
        seen["busy"] = _labels(page, ".jp-NotebookPanel .jp-Toolbar")
        dialog = page.locator(".jp-Dialog-content")
        dialog.wait_for(state="visible", timeout=180_000)
        page.wait_for_selector(".kelas-validasi-hasil", timeout=180_000)
        if SHOTS:
            page.screenshot(path=str(SHOTS / f"validasi-{shot}.png"))
        seen["title"] = page.locator(".jp-Dialog-header").inner_text().strip()
        seen["dialog"] = _labels(page, ".jp-Dialog")
        seen["body"] = page.locator(".kelas-validasi-hasil").inner_text()
        seen["clipped"] = page.evaluate("""() => [...document.querySelectorAll('.jp-Dialog-content *')]
            .filter((e) => e.clientWidth && e.scrollWidth > e.clientWidth + 1
                           && getComputedStyle(e).overflowX !== 'visible')
            .map((e) => e.tagName + ' ' + e.scrollWidth + '>' + e.clientWidth)""")
        page.locator(".jp-Dialog-footer button").click()
        dialog.wait_for(state="detached", timeout=30_000)
        page.wait_for_function("""() => {
            const b = document.querySelector('.kelas-validasi-tombol button');
            return b && !b.disabled && b.innerText.trim() === 'Validasi';
        }""", timeout=30_000)
        seen["after"] = button.inner_text()
    except Exception:
        if SHOTS:
            page.screenshot(path=str(SHOTS / f"validasi-{shot}-gagal.png"))
        raise
    finally:
        context.close()
    assert guard.blocked == []
    return seen


def _frame_is_indonesian(seen: dict) -> None:
    assert seen["button"].strip() == "Validasi" and seen["after"].strip() == "Validasi"
    assert seen["title"] == "Hasil validasi", seen["title"]
    assert "Tutup" in seen["dialog"]
    for part in ("toolbar", "busy", "dialog"):
        assert english_in(seen[part]) == [], (part, english_in(seen[part]), seen[part])
    assert not [c for c in CODE if c in seen["dialog"]], seen["dialog"]
    assert seen["clipped"] == [], "feedback in the dialog is cut or scrolls sideways"


def test_validasi_full_points(browser, lab):
    base, log = lab
    seen = press_validasi(browser, base, f"latihan/penuh/{C.NOTEBOOK}", "penuh")
    _frame_is_indonesian(seen)
    assert "Semua tugas yang dinilai otomatis mendapat poin penuh" in seen["body"], seen["body"]
    assert "nilai sebagian" not in seen["body"] and "belum mendapat poin" not in seen["body"]
    # each task listed with its points
    assert len(re.findall(r"^Tugas \d: .+: (\d+(,\d+)?) dari \1 poin \(poin penuh\)$", seen["body"], re.M)) == 2, \
        seen["body"]


def test_validasi_partial_answer(browser, lab):
    base, log = lab
    seen = press_validasi(browser, base, f"latihan/sebagian/{C.NOTEBOOK}", "sebagian")
    _frame_is_indonesian(seen)
    body = seen["body"]
    assert "2 tugas belum mendapat poin penuh" in body, body
    assert re.search(r"Tugas 1: Menulis ulang pengumuman birokratis: \d+(,\d+)? dari \d+(,\d+)? poin \(nilai sebagian\)",
                     body), body
    assert re.search(r"Tugas 2: Judul yang memandu pembaca: 0 dari \d+(,\d+)? poin \(belum mendapat poin\)", body), body
    assert "Perbaiki dulu:" in body and "Anda belum menulis jawaban" in body
    assert "(dan 2 lagi)." in body  # a long feedback line, whole
    assert not re.search(r"dari \d+(,\d+)? poin otomatis$", body, re.M), body  # each task's heading once


def test_validasi_empty_answers(browser, lab):
    base, log = lab
    seen = press_validasi(browser, base, f"latihan/kosong/{C.NOTEBOOK}", "kosong")
    _frame_is_indonesian(seen)
    body = seen["body"]
    assert "2 tugas belum mendapat poin penuh" in body, body
    assert body.count("(belum mendapat poin)") == 2 and "nilai sebagian" not in body, body
    assert "Anda belum menulis jawaban" in body


def test_daftar_tugas_replaces_nbgrader_assignments_panel(browser, lab):
    """nbgrader's own plugins are off (package.json disabledExtensions); its command opens our panel."""
    base, log = lab
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", OffsiteGuard())
    page = context.new_page()
    try:
        page.goto(f"{base}/lab?reset&token={TOKEN}", wait_until="domcontentloaded")
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.commands"
                               "  && window.jupyterapp.commands.hasCommand('nbgrader:open-assignment-list')",
                               timeout=90_000)
        label = page.evaluate("() => window.jupyterapp.commands.label('nbgrader:open-assignment-list')")
        page.evaluate("() => window.jupyterapp.commands.execute('nbgrader:open-assignment-list')")
        panel = page.locator(".kelas-daftar-tugas")
        panel.wait_for(state="visible", timeout=30_000)
        page.wait_for_function("() => !document.querySelector('.kelas-daftar-tugas .kelas-muat-ulang').disabled",
                               timeout=60_000)
        text = _labels(page, ".kelas-daftar-tugas")
        # the panel's tab (its close icon's tooltip is JupyterLab's own, like every tab's)
        tab = page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel").inner_text()
        plugins = page.evaluate("""() => ['@jupyter/nbgrader:validate-assignment', '@jupyter/nbgrader:assignment-list',
            'kelas-humas-nbgrader:validasi', 'kelas-humas-nbgrader:daftar-tugas']
            .map((id) => window.jupyterapp.isPluginActivated(id))""")
    finally:
        context.close()
    assert label == "Daftar Tugas"
    assert plugins == [False, False, True, True]
    assert tab.strip() == "Daftar Tugas", tab
    for heading in ("Tugas yang tersedia", "Tugas yang sudah diambil", "Tugas yang sudah dikumpulkan"):
        assert heading in text, text
    assert english_in(text) == [], (english_in(text), text)
