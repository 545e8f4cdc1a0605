"""The parsed draft: parse once, measure many times.

:func:`parse` reads Markdown, HTML or plain text into a :class:`Document`: title, blocks (headings with levels,
paragraphs, list items), sentences, words, links (internal or outbound, given the page URL) and images with alt
text. ``Document.text`` is the draft's plain text (blocks joined by blank lines); every block, sentence and word
keeps its ``start``/``end`` offsets into it, so a check can point at exactly what it means.

``Document.text`` is what a reader sees: content hidden by markup (HTML comments, ``hidden``, ``display:none``,
``<template>`` …; see :mod:`.markup`) is not in it, and ``Document.hidden`` lists what was left out as
:class:`~.markup.HiddenText` (kind, excerpt).
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, NamedTuple
from urllib.parse import urlsplit

from ..languages import Language
from .markup import BODY_KINDS, HiddenText, detect_format, read_blocks
from .sentences import split_sentences
from .words import Word, tokenize

MAX_CHARACTERS = 2_000_000  # drafts longer than this are cut (and the report says so)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# Sentences and blocks are named tuples: immutable like the rest of the document, and built without a Python-level
# __init__ (a draft has hundreds of them, built on every keystroke in the live tools).
class Sentence(NamedTuple):
    text: str
    start: int
    end: int
    words: tuple[Word, ...]
    block: int  # index into Document.blocks


class Block(NamedTuple):
    kind: str  # heading | paragraph | list_item | quote | table_cell | code
    text: str
    start: int
    end: int
    level: int
    words: tuple[Word, ...]
    sentences: tuple[Sentence, ...]


_new = tuple.__new__  # builds a named tuple without its Python-level __new__ (hundreds per draft)


@dataclass(frozen=True, slots=True)
class Link:
    href: str
    text: str
    internal: bool
    followed: bool


@dataclass(frozen=True, slots=True)
class Image:
    src: str
    alt: str


@dataclass
class Document:
    source: str
    format: str
    language: Language
    text: str
    title: str
    blocks: tuple[Block, ...]
    links: tuple[Link, ...]
    images: tuple[Image, ...]
    truncated: bool = False
    hidden: tuple[HiddenText, ...] = ()  # content the reader does not see, left out of ``text``
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    # ------------------------------------------------------------------ views
    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    @property
    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in BODY_KINDS]

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in ("paragraph", "quote")]

    @property
    def sentences(self) -> list[Sentence]:
        return self.cached("sentences", lambda: [s for b in self.body_blocks for s in b.sentences])

    @property
    def words(self) -> list[Word]:
        return self.cached("words", lambda: [w for b in self.blocks if b.kind != "code" for w in b.words])

    def cached(self, key: str, compute: Callable[[], Any]) -> Any:
        """Memoise a measurement on this document (thread-safe; each value computed once)."""
        try:
            return self._cache[key]
        except KeyError:
            pass
        value = compute()
        with self._lock:
            return self._cache.setdefault(key, value)


def clean_text(text: str) -> str:
    """NFC, Unix newlines, no zero-width characters or NUL/control bytes (tabs and newlines kept)."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", text)


def _is_internal(href: str, site: str) -> bool | None:
    """True for links on the page's own site, False for outbound ones, None for non-web links (mailto:, #)."""
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    try:
        parts = urlsplit(href)
    except ValueError:
        return None  # a malformed address is not a link we can judge
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if not parts.netloc:
        return True  # relative link
    host = parts.netloc.lower().split("@")[-1].split(":")[0]
    host = host[4:] if host.startswith("www.") else host
    return bool(site) and (host == site or host.endswith("." + site))


def parse(source: str, language: Language, *, fmt: str | None = None, title: str = "", url: str = "") -> Document:
    """Parse a draft once. ``fmt`` is ``markdown``, ``html`` or ``text`` (detected when None)."""
    truncated = len(source) > MAX_CHARACTERS
    source = clean_text(source[:MAX_CHARACTERS])
    fmt = fmt or detect_format(source)
    hidden: list[HiddenText] = []
    raw_blocks = read_blocks(source, fmt, hidden)

    try:
        site = urlsplit(url.strip()).netloc.lower().split(":")[0] if url.strip() else ""
    except ValueError:
        site = ""  # a malformed page URL: every absolute link counts as outbound
    site = site[4:] if site.startswith("www.") else site

    pieces: list[str] = []
    blocks: list[Block] = []
    links: list[Link] = []
    images: list[Image] = []
    position = 0
    for raw in raw_blocks:
        text = " ".join(raw.text.split()) if raw.kind != "code" else raw.text.strip("\n")
        if pieces:
            pieces.append("\n\n")
            position += 2
        start = position
        pieces.append(text)
        position += len(text)
        index = len(blocks)
        if raw.kind == "code":
            words: tuple[Word, ...] = ()
            sentences: tuple[Sentence, ...] = ()
        else:
            words = tuple(tokenize(text, start))
            if raw.kind in BODY_KINDS:
                sentences = tuple(_sentences(text, start, words, language, index))
            else:
                sentences = ()
        blocks.append(_new(Block, (raw.kind, text, start, start + len(text), raw.level, words, sentences)))
        for link in raw.links:
            internal = _is_internal(link.href, site)
            if internal is None:
                continue
            followed = "nofollow" not in link.rel.lower() and "sponsored" not in link.rel.lower()
            links.append(Link(link.href, link.text, internal, followed))
        images.extend(Image(img.src, img.alt) for img in raw.images)

    if not title:
        h1 = next((b.text for b in blocks if b.kind == "heading" and b.level == 1), "")
        title = h1
    return Document(
        source=source, format=fmt, language=language, text="".join(pieces), title=clean_text(title).strip(),
        blocks=tuple(blocks), links=tuple(links), images=tuple(images), truncated=truncated, hidden=tuple(hidden),
    )


def _sentences(text: str, start: int, words: tuple[Word, ...], language: Language, block: int) -> list[Sentence]:
    spans = split_sentences(text, language, start)
    if len(spans) == 1:
        span = spans[0]
        return [_new(Sentence, (text[span.start - start: span.end - start], span.start, span.end, words, block))]
    starts = [w.start for w in words]
    ends = [w.end for w in words]
    result = []
    for span in spans:
        i = bisect_right(ends, span.start)  # the first word that ends inside or after the span's start
        j = max(i, bisect_left(starts, span.end))  # the first word that starts at or after its end
        result.append(_new(Sentence, (text[span.start - start: span.end - start], span.start, span.end, words[i:j], block)))
    return result
