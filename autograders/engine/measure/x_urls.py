"""The URLs X shortens to a t.co link (weight 23 each), found in linear time.

X's rule (twitter-text 3.1.0, the reference pinned in ``tools/js``): a URL is an optional ``http://`` or
``https://``, a domain — labels of domain characters (``_`` and ``-`` allowed inside, ``_`` not in the last label
before the top-level domain) ending in a known top-level domain (``data/tlds.txt``) or punycode — then an
optional port, path and query. Without a protocol it must not follow ``-``, ``_``, ``.`` or ``/``, and only its
ASCII domain counts. X matches this on UTF-16 code units (a URL can start right after half of an emoji), and so
do we.

The reference finds URLs with one backtracking regular expression: on text such as ``"www." + "a." * 2000`` it
tries every label count from every starting point, and its time grows with the square of the length or worse.
Here the same matches are computed by hand in a few passes, each linear in the text:

* every position is classified once (domain character, ``-``, ``_``, ``.``, other);
* right to left, for every dot, the end of the domain that can start just after it (the longest chain of labels
  ending in a top-level domain, which is what the regular expression's greedy, backtracking search returns);
* left to right, the URLs themselves: a start position, its domain from the table, then port, path (the longest
  stretch of path characters and balanced parentheses that ends on an ending character) and query.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import DATA_DIR

MAX_URL_LENGTH = 4096
MAX_TCO_SLUG_LENGTH = 40
MAX_LABEL_LENGTH = 63

_PUNCT = "!'#%&()*+,\\-./:;<=>?@[]^_{|}~$"
_SPACES = "\x09\x0a\x0b\x0c\x0d\x20\x85\xa0\u1680\u180e" + "".join(map(chr, range(0x2000, 0x200B))) \
    + "\u2028\u2029\u202f\u205f\u3000"
_INVALID = "\ufffe\ufeff\uffff"
_DIRECTIONAL = "\u202a\u202b\u202c\u202d\u202e\u061c\u200e\u200f\u2066\u2067\u2068\u2069"
_NOT_DOMAIN = frozenset(_PUNCT + _SPACES + _INVALID + _DIRECTIONAL)
_LATIN_ACCENTS = (
    r"\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b"
    r"\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_CYRILLIC = r"\u0400-\u04ff"
# One-character classes of the rule (case-insensitive, as X's are).
_PATH_CHAR = re.compile(rf"[a-z0-9{_CYRILLIC}!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN_ACCENTS}]", re.IGNORECASE)
_PATH_END = re.compile(rf"[+\-a-z0-9{_CYRILLIC}=_#/{_LATIN_ACCENTS}]", re.IGNORECASE)
_QUERY_CHAR = re.compile(r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]", re.IGNORECASE)
_QUERY_END = re.compile(r"[a-z0-9\-_&=#/]", re.IGNORECASE)
_ASCII_LABEL = re.compile(rf"[\-a-z0-9{_LATIN_ACCENTS}]", re.IGNORECASE)
_TLD_STOP = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@+-")
_PUNYCODE = frozenset("-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NOT_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@\uff20$#\uff03" + _INVALID)
_IDEOGRAPHIC_DOTS = re.compile("[.\u3002\uff0e\uff61]")


@lru_cache(maxsize=1)
def tlds() -> frozenset[str]:
    """The top-level domains X knows (lower case)."""
    names = {line.strip().lower() for line in (DATA_DIR / "tlds.txt").read_text("utf-8").splitlines()}
    return frozenset(n for n in names if n and not n.startswith("#"))


@lru_cache(maxsize=1)
def _tld_lengths() -> dict[str, tuple[int, ...]]:
    """First character of a top-level domain -> the lengths of those starting with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for tld in tlds():
        lengths.setdefault(tld[0], set()).add(len(tld))
    return {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}


def _class_test(pattern: re.Pattern[str]):
    """A cached membership test for a one-character class."""
    cache: dict[str, bool] = {}

    def test(ch: str) -> bool:
        hit = cache.get(ch)
        if hit is None:
            hit = cache[ch] = pattern.fullmatch(ch) is not None
        return hit

    return test


_is_path = _class_test(_PATH_CHAR)
_is_path_end = _class_test(_PATH_END)
_is_query = _class_test(_QUERY_CHAR)
_is_query_end = _class_test(_QUERY_END)
_is_ascii_label = _class_test(_ASCII_LABEL)


# --------------------------------------------------------------------------------------------------- UTF-16
def utf16_units(text: str) -> tuple[str, list[int]]:
    """The text as UTF-16 code units (astral characters as two surrogates) and, for every unit index (plus the
    end), the index of its character in ``text``."""
    units: list[str] = []
    owner: list[int] = []
    for index, char in enumerate(text):
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            units += [chr(0xD800 + (code >> 10)), chr(0xDC00 + (code & 0x3FF))]
            owner += [index, index]
        else:
            units.append(char)
            owner.append(index)
    owner.append(len(text))
    return "".join(units), owner


def from_utf16(units: str) -> str:
    """Characters from UTF-16 code units; a lone surrogate stays a (lone) code point, as in JavaScript."""
    return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


# --------------------------------------------------------------------------------------------------- domains
def _tld_end(u: str, t: int) -> int | None:
    """End of the top-level domain at ``t`` (the longest known one not followed by a letter, digit, @, + or -;
    else punycode ``xn--…``), or None."""
    n = len(u)
    if t >= n:
        return None
    for length in _tld_lengths().get(u[t].lower(), ()):
        end = t + length
        if end <= n and u[t:end].lower() in tlds() and (end == n or u[end] not in _TLD_STOP):
            return end
    if u[t:t + 4].lower() == "xn--" and t + 4 < n and u[t + 4] in _PUNYCODE:
        end = t + 5
        while end < n and u[end] in _PUNYCODE:
            end += 1
        return end
    return None


@dataclass
class _Domains:
    """Per-position facts about the labels of a text, and the domain that can start at each position."""

    u: str
    run_end: list[int]  # first index >= i that is not a domain character, '-' or '_'
    last_underscore: list[int]  # index of the last '_' at or before i within its run (-1: none)
    after_dot: dict[int, int | None]  # dot index -> end of the domain starting just after it
    tld_after: dict[int, int | None]  # dot index -> end of the top-level domain just after it

    def domain_end(self, q: int) -> int | None:
        """End of the domain that X's rule matches at ``q``: the longest chain of labels from ``q`` whose last
        label (no '_') is followed by a top-level domain; None when there is none."""
        u, n = self.u, len(self.u)
        if q >= n or u[q] in _NOT_DOMAIN:
            return None
        end = self.run_end[q]
        if end >= n or u[end] != "." or u[end - 1] in "-_":
            return None  # a label ends on a domain character, followed by a dot
        longer = self.after_dot.get(end)
        if longer is not None:
            return longer  # this label as a subdomain of a longer domain
        if self.last_underscore[end - 1] >= q:
            return None  # '_' is allowed in subdomains only
        if end not in self.tld_after:
            self.tld_after[end] = _tld_end(u, end + 1)
        return self.tld_after[end]


def _domains(u: str) -> _Domains:
    n = len(u)
    run_end = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        ch = u[i]
        run_end[i] = run_end[i + 1] if (ch not in _NOT_DOMAIN or ch in "-_") else i
    last_underscore = [-1] * n
    previous = -1
    for i, ch in enumerate(u):
        if run_end[i] == i:
            previous = -1
        elif ch == "_":
            previous = i
        last_underscore[i] = previous
    table = _Domains(u, run_end, last_underscore, {}, {})
    for dot in range(n - 1, -1, -1):  # right to left: a domain after this dot may continue after a later one
        if u[dot] == ".":
            table.after_dot[dot] = table.domain_end(dot + 1)
    return table


def ascii_domains(domain: str) -> list[tuple[int, int]]:
    """Spans of the ASCII domains inside ``domain`` (labels of ASCII letters, digits, '-' and Latin accents,
    then a top-level domain), leftmost first, each as long as possible; linear like :func:`_domains`."""
    n = len(domain)
    label_end = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        label_end[i] = label_end[i + 1] if _is_ascii_label(domain[i]) else i
    after: dict[int, int | None] = {}

    def end_from(q: int) -> int | None:
        end = label_end[q]
        if end == q or end >= n or domain[end] != ".":
            return None
        longer = after.get(end)
        return longer if longer is not None else _tld_end(domain, end + 1)

    for dot in range(n - 1, -1, -1):
        if domain[dot] == ".":
            after[dot] = end_from(dot + 1) if dot + 1 < n else None
    spans, i = [], 0
    while i < n:
        end = end_from(i)
        if end is None:
            i += 1
            continue
        spans.append((i, end))
        i = end
    return spans


# --------------------------------------------------------------------------------------------------- paths
def _balanced_parens(u: str, b: int) -> int | None:
    """End of a '(' … ')' group at ``b`` (path characters inside, one nested group allowed), or None."""
    n = len(u)
    i = b + 1
    while i < n and _is_path(u[i]):
        i += 1
    if i > b + 1 and i < n and u[i] == ")":
        return i + 1
    if i >= n or u[i] != "(":
        return None
    j = i + 1
    while j < n and _is_path(u[j]):
        j += 1
    if j == i + 1 or j >= n or u[j] != ")":
        return None
    k = j + 1
    while k < n and _is_path(u[k]):
        k += 1
    return k + 1 if k < n and u[k] == ")" else None


def _path_end(u: str, r: int) -> int:
    """End of the path whose '/' is at ``r - 1``.

    X's rule reads a path as repeated pieces, each either path characters and balanced groups ending on an ending
    character, or one balanced group alone. So: the chain of path characters and groups from ``r`` is read once;
    the path takes it up to its last ending character outside the groups, then any groups that follow directly
    (``/peta(2024)`` keeps its group, ``/ok.(1a)`` stops after ``ok``)."""
    n, i, last_end = len(u), r, None
    groups: dict[int, int] = {}
    while i < n:
        ch = u[i]
        if _is_path(ch):
            if _is_path_end(ch):
                last_end = i
            i += 1
        elif ch == "(":
            group = _balanced_parens(u, i)
            if group is None:
                break
            groups[i] = group
            i = group
        else:
            break
    end = r
    if last_end is not None:
        end = last_end + 1
    while end in groups:
        end = groups[end]
    return end


def _query_end(u: str, q: int) -> int | None:
    """End of the query whose '?' is at ``q``, or None."""
    n, i, end = len(u), q + 1, None
    while i < n and _is_query(u[i]):
        i += 1
        if _is_query_end(u[i - 1]):
            end = i
    return end


# --------------------------------------------------------------------------------------------------- URLs
@dataclass(frozen=True)
class _Match:
    before: str
    start: int
    protocol: str
    domain_start: int
    domain_end: int
    path: bool
    end: int


def _match_at(u: str, domains: _Domains, before: str, s: int) -> _Match | None:
    lower = u[s:s + 8].lower()
    protocols = [p for p in ("https://", "http://") if lower.startswith(p)] + [""]
    for protocol in protocols[:2]:
        q = s + len(protocol)
        e = domains.domain_end(q)
        if e is None:
            continue
        end = e
        if end + 1 < len(u) and u[end] == ":" and u[end + 1].isascii() and u[end + 1].isdigit():
            end += 1
            while end < len(u) and u[end].isascii() and u[end].isdigit():
                end += 1
        path = end < len(u) and u[end] == "/"
        if path:
            end = _path_end(u, end + 1)
        if end < len(u) and u[end] == "?":
            query = _query_end(u, end)
            if query is not None:
                end = query
        return _Match(before, s, protocol, q, e, path, end)
    return None


def _matches(u: str):
    """Every match of X's URL rule, left to right, as the reference's search finds them."""
    domains = _domains(u)
    n, p = len(u), 0
    while p < n:
        found = None
        if u[p] not in _NOT_BEFORE:
            found = _match_at(u, domains, u[p], p + 1)
        if found is None and p == 0:
            found = _match_at(u, domains, "", 0)
        if found is None:
            p += 1
            continue
        yield found
        p = found.end


def _to_ascii(label: str) -> str:
    """IDNA-style ASCII form; ideographic full stops inside a label also separate its parts."""
    parts = _IDEOGRAPHIC_DOTS.split(label)
    return ".".join(p if all(ch <= "\x7e" for ch in p) else "xn--" + p.encode("punycode").decode("ascii")
                    for p in parts)


def _labels_ok(domain: str) -> bool:
    """Every label, in ASCII form, is 1-63 characters long (X refuses the URL otherwise)."""
    return all(1 <= len(_to_ascii(from_utf16(label))) <= MAX_LABEL_LENGTH for label in domain.split("."))


_TCO = re.compile(r"https?://t\.co/([a-z0-9]+)(?:\?[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-z0-9\-_&=#/])?",
                  re.IGNORECASE)


def _spans_of(u: str, m: _Match) -> list[tuple[int, int]]:
    """The spans X counts for one match: its checks on length, labels and t.co slugs; without a protocol, only
    the ASCII domains (the last one with the path) and not after '-', '_', '.' or '/'."""
    domain = u[m.domain_start:m.domain_end]
    if domain[:4] == "xn--" and not ascii_domains(domain):
        return []
    if not _labels_ok(domain) or len(m.protocol or "https://") + m.end - m.start > MAX_URL_LENGTH:
        return []
    if m.protocol:
        end = m.end
        tco = _TCO.match(u[m.start:m.end])
        if tco:
            if len(tco.group(1)) > MAX_TCO_SLUG_LENGTH:
                return []
            end = m.start + tco.end()
        return [(m.start, end)]
    if m.before and m.before in "-_./":
        return []
    found = [(m.domain_start + a, m.domain_start + b) for a, b in ascii_domains(domain)]
    if found and m.path:
        # The URL is the last ASCII domain with the path and query; X weighs it as one unit as long as the match
        # with that domain in place of the whole domain (shorter when the domain had non-ASCII labels: the rest
        # of the match is then counted character by character, as X does).
        start, end = found[-1]
        found[-1] = (start, start + (m.end - m.start) - len(domain) + (end - start))
    return found


def url_unit_spans(units: str) -> list[tuple[int, int]]:
    """(start, end) in UTF-16 code units of every URL X shortens to a t.co link, as X weighs it: from the start
    of the URL over as many units as its text has (see :func:`_spans_of`)."""
    if "." not in units:
        return []
    return [span for m in _matches(units) for span in _spans_of(units, m)]


def url_spans(text: str) -> list[tuple[int, int]]:
    """Half-open (start, end) character spans of the URLs in ``text`` (see :func:`url_unit_spans`)."""
    units, owner = utf16_units(text)
    return [(owner[a], owner[b]) for a, b in url_unit_spans(units)]
