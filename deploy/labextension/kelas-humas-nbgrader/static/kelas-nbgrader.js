/*
 * Kelas Humas Digital: the trainee's side of nbgrader in JupyterLab, in Indonesian.
 *
 * nbgrader's own JupyterLab plugins draw the Validate button, its dialog and the Assignments panel with
 * English strings written into their code (they do not go through JupyterLab's translator, so no language
 * pack can reach them). This extension replaces those two plugins (package.json, "disabledExtensions") with:
 *
 *   - a "Validasi" button on every notebook's toolbar: saves the notebook, asks nbgrader's validate server
 *     extension (POST <base>/assignments/validate, JSON {"path"}) and shows "Hasil validasi";
 *   - the "Daftar Tugas" panel (command nbgrader:open-assignment-list, so nbgrader's own menu entry opens
 *     it): courses, assignments to fetch, fetched notebooks with Validasi, submit, submissions and feedback,
 *     through nbgrader's assignment_list server extension (GET <base>/courses, GET <base>/assignments,
 *     POST <base>/assignments/{fetch,submit,fetch_feedback}).
 *
 * What each task's entry says (points, their meaning, the whole feedback) comes from the server:
 * autograders.grading.validation.IndonesianValidator. This file only draws the frame around it.
 *
 * It is a prebuilt JupyterLab 4 extension written by hand, so nothing is built at setup time: JupyterLab
 * loads this script, registers the container below under the extension's name, calls init() with its
 * share scope (the one copy of @jupyterlab/apputils, @lumino/widgets … every extension shares), then
 * get("./extension"). Everything the page shows is set with textContent, never as HTML.
 */
(function () {
  'use strict';

  const NAME = 'kelas-humas-nbgrader';
  const COMMAND = 'nbgrader:open-assignment-list'; // nbgrader's own command id: its menu entry opens our panel

  // Every string the trainee reads, in one place.
  const T = {
    validate: 'Validasi',
    validateTip: 'Periksa jawaban di notebook ini dengan penilaian otomatis (tugas belum dikumpulkan)',
    saving: 'Menyimpan…',
    validating: 'Memvalidasi…',
    resultsTitle: 'Hasil validasi',
    failedTitle: 'Validasi gagal',
    close: 'Tutup',
    cannotSave:
      'Notebook tidak dapat disimpan, jadi validasi tidak dijalankan. Pastikan berkas ini masih dapat ditulis, ' +
      'lalu coba lagi.',
    cannotReach:
      'Server tidak dapat dihubungi untuk validasi. Muat ulang halaman, lalu coba lagi; jika masih gagal, ' +
      'beri tahu instruktur.',
    serverError:
      'Validasi tidak dapat dijalankan untuk notebook ini. Simpan pekerjaan Anda, lalu coba lagi; jika masih ' +
      'gagal, beri tahu instruktur dan sertakan rincian di bawah ini.',
    details: 'Rincian teknis untuk instruktur',
    allFull:
      'Semua tugas yang dinilai otomatis mendapat poin penuh. Bagian yang ditandai "Dinilai instruktur" masih ' +
      'akan dinilai oleh instruktur.',
    someFailed: (n) =>
      `${n} tugas belum mendapat poin penuh. Di bawah ini umpan balik setiap tugas, sama dengan umpan balik ` +
      'penilaian akhir. Perbaiki jawaban, simpan (Ctrl+S), lalu tekan Validasi lagi.',
    typeChanged:
      'Jenis sel berikut berubah. Sel jawaban harus tetap berupa sel Markdown: kembalikan jenisnya, lalu tekan ' +
      'Validasi lagi.',
    changed:
      'Isi sel penilaian berikut berubah. Kembalikan sel itu seperti semula (atau ambil ulang tugasnya): ' +
      'perubahan pada sel penilaian tidak ikut dinilai.',
    passed: 'Sel berikut lulus uji:',
    // the Daftar Tugas panel
    panelTitle: 'Daftar Tugas',
    commandLabel: 'Daftar Tugas',
    paletteCategory: 'Kelas Humas Digital',
    course: 'Kursus:',
    refresh: 'Muat ulang',
    refreshTip: 'Muat ulang daftar kursus dan tugas',
    loading: 'Memuat, mohon tunggu…',
    noCourses: 'Belum ada kursus. Tugas muncul di sini setelah instruktur merilisnya.',
    coursesError: 'Daftar kursus tidak dapat dimuat.',
    listError: 'Daftar tugas tidak dapat dimuat.',
    released: 'Tugas yang tersedia',
    fetched: 'Tugas yang sudah diambil',
    submitted: 'Tugas yang sudah dikumpulkan',
    noReleased: 'Tidak ada tugas baru untuk diambil.',
    noFetched: 'Belum ada tugas yang diambil.',
    noSubmitted: 'Belum ada tugas yang dikumpulkan.',
    fetch: 'Ambil',
    fetching: 'Mengambil…',
    fetchError: 'Tugas gagal diambil. Muat ulang daftar, lalu coba lagi.',
    submit: 'Kumpulkan',
    submitting: 'Mengumpulkan…',
    submitError: 'Tugas gagal dikumpulkan. Muat ulang daftar, lalu coba lagi.',
    submitRefusedTitle: 'Pengumpulan ditolak',
    submitRefused: 'Tugas ini tidak dapat dikumpulkan. Beri tahu instruktur dan sertakan rincian di bawah ini.',
    fetchFeedback: 'Ambil umpan balik',
    fetchingFeedback: 'Mengambil umpan balik…',
    fetchFeedbackError: 'Umpan balik gagal diambil. Muat ulang daftar, lalu coba lagi.',
    submittedAt: 'Dikumpulkan',
    viewFeedback: 'lihat umpan balik',
    feedbackReady: 'umpan balik siap diambil',
    noFeedback: 'belum ada umpan balik',
    open: 'Buka notebook'
  };

  // ---------------------------------------------------------------- the module-federation container
  let shareScope = null;

  function versionParts(version) {
    return String(version)
      .split(/[.+-]/)
      .map((part) => (/^\d+$/.test(part) ? Number(part) : -1));
  }

  function newerThan(a, b) {
    const x = versionParts(a);
    const y = versionParts(b);
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      const p = i < x.length ? x[i] : 0;
      const q = i < y.length ? y[i] : 0;
      if (p !== q) {
        return p > q;
      }
    }
    return false;
  }

  // The shared copy of a JupyterLab or Lumino package, chosen as a singleton is: the copy already in use,
  // else the newest one offered.
  async function shared(name) {
    const versions = shareScope ? shareScope[name] : undefined;
    if (!versions || Object.keys(versions).length === 0) {
      throw new Error(`${NAME}: JupyterLab does not share ${name}`);
    }
    let best = null;
    for (const version of Object.keys(versions)) {
      if (best === null) {
        best = version;
      } else if (versions[version].loaded && !versions[best].loaded) {
        best = version;
      } else if (!!versions[version].loaded === !!versions[best].loaded && newerThan(version, best)) {
        best = version;
      }
    }
    const entry = versions[best];
    const factory = await entry.get();
    entry.loaded = 1;
    return factory();
  }

  const container = {
    init(scope) {
      if (!shareScope) {
        shareScope = scope;
      }
    },
    get(module) {
      if (module !== './extension') {
        return Promise.reject(new Error(`${NAME}: no module ${module}`));
      }
      return loadExtension().then((plugins) => () => ({ __esModule: true, default: plugins }));
    }
  };
  const registry = (window._JUPYTERLAB = window._JUPYTERLAB || {});
  registry[NAME] = container;

  async function loadExtension() {
    const [application, apputils, coreutils, services, widgets] = await Promise.all([
      shared('@jupyterlab/application'),
      shared('@jupyterlab/apputils'),
      shared('@jupyterlab/coreutils'),
      shared('@jupyterlab/services'),
      shared('@lumino/widgets')
    ]);
    return makePlugins({ application, apputils, coreutils, services, widgets });
  }

  // ---------------------------------------------------------------- the extension
  function makePlugins(m) {
    const { Dialog, showDialog, MainAreaWidget, WidgetTracker, ICommandPalette } = m.apputils;
    const { ILayoutRestorer } = m.application;
    const { URLExt } = m.coreutils;
    const { ServerConnection } = m.services;
    const { Widget } = m.widgets;

    addStyle();

    function el(tag, className, text) {
      const node = document.createElement(tag);
      if (className) {
        node.className = className;
      }
      if (text !== undefined && text !== null) {
        node.textContent = String(text);
      }
      return node;
    }

    function button(label, className, title) {
      const node = el('button', `jp-Button jp-mod-styled kelas-button ${className || ''}`.trim(), label);
      node.type = 'button';
      if (title) {
        node.title = title;
      }
      return node;
    }

    // The text of an HTML fragment (nbgrader's own validator sends feedback as HTML): parsed inertly,
    // never inserted.
    function htmlText(fragment) {
      const doc = new DOMParser().parseFromString(String(fragment), 'text/html');
      return doc.body.textContent || '';
    }

    class RequestFailed extends Error {}

    async function request(endpoint, init) {
      const settings = ServerConnection.makeSettings();
      const url = URLExt.join(settings.baseUrl, endpoint);
      let response;
      try {
        response = await ServerConnection.makeRequest(url, init || {}, settings);
      } catch (error) {
        throw new RequestFailed(String(error));
      }
      let data = null;
      try {
        data = await response.json();
      } catch (error) {
        data = null;
      }
      if (!response.ok || data === null || typeof data !== 'object') {
        throw new RequestFailed(`HTTP ${response.status}`);
      }
      return data;
    }

    function postJSON(endpoint, body) {
      return request(endpoint, { method: 'POST', body: JSON.stringify(body) });
    }

    function message(text, details) {
      const body = el('div', 'kelas-validasi-hasil kelas-mod-error');
      body.append(el('p', 'kelas-validasi-ringkasan', text));
      if (details) {
        const more = el('details', 'kelas-rincian');
        more.append(el('summary', null, T.details));
        more.append(el('pre', null, details));
        body.append(more);
      }
      return body;
    }

    function show(title, node, isError) {
      const dialog = new Dialog({
        title,
        body: new Widget({ node }),
        buttons: [Dialog.okButton({ label: T.close })],
        hasClose: false
      });
      dialog.addClass('kelas-validasi-dialog');
      if (isError) {
        dialog.addClass('kelas-mod-error');
      }
      return dialog.launch();
    }

    // What the validate server extension answered, drawn for the trainee.
    function resultsBody(reply) {
      if (!reply || reply.success !== true) {
        const details = reply && typeof reply.value === 'string' ? reply.value : '';
        return { node: message(T.serverError, details), isError: true };
      }
      let value = reply.value;
      if (typeof value === 'string') {
        try {
          value = JSON.parse(value);
        } catch (error) {
          return { node: message(T.serverError, value), isError: true };
        }
      }
      value = value && typeof value === 'object' ? value : {};
      const body = el('div', 'kelas-validasi-hasil');
      const list = (items, className, describe) => {
        const ol = el('ol', 'kelas-validasi-daftar');
        for (const item of items) {
          const li = el('li', className);
          describe(li, item || {});
          ol.append(li);
        }
        body.append(ol);
      };
      if (Array.isArray(value.type_changed)) {
        body.classList.add('kelas-mod-error');
        body.append(el('p', 'kelas-validasi-ringkasan', T.typeChanged));
        list(value.type_changed, 'kelas-validasi-sel', (li, item) => li.append(el('div', null, item.source)));
        return { node: body, isError: true };
      }
      if (Array.isArray(value.changed)) {
        body.classList.add('kelas-mod-error');
        body.append(el('p', 'kelas-validasi-ringkasan', T.changed));
        list(value.changed, 'kelas-validasi-sel', (li, item) => li.append(el('div', null, item.source)));
        return { node: body, isError: true };
      }
      if (Array.isArray(value.failed)) {
        body.classList.add('kelas-mod-error');
        body.append(el('p', 'kelas-validasi-ringkasan', T.someFailed(value.failed.length)));
        list(value.failed, 'kelas-validasi-tugas', (li, item) => {
          li.append(el('div', 'kelas-validasi-judul', item.source));
          const feedback = typeof item.raw_error === 'string' ? item.raw_error : htmlText(item.error || '');
          if (feedback.trim()) {
            li.append(el('div', 'kelas-validasi-umpan-balik', feedback));
          }
        });
        return { node: body, isError: true };
      }
      if (Array.isArray(value.passed)) {
        body.append(el('p', 'kelas-validasi-ringkasan', T.passed));
        list(value.passed, 'kelas-validasi-sel', (li, item) => li.append(el('div', null, item.source)));
        return { node: body, isError: false };
      }
      body.classList.add('kelas-mod-success');
      body.append(el('p', 'kelas-validasi-ringkasan', T.allFull));
      if (Array.isArray(value.tasks) && value.tasks.length) {
        list(value.tasks, 'kelas-validasi-tugas', (li, item) => li.append(el('div', 'kelas-validasi-judul', item.source)));
      }
      return { node: body, isError: false };
    }

    async function validatePath(path) {
      let reply;
      try {
        reply = await postJSON('assignments/validate', { path });
      } catch (error) {
        await show(T.failedTitle, message(T.cannotReach, String(error.message || error)), true);
        return false;
      }
      const { node, isError } = resultsBody(reply);
      await show(T.resultsTitle, node, isError);
      return !isError;
    }

    // ------------------------------------------------------------ the notebook toolbar button
    class ValidateButton extends Widget {
      constructor(panel) {
        super({ node: el('div', 'jp-ToolbarButton jp-Toolbar-item kelas-validasi-tombol') });
        this.panel = panel;
        this.button = el('button', 'jp-ToolbarButtonComponent jp-mod-minimal jp-Button');
        this.button.type = 'button';
        this.button.title = T.validateTip;
        this.button.setAttribute('aria-label', T.validateTip);
        this.label = el('span', 'jp-ToolbarButtonComponent-label', T.validate);
        this.button.append(this.label);
        this.node.append(this.button);
        this.button.addEventListener('click', () => void this.run());
      }

      setBusy(label) {
        this.label.textContent = label || T.validate;
        this.button.disabled = !!label;
      }

      async run() {
        if (this.button.disabled || !this.panel) {
          return;
        }
        const context = this.panel.context;
        try {
          this.setBusy(T.saving);
          try {
            await context.save();
          } catch (error) {
            await show(T.failedTitle, message(T.cannotSave, String(error.message || error)), true);
            return;
          }
          this.setBusy(T.validating);
          await validatePath(context.path);
        } finally {
          this.setBusy(null);
        }
      }

      dispose() {
        this.panel = null;
        super.dispose();
      }
    }

    const validatePlugin = {
      id: `${NAME}:validasi`,
      description: 'Tombol Validasi pada setiap notebook (pengganti tombol Validate nbgrader).',
      autoStart: true,
      activate: (app) => {
        app.docRegistry.addWidgetExtension('Notebook', {
          createNew(panel) {
            const widget = new ValidateButton(panel);
            // Before the spacer, as nbgrader's button was.
            let index = 0;
            let i = 0;
            for (const item of panel.toolbar.children()) {
              if (item.node.classList.contains('jp-Toolbar-spacer')) {
                index = i;
                break;
              }
              i++;
              index = i;
            }
            panel.toolbar.insertItem(index, 'kelas-validasi', widget);
            return widget;
          }
        });
      }
    };

    // ------------------------------------------------------------ the Daftar Tugas panel
    class AssignmentsPanel extends Widget {
      constructor(app) {
        super({ node: el('div', 'kelas-daftar-tugas') });
        this.app = app;
        this.course = null;
        const bar = el('div', 'kelas-daftar-bar');
        const label = el('label', 'kelas-daftar-kursus', T.course);
        this.select = el('select', 'jp-mod-styled');
        this.select.addEventListener('change', () => {
          this.course = this.select.value;
          void this.loadAssignments();
        });
        label.append(this.select);
        this.refreshButton = button(T.refresh, 'kelas-muat-ulang', T.refreshTip);
        this.refreshButton.addEventListener('click', () => void this.refresh());
        bar.append(label, this.refreshButton);
        this.status = el('p', 'kelas-daftar-status');
        this.node.append(bar, this.status);
        this.sections = {};
        for (const [key, title, empty] of [
          ['released', T.released, T.noReleased],
          ['fetched', T.fetched, T.noFetched],
          ['submitted', T.submitted, T.noSubmitted]
        ]) {
          const section = el('section', `kelas-daftar-bagian kelas-daftar-${key}`);
          section.append(el('h3', null, title));
          const list = el('ul', 'kelas-daftar-isi');
          const placeholder = el('p', 'kelas-daftar-kosong', empty);
          section.append(list, placeholder);
          this.node.append(section);
          this.sections[key] = { list, placeholder };
        }
        void this.refresh();
      }

      setStatus(text, isError) {
        this.status.textContent = text || '';
        this.status.classList.toggle('kelas-mod-error', !!isError);
      }

      clear() {
        for (const { list, placeholder } of Object.values(this.sections)) {
          list.replaceChildren();
          placeholder.hidden = false;
        }
      }

      async refresh() {
        this.refreshButton.disabled = true;
        this.select.disabled = true;
        this.setStatus(T.loading);
        try {
          const reply = await request('courses');
          if (!reply.success) {
            this.clear();
            this.setStatus(T.coursesError, true);
            return;
          }
          const courses = Array.isArray(reply.value) ? reply.value.map(String) : [];
          this.select.replaceChildren(...courses.map((c) => {
            const option = el('option', null, c);
            option.value = c;
            return option;
          }));
          if (courses.length === 0) {
            this.course = null;
            this.clear();
            this.setStatus(T.noCourses);
            return;
          }
          if (!courses.includes(this.course)) {
            this.course = courses[0];
          }
          this.select.value = this.course;
          await this.loadAssignments();
        } catch (error) {
          this.clear();
          this.setStatus(T.coursesError, true);
        } finally {
          this.refreshButton.disabled = false;
          this.select.disabled = false;
        }
      }

      async loadAssignments() {
        if (!this.course) {
          return;
        }
        this.setStatus(T.loading);
        try {
          this.show(await request(`assignments?course_id=${encodeURIComponent(this.course)}`));
        } catch (error) {
          this.clear();
          this.setStatus(T.listError, true);
        }
      }

      // A reply of the assignment_list server extension: {success, value: [assignment…]}.
      show(reply) {
        this.clear();
        if (!reply || !reply.success || !Array.isArray(reply.value)) {
          this.setStatus(T.listError, true);
          return;
        }
        this.setStatus('');
        for (const item of reply.value) {
          const section = this.sections[item && item.status];
          if (!section) {
            continue;
          }
          section.list.append(this.row(item));
          section.placeholder.hidden = true;
        }
      }

      async act(endpoint, item, control, busy, failed) {
        control.textContent = busy;
        control.disabled = true;
        let reply;
        try {
          reply = await postJSON(endpoint, { course_id: item.course_id, assignment_id: item.assignment_id });
        } catch (error) {
          const note = el('span', 'kelas-mod-error', failed);
          control.replaceWith(note);
          return null;
        }
        return reply;
      }

      row(item) {
        const li = el('li', 'kelas-daftar-tugas-baris');
        li.dataset.assignment = String(item.assignment_id);
        const head = el('div', 'kelas-daftar-kepala');
        head.append(el('span', 'kelas-daftar-nama', item.assignment_id));
        li.append(head);
        if (item.status === 'released') {
          const fetch = button(T.fetch, 'kelas-ambil');
          fetch.addEventListener('click', async () => {
            const reply = await this.act('assignments/fetch', item, fetch, T.fetching, T.fetchError);
            if (reply) {
              this.show(reply);
            }
          });
          head.append(fetch);
        } else if (item.status === 'fetched') {
          const submit = button(T.submit, 'kelas-kumpulkan');
          submit.addEventListener('click', async () => {
            const reply = await this.act('assignments/submit', item, submit, T.submitting, T.submitError);
            if (!reply) {
              return;
            }
            if (reply.success) {
              this.show(reply);
            } else {
              submit.textContent = T.submit;
              submit.disabled = false;
              const details = typeof reply.value === 'string' ? reply.value : '';
              await show(T.submitRefusedTitle, message(T.submitRefused, details), true);
            }
          });
          head.append(submit);
          const notebooks = el('ul', 'kelas-daftar-notebook');
          for (const nb of Array.isArray(item.notebooks) ? item.notebooks : []) {
            const line = el('li');
            const open = el('a', 'kelas-buka', nb.notebook_id);
            open.href = '#';
            open.title = T.open;
            open.addEventListener('click', (event) => {
              event.preventDefault();
              void this.app.commands.execute('docmanager:open', { path: nb.path });
            });
            const check = button(T.validate, 'kelas-validasi', T.validateTip);
            check.addEventListener('click', async () => {
              check.textContent = T.validating;
              check.disabled = true;
              try {
                const ok = await validatePath(nb.path);
                check.classList.toggle('kelas-mod-success', ok);
                check.classList.toggle('kelas-mod-error', !ok);
              } finally {
                check.textContent = T.validate;
                check.disabled = false;
              }
            });
            line.append(open, check);
            notebooks.append(line);
          }
          li.append(notebooks);
        } else if (item.status === 'submitted') {
          const feedback = button(T.fetchFeedback, 'kelas-ambil-umpan-balik');
          feedback.addEventListener('click', async () => {
            const reply = await this.act('assignments/fetch_feedback', item, feedback, T.fetchingFeedback,
                                         T.fetchFeedbackError);
            if (reply) {
              this.show(reply);
            }
          });
          head.append(feedback);
          const submissions = el('ul', 'kelas-daftar-kiriman');
          for (const sub of Array.isArray(item.submissions) ? item.submissions : []) {
            const line = el('li');
            const when = String(sub.timestamp || '').replace(/\.\d{1,9}/, '');
            line.append(el('span', null, `${T.submittedAt} ${when} `));
            if (sub.has_local_feedback && !sub.feedback_updated && sub.local_feedback_path) {
              const view = el('a', 'kelas-lihat-umpan-balik', `(${T.viewFeedback})`);
              view.href = '#';
              view.addEventListener('click', (event) => {
                event.preventDefault();
                void this.app.commands.execute('filebrowser:go-to-path', { path: sub.local_feedback_path });
              });
              line.append(view);
            } else if (sub.has_exchange_feedback) {
              line.append(el('span', null, `(${T.feedbackReady})`));
            } else {
              line.append(el('span', null, `(${T.noFeedback})`));
            }
            submissions.append(line);
          }
          li.append(submissions);
        }
        return li;
      }
    }

    const assignmentsPlugin = {
      id: `${NAME}:daftar-tugas`,
      description: 'Panel Daftar Tugas (pengganti panel Assignments nbgrader).',
      autoStart: true,
      optional: [ILayoutRestorer, ICommandPalette],
      activate: (app, restorer, palette) => {
        const tracker = new WidgetTracker({ namespace: 'kelas-daftar-tugas' });
        let widget = null;
        app.commands.addCommand(COMMAND, {
          label: T.commandLabel,
          caption: T.panelTitle,
          execute: () => {
            if (!widget || widget.isDisposed) {
              widget = new MainAreaWidget({ content: new AssignmentsPanel(app) });
              widget.id = 'kelas-daftar-tugas';
              widget.title.label = T.panelTitle;
              widget.title.closable = true;
            }
            if (!tracker.has(widget)) {
              void tracker.add(widget);
            }
            if (!widget.isAttached) {
              app.shell.add(widget, 'main');
            }
            app.shell.activateById(widget.id);
          }
        });
        if (palette) {
          palette.addItem({ command: COMMAND, category: T.paletteCategory });
        }
        if (restorer) {
          void restorer.restore(tracker, { command: COMMAND, name: () => 'kelas-daftar-tugas' });
        }
      }
    };

    return [validatePlugin, assignmentsPlugin];
  }

  function addStyle() {
    if (document.getElementById('kelas-humas-nbgrader-style')) {
      return;
    }
    const style = document.createElement('style');
    style.id = 'kelas-humas-nbgrader-style';
    style.textContent = `
.kelas-validasi-dialog .jp-Dialog-content { max-width: min(56rem, 92vw); }
.kelas-validasi-hasil { max-width: 52rem; line-height: 1.45; overflow-wrap: anywhere; }
.kelas-validasi-hasil .kelas-validasi-ringkasan { margin: 0 0 0.75em; font-weight: 600; }
.kelas-validasi-daftar { margin: 0; padding-left: 1.4em; }
.kelas-validasi-daftar > li { margin: 0 0 0.9em; }
.kelas-validasi-judul { font-weight: 600; white-space: pre-wrap; }
.kelas-validasi-umpan-balik { white-space: pre-wrap; margin-top: 0.3em; }
.kelas-rincian pre { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 16em; overflow-y: auto; }
.kelas-daftar-tugas { padding: 1em 1.5em; overflow-y: auto; }
.kelas-daftar-bar { display: flex; gap: 1em; align-items: center; flex-wrap: wrap; }
.kelas-daftar-kursus select { margin-left: 0.5em; }
.kelas-daftar-status.kelas-mod-error, .kelas-daftar-tugas .kelas-mod-error { color: var(--jp-error-color1); }
.kelas-daftar-bagian h3 { margin: 1.2em 0 0.4em; }
.kelas-daftar-isi { list-style: none; margin: 0; padding: 0; }
.kelas-daftar-isi > li { border-top: 1px solid var(--jp-border-color2); padding: 0.5em 0; }
.kelas-daftar-kepala { display: flex; gap: 1em; align-items: center; }
.kelas-daftar-nama { font-weight: 600; min-width: 12em; }
.kelas-daftar-notebook, .kelas-daftar-kiriman { margin: 0.4em 0 0; padding-left: 1.5em; }
.kelas-daftar-notebook li { display: flex; gap: 1em; align-items: center; margin: 0.2em 0; }
.kelas-button.kelas-mod-success { border-color: var(--jp-success-color1); }
.kelas-button.kelas-mod-error { border-color: var(--jp-error-color1); }
`;
    document.head.append(style);
  }
})();
