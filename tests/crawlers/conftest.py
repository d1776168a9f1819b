"""The fixture portals served on loopback, and one crawl of all three from their start URLs only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.portals import RunningPortal, running_portals


def read_items(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def portals() -> Iterator[dict[str, RunningPortal]]:
    with running_portals() as started:
        yield {p.name: p for p in started}


@pytest.fixture(scope="session")
def portal_crawl(portals, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], str]:  # type: ignore[type-arg]
    """(items, stderr) of `govnews crawl` over the three portals."""
    folder = tmp_path_factory.mktemp("portal-crawl")
    output = folder / "items.jsonl"
    result = run_cli("--data-dir", str(folder / "data"), "--log-level", "WARNING", "crawl",
                     *[p.url for p in portals.values()], "--output", str(output), "--delay", "0")
    assert result.returncode == 0, result.stderr
    return read_items(output), result.stderr
