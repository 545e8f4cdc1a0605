"""The tone check: blame, threats, personal data asked in public, puffery and opinion, with negation, quotation
and the kind of text taken into account; each finding names its sentence and says what to write instead."""
from __future__ import annotations

import json

import pytest

from autograders import analyze
from autograders.engine.assess.tone import TONE_KINDS, ToneFinding, tone_findings
from autograders.engine.languages import get_language
from autograders.engine.measure.word_patterns import PatternError, PatternSet, compile_pattern
from autograders.engine.paper import Paper
from autograders.engine.present.feedback import message

from enginekit import REPO_ROOT


def findings(text: str, kind: str = "social_post", lang: str = "id", kinds=None) -> list[ToneFinding]:
    platform = "x" if kind == "social_post" else ""
    report = analyze(text, lang=lang, kind=kind, platform=platform)
    return tone_findings(report.document, Paper(kind=kind, platform=platform), kinds)


def kinds(text: str, kind: str = "social_post", lang: str = "id") -> list[str]:
    return [f.kind for f in findings(text, kind, lang)]


# ------------------------------------------------------------------------------------------- blame
@pytest.mark.parametrize("text", [
    "Anda sendiri yang salah karena datang terlambat.",
    "Seharusnya Anda membaca pengumuman di situs kami dulu.",
    "Jangan banyak mengeluh, antrean memang panjang.",
    "Makanya, baca pengumuman sebelum datang.",
    "Kan sudah kami umumkan minggu lalu.",
    "Itu bukan urusan kami.",
])
def test_blame(text):
    assert kinds(text) == ["blame"]


@pytest.mark.parametrize("text", [
    "Bukan salah Anda; sistem kami sedang gangguan.",
    "Mohon maaf atas kendalanya. Kami bantu periksa sekarang.",
    "Seharusnya Anda sudah menerima SMS pemberitahuan; jika belum, kirim pesan langsung kepada kami.",
])
def test_no_blame(text):
    assert "blame" not in kinds(text)


# ------------------------------------------------------------------------------------------- threats
@pytest.mark.parametrize("text,kind", [
    ("Warga yang tidak mengurus KTP akan dikenai sanksi.", "article"),
    ("Pelanggar akan ditindak tegas.", "press_release"),
    ("Pembuang sampah sembarangan didenda Rp500.000.", "social_post"),
    ("Pemalsu dokumen dapat dipidana.", "article"),
    ("Berkas yang tidak lengkap tidak akan diproses.", "article"),
    # Intimidating a complainant with the law (found grading exercise answers: issue #11).
    ("Harap tidak menyebarkan keluhan seperti ini karena bisa dijerat UU ITE.", "social_post"),
    ("Unggahan Anda dapat dianggap melanggar UU ITE.", "social_post"),
])
def test_threats_everywhere(text, kind):
    assert "threat" in kinds(text, kind)


@pytest.mark.parametrize("text", ["Tidak ada denda bagi warga yang terlambat.",
                                  "Kami tidak akan mengenakan sanksi selama masa transisi."])
def test_negated_threats(text):
    assert "threat" not in kinds(text, "article")


def test_a_comma_ends_the_reach_of_a_negation():
    assert kinds("Jika tidak membayar, Anda akan dikenai denda.", "article") == ["threat"]


# ------------------------------------------------------------------------------------------- personal data
@pytest.mark.parametrize("text", [
    "Silakan sebutkan NIK dan nomor KK Anda di sini agar kami cek.",
    "Tulis NIK Anda di balasan ini.",
    "Balas postingan ini dengan nomor HP dan alamat rumah Anda.",
    "Kirimkan foto KTP dan KK Anda supaya kami proses.",
    "Sebutkan tanggal lahir dan nama ibu kandung untuk verifikasi.",
    "Kirim NIK Anda di kolom komentar atau lewat DM.",  # a public place wins over a private channel
])
def test_asking_for_personal_data_in_a_public_post(text):
    assert "personal_data" in kinds(text)


@pytest.mark.parametrize("text", [
    "Kami tidak akan meminta NIK Anda di kolom komentar.",  # negation: good practice, not a request
    "Jangan bagikan foto KTP Anda di media sosial.",
    "Petugas tidak pernah meminta kode OTP.",
    "Silakan kirim nomor antrean dan NIK lewat pesan langsung agar kami periksa hari ini.",  # private channel
    "Kirimkan foto KTP Anda ke surel layanan@sukamajukota.go.id.",
    "Bawa KTP dan kartu keluarga asli ke loket.",  # bringing a document is not posting it
    "Layanan ini membutuhkan KK.",  # mentioning that a service needs a KK
    "Kirim pertanyaan tentang KTP keliling lewat pesan langsung.",
    "Mohon maaf, NIK Anda belum terdaftar. Silakan datang ke loket Disdukcapil.",
])
def test_good_practice_is_not_a_request(text):
    assert "personal_data" not in kinds(text)


def test_channel_is_public_by_default_only_in_social_posts():
    text = "Kirimkan foto KTP Anda supaya kami proses."
    assert "personal_data" in kinds(text, "social_post")
    assert "personal_data" not in kinds(text, "article")
    assert "personal_data" in kinds("Tulis NIK Anda di kolom komentar di bawah artikel ini.", "article")


# ------------------------------------------------------------------------------------------- puffery and opinion
@pytest.mark.parametrize("text", [
    "Mal Pelayanan Publik Sukamaju adalah yang terbaik se-Indonesia.",
    "Aplikasi ini revolusioner.",
    "Pelayanan berlangsung luar biasa.",
    "Ini program pertama dan satu-satunya di Indonesia.",
    "Sistem antrean ini sangat canggih.",
])
def test_puffery_in_news_text(text):
    assert kinds(text, "press_release") == ["puffery"]
    assert kinds(text, "article") == ["puffery"]
    assert "puffery" not in kinds(text, "social_post")  # kind awareness: news text only


def test_a_factual_superlative_is_not_puffery():
    assert kinds("Sertifikat diserahkan kepada peserta terbaik pada hari ketiga.", "article") == []


def test_opinion_outside_quotes_in_a_release():
    assert kinds("Kami bangga karena program ini sangat bermanfaat bagi warga.", "press_release") == ["opinion"]


@pytest.mark.parametrize("text", [
    "\"Program ini sangat bermanfaat bagi warga,\" kata Wali Kota Sukamaju, Budi Santoso.",
    "“Kami bangga dengan kader posyandu,” ujar Kepala Dinas Kesehatan, dr. Ratna Sari.",
    "Menurut Kepala Dinas Kesehatan, dr. Ratna Sari, aplikasi ini sangat membantu kader.",
])
def test_opinion_of_a_named_source_is_allowed(text):
    assert kinds(text, "press_release") == []


def test_an_unattributed_quotation_does_not_shelter_opinion():
    assert kinds("\"Program ini sangat bermanfaat bagi warga.\"", "press_release") == ["opinion"]


# ------------------------------------------------------------------------------------------- English
def test_english_data_is_present_and_works():
    text = ("You should have read the announcement. Stop complaining. Please reply with your ID number. "
            "Offenders will be fined.")
    assert kinds(text, "social_post", "en") == ["blame", "blame", "personal_data", "threat"]
    assert kinds("We will never ask for your ID number in the comments. Send the details by direct message.",
                 "social_post", "en") == []
    assert kinds("Our new app is world-class.", "press_release", "en") == ["puffery"]


# ------------------------------------------------------------------------------------------- interface
def test_finding_fields_and_messages():
    text = "Selamat pagi. Seharusnya Anda membaca pengumuman dulu."
    report = analyze(text, kind="social_post", platform="x")
    found = tone_findings(report.document, Paper(kind="social_post", platform="x"))
    assert len(found) == 1
    finding = found[0]
    assert finding.kind == "blame" and finding.key == "tone.blame"
    assert report.document.text[finding.start:finding.end] == finding.text == "Seharusnya Anda membaca pengumuman dulu."
    assert report.document.text[finding.phrase_start:finding.phrase_end] == "Seharusnya Anda membaca"
    assert finding.suggestion and finding.params["suggestion"] == finding.suggestion
    assert finding.mark.suggestion == finding.suggestion
    for lang in ("id", "en"):
        text = message(finding.key, finding.params, lang)
        assert "Seharusnya Anda membaca" in text and "{" not in text


def test_kinds_argument_lets_a_rubric_choose():
    text = "Pelanggar akan dikenai sanksi. Aplikasi ini revolusioner."
    report = analyze(text, kind="social_post", platform="x")
    paper = Paper(kind="social_post", platform="x")
    assert [f.kind for f in tone_findings(report.document, paper)] == ["threat"]
    assert [f.kind for f in tone_findings(report.document, paper, ["puffery"])] == ["puffery"]
    assert [f.kind for f in tone_findings(report.document, paper, ["blame"])] == []
    assert [f.kind for f in tone_findings(report.document, paper, TONE_KINDS)] == ["threat", "puffery"]


@pytest.mark.parametrize("text,rating", [
    ("Layanan buka pukul 08.00. Bawa KTP asli.", "good"),
    ("Pelanggar akan dikenai sanksi.", "ok"),
    ("Anda sendiri yang salah.", "bad"),
    ("Tulis NIK Anda di sini.", "bad"),
    ("Pelanggar dikenai sanksi. Pemalsu dipidana. Penunggak didenda.", "bad"),  # three findings
])
def test_check_rating(text, rating):
    check = analyze(text, kind="social_post", platform="x").check("tone")
    assert check.rating == rating
    if rating != "good":
        assert check.marks and all(m.suggestion for m in check.marks)


@pytest.mark.parametrize("kind", ["article", "press_release", "social_post"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_check_is_in_the_genre_section_of_every_kind(kind, lang, assert_contract):
    report = analyze("Layanan buka pukul 08.00.", lang=lang, kind=kind, platform="x" if kind == "social_post" else "")
    assert [c.id for c in report.section("genre").checks][-1] == "tone"
    assert report.check("tone").rating == "good"
    assert_contract(report.to_dict(), len(report.document.text))


def test_model_answers_and_golden_releases_have_a_good_tone():
    import yaml

    for path in sorted((REPO_ROOT / "exercises" / "authoring").glob("*.yml")):
        for task, answer in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            for kind in ("article", "press_release", "social_post"):
                assert findings(answer, kind) == [], (path.stem, task, kind)
    for path in sorted((REPO_ROOT / "tests" / "golden_genre" / "press_releases").glob("*.md")):
        assert findings(path.read_text(encoding="utf-8"), "press_release") == [], path.name
    posts = json.loads((REPO_ROOT / "tests" / "golden_genre" / "social_posts.json").read_text(encoding="utf-8"))
    for post in posts["posts"]:
        assert findings(post["text"], "social_post") == [], post["id"]


def test_findings_are_cached():
    report = analyze("Anda sendiri yang salah.", kind="social_post", platform="x")
    paper = Paper(kind="social_post", platform="x")
    assert tone_findings(report.document, paper) == tone_findings(report.document, paper)
    assert "tone_findings:social_post:blame,threat,personal_data" in report.document._cache


def test_a_long_text_gives_one_finding_per_sentence():
    text = "Anda sendiri yang salah. Layanan buka pukul 08.00. " * 5000
    assert len(findings(text, "article")) == 5000


# ------------------------------------------------------------------------------------------- word patterns
def test_word_patterns():
    patterns = PatternSet([compile_pattern("dikenai|dikenakan sanksi*", "a"), compile_pattern("seharusnya ~2 baca",
                                                                                              "b")])
    found = patterns.find("warga dikenakan sanksinya dan seharusnya anda dulu baca".split())
    assert [(m.start, m.end, m.pattern.payload) for m in found] == [(1, 3, "a"), (4, 8, "b")]
    assert patterns.find("seharusnya anda tidak perlu baca".split()) == []  # gap of 3 > 2
    for bad in ("", "~2 baca", "baca ~2", "ab* c", "a ~9 b"):
        with pytest.raises(PatternError):
            compile_pattern(bad)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_tone_data_compiles(lang):
    from autograders.engine.assess.tone import _personal_data, _tone_patterns

    folder = get_language(lang).folder
    assert len(_tone_patterns(folder).patterns) >= (60 if lang == "id" else 25)
    roles = _personal_data(folder)
    assert {"item", "request", "public_request", "private", "public", "breaker"} <= set(roles)


@pytest.mark.parametrize("text", [
    "Unggahan yang menyudutkan instansi dapat dilaporkan ke polisi.",
    "Akun penyebar keluhan ini bisa dilaporkan ke Polres Sukamaju.",
    "Pengunggah dapat dituntut secara hukum.",
])
def test_a_threat_to_report_the_citizen_to_the_police(text):
    assert "threat" in kinds(text)


@pytest.mark.parametrize("text", [
    "Pemkab Sukamaju telah melaporkan situs palsu itu ke Polres Sukamaju.",
    "Situs palsu itu sudah dilaporkan ke kepolisian.",
    "Warga yang dirugikan dapat melaporkan penipuan ke polisi.",
])
def test_reporting_a_crime_or_advising_to_report_one_is_no_threat(text):
    assert "threat" not in kinds(text)
