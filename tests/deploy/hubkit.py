"""Helpers of the loopback hub tests: tools, Unix accounts, processes, HTTP through the hub.

Everything binds to 127.0.0.1. A missing piece that .ci/run can install makes the test fail with a message
saying what is missing; nothing is skipped.
"""

import glob
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
import uuid

import pytest
import requests

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEPLOY = os.path.join(REPO, "deploy")
HUB_TEST = os.path.join(DEPLOY, "hub-test")
VENV_BIN = os.path.dirname(sys.executable)


def need(condition, what):
    """Fail loudly (never skip) when a piece the test needs is missing."""
    if not condition:
        pytest.fail(f"missing for the hub test: {what}", pytrace=False)


def proxy_command():
    """Path of configurable-http-proxy from deploy/hub-test, installing it with `npm ci` when absent."""
    chp = os.path.join(HUB_TEST, "node_modules", ".bin", "configurable-http-proxy")
    if not os.path.exists(chp):
        need(shutil.which("npm"), "npm (Debian packages nodejs npm)")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HUB_TEST, check=True)
    need(os.path.exists(chp), f"{chp} after npm ci")
    return chp


def postgres_bin():
    """Folder of Debian's PostgreSQL server programs (initdb, pg_ctl)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    need(found, "PostgreSQL server (Debian package postgresql: /usr/lib/postgresql/*/bin/initdb)")
    return os.path.dirname(found[-1])


def require_root_tools():
    need(os.geteuid() == 0, "root (the test creates Unix accounts and the hub spawns servers as them)")
    for tool in ("useradd", "userdel", "runuser", "node"):
        need(shutil.which(tool), tool)


class TraverseGrant:
    """Let other accounts reach the Python interpreter behind the virtualenv (its base interpreter may live
    under a 0700 home such as /root): add o+x to the folders on the way for the test, restore them after."""

    def __init__(self, target):
        self.changed = []
        path = os.path.dirname(os.path.realpath(target))
        while path != "/":
            mode = os.stat(path).st_mode & 0o7777
            if not mode & 0o001:
                self.changed.append((path, mode))
            path = os.path.dirname(path)

    def __enter__(self):
        for path, mode in self.changed:
            os.chmod(path, mode | 0o001)
        return self

    def __exit__(self, *exc):
        for path, mode in self.changed:
            os.chmod(path, mode)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def short_id():
    return uuid.uuid4().hex[:5]


class UnixAccounts:
    """Create local accounts for one test run (homes 0700 under `base`) and remove them afterwards."""

    def __init__(self, base):
        self.base = base
        self.names = []

    def add(self, name):
        home = os.path.join(self.base, name)
        subprocess.run(["useradd", "--create-home", "--home-dir", home, "--shell", "/bin/bash",
                        "--user-group", name], check=True, capture_output=True)
        self.names.append(name)
        os.chmod(home, 0o700)
        return pwd.getpwnam(name)

    def remove_all(self):
        for name in reversed(self.names):
            subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True)
        time.sleep(0.3)
        for name in reversed(self.names):
            subprocess.run(["userdel", "--remove", "--force", name], capture_output=True)
        self.names = []


def command_as(user, argv, env=None):
    """The command line that runs `argv` as Unix `user` with a clean environment (plus `env`)."""
    entry = pwd.getpwnam(user)
    base = {"HOME": entry.pw_dir, "USER": user, "LOGNAME": user, "LANG": "C.UTF-8",
            "PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin"}
    base.update(env or {})
    return ["runuser", "-u", user, "--", "env", "-i"] + [f"{k}={v}" for k, v in base.items()] + list(argv)


def command_lines():
    """The command line of every process on the machine, as any local user can read it in /proc."""
    out = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as handle:
                    out.append(handle.read().replace(b"\0", b" ").decode("utf-8", "replace"))
            except OSError:
                continue
    return out


def run_as(user, argv, env=None, cwd=None, check=True, timeout=300):
    """Run `argv` as Unix `user` with a clean environment (plus `env`)."""
    entry = pwd.getpwnam(user)
    cmd = command_as(user, argv, env)
    result = subprocess.run(cmd, cwd=cwd or entry.pw_dir, capture_output=True, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"as {user}: {' '.join(argv)} failed ({result.returncode}):\n"
                             f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def python_as(user, code, env=None, check=False):
    """Run a small Python program as `user`; returns the CompletedProcess."""
    return run_as(user, [sys.executable, "-c", code], env=env, check=check)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def chromium():
    need(os.access(CHROMIUM, os.X_OK), f"{CHROMIUM} (Debian package chromium)")
    return CHROMIUM


def wait_for(predicate, timeout, what):
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        try:
            if predicate():
                return
        except Exception as error:  # noqa: BLE001 - keep polling, report the last error
            last = error
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what} (last error: {last!r})")


class Hub:
    """A running JupyterHub on loopback with a service token for the test's own API calls."""

    def __init__(self, workdir, port, api_token, process):
        self.workdir = workdir
        self.url = f"http://127.0.0.1:{port}"
        self.api_token = api_token
        self.process = process
        self.user_tokens = {}

    def api(self, method, path, token=None, **kwargs):
        headers = {"Authorization": f"token {token or self.api_token}"}
        return requests.request(method, f"{self.url}/hub/api{path}", headers=headers, timeout=60, **kwargs)

    def token_for(self, user):
        if user not in self.user_tokens:
            reply = self.api("POST", f"/users/{user}/tokens", json={"note": "uji", "expires_in": 3600})
            assert reply.status_code == 201, reply.text
            self.user_tokens[user] = reply.json()["token"]
        return self.user_tokens[user]

    def get(self, path, user, **kwargs):
        return requests.get(f"{self.url}{path}", headers={"Authorization": f"token {self.token_for(user)}"},
                            timeout=120, allow_redirects=False, **kwargs)

    def post(self, path, user, data):
        return requests.post(f"{self.url}{path}", headers={"Authorization": f"token {self.token_for(user)}"},
                             data=data, timeout=300, allow_redirects=False)

    def start_server(self, user):
        reply = self.api("POST", f"/users/{user}/server")
        assert reply.status_code in (201, 202), reply.text

    def wait_ready(self, user, timeout=90):
        def ready():
            model = self.api("GET", f"/users/{user}").json()
            server = model.get("servers", {}).get("", {})
            return server.get("ready")
        wait_for(ready, timeout, f"the server of {user}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()


def write_hub_config(workdir, settings_doc, ports, api_token, chp):
    """jupyterhub_config.py for the loopback test: shipped course config plus loopback-only test wiring."""
    config = f'''
import sys
sys.path.insert(0, {os.path.join(DEPLOY, "tljh")!r})
from tljh_kelas_humas.hub import configure_hub
from tljh_kelas_humas.settings import settings_from_dict

c = get_config()
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {ports["hub"]}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {ports["hub_api"]}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{ports["proxy_api"]}"
c.ConfigurableHTTPProxy.command = [{chp!r}]
c.ConfigurableHTTPProxy.pid_file = {os.path.join(workdir, "proxy.pid")!r}
c.JupyterHub.db_url = "sqlite:///{os.path.join(workdir, "hub.sqlite")}"
c.JupyterHub.cookie_secret_file = {os.path.join(workdir, "cookie_secret")!r}
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [{os.path.join(VENV_BIN, "jupyterhub-singleuser")!r}]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 90
c.Spawner.http_timeout = 90
c.LocalProcessSpawner.ip = "127.0.0.1"
c.JupyterHub.services = [{{"name": "uji", "api_token": {api_token!r}}}]
c.JupyterHub.load_roles = [{{
    "name": "uji-admin",
    "scopes": ["admin:users", "admin:servers", "tokens", "admin:groups", "list:services", "read:services",
               "admin:server_state"],
    "services": ["uji"],
}}]
configure_hub(c, settings_from_dict({json.dumps(settings_doc)}))
'''
    path = os.path.join(workdir, "jupyterhub_config.py")
    with open(path, "w") as handle:
        handle.write(config)
    return path


def start_hub(workdir, config_path, port, api_token):
    log = open(os.path.join(workdir, "hub.log"), "w")
    env = dict(os.environ, PATH=f"{VENV_BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}")
    process = subprocess.Popen([os.path.join(VENV_BIN, "jupyterhub"), "-f", config_path], cwd=workdir,
                               stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    hub = Hub(workdir, port, api_token, process)

    def up():
        assert process.poll() is None, "jupyterhub exited; see hub.log"
        return hub.api("GET", "/").status_code == 200
    try:
        wait_for(up, 60, "JupyterHub on loopback")
    except AssertionError:
        hub.stop()
        raise AssertionError(open(os.path.join(workdir, "hub.log")).read()[-5000:])
    return hub
