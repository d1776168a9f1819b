"""Held-out evaluation of a topic model beside the keyword baseline, a generality check, and speed."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

from models.topics.dataset import LABELS_DIR, Example
from models.topics.metrics import multilabel_scores
from models.topics.registry import TopicModel
from models.topics.taxonomy import topic_ids

# VNTC's published 10-topic accuracy (full test split), as listed by undertheseanlp/NLP-Vietnamese-progress.
VNTC_PUBLISHED = {"SVM (Vu et al., RIVF'07)": 0.934, "N-gram LM (Vu et al., RIVF'07)": 0.971}
MIN_SUPPORT_FOR_FLOOR = 15  # the floor (F1 ≥ 0.6) applies to labels with this many test examples


def predict_labels(model: TopicModel, examples: list[Example], words: list[list[str]]) -> list[list[str]]:
    return [[t.label for t in topics] for topics in model.predict([e.text for e in examples], words)]


def score_split(model: TopicModel, examples: list[Example], words: list[list[str]]) -> dict[str, Any]:
    labels = list(topic_ids())
    predicted = predict_labels(model, examples, words)
    gold = [list(e.topics) for e in examples]
    result = multilabel_scores(gold, predicted, labels)
    result["confusion"] = confusion(gold, predicted, labels)
    return result


def confusion(gold: list[list[str]], predicted: list[list[str]], labels: list[str]) -> dict[str, dict[str, int]]:
    """For each gold topic: how often each topic (or none) was predicted on its articles.

    Multi-label, so a row counts predictions, not articles; the diagonal is recall's numerator and the
    off-diagonal cells show which topics are mistaken for which.
    """
    table = {label: dict.fromkeys([*labels, "(none)"], 0) for label in labels}
    for want, got in zip(gold, predicted, strict=True):
        for label in want:
            for other in got or ["(none)"]:
                table[label][other] += 1
    return table


def generality(model: TopicModel, examples: list[tuple[Example, str]], words: list[list[str]]) -> dict[str, Any]:
    """Accuracy on a dataset's own test split: the top topic must be one the article's section maps to."""
    by_section: dict[str, list[int]] = {}
    for (example, section), topics in zip(examples, model.predict([e.text for e, _ in examples], words),
                                          strict=True):
        right = bool(topics) and topics[0].label in example.topics
        by_section.setdefault(section, []).append(int(right))
    total = [hit for hits in by_section.values() for hit in hits]
    return {"accuracy": float(np.mean(total)) if total else 0.0, "documents": len(total),
            "by_section": {s: {"accuracy": float(np.mean(h)), "documents": len(h)} for s, h in by_section.items()},
            "published_10_topic_accuracy": VNTC_PUBLISHED}


def speed(model: TopicModel, examples: list[Example], words: list[list[str]], minimum: int = 2000) -> dict[str, float]:
    """Articles per second after segmentation (words given), one call per article as the pipeline does."""
    repeats = max(1, -(-minimum // max(len(examples), 1)))
    texts = [e.text for e in examples] * repeats
    segmented = words * repeats
    start = time.perf_counter()
    for text, w in zip(texts, segmented, strict=True):
        model.predict([text], [w])
    seconds = time.perf_counter() - start
    return {"articles": len(texts), "seconds": seconds, "articles_per_second": len(texts) / seconds}


def human_agreement(test: list[Example], path: Path = LABELS_DIR / "double_annotation.jsonl") -> dict[str, Any] | None:
    """The second, blind labelling of the test articles scored against the first (before adjudication): how
    far two careful readers agree on this taxonomy, the ceiling to read the model's figures against."""
    if not path.exists():
        return None
    passes = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        passes[f"{record['dataset']}:{record['id']}"] = (record["first"], record["second"])
    pairs = [passes[e.key] for e in test if e.key in passes]
    if not pairs:
        return None
    return multilabel_scores([first for first, _ in pairs], [second for _, second in pairs], list(topic_ids()))


def floor_failures(result: dict[str, Any], minimum_f1: float = 0.6) -> list[str]:
    return [label for label, c in result["labels"].items()
            if c["support"] >= MIN_SUPPORT_FOR_FLOOR and c["f1"] < minimum_f1]


def evaluate(model: TopicModel, baseline: TopicModel, test: list[Example], segment: Callable[..., list[list[str]]],
             general: list[tuple[Example, str]] | None = None,
             progress: Callable[[Iterable[str]], Iterable[str]] = iter) -> dict[str, Any]:
    """Everything the report shows: held-out scores (all, and government corpus only), baseline, speed."""
    words = segment([e.text for e in test], progress)
    corpus = [i for i, e in enumerate(test) if e.key.startswith("corpus:")]
    report: dict[str, Any] = {"model": model.version, "baseline": baseline.version, "splits": {}}
    for name, indices in (("test", list(range(len(test)))), ("test_corpus", corpus)):
        subset, subset_words = [test[i] for i in indices], [words[i] for i in indices]
        if subset:
            report["splits"][name] = {"model": score_split(model, subset, subset_words),
                                      "baseline": score_split(baseline, subset, subset_words)}
    report["floor_failures"] = floor_failures(report["splits"]["test"]["model"])
    if agreement := human_agreement(test):
        report["splits"]["test"]["human_agreement"] = agreement
    report["speed"] = speed(model, test, words)
    if general:
        general_words = segment([e.text for e, _ in general], progress)
        report["generality"] = {"model": generality(model, general, general_words),
                                "baseline": generality(baseline, general, general_words)}
    return report
