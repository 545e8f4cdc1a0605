"""The linear HTML reader: the same events as the standard library's parser on well-formed drafts, and the
tokenizer's rules (quoted ``>``, raw-text elements, unclosed constructs swallowing the rest) on the others."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autograders.engine.parse.html_tokens import html_events
from autograders.engine.parse.markup import read_html


class _Reference(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("start", tag, attrs))
        self.events.append(("end", tag, None))

    def handle_endtag(self, tag):
        self.events.append(("end", tag, None))

    def handle_data(self, data):
        self.events.append(("data", data, None))

    def handle_comment(self, data):
        self.events.append(("comment", data, None))


def _merged(events):
    """Adjacent text events joined (where a parser splits text is not part of the contract)."""
    out = []
    for event in events:
        if event[0] == "data" and out and out[-1][0] == "data":
            out[-1] = ("data", out[-1][1] + event[1], None)
        elif event[0] != "data" or event[1]:
            out.append(event)
    return out


def reference_events(text):
    parser = _Reference()
    parser.feed(text)
    parser.close()
    return _merged(parser.events)


def events(text):
    return _merged(list(html_events(text)))


_WELL_FORMED = st.sampled_from([
    "<p>", "</p>", "<h2 class=\"judul\">", "</h2>", "<a href=\"https://sukamajukab.go.id/a?x=1&amp;y=2\">", "</a>",
    "<img src='/a.jpg' alt='Warga &amp; petugas'>", "<img src=/b.png alt=\"a > b\">", "<br>", "<br/>", "<hr />",
    "<script>if (a < b) { x = '</p>'; }</script>", "<style>p > a { color: red }</style>", "<!-- catatan -->",
    "<!DOCTYPE html>", "<ul>", "<li>", "</li>", "</ul>", "<input disabled>", "<td colspan=2>", "Warga datang. ",
    "Rp125.000 &amp; 34,5%", "&lt;b&gt;", "&#8230;", " ", "\n", "Jl. Sudirman No. 10", "<span lang=id>", "</span>",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WELL_FORMED, max_size=30).map("".join))
def test_same_events_as_the_standard_parser_on_well_formed_html(text):
    assert events(text) == reference_events(text)


@pytest.mark.parametrize("text, expected", [
    ("<img alt='a > b' src=x>", [("start", "img", [("alt", "a > b"), ("src", "x")])]),
    ("<A HREF=X>t</A>", [("start", "a", [("href", "X")]), ("data", "t", None), ("end", "a", None)]),
    ("<br/>x", [("start", "br", []), ("end", "br", None), ("data", "x", None)]),
    ("<a href=x/>y", [("start", "a", [("href", "x/")]), ("data", "y", None)]),
    ("<script>var p = '<p>';</SCRIPT >z", [("start", "script", []), ("data", "var p = '<p>';", None),
                                             ("end", "script", None), ("data", "z", None)]),
    ("a < b dan c<3", [("data", "a < b dan c<3", None)]),
    ("x<!-- tidak pernah ditutup <p>y</p>", [("data", "x", None),
                                             ("unclosed_comment", " tidak pernah ditutup <p>y</p>", None)]),
    ("x<a href='tidak ditutup>y</a>", [("data", "x", None)]),
    ("x<p class=a", [("data", "x", None)]),
    ("x<script>tanpa akhir <p>y", [("data", "x", None), ("start", "script", []), ("data", "tanpa akhir <p>y", None)]),
    ("a</>b<?xml versi?>c<![CDATA[d]]>e", [("data", "ab", None), ("comment", "?xml versi?", None),
                                           ("data", "c", None), ("comment", "[CDATA[d]]", None), ("data", "e", None)]),
    ("<!DOCTYPE html>a<!-- x -->b<!-->c<!--->d</ catatan>e<!catatan", [
        ("data", "a", None), ("comment", " x ", None), ("data", "b", None), ("comment", "", None), ("data", "c", None),
        ("comment", "", None), ("data", "d", None), ("comment", " catatan", None), ("data", "e", None),
        ("comment", "catatan", None)]),
    ("a<!-- x --><!-- y", [("data", "a", None), ("comment", " x ", None), ("unclosed_comment", " y", None)]),
    ("a</p", [("data", "a", None)]),
])
def test_tokenizer_rules(text, expected):
    assert events(text) == expected


def test_unclosed_markup_never_becomes_text_of_the_draft():
    blocks = read_html("<p>Warga datang.</p><p>Loket <a href='x>dibuka</a> pukul 08.00.</p>")
    assert [b.text for b in blocks] == ["Warga datang.", "Loket"]
