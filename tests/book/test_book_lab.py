"""The live *Pemeriksa draf* in a real JupyterLab on loopback: run the cell, type a draft, see the report change."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from booksite import REPO, OffsiteGuard

pytestmark = [pytest.mark.slow, pytest.mark.browser]

TOKEN = "TEST"
SHORT_DRAFT = ("# Layanan KTP keliling\n\nWarga Sukamaju kini bisa membuat KTP di desa. Petugas datang setiap Selasa. "
               "Bawa kartu keluarga. Layanan ini gratis.")
LONG_SENTENCE = ("Untuk mempercepat pelayanan kepada warga yang kini menuntut kecepatan dan ketepatan, Dinas "
                 "Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju bersama seluruh jajaran kecamatan dan kelurahan "
                 "menyelenggarakan layanan jemput bola di berbagai desa yang jauh dari pusat kota.")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, proc: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"JupyterLab stopped (exit {proc.returncode}):\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"JupyterLab did not answer within {timeout:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab of this virtualenv on 127.0.0.1 with token TEST, in a temporary folder with one notebook."""
    root = tmp_path_factory.mktemp("lab")
    work = root / "work"
    work.mkdir()
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("from autograders.widgets import draft_checker\ndraft_checker()")],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nbformat.write(nb, work / "pemeriksa.ipynb")
    env = dict(os.environ)
    venv_bin = str(Path(sys.executable).parent)
    env.update(PATH=venv_bin + os.pathsep + env.get("PATH", ""), JUPYTER_CONFIG_DIR=str(root / "config"),
               JUPYTER_RUNTIME_DIR=str(root / "runtime"), JUPYTERLAB_SETTINGS_DIR=str(root / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(root / "workspaces"), PYTHONPATH=str(REPO))
    port = _free_port()
    cmd = [os.path.join(venv_bin, "jupyter"), "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--ServerApp.token={TOKEN}",
           f"--ServerApp.root_dir={work}", "--LabApp.news_url=", "--LabApp.check_for_updates_class="
           "jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = root / "jupyterlab.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait_http(f"http://127.0.0.1:{port}/api/status?token={TOKEN}", proc, log)
        yield f"http://127.0.0.1:{port}", log
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # the server and the kernels it started (its own session)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)


def test_typing_a_draft_changes_the_report(browser, lab):
    base, log = lab
    guard = OffsiteGuard()
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.route("**/*", guard)
    page = context.new_page()
    page_errors: list[str] = []
    page.on("pageerror", lambda e: page_errors.append(str(e)))
    try:
        page.goto(f"{base}/lab/tree/pemeriksa.ipynb?token={TOKEN}", wait_until="domcontentloaded")
        editor = page.locator(".jp-NotebookPanel .jp-Cell .cm-content").first
        editor.wait_for(state="visible", timeout=90_000)
        report = page.locator(".jp-OutputArea .khd-report").first
        started = "() => /\\[(\\*|\\d+)\\]/.test(document.querySelector('.jp-Cell .jp-InputPrompt')?.textContent || '')"
        for attempt in range(4):  # a kernel that has only just connected may drop the first request: ask again
            page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=90_000)
            editor.click()
            page.keyboard.press("Shift+Enter")
            try:
                page.wait_for_function(started, timeout=15_000)  # the prompt shows [*] or [1]
                break
            except PlaywrightTimeout:
                if attempt == 3:
                    page.screenshot(path=str(log.with_suffix(".png")))
                    raise
        report.wait_for(state="visible", timeout=90_000)
        assert "Laporan akan muncul" in report.inner_text()

        area = page.locator(".jp-OutputArea .widget-textarea textarea").first
        area.click()
        area.fill(SHORT_DRAFT)
        good = page.locator(".jp-OutputArea li[data-check='sentence_length'][data-rating='good']")
        good.wait_for(timeout=60_000)
        text = page.locator(".jp-OutputArea .khd-report").first.inner_text()
        assert "Panjang kalimat" in text and "Laporan akan muncul" not in text

        area.press("End")
        area.type(" " + LONG_SENTENCE + " " + LONG_SENTENCE, delay=2)  # keystrokes: the debounced path
        bad = page.locator(".jp-OutputArea li[data-check='sentence_length'][data-rating='bad']")
        bad.wait_for(timeout=60_000)
        marked = page.locator(".jp-OutputArea mark[data-check='sentence_length']").first
        marked.wait_for(timeout=10_000)
        assert marked.inner_text().startswith("Untuk mempercepat pelayanan")
    except Exception:
        print(log.read_text(errors="replace")[-3000:])
        raise
    finally:
        context.close()
    assert guard.blocked == [], "JupyterLab or the tool asked for something off the machine"
    assert page_errors == []
