"""Course settings of a hub: which courses, who grades, who learns, where things live.

Read from a JSON file written by the agency (see kursus.example.json). Everything is validated here so that a
mistake gives one clear Indonesian message instead of a traceback inside JupyterHub.
"""

import json
import re
from dataclasses import dataclass

NAME = re.compile(r"^[a-z][a-z0-9_-]{0,30}$")
DEFAULT_SETTINGS_PATH = "/etc/kelas-humas/kursus.json"


class SettingsError(ValueError):
    """A settings file that cannot be used; the message is for the administrator (Indonesian)."""


@dataclass(frozen=True)
class Course:
    course_id: str
    graders: tuple  # hub user names allowed into the course's formgrader
    trainees: tuple  # hub user names enrolled in the course
    grader_account: str  # Unix account that owns the course folder and runs the formgrader service
    service_port: int


@dataclass(frozen=True)
class HubSettings:
    courses: tuple
    exchange_root: str = "/srv/nbgrader/exchange"
    nbgrader_config_dir: str = "/etc/kelas-humas/nbgrader"
    env_bin: str = "/opt/tljh/user/bin"
    course_root: str = "/srv/nbgrader/courses"


def _name(value, what):
    if not isinstance(value, str) or not NAME.match(value):
        raise SettingsError(
            f"{what} tidak sah: {value!r}. Gunakan huruf kecil, angka, '-' atau '_' (maks. 31 karakter), "
            "diawali huruf.")
    return value


def _names(values, what):
    if not isinstance(values, list):
        raise SettingsError(f"{what} harus berupa daftar nama pengguna.")
    return tuple(_name(v, what) for v in values)


def course_from_dict(data, index):
    """Build one Course from its JSON object; `index` numbers default service ports."""
    if not isinstance(data, dict):
        raise SettingsError("Setiap kursus harus berupa objek JSON.")
    course_id = _name(data.get("course_id"), "course_id")
    port = data.get("service_port", 9100 + index)
    if not isinstance(port, int) or not 1024 <= port <= 65535:
        raise SettingsError(f"service_port kursus {course_id} harus bilangan bulat 1024–65535.")
    return Course(
        course_id=course_id,
        graders=_names(data.get("instruktur", []), "instruktur"),
        trainees=_names(data.get("peserta", []), "peserta"),
        grader_account=_name(data.get("grader_account", f"grader-{course_id}"), "grader_account"),
        service_port=port,
    )


def settings_from_dict(data):
    """Validate a decoded settings document and return HubSettings."""
    if not isinstance(data, dict) or not isinstance(data.get("kursus"), list) or not data["kursus"]:
        raise SettingsError("Berkas pengaturan harus berisi daftar \"kursus\" yang tidak kosong.")
    courses = tuple(course_from_dict(item, i) for i, item in enumerate(data["kursus"]))
    ids = [c.course_id for c in courses]
    if len(set(ids)) != len(ids):
        raise SettingsError("Ada course_id yang dipakai dua kali.")
    ports = [c.service_port for c in courses]
    if len(set(ports)) != len(ports):
        raise SettingsError("Ada service_port yang dipakai dua kali.")
    paths = {k: data[k] for k in ("exchange_root", "nbgrader_config_dir", "env_bin", "course_root") if k in data}
    for key, value in paths.items():
        if not isinstance(value, str) or not value.startswith("/"):
            raise SettingsError(f"{key} harus berupa path absolut.")
    return HubSettings(courses=courses, **paths)


def load_settings(path=DEFAULT_SETTINGS_PATH):
    """Read and validate the settings file at `path`."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise SettingsError(f"Berkas pengaturan kursus tidak ditemukan: {path}") from None
    except json.JSONDecodeError as error:
        raise SettingsError(f"Berkas pengaturan {path} bukan JSON yang sah (baris {error.lineno}).") from None
    return settings_from_dict(data)
