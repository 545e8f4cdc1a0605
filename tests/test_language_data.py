"""Sanity checks of the language data files in autograders/engine/languages/<code>/.

The lists decide what trainees are told, so each file is checked for format (columns, case, whitespace),
duplicates, entries that map to themselves, minimum size, and a few rules that tie the lists together.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

LANGUAGES_DIR = Path(__file__).resolve().parent.parent / "autograders" / "engine" / "languages"


# --- the files this test owns: (language, file) -> spec ------------------------------------------------------
# columns: 1 for a word list, n for a table; lower: entries must be lower-case; minimum: fewest entries.
# key_case: whether duplicates are judged case-sensitively (abbreviations: "Dr" and "dr" are both real).
def spec(minimum, columns=1, lower=True, key_case=False):
    return {"minimum": minimum, "columns": columns, "lower": lower, "key_case": key_case}


FILES = {
    ("id", "abbreviations.txt"): spec(150, lower=False, key_case=True),
    ("id", "abbreviations_sentence_final.txt"): spec(4),
    ("id", "transition_words.txt"): spec(120),
    ("id", "transition_pairs.tsv"): spec(15, columns=2),
    ("id", "transition_openers.txt"): spec(5),
    ("id", "passive_di_exceptions.txt"): spec(400),
    ("id", "government_abbreviations.txt"): spec(120, columns=2, lower=False),
    ("id", "ter_non_passive.txt"): spec(150),
    ("id", "ter_adjective_roots.txt"): spec(80),
    ("id", "ter_passive_roots.txt"): spec(100),
    ("id", "ke_an_adversative_roots.txt"): spec(40),
    ("id", "object_focus_pronouns.txt"): spec(8),
    ("id", "stopwords.txt"): spec(200),
    ("id", "common_words.txt"): spec(300),
    ("id", "nonstandard_words.tsv"): spec(320, columns=3),
    ("id", "bureaucratic_phrases.tsv"): spec(40, columns=3),
    ("id", "predicate_words.txt"): spec(40),
    ("id", "bare_verbs.txt"): spec(70),
    ("id", "tone_phrases.tsv"): spec(60, columns=3),
    ("id", "tone_suggestions.tsv"): spec(5, columns=2),
    ("id", "tone_personal_data.tsv"): spec(25, columns=2),
    ("id", "tone_negation.tsv"): spec(20, columns=2),
    # The answer checker of the exercises (autograders/engine/scoring/claims.py, facts.py).
    ("id", "number_words.tsv"): spec(20, columns=3),
    ("id", "fact_promises.tsv"): spec(30, columns=2),
    ("id", "fact_directions.tsv"): spec(4, columns=2),
    ("id", "fact_dayparts.tsv"): spec(4, columns=3),
    ("id", "fact_negations.txt"): spec(8),
    ("id", "fact_cancellations.txt"): spec(8),
    ("id", "fact_reversals.txt"): spec(3),
    ("id", "fact_warnings.txt"): spec(8),
    ("id", "fact_clause_breaks.txt"): spec(8),
    ("id", "fact_known_names.txt"): spec(50),
    ("id", "fact_person_titles.txt"): spec(10),
    ("id", "fact_person_offices.txt"): spec(10),
    ("id", "fact_quote_stopwords.txt"): spec(8),
    ("id", "fact_time_units.txt"): spec(6),
    ("id", "fact_limit_words.txt"): spec(4),
    ("en", "abbreviations.txt"): spec(60, lower=False, key_case=True),
    ("en", "abbreviations_sentence_final.txt"): spec(1, lower=False),
    ("en", "transition_words.txt"): spec(120),
    ("en", "transition_pairs.tsv"): spec(10, columns=2),
    ("en", "irregular_participles.txt"): spec(180),
    ("en", "stopwords.txt"): spec(150),
    ("en", "common_words.txt"): spec(300),
    ("en", "predicate_words.txt"): spec(40),
    ("en", "bare_verbs.txt"): spec(100),
    ("en", "tone_phrases.tsv"): spec(25, columns=3),
    ("en", "tone_suggestions.tsv"): spec(5, columns=2),
    ("en", "tone_personal_data.tsv"): spec(15, columns=2),
    ("en", "tone_negation.tsv"): spec(10, columns=2),
}

# Files every language folder must have (a new language is a folder with at least these).
COMMON = ("abbreviations.txt", "abbreviations_sentence_final.txt", "transition_words.txt",
          "transition_pairs.tsv", "stopwords.txt", "common_words.txt")


def entry_lines(path: Path) -> list[str]:
    """Entry lines of a data file, exactly as written (comments and blank lines dropped)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


def rows(language: str, name: str) -> list[tuple[str, ...]]:
    return [tuple(line.split("\t")) for line in entry_lines(LANGUAGES_DIR / language / name)]


def keys(language: str, name: str) -> list[str]:
    return [row[0] for row in rows(language, name)]


def keyset(language: str, name: str) -> set[str]:
    return {k.lower() for k in keys(language, name)}


def languages() -> list[str]:
    return sorted(p.name for p in LANGUAGES_DIR.iterdir() if (p / "settings.json").exists())


FILE_IDS = [f"{lang}/{name}" for lang, name in FILES]


# --- format -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language,name", FILES, ids=FILE_IDS)
def test_file_is_clean_utf8_text(language, name):
    raw = (LANGUAGES_DIR / language / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
    text = raw.decode("utf-8")
    assert "\r" not in text, "Unix line endings only"
    assert unicodedata.normalize("NFC", text) == text, "text must be NFC-normalised"


@pytest.mark.parametrize("language,name", FILES, ids=FILE_IDS)
def test_every_row_has_the_right_columns_and_no_stray_space(language, name):
    columns = FILES[(language, name)]["columns"]
    for line in entry_lines(LANGUAGES_DIR / language / name):
        cells = line.split("\t")
        assert len(cells) == columns, f"{line!r}: {len(cells)} columns, expected {columns}"
        for cell in cells:
            assert cell, f"{line!r}: empty cell"
            assert cell == cell.strip(), f"{line!r}: leading or trailing space"
            assert "  " not in cell, f"{line!r}: double space"
            assert "#" not in cell, f"{line!r}: '#' inside an entry (comments go on their own line)"


@pytest.mark.parametrize("language,name", [k for k in FILES if FILES[k]["lower"]],
                         ids=[f"{l}/{n}" for l, n in FILES if FILES[(l, n)]["lower"]])
def test_lists_are_lower_case(language, name):
    for key in keys(language, name):
        assert key == key.lower(), f"{key!r} should be lower-case"


@pytest.mark.parametrize("language,name", FILES, ids=FILE_IDS)
def test_no_duplicates(language, name):
    seen: set[str] = set()
    case_sensitive = FILES[(language, name)]["key_case"]
    # A pair is a whole row ("tidak hanya" goes with "tetapi juga" and with "melainkan juga"); elsewhere the key.
    entries = ["\t".join(r) for r in rows(language, name)] if "pairs" in name else keys(language, name)
    for key in entries:
        k = key if case_sensitive else key.lower()
        assert k not in seen, f"duplicate entry {key!r}"
        seen.add(k)


@pytest.mark.parametrize("language,name", FILES, ids=FILE_IDS)
def test_minimum_size(language, name):
    minimum = FILES[(language, name)]["minimum"]
    assert len(keys(language, name)) >= minimum


@pytest.mark.parametrize("language,name", [k for k in FILES if FILES[k]["columns"] >= 2 and "pairs" not in k[1]],
                         ids=[f"{l}/{n}" for l, n in FILES if FILES[(l, n)]["columns"] >= 2 and "pairs" not in n])
def test_no_entry_maps_to_itself(language, name):
    for row in rows(language, name):
        assert row[0].lower() != row[1].lower(), f"{row[0]!r} maps to itself"


@pytest.mark.parametrize("code", languages())
def test_every_language_folder_has_the_common_files(code):
    for name in COMMON:
        assert (LANGUAGES_DIR / code / name).exists(), f"{code}/{name} missing"
        assert entry_lines(LANGUAGES_DIR / code / name), f"{code}/{name} is empty"


def test_readme_describes_every_file():
    readme = (LANGUAGES_DIR / "README.md").read_text(encoding="utf-8")
    for _language, name in FILES:
        assert f"`{name}`" in readme, f"README.md does not describe {name}"


# --- prose and tone -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["id", "en"])
def test_tone_rows_name_known_kinds_and_roles(code):
    from autograders.engine.assess.tone import TONE_KINDS

    assert {kind for _, kind, _ in rows(code, "tone_phrases.tsv")} == set(TONE_KINDS) - {"personal_data"}
    assert set(keys(code, "tone_suggestions.tsv")) == set(TONE_KINDS)
    assert {role for _, role in rows(code, "tone_personal_data.tsv")} == {
        "item", "request", "public_request", "private", "public", "breaker"}
    assert {role for _, role in rows(code, "tone_negation.tsv")} == {"negation", "skip"}


@pytest.mark.parametrize("code", ["id", "en"])
def test_bare_verbs_are_not_function_words(code):
    # Copulas and auxiliaries are function words too; a bare verb never is ("lewat" is a preposition first).
    stop = keyset(code, "stopwords.txt")
    assert not stop & keyset(code, "bare_verbs.txt")


# --- abbreviations ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["id", "en"])
def test_abbreviations_are_written_without_the_final_period(code):
    for abbr in keys(code, "abbreviations.txt"):
        assert re.fullmatch(r"[A-Za-z]+(?:\.[A-Za-z]+)*", abbr), f"{abbr!r}: letters and inner periods only"


@pytest.mark.parametrize("code", ["id", "en"])
def test_sentence_final_abbreviations_are_known_abbreviations(code):
    known = keyset(code, "abbreviations.txt")
    for abbr in keys(code, "abbreviations_sentence_final.txt"):
        assert abbr.lower() in known, f"{abbr!r} is not in abbreviations.txt"


def test_ordinary_words_are_not_lower_case_abbreviations():
    # A lower-case entry matches any case, so an ordinary word listed in lower case would stop real sentence ends.
    abbreviations = set(keys("id", "abbreviations.txt"))
    for word in ("hal", "jalan", "nomor", "dan", "di", "ke"):
        assert word not in abbreviations
    assert "Hal" in abbreviations  # "Hal.: Undangan" in letters


# --- transitions ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["id", "en"])
def test_transition_pairs_are_lower_case_words(code):
    for first, second in rows(code, "transition_pairs.tsv"):
        for part in (first, second):
            assert part == part.lower() and re.fullmatch(r"[a-z-]+(?: [a-z-]+)*", part), part


def test_indonesian_transition_list_has_single_words_and_phrases():
    words = keys("id", "transition_words.txt")
    assert sum(" " in w for w in words) >= 40
    assert {"namun", "oleh karena itu", "selain itu", "dengan kata lain"} <= set(words)


# --- Indonesian passives ------------------------------------------------------------------------------------

def test_di_exceptions_start_with_di():
    for word in keys("id", "passive_di_exceptions.txt"):
        assert word.startswith("di") and len(word) > 2, word


def test_di_exceptions_hold_the_known_false_alarms():
    exceptions = keyset("id", "passive_di_exceptions.txt")
    government = keyset("id", "government_abbreviations.txt")
    for word in ("diskusi", "digital", "direktur", "dinas", "diploma", "dirinya", "disiplin", "distribusi"):
        assert word in exceptions, word
    for word in ("diklat", "dinkes", "dishub", "disdik", "disdukcapil", "dispar", "dirjen", "dirut"):
        assert word in government, word


def test_di_exceptions_are_not_common_di_passives():
    exceptions = keyset("id", "passive_di_exceptions.txt")
    for passive in ("dilayani", "diberikan", "dibuat", "dilaksanakan", "dibalik", "dibandingkan", "diantar",
                    "dibawa", "diatasi", "didalami", "dirumahkan"):
        assert passive not in exceptions, passive


def test_government_abbreviations_follow_the_2024_names():
    table = {abbr: expansion for abbr, expansion in rows("id", "government_abbreviations.txt")}
    assert table["PUPR"].startswith("pekerjaan umum dan penataan ruang")  # the regional office (the book's Dinas PUPR)
    assert table["PKK"] == "Pemberdayaan dan Kesejahteraan Keluarga"
    for renamed in ("Kominfo", "KemenPUPR", "Kemendikbudristek", "Kemenkumham", "KLHK", "Kemenparekraf"):
        assert "2024" in table[renamed], renamed
    for new in ("Komdigi", "KemenPU", "KemenPKP", "Kemendikdasmen", "Kemenkum", "Kemenhut", "Kemenpar"):
        assert new in table, new


def test_government_abbreviations_expand_to_several_words_or_a_name():
    for abbr, expansion in rows("id", "government_abbreviations.txt"):
        assert len(expansion) > len(abbr), f"{abbr}: expansion {expansion!r} is not longer than the abbreviation"


def test_ter_lists_start_with_ter_and_roots_do_not():
    for word in keys("id", "ter_non_passive.txt"):
        assert word.startswith("ter"), word
    for name in ("ter_passive_roots.txt", "ter_adjective_roots.txt"):
        for root in keys("id", name):
            assert not root.startswith("ter") and " " not in root, f"{name}: {root!r} should be a root"


def test_a_root_is_not_both_adjective_and_passive():
    assert not keyset("id", "ter_passive_roots.txt") & keyset("id", "ter_adjective_roots.txt")


def test_superlatives_and_lexicalised_ter_words_are_not_passive_roots():
    roots = keyset("id", "ter_passive_roots.txt")
    for root in ("baik", "besar", "cepat", "rus", "masuk", "utama", "hadap", "sebut", "jadi", "sedia"):
        assert root not in roots, root
    non_passive = keyset("id", "ter_non_passive.txt")
    assert {"terus", "terima", "termasuk", "tersebut", "terhadap", "terjadi"} <= non_passive
    # The domain examples of real ter- passives are not exempted.
    assert not {"tertutup", "terjual", "tercatat", "terdaftar", "terpilih", "terbakar"} & non_passive


def test_ke_an_roots_are_bare_roots():
    for root in keys("id", "ke_an_adversative_roots.txt"):
        assert not root.startswith("ke") or root in ("kenyang",), root
        assert not root.endswith("an") or root in ("hujan", "siang", "tangan"), root
    assert {"hujan", "curi", "banjir", "copet", "tinggal", "hilang"} <= keyset("id", "ke_an_adversative_roots.txt")


def test_object_focus_pronouns():
    assert {"saya", "kami", "kita", "aku", "kamu", "anda", "engkau"} <= keyset("id", "object_focus_pronouns.txt")


# --- Indonesian standard words ------------------------------------------------------------------------------

def test_nonstandard_kinds_are_known():
    for row in rows("id", "nonstandard_words.tsv"):
        assert row[2] in ("spelling", "form", "split", "informal", "calendar", "english"), row


# Day, month and holiday names are capitalised in EYD V; every other standard form is lower-case.
EYD_CAPITALISED = {"Jumat", "Februari", "November", "Agustus", "Ramadan", "Idulfitri", "Iduladha"}


def test_standard_forms_are_lower_case_except_names_eyd_capitalises():
    for nonstandard, standard, kind in rows("id", "nonstandard_words.tsv"):
        if standard[:1].isupper():
            assert standard in EYD_CAPITALISED, (nonstandard, standard)
        else:
            assert standard == standard.lower(), (nonstandard, standard)
    table = {row[0]: row[1] for row in rows("id", "nonstandard_words.tsv")}
    assert table["jum'at"] == "Jumat" and table["pebruari"] == "Februari" and table["nopember"] == "November"
    assert table["ramadhan"] == "Ramadan" and table["idul fitri"] == "Idulfitri" and table["idul adha"] == "Iduladha"


def test_calendar_rows_are_day_and_month_names():
    for nonstandard, standard, kind in rows("id", "nonstandard_words.tsv"):
        if kind == "calendar":
            assert standard in EYD_CAPITALISED, nonstandard


def test_koordinir_suggests_a_verb_not_the_noun():
    table = {row[0]: row[1] for row in rows("id", "nonstandard_words.tsv")}
    assert table["koordinir"] == "berkoordinasi/mengoordinasikan"
    assert table["mengkoordinir"] == "mengoordinasikan" and table["dikoordinir"] == "dikoordinasikan"
    for nonstandard, standard in table.items():
        if "koordinir" in nonstandard:
            assert standard != "koordinasi", nonstandard  # the noun is not what "koordinir" means


def test_alternatives_are_two_or_more_forms():
    for nonstandard, standard, _kind in rows("id", "nonstandard_words.tsv"):
        if "/" in standard:
            parts = standard.split("/")
            assert len(parts) >= 2 and all(p and p == p.strip() for p in parts), (nonstandard, standard)


def test_english_rows_hold_the_words_the_book_tells_trainees_to_replace():
    english = {row[0]: row[1] for row in rows("id", "nonstandard_words.tsv") if row[2] == "english"}
    for word, standard in {"online": "daring", "website": "situs web", "download": "unduh", "upload": "unggah",
                           "email": "surel", "link": "tautan", "offline": "luring"}.items():
        assert english.get(word) == standard, word
    assert english["update"].startswith("pembaruan") and english["posting"].startswith("unggahan")
    # Never an Indonesian word, and never the course's own term.
    for word in ("web", "admin", "viral", "slug", "video", "data", "media", "internet"):
        assert word not in english, word


def test_pronoun_with_pun_and_mengetrapkan():
    table = {row[0]: row[1] for row in rows("id", "nonstandard_words.tsv")}
    assert table["merekapun"] == "mereka pun" and table["kamipun"] == "kami pun"
    assert table["mengetrapkan"] == "menerapkan"


def test_uji_formil_is_a_fixed_term():
    assert ("formil", "uji") in {(p, b) for p, b in rows("id", "plain_context_exceptions.tsv")}


def test_split_rows_differ_only_in_spaces():
    for nonstandard, standard, kind in rows("id", "nonstandard_words.tsv"):
        if kind == "split":
            assert nonstandard.replace(" ", "") == standard.replace(" ", "").lower(), (nonstandard, standard)
            assert nonstandard != standard


def test_a_standard_form_is_never_itself_marked_nonstandard():
    table = rows("id", "nonstandard_words.tsv")
    nonstandard = {row[0] for row in table}
    for _bad, good, _kind in table:
        assert good not in nonstandard, f"{good!r} is both a suggestion and non-standard"


def test_nonstandard_table_covers_the_domain_examples():
    table = {row[0]: row[1] for row in rows("id", "nonstandard_words.tsv")}
    expected = {"merubah": "mengubah", "analisa": "analisis", "praktek": "praktik", "resiko": "risiko",
                "aktifitas": "aktivitas", "himbauan": "imbauan", "himbau": "imbau", "nasehat": "nasihat",
                "ijin": "izin", "jaman": "zaman", "kwalitas": "kualitas", "sekedar": "sekadar", "apotik": "apotek",
                "silahkan": "silakan", "terimakasih": "terima kasih", "dimana": "di mana"}
    for bad, good in expected.items():
        assert table.get(bad) == good, bad


def test_correct_words_are_not_marked_nonstandard():
    nonstandard = keyset("id", "nonstandard_words.tsv")
    for word in ("rubah", "bagaimanapun", "meskipun", "walaupun", "mengkritik", "memproduksi", "mengkaji",
                 "mempunyai", "memperhatikan", "kemari", "proyek", "ubah", "imbau", "analisis"):
        assert word not in nonstandard, word


def test_joined_prepositions_in_the_table_are_also_passive_exceptions():
    exceptions = keyset("id", "passive_di_exceptions.txt")
    for nonstandard, standard, kind in rows("id", "nonstandard_words.tsv"):
        if kind == "split" and standard.startswith("di ") and " " not in nonstandard:
            assert nonstandard in exceptions, f"{nonstandard!r} would be read as a di- passive"


def test_bureaucratic_alternatives_are_shorter_or_deletions():
    for phrase, alternative, note in rows("id", "bureaucratic_phrases.tsv"):
        assert phrase == phrase.lower()
        assert alternative == "(hapus)" or len(alternative) < len(phrase) or "..." in alternative, phrase
        assert note.lstrip('"')[:1].isupper() and note.rstrip().endswith((".", ")", '"')), f"{phrase}: note should be a sentence"


def test_no_phrase_is_both_filler_and_transition():
    """Decided once: "pada dasarnya", "dalam hal ini", "dewasa ini" are filler, so they are not transitions."""
    phrases = keyset("id", "bureaucratic_phrases.tsv")
    transitions = keyset("id", "transition_words.txt") | keyset("id", "transition_openers.txt")
    assert not phrases & transitions, sorted(phrases & transitions)
    assert {"pada dasarnya", "dalam hal ini", "dewasa ini"} <= phrases


def test_transitions_the_book_teaches_are_counted():
    """Module 02 teaches juga, pertama and terakhir as transition words; seperti it no longer teaches."""
    assert "juga" in keyset("id", "transition_words.txt")
    assert {"pertama", "kedua", "ketiga", "terakhir"} <= keyset("id", "transition_openers.txt")
    assert "seperti" not in keyset("id", "transition_words.txt")


def test_bureaucratic_phrases_do_not_swallow_standard_transitions():
    phrases = keyset("id", "bureaucratic_phrases.tsv")
    transitions = keyset("id", "transition_words.txt")
    for phrase in phrases:
        for transition in transitions:
            if " " in transition:
                assert not (f" {phrase} " in f" {transition} " and phrase != transition), (phrase, transition)


# --- English ------------------------------------------------------------------------------------------------

def test_irregular_participles_are_single_words_not_regular_ed_forms():
    for word in keys("en", "irregular_participles.txt"):
        assert re.fullmatch(r"[a-z]+", word), word
    words = keyset("en", "irregular_participles.txt")
    assert {"written", "taken", "begun", "built", "known"} <= words
    assert not {"been", "walked", "used"} & words


@pytest.mark.parametrize("code", ["id", "en"])
def test_stopwords_are_found_among_common_words(code):
    # Language detection counts stopwords and common words; the lists should agree on the core.
    common = keyset(code, "common_words.txt")
    stop = keyset(code, "stopwords.txt")
    assert len(common & stop) >= 50


def test_languages_are_told_apart_by_their_word_lists():
    id_common = keyset("id", "common_words.txt") | keyset("id", "stopwords.txt")
    en_common = keyset("en", "common_words.txt") | keyset("en", "stopwords.txt")
    assert len(id_common & en_common) <= 10, sorted(id_common & en_common)
