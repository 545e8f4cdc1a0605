# Hub-wide nbgrader configuration of Kelas Humas Digital (every trainee and grader on the hub).
# Install it where Jupyter finds it for everyone (e.g. /etc/jupyter/nbgrader_config.py, with kelas_exchange.py
# beside it) or point JUPYTER_CONFIG_PATH at this folder. A course folder's own nbgrader_config.py (course_id,
# db_url, ...) is read after this one and wins.
import importlib.util
import os

from nbgrader.auth import JupyterHubAuthPlugin

c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)

# One exchange for all courses and cohorts; each course has its own folder inside it.
c.Exchange.root = os.environ.get("KELAS_HUMAS_EXCHANGE", "/srv/nbgrader/exchange")
c.Exchange.path_includes_course = True
c.Exchange.assignment_dir = os.environ.get("HOME", ".")

# Courses of a user come from the hub groups nbgrader-<course> (trainees) and formgrade-<course> (graders).
c.Authenticator.plugin_class = JupyterHubAuthPlugin

# Stubs that replace the solutions in the trainee's copy.
c.ClearSolutions.code_stub = {
    "python": "# TULIS JAWABAN ANDA DI SINI\nraise NotImplementedError()",
}
c.ClearSolutions.text_stub = "TULIS JAWABAN ANDA DI SINI"


def _load_exchange_module():
    """Load kelas_exchange.py from the folder of this file (no install needed)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kelas_exchange.py")
    spec = importlib.util.spec_from_file_location("kelas_exchange", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_exchange = _load_exchange_module()
c.ExchangeFactory.submit = _exchange.PrivateSubmit
c.ExchangeFactory.collect = _exchange.OwnerCheckedCollect

# Validate (the button in each trainee's notebook and `nbgrader validate`) reports in Indonesian, task by task:
# points, what they mean and the whole feedback, never the grading code. The single-user image installs the
# course package, so this import works wherever trainees run notebooks.
try:
    from autograders.grading.validate_setup import use_indonesian_validator
except ImportError:  # a server without the course package (e.g. the hub process itself) has no Validate
    pass
else:
    use_indonesian_validator()
