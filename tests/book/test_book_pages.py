"""Every chapter of the built book reads well in Chromium at 1280 px (a laptop) and 390 px (a phone).

- Nothing in a chapter scrolls sideways: no element of the article is wider inside than its box where the excess
  would be scrolled or cut off (drafts in code cells, engine reports, tables, long links), and the page itself
  is not wider than the window.
- No English interface string (``english_ui_strings.txt``) reaches the page: its text, its <title>, its ARIA
  labels, titles, placeholders and tooltips.
- One search field, the book title once, addresses in the Sumber lists as links, fold-out answers that fold.
- Search works in Indonesian: the index has Indonesian stop words and no English stemming, and searching a
  chapter's title finds the chapter.

The chapters come from ``_toc.yml``: a new chapter is tested without touching this file.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

from booksite import REPO, OffsiteGuard

pytestmark = [pytest.mark.slow, pytest.mark.browser]

WIDTHS = [1280, 390]
WIDGET_VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'
ENGLISH_FILE = Path(__file__).with_name("english_ui_strings.txt")
LABEL_ATTRIBUTES = ["aria-label", "aria-description", "aria-roledescription", "aria-placeholder", "title",
                    "placeholder", "alt", "data-tooltip", "data-bs-title", "data-bs-original-title"]


def toc_chapters() -> list[str]:
    """The HTML page of every file in _toc.yml, root first."""
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))

    walk(toc.get("chapters"))
    for part in toc.get("parts") or []:
        walk(part.get("chapters"))
    return [f"{Path(f).with_suffix('').as_posix()}.html" for f in files]


def english_strings() -> list[str]:
    lines = ENGLISH_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def english_found(text: str, strings: list[str]) -> list[str]:
    return [s for s in strings if re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text)]


CHAPTERS = toc_chapters()


def test_the_toc_lists_the_chapters():
    assert len(CHAPTERS) >= 10 and "book/02-menulis-daring.html" in CHAPTERS
    assert len(english_strings()) >= 40


@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context per width, offline (anything off the machine is refused and recorded)."""
    made = {}
    guards = {}
    for width in WIDTHS:
        guard = OffsiteGuard()
        context = browser.new_context(viewport={"width": width, "height": 900})
        context.route("**/*", guard)
        made[width], guards[width] = context, guard
    yield made
    for context in made.values():
        context.close()
    assert all(g.blocked == [] for g in guards.values()), {w: g.blocked for w, g in guards.items()}


def _open(contexts, site_url, name, width):
    page = contexts[width].new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + name, wait_until="load")
    if page.locator(WIDGET_VIEW).count():  # the live tools saved in the page are drawn after load
        page.wait_for_selector(".widget-vbox", state="visible", timeout=30_000)
    page.evaluate("document.fonts.ready.then(() => true)")  # layout with the final fonts
    return page, errors


OVERFLOW_JS = """() => {
  const article = document.querySelector('article.bd-article');
  if (!article) return ['no article.bd-article on the page'];
  article.querySelectorAll('details').forEach((d) => { d.open = true; });  // answers too, opened
  const describe = (e) => {
    const cls = (e.getAttribute('class') || '').split(/\\s+/).slice(0, 3).join('.');
    const text = (e.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 60);
    return `${e.tagName.toLowerCase()}${cls ? '.' + cls : ''} is ${e.scrollWidth}px wide inside a ` +
           `${e.clientWidth}px box: "${text}"`;
  };
  const out = [];
  const doc = document.scrollingElement;
  if (doc.scrollWidth > window.innerWidth + 1) out.push(`the page is ${doc.scrollWidth}px wide in a ${window.innerWidth}px window`);
  for (const e of [article, ...article.querySelectorAll('*')]) {
    if (!e.clientWidth || e.scrollWidth <= e.clientWidth + 1) continue;
    // An element whose overflow is visible passes its excess to the box around it, which is measured too;
    // the article itself must fit its column.
    if (e !== article && getComputedStyle(e).overflowX === 'visible') continue;
    out.push(describe(e));
  }
  return out;
}"""

LABELS_JS = """(attributes) => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll('script, style, template, section#sumber').forEach((n) => n.remove());
  const labels = [];
  for (const e of document.querySelectorAll('*')) {
    for (const a of attributes) {
      const v = e.getAttribute(a);
      if (v) labels.push(`${a}="${v}"`);
    }
  }
  return {text: body.textContent, labels, title: document.title};
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_nothing_in_a_chapter_scrolls_sideways(contexts, site_url, chapter, width):
    page, errors = _open(contexts, site_url, chapter, width)
    try:
        problems = page.evaluate(OVERFLOW_JS)
    finally:
        page.close()
    assert problems == [], f"{chapter} at {width}px:\n" + "\n".join(problems)
    assert errors == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_english_interface_string_in_a_chapter(contexts, site_url, chapter, width):
    strings = english_strings()
    page, _ = _open(contexts, site_url, chapter, width)
    try:
        page.mouse.wheel(0, 3000)  # the theme shows its back-to-top button once the reader scrolls
        page.wait_for_timeout(300)
        shown = page.evaluate(LABELS_JS, LABEL_ATTRIBUTES)
    finally:
        page.close()
    assert english_found(shown["title"], strings) == [], shown["title"]
    assert english_found(shown["text"], strings) == [], f"{chapter} at {width}px, page text"
    leaks = [label for label in shown["labels"] if english_found(label, strings)]
    assert leaks == [], f"{chapter} at {width}px"


def test_the_check_finds_the_strings_it_looks_for():
    """The matcher of the test above: whole words and phrases, case-sensitive, so it finds what the theme used
    to print and leaves Indonesian words that merely contain the letters alone."""
    strings = english_strings()
    assert english_found("Back to top", strings) == ["Back to top"]
    assert english_found('title="Link to this heading"', strings) == ["Link to this heading"]
    assert english_found("Tip\nGunakan kata baku.", strings) == ["Tip"]
    assert english_found("Copied!", strings) == ["Copied!"]
    assert english_found("Kiat: tipis, Tipe, halaman, Tersalin!, Kembali ke atas, kopi", strings) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_one_search_field_and_the_book_title_once(contexts, site_url, width):
    for chapter in (CHAPTERS[0], "book/02-menulis-daring.html"):
        page, _ = _open(contexts, site_url, chapter, width)
        try:
            visible_search = page.evaluate("""() => [...document.querySelectorAll(
                '.search-button-field, .search-button__button, form.bd-search')].filter((e) => e.checkVisibility()).length""")
            book_title = page.evaluate("""() => [...document.querySelectorAll('.bd-sidebar-primary a')]
                .filter((a) => a.textContent.trim() === 'Humas di Era Digital').length""")
            title = page.title()
        finally:
            page.close()
        assert visible_search == 1, f"{chapter} at {width}px: {visible_search} search fields shown"
        assert title.count("Humas di Era Digital") == 1, title
        assert book_title == 1, f"{chapter}: the book title is listed {book_title} times in the chapter list"


def test_addresses_in_the_chapters_are_links(contexts, site_url):
    """A bare https:// address in a chapter's text (the Sumber lists) is a link the reader can open."""
    for chapter in CHAPTERS:
        page, _ = _open(contexts, site_url, chapter, 1280)
        try:
            bare = page.evaluate("""() => {
              const out = [];
              const walker = document.createTreeWalker(document.querySelector('article.bd-article'), NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                if (/https?:\\/\\//.test(n.textContent) && !n.parentElement.closest('a, code, pre, .cell_output')) out.push(n.textContent.trim().slice(0, 80));
              }
              return out;
            }""")
            sources = page.locator("section#sumber a[href^='http']").count()
        finally:
            page.close()
        assert bare == [], chapter
        if chapter.startswith("book/0"):
            assert sources > 0, f"{chapter}: no linked source in its Sumber list"


def test_answers_fold_out_without_script_labels(contexts, site_url):
    page, _ = _open(contexts, site_url, "book/02-menulis-daring.html", 390)
    try:
        answers = page.locator("details.kelas-dropdown")
        assert answers.count() >= 3
        assert page.locator(".admonition.dropdown:not(details)").count() == 0
        first = answers.first
        assert first.evaluate("d => d.open") is False
        assert first.locator("summary").inner_text().strip() == "Jawaban"
        body = first.locator("p").first
        assert not body.is_visible()
        first.locator("summary").click()
        assert first.evaluate("d => d.open") is True and body.is_visible()
    finally:
        page.close()


def test_copy_button_copies_the_block_and_says_so_in_indonesian(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    try:
        page.goto(site_url + "book/02-menulis-daring.html", wait_until="load")
        block = page.locator(".cell_input div.highlight").filter(has_text="draf_awal").first
        block.scroll_into_view_if_needed()
        block.hover()
        button = block.locator("button.kelas-salin")
        assert button.inner_text() == "Salin" and button.get_attribute("aria-label") == "Salin isi kotak ini"
        button.click()
        page.wait_for_function("() => document.querySelector('.kelas-salin-status')?.textContent === 'Tersalin!'")
        assert "Tersalin!" in block.inner_text()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == block.locator("pre").inner_text().rstrip("\n")
        assert 'draf_awal = """' in copied and "\n\n" in copied  # the draft's own lines, not the wrapped ones
    finally:
        context.close()


def _search_index(site) -> dict:
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1: text.rindex(")")])


def test_search_index_is_indonesian(site):
    index = _search_index(site)
    terms = index["terms"]
    language_data = (site / "_static" / "language_data.js").read_text(encoding="utf-8")
    stopwords = json.loads(re.search(r"var stopwords = (\[.*?\]);", language_data, re.S).group(1))
    assert "yang" in stopwords and "dan" in stopwords and "the" not in stopwords
    assert "yang" not in terms and "dan" not in terms  # Indonesian function words are not indexed
    # Words as written: the English stemmer made "kelas" into "kela"
    assert "kelas" in terms and "kela" not in terms
    assert "pelayanan" in terms and "layanan" in terms
    assert "porter" not in language_data.lower() and "snowball" not in language_data.lower()


def test_searching_an_indonesian_word_finds_its_chapter(contexts, site_url, site):
    """Typed the way a trainee would (capitals, a function word in between), each chapter's title finds it; the
    search page speaks Indonesian while it works."""
    strings = english_strings()
    titles = {}
    for chapter in CHAPTERS:
        html = (site / chapter).read_text(encoding="utf-8")
        titles[chapter] = re.sub(r"<[^>]+>", "", re.search(r"<h1>(.*?)<a class=\"headerlink\"", html, re.S).group(1)).strip()
    page = contexts[390].new_page()
    try:
        for chapter, title in titles.items():
            page.goto(site_url + "search.html?q=" + quote(title), wait_until="load")
            page.wait_for_function("() => /selesai|Tidak ada/.test(document.querySelector('#search-results p.search-summary')?.textContent || '')",
                                   timeout=30_000)
            found = page.evaluate("() => [...document.querySelectorAll('#search-results li a')].map(a => a.getAttribute('href'))")
            assert any(href.split("?")[0].split("#")[0].endswith(chapter) for href in found), (title, found[:5])
            shown = page.evaluate(LABELS_JS, LABEL_ATTRIBUTES)
            assert english_found(shown["text"], strings) == [], title
            assert "Pencarian selesai" in shown["text"]
        page.goto(site_url + "search.html?q=kelurahan", wait_until="load")
        page.wait_for_function("() => /selesai/.test(document.querySelector('#search-results p.search-summary')?.textContent || '')",
                               timeout=30_000)
        found = page.evaluate("() => [...document.querySelectorAll('#search-results li a')].map(a => a.getAttribute('href'))")
        assert found, "an Indonesian word found nothing"
    finally:
        page.close()
