"""``govnews models train|eval topics``: gather the labelled data, train or evaluate, write artifacts."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from models.topics.classifier import LinearTopicClassifier
from models.topics.dataset import Example, generality_examples, hand_examples, weak_examples
from models.topics.evaluate import evaluate, score_split
from models.topics.registry import ARTIFACTS, DEFAULT_FILE, load_topic_model
from models.topics.report import chart, markdown
from models.topics.train import SegmentCache, train

log = logging.getLogger(__name__)

Progress = Callable[[Iterable[str]], Iterable[str]]


def gather(shared_dir: Path, extra: list[Path], weak_per_section: int) -> list[Example]:
    hand = hand_examples(shared_dir, extra)
    weak = weak_examples(shared_dir, weak_per_section, {e.key for e in hand}) if weak_per_section and (
        shared_dir / "datasets").is_dir() else []
    log.info("%d hand-labelled and %d weakly labelled articles", len(hand), len(weak))
    return hand + weak


def train_topics(shared_dir: Path, cache_dir: Path, out_dir: Path | None, extra: list[Path], weak_per_section: int,
                 ship: bool, progress: Progress = iter, families: tuple[str, ...] | None = None) -> Path:
    """Train, save under ``out_dir`` (or the package's artifacts with ``ship``), return the model's folder."""
    examples = gather(shared_dir, extra, weak_per_section)
    segment = SegmentCache(cache_dir / "segmented.jsonl")
    model, _ = train(examples, segment, families=families, progress=progress)
    test = [e for e in examples if e.split == "test"]
    if test:
        scores = score_split(model, test, segment([e.text for e in test], progress))
        model.meta["metrics"] = {"test_documents": len(test), "micro": scores["micro"], "macro": scores["macro"],
                                 "f1": {label: c["f1"] for label, c in scores["labels"].items()}}
    target = (ARTIFACTS if ship else out_dir or cache_dir.parent / "models" / "topics") / model.version
    model.save(target)
    if ship:
        DEFAULT_FILE.write_text(model.version + "\n", encoding="utf-8")
    return target


def eval_topics(spec: str, shared_dir: Path, cache_dir: Path, extra: list[Path], report_dir: Path,
                generality_limit: int, progress: Progress = iter) -> dict[str, Any]:
    """Score ``spec`` on the held-out split; write ``topics.md``, ``topics.png`` and ``topics.json``."""
    model = load_topic_model(spec)
    baseline = load_topic_model("placeholder")
    hand = hand_examples(shared_dir, extra)
    test = [e for e in hand if e.split == "test"]
    general = (generality_examples(shared_dir, {e.key for e in hand}, generality_limit)
               if generality_limit and (shared_dir / "datasets").is_dir() else None)
    report = evaluate(model, baseline, test, SegmentCache(cache_dir / "segmented.jsonl"), general, progress)
    meta = model.meta if isinstance(model, LinearTopicClassifier) else {}
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / "topics.md").write_text(markdown(report, meta), encoding="utf-8")
    chart(report, report_dir / "topics.png")
    (report_dir / "topics.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return report
