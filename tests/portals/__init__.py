"""Fixture portals for the crawler: three sites with different markup, their articles written by hand
for govnews, served by real HTTP servers on loopback (each on its own loopback address, as separate
hosts). The truth beside each renderer (``<site>.yaml``) is what a perfect crawl would return.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from tests.portals import aspnet_portal, modern_cms, sitemap_site
from tests.portals.server import Portal, Site

HERE = Path(__file__).parent
RENDERERS: dict[str, ModuleType] = {"modern_cms": modern_cms, "aspnet_portal": aspnet_portal,
                                    "sitemap_site": sitemap_site}
HOSTS = {"modern_cms": "127.0.0.1", "aspnet_portal": "127.0.0.2", "sitemap_site": "127.0.0.3"}


def load_truth(name: str) -> dict[str, Any]:
    return yaml.safe_load((HERE / f"{name}.yaml").read_text(encoding="utf-8"))


@dataclass
class RunningPortal:
    name: str
    portal: Portal
    truth: dict[str, Any]
    renderer: ModuleType

    @property
    def url(self) -> str:
        return self.portal.url

    def article_url(self, article: dict[str, Any]) -> str:
        return self.url.rstrip("/") + self.renderer.article_path(article)


def start_portal(name: str, truth: dict[str, Any] | None = None, host: str | None = None) -> RunningPortal:
    """Serve one fixture portal on a free port of its loopback address."""
    truth = truth or load_truth(name)
    portal = Portal(Site({}), host=host or HOSTS[name])
    renderer = RENDERERS[name]
    portal.site = renderer.render(truth, portal.url)
    return RunningPortal(name, portal, truth, renderer)


@contextmanager
def running_portals(names: list[str] | None = None) -> Iterator[list[RunningPortal]]:
    started = [start_portal(name) for name in names or list(RENDERERS)]
    try:
        yield started
    finally:
        for running in started:
            running.portal.stop()
