"""Write autograders/engine/data/emoji_properties.txt: the Unicode emoji properties the X counter and the emoji
checks need, as code-point ranges, so the engine matches emoji with the standard library's ``re`` (it runs in the
browser, where the compiled ``regex`` package does not exist).

The ranges are read from the Unicode data inside the ``regex`` package (a test dependency), code point by code
point; ``tests/test_emoji_properties.py`` proves the file equals that data. Run again after upgrading ``regex``:

    .venv/bin/python tools/make_emoji_properties.py
"""
from __future__ import annotations

import sys
from pathlib import Path

import regex

PROPERTIES = ("Extended_Pictographic", "Emoji", "Emoji_Presentation", "Emoji_Modifier", "Emoji_Modifier_Base",
              "Emoji_Component", "Regional_Indicator")
OUT = Path(__file__).resolve().parents[1] / "autograders" / "engine" / "data" / "emoji_properties.txt"


def ranges(prop: str) -> list[tuple[int, int]]:
    pattern = regex.compile(rf"\p{{{prop}}}")
    out: list[tuple[int, int]] = []
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        if pattern.match(chr(code)):
            if out and out[-1][1] == code - 1:
                out[-1] = (out[-1][0], code)
            else:
                out.append((code, code))
    return out


def render() -> str:
    lines = ["# Unicode emoji properties as code-point ranges (hex, inclusive), one property per line group.",
             f"# Written by tools/make_emoji_properties.py from the Unicode data of regex {regex.__version__}.", ""]
    for prop in PROPERTIES:
        lines.append(f"[{prop}]")
        cells = [f"{a:X}" if a == b else f"{a:X}-{b:X}" for a, b in ranges(prop)]
        for start in range(0, len(cells), 12):
            lines.append(" ".join(cells[start:start + 12]))
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"ditulis: {OUT.relative_to(Path.cwd()) if OUT.is_relative_to(Path.cwd()) else OUT}", file=sys.stderr)
