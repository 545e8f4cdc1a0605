"""The book's own prose: long enough to teach, and readable by the standard it teaches (our engine on each chapter).

The prose of a chapter is what ``scripts/wordcount.py`` counts: no front matter, code, example drafts or sources.
"""
from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from autograders import analyze
from autograders.engine.parse.document import parse
from autograders.engine.languages import get_language
from autograders.engine.assess.plain_language import find_acronyms
from booksite import REPO

MIN_WORDS = 2000

_spec = importlib.util.spec_from_file_location("wordcount", REPO / "scripts" / "wordcount.py")
wordcount = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(wordcount)

CHAPTERS = wordcount.chapter_files(REPO)
MODULES = [p for p in CHAPTERS if wordcount.is_module(p)]


def _prose(path):
    return wordcount.prose_markdown(path.read_text(encoding="utf-8"))


def test_the_table_of_contents_lists_eight_modules():
    assert [p.name for p in MODULES] == ["00-pengantar.md", "01-situs-web.md", "02-menulis-daring.md",
                                         "03-media-sosial.md", "04-seo.md", "05-monitoring.md", "06-siaran-pers.md",
                                         "07-hoaks-krisis.md"]
    assert all(p.is_file() for p in CHAPTERS)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.stem)
def test_module_has_at_least_2000_words_of_prose(path):
    words = wordcount.count_words(_prose(path))
    assert words >= MIN_WORDS, f"{path.name}: {words} words of prose"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_prose_is_not_rated_bad_on_sentence_or_paragraph_length(path):
    report = analyze(_prose(path), lang="id")
    for check_id in ("sentence_length", "paragraph_length"):
        check = report.check(check_id)
        assert check is not None and check.rating in ("good", "ok"), (path.name, check_id, check and check.value,
                                                                       report.quotes(check)[:3])


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_spells_out_every_acronym_at_first_use(path):
    doc = parse(_prose(path), get_language("id"))
    found = [(f.text, f.suggestion) for f in find_acronyms(doc)]
    assert found == [], f"{path.name}: acronyms not spelled out at first use"


def test_prose_extraction_leaves_out_code_examples_and_sources():
    text = ("---\njupytext: {}\n---\n\n# Judul\n\nParagraf satu dua tiga.\n\n```{code-cell} ipython3\nx = 1\n```\n\n"
            "```{tip}\nKiat empat lima.\n```\n\n> Draf contoh yang lemah.\n\n```text\ncontoh keluaran\n```\n\n"
            "(label)=\n## Sumber\n\n1. Penulis. (2020). *Buku*. https://contoh.go.id\n\n## Sesudah\n\nEnam.\n")
    prose = wordcount.prose_markdown(text)
    assert "x = 1" not in prose and "jupytext" not in prose and "Draf contoh" not in prose
    assert "contoh keluaran" not in prose and "Penulis" not in prose and "(label)=" not in prose
    assert "Kiat empat lima." in prose and "Paragraf satu dua tiga." in prose and "Enam." in prose
    assert wordcount.count_words(prose) == len("Judul Paragraf satu dua tiga Kiat empat lima Sesudah Enam".split())


def test_wordcount_script_prints_every_chapter_and_checks_the_minimum():
    proc = subprocess.run([sys.executable, "scripts/wordcount.py", "--min", str(MIN_WORDS)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = dict(line.rsplit(None, 1) for line in proc.stdout.splitlines() if line.strip())
    for path in CHAPTERS:
        assert int(lines[path.name]) == wordcount.count_words(_prose(path))
    counts = {p.name: wordcount.count_words(_prose(p)) for p in MODULES}
    shortest = min(counts, key=counts.get)
    at_edge = subprocess.run([sys.executable, "scripts/wordcount.py", "--min", str(counts[shortest])], cwd=REPO,
                             capture_output=True, text=True, timeout=120)
    assert at_edge.returncode == 0, at_edge.stderr
    past_edge = subprocess.run([sys.executable, "scripts/wordcount.py", "--min", str(counts[shortest] + 1)], cwd=REPO,
                               capture_output=True, text=True, timeout=120)
    assert past_edge.returncode == 1 and shortest in past_edge.stderr
