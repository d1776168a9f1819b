"""A large modern-CMS portal for the crawl benchmark and the resume test: the modern CMS's hand-written
articles repeated under new ids and slugs (each copy's title numbered), with its noise switched off
so timings measure the crawler, not the fixture's deliberate slow page."""

from __future__ import annotations

from typing import Any

from tests.portals import RunningPortal, load_truth, start_portal


def bench_truth(copies: int) -> dict[str, Any]:
    truth = load_truth("modern_cms")
    articles = []
    for n in range(copies):
        for article in truth["articles"]:
            articles.append({**article, "id": 10_000 * (n + 1) + article["id"], "slug": f"{article['slug']}-{n}",
                             "title": f"{article['title']} ({n + 1})"})
    return {**truth, "articles": articles}


def start_bench_portal(copies: int, host: str = "127.0.0.1") -> RunningPortal:
    running = start_portal("modern_cms", bench_truth(copies), host=host)
    for page in running.portal.site.pages.values():
        page.delay, page.fail_first = 0.0, 0
    return running
