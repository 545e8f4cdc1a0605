"""The book follows its own rules: no page and no exercise notebook uses a non-standard form the word list knows.

What is checked: every chapter in ``_toc.yml`` (its Markdown and the text strings of its code cells), every
exercise notebook under ``exercises/source`` (its Markdown cells) and every model answer under
``exercises/authoring``, with the engine's own finder (``find_nonstandard``, the same word list the trainees'
tools use).

The convention for quoting a form in order to teach its replacement (written down in ``book/cara-memakai.md``
for authors too):

* ``~~bentuk~~`` — a struck-out form is a wrong form quoted as wrong ("~~dihimbau~~ → diimbau"). It renders
  struck out in the book (MyST ``strikethrough``), in JupyterLab and in nbgrader's feedback.
* ``<!-- kutipan -->`` on its own line before a block (a paragraph, a block quote, a list, a table), or the tag
  ``kutipan`` on a code cell: the block quotes somebody else's text (a weak draft to improve, a citizen's post)
  and is not the page's own language.
* An English word in italics (``*online*``) is a marked foreign term, as EYD V writes unabsorbed foreign words;
  only the word list's ``english`` entries are let through this way. Unmarked, "secara online" is rejected.

Not checked: code, URLs, link targets, and the *Sumber* lists (bibliographic titles stay in their own language).
"""
from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

import pytest
import yaml

from autograders.engine.assess.plain_language import find_nonstandard, nonstandard_kinds
from autograders.engine.languages import get_language
from autograders.engine.parse.document import parse
from booksite import REPO

sys.path.insert(0, str(REPO / "scripts"))
import wordcount  # noqa: E402

ID = get_language("id")
KINDS = nonstandard_kinds(ID.folder)
QUOTE_MARK = "<!-- kutipan -->"
QUOTE_TAG = "kutipan"

_STRUCK = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~", re.S)
_ITALIC = re.compile(r"(?<![*\w])\*(?![*\s])([^*\n]+?)(?<![\s*])\*(?![*\w])|(?<![_\w])_(?![_\s])([^_\n]+?)(?<![\s_])_(?![_\w])")
_INLINE_CODE = re.compile(r"``.+?``|`[^`\n]+`")
_LINK = re.compile(r"(!?)\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"https?://\S+|\b[\w.-]+\.(?:go\.id|or\.id|co\.id|com|org|id)(?:/\S*)?")
_ROLE = re.compile(r"\{[\w:-]+\}`([^`]*)`")
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,}|:{3,})\s*(\{([\w-]+)\})?(.*)$")
_CODE_DIRECTIVES = {"code-cell", "code", "code-block", "sourcecode", "raw", "literalinclude", "glue", "math"}


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def _foreign_terms_out(text: str) -> str:
    """Italic spans whose only findings are English words the list knows are marked foreign terms: blanked."""
    def replace(match: re.Match) -> str:
        inner = match.group(1) or match.group(2)
        found = find_nonstandard(parse(inner, ID))
        if found and all(KINDS.get(f.text.lower()) == "english" for f in found):
            return " " * len(match.group(0))
        return match.group(0)
    return _ITALIC.sub(replace, text)


def checked_markdown(markdown: str) -> str:
    """The part of a Markdown text whose language the book answers for (the convention above applied)."""
    lines = wordcount._strip_sources(wordcount._strip_front_matter(markdown.splitlines()))
    out: list[str] = []
    fences: list[tuple[str, bool]] = []  # open fences: (marker, content is code)
    quoting = quoted = False  # inside a block marked <!-- kutipan -->; a line of it seen
    in_comment = False
    for line in lines:
        stripped = line.strip()
        fence = _FENCE.match(line)
        if fence and fences and fence.group(2)[0] == fences[-1][0][0] and len(fence.group(2)) >= len(fences[-1][0]) \
                and not fence.group(3) and not fence.group(5).strip():
            fences.pop()
            out.append("")
            continue
        if fence and (fence.group(3) or not fences or not fences[-1][1]):
            code = not fence.group(3) or fence.group(4) in _CODE_DIRECTIVES or any(c for _, c in fences)
            fences.append((fence.group(2), code))
            out.append("")
            continue
        if fences and fences[-1][1]:
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        if stripped == QUOTE_MARK:
            quoting = True
            continue
        if stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            continue
        if quoting:
            if stripped:
                quoted = True
                continue
            if quoted:  # the blank line that ends the quoted block
                quoting = quoted = False
            continue
        if re.match(r"^:[\w-]+:", stripped) and fences:  # a directive option
            continue
        out.append(line)
    text = "\n".join(out)
    text = _INLINE_CODE.sub(_blank, text)
    text = _STRUCK.sub(_blank, text)
    text = _ROLE.sub(r"\1", text)
    text = _LINK.sub(lambda m: "" if m.group(1) else m.group(2), text)
    text = _URL.sub(_blank, text)
    return _foreign_terms_out(text)


def code_cell_strings(markdown: str) -> list[str]:
    """The text strings (drafts, titles, keyphrases: strings with a space) of a chapter's code cells not tagged
    ``kutipan``."""
    strings = []
    for cell in re.finditer(r"^```\{code-cell\}[^\n]*\n((?::[^\n]*\n)*)(.*?)^```", markdown, re.S | re.M):
        header, body = cell.group(1), cell.group(2)
        if re.search(rf"^:tags:\s*\[[^\]]*\b{QUOTE_TAG}\b", header, re.M):
            continue
        strings.extend(_python_strings(body))
    return strings


def _python_strings(source: str) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value.strip() \
                and re.search(r"[^\W\d_]{3}", node.value):  # text, not a key such as "share_of_voice"
            out.append(node.value)
    return out


def findings(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.suggestion) for f in find_nonstandard(parse(text, ID))]


# --- the pages --------------------------------------------------------------------------------------------

CHAPTERS = wordcount.chapter_files(REPO)
NOTEBOOKS = sorted((REPO / "exercises" / "source").glob("*/*.ipynb"))
MODEL_ANSWERS = sorted((REPO / "exercises" / "authoring").glob("*.yml"))


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_book_page_uses_no_nonstandard_form(path):
    markdown = path.read_text(encoding="utf-8")
    found = findings(checked_markdown(markdown))
    assert found == [], f"{path.name}: non-standard forms (mark a quoted form ~~so~~): {found}"
    for string in code_cell_strings(markdown):
        assert findings(string) == [], f"{path.name}: a code cell not tagged '{QUOTE_TAG}': {findings(string)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_exercise_notebook_uses_no_nonstandard_form(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "markdown" or QUOTE_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        found = findings(checked_markdown(source))
        assert found == [], f"{path.name}, cell {i}: {found}"


def _yaml_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _yaml_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _yaml_strings(v)]
    return []


@pytest.mark.parametrize("path", MODEL_ANSWERS, ids=lambda p: p.stem)
def test_model_answers_use_no_nonstandard_form(path):
    for text in _yaml_strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
        found = findings(checked_markdown(text))
        assert found == [], f"{path.name}: {found}"


def test_every_page_and_notebook_is_checked():
    assert len(CHAPTERS) >= 11 and {p.name for p in CHAPTERS} >= {"glosarium.md", "07-hoaks-krisis.md"}
    assert len(NOTEBOOKS) >= 7 and len(MODEL_ANSWERS) >= 7


# --- the convention itself --------------------------------------------------------------------------------

def test_unmarked_forms_are_found():
    text = "Warga dihimbau mendaftar secara online di website kami.\n"
    assert findings(checked_markdown(text)) == [("dihimbau", "diimbau"), ("online", "daring"),
                                                ("website", "situs web")]


def test_a_struck_out_form_is_a_quoted_wrong_form():
    assert findings(checked_markdown("Ganti ~~dihimbau~~ dengan diimbau.\n")) == []
    assert findings(checked_markdown("| ~~merubah~~ | mengubah |\n")) == []
    # Only what is struck out: the rest of the sentence is still the book's own language.
    assert findings(checked_markdown("Ganti ~~dihimbau~~ dengan dihimbau.\n")) == [("dihimbau", "diimbau")]


def test_a_marked_block_is_a_quotation_and_only_that_block():
    text = ("Draf berikut masih lemah.\n\n" + QUOTE_MARK + "\n> Masyarakat dihimbau hadir\n> tepat waktu.\n\n"
            "Kata itu kita ganti. Warga dihimbau datang.\n")
    assert findings(checked_markdown(text)) == [("dihimbau", "diimbau")]


def test_italics_mark_english_terms_but_not_other_forms():
    assert findings(checked_markdown("Frasa kunci (*keyword*) dan tautan (_link_).\n")) == []
    assert findings(checked_markdown("Jangan menulis *dihimbau*.\n")) == [("dihimbau", "diimbau")]
    assert findings(checked_markdown("Kami **online** setiap hari.\n")) == [("online", "daring")]


def test_code_urls_and_sources_are_not_prose():
    text = ("Lihat `download` dan [situs](https://contoh.go.id/download) atau contoh.go.id/online.\n\n"
            "```{code-cell} ipython3\nx = 'download'\n```\n\n## Sumber\n\n1. Google. *Link best practices*.\n")
    assert findings(checked_markdown(text)) == []


def test_code_cells_are_checked_unless_tagged():
    chapter = ("```{code-cell} ipython3\ndraf = \"\"\"Warga dihimbau hadir tepat waktu.\"\"\"\n```\n\n"
               "```{code-cell} ipython3\n:tags: [kutipan]\ndraf_awal = \"\"\"Warga dihimbau hadir.\"\"\"\n```\n")
    strings = code_cell_strings(chapter)
    assert strings == ["Warga dihimbau hadir tepat waktu."]
