"""The engine's web bridge (``autograders.engine.web_api``) in CPython: the same answers the page's worker gets
under Pyodide (the browser tests compare those with these). JSON in, JSON out, Indonesian errors, and the
exercise path: score = the cohort grader's points, notebook = a submission the tamper checks accept."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from autograders import analyze
from autograders.engine.scoring.rubric import parse_rubric
from autograders.engine.present.feedback import message
from autograders.engine.scoring.identity import METADATA_KEY, identity_metadata
from autograders.engine.scoring.submission import fill_notebook, render_notebook
from autograders.engine.scoring.notebook import TEXT_STUB, grade_id, source
from autograders.engine.web_api import ANALYZE_OPTIONS, Session
from autograders.grading.grader import grade_notebook
from autograders.grading.rubric_file import read_rubric_data, resolve_figures
from autograders.grading.tamper import checksum, find_flags

REPO = Path(__file__).resolve().parents[1]
COURSE = REPO / "exercises"
ASSIGNMENTS = sorted(p.parent.name for p in (COURSE / "source").glob("*/rubrik.yml"))
STUDENT = {"student_id": "199001012020121001", "student_name": "Sari Dewi", "email": "sari@sukamajukab.go.id"}


def call(session: Session, op: str, **args):
    return json.loads(session.call(json.dumps({"op": op, "args": args}, ensure_ascii=False)))


def exercise(assignment: str) -> dict:
    """What the book build ships, with the SOURCE notebook standing in for the release (same cells and ids)."""
    data, sha = read_rubric_data(COURSE / "source" / assignment / "rubrik.yml")
    data = resolve_figures(data)
    nb = json.loads((COURSE / "source" / assignment / f"{assignment}.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"]:  # the student version: answer cells hold the stub
        if cell["metadata"].get("nbgrader", {}).get("solution"):
            cell["source"] = TEXT_STUB
    return {"assignment": assignment, "notebook": f"{assignment}.ipynb", "rubric": data, "rubric_sha256": sha,
            "release": nb}


def model_answers(assignment: str) -> dict[str, str]:
    rubric = parse_rubric(exercise(assignment)["rubric"])
    raw = yaml.safe_load((COURSE / "authoring" / f"{assignment}.yml").read_text(encoding="utf-8")) or {}
    return {task.answer: str(raw.get(task.id, "")) for task in rubric.tasks}


@pytest.fixture()
def session() -> Session:
    return Session()


def test_analyze_is_exactly_the_engines_json(session):
    text = (REPO / "samples" / "blog-mal-pelayanan.md").read_text(encoding="utf-8")
    options = {"keyphrase": "mal pelayanan publik", "slug": "mal-pelayanan-publik", "feedback_lang": "en",
               "url": "https://sukamajukota.go.id/berita/mpp", "lang": None}
    answer = call(session, "analyze", text=text, options=options)
    assert answer["ok"] is True
    expected = analyze(text, **{k: v for k, v in options.items() if v is not None}).to_dict()
    assert answer["result"] == expected
    post = call(session, "analyze", text="Urus KTP kini di MPP! #LayananPublik", options={"kind": "social_post",
                                                                                         "platform": "x"})
    assert post["result"] == analyze("Urus KTP kini di MPP! #LayananPublik", kind="social_post", platform="x").to_dict()


def test_analyze_refuses_unknown_options_and_says_the_cli_message(session):
    answer = call(session, "analyze", text="Halo", options={"keyword": "x"})
    assert answer["ok"] is False and "'keyword' tidak dikenal" in answer["error"]
    assert all(name in answer["error"] for name in ANALYZE_OPTIONS)
    answer = call(session, "analyze", text="Halo", options={"kind": "social_post", "platform": "friendster"})
    with pytest.raises(ValueError) as cli_error:
        analyze("Halo", kind="social_post", platform="friendster")
    assert answer == {"ok": False, "error": str(cli_error.value)}
    assert call(session, "analyze", text=123)["ok"] is False
    assert call(session, "nothing")["ok"] is False
    assert json.loads(session.call("{broken"))["ok"] is False


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_score_equals_the_cohort_grader(session, assignment):
    ex = exercise(assignment)
    assert call(session, "load_exercise", assignment=assignment, exercise=json.dumps(ex))["ok"]
    rubric = parse_rubric(ex["rubric"], ex["rubric_sha256"])
    for answers in (model_answers(assignment), {}, {a: "Dalam rangka itu, kami sampaikan. ```\nprint(1)\n```"
                                                   for a in model_answers(assignment)}):
        page = call(session, "score", assignment=assignment, answers=answers)["result"]
        graded = grade_notebook(fill_notebook(ex["release"], answers), ex["release"], rubric)
        assert page["points"] == graded["score"]
        assert page["max_points"] == rubric.max_points
        assert [(t["answer"], t["points"], t["max_points"], t["feedback"]) for t in page["tasks"]] == \
               [(t["answer"], t["points"], t["max_points"], t["feedback"]) for t in graded["tasks"]]
    assert call(session, "score", assignment=assignment, answers=model_answers(assignment))["result"]["points"] > 0


def test_notebook_is_the_release_with_answers_and_metadata(session):
    assignment = "m4_seo"
    ex = exercise(assignment)
    call(session, "load_exercise", assignment=assignment, exercise=ex)
    answers = model_answers(assignment)
    answers["jawaban_bagian"] = ""  # an empty answer keeps the stub
    result = call(session, "notebook", assignment=assignment, answers=answers, student=STUDENT)["result"]
    assert result["filename"] == "m4_seo.ipynb"
    nb = json.loads(result["text"])
    release = ex["release"]
    assert [c.get("id") for c in nb["cells"]] == [c.get("id") for c in release["cells"]]
    for got, ref in zip(nb["cells"], release["cells"]):
        assert got["metadata"] == ref["metadata"] and got["cell_type"] == ref["cell_type"]
        gid = grade_id(ref)
        if gid == "jawaban_metadata":
            assert source(got) == answers[gid].strip("\n")
        elif gid == "jawaban_bagian":
            assert source(got) == TEXT_STUB
        else:
            assert got == ref
            meta = ref["metadata"].get("nbgrader", {})
            if meta.get("checksum"):
                assert checksum(got, meta) == meta["checksum"]
    info = nb["metadata"][METADATA_KEY]
    assert set(info) == {"assignment", "student_id", "student_name", "email", "saved_at", "source", "version"}
    assert info["assignment"] == assignment and info["source"] == "buku-web" and info["version"] == 1
    assert info["saved_at"].endswith("Z") and "T" in info["saved_at"]
    assert info == identity_metadata(assignment, STUDENT["student_id"], STUDENT["student_name"], STUDENT["email"],
                                     info["saved_at"])  # the block the intake reads, from its one definition
    assert find_flags(nb, release, [t for t in answers]) == []
    assert result["text"] == render_notebook(nb)


@pytest.mark.parametrize("student, problem", [
    ({"student_name": "Sari"}, message("student_id.empty")),
    ({"student_id": "sari dewi", "student_name": "Sari"}, message("student_id.characters")),
    ({"student_id": ".abc", "student_name": "Sari"}, message("student_id.start")),
    ({"student_id": "a..b", "student_name": "Sari"}, message("student_id.dots")),
    ({"student_id": "9" * 65, "student_name": "Sari"}, message("student_id.length")),
    ({"student_id": "123"}, "Nama wajib"),
    ({"student_id": "123", "student_name": "Sari\x00"}, "Nama tidak sah"),
    ({"student_id": "123", "student_name": "Sari", "email": "bukan surel"}, "surel tidak sah"),
])
def test_notebook_needs_the_trainees_details_by_the_intakes_rule(session, student, problem):
    call(session, "load_exercise", assignment="m2_menulis_daring", exercise=exercise("m2_menulis_daring"))
    answer = call(session, "notebook", assignment="m2_menulis_daring", answers={}, student=student)
    assert answer["ok"] is False and problem in answer["error"]
    ok = call(session, "notebook", assignment="m2_menulis_daring", answers={},
              student={"student_id": " 199001012020121001 ", "student_name": "Sari", "email": ""})
    assert json.loads(ok["result"]["text"])["metadata"][METADATA_KEY]["student_id"] == "199001012020121001"


def test_answer_stats_count_what_the_rubric_counts(session):
    assignment = "m4_seo"
    call(session, "load_exercise", assignment=assignment, exercise=exercise(assignment))
    text = "Judul SEO: Pajak Kendaraan Online\nSlug: pajak-kendaraan\n\nWarga kini bisa membayar pajak dari rumah."
    words = call(session, "answer_stats", assignment=assignment, answer="jawaban_metadata", text=text)["result"]
    assert words == {"words": analyze("Warga kini bisa membayar pajak dari rumah.", lang="id").stats["words"]} == {"words": 7}
    stub = call(session, "answer_stats", assignment=assignment, answer="jawaban_metadata", text=TEXT_STUB)
    assert stub["result"] == {"words": 0}
    assert call(session, "answer_stats", assignment="m9", answer="x", text="y")["ok"] is False


def test_sessions_share_nothing():
    a, b = Session(), Session()
    call(a, "load_exercise", assignment="m4_seo", exercise=exercise("m4_seo"))
    assert call(a, "loaded")["result"] == ["m4_seo"] and call(b, "loaded")["result"] == []
    assert call(b, "score", assignment="m4_seo", answers={})["ok"] is False


def test_tool_views_escape_and_report(session):
    evil = "<script>alert(1)</script><img src=x onerror=alert(1)>"
    view = call(session, "tool", name="draft_checker", inputs={"text": f"# Judul\n\nWarga {evil} datang.",
                                                              "keyphrase": evil})["result"]
    assert "<script" not in view["html"] and "<img" not in view["html"]
    serp = call(session, "tool", name="serp_preview", inputs={"title": evil, "url": "https://x.go.id/<b>"})["result"]
    assert "<script" not in serp["html"] and "&lt;script&gt;" in serp["html"] and "&lt;b&gt;" in serp["html"]
    empty = call(session, "tool", name="draft_checker", inputs={"text": "  "})["result"]
    assert "Laporan akan muncul" in empty["html"]
    post = call(session, "tool", name="post_composer", inputs={"text": "Halo #Sukamaju", "platform": "instagram"})
    assert post["result"]["data"]["can_split"] is False and post["result"]["data"]["platform_name"] == "Instagram"
    assert call(session, "tool", name="rm -rf", inputs={})["ok"] is False
