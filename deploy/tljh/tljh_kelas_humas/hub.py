"""JupyterHub configuration for Kelas Humas Digital, computed from HubSettings.

Pure functions return plain dicts and lists; `configure_hub` writes them into a traitlets config object `c`.
The same functions serve the TLJH plugin and the loopback hub test, so the test proves what ships.

Roles: a trainee's own server gets the *peserta* Jupyter configuration (no formgrader, no course list, no
create-assignment tool). Each course runs one formgrader as a hub service under its grader Unix account,
opened only to the hub group formgrade-<course>. Trainees of a course are in the hub group nbgrader-<course>,
which nbgrader's JupyterHubAuthPlugin reads to list their courses.
"""

import os

SERVER_SCOPES = ("users:activity!user", "access:servers!server", "read:users:groups!user", "read:users:name!user")
SERVICE_SCOPES = ("list:users", "read:users", "read:users:groups", "list:groups", "read:groups", "groups")


def formgrade_group(course_id):
    return f"formgrade-{course_id}"


def trainee_group(course_id):
    return f"nbgrader-{course_id}"


def course_dir(settings, course):
    return os.path.join(settings.course_root, course.course_id)


def role_config_path(settings, role):
    """JUPYTER_CONFIG_PATH for a role ('peserta' or 'instruktur'): the role folder first, then the shared one."""
    return os.pathsep.join(os.path.join(settings.nbgrader_config_dir, part) for part in (role, "umum"))


def role_environment(settings, role, base_path="/usr/local/bin:/usr/bin:/bin"):
    """Environment variables of a single-user server (or the course service) for `role`."""
    return {
        "JUPYTER_CONFIG_PATH": role_config_path(settings, role),
        # nbgrader runs `alembic` as a program: the environment's bin must be on PATH.
        "PATH": os.pathsep.join((settings.env_bin, base_path)),
        "KELAS_HUMAS_EXCHANGE": settings.exchange_root,
    }


def groups(settings):
    """Value for c.JupyterHub.load_groups."""
    result = {}
    for course in settings.courses:
        # The grader account is a hub user too: nbgrader's JupyterHubAuthPlugin looks its courses up by name.
        result[formgrade_group(course.course_id)] = {"users": [*course.graders, course.grader_account]}
        result[trainee_group(course.course_id)] = {"users": list(course.trainees)}
    return result


def roles(settings):
    """Value for c.JupyterHub.load_roles: server tokens may read their own groups; graders reach their service."""
    result = [{"name": "server", "scopes": list(SERVER_SCOPES)}]
    for course in settings.courses:
        cid = course.course_id
        result.append({
            "name": f"formgrader-{cid}",
            "description": f"Membuka formgrader kursus {cid}",
            "scopes": [f"access:services!service={cid}", f"read:services!service={cid}"],
            "groups": [formgrade_group(cid)],
        })
        result.append({
            "name": f"layanan-{cid}",
            "description": f"Hak layanan formgrader kursus {cid} atas data pengguna dan grup",
            "scopes": list(SERVICE_SCOPES),
            "services": [cid],
        })
    return result


def services(settings):
    """Value for c.JupyterHub.services: one formgrader per course, run by the hub as the grader account."""
    result = []
    for course in settings.courses:
        env = role_environment(settings, "instruktur")
        env["JUPYTERHUB_DEFAULT_URL"] = "/formgrader"
        result.append({
            "name": course.course_id,
            "url": f"http://127.0.0.1:{course.service_port}",
            "command": [os.path.join(settings.env_bin, "jupyterhub-singleuser"), "--debug"],
            "user": course.grader_account,
            "cwd": course_dir(settings, course),
            "environment": env,
            "oauth_no_confirm": True,
            "display": True,
        })
    return result


def _existing(section, key, empty):
    """Value already set in a traitlets config section, or `empty` (unset keys are lazy objects there)."""
    return section[key] if key in section else empty


def configure_hub(c, settings):
    """Write the Kelas Humas Digital pieces into the JupyterHub config `c` (extends, does not replace)."""
    hub, spawner = c.JupyterHub, c.Spawner
    hub.services = list(_existing(hub, "services", [])) + services(settings)
    hub.load_groups = {**dict(_existing(hub, "load_groups", {})), **groups(settings)}
    hub.load_roles = list(_existing(hub, "load_roles", [])) + roles(settings)
    spawner.environment = {**dict(_existing(spawner, "environment", {})), **role_environment(settings, "peserta")}
    return c
