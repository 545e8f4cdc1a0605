"""Finding a figure in an answer: numbers written the Indonesian way (``61,44``; ``1.234``) or the English way
(``61.44``), and dates in the forms trainees write (``2026-11-16``, ``16 November 2026``, ``16/11/2026``)."""
from __future__ import annotations

import datetime as dt
import re

MONTHS_ID = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
             "november", "desember")
NUMBER = re.compile(r"(?<![\w.,])[-−–]?\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\w])|(?<![\w.,])[-−–]?\d+(?:[.,]\d+)?(?![\w])")


def numbers_in(text: str) -> list[float]:
    """Numbers written the Indonesian way (``61,44``; ``1.234``) or the English way (``61.44``)."""
    out = []
    for raw in NUMBER.findall(text):
        raw = raw.replace("−", "-").replace("–", "-")
        if re.fullmatch(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw):
            raw = raw.replace(".", "").replace(",", ".")
        else:
            raw = raw.replace(",", ".")
        try:
            out.append(float(raw))
        except ValueError:
            continue
    return out


def date_written(text: str, iso: str) -> bool:
    """Whether ``text`` names the date ``iso`` (``2026-11-16``, ``16 November 2026``, ``16/11/2026``, ``16 Nov``)."""
    day = dt.date.fromisoformat(iso)
    month = MONTHS_ID[day.month - 1]
    lowered = text.lower()
    patterns = [re.escape(iso), rf"\b0?{day.day}\s+(?:{month}|{month[:3]})\b",
                rf"\b0?{day.day}[/.-]0?{day.month}(?:[/.-](?:{day.year}|{day.year % 100}))?\b"]
    return any(re.search(p, lowered) for p in patterns)


def find_figure(text: str, expected: object, tolerance: float) -> bool:
    if isinstance(expected, str):
        return date_written(text, expected)
    target = float(expected)  # type: ignore[arg-type]
    return any(abs(value - target) <= tolerance for value in numbers_in(text))
