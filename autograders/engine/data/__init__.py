"""Language-independent data the engine reads: platform limits and norms (``platforms.json`` — add a platform
there), the Fry graph (``fry_graph.json``), title font metrics, the top-level domains X recognises and the flag
regions X counts as one emoji. Every file was written by the project from the public facts its header cites."""
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
