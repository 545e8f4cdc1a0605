"""Every page of the built book in headless Chromium: no console errors, no request leaves the machine, and the
live tools are drawn in the page (kelas.js; the engine runs in the browser, served by the site itself)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from booksite import MODULE_PAGES, OffsiteGuard

EXERCISES = Path(__file__).resolve().parents[2] / "exercises" / "source"

pytestmark = [pytest.mark.slow, pytest.mark.browser]

WIDGET_VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'


def _pages(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "_static" not in p.parts and "_sources" not in p.parts)


def test_every_page_opens_offline_without_errors(browser, site, site_url):
    guard = OffsiteGuard()
    context = browser.new_context()
    context.route("**/*", guard)
    page = context.new_page()
    problems: list[str] = []
    current = {"name": ""}
    page.on("console", lambda m: problems.append(f"{current['name']}: console {m.type}: {m.text}")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"{current['name']}: page error: {e}"))
    page.on("response", lambda r: problems.append(f"{current['name']}: HTTP {r.status} {r.url}")
            if r.status >= 400 else None)
    pages = _pages(site) + ["search.html?q=siaran+pers"]
    try:
        for name in pages:
            current["name"] = name
            response = page.goto(site_url + name, wait_until="load")
            assert response is not None and response.ok, name
            page.wait_for_load_state("networkidle")
            assert page.evaluate("document.documentElement.lang") == "id", name
            tools = page.locator(".kelas-tool[data-tool]").count()
            if tools:
                page.wait_for_selector(".kelas-tool .kelas-output .khd-report, .kelas-tool .khd-dash", timeout=60_000)
                assert page.locator(".kelas-tool .kelas-title").count() == tools, f"{name}: tools not drawn"
        results = page.locator("#search-results li, ul.search li")
        results.first.wait_for(timeout=30_000)  # the search index is local and answers
        assert results.count() > 0
    finally:
        context.close()
    assert guard.blocked == [], "requests left the machine"
    assert problems == []


def test_tools_are_drawn_on_every_module_page(browser, site_url):
    context = browser.new_context()
    guard = OffsiteGuard()
    context.route("**/*", guard)
    page = context.new_page()
    try:
        for name in MODULE_PAGES:
            page.goto(site_url + name, wait_until="load")
            tool = page.locator(".kelas-tool").first
            tool.locator(".kelas-output").first.wait_for(state="attached", timeout=60_000)
            box = tool.bounding_box()
            assert box and box["width"] > 200 and box["height"] > 50, f"{name}: the tool is not drawn ({box})"
            title = tool.locator(".kelas-title").first.inner_text()
            assert re.search(r"Pemeriksa|Pratinjau|Penyusun|Dasbor", title), f"{name}: {title!r}"
            assert page.locator(WIDGET_VIEW).count() == 0, f"{name}: a dead ipywidgets view is still saved"
            number = Path(name).name[:2]
            assignments = sorted(a.name for a in EXERCISES.glob(f"m{int(number)}_*") if (a / "rubrik.yml").is_file())
            forms = page.locator(".kelas-exercise[data-assignment]")
            assert forms.count() == len(assignments), f"{name}: exercise forms {forms.count()} for {assignments}"
            if assignments:
                assert forms.first.get_attribute("data-assignment") == assignments[0]
    finally:
        context.close()
    assert guard.blocked == []
