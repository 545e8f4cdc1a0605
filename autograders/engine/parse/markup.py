"""Markup readers: Markdown (mistune), HTML (our own linear reader, :mod:`.html_tokens`) and plain text.

Each reader turns a draft into a flat list of :class:`RawBlock` — headings, paragraphs, list items, quotes —
holding plain text plus the links and images found in them. Nothing here splits sentences or judges anything.
Script, style and other non-content elements are dropped, never executed or echoed.

**The text a reader sees.** Content that a browser (or JupyterLab, or nbgrader's feedback page) would not show
never reaches the text: HTML comments (closed or not), ``<template>``, elements with the ``hidden`` attribute, a
hiding class (``hidden``, ``d-none``, ``sr-only``, ``visually-hidden`` …) or a hiding inline style
(``display:none``, ``visibility:hidden``, a font size of zero or near it, ``opacity:0``, transparent text, zero
height or width with hidden overflow, ``scale(0)``, off-screen positioning, clipping), and Markdown link
definitions that point nowhere (``[//]: # (…)``, the "Markdown comment"). What was dropped is recorded as
:class:`HiddenText` (kind, excerpt) in the ``hidden`` list a reader is given, so the report and the instructor can
say so. In Markdown the HTML state carries across blocks, as in a browser: ``<div hidden>``, a blank line, a
paragraph, a blank line and ``</div>`` hides the paragraph. Everything is read in one pass (the events of
:func:`.html_events`, which never looks at a character twice, and string scans; no backtracking pattern over the
trainee's text).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import NamedTuple

import mistune

from .html_tokens import html_events

BODY_KINDS = ("paragraph", "list_item", "quote", "table_cell")


@dataclass
class RawLink:
    href: str
    text: str
    rel: str = ""


@dataclass
class RawImage:
    src: str
    alt: str


@dataclass
class RawBlock:
    kind: str  # heading | paragraph | list_item | quote | table_cell | code
    text: str
    level: int = 0  # heading level
    links: list[RawLink] = field(default_factory=list)
    images: list[RawImage] = field(default_factory=list)


class HiddenText(NamedTuple):
    """Content of the draft that a reader does not see: why (``kind``) and its first words (``excerpt``).

    Kinds: ``comment`` (an HTML comment), ``template``, ``hidden_attribute``, ``hidden_class``, ``display_none``,
    ``visibility_hidden``, ``tiny_font``, ``opacity_zero``, ``transparent_text``, ``zero_size``, ``off_screen``,
    ``clipped``, ``link_definition`` (a Markdown link definition that points nowhere, used as a comment).
    """

    kind: str
    excerpt: str


HIDDEN_KINDS = ("comment", "template", "hidden_attribute", "hidden_class", "display_none", "visibility_hidden",
                "tiny_font", "opacity_zero", "transparent_text", "zero_size", "off_screen", "clipped",
                "link_definition")
EXCERPT_CHARACTERS = 80


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_CHARACTERS else text[: EXCERPT_CHARACTERS - 1].rstrip() + "…"


# --------------------------------------------------------------------------- format detection
# These patterns run in linear time on any draft: no part of them can scan past the start of another attempt (a
# list marker's indent stays on its line; a bracket, parenthesis or tag ends at the next opening one; a tag name
# ends at the first character that is not a letter, digit or hyphen).
_HTML_TAG = re.compile(r"<\s*(html|body|p|h[1-6]|div|article|section|ul|ol|li|img|a|br|span|strong|em|table)\b[^<>]*>", re.I)
_MD_SIGNAL = re.compile(r"(^#{1,6}\s)|(^[^\S\n]*[-*+]\s)|(^[^\S\n]*\d+[.)]\s)|(\[[^\[\]\n]+\]\([^()\n]+\))|(\*\*[^*]+\*\*)|(^>\s)",
                        re.M)
# Any tag, comment or link definition: a draft with one is read as Markdown (which renders HTML, as a notebook's
# Markdown cell does), never as plain text, so that hidden content cannot pass as text.
_MARKUP_HINT = re.compile(r"<(?:!--|/?[a-zA-Z][a-zA-Z0-9-]*[\s/>])|^ {0,3}\[[^\]\n]{1,100}\]:", re.M)


def detect_format(text: str) -> str:
    """``html`` if the draft is mostly tags, ``markdown`` if it has Markdown structure or any tag or comment,
    else ``text``."""
    sample = text[:20000]
    if len(_HTML_TAG.findall(sample)) >= 2 or re.match(r"\s*<(!doctype|html)", sample, re.I):
        return "html"
    if _MD_SIGNAL.search(sample) or _MARKUP_HINT.search(text):
        return "markdown"
    return "text"


def read_blocks(text: str, fmt: str, hidden: list[HiddenText] | None = None) -> list[RawBlock]:
    """The draft's blocks; what a reader would not see is left out and, when ``hidden`` is given, recorded there."""
    hidden = [] if hidden is None else hidden
    if fmt == "html":
        return read_html(text, hidden)
    if fmt == "markdown":
        return read_markdown(text, hidden)
    return read_plain(text)


def hidden_content(text: str) -> tuple[HiddenText, ...]:
    """What a draft hides from its reader (the same reading as :func:`read_blocks`); cheap for a draft with no
    markup at all (no ``<`` and no link definition)."""
    if "<" not in text and "]:" not in text:
        return ()
    hidden: list[HiddenText] = []
    read_blocks(text, detect_format(text), hidden)
    return tuple(hidden)


# --------------------------------------------------------------------------- plain text
_LIST_MARKER = re.compile(r"^\s*(?:[-*•·–]|\d{1,3}[.)]|[a-zA-Z][.)])\s+")


def read_plain(text: str) -> list[RawBlock]:
    """Blocks are separated by blank lines; a short line without final punctuation is a heading-like line."""
    blocks: list[RawBlock] = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        paragraph: list[str] = []

        def flush() -> None:
            if paragraph:
                blocks.append(RawBlock("paragraph", " ".join(paragraph)))
                paragraph.clear()

        for i, line in enumerate(lines):
            if _LIST_MARKER.match(line):
                flush()
                blocks.append(RawBlock("list_item", _LIST_MARKER.sub("", line, count=1)))
            elif (
                len(lines) > 1
                and not paragraph
                and len(line.split()) <= 12
                and not re.search(r"[.!?…:;,\"”)]$", line)
                and i + 1 < len(lines)
            ):
                blocks.append(RawBlock("heading", line, level=2))
            else:
                paragraph.append(line)
        flush()
    return blocks


# --------------------------------------------------------------------------- visibility
_VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                        "track", "wbr"})
# Elements whose content is never text for the reader. Script and style are code (the grader flags code in an
# answer separately); the others hold metadata, graphics or form state. Their content is dropped, not recorded.
_SKIP_TAGS = {"script", "style", "head", "title", "svg", "iframe", "object", "canvas", "textarea", "select"}
# Elements that exist to hold content the reader does not see: dropped and recorded.
_HIDING_TAGS = {"template": "template", "noscript": "template"}
_HIDING_CLASSES = frozenset({"hidden", "d-none", "sr-only", "visually-hidden", "visuallyhidden", "invisible", "hide",
                             "screen-reader-text", "jp-mod-hidden", "lm-mod-hidden"})
# A start tag of one of these closes an open <p> (HTML's parsing rule, simplified): <p hidden>a<div>b</div> shows b.
_CLOSES_P = frozenset({"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption",
                       "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav",
                       "ol", "p", "pre", "section", "table", "ul"})
_SAME_CLOSES = {"li": "li", "dt": "dt", "dd": "dd", "tr": "tr", "td": "td", "th": "th", "option": "option"}
_LENGTH = re.compile(r"\s*(-?(?:\d+(?:\.\d*)?|\.\d+))\s*([a-z%]*)")
_OFF_SCREEN_PX = 500  # further left or up than this and the text is off the page


def _length(value: str) -> tuple[float, str] | None:
    match = _LENGTH.match(value)
    return (float(match.group(1)), match.group(2)) if match else None


def _is_tiny_font(value: str) -> bool:
    length = _length(value)
    if length is None:
        return value.strip() == "0"
    number, unit = length
    limits = {"px": 4, "pt": 3, "em": 0.25, "rem": 0.25, "%": 25, "vw": 0.2, "vh": 0.2, "": 1}
    return number <= 0 or number < limits.get(unit, 0)


def _is_transparent(value: str) -> bool:
    value = value.replace(" ", "")
    if value == "transparent":
        return True
    if value.startswith(("rgba(", "hsla(")) and value.endswith(")"):
        alpha = _length(value[:-1].rsplit(",", 1)[-1])
        return alpha is not None and alpha[0] <= 0.05
    return value.startswith("#") and len(value) in (5, 9) and value[-(len(value) // 4):].strip("0") == ""


def style_reason(style: str) -> str | None:
    """Why an inline ``style`` hides its element's content (a :class:`HiddenText` kind), or None."""
    declarations: dict[str, str] = {}
    for part in style.lower().split(";"):
        name, colon, value = part.partition(":")
        if colon:
            declarations[name.strip()] = " ".join(value.replace("!important", "").split())
    get = declarations.get
    if get("display") == "none":
        return "display_none"
    if get("visibility") in ("hidden", "collapse"):
        return "visibility_hidden"
    if "font-size" in declarations and _is_tiny_font(declarations["font-size"]):
        return "tiny_font"
    opacity = _length(get("opacity", ""))
    if opacity is not None and opacity[0] <= (5 if opacity[1] == "%" else 0.05):
        return "opacity_zero"
    if "color" in declarations and _is_transparent(declarations["color"]):
        return "transparent_text"
    overflow_hidden = any(get(k, "").split(" ")[0] in ("hidden", "clip") for k in ("overflow", "overflow-x", "overflow-y"))
    for key in ("height", "max-height", "width", "max-width"):
        size = _length(get(key, ""))
        if size is not None and size[0] <= 0 and overflow_hidden:
            return "zero_size"
    if get("transform", "").replace(" ", "").startswith(("scale(0)", "scale(0,", "scalex(0)", "scaley(0)")):
        return "zero_size"
    positioned = get("position") in ("absolute", "fixed", "relative")
    for key in ("left", "top", "right", "margin-left", "margin-top", "text-indent"):
        offset = _length(get(key, ""))
        if offset is not None and offset[0] <= -_OFF_SCREEN_PX and offset[1] in ("px", "pt", "") and (
                positioned or key in ("text-indent", "margin-left", "margin-top")):
            return "off_screen"
    clip = get("clip", "").replace(" ", "")
    if clip.startswith("rect(") and all((_length(v) or (1.0, ""))[0] <= 1 for v in clip[5:].rstrip(")").split(",")):
        return "clipped"
    if get("clip-path", "").replace(" ", "") in ("inset(50%)", "inset(100%)", "circle(0)", "circle(0px)"):
        return "clipped"
    return None


def hiding_reason(tag: str, attrs: dict[str, str | None]) -> str | None:
    """Why an element hides its content from the reader (a :class:`HiddenText` kind), or None."""
    if tag in _HIDING_TAGS:
        return _HIDING_TAGS[tag]
    if "hidden" in attrs and tag != "input":
        return "hidden_attribute"
    classes = (attrs.get("class") or "").lower().split()
    if classes and not _HIDING_CLASSES.isdisjoint(classes):
        return "hidden_class"
    style = attrs.get("style")
    return style_reason(style) if style else None


class _Visibility:
    """The open elements of an HTML stream (a light model of a browser's stack of open elements) and whether one
    of them hides what is inside; hidden text is gathered per hidden region and recorded when the region closes.

    Every element is pushed once and popped once, and an end tag with no open element of its name costs O(1), so
    any input is read in linear time.
    """

    __slots__ = ("stack", "open_count", "hidden_at", "kind", "buffer", "sink")

    def __init__(self, sink: list[HiddenText]) -> None:
        self.stack: list[tuple[str, str | None]] = []  # (tag, hiding reason or "skip" or None)
        self.open_count: dict[str, int] = {}
        self.hidden_at = -1  # index of the outermost hiding element, -1 when what comes is visible
        self.kind = ""
        self.buffer: list[str] = []
        self.sink = sink

    @property
    def hidden(self) -> bool:
        return self.hidden_at >= 0

    def start(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag in _VOID_TAGS:
            return
        if tag in _CLOSES_P and self.open_count.get("p"):
            self.end("p")
        same = _SAME_CLOSES.get(tag)
        if same and self.stack and self.stack[-1][0] == same:
            self.end(same)
        if tag == "body" and self.open_count.get("head"):
            self.end("head")
        reason = "skip" if tag in _SKIP_TAGS else hiding_reason(tag, attrs)
        if reason and self.hidden_at < 0:
            self.hidden_at, self.kind = len(self.stack), reason
        self.stack.append((tag, reason))
        self.open_count[tag] = self.open_count.get(tag, 0) + 1

    def end(self, tag: str) -> None:
        if not self.open_count.get(tag):
            return  # a stray end tag: ignored, as a browser does
        while self.stack:
            name, _ = self.stack.pop()
            self.open_count[name] -= 1
            if len(self.stack) <= self.hidden_at:
                self.flush()
            if name == tag:
                break

    def truncate(self, depth: int) -> None:
        """Close everything opened above ``depth`` (inline elements end with their paragraph)."""
        while len(self.stack) > depth:
            self.end(self.stack[-1][0])

    def text(self, data: str) -> None:
        """Hidden data is gathered for the record (visible data is the caller's)."""
        if self.kind != "skip":
            self.buffer.append(data)

    def flush(self) -> None:
        if self.hidden_at >= 0 and self.kind != "skip":
            record(self.sink, self.kind, "".join(self.buffer))
        self.hidden_at, self.kind, self.buffer = -1, "", []


def record(sink: list[HiddenText], kind: str, text: str) -> None:
    if text.strip():
        sink.append(HiddenText(kind, _excerpt(text)))


def _read_tag(raw: str) -> tuple[bool, str, dict[str, str | None]] | None:
    """One inline tag (Markdown's raw inline HTML) read with the same rules as the HTML reader: (closing, tag,
    attributes), or None when ``raw`` is not a tag."""
    for kind, value, attrs in html_events(raw):
        if kind == "start":
            return False, value, dict(attrs)
        if kind == "end":
            return True, value, {}
    return None


# --------------------------------------------------------------------------- Markdown
# mistune (a CommonMark-style parser) gives an abstract syntax tree; it is about three times faster than
# markdown-it-py on prose, which matters for a report that must feel live while the trainee types.
_MD = mistune.create_markdown(renderer=None, plugins=["table", "strikethrough"])
_CONTAINERS = {"list": None, "list_item": "list_item", "block_quote": "quote", "table": None, "table_head": None,
               "table_body": None, "table_row": None}
_TEXT_BLOCKS = {"paragraph", "block_text", "heading", "table_cell"}
_NOWHERE = ("", "#", "<>", "/")  # where a link definition used as a comment points


def read_markdown(text: str, hidden: list[HiddenText] | None = None) -> list[RawBlock]:
    hidden = [] if hidden is None else hidden
    blocks: list[RawBlock] = []
    tokens, state = _MD.parse(text)
    for definition in (state.env.get("ref_links") or {}).values():
        if str(definition.get("url", "")).strip() in _NOWHERE:
            record(hidden, "link_definition", str(definition.get("title") or ""))
    html_reader = _BlockCollector(hidden)  # one HTML state for the whole draft: <div hidden> spans blocks
    _walk(tokens, None, blocks, html_reader)
    html_reader.finish()
    html_reader.take_blocks(blocks)
    return blocks


def _node_text(node) -> str:
    """All the text under a Markdown node (for the record of hidden content)."""
    parts: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.get("type") in ("text", "codespan", "block_code"):
            parts.append(current.get("raw", ""))
        stack.extend(reversed(current.get("children") or []))
    return " ".join(parts)


def _walk(nodes, container: str | None, blocks: list[RawBlock], html_reader: "_BlockCollector") -> None:
    visibility = html_reader.visibility
    for node in nodes:
        kind = node.get("type")
        if kind == "block_html":
            html_reader.feed_chunk(node.get("raw", ""))
            html_reader.take_blocks(blocks)
            continue
        if kind in _TEXT_BLOCKS or kind == "block_code":
            visibility.end("p")  # a Markdown block closes an open <p>, as its rendered <p> (or <pre>) would
            if visibility.hidden:
                visibility.text(_node_text(node) + " ")
                continue
        if kind in _TEXT_BLOCKS:
            if kind == "heading":
                block = RawBlock("heading", "", int(node.get("attrs", {}).get("level", 1)))
            elif kind == "table_cell":
                block = RawBlock("table_cell", "")
            else:
                block = RawBlock(container or "paragraph", "")
            block.text = _inline(node.get("children") or [], block, visibility)
            if block.text.strip() or block.images:
                blocks.append(block)
        elif kind in _CONTAINERS:
            _walk(node.get("children") or [], _CONTAINERS[kind] or container, blocks, html_reader)
        elif kind == "block_code":
            blocks.append(RawBlock("code", node.get("raw", "")))


def _inline(children, block: RawBlock, visibility: _Visibility) -> str:
    parts: list[str] = []
    open_links: list[tuple[RawLink, int]] = []
    depth = len(visibility.stack)  # inline elements opened here end with the block

    def visit(nodes) -> None:
        for node in nodes:
            kind = node.get("type")
            if kind == "inline_html":
                raw = node.get("raw", "")
                if raw.startswith("<!--"):
                    if visibility.hidden:
                        visibility.text(raw[4:-3])
                    else:
                        record(visibility.sink, "comment", raw[4:-3])
                    continue
                found = _read_tag(raw)
                if found is None:
                    continue
                closing, tag, attrs = found
                if closing:
                    visibility.end(tag)
                    if tag == "a" and open_links and not visibility.hidden:
                        link, start = open_links.pop()
                        link.text = "".join(parts[start:]).strip()
                        block.links.append(link)
                    continue
                if not visibility.hidden and tag not in _SKIP_TAGS and hiding_reason(tag, attrs) is None:
                    if tag == "a":
                        open_links.append((RawLink(attrs.get("href") or "", "", attrs.get("rel") or ""), len(parts)))
                    elif tag == "img":
                        block.images.append(RawImage(attrs.get("src") or "", (attrs.get("alt") or "").strip()))
                    elif tag == "br":
                        parts.append(" ")
                visibility.start(tag, attrs)
                continue
            if visibility.hidden:
                if kind in ("text", "codespan"):
                    visibility.text(html.unescape(node.get("raw", "")) if kind == "text" else node.get("raw", ""))
                elif node.get("children"):
                    visit(node["children"])
                continue
            if kind in ("text", "codespan"):
                raw = node.get("raw", "")
                parts.append(html.unescape(raw) if kind == "text" else raw)
            elif kind in ("softbreak", "linebreak"):
                parts.append(" ")
            elif kind == "link":
                start = len(parts)
                visit(node.get("children") or [])
                attrs = node.get("attrs", {})
                block.links.append(RawLink(str(attrs.get("url", "")), "".join(parts[start:]).strip(), ""))
            elif kind == "image":
                alt_parts: list[str] = []
                for child in node.get("children") or []:
                    if child.get("type") in ("text", "codespan"):
                        alt_parts.append(html.unescape(child.get("raw", "")))
                block.images.append(RawImage(str(node.get("attrs", {}).get("url", "")), "".join(alt_parts).strip()))
            elif node.get("children"):
                visit(node["children"])

    visit(children)
    visibility.truncate(depth)
    for link, start in open_links:  # an <a> never closed: keep the link, with the text after it
        link.text = "".join(parts[start:]).strip()
        block.links.append(link)
    return "".join(parts)


# --------------------------------------------------------------------------- HTML
_BLOCK_TAGS = {
    "p": "paragraph", "li": "list_item", "blockquote": "quote", "td": "table_cell", "th": "table_cell",
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
    "pre": "code", "dd": "paragraph", "dt": "paragraph", "figcaption": "paragraph", "caption": "paragraph",
}
_CONTAINER_TAGS = {"div", "section", "article", "main", "body", "html", "header", "footer", "aside", "nav",
                   "ul", "ol", "table", "tr", "tbody", "thead", "figure", "dl", "form"}


class _BlockCollector:
    """Blocks from the events of :func:`.html_events`; fed once (an HTML draft) or chunk by chunk (the HTML blocks
    of a Markdown draft, whose open elements stay open across the Markdown between them). ``has_text`` says whether
    ``parts`` holds more than white space, so a tag never joins the text gathered so far (that made
    ``<div> <div> …`` quadratic)."""

    def __init__(self, hidden: list[HiddenText]) -> None:
        self.has_text = False
        self.blocks: list[RawBlock] = []
        self.current: RawBlock | None = None
        self.parts: list[str] = []
        self.visibility = _Visibility(hidden)
        self.link: RawLink | None = None
        self.link_start = 0
        self.orphan_links: list[RawLink] = []
        self.comment_open = False  # an unclosed <!-- hides everything after it

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.parts)).strip()
        block = self.current or RawBlock("paragraph", "")
        block.text = text
        if text or block.images:
            self.blocks.append(block)
        elif block.links:
            self.orphan_links.extend(block.links)
        self.current = None
        self.parts = []
        self.has_text = False

    def _pending(self) -> bool:
        return self.current is not None or self.has_text

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        was_hidden = self.visibility.hidden
        self.visibility.start(tag, attrs)
        if was_hidden or (self.visibility.hidden and tag not in _BLOCK_TAGS and tag not in _CONTAINER_TAGS):
            return
        if tag in _BLOCK_TAGS:
            if self._pending():
                self._flush()
            if self.visibility.hidden:
                return
            kind = _BLOCK_TAGS[tag]
            self.current = RawBlock(kind, "", level=int(tag[1]) if kind == "heading" else 0)
        elif tag in _CONTAINER_TAGS:
            if self._pending():
                self._flush()
        elif tag == "br":
            self.parts.append(" ")
        elif tag == "a":
            self.link = RawLink(href=attrs.get("href") or "", text="", rel=attrs.get("rel") or "")
            self.link_start = len(self.parts)
        elif tag == "img" and hiding_reason(tag, attrs) is None:
            image = RawImage(src=attrs.get("src") or "", alt=(attrs.get("alt") or "").strip())
            if self.current is None:
                self.current = RawBlock("paragraph", "")
            self.current.images.append(image)

    def handle_endtag(self, tag):
        was_hidden = self.visibility.hidden
        self.visibility.end(tag)
        if was_hidden:
            return
        if tag == "a" and self.link is not None:
            self.link.text = re.sub(r"\s+", " ", "".join(self.parts[self.link_start:])).strip()
            if self.current is None:
                self.current = RawBlock("paragraph", "")
            self.current.links.append(self.link)
            self.link = None
        elif tag in _BLOCK_TAGS or tag in _CONTAINER_TAGS:
            if self._pending():
                self._flush()

    def handle_data(self, data):
        if self.visibility.hidden:
            self.visibility.text(data)
        else:
            self.parts.append(data)
            self.has_text = self.has_text or not data.isspace()

    def handle_comment(self, data):
        if self.visibility.hidden:
            self.visibility.text(data)
        else:
            record(self.visibility.sink, "comment", data)

    def feed_chunk(self, text: str) -> None:
        """Read one piece of HTML completely (an unclosed comment hides the rest of the draft, as in a browser)."""
        if self.comment_open:
            record(self.visibility.sink, "comment", text)
            return
        for kind, value, attrs in html_events(text):
            if kind == "data":
                self.handle_data(value)
            elif kind == "start":
                self.handle_starttag(value, attrs)
            elif kind == "end":
                self.handle_endtag(value)
            elif kind == "comment":
                self.handle_comment(value)
            else:  # "unclosed_comment": the rest of the draft is inside it
                self.comment_open = True
                record(self.visibility.sink, "comment", value)
        if self._pending():
            self._flush()

    def finish(self) -> None:
        if self._pending():
            self._flush()
        self.visibility.truncate(0)

    def take_blocks(self, blocks: list[RawBlock]) -> None:
        """Move the blocks read so far to ``blocks``; links outside any block go with the last block."""
        blocks.extend(self.blocks)
        self.blocks = []
        if self.orphan_links and blocks:
            blocks[-1].links.extend(self.orphan_links)
            self.orphan_links = []


def read_html(text: str, hidden: list[HiddenText] | None = None) -> list[RawBlock]:
    collector = _BlockCollector([] if hidden is None else hidden)
    collector.feed_chunk(text)
    collector.finish()
    blocks: list[RawBlock] = []
    collector.take_blocks(blocks)
    return blocks
