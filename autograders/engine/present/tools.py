"""What each live tool of the book shows, from its inputs: the views of the draft checker, the search-result
preview, the post composer (counter and X thread) and the press-release checker.

Pure functions of the tool's inputs, so the same code draws the ipywidgets tools in JupyterLab
(:mod:`autograders.widgets`) and the in-page tools of the built book (the browser calls them through
:mod:`autograders.engine.web_api`). Each returns a :class:`ToolView`: the HTML fragment (every piece of the
trainee's text escaped), the report it was drawn from (or None) and JSON-ready data (the report's
``to_dict()`` under ``report``, and the tool's own figures).
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from ..assess.social import measure_length, platform_data, platform_rules, resolve_platform
from ..measure.title_width import truncate_to_pixels
from ..measure.x_length import split_x_thread, x_weighted_length
from ..pipeline import analyze
from .report import Report
from .report_html import STYLE, render_checks, render_report

SERP_TITLE_PX = 600
SERP_DESCRIPTION_PX = 920  # about two lines of 14 px text on a desktop result page
SERP_CHECKS = ("title_width", "keyphrase_in_title", "meta_description_length", "keyphrase_in_meta_description",
               "keyphrase_in_slug", "keyphrase_length")
EMPTY = {
    "draft_checker": "Laporan akan muncul di sini setelah Anda menulis draf.",
    "post_composer": "Tulis unggahan untuk melihat penghitung dan saran.",
    "press_release_checker": "Daftar periksa siaran pers akan muncul di sini.",
    "x_thread": "Tulis unggahan dulu; utas dibuat dari teks unggahan.",
}


@dataclass
class ToolView:
    html: str
    report: Report | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"html": self.html, "data": dict(self.data)}


def _placeholder(tool: str) -> ToolView:
    return ToolView(STYLE + f"<div class='khd-report khd-small'>{html.escape(EMPTY[tool])}</div>")


def draft_checker(text: str, keyphrase: str = "", title: str = "", description: str = "", slug: str = "",
                  url: str = "", feedback_lang: str = "id") -> ToolView:
    """*Pemeriksa draf*: the full report with the flagged sentences highlighted."""
    if not text.strip():
        return _placeholder("draft_checker")
    report = analyze(text, keyphrase=keyphrase, title=title, description=description, slug=slug, url=url,
                     feedback_lang=feedback_lang)
    return ToolView(render_report(report), report, {"report": report.to_dict()})


def serp_slug(url: str) -> str:
    url = url.strip()
    return url.rstrip("/").rsplit("/", 1)[-1] if "/" in url else url


def serp_preview(title: str = "", url: str = "", description: str = "", keyphrase: str = "") -> ToolView:
    """*Pratinjau hasil pencarian*: title, address and description as a result page shows them (title cut at
    600 px, description at about two lines), with the SEO checks that concern them."""
    url = url.strip()
    body = f"# {title}\n\n{description}" if title else description
    report = analyze(body or " ", lang="id", keyphrase=keyphrase, title=title, description=description,
                     slug=serp_slug(url), url=url)
    report.sections = [type(s)(s.name, [c for c in s.checks if c.id in SERP_CHECKS])
                       for s in report.sections if s.name == "seo"]
    shown_title = truncate_to_pixels(title, SERP_TITLE_PX)
    shown_description = truncate_to_pixels(description, SERP_DESCRIPTION_PX, size=14)
    crumbs = html.escape(url.replace("https://", "").replace("http://", "").replace("/", " › ")) or "sukamajukab.go.id"
    preview = (
        "<div class='khd-serp' style='font-family:Arial,sans-serif;max-width:600px;border:1px solid #eee;"
        "padding:10px;border-radius:8px'>"
        f"<div style='font-size:14px;color:#202124'>{crumbs}</div>"
        f"<div class='khd-serp-title' style='font-size:20px;color:#1a0dab;white-space:nowrap'>"
        f"{html.escape(shown_title or 'Judul halaman')}</div>"
        f"<div class='khd-serp-description' style='font-size:14px;color:#4d5156'>{html.escape(shown_description)}</div>"
        "</div>")
    return ToolView(STYLE + "<div class='khd-report'>" + preview + render_checks(report, ("seo",)) + "</div>", report,
                    {"shown_title": shown_title, "shown_description": shown_description, "report": report.to_dict()})


def platform_choices() -> list[tuple[str, str]]:
    """``(name, key)`` of every platform, in the order of ``data/platforms.json`` ("X", "x")."""
    return [(rules.get("name", key), key) for key, rules in platform_data()["platforms"].items()]


def post_composer(text: str, platform: str = "x") -> ToolView:
    """*Penyusun unggahan*: the platform's exact counter and the social-post checks. ``data.can_split`` says
    whether the thread splitter applies (X only)."""
    key = resolve_platform(platform)
    rules = platform_rules(key)
    data = {"platform": key, "platform_name": rules.get("name", key), "limit": rules.get("max_length"),
            "can_split": rules.get("counting") == "x_weighted"}
    if not text.strip():
        view = _placeholder("post_composer")
        view.data.update(data, count=0)
        return view
    report = analyze(text, kind="social_post", platform=key, fmt="text")
    length = report.check("post_length")
    count = length.value if length is not None and length.value is not None else measure_length(text, key)
    limit = f" dari {rules['max_length']:,}".replace(",", ".") if rules.get("max_length") else ""
    counter = (f"<div class='khd-counter'><b>{html.escape(str(count))}</b> karakter terhitung{html.escape(limit)} "
               f"({html.escape(str(data['platform_name']))})</div>")
    data.update(count=count, report=report.to_dict())
    return ToolView(STYLE + "<div class='khd-report'>" + counter + render_checks(report, ("genre",)) + "</div>",
                    report, data)


def x_thread(text: str) -> ToolView:
    """The post split into an X thread (at sentence ends, numbered, each part within 280 weighted characters)."""
    parts = split_x_thread(text) if text.strip() else []
    if not parts:
        view = _placeholder("x_thread")
        view.data["parts"] = []
        return view
    items = "".join(f"<li>{html.escape(p)} <span class='khd-small'>({x_weighted_length(p)}/280)</span></li>"
                    for p in parts)
    return ToolView(f"<ol class='khd-thread'>{items}</ol>", None, {"parts": parts})


def press_release_checker(text: str) -> ToolView:
    """*Pemeriksa siaran pers*: the press-release checklist, then readability."""
    if not text.strip():
        return _placeholder("press_release_checker")
    report = analyze(text, kind="press_release")
    return ToolView(render_report(report, ("genre", "readability")), report, {"report": report.to_dict()})


TOOLS = {"draft_checker": draft_checker, "serp_preview": serp_preview, "post_composer": post_composer,
         "x_thread": x_thread, "press_release_checker": press_release_checker}
