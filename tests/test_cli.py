"""The command line, run as trainees run it: ``python -m autograders analyze PATH|- ...`` in a subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from autograders import analyze

from enginekit import GOLDEN_DIR, REPO_ROOT

DRAFT = GOLDEN_DIR / "id_blog_mal_pelayanan.md"
PAPER = ["--keyphrase", "mal pelayanan publik", "--slug", "mal-pelayanan-publik-sukamaju",
         "--url", "https://sukamajukab.go.id/berita/mal-pelayanan-publik-sukamaju"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), PYTHONWARNINGS="default")
    env.pop("PYTHONIOENCODING", None)
    return subprocess.run([sys.executable, "-m", "autograders", *args], input=stdin, capture_output=True,
                          cwd=REPO_ROOT, env=env, timeout=120)


def _json(result: subprocess.CompletedProcess) -> dict:
    return json.loads(result.stdout.decode("utf-8"))


# ---------------------------------------------------------------------------- normal runs
def test_text_report_in_indonesian_worst_first():
    result = run("analyze", str(DRAFT), *PAPER)
    assert result.returncode == 0
    assert result.stderr == b""
    out = result.stdout.decode("utf-8")
    assert out.startswith("Laporan pemeriksaan draf")
    assert "Keterbacaan" in out and "SEO" in out
    bad = analyze((GOLDEN_DIR / "id_pengumuman_birokratis.md").read_text(encoding="utf-8"), lang="id")
    worst = run("analyze", str(GOLDEN_DIR / "id_pengumuman_birokratis.md"), "--lang", "id").stdout.decode("utf-8")
    assert worst.index("Perlu diperbaiki:") < worst.index("Sudah baik:")
    assert any(c.rating == "bad" for s in bad.sections for c in s.checks)


def test_json_report_equals_the_python_api(assert_contract):
    result = run("analyze", str(DRAFT), *PAPER, "--format", "json")
    assert result.returncode == 0 and result.stderr == b""
    data = _json(result)
    report = analyze(DRAFT.read_text(encoding="utf-8"), keyphrase="mal pelayanan publik",
                     slug="mal-pelayanan-publik-sukamaju",
                     url="https://sukamajukab.go.id/berita/mal-pelayanan-publik-sukamaju")
    assert data == json.loads(json.dumps(report.to_dict()))
    assert_contract(data, len(report.document.text))


def test_stdin_dash_reads_the_draft():
    from_file = _json(run("analyze", str(DRAFT), *PAPER, "--format", "json"))
    from_stdin = run("analyze", "-", *PAPER, "--format", "json", stdin=DRAFT.read_bytes())
    assert from_stdin.returncode == 0 and from_stdin.stderr == b""
    assert _json(from_stdin) == from_file


def test_every_option_is_passed_through():
    draft = GOLDEN_DIR / "en_news_flood.md"
    meta = json.loads(draft.with_suffix(".json").read_text(encoding="utf-8"))
    result = run("analyze", str(draft), "--lang", "en", "--keyphrase", meta["keyphrase"], "--title", "Flood warning",
                 "--description", meta["description"], "--slug", meta["slug"], "--url", meta["url"], "--format", "json")
    assert result.returncode == 0
    expected = analyze(draft.read_text(encoding="utf-8"), lang="en", keyphrase=meta["keyphrase"], title="Flood warning",
                       description=meta["description"], slug=meta["slug"], url=meta["url"]).to_dict()
    assert _json(result) == json.loads(json.dumps(expected))
    assert _json(result)["lang"] == "en"


def test_feedback_lang_en():
    indonesian = _json(run("analyze", str(DRAFT), *PAPER, "--format", "json"))
    english_run = run("analyze", str(DRAFT), *PAPER, "--format", "json", "--feedback-lang", "en")
    assert english_run.returncode == 0 and english_run.stderr == b""
    english = _json(english_run)
    id_messages = [c["message"] for s in ("readability", "seo") for c in indonesian[s]["checks"]]
    en_messages = [c["message"] for s in ("readability", "seo") for c in english[s]["checks"]]
    assert all(m.strip() for m in en_messages)
    assert all(a != b for a, b in zip(id_messages, en_messages))
    text = run("analyze", str(DRAFT), *PAPER, "--feedback-lang", "en").stdout.decode("utf-8")
    assert text.startswith("Draft check report")
    assert "Laporan" not in text


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf" + DRAFT.read_bytes(),
    DRAFT.read_text(encoding="utf-8").encode("utf-16"),
    DRAFT.read_text(encoding="utf-8").encode("utf-16-be").join([b"\xfe\xff", b""]),
], ids=["utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"])
def test_bom_and_utf16_are_accepted(tmp_path, data):
    path = tmp_path / "draf.md"
    path.write_bytes(data)
    result = run("analyze", str(path), *PAPER, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert _json(result) == _json(run("analyze", str(DRAFT), *PAPER, "--format", "json"))


def test_help_is_in_indonesian():
    for args in (("--help",), ("analyze", "--help")):
        result = run(*args)
        assert result.returncode == 0
        out = result.stdout.decode("utf-8")
        assert "tampilkan bantuan ini lalu keluar" in out
        for english in ("show this help message", "positional arguments", "options:", "usage:"):
            assert english not in out, (args, english)
    analyze_help = run("analyze", "--help").stdout.decode("utf-8")
    assert "frasa kunci" in analyze_help and "deskripsi meta" in analyze_help


# ---------------------------------------------------------------------------- unreadable input: exit 2, one line
def _assert_one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2
    assert result.stdout == b""
    err = result.stderr.decode("utf-8")
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    assert err.startswith("Kesalahan:")
    return err


def test_missing_file(tmp_path):
    err = _assert_one_line_error(run("analyze", str(tmp_path / "tidak-ada.md")))
    assert "tidak ditemukan" in err


def test_directory(tmp_path):
    err = _assert_one_line_error(run("analyze", str(tmp_path)))
    assert "folder" in err


def test_latin1_text_is_refused(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Kafe di Sukamaju menjual crème brûlée dan kopi. Harga mulai Rp15.000.".encode("latin-1"))
    err = _assert_one_line_error(run("analyze", str(path)))
    assert "UTF-8" in err


def test_binary_with_nul_is_refused(tmp_path):
    path = tmp_path / "gambar.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    err = _assert_one_line_error(run("analyze", str(path)))
    assert "biner" in err


def test_undecodable_stdin_is_refused():
    _assert_one_line_error(run("analyze", "-", stdin=b"Warga \xc3\x28 datang lagi."))


def test_empty_draft_is_analysed_not_refused(tmp_path):
    path = tmp_path / "kosong.md"
    path.write_bytes(b"")
    result = run("analyze", str(path), "--format", "json")
    assert result.returncode == 0 and result.stderr == b""
    assert _json(result)["stats"]["words"] == 0


def test_a_number_of_more_than_4300_digits_is_analysed(tmp_path):
    path = tmp_path / "angka.md"
    path.write_text("Nomor registrasi " + "9" * 5000 + " dan desimal 1," + "5" * 5000 + " dicatat.", encoding="utf-8")
    result = run("analyze", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    assert _json(result)["stats"]["words"] == 7  # each number is one word
