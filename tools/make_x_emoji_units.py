"""Write ``autograders/engine/data/x_emoji_units.txt``: the emoji sequences X weighs as one unit.

X (twitter-text 3.1.0, pinned in ``tools/js``) counts an emoji sequence as one unit of weight 2; which sequences
are units is fixed by the emoji data it was built with (Emoji 11.0, through twemoji-parser 11). This tool asks the
pinned twitter-text about candidate sequences (``tools/js/probe_x_units.js``: a candidate is a unit exactly when
it weighs 2) and writes down the answers as facts, so the engine can count in pure Python:

* every code point with the Unicode ``Emoji`` property (``data/emoji_properties.txt``) followed by U+FE0F, by a
  skin tone, and by U+FE0F then a skin tone;
* keycaps: every printable ASCII character and emoji, with and without U+FE0F, before U+20E3;
* flags: every pair of regional indicators (checked against ``data/x_emoji_regions.txt``) and tag sequences
  for a sample of subdivisions;
* two-element ZWJ sequences: every emoji (plain, with U+FE0F, or with a skin tone) + ZWJ + every emoji (plain or
  with U+FE0F);
* three- and four-element ZWJ sequences over the elements found in two-element ones plus the heart and kiss of
  the couple sequences (which never occur in a two-element sequence).

Run it after changing the pinned twitter-text (takes a few minutes):
``.venv/bin/python tools/make_x_emoji_units.py`` (needs ``npm ci --prefix tools/js``).
"""
from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from autograders.engine.measure import emoji  # noqa: E402
from autograders.engine.measure import x_emoji  # noqa: E402
from autograders.engine.measure.x_emoji import SKIN_TONES, write_units  # noqa: E402

PROBE = ROOT / "tools" / "js" / "probe_x_units.js"
OUT = ROOT / "autograders" / "engine" / "data" / "x_emoji_units.txt"
ZWJ, VS16 = "\u200d", "\ufe0f"
CHUNK = 400_000


def probe(heads: list[str], tails: list[str], joiner: str = "") -> set[str]:
    """The strings head + joiner + tail that twitter-text weighs as one unit."""
    found: set[str] = set()
    step = max(1, CHUNK // max(len(tails), 1))
    for start in range(0, len(heads), step):
        part = heads[start:start + step]
        done = subprocess.run(["node", str(PROBE)], input=json.dumps({"heads": part, "joiner": joiner, "tails": tails}),
                              capture_output=True, text=True, check=True)
        found.update(part[i] + joiner + tails[j] for i, j in json.loads(done.stdout))
    return found


def main() -> int:
    emoji_chars = sorted({chr(c) for start, end in emoji.ranges("Emoji") for c in range(start, end + 1)})
    skins = list(SKIN_TONES)

    singles = probe(emoji_chars, [VS16] + skins + [VS16 + s for s in skins])
    vs16 = {s[0] for s in singles if s[1:] == VS16}
    skin = {s[0] for s in singles if len(s) == 2 and s[1] in skins}
    vs16_skin = {s[0] for s in singles if len(s) == 3 and s[1] == VS16}
    for base in skin | vs16_skin:  # a base takes every tone or none
        tones = {s[-1] for s in singles if s[0] == base and s[-1] in skins and len(s) == (3 if base in vs16_skin else 2)}
        assert tones == set(skins), base

    ascii_and_emoji = [chr(c) for c in range(0x21, 0x7F)] + emoji_chars
    keycaps = probe(ascii_and_emoji, ["\u20e3", VS16 + "\u20e3"])
    keycap_bases = {s[0] for s in keycaps}
    assert all(base + "\u20e3" in keycaps and base + VS16 + "\u20e3" in keycaps for base in keycap_bases)

    indicators = [chr(c) for c in range(0x1F1E6, 0x1F200)]
    flags = probe(indicators, indicators)
    regions = {"".join(chr(ord(ch) - 0x1F1E6 + ord("A")) for ch in flag) for flag in flags}
    assert regions == set(x_emoji.regions()), sorted(regions ^ set(x_emoji.regions()))

    tag = lambda code: "".join(chr(0xE0000 + ord(ch)) for ch in code) + "\U000e007f"  # noqa: E731
    subdivisions = ["gbeng", "gbsct", "gbwls", "gbnir", "usca", "ustx", "usny", "idjk", "idjb", "frbre", "esct",
                    "caqc", "aunsw", "jp13", "xx"]
    tag_flags = probe(["\U0001f3f4"], [tag(code) for code in subdivisions])

    heads = emoji_chars + [c + VS16 for c in emoji_chars] + [c + s for c in sorted(skin) for s in skins] \
        + [c + VS16 + s for c in sorted(vs16_skin) for s in skins]
    tails = emoji_chars + [c + VS16 for c in emoji_chars]
    two = probe(heads, tails, ZWJ)

    elements = sorted({part for seq in two for part in seq.split(ZWJ)} | {"\u2764" + VS16, "\U0001f48b"})
    plain = sorted({e for e in elements if not any(s in e for s in skins)})
    three = probe([a + ZWJ + b for a, b in itertools.product(plain, plain)], plain, ZWJ)
    four = probe([a + ZWJ + b + ZWJ + c for a, b, c in itertools.product(plain, plain, plain)], plain, ZWJ)

    write_units(OUT, vs16=vs16, skin=skin, vs16_skin=vs16_skin, keycap_bases=keycap_bases,
                sequences=two | three | four | tag_flags)
    print(f"{OUT.relative_to(ROOT)}: {len(vs16)} VS16 bases, {len(skin)} skin-tone bases, {len(vs16_skin)} both, "
          f"{len(keycap_bases)} keycaps, {len(regions)} flags, {len(tag_flags)} tag flags, "
          f"{len(two)} + {len(three)} + {len(four)} ZWJ sequences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
