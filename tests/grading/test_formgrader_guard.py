"""The Content-Security-Policy of formgrader pages: formgrader's own inline scripts allowed by hash, nothing inside
the rendered notebook, no 'unsafe-inline'. The policy at work in a browser is in tests/deploy/test_hub_loopback.py."""
from __future__ import annotations

import base64
import hashlib

from tornado.httputil import HTTPHeaders, HTTPServerRequest, RequestStartLine

from autograders.grading.formgrader_guard import HANDLERS, NOTEBOOK_MARK, FormgraderPolicy, policy_for


def sha(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


PAGE = ("<html><head><script src='/s/jquery.js'></script><script>var base_url = \"/services/k\";</script></head>"
        "<body><nav><script type=\"text/javascript\">\n$('x').tooltip();\n</script></nav>"
        f"<div class=\"container\" {NOTEBOOK_MARK}><p>jawaban</p><script>alert(1)</script></div></body></html>")


def _script_src(policy):
    return next(d.strip() for d in policy.split(";") if d.strip().startswith("script-src"))


def test_inline_scripts_before_the_notebook_are_allowed_by_hash_and_none_inside_it():
    script_src = _script_src(policy_for(PAGE))
    assert sha('var base_url = "/services/k";') in script_src
    assert sha("\n$('x').tooltip();\n") in script_src
    assert sha("alert(1)") not in script_src
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    for handler in HANDLERS:
        assert sha(handler) in script_src


def test_a_streamed_page_gets_no_inline_script_at_all():
    script_src = _script_src(policy_for(""))
    assert "'self'" in script_src and script_src.count("'sha256-") == len(HANDLERS)


def test_the_rest_of_the_policy():
    policy = policy_for(PAGE)
    for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'self'",
                      "form-action 'self'"):
        assert directive in policy


def _transform(path, content_type, body=PAGE.encode()):
    request = HTTPServerRequest(start_line=RequestStartLine("GET", path, "HTTP/1.1"),
                                headers=HTTPHeaders({"Host": "127.0.0.1"}))
    headers = HTTPHeaders({"Content-Type": content_type, "Etag": '"abc"'})
    FormgraderPolicy(request).transform_first_chunk(200, headers, body, True)
    return headers


def test_only_formgrader_html_pages_get_it_and_never_a_validator():
    headers = _transform("/services/kursus/formgrader/submissions/x/", "text/html; charset=UTF-8")
    assert "Content-Security-Policy" in headers and "Etag" not in headers
    assert headers["Cache-Control"] == "no-store"
    assert "Content-Security-Policy" not in _transform("/services/kursus/lab", "text/html; charset=UTF-8")
    assert "Content-Security-Policy" not in _transform("/services/kursus/formgrader/api/grades", "application/json")
