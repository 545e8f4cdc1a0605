"""Hashtags and @mentions in a text (one definition for the social checks and the prose check).

A hashtag is ``#`` + a letter, digit or underscore run not preceded by a word character, ``&`` or ``#``
(``#LayananPublik``; not ``C#`` or ``&#39;``); a mention is ``@`` + a handle not preceded by a word character, ``@``
or ``.`` (so an e-mail address is not a mention). Both patterns are one character class repeated: linear.
"""
from __future__ import annotations

import re

HASHTAG = re.compile(r"(?<![\w&#])#([^\W_][\w]*|_[\w]*)", re.UNICODE)
MENTION = re.compile(r"(?<![\w@.])@([\w.]+)", re.UNICODE)


def find_hashtags(text: str) -> list[re.Match[str]]:
    return list(HASHTAG.finditer(text))


def find_mentions(text: str) -> list[re.Match[str]]:
    """Mentions with a non-empty handle (a final period is not part of it)."""
    return [m for m in MENTION.finditer(text) if m.group(1).rstrip(".")]
