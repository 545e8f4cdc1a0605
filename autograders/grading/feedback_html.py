"""Feedback pages: the nbgrader feedback preprocessor that strips tracebacks, and our own per-trainee pages.

Everything the trainee wrote is HTML-escaped; pages load nothing from the internet (styles inline).
"""
from __future__ import annotations

import html
import re
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


# A link or image address that runs script when followed. Browsers drop tabs and line breaks inside a URL, so
# they may sit between the letters; a zero-width space before the colon makes the address a harmless relative
# one (Markdown renderers decode character references in addresses, so an entity would not do).
_SCRIPT_SCHEME = re.compile("(?i)(" + "|".join(r"[\t\n\r]*".join(word) for word in ("javascript", "vbscript"))
                            + r")([\t\n\r]*:)")
# Output types that show as data, never run: everything else (HTML, JavaScript, SVG, Markdown, LaTeX, widgets)
# becomes a text note.
_INERT_OUTPUTS = ("text/plain", "image/png", "image/jpeg", "image/gif")
HIDDEN_OUTPUT_NOTE = "[Keluaran HTML/JavaScript disembunyikan.]"


def escape_trainee_markdown(text: str) -> str:
    """Markdown with raw HTML shown as text and script addresses disarmed; Markdown formatting still renders
    (``>`` is left alone: it opens no tag, and it starts a Markdown quote)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _SCRIPT_SCHEME.sub("\\1\u200b\\2", text)  # \u200b: zero-width space


class EscapeTraineeHtml(Preprocessor):  # type: ignore[misc,valid-type]
    """Make a notebook safe to show to an instructor (formgrader) or a trainee (feedback) as HTML.

    * Every Markdown cell is escaped — raw HTML shows as text, ``javascript:`` addresses are disarmed — except an
      instructor's cell exactly as it was released: a locked cell whose ``grade_id`` and text are those of the
      course's released notebook (``<root>/release/<assignment>/<notebook>.ipynb``). Metadata alone proves
      nothing: a trainee can add a cell marked ``locked`` and compute nbgrader's checksum for it. When the
      released notebook cannot be read, no cell is trusted.
    * A raw cell (rendered verbatim as HTML when its format is ``text/html``) becomes escaped Markdown.
    * Code cell outputs keep only plain text and bitmap images; HTML, JavaScript, SVG, Markdown and the like
      become a short note (``nbgrader autograde`` keeps whatever a trainee's code displayed).

    Configured for every HTML exporter of the course (``HTMLExporter.preprocessors`` in ``nbgrader_config.py``):
    formgrader's submission pages and nbgrader's feedback pages.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.enabled = True

    def preprocess(self, nb, resources):
        self._trusted = self._released_cells(resources or {})
        return super().preprocess(nb, resources)

    def _released_cells(self, resources) -> dict[str, str]:
        """grade_id -> text of the locked Markdown cells of the released notebook ({} when it cannot be read)."""
        import json
        import os

        info = resources.get("nbgrader") or {}
        assignment = info.get("assignment") or resources.get("assignment_id")
        notebook = info.get("notebook") or resources.get("notebook_id")
        if not assignment or not notebook:
            return {}
        section = self.config.CourseDirectory if "CourseDirectory" in self.config else {}
        root = section["root"] if "root" in section else os.getcwd()
        release = section["release_directory"] if "release_directory" in section else "release"
        path = os.path.join(str(root), str(release), str(assignment), f"{notebook}.ipynb")
        try:
            with open(path, encoding="utf-8") as handle:
                cells = json.load(handle).get("cells", [])
        except (OSError, ValueError, AttributeError):
            return {}
        trusted = {}
        for cell in cells:
            meta = ((cell.get("metadata") or {}).get("nbgrader") or {}) if isinstance(cell, dict) else {}
            if cell.get("cell_type") == "markdown" and meta.get("locked") and not meta.get("solution"):
                text = cell.get("source", "")
                trusted[str(meta.get("grade_id"))] = "".join(text) if isinstance(text, list) else str(text)
        return trusted

    def _is_released(self, cell) -> bool:
        meta = (cell.get("metadata") or {}).get("nbgrader") or {}
        released = getattr(self, "_trusted", {}).get(str(meta.get("grade_id")))
        return (released is not None and bool(meta.get("locked")) and not meta.get("solution")
                and cell.get("source", "") == released)

    def preprocess_cell(self, cell, resources, index):
        kind = cell.get("cell_type")
        if kind == "raw":
            cell["cell_type"] = "markdown"
            cell.get("metadata", {}).pop("format", None)
            cell.get("metadata", {}).pop("raw_mimetype", None)
            kind = "markdown"
        if kind == "markdown":
            if not self._is_released(cell):
                cell["source"] = escape_trainee_markdown(cell.get("source", ""))
            if _has_unsafe_attachment(cell):
                cell.pop("attachments", None)
        elif kind == "code":
            for output in cell.get("outputs", []):
                data = output.get("data")
                if not isinstance(data, dict):
                    continue
                kept = {k: v for k, v in data.items() if k in _INERT_OUTPUTS}
                if len(kept) != len(data):
                    kept.setdefault("text/plain", HIDDEN_OUTPUT_NOTE)
                    output["data"] = kept
        return cell, resources


def _has_unsafe_attachment(cell) -> bool:
    """An attachment other than a bitmap image (an SVG or HTML attachment could carry script)."""
    for bundle in (cell.get("attachments") or {}).values():
        if any(mime not in _INERT_OUTPUTS for mime in (bundle or {})):
            return True
    return False


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
