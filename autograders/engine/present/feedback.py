"""Message catalogues: check results become text in Indonesian (default) or English.

Catalogues are JSON files under ``autograders/engine/present/messages/<lang>/`` (one file per area, merged). A message is a
``str.format`` template over the check's parameters; a parameter ``<name>_key`` holds another catalogue key
and is shown, translated, as ``{<name>}``. Missing keys fall back to Indonesian, then to the key
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


_NO_MARKUP = str.maketrans({"<": "‹", ">": "›"})


def _fmt_value(value: Any, lang: str) -> Any:
    """Numbers in the reader's convention (34,5 in Indonesian); text with no markup characters, so a message
    quoting the trainee's keyphrase or line can never carry HTML, whoever displays it."""
    if isinstance(value, str):
        return value.translate(_NO_MARKUP)
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
    # A parameter named "<name>_key" is itself a catalogue key, translated here as "<name>".
    for k, v in (params or {}).items():
        if k.endswith("_key") and isinstance(v, str):
            values[k[:-4]] = message(v, None, lang)
    return template.format_map(values)


def label(key: str, lang: str = "id") -> str:
    """A short UI label (check names, rating names) from the same catalogue."""
    return message(key, None, lang)


def has_message(key: str, lang: str = "id") -> bool:
    """Whether the catalogue of ``lang`` (or the Indonesian one it falls back to) holds ``key``."""
    lang = lang if lang in FEEDBACK_LANGUAGES else "id"
    return key in catalogue(lang) or key in catalogue("id")
