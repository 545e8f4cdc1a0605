"""Write autograders/engine/data/title_font_metrics.json: advance widths of Liberation Sans Regular.

Liberation Sans is metric-compatible with Arial (same advance widths by design), the font Google's desktop
results and Yoast's snippet preview use for titles at 20 px. Widths are stored in font units (units per em
given), for the characters a title in Indonesian or English is likely to hold. Run once when the table
should change (needs Debian's fonts-liberation2 and fontTools); the engine only reads the JSON.
"""
import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

FONT = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf")
OUT = Path(__file__).resolve().parents[1] / "autograders" / "engine" / "data" / "title_font_metrics.json"

font = TTFont(FONT)
cmap = font.getBestCmap()
hmtx = font["hmtx"]
ranges = [(0x20, 0x7E), (0xA0, 0x24F), (0x2010, 0x2027), (0x2030, 0x203A), (0x20AC, 0x20AC)]
widths = {}
for low, high in ranges:
    for code in range(low, high + 1):
        glyph = cmap.get(code)
        if glyph:
            widths[chr(code)] = hmtx[glyph][0]
OUT.write_text(json.dumps({
    "font": "Liberation Sans Regular (metric-compatible with Arial)",
    "units_per_em": font["head"].unitsPerEm,
    "pixel_size": 20,
    "fallback_width": hmtx[cmap[ord("o")]][0],
    "widths": widths,
}, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
print(f"{len(widths)} widths written to {OUT}")
