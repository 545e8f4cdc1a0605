"""Kinds get the right checks (issue 14): a social post has no title and no 50-character minimum; a press
release's note to editors is no call to action, its release number is not its headline, and its keyphrase
belongs in its headline and lead, not in the lines above them.
"""
from __future__ import annotations

import re

import pytest

from autograders import analyze
from autograders.engine.assess.press_release import release_parts, release_word_count

from enginekit import REPO_ROOT

SOURCE = (REPO_ROOT / "book" / "06-siaran-pers.md").read_text(encoding="utf-8")
MODEL_RELEASE = re.search(r'draf_baik = """(.*?)"""', SOURCE, re.S).group(1)
GOOD_RELEASE = (REPO_ROOT / "tests" / "golden_genre" / "press_releases" / "01_good.md").read_text(encoding="utf-8")
HEADLINE = "Warga Sukamaju Kini Bisa Mengurus 112 Layanan di Satu Gedung"


# ----------------------------------------------------------------------------------------- social posts
def test_a_short_post_is_not_too_short():
    report = analyze("Jalan Merdeka ditutup hari ini. #InfoJalan", kind="social_post", platform="x")
    assert report.check("text_presence").rating == "na"
    assert "terlalu pendek" not in report.to_text()
    assert report.check("post_length").rating == "good"


@pytest.mark.parametrize("text,rating", [
    ("UNTUK DISIARKAN SEGERA\n\nJalan Merdeka ditutup sementara hari Minggu untuk kegiatan bebas kendaraan. #InfoJalan",
     "ok"),
    ("Jalan Merdeka segera dibuka kembali setelah perbaikan selesai. #InfoJalan", "ok"),
    ("Isi formulir pengaduan di sukamajukota.go.id. #LayananPublik", "good"),
    ("Isi laporan tahunan sudah terbit di laman resmi. #LayananPublik", "ok"),
    ("Vaksinasi gratis untuk lansia digelar Sabtu ini di Balai Kota. #SukamajuSehat", "ok"),
    ("Segera daftar vaksinasi gratis di puskesmas terdekat. #SukamajuSehat", "good"),
])
def test_call_to_action_means_telling_the_reader_to_act(text, rating):
    check = analyze(text, kind="social_post", platform="facebook").check("call_to_action")
    assert check.rating == rating, check.value


def test_a_press_release_posted_as_is_has_no_call_to_action_from_its_release_note():
    body = GOOD_RELEASE.split("\n\n", 2)
    release_as_post = "UNTUK DISIARKAN SEGERA\n\n" + body[1].lstrip("# ") + " Mal Pelayanan Publik diresmikan hari ini."
    check = analyze(release_as_post, kind="social_post", platform="facebook").check("call_to_action")
    assert check.rating == "ok"


# ----------------------------------------------------------------------------------------- press releases
def test_the_release_number_is_not_the_headline():
    report = analyze(MODEL_RELEASE, kind="press_release")
    parts = release_parts(report.document)
    assert parts.release_number is not None and parts.release_number.text.startswith("Siaran Pers Nomor 045")
    assert parts.headline == HEADLINE
    headline = report.check("pr_headline")
    assert headline.rating == "good" and HEADLINE in report.message(headline)
    assert "045" not in report.to_text()


@pytest.mark.parametrize("line", [
    "Siaran Pers Nomor 045/SP/Diskominfo/XI/2025", "SIARAN PERS", "Nomor: 12/HMS/2026", "No. 045/SP/XI/2025",
    "**Siaran Pers No. 7/2026**",
])
def test_release_number_lines(line):
    text = f"UNTUK DISIARKAN SEGERA\n\n{line}\n\n{HEADLINE}\n\n" + MODEL_RELEASE.split(HEADLINE, 1)[1]
    report = analyze(text, kind="press_release")
    assert release_parts(report.document).headline == HEADLINE, line


def test_a_headline_with_a_number_is_still_the_headline():
    text = MODEL_RELEASE.replace("Siaran Pers Nomor 045/SP/Diskominfo/XI/2025\n", "")
    text = text.replace(HEADLINE, "Pemkab Buka 112 Layanan di Satu Gedung")
    assert release_parts(analyze(text, kind="press_release").document).headline == "Pemkab Buka 112 Layanan di Satu Gedung"


def test_the_release_number_is_not_counted_in_the_release_length():
    with_number = analyze(MODEL_RELEASE, kind="press_release")
    without = analyze(MODEL_RELEASE.replace("Siaran Pers Nomor 045/SP/Diskominfo/XI/2025\n", ""), kind="press_release")
    assert release_word_count(with_number.document) == release_word_count(without.document)
    assert with_number.check("pr_length").value == without.check("pr_length").value


def test_a_release_keyphrase_is_looked_for_in_its_headline_and_lead():
    report = analyze(MODEL_RELEASE, kind="press_release", keyphrase="layanan")
    assert report.check("keyphrase_in_title").rating in ("good", "ok")  # the headline, though the draft has no H1
    intro = report.check("keyphrase_in_introduction")
    assert intro.rating == "good"
    assert report.document.text[intro.marks[0].start:].startswith("Sukamaju, 10 November 2025")
    assert report.check("keyphrase_in_meta_description").rating == "na"
    assert report.check("keyphrase_in_subheadings").rating == "na"
    assert report.check("keyphrase_in_image_alt").rating == "na"
    assert report.check("keyphrase_in_slug").rating == "na"
