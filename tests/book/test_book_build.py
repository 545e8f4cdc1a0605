"""The course book built from clean: no warnings, every page there and in Indonesian, nothing loaded from off-site."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from booksite import MODULE_PAGES, OTHER_PAGES, REPO

EXERCISES = REPO / "exercises" / "source"

pytestmark = pytest.mark.slow

LOADING_LINK_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "icon", "shortcut", "apple-touch-icon",
                     "manifest", "font"}
_OFFSITE = re.compile(r"^(?:https?:)?//", re.I)
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*((?:https?:)?//[^'\")\s]+)", re.I)
_CSS_IMPORT = re.compile(r"@import\s+['\"]\s*((?:https?:)?//[^'\"]+)", re.I)
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


class _Loads(HTMLParser):
    """Every URL a page loads by itself: scripts, stylesheets and fonts, images, frames, media; and inline CSS."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.scripts: list[str] = []
        self.loads: list[tuple[str, str]] = []
        self.inline_css: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
            self.loads.append(("script src", a["src"]))
        elif tag == "link" and a.get("href"):
            rels = set((a.get("rel") or "").lower().split())
            if rels & LOADING_LINK_RELS:
                self.loads.append((f"link rel={a.get('rel')}", a["href"]))
        elif tag in ("img", "iframe", "source", "video", "audio", "embed", "track", "input") and a.get("src"):
            self.loads.append((f"{tag} src", a["src"]))
        elif tag == "object" and a.get("data"):
            self.loads.append(("object data", a["data"]))
        if a.get("style"):
            self.inline_css.append(a["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.inline_css.append(data)


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts and "_sources" not in p.parts)


def _parse(page: Path) -> _Loads:
    parser = _Loads()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _offsite_in_css(text: str) -> list[str]:
    text = _COMMENT.sub("", text)
    return _CSS_URL.findall(text) + _CSS_IMPORT.findall(text)


def test_clean_build_has_no_warnings(built_book):
    log = built_book.log
    assert "Running Jupyter-Book" in log, log[-3000:]
    build_log = log[log.index("Running Jupyter-Book"):]  # not the setup before it (pip may warn there)
    warnings = [line for line in build_log.splitlines()
                if re.search(r"(^|: )WARNING:", line) and "[IPKernelApp]" not in line]
    assert built_book.returncode == 0, "jupyter-book build -W failed:\n" + "\n".join(warnings or log.splitlines()[-40:])
    assert "build succeeded" in log
    assert warnings == []
    assert not re.search(r"build finished with problems", log)


def test_every_page_exists_and_is_indonesian(site):
    for name in MODULE_PAGES + OTHER_PAGES:
        assert (site / name).is_file(), f"missing page {name}"
    pages = _pages(site)
    assert len(pages) >= len(MODULE_PAGES) + len(OTHER_PAGES)
    for page in pages:
        assert _parse(page).lang == "id", f"{page.relative_to(site)} is not <html lang=\"id\">"


def test_module_pages_carry_their_executed_examples(site):
    for name in MODULE_PAGES:
        text = (site / name).read_text(encoding="utf-8")
        assert "cell_output" in text, f"{name}: no executed output (worked example)"
        assert 'class="output traceback' not in text and "Traceback (most recent call last)" not in text, name
        assert 'class="kelas-tool" data-tool=' in text, f"{name}: no live tool in the page"
        number = int(Path(name).name[:2])
        for assignment in sorted(a.name for a in EXERCISES.glob(f"m{number}_*") if (a / "rubrik.yml").is_file()):
            assert f'class="kelas-exercise" data-assignment="{assignment}"' in text, f"{name}: no form for {assignment}"
        assert "application/vnd.jupyter.widget-view+json" not in text, f"{name}: a dead ipywidgets view is saved"


def test_nothing_is_loaded_from_off_site(site):
    offenders: list[str] = []
    js_loaded: set[Path] = set()
    for page in _pages(site):
        parsed = _parse(page)
        rel = page.relative_to(site)
        for kind, url in parsed.loads:
            if _OFFSITE.match(url.strip()):
                offenders.append(f"{rel}: {kind} {url}")
        for css in parsed.inline_css:
            offenders += [f"{rel}: inline CSS {u}" for u in _offsite_in_css(css)]
        for src in parsed.scripts:
            local = urlsplit(urljoin(f"http://site/{rel.as_posix()}", src)).path.lstrip("/")
            target = site / local
            assert target.is_file(), f"{rel}: script {src} is missing from the site"
            js_loaded.add(target)
    for css_file in site.rglob("*.css"):  # every stylesheet of the site, fonts included
        offenders += [f"{css_file.relative_to(site)}: {u}" for u in _offsite_in_css(css_file.read_text(errors="replace"))]
    for js in js_loaded:  # CSS carried inside the JavaScript that pages load (widget styles)
        offenders += [f"{js.relative_to(site)}: {u}" for u in _offsite_in_css(js.read_text(errors="replace"))]
    assert offenders == []
    assert any(p.name == "kelas.js" for p in js_loaded), "the in-page tools' JavaScript is not served by the site"


def test_in_page_engine_and_search_are_served_locally(site):
    text = (site / "book" / "02-menulis-daring.html").read_text(encoding="utf-8")
    for page in _pages(site):  # window.kelas on every page (index.html only forwards to the first chapter)
        if page == site / "index.html":
            continue
        assert any(s.split("?")[0].endswith("_static/kelas.js") for s in _parse(page).scripts), page
    web = site / "kelas-web"
    manifest = json.loads((web / "manifest.json").read_text(encoding="utf-8"))
    for name in ("pyodide.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        assert (web / "pyodide" / name).is_file(), name
    assert sorted(p.name for p in (web / "wheels").iterdir()) == sorted(manifest["wheels"])
    assert (web / "worker.js").is_file() and (web / "dashboard.json").is_file()
    assert sorted(manifest["exercises"]) == sorted(p.parent.name for p in (REPO / "exercises" / "source").glob("*/rubrik.yml"))
    assert not list((site / "_static").rglob("pyodide*")), "the runtime must not sit in _static/"
    assert (site / "searchindex.js").is_file() and (site / "search.html").is_file()
    assert "unpkg.com" not in text and "cdn.jsdelivr.net" not in text  # no thebe or CDN configuration at all


@pytest.mark.slow
def test_one_value_points_the_launch_buttons_at_a_hub(tmp_path):
    """KELAS_HUB_URL (or launch_buttons.jupyterhub_url) is the one value an agency sets; the buttons then open
    each chapter in JupyterLab on that hub through nbgitpuller. The default build (above) has none."""
    import os
    import subprocess

    out = tmp_path / "hub-build"
    env = dict(os.environ, KELAS_HUB_URL="https://hub.diklat.contoh.go.id",
               KELAS_REPO_URL="https://git.contoh.go.id/kelas-humas-digital")
    proc = subprocess.run(["bash", "scripts/build_book.sh", "--path-output", str(out)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    page = (out / "_build" / "html" / "book" / "02-menulis-daring.html").read_text(encoding="utf-8")
    assert ("https://hub.diklat.contoh.go.id/hub/user-redirect/git-pull?repo=https%3A//git.contoh.go.id/"
            "kelas-humas-digital&urlpath=lab/tree/kelas-humas-digital/book/02-menulis-daring.md") in page
    assert 'title="Buka di JupyterHub"' in page and 'aria-label="Buka bab ini sebagai buku catatan"' in page
    assert "Launch" not in page


def test_default_build_has_no_hub_button(site):
    page = (site / "book" / "02-menulis-daring.html").read_text(encoding="utf-8")
    assert "user-redirect/git-pull" not in page
