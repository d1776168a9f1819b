"""``govnews bench extraction``: articles/s and characters/s of full extraction, on one core and on all,
beside underthesea's own ``ner`` on the same texts (measured in the same run)."""

from __future__ import annotations

import os
import time
import unicodedata
from collections.abc import Iterable
from multiprocessing import get_context
from pathlib import Path

from pipeline.evaluation.gold import read_corpus

_EXTRACTOR = None


def benchmark_texts(shared_dir: Path, count: int) -> tuple[list[str], str]:
    """``count`` corpus-like texts: the shared corpus when present, else the bundled demo articles, repeated."""
    try:
        texts = [text for text, _ in read_corpus(shared_dir).values()]
        source = f"{shared_dir}/corpus (government news)"
    except Exception:  # the shared corpus is optional; the demo articles ship with govnews
        from govnews.demo.site import load_articles

        texts = ["\n".join([a["title"], a["lead"], *a["body"]]) for a in load_articles()]
        source = "bundled demo articles"
    texts = [unicodedata.normalize("NFC", t) for t in texts]
    return [texts[i % len(texts)] for i in range(count)], source


def _init_worker(topic_model: str) -> None:
    global _EXTRACTOR
    from pipeline.extract import Extractor

    _EXTRACTOR = Extractor(topic_model)


def _extract(text: str) -> int:
    assert _EXTRACTOR is not None
    return len(_EXTRACTOR.extract_text(text).entities)


def run_extraction(texts: list[str], workers: int, topic_model: str = "default") -> dict[str, float]:
    """Extract every text with ``workers`` processes; model loading is excluded from the timing."""
    chars = sum(len(t) for t in texts)
    if workers == 1:
        _init_worker(topic_model)
        _extract(texts[0])  # warm-up
        start = time.perf_counter()
        entities = sum(_extract(t) for t in texts)
    else:
        with get_context("fork").Pool(workers, _init_worker, (topic_model,)) as pool:
            pool.map(_extract, texts[:workers], chunksize=1)  # warm-up every worker
            start = time.perf_counter()
            entities = sum(pool.imap_unordered(_extract, texts, chunksize=8))
    elapsed = time.perf_counter() - start
    return {"articles": len(texts), "seconds": elapsed, "articles_per_s": len(texts) / elapsed,
            "chars_per_s": chars / elapsed, "entities": entities}


def run_underthesea_ner(texts: Iterable[str]) -> dict[str, float]:
    """underthesea's ``ner`` on every sentence of the texts, as a plain pipeline would call it."""
    from underthesea import ner, sent_tokenize

    texts = list(texts)
    ner("Khởi động.")
    chars = sum(len(t) for t in texts)
    start = time.perf_counter()
    for text in texts:
        for line in text.split("\n"):
            for sentence in sent_tokenize(line):
                ner(sentence)
    elapsed = time.perf_counter() - start
    return {"articles": len(texts), "seconds": elapsed, "articles_per_s": len(texts) / elapsed,
            "chars_per_s": chars / elapsed}


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
