"""TLJH hook implementations (names and signatures of tljh/hooks.py in The Littlest JupyterHub).

TLJH finds this module through the entry point group "tljh" declared in pyproject.toml.
"""

import os

import pluggy

from . import hub, system
from .settings import DEFAULT_SETTINGS_PATH, load_settings

hookimpl = pluggy.HookimplMarker("tljh")

HERE = os.path.dirname(os.path.abspath(__file__))
EXTRA_USER_PACKAGES = ("nbgitpuller==1.3.0",)
SOURCE_ENV = "KELAS_HUMAS_SOURCE"  # pip requirement of the course package, e.g. git+https://…/repo@v1.0
SETTINGS_ENV = "KELAS_HUMAS_SETTINGS"


def settings_path():
    return os.environ.get(SETTINGS_ENV, DEFAULT_SETTINGS_PATH)


def pinned_requirements(path=os.path.join(HERE, "requirements.txt")):
    """The runtime pins of the repository (its requirements.txt up to the '# tests' section)."""
    pins = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line.startswith("# tests"):
                break
            if line and not line.startswith("#"):
                pins.append(line)
    return pins


@hookimpl
def tljh_extra_user_pip_packages():
    packages = pinned_requirements() + list(EXTRA_USER_PACKAGES)
    source = os.environ.get(SOURCE_ENV)
    if source:
        packages.append(source)
    return packages


@hookimpl
def tljh_extra_apt_packages():
    return ["git"]  # nbgitpuller pulls the course content with git


@hookimpl
def tljh_custom_jupyterhub_config(c):
    hub.configure_hub(c, load_settings(settings_path()))


@hookimpl
def tljh_config_post_install(config):
    # Only fill what the administrator has not set: nbgitpuller needs no change; trainees land in JupyterLab.
    user_env = config.setdefault("user_environment", {})
    user_env.setdefault("default_app", "jupyterlab")
    services = config.setdefault("services", {})
    culler = services.setdefault("cull", {})
    culler.setdefault("enabled", True)
    culler.setdefault("timeout", 3600)  # an idle trainee server is stopped after one hour


@hookimpl
def tljh_post_install():
    system.setup_machine(load_settings(settings_path()))


@hookimpl
def tljh_new_user_create(username):
    # TLJH names the Unix account jupyter-<hub name>; keep its home private.
    system.close_home(os.path.expanduser(f"~jupyter-{username}"))
