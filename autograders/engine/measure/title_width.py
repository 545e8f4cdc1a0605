"""Pixel width of a title as a desktop search result shows it.

Google and Yoast's snippet preview set titles in Arial at 20 px. We measure with the advance widths of Liberation
Sans Regular, which is metric-compatible with Arial, stored in ``data/title_font_metrics.json`` (written by
``tools/make_title_metrics.py``). Width = Σ advance(character) × 20 / units-per-em, rounded; characters outside
the table (emoji, CJK) count as a 20 px square, the width browsers typically give them at this size. Kerning is
ignored, as in Yoast's canvas measurement.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..data import DATA_DIR

_METRICS = DATA_DIR / "title_font_metrics.json"


@lru_cache(maxsize=1)
def _metrics() -> tuple[dict[str, int], float, int]:
    data = json.loads(_METRICS.read_text(encoding="utf-8"))
    return data["widths"], data["pixel_size"] / data["units_per_em"], data["fallback_width"]


def char_pixels(ch: str) -> float:
    widths, scale, _fallback = _metrics()
    if ch in widths:
        return widths[ch] * scale
    if ch.isspace():
        return widths[" "] * scale
    return 20.0


def title_pixels(title: str) -> int:
    return round(sum(char_pixels(ch) for ch in " ".join(title.split())))


def truncate_to_pixels(title: str, limit: float = 600.0, ellipsis: str = " ...", size: float = 20.0) -> str:
    """Text as a result page cuts it: whole words up to ``limit`` px when set at ``size`` px (20 for titles,
    14 for descriptions; widths scale linearly with the font size), then an ellipsis."""
    scale = size / 20.0
    title = " ".join(title.split())
    if title_pixels(title) * scale <= limit:
        return title
    room = limit - sum(char_pixels(c) for c in ellipsis) * scale
    out, width = [], 0.0
    for word in title.split(" "):
        w = (sum(char_pixels(c) for c in word) + (char_pixels(" ") if out else 0)) * scale
        if width + w > room:
            break
        out.append(word)
        width += w
    return " ".join(out) + ellipsis
