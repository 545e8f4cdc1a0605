"""Assemble the in-page practice space of the built book: ``book/_web/kelas-web/`` (copied to the site root as
``kelas-web/`` by Sphinx's ``html_extra_path``; NOT ``_static/``, whose scripts Jupyter Book adds to every page).

    .venv/bin/python scripts/build_web.py            # called by scripts/build_book.sh before jupyter-book

What goes in (nothing is fetched from the internet here or when a page runs):

- ``pyodide/``: the Pyodide runtime, core files only, from the pinned npm package (``tools/book-js``);
- ``wheels/``: pure-Python wheels of mistune and PySastrawi at the versions pinned in ``requirements.txt``
  (fetched by ``scripts/setup.sh`` into ``.venv/web-wheels/``, or built here from the installed packages), and
  the engine itself as a wheel holding ONLY ``autograders/__init__.py`` and ``autograders/engine/**``;
- ``bytecode/``: the same modules compiled once by Pyodide's own Python (``book/_web_src/precompile.mjs``, run
  with Node): the standard-library zip with ``.pyc`` files added for the modules the engine uses, and the wheels'
  ``__pycache__``, so a page starts without compiling Python source;
- ``worker.js``: the Web Worker that runs the engine (``book/_web_src/kelas-worker.js``);
- ``exercises/<assignment>.json``: per graded exercise, the rubric data as the server resolves it
  (``read_rubric_data`` + ``resolve_figures``), the RELEASE notebook made by ``nbgrader generate_assignment``, and
  the form the page draws from that notebook (task texts rendered, answer cells, where feedback goes);
- ``dashboard.json``: the monitoring dashboard over the course data, drawn at each threshold the tool offers;
- ``manifest.json``: versions and file names the worker loads.
"""
from __future__ import annotations

import argparse
import base64
import csv
import hashlib
import importlib.metadata as metadata
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "exercises"))

OUT = ROOT / "book" / "_web" / "kelas-web"
CACHE = ROOT / "_build" / "kelas-web-cache"
PYODIDE_DIR = ROOT / "tools" / "book-js" / "node_modules" / "pyodide"
PYODIDE_CORE = ("pyodide.mjs", "pyodide.js", "pyodide.asm.mjs", "pyodide.asm.js", "pyodide.asm.wasm",
                "python_stdlib.zip", "pyodide-lock.json")
WEB_WHEELS = ROOT / ".venv" / "web-wheels"
DEPENDENCIES = ("mistune", "PySastrawi")
ENGINE_DIST = "kelas_humas_engine"
COURSE = ROOT / "exercises"


class BuildError(RuntimeError):
    pass


# ------------------------------------------------------------------------------------------------ runtime
def copy_pyodide(out: Path) -> str:
    package = json.loads((PYODIDE_DIR / "package.json").read_text(encoding="utf-8")) if PYODIDE_DIR.is_dir() else None
    if package is None:
        raise BuildError("Paket npm pyodide belum terpasang: jalankan npm ci --prefix tools/book-js.")
    target = out / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_CORE:
        if (PYODIDE_DIR / name).is_file():
            shutil.copy2(PYODIDE_DIR / name, target / name)
    for needed in ("pyodide.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        if not (target / needed).is_file():
            raise BuildError(f"Berkas Pyodide {needed} tidak ada di tools/book-js/node_modules/pyodide.")
    return package["version"]


def pinned(name: str) -> str:
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(rf"^{re.escape(name)}==([^\s#]+)", line.strip(), re.IGNORECASE)
        if match:
            return match.group(1)
    raise BuildError(f"{name} tidak dipatok di requirements.txt.")


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"{name},sha256={digest},{len(data)}"


def write_wheel(path: Path, dist: str, version: str, files: list[tuple[str, bytes]], summary: str) -> None:
    """A minimal, valid pure-Python wheel (deterministic: fixed timestamps, sorted entries)."""
    info = f"{dist}-{version}.dist-info"
    meta = f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\nSummary: {summary}\n".encode()
    wheel = b"Wheel-Version: 1.0\nGenerator: kelas-humas build_web\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    entries = sorted(files) + [(f"{info}/METADATA", meta), (f"{info}/WHEEL", wheel)]
    record = "\n".join(_record_line(n, d) for n, d in entries) + f"\n{info}/RECORD,,\n"
    entries.append((f"{info}/RECORD", record.encode()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            item = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            item.compress_type = zipfile.ZIP_DEFLATED
            item.external_attr = 0o644 << 16
            archive.writestr(item, data)


def dependency_wheel(name: str, target: Path) -> str:
    """The pinned wheel of ``name`` from ``.venv/web-wheels`` or, offline, rebuilt from the installed package."""
    version = pinned(name)
    for wheel in sorted(WEB_WHEELS.glob("*.whl")) if WEB_WHEELS.is_dir() else []:
        dist, wheel_version = wheel.name.split("-")[:2]
        if dist.lower().replace("_", "-") == name.lower() and wheel_version == version and "-none-any" in wheel.name:
            shutil.copy2(wheel, target / wheel.name)
            return wheel.name
    dist = metadata.distribution(name)
    if dist.version != version:
        raise BuildError(f"{name} {dist.version} terpasang, tetapi requirements.txt mematok {version}: jalankan setup.")
    files = []
    for item in dist.files or []:
        posix = item.as_posix()
        if posix.startswith("..") or "__pycache__" in posix or ".dist-info/" in posix or posix.endswith(".pyc"):
            continue
        files.append((posix, Path(item.locate()).read_bytes()))
    filename = f"{name.lower()}-{version}-py3-none-any.whl"
    write_wheel(target / filename, name, version, files, f"{name} (rebuilt from the installed package)")
    return filename


def engine_wheel(target: Path) -> tuple[str, str]:
    """The engine as a wheel: ``autograders/__init__.py`` and ``autograders/engine/**`` (data files included)."""
    from autograders import __version__

    package = ROOT / "autograders"
    files = [("autograders/__init__.py", (package / "__init__.py").read_bytes())]
    for path in sorted((package / "engine").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            files.append((path.relative_to(ROOT).as_posix(), path.read_bytes()))
    digest = hashlib.sha256(b"".join(n.encode() + d for n, d in files)).hexdigest()[:12]
    filename = f"{ENGINE_DIST}-{__version__}-py3-none-any.whl"
    write_wheel(target / filename, ENGINE_DIST, __version__, files, "Kelas Humas Digital engine (browser part)")
    return filename, digest


def precompile(out: Path, pyodide_version: str) -> dict[str, str]:
    """Bytecode for the modules the page imports, compiled by Pyodide's own Python in Node (see
    ``book/_web_src/precompile.mjs``): the page then starts without compiling any Python source. Cached on the
    wheels, the runtime and the script."""
    script = ROOT / "book" / "_web_src" / "precompile.mjs"
    digest = hashlib.sha256(pyodide_version.encode() + script.read_bytes())
    for wheel in sorted((out / "wheels").iterdir()):
        digest.update(wheel.name.encode() + wheel.read_bytes())
    cached = CACHE / f"bytecode-{digest.hexdigest()[:16]}"
    if not (cached / "site-packages.zip").is_file():
        node = shutil.which("node")
        if node is None:
            raise BuildError("Node tidak ditemukan: diperlukan untuk menyiapkan Python di halaman (jalankan .ci/run).")
        for old in CACHE.glob("bytecode-*"):
            shutil.rmtree(old, ignore_errors=True)
        tmp = cached.with_name(cached.name + ".tmp")
        done = subprocess.run([node, str(script), str(out / "pyodide"), str(out / "wheels"), str(tmp)],
                              capture_output=True, text=True, timeout=900)
        if done.returncode != 0 or not (tmp / "site-packages.zip").is_file():
            raise BuildError("Kompilasi bytecode untuk halaman gagal:\n" + done.stdout[-2000:] + done.stderr[-2000:])
        tmp.rename(cached)
    target = out / "bytecode"
    target.mkdir(parents=True, exist_ok=True)
    for name in ("python_stdlib.zip", "site-packages.zip"):
        shutil.copy2(cached / name, target / name)
    return {"stdlib": "bytecode/python_stdlib.zip", "bytecode": "bytecode/site-packages.zip"}


# ------------------------------------------------------------------------------------------------ exercises
def _course_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted((COURSE / "source").rglob("*")) + [COURSE / "nbgrader_config.py"]:
        if path.is_file() and ".ipynb_checkpoints" not in path.parts:
            digest.update(path.relative_to(COURSE).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(metadata.version("nbgrader").encode())
    return digest.hexdigest()[:16]


def release_notebooks() -> Path:
    """``release/`` of the course as ``nbgrader generate_assignment`` writes it (cached on the course's content)."""
    cached = CACHE / f"release-{_course_digest()}"
    if (cached / ".done").is_file():
        return cached
    env = dict(os.environ)
    env["PATH"] = f"{ROOT / '.venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = str(ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        course = Path(tmp) / "course"
        course.mkdir()
        shutil.copytree(COURSE / "source", course / "source")
        shutil.copytree(COURSE / "templates", course / "templates")
        shutil.copy(COURSE / "nbgrader_config.py", course / "nbgrader_config.py")
        done = subprocess.run([str(ROOT / ".venv" / "bin" / "nbgrader"), "generate_assignment", "*", "--force"],
                              cwd=course, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise BuildError("nbgrader generate_assignment gagal:\n" + done.stdout[-2000:] + done.stderr[-2000:])
        if cached.exists():
            shutil.rmtree(cached)
        cached.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(course / "release", cached)
    for old in CACHE.glob("release-*"):
        if old != cached:
            shutil.rmtree(old, ignore_errors=True)
    (cached / ".done").write_text("ok\n")
    return cached


def _markdown():
    from markdown_it import MarkdownIt

    # Raw HTML in a cell is shown as text; addresses written out become links (as in the chapters).
    return MarkdownIt("commonmark", {"html": False, "linkify": True}).enable(["table", "linkify"])


def _code_output(code: str) -> str:
    """What a locked code cell of the release prints, computed now (the page has no pandas to run it)."""
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")}
    env.update(PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", MPLBACKEND="Agg")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise BuildError("Sel kode notebook latihan gagal dijalankan saat membangun buku:\n" + done.stderr[-2000:])
    return done.stdout


def form_cells(release: dict, rubric, how_to: str) -> list[dict]:
    """The page form of a release notebook, cell by cell: texts (Markdown rendered, raw HTML shown as text),
    the locked code cells with what they print, one text area per answer cell, and where each task's points
    and feedback go (its test cell)."""
    from autograders.engine.scoring.notebook import grade_id, is_answer_cell, meta, source

    md = _markdown()
    by_answer = {t.answer: t for t in rubric.tasks}
    by_test = {t.test_cell: t for t in rubric.tasks}
    cells = []
    for cell in release.get("cells", []):
        gid = grade_id(cell) or ""
        text = source(cell)
        if is_answer_cell(cell):
            task = by_answer.get(gid)
            cells.append({"type": "answer", "grade_id": gid, "task": task.id if task else None,
                          "title": task.title if task else gid,
                          "manual_points": float(meta(cell).get("points", 0) or 0)})
        elif gid in by_test:
            task = by_test[gid]
            cells.append({"type": "check", "task": task.id, "answer": task.answer, "title": task.title,
                          "max_points": task.max_points})
        elif cell.get("cell_type") == "markdown":
            if how_to:
                text = text.replace(how_to, "")
            # The form sits inside a chapter: the notebook's headings go two levels down (h1 -> h3).
            html = re.sub(r"<(/?)h([1-4])>", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 2}>", md.render(text))
            cells.append({"type": "text", "html": html})
        elif cell.get("cell_type") == "code" and text.strip():
            cells.append({"type": "code", "source": text, "output": _code_output(text)})
    return cells


def build_exercises(out: Path) -> list[dict]:
    from autograders.engine.scoring.rubric import parse_rubric
    from autograders.grading.rubric_file import read_rubric_data, resolve_figures

    try:
        from build_notebooks import HOW_TO
    except ImportError:
        HOW_TO = ""
    release_root = release_notebooks()
    target = out / "exercises"
    target.mkdir(parents=True, exist_ok=True)
    index = []
    for rubric_path in sorted((COURSE / "source").glob("*/rubrik.yml")):
        data, sha256 = read_rubric_data(rubric_path)
        data = resolve_figures(data)
        rubric = parse_rubric(data, sha256)
        release_path = release_root / rubric.assignment / rubric.notebook
        if not release_path.is_file():
            raise BuildError(f"Versi peserta {rubric.assignment}/{rubric.notebook} tidak dibuat oleh nbgrader.")
        release = json.loads(release_path.read_text(encoding="utf-8"))
        exercise = {
            "assignment": rubric.assignment, "notebook": rubric.notebook,
            "title": str(data.get("title") or rubric.assignment), "max_points": rubric.max_points,
            "rubric": data, "rubric_sha256": sha256, "release": release,
            "form": form_cells(release, rubric, HOW_TO),
        }
        (target / f"{rubric.assignment}.json").write_text(json.dumps(exercise, ensure_ascii=False), encoding="utf-8")
        index.append({"assignment": rubric.assignment, "title": exercise["title"], "notebook": rubric.notebook,
                      "max_points": rubric.max_points})
    (target / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1), encoding="utf-8")
    return index


def build_dashboard(out: Path) -> None:
    from autograders.monitoring.dashboard import DEFAULT_K, course_dashboards, k_text

    views = course_dashboards()
    (out / "dashboard.json").write_text(json.dumps({"default": k_text(DEFAULT_K), "views": views},
                                                   ensure_ascii=False), encoding="utf-8")


# ------------------------------------------------------------------------------------------------ main
def build(out: Path = OUT) -> dict:
    if out.exists():
        shutil.rmtree(out)
    (out / "wheels").mkdir(parents=True)
    pyodide_version = copy_pyodide(out)
    wheels = [dependency_wheel(name, out / "wheels") for name in DEPENDENCIES]
    engine, engine_digest = engine_wheel(out / "wheels")
    compiled = precompile(out, pyodide_version)
    shutil.copy2(ROOT / "book" / "_web_src" / "kelas-worker.js", out / "worker.js")
    exercises = build_exercises(out)
    build_dashboard(out)
    manifest = {"version": 1, "pyodide": pyodide_version, "wheels": wheels + [engine], "engine": engine_digest,
                **compiled, "exercises": [e["assignment"] for e in exercises]}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Menyiapkan alat langsung dan latihan di halaman buku (Pyodide).")
    parser.add_argument("--out", default=str(OUT), help="folder keluaran (bawaan: book/_web/kelas-web)")
    args = parser.parse_args(argv)
    try:
        manifest = build(Path(args.out))
    except BuildError as error:
        print(f"Kesalahan: {error}", file=sys.stderr)
        return 2
    print(f"kelas-web: Pyodide {manifest['pyodide']}, {len(manifest['wheels'])} roda, "
          f"{len(manifest['exercises'])} latihan")
    return 0


if __name__ == "__main__":
    sys.exit(main())
