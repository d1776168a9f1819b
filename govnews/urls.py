"""URL canonicalisation and the article id derived from it, shared by crawler and pipeline."""

from __future__ import annotations

import hashlib
import tomllib
from importlib import resources
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that identify a visit, a session or a view, not a page (a data file, kept by hand).
_RULES = tomllib.loads((resources.files("govnews") / "tracking_params.toml").read_text(encoding="utf-8"))
TRACKING_PARAMS = frozenset(p.lower() for p in _RULES["params"])
TRACKING_PREFIXES = tuple(p.lower() for p in _RULES["prefixes"])
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """Normalise a URL so that one article has one spelling.

    Lowercases scheme and host, drops default ports, fragments, tracking and session parameters and
    ``;jsessionid=`` path parameters, sorts the remaining query, and removes a trailing slash from
    non-root paths.
    """
    parts = urlsplit(url.strip())
    scheme = (parts.scheme or "http").lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    netloc = host
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{parts.port}"
    path = parts.path.split(";", 1)[0] or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def article_id(url: str) -> str:
    """Stable article id: the first 20 hex digits of SHA-1 over the canonical URL."""
    return hashlib.sha1(canonical_url(url).encode("utf-8")).hexdigest()[:20]


def site_of(url: str) -> str:
    """The site an article belongs to: its host without ``www.`` (and port, if any)."""
    return urlsplit(canonical_url(url)).netloc
