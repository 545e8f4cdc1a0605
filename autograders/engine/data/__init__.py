"""Language-independent data the engine reads: platform limits and norms (``platforms.json`` — add a platform
there), what makes a link an official source (``links.json``: government suffixes, search engines, URL shorteners,
lookalike labels), the Fry graph (``fry_graph.json``), title font metrics, the top-level domains X recognises, the
flag regions X counts as one emoji, and the emoji sequences X counts as one unit (``x_emoji_units.txt``, written by
``tools/make_x_emoji_units.py`` from the pinned twitter-text's answers). Every file was written by the project from
the public facts its header cites."""
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
