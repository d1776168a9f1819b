"""The generic spider crawls the demo portal over real HTTP on loopback, from its start URL only."""

import json
import unicodedata
from datetime import datetime


def read_items(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_spider_collects_every_article_once(crawled_demo, demo_articles):
    items = read_items(crawled_demo)
    assert sorted(i["title"] for i in items) == sorted(a["title"] for a in demo_articles)
    assert len({i["url"] for i in items}) == len(items)
    assert not [i for i in items if "gioi-thieu" in i["url"] or "chuyen-muc" in i["url"]]


def test_spider_extracts_dates_authors_and_clean_bodies(crawled_demo, demo_articles):
    truth = {a["title"]: a for a in demo_articles}
    for item in read_items(crawled_demo):
        article = truth[item["title"]]
        assert datetime.fromisoformat(item["published"]) == datetime.fromisoformat(article["published"])
        assert item["author"] == article["author"]
        assert item["site"].startswith("127.0.0.1:")
        body = item["text"]
        assert unicodedata.is_normalized("NFC", body)
        for paragraph in article["body"]:
            assert paragraph in body
        for boilerplate in ("Tin liên quan", "Ý kiến bạn đọc", "Chia sẻ Facebook", "Cơ quan chủ quản", "Ảnh minh họa"):
            assert boilerplate not in body
