"""``python -m autograders report`` as an instructor reads it: names, flags in words, links, files, numbers."""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from autograders.grading.csv_cells import formula_like
from autograders.grading.report_cli import csv_rows, histogram
from autograders.grading.tamper import __doc__ as TAMPER_DOC

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reportkit as K  # noqa: E402

FLAG_CODES = re.findall(r"^``([a-z_]+)``", TAMPER_DOC, flags=re.MULTILINE)
NUMBER = re.compile(r"^\d+(\.\d{1,2})?$")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(v for k, v in attrs if k == "href")


def links(text: str) -> list[str]:
    parser = Links()
    parser.feed(text)
    return parser.hrefs


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """One cohort of m2: honest trainees (two with names in the gradebook, one with a name typed on the exercise
    page), tampered ones, and one more submission waiting in submitted/ for m1; then the report."""
    course = K.make_course(tmp_path_factory.mktemp("kursus"))
    K.record(course, "budi", "strong")
    K.record(course, "siti", "weak")
    K.record(course, "dewi", "weak")
    K.record(course, "ubah_sel", "strong",
             lambda nb: nb["cells"][K.cell_index(nb, "petunjuk_tulis_ulang")].update(source="Saya ubah."))
    K.record(course, "hapus_sel", "strong", lambda nb: nb["cells"].pop(K.cell_index(nb, "uji_judul")))
    K.record(course, "kode", "weak", lambda nb: nb["cells"].insert(1, {
        "cell_type": "code", "id": "sel-curang-77", "metadata": {}, "outputs": [], "execution_count": None,
        "source": "import os"}))
    K.record(course, "di_luar", "weak", lambda nb: nb["cells"].append(
        {"cell_type": "markdown", "id": "sel-baru-77", "metadata": {}, "source": "Jawaban saya di sini."}))
    K.add_names(course, {"budi": ("Budi", "Santoso"), "ubah_sel": ("Siti", "Rahma")})
    intake = course / ".khd_intake" / K.ASSIGNMENT
    intake.mkdir(parents=True)
    (intake / "dewi.json").write_text(json.dumps({"student": "dewi", "student_name": "Dewi Lestari"}),
                                      encoding="utf-8")
    (course / "submitted" / "tono" / "m1_situs_web").mkdir(parents=True)
    out = course / "laporan"
    code, stdout, stderr = K.run_report(course, out)
    assert code == 0, stderr
    return {"course": course, "out": out, "stdout": stdout,
            "cohort": (out / "laporan_kohort.html").read_text(encoding="utf-8"),
            "pages": {p.stem: p.read_text(encoding="utf-8") for p in (out / "umpan_balik" / K.ASSIGNMENT).glob("*.html")}}


def test_trainees_are_named_as_the_gradebook_names_them(report):
    cohort = report["cohort"]
    assert "Budi Santoso" in cohort and "Siti Rahma" in cohort
    assert "Dewi Lestari" in cohort  # typed on the exercise page, no roster name
    assert "Budi Santoso (budi)" in report["pages"]["budi"]
    rows = read_csv(report["out"] / f"nilai_{K.ASSIGNMENT}.csv")
    names = {row[0]: row[1] for row in rows[1:]}
    assert names["budi"] == "Budi Santoso" and names["siti"] == "" and names["dewi"] == "Dewi Lestari"


def test_an_assignment_nobody_submitted_gets_words_not_files(report):
    out, cohort = report["out"], report["cohort"]
    assert sorted(p.name for p in out.glob("*.csv")) == [f"nilai_{K.ASSIGNMENT}.csv"]
    assert sorted(p.name for p in (out / "umpan_balik").iterdir()) == [K.ASSIGNMENT]
    assert not re.search(r"\b0 peserta", cohort)
    assert "Latihan Modul 0" in cohort and "belum ada kiriman" in cohort
    # m1 has a submission that was never graded: the report says what to run.
    m1 = next(line for line in cohort.split("<li>") if "m1_situs_web" in line)
    assert "1 kiriman belum dinilai" in m1 and "python -m autograders grade --assignment m1_situs_web" in m1
    assert "m0_pengantar: belum ada kiriman" in report["stdout"]


def test_flagged_submissions_are_listed_with_their_reasons_in_words(report):
    cohort = report["cohort"]
    flagged = cohort.split("Kiriman bertanda", 1)[1].split("</table>", 1)[0]
    for student, name, words in (("ubah_sel", "Sel terkunci diubah", "sel petunjuk “Tugas 1"),
                                 ("hapus_sel", "Sel dihapus", "sel penilaian otomatis “Tugas 2"),
                                 ("kode", "Sel kode tambahan", "sel tambahan sesudah"),
                                 ("di_luar", "Tulisan di luar sel jawaban", "sel tambahan sesudah")):
        assert student in flagged and name in flagged and words in flagged, student
    assert "budi" not in flagged and "dewi" not in flagged
    assert "Kiriman bertanda: 4 dari 7" in cohort


@pytest.mark.parametrize("page", ["cohort", "ubah_sel", "hapus_sel", "kode", "di_luar"])
def test_no_flag_codes_or_cell_ids_on_any_page(report, page):
    text = report["cohort"] if page == "cohort" else report["pages"][page]
    for code in FLAG_CODES:
        assert code not in text, (page, code)
    for cell_id in ("petunjuk_tulis_ulang", "uji_judul", "jawaban_judul", "sel-curang-77", "sel-baru-77"):
        assert cell_id not in text, (page, cell_id)


def test_every_trainee_links_to_a_feedback_page_that_exists(report):
    out, cohort = report["out"], report["cohort"]
    hrefs = links(cohort)
    pages = [h for h in hrefs if h.startswith("umpan_balik/")]
    assert all((out / h).is_file() for h in hrefs), [h for h in hrefs if not (out / h).is_file()]
    assert {Path(h).stem for h in pages} == set(report["pages"]) and len(report["pages"]) == 7
    assert f"nilai_{K.ASSIGNMENT}.csv" in hrefs


def test_csv_numbers_follow_the_one_convention_its_header_states(report):
    rows = read_csv(report["out"] / f"nilai_{K.ASSIGNMENT}.csv")
    header = rows[0]
    assert "titik desimal" in header[-1]
    numeric = [i for i, h in enumerate(header) if "(maks " in h]
    assert len(numeric) >= 10
    for h in (header[i] for i in numeric):
        assert NUMBER.match(h.split("(maks ")[1].rstrip(")")), h  # "maks 0.5", never "maks 0,5"
    # An instructor's points not given yet are an empty cell (nothing graded in this gradebook); every other
    # number is written in the one convention.
    manual = {i for i in numeric if " instruktur (maks " in header[i] and not header[i].startswith("total")}
    assert manual and all(row[i] == "" for row in rows[1:] for i in manual)
    values = [row[i] for row in rows[1:] for i in numeric if i not in manual]
    assert all(NUMBER.match(v) for v in values), [v for v in values if not NUMBER.match(v)]
    assert any("." in v for v in values)  # half points are written, with a point
    assert not any(h.startswith("'") for h in header)


def test_histogram_counts_whole_trainees():
    import matplotlib

    matplotlib.use("Agg")
    course_rubric = type("R", (), {"max_points": 13.0})()
    for scores in ([13.0, 13.0, 4.0], [0.0], [2.5, 7.0, 7.0, 13.0, 13.0, 13.0, 11.0]):
        fig = histogram(course_rubric, [{"score": s} for s in scores])
        ax = fig.axes[0]
        fig.canvas.draw()
        ticks = [t for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
        assert ticks and all(float(t).is_integer() for t in ticks), (scores, ticks)
        assert max(p.get_height() for p in ax.patches) == max(scores.count(s) for s in scores)


# ------------------------------------------------------------------------------------------------ hostile text
HOSTILE_IDS = ["=HYPERLINK(\"http://x\",\"klik\")", "+6281234", "-2+3", "@SUM(A1:A9)", "\tx", "a b", "a_b",
               "../../etc", "Budi", "budi", "<script>alert(1)</script>"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    course = K.make_course(tmp_path_factory.mktemp("kursus"))
    for i, student in enumerate(HOSTILE_IDS):
        K.record(course, student, "weak", error=["=1+1", "@cmd", "-1", "", "ok"][i % 5] or None)
    K.add_names(course, {"budi": ("=cmd|' /C calc'!A0", "<b>x</b>"), "a b": ("@Budi", "")})
    out = course / "laporan"
    code, _, stderr = K.run_report(course, out)
    assert code == 0, stderr
    return {"course": course, "out": out}


def test_no_csv_cell_can_run_as_a_formula(hostile):
    rows = read_csv(hostile["out"] / f"nilai_{K.ASSIGNMENT}.csv")
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if formula_like(c)]
    ids = {row[0] for row in rows[1:]}
    assert "'=HYPERLINK(\"http://x\",\"klik\")" in ids and "'-2+3" in ids and "'@SUM(A1:A9)" in ids
    assert "' x" in ids  # the tab made inert, then shown as a space
    names = {row[1] for row in rows[1:]}
    assert "'=cmd|' /C calc'!A0 <b>x</b>" in names and "'@Budi" in names
    errors = {row[header_index(rows, "kesalahan")] for row in rows[1:]}
    assert {"'=1+1", "'@cmd", "'-1"} <= errors


def header_index(rows, name):
    return rows[0].index(name)


def test_every_page_is_its_own_safe_file(hostile):
    folder = hostile["out"] / "umpan_balik" / K.ASSIGNMENT
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == len(HOSTILE_IDS)  # "a b"/"a_b" and "Budi"/"budi" do not share a file
    assert len({f.lower() for f in files}) == len(files)  # not on a case-insensitive disk either
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9._~-]*\.html", f) for f in files), files
    assert not (hostile["out"] / "etc").exists() and not list(hostile["course"].glob("etc*"))
    for student in HOSTILE_IDS:  # each page is about its own trainee, and the report links to it
        cohort = (hostile["out"] / "laporan_kohort.html").read_text(encoding="utf-8")
        href = next(h for h in links(cohort) if h.startswith("umpan_balik/") and
                    _page_of(hostile["out"] / h) == student)
        assert (hostile["out"] / href).is_file()
    assert "<script>alert" not in (hostile["out"] / "laporan_kohort.html").read_text(encoding="utf-8")


def _page_of(path: Path) -> str:
    import html as htmlmod

    text = path.read_text(encoding="utf-8")
    shown = htmlmod.unescape(text.split("Peserta: <strong>", 1)[1].split("</strong>", 1)[0])
    return shown.rsplit(" (", 1)[1][:-1] if shown.endswith(")") and " (" in shown else shown


def test_csv_rows_keep_numbers_as_numbers():
    rubric = K.rubric(Path(K.COURSE_SRC))
    _, rows = csv_rows(rubric, [{"student": "-1", "score": -0.0, "tasks": [], "flags": []}])
    assert rows[0][0] == "-1" and isinstance(rows[0][3], float)  # text stays text until csv_text makes it inert


def test_one_csv_helper_for_every_csv_we_write():
    """The report and grades-export write through csv_cells; no module keeps its own formula guard or writer."""
    folder = Path(__file__).resolve().parents[2] / "autograders"
    for path in folder.rglob("*.py"):
        if path.name == "csv_cells.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert "FORMULA_START =" not in text and "def inert(" not in text, path
        if "csv.writer(" in text:  # other CSV files (monitoring exports, intake) are not reports of grades
            assert path.parent.name != "grading", path


def test_an_unwritable_output_folder_is_a_clear_error(tmp_path):
    course = K.make_course(tmp_path / "kursus")
    K.record(course, "budi", "weak")
    (tmp_path / "berkas").write_text("bukan folder", encoding="utf-8")
    code, _, stderr = K.run_report(course, tmp_path / "berkas" / "laporan")
    assert code == 2 and stderr.startswith("Kesalahan: laporan tidak dapat ditulis") and "Traceback" not in stderr


# ------------------------------------------------------------------------------------------------ final grades
def test_the_report_shows_final_grades_by_the_one_rule(report):
    """No instructor points in the gradebook yet: every final grade is provisional and equals the automatic points;
    the cohort page states the rule, the mean final grade and marks each provisional grade."""
    rows = read_csv(report["out"] / f"nilai_{K.ASSIGNMENT}.csv")
    column = {name.split(" (")[0]: index for index, name in enumerate(rows[0])}
    for row in rows[1:]:
        assert row[column["nilai akhir"]] == row[column["total otomatis"]], row[0]
        assert row[column["status nilai"]].startswith("sementara: menunggu nilai instruktur")
        assert row[column["tugas tanpa poin otomatis"]] == ""
    cohort = report["cohort"]
    assert "jika instruktur memberi 0 pada sebuah tugas" in cohort
    assert "Rata-rata nilai akhir" in cohort and "0 dari 7 nilai sudah final" in cohort
    table = cohort.split("Nilai akhir per peserta", 1)[1].split("<table>", 1)[1]
    assert table.count("<small>sementara</small>") == 7
    page = report["pages"]["budi"]
    assert "Nilai akhir (otomatis + instruktur)" in page and "sementara: menunggu nilai instruktur untuk Tugas 1" in page


def test_a_task_marked_0_by_the_instructor_loses_its_automatic_points_everywhere(tmp_path):
    """The final-grade rule with given manual points, in the CSV row, the cohort table and the trainee page (task
    titles, never ids, on the pages)."""
    from autograders.grading.feedback_html import trainee_page
    from autograders.engine.scoring.rubric import fmt_points
    from autograders.grading.report_cli import cohort_page, final_of

    course = K.make_course(tmp_path / "kursus")
    result = K.record(course, "budi", "strong")
    rubric = K.rubric(course)
    first, second = rubric.tasks
    auto_first = next(t["points"] for t in result["tasks"] if t["task"] == first.id)
    auto_second = next(t["points"] for t in result["tasks"] if t["task"] == second.id)
    assert auto_first > 0 and auto_second > 0
    manual = {"budi": {first.id: 0.0, second.id: second.manual_points}}
    header, rows = csv_rows(rubric, [result], manual, {"budi": "Budi Santoso"})
    column = {name.split(" (")[0]: index for index, name in enumerate(header)}
    row = rows[0]
    final = round(auto_second + second.manual_points, 2)
    assert row[column["nama"]] == "Budi Santoso" and row[column["total otomatis"]] == result["score"]
    assert row[column["nilai akhir"]] == final and row[column["status nilai"]] == "final"
    assert row[column["tugas tanpa poin otomatis"]] == first.id and row[column[f"{first.id} instruktur"]] == 0.0
    result["final"] = final_of(rubric, result, manual["budi"])
    cohort = cohort_page([(K.ASSIGNMENT, rubric, [result])], {"budi": "Budi Santoso"}, {})
    table = cohort.split("Nilai akhir per peserta", 1)[1].split("<table>", 1)[1]
    assert f">{fmt_points(final)}</a>" in table and "sementara" not in table and "1 dari 1 nilai sudah final" in cohort
    page = trainee_page("budi", K.ASSIGNMENT, result, name="Budi Santoso")
    assert "poin otomatisnya tidak dihitung: " + first.title in page and first.id not in page
