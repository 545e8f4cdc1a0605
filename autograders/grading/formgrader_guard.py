"""A Content-Security-Policy for formgrader: a Jupyter server extension of the instructor role.

formgrader shows trainees' answers to an instructor on the hub's own origin. Everything a trainee wrote is
escaped before it is rendered (:class:`.feedback_html.EscapeTraineeHtml`); this policy is the second wall: the
browser runs no script that formgrader's own templates did not put there.

* ``script-src 'self'`` plus the SHA-256 of each inline ``<script>`` that stands *before* the rendered notebook
  (formgrader's templates put theirs in the page head and the navigation bar; a script inside the notebook
  part is never allowed), and of formgrader's three inline ``onclick`` handlers (``'unsafe-hashes'``);
  so no ``onerror=`` attribute, no ``javascript:`` address and no injected ``<script>`` runs;
* ``object-src 'none'``, ``base-uri 'none'``, ``form-action 'self'``, ``frame-ancestors 'self'``; styles and
  images from the service itself (inline styles allowed: they cannot run script).

Enable it in the instructor role's ``jupyter_server_config.json``
(``"autograders.grading.formgrader_guard": true`` under ``ServerApp.jpserver_extensions``). It applies to
pages under ``…/formgrader/`` only; JupyterLab on the same service keeps its own policy.
"""
from __future__ import annotations

import base64
import hashlib
import re

from tornado.web import OutputTransform

NOTEBOOK_MARK = 'id="notebook-container"'  # formgrader's submission page renders the notebook after this
# formgrader's own inline event handlers (formgrade_macros.html.j2, gradebook_notebook_submissions.tpl)
HANDLERS = ("toggle_name(true);", "toggle_name(false);", "toggleAllNames()")
_INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)


def _source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy_for(page: str) -> str:
    """The policy of one formgrader HTML page (``page``: the whole page, or '' when it was streamed)."""
    trusted = page.split(NOTEBOOK_MARK, 1)[0]
    scripts = [m.group(2) for m in _INLINE_SCRIPT.finditer(trusted) if not _SRC.search(m.group(1))]
    sources = " ".join(dict.fromkeys(_source(s) for s in scripts))
    handlers = " ".join(_source(h) for h in HANDLERS)
    return ("default-src 'self'; "
            f"script-src 'self' {sources} 'unsafe-hashes' {handlers}; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'")


class FormgraderPolicy(OutputTransform):
    """Sets the policy on every HTML response under ``/formgrader/``."""

    def __init__(self, request):
        super().__init__(request)
        self.applies = "/formgrader" in request.path

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        if self.applies and str(headers.get("Content-Type", "")).startswith("text/html"):
            page = chunk.decode("utf-8", "replace") if finishing else ""  # streamed: no inline script at all
            headers["Content-Security-Policy"] = policy_for(page)
            # No validator, no "304 Not Modified": every page comes with its body, so its policy is computed from
            # what it holds (a 304 carries no body, and its headers would replace the stored policy).
            headers.pop("Etag", None)
            headers["Cache-Control"] = "no-store"
        return status_code, headers, chunk


def _jupyter_server_extension_points():
    return [{"module": "autograders.grading.formgrader_guard"}]


def _load_jupyter_server_extension(serverapp):
    serverapp.web_app.transforms.insert(0, FormgraderPolicy)
    serverapp.log.info("Kelas Humas Digital: Content-Security-Policy untuk formgrader aktif")
