"""Message catalogues: check results become text in Indonesian (default) or English.

Catalogues are JSON files under ``autograders/messages/<lang>/`` (one file per area, merged). A message is a
``str.format`` template over the check's parameters. Missing keys fall back to Indonesian, then to the key
itself, so a report never fails because of a missing sentence.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

MESSAGES_DIR = Path(__file__).parent / "messages"
FEEDBACK_LANGUAGES = ("id", "en")


@lru_cache(maxsize=None)
def catalogue(lang: str) -> Mapping[str, str]:
    merged: dict[str, str] = {}
    folder = MESSAGES_DIR / lang
    for path in sorted(folder.glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fmt_value(value: Any, lang: str) -> Any:
    if isinstance(value, float):
        text = f"{value:.1f}"
        return text.replace(".", ",") if lang == "id" else text
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_fmt_value(v, lang)) for v in value)
    return value


def message(key: str, params: Mapping[str, Any] | None = None, lang: str = "id") -> str:
    lang = lang if lang in FEEDBACK_LANGUAGES else "id"
    template = catalogue(lang).get(key) or catalogue("id").get(key) or key
    values = _Params({k: _fmt_value(v, lang) for k, v in (params or {}).items()})
    return template.format_map(values)


def label(key: str, lang: str = "id") -> str:
    """A short UI label (check names, rating names) from the same catalogue."""
    return message(key, None, lang)
