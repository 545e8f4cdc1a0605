"""Markup readers: Markdown (mistune), HTML (the standard library's HTML parser) and plain text.

Each reader turns a draft into a flat list of :class:`RawBlock` — headings, paragraphs, list items, quotes —
holding plain text plus the links and images found in them. Nothing here splits sentences or judges anything.
Script, style and other non-content elements are dropped, never executed or echoed.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import mistune

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


# --------------------------------------------------------------------------- format detection
_HTML_TAG = re.compile(r"<\s*(html|body|p|h[1-6]|div|article|section|ul|ol|li|img|a|br|span|strong|em|table)\b[^>]*>", re.I)
_MD_SIGNAL = re.compile(r"(^#{1,6}\s)|(^\s*[-*+]\s)|(^\s*\d+[.)]\s)|(\[[^\]]+\]\([^)]+\))|(\*\*[^*]+\*\*)|(^>\s)", re.M)


def detect_format(text: str) -> str:
    """``html`` if the draft is mostly tags, ``markdown`` if it has Markdown structure, else ``text``."""
    sample = text[:20000]
    if len(_HTML_TAG.findall(sample)) >= 2 or re.match(r"\s*<(!doctype|html)", sample, re.I):
        return "html"
    if _MD_SIGNAL.search(sample):
        return "markdown"
    return "text"


def read_blocks(text: str, fmt: str) -> list[RawBlock]:
    if fmt == "html":
        return read_html(text)
    if fmt == "markdown":
        return read_markdown(text)
    return read_plain(text)


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


# --------------------------------------------------------------------------- Markdown
# mistune (a CommonMark-style parser) gives an abstract syntax tree; it is about three times faster than
# markdown-it-py on prose, which matters for a report that must feel live while the trainee types.
_MD = mistune.create_markdown(renderer=None, plugins=["table", "strikethrough"])
_CONTAINERS = {"list": None, "list_item": "list_item", "block_quote": "quote", "table": None, "table_head": None,
               "table_body": None, "table_row": None}
_TEXT_BLOCKS = {"paragraph", "block_text", "heading", "table_cell"}


def read_markdown(text: str) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    _walk(_MD(text), None, blocks)
    return blocks


def _walk(nodes, container: str | None, blocks: list[RawBlock]) -> None:
    for node in nodes:
        kind = node.get("type")
        if kind in _TEXT_BLOCKS:
            if kind == "heading":
                block = RawBlock("heading", "", int(node.get("attrs", {}).get("level", 1)))
            elif kind == "table_cell":
                block = RawBlock("table_cell", "")
            else:
                block = RawBlock(container or "paragraph", "")
            block.text = _inline(node.get("children") or [], block)
            if block.text.strip() or block.images:
                blocks.append(block)
        elif kind in _CONTAINERS:
            _walk(node.get("children") or [], _CONTAINERS[kind] or container, blocks)
        elif kind == "block_code":
            blocks.append(RawBlock("code", node.get("raw", "")))
        elif kind == "block_html":
            blocks.extend(read_html(node.get("raw", "")))


_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
_ATTR = re.compile(r"([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)")


def _attrs(source: str) -> dict[str, str]:
    return {k.lower(): html.unescape(v.strip("\"'")) for k, v in _ATTR.findall(source)}


def _inline(children, block: RawBlock) -> str:
    parts: list[str] = []
    open_links: list[tuple[RawLink, int]] = []
    skip = 0  # inside inline <script>/<style>

    def visit(nodes) -> None:
        nonlocal skip
        for node in nodes:
            kind = node.get("type")
            if kind == "inline_html":
                match = _TAG.match(node.get("raw", ""))
                if not match:
                    continue
                closing, tag, rest = match.group(1), match.group(2).lower(), match.group(3)
                if tag in _SKIP_TAGS:
                    skip = max(0, skip + (-1 if closing else 1))
                elif tag == "a" and not closing:
                    attrs = _attrs(rest)
                    open_links.append((RawLink(attrs.get("href", ""), "", attrs.get("rel", "")), len(parts)))
                elif tag == "a" and closing and open_links:
                    link, start = open_links.pop()
                    link.text = "".join(parts[start:]).strip()
                    block.links.append(link)
                elif tag == "img":
                    attrs = _attrs(rest)
                    block.images.append(RawImage(attrs.get("src", ""), attrs.get("alt", "").strip()))
                elif tag == "br":
                    parts.append(" ")
                continue
            if skip:
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
_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object", "canvas", "textarea", "select"}


class _BlockCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[RawBlock] = []
        self.current: RawBlock | None = None
        self.parts: list[str] = []
        self.skip_depth = 0
        self.link: RawLink | None = None
        self.link_start = 0
        self.orphan_links: list[RawLink] = []
        self.orphan_images: list[RawImage] = []

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

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag in _BLOCK_TAGS:
            if self.current is not None or "".join(self.parts).strip():
                self._flush()
            kind = _BLOCK_TAGS[tag]
            self.current = RawBlock(kind, "", level=int(tag[1]) if kind == "heading" else 0)
        elif tag in _CONTAINER_TAGS:
            if "".join(self.parts).strip() or self.current is not None:
                self._flush()
        elif tag == "br":
            self.parts.append(" ")
        elif tag == "a":
            self.link = RawLink(href=attrs.get("href") or "", text="", rel=attrs.get("rel") or "")
            self.link_start = len(self.parts)
        elif tag == "img":
            image = RawImage(src=attrs.get("src") or "", alt=(attrs.get("alt") or "").strip())
            if self.current is None:
                self.current = RawBlock("paragraph", "")
            self.current.images.append(image)

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            return
        if tag == "a" and self.link is not None:
            self.link.text = re.sub(r"\s+", " ", "".join(self.parts[self.link_start:])).strip()
            if self.current is None:
                self.current = RawBlock("paragraph", "")
            self.current.links.append(self.link)
            self.link = None
        elif tag in _BLOCK_TAGS or tag in _CONTAINER_TAGS:
            if self.current is not None or "".join(self.parts).strip():
                self._flush()

    def handle_data(self, data):
        if not self.skip_depth:
            self.parts.append(data)

    def close(self):
        super().close()
        if self.current is not None or "".join(self.parts).strip():
            self._flush()


def read_html(text: str) -> list[RawBlock]:
    collector = _BlockCollector()
    collector.feed(text)
    collector.close()
    if collector.orphan_links and collector.blocks:
        collector.blocks[-1].links.extend(collector.orphan_links)
    return collector.blocks
