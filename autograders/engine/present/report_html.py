"""A report as an HTML fragment: traffic lights, messages, and the draft with flagged sentences highlighted.

Used by the book's live tools and by feedback pages. Every piece of the trainee's text is escaped here; the
fragment carries its own small stylesheet and loads nothing from anywhere.
"""
from __future__ import annotations

import html

from .feedback import label, message
from .report import Report, score_text, words_text

STYLE = """
<style>
.khd-report{font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif;font-size:14px;line-height:1.45}
.khd-report h4{margin:.6em 0 .3em;font-size:15px}
.khd-report ul{list-style:none;padding-left:0;margin:0}
.khd-report li{margin:.25em 0;display:flex;gap:.5em;align-items:flex-start}
.khd-dot{flex:0 0 12px;height:12px;border-radius:50%;margin-top:4px}
.khd-dot.good{background:#2e7d32}.khd-dot.ok{background:#f9a825}.khd-dot.bad{background:#c62828}.khd-dot.na{background:#bdbdbd}
.khd-score{font-weight:600}.khd-score.khd-na{font-weight:400;color:#555}
.khd-text{border:1px solid #ddd;padding:.6em;border-radius:4px;max-height:24em;overflow:auto;background:#fafafa}
.khd-text mark.khd-bad{background:#ffcdd2}.khd-text mark.khd-ok{background:#fff3c4}
.khd-small{color:#555;font-size:12px}
.khd-notice{border-left:4px solid #f9a825;background:#fff8e1;padding:.3em .6em;margin:.4em 0}
</style>
"""


def render_checks(report: Report, section_names: tuple[str, ...] = ("readability", "seo", "genre"),
                  show_good: bool = True) -> str:
    """Each section's score (or *tidak berlaku*) and its applicable checks, worst first; checks that share one
    message (:meth:`Report.message_groups`) are one item naming them all (``data-checks`` lists their ids)."""
    lang = report.feedback_lang
    shown = [s for s in report.sections if s.name in section_names]
    groups = report.message_groups(shown)
    parts = []
    for section in shown:
        score = section.score
        css = "khd-score" if score is not None else "khd-score khd-na"
        parts.append(f"<h4>{html.escape(label('section.' + section.name, lang))} "
                     f"<span class='{css}'>{html.escape(score_text(score, lang))}</span></h4><ul>")
        ordered = sorted(section.checks, key=lambda c: ({"bad": 0, "ok": 1, "good": 2, "na": 3}[c.rating]))
        for check in ordered:
            if check.rating == "na" or (check.rating == "good" and not show_good) or check.id not in groups:
                continue
            members = groups[check.id]
            name = html.escape(report.group_name(members))
            text = html.escape(report.message(check))
            rating = html.escape(label(f"rating.{check.rating}", lang))
            ids = html.escape(" ".join(c.id for c in members))
            parts.append(f"<li data-check='{html.escape(check.id)}' data-rating='{check.rating}' data-checks='{ids}'>"
                         f"<span class='khd-dot {check.rating}' title='{rating}'></span>"
                         f"<span><b>{name}</b>: {text}</span></li>")
        parts.append("</ul>")
    return "".join(parts)


def render_report(report: Report, section_names: tuple[str, ...] = ("readability", "seo", "genre"),
                  highlight: bool = True) -> str:
    lang = report.feedback_lang
    stats = report.stats
    header = html.escape(
        f"{words_text(stats, lang)} · {stats['sentences']} kalimat · {stats['paragraphs']} paragraf" if lang == "id"
        else f"{words_text(stats, lang)} · {stats['sentences']} sentences · {stats['paragraphs']} paragraphs")
    body = [STYLE, "<div class='khd-report'>", f"<div class='khd-small'>{header}</div>"]
    body += [f"<div class='khd-notice' data-notice='{html.escape(key)}'>{html.escape(message(key, None, lang))}</div>"
             for key in report.notices]  # about the input itself: hidden content, truncation, an empty draft
    body.append(render_checks(report, section_names))
    if highlight and report.document.text.strip():
        title = "Draf Anda (bagian yang perlu diperbaiki ditandai)" if lang == "id" else "Your draft (marked parts need work)"
        body.append(f"<h4>{html.escape(title)}</h4><div class='khd-text'>{report.highlighted_html()}</div>")
    body.append("</div>")
    return "".join(body)
