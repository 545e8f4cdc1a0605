"""How points combine: the task gates (nothing to judge, relevance, prose, integrity, tone), the honest totals of
automatic and manual points, the quiz's one answer per question, and the linear Label: value reader."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from autograders.engine.scoring import fields as fields_module
from autograders.engine.scoring.fields import split_fields
from autograders.engine.scoring.gates import DEFAULTS, GateInput, config, task_gates
from autograders.engine.scoring.rubric import feedback_text, parse_rubric, score_task
from autograders.engine.scoring.totals import TaskPoints, combined_total
from autograders.grading.rubric_file import load_rubric

from growth import steps

COURSE = Path(__file__).resolve().parents[2] / "exercises"
SETTINGS = config(None)


def gates(**given):
    base = dict(words=100, min_words=10, content_share=1.0, prose_rating="good")
    base.update(given)
    return task_gates(GateInput(**base), SETTINGS)


# ------------------------------------------------------------------------------------------------ gates
def test_nothing_to_judge_below_the_minimum_and_judged_at_it():
    assert gates(words=9, min_words=10).form == 0
    assert gates(words=10, min_words=10).form == 1


@pytest.mark.parametrize("share, factor", [(0.0, 0.0), (0.2, 0.0), (0.25, 0.125), (0.4, 0.5), (0.59, 0.975),
                                           (0.6, 1.0), (1.0, 1.0)])
def test_relevance_scales_form_points_from_a_fifth_to_three_fifths_of_the_content(share, factor):
    assert gates(content_share=share).form == pytest.approx(factor)


def test_no_content_criteria_means_no_relevance_gate():
    assert gates(content_share=None).form == 1


@pytest.mark.parametrize("rating, factor", [("good", 1.0), ("ok", 0.7), ("bad", 0.25), (None, 1.0)])
def test_prose_gate_multiplies_every_criterion(rating, factor):
    assert gates(prose_rating=rating).every == pytest.approx(factor)


def test_integrity_gate_per_problem_and_tone_gate_per_kind():
    assert gates(contradictions=1).integrity == 0.5
    assert gates(contradictions=2).integrity == 0.25
    assert gates(invented=1).integrity == 0.75
    assert gates(invented_heavy=1, invented=2).integrity == pytest.approx(0.5 * 0.75 ** 2)
    assert gates(tone_kinds=("blame", "blame", "personal_data")).tone == pytest.approx(0.5 * 0.4)


def test_a_task_may_override_a_gate():
    settings = config({"tone": {"puffery": 0.6}, "relevance": {"full": 0.8}})
    given = GateInput(words=100, min_words=10, content_share=0.5, prose_rating="good", tone_kinds=("puffery",))
    result = task_gates(given, settings)
    assert result.tone == 0.6 and result.form == pytest.approx(0.5)
    assert DEFAULTS["tone"]["puffery"] == 0.85  # the defaults are untouched


def small_task(**extra):
    data = {"assignment": "uji", "facts": {"items": [
        {"id": "mulai", "kind": "when", "text": "Mulai 4 Januari 2027.", "date": "2027-01-04", "subject": ["mulai"]},
        {"id": "tempat", "kind": "where", "text": "Di gedung baru.", "says": [["gedung baru"]]}]},
        "tasks": [dict({"id": "t", "answer": "jawab", "analyze": {"lang": "id"}, "min_words": 8, "criteria": [
            {"id": "fakta", "type": "facts", "required": ["mulai", "tempat"], "points": 2},
            {"id": "kalimat", "section": "readability", "check": "sentence_length", "points": 2},
        ]}, **extra)]}
    return parse_rubric(data).tasks[0]


def test_a_non_answer_scores_nothing_and_says_there_is_nothing_to_judge():
    task = small_task()
    for text in ("x", "Saya tidak tahu."):
        score = score_task(task, {"jawab": text})
        assert score.points == 0, text
        assert "belum bisa dinilai" in feedback_text(score)


def test_an_off_task_answer_earns_no_style_points_and_an_on_task_one_does():
    task = small_task()
    off = score_task(task, {"jawab": "Selamat pagi, warga. Jangan lupa minum air putih dan sarapan hari ini ya."})
    on = score_task(task, {"jawab": "Mulai 4 Januari 2027, layanan pindah ke gedung baru. Warga cukup datang ke sana."})
    assert off.points == 0 and "belum tampak" in feedback_text(off)
    assert on.points == 4


def test_a_contradiction_costs_the_whole_task_and_is_named():
    task = small_task()
    score = score_task(task, {"jawab": "Mulai 11 Januari 2027, layanan pindah ke gedung baru. Warga cukup datang."})
    # facts: 1 of 2 right, minus 0.25 for the contradiction -> 0.25 of 2 points; style: relevance 0.25 maps to
    # (0.25 - 0.2) / 0.4 = 0.125 of 2 points; then the whole task halved by the integrity gate.
    assert score.points == pytest.approx(round((2 * 0.25 + 2 * 0.125) * 0.5, 2), abs=0.011)
    text = feedback_text(score)
    assert "*Mulai 11 Januari 2027*" in text and "bertentangan dengan lembar fakta" in text


def test_feedback_says_which_points_a_machine_gave_and_what_a_person_checks():
    task = small_task(manual={"points": 2, "rubric": "2 = isi tepat; 0 = isi keliru."})
    text = feedback_text(score_task(task, {"jawab": "Mulai 4 Januari 2027, layanan pindah ke gedung baru."}))
    assert "poin otomatis" in text and "Instruktur masih menilai" in text and "2 = isi tepat" in text
    assert "poin otomatis tugas ini tidak dihitung" in text


# ------------------------------------------------------------------------------------------------ quiz
def test_each_quiz_answer_is_checked_against_its_own_question():
    task = load_rubric(COURSE / "source" / "m0_pengantar" / "rubrik.yml").task("kuis")
    right = {"jawaban_kuis_1": "UU Nomor 14 Tahun 2008.", "jawaban_kuis_2": "Berkala, serta merta, dan setiap saat.",
             "jawaban_kuis_3": "Setiap enam bulan.", "jawaban_kuis_4": "10 hari kerja, perpanjangan 7 hari kerja."}
    assert score_task(task, right).points == task.max_points
    # Every number in one cell, the others empty: only the first question is answered.
    crammed = {"jawaban_kuis_1": " ".join(right.values())}
    crammed_score = score_task(task, crammed)
    assert crammed_score.points <= 1
    assert "Belum ada jawaban untuk pertanyaan 2" in feedback_text(crammed_score)
    # The deadlines swapped: the fourth question scores nothing, the others keep their points.
    swapped = dict(right, jawaban_kuis_4="7 hari kerja, perpanjangan 10 hari kerja.")
    swapped_score = score_task(task, swapped)
    assert swapped_score.points == task.max_points - 1
    assert "bertentangan" in feedback_text(swapped_score)


def test_a_rubric_with_a_fact_sheet_travels_to_worker_processes():
    import pickle

    rubric = load_rubric(COURSE / "source" / "m1_situs_web" / "rubrik.yml")
    task = rubric.task("pengumuman")
    answer = {"jawaban_pengumuman": "Mulai 4 Januari 2027, layanan KTP-el pindah dari kantor kelurahan ke Mal "
                                    "Pelayanan Publik. Buka pukul 07.00–21.00 WIB."}
    before = score_task(task, answer)
    copy = pickle.loads(pickle.dumps(rubric))
    assert score_task(copy.task("pengumuman"), answer).points == before.points


# ------------------------------------------------------------------------------------------------ totals
def test_manual_zero_voids_the_tasks_automatic_points():
    total = combined_total([TaskPoints("a", 9, 10, 0, 2), TaskPoints("b", 4, 5, 1, 1)])
    assert total.final == 5 and total.auto == 13 and total.voided == ("a",) and total.complete


def test_ungraded_manual_points_make_a_provisional_total():
    total = combined_total([TaskPoints("a", 9, 10, None, 2), TaskPoints("b", 4, 5, 1, 1)])
    assert total.final == 14 and not total.complete and total.pending == ("a",)


@pytest.mark.parametrize("manual, final", [(0.0, 0.0), (0.5, 8.5), (2.0, 10.0), (3.0, 10.0), (-1.0, 0.0)])
def test_the_manual_point_edges(manual, final):
    assert combined_total([TaskPoints("a", 8, 8, manual, 2)]).final == final


def test_a_task_without_manual_points_keeps_its_automatic_points():
    total = combined_total([TaskPoints("a", 3, 4, None, 0)])
    assert total.final == 3 and total.complete


# ------------------------------------------------------------------------------------------------ fields
def test_split_fields_takes_labelled_lines_out():
    body, values = split_fields("**Judul SEO:** Pajak\n- Slug: pbb-online\n\nIsi pembuka: dua titik.",
                                {"title": "Judul SEO", "slug": "Slug"})
    assert values == {"title": "Pajak", "slug": "pbb-online"} and body == "Isi pembuka: dua titik."




def test_split_fields_uses_no_pattern_matching():
    assert not hasattr(fields_module, "re")


@pytest.mark.parametrize("seed", range(6))
def test_split_fields_grows_linearly_on_generated_pathological_lines(seed):
    rng = random.Random(seed)
    alphabet = [" ", "\t", "*", ":", "-", "a", "**", " : ", "\u00a0"]
    line = "".join(rng.choice(alphabet) for _ in range(300))
    labels = {"title": "Judul SEO", "description": "Deskripsi meta"}
    small = "\n".join([line] * 20)
    large = "\n".join([line * 4] * 80)  # 16 times the characters
    first, second = steps(split_fields, small, labels), steps(split_fields, large, labels)
    assert second <= 16 * first * 1.2, (first, second)
    assert split_fields(" " * 200, labels) == ("", {})


# ------------------------------------------------------------------------------------------------ rubric edges
def test_one_h1_gives_nothing_without_an_h1_and_subheadings_are_required_where_the_task_asks():
    task = load_rubric(COURSE / "source" / "m1_situs_web" / "rubrik.yml").task("artikel")
    body = ("Mulai Senin, 4 Januari 2027, layanan kependudukan pindah dari kantor kelurahan ke mal pelayanan publik di "
            "Jl. Sudirman No. 10. Loket buka Senin–Jumat pukul 08.00–15.00 WIB. ") * 8
    without = {c.id: c for c in score_task(task, {task.answer: body}).criteria}
    assert without["satu_h1"].points == 0 and "judul utama" in without["satu_h1"].note
    assert without["subjudul"].points == 0 and "subjudul" in without["subjudul"].note.lower()
    with_both = "# Mal pelayanan publik buka\n\n" + body + "\n\n## Jam buka\n\n" + body + "\n\n## Alamat\n\n" + body
    scored = {c.id: c for c in score_task(task, {task.answer: with_both}).criteria}
    assert scored["satu_h1"].raw_points == 0.5 and scored["subjudul"].raw_points > 0


def test_the_report_csv_applies_the_one_rule():
    from autograders.grading.report_cli import csv_rows

    rubric = load_rubric(COURSE / "source" / "m2_menulis_daring" / "rubrik.yml")
    first, second = rubric.tasks
    result = {"student": "a", "score": 12.0, "flags": [], "error": None,
              "tasks": [{"task": first.id, "points": 9.0, "criteria": []}, {"task": second.id, "points": 3.0, "criteria": []}]}
    header, rows = csv_rows(rubric, [result, dict(result, student="b")],
                            {"a": {first.id: 0.0, second.id: 1.0}, "b": {first.id: 2.0}})
    column = {name.split(" (")[0]: index for index, name in enumerate(header)}
    a, b = rows
    assert a[column["total otomatis"]] == 12.0 and a[column["nilai akhir"]] == 4.0
    assert a[column["status nilai"]] == "final" and a[column["tugas tanpa poin otomatis"]] == first.id
    assert b[column["nilai akhir"]] == 14.0 and b[column["status nilai"]].startswith("sementara")
    assert b[column[f"{second.id} instruktur"]] == ""


# ------------------------------------------------------------------------------------------------ every task
ALL_TASKS = [(path.parent.name, task.id) for path in sorted(COURSE.glob("source/*/rubrik.yml"))
             for task in load_rubric(path).tasks]
OFF_TASK = ("Selamat pagi, warga! Jangan lupa minum air putih yang cukup dan sarapan sebelum beraktivitas. "
            "Semoga hari ini menyenangkan. #SelamatPagi")


@pytest.mark.parametrize("assignment, task_id", ALL_TASKS, ids=[f"{a}/{t}" for a, t in ALL_TASKS])
def test_a_non_answer_and_an_off_task_answer_score_almost_nothing_on_every_task(assignment, task_id):
    task = load_rubric(COURSE / "source" / assignment / "rubrik.yml").task(task_id)
    for text in ("x", "Saya tidak tahu."):
        assert score_task(task, {cell: text for cell in task.answer_cells}).points == 0, text
    off = score_task(task, {cell: OFF_TASK for cell in task.answer_cells})
    assert off.points <= 0.2 * task.max_points, feedback_text(off)


def test_chapter_five_shows_the_exercises_figures_with_the_exercises_terms():
    from autograders import monitoring
    from autograders.grading.facts import load_facts
    from autograders.grading.rubric_file import format_fact

    chapter = (COURSE.parent / "book" / "05-monitoring.md").read_text(encoding="utf-8")
    assert "brands=monitoring.SAMPLE_BRANDS, peers=monitoring.SAMPLE_PEERS" in chapter
    facts = load_facts("monitoring_sample")
    assert f"pangsa suara Sukamaju {format_fact(facts['share_of_voice.Sukamaju'])}%" in chapter
    for term in monitoring.SAMPLE_BRANDS["Sukamaju"][2:]:  # the hashtags the chapter's keyword list names
        assert term in chapter
    sheet = (COURSE / "source" / "m5_monitoring" / "rubrik.yml").read_text(encoding="utf-8")
    assert "source: monitoring_sample" in sheet and all(t in sheet for t in monitoring.SAMPLE_BRANDS["Sukamaju"])


ASSIGNMENTS = sorted(p.parent.name for p in COURSE.glob("source/*/rubrik.yml"))
CHAPTERS_WITH_EXERCISES = [p for p in sorted((COURSE.parent / "book").glob("0*.md"))
                           if any(a in p.read_text(encoding="utf-8") for a in ASSIGNMENTS)]


@pytest.mark.parametrize("chapter", CHAPTERS_WITH_EXERCISES, ids=lambda p: p.stem)
def test_each_chapters_graded_exercise_describes_the_real_tasks(chapter):
    text = chapter.read_text(encoding="utf-8")
    section = text[text.index("## Latihan bernilai"):text.index("Cara membuka", text.index("## Latihan bernilai"))]
    assignment = next(p.parent.name for p in COURSE.glob("source/*/rubrik.yml") if p.parent.name in section)
    rubric = load_rubric(COURSE / "source" / assignment / "rubrik.yml")
    numbered = [line for line in section.splitlines() if line[:3] in ("1. ", "2. ", "3. ")]
    assert len(rubric.tasks) == 1 or len(numbered) == len(rubric.tasks), (chapter.name, numbered)
    assert "Kota Sukamaju" not in section and "sukamajukota" not in section


def test_a_negated_recommendation_is_no_recommendation():
    task = load_rubric(COURSE / "source" / "m5_monitoring" / "rubrik.yml").task("ringkasan")
    criterion = next(c for c in task.criteria if c.id == "rekomendasi")
    from autograders.engine.scoring.criteria import Answer, Context, score_contains
    from autograders import analyze

    def share(text):
        return score_contains(criterion, Answer("x", text, text, {}, analyze(text, lang="id")), Context(task, task.facts)).share

    assert share("Kami sarankan Dinas PUPR mengumumkan jadwal perbaikan drainase.") == 1
    assert share("Kondisi aman, jadi tidak perlu tindakan apa pun.") == 0
    assert share("Tidak ada rekomendasi untuk minggu ini.") == 0
