"""``govnews bench search``: bulk indexing rate and ``/search`` latency of both backends on synthetic articles.

Articles are put together from the sentences of real news where the shared data is at hand (the corpus's
government articles and the public datasets' news sections nearest to government news, read from ``../shared``
at run time), else of the demo articles written for govnews, segmented once, with random sites, provinces,
dates, topics and entities, so each document is pre-processed as the pipeline would leave it and indexing alone
is timed. Real news gives the index a real vocabulary and real term frequencies: on the 14 demo articles alone
broad queries matched nearly every article, which no collection of 100,000 articles does. Latency is measured
over real HTTP: ``govnews serve`` runs in a child process and concurrent clients in this one send a mix of text
and filter queries.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from govnews.demo.site import load_articles
from govnews.records import VN_TZ
from pipeline.gazetteer import read_csv
from pipeline.normalize import fold, unify_tones
from search.document import EntityRef, SearchDocument
from search.terms import segmented_field

QUERIES = ["chuyển đổi số", "chuyen doi so", "đầu tư", "dau tu", "UBND", "KH&CN", '"du lịch"', "doanh nghiệp",
           "giáo dục", "Huế", "ha noi", "hạ tầng giao thông", "nông nghiệp", "cải cách hành chính", "y tế",
           "ngân sách", "khởi nghiệp", "biên giới", "xuất khẩu", '"đô thị thông minh"']
EMBEDDED_BATCH = 5_000  # articles per transaction of a bulk load: FTS5 writes a segment per transaction
FILTERS: list[dict[str, str]] = [{}, {}, {"province": "Huế"}, {"date_from": "2024-01-01"},
                                 {"topic": "digital_transformation"}, {"province": "Thành phố Hồ Chí Minh"}]


@dataclass(frozen=True, slots=True)
class IndexRun:
    backend: str
    documents: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.documents / self.seconds


@dataclass(frozen=True, slots=True)
class LatencyRun:
    backend: str
    requests: int
    clients: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    median_hits_share: float  # how broad the query mix is on this corpus: total / articles, median


# Sections of the public topic datasets whose articles read like government news (sport, world news and
# entertainment left out).
POOL_SECTIONS = {
    "vntc": ("chinh_tri_xa_hoi", "kinh_doanh", "vi_tinh", "khoa_hoc", "suc_khoe", "phap_luat", "van_hoa", "doi_song"),
    "unc_dantri": ("business", "education", "health", "society", "tech", "science", "travel"),
}

Pool = list[tuple[str, list[tuple[str, list[str]]]]]  # per source article: title, [(sentence, words)]


def source_articles(shared_dir: Path | None, limit: int, seed: int = 7) -> tuple[list[tuple[str, str]], str]:
    """(title, text) of the articles the synthetic ones are made of, and a line saying where they come from."""
    from govnews.errors import ConfigError
    from models.topics.dataset import dataset_records
    from pipeline.evaluation.gold import corpus_rows

    if shared_dir is None or not (shared_dir / "corpus").is_dir():
        return [(a["title"], "\n".join([a["lead"], *a["body"]])) for a in load_articles()], \
            "the 14 demo articles (no ../shared here)"
    articles = [(row["title"], row["text"]) for row in corpus_rows(shared_dir)]
    news = []
    for dataset, sections in POOL_SECTIONS.items():
        try:
            news += [(r.get("title") or "", r["text"]) for r in dataset_records(shared_dir, dataset)
                     if r["label"] in sections]
        except ConfigError:
            continue  # a dataset not at hand: the others and the corpus still make the pool
    random.Random(seed).shuffle(news)
    articles += news[:max(0, limit - len(articles))]
    return articles, (f"{len(articles):,} real news articles from {shared_dir} (the corpus and the public datasets' "
                      "sections nearest to government news)")


def sentence_pool(articles: list[tuple[str, str]]) -> Pool:
    """The sentences of each article with their words, segmented once and cached in the temp directory (the
    segmentation of a few thousand articles takes a minute)."""
    import tempfile

    from pipeline.segment import segment

    key = hashlib.sha1(json.dumps(articles, ensure_ascii=False).encode()).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / f"govnews-bench-pool-{key}.json"
    if cache.exists():
        return [(title, [(s, ws) for s, ws in sentences]) for title, sentences in json.loads(cache.read_text())]
    pool: Pool = []
    for title, text in articles:
        sentences = []
        for paragraph in text.split("\n"):
            for sentence, words in segment(paragraph):
                sentences.append((paragraph[sentence.start:sentence.end],
                                  [paragraph[w.start:w.end] for w in words]))
        if sentences:
            pool.append((title or sentences[0][0][:120], sentences))
    cache.write_text(json.dumps(pool, ensure_ascii=False))
    return pool


def synthetic_documents(count: int, pool: Pool, seed: int = 7) -> Iterator[SearchDocument]:
    """``count`` pre-processed documents: 6–18 sentences, mostly from one source article (articles are about one
    thing), its title, random metadata."""
    from models.topics.taxonomy import topic_ids

    rng = random.Random(seed)
    everything = [sentence for _, sentences in pool for sentence in sentences]
    provinces = [(row["name"], row["current"]) for row in read_csv("provinces.csv")]
    topics = list(topic_ids())
    people = [EntityRef(hashlib.sha1(n.encode()).hexdigest()[:16], kind, n) for kind, names in (
        ("official", ["Nguyễn Văn Phương", "Lê Thị Thu Hà", "Trần Minh Khôi", "Phạm Quốc Bảo", "Hoàng Thị Yến"]),
        ("agency", ["UBND tỉnh", "Sở Tài chính", "Sở Khoa học và Công nghệ", "Sở Y tế", "Bộ Xây dựng"]),
        ("location", [p for p, _ in provinces[:20]]),
        ("document", [f"Quyết định số {n}/QĐ-UBND" for n in range(100, 140)]),
    ) for n in names]
    start = datetime(2015, 1, 1, tzinfo=VN_TZ)
    for index in range(count):
        title, own = pool[rng.randrange(len(pool))]
        chosen = rng.sample(own, min(len(own), rng.randint(5, 14))) + rng.sample(everything, rng.randint(1, 4))
        body = "\n".join(s for s, _ in chosen)
        words = [w for _, ws in chosen for w in ws]
        province, current = rng.choice(provinces)
        yield SearchDocument(
            id=hashlib.sha1(f"bench-{index}".encode()).hexdigest()[:20], url=f"https://bench.gov.vn/tin/{index}",
            site=f"{fold(province).replace(' ', '')}.gov.vn", title=title, body=body, province=province,
            province_current=current, published_at=start + timedelta(minutes=rng.randint(0, 12 * 365 * 24 * 60)),
            title_exact=unify_tones(title), body_exact=unify_tones(body), title_folded=fold(title),
            body_folded=fold(body), words=segmented_field(words),
            topics=[(t, round(rng.uniform(0.5, 0.99), 3)) for t in rng.sample(topics, rng.randint(1, 2))],
            entities=sorted(rng.sample(people, rng.randint(3, 10)), key=lambda e: e.id),
        )


def time_indexing(name: str, index: Callable[[list[SearchDocument]], Any], documents: list[SearchDocument],
                  batch: int = 1000) -> IndexRun:
    """Wall time of ``index`` over ``documents`` in batches of ``batch`` (all at once for a bulk load)."""
    started = time.perf_counter()
    for i in range(0, len(documents), batch):
        index(documents[i:i + batch])
    return IndexRun(name, len(documents), time.perf_counter() - started)


def serve(env: dict[str, str], port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    """``govnews serve`` in a child process; returns once /health answers."""
    command = [sys.executable, "-c", "from govnews.cli import main; main()", "serve", "--port", str(port),
               "--workers", str(workers)]
    process = subprocess.Popen(command, env={**os.environ, **env, "GOVNEWS_LOG_LEVEL": "WARNING"},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            detail = process.stderr.read().decode()[-500:] if process.stderr else ""
            raise RuntimeError(f"govnews serve exited: {detail}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("govnews serve did not answer within 60 s")


def measure_latency(name: str, port: int, requests: int, clients: int, articles: int, seed: int = 11,
                    path: str = "/search") -> LatencyRun:
    """``requests`` calls of ``path`` (/search with the query mix; any other path bare) from ``clients``
    concurrent connections, after a warm-up round."""
    rng = random.Random(seed)
    params = [{"q": rng.choice(QUERIES), **rng.choice(FILTERS)} if path == "/search" else {}
              for _ in range(requests)]
    latencies: list[float] = []
    totals: list[int] = []
    errors = 0

    async def worker(client: httpx.AsyncClient, queue: asyncio.Queue[dict[str, str]]) -> None:
        nonlocal errors
        while True:
            try:
                query = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            started = time.perf_counter()
            response = await client.get(path, params=query)
            latencies.append(time.perf_counter() - started)
            errors += response.status_code != 200
            if response.status_code == 200 and path == "/search":
                totals.append(response.json()["total"])

    async def run(batch: list[dict[str, str]]) -> float:
        queue: asyncio.Queue[dict[str, str]] = asyncio.Queue()
        for item in batch:
            queue.put_nowait(item)
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30, limits=limits) as client:
            started = time.perf_counter()
            await asyncio.gather(*(worker(client, queue) for _ in range(clients)))
            return time.perf_counter() - started

    asyncio.run(run(params[: max(clients * 2, 40)]))  # warm caches and connections
    latencies.clear()
    totals.clear()
    errors = 0
    seconds = asyncio.run(run(params))
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

    return LatencyRun(name, len(ordered), clients, seconds, statistics.median(ordered) * 1000, pct(0.95), pct(0.99),
                      errors, statistics.median(totals) / articles if totals else 0.0)
