"""X counting and the thread splitter take time in proportion to the post (issue 15: ``"www." + "a." * 2000``
took 63 s, ×5.6 per doubling, in the old URL pattern).

No absolute times: each input is measured at size n and 8n in this process (CPU time, best of three), and the
ratio must stay far below what a quadratic path gives (64): linear work gives about 8; we allow 24. The inputs
are generated: repeated units built from the pieces URL, emoji and sentence rules react to (dots, dashes,
brackets, protocols, punycode, regional indicators, joiners …), with prefixes and suffixes that make them URLs.
"""
from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from autograders.engine.measure.x_length import split_x_thread, x_weighted_length

pytestmark = pytest.mark.slow

GROWTH = 8
ALLOWED = 24  # linear gives about GROWTH; quadratic gives GROWTH ** 2
SMALL_CHARACTERS = 4500  # above X's 4,096-character URL limit, so both sizes are judged alike

ATOMS = ["a.", "a-", "a_", ".", "..", "www.", "http://", "https://", "(", ")", "(1)", "(a", "a(", "!", "?", "/",
         "@", "xn--", "a", "1", "日", "é", "👨", "\u200d", "🇮", "\ufe0f", "\U000e0067", "#", "…", "co", "com", ":",
         "=", "&", "-", "_", " ", "a.co/", "t.co/", "'", "\"", "\u0301", "©", "\u20e3"]


def _cpu(function, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        function(text)
        best = min(best, time.process_time() - start)
    return max(best, 1e-6)


def _ratio(function, make) -> float:
    return _cpu(function, make(GROWTH)) / _cpu(function, make(1))


def _maker(prefix: str, unit: str, suffix: str):
    repeat = max(1, SMALL_CHARACTERS // len(unit))
    return lambda factor: prefix + unit * (repeat * factor) + suffix


@pytest.mark.parametrize("make", [
    lambda k: "www." + "a." * (3000 * k),           # the case found by the attack run
    lambda k: "https://" + "a." * (3000 * k),
    lambda k: "a.co/" + "(1)" * (2000 * k),
    lambda k: "a.co/" + "(a" * (3000 * k),
    lambda k: "a.co?" + "!" * (6000 * k),
    lambda k: "a-" * (3000 * k) + ".com",
    lambda k: "a." * (3000 * k) + "日.com",
    lambda k: "👨‍" * (3000 * k),
    lambda k: "🇮" * (6000 * k),
], ids=["www-dots", "protocol-dots", "path-groups", "path-open-brackets", "query", "dashes", "idn-tail", "joiners",
        "regional-indicators"])
def test_known_pathological_posts_grow_linearly(make):
    assert _ratio(x_weighted_length, make) < ALLOWED
    assert _ratio(split_x_thread, make) < ALLOWED


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(unit=st.lists(st.sampled_from(ATOMS), min_size=1, max_size=4).map("".join),
       prefix=st.sampled_from(["", "www.", "https://", "https://a.co/", "a.co?", "lihat ", "👨"]),
       suffix=st.sampled_from(["", ".com", ".go.id", " x", "/", ")", "?a=1"]))
def test_generated_pathological_posts_grow_linearly(unit, prefix, suffix):
    make = _maker(prefix, unit, suffix)
    assert _ratio(x_weighted_length, make) < ALLOWED, (prefix, unit, suffix)
    assert _ratio(split_x_thread, make) < ALLOWED, (prefix, unit, suffix)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(text=st.lists(st.sampled_from(ATOMS + ["Layanan KTP buka. ", "Info: sukamajukab.go.id/ktp "]),
                     max_size=120).map("".join))
def test_thread_posts_stay_within_the_limit(text):
    """Packing adds the pieces' weights (nothing X counts as one unit crosses a space): every post of the
    thread, weighed as a whole, is within the limit."""
    for limit in (280, 60):
        for part in split_x_thread(text, limit=limit):
            assert x_weighted_length(part) <= limit, (part, limit)
