"""Every page of the built book in headless Chromium: no console errors, no request leaves the machine, and the
live tools saved in the pages are drawn (the widget JavaScript is served by the site itself)."""
from __future__ import annotations

import re

import pytest

from booksite import MODULE_PAGES, OffsiteGuard

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
            views = page.locator(WIDGET_VIEW).count()
            if views:
                page.wait_for_selector(".widget-vbox", state="visible", timeout=30_000)
                assert page.locator(".widget-vbox").count() >= views, f"{name}: {views} tools saved, fewer drawn"
                assert page.locator(".khd-report, .khd-dash").first.is_visible(), f"{name}: no tool report shown"
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
            tool = page.locator(".widget-vbox").first
            tool.wait_for(state="visible", timeout=30_000)
            box = tool.bounding_box()
            assert box and box["width"] > 200 and box["height"] > 50, f"{name}: the tool is not drawn ({box})"
            title = tool.locator(".widget-html").first.inner_text()
            assert re.search(r"Pemeriksa|Pratinjau|Penyusun|Dasbor", title), f"{name}: {title!r}"
    finally:
        context.close()
    assert guard.blocked == []
