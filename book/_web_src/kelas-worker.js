// The Web Worker of the book's in-page practice: it runs the course engine (Python) in Pyodide, off the page's
// main thread, so typing never stalls. It is transport only: every answer comes from
// autograders.engine.web_api.Session.call (JSON in, JSON out). Everything it loads comes from this site:
// the Pyodide core files (pyodide/), the wheels (wheels/) and the exercises (exercises/), never anything else.
//
// Messages in:  {id, op, args}            -> out: {id, ok: true, result} or {id, ok: false, error}
// Status out:   {status: "loading" | "ready" | "failed", message}
import { loadPyodide } from "./pyodide/pyodide.mjs";

const BASE = new URL("./", import.meta.url);
const WARM_UP = JSON.stringify({
  op: "analyze",
  args: { text: "# Layanan KTP\n\nWarga dapat mengurus KTP di kantor kecamatan. Layanan ini gratis.", options: { keyphrase: "layanan KTP" } },
});

const timings = {}; // milliseconds since the worker started, per stage (read by benchmarks/web_bench.py)

function status(name, message, stage) {
  if (stage) timings[stage] = Math.round(performance.now());
  self.postMessage({ status: name, message, timings: { ...timings } });
}

async function fetchBytes(path) {
  const response = await fetch(new URL(path, BASE));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function start() {
  status("loading", "Memuat Python di peramban Anda …");
  const manifest = await (await fetch(new URL("manifest.json", BASE))).json();
  // The wheels download while the runtime starts.
  const wheels = manifest.wheels.map((name) => fetchBytes(`wheels/${name}`));
  const bytecode = manifest.bytecode ? fetchBytes(manifest.bytecode) : null;
  const options = { indexURL: new URL("pyodide/", BASE).href, packages: [] };
  // The standard library with bytecode for the modules the engine uses (built from the same sources).
  if (manifest.stdlib) options.stdLibURL = new URL(manifest.stdlib, BASE).href;
  const pyodide = await loadPyodide(options);
  status("loading", "Memuat mesin analisis kursus …", "runtime");
  const site = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
  for (const bytes of await Promise.all(wheels)) {
    pyodide.unpackArchive(bytes, "wheel", { extractDir: site });
  }
  if (bytecode) pyodide.unpackArchive(await bytecode, "zip", { extractDir: site });
  status("loading", "Memuat mesin analisis kursus …", "wheels");
  pyodide.runPython("from autograders.engine.web_api import Session\n_kelas_session = Session()");
  const call = pyodide.globals.get("_kelas_session").call;
  status("loading", "Memuat data bahasa …", "engine");
  call(WARM_UP); // loads the Indonesian word lists and the stemmer's dictionary once
  status("loading", "Memuat data bahasa …", "warm");
  return { call, manifest };
}

const engine = start();
engine.then(
  () => status("ready", "Mesin analisis siap.", "ready"),
  (error) => status("failed", String(error && error.message ? error.message : error)),
);

const loaded = new Set();

async function ensureExercise(call, assignment) {
  if (loaded.has(assignment)) return null;
  if (typeof assignment !== "string" || !/^[a-z0-9_]{1,64}$/.test(assignment)) {
    return { ok: false, error: `Latihan '${String(assignment)}' tidak dikenal.` };
  }
  const response = await fetch(new URL(`exercises/${assignment}.json`, BASE));
  if (!response.ok) return { ok: false, error: `Latihan '${assignment}' tidak ada di buku ini.` };
  const text = await response.text();
  const answer = JSON.parse(call(JSON.stringify({ op: "load_exercise", args: { assignment, exercise: text } })));
  if (!answer.ok) return answer;
  loaded.add(assignment);
  return null;
}

let queue = Promise.resolve();

async function handle(message) {
  const { id, op, args } = message;
  let answer;
  try {
    const { call } = await engine;
    if (["score", "notebook", "answer_stats"].includes(op)) {
      answer = await ensureExercise(call, args && args.assignment);
    }
    if (!answer) answer = JSON.parse(call(JSON.stringify({ op, args })));
  } catch (error) {
    answer = { ok: false, error: "Mesin analisis tidak dapat dimuat di peramban ini. Muat ulang halaman, lalu coba lagi." };
  }
  self.postMessage({ id, ...answer });
}

self.onmessage = (event) => {
  const message = event.data;
  queue = queue.then(() => handle(message));
};
