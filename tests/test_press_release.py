"""Press releases: golden drafts (one good, each other missing a different part) and each check at its edges."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from autograders.engine.pipeline import analyze
from autograders.engine.assess.press_release import RULES

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden_genre" / "press_releases"
EXPECTED = json.loads((GOLDEN / "expected.json").read_text(encoding="utf-8"))
GOOD = (GOLDEN / "01_good.md").read_text(encoding="utf-8")
PR_IDS = ["pr_release_note", "pr_headline", "pr_dateline", "pr_lead", "pr_quote", "pr_boilerplate", "pr_contact",
          "pr_end_mark", "pr_length"]


def genre(text, **kw):
    report = analyze(text, kind="press_release", **kw)
    return report, {c.id: c for c in report.section("genre").checks}


@pytest.mark.parametrize("name", [n for n in EXPECTED if not n.startswith("_")])
def test_golden_release(name):
    _, checks = genre((GOLDEN / name).read_text(encoding="utf-8"))
    expected = {cid: EXPECTED[name].get(cid, "good") for cid in PR_IDS + ["plain_language"]}
    assert {cid: checks[cid].rating for cid in expected} == expected


def test_golden_set_covers_each_part():
    missing_parts = {cid for name, exp in EXPECTED.items() if not name.startswith("_") for cid, r in exp.items()
                     if r == "bad"}
    assert len([n for n in EXPECTED if not n.startswith("_")]) >= 7
    assert missing_parts >= {"pr_release_note", "pr_headline", "pr_dateline", "pr_quote", "pr_boilerplate",
                             "pr_contact", "pr_end_mark", "pr_lead", "pr_length"}


def test_genre_section_order_and_json():
    report, _ = genre(GOOD)
    data = report.to_dict()
    assert [c["id"] for c in data["genre"]["checks"]] == PR_IDS + ["plain_language", "tone"]
    assert data["genre"]["score"] == 100


def test_dateline_message_quotes_the_trainee_line():
    report, checks = genre((GOLDEN / "04_no_dateline.md").read_text(encoding="utf-8"))
    assert "Wali Kota Sukamaju Budi Santoso meresmikan" in report.message(checks["pr_dateline"])


def test_numeric_date_is_ok_not_good():
    _, checks = genre(GOOD.replace("SUKAMAJU, 2 Desember 2026 –", "SUKAMAJU, 2/12/2026 –"))
    assert checks["pr_dateline"].rating == "ok"
    _, checks = genre(GOOD.replace("2 Desember 2026", "31 Februari 2026"))
    assert checks["pr_dateline"].rating == "ok"  # not a real date


def _lead(n_words: int) -> str:
    base = "Wali Kota Sukamaju Budi Santoso meresmikan Mal Pelayanan Publik di Jalan Sudirman pada Senin pagi"
    filler = " ".join(["warga"] * (n_words - len(base.split())))
    return f"SUKAMAJU, 2 Desember 2026 – {base} {filler}."


@pytest.mark.parametrize("words, good", [(30, True), (45, True), (29, False), (46, False)])
def test_lead_length_edges(words, good):
    text = GOOD.replace(GOOD.split("\n\n")[2], _lead(words))
    _, checks = genre(text)
    assert checks["pr_lead"].value["words"] == words
    assert (checks["pr_lead"].rating == "good") is good


def test_lead_names_missing_5w1h_in_both_languages():
    text = GOOD.replace(GOOD.split("\n\n")[2], "SUKAMAJU, 2 Desember 2026 – Mal Pelayanan Publik kini dibuka untuk warga.")
    report = analyze(text, kind="press_release")
    check = report.check("pr_lead")
    assert check.value["missing"] == ["when"]
    assert "kapan" in report.message(check)
    english = analyze(text, kind="press_release", feedback_lang="en")
    assert "when" in english.message(english.check("pr_lead"))


def test_lead_with_four_sentences_is_not_good():
    lead = ("SUKAMAJU, 2 Desember 2026 – Wali Kota meresmikan Mal Pelayanan Publik di Jalan Sudirman pada Senin. "
            "Gedung itu baru. Warga senang sekali. Layanan dibuka pada pukul delapan pagi setiap hari kerja.")
    _, checks = genre(GOOD.replace(GOOD.split("\n\n")[2], lead))
    assert checks["pr_lead"].value["sentences"] == 4
    assert checks["pr_lead"].rating != "good"


@pytest.mark.parametrize("words, rating", [(5, "good"), (10, "good"), (4, "ok"), (11, "ok"), (15, "bad")])
def test_headline_word_edges(words, rating):
    head = "Wali Kota Resmikan " + " ".join(["Gedung"] * (words - 3))
    _, checks = genre(GOOD.replace("# Wali Kota Resmikan Mal Pelayanan Publik Sukamaju", "# " + head))
    assert checks["pr_headline"].value["words"] == words
    assert checks["pr_headline"].rating == rating


def test_headline_all_caps_and_passive_are_ok():
    _, checks = genre(GOOD.replace("# Wali Kota Resmikan Mal Pelayanan Publik Sukamaju",
                                   "# WALI KOTA RESMIKAN MAL PELAYANAN PUBLIK SUKAMAJU"))
    assert (checks["pr_headline"].rating, checks["pr_headline"].key) == ("ok", "pr_headline.all_caps")
    _, checks = genre(GOOD.replace("# Wali Kota Resmikan Mal Pelayanan Publik Sukamaju",
                                   "# Mal Pelayanan Publik Sukamaju Diresmikan Wali Kota"))
    assert (checks["pr_headline"].rating, checks["pr_headline"].key) == ("ok", "pr_headline.passive")


def test_clickbait_headline_is_bad():
    _, checks = genre(GOOD.replace("# Wali Kota Resmikan Mal Pelayanan Publik Sukamaju",
                                   "# Anda Tidak Akan Percaya Mal Baru Wali Kota Ini"))
    assert checks["pr_headline"].rating == "bad"


def _boilerplate(n: int) -> str:
    return GOOD.replace(
        "Pemerintah Kota Sukamaju melayani 450.000 penduduk di 12 kecamatan. Program unggulannya adalah pelayanan publik "
        "yang cepat, mudah, dan terbuka. Informasi resmi tersedia di sukamajukota.go.id.",
        " ".join(["layanan"] * n) + ".")


@pytest.mark.parametrize("words, rating", [(RULES["boilerplate"]["good_max_words"], "good"),
                                           (RULES["boilerplate"]["good_max_words"] + 1, "ok"),
                                           (RULES["boilerplate"]["ok_max_words"] + 1, "bad")])
def test_boilerplate_edges(words, rating):
    _, checks = genre(_boilerplate(words))
    assert checks["pr_boilerplate"].value == words
    assert checks["pr_boilerplate"].rating == rating


def test_quote_without_position_is_ok_and_unattributed_is_bad():
    no_position = GOOD.replace("kata Wali Kota Sukamaju, Budi Santoso, seusai peresmian", "kata Budi Santoso") \
        .replace("Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Sukamaju, Rina Wulandari, menjelaskan", "Rina menjelaskan")
    _, checks = genre(no_position)
    assert checks["pr_quote"].rating == "ok"
    unattributed = "# Judul Rilis Pemkot Sukamaju Buka Layanan\n\nSUKAMAJU, 2 Desember 2026 – “Semua urusan selesai di sini.”\n"
    _, checks = genre(unattributed)
    assert checks["pr_quote"].rating == "bad"
    assert checks["pr_quote"].key == "pr_quote.unattributed"


def test_contact_needs_name_and_reach():
    no_reach = GOOD.replace("Telepon 0812-3456-7890\nSurel humas@sukamajukota.go.id\n", "")
    _, checks = genre(no_reach)
    assert (checks["pr_contact"].rating, checks["pr_contact"].key) == ("ok", "pr_contact.no_reach")
    email_only = GOOD.replace("Telepon 0812-3456-7890\n", "")
    assert genre(email_only)[1]["pr_contact"].rating == "good"


def test_end_mark_variants():
    assert genre(GOOD.replace("\n###\n", "\n-30-\n"))[1]["pr_end_mark"].rating == "good"
    assert genre(GOOD.replace("\n###\n", "\n# # #\n"))[1]["pr_end_mark"].rating == "good"


def test_embargo_needs_a_time():
    text = GOOD.replace("UNTUK DISIARKAN SEGERA", "EMBARGO")
    assert genre(text)[1]["pr_release_note"].rating == "ok"
    text = GOOD.replace("UNTUK DISIARKAN SEGERA", "EMBARGO hingga 3 Desember 2026 pukul 10.00 WIB")
    assert genre(text)[1]["pr_release_note"].rating == "good"


def test_length_edges():
    from autograders.engine.assess.press_release import release_word_count
    from autograders.engine.parse.document import parse
    from autograders.engine.languages import get_language

    doc = parse(GOOD, get_language("id"))
    base = release_word_count(doc)
    assert base < 500
    pad = lambda n: GOOD.replace("Survei kepuasan", " ".join(["warga"] * n) + " Survei kepuasan")  # noqa: E731
    for target, rating in ((300, "good"), (500, "good"), (501, "ok"), (601, "bad")):
        if target < base:
            continue
        check = genre(pad(target - base))[1]["pr_length"]
        assert check.value == target
        assert check.rating == rating
    assert genre(GOLDEN.joinpath("06_no_boilerplate.md").read_text(encoding="utf-8"))[1]["pr_length"].value < 300


def test_kind_skips_article_checks():
    report = analyze(GOOD, kind="press_release")
    for cid in ("subheading_distribution", "text_length", "meta_description_length", "keyphrase_length"):
        check = report.check(cid)
        assert check.rating == "na" and check.key == "kind.not_applicable"
    article = analyze(GOOD)
    assert article.check("text_length").key != "kind.not_applicable"
    assert [c.id for c in article.section("genre").checks] == ["headline", "plain_language", "tone"]


def test_english_release_has_no_plain_language_and_english_article_only_headline():
    text = ("FOR IMMEDIATE RELEASE\n\n# Mayor Opens New Public Service Hall\n\nSUKAMAJU, December 2, 2026 – The mayor opened "
            "the new public service hall on Sudirman Street on Monday, so residents can renew identity cards in one place.\n")
    report = analyze(text, lang="en", kind="press_release")
    ids = [c.id for c in report.section("genre").checks]
    assert ids == PR_IDS + ["tone"]
    assert report.check("pr_release_note").rating == "good"
    assert report.check("pr_dateline").rating == "good"
    assert [c.id for c in analyze(text, lang="en").section("genre").checks] == ["headline", "tone"]


def test_cli_press_release(tmp_path):
    draft = tmp_path / "draf.md"
    draft.write_text(GOOD, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "autograders", "analyze", str(draft), "--kind", "press_release",
                          "--format", "json"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [c["id"] for c in data["genre"]["checks"]][:len(PR_IDS)] == PR_IDS
