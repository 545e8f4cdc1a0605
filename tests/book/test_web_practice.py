"""The in-page practice of the built book (issue 12), in headless Chromium with every request outside the local test
server blocked and recorded: the live tools and ``window.kelas`` give exactly what the CPython engine gives, each
exercise form scores as the graders do and downloads a notebook they grade the same, answers survive a reload, and
nothing the reader types leaves the page."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from booksite import LOCAL_HOSTS, MODULE_PAGES, REPO

from autograders import analyze
from autograders.engine.measure.x_length import x_weighted_length
from autograders.engine.present import tools
from autograders.engine.scoring.rubric import parse_rubric
from autograders.grading.rubric_file import read_rubric_data, resolve_figures

pytestmark = [pytest.mark.slow, pytest.mark.browser]

GOLDEN = REPO / "tests" / "golden"
GENRE = REPO / "tests" / "golden_genre"
COURSE = REPO / "exercises"
ASSIGNMENTS = sorted(p.parent.name for p in (COURSE / "source").glob("*/rubrik.yml"))
CHAPTER = {a: MODULE_PAGES[int(a[1])] for a in ASSIGNMENTS}  # m2_menulis_daring -> book/02-menulis-daring.html
MARKER = "RAHASIA-EMBARGO-7731"  # typed everywhere; must never appear in a request


class Recorder:
    """Route handler: every request is recorded (URL, method, body); any host but loopback is aborted."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, str]] = []
        self.blocked: list[str] = []

    def __call__(self, route) -> None:
        request = route.request
        self.requests.append((request.url, request.method, request.post_data or ""))
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.blocked.append(request.url)
            route.abort()


@pytest.fixture()
def context(browser):
    recorder = Recorder()
    ctx = browser.new_context(accept_downloads=True)
    ctx.route("**/*", recorder)
    ctx.recorder = recorder
    yield ctx
    ctx.close()
    assert recorder.blocked == [], "requests left the machine"


def open_page(ctx, site_url: str, name: str):
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.errors = errors
    page.goto(site_url + name)
    page.evaluate("window.kelas.ready()")
    return page


def tool_box(page, name: str):
    box = page.locator(f".kelas-tool[data-tool={name}]")
    box.scroll_into_view_if_needed()
    return box


def set_inputs(page, name: str, values: dict[str, str]) -> dict:
    """Fill the tool's fields as a reader would (input events), then wait for the view of exactly these inputs."""
    box = tool_box(page, name)
    for key, value in values.items():
        control = box.locator(f"[data-field={key}]")
        if key == "platform":
            control.select_option(value)
        else:
            control.fill(value)
    return page.wait_for_function(
        """([name, values]) => {
            const last = document.querySelector(`.kelas-tool[data-tool=${name}]`).kelasLast;
            if (!last) return null;
            for (const [k, v] of Object.entries(values)) if (last.inputs[k] !== v) return null;
            return last.result;
        }""", arg=[name, values], timeout=60_000).json_value()


def golden_drafts():
    for md in sorted(GOLDEN.glob("*.md")):
        meta = json.loads(md.with_suffix(".json").read_text(encoding="utf-8"))
        yield md.name, md.read_text(encoding="utf-8"), {k: meta.get(k, "") or "" for k in
                                                        ("keyphrase", "title", "description", "slug")}


# ----------------------------------------------------------------------------------------------- live tools
def test_draft_checker_in_the_page_equals_cpython_on_every_golden_draft(context, site_url):
    page = open_page(context, site_url, "book/02-menulis-daring.html")
    for name, text, fields in golden_drafts():
        result = set_inputs(page, "draft_checker", {"keyphrase": fields["keyphrase"], "title": fields["title"],
                                                    "description": fields["description"], "slug": fields["slug"],
                                                    "text": text})
        expected = analyze(text, **fields).to_dict()
        assert result["data"]["report"] == expected, name
        assert result["html"] == tools.draft_checker(text, **fields).html, name
        shown = page.locator(".kelas-tool[data-tool=draft_checker] li[data-check]")
        rated = {c["id"]: c["rating"] for s in ("readability", "seo", "genre") for c in expected.get(s, {}).get("checks", [])
                 if c["rating"] != "na"}
        # one item per message: checks sharing a message are one item listing them all in data-checks
        assert {check: shown.nth(i).get_attribute("data-rating") for i in range(shown.count())
                for check in shown.nth(i).get_attribute("data-checks").split()} == rated, name
    assert page.errors == []


def test_press_release_checker_equals_cpython_on_the_genre_drafts(context, site_url):
    page = open_page(context, site_url, "book/06-siaran-pers.html")
    for md in sorted((GENRE / "press_releases").glob("*.md")):
        text = md.read_text(encoding="utf-8")
        result = set_inputs(page, "press_release_checker", {"text": text})
        assert result["data"]["report"] == analyze(text, kind="press_release").to_dict(), md.name
        assert result["html"] == tools.press_release_checker(text).html


def test_post_composer_counts_like_the_engine_and_splits_for_x_only(context, site_url):
    page = open_page(context, site_url, "book/03-media-sosial.html")
    box = tool_box(page, "post_composer")
    labels = box.locator("select option").all_inner_texts()
    assert labels == [name for name, _ in tools.platform_choices()] and "X" in labels and "x" not in labels
    posts = json.loads((GENRE / "social_posts.json").read_text(encoding="utf-8"))["posts"]
    for post in posts:
        result = set_inputs(page, "post_composer", {"platform": post["platform"], "text": post["text"]})
        assert result["data"]["report"] == analyze(post["text"], kind="social_post", platform=post["platform"],
                                                   fmt="text").to_dict(), post["id"]
        assert result["html"] == tools.post_composer(post["text"], post["platform"]).html
    # typed key by key, the X counter is twitter-text's weighted length
    box.locator("select").select_option("x")
    area = box.locator("textarea")
    area.fill("")
    text = ("Urus KTP di MPP 🇮🇩👍🏽 https://sukamajukab.go.id/ktp #SukamajuMelayani 日本 "
            + " ".join(["Kalimat penjelas jadwal layanan."] * 9))
    area.press_sequentially(text)
    result = set_inputs(page, "post_composer", {"platform": "x", "text": text})
    engine = analyze(text, kind="social_post", platform="x", fmt="text").check("post_length").value
    assert result["data"]["count"] == engine == x_weighted_length(text) > 280
    split = box.locator("button", has_text="Pecah menjadi utas X")
    assert split.is_visible()
    split.click()
    items = box.locator(".kelas-thread li")
    items.first.wait_for()
    parts = tools.x_thread(text).data["parts"]
    assert items.count() == len(parts) >= 2
    # switching to Instagram clears the thread and hides the splitter (X only)
    set_inputs(page, "post_composer", {"platform": "instagram", "text": text})
    assert box.locator(".kelas-thread li").count() == 0 and not split.is_visible()


def test_serp_preview_in_the_page(context, site_url):
    page = open_page(context, site_url, "book/04-seo.html")
    values = {"title": "Cara Mengurus Akta Kelahiran di Sukamaju Tanpa Antre dan Tanpa Biaya Tambahan Sama Sekali",
              "url": "https://sukamajukab.go.id/layanan/akta-kelahiran", "description": "Syarat dan langkah urus akta.",
              "keyphrase": "akta kelahiran"}
    result = set_inputs(page, "serp_preview", values)
    view = tools.serp_preview(**values)
    assert result["html"] == view.html and result["data"]["shown_title"].endswith(" ...")


def test_dashboard_shows_the_course_charts_and_its_control_works(context, site_url):
    page = open_page(context, site_url, "book/05-monitoring.html")
    box = tool_box(page, "monitoring_dashboard")
    box.locator(".khd-dash").wait_for()
    assert "JupyterLab" in box.locator(".kelas-note").inner_text()
    assert box.locator("img[src^='data:image/png;base64,']").count() == 1
    alerts = lambda: box.locator(".khd-alert").count()  # noqa: E731
    box.locator("select").select_option("1,0")
    loose = alerts()
    box.locator("select").select_option("3,0")
    assert 0 < alerts() < loose
    assert "ambang k = 3,0" in box.inner_text()
    assert not box.locator("input[type=date]").count()


def test_kelas_analyze_is_the_cpython_json_for_every_golden_and_option(context, site_url):
    page = open_page(context, site_url, "book/intro.html")  # a page without tools: the API starts the engine on use
    cases = []
    for name, text, fields in golden_drafts():
        meta = json.loads((GOLDEN / name).with_suffix(".json").read_text(encoding="utf-8"))
        cases.append((text, {**fields, "url": meta.get("url", "") or "", "lang": meta.get("lang")}))
        cases.append((text, {"feedback_lang": "en"}))
        cases.append((text, {"lang": "id", "kind": "press_release", "keyphrase": fields["keyphrase"]}))
    for md in sorted((GENRE / "press_releases").glob("*.md")):
        cases.append((md.read_text(encoding="utf-8"), {"kind": "press_release", "feedback_lang": "en"}))
    for post in json.loads((GENRE / "social_posts.json").read_text(encoding="utf-8"))["posts"]:
        cases.append((post["text"], {"kind": "social_post", "platform": post["platform"]}))
    for line in (GENRE / "plain_language.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cases.append((line.split("\t")[0], {}))
    cases.append(("", {}))
    cases.append(("<script>alert(1)</script>\n\n" + "kata " * 3000, {"title": "<b>x</b>"}))
    got = page.evaluate("async (cases) => { const out = []; for (const [t, o] of cases) out.push(await window.kelas.analyze(t, o)); return out; }",
                        [[t, o] for t, o in cases])
    assert len(got) == len(cases) > 100
    for (text, options), result in zip(cases, got):
        expected = analyze(text, **{k: v for k, v in options.items() if v is not None}).to_dict()
        assert result == expected, (text[:60], options)


def test_kelas_api_errors_are_the_engines_indonesian_messages(context, site_url):
    page = open_page(context, site_url, "book/glosarium.html")
    error = page.evaluate("window.kelas.analyze('Halo', {kind: 'social_post', platform: 'friendster'}).catch(e => e.message)")
    with pytest.raises(ValueError) as cli:
        analyze("Halo", kind="social_post", platform="friendster")
    assert error == str(cli.value)
    assert "'keyword' tidak dikenal" in page.evaluate("window.kelas.analyze('Halo', {keyword: 'x'}).catch(e => e.message)")
    assert "tidak ada di buku ini" in page.evaluate("window.kelas.score('m9_tidak_ada', {}).catch(e => e.message)")
    assert "tidak dikenal" in page.evaluate("window.kelas.score('../etc', {}).catch(e => e.message)")


def test_unsupported_browser_gets_an_indonesian_message(context, site_url):
    page = context.new_page()
    page.add_init_script("delete window.WebAssembly;")
    page.goto(site_url + "book/02-menulis-daring.html")
    status = page.locator(".kelas-tool[data-tool=draft_checker] .kelas-status")
    status.wait_for()
    page.wait_for_function("document.querySelector('.kelas-tool .kelas-status').dataset.state === 'failed'")
    assert "tidak mendukung WebAssembly" in status.inner_text() and "Perbarui peramban" in status.inner_text()
    assert "tidak mendukung WebAssembly" in page.evaluate("window.kelas.analyze('Halo').catch(e => e.message)")


def test_loading_indicator_while_the_runtime_starts(context, site_url):
    page = context.new_page()
    page.goto(site_url + "book/01-situs-web.html", wait_until="domcontentloaded")
    status = page.locator(".kelas-tool[data-tool=draft_checker] .kelas-status")
    page.wait_for_function("['loading', 'ready'].includes(document.querySelector('.kelas-tool .kelas-status')?.dataset.state)")
    states = page.evaluate("window.kelas.status().status")
    assert states in ("loading", "ready")
    if states == "loading":
        assert "Memuat" in status.inner_text() or "Menyiapkan" in status.inner_text()
    page.evaluate("window.kelas.ready()")
    page.wait_for_function("document.querySelector('.kelas-tool .kelas-status').textContent === ''")
    assert "embargo" in page.locator(".kelas-tool[data-tool=draft_checker] .kelas-privacy").inner_text()


# ----------------------------------------------------------------------------------------------- exercises
def model_answers(assignment: str) -> dict[str, str]:
    data, _ = read_rubric_data(COURSE / "source" / assignment / "rubrik.yml")
    rubric = parse_rubric(resolve_figures(data))
    raw = yaml.safe_load((COURSE / "authoring" / f"{assignment}.yml").read_text(encoding="utf-8")) or {}
    answers = {task.answer: str(raw.get(task.id, "")).strip() for task in rubric.tasks}
    last = rubric.tasks[-1].answer  # one weak answer too, so partial points are compared, not only full ones
    answers[last] = ("Dalam rangka pelaksanaan kegiatan, bersama ini kami sampaikan bahwa masyarakat dihimbau untuk "
                     "hadir. Demikian disampaikan.")
    return answers


def fill_form(page, assignment: str, answers: dict[str, str], student: dict[str, str]) -> None:
    form = page.locator(f".kelas-exercise[data-assignment={assignment}]")
    form.scroll_into_view_if_needed()
    form.locator("textarea[data-answer]").first.wait_for()
    inputs = form.locator(".kelas-person input")
    inputs.nth(0).fill(student["student_name"])
    inputs.nth(1).fill(student["student_id"])
    inputs.nth(2).fill(student.get("email", ""))
    for gid, text in answers.items():
        form.locator(f"textarea[data-answer={gid}]").fill(text)


def press_check(page, assignment: str) -> dict:
    form = page.locator(f".kelas-exercise[data-assignment={assignment}]")
    form.locator("button", has_text="Periksa").click()
    page.wait_for_function(f"document.querySelector('.kelas-exercise[data-assignment={assignment}] .kelas-total').dataset.points !== undefined")
    total = float(form.locator(".kelas-total").get_attribute("data-points"))
    tasks = {}
    for slot in form.locator(".kelas-feedback").all():
        tasks[slot.get_attribute("data-answer")] = (float(slot.locator(".kelas-points").get_attribute("data-points")),
                                                    slot.locator(".kelas-feedback-text").inner_text())
    return {"points": total, "tasks": tasks}


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A course copy with every assignment released by nbgrader (the instructor's side)."""
    sys.path.insert(0, str(REPO / "tests" / "grading"))
    import cohort as C

    return C.make_course(tmp_path_factory.mktemp("kursus-web") / "kursus")


def test_every_exercise_form_scores_downloads_and_grades_the_same(context, site_url, course, tmp_path):
    from autograders.grading.gradebook import read_scores
    from autograders.grading.rubric_file import load_rubric

    sys.path.insert(0, str(REPO / "tests" / "grading"))
    import cohort as C

    student = {"student_name": "Sari Dewi", "student_id": "peserta01", "email": "sari@sukamajukab.go.id"}
    shown: dict[str, dict] = {}
    for assignment in ASSIGNMENTS:
        page = open_page(context, site_url, CHAPTER[assignment])
        answers = model_answers(assignment)
        fill_form(page, assignment, answers, student)
        result = press_check(page, assignment)
        page_api = page.evaluate("([a, x]) => window.kelas.score(a, x)", [assignment, answers])
        assert result["points"] == page_api["points"]
        assert {t["answer"]: (t["points"], t["feedback"]) for t in page_api["tasks"]} == result["tasks"]
        form = page.locator(f".kelas-exercise[data-assignment={assignment}]")
        with page.expect_download() as download:
            form.locator("button", has_text="Unduh jawaban").click()
        rubric = load_rubric(course / "source" / assignment / "rubrik.yml")
        assert download.value.suggested_filename == rubric.notebook
        downloaded = tmp_path / assignment / rubric.notebook
        downloaded.parent.mkdir(parents=True)
        download.value.save_as(downloaded)
        # the instructor takes the file in as it came (python -m autograders intake files it under submitted/)
        intake = subprocess.run([sys.executable, "-m", "autograders", "intake", "--course", str(course),
                                 "--assignment", assignment, str(downloaded)], capture_output=True, text=True,
                                env=C.env(), cwd=REPO)
        assert intake.returncode == 0, intake.stdout + intake.stderr
        target = course / "submitted" / student["student_id"] / assignment / rubric.notebook
        assert target.read_bytes() == downloaded.read_bytes()
        nb = json.loads(target.read_text(encoding="utf-8"))
        meta = nb["metadata"]["kelas_humas"]
        assert {k: meta[k] for k in ("assignment", "student_id", "student_name", "email", "source", "version")} == {
            "assignment": assignment, **student, "source": "buku-web", "version": 1}
        shown[assignment] = result
        assert page.errors == []
        page.close()

    for assignment in ASSIGNMENTS:
        rubric = load_rubric(course / "source" / assignment / "rubrik.yml")
        ours = subprocess.run([sys.executable, "-m", "autograders", "grade", "--course", str(course), "--assignment",
                               assignment, "--format", "json", "--jobs", "1"], capture_output=True, text=True,
                              env=C.env(), cwd=REPO)
        assert ours.returncode == 0, ours.stderr
        row = json.loads(ours.stdout.splitlines()[0])
        assert row["flags"] == [], (assignment, row["flags"])  # the tamper checks accept the page's notebook
        assert row["score"] == shown[assignment]["points"], assignment
        state = json.loads((course / ".khd_grades" / assignment / f"{student['student_id']}.json").read_text(encoding="utf-8"))
        assert {t["answer"]: (t["points"], t["feedback"]) for t in state["result"]["tasks"]} == shown[assignment]["tasks"]

        auto = C.nbgrader(course, "autograde", assignment, "--force", check=False)
        assert auto.returncode == 0, auto.stdout[-2000:] + auto.stderr[-2000:]
        from nbgrader.api import Gradebook

        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
            scores = read_scores(gb, rubric, student["student_id"])
        by_test = {t.test_cell: t.answer for t in rubric.tasks}
        assert {by_test[c]: s for c, s in scores.items()} == {a: p for a, (p, _) in shown[assignment]["tasks"].items()}, assignment


def test_answers_survive_reload_and_a_closed_tab_until_cleared(context, site_url):
    assignment, name = "m2_menulis_daring", "book/02-menulis-daring.html"
    page = open_page(context, site_url, name)
    fill_form(page, assignment, {"jawaban_judul": "Judul saya"}, {"student_name": "Budi", "student_id": "77"})
    count = page.locator(f".kelas-exercise[data-assignment={assignment}] [data-count=jawaban_judul]")
    page.wait_for_function("document.querySelector('[data-count=jawaban_judul]').textContent === '2 kata'")
    page.locator(".kelas-saved", has_text="tersimpan").wait_for()
    page.reload()
    area = page.locator("textarea[data-answer=jawaban_judul]")
    area.wait_for()
    assert area.input_value() == "Judul saya"
    assert page.locator(".kelas-person input").nth(0).input_value() == "Budi"
    page.close()
    page = context.new_page()  # the tab was closed; a new one opens the page again
    page.goto(site_url + name)
    area = page.locator("textarea[data-answer=jawaban_judul]")
    area.wait_for()
    assert area.input_value() == "Judul saya"
    clear = page.locator(f".kelas-exercise[data-assignment={assignment}] button", has_text="Hapus jawaban")
    page.once("dialog", lambda d: d.dismiss())
    clear.click()
    assert area.input_value() == "Judul saya"  # cancelled: nothing lost
    page.once("dialog", lambda d: d.accept())
    clear.click()
    assert area.input_value() == ""
    page.reload()
    page.locator("textarea[data-answer=jawaban_judul]").wait_for()
    assert page.locator("textarea[data-answer=jawaban_judul]").input_value() == ""
    del count


def test_download_needs_name_and_id(context, site_url):
    assignment = "m4_seo"
    page = open_page(context, site_url, "book/04-seo.html")
    fill_form(page, assignment, {"jawaban_metadata": "Judul SEO: Pajak"}, {"student_name": "Sari", "student_id": ""})
    page.locator(f".kelas-exercise[data-assignment={assignment}] button", has_text="Unduh jawaban").click()
    message = page.locator(f".kelas-exercise[data-assignment={assignment}] .kelas-message")
    message.filter(has_text="ID peserta").wait_for()
    from autograders.engine.present.feedback import message as catalogue

    assert message.inner_text() == catalogue("student_id.empty")  # the intake's rule and sentence


# ----------------------------------------------------------------------------------------------- privacy
def test_no_request_leaves_the_site_and_none_carries_a_draft(context, site_url):
    for name in MODULE_PAGES:
        page = open_page(context, site_url, name)
        for box in page.locator(".kelas-tool textarea, .kelas-tool input[type=text]").all():
            box.fill(f"Draf {MARKER} tentang layanan KTP. Warga datang ke kantor.")
        if name in CHAPTER.values():  # a chapter whose graded exercise exists has its form
            for area in page.locator(".kelas-exercise textarea").all():
                area.fill(f"Jawaban {MARKER}.")
            exercise = page.locator(".kelas-exercise").first
            exercise.locator(".kelas-person input").nth(0).fill(f"Nama {MARKER}")
            exercise.locator(".kelas-person input").nth(1).fill("123")
            exercise.locator("button", has_text="Periksa").click()
            page.locator(".kelas-total[data-points]").wait_for()
            with page.expect_download():
                exercise.locator("button", has_text="Unduh jawaban").click()
            page.wait_for_timeout(500)
        assert "embargo" in page.locator(".kelas-privacy").first.inner_text()
        page.close()
    recorded = context.recorder.requests
    assert recorded and context.recorder.blocked == []
    assert all(urlsplit(url).hostname in LOCAL_HOSTS for url, _, _ in recorded if not url.startswith(("data:", "blob:")))
    assert not [r for r in recorded if MARKER in r[0] or MARKER in r[2]], "a request carried the draft"
    assert {method for _, method, _ in recorded} == {"GET"}
