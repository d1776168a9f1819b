"""Multi-label precision, recall and F1 per topic, micro and macro."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pipeline.evaluation.scoring import prf


def multilabel_scores(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]],
                      labels: Sequence[str]) -> dict[str, Any]:
    """Per-label counts and P/R/F1; micro over all decisions, macro over labels that occur in ``gold``."""
    per: dict[str, dict[str, float]] = {label: {"tp": 0, "fp": 0, "fn": 0} for label in labels}
    for want, got in zip(gold, predicted, strict=True):
        want_set, got_set = set(want), set(got)
        for label in labels:
            if label in got_set:
                per[label]["tp" if label in want_set else "fp"] += 1
            elif label in want_set:
                per[label]["fn"] += 1
    for counts in per.values():
        counts.update(prf(counts["tp"], counts["tp"] + counts["fp"], counts["tp"] + counts["fn"]))
        counts["support"] = counts["tp"] + counts["fn"]
    total = {key: sum(c[key] for c in per.values()) for key in ("tp", "fp", "fn")}
    present = [c for c in per.values() if c["support"] > 0]
    macro = {key: sum(c[key] for c in present) / len(present) if present else 0.0
             for key in ("precision", "recall", "f1")}
    exact = sum(set(w) == set(g) for w, g in zip(gold, predicted, strict=True)) / max(len(gold), 1)
    micro = prf(total["tp"], total["tp"] + total["fp"], total["tp"] + total["fn"])
    return {"labels": per, "micro": micro, "macro": macro, "exact_match": exact, "documents": len(gold)}

