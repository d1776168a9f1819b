"""``govnews demo``: the main job end to end on one machine, with no network.

demo portal (loopback HTTP) → ``govnews crawl`` (the real Scrapy spider, in a child process) →
``ingest`` (normalise, extract, classify, store, index) → summary → the search API on loopback.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time

import httpx
import uvicorn
from rich.console import Console
from rich.table import Table

from govnews.config import Settings
from govnews.demo.site import load_articles, render_site, serve_site
from govnews.store import Store
from govnews.tasks import ingest_path

SAMPLE_QUERY = "chuyen doi so"  # no diacritics on purpose: it must find "chuyển đổi số"


def run_demo(settings: Settings, *, serve_api: bool, port: int, console: Console) -> int:
    demo_dir = (settings.data_dir / "demo").resolve()
    shutil.rmtree(demo_dir, ignore_errors=True)  # every demo starts from an empty store and index
    demo_dir.mkdir(parents=True)
    settings = settings.model_copy(update={"data_dir": demo_dir, "database_url": None, "search_index_path": None,
                                           "search_backend": "embedded"})
    site = serve_site(render_site(load_articles()))
    console.rule("[bold]govnews demo")
    console.print(f"1. demo portal serving at {site.url}")
    crawl_output = demo_dir / "crawl.jsonl"
    try:
        console.print("2. crawling it with the Scrapy spider …")
        crawl = subprocess.run(
            [sys.executable, "-m", "govnews", "--data-dir", str(demo_dir), "--log-level", "WARNING", "crawl", site.url,
             "--output", str(crawl_output), "--delay", "0"],
            capture_output=True, text=True, check=False)
        console.print("   " + (crawl.stderr.strip().splitlines() or ["(no output)"])[-1], highlight=False)
    finally:
        site.stop()
    if not crawl_output.exists() or not crawl_output.read_text(encoding="utf-8").strip():
        console.print(f"[red]the crawl collected no article[/red]\n{crawl.stderr}")
        return 1
    console.print("3. running the pipeline (normalise → extract → classify → store → index) …")
    report = ingest_path(settings, crawl_output, console)
    summary = Store(settings.store_url()).summary()
    _print_summary(summary, console)

    app_settings = settings
    from search.api.app import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(app_settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    if not _wait_until_up(base, server):
        console.print(f"[red]the API did not start on port {port} (is it in use? try --port)[/red]")
        return 1
    response = httpx.get(f"{base}/search", params={"q": SAMPLE_QUERY, "size": 3}, timeout=10).json()
    console.print(f'4. API up. GET /search?q={SAMPLE_QUERY} → {response["total"]} articles; top hits:')
    for hit in response["hits"]:
        console.print(f"   • {hit['title']}  [dim]({hit['province_current'] or hit['site']})[/dim]")
    console.print(f"\nQuery it: [bold]{base}/search?q=chuyen+doi+so[/bold]   API docs: [bold]{base}/docs[/bold]")
    exit_code = 1 if report.failed else 0
    if not serve_api:
        server.should_exit = True
        thread.join(timeout=10)
        return exit_code
    console.print("Serving until Ctrl-C …")
    try:
        while thread.is_alive():
            thread.join(timeout=1)
    except KeyboardInterrupt:
        server.should_exit = True
        thread.join(timeout=10)
    return exit_code


def _wait_until_up(base: str, server: uvicorn.Server, timeout: float = 20) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.started:
            try:
                return httpx.get(f"{base}/health", timeout=5).status_code == 200
            except httpx.HTTPError:
                pass
        time.sleep(0.1)
    return False


def _print_summary(summary: dict, console: Console) -> None:  # type: ignore[type-arg]
    table = Table(title=f"{summary['articles']} articles stored", show_header=True)
    table.add_column("entity type")
    table.add_column("mentions", justify="right")
    table.add_column("distinct entities", justify="right")
    for entity_type, count in summary["mentions_by_type"].items():
        table.add_row(entity_type, str(count), str(summary["entities_by_type"].get(entity_type, "–")))
    console.print(table)
    topics = ", ".join(f"{label} {count}" for label, count in summary["topics"].items())
    console.print(f"topics: {topics or '(none)'}", highlight=False)
