"""Links and images in HTML rendered from Markdown (autograders.grading.safe_links): what survives into formgrader
and the feedback pages."""
from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from autograders.grading.feedback_html import escape_trainee_markdown
from autograders.grading.safe_links import comment_html, safe_html, scheme

COURSE = Path(__file__).resolve().parents[2] / "exercises"
SCRIPT_SCHEMES = ("javascript", "vbscript", "data")

# Markdown a trainee (or a comment quoting one) can write, each an address that runs script or loads a page.
HOSTILE_LINKS = [
    "[a](javascript:alert(1))",
    "[b](JavaScript:alert(1))",
    "[c](&#106;avascript:alert(1))",  # the renderer decodes character references in addresses
    "[d](&#x6A;avascript&#x3A;alert(1))",
    "[e](javascript&colon;alert(1))",
    "[f](vbscript:msgbox(1))",
    "[g](data:text/html,%3Cscript%3Ealert(1)%3C/script%3E)",
    "[h](&#100;ata:text/html,x)",
    "[r]: &#x20;javascript:alert(1)\n\n[ref][r]",
    "<javascript:alert(1)>",
]
HOSTILE_IMAGES = [
    "![i](javascript:alert(1))",
    "![j](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![k](https://pelacak.example/piksel.png)",
    "![l](//pelacak.example/piksel.png)",
    "![m](&#100;ata:text/html,x)",
]


class Addresses(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "xlink:href", "srcset", "action", "formaction"):
                self.found.append((tag, name, value or ""))


def addresses(html: str) -> list[tuple[str, str, str]]:
    parser = Addresses()
    parser.feed(html)
    parser.close()
    return parser.found


def assert_inert(html: str) -> None:
    for tag, name, value in addresses(html):
        assert scheme(value) not in SCRIPT_SCHEMES or (tag == "img" and value.startswith("data:image/png")), \
            (tag, name, value)
        assert not (tag == "img" and (scheme(value) in ("http", "https") or value.startswith("//"))), value


@pytest.mark.parametrize("address, expected", [
    ("javascript:alert(1)", "javascript"), ("  JAVA\tSCRIPT:x", "javascript"), ("\x01javascript:x", "javascript"),
    ("java\nscript:x", "javascript"), ("https://a.id/", "https"), ("mailto:a@b.id", "mailto"),
    ("pbb.png", ""), ("#atas", ""), ("/x/y", ""), ("a/b:c", ""), ("?q=a:b", ""), ("", ""),
    ("javascript%E2%80%8B:x", ""),  # the zero-width space EscapeTraineeHtml puts in: not a scheme any more
])
def test_scheme_as_a_browser_reads_it(address, expected):
    assert scheme(address) == expected


@pytest.mark.parametrize("markdown", HOSTILE_LINKS + HOSTILE_IMAGES)
def test_no_script_address_survives_in_a_trainee_cell_or_a_comment(markdown):
    from nbconvert.filters.markdown import markdown2html

    rendered = markdown2html(escape_trainee_markdown(markdown))
    assert_inert(safe_html(rendered))
    comment = comment_html(markdown)
    assert_inert(comment)
    assert "<img" not in comment  # a comment shows no image at all


def test_the_escaping_alone_lets_a_character_reference_through():
    """Why the check is made after rendering: escaping the text is not enough (this is what it guards)."""
    from nbconvert.filters.markdown import markdown2html

    assert 'href="javascript:' in markdown2html(escape_trainee_markdown("[c](&#106;avascript:alert(1))"))


def test_safe_links_and_text_are_kept():
    text = "[situs](https://kominfo.go.id) [surel](mailto:humas@contoh.go.id) [bab](bab2.html) [atas](#atas)"
    rendered = comment_html(text)
    assert [value for _, _, value in addresses(rendered)] == [
        "https://kominfo.go.id", "mailto:humas@contoh.go.id", "bab2.html", "#atas"]
    assert "<a>jahat</a>" in comment_html("[jahat](javascript:alert(1))")  # the words stay, the address goes
    assert comment_html("![foto kantor](gambar.png)").strip() == "<p>foto kantor</p>"


def test_a_local_or_bitmap_image_stays_in_a_cell():
    html = '<p><img src="pbb.png" alt="PBB" /> <img src="data:image/png;base64,iVBO" alt="tempel" /></p>'
    assert safe_html(html) == html
    assert safe_html('<img src="https://x.example/p.png" alt="a &amp; b">') == "a &amp; b"


def test_only_the_changed_tags_are_rewritten():
    html = ('<div class="x">\n<p>satu <em>dua</em></p>\n<a class="k" href="java\tscript:x" title="t">tiga</a>'
            '<svg><a xlink:href="javascript:1">z</a></svg>\n<a href="https://a.id">ok</a></div>')
    assert safe_html(html) == ('<div class="x">\n<p>satu <em>dua</em></p>\n<a class="k" title="t">tiga</a>'
                               '<svg><a>z</a></svg>\n<a href="https://a.id">ok</a></div>')


def test_the_course_task_texts_render_exactly_as_before():
    """The course's own Markdown (instructions, quoted announcements, image syntax shown as code) is unchanged."""
    from nbconvert.filters.markdown import markdown2html

    cells = 0
    for path in sorted(COURSE.glob("source/*/*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "markdown":
                rendered = markdown2html("".join(cell["source"]))
                assert safe_html(rendered) == rendered, (path.name, rendered[:80])
                cells += 1
    assert cells > 20


def test_a_long_comment_is_handled_in_one_pass():
    text = "[a](javascript:x) " * 20_000 + "\n" + "<" * 50_000
    rendered = comment_html(text)
    assert "javascript" not in "".join(v for _, _, v in addresses(rendered)) and rendered.count("<a>") == 20_000
