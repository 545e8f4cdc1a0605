// Kelas Humas Digital: the course engine in the reader's browser, on every page of the built book.
//
// window.kelas (documented in the book's page "Alat di peramban" and in README.md):
//   await kelas.analyze(text, options)      -> exactly analyze(text, **options).to_dict() of the Python engine;
//                                              options: lang, keyphrase, title, description, slug, url, kind,
//                                              platform, feedback_lang
//   await kelas.score(assignment, answers)  -> {points, max_points, tasks: [{answer, points, max_points, feedback}]}
//                                              (answers keyed by answer-cell id, the nbgrader grade_id)
//   await kelas.notebook(assignment, answers, {student_id, student_name, email})
//                                           -> {filename, text}: the submission notebook (release + answers)
//   await kelas.tool(name, inputs)          -> {html, data}: what a live tool shows for these inputs
//   await kelas.ready()                     -> resolves when the engine has started (rejects where it cannot)
//   kelas.supported()                       -> {ok, reason}
//
// The engine runs in a Web Worker (kelas-web/worker.js) started on first use, or as the page loads when the page
// holds a tool or an exercise. This file only carries messages and draws controls: every number, rating, message
// and report comes from the Python engine. Nothing the reader types leaves the computer: the worker and this file
// make requests only for the site's own files (runtime, wheels, exercise data), never with a draft in them.
(function () {
  "use strict";
  if (window.kelas) return;
  const script = document.currentScript;
  const BASE = new URL("../kelas-web/", script ? script.src : document.baseURI);
  const DEBOUNCE_MS = 150;
  const STORE = "kelas-humas";

  const PRIVACY =
    "Semua yang Anda ketik diperiksa di komputer Anda sendiri, di dalam peramban: tidak ada teks yang dikirim ke " +
    "server mana pun. Draf pemerintah yang masih di bawah embargo, misalnya rancangan siaran pers, aman diperiksa di sini.";

  // ------------------------------------------------------------------------------------------ support
  function supported() {
    if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
      return { ok: false, reason: "Peramban ini tidak mendukung WebAssembly, yang diperlukan untuk menjalankan mesin analisis di halaman." };
    }
    if (typeof Worker !== "function") {
      return { ok: false, reason: "Peramban ini tidak mendukung Web Worker, yang diperlukan untuk menjalankan mesin analisis di halaman." };
    }
    if (typeof BigInt64Array !== "function" || typeof Promise.allSettled !== "function" || typeof TextDecoder !== "function") {
      return { ok: false, reason: "Peramban ini terlalu lama untuk menjalankan mesin analisis di halaman." };
    }
    return { ok: true, reason: "" };
  }
  const UPGRADE = " Perbarui peramban Anda (Chrome, Edge, atau Firefox versi terbaru), atau pakai alat ini di JupyterLab/JupyterHub kursus.";

  // ------------------------------------------------------------------------------------------ worker transport
  let worker = null;
  let readyPromise = null;
  const pending = new Map();
  const statusListeners = new Set();
  let lastStatus = { status: "idle", message: "" };
  let nextId = 1;

  function setStatus(value) {
    lastStatus = value;
    statusListeners.forEach((fn) => fn(value));
  }

  function start() {
    if (readyPromise) return readyPromise;
    const support = supported();
    if (!support.ok) {
      readyPromise = Promise.reject(new Error(support.reason + UPGRADE));
      readyPromise.catch(() => {});
      setStatus({ status: "failed", message: support.reason + UPGRADE });
      return readyPromise;
    }
    readyPromise = new Promise((resolve, reject) => {
      const fail = (message) => {
        const text = "Mesin analisis tidak dapat dimulai di peramban ini (" + message + ")." + UPGRADE;
        setStatus({ status: "failed", message: text });
        pending.forEach((p) => p.reject(new Error(text)));
        pending.clear();
        reject(new Error(text));
      };
      try {
        worker = new Worker(new URL("worker.js", BASE), { type: "module" });
      } catch (error) {
        fail(String(error && error.message ? error.message : error));
        return;
      }
      setStatus({ status: "loading", message: "Menyiapkan mesin analisis di peramban Anda …" });
      worker.onmessage = (event) => {
        const data = event.data || {};
        if (data.status) {
          kelas.timings = data.timings || {};
          if (data.status === "ready") resolve();
          if (data.status === "failed") fail(data.message);
          else setStatus(data);
          return;
        }
        const waiting = pending.get(data.id);
        if (!waiting) return;
        pending.delete(data.id);
        if (data.ok) waiting.resolve(data.result);
        else waiting.reject(new Error(data.error));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        fail(event.message || "pekerja tidak dapat dimuat");
      };
    });
    readyPromise.catch(() => {});
    return readyPromise;
  }

  function request(op, args) {
    return start().then(
      () =>
        new Promise((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, op, args });
        }),
    );
  }

  const kelas = {
    version: 1,
    base: BASE.href,
    supported,
    ready: () => start(),
    status: () => Object.assign({}, lastStatus),
    onStatus(fn) {
      statusListeners.add(fn);
      fn(lastStatus);
      return () => statusListeners.delete(fn);
    },
    analyze: (text, options) => request("analyze", { text: text == null ? "" : String(text), options: options || {} }),
    score: (assignment, answers) => request("score", { assignment, answers: answers || {} }),
    notebook: (assignment, answers, student) => request("notebook", { assignment, answers: answers || {}, student: student || {} }),
    answerStats: (assignment, answer, text) => request("answer_stats", { assignment, answer, text }),
    tool: (name, inputs) => request("tool", { name, inputs: inputs || {} }),
    platforms: () => request("platforms", {}),
  };
  window.kelas = kelas;

  // ------------------------------------------------------------------------------------------ small DOM helpers
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([key, value]) => {
      if (value === undefined || value === null || value === false) return;
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else node.setAttribute(key, value === true ? "" : value);
    });
    (children || []).forEach((child) => child && node.appendChild(child));
    return node;
  }

  function field(label, input, hint) {
    const id = "kelas-" + Math.random().toString(36).slice(2, 10);
    input.id = id;
    return el("div", { className: "kelas-field" }, [el("label", { for: id, text: label }), input, hint ? el("div", { className: "kelas-hint", text: hint }) : null]);
  }

  function statusLine() {
    const line = el("div", { className: "kelas-status", role: "status", "aria-live": "polite" });
    const unsubscribe = kelas.onStatus((s) => {
      line.dataset.state = s.status;
      if (s.status === "loading") line.textContent = s.message + " (hanya sekali; berikutnya lebih cepat)";
      else if (s.status === "failed") line.textContent = s.message;
      else line.textContent = "";
      if (s.status === "ready") unsubscribe && unsubscribe();
    });
    return line;
  }

  // A live view: inputs -> one request at a time; typing while a request runs sends the newest inputs after it.
  function liveView(render, delay) {
    let timer = null;
    let running = false;
    let dirty = false;
    async function run() {
      if (running) {
        dirty = true;
        return;
      }
      running = true;
      dirty = false;
      try {
        await render();
      } finally {
        running = false;
        if (dirty) run();
      }
    }
    return {
      now: run,
      later() {
        clearTimeout(timer);
        timer = setTimeout(run, delay === undefined ? DEBOUNCE_MS : delay);
      },
    };
  }

  function showError(output, error) {
    output.replaceChildren(el("div", { className: "kelas-error", text: String(error && error.message ? error.message : error) }));
  }

  // ------------------------------------------------------------------------------------------ live tools
  const TOOL_TITLES = {
    draft_checker: "Pemeriksa draf",
    serp_preview: "Pratinjau hasil pencarian",
    post_composer: "Penyusun unggahan",
    press_release_checker: "Pemeriksa siaran pers",
    monitoring_dashboard: "Dasbor monitoring",
  };

  function textArea(placeholder, rows) {
    return el("textarea", { rows: String(rows), placeholder, spellcheck: "false", className: "kelas-textarea" });
  }

  function textInput(placeholder) {
    return el("input", { type: "text", placeholder, className: "kelas-input" });
  }

  function buildTextTool(box, name, controls) {
    const output = el("div", { className: "kelas-output", "data-output": name });
    Object.entries(controls).forEach(([key, input]) => (input.dataset.field = key));
    const inputs = Object.values(controls);
    const view = liveView(async () => {
      const values = {};
      Object.entries(controls).forEach(([key, input]) => (values[key] = input.value));
      try {
        const result = await kelas.tool(name, values);
        box.kelasLast = { inputs: values, result }; // what is shown, and for which inputs (tests read it)
        output.innerHTML = result.html; // built and escaped by the engine (present/tools.py)
        output.dataset.version = String(Number(output.dataset.version || 0) + 1);
      } catch (error) {
        showError(output, error);
      }
    });
    inputs.forEach((input) => input.addEventListener("input", view.later));
    return { output, view };
  }

  function draftChecker(box) {
    const controls = {
      text: textArea("Tempel atau tulis draf Anda di sini (Markdown atau teks biasa) …", 12),
      keyphrase: textInput("misalnya: urus KTP"),
      title: textInput("kosongkan untuk memakai judul H1"),
      description: textInput(""),
      slug: textInput("misalnya: urus-ktp-di-mal-pelayanan"),
    };
    const { output, view } = buildTextTool(box, "draft_checker", controls);
    box.append(
      field("Draf", controls.text),
      field("Frasa kunci", controls.keyphrase),
      field("Judul SEO", controls.title),
      field("Deskripsi meta", controls.description),
      field("Slug", controls.slug),
      output,
    );
    view.now();
  }

  function serpPreview(box) {
    const controls = {
      title: textInput("misalnya: Cara Urus KTP di Mal Pelayanan Publik Sukamaju"),
      url: textInput("https://sukamajukab.go.id/layanan/urus-ktp"),
      description: textArea("Deskripsi meta (120–156 karakter)", 3),
      keyphrase: textInput("misalnya: urus KTP"),
    };
    const { output, view } = buildTextTool(box, "serp_preview", controls);
    box.append(field("Judul SEO", controls.title), field("URL", controls.url), field("Deskripsi meta", controls.description), field("Frasa kunci", controls.keyphrase), output);
    view.now();
  }

  function pressReleaseChecker(box) {
    const controls = { text: textArea("Tempel siaran pers Anda di sini …", 16) };
    const { output, view } = buildTextTool(box, "press_release_checker", controls);
    box.append(field("Siaran pers", controls.text), output);
    view.now();
  }

  async function postComposer(box) {
    const platform = el("select", { className: "kelas-select", "data-field": "platform" });
    const text = textArea("Tulis unggahan Anda …", 6);
    text.dataset.field = "text";
    const output = el("div", { className: "kelas-output", "data-output": "post_composer" });
    const split = el("button", { type: "button", className: "kelas-button", text: "Pecah menjadi utas X", hidden: true });
    const thread = el("div", { className: "kelas-thread", "data-output": "x_thread" });
    box.append(field("Platform", platform), field("Unggahan", text), output, split, thread);
    try {
      (await kelas.platforms()).forEach(([label, key]) => platform.appendChild(el("option", { value: key, text: label })));
      platform.value = "x";
    } catch (error) {
      showError(output, error);
      return;
    }
    const view = liveView(async () => {
      try {
        const inputs = { text: text.value, platform: platform.value };
        const result = await kelas.tool("post_composer", inputs);
        box.kelasLast = { inputs, result };
        output.innerHTML = result.html;
        output.dataset.version = String(Number(output.dataset.version || 0) + 1);
        split.hidden = !result.data.can_split;
      } catch (error) {
        showError(output, error);
      }
    });
    // A thread belongs to the text and the platform it was made from: any change clears it.
    const changed = () => {
      thread.replaceChildren();
      view.later();
    };
    text.addEventListener("input", changed);
    platform.addEventListener("change", () => {
      thread.replaceChildren();
      view.now();
    });
    split.addEventListener("click", async () => {
      try {
        const result = await kelas.tool("x_thread", { text: text.value });
        thread.innerHTML = result.html;
      } catch (error) {
        showError(thread, error);
      }
    });
    view.now();
  }

  async function monitoringDashboard(box) {
    const output = el("div", { className: "kelas-output", "data-output": "monitoring_dashboard" });
    const select = el("select", { className: "kelas-select" });
    box.append(
      el("p", {
        className: "kelas-note",
        text:
          "Di halaman ini dasbor memakai data set kursus dan dihitung saat buku dibuat; Anda dapat mengganti ambang k. " +
          "Dasbor lengkap (memilih periode dan nama, memuat data ekspor instansi Anda) berjalan di JupyterLab atau " +
          "JupyterHub kursus: monitoring_dashboard() dari autograders.widgets.",
      }),
      field("Ambang lonjakan k", select, "Lonjakan = sebutan 24 jam di atas rata-rata 7 hari + k × simpangan baku."),
      output,
    );
    try {
      const response = await fetch(new URL("dashboard.json", BASE));
      if (!response.ok) throw new Error("Data dasbor tidak ditemukan di situs ini.");
      const data = await response.json();
      Object.keys(data.views).forEach((k) => select.appendChild(el("option", { value: k, text: k })));
      select.value = data.default;
      const show = () => (output.innerHTML = data.views[select.value]);
      select.addEventListener("change", show);
      show();
    } catch (error) {
      showError(output, error);
    }
  }

  const TOOLS = {
    draft_checker: draftChecker,
    serp_preview: serpPreview,
    post_composer: postComposer,
    press_release_checker: pressReleaseChecker,
    monitoring_dashboard: monitoringDashboard,
  };

  function mountTool(box) {
    const name = box.dataset.tool;
    if (!TOOLS[name] || box.dataset.mounted) return;
    box.dataset.mounted = "1";
    box.classList.add("kelas-box");
    box.append(el("div", { className: "kelas-title", text: TOOL_TITLES[name] }));
    if (name !== "monitoring_dashboard") {
      box.append(el("p", { className: "kelas-privacy", text: PRIVACY }), statusLine());
    }
    Promise.resolve(TOOLS[name](box)).catch((error) => showError(box, error));
  }

  // ------------------------------------------------------------------------------------------ exercise forms
  function load(key, fallback) {
    try {
      const raw = window.localStorage.getItem(`${STORE}:${key}`);
      return raw ? JSON.parse(raw) : fallback;
    } catch (error) {
      return fallback;
    }
  }

  function save(key, value) {
    try {
      window.localStorage.setItem(`${STORE}:${key}`, JSON.stringify(value));
      return true;
    } catch (error) {
      return false;
    }
  }

  function forget(key) {
    try {
      window.localStorage.removeItem(`${STORE}:${key}`);
    } catch (error) {
      /* storage blocked: nothing was kept */
    }
  }

  function clock(date) {
    const pad = (n) => String(n).padStart(2, "0");
    return `${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${date.getFullYear()} pukul ${pad(date.getHours())}.${pad(date.getMinutes())}`;
  }

  function points(value) {
    return String(Math.round(value * 100) / 100).replace(".", ",");
  }

  async function mountExercise(box) {
    const assignment = box.dataset.assignment;
    if (!assignment || box.dataset.mounted) return;
    box.dataset.mounted = "1";
    box.classList.add("kelas-box", "kelas-exercise-form");
    let exercise;
    try {
      const response = await fetch(new URL(`exercises/${encodeURIComponent(assignment)}.json`, BASE));
      if (!response.ok) throw new Error(`Latihan ${assignment} tidak ada di buku ini.`);
      exercise = await response.json();
    } catch (error) {
      showError(box, error);
      return;
    }
    const answersKey = `jawaban:${assignment}`;
    const kept = load(answersKey, { answers: {} });
    const person = load("peserta", {});
    const areas = {};
    const feedback = {};
    const counts = {};

    box.append(
      el("div", { className: "kelas-title", text: `Kerjakan di halaman ini: ${exercise.title}` }),
      el("p", { className: "kelas-privacy", text: PRIVACY + " Jawaban Anda disimpan di peramban ini sampai Anda menghapusnya." }),
      el("ol", { className: "kelas-steps" }, [
        el("li", { text: "Tulis jawaban di kotak JAWABAN ANDA (Markdown biasa; tidak perlu kode)." }),
        el("li", { text: "Tekan Periksa untuk melihat poin otomatis dan umpan balik, sama dengan penilaian instruktur. Ulangi sampai puas." }),
        el("li", { text: `Isi nama dan ID peserta, tekan Unduh jawaban, lalu kirim berkas ${exercise.notebook} ke instruktur (misalnya lewat LMS).` }),
      ]),
      statusLine(),
    );
    const name = textInput("nama lengkap");
    const sid = textInput("misalnya NIP 199001012020121001 atau nomor peserta");
    const email = el("input", { type: "email", className: "kelas-input", placeholder: "nama@instansi.go.id" });
    name.value = person.student_name || "";
    sid.value = person.student_id || "";
    email.value = person.email || "";
    box.append(
      el("div", { className: "kelas-person" }, [
        field("Nama", name),
        field("ID peserta (huruf, angka, titik, garis bawah, atau tanda hubung)", sid),
        field("Surel (boleh dikosongkan)", email),
      ]),
    );

    const savedLine = el("div", { className: "kelas-hint kelas-saved", role: "status" });
    function student() {
      return { student_name: name.value, student_id: sid.value, email: email.value };
    }
    function answers() {
      const out = {};
      Object.entries(areas).forEach(([gid, area]) => (out[gid] = area.value));
      return out;
    }
    let saveTimer = null;
    function persist() {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => {
        const now = new Date();
        const ok = save(answersKey, { answers: answers(), saved_at: now.toISOString() }) && save("peserta", student());
        savedLine.textContent = ok
          ? `Jawaban tersimpan di peramban ini (${clock(now)}).`
          : "Peramban ini tidak mengizinkan penyimpanan: unduh jawaban Anda sebelum menutup halaman.";
      }, 300);
    }
    [name, sid, email].forEach((input) => input.addEventListener("input", persist));

    exercise.form.forEach((cell) => {
      if (cell.type === "text") {
        const part = el("div", { className: "kelas-cell-text" });
        part.innerHTML = cell.html; // rendered at build time from the release notebook, raw HTML disabled
        box.append(part);
      } else if (cell.type === "code") {
        box.append(
          el("details", { className: "kelas-cell-code" }, [
            el("summary", { text: "Sel data notebook (di JupyterLab sel ini dijalankan; keluarannya di bawah)" }),
            el("pre", { text: cell.source }),
          ]),
          el("pre", { className: "kelas-cell-output", text: cell.output }),
        );
      } else if (cell.type === "answer") {
        const area = textArea("Tulis jawaban Anda di sini …", 10);
        area.dataset.answer = cell.grade_id;
        area.value = (kept.answers || {})[cell.grade_id] || "";
        areas[cell.grade_id] = area;
        const count = el("div", { className: "kelas-hint kelas-count", "data-count": cell.grade_id, text: "0 kata" });
        counts[cell.grade_id] = count;
        const counter = liveView(async () => {
          try {
            const stats = await kelas.answerStats(assignment, cell.grade_id, area.value);
            count.textContent = `${stats.words} kata`;
          } catch (error) {
            count.textContent = "";
          }
        }, 250);
        area.addEventListener("input", () => {
          persist();
          counter.later();
        });
        box.append(field(`JAWABAN ANDA — ${cell.title}`, area), count);
        counter.now();
      } else if (cell.type === "check") {
        const slot = el("div", { className: "kelas-feedback", "data-task": cell.task, "data-answer": cell.answer });
        slot.append(el("div", { className: "kelas-hint", text: `Penilaian otomatis tugas ini: ${points(cell.max_points)} poin. Tekan Periksa.` }));
        feedback[cell.answer] = slot;
        box.append(slot);
      }
    });

    const total = el("div", { className: "kelas-total", role: "status", "aria-live": "polite" });
    const message = el("div", { className: "kelas-message", role: "status", "aria-live": "polite" });
    const check = el("button", { type: "button", className: "kelas-button kelas-primary", text: "Periksa" });
    const download = el("button", { type: "button", className: "kelas-button", text: "Unduh jawaban" });
    const clear = el("button", { type: "button", className: "kelas-button kelas-danger", text: "Hapus jawaban" });
    box.append(el("div", { className: "kelas-actions" }, [check, download, clear]), total, message, savedLine);

    check.addEventListener("click", async () => {
      message.textContent = "";
      check.disabled = true;
      try {
        const result = await kelas.score(assignment, answers());
        result.tasks.forEach((task) => {
          const slot = feedback[task.answer];
          if (!slot) return;
          slot.replaceChildren(
            el("div", { className: "kelas-points", "data-points": String(task.points), text: `${points(task.points)} dari ${points(task.max_points)} poin otomatis` }),
            el("pre", { className: "kelas-feedback-text", text: task.feedback }),
          );
        });
        total.dataset.points = String(result.points);
        total.dataset.maxPoints = String(result.max_points);
        total.textContent = `Nilai otomatis: ${points(result.points)} dari ${points(result.max_points)} poin. Poin instruktur diberikan setelah instruktur membaca jawaban Anda.`;
      } catch (error) {
        message.textContent = String(error.message || error);
      } finally {
        check.disabled = false;
      }
    });

    download.addEventListener("click", async () => {
      message.textContent = "";
      try {
        const file = await kelas.notebook(assignment, answers(), student());
        const blob = new Blob([file.text], { type: "application/x-ipynb+json" });
        const link = el("a", { href: URL.createObjectURL(blob), download: file.filename });
        document.body.appendChild(link);
        link.click();
        setTimeout(() => {
          URL.revokeObjectURL(link.href);
          link.remove();
        }, 1000);
        message.textContent = `Berkas ${file.filename} diunduh. Kirim berkas ini ke instruktur tanpa mengubah namanya.`;
      } catch (error) {
        message.textContent = String(error.message || error);
      }
    });

    clear.addEventListener("click", () => {
      if (!window.confirm("Hapus semua jawaban latihan ini dari peramban? Jawaban yang belum diunduh akan hilang.")) return;
      clearTimeout(saveTimer);
      Object.values(areas).forEach((area) => (area.value = ""));
      forget(answersKey);
      Object.values(counts).forEach((count) => (count.textContent = "0 kata"));
      Object.values(feedback).forEach((slot) => slot.replaceChildren(el("div", { className: "kelas-hint", text: "Jawaban dihapus. Tekan Periksa setelah menulis jawaban baru." })));
      total.textContent = "";
      savedLine.textContent = "Jawaban latihan ini sudah dihapus dari peramban.";
    });
    window.addEventListener("pagehide", () => {
      clearTimeout(saveTimer);
      if (Object.values(areas).some((area) => area.value)) save(answersKey, { answers: answers(), saved_at: new Date().toISOString() });
    });
  }

  // ------------------------------------------------------------------------------------------ page start
  function mountAll() {
    const tools = document.querySelectorAll(".kelas-tool[data-tool]");
    const exercises = document.querySelectorAll(".kelas-exercise[data-assignment]");
    if (!tools.length && !exercises.length) return; // pages without tools start the engine only when asked
    start(); // preload the engine while the reader reads
    tools.forEach(mountTool);
    exercises.forEach((box) => mountExercise(box).catch((error) => showError(box, error)));
  }

  if (document.readyState === "loading") {
    // Start the engine as soon as the parser reaches a tool or an exercise (before the rest of the page and its
    // scripts have loaded); the controls are drawn when the page is ready.
    const watcher = new MutationObserver(() => {
      if (document.querySelector(".kelas-tool[data-tool], .kelas-exercise[data-assignment]")) {
        watcher.disconnect();
        start();
      }
    });
    watcher.observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", () => {
      watcher.disconnect();
      mountAll();
    });
  } else mountAll();
})();
