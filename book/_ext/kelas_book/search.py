"""The book's search index in Indonesian.

Sphinx has no search language for ``id`` and falls back to English: Indonesian words went through the Porter
stemmer and English stop words. :class:`SearchIndonesian` indexes words as they are written (lower-cased) and
skips the Indonesian function words the engine already knows (``autograders/engine/languages/id/stopwords.txt``).

Why no stemming: Sphinx stems a word twice, in Python when it builds the index and in JavaScript when the reader
types a query, and both must give the same stem. The stemmer the course uses (Sastrawi) needs its 30,000-word
root dictionary; a JavaScript copy of it would be a second implementation of a rule the engine already has, and
any disagreement silently loses results. Without stemming both sides agree by construction, and Sphinx's search
still finds word forms: a query word that is not itself in the index matches every indexed word that contains
it (``urus`` finds *mengurus* and *pengurusan*).
"""
from __future__ import annotations

from sphinx.search import SearchLanguage


def _engine_stopwords() -> frozenset[str]:
    from autograders.engine.languages import get_language

    return get_language("id").stopwords


class SearchIndonesian(SearchLanguage):
    lang = "id"
    language_name = "Indonesian"
    stopwords = set(_engine_stopwords())
    # js_stemmer_code is SearchLanguage's: a Stemmer whose stemWord returns the word unchanged, like stem() below.

    def stem(self, word: str) -> str:
        return word.lower()
