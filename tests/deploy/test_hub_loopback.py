"""A real JupyterHub on loopback: a grader account running the course's formgrader service, an instructor and
three trainees as separate Unix accounts; release, fetch, submit, collect, grade (SQLite and PostgreSQL),
feedback; isolation between trainees; a submission tampered with after submitting (symbolic links to the
instructor's source and /dev/zero, a FIFO, an edit with a back-dated timestamp); the gradebook password never
on a command line; the instructor grading by hand in formgrader in a real browser (points and comment reach the
gradebook and the feedback), with a trainee's script never running; memory of a trainee's server.

Run as root (creates and removes accounts): `.venv/bin/python -m pytest -m hub tests/deploy -q -s`.
The tests of this module run in order and share one hub.
"""

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timezone
from urllib.parse import quote

import nbformat
import psutil
import pytest

sys.path.insert(0, os.path.dirname(__file__))

import course_fixture  # noqa: E402
import hubkit  # noqa: E402
import kernel_ws  # noqa: E402

pytestmark = pytest.mark.hub

sys.path.insert(0, os.path.join(hubkit.DEPLOY, "tljh"))
from tljh_kelas_humas import system  # noqa: E402
from tljh_kelas_humas.hub import role_environment  # noqa: E402
from tljh_kelas_humas.settings import settings_from_dict  # noqa: E402

NBGRADER = os.path.join(hubkit.VENV_BIN, "nbgrader")


class World:
    """Everything the ordered tests share."""


def _mkdir(path, mode, owner=None):
    os.makedirs(path, exist_ok=True)
    os.chmod(path, mode)
    if owner is not None:
        shutil.chown(path, owner.pw_name, owner.pw_gid)
    return path


def _chown_tree(path, entry):
    for dirpath, dirnames, filenames in os.walk(path):
        for name in dirnames + filenames + ["."]:
            os.chown(os.path.join(dirpath, name), entry.pw_uid, entry.pw_gid)


@pytest.fixture(scope="module")
def world():
    hubkit.require_root_tools()
    chp = hubkit.proxy_command()
    w = World()
    w.pg_bin = hubkit.postgres_bin()
    w.base = tempfile.mkdtemp(prefix="khd-hub-")
    os.chmod(w.base, 0o755)
    w.accounts = hubkit.UnixAccounts(_mkdir(os.path.join(w.base, "home"), 0o755))
    w.hub = None
    w.pg_data = None
    grant = hubkit.TraverseGrant(sys.executable).__enter__()
    try:
        sfx = hubkit.short_id()
        w.grader = f"khdg{sfx}"
        w.instructor = f"khdi{sfx}"
        w.trainees = [f"khdp{n}{sfx}" for n in (1, 2, 3)]
        entries = {name: w.accounts.add(name) for name in [w.grader, w.instructor, *w.trainees]}
        w.entries = entries
        w.exchange = _mkdir(os.path.join(w.base, "exchange"), 0o1777)
        w.course_root = _mkdir(os.path.join(w.base, "courses"), 0o755)
        course_dir = os.path.join(w.course_root, "tmp-course")
        course_id, assignment, w.our_grader = course_fixture.install_course(course_dir)
        w.course_id, w.assignment = course_id, assignment
        w.course_dir = os.path.join(w.course_root, course_id)
        os.rename(course_dir, w.course_dir)
        _chown_tree(w.course_dir, entries[w.grader])
        os.chmod(w.course_dir, 0o700)
        doc = {
            "kursus": [{"course_id": course_id, "instruktur": [w.instructor], "peserta": w.trainees,
                        "grader_account": w.grader, "service_port": hubkit.free_port()}],
            "exchange_root": w.exchange,
            "nbgrader_config_dir": os.path.join(hubkit.DEPLOY, "nbgrader"),
            "env_bin": hubkit.VENV_BIN,
            "course_root": w.course_root,
        }
        w.settings = settings_from_dict(doc)
        # As the TLJH plugin does: the course's exchange folder made ahead and handed to the grader account.
        w.course_exchange = system.ensure_course_exchange(w.settings, w.settings.courses[0],
                                                          run=lambda argv: subprocess.run(argv, check=True))
        w.grader_env = role_environment(w.settings, "instruktur")
        w.trainee_env = role_environment(w.settings, "peserta")
        workdir = _mkdir(os.path.join(w.base, "hub"), 0o700)
        ports = {k: hubkit.free_port() for k in ("hub", "hub_api", "proxy_api")}
        token = secrets.token_hex(32)
        config = hubkit.write_hub_config(workdir, doc, ports, token, chp)
        started = time.monotonic()
        w.hub = hubkit.start_hub(workdir, config, ports["hub"], token)
        for user in w.trainees:
            w.hub.start_server(user)
        with ThreadPoolExecutor(3) as pool:
            list(pool.map(w.hub.wait_ready, w.trainees))
        print(f"\nhub and three trainee servers ready in {time.monotonic() - started:.1f} s")
        yield w
    finally:
        if w.pg_data:
            subprocess.run(["runuser", "-u", w.grader, "--", os.path.join(w.pg_bin, "pg_ctl"), "-D", w.pg_data,
                            "-m", "immediate", "stop"], capture_output=True)
        if w.hub is not None:
            for user in getattr(w, "trainees", []):
                w.hub.api("DELETE", f"/users/{user}/server")
            w.hub.stop()
            print("\n--- hub.log (tail) ---\n" + open(os.path.join(w.hub.workdir, "hub.log")).read()[-4000:])
        w.accounts.remove_all()
        shutil.rmtree(w.base, ignore_errors=True)
        grant.__exit__(None, None, None)


def as_grader(w, *args, cwd=None):
    return hubkit.run_as(w.grader, [NBGRADER, *args], env=w.grader_env, cwd=cwd or w.course_dir)


def trainee_notebook_dir(w, user):
    return os.path.join(w.entries[user].pw_dir, w.course_id, w.assignment)


def server_tree_rss(w, user):
    """RSS in MiB of a user's single-user server and all its children (kernels)."""
    model = w.hub.api("GET", f"/users/{user}").json()
    pid = model["servers"][""]["state"]["pid"]
    root = psutil.Process(pid)
    procs = [root] + root.children(recursive=True)
    return sum(p.memory_info().rss for p in procs) / 2**20, len(procs)


def test_memory_of_an_idle_trainee_server(world):
    time.sleep(3)
    world.idle_mib, count = server_tree_rss(world, world.trainees[0])
    print(f"\nidle single-user server: {world.idle_mib:.0f} MiB RSS in {count} process(es)")
    assert 30 < world.idle_mib < 1000


def test_trainee_has_no_formgrader_but_the_instructor_has(world):
    w = world
    trainee = w.trainees[0]
    own = w.hub.get(f"/user/{trainee}/formgrader", trainee)
    assert own.status_code == 404, own.status_code
    service = w.hub.get(f"/services/{w.course_id}/formgrader", trainee)
    assert service.status_code == 403, service.status_code
    other = w.hub.get(f"/user/{w.trainees[1]}/lab", trainee)
    assert other.status_code == 403, other.status_code

    manage = f"/services/{w.course_id}/formgrader/manage_assignments"
    assert w.hub.get(manage, trainee).status_code == 403

    def service_up():
        return w.hub.get(manage, w.instructor).status_code == 200
    hubkit.wait_for(service_up, 30, "the course formgrader service")
    assert "formgrader" in w.hub.get(manage, w.instructor).text.lower()

    lab = w.hub.get(f"/user/{trainee}/lab", trainee)
    assert lab.status_code == 200
    data = json.loads(re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
                                lab.text, re.S).group(1))
    disabled = data.get("disabledExtensions", [])
    for plugin in ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment"):
        assert plugin in disabled, disabled
    # Validasi and Daftar Tugas in Indonesian (deploy/labextension): our extension is loaded and nbgrader's
    # English validate and assignment-list plugins are off, and the hub serves its script to the trainee.
    loaded = {e["name"]: e for e in data.get("federated_extensions", [])}
    assert "kelas-humas-nbgrader" in loaded, sorted(loaded)
    for plugin in ("@jupyter/nbgrader:validate-assignment", "@jupyter/nbgrader:assignment-list"):
        assert plugin in disabled, disabled
    script = w.hub.get(f"/user/{trainee}/lab/extensions/kelas-humas-nbgrader/{loaded['kelas-humas-nbgrader']['load']}",
                       trainee)
    assert script.status_code == 200 and "Hasil validasi" in script.text, script.status_code


def test_release_fetch_answer_submit(world):
    w = world
    as_grader(w, "generate_assignment", w.assignment, "--force")
    as_grader(w, "release_assignment", w.assignment, "--force")
    shares = dict(zip(w.trainees, (1.0, 0.0, 0.5)))
    source_nb = next(os.path.join(w.course_dir, "source", w.assignment, f)
                     for f in sorted(os.listdir(os.path.join(w.course_dir, "source", w.assignment)))
                     if f.endswith(".ipynb"))
    w.notebook_id = os.path.splitext(os.path.basename(source_nb))[0]
    form = {"course_id": w.course_id, "assignment_id": w.assignment}
    for user in w.trainees:
        listed = w.hub.get(f"/user/{user}/assignments?course_id={w.course_id}", user)
        assert listed.status_code == 200, listed.text
        assert any(a["assignment_id"] == w.assignment for a in listed.json()["value"]), listed.text
        fetched = w.hub.post(f"/user/{user}/assignments/fetch", user, form)
        assert fetched.status_code == 200 and fetched.json()["success"], fetched.text
        copy = os.path.join(trainee_notebook_dir(w, user), f"{w.notebook_id}.ipynb")
        assert os.stat(copy).st_uid == w.entries[user].pw_uid
        course_fixture.answer(copy, source_nb, shares[user])
        if user == w.trainees[2]:
            w.hostile_answer = _add_hostile_cells(copy, w.entries[user])
        submitted = w.hub.post(f"/user/{user}/assignments/submit", user, form)
        assert submitted.status_code == 200 and submitted.json()["success"], submitted.text
    inbound = os.path.join(w.exchange, w.course_id, "inbound")
    w.submissions = {u: [d for d in os.listdir(inbound) if d.startswith(f"{u}+")] for u in w.trainees}
    assert all(len(v) == 1 for v in w.submissions.values()), w.submissions


def test_validasi_on_the_hub(world):
    """What the Validasi button shows, asked of each trainee's own server as the button asks it: all model
    answers, none, half. Indonesian headings with points in words, never the grading code."""
    w = world
    # never skipped: the repository always holds the real course, and Validasi is what trainees press
    assert w.our_grader, "the hub was set up with the stand-in course: exercises/ or the autograders package is missing"

    def validate(user):
        path = f"{w.course_id}/{w.assignment}/{w.notebook_id}.ipynb"
        reply = w.hub.post(f"/user/{user}/assignments/validate", user, {"path": path})
        assert reply.status_code == 200, reply.text
        data = reply.json()
        assert data["success"] is True, data
        return data["value"] if isinstance(data["value"], dict) else json.loads(data["value"])

    # The third trainee's working copy still holds the locked cell they added (_add_hostile_cells): Validasi
    # names it as changed, in Indonesian, and grades nothing; the trainee removes it and validates again.
    hostile = w.trainees[2]
    changed = validate(hostile)
    assert "tasks" not in changed and [c["source"] for c in changed["changed"]] == [
        "Sel petunjuk_tambahan: isinya berubah"], changed
    copy = os.path.join(trainee_notebook_dir(w, hostile), f"{w.notebook_id}.ipynb")
    nb = nbformat.read(copy, as_version=4)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "petunjuk_tambahan"]
    nbformat.write(nb, copy)
    os.chown(copy, w.entries[hostile].pw_uid, w.entries[hostile].pw_gid)

    points = {}
    for user, kind in zip(w.trainees, ("penuh", "kosong", "separuh")):
        value = validate(user)
        tasks = value["tasks"]
        assert tasks and all(re.search(r": \d+(,\d+)? dari \d+(,\d+)? poin \((poin penuh|nilai sebagian|"
                                       r"belum mendapat poin)\)$", t["source"]) for t in tasks), tasks
        points[kind] = sum(float(re.search(r": (\d+(?:,\d+)?) dari ", t["source"]).group(1).replace(",", "."))
                           for t in tasks)
        text = json.dumps(value, ensure_ascii=False)
        for leak in ("grade_cell(", "rubric_check", "Traceback", "You did not provide a response"):
            assert leak not in text, (kind, leak)
        if kind == "kosong":
            assert all(f["source"].endswith("(belum mendapat poin)") for f in value["failed"]), value["failed"]
    assert points["penuh"] > points["separuh"] > points["kosong"] == 0, points


XSS_PAYLOAD = ('Jawaban saya. <img src=x onerror="window.__xss=1;alert(1)"> '
               '[klik di sini](javascript:window.__xss=2) <svg onload="window.__xss=3"></svg> '
               '[atau di sini](&#106;avascript:window.__xss=5) [berkas](data:text/html,x)')
ADDED_LOCKED = "<script>window.__xss=4; alert(4)</script>Petunjuk palsu"


def _add_hostile_cells(path, owner):
    """The trainee writes script into an unanswered answer cell and adds a Markdown cell marked locked, with
    metadata copied from an instructor cell; returns the answer cell's grade_id."""
    nb = nbformat.read(path, as_version=4)
    answers = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]
    target = answers[-1]
    target.source = XSS_PAYLOAD
    locked = next(c for c in nb.cells if c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("locked"))
    added = nbformat.v4.new_markdown_cell(ADDED_LOCKED)
    added.metadata["nbgrader"] = dict(locked.metadata["nbgrader"], grade_id="petunjuk_tambahan")
    nb.cells.insert(1, added)
    nbformat.write(nb, path)
    os.chown(path, owner.pw_uid, owner.pw_gid)
    return target.metadata["nbgrader"]["grade_id"]


def _try(w, user, code):
    """Run `code` as `user`; it prints DENIED on PermissionError, ALLOWED otherwise."""
    program = f"try:\n    {code}\n    print('ALLOWED')\nexcept PermissionError:\n    print('DENIED')\n"
    return hubkit.python_as(user, program, check=True).stdout.strip()


def test_trainees_are_isolated(world):
    w = world
    p1, p2 = w.trainees[0], w.trainees[1]
    inbound = os.path.join(w.exchange, w.course_id, "inbound")
    p1_dir = os.path.join(inbound, w.submissions[p1][0])
    p1_nb = os.path.join(p1_dir, f"{w.notebook_id}.ipynb")
    source_nb = os.path.join(w.course_dir, "source", w.assignment, f"{w.notebook_id}.ipynb")
    # The owner reads her own submission: the checks below can fail for the right reason only.
    assert _try(w, p1, f"open({p1_nb!r}).read()") == "ALLOWED"
    assert _try(w, p2, f"open({p1_nb!r}).read()") == "DENIED"
    assert _try(w, p2, f"import os; os.listdir({inbound!r})") == "DENIED"
    assert _try(w, p2, f"open({os.path.join(p1_dir, 'sisipan.txt')!r}, 'w').write('x')") == "DENIED"
    assert _try(w, p2, f"open({p1_nb!r}, 'a').write('x')") == "DENIED"
    assert _try(w, p2, f"open({source_nb!r}).read()") == "DENIED"
    assert _try(w, p2, f"import os; os.listdir({w.entries[p1].pw_dir!r})") == "DENIED"
    # The course's exchange folder was made ahead by the grader: no trainee can squat or fill it.
    assert _try(w, p2, f"import os; os.mkdir({os.path.join(w.course_exchange, 'outbound2')!r})") == "DENIED"
    # A forged, newer submission in p1's name by p2 must not replace p1's real one at collection.
    forged = os.path.join(inbound, f"{p1}+{w.assignment}+2999-01-01 00:00:00.000000 UTC+palsu")
    hubkit.python_as(p2, f"import os, shutil; os.mkdir({forged!r}); "
                         f"open(os.path.join({forged!r}, {w.notebook_id + '.ipynb'!r}), 'w').write('{{}}')",
                     check=True)
    w.forged = forged


def test_tampering_after_submitting(world):
    """After submitting, a trainee still owns the submission folder. p2 swaps the notebook for a link to the
    instructor's source (model answers, hidden tests), adds a link to /dev/zero and a FIFO; p3 edits an answer
    and sets the timestamp file and every date back to 2000."""
    w = world
    p2, p3 = w.trainees[1], w.trainees[2]
    inbound = os.path.join(w.exchange, w.course_id, "inbound")
    p2_dir = os.path.join(inbound, w.submissions[p2][0])
    source_nb = os.path.join(w.course_dir, "source", w.assignment, f"{w.notebook_id}.ipynb")
    hubkit.python_as(p2, f"""
import os
d = {p2_dir!r}
os.remove(os.path.join(d, {w.notebook_id + '.ipynb'!r}))
os.symlink({source_nb!r}, os.path.join(d, {w.notebook_id + '.ipynb'!r}))
os.symlink('/dev/zero', os.path.join(d, 'nol.ipynb'))
os.mkfifo(os.path.join(d, 'pipa.ipynb'))
open(os.path.join(d, 'timestamp.txt'), 'w').write('2000-01-01 00:00:00.000000 UTC')
""", check=True)
    time.sleep(1.1)  # the edit comes clearly after the submission
    w.edit_time = time.time()
    p3_dir = os.path.join(inbound, w.submissions[p3][0])
    result = hubkit.python_as(p3, f"""
import json, os, time
d = {p3_dir!r}
path = os.path.join(d, {w.notebook_id + '.ipynb'!r})
nb = json.load(open(path))
cell = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {{}}).get("solution"))
cell["source"] = "".join(cell["source"]) + " Ditambah setelah dikirim."
json.dump(nb, open(path, "w"))
open(os.path.join(d, 'timestamp.txt'), 'w').write('2000-01-01 00:00:00.000000 UTC')
old = time.mktime((2000, 1, 1, 0, 0, 0, 0, 0, 0))
for name in os.listdir(d) + ['']:
    os.utime(os.path.join(d, name), (old, old))
print("OK")
""", check=True)
    assert result.stdout.strip() == "OK", result.stderr


def _scores(db_url, assignment, students):
    from nbgrader.api import Gradebook
    with Gradebook(db_url) as gb:
        return {s: gb.find_submission(assignment, s).score for s in students}


def _grade(w, course_dir, db_url=None):
    if not w.our_grader:
        as_grader(w, "autograde", w.assignment, "--force", cwd=course_dir)
        return
    args = ["--course", course_dir, "--assignment", w.assignment, "--force", "--jobs", "2"]
    if db_url is not None:
        args += ["--db-url", db_url]
    argv = [sys.executable, "-m", "autograders", "grade", *args]
    done = hubkit.run_as(w.grader, argv, env=w.grader_env, cwd=course_dir, check=False)
    # Exit 1: graded, with an error for the submission whose notebook was refused at collection.
    assert done.returncode == 1, (done.stdout[-3000:], done.stderr[-3000:])


def _start_postgres(w):
    """initdb in a temp folder as the grader account, start it on a loopback port; returns the db URL, which
    holds no password: the grader account's ~/.pgpass (0600) does."""
    pg_bin = w.pg_bin
    w.pg_data = _mkdir(os.path.join(w.base, "pgdata"), 0o700, w.entries[w.grader])
    sock = _mkdir(os.path.join(w.base, "pgsock"), 0o700, w.entries[w.grader])
    password = secrets.token_hex(12)
    pwfile = os.path.join(w.base, "pgpw")
    with open(pwfile, "w") as handle:
        handle.write(password)
    shutil.chown(pwfile, w.grader)
    os.chmod(pwfile, 0o600)
    port = hubkit.free_port()
    hubkit.run_as(w.grader, [os.path.join(pg_bin, "initdb"), "-D", w.pg_data, "-U", "nbgrader", "--pwfile", pwfile,
                             "--auth-local=peer", "--auth-host=scram-sha-256", "-E", "UTF8"])
    hubkit.run_as(w.grader, [os.path.join(pg_bin, "pg_ctl"), "-D", w.pg_data, "-w", "-l",
                             os.path.join(sock, "pg.log"), "-o",
                             f"-p {port} -k {sock} -c listen_addresses=127.0.0.1", "start"])
    import psycopg2
    conn = psycopg2.connect(host="127.0.0.1", port=port, user="nbgrader", password=password, dbname="postgres")
    conn.autocommit = True
    conn.cursor().execute("CREATE DATABASE gradebook")
    conn.close()
    pgpass = os.path.join(w.entries[w.grader].pw_dir, ".pgpass")
    with open(pgpass, "w") as handle:
        handle.write(f"127.0.0.1:{port}:*:nbgrader:{password}\n")
    shutil.chown(pgpass, w.grader, w.grader)
    os.chmod(pgpass, 0o600)
    w.pg_password = password
    return f"postgresql+psycopg2://nbgrader@127.0.0.1:{port}/gradebook"


def _grade_watching_for(w, course_dir, secret):
    """Grade with our grader as the grader account while reading every process's command line, as any local
    user can; returns the command lines that showed `secret`."""
    argv = [sys.executable, "-m", "autograders", "grade", "--course", course_dir, "--assignment", w.assignment,
            "--force", "--jobs", "2"]
    proc = subprocess.Popen(hubkit.command_as(w.grader, argv, w.grader_env), cwd=course_dir,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = []
    while proc.poll() is None:
        seen += [line for line in hubkit.command_lines() if secret in line]
        time.sleep(0.02)
    out, err = proc.communicate()
    assert proc.returncode == 1, err[-3000:]
    return seen


def test_collect_and_grade_on_sqlite_and_postgresql(world):
    w = world
    started = time.monotonic()
    as_grader(w, "collect", w.assignment)  # returns: the link to /dev/zero and the FIFO were never read
    submitted = os.path.join(w.course_dir, "submitted")
    assert sorted(os.listdir(submitted)) == sorted(w.trainees)
    collected = nbformat.read(os.path.join(submitted, w.trainees[0], w.assignment, f"{w.notebook_id}.ipynb"), 4)
    assert collected.cells, "the forged empty submission was collected instead of the real one"
    p2, p3 = w.trainees[1], w.trainees[2]
    p2_dir = os.path.join(submitted, p2, w.assignment)
    kept = set(os.listdir(p2_dir))
    assert {".kelas_pengumpulan.json", "submission_secret.txt", "timestamp.txt"} <= kept
    assert not kept & {f"{w.notebook_id}.ipynb", "nol.ipynb", "pipa.ipynb"}, kept
    record = json.load(open(os.path.join(p2_dir, ".kelas_pengumpulan.json"), encoding="utf-8"))
    assert {r["berkas"]: r["alasan"] for r in record["ditolak"]} == {
        f"{w.notebook_id}.ipynb": "tautan simbolik", "nol.ipynb": "tautan simbolik",
        "pipa.ipynb": "berkas khusus (FIFO, soket, atau perangkat)"}
    from nbgrader.utils import parse_utc

    for user, earliest in ((p2, w.edit_time - 60), (p3, w.edit_time - 0.01)):
        stamp = open(os.path.join(submitted, user, w.assignment, "timestamp.txt"), encoding="utf-8").read()
        assert parse_utc(stamp).replace(tzinfo=timezone.utc).timestamp() >= earliest, (user, stamp)
    _grade(w, w.course_dir)
    sqlite_url = f"sqlite:///{os.path.join(w.course_dir, 'gradebook.db')}"
    w.sqlite_scores = _scores(sqlite_url, w.assignment, w.trainees)
    from nbgrader.api import Gradebook

    with Gradebook(sqlite_url) as gb:
        # p3's submission is dated by its last change, not by the year 2000 it claimed.
        when = gb.find_submission(w.assignment, p3).timestamp
        assert when.replace(tzinfo=timezone.utc).timestamp() >= w.edit_time - 0.01, when
        # p2 gained nothing from the instructor's source: 0 points and a flag in the comment.
        comments = [c.auto_comment or "" for c in gb.find_submission(w.assignment, p2).notebooks[0].comments]
    assert w.sqlite_scores[p2] == 0
    assert any("Tautan simbolik atau berkas khusus: " in c for c in comments), comments  # the flag in words

    pg_url = _start_postgres(w)
    pg_course = os.path.join(w.course_root, f"{w.course_id}-pg")
    shutil.copytree(w.course_dir, pg_course,
                    ignore=shutil.ignore_patterns("gradebook.db", "autograded", "feedback", ".nilai*", ".grad*"))
    with open(os.path.join(pg_course, "nbgrader_config.py"), "a") as handle:
        handle.write(f"\nc.CourseDirectory.root = {pg_course!r}\nc.CourseDirectory.db_url = {pg_url!r}\n")
    _chown_tree(pg_course, w.entries[w.grader])
    as_grader(w, "generate_assignment", w.assignment, "--force", cwd=pg_course)
    # The password is in ~/.pgpass only: not on any command line while grading, and refused if given there.
    assert _grade_watching_for(w, pg_course, w.pg_password) == []
    refused = hubkit.run_as(w.grader, [sys.executable, "-m", "autograders", "grade", "--course", pg_course,
                                       "--assignment", w.assignment, "--db-url",
                                       pg_url.replace("nbgrader@", "nbgrader:bukan-sandi-asli@")],
                            env=w.grader_env, cwd=pg_course, check=False)
    assert refused.returncode == 2 and "~/.pgpass" in refused.stderr, refused.stderr
    conn_url = pg_url.replace("nbgrader@", f"nbgrader:{w.pg_password}@")  # the test's own reading, as root
    pg_scores = _scores(conn_url, w.assignment, w.trainees)
    print(f"\nscores SQLite {w.sqlite_scores}, PostgreSQL {pg_scores} ({time.monotonic() - started:.0f} s)")
    assert pg_scores == w.sqlite_scores
    full, empty, half = (w.sqlite_scores[u] for u in w.trainees)
    assert full > empty and full >= half >= empty


def test_feedback_reaches_each_trainee(world):
    w = world
    as_grader(w, "generate_feedback", w.assignment, "--force")
    as_grader(w, "release_feedback", w.assignment)
    form = {"course_id": w.course_id, "assignment_id": w.assignment}
    for user in w.trainees:
        reply = w.hub.post(f"/user/{user}/assignments/fetch_feedback", user, form)
        assert reply.status_code == 200 and reply.json()["success"], reply.text
        feedback_root = os.path.join(trainee_notebook_dir(w, user), "feedback")
        pages = [os.path.join(d, f) for d, _, fs in os.walk(feedback_root) for f in fs if f.endswith(".html")]
        if user == w.trainees[1]:  # p2's notebook was refused at collection: nothing was graded, no page
            assert pages == []
            continue
        assert len(pages) == 1, pages
        assert os.stat(pages[0]).st_uid == w.entries[user].pw_uid
        score = w.sqlite_scores[user]
        assert re.search(rf"\b{score:g}\b|{score:.1f}|{score:.2f}", open(pages[0], encoding="utf-8").read())


def _submission_ids(w, student):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{os.path.join(w.course_dir, 'gradebook.db')}") as gb:
        nb = gb.find_submission_notebook(w.notebook_id, w.assignment, student)
        return nb.id, gb.find_submission(w.assignment, student).score


def _manual(w, student, grade_id):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{os.path.join(w.course_dir, 'gradebook.db')}") as gb:
        grade = gb.find_grade(grade_id, w.notebook_id, w.assignment, student)
        comment = gb.find_comment(grade_id, w.notebook_id, w.assignment, student)
        return grade.manual_score, comment.manual_comment, gb.find_submission(w.assignment, student).score


def test_instructor_grades_by_hand_in_formgrader(world):
    """In Chromium, the instructor logs in, opens p3's submission in formgrader (it opened none before: HTTP 500,
    TemplateNotFound), gives manual points and a comment to an answer cell; the points and the comment reach
    the gradebook and p3's feedback. The script p3 wrote never runs, and the page carries a policy that would
    stop it anyway."""
    from playwright.sync_api import sync_playwright

    w = world
    p3 = w.trainees[2]
    answer_id = w.hostile_answer
    submission_id, score_before = _submission_ids(w, p3)
    base = f"/services/{w.course_id}/formgrader"
    page_path = f"{base}/submissions/{submission_id}/"
    comment_text = ("Nada sudah sopan; tambahkan jam layanan. **Bagus**. [Pedoman](https://example.org/p) "
                    "[salin](javascript:window.__xss=7)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=hubkit.chromium(), headless=True, args=hubkit.CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            dialogs = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(f"{w.hub.url}/hub/login?next={quote(page_path)}")
            page.fill("#username_input", w.instructor)
            page.fill("#password_input", "sandi-uji")
            page.click("#login_submit")
            page.wait_for_url(f"**{page_path}", timeout=60_000)
            reply = page.goto(f"{w.hub.url}{page_path}")
            assert reply.status == 200, reply.text()[-2000:]
            policy = reply.headers.get("content-security-policy", "")
            script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
            assert "'self'" in script_src and "'unsafe-inline'" not in script_src, policy
            page.wait_for_load_state("networkidle")
            score_input = page.locator(f"input.score#{answer_id}")
            comment_box = page.locator(f"textarea#{answer_id}-comment")
            assert score_input.count() == 1 and comment_box.count() == 1
            # formgrader's own scripts ran (they are allowed by hash): the models are loaded and rendered.
            page.wait_for_function("document.querySelectorAll('input.score[placeholder]').length > 0", timeout=30_000)
            with page.expect_response(lambda r: "/api/grade/" in r.url and r.request.method == "PUT") as saved:
                score_input.fill("1")
                score_input.press("Tab")
            assert saved.value.status == 200, saved.value.text()
            with page.expect_response(lambda r: "/api/comment/" in r.url and r.request.method == "PUT") as saved:
                comment_box.fill(comment_text)
                comment_box.press("Tab")
            assert saved.value.status == 200, saved.value.text()
            # What p3 wrote is on the page as text, and none of it ran.
            body = page.content()
            assert "onerror=" in page.inner_text("body") and "<img src=\"x\" onerror" not in body
            assert page.evaluate("window.__xss") is None and dialogs == []
            assert page.locator("a[href^='javascript:' i]").count() == 0
            assert page.locator("a[href^='data:' i]").count() == 0

            manual, comment, score_after = _manual(w, p3, answer_id)
            assert manual == 1.0 and comment == comment_text
            assert score_after == pytest.approx(score_before + 1)

            # The feedback, generated again, carries the points and the comment; p3 fetches it.
            as_grader(w, "generate_feedback", w.assignment, "--force", "--student", p3)
            as_grader(w, "release_feedback", w.assignment, "--student", p3)
            form = {"course_id": w.course_id, "assignment_id": w.assignment}
            reply = w.hub.post(f"/user/{p3}/assignments/fetch_feedback", p3, form)
            assert reply.status_code == 200 and reply.json()["success"], reply.text
            root = os.path.join(trainee_notebook_dir(w, p3), "feedback")
            pages = sorted((os.path.getmtime(os.path.join(d, f)), os.path.join(d, f))
                           for d, _, fs in os.walk(root) for f in fs if f.endswith(".html"))
            feedback = open(pages[-1][1], encoding="utf-8").read()
            assert "Nada sudah sopan; tambahkan jam layanan." in feedback and "<strong>Bagus</strong>" in feedback
            assert re.search(rf"\b{score_after:g}\b|{score_after:.1f}|{score_after:.2f}", feedback)
            # The feedback page, opened in the browser, runs none of p3's script either.
            page.goto(f"file://{pages[-1][1]}")
            page.wait_for_load_state("load")
            assert page.evaluate("window.__xss") is None and dialogs == []
            assert "Petunjuk palsu" in page.inner_text("body")
            # links survive only to http(s), mailto or relative addresses (autograders.grading.safe_links)
            hrefs = page.eval_on_selector_all("[href], [src]", "els => els.map(e => e.href || e.src)")
            assert not [h for h in hrefs if h.split(":")[0].lower() in ("javascript", "data", "vbscript")], hrefs
            assert page.locator("a[href='https://example.org/p']").count() == 1
        finally:
            browser.close()


def test_memory_of_an_active_trainee_server(world):
    w = world
    user = w.trainees[0]
    token = w.hub.token_for(user)
    reply = w.hub.post(f"/user/{user}/api/kernels", user, data=json.dumps({"name": "python3"}))
    assert reply.status_code == 201, reply.text
    kernel_id = reply.json()["id"]
    code = ("import pandas, matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
            "from autograders.engine.pipeline import analyze\n"
            f"text = open({os.path.join(hubkit.REPO, 'samples', 'blog-mal-pelayanan.md')!r}).read()\n"
            "report = analyze(text, lang='id', keyphrase='mal pelayanan publik')\n"
            "fig = plt.figure(); plt.plot(range(10)); fig.savefig('/dev/null', format='png')\n"
            "print('SELESAI')\n")
    status, outputs = kernel_ws.execute(w.hub.url, user, token, kernel_id, code)
    assert status == "ok", outputs
    assert any("SELESAI" in o.get("text", "") for o in outputs)
    active_mib, count = server_tree_rss(w, user)
    print(f"\nactive single-user server (kernel ran the course tools): {active_mib:.0f} MiB RSS "
          f"in {count} processes; idle was {w.idle_mib:.0f} MiB")
    assert count >= 2 and active_mib > w.idle_mib
