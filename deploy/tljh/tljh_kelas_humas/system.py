"""Machine setup done once after TLJH installs: accounts, folders and the shared nbgrader configuration.

Every function takes a `run` callable (default: subprocess.run with check=True) so tests can record the
commands instead of changing the machine.
"""

import os
import shutil
import subprocess

from .hub import course_dir

NBGRADER_FILES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "nbgrader")


def _run(argv):
    return subprocess.run(argv, check=True)


def account_exists(name):
    import pwd

    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def ensure_grader_account(name, run=_run, exists=account_exists):
    """Create the Unix account that owns a course folder and runs its formgrader (no login shell)."""
    if not exists(name):
        run(["useradd", "--create-home", "--user-group", "--shell", "/usr/sbin/nologin", name])


def ensure_exchange(root, run=_run):
    """The shared exchange: world-writable with the sticky bit, like /tmp (nbgrader expects o+rwx)."""
    os.makedirs(root, exist_ok=True)
    os.chmod(root, 0o1777)


def ensure_course_exchange(settings, course, run=_run):
    """``<exchange>/<course>`` made ahead, owned by the grader account (0755): in the world-writable exchange
    root a trainee could otherwise create it first and own the course's inbound and outbound folders."""
    path = os.path.join(settings.exchange_root, course.course_id)
    os.makedirs(path, exist_ok=True)
    run(["chown", f"{course.grader_account}:{course.grader_account}", path])
    os.chmod(path, 0o755)
    return path


def ensure_course_folder(settings, course, run=_run):
    """The course folder, owned by the grader account and closed to everyone else."""
    path = course_dir(settings, course)
    os.makedirs(os.path.join(path, "source"), exist_ok=True)
    run(["chown", "-R", f"{course.grader_account}:{course.grader_account}", path])
    os.chmod(path, 0o700)
    return path


def install_nbgrader_config(target):
    """Copy the peserta/instruktur/umum configuration folders to `target` (read-only for users)."""
    for part in ("umum", "peserta", "instruktur"):
        shutil.copytree(os.path.join(NBGRADER_FILES, part), os.path.join(target, part), dirs_exist_ok=True)
    for dirpath, dirnames, filenames in os.walk(target):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            os.chmod(os.path.join(dirpath, name), 0o644)


def close_home(home):
    """Trainees' homes are private (0700): nobody reads another trainee's notebooks."""
    if os.path.isdir(home):
        os.chmod(home, 0o700)


def setup_machine(settings, run=_run, exists=account_exists):
    """Everything tljh_post_install does, in order."""
    install_nbgrader_config(settings.nbgrader_config_dir)
    ensure_exchange(settings.exchange_root, run)
    os.makedirs(settings.course_root, exist_ok=True)
    os.chmod(settings.course_root, 0o755)
    for course in settings.courses:
        ensure_grader_account(course.grader_account, run, exists)
        ensure_course_folder(settings, course, run)
        ensure_course_exchange(settings, course, run)
