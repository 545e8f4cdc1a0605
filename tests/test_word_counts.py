"""One word count, named (issue 14): the header said "157 kata" while the text-length check said "Teks hanya 133
kata". Both counts exist and are named the same way everywhere: *kata* (every word, title and subheadings
included: ``stats.words``) and *kata isi* (the body, which the length thresholds judge: ``stats.body_words``).
"""
from __future__ import annotations

import re

from autograders import analyze
from autograders.engine.present.report_html import render_report

from enginekit import REPO_ROOT

BLOG = (REPO_ROOT / "samples" / "blog-mal-pelayanan.md").read_text(encoding="utf-8")


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_stats_name_both_counts():
    report = analyze(BLOG, lang="id", keyphrase="mal pelayanan publik")
    stats = report.stats
    assert stats["words"] == len(report.document.words)
    assert stats["body_words"] == sum(len(b.words) for b in report.document.body_blocks)
    assert stats["body_words"] < stats["words"]  # the title and subheadings are words, not body words
    assert report.check("text_length").value == stats["body_words"]


def test_text_html_and_check_messages_agree():
    report = analyze(BLOG, lang="id", keyphrase="mal pelayanan publik")
    words, body = report.stats["words"], report.stats["body_words"]
    text = _flat(report.to_text())
    assert f"{words} kata ({body} kata isi, tanpa judul dan subjudul)" in text
    assert f"Teks hanya {body} kata isi" in text
    assert f"{words} kata isi" not in text and f"Teks hanya {words}" not in text
    fragment = _flat(render_report(report))
    assert f"{words} kata ({body} kata isi, tanpa judul dan subjudul)" in fragment
    english = _flat(analyze(BLOG, lang="id", feedback_lang="en").to_text())
    assert f"{words} words ({body} body words, without title and subheadings)" in english
    assert f"only {body} body words" in english


def test_one_number_when_both_counts_are_equal():
    report = analyze("Jalan Merdeka ditutup hari Minggu untuk kegiatan bebas kendaraan.", lang="id")
    assert report.stats["words"] == report.stats["body_words"] == 9
    assert report.to_text().splitlines()[1].startswith("9 kata, 1 kalimat")
    assert "kata isi" not in report.to_text().splitlines()[1]


def test_every_count_of_the_body_is_called_kata_isi():
    """Messages that give the body's total or a threshold on it say *kata isi*; the keyphrase's own words are
    *kata bermakna*, so the two ideas never share a name."""
    from autograders.engine.present.feedback import catalogue

    messages = catalogue("id")
    for key in ("text_length.bad", "text_length.good", "text_length.ok", "subheading_distribution.none",
                "transition_words.short", "keyphrase_density.short", "keyphrase_in_subheadings.none_long"):
        assert "kata isi" in messages[key], key
    for key in ("keyphrase_length.bad", "keyphrase_length.good", "keyphrase_length.ok"):
        assert "kata isi" not in messages[key] and "kata bermakna" in messages[key], key
    assert not [k for k, v in messages.items() if re.search(r"\{words\} kata(?! isi| bermakna| dari)", v)
                and k.startswith(("text_length", "subheading_distribution.none"))]
