"""Relevance evaluation: nDCG@10 and recall@10 of each backend on hand-judged queries over the shared corpus.

The judgements (``models/gold/search/queries.jsonl``, keyed by corpus id) live in the repository; the
texts are read from the shared corpus at run time. The baseline is what a project gets from stock SQLite
FTS5 (``unicode61``: diacritics removed but ``đ`` kept, no exact-spelling boost, no segmentation).
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from statistics import mean
from typing import Any

from govnews.errors import InputError
from govnews.records import VN_TZ, ArticleRecord
from pipeline.evaluation.gold import corpus_rows
from search.query import SearchQuery

K = 10
DEFAULT_JUDGEMENTS = Path(__file__).resolve().parents[1] / "models" / "gold" / "search" / "queries.jsonl"
Ranker = Callable[[str], list[str]]


@dataclass(frozen=True, slots=True)
class Judged:
    id: str
    query: str
    kind: str
    pair: str | None
    relevant: dict[str, int]


def load_judgements(path: Path) -> list[Judged]:
    judged = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            judged.append(Judged(data["id"], data["query"], data["kind"], data.get("pair"),
                                 {str(k): int(v) for k, v in data["relevant"].items()}))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}", f"not a judgement line ({exc})") from exc
    return judged


def corpus_records(shared_dir: Path) -> list[ArticleRecord]:
    """The shared corpus as index records, keyed by corpus id, titled where the corpus gives a title (the
    rest are indexed untitled rather than with a lead sentence posing as one)."""
    records = []
    for row in corpus_rows(shared_dir):
        title, text = row["title"], row["text"]
        if title and text.startswith(title):
            text = text[len(title):].lstrip()
        records.append(ArticleRecord(id=row["id"], url=row.get("url") or f"corpus:{row['id']}", site="corpus",
                                     title=title, text=text, language="vi", fetched_at=datetime.now(VN_TZ),
                                     content_hash=row["id"]))
    return sorted(records, key=lambda r: r.id)


def dcg(gains: list[int]) -> float:
    return sum((2 ** g - 1) / math.log2(rank + 2) for rank, g in enumerate(gains))


def ndcg_at(ranked: list[str], relevant: dict[str, int], k: int = K) -> float:
    ideal = dcg(sorted(relevant.values(), reverse=True)[:k])
    return dcg([relevant.get(doc, 0) for doc in ranked[:k]]) / ideal if ideal else 0.0


def recall_at(ranked: list[str], relevant: dict[str, int], k: int = K) -> float:
    return len(set(ranked[:k]) & set(relevant)) / len(relevant) if relevant else 0.0


def backend_ranker(backend: Any) -> Ranker:
    return lambda q: [hit.id for hit in backend.search(SearchQuery(q=q, size=K)).hits]


class StockFts:
    """The baseline: SQLite FTS5 with its default tokenizer, every query word required, bm25 order."""

    def __init__(self, records: list[ArticleRecord]) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, title, body)")
        self.db.executemany("INSERT INTO fts VALUES (?,?,?)", [(r.id, r.title, r.text) for r in records])

    def __call__(self, q: str) -> list[str]:
        words = re.findall(r'"[^"]*"|[^\s"]+', q)
        expression = " AND ".join('"' + w.strip('"').replace('"', "") + '"' for w in words if w.strip('"'))
        if not expression:
            return []
        return [row[0] for row in self.db.execute(
            "SELECT id FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT ?", (expression, K))]


def evaluate(judged: list[Judged], rankers: dict[str, Ranker]) -> dict[str, Any]:
    """Per system: mean nDCG@10 and recall@10, by query kind, and unaccented pairs beside their accented forms."""
    by_id = {j.id: j for j in judged}
    systems: dict[str, Any] = {}
    for name, rank in rankers.items():
        rows = []
        for j in judged:
            ranked = rank(j.query)
            rows.append({"id": j.id, "kind": j.kind, "ndcg": ndcg_at(ranked, j.relevant),
                         "recall": recall_at(ranked, j.relevant)})
        per_query = {r["id"]: r for r in rows}
        kinds = sorted({j.kind for j in judged})
        pairs = [(j.id, j.pair) for j in judged if j.pair and j.pair in by_id]
        systems[name] = {
            "ndcg@10": mean(r["ndcg"] for r in rows),
            "recall@10": mean(r["recall"] for r in rows),
            "by_kind": {k: {"queries": sum(r["kind"] == k for r in rows),
                            "ndcg@10": mean(r["ndcg"] for r in rows if r["kind"] == k)} for k in kinds},
            "unaccented_ndcg@10": mean(per_query[u]["ndcg"] for u, _ in pairs) if pairs else None,
            "accented_pair_ndcg@10": mean(per_query[a]["ndcg"] for _, a in pairs) if pairs else None,
            "queries": rows,
        }
    return {"queries": len(judged), "pairs": sum(1 for j in judged if j.pair), "k": K, "systems": systems}


def render_markdown(results: dict[str, Any]) -> str:
    systems = results["systems"]
    kinds = sorted(next(iter(systems.values()))["by_kind"])
    header = ["system", "nDCG@10", "recall@10", *(f"{k} ({systems[next(iter(systems))]['by_kind'][k]['queries']})"
                                                  for k in kinds), "unaccented vs accented pair"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, s in systems.items():
        gap = ""
        if s["unaccented_ndcg@10"] is not None:
            gap = f"{s['unaccented_ndcg@10']:.3f} vs {s['accented_pair_ndcg@10']:.3f}"
        cells = [name, f"{s['ndcg@10']:.3f}", f"{s['recall@10']:.3f}",
                 *(f"{s['by_kind'][k]['ndcg@10']:.3f}" for k in kinds), gap]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
