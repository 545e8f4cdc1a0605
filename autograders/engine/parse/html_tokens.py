"""HTML as a stream of start tags, end tags, text and comments, read in one pass (linear time on any input).

The standard library's ``html.parser`` rescans the rest of the draft from every ``<`` that does not close
(``<a <a <a …``, ``<!--`` without ``-->``, ``<a href='`` …): a pasted draft of 64 KB took more than a minute.
This reader follows the HTML tokenizer's rules where they matter for prose, and never looks at a character
twice:

* a start tag runs to its ``>``; attribute values may be quoted (a ``>`` inside quotes does not end the tag);
* a comment runs to ``-->`` (``<!-->`` and ``<!--->`` are empty comments); ``<!…>``, ``<?…>`` and ``</`` followed
  by neither a letter nor ``>`` are "bogus comments" that run to the next ``>``; a doctype and ``</>`` give no event;
* the text of ``script``, ``style``, ``textarea``, ``title`` and the other raw-text elements runs to their end tag;
* a tag, comment or quoted value that never closes swallows the rest of the draft, as in a browser (a comment
  keeps it as its text);
* a ``<`` that opens nothing is text; character references in text and attribute values are decoded.

Events: ``("start", tag, attrs)``, ``("end", tag, None)``, ``("data", text, None)``, ``("comment", text, None)``
and, always last, ``("unclosed_comment", text, None)`` for a ``<!--`` that never closes (a reader fed in chunks
goes on hiding what follows, as a browser does). Tag names are lower case, attributes a list of ``(name, value or
None)``, comment text as written. A self-closing tag (``<br/>``) gives a start and an end.
"""
from __future__ import annotations

import html
import re
from typing import Iterator

_TAG_NAME = re.compile(r"[a-zA-Z][^\t\n\r\f />\x00]*")
_BETWEEN_ATTRS = re.compile(r"[\t\n\r\f /]*")
_ATTR_NAME = re.compile(r"[^\t\n\r\f />][^\t\n\r\f />=]*")
_EQUALS = re.compile(r"[\t\n\r\f ]*=[\t\n\r\f ]*")
_UNQUOTED = re.compile(r"[^\t\n\r\f >]*")
_RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript")
_RAW_END = {name: re.compile(rf"</{name}(?=[\t\n\r\f />]|$)", re.IGNORECASE) for name in _RAW_TEXT}


def _start_tag(text: str, i: int) -> tuple[str, list, bool, int] | None:
    """The start tag at ``text[i] == '<'``: (tag, attrs, self_closing, end), or None when it never closes."""
    n = len(text)
    name = _TAG_NAME.match(text, i + 1)
    tag, j = name.group().lower(), name.end()
    attrs: list[tuple[str, str | None]] = []
    while True:
        gap = _BETWEEN_ATTRS.match(text, j)
        j = gap.end()
        if j >= n:
            return None
        if text[j] == ">":
            return tag, attrs, gap.group().endswith("/"), j + 1
        attr = _ATTR_NAME.match(text, j)
        key, j = attr.group().lower(), attr.end()
        equals = _EQUALS.match(text, j)
        if equals is None:
            attrs.append((key, None))
            continue
        j = equals.end()
        if j < n and text[j] in "\"'":
            close = text.find(text[j], j + 1)
            if close < 0:
                return None
            value, j = text[j + 1:close], close + 1
        else:
            bare = _UNQUOTED.match(text, j)
            value, j = bare.group(), bare.end()
        attrs.append((key, html.unescape(value)))


def html_events(text: str) -> Iterator[tuple[str, object, object]]:
    """The events of ``text`` in order (see the module docstring)."""
    n = len(text)
    i = 0  # everything before i has been emitted
    data_start = 0
    while True:
        lt = text.find("<", i)
        if lt < 0 or lt + 1 >= n:
            break
        nxt = text[lt + 1]
        if nxt.isascii() and nxt.isalpha():
            parsed = _start_tag(text, lt)
            if parsed is None:
                n = lt  # an unclosed tag swallows the rest of the draft
                break
            tag, attrs, self_closing, end = parsed
            if lt > data_start:
                yield "data", html.unescape(text[data_start:lt]), None
            yield "start", tag, attrs
            i = data_start = end
            if self_closing:
                yield "end", tag, None
            elif tag in _RAW_END:
                close = _RAW_END[tag].search(text, end)
                stop = close.start() if close else n
                if stop > end:
                    yield "data", text[end:stop], None
                if close is None:
                    n = end
                    i = data_start = n
                    break
                gt = text.find(">", close.end())
                yield "end", tag, None
                if gt < 0:
                    n = close.start()
                    i = data_start = n
                    break
                i = data_start = gt + 1
            continue
        if nxt == "/" or nxt == "!" or nxt == "?":
            name = _TAG_NAME.match(text, lt + 2) if nxt == "/" else None
            close = -1 if text.startswith("<!--", lt) else text.find(">", lt + 2)
            if name is not None and close < 0:
                n = lt  # an unclosed end tag swallows the rest
                break
            if lt > data_start:
                yield "data", html.unescape(text[data_start:lt]), None
            if text.startswith("<!--", lt):
                if text.startswith(">", lt + 4) or text.startswith("->", lt + 4):
                    end = text.index(">", lt + 4) + 1  # <!--> and <!--->: empty comments
                    yield "comment", "", None
                else:
                    close = text.find("-->", lt + 4)
                    if close < 0:
                        yield "unclosed_comment", text[lt + 4:], None
                        return
                    yield "comment", text[lt + 4:close], None
                    end = close + 3
            else:
                stop = close if close >= 0 else n  # a bogus comment runs to the end of the draft
                end = stop + 1
                if name is not None:
                    yield "end", name.group().lower(), None
                elif nxt == "?":
                    yield "comment", text[lt + 1:stop], None
                elif nxt == "!" and text[lt + 2:lt + 9].lower() != "doctype":
                    yield "comment", text[lt + 2:stop], None
                elif nxt == "/" and stop > lt + 2:
                    yield "comment", text[lt + 2:stop], None
            i = data_start = min(end, n)
            if end > n:
                return
            continue
        i = lt + 1  # a "<" that opens nothing is text
    if n > data_start:
        yield "data", html.unescape(text[data_start:n]), None
