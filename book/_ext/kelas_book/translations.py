"""The book's own Indonesian catalogues (``book/_locale/id/LC_MESSAGES``) win over the packages' ones.

- ``sphinx.po``: Sphinx itself reads it first (``locale_dirs``) for Sphinx's, pydata-sphinx-theme's and our
  templates' strings. Sphinx's search page takes its JavaScript strings from a separate ``sphinx.js`` file
  (its own Indonesian one has English and misspelt entries); :func:`write_translations_js` rewrites the built
  ``_static/translations.js`` from Sphinx's file overlaid with our catalogue.
- ``booktheme.po``: sphinx-book-theme registers its catalogue when it is set up; :func:`register_catalogues`
  runs before that (``kelas_book`` comes first in ``extensions``), so ours is read first and the theme's is the
  fallback.
"""
from __future__ import annotations

import json
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx.util import logging

LOCALE_DIR = Path(__file__).resolve().parents[2] / "_locale"
logger = logging.getLogger(__name__)


def catalogue_messages(domain: str, language: str) -> dict[str, str]:
    """The translated messages of one of our catalogues (untranslated entries left out)."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    return {m.id: m.string for m in catalogue if m.id and isinstance(m.id, str) and m.string}


def register_catalogues(app) -> None:
    """Compile our non-Sphinx catalogues into the build folder and register them ahead of the packages'."""
    language = app.config.language
    source = LOCALE_DIR / language / "LC_MESSAGES"
    if not source.is_dir():
        return
    target_root = Path(app.doctreedir).parent / "kelas_locale"
    target = target_root / language / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    for po in sorted(source.glob("*.po")):
        if po.stem == "sphinx":  # Sphinx compiles and reads this one itself (locale_dirs)
            continue
        with po.open("rb") as handle:
            catalogue = read_po(handle, locale=language)
        with (target / f"{po.stem}.mo").open("wb") as handle:
            write_mo(handle, catalogue)
        app.add_message_catalog(po.stem, str(target_root))


def _sphinx_js_messages(language: str) -> dict[str, str]:
    import sphinx

    path = Path(sphinx.__file__).parent / "locale" / language / "LC_MESSAGES" / "sphinx.js"
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    data = json.loads(text[text.index("{"): text.rindex("}") + 1])
    return {k: v for k, v in data.get("messages", {}).items() if v}


def write_translations_js(app, exception) -> None:
    """``_static/translations.js`` for the search page: Sphinx's Indonesian strings, ours on top."""
    if exception is not None or app.builder.format != "html":
        return
    language = app.config.language
    ours = catalogue_messages("sphinx", language)
    if not ours:
        return
    messages = _sphinx_js_messages(language)
    messages.update(ours)
    payload = {"locale": language, "messages": dict(sorted(messages.items())), "plural_expr": "0"}
    out = Path(app.outdir) / "_static" / "translations.js"
    out.write_text("Documentation.addTranslations(" + json.dumps(payload, ensure_ascii=False, indent=1) + ");\n",
                   encoding="utf-8")
