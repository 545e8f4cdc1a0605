"""Constants and helpers shared by the course-book tests (imported by conftest.py and the test modules)."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
MODULE_PAGES = ["book/00-pengantar.html", "book/01-situs-web.html", "book/02-menulis-daring.html",
                "book/03-media-sosial.html", "book/04-seo.html", "book/05-monitoring.html", "book/06-siaran-pers.html",
                "book/07-hoaks-krisis.html"]
OTHER_PAGES = ["index.html", "book/intro.html", "book/cara-memakai.html", "book/alat-peramban.html", "book/glosarium.html",
               "search.html"]


def require_chromium() -> str:
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"Chromium was not found at {CHROMIUM}: run .ci/run (it installs Debian's chromium package).")
    return str(CHROMIUM)


class OffsiteGuard:
    """Route handler for a browser context: requests to any host but loopback are recorded and aborted."""

    def __init__(self) -> None:
        self.blocked: list[str] = []

    def __call__(self, route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()
