"""Trainee input is parsed in linear time: no draft, however it is built, makes the engine rescan it.

Each case repeats one pathological unit (runs of ``!``, ``?``, ``…`` or ``.`` without spaces, ``a.a.a.`` chunks,
tags and comments that never close, a word that can start a transition pair over and over, …) and asserts the
growth of the CPU time when the input is eight times longer (about 8 when linear, 64 when quadratic; see
``growth.py``). The property test generates such units at random and runs the whole report on them.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from autograders import analyze
from autograders.engine.languages import get_language
from autograders.engine.parse.markup import detect_format, read_html, read_markdown
from autograders.engine.parse.sentences import split_sentences
from autograders.engine.parse.words import tokenize

from growth import LINEAR_LIMIT, growth

ID = get_language("id")


def _assert_linear(fn, unit, **kwargs):
    ratio, size = growth(fn, unit, **kwargs)
    assert ratio < LINEAR_LIMIT, f"{unit!r}: ×{ratio:.0f} CPU time for ×8 input from {size} characters"


@pytest.mark.parametrize("unit", ["a.", ".a", "a.a-", "www.a.", "a@", "a@b-", "-/", "_/", "+/", "x.go.", "1.",
                                  "Rp1.", "a.b@", "é.a"])
def test_tokenizer_is_linear(unit):
    _assert_linear(tokenize, unit)


@pytest.mark.parametrize("unit", ["!", "?", "…", ".", "?!", "..a", "!\"", "!)", "a.", "x!y", ". A."])
def test_sentence_splitter_is_linear(unit):
    _assert_linear(lambda text: split_sentences(text, ID), unit)


@pytest.mark.parametrize("unit", ["<a ", "<a href='", "<a b=\"", "<!--", "</", "</a ", "<div> ", "<![CDATA[",
                                  "<p<p", "<script>", "<?", "<a b", "&#", "<span hidden>", "<!-- a -->",
                                  "<p style='display:none'>a", "<div hidden> a</div>", "<!x "])
def test_html_reader_is_linear(unit):
    _assert_linear(read_html, unit, prefix="<p>a</p>")


@pytest.mark.parametrize("unit", ["\n", "\n\n", " \n", "[[", "[a](", "<p<p", "**", "1.\n"])
def test_format_detection_is_linear(unit):
    # The whole draft is detected on its first 20,000 characters: grow the unit inside that sample.
    _assert_linear(detect_format, unit, start=500)


@pytest.mark.parametrize("unit", ["![", "[a](", "<a ", "**a", "|di", "<!--", "a <!-- b --> ", "<span hidden>a ",
                                  "<div hidden>\n\n", "[//]: # (a)\n"])
def test_markdown_reader_is_linear(unit):
    _assert_linear(read_markdown, unit)


@pytest.mark.parametrize("unit", ["|di", "di ", "baik ", "!", "a.", "<a "])
def test_whole_report_is_linear(unit):
    _assert_linear(lambda text: analyze(text, lang="id", keyphrase="layanan publik").to_dict(), unit)


_PIECES = [".", "!", "?", "…", "a", "A", "1", "-", "_", "+", "@", "/", ":", ",", "'", '"', "(", ")", "[", "]",
           "#", "*", " ", "www.", "http://", "%", "\n", "\n\n", "`", "<", ">", "&", "|", "\\", "~", "=", "<a ",
           "<!--", "-->", "](", "![", "Dr", "🙂", "\t", "KTP", "di", "baik", "maupun", "dll", "é", "Rp"]


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unit=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4).map("".join),
       kind=st.sampled_from(["article", "press_release"]))
def test_any_repeated_unit_gives_a_linear_report(unit, kind):
    _assert_linear(lambda text: analyze(text, kind=kind, keyphrase="layanan publik", title="Judul").to_dict(),
                   unit)


@pytest.mark.parametrize("unit, tail", [('"a" ', "“"), ("“a” ", '"'), ('"" ', "“"), ("“” ", '"')])
def test_quotation_finder_is_linear(unit, tail):
    """Many quotations (or empty pairs, which are no quotation) of one kind before a lone mark of the other kind
    at the very end. (A text of lone marks is one C-level search, too fast to time reliably: not a case here.)"""
    from autograders.engine.measure.quotes import quote_spans

    _assert_linear(lambda text: quote_spans(text + tail), unit)
