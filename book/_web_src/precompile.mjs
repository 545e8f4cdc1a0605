// Build step (run by scripts/build_web.py with Node): compile to bytecode, once, with the very Python the page
// runs (Pyodide), the modules the in-page engine imports, so that no page compiles Python source when it starts.
//
//   node precompile.mjs PYODIDE_DIR WHEELS_DIR OUT_DIR
//
// Writes OUT_DIR/python_stdlib.zip (Pyodide's standard library zip with .pyc files added beside the sources of
// the modules the engine uses; the sources stay) and OUT_DIR/site-packages.zip (__pycache__/*.pyc of the engine,
// mistune and Sastrawi, to unpack over the wheels). The .pyc files are "unchecked hash" bytecode (PEP 552): made
// from exactly the sources shipped beside them, used without comparing timestamps.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, wheelsDir, outDir] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, packages: [] });
const site = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
for (const name of fs.readdirSync(wheelsDir).sort()) {
  pyodide.unpackArchive(new Uint8Array(fs.readFileSync(path.join(wheelsDir, name))), "wheel", { extractDir: site });
}
pyodide.runPython(`
import importlib.util, importlib._bootstrap_external as bootstrap, json, os, sys, zipfile

def bytecode(source, filename):
    code = compile(source, filename, "exec", dont_inherit=True)
    return bytes(bootstrap._code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))

# What the page does: start, analyse every kind in both languages, draw every tool, score and write a notebook.
from autograders.engine.web_api import Session
from autograders.engine.scoring.rubric import parse_rubric
session = Session()
text = "# Layanan KTP\\n\\nWarga dapat mengurus KTP di kantor kecamatan. Layanan ini gratis. https://x.go.id #KTP"
for lang in ("id", "en"):
    for kind, platform in (("article", ""), ("press_release", ""), ("social_post", "x")):
        session.call(json.dumps({"op": "analyze", "args": {"text": text, "options": {"lang": lang, "kind": kind, "platform": platform, "feedback_lang": lang}}}))
for name in ("draft_checker", "serp_preview", "post_composer", "x_thread", "press_release_checker"):
    session.call(json.dumps({"op": "tool", "args": {"name": name, "inputs": {"text": text}}}))
release = {"cells": [{"cell_type": "markdown", "id": "a", "source": "x", "metadata": {"nbgrader": {"grade_id": "jawab", "solution": True, "grade": True, "points": 1}}}], "metadata": {}}
rubric = {"assignment": "uji", "tasks": [{"id": "t", "answer": "jawab", "criteria": [
    {"id": "a", "type": "check", "section": "seo", "check": "keyphrase_length", "points": 1},
    {"id": "b", "type": "contains", "any_of": ["warga"], "points": 1}, {"id": "c", "type": "plain", "points": 1},
    {"id": "d", "type": "figures", "values": {"x": 1.5, "y": "2026-11-16"}, "figures": [{"fact": "x"}, {"fact": "y"}], "points": 1}]}]}
session.call(json.dumps({"op": "load_exercise", "args": {"assignment": "uji", "exercise": {"assignment": "uji", "rubric": rubric, "release": release}}}))
session.call(json.dumps({"op": "score", "args": {"assignment": "uji", "answers": {"jawab": text}}}))
session.call(json.dumps({"op": "answer_stats", "args": {"assignment": "uji", "answer": "jawab", "text": text}}))
session.call(json.dumps({"op": "notebook", "args": {"assignment": "uji", "answers": {"jawab": text}, "student": {"student_id": "1", "student_name": "A"}}}))

stdlib_zip = next(p for p in sys.path if p.endswith(".zip"))
used = set()
for module in list(sys.modules.values()):
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None) or ""
    if origin.startswith(stdlib_zip + "/") and origin.endswith(".py"):
        used.add(origin[len(stdlib_zip) + 1:])
with zipfile.ZipFile(stdlib_zip) as zin, zipfile.ZipFile("/tmp/python_stdlib.zip", "w", zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        data = zin.read(info.filename)
        zout.writestr(info, data)
        if info.filename in used:
            entry = zipfile.ZipInfo(info.filename + "c", date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(entry, bytecode(data, stdlib_zip + "/" + info.filename))

tag = sys.implementation.cache_tag
with zipfile.ZipFile("/tmp/site-packages.zip", "w", zipfile.ZIP_DEFLATED) as zout:
    for top in ("autograders", "mistune", "Sastrawi"):
        for folder, _dirs, files in sorted(os.walk(os.path.join("${site}", top))):
            for name in sorted(files):
                if not name.endswith(".py"):
                    continue
                source_path = os.path.join(folder, name)
                with open(source_path, "rb") as handle:
                    source = handle.read()
                relative = os.path.relpath(folder, "${site}")
                target = f"{relative}/__pycache__/{name[:-3]}.{tag}.pyc"
                entry = zipfile.ZipInfo(target, date_time=(2026, 1, 1, 0, 0, 0))
                entry.compress_type = zipfile.ZIP_DEFLATED
                zout.writestr(entry, bytecode(source, source_path))
print(f"{len(used)} standard-library modules and the engine's packages compiled ({tag})")
`);
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, "python_stdlib.zip"), pyodide.FS.readFile("/tmp/python_stdlib.zip"));
fs.writeFileSync(path.join(outDir, "site-packages.zip"), pyodide.FS.readFile("/tmp/site-packages.zip"));
