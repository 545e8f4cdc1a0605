"""Tokenising the Indonesian of social media: lower case, emoji, hashtags, slang normalisation.

Steps, all pure functions of the text:

1. lower case; remove emoji variation selectors, skin tones and zero-width joiners;
2. shorten letters repeated three or more times (``bagusss`` → ``bagus``) and expand numeric reduplication
   (``hati2`` → ``hati-hati``);
3. split into tokens: URLs, ``@mentions`` and ``#hashtags`` (kept whole), words, clause punctuation, and any
   other single symbol (emoji);
4. replace informal forms by standard ones from ``slang.tsv`` (``gak`` → ``tidak``, ``gpp`` → ``tidak apa-apa``).
"""
from __future__ import annotations

import re

from .resources import Resources

_STRIP = re.compile("[\ufe0f\ufe0e\u200d\U0001F3FB-\U0001F3FF]")
_REPEAT = re.compile(r"([a-z])\1{2,}")
_REDUP = re.compile(r"\b([a-z]{2,})2\b")
TOKEN_RE = re.compile(
    r"https?://\S+|www\.\S+"          # URLs
    r"|[@#][^\W_][\w]*"                # mentions and hashtags
    r"|[a-z0-9]+(?:-[a-z0-9]+)*"       # words, reduplications (kupu-kupu), numbers
    r"|[.,;:!?]+"                      # clause punctuation
    r"|[^\sa-z0-9]"                    # any other single symbol (emoji)
)
CLAUSE_PUNCT = frozenset(".,;:!?")


def clean(text: str) -> str:
    text = text.lower()
    if not text.isascii():
        text = _STRIP.sub("", text)
    text = _REPEAT.sub(r"\1", text)
    return _REDUP.sub(r"\1-\1", text) if "2" in text else text


def raw_tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(clean(text))


def normalise_tokens(tokens: list[str], res: Resources) -> list[str]:
    out: list[str] = []
    slang = res.slang
    for tok in tokens:
        repl = slang.get(tok)
        if repl is None:
            out.append(tok)
        else:
            out.extend(repl)
    return out


def tokens(text: str, res: Resources) -> list[str]:
    """Normalised tokens of one post (slang replaced)."""
    return normalise_tokens(raw_tokens(text), res)


def is_punct(tok: str) -> bool:
    return tok[0] in CLAUSE_PUNCT


def is_word(tok: str) -> bool:
    return tok[0].isalnum()


def content_filter(toks: list[str], res: Resources) -> list[str]:
    """Words for topic counting: no stopwords, numbers, URLs, mentions, hashtags, emoji or 1–2 letter words."""
    stop = res.stopwords
    return [t for t in toks if len(t) > 2 and t[0].isalpha() and t not in stop and not t.startswith(("http", "www"))]


def content_words(text: str, res: Resources) -> list[str]:
    return content_filter(tokens(text, res), res)
