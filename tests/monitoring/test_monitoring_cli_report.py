"""CLI contract, exit codes, and the self-contained escaped Indonesian HTML report."""
import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from autograders import monitoring as mon
from autograders.monitoring.cli import add_arguments, run
from autograders.monitoring.dates import tanggal, waktu

ROOT = Path(__file__).resolve().parents[2]
ARGS = ["--brand", "Sukamaju=Sukamaju,@pemkabsukamaju", "--peer", "Mekarsari=Mekarsari,@pemkabmekarsari"]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "autograders.monitoring", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def parse(argv):
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(argv)


def test_json_contract(capsys):
    assert run(parse([str(mon.SAMPLE_PATH), *ARGS])) == 0
    out = json.loads(capsys.readouterr().out)
    for key in ("rows", "mentions", "share_of_voice", "daily", "engagement", "sentiment", "spikes"):
        assert key in out
    assert set(out["mentions"]) == {"Sukamaju", "Mekarsari"}
    assert set(out["engagement"]["Sukamaju"]) >= {"total", "rate"}
    assert set(out["sentiment"]["Sukamaju"]) >= {"positive", "negative", "neutral", "net"}
    for s in out["spikes"]:
        assert set(s) >= {"brand", "date", "volume", "z", "top_terms"}


def test_module_entry_point_html_to_file(tmp_path):
    out = tmp_path / "laporan.html"
    r = cli(mon.SAMPLE_PATH, *ARGS, "--format", "html", "--out", out)
    assert r.returncode == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'lang="id"' in html
    assert re.search(r"https?://|(?:src|href)=\"(?!data:)", html) is None  # no external URL at all
    assert "<script" not in html and "<link" not in html
    assert html.count("data:image/png;base64,") == 4
    assert "3 Desember 2026" in html                                # Indonesian end date of the sample


@pytest.mark.parametrize("args,needle", [
    (["tidak-ada.csv", *ARGS], "tidak ditemukan"),
    ([str(mon.SAMPLE_PATH), "--brand", "tanpa-sama-dengan"], "NAMA=istilah1"),
    ([str(mon.SAMPLE_PATH)], "wajib"),
])
def test_bad_input_exits_2_with_one_indonesian_line(args, needle):
    r = cli(*args)
    assert r.returncode == 2
    assert needle in r.stderr and "Traceback" not in r.stderr
    assert len([line for line in r.stderr.splitlines() if line.startswith("Kesalahan")]) == 1


def test_unreadable_csv_exits_2(tmp_path):
    p = tmp_path / "rusak.csv"
    p.write_text("timestamp,text\nkemarin,Sukamaju\n", encoding="utf-8")
    r = cli(p, *ARGS)
    assert r.returncode == 2 and "baris 2" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_report_escapes_trainee_text(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("timestamp,author,text,followers\n"
                 "2026-12-02T10:00:00+07:00,<img src=x onerror=alert(1)>,Sukamaju <b>bagus</b>,10\n",
                 encoding="utf-8")
    df = mon.load_mentions(p)
    html = mon.render_html_report(mon.monitor(df, {"<i>Suka</i>": ["Sukamaju"]}), df)
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<i>Suka</i>" not in html and "&lt;i&gt;Suka&lt;/i&gt;" in html


def test_indonesian_dates():
    assert tanggal("2026-12-02") == "2 Desember 2026"
    assert tanggal("2027-01-31") == "31 Januari 2027"
    assert waktu("2026-12-02T14:05:00+07:00") == "Rabu, 2 Desember 2026 pukul 14.05 WIB"


def test_indonesian_number_format():
    from autograders.monitoring.report_html import angka
    assert angka(12345.678, 2) == "12.345,68"
    assert angka(1000000) == "1.000.000"
    assert angka(None) == "–"
