"""A real JupyterHub on loopback: a grader account running the course's formgrader service, an instructor and
three trainees as separate Unix accounts; release, fetch, submit, collect, grade (SQLite and PostgreSQL),
feedback; isolation between trainees; memory of a trainee's server.

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

import nbformat
import psutil
import pytest

sys.path.insert(0, os.path.dirname(__file__))

import course_fixture  # noqa: E402
import hubkit  # noqa: E402
import kernel_ws  # noqa: E402

pytestmark = pytest.mark.hub

sys.path.insert(0, os.path.join(hubkit.DEPLOY, "tljh"))
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
        submitted = w.hub.post(f"/user/{user}/assignments/submit", user, form)
        assert submitted.status_code == 200 and submitted.json()["success"], submitted.text
    inbound = os.path.join(w.exchange, w.course_id, "inbound")
    w.submissions = {u: [d for d in os.listdir(inbound) if d.startswith(f"{u}+")] for u in w.trainees}
    assert all(len(v) == 1 for v in w.submissions.values()), w.submissions


def test_validasi_on_the_hub(world):
    """What the Validasi button shows, asked of each trainee's own server as the button asks it: all model
    answers, none, half. Indonesian headings with points in words, never the grading code."""
    w = world
    if not w.our_grader:
        pytest.skip("the fixture course has no Indonesian validator")
    points = {}
    for user, kind in zip(w.trainees, ("penuh", "kosong", "separuh")):
        path = f"{w.course_id}/{w.assignment}/{w.notebook_id}.ipynb"
        reply = w.hub.post(f"/user/{user}/assignments/validate", user, {"path": path})
        assert reply.status_code == 200, reply.text
        data = reply.json()
        assert data["success"] is True, data
        value = data["value"] if isinstance(data["value"], dict) else json.loads(data["value"])
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
    # A forged, newer submission in p1's name by p2 must not replace p1's real one at collection.
    forged = os.path.join(inbound, f"{p1}+{w.assignment}+2999-01-01 00:00:00.000000 UTC+palsu")
    hubkit.python_as(p2, f"import os, shutil; os.mkdir({forged!r}); "
                         f"open(os.path.join({forged!r}, {w.notebook_id + '.ipynb'!r}), 'w').write('{{}}')",
                     check=True)
    w.forged = forged


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
    hubkit.run_as(w.grader, argv, env=w.grader_env, cwd=course_dir)


def _start_postgres(w):
    """initdb in a temp folder as the grader account, start it on a loopback port; returns the db URL."""
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
    return f"postgresql+psycopg2://nbgrader:{password}@127.0.0.1:{port}/gradebook"


def test_collect_and_grade_on_sqlite_and_postgresql(world):
    w = world
    started = time.monotonic()
    as_grader(w, "collect", w.assignment)
    submitted = os.path.join(w.course_dir, "submitted")
    assert sorted(os.listdir(submitted)) == sorted(w.trainees)
    collected = nbformat.read(os.path.join(submitted, w.trainees[0], w.assignment, f"{w.notebook_id}.ipynb"), 4)
    assert collected.cells, "the forged empty submission was collected instead of the real one"
    _grade(w, w.course_dir)
    sqlite_url = f"sqlite:///{os.path.join(w.course_dir, 'gradebook.db')}"
    w.sqlite_scores = _scores(sqlite_url, w.assignment, w.trainees)

    pg_url = _start_postgres(w)
    pg_course = os.path.join(w.course_root, f"{w.course_id}-pg")
    shutil.copytree(w.course_dir, pg_course,
                    ignore=shutil.ignore_patterns("gradebook.db", "autograded", "feedback", ".nilai*", ".grad*"))
    with open(os.path.join(pg_course, "nbgrader_config.py"), "a") as handle:
        handle.write(f"\nc.CourseDirectory.root = {pg_course!r}\nc.CourseDirectory.db_url = {pg_url!r}\n")
    _chown_tree(pg_course, w.entries[w.grader])
    as_grader(w, "generate_assignment", w.assignment, "--force", cwd=pg_course)
    _grade(w, pg_course, pg_url)
    pg_scores = _scores(pg_url, w.assignment, w.trainees)
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
        assert len(pages) == 1, pages
        assert os.stat(pages[0]).st_uid == w.entries[user].pw_uid
        score = w.sqlite_scores[user]
        assert re.search(rf"\b{score:g}\b|{score:.1f}|{score:.2f}", open(pages[0], encoding="utf-8").read())


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
