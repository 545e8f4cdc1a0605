"""Checks for kinds of writing (press releases, social posts) and plain government Indonesian.

``genre_checks(doc, paper, run_checks)`` returns the checks of the report's third section, ``genre``, or None
when no genre check applies. (Filled in by the genre modules; see issue 3.)
"""
from __future__ import annotations


def genre_checks(doc, paper, run_checks):
    return None
