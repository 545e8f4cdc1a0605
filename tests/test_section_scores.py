"""Sections that don't apply say so (issue 14): a section with fewer than two applicable checks has no score —
``null`` in JSON, *tidak berlaku* in the text and HTML reports — and every consumer copes with it.
"""
from __future__ import annotations

import json
import re

import pytest

from autograders import analyze
from autograders.engine.checks import MIN_APPLICABLE_CHECKS, CheckResult, section_score
from autograders.engine.present.report_html import render_checks, render_report

from enginekit import REPO_ROOT

BOOK = REPO_ROOT / "book"


def _book_draft(page: str, name: str) -> str:
    source = (BOOK / page).read_text(encoding="utf-8")
    return re.search(name + r' = """(.*?)"""', source, re.S).group(1)


MODEL_POST = _book_draft("03-media-sosial.md", "draf_baik")
MODEL_RELEASE = _book_draft("06-siaran-pers.md", "draf_baik")


# ----------------------------------------------------------------------------------------- the rule and its edge
def _results(*ratings: str) -> list[CheckResult]:
    return [CheckResult(f"c{i}", rating, None, "k") for i, rating in enumerate(ratings)]


def test_minimum_is_two_applicable_checks():
    assert MIN_APPLICABLE_CHECKS == 2


@pytest.mark.parametrize("ratings,score", [
    ((), None),
    (("na", "na"), None),
    (("good",), None),                 # one applicable check: its own light says it all
    (("good", "na", "na"), None),
    (("bad",), None),
    (("good", "bad"), 67),             # two: the first score
    (("good", "good", "na"), 100),
])
def test_section_score_at_the_edge(ratings, score):
    assert section_score(_results(*ratings)) == score


# ----------------------------------------------------------------------------------------- the findings
def test_social_post_has_no_seo_score():
    report = analyze(MODEL_POST, kind="social_post", platform="x")
    assert report.section("seo").score is None
    assert report.to_dict()["seo"]["score"] is None
    assert "SEO: tidak berlaku" in report.to_text()
    assert "SEO: not applicable" in analyze(MODEL_POST, kind="social_post", platform="x", feedback_lang="en").to_text()
    assert "SEO: 0/100" not in report.to_text()
    assert isinstance(report.section("readability").score, int) and isinstance(report.section("genre").score, int)


def test_press_release_without_keyphrase_has_no_seo_score():
    report = analyze(MODEL_RELEASE, kind="press_release")
    assert [c.id for c in report.section("seo").checks if c.rating != "na"] == ["single_h1"]
    assert report.section("seo").score is None
    assert "SEO: tidak berlaku" in report.to_text()
    with_keyphrase = analyze(MODEL_RELEASE, kind="press_release", keyphrase="mal pelayanan publik")
    assert isinstance(with_keyphrase.section("seo").score, int)


@pytest.mark.parametrize("text", ["", "   \n\n ", "\u200b", "!!! ??? ...", "🙂🙂"])
def test_a_draft_without_words_is_not_scored(text):
    for kind, platform in (("article", ""), ("press_release", ""), ("social_post", "x")):
        report = analyze(text, lang="id", kind=kind, platform=platform)
        data = report.to_dict()
        assert all(data[s.name]["score"] is None for s in report.sections), (kind, text)
        applicable = [c.id for s in report.sections for c in s.checks if c.rating != "na"]
        assert applicable in ([], ["text_presence"]), (kind, applicable)
        assert report.notices
        shown = report.to_text()
        assert "/100" not in shown and "tidak berlaku" in shown


def test_english_article_genre_has_headline_and_tone_and_a_score():
    """English has no plain-language check: an article's genre section is its headline and tone (two checks)."""
    report = analyze("# City Opens New Service Hall\n\nResidents can renew documents in one building from Monday.",
                     lang="en")
    assert [c.id for c in report.section("genre").checks] == ["headline", "tone"]
    assert isinstance(report.section("genre").score, int)
    indonesian = analyze("# Pemkot Buka Gedung Layanan\n\nWarga bisa mengurus dokumen di satu gedung mulai Senin.",
                         lang="id")
    assert [c.id for c in indonesian.section("genre").checks] == ["headline", "plain_language", "tone"]


# ----------------------------------------------------------------------------------------- every consumer
def test_json_serialises_null_scores():
    data = json.loads(json.dumps(analyze(MODEL_POST, kind="social_post", platform="x").to_dict()))
    assert data["seo"]["score"] is None and isinstance(data["genre"]["score"], int)


def test_html_says_not_applicable():
    report = analyze(MODEL_POST, kind="social_post", platform="x")
    fragment = render_report(report)
    assert re.search(r"SEO <span class='khd-score khd-na'>tidak berlaku</span>", fragment)
    assert "None" not in fragment and "/100" in render_checks(report, ("genre",))


def test_cli_json_and_text(tmp_path):
    import subprocess
    import sys

    draft = tmp_path / "post.txt"
    draft.write_text(MODEL_POST, encoding="utf-8")
    base = [sys.executable, "-m", "autograders", "analyze", str(draft), "--kind", "social_post", "--platform", "x"]
    done = subprocess.run(base + ["--format", "json"], capture_output=True, text=True, cwd=REPO_ROOT, check=True)
    assert json.loads(done.stdout)["seo"]["score"] is None
    done = subprocess.run(base, capture_output=True, text=True, cwd=REPO_ROOT, check=True)
    assert "SEO: tidak berlaku" in done.stdout


def test_widgets_show_not_applicable():
    from autograders import widgets as W

    checker = W.DraftChecker(debounce=0)
    checker.text.value = "!!!"
    assert "tidak berlaku" in checker.output.value and "None" not in checker.output.value
    composer = W.PostComposer(MODEL_POST, platform="x", debounce=0)
    assert "None" not in composer.output.value
    release = W.PressReleaseChecker(MODEL_RELEASE, debounce=0)
    assert "None" not in release.output.value


def test_rubric_scoring_does_not_read_section_scores():
    """Grading reads check ratings only: a rubric criterion on a social post's genre check still scores."""
    from autograders.engine.scoring.criteria import Answer, score_check
    from autograders.engine.scoring.rubric import Criterion

    report = analyze(MODEL_POST, kind="social_post", platform="x")
    criterion = Criterion("panjang", "Panjang", "check", 1.0, {"section": "genre", "check": "post_length"})
    outcome = score_check(criterion, Answer("jawaban", MODEL_POST, MODEL_POST, {}, report), None)
    assert (outcome.share, outcome.rating) == (1.0, "good")
