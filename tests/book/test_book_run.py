"""The README's run command: `./run.sh --check` builds the book and starts both servers on loopback, then stops;
`./run.sh FILE` still analyses a draft."""
from __future__ import annotations

import re
import subprocess

import pytest

from booksite import REPO


@pytest.mark.slow
def test_run_check_builds_and_serves_the_book_and_jupyterlab():
    proc = subprocess.run(["./run.sh", "--check"], cwd=REPO, capture_output=True, text=True, timeout=1800)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-4000:]
    book = re.search(r"Buku kursus\s*: (http://127\.0\.0\.1:\d+/)", out)
    lab = re.search(r"JupyterLab\s*: (http://127\.0\.0\.1:\d+/lab/tree/_build/lab/alat-langsung\.ipynb\?token=\w+)", out)
    assert book and lab, out[-2000:]
    assert "kedua server menjawab" in out
    # One Indonesian progress line per step, not the build's log: that is in a file the output names.
    before_addresses = out[:book.start()].strip().splitlines()
    assert len(before_addresses) <= 6, before_addresses
    assert [line.split(" ")[0] for line in before_addresses if line.startswith("[")] == ["[1/3]", "[2/3]", "[3/3]"]
    assert "Running Sphinx" not in out and "Kernel is running over TCP" not in out and "WARNING" not in out
    build_log = REPO / "_build" / "logs" / "book-build.log"
    assert "_build/logs/book-build.log" in out
    assert "build succeeded" in build_log.read_text(encoding="utf-8")
    assert (REPO / "_build" / "html" / "book" / "02-menulis-daring.html").is_file()
    notebook = (REPO / "_build" / "lab" / "alat-langsung.ipynb").read_text(encoding="utf-8")
    for tool in ("draft_checker", "serp_preview", "post_composer", "press_release_checker", "monitoring_dashboard"):
        assert f"{tool}()" in notebook


def test_run_help_is_indonesian_and_needs_no_setup():
    proc = subprocess.run(["./run.sh", "--help"], cwd=REPO, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0 and proc.stderr == ""
    text = proc.stdout
    assert text.startswith("Kelas Humas Digital") and "Pemakaian:" in text
    for mode in ("./run.sh --check", "./run.sh --sample", "./run.sh BERKAS", "_build/logs/"):
        assert mode in text
    assert not re.search(r"\b(set up|build|serve|check your|the same|prints)\b", text)
    assert "Menyiapkan" not in text  # help alone does not run the setup


def test_run_with_a_file_analyses_the_draft(tmp_path):
    draft = tmp_path / "draf.md"
    draft.write_text("# Layanan KTP keliling\n\nWarga Sukamaju kini bisa membuat KTP di desa. Petugas datang setiap "
                     "Selasa.\n", encoding="utf-8")
    proc = subprocess.run(["./run.sh", str(draft), "--keyphrase", "layanan KTP"], cwd=REPO, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "Keterbacaan" in proc.stdout or "keterbacaan" in proc.stdout.lower()
    missing = subprocess.run(["./run.sh", str(tmp_path / "tidak-ada.md")], cwd=REPO, capture_output=True, text=True,
                             timeout=600)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr and missing.stderr.strip()
