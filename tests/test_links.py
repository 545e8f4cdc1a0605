"""Official links: one rule (measure/links.py) for every check and rubric that asks whether a link is official."""
from __future__ import annotations

import json

import pytest

from autograders import analyze
from autograders.engine.data import DATA_DIR
from autograders.engine.measure.links import (REASONS, is_official_url, link_data, link_verdict,
                                              official_url_reason, shorteners)


@pytest.mark.parametrize("url,reason", [
    ("https://sukamajukota.go.id/layanan", "government"),
    ("sukamajukota.go.id/layanan/persyaratan", "government"),  # a bare domain is read as https://
    ("http://lapor.go.id", "government"),  # http is official (the social check warns about it separately)
    ("https://www.peraturan.go.id/", "government"),
    ("https://tni.mil.id", "government"),
    ("https://mekar.desa.id/berita", "government"),
    ("https://www.usa.gov/", "government"),
    ("https://www.gov.uk/browse", "government"),
    ("https://data.gov.sg", "government"),
    ("https://sukamajukota.go.id.:443/x", "government"),
])
def test_government_hosts_are_official(url, reason):
    assert link_verdict(url).reason == reason
    assert is_official_url(url)


@pytest.mark.parametrize("url,reason", [
    ("https://www.google.com/search?q=mal+pelayanan+publik+sukamaju", "search_page"),
    ("https://www.google.co.id/url?q=https://sukamajukota.go.id", "search_page"),
    ("https://www.bing.com/search?q=ktp", "search_page"),
    ("https://duckduckgo.com/?q=ktp+sukamaju", "search_page"),
    ("https://search.yahoo.com/search?p=ktp", "search_page"),
    ("https://sukamajukota.go.id/?s=pajak", "search_page"),  # a site-search results page is not a source
    ("https://sukamajukota.go.id/cari?q=ktp", "search_page"),
    ("https://bit.ly/aduan-sukamaju", "shortener"),
    ("s.id/ktp", "shortener"),
    ("https://go.id.example.com/ktp", "lookalike"),
    ("https://sukamajukota.go.id.evil.com", "lookalike"),
    ("https://sukamaju.gov.co", "lookalike"),
    ("https://gov.co", "lookalike"),
    ("https://sukamaju-go-id.com/", "lookalike"),
    ("https://sukamajukota.goid.net", "lookalike"),
    ("https://go.id", "lookalike"),  # the registry's own zone is nobody's site
    ("https://sukamajukota.gо.id", "lookalike"),  # a Cyrillic о
    ("https://xn--sukamaju-9ya.go.id", "lookalike"),
    ("https://go.id@evil.com", "userinfo"),
    ("https://user:pass@sukamajukota.go.id", "userinfo"),
    ("https://sukamajukota.com", "not_government"),
    ("https://ui.ac.id", "not_government"),  # universities, private ones included, are not government
    ("https://docs.google.com/forms/d/x", "not_government"),
    ("https://10.0.0.1/", "not_government"),
    ("mailto:humas@sukamajukota.go.id", "not_web"),
    ("javascript:alert(1)", "not_web"),
    ("ftp://sukamajukota.go.id/x", "not_web"),
    ("", "malformed"),
    ("https://sukamajukota.go.id:99999/", "malformed"),
    ("https://[::1]/", "malformed"),
    ("https://a..go.id", "malformed"),
])
def test_not_official(url, reason):
    assert link_verdict(url).reason == reason
    assert official_url_reason(url) == reason
    assert not is_official_url(url)


def test_wordpress_post_ids_are_not_search_pages():
    assert is_official_url("https://sukamajukota.go.id/berita?p=1234")
    assert is_official_url("https://sukamajukota.go.id/berita/mpp?utm_source=x")


def test_agency_domains():
    assert official_url_reason("https://indonesia.travel/x", ["indonesia.travel"]) == "agency"
    assert official_url_reason("https://dinkes.sukamajukab.go.id", ["https://www.SukamajuKab.go.id/"]) == "agency"
    assert not is_official_url("https://indonesia.travel.evil.com", ["indonesia.travel"])
    assert not is_official_url("https://evilindonesia.travel", ["indonesia.travel"])
    assert not is_official_url("https://bit.ly/x", ["bit.ly"])  # a shortener stays a shortener
    assert is_official_url("https://sukamajukota.go.id", ())


def test_reasons_and_data():
    assert set(REASONS) == {"government", "agency", "search_page", "shortener", "lookalike", "userinfo", "not_web",
                            "malformed", "not_government"}
    data = link_data()
    assert "go.id" in data["government_suffixes"] and "ac.id" not in data["government_suffixes"]
    assert "co" in data["generic_cctlds"]
    assert "bit.ly" in shorteners() and "s.id" in shorteners()
    # One list of shorteners: the platform data no longer keeps its own.
    platforms = json.loads((DATA_DIR / "platforms.json").read_text(encoding="utf-8"))
    assert "link_shorteners" not in platforms and "government_host_markers" not in platforms


def post(text: str):
    return analyze(text, kind="social_post", platform="x").check("links")


@pytest.mark.parametrize("text,rating,key", [
    ("Info: https://sukamajukota.go.id/ktp #KTP", "good", "links.good"),
    ("Info: https://sukamajukota.go.id.example.com/ktp", "bad", "links.not_go_id"),
    ("Info: https://go.id@evil.com/ktp", "bad", "links.not_go_id"),
    ("Info: https://pemkot-sukamaju.com/ktp", "bad", "links.not_go_id"),
    ("Cari di https://www.google.com/search?q=ktp+sukamaju", "bad", "links.search_page"),
    ("Formulir: https://bit.ly/aduan-sukamaju", "ok", "links.shortened"),
    ("Unduh: http://sukamajukota.go.id/panduan", "ok", "links.insecure"),
    ("Tonton di https://www.youtube.com/watch?v=abc", "good", "links.good"),
])
def test_social_links_check_uses_the_rule(text, rating, key):
    check = post(text)
    assert (check.rating, check.key) == (rating, key)


def test_search_page_message_in_both_languages():
    for lang in ("id", "en"):
        report = analyze("Cari di https://www.google.com/search?q=ktp", kind="social_post", platform="x",
                         feedback_lang=lang)
        text = report.message(report.check("links"))
        assert "google.com" in text and "{" not in text
