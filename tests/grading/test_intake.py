"""``python -m autograders intake``: filing the book's exercise notebooks (folders, files, Moodle zips) into
``submitted/``, and every refusal. Real files on disk and real zip archives; the release notebook is made as
nbgrader makes it (the slow test in test_intake_end_to_end.py uses nbgrader itself)."""
from __future__ import annotations

import copy
import json
import os
import struct
import subprocess
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from autograders.grading import intake as I
from autograders.grading import submission_sources as S
from autograders.grading.course import Course
from autograders.grading.moodle import flat_participant, folder_participant, participant_of

sys.path.insert(0, str(Path(__file__).resolve().parent))
import intakekit as K  # noqa: E402

NOW = datetime(2026, 12, 8, 2, 30, tzinfo=timezone.utc)
NOW_STAMP = "2026-12-08 02:30:00.000000 UTC"


@pytest.fixture()
def course(tmp_path) -> Path:
    return K.make_course(tmp_path / "kursus")


@pytest.fixture()
def rel(course) -> dict:
    return K.release(course)


def intake(course: Path, *sources, replace=False, dry_run=False, timestamp=None, student=None, name_check=True):
    c = Course.at(course)
    ctx = I.context_for(c, K.ASSIGNMENT, student, name_check)
    options = I.Options(replace=replace, dry_run=dry_run, timestamp=timestamp)
    outcomes, skipped = I.take_in(c, ctx, [str(s) for s in sources], options, now=NOW)
    return outcomes


def by_code(outcomes):
    return [(o.status, o.code) for o in outcomes]


def only(outcomes):
    assert len(outcomes) == 1, [o.to_dict() for o in outcomes]
    return outcomes[0]


def filed(course: Path, student: str) -> Path:
    return course / "submitted" / student / K.ASSIGNMENT / K.NOTEBOOK


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


# ------------------------------------------------------------------------------------------------ filing
def test_a_folder_of_web_notebooks_is_filed_with_timestamp_and_record(course, rel, tmp_path):
    inbox = tmp_path / "masuk"
    answers = K.model_answers()
    write(inbox / "m1_situs_web.ipynb", K.dumps(K.web_notebook(rel, "Budi.Santoso", "Budi Santoso",
                                                               "Budi@Sukamaju.go.id", answers)))
    write(inbox / "siti" / "m1_situs_web (1).ipynb", K.dumps(K.web_notebook(rel, "siti-01", "Siti Aminah")))
    outcomes = intake(course, inbox)
    assert by_code(outcomes) == [("filed", None), ("filed", None)]
    assert sorted(o.student for o in outcomes) == ["budi.santoso", "siti-01"]
    # The file is filed byte for byte, under the release notebook's name, in the lower-case student folder.
    assert filed(course, "budi.santoso").read_bytes() == (inbox / "m1_situs_web.ipynb").read_bytes()
    assert filed(course, "siti-01").read_bytes() == (inbox / "siti" / "m1_situs_web (1).ipynb").read_bytes()
    # The timestamp is the intake time in nbgrader's format, never the trainee's saved_at.
    stamp = (course / "submitted" / "budi.santoso" / K.ASSIGNMENT / "timestamp.txt").read_text(encoding="utf-8")
    assert stamp.strip() == NOW_STAMP and "2026-12-07" not in stamp
    from nbgrader.utils import parse_utc

    assert parse_utc(stamp.strip()) == NOW.replace(tzinfo=None)
    record = json.loads((course / ".khd_intake" / K.ASSIGNMENT / "budi.santoso.json").read_text(encoding="utf-8"))
    assert record["student_id"] == "Budi.Santoso" and record["student"] == "budi.santoso"
    assert record["email"] == "Budi@Sukamaju.go.id"  # kept as written: Moodle matches e-mails case-sensitively
    assert record["timestamp"] == NOW_STAMP and record["timestamp_source"] == "intake"
    assert record["declared_by_trainee"]["saved_at"] == K.SAVED_AT
    assert record["lms"] is None and record["identity_source"] == "notebook"


def test_the_instructor_timestamp_is_used_and_converted_to_utc(course, rel, tmp_path):
    path = write(tmp_path / "a.ipynb", K.dumps(K.web_notebook(rel, "budi", "Budi")))
    when = I.parse_timestamp("2026-12-07T23:59:00+07:00")
    assert only(intake(course, path, timestamp=when)).status == "filed"
    stamp = (course / "submitted" / "budi" / K.ASSIGNMENT / "timestamp.txt").read_text(encoding="utf-8").strip()
    assert stamp == "2026-12-07 16:59:00.000000 UTC"
    assert I.parse_timestamp("2026-12-07 16:59 UTC") == I.parse_timestamp("2026-12-07T16:59:00Z")
    for bad in ("kemarin", "2026-13-01", "1999-01-01T00:00:00Z", ""):
        with pytest.raises(ValueError):
            I.parse_timestamp(bad)


def test_dry_run_writes_nothing(course, rel, tmp_path):
    path = write(tmp_path / "a.ipynb", K.dumps(K.web_notebook(rel, "budi", "Budi")))
    before = tree(course)
    assert only(intake(course, path, dry_run=True)).status == "would_file"
    assert tree(course) == before


# ------------------------------------------------------------------------------------------------ Moodle
@pytest.mark.parametrize("layout", ["folders41", "folders31", "flat"])
def test_moodle_zip_in_each_layout_with_unicode_and_spaces(course, rel, tmp_path, layout):
    people = [("Budi Santoso", "4821", "budi01", "Budi Santoso"),
              ("Ni Made Ayu Sri Wahyuni", "4822", "ayu", "Ni Made Ayu"),
              ("Siti Nur'aini Çelik", "4823", "siti", "SITI NUR AINI"),
              ("Ahmad_Fauzi", "4824", "fauzi", "Dr. Ahmad Fauzi, S.Kom")]  # Moodle turns the "_" into a space
    members = [(K.moodle_member(label, pid, layout=layout), K.dumps(K.web_notebook(rel, sid, name)))
               for label, pid, sid, name in people]
    archive = K.write_zip(tmp_path / "KHD-Latihan Modul 1-77.zip", members)
    outcomes = intake(course, archive)
    assert [(o.status, o.student) for o in outcomes] == [("filed", p[2]) for p in people], [o.to_dict() for o in outcomes]
    record = json.loads((course / ".khd_intake" / K.ASSIGNMENT / "ayu.json").read_text(encoding="utf-8"))
    assert record["lms"]["participant_id"] == "4822" and record["lms"]["label"] == "Ni Made Ayu Sri Wahyuni"
    assert record["lms"]["layout"] == ("flat" if layout == "flat" else "folders")
    assert record["origin"].startswith(str(archive) + ":")


def test_moodle_folder_extracted_to_disk_is_read_the_same_way(course, rel, tmp_path):
    root = tmp_path / "unduhan"
    write(root / K.moodle_member("Budi Santoso", "4821"), K.dumps(K.web_notebook(rel, "budi01", "Budi Santoso")))
    outcome = only(intake(course, root))
    assert outcome.status == "filed"
    record = json.loads((course / ".khd_intake" / K.ASSIGNMENT / "budi01.json").read_text(encoding="utf-8"))
    assert record["lms"]["participant_id"] == "4821"


def test_utf8_member_names_without_the_zip_flag_are_read_as_utf8(course, rel, tmp_path):
    name = K.moodle_member("Ketut Ñoman Ägung", "9001")
    archive = K.zip_without_utf8_flag(tmp_path / "moodle.zip", name, K.dumps(K.web_notebook(rel, "ketut", "Ketut")))
    with zipfile.ZipFile(archive) as z:
        assert not z.infolist()[0].flag_bits & 0x800
    outcome = only(intake(course, archive))
    assert outcome.status == "filed" and "Ketut Ñoman Ägung" in outcome.origin


def test_moodle_layout_parsing():
    p = folder_participant("Budi Santoso_4821_assignsubmission_file")
    assert (p.label, p.participant_id, p.plugin, p.layout) == ("Budi Santoso", "4821", "file", "folders")
    assert folder_participant("Budi Santoso_4821_assignsubmission_file_").participant_id == "4821"
    assert folder_participant("Kelompok A-Budi Santoso_12_assignsubmission_onlinetext").plugin == "onlinetext"
    p, filename = flat_participant("Siti Aminah_77_assignsubmission_file_m1_situs_web (2).ipynb")
    assert (p.label, p.participant_id, filename) == ("Siti Aminah", "77", "m1_situs_web (2).ipynb")
    assert folder_participant("Peserta_31_assignsubmission_file").blind
    for name in ("Budi_assignsubmission_file", "_4821_assignsubmission_file", "Budi_48a1_assignsubmission_file",
                 "Budi_4821_assignsubmission_", "Budi_4821_assignsubmission_File", "m1_situs_web.ipynb",
                 "Budi_" + "9" * 19 + "_assignsubmission_file"):
        assert folder_participant(name) is None, name
    assert flat_participant("Budi_4821_assignsubmission_file_") is None
    # The outermost Moodle folder decides: a trainee's own sub-folder cannot pose as another participant.
    p, filename = participant_of(("Budi_1_assignsubmission_file", "Siti_2_assignsubmission_file", "x.ipynb"))
    assert (p.participant_id, filename) == ("1", "x.ipynb")
    assert participant_of(("kiriman", "m1_situs_web.ipynb")) == (None, "m1_situs_web.ipynb")


def test_a_file_copied_from_another_trainee_is_refused_by_name(course, rel, tmp_path):
    # Siti uploads Budi's notebook (his id and name inside) into her own Moodle slot.
    members = [(K.moodle_member("Siti Aminah", "4822"), K.dumps(K.web_notebook(rel, "budi01", "Budi Santoso")))]
    outcome = only(intake(course, K.write_zip(tmp_path / "m.zip", members)))
    assert (outcome.status, outcome.code) == ("refused", "name_mismatch")
    assert "Budi Santoso" in outcome.message and "Siti Aminah" in outcome.message
    assert not (course / "submitted").exists()
    # The instructor who knows better can switch the check off; blind marking skips it by itself.
    assert only(intake(course, tmp_path / "m.zip", name_check=False)).status == "filed"
    blind = [(K.moodle_member("Participant", "4830"), K.dumps(K.web_notebook(rel, "rudi", "Rudi")))]
    assert only(intake(course, K.write_zip(tmp_path / "b.zip", blind))).status == "filed"


def test_an_empty_name_is_filed_with_a_note(course, rel, tmp_path):
    members = [(K.moodle_member("Budi Santoso", "4821"), K.dumps(K.web_notebook(rel, "budi01", "")))]
    outcome = only(intake(course, K.write_zip(tmp_path / "m.zip", members)))
    assert outcome.status == "filed" and any("tidak dapat dicocokkan" in n for n in outcome.notes)


def test_names_agree_on_a_shared_name_word_not_on_titles():
    assert I.names_agree("Budi Santoso", "budi") is True
    assert I.names_agree("Ni Made Ayu Sri Wahyuni", "Ayu Wahyuni, S.Sos.") is True
    assert I.names_agree("Çelik Nur", "celik") is True  # diacritics do not matter
    assert I.names_agree("Budi Santoso, S.Kom", "Siti Aminah, S.Kom") is False  # a shared title is no shared name
    assert I.names_agree("Budi", "") is None and I.names_agree("Dr.", "Budi") is None


def test_one_participant_with_two_ids_is_refused(course, rel, tmp_path):
    members = [(K.moodle_member("Budi Santoso", "4821", "m1_situs_web.ipynb"), K.dumps(K.web_notebook(rel, "budi01", "Budi"))),
               (K.moodle_member("Budi Santoso", "4821", "cadangan/m1_situs_web.ipynb"),
                K.dumps(K.web_notebook(rel, "budi02", "Budi")))]
    outcomes = intake(course, K.write_zip(tmp_path / "m.zip", members))
    assert by_code(outcomes) == [("refused", "participant_two_ids")] * 2
    # Across intakes too: participant 4821 was filed as budi01; a later file of 4821 claiming budi02 is refused.
    first = [(K.moodle_member("Budi Santoso", "4821"), K.dumps(K.web_notebook(rel, "budi01", "Budi")))]
    assert only(intake(course, K.write_zip(tmp_path / "1.zip", first))).status == "filed"
    later = [(K.moodle_member("Budi Santoso", "4821"), K.dumps(K.web_notebook(rel, "budi02", "Budi")))]
    assert only(intake(course, K.write_zip(tmp_path / "2.zip", later))).code == "participant_two_ids"


def test_an_id_filed_from_one_participant_is_refused_from_another(course, rel, tmp_path):
    first = [(K.moodle_member("Budi Santoso", "4821"), K.dumps(K.web_notebook(rel, "budi01", "Budi")))]
    assert only(intake(course, K.write_zip(tmp_path / "1.zip", first))).status == "filed"
    other = [(K.moodle_member("Budi Hartono", "5000"), K.dumps(K.web_notebook(rel, "budi01", "Budi", answers={
        K.answer_ids()[0]: "Tulisan lain."})))]
    outcome = only(intake(course, K.write_zip(tmp_path / "2.zip", other), replace=True))
    assert outcome.code == "participant_mismatch" and "4821" in outcome.message and "5000" in outcome.message


# ------------------------------------------------------------------------------------------------ duplicates
def test_two_different_files_for_one_student_in_one_intake_are_both_refused(course, rel, tmp_path):
    a = write(tmp_path / "a" / "m1_situs_web.ipynb", K.dumps(K.web_notebook(rel, "budi", "Budi")))
    b = write(tmp_path / "b" / "m1_situs_web.ipynb", K.dumps(K.web_notebook(rel, "BUDI", "Budi", answers={
        K.answer_ids()[-1]: "Versi kedua."})))
    outcomes = intake(course, a, b)
    assert by_code(outcomes) == [("refused", "duplicate_in_intake")] * 2
    assert str(b) in outcomes[0].message and str(a) in outcomes[1].message
    assert not (course / "submitted").exists()


def test_the_same_file_given_twice_is_filed_once(course, rel, tmp_path):
    data = K.dumps(K.web_notebook(rel, "budi", "Budi"))
    a, b = write(tmp_path / "a.ipynb", data), write(tmp_path / "b" / "m1_situs_web.ipynb", data)
    assert by_code(intake(course, a, b)) == [("filed", None), ("copy", None)]


def test_filed_again_unchanged_refused_when_different_and_replaced_on_request(course, rel, tmp_path):
    first = write(tmp_path / "1" / "m1_situs_web.ipynb", K.dumps(K.web_notebook(rel, "budi", "Budi")))
    assert only(intake(course, first)).status == "filed"
    stamp = course / "submitted" / "budi" / K.ASSIGNMENT / "timestamp.txt"
    stamp.write_text("2026-12-08 01:00:00.000000 UTC\n", encoding="utf-8")
    # The identical file again: nothing changes, not even the timestamp; exit code stays 0.
    outcome = only(intake(course, first))
    assert outcome.status == "unchanged" and stamp.read_text(encoding="utf-8").startswith("2026-12-08 01:00")
    second = write(tmp_path / "2" / "m1_situs_web.ipynb", K.dumps(K.web_notebook(rel, "budi", "Budi", answers={
        K.answer_ids()[-1]: "Versi kedua."})))
    outcome = only(intake(course, second))
    assert (outcome.status, outcome.code) == ("refused", "already_filed") and "--replace" in outcome.message
    assert filed(course, "budi").read_bytes() == first.read_bytes()
    assert only(intake(course, second, replace=True)).status == "replaced"
    assert filed(course, "budi").read_bytes() == second.read_bytes()
    assert stamp.read_text(encoding="utf-8").strip() == NOW_STAMP


def test_a_folder_differing_only_in_case_is_a_collision(course, rel, tmp_path):
    (course / "submitted" / "Budi" / K.ASSIGNMENT).mkdir(parents=True)
    outcome = only(intake(course, write(tmp_path / "a.ipynb", K.dumps(K.web_notebook(rel, "budi", "Budi")))))
    assert outcome.code == "case_collision"


# ------------------------------------------------------------------------------------------------ wrong work
def test_a_notebook_of_another_assignment_is_refused(course, rel, tmp_path):
    m2 = K.release(course, "m2_menulis_daring")
    cases = {
        "meta.ipynb": K.web_notebook(rel, "a1", "A", assignment="m2_menulis_daring"),  # metadata says m2
        "m2_menulis_daring.ipynb": K.web_notebook(rel, "a2", "A"),  # file name of m2
        "cells.ipynb": K.web_notebook(m2, "a3", "A"),  # m2's cells under m1's metadata
        "nometa.ipynb": dict(K.web_notebook(rel, "a4", "A"), metadata={}),
        "noassignment.ipynb": K.web_notebook(rel, "a5", "A", assignment=""),
        "version.ipynb": K.web_notebook(rel, "a6", "A", version=2),
    }
    for name, nb in cases.items():
        write(tmp_path / "in" / name, K.dumps(nb))
    codes = {Path(o.origin).name: o.code for o in intake(course, tmp_path / "in")}
    assert codes == {"meta.ipynb": "wrong_assignment", "m2_menulis_daring.ipynb": "wrong_notebook_name",
                     "cells.ipynb": "cells_mismatch", "nometa.ipynb": "identity_missing",
                     "noassignment.ipynb": "assignment_missing", "version.ipynb": "format_version"}
    assert not (course / "submitted").exists()


def test_named_assignment_reads_the_file_name():
    names = ("m1_situs_web", "m2_menulis_daring", "m1_situs_web_lanjutan")
    assert I.named_assignment("m1_situs_web (3).ipynb", names) == "m1_situs_web"
    assert I.named_assignment("M1_SITUS_WEB-budi.ipynb", names) == "m1_situs_web"
    assert I.named_assignment("m1_situs_web_lanjutan.ipynb", names) == "m1_situs_web_lanjutan"
    assert I.named_assignment("tugas budi.ipynb", names) is None
    assert I.named_assignment("m1_situs_webx.ipynb", names) is None


# ------------------------------------------------------------------------------------------------ identity
@pytest.mark.parametrize("raw, code", [
    ("../etc", "student_id_invalid"), ("a/b", "student_id_invalid"), ("a\\b", "student_id_invalid"),
    ("..", "student_id_invalid"), (".tersembunyi", "student_id_invalid"), ("-x", "student_id_invalid"),
    ("budi..santoso", "student_id_invalid"), ("budi santoso", "student_id_invalid"), ("bùdi", "student_id_invalid"),
    ("a" * 65, "student_id_invalid"), ("budi\n", None), ("  ", "student_id_missing"), ("", "student_id_missing"),
    (None, "student_id_missing"), (123, "student_id_invalid"), ("/root", "student_id_invalid"),
    ("C:budi", "student_id_invalid"), ("a" * 64, None), ("Budi.Santoso_01-x", None), ("199001012015031001", None),
])
def test_student_id_validation(course, rel, tmp_path, raw, code):
    outcome = only(intake(course, write(tmp_path / "a.ipynb", K.dumps(K.web_notebook(rel, raw, "A")))))
    assert outcome.code == code, outcome.to_dict()
    if code is None:
        assert filed(course, raw.strip().lower()).is_file()
    else:
        assert not (course / "submitted").exists()
        assert "\n" not in outcome.message


def test_student_option_files_a_notebook_without_identity(course, rel, tmp_path):
    plain = copy.deepcopy(rel)
    path = write(tmp_path / "m1_situs_web.ipynb", K.dumps(plain))
    assert only(intake(course, path)).code == "identity_missing"
    outcome = only(intake(course, path, student="Rina"))
    assert (outcome.status, outcome.student) == ("filed", "rina")
    record = json.loads((course / ".khd_intake" / K.ASSIGNMENT / "rina.json").read_text(encoding="utf-8"))
    assert record["identity_source"] == "instructor"
    other = write(tmp_path / "o.ipynb", K.dumps(K.web_notebook(rel, "budi", "Budi")))
    assert only(intake(course, other, student="rina")).code == "student_conflict"
    with pytest.raises(I.IntakeError):
        intake(course, path, other, student="rina")


def test_hostile_text_in_metadata_is_cleaned(course, rel, tmp_path):
    nb = K.web_notebook(rel, "budi", "Budi\x1b[2J\ud800 Santoso", "bukan email")
    path = write(tmp_path / "a.ipynb", json.dumps(nb).encode("ascii"))  # \ud800 as a JSON escape
    outcome = only(intake(course, path))
    assert outcome.status == "filed" and any("tidak sah" in n for n in outcome.notes)
    record = json.loads((course / ".khd_intake" / K.ASSIGNMENT / "budi.json").read_text(encoding="utf-8"))
    assert record["student_name"] == "Budi [2J Santoso" and record["email"] == ""


# ------------------------------------------------------------------------------------------------ bytes
def test_encodings_and_broken_files_are_refused_as_nbgrader_would(course, rel, tmp_path):
    nb = K.web_notebook(rel, "budi", "Budi Santoso")
    text = json.dumps(nb, ensure_ascii=False)
    cases = {
        "utf16.ipynb": text.encode("utf-16"),
        "utf16le.ipynb": text.encode("utf-16-le"),
        "utf32.ipynb": text.encode("utf-32"),
        "bom.ipynb": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "latin1.ipynb": json.dumps(K.web_notebook(rel, "budi", "Budi Rosé")).replace("\\u00e9", "é").encode("latin-1"),
        "terpotong.ipynb": text.encode("utf-8")[:4000],
        "kosong.ipynb": b"",
        "bukan_nb.ipynb": b'{"nama": "Budi"}',
        "daftar.ipynb": b"[1, 2, 3]",
        "nbformat3.ipynb": json.dumps(dict(nb, nbformat=3)).encode(),
        "sel_rusak.ipynb": json.dumps(dict(nb, cells=[{"cell_type": "gambar"}])).encode(),
        "dalam.ipynb": b"[" * 100_000 + b"]" * 100_000,
        "catatan.txt": b"jawaban saya",
        "jawaban.pdf": b"%PDF-1.4",
    }
    for name, data in cases.items():
        write(tmp_path / "in" / name, data)
    codes = {Path(o.origin).name: o.code for o in intake(course, tmp_path / "in")}
    assert codes == {"utf16.ipynb": "encoding_utf16", "utf16le.ipynb": "encoding_utf16",
                     "utf32.ipynb": "encoding_utf16", "bom.ipynb": "encoding_bom", "latin1.ipynb": "encoding",
                     "terpotong.ipynb": "broken_json", "kosong.ipynb": "broken_json", "bukan_nb.ipynb": "invalid_notebook",
                     "daftar.ipynb": "invalid_notebook", "nbformat3.ipynb": "invalid_notebook",
                     "sel_rusak.ipynb": "invalid_notebook", "dalam.ipynb": "broken_json",
                     "catatan.txt": "not_notebook", "jawaban.pdf": "not_notebook"}


def test_size_limit_edge(course, rel, tmp_path):
    text = json.dumps(K.web_notebook(rel, "budi", "Budi"))
    exact = text.encode() + b" " * (S.MAX_FILE_BYTES - len(text.encode()))
    assert len(exact) == S.MAX_FILE_BYTES
    assert only(intake(course, write(tmp_path / "a" / "m1_situs_web.ipynb", exact))).status == "filed"
    over = write(tmp_path / "b" / "m1_situs_web.ipynb", exact + b" ")
    outcome = only(intake(course, over, replace=True))
    assert outcome.code == "too_large" and "5 MB" in outcome.message
    # In a zip, the declared size is checked before anything is read.
    archive = K.write_zip(tmp_path / "z.zip", [("m1_situs_web.ipynb", exact + b" ")])
    assert only(intake(course, archive)).code == "too_large"


# ------------------------------------------------------------------------------------------------ hostile input
def test_symlinks_fifos_and_special_files_are_never_followed(course, rel, tmp_path):
    secret = write(tmp_path / "rahasia" / "m1_situs_web.ipynb", K.dumps(K.web_notebook(rel, "curang", "C")))
    inbox = tmp_path / "in"
    inbox.mkdir()
    os.symlink(secret, inbox / "tautan.ipynb")
    os.symlink(secret.parent, inbox / "folder_tautan")
    os.mkfifo(inbox / "pipa.ipynb")
    outcomes = intake(course, inbox)
    assert {Path(o.origin).name: o.code for o in outcomes} == {
        "folder_tautan": "symlink", "pipa.ipynb": "special_file", "tautan.ipynb": "symlink"}
    link = tmp_path / "sumber_tautan"
    os.symlink(inbox, link)
    assert only(intake(course, link)).code == "symlink"
    assert only(intake(course, tmp_path / "tidak_ada")).code == "source_missing"
    assert not (course / "submitted").exists()


def test_a_planted_symlink_in_submitted_is_not_written_through(course, rel, tmp_path):
    elsewhere = tmp_path / "di_luar"
    elsewhere.mkdir()
    (course / "submitted").mkdir()
    os.symlink(elsewhere, course / "submitted" / "budi")
    outcome = only(intake(course, write(tmp_path / "a.ipynb", K.dumps(K.web_notebook(rel, "budi", "Budi")))))
    assert outcome.code == "unsafe_target"
    assert list(elsewhere.iterdir()) == []


def zip_member(name: str, data: bytes, mode: int | None = None) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    if mode is not None:
        info.create_system = 3
        info.external_attr = mode << 16
    return info, data


def test_zip_slip_symlink_members_and_nested_archives_are_refused(course, rel, tmp_path):
    good = K.dumps(K.web_notebook(rel, "budi", "Budi Santoso"))
    members = [
        zip_member("../m1_situs_web.ipynb", good),
        zip_member("/tmp/m1_situs_web.ipynb", good),
        zip_member("C:\\Users\\m1_situs_web.ipynb", good),
        zip_member("a/../../m1_situs_web.ipynb", good),
        zip_member("x\\..\\..\\m1_situs_web.ipynb", good),
        zip_member("tautan.ipynb", b"/etc/passwd", mode=0o120777),
        zip_member("dalam.zip", b"PK\x05\x06" + b"\x00" * 18),
        zip_member("__MACOSX/._m1_situs_web.ipynb", b"\x00\x05\x16\x07"),
        zip_member(".DS_Store", b"\x00"),
        zip_member("folder/", b""),
        zip_member("Budi Santoso_4821_assignsubmission_file/m1_situs_web.ipynb", good),
    ]
    archive = tmp_path / "jahat.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for info, data in members:
            z.writestr(info, data)
    before = tree(tmp_path)
    outcomes = intake(course, archive)
    codes = [o.code for o in outcomes]
    assert codes == ["unsafe_path"] * 5 + ["symlink", "nested_archive", None], [o.to_dict() for o in outcomes]
    assert outcomes[-1].status == "filed" and outcomes[-1].student == "budi"
    # Nothing appeared outside the course's submitted/ and intake record.
    added = tree(tmp_path) - before
    assert all(p.startswith(("kursus/submitted", "kursus/.khd_intake")) for p in added), added


def test_encrypted_and_corrupt_members(course, rel, tmp_path):
    good = K.dumps(K.web_notebook(rel, "budi", "Budi"))
    archive = K.write_zip(tmp_path / "a.zip", [("m1_situs_web.ipynb", good)])
    raw = bytearray(archive.read_bytes())
    # The member says it is encrypted (flag bit 0, in the local header and the central directory).
    enc = bytearray(raw)
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):
        at = enc.find(sig)
        offset = 6 if sig == b"PK\x03\x04" else 8
        flags = struct.unpack("<H", enc[at + offset: at + offset + 2])[0] | 1
        enc[at + offset: at + offset + 2] = struct.pack("<H", flags)
    (tmp_path / "enc.zip").write_bytes(enc)
    assert only(intake(course, tmp_path / "enc.zip")).code == "encrypted"
    # Flip bytes of the compressed data: CRC or inflate fails.
    bad = bytearray(raw)
    start = bad.find(b"PK\x03\x04") + 30 + len("m1_situs_web.ipynb")
    for i in range(start + 10, start + 60):
        bad[i] ^= 0xFF
    (tmp_path / "bad.zip").write_bytes(bad)
    assert only(intake(course, tmp_path / "bad.zip")).code == "broken_member"
    (tmp_path / "bukan.zip").write_bytes(b"ini bukan zip")
    assert only(intake(course, tmp_path / "bukan.zip")).code == "broken_zip"


def test_zip_bombs_stop_at_the_limits(course, rel, tmp_path, monkeypatch):
    # A member declaring 50 MB (it compresses to some 50 kB) is refused from its header, never inflated.
    archive = K.write_zip(tmp_path / "bom.zip", [("m1_situs_web.ipynb", b" " * 50_000_000)])
    assert archive.stat().st_size < 200_000
    assert only(intake(course, archive)).code == "too_large"
    # A member whose header lies (says 100 bytes, inflates to 40 MB) is read only up to the declared size.
    raw = bytearray(K.write_zip(tmp_path / "bohong.zip", [("m1_situs_web.ipynb", b" " * 40_000_000)]).read_bytes())
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = raw.find(sig)
        raw[at + offset: at + offset + 4] = struct.pack("<I", 100)
    (tmp_path / "bohong.zip").write_bytes(raw)
    assert only(intake(course, tmp_path / "bohong.zip")).code == "broken_member"
    # The total inflated from one archive is capped: past it, members are refused as a bomb.
    monkeypatch.setattr(S, "MAX_TOTAL_BYTES", 2 * 1_000_000)
    filler = b" " * 900_000
    members = [(f"p{i}/m1_situs_web.ipynb", K.dumps(K.web_notebook(rel, f"p{i}", "P")) + filler) for i in range(3)]
    outcomes = intake(course, K.write_zip(tmp_path / "total.zip", members))
    assert [o.code for o in outcomes] == [None, None, "zip_bomb"]


def test_an_archive_declaring_too_many_entries_is_not_parsed(course, rel, tmp_path):
    raw = bytearray(K.write_zip(tmp_path / "a.zip", [("m1_situs_web.ipynb", b"{}")]).read_bytes())
    at = raw.rfind(b"PK\x05\x06")
    raw[at + 8: at + 12] = struct.pack("<HH", 0xFFFE, 0xFFFE)
    (tmp_path / "banyak.zip").write_bytes(raw)
    outcome = only(intake(course, tmp_path / "banyak.zip"))
    assert outcome.code == "too_many_files" and str(S.MAX_ENTRIES) in outcome.message
    # One entry declared, but a central directory of 1 GB claimed: refused before zipfile would read it.
    raw[at + 8: at + 16] = struct.pack("<HHI", 1, 1, 1 << 30)
    (tmp_path / "direktori.zip").write_bytes(raw)
    assert only(intake(course, tmp_path / "direktori.zip")).code == "too_many_files"


def test_a_zip64_end_record_is_read(course, rel, tmp_path, monkeypatch):
    # ZipStream, which Moodle uses, can end its archives with zip64 records; make zipfile write them too.
    monkeypatch.setattr(zipfile, "ZIP_FILECOUNT_LIMIT", 0)
    archive = K.write_zip(tmp_path / "z64.zip", [(K.moodle_member("Budi Santoso", "1"),
                                                   K.dumps(K.web_notebook(rel, "budi", "Budi")))])
    monkeypatch.undo()
    raw = bytearray(archive.read_bytes())
    assert b"PK\x06\x06" in raw
    at = raw.rfind(b"PK\x05\x06")  # leave the counts to the zip64 record only, as ZipStream does
    raw[at + 8: at + 20] = struct.pack("<HHII", 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
    archive.write_bytes(raw)
    with open(archive, "rb") as handle:
        entries, size = S.declared_directory(handle)
    assert entries == 1 and 46 < size < 200
    assert only(intake(course, archive)).status == "filed"


def test_too_many_files_in_a_folder(course, rel, tmp_path, monkeypatch):
    monkeypatch.setattr(S, "MAX_ENTRIES", 3)
    for i in range(4):
        write(tmp_path / "in" / f"f{i}.txt", b"x")
    outcomes = intake(course, tmp_path / "in")
    assert [o.code for o in outcomes] == ["not_notebook"] * 3 + ["too_many_files"]


def test_names_from_a_hostile_zip_are_printed_harmlessly(course, rel, tmp_path):
    archive = K.write_zip(tmp_path / "a.zip", [("\x1b[2J\x1b]0;judul\x07m1.pdf", b"x")])
    outcome = only(intake(course, archive))
    assert "\x1b" not in outcome.origin and "\\x1b" in outcome.origin and "\x07" not in outcome.origin


def test_junk_from_operating_systems_is_skipped_and_counted(course, rel, tmp_path):
    write(tmp_path / "in" / ".ipynb_checkpoints" / "m1_situs_web-checkpoint.ipynb", b"{}")
    write(tmp_path / "in" / "__MACOSX" / "._m1_situs_web.ipynb", b"\x00")
    write(tmp_path / "in" / "Thumbs.db", b"\x00")
    write(tmp_path / "in" / "m1_situs_web.ipynb", K.dumps(K.web_notebook(rel, "budi", "Budi")))
    c = Course.at(course)
    outcomes, skipped = I.take_in(c, I.context_for(c, K.ASSIGNMENT), [str(tmp_path / "in")], I.Options(), now=NOW)
    assert [o.status for o in outcomes] == ["filed"] and skipped == 3


# ------------------------------------------------------------------------------------------------ the command
def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(K.REPO))
    return subprocess.run([sys.executable, "-m", "autograders", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_command_help_summary_and_exit_codes(course, rel, tmp_path):
    help_text = run_cli("intake", "--help")
    assert help_text.returncode == 0 and "Penggunaan:" in help_text.stdout and "SUMBER" in help_text.stdout
    assert "--replace" in help_text.stdout and "waktu yang ditulis peserta" in help_text.stdout
    good = write(tmp_path / "in" / "m1_situs_web.ipynb", K.dumps(K.web_notebook(rel, "budi", "Budi")))
    done = run_cli("intake", "--course", str(course), "--assignment", K.ASSIGNMENT, str(good))
    assert done.returncode == 0, done.stderr
    assert "DIARSIPKAN" in done.stdout and "Ringkasan: 1 diarsipkan." in done.stdout
    assert "bukan waktu yang ditulis peserta" in done.stdout
    write(tmp_path / "in2" / "catatan.txt", b"x")
    write(tmp_path / "in2" / "m1_situs_web.ipynb", K.dumps(K.web_notebook(rel, "siti", "Siti")))
    mixed = run_cli("intake", "--course", str(course), "--assignment", K.ASSIGNMENT, str(tmp_path / "in2"),
                    "--format", "json")
    assert mixed.returncode == 1
    rows = [json.loads(line) for line in mixed.stdout.splitlines()]
    assert [(r["status"], r["code"]) for r in rows] == [("refused", "not_notebook"), ("filed", None)]
    assert run_cli("intake", "--course", str(course), "--assignment", K.ASSIGNMENT,
                   str(tmp_path / "kosong_tidak_ada")).returncode == 1
    for args in (["--assignment", "m9_tidak_ada"], ["--assignment", K.ASSIGNMENT, "--timestamp", "besok"],
                 ["--assignment", K.ASSIGNMENT, "--student", "../x"]):
        bad = run_cli("intake", "--course", str(course), *args, str(good))
        assert bad.returncode == 2 and bad.stderr.startswith("Kesalahan:") and "Traceback" not in bad.stderr
    no_release = run_cli("intake", "--course", str(course), "--assignment", "m3_media_sosial", str(good))
    assert no_release.returncode == 2 and "generate_assignment" in no_release.stderr


def test_the_page_and_the_intake_share_one_identity_rule(course, rel, tmp_path):
    from autograders.engine.present.feedback import message
    from autograders.engine.scoring.identity import ID_PROBLEMS, identity_metadata, student_id_problem

    block = identity_metadata(K.ASSIGNMENT, " Budi.Santoso ", "Budi Santoso", "budi@kab.go.id", K.SAVED_AT)
    assert block == {"assignment": K.ASSIGNMENT, "student_id": "Budi.Santoso", "student_name": "Budi Santoso",
                     "email": "budi@kab.go.id", "saved_at": K.SAVED_AT, "source": "buku-web", "version": 1}
    nb = copy.deepcopy(rel)
    nb["metadata"]["kelas_humas"] = block
    assert only(intake(course, write(tmp_path / "a.ipynb", K.dumps(nb)))).student == "budi.santoso"
    with pytest.raises(ValueError):
        identity_metadata(K.ASSIGNMENT, "budi santoso")
    # Every problem code has a sentence in both languages, and the intake's refusal quotes the Indonesian one.
    for code in ID_PROBLEMS:
        for lang in ("id", "en"):
            assert message(f"student_id.{code}", lang=lang) != f"student_id.{code}"
    assert student_id_problem("a..b") == "dots"
    bad = only(intake(course, write(tmp_path / "b.ipynb", K.dumps(K.web_notebook(rel, "a..b", "A"))))).message
    assert message("student_id.dots") in bad
