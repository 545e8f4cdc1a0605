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
    # The next mark of each kind at or after position (-1: none left), looked for again only once passed: many
    # quotations of one kind before a lone mark of the other would otherwise rescan the text once per quotation.
    curly, straight = text.find("“"), text.find('"')
    while True:
        if 0 <= curly < position:
            curly = text.find("“", position)
        if 0 <= straight < position:
            straight = text.find('"', position)
        if curly < 0 and straight < 0:
            return spans
        if curly >= 0 and (straight < 0 or curly < straight):
            closing = text.find("”", curly + 1)
            if closing < 0:  # no closing mark: no curly quotation can come after this one
                position = curly + 1
                curly = -1
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
