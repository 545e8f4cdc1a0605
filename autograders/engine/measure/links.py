"""Is a link an official source? One answer for every check and rubric that asks.

:func:`is_official_url` says yes or no; :func:`link_verdict` also gives the reason and the host. The rules and
lists are data (``data/links.json``, which explains each decision):

* **official** — the host is under a government suffix (``go.id``, ``mil.id``, ``desa.id``, ``.gov``, ``.mil``,
  ``gov.<cc>`` and a few national forms; reason ``government``) or under one of the agency's own domains passed
  by the caller, for instance from a fact sheet (reason ``agency``). Plain ``http://`` is still official (a
  separate matter for the social ``links`` check);
* **not official** — ``search_page`` (a search engine, any page of it, or a site-search results page on any
  host), ``shortener`` (its destination is hidden), ``lookalike`` (a government label where it does not belong:
  ``go.id.example.com``, ``gov.co``, ``sukamaju-go-id.com``, a bare suffix such as ``go.id`` itself, non-ASCII
  letters in the host), ``userinfo`` (``https://go.id@evil.com``: the real host is after the ``@``),
  ``not_web`` (``mailto:``, ``javascript:`` …), ``malformed`` and ``not_government`` (any other site).

A bare domain (``sukamajukota.go.id/layanan``) is read as ``https://``. Pure string work on one address: no
pattern over the trainee's text, no network.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Iterable, Mapping, NamedTuple
from urllib.parse import parse_qsl, urlsplit

from ..data import DATA_DIR

LINKS_FILE = DATA_DIR / "links.json"
OFFICIAL_REASONS = ("government", "agency")
REASONS = OFFICIAL_REASONS + ("search_page", "shortener", "lookalike", "userinfo", "not_web", "malformed",
                              "not_government")
_HOST_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")


class LinkVerdict(NamedTuple):
    official: bool
    reason: str  # one of REASONS
    host: str  # lower case, without "www." and port ("" when there is none)


@lru_cache(maxsize=1)
def link_data() -> Mapping[str, Any]:
    return json.loads(LINKS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    lines = (DATA_DIR / "tlds.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if len(line.strip()) == 2 and not line.startswith("#"))


def shorteners() -> frozenset[str]:
    """Hosts of URL shorteners (the one list; the social ``links`` check uses it too)."""
    return frozenset(link_data()["shorteners"])


def _under(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def normalise_domain(domain: str) -> str:
    """``https://www.Dinkes.Sukamajukab.go.id/x`` -> ``dinkes.sukamajukab.go.id`` (for agency domains)."""
    domain = str(domain or "").strip().lower()
    if "://" in domain:
        domain = domain.split("://", 1)[1]
    domain = domain.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].split("@")[-1].split(":", 1)[0].strip(".")
    return domain[4:] if domain.startswith("www.") else domain


def government_suffix(host: str) -> str:
    """The government suffix the host is under (``go.id``, ``gov.uk`` …), or "". ``gov.<cc>`` is also a host of
    its own (``www.gov.uk``, the portal); a bare ``go.id`` or ``gov`` is not."""
    data = link_data()
    for suffix in data["government_suffixes"]:
        if host.endswith("." + suffix):
            return suffix
    labels = host.split(".")
    if len(labels) >= 2 and labels[-2] == "gov" and labels[-1] in _country_codes() \
            and labels[-1] not in data["generic_cctlds"]:
        return "gov." + labels[-1]
    return ""


def looks_government(host: str) -> bool:
    """A host that a resident would take for an Indonesian government site (``pemkab``, ``kota``, ``go-id`` …)."""
    return any(marker in host for marker in link_data()["government_host_markers"])


def _is_lookalike(host: str, suffix: str) -> bool:
    data = link_data()
    labels = host.split(".")
    if suffix == host:
        return False  # gov.uk, gov.sg: the government's own portal
    if suffix:
        labels = labels[: len(labels) - len(suffix.split("."))]
    elif any(host == s for s in data["government_suffixes"]):
        return True  # a bare suffix (go.id itself) is nobody's site
    return any(label in data["lookalike_labels"] or any(part in label for part in data["lookalike_parts"])
               for label in labels if label != "www")


def _is_search(host: str, path: str, query: str) -> bool:
    data = link_data()
    first = host.split(".", 1)[0]
    if first in data["search_engines"] or any(_under(host, h) for h in data["search_hosts"]):
        return True
    segments = [s for s in path.lower().split("/") if s]
    if segments and segments[0] in data["search_paths"]:
        return True
    keys = {k.lower() for k, v in parse_qsl(query, keep_blank_values=False) if v.strip()}
    return not keys.isdisjoint(data["search_query_keys"]) and (not segments or segments[-1] in data["search_paths"]
                                                               or len(segments) <= 1)


def link_verdict(url: str, agency_domains: Iterable[str] = ()) -> LinkVerdict:
    """Whether ``url`` is an official source, why, and its host (see the module docstring for the reasons)."""
    url = str(url or "").strip()
    if not url:
        return LinkVerdict(False, "malformed", "")
    lowered = url.lower()
    if "://" not in url[:12]:
        if lowered.startswith(("mailto:", "tel:", "javascript:", "data:", "file:", "ftp:")):
            return LinkVerdict(False, "not_web", "")
        url = "https://" + url.lstrip("/")
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a malformed port
    except ValueError:
        return LinkVerdict(False, "malformed", "")
    del port
    if parts.scheme.lower() not in ("http", "https"):
        return LinkVerdict(False, "not_web", "")
    netloc = parts.netloc
    host = (parts.hostname or "").rstrip(".")
    host = host[4:] if host.startswith("www.") else host
    if "@" in netloc:
        return LinkVerdict(False, "userinfo", host)
    if not host:
        return LinkVerdict(False, "malformed", host)
    if not host.isascii() or any(label.startswith("xn--") for label in host.split(".")):
        return LinkVerdict(False, "lookalike", host)  # letters that can imitate Latin ones (gо.id with a Cyrillic о)
    if not set(host) <= _HOST_CHARACTERS:
        return LinkVerdict(False, "malformed", host)
    if ".." in host or host.startswith(("-", ".")) or "." not in host:
        return LinkVerdict(False, "malformed", host)
    if _is_search(host, parts.path, parts.query):
        return LinkVerdict(False, "search_page", host)
    if host in shorteners():
        return LinkVerdict(False, "shortener", host)
    agencies = [d for d in (normalise_domain(d) for d in agency_domains) if d and "." in d]
    if any(_under(host, domain) for domain in agencies):
        return LinkVerdict(True, "agency", host)
    suffix = government_suffix(host)
    if _is_lookalike(host, suffix):
        return LinkVerdict(False, "lookalike", host)
    if suffix:
        return LinkVerdict(True, "government", host)
    return LinkVerdict(False, "not_government", host)


def is_official_url(url: str, agency_domains: Iterable[str] = ()) -> bool:
    """True when ``url`` is an official source: a government domain or one of ``agency_domains``."""
    return link_verdict(url, tuple(agency_domains)).official


def official_url_reason(url: str, agency_domains: Iterable[str] = ()) -> str:
    """The reason code of :func:`link_verdict` (``government``, ``agency``, ``search_page``, ``shortener`` …)."""
    return link_verdict(url, tuple(agency_domains)).reason
