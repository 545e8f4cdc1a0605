"""Scores that mean something, on the project's labelled answers (tests/grading/labelled/, written for this
project): for every autograded task, every excellent answer outscores every gaming and off-task answer by at
least 40 % of the task's automatic points, feedback on a gaming answer names the problem in Indonesian, and the
whole set meets the targets the course is judged on. Scored through score_task, the function both graders call
(benchmarks/rubric_validity.py runs the same answers through ``python -m autograders grade``)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import labelled_set as L  # noqa: E402

ITEMS = L.load()
TASKS = sorted({(i.assignment, i.task) for i in ITEMS})
MARGIN = 40.0  # percent of the task's automatic points


@pytest.fixture(scope="module")
def scores():
    return L.score_in_process(ITEMS)


def test_every_autograded_task_has_a_labelled_set():
    from autograders.grading.rubric_file import load_rubric

    for path in sorted(L.COURSE.glob("source/*/rubrik.yml")):
        rubric = load_rubric(path)
        for task in rubric.tasks:
            answers = [i for i in ITEMS if (i.assignment, i.task) == (rubric.assignment, task.id)]
            assert len(answers) >= 8, (rubric.assignment, task.id)
            assert {i.band for i in answers} == set(L.BANDS), (rubric.assignment, task.id)
            assert all(i.gaming for i in answers if i.band == "gaming"), "every gaming answer names its kind"


@pytest.mark.parametrize("assignment, task", TASKS, ids=[f"{a}/{t}" for a, t in TASKS])
def test_every_excellent_answer_outscores_every_gaming_and_off_task_answer(scores, assignment, task):
    group = [i for i in ITEMS if (i.assignment, i.task) == (assignment, task)]
    excellent = min((scores[i.id]["percent"], i.id) for i in group if i.band == "excellent")
    worst = max((scores[i.id]["percent"], i.id) for i in group if i.band in ("gaming", "off_task"))
    assert excellent[0] - worst[0] >= MARGIN, (excellent, worst, scores[worst[1]]["feedback"])


GAMING = [i for i in ITEMS if i.expect]


@pytest.mark.parametrize("item", GAMING, ids=[i.id for i in GAMING])
def test_feedback_on_a_gaming_answer_names_the_problem(scores, item):
    feedback = scores[item.id]["feedback"]
    for words in item.expect:
        assert words.lower() in feedback.lower(), (item.id, words, feedback)


def test_the_whole_set_meets_the_targets(scores):
    result = L.summary(ITEMS, scores)
    assert result["spearman"] >= 0.85, result
    assert result["bands"]["excellent"]["mean"] >= 85, result
    assert result["bands"]["off_task"]["mean"] <= 20, result
    assert result["gaming_at_60"] <= max(2, result["gaming_n"] // 7), result
    assert result["bands"]["gaming"]["mean"] < result["bands"]["adequate"]["mean"] < result["bands"]["excellent"]["mean"]
