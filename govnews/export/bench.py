"""``govnews bench export``: fill a throwaway store with synthetic mentions, export them, report time and memory.

Articles are put together from sentences written for this benchmark, so the sentence splitter does its real work;
mentions point at real spans of them. Each export runs as ``govnews export`` in a child process, whose wall time and
peak resident memory (``wait4``'s ``ru_maxrss``) are what a user would see.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from govnews.records import VN_TZ
from govnews.store import Store
from govnews.store.schema import ArticleRow, EntityRow, MentionRow

MENTIONS_PER_ARTICLE = 50
INSERT_BATCH = 20_000
AGENCIES = ["UBND tỉnh", "Sở Tài chính", "Sở Nội vụ", "Sở Xây dựng", "Ban Quản lý dự án", "Sở Y tế"]
PEOPLE = ["Trần Minh Khôi", "Lê Thị Thu Hà", "Phạm Quốc Bảo", "Đặng Văn Lực", "Hoàng Thị Yến", "Vũ Đức Tâm"]
TITLES = ["Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc"]
PLACES = ["huyện Đông Sơn", "xã Tân Phú", "thị trấn Vĩnh Lộc", "phường An Hòa"]
# Each sentence: a template with {slots}; each slot becomes one mention of the type named in SLOT_TYPES.
SENTENCES = [
    "Sáng {date}, {agency} tổ chức hội nghị sơ kết công tác quý và bàn nhiệm vụ trọng tâm thời gian tới.",
    "Phát biểu tại hội nghị, {title} {official} đề nghị các đơn vị đẩy nhanh tiến độ giải ngân vốn đầu tư công.",
    "Tỷ lệ hồ sơ được giải quyết đúng hạn đạt {figure}, tăng so với cùng kỳ năm trước.",
    "Tỉnh phấn đấu {target} tại {location}.",
    "{agency} cho biết đã hoàn thành {figure} kế hoạch năm và kiến nghị tháo gỡ vướng mắc về mặt bằng.",
]
SLOT_TYPES = {"date": "date", "agency": "agency", "official": "official", "figure": "figure", "target": "target",
              "location": "location"}


@dataclass(frozen=True, slots=True)
class Run:
    format: str
    rows: int
    seconds: float
    peak_mb: float
    size: int


def _article(rng: random.Random, index: int) -> tuple[str, str, list[dict[str, Any]]]:
    """A title and text, and the mentions (type, span, attrs) placed in ``title + "\\n" + text``."""
    title = f"Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội số {index}"
    doc, mentions = title + "\n", []
    while len(mentions) < MENTIONS_PER_ARTICLE:
        template = rng.choice(SENTENCES)
        values = {"date": f"{rng.randint(1, 28)}/{rng.randint(1, 12)}", "agency": rng.choice(AGENCIES),
                  "title": rng.choice(TITLES), "official": rng.choice(PEOPLE), "figure": f"{rng.randint(10, 99)}%",
                  "location": rng.choice(PLACES),
                  "target": f"đến năm {rng.randint(2025, 2030)} hoàn thành {rng.randint(2, 40)} công trình hạ tầng"}
        for pos, part in enumerate(template.replace("}", "{").split("{")):  # odd parts are slots
            slot = SLOT_TYPES.get(part) if pos % 2 else None
            text = values[part] if pos % 2 else part
            if slot and len(mentions) < MENTIONS_PER_ARTICLE:
                mentions.append({"type": slot, "text": text, "start_offset": len(doc),
                                 "end_offset": len(doc) + len(text), "attrs": _attrs(slot, text, values)})
            doc += text
        doc += " " if rng.random() < 0.7 else "\n"
    title, text = doc.split("\n", 1)
    return title, text, mentions


def _attrs(slot: str, text: str, values: dict[str, str]) -> dict[str, Any]:
    if slot == "official":
        return {"name": text, "title": values["title"], "organization": values["agency"]}
    if slot == "figure":
        return {"value": float(text.rstrip("%")), "unit": "%", "qualifier": None, "measure": None, "year": None}
    if slot == "target":
        return {"deadline": int(text.split()[2]), "value": None, "unit": None, "owner": None}
    return {"canonical": text}


def _entity_id(mention: dict[str, Any]) -> str | None:
    return f"bench-{mention['type']}-{mention['text']}" if mention["type"] in ("official", "agency", "location") \
        else None


def fill_store(url: str, rows: int, seed: int = 7) -> int:
    """Create the store at ``url`` with ``rows`` mentions in articles of ``MENTIONS_PER_ARTICLE``; returns articles."""
    rng = random.Random(seed)
    store = Store(url)
    start = datetime(2020, 1, 1, 8, tzinfo=VN_TZ)
    entities = {f"bench-{kind}-{name}": (kind, name) for kind, names in
                (("official", PEOPLE), ("agency", AGENCIES), ("location", PLACES)) for name in names}
    articles = -(-rows // MENTIONS_PER_ARTICLE)
    with store.engine.begin() as connection:
        connection.execute(EntityRow.__table__.insert(), [
            {"id": i, "type": kind, "canonical": name, "attrs": {}, "first_seen": start, "last_seen": start}
            for i, (kind, name) in entities.items()])
        batch: list[dict[str, Any]] = []
        left = rows
        for index, (article, mentions) in enumerate(_articles(rng, articles, start)):
            connection.execute(ArticleRow.__table__.insert(), [article])
            for mention in mentions[:left]:
                batch.append({"article_id": article["id"], "entity_id": _entity_id(mention), **mention})
            left -= min(left, len(mentions))
            if len(batch) >= INSERT_BATCH or index == articles - 1:
                connection.execute(MentionRow.__table__.insert(), batch)
                batch = []
    store.close()
    return articles


def _articles(rng: random.Random, count: int,
              start: datetime) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    for index in range(count):
        title, text, mentions = _article(rng, index)
        published = start + timedelta(hours=index)
        yield ({"id": f"{index:020d}", "url": f"https://bench.govnews.vn/tin/{index}", "site": "bench.govnews.vn",
                "province": "Thanh Hóa", "province_current": "Thanh Hóa", "title": title, "published_at": published,
                "author": None, "text": text, "language": "vi", "fetched_at": published, "content_hash": "",
                "models": {}, "created_at": published, "updated_at": published}, mentions)


def run_export(data_dir: Path, url: str, format: str, output: Path) -> Run:
    """``govnews export mentions`` in a child process: wall time and that child's own peak RSS."""
    env = {**os.environ, "DATABASE_URL": url, "GOVNEWS_SEARCH_BACKEND": "embedded"}
    began = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "govnews", "--data-dir", str(data_dir), "export", "mentions",
                              "--format", format, "--output", str(output)],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert child.stderr is not None
    message = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"export to {format} failed: {message.strip()}")
    rows = int(message.split("export mentions: ", 1)[1].split(" rows", 1)[0].replace(",", ""))
    return Run(format, rows, seconds, usage.ru_maxrss / 1024, output.stat().st_size)
