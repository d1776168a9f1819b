"""``govnews bench crawl``: pages per second crawled and extracted from a large fixture portal on
loopback, with politeness relaxed (no delay, no AutoThrottle, many parallel requests; robots.txt still
obeyed). The portal is served from this process and the crawl runs in a child ``govnews crawl``, so
server and crawler do not share an interpreter; the timing is the crawl's own start and end as recorded
in the store's crawl run."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crawlers.evaluation import PORTALS_DIR, load_portals
from govnews.store import Store
from govnews.store.crawl_state import CrawlStateStore


@dataclass
class BenchResult:
    pages: int
    articles: int
    seconds: float

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def run_crawl_bench(copies: int, concurrency: int, log: Callable[[str], None] = print,
                    portals_dir: Path = PORTALS_DIR) -> BenchResult:
    load_portals(portals_dir)
    from tests.portals.bench import start_bench_portal

    running = start_bench_portal(copies)
    try:
        with tempfile.TemporaryDirectory(prefix="govnews-bench-crawl-") as scratch:
            output = Path(scratch) / "items.jsonl"
            log(f"portal: {len(running.truth['articles'])} articles at {running.url}; crawling with "
                f"{concurrency} parallel requests …")
            command = [sys.executable, "-m", "govnews", "--data-dir", scratch, "--log-level", "WARNING", "crawl",
                       running.url, "--output", str(output), "--delay", "0", "--concurrency", str(concurrency),
                       "--job", "bench"]
            child = subprocess.run(command, capture_output=True, text=True, check=False)
            log("   " + (child.stderr.strip().splitlines() or ["(no output)"])[-1])
            store = Store(f"sqlite:///{Path(scratch, 'govnews.sqlite').resolve()}")
            try:
                run = CrawlStateStore(store).runs("bench", 1)[0]
            finally:
                store.close()
            articles = sum(1 for _ in output.open(encoding="utf-8")) if output.exists() else 0
    finally:
        running.portal.stop()
    seconds = (run.ended_at - run.started_at).total_seconds() if run.ended_at else 0.0
    return BenchResult(run.pages, articles, seconds)
