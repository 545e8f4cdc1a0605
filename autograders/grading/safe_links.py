"""Link and image addresses in HTML rendered from Markdown: only those that cannot run script are kept.

Escaping raw HTML is not enough for Markdown: ``[x](javascript:alert(1))`` is a Markdown link, and nbconvert's
``markdown2html`` renders it as ``<a href="javascript:alert(1)">`` (character references such as
``&#106;avascript:`` too, because the renderer decodes them in addresses). So the address is judged in the
rendered HTML, decoded the way a browser decodes it (:func:`scheme`):

* a link (``href`` and the like) keeps only ``http:``, ``https:``, ``mailto:``, a relative address or an
  ``#anchor``; any other scheme (``javascript:``, ``vbscript:``, ``data:``, …) loses the attribute, its text stays;
* an image (``src`` and the like) keeps a relative address on the same server (m4 asks for ``![…](pbb.png)``) or
  a bitmap ``data:image/png``, ``jpeg`` or ``gif`` (nbconvert turns a cell's pasted image into one; a bitmap runs
  nothing); any other image — ``http(s):`` or ``//host`` ones included: a page loads nothing from the internet,
  and a trainee's image must not tell a tracker when the instructor opens the answer — becomes its alt text.
  With ``images=False`` (gradebook comments) every image becomes its alt text.
* ``srcset`` is always removed (a list of addresses, never written by the course).

Only the tags that need a change are rewritten; everything else is returned character for character, so the
course's own pages render exactly as before. The HTML is read by the standard library's parser, in one pass.

:class:`SafeMarkdown` wraps the exporter's own ``markdown2html`` (attachments, anchors) with this rule; the course
configuration (``exercises/nbgrader_config.py``) puts it in place of ``markdown2html`` for every HTML exporter,
formgrader's and the feedback page's, and :func:`comment_html` renders a gradebook comment for the feedback page.
"""
from __future__ import annotations

import html
from html.parser import HTMLParser

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
BITMAP_DATA = ("image/png", "image/jpeg", "image/gif")
LINK_ATTRIBUTES = frozenset({"href", "xlink:href", "action", "formaction", "cite", "longdesc", "ping"})
SOURCE_ATTRIBUTES = frozenset({"src", "poster", "background", "data", "lowsrc", "dynsrc"})
_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.")
_STRIPPED = "".join(chr(n) for n in range(0x21))  # a browser trims C0 controls and spaces around an address


def scheme(address: str) -> str:
    """The scheme of an address as a browser reads it ('' for a relative address), lower case.

    Browsers remove tabs and line breaks anywhere in an address and trim control characters and spaces at its
    ends; ``java\\tscript:`` is ``javascript:``. The attribute value is already decoded (``&#106;`` is ``j``)."""
    cleaned = address.replace("\t", "").replace("\n", "").replace("\r", "").strip(_STRIPPED)
    head, colon, _ = cleaned.partition(":")
    if not colon or not head or not head[0].isascii() or not head[0].isalpha():
        return ""
    if any(ch not in _SCHEME_CHARS for ch in head):
        return ""  # "a/b:c", "?x:y": a colon after the path starts, so a relative address
    return head.lower()


def safe_link(address: str) -> bool:
    found = scheme(address)
    return not found or found in LINK_SCHEMES


def safe_image(address: str) -> bool:
    cleaned = address.replace("\t", "").replace("\n", "").replace("\r", "").strip(_STRIPPED)
    found = scheme(cleaned)
    if not found:
        return cleaned[:2].replace("\\", "/") != "//"  # "//host/x.png" (or with backslashes) is another server
    if found != "data":
        return False
    kind = cleaned[5:]
    kind = kind.split(";", 1)[0].split(",", 1)[0].strip().lower()
    return kind in BITMAP_DATA


class _Finder(HTMLParser):
    """Collects the start tags that need a change, with their place in the text."""

    def __init__(self, images: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.images = images
        self.changes: list[tuple[int, int, int, str]] = []  # (line, column, length of the raw tag, new text)

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or ""
        if tag == "img":
            src = next((value or "" for name, value in attrs if name == "src"), "")
            if not self.images or not safe_image(src) or any(name == "srcset" for name, _ in attrs):
                alt = next((value or "" for name, value in attrs if name == "alt"), "")
                line, column = self.getpos()
                self.changes.append((line, column, len(raw), html.escape(alt, quote=False)))
            return
        kept = []
        for name, value in attrs:
            value = value or ""
            if name in LINK_ATTRIBUTES and not safe_link(value) or name == "srcset":
                continue
            if name in SOURCE_ATTRIBUTES and not safe_image(value):
                continue
            kept.append((name, value))
        if len(kept) != len(attrs):
            text = "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in kept)
            closing = "/>" if raw.rstrip().endswith("/>") else ">"
            line, column = self.getpos()
            self.changes.append((line, column, len(raw), f"<{tag}{text}{closing}"))


def safe_html(text: str, images: bool = True) -> str:
    """``text`` (HTML) with every unsafe link or image address removed, all else unchanged."""
    text = str(text)
    if "<" not in text:
        return text
    finder = _Finder(images)
    finder.feed(text)
    finder.close()
    if not finder.changes:
        return text
    starts = [0]  # offset of each line (the parser counts lines from 1, columns from 0)
    for index, char in enumerate(text):
        if char == "\n":
            starts.append(index + 1)
    out, at = [], 0
    for line, column, length, new in finder.changes:
        begin = starts[line - 1] + column
        out.append(text[at:begin])
        out.append(new)
        at = begin + length
    out.append(text[at:])
    return "".join(out)


def comment_html(comment: str) -> str:
    """A gradebook comment (the instructor's, or the grader's automatic one quoting an answer) for the feedback
    page: Markdown with raw HTML shown as text, links only to http(s)/mailto/relative addresses, no images."""
    from nbconvert.filters.markdown import markdown2html

    return safe_html(markdown2html(html.escape(str(comment), quote=False)), images=False)


try:
    from jinja2 import pass_context
    from traitlets.config import LoggingConfigurable
except ImportError:  # pragma: no cover - nbconvert (which brings both) is present wherever a page is rendered
    pass
else:
    class SafeMarkdown(LoggingConfigurable):
        """The ``markdown2html`` Jinja filter of an HTML exporter (its parent), with :func:`safe_html` applied.

        Registered by name through ``HTMLExporter.filters``; nbconvert makes it with the exporter as parent."""

        # Jinja hands the template context to a filter that carries this mark (as @pass_context sets it).
        jinja_pass_arg = pass_context(lambda context, value: value).jinja_pass_arg

        def __call__(self, context, source):
            render = getattr(self.parent, "markdown2html", None)
            if render is None:  # not under an HTML exporter: nbconvert's plain filter
                from nbconvert.filters.markdown import markdown2html

                return safe_html(markdown2html(source))
            return safe_html(render(context, source))
