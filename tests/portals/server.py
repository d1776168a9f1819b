"""A loopback HTTP server for one fixture portal, with the behaviour of real portals' servers.

Pages are looked up by path and the query parameters the site's software reads (others, such as
tracking or session parameters, are ignored as real servers ignore them). A page may answer 500 a
number of times before succeeding, answer slowly, or support conditional requests (ETag and
Last-Modified → 304). Every request is counted, so tests can see what a crawl fetched.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from govnews.demo.site import start_server

LAST_MODIFIED = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0  # seconds before answering (a slow page)
    fail_first: int = 0  # answer 500 this many times before succeeding

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


@dataclass
class Site:
    """A portal's pages, keyed by ``path`` or ``path?k=v&…`` with only ``params`` kept, sorted."""

    pages: dict[str, Page]
    params: frozenset[str] = frozenset()
    conditional: bool = True  # old portals answer every request in full
    failures: Counter[str] = field(default_factory=Counter)

    def key(self, raw_path: str) -> str:
        parts = urlsplit(raw_path)
        path = parts.path.split(";", 1)[0]
        query = sorted((k, v) for k, v in parse_qsl(parts.query) if k in self.params)
        return path + ("?" + "&".join(f"{k}={v}" for k, v in query) if query else "")


class Portal:
    """One site served in a background thread; ``url`` is its home page."""

    def __init__(self, site: Site, host: str = "127.0.0.1", port: int = 0) -> None:
        self.site = site
        self.requests: Counter[str] = Counter()
        self.times: dict[str, list[float]] = {}  # monotonic arrival times per page key
        self.lock = threading.Lock()
        self.running = start_server(self._handler(), host, port, f"portal-{host}")

    @property
    def url(self) -> str:
        return self.running.url

    def stop(self) -> None:
        self.running.stop()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        portal = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                key = portal.site.key(self.path)
                with portal.lock:
                    portal.requests[key] += 1
                    portal.times.setdefault(key, []).append(time.monotonic())
                page = portal.site.pages.get(key)
                if page is None:
                    self._send(404, b"<html><body><h1>404 - Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y trang</h1></body></html>")
                    return
                if page.delay:
                    time.sleep(page.delay)
                with portal.lock:
                    failing = portal.site.failures[key] < page.fail_first
                    portal.site.failures[key] += failing
                if failing:
                    self._send(500, b"<html><body>Server Error in '/' Application.</body></html>")
                    return
                headers = {}
                if portal.site.conditional:
                    headers = {"ETag": page.etag, "Last-Modified": format_datetime(LAST_MODIFIED, usegmt=True)}
                    if self._not_modified(page):
                        self._send(304, b"", headers=headers)
                        return
                self._send(200, page.body, page.content_type, headers)

            def _not_modified(self, page: Page) -> bool:
                if tag := self.headers.get("If-None-Match"):
                    return page.etag in tag
                if since := self.headers.get("If-Modified-Since"):
                    try:
                        return parsedate_to_datetime(since) >= LAST_MODIFIED
                    except (TypeError, ValueError):
                        return False
                return False

            def _send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
                      headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                return None

        return Handler
