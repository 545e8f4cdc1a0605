"""The book's live tools through their Python API: set the widgets' values, let them refresh, read the HTML.

What each tool renders must be what the engine says (same ratings, same numbers), with the trainee's text escaped.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import html
import re
import time
from pathlib import Path

import pytest

from autograders import analyze, monitoring
from autograders import widgets as W
from autograders.monitoring.report_html import angka
from autograders.engine.assess.social import measure_length
from autograders.engine.measure.title_width import char_pixels, title_pixels
from autograders.engine.measure.x_length import MAX_WEIGHTED_LENGTH, x_weighted_length

REPO = Path(__file__).resolve().parents[2]
RELEASES = REPO / "tests" / "golden_genre" / "press_releases"

LONG = ("Untuk mempercepat pelayanan kepada warga yang kini menuntut kecepatan "
        "dan ketepatan, Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju bersama seluruh jajaran kecamatan "
        "dan kelurahan menyelenggarakan layanan jemput bola di berbagai desa yang jauh dari pusat kota.")
SHORT = ("Warga Sukamaju kini bisa membuat KTP di desa. Petugas datang setiap Selasa. Bawa kartu keluarga. "
         "Layanan ini gratis.")


def rendered_checks(fragment: str) -> dict[str, str]:
    """check id -> rating, as the traffic-light list shows them (an item may stand for several checks that share
    one message: its data-checks lists them all)."""
    items = re.findall(r"<li data-check='([a-z_0-9]+)' data-rating='(good|ok|bad)' data-checks='([a-z_0-9 ]+)'>",
                       fragment)
    return {check_id: rating for _lead, rating, ids in items for check_id in ids.split()}


def shown_dots(fragment: str) -> list[str]:
    return re.findall(r"<span class='khd-dot (good|ok|bad)'", fragment)


# ------------------------------------------------------------------------------------------- Pemeriksa draf
def test_draft_checker_traffic_lights_match_the_engine():
    text = f"# Layanan KTP keliling\n\n{LONG} {LONG}\n\n{SHORT}"
    tool = W.DraftChecker(debounce=0)
    tool.keyphrase.value = "layanan KTP"
    tool.text.value = text
    report = analyze(text, keyphrase="layanan KTP")
    expected = {c.id: c.rating for s in report.sections for c in s.checks if c.rating != "na"}
    shown = rendered_checks(tool.output.value)
    assert shown == expected
    assert shown["sentence_length"] == "bad"  # two of six sentences are over 40 words
    # One dot per message: checks that share a message (here the missing description and image) share a dot.
    lead_ratings = [c.rating for lead, members in report.message_groups().items() for c in members[:1]
                    if c.rating != "na"]
    assert shown_dots(tool.output.value).count("bad") == lead_ratings.count("bad")
    assert len(lead_ratings) < len(expected)


def test_draft_checker_highlights_the_flagged_sentence():
    tool = W.DraftChecker(debounce=0)
    tool.text.value = f"# Layanan KTP keliling\n\n{LONG} {LONG}\n\n{SHORT}"
    marked = re.findall(r'<mark class="khd-(?:bad|ok)" data-check="sentence_length">(.*?)</mark>', tool.output.value)
    assert marked, "the long sentence is not highlighted"
    assert all(html.unescape(m) == LONG for m in marked)
    assert not any("Petugas datang setiap Selasa" in m for m in marked)


def test_draft_checker_updates_when_the_draft_improves():
    tool = W.DraftChecker(debounce=0)
    tool.text.value = f"# Layanan KTP\n\n{LONG} {LONG} {LONG}"
    assert rendered_checks(tool.output.value)["sentence_length"] == "bad"
    tool.text.value = f"# Layanan KTP\n\n{SHORT}"
    assert rendered_checks(tool.output.value)["sentence_length"] == "good"
    assert 'data-check="sentence_length"' not in tool.output.value
    tool.text.value = "   "
    assert tool.report is None and "Laporan akan muncul" in tool.output.value


@pytest.mark.parametrize("field", ["text", "keyphrase", "title", "description", "slug"])
def test_draft_checker_escapes_the_trainees_text(field):
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    tool = W.DraftChecker(debounce=0)
    tool.text.value = f"# Judul biasa\n\nWarga menulis {evil} di kolom komentar. {SHORT}"
    getattr(tool, field).value = getattr(tool, field).value + " " + evil if field == "text" else evil
    out = tool.output.value
    assert "<script" not in out.lower() and "<img" not in out.lower()
    if "<script>" in tool.report.document.text:
        assert "&lt;script&gt;" in out


def test_draft_checker_is_debounced_while_typing():
    calls = []

    class Counting(W.DraftChecker):
        def refresh(self):
            calls.append(self.text.value)
            super().refresh()

    async def type_quickly():
        tool = Counting(debounce=0.05)
        calls.clear()
        for i in range(1, 6):
            tool.text.value = SHORT[: 20 * i]
            await asyncio.sleep(0.005)
        assert calls == []  # nothing yet: still typing
        await asyncio.sleep(0.3)
        return tool

    tool = asyncio.run(type_quickly())
    assert calls == [SHORT[:100]]  # one refresh, on the last value
    assert rendered_checks(tool.output.value)


def test_draft_checker_is_fast_on_a_2000_word_draft():
    base = (REPO / "tests" / "golden" / "id_artikel_panjang.md").read_text(encoding="utf-8")
    text = "\n\n".join([base] * (2000 // len(base.split()) + 1))
    assert len(text.split()) >= 2000
    tool = W.DraftChecker(debounce=0)
    tool.text.value = text  # warm the word lists
    timings = []
    for i in range(3):
        start = time.perf_counter()
        tool.text.value = text + f"\n\nParagraf tambahan nomor {i}."
        timings.append(time.perf_counter() - start)
    assert sorted(timings)[1] < 1.0, timings  # median well under a second: it feels live


def test_each_call_returns_an_independent_tool():
    a, b = W.draft_checker(SHORT), W.draft_checker()
    assert a.text is not b.text and a.output is not b.output
    assert a.report is not None and b.report is None


# -------------------------------------------------------------------------------- Pratinjau hasil pencarian
def _title_at_limit(limit: int = 600) -> tuple[str, str]:
    """A title whose width is at most ``limit`` px and the same title one letter longer, past ``limit``."""
    words = "Cara Mengurus KTP Elektronik di Mal Pelayanan Publik Kabupaten Sukamaju Tanpa Antre Panjang".split()
    title = ""
    for word in words * 3:
        candidate = (title + " " + word).strip()
        if title_pixels(candidate) > limit:
            break
        title = candidate
    while title_pixels(title + "a") <= limit:
        title += "a"
    return title, title + "a"


def test_serp_title_is_cut_at_600_pixels_exactly_at_the_edge():
    fits, too_wide = _title_at_limit(W.SerpPreview.TITLE_PX)
    assert title_pixels(fits) <= 600 < title_pixels(too_wide)
    tool = W.SerpPreview(debounce=0)
    tool.title.value = fits
    assert tool.shown_title() == fits
    assert f">{html.escape(fits)}</div>" in tool.output.value
    tool.title.value = too_wide
    shown = tool.shown_title()
    assert shown.endswith(" ...") and shown != too_wide
    kept = shown[: -len(" ...")]
    assert too_wide.startswith(kept)
    assert sum(char_pixels(c) for c in shown) <= 600
    next_word = too_wide[len(kept):].split()[0]
    assert sum(char_pixels(c) for c in kept + " " + next_word + " ...") > 600  # no room for one more word
    assert f"class='khd-serp-title'" in tool.output.value and html.escape(shown) in tool.output.value


def test_serp_preview_shows_the_seo_checks_of_the_engine():
    tool = W.SerpPreview("Urus KTP di Mal Pelayanan Publik Sukamaju", "https://sukamajukab.go.id/layanan/urus-ktp",
                         "Syarat dan jadwal urus KTP di Mal Pelayanan Publik Sukamaju, buka Senin sampai Sabtu.",
                         "urus KTP", debounce=0)
    shown = rendered_checks(tool.output.value)
    assert {"title_width", "keyphrase_in_title", "meta_description_length", "keyphrase_in_slug"} <= set(shown)
    assert shown["keyphrase_in_title"] == tool.report.check("keyphrase_in_title").rating == "good"
    assert "sukamajukab.go.id › layanan › urus-ktp" in tool.output.value
    tool.keyphrase.value = "izin usaha"
    assert rendered_checks(tool.output.value)["keyphrase_in_title"] != "good"


def test_serp_preview_escapes_title_and_url():
    tool = W.SerpPreview("<script>alert(1)</script>", "https://x.go.id/<b class=evil>", "<i class=evil>d</i>",
                         debounce=0)
    out = tool.output.value
    assert "<script" not in out and "<b class=evil" not in out and "<i class=evil" not in out
    assert "&lt;b class=evil&gt;" in out
    assert "&lt;script&gt;" in out


# -------------------------------------------------------------------------------------- Penyusun unggahan
POST = ("Mulai Senin, layanan KTP keliling hadir di 12 desa 🚐🇮🇩 Jadwal lengkap: https://sukamajukab.go.id/layanan/ktp-keliling "
        "#SukamajuMelayani 日本")


def test_x_counter_equals_the_weighted_length():
    tool = W.PostComposer(POST, "x", debounce=0)
    n = x_weighted_length(POST)
    assert n != len(POST)  # the URL counts 23, the emoji and CJK count 2
    assert f"<b>{n}</b> karakter terhitung" in tool.output.value
    assert rendered_checks(tool.output.value)["post_length"] == "good"


def test_counter_follows_the_platform():
    tool = W.PostComposer(POST, "x", debounce=0)
    tool.platform.value = "instagram"
    n = measure_length(POST, "instagram")
    assert f"<b>{n}</b> karakter terhitung" in tool.output.value
    assert n != x_weighted_length(POST)


def test_post_over_the_x_limit_is_bad_and_split_into_a_thread():
    sentences = [f"Kalimat nomor {i} menjelaskan jadwal layanan keliling di desa {i} dengan rinci." for i in range(1, 16)]
    text = " ".join(sentences) + " <script>alert(1)</script>"
    tool = W.PostComposer(text, "x", debounce=0)
    assert x_weighted_length(text) > MAX_WEIGHTED_LENGTH
    assert rendered_checks(tool.output.value)["post_length"] == "bad"
    parts = tool.split_thread()
    assert len(parts) >= 2
    assert all(x_weighted_length(p) <= MAX_WEIGHTED_LENGTH for p in parts)
    words = lambda s: re.findall(r"[^\W_]+", s)  # noqa: E731
    body = [w for p in parts for w in words(p)]
    for sentence in sentences:
        assert " ".join(words(sentence)) in " ".join(body)
    assert tool.thread_output.value.count("<li>") == len(parts)
    assert "<script" not in tool.thread_output.value and "&lt;script&gt;" in tool.thread_output.value


def test_thread_button_and_empty_post():
    tool = W.PostComposer("", "x", debounce=0)
    assert tool.report is None
    assert tool.split_thread() == [] and tool.thread_output.value.count("<li>") == 0
    tool.text.value = SHORT
    tool.split_button.click()
    assert tool.thread_output.value.count("<li>") == 1


# ------------------------------------------------------------------------------------ Pemeriksa siaran pers
PR_CHECKS = ("pr_release_note", "pr_headline", "pr_dateline", "pr_lead", "pr_quote", "pr_boilerplate", "pr_contact",
             "pr_end_mark", "pr_length")


def test_press_release_checklist_lists_every_item():
    text = (RELEASES / "01_good.md").read_text(encoding="utf-8")
    tool = W.PressReleaseChecker(text, debounce=0)
    shown = rendered_checks(tool.output.value)
    for check_id in PR_CHECKS:
        assert check_id in shown, check_id
        assert shown[check_id] == tool.report.check(check_id).rating
    assert shown["pr_contact"] == "good" and shown["pr_quote"] == "good"


@pytest.mark.parametrize("sample, check_id", [("07_no_contact.md", "pr_contact"), ("05_no_quote.md", "pr_quote"),
                                               ("08_no_end_mark.md", "pr_end_mark")])
def test_press_release_checklist_flags_the_missing_part_live(sample, check_id):
    tool = W.PressReleaseChecker("", debounce=0)
    assert "Daftar periksa" in tool.output.value
    tool.text.value = (RELEASES / sample).read_text(encoding="utf-8")
    assert rendered_checks(tool.output.value)[check_id] != "good"
    tool.text.value = (RELEASES / "01_good.md").read_text(encoding="utf-8")
    assert rendered_checks(tool.output.value)[check_id] == "good"


# --------------------------------------------------------------------------------------- Dasbor monitoring
@pytest.fixture(scope="module")
def sample_df():
    return monitoring.load_mentions(monitoring.SAMPLE_PATH)


def _row_values(fragment: str, name: str) -> dict[str, str]:
    row = re.search(rf"<tr data-brand='{re.escape(html.escape(name))}'>(.*?)</tr>", fragment).group(1)
    return dict(re.findall(r"data-value='(\w+)'>([^<]*)<", row))


def test_dashboard_numbers_are_the_monitoring_results(sample_df):
    tool = W.MonitoringDashboard(sample_df, charts=False)
    expected = monitoring.monitor(sample_df, {k: list(v) for k, v in W.SAMPLE_BRANDS.items()},
                                  {k: list(v) for k, v in W.SAMPLE_PEERS.items()})
    assert tool.result["mentions"] == expected["mentions"]
    for name, count in expected["mentions"].items():
        row = _row_values(tool.output.value, name)
        assert row["mentions"] == angka(count)
        assert row["share"] == angka(expected["share_of_voice"][name], 1) + "%"
    assert sum(expected["mentions"].values()) > 0
    assert expected["mentions"]["Sukamaju"] > expected["mentions"]["Mekarsari"]  # the sample is about Sukamaju


def test_dashboard_spike_alerts(sample_df):
    tool = W.MonitoringDashboard(sample_df, charts=False)
    alerts = re.findall(r"<div class='khd-alert' data-brand='([^']+)' data-date='([\d-]+)'>", tool.output.value)
    assert alerts == [(s["brand"], s["date"]) for s in tool.result["spikes"]]
    assert alerts, "the course data set has spikes (a flood crisis)"
    assert f"Peringatan lonjakan ({len(alerts)})" in tool.output.value
    tool.k.value = 3.0
    strict = re.findall(r"<div class='khd-alert'", tool.output.value)
    assert tool.result["settings"]["k"] == 3.0
    assert 0 < len(strict) < len(alerts)  # a higher threshold alerts less often, still on the big crisis


def test_dashboard_date_range_and_selection(sample_df):
    tool = W.MonitoringDashboard(sample_df, charts=False)
    full = dict(tool.result["mentions"])
    tool.start.value = dt.date(2026, 11, 1)
    tool.end.value = dt.date(2026, 11, 30)
    assert tool.result["period"] == {"start": "2026-11-01", "end": "2026-11-30"}
    days = sample_df["timestamp"].dt.tz_convert(monitoring.WIB).dt.date
    part = sample_df[(days >= dt.date(2026, 11, 1)) & (days <= dt.date(2026, 11, 30))]
    expected = monitoring.monitor(part, {k: list(v) for k, v in W.SAMPLE_BRANDS.items()},
                                  {k: list(v) for k, v in W.SAMPLE_PEERS.items()})
    assert tool.result["mentions"] == expected["mentions"]
    assert all(tool.result["mentions"][n] < full[n] for n in full)
    tool.selection.value = ("Sukamaju", "Tirtajaya")
    assert set(tool.result["mentions"]) == {"Sukamaju", "Tirtajaya"}
    assert "data-brand='Mekarsari'" not in tool.output.value
    tool.selection.value = ()
    assert tool.result is None and "Pilih paling sedikit satu nama" in tool.output.value
    tool.selection.value = ("Sukamaju",)
    first, last = tool.start.options[0][1], tool.end.options[-1][1]
    tool.start.value, tool.end.value = last, first  # an empty range: "Dari" after "Sampai"
    assert tool.result is None and "Tidak ada unggahan" in tool.output.value


def test_dashboard_escapes_names_from_the_data():
    df = monitoring.generate_mentions(400, 12, seed=3)
    evil = "<img src=x onerror=alert(1)>"
    tool = W.MonitoringDashboard(df, brands={evil: ["Sukamaju"]}, peers={}, charts=True)
    out = tool.output.value
    assert "<img src=x" not in out and html.escape(evil, quote=True) in out
    assert out.count("<img src='data:image/png;base64,") == 1  # the chart is embedded, nothing is fetched


# ------------------------------------------------------------------------------ issue 14: what users tripped over
def test_post_composer_lists_platforms_by_name_and_shows_the_whole_split_label():
    tool = W.PostComposer(POST, "x", debounce=0)
    labels = [label for label, _key in tool.platform.options]
    assert labels[0] == "X" and "Instagram" in labels and "LinkedIn" in labels
    assert tool.platform.value == "x"  # the engine's key stays the value
    assert tool.split_button.description == "Pecah menjadi utas X"
    assert tool.split_button.layout.width == "auto"  # sized to its label, never cut


def test_switching_platform_clears_the_x_thread_and_hides_the_splitter():
    text = " ".join(f"Kalimat nomor {i} menjelaskan jadwal layanan keliling di desa {i}." for i in range(1, 12))
    tool = W.PostComposer(text, "x", debounce=0)
    assert tool.split_thread() and "<li>" in tool.thread_output.value
    tool.platform.value = "instagram"
    assert tool.thread_output.value == ""
    assert tool.split_button.layout.display == "none"
    assert tool.split_thread() == [] and tool.thread_output.value == ""
    tool.platform.value = "x"
    assert tool.split_button.layout.display is None


def test_dashboard_numbers_and_dates_follow_one_indonesian_convention(sample_df):
    tool = W.MonitoringDashboard(sample_df, charts=False)
    assert [label for label, _ in tool.k.options] == ["1,0", "1,5", "2,0", "2,5", "3,0"]
    tool.k.value = 3.0
    assert "ambang k = 3,0" in tool.output.value
    for z in re.findall(r"\(z = ([^)]*)\)", tool.output.value):
        assert re.fullmatch(r"\d+,\d", z), z  # one decimal, comma, like k
    assert "3.00" not in tool.output.value
    first_label, first_day = tool.start.options[0]
    assert first_label == f"{first_day.day} {monitoring.dates.MONTHS[first_day.month - 1]} {first_day.year}"
    assert not any(isinstance(c, W.w.DatePicker) for c in (tool.start, tool.end))
