"""The pieces scripts/build_web.py ships to the browser: the engine wheel holds the engine and nothing of the
server, the dependency wheels are the pinned versions (rebuilt from the installed packages when the downloaded
ones are missing), and the exercise form is generic over the release notebook's cells."""
from __future__ import annotations

import importlib.util
import json
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("build_web", REPO / "scripts" / "build_web.py")
build_web = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_web)


def test_engine_wheel_holds_only_the_engine(tmp_path):
    name, _digest = build_web.engine_wheel(tmp_path)
    with zipfile.ZipFile(tmp_path / name) as wheel:
        names = wheel.namelist()
        record = wheel.read(f"{build_web.ENGINE_DIST}-{name.split('-')[1]}.dist-info/RECORD").decode()
    code = [n for n in names if ".dist-info/" not in n]
    assert "autograders/__init__.py" in code and "autograders/engine/web_api.py" in code
    assert all(n == "autograders/__init__.py" or n.startswith("autograders/engine/") for n in code), code
    assert not [n for n in code if "__pycache__" in n or n.endswith(".pyc")]
    assert "autograders/engine/languages/id/settings.json" in code  # data files travel with it
    assert "autograders/engine/present/messages/id/core.json" in code
    assert all(n in record for n in code)


def test_dependency_wheels_are_the_pinned_versions_even_offline(tmp_path, monkeypatch):
    monkeypatch.setattr(build_web, "WEB_WHEELS", tmp_path / "none")  # nothing downloaded: rebuilt from the venv
    out = tmp_path / "out"
    out.mkdir()
    for dist, top in (("mistune", "mistune/__init__.py"), ("PySastrawi", "Sastrawi/__init__.py")):
        name = build_web.dependency_wheel(dist, out)
        assert name.split("-")[1] == build_web.pinned(dist)
        with zipfile.ZipFile(out / name) as wheel:
            assert top in wheel.namelist()
            assert not [n for n in wheel.namelist() if n.endswith((".pyc", ".so")) or n.startswith("..")]


def test_form_follows_the_release_notebook_cells():
    from autograders.engine.scoring.rubric import parse_rubric

    rubric = parse_rubric({"assignment": "uji", "tasks": [
        {"id": "a", "title": "Tugas A", "answer": "jawab_a", "criteria": [{"id": "k", "type": "stat", "points": 2}]},
        {"id": "b", "title": "Tugas B", "answer": "jawab_b", "criteria": [{"id": "k", "type": "stat", "points": 1}]}]})
    nb_meta = lambda gid, **kw: {"nbgrader": {"grade_id": gid, "grade": False, "solution": False, "locked": False, **kw}}  # noqa: E731
    release = {"cells": [
        {"cell_type": "markdown", "source": "# Judul\n\n<script>x()</script> *miring*", "metadata": nb_meta("intro", locked=True)},
        {"cell_type": "markdown", "source": "JAWABAN ANDA", "metadata": nb_meta("jawab_b", solution=True, grade=True, points=1)},
        {"cell_type": "code", "source": "# uji", "metadata": nb_meta("uji_b", grade=True, locked=True, points=1)},
        {"cell_type": "code", "source": "print(6 * 7)", "metadata": nb_meta("data", locked=True)},
        {"cell_type": "markdown", "source": "JAWABAN ANDA", "metadata": nb_meta("jawab_a", solution=True, grade=True)},
        {"cell_type": "code", "source": "# uji", "metadata": nb_meta("uji_a", grade=True, locked=True, points=2)},
    ]}
    form = build_web.form_cells(release, rubric, "")
    assert [c["type"] for c in form] == ["text", "answer", "check", "code", "answer", "check"]
    assert "<script>" not in form[0]["html"] and "&lt;script&gt;" in form[0]["html"] and "<em>miring</em>" in form[0]["html"]
    assert "<h3>Judul</h3>" in form[0]["html"]  # inside a chapter, below its own headings
    assert form[1] == {"type": "answer", "grade_id": "jawab_b", "task": "b", "title": "Tugas B", "manual_points": 1.0}
    assert form[2]["task"] == "b" and form[2]["answer"] == "jawab_b" and form[2]["max_points"] == 1
    assert form[3]["output"] == "42\n"
    assert form[5]["answer"] == "jawab_a" and form[5]["max_points"] == 2
    json.dumps(form)
