"""Markup readers: Markdown (markdown-it-py), HTML (the standard library's HTML parser) and plain text.

Each reader turns a draft into a flat list of :class:`RawBlock` — headings, paragraphs, list items, quotes —
holding plain text plus the links and images found in them. Nothing here splits sentences or judges anything.
Script, style and other non-content elements are dropped, never executed or echoed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown_it import MarkdownIt

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
_MD = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")


def read_markdown(text: str) -> list[RawBlock]:
    tokens = _MD.parse(text)
    blocks: list[RawBlock] = []
    context: list[str] = []  # open containers: list_item, quote, heading:N, table cell
    for token in tokens:
        t = token.type
        if t in ("list_item_open", "blockquote_open"):
            context.append("list_item" if t == "list_item_open" else "quote")
        elif t in ("list_item_close", "blockquote_close"):
            if context:
                context.pop()
        elif t == "heading_open":
            context.append(f"heading:{token.tag[1:]}")
        elif t == "heading_close":
            if context:
                context.pop()
        elif t in ("th_open", "td_open"):
            context.append("table_cell")
        elif t in ("th_close", "td_close"):
            if context:
                context.pop()
        elif t == "inline":
            kind, level = "paragraph", 0
            if context:
                top = context[-1]
                if top.startswith("heading:"):
                    kind, level = "heading", int(top.split(":")[1])
                else:
                    kind = top
            block = RawBlock(kind, "", level)
            block.text = _inline_text(token.children or [], block)
            if block.text.strip() or block.images:
                blocks.append(block)
        elif t in ("fence", "code_block"):
            blocks.append(RawBlock("code", token.content))
        elif t == "html_block":
            blocks.extend(read_html(token.content))
    return blocks


def _inline_text(children, block: RawBlock) -> str:
    parts: list[str] = []
    link_stack: list[tuple[RawLink, int]] = []
    for child in children:
        ct = child.type
        if ct == "text" or ct == "code_inline":
            parts.append(child.content)
        elif ct in ("softbreak",):
            parts.append(" ")
        elif ct == "hardbreak":
            parts.append(" ")
        elif ct == "link_open":
            link = RawLink(href=str(child.attrs.get("href", "")), text="", rel=str(child.attrs.get("rel", "")))
            link_stack.append((link, len(parts)))
        elif ct == "link_close" and link_stack:
            link, start = link_stack.pop()
            link.text = "".join(parts[start:]).strip()
            block.links.append(link)
        elif ct == "image":
            alt = "".join(c.content for c in (child.children or []) if c.type in ("text", "code_inline"))
            block.images.append(RawImage(src=str(child.attrs.get("src", "")), alt=alt.strip()))
        elif ct == "html_inline":
            # Inline tags inside Markdown: keep links and images, drop the tags themselves.
            inner = read_html(child.content)
            for b in inner:
                block.links.extend(b.links)
                block.images.extend(b.images)
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
