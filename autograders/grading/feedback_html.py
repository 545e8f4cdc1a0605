"""Feedback pages: the nbgrader feedback preprocessor that strips tracebacks, and our own per-trainee pages.

Everything the trainee wrote is HTML-escaped; pages load nothing from the internet (styles inline).
"""
from __future__ import annotations

import html
from typing import Any, Iterable, Mapping

from .flag_text import flag_name

try:  # nbconvert is present wherever nbgrader is; the report pages below do not need it
    from nbconvert.preprocessors import Preprocessor
except ImportError:  # pragma: no cover
    Preprocessor = object  # type: ignore[misc,assignment]

TRACEBACK_NOTE = "Sel ini menghasilkan kesalahan. Rinciannya tidak ditampilkan dalam umpan balik."

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#1d2733;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d5dbe2}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d5dbe2;padding:.3rem .5rem;text-align:left;
vertical-align:top}th{background:#eef2f6}.ok{color:#1a7f37}.bad{color:#b42318}.flag{background:#fff4e5;
border-left:4px solid #f79009;padding:.4rem .7rem;margin:.3rem 0}pre{white-space:pre-wrap;background:#f6f8fa;
padding:.6rem;border-radius:4px}small{color:#5b6675}td ul{margin:0;padding-left:1.1rem}
"""


class StripTracebacks(Preprocessor):  # type: ignore[misc,valid-type]
    """Remove tracebacks and stderr from every output, so no hidden test line can appear in feedback."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.enabled = True  # nbconvert preprocessors are off unless enabled

    def preprocess_cell(self, cell, resources, index):
        if cell.get("cell_type") != "code":
            return cell, resources
        outputs = []
        for output in cell.get("outputs", []):
            kind = output.get("output_type")
            if kind == "error":
                outputs.append({"output_type": "stream", "name": "stdout", "text": TRACEBACK_NOTE + "\n"})
            elif kind == "stream" and output.get("name") == "stderr":
                continue
            else:
                outputs.append(output)
        cell["outputs"] = outputs
        return cell, resources


class EscapeTraineeHtml(Preprocessor):  # type: ignore[misc,valid-type]
    """Escape raw HTML in every Markdown cell the trainee could write (all but the locked instructor cells).

    Markdown passes raw HTML through (``<script>`` would run in the feedback page); escaped, it shows as text.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.enabled = True

    def preprocess_cell(self, cell, resources, index):
        meta = (cell.get("metadata") or {}).get("nbgrader") or {}
        trainee = meta.get("solution") or not (meta.get("locked") or meta.get("grade") or meta.get("task"))
        if cell.get("cell_type") == "markdown" and trainee:
            cell["source"] = cell.get("source", "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return cell, resources


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def page(title: str, body: str, lang: str = "id") -> str:
    return (f'<!DOCTYPE html>\n<html lang="{_e(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_e(title)}</title>'
            f"<style>{STYLE}</style></head><body>{body}</body></html>\n")


def points(value: float) -> str:
    from ..engine.scoring.rubric import fmt_points

    return fmt_points(float(value))


def trainee_page(student: str, assignment: str, result: Mapping[str, Any], name: str = "", title: str = "") -> str:
    """One trainee's feedback for one assignment, from a grader result (see :mod:`.cli`).

    ``name`` is the trainee's name (:mod:`.roster`), ``title`` the assignment's title from its rubric. Flags are
    shown by their name and explanation in words (:mod:`.flag_text`), never by code or cell id."""
    who = f"{_e(name)} ({_e(student)})" if name else _e(student)
    parts = [f"<h1>Umpan balik: {_e(title or assignment)}</h1>",
             f"<p>Peserta: <strong>{who}</strong> · Nilai otomatis: <strong>{_e(points(result.get('score', 0)))}"
             f"</strong> dari {_e(points(result.get('max_score', 0)))} poin.</p>"]
    final = result.get("final")
    if final:
        parts.append(f"<p>Nilai akhir (otomatis + instruktur): <strong>{_e(points(final['points']))}</strong> dari "
                     f"{_e(points(final['max']))} poin — {_e(final['status'])}.</p>")
        if final.get("voided"):
            parts.append("<p>Instruktur menilai isi tugas berikut keliru, sehingga poin otomatisnya tidak dihitung: "
                         f"{_e(', '.join(final['voided']))}.</p>")
    if result.get("error"):
        parts.append(f'<p class="flag">{_e(result["error"])}</p>')
    flags: Iterable[Mapping[str, str]] = result.get("flags") or []
    for flag in flags:
        parts.append(f'<p class="flag"><strong>{_e(flag_name(str(flag.get("code", ""))))}</strong>: '
                     f'{_e(flag.get("message") or "")}</p>')
    for task in result.get("tasks") or []:
        parts.append(f"<h2>{_e(task.get('title') or task.get('task'))}: {_e(points(task['points']))} dari "
                     f"{_e(points(task['max_points']))} poin</h2>")
        for note in task.get("notes") or []:
            parts.append(f"<p>{_e(note)}</p>")
        rows = sorted(task.get("criteria") or [], key=lambda c: -(c["max_points"] - c["points"]))
        parts.append("<table><tr><th>Kriteria</th><th>Poin</th><th>Catatan</th></tr>")
        for c in rows:
            css = "ok" if c["points"] >= c["max_points"] else "bad"
            parts.append(f'<tr><td>{_e(c["label"])}</td><td class="{css}">{_e(points(c["points"]))}/'
                         f'{_e(points(c["max_points"]))}</td><td>{_e(c["note"])}</td></tr>')
        parts.append("</table>")
    parts.append("<p><small>Poin dari instruktur (nada, ketepatan isi) ditambahkan setelah penilaian manual."
                 "</small></p>")
    return page(f"Umpan balik {name or student} · {assignment}", "".join(parts))
