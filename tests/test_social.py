"""Social posts per platform: golden posts, limits at their edges, the X thread helper, CLI and skips."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from autograders.engine.pipeline import analyze
from autograders.engine.assess.social import (UnknownPlatformError, camel_case, emoji_runs, platform_data, resolve_platform,
                                split_thread)
from autograders.engine.languages import get_language
from autograders.engine.measure.x_length import x_weighted_length

ROOT = Path(__file__).resolve().parent.parent
POSTS = json.loads((Path(__file__).parent / "golden_genre" / "social_posts.json").read_text(encoding="utf-8"))["posts"]


def post(text, platform, **kw):
    return analyze(text, kind="social_post", platform=platform, **kw)


def test_golden_set_size_and_platforms():
    assert len(POSTS) >= 30
    assert {p["platform"] for p in POSTS} == set(platform_data()["platforms"])


@pytest.mark.parametrize("case", POSTS, ids=[p["id"] for p in POSTS])
def test_golden_post(case):
    report = post(case["text"], case["platform"])
    got = {cid: report.check(cid).rating for cid in case["expect"]}
    assert got == case["expect"]


def test_platform_data_is_dated():
    data = platform_data()
    assert data["checked"] == "2025-12"
    assert data["platforms"]["instagram"]["hashtags"]["hard_max"] == 5
    assert data["platforms"]["x"]["max_length"] == 280


def test_x_value_is_weighted_length():
    text = "Cek https://sukamajukota.go.id/jadwal-layanan-kependudukan-lengkap 👋🏽 欢迎"
    check = post(text, "x").check("post_length")
    assert check.value == x_weighted_length(text)
    assert check.value < len(text)  # the long URL counts 23


@pytest.mark.parametrize("n, rating", [(280, "good"), (281, "bad")])
def test_x_limit_edge(n, rating):
    assert post("a" * n, "x").check("post_length").rating == rating


def test_x_emoji_count_double_at_the_edge():
    assert post("a" * 278 + "😀", "x").check("post_length").rating == "good"
    assert post("a" * 279 + "😀", "x").check("post_length").rating == "bad"


def test_x_over_limit_suggests_thread_size():
    text = "Kalimat pendek untuk warga Sukamaju. " * 20
    check = post(text, "x").check("post_length")
    assert check.rating == "bad"
    assert check.params["posts"] == len(split_thread(text.strip()))
    assert check.marks and check.marks[0].end == len(post(text, "x").document.text)


@pytest.mark.parametrize("platform, limit", [("threads", 500), ("linkedin", 3000), ("instagram", 2200)])
def test_character_limit_edges(platform, limit):
    assert post("a" * limit, platform).check("post_length").rating != "bad"
    assert post("a" * (limit + 1), platform).check("post_length").rating == "bad"


@pytest.mark.parametrize("count, rating", [(5, "good"), (6, "bad")])
def test_instagram_hashtag_cap(count, rating):
    tags = " ".join(f"#Tagar{chr(65 + i)}" for i in range(count))
    assert post(f"Festival kuliner akhir pekan ini. Datang ya! {tags}", "instagram").check("hashtags").rating == rating


def test_camel_case_suggestion_is_in_the_mark():
    check = post("Daftar di sukamajukota.go.id #layananpublik", "x").check("hashtags")
    assert check.key == "hashtags.camel_case"
    assert check.marks[0].suggestion == "#LayananPublik"
    assert camel_case("layananpublik", get_language("id")) == "LayananPublik"
    assert camel_case("xqzv", get_language("id")) is None


def test_emoji_runs_count_sequences_as_one():
    runs = emoji_runs("Halo 👨‍👩‍👧 dan 👋🏽👋🏽 🇮🇩")
    assert [r[2] for r in runs] == [1, 3]


def test_thread_helper_splits_at_sentences_within_limit():
    text = " ".join(f"Kalimat nomor {i} menjelaskan layanan baru untuk warga." for i in range(1, 15))
    parts = split_thread(text)
    assert len(parts) > 1
    assert all(x_weighted_length(p) <= 280 for p in parts)
    assert all(p.endswith(f" {i}/{len(parts)}") for i, p in enumerate(parts, start=1))
    assert all(p.rsplit(" ", 1)[0].endswith(".") for p in parts)  # every post ends at a sentence boundary
    rebuilt = " ".join(p.rsplit(" ", 1)[0] for p in parts)
    assert rebuilt == text


def test_aliases_and_unknown_platforms():
    assert resolve_platform("Twitter") == "x"
    assert resolve_platform(" IG ") == "instagram"
    with pytest.raises(UnknownPlatformError) as error:
        resolve_platform("myspace")
    assert "tidak dikenal" in str(error.value) and "instagram" in str(error.value)
    assert "Unknown platform" in error.value.message("en")
    with pytest.raises(ValueError):
        analyze("Halo warga", kind="social_post")  # a post needs a platform
    with pytest.raises(ValueError):
        analyze("Halo warga", kind="article", platform="myspace")


def test_seo_is_skipped_for_posts():
    report = post("Vaksinasi gratis Sabtu ini di Balai Kota. Datang ya! #Vaksin", "x")
    seo = report.section("seo").checks
    assert seo and all(c.rating == "na" and c.key == "kind.not_applicable" for c in seo)
    assert report.check("transition_words").key == "kind.not_applicable"
    assert report.check("sentence_length").key != "kind.not_applicable"


def test_trainee_text_is_escaped_in_html():
    # Read as plain text on purpose, so the markup stays in the text and must be escaped.
    report = post("Daftar <script>alert(1)</script> di https://bit.ly/x #LayananPublik", "x", fmt="text")
    html = report.highlighted_html()
    assert "<script>" not in html and "&lt;script&gt;" in html
    # Detected as usual, the script is markup: it never reaches the text a reader sees.
    detected = post("Daftar <script>alert(1)</script> di https://bit.ly/x #LayananPublik", "x")
    assert "alert" not in detected.document.text and "<" not in detected.highlighted_html().replace("<mark", "")\
        .replace("</mark>", "")


def test_cli_stdin_x_and_unknown_platform():
    text = "Mulai 1 Januari 2027, urus KTP-el di Mal Pelayanan Publik. Ambil antrean di https://sukamajukota.go.id #LayananPublik"
    out = subprocess.run([sys.executable, "-m", "autograders", "analyze", "-", "--kind", "social_post", "--platform", "x",
                          "--format", "json"], input=text, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    length = next(c for c in data["genre"]["checks"] if c["id"] == "post_length")
    assert length["value"] == x_weighted_length(text)
    bad = subprocess.run([sys.executable, "-m", "autograders", "analyze", "-", "--kind", "social_post", "--platform",
                          "friendster"], input=text, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert bad.returncode == 2
    assert "Platform \"friendster\" tidak dikenal" in bad.stderr
    assert "Traceback" not in bad.stderr
