"""The hub's collector copies a trainee's submission as a suspicious reader (deploy/nbgrader/umum/kelas_exchange.py):
no link followed, no special file opened, the time taken from the kernel. The same cases on a real hub, with
separate Unix accounts, are in test_hub_loopback.py."""
from __future__ import annotations

import importlib.util
import os
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("kelas_exchange", REPO / "deploy" / "nbgrader" / "umum" / "kelas_exchange.py")
kelas_exchange = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(kelas_exchange)


def _copy(src: Path, dest: Path, max_file=100_000_000, max_total=100_000_000):
    copy = kelas_exchange._Copy(os.getuid(), [".ipynb_checkpoints"], max_file, max_total)
    fd = os.open(src, os.O_RDONLY | os.O_DIRECTORY)
    try:
        copy.folder(fd, str(dest), "")
    finally:
        os.close(fd)
    return {item["berkas"]: item["alasan"] for item in copy.refused}


@pytest.fixture()
def submission(tmp_path):
    src = tmp_path / "inbound" / "peserta+tugas1+2027-01-05 10:00:00.000000 UTC+abc"
    (src / "data").mkdir(parents=True)
    (src / "tugas1.ipynb").write_text('{"cells": []}', encoding="utf-8")
    (src / "submission_secret.txt").write_text("rahasia", encoding="utf-8")
    (src / "timestamp.txt").write_text("2000-01-01 00:00:00.000000 UTC", encoding="utf-8")
    (src / "data" / "tabel.csv").write_text("a,b\n", encoding="utf-8")
    (src / ".ipynb_checkpoints").mkdir()
    return src


def test_an_honest_submission_is_copied_but_not_its_timestamp(submission, tmp_path):
    dest = tmp_path / "submitted"
    assert _copy(submission, dest) == {}
    assert sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*")) == [
        "data", "data/tabel.csv", "submission_secret.txt", "tugas1.ipynb"]


def test_links_special_files_and_hard_links_are_refused(submission, tmp_path):
    secret = tmp_path / "source_instruktur.ipynb"
    secret.write_text('{"cells": ["kunci jawaban"]}', encoding="utf-8")
    (submission / "tugas1.ipynb").unlink()
    (submission / "tugas1.ipynb").symlink_to(secret)
    (submission / "nol").symlink_to("/dev/zero")
    (submission / "folder_lain").symlink_to(tmp_path)
    os.mkfifo(submission / "pipa")
    os.link(secret, submission / "salinan.ipynb")
    dest = tmp_path / "submitted"
    refused = _copy(submission, dest)  # returns: neither /dev/zero nor the FIFO is read
    assert refused == {"tugas1.ipynb": "tautan simbolik", "nol": "tautan simbolik", "folder_lain": "tautan simbolik",
                       "pipa": "berkas khusus (FIFO, soket, atau perangkat)", "salinan.ipynb": "tautan keras (hard link)"}
    assert not (dest / "tugas1.ipynb").exists() and not (dest / "salinan.ipynb").exists()
    assert "kunci jawaban" not in "".join(p.read_text(errors="replace") for p in dest.rglob("*") if p.is_file())


def test_size_limits_hold(submission, tmp_path):
    (submission / "besar.bin").write_bytes(b"x" * 5000)
    refused = _copy(submission, tmp_path / "submitted", max_file=4000)
    assert refused == {"besar.bin": "terlalu besar"}
    refused = _copy(submission, tmp_path / "submitted2", max_total=5000)
    assert "besar.bin" in refused or "tugas1.ipynb" in refused


def test_the_time_is_the_kernels_not_the_trainees(submission):
    before = time.time()
    time.sleep(0.05)
    # A trainee edits the notebook after submitting and sets every date they can back to 2000.
    notebook = submission / "tugas1.ipynb"
    notebook.write_text('{"cells": ["diubah"]}', encoding="utf-8")
    old = time.mktime((2000, 1, 1, 0, 0, 0, 0, 0, 0))
    for path in [notebook, submission / "timestamp.txt", submission]:
        os.utime(path, (old, old))
    assert os.stat(notebook).st_mtime < before  # the modification time lies ...
    assert kelas_exchange.last_change(submission) >= before  # ... the change time does not
