"""``kelas_book``: the course book's own Sphinx extension (listed first in ``_config.yml``).

- :mod:`.search` — the search index in Indonesian (Indonesian stop words, no English stemming);
- :mod:`.translations` — our Indonesian catalogues ahead of the packages' (theme strings, search page);
- :mod:`.answers` — fold-out answers as native ``<details>``;
- ``static/kelas-buku.css`` — drafts, reports and tables that wrap; ``static/kelas-salin.js_t`` — an Indonesian
  copy button (sphinx-copybutton has no Indonesian and no option for its texts).

Page titles: ``book/_templates/layout.html`` drops the " — book title" suffix where the page title already is
the book title.
"""
from __future__ import annotations

from pathlib import Path

from . import answers
from .search import SearchIndonesian
from .translations import register_catalogues, write_translations_js

STATIC = Path(__file__).resolve().parent / "static"


def _add_static_path(app) -> None:
    app.config.html_static_path.append(str(STATIC))


def setup(app):
    app.add_search_language(SearchIndonesian)
    register_catalogues(app)
    answers.setup(app)
    app.connect("builder-inited", _add_static_path)
    app.connect("build-finished", write_translations_js)
    app.add_css_file("kelas-buku.css")  # the page tools bring their own kelas.css (book/_js)
    app.add_js_file("kelas-salin.js")
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
