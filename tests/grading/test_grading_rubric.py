"""Rubric scoring: every criterion type, partial credit at its edges, graceful degradation."""
from __future__ import annotations

from pathlib import Path

import pytest

from autograders.engine.scoring.rubric import RubricError, feedback_text, parse_rubric, score_task, split_fields
from autograders.grading.rubric_file import load_rubric

REPO = Path(__file__).resolve().parents[2]
COURSE = REPO / "exercises"


def rubric_with(criteria, **task):
    """One task with these criteria; no minimum length and no prose gate (these tests are about each criterion
    alone; the gates have their own tests in test_scoring_rules.py)."""
    data = {"assignment": "uji", "tasks": [dict({"id": "t", "answer": "jawab", "analyze": {"lang": "id"},
                                                   "min_words": 0, "prose": False, "criteria": criteria}, **task)]}
    return parse_rubric(data).tasks[0]


def test_stat_edges_are_inclusive():
    task = rubric_with([{"id": "n", "type": "stat", "stat": "words", "min": 3, "max": 5, "points": 2}])
    assert score_task(task, {"jawab": "satu dua tiga"}).points == 2
    assert score_task(task, {"jawab": "satu dua"}).points == 0
    assert score_task(task, {"jawab": "satu dua tiga empat lima"}).points == 2
    assert score_task(task, {"jawab": "satu dua tiga empat lima enam"}).points == 0


def test_contains_gives_partial_credit_in_proportion():
    task = rubric_with([{"id": "f", "type": "contains", "points": 3, "any_of": [["alpha"], ["beta"], ["gamma"]],
                         "hints": ["A", "B", "C"]}])
    assert score_task(task, {"jawab": "alpha beta gamma"}).points == 3
    two = score_task(task, {"jawab": "alpha dan beta"})
    assert two.points == 2
    assert "C" in two.criteria[0].note and "A" not in two.criteria[0].note.split("Belum ada:")[1]


def test_absent_names_the_forms_to_replace():
    task = rubric_with([{"id": "b", "type": "absent", "points": 1, "patterns": [r"\bhimbauan\b"]}])
    bad = score_task(task, {"jawab": "Ini himbauan untuk warga."})
    assert bad.points == 0 and "himbauan" in bad.criteria[0].note
    assert score_task(task, {"jawab": "Ini imbauan untuk warga."}).points == 1


def test_plain_uses_the_engine_findings_of_the_chosen_kinds():
    answer = {"jawab": "Dalam rangka HUT kota, warga dihimbau datang. Layanan gak dipungut biaya."}
    spelling = rubric_with([{"id": "k", "type": "plain", "kinds": ["spelling"], "points": 1}])
    result = score_task(spelling, answer)
    assert result.points == 0
    assert "dihimbau → diimbau" in result.criteria[0].note and "gak → tidak" in result.criteria[0].note
    assert "Dalam rangka" not in result.criteria[0].note
    bureaucratic = rubric_with([{"id": "b", "type": "plain", "kinds": ["bureaucratic"], "points": 2}])
    assert "Dalam rangka → Untuk" in score_task(bureaucratic, answer).criteria[0].note
    clean = {"jawab": "Untuk memperingati HUT kota, warga diimbau datang. Layanan tidak dipungut biaya."}
    assert score_task(spelling, clean).points == 1 and score_task(bureaucratic, clean).points == 2


def test_plain_allows_up_to_max_findings_and_rejects_unknown_kinds():
    task = rubric_with([{"id": "k", "type": "plain", "kinds": ["spelling"], "max": 1, "points": 1}])
    assert score_task(task, {"jawab": "Warga dihimbau datang pagi."}).points == 1
    assert score_task(task, {"jawab": "Warga dihimbau datang pagi, gak boleh terlambat."}).points == 0
    with pytest.raises(RubricError, match="ejaan"):
        rubric_with([{"id": "k", "type": "plain", "kinds": ["ejaan"], "points": 1}])


def test_check_partial_share_for_ok_and_missing_check_scores_zero_with_note():
    task = rubric_with([
        {"id": "h1", "section": "seo", "check": "single_h1", "points": 2},
        {"id": "x", "section": "genre", "check": "tidak_ada_pemeriksaan_ini", "points": 1},
    ])
    one = score_task(task, {"jawab": "# Judul\n\nIsi singkat tulisan."})
    two = score_task(task, {"jawab": "# Judul\n\nIsi.\n\n# Judul kedua\n\nIsi."})
    assert one.criteria[0].points == 2 and two.criteria[0].points == 0
    assert one.criteria[1].points == 0 and one.criteria[1].rating == "missing"
    assert "belum tersedia" in one.criteria[1].note


def test_ok_rating_uses_partial_share():
    task = rubric_with([{"id": "h1", "section": "seo", "check": "single_h1", "points": 2,
                         "partial": {"bad": 0.25}}])
    assert score_task(task, {"jawab": "# A\n\nIsi.\n\n# B\n\nIsi."}).points == 0.5


def test_empty_answer_scores_zero_and_says_so():
    task = rubric_with([{"id": "n", "type": "stat", "stat": "words", "max": 100, "points": 1}])
    score = score_task(task, {"jawab": "   "})
    assert score.points == 0
    assert "belum menulis" in feedback_text(score)


def test_feedback_lists_biggest_loss_first():
    task = rubric_with([
        {"id": "small", "label": "Kecil", "type": "contains", "points": 1, "any_of": [["zzz"]]},
        {"id": "big", "label": "Besar", "type": "contains", "points": 3, "any_of": [["yyy"]]},
    ])
    text = feedback_text(score_task(task, {"jawab": "tidak ada"}))
    assert text.index("Besar") < text.index("Kecil")


def test_split_fields_takes_labelled_lines_out():
    body, values = split_fields("**Judul SEO:** Pajak\nSlug: pajak-kendaraan\n\nIsi pembuka.",
                                {"title": "Judul SEO", "slug": "Slug"})
    assert values == {"title": "Pajak", "slug": "pajak-kendaraan"}
    assert body == "Isi pembuka."


@pytest.mark.parametrize("bad, words", [
    ({"tasks": []}, "assignment"),
    ({"assignment": "a", "tasks": [{"id": "t", "answer": "x", "criteria": [{"id": "c", "points": "banyak"}]}]}, "angka"),
    ({"assignment": "a", "tasks": [{"id": "t", "answer": "x", "criteria": [{"id": "c", "type": "aneh", "points": 1}]}]}, "tidak dikenal"),
    ({"assignment": "a", "tasks": [{"id": "t", "answer": "x", "criteria": [
        {"id": "c", "type": "contains", "points": 1, "any_of": [["("]]}]}]}, "tidak sah"),
])
def test_bad_rubrics_give_indonesian_messages(bad, words):
    with pytest.raises(RubricError, match=words):
        parse_rubric(bad)


def test_every_course_rubric_loads_and_its_model_answers_score_well():
    import yaml

    paths = sorted(COURSE.glob("source/*/rubrik.yml"))
    assert [p.parent.name for p in paths] == ["m0_pengantar", "m1_situs_web", "m2_menulis_daring", "m3_media_sosial",
                                           "m4_seo", "m5_monitoring", "m6_siaran_pers", "m7_hoaks_krisis"]
    for path in paths:
        rubric = load_rubric(path)
        solutions = yaml.safe_load((COURSE / "authoring" / f"{rubric.assignment}.yml").read_text(encoding="utf-8"))
        for task in rubric.tasks:
            answers = {cell: solutions.get(cell) or (solutions.get(task.id) if cell == task.answer else "")
                       for cell in task.answer_cells}
            score = score_task(task, answers)
            assert score.points >= 0.8 * task.max_points, (rubric.assignment, task.id, feedback_text(score))
            assert task.manual_points > 0  # every answer has a human-judged part


def test_plain_scores_zero_with_a_note_for_an_answer_not_in_indonesian():
    task = rubric_with([{"id": "k", "type": "plain", "kinds": ["spelling"], "points": 1}],
                       analyze={"lang": "en"})
    result = score_task(task, {"jawab": "Residents are asked to come early to the service mall."})
    assert result.points == 0
    assert result.criteria[0].rating == "na" and "bahasa Indonesia" in result.criteria[0].note
