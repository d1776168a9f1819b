"""Re-crawls fetch only what is new or changed; a stopped crawl resumes from its job folder."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import run_cli
from tests.crawlers.conftest import read_items
from tests.portals import start_portal
from tests.portals.bench import start_bench_portal
from tests.portals.server import Page


def test_recrawl_asks_conditionally_and_emits_only_changed_articles(tmp_path):
    running = start_portal("modern_cms", host="127.0.0.1")
    data = tmp_path / "data"
    try:
        def crawl(name: str) -> tuple[list[dict], str]:  # type: ignore[type-arg]
            output = tmp_path / f"{name}.jsonl"
            result = run_cli("--data-dir", str(data), "--log-level", "WARNING", "crawl", running.url, "--output",
                             str(output), "--delay", "0", "--incremental", "--job", "cms")
            assert result.returncode == 0, result.stderr
            return read_items(output), result.stderr

        first, _ = crawl("first")
        assert len(first) == 13
        article = running.truth["articles"][2]
        path = running.renderer.article_path(article)
        running.portal.requests.clear()
        second, log = crawl("second")
        assert second == []
        assert "0 new, 0 unchanged, 13 not modified" in log
        assert running.portal.requests[path] == 1  # asked once, answered 304
        assert running.portal.requests["/chuyen-muc/thoi-su"] == 1  # list pages are always read in full
        edited = {**article, "body": [*article["body"], "Bài viết được cập nhật thêm thông tin mới."]}
        page = running.portal.site.pages[path]
        running.portal.site.pages[path] = Page(page.body.replace(
            b"</p></div>", "</p><p>Bài viết được cập nhật thêm thông tin mới.</p></div>".encode(), 1))
        third, log = crawl("third")
        assert [item["url"] for item in third] == [running.article_url(edited)]
        assert third[0]["text"].endswith("Bài viết được cập nhật thêm thông tin mới.")
        runs = json.loads(run_cli("--data-dir", str(data), "crawl-runs", "--format", "json").stdout)
        assert [(r["job"], r["status"], r["new_articles"]) for r in runs] == [("cms", "ok", 0), ("cms", "ok", 0),
                                                                               ("cms", "ok", 13)]
        assert all(r["pages"] > 0 and r["ended_at"] for r in runs)
    finally:
        running.portal.stop()


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill-9"])
def test_crawl_stopped_midway_resumes_without_losing_or_repeating_articles(tmp_path, stop):
    running = start_bench_portal(copies=4, host="127.0.0.2")  # 52 articles
    jobdir, output = tmp_path / "job", tmp_path / "items.jsonl"
    command = [sys.executable, "-m", "govnews", "--data-dir", str(tmp_path / "data"), "--log-level", "WARNING",
               "crawl", running.url, "--output", str(output), "--delay", "0.05", "--jobdir", str(jobdir),
               "--incremental"]
    try:
        child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and sum(running.portal.requests.values()) < 12:
            time.sleep(0.1)
        child.send_signal(stop)  # Ctrl-C (Scrapy stops gracefully) or a kill that gives it no chance
        child.communicate(timeout=60)
        first = read_items(output) if output.exists() else []
        assert len(first) < 30, "the crawl finished before it was stopped; the test proves nothing"
        resumed = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
        assert resumed.returncode == 0, resumed.stderr
        items = read_items(output)
        assert sorted(i["title"] for i in items) == sorted(a["title"] for a in running.truth["articles"])
        assert len(items) == 52
        if stop == signal.SIGINT:  # a graceful stop saves the job folder: the crawl goes on where it stopped
            articles = {running.renderer.article_path(a) for a in running.truth["articles"]}
            assert all(running.portal.requests[path] == 1 for path in articles)
    finally:
        running.portal.stop()


def test_crawl_without_output_sends_articles_through_the_pipeline_into_the_store(tmp_path):
    from govnews.config import Settings
    from govnews.store import Store

    running = start_portal("aspnet_portal", host="127.0.0.2")
    data = tmp_path / "data"
    try:
        result = run_cli("--data-dir", str(data), "--log-level", "WARNING", "crawl", running.url, "--delay", "0",
                         "--incremental", "--job", "son-nguyen")
    finally:
        running.portal.stop()
    assert result.returncode == 0, result.stderr
    assert "ingest: 12 stored, 0 unchanged, 0 failed" in result.stderr
    assert not (data / "crawls" / "son-nguyen.pending.jsonl").exists()  # stored, so no longer pending
    store = Store(Settings(data_dir=data, database_url=None).store_url())
    try:
        titles = {record.title for record in store.iter_articles()}
    finally:
        store.close()
    assert titles == {a["title"] for a in running.truth["articles"]}
