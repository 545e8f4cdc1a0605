"""Hidden content never reaches the text a reader sees, and the report and the instructor are told about it."""
from __future__ import annotations

import pytest

from autograders import analyze
from autograders.engine.parse.markup import HIDDEN_KINDS, detect_format, hidden_content, style_reason
from autograders.engine.present.report_html import render_report

MODEL = "Mulai 1 Januari 2027 warga mengurus dokumen kependudukan di Mal Pelayanan Publik"
VISIBLE = "Saya belum sempat menulis."


@pytest.mark.parametrize("draft,kind", [
    (f"{VISIBLE}\n\n<div hidden>\n\n{MODEL}.\n\n</div>", "hidden_attribute"),
    (f"{VISIBLE}\n\n<div hidden>\n{MODEL}.\n</div>", "hidden_attribute"),
    (f"{VISIBLE}\n\n<div style=\"display:none\">\n\n{MODEL}.\n\n</div>", "display_none"),
    (f"{VISIBLE}\n\n<div style=\"DISPLAY : None !important\">{MODEL}.</div>", "display_none"),
    (f"{VISIBLE}\n\n<p style=\"visibility: hidden\">{MODEL}.</p>", "visibility_hidden"),
    (f"{VISIBLE} <span style=\"font-size:0\">{MODEL}.</span>", "tiny_font"),
    (f"{VISIBLE} <span style=\"font-size: 1px\">{MODEL}.</span>", "tiny_font"),
    (f"{VISIBLE} <span style=\"opacity:0\">{MODEL}.</span>", "opacity_zero"),
    (f"{VISIBLE} <span style=\"color: transparent\">{MODEL}.</span>", "transparent_text"),
    (f"{VISIBLE} <span style=\"color:rgba(0,0,0,0)\">{MODEL}.</span>", "transparent_text"),
    (f"{VISIBLE}\n\n<div style=\"height:0;overflow:hidden\">{MODEL}.</div>", "zero_size"),
    (f"{VISIBLE}\n\n<div style=\"position:absolute;left:-9999px\">{MODEL}.</div>", "off_screen"),
    (f"{VISIBLE}\n\n<div style=\"clip: rect(0 0 0 0); position:absolute\">{MODEL}.</div>", "clipped"),
    (f"{VISIBLE}\n\n<span class=\"sr-only\" aria-hidden=\"true\">{MODEL}.</span>", "hidden_class"),
    (f"{VISIBLE}\n\n<template>\n\n{MODEL}.\n\n</template>", "template"),
    (f"{VISIBLE}\n\n<!-- {MODEL}. -->", "comment"),
    (f"{VISIBLE} <!-- {MODEL}. --> Selesai.", "comment"),
    (f"{VISIBLE}\n\n<!--\n\n{MODEL}.\n\n-->", "comment"),
    (f"{VISIBLE}\n\n<!-- {MODEL}. and never closed", "comment"),
    (f"{VISIBLE}\n<!-- {MODEL}. -->", "comment"),  # no Markdown signal at all: still not plain text
    (f"[//]: # ({MODEL})\n\n{VISIBLE}", "link_definition"),
    (f"<html><body><p>{VISIBLE}</p><div hidden><p>{MODEL}.</p></div></body></html>", "hidden_attribute"),
    (f"<p>{VISIBLE}</p><!-- {MODEL}. <p>and the rest", "comment"),
])
def test_hidden_content_is_dropped_and_recorded(draft, kind):
    report = analyze(draft, lang="id")
    doc = report.document
    assert "Mal Pelayanan Publik" not in doc.text
    assert "Saya belum sempat menulis" in doc.text
    assert [h.kind for h in doc.hidden] == [kind]
    assert doc.hidden[0].excerpt.startswith("Mulai 1 Januari 2027") and len(doc.hidden[0].excerpt) <= 80
    assert kind in HIDDEN_KINDS
    assert "notice.hidden_content" in report.notices
    assert hidden_content(draft) == doc.hidden


@pytest.mark.parametrize("draft", [
    f"{VISIBLE}\n\n<div>\n\n{MODEL}.\n\n</div>",
    f"{VISIBLE} <span style=\"font-size:16px;color:#333\">{MODEL}.</span>",
    f"{VISIBLE} <span aria-hidden=\"true\">{MODEL}.</span>",  # aria-hidden alone: a sighted reader sees it
    f"{VISIBLE}\n\n<details><summary>Jawaban</summary>{MODEL}.</details>",  # a click away, not hidden
    f"<p hidden>x</p><p>{VISIBLE} {MODEL}.</p>",
    f"{VISIBLE}\n\n<p hidden>rahasia\n\n{MODEL}.",  # a Markdown paragraph closes the hidden <p>
    f"<p hidden>rahasia<div>{VISIBLE} {MODEL}.</div>",  # a <div> closes the hidden <p>, as in a browser
])
def test_visible_content_stays(draft):
    doc = analyze(draft, lang="id").document
    assert "Mal Pelayanan Publik" in doc.text and VISIBLE in doc.text


def test_text_after_a_closed_hidden_block_is_visible_and_the_order_is_kept():
    draft = f"Pertama.\n\n<div hidden>\n\n{MODEL}.\n\n</div>\n\nKedua.\n\n<div>Ketiga.</div>\n\nKeempat."
    doc = analyze(draft, lang="id").document
    assert doc.text == "Pertama.\n\nKedua.\n\nKetiga.\n\nKeempat."


def test_links_and_images_inside_hidden_content_do_not_count():
    draft = ("Teks terlihat.\n\n<div hidden>\n\n[tautan](https://sukamajukota.go.id/a) "
             "![alt kunci](a.png)\n\n</div>\n\n<img src=\"b.png\" alt=\"x\" hidden>")
    doc = analyze(draft, lang="id").document
    assert doc.links == () and doc.images == ()


def test_no_markup_no_notice():
    report = analyze("Layanan buka pukul 08.00. Bawa KTP asli.", lang="id")
    assert report.document.hidden == () and "notice.hidden_content" not in report.notices
    assert hidden_content("Layanan buka pukul 08.00.") == ()


def test_notice_in_json_text_and_html_in_both_languages():
    draft = f"{VISIBLE}\n\n<!-- {MODEL} -->"
    for lang, word in (("id", "tidak terlihat"), ("en", "cannot see")):
        report = analyze(draft, lang="id", feedback_lang=lang)
        assert any(word in n for n in report.to_dict()["notices"])
        assert word in report.to_text()
        html = render_report(report)
        assert "data-notice='notice.hidden_content'" in html and word in html
        assert "<!--" not in html and MODEL not in html


def test_script_and_style_are_dropped_but_not_recorded_as_hidden_text():
    report = analyze("<p>Teks.</p><script>alert(1)</script><style>p{color:red}</style>", lang="id")
    assert report.document.text == "Teks." and report.document.hidden == ()


def test_format_detection_reads_any_markup_as_markdown():
    assert detect_format("Teks biasa tanpa tanda apa pun.") == "text"
    assert detect_format("Teks <!-- catatan --> biasa.") == "markdown"
    assert detect_format("Teks <span hidden>x</span> biasa.") == "markdown"
    assert detect_format("[//]: # (catatan)\nTeks.") == "markdown"


@pytest.mark.parametrize("style,reason", [
    ("display:none", "display_none"), ("visibility:collapse", "visibility_hidden"), ("font-size:0.1em", "tiny_font"),
    ("font-size:3px", "tiny_font"), ("font-size: 4px", None), ("font-size:12pt", None), ("opacity: .01", "opacity_zero"),
    ("opacity:0.5", None), ("color:#0000", "transparent_text"), ("color:#ffffff00", "transparent_text"),
    ("color:#fff", None), ("max-height:0; overflow: hidden", "zero_size"), ("height:0", None),
    ("transform: scale(0)", "zero_size"), ("text-indent:-9999px", "off_screen"), ("position:relative;left:-10px", None),
    ("clip-path: inset(50%)", "clipped"), ("", None), ("display", None), (";;;", None),
])
def test_style_reasons(style, reason):
    assert style_reason(style) == reason


def test_deep_nesting_and_many_comments_are_read_in_one_pass():
    deep = "<span hidden>" * 20_000 + "rahasia" + "</span>" * 20_000 + " terlihat"
    report = analyze(deep, lang="id")
    assert report.document.text.strip() == "terlihat"
    many = "Teks. " + "<!-- a -->" * 20_000 + " <!-- " * 5_000
    assert "Teks." in analyze(many, lang="id").document.text
    stray = "Teks. " + "</div>" * 50_000
    assert analyze(stray, lang="id").document.text.startswith("Teks.")
