"""Golden full-text tests: realistic drafts with the hand-counted rating of every check.

Each draft ``tests/golden/<name>.md|.html|.txt`` has a sibling ``<name>.json`` holding the paper (lang, keyphrase,
title, description, slug, url) and ``expected``: the rating of every readability and SEO check, decided by counting
the draft by hand against the thresholds in ``autograders/engine/languages/<lang>/settings.json`` and shared/domain.md
§1 and §6. Drafts are written so that values sit well inside a band, except the edges documented under ``_edges``.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from autograders import analyze

from enginekit import GOLDEN_DIR, GRADE_IDS, READABILITY_IDS, SEO_IDS

DRAFT_SUFFIXES = (".md", ".html", ".txt")
PAPER_FIELDS = ("keyphrase", "title", "description", "slug", "url")


def _cases() -> list[Path]:
    return sorted(p for p in GOLDEN_DIR.iterdir() if p.suffix in DRAFT_SUFFIXES and p.with_suffix(".json").exists())


CASES = _cases()


@lru_cache(maxsize=None)
def _meta(name: str) -> dict:
    return json.loads((GOLDEN_DIR / name).with_suffix(".json").read_text(encoding="utf-8"))


def _draft_path(name: str) -> Path:
    return GOLDEN_DIR / name


@lru_cache(maxsize=None)
def _report(name: str, feedback_lang: str = "id"):
    meta = _meta(name)
    text = _draft_path(name).read_text(encoding="utf-8")
    return analyze(text, lang=meta["lang"], feedback_lang=feedback_lang, **{k: meta[k] for k in PAPER_FIELDS})


def _expected_items() -> list[tuple[str, str, str]]:
    items = []
    for path in CASES:
        for check_id, rating in _meta(path.name)["expected"].items():
            items.append((path.name, check_id, rating))
    return items


def _checks(data: dict) -> dict[str, dict]:
    return {c["id"]: c for section in ("readability", "seo") for c in data[section]["checks"]}


# ---------------------------------------------------------------------------- the collection itself
def test_enough_golden_drafts_per_language():
    langs = [_meta(p.name)["lang"] for p in CASES]
    assert langs.count("id") >= 8
    assert langs.count("en") >= 4


def test_golden_collection_covers_formats_and_sizes():
    suffixes = {p.suffix for p in CASES}
    assert {".md", ".html", ".txt"} <= suffixes
    longest = max(len(p.read_text(encoding="utf-8").split()) for p in CASES)
    assert longest >= 600


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_expectations_name_every_check_exactly_once(path):
    meta = _meta(path.name)
    assert meta["lang"] in GRADE_IDS
    assert all(isinstance(meta[k], str) for k in PAPER_FIELDS)
    wanted = set(READABILITY_IDS) | {GRADE_IDS[meta["lang"]]} | set(SEO_IDS)
    assert set(meta["expected"]) == wanted
    assert set(meta["expected"].values()) <= {"good", "ok", "bad", "na"}


# ---------------------------------------------------------------------------- every rating
@pytest.mark.parametrize("name,check_id,rating", _expected_items(),
                         ids=[f"{n}:{c}" for n, c, _ in _expected_items()])
def test_golden_rating(name, check_id, rating):
    check = _report(name).check(check_id)
    assert check is not None, f"{check_id} missing from the report"
    assert check.rating == rating, (
        f"{name}: {check_id} is {check.rating!r} (value {check.value!r}), expected {rating!r}")


# ---------------------------------------------------------------------------- report contract
@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_report_json_contract(path, assert_contract):
    report = _report(path.name)
    data = report.to_dict()
    assert data["lang"] == _meta(path.name)["lang"]
    assert_contract(data, len(report.document.text))
    json.loads(json.dumps(data, ensure_ascii=False))  # serialisable as it is


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_scores_follow_ratings(path):
    checks = _checks(_report(path.name).to_dict()).values()
    by_rating = {r: [c["score"] for c in checks if c["rating"] == r] for r in ("good", "ok", "bad")}
    if by_rating["good"] and by_rating["ok"]:
        assert min(by_rating["good"]) > max(by_rating["ok"])
    if by_rating["ok"] and by_rating["bad"]:
        assert min(by_rating["ok"]) > max(by_rating["bad"])
    if by_rating["good"] and by_rating["bad"]:
        assert min(by_rating["good"]) > max(by_rating["bad"])


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_messages_are_sentences_not_catalogue_keys(path):
    for lang in ("id", "en"):
        for check in _checks(_report(path.name, lang).to_dict()).values():
            message = check["message"]
            assert not re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", message.strip()), (lang, check["id"], message)
            assert "{" not in message and "}" not in message, (lang, check["id"], message)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_english_feedback_differs(path):
    indonesian = _checks(_report(path.name, "id").to_dict())
    english = _checks(_report(path.name, "en").to_dict())
    assert indonesian.keys() == english.keys()
    for check_id, check in indonesian.items():
        other = english[check_id]
        assert other["rating"] == check["rating"] and other["value"] == check["value"]
        assert other["message"].strip(), check_id
        assert other["message"] != check["message"], (check_id, check["message"])


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_marks_point_inside_the_plain_text(path):
    report = _report(path.name)
    text = report.document.text
    for check in _checks(report.to_dict()).values():
        for mark in check["marks"]:
            snippet = text[mark["start"]:mark["end"]]
            assert snippet.strip(), (check["id"], mark)
            assert snippet == snippet.strip(), (check["id"], snippet)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_language_is_detected_when_not_given(path):
    meta = _meta(path.name)
    text = path.read_text(encoding="utf-8")
    report = analyze(text, **{k: meta[k] for k in PAPER_FIELDS})
    assert report.lang == meta["lang"]


def test_script_in_html_draft_is_dropped():
    report = _report("id_html_beasiswa.html")
    assert "alert" not in report.document.text
    assert "font-family" not in report.document.text
    assert "<" not in report.document.text
