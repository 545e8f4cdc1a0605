"""Quotations in a text: the spans inside “curly” or "straight" quotation marks, found in one left-to-right pass.

A curly quotation opens at “ and closes at the next ”; a straight one opens at " and closes at the next ". The
first opening mark decides which kind comes next; an opening with no closing mark after it is not a quotation
(and, for curly marks, none after it can be one, so the scan stops looking for them). Each span has at least one
character. Linear in the length of the text (every character is looked at a bounded number of times).
"""
from __future__ import annotations


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation's inner text (without the marks), in order."""
    spans: list[tuple[int, int]] = []
    position = 0
    curly_possible = True
    while True:
        curly = text.find("“", position) if curly_possible else -1
        straight = text.find('"', position)
        if curly < 0 and straight < 0:
            return spans
        if curly >= 0 and (straight < 0 or curly < straight):
            closing = text.find("”", curly + 1)
            if closing < 0:
                curly_possible = False
                position = curly + 1
                continue
            if closing > curly + 1:
                spans.append((curly + 1, closing))
                position = closing + 1
            else:
                position = curly + 1
            continue
        closing = text.find('"', straight + 1)
        if closing < 0:
            position = straight + 1
            if curly < 0:
                return spans
            continue
        if closing > straight + 1:
            spans.append((straight + 1, closing))
            position = closing + 1
        else:
            position = straight + 1
