"""The engine (``autograders.engine``) runs in the reader's browser (Pyodide), so it may import only the standard
library and pure-Python packages that are shipped with it, never anything compiled and never the server part
(grading, monitoring, widgets). A fresh interpreter imports every engine module, analyses drafts of every kind
and scores every exercise, then reports which modules were loaded from where."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Pure-Python distributions the browser build ships beside the engine (see scripts/build_web.py).
ALLOWED_THIRD_PARTY = {"mistune", "Sastrawi"}

PROBE = r"""
import sys
before = set(sys.modules)  # what the interpreter and its .pth files loaded at start-up
import importlib, json, pkgutil, sysconfig
from pathlib import Path
sys.path.insert(0, sys.argv[1])
rubrics = json.loads(sys.stdin.read())
import autograders.engine as engine
for info in pkgutil.walk_packages(engine.__path__, "autograders.engine."):
    importlib.import_module(info.name)
from autograders import analyze
from autograders.engine.scoring.rubric import parse_rubric, score_rubric
text = "# Judul\n\nWarga dapat mengurus KTP di Mal Pelayanan Publik mulai 1 Januari 2027. Bawa KK asli."
for kind, platform in (("article", ""), ("press_release", ""), ("social_post", "x"), ("social_post", "instagram")):
    for lang in ("id", "en"):
        analyze(text, lang=lang, kind=kind, platform=platform, keyphrase="mal pelayanan publik").to_dict()
for data in rubrics:
    rubric = parse_rubric(data)
    score_rubric(rubric, {cell: text for task in rubric.tasks for cell in task.answer_cells})
stdlib = {Path(sysconfig.get_paths()[k]).resolve() for k in ("stdlib", "platstdlib")}
out = {}
for name, module in list(sys.modules.items()):
    if name in before:
        continue
    file = getattr(module, "__file__", None)
    if file:
        out[name] = str(Path(file).resolve())
print(json.dumps({"modules": out, "stdlib": [str(p) for p in stdlib], "builtins": list(sys.builtin_module_names)}))
"""


def _loaded() -> dict:
    from autograders.grading.rubric_file import read_rubric_data, resolve_figures

    rubrics = [resolve_figures(read_rubric_data(p)[0]) for p in sorted((REPO / "exercises" / "source").glob("*/rubrik.yml"))]
    done = subprocess.run([sys.executable, "-I", "-c", PROBE, str(REPO)], input=json.dumps(rubrics), text=True,
                          capture_output=True, check=True)
    return json.loads(done.stdout)


def test_engine_imports_nothing_compiled_and_nothing_from_the_server():
    probe = _loaded()
    stdlib = [Path(p) for p in probe["stdlib"]]
    package = (REPO / "autograders").resolve()
    problems = []
    for name, file in sorted(probe["modules"].items()):
        path = Path(file)
        if path.is_relative_to(package):
            if not (name == "autograders" or name.startswith("autograders.engine")):
                problems.append(f"{name}: the engine imported the server part")
            continue
        in_stdlib = any(path.is_relative_to(s) for s in stdlib) and "site-packages" not in path.parts
        if in_stdlib:
            continue
        top = name.split(".")[0]
        if top not in ALLOWED_THIRD_PARTY:
            problems.append(f"{name}: third-party package not shipped to the browser ({path})")
        elif path.suffix != ".py":
            problems.append(f"{name}: compiled module {path.name}")
    assert not problems, "\n".join(problems)
    assert "mistune" in {n.split(".")[0] for n in probe["modules"]}  # the probe did run the engine


def test_every_rubric_scores_without_the_server():
    probe = _loaded()
    assert "autograders.engine.scoring.rubric" in probe["modules"]
    assert not any(n.startswith(("pandas", "numpy", "yaml", "regex", "autograders.grading")) for n in probe["modules"])
