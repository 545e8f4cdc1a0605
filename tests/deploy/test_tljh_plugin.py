"""The TLJH plugin, driven through pluggy with hook specifications equivalent to TLJH's (tljh/hooks.py)."""

import json
import os

import pluggy
import pytest
from traitlets.config import Config

from tljh_kelas_humas import hub, plugin, system
from tljh_kelas_humas.settings import SettingsError, load_settings, settings_from_dict

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(REPO, "deploy", "tljh", "kursus.example.json")

spec = pluggy.HookspecMarker("tljh")


class TljhSpec:
    """Hook names and signatures as The Littlest JupyterHub declares them."""

    @spec
    def tljh_extra_user_conda_packages(self): ...

    @spec
    def tljh_extra_user_pip_packages(self): ...

    @spec
    def tljh_extra_hub_pip_packages(self): ...

    @spec
    def tljh_extra_apt_packages(self): ...

    @spec
    def tljh_custom_jupyterhub_config(self, c): ...

    @spec
    def tljh_config_post_install(self, config): ...

    @spec
    def tljh_post_install(self): ...

    @spec
    def tljh_new_user_create(self, username): ...


@pytest.fixture()
def pm():
    manager = pluggy.PluginManager("tljh")
    manager.add_hookspecs(TljhSpec)
    manager.register(plugin)
    manager.check_pending()  # every hookimpl of the plugin matches a TLJH hook name and signature
    return manager


@pytest.fixture()
def settings_file(tmp_path, monkeypatch):
    doc = json.load(open(EXAMPLE))
    doc.update(exchange_root=str(tmp_path / "exchange"), course_root=str(tmp_path / "courses"),
               nbgrader_config_dir=str(tmp_path / "etc"))
    path = tmp_path / "kursus.json"
    path.write_text(json.dumps(doc))
    monkeypatch.setenv(plugin.SETTINGS_ENV, str(path))
    return path


def test_entry_point_group_is_tljh():
    text = open(os.path.join(REPO, "deploy", "tljh", "pyproject.toml")).read()
    assert '[project.entry-points.tljh]' in text and '"tljh_kelas_humas.plugin"' in text


def test_user_packages_are_the_repository_pins(pm, monkeypatch):
    monkeypatch.delenv(plugin.SOURCE_ENV, raising=False)
    (packages,) = pm.hook.tljh_extra_user_pip_packages()
    lines = open(os.path.join(REPO, "requirements.txt")).read().split("# tests")[0].splitlines()
    pins = [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]
    assert packages[:len(pins)] == pins
    assert "nbgrader==0.9.6" in packages and "pytest==9.2.0" not in " ".join(packages)
    assert any(p.startswith("nbgitpuller==") for p in packages)
    monkeypatch.setenv(plugin.SOURCE_ENV, "git+https://example.invalid/khd.git@v1")
    (packages,) = pm.hook.tljh_extra_user_pip_packages()
    assert packages[-1] == "git+https://example.invalid/khd.git@v1"


def test_custom_config_adds_service_groups_roles_and_trainee_environment(pm, settings_file):
    c = Config()
    c.JupyterHub.services = [{"name": "lain", "api_token": "x"}]
    pm.hook.tljh_custom_jupyterhub_config(c=c)
    names = [s["name"] for s in c.JupyterHub.services]
    assert names == ["lain", "humas-2025-a"]
    service = c.JupyterHub.services[1]
    assert service["user"] == "grader-humas-2025-a" and service["url"] == "http://127.0.0.1:9101"
    assert service["environment"]["JUPYTER_CONFIG_PATH"].split(":")[0].endswith("/instruktur")
    groups = c.JupyterHub.load_groups
    assert groups["formgrade-humas-2025-a"]["users"] == ["sari", "budi", "grader-humas-2025-a"]
    assert groups["nbgrader-humas-2025-a"]["users"] == ["peserta01", "peserta02", "peserta03"]
    role = next(r for r in c.JupyterHub.load_roles if r["name"] == "formgrader-humas-2025-a")
    assert role["groups"] == ["formgrade-humas-2025-a"]
    assert "access:services!service=humas-2025-a" in role["scopes"]
    env = c.Spawner.environment
    assert env["JUPYTER_CONFIG_PATH"].split(":")[0].endswith("/peserta")
    assert env["PATH"].startswith("/opt/tljh/user/bin:")


def test_config_post_install_keeps_what_the_admin_set(pm):
    config = {"services": {"cull": {"timeout": 600}}}
    pm.hook.tljh_config_post_install(config=config)
    assert config["services"]["cull"] == {"timeout": 600, "enabled": True}
    assert config["user_environment"]["default_app"] == "jupyterlab"
    fresh = {}
    pm.hook.tljh_config_post_install(config=fresh)
    assert fresh["services"]["cull"]["timeout"] == 3600


def test_post_install_creates_exchange_course_and_config(pm, settings_file, monkeypatch, tmp_path):
    commands = []
    real_setup = system.setup_machine
    # Record the account commands instead of running them; the folders are made for real under tmp_path.
    monkeypatch.setattr(system, "setup_machine",
                        lambda s: real_setup(s, run=commands.append, exists=lambda name: False))
    pm.hook.tljh_post_install()
    exchange = tmp_path / "exchange"
    assert oct(exchange.stat().st_mode & 0o7777) == "0o1777"
    course = tmp_path / "courses" / "humas-2025-a"
    assert oct(course.stat().st_mode & 0o777) == "0o700" and (course / "source").is_dir()
    assert ["useradd", "--create-home", "--user-group", "--shell", "/usr/sbin/nologin",
            "grader-humas-2025-a"] in commands
    assert ["chown", "-R", "grader-humas-2025-a:grader-humas-2025-a", str(course)] in commands
    # The course's folder in the world-writable exchange exists before any trainee could squat it, and is
    # handed to the grader account.
    course_exchange = exchange / "humas-2025-a"
    assert oct(course_exchange.stat().st_mode & 0o7777) == "0o755"
    assert ["chown", "grader-humas-2025-a:grader-humas-2025-a", str(course_exchange)] in commands
    instruktur = json.load(open(tmp_path / "etc" / "instruktur" / "jupyter_server_config.json"))
    assert instruktur["ServerApp"]["jpserver_extensions"]["autograders.grading.formgrader_guard"] is True
    peserta = json.load(open(tmp_path / "etc" / "peserta" / "jupyter_server_config.json"))
    assert peserta["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.formgrader"] is False
    assert (tmp_path / "etc" / "umum" / "kelas_exchange.py").exists()


def test_existing_grader_account_is_not_recreated():
    commands = []
    system.ensure_grader_account("grader-x", run=commands.append, exists=lambda name: True)
    assert commands == []
    system.ensure_grader_account("grader-x", run=commands.append, exists=lambda name: False)
    assert commands and commands[0][0] == "useradd"


def test_new_user_home_is_closed(pm, monkeypatch, tmp_path):
    home = tmp_path / "jupyter-budi"
    home.mkdir(mode=0o755)
    monkeypatch.setattr(os.path, "expanduser", lambda p: str(home) if p == "~jupyter-budi" else p)
    pm.hook.tljh_new_user_create(username="budi")
    assert oct(home.stat().st_mode & 0o777) == "0o700"


@pytest.mark.parametrize("doc, message", [
    ({}, "kursus"),
    ({"kursus": []}, "kursus"),
    ({"kursus": [{"course_id": "Kursus A"}]}, "course_id"),
    ({"kursus": [{"course_id": "a", "peserta": "budi"}]}, "peserta"),
    ({"kursus": [{"course_id": "a", "service_port": 80}]}, "service_port"),
    ({"kursus": [{"course_id": "a"}, {"course_id": "a"}]}, "dua kali"),
    ({"kursus": [{"course_id": "a"}], "exchange_root": "relatif"}, "absolut"),
])
def test_bad_settings_give_a_clear_message(doc, message):
    with pytest.raises(SettingsError, match=message):
        settings_from_dict(doc)


def test_settings_file_errors(tmp_path):
    with pytest.raises(SettingsError, match="tidak ditemukan"):
        load_settings(str(tmp_path / "tidak-ada.json"))
    bad = tmp_path / "rusak.json"
    bad.write_text("{ bukan json")
    with pytest.raises(SettingsError, match="bukan JSON"):
        load_settings(str(bad))


def test_port_edges():
    ok = settings_from_dict({"kursus": [{"course_id": "a", "service_port": 1024}]})
    assert ok.courses[0].service_port == 1024
    assert settings_from_dict({"kursus": [{"course_id": "a", "service_port": 65535}]}).courses[0].service_port == 65535
    with pytest.raises(SettingsError):
        settings_from_dict({"kursus": [{"course_id": "a", "service_port": 1023}]})
    with pytest.raises(SettingsError):
        settings_from_dict({"kursus": [{"course_id": "a", "service_port": 65536}]})


def test_hub_functions_are_pure():
    settings = settings_from_dict(json.load(open(EXAMPLE)))
    assert hub.groups(settings) == hub.groups(settings)
    first = hub.services(settings)
    first[0]["environment"]["PATH"] = "x"
    assert hub.services(settings)[0]["environment"]["PATH"] != "x"
