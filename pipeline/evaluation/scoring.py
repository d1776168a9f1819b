"""Precision, recall and F1 of predicted entities against gold, per type, with attribute accuracies.

Spans match *strictly* (same offsets) or *leniently* (overlapping, one-to-one, greatest overlap first).
Attributes (a title, a canonical name, a value) are compared on the lenient matches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from govnews.records import Entity
from pipeline.gazetteer import body_key

Compare = Callable[[Any, Any], bool]


def _comparable(value: Any) -> str:
    """Abbreviations expanded, folded, without administrative words or punctuation: ``Sở TT&TT tỉnh Hà
    Nam`` and ``Sở Thông tin và Truyền thông Hà Nam`` name the same body."""
    return body_key(str(value))


def same_text(a: Any, b: Any) -> bool:
    """Equal up to case, spacing, diacritics, abbreviations and administrative words."""
    if a is None or b is None:
        return a is None and b is None
    return _comparable(a) == _comparable(b)


def same_value(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return str(a) == str(b)


UNIT_CLASSES = {"VND": "money", "USD": "money", "EUR": "money", "%": "percent", "percentage_point": "percent",
                "rank": "rank", "score": "score", "fraction": "fraction"}


def unit_class(unit: Any) -> str:
    return UNIT_CLASSES.get(str(unit), "count") if unit is not None else "none"


# What is checked on matched pairs of each type: name → (field, comparison).
ATTRIBUTES: dict[str, dict[str, tuple[str, Compare]]] = {
    "official": {"name": ("name", same_text), "title": ("title", same_text),
                 "organization": ("organization", same_text)},
    "person": {"name": ("name", same_text)},
    "agency": {"canonical": ("canonical", same_text), "province": ("province", same_text)},
    "organization": {"canonical": ("canonical", same_text)},
    "location": {"canonical": ("canonical", same_text), "level": ("level", lambda a, b: a == b)},
    "document": {"canonical": ("canonical", same_text), "number": ("number", same_text)},
    "date": {"value": ("value", lambda a, b: str(a) == str(b))},
    "figure": {"value": ("value", same_value), "unit": ("unit", same_text), "qualifier": ("qualifier",
                                                                                          lambda a, b: a == b)},
    "target": {"deadline": ("deadline", same_value)},
}


def prf(hits: float, predicted: float, gold: float) -> dict[str, float]:
    """Precision, recall and F1 from the number of hits among ``predicted`` items and ``gold`` items."""
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


@dataclass
class TypeScore:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    lenient: int = 0
    attributes: dict[str, list[int]] = field(default_factory=dict)  # name → [correct, compared]

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold, "predicted": self.predicted,
            "lenient": prf(self.lenient, self.predicted, self.gold),
            "strict": prf(self.strict, self.predicted, self.gold),
            "attributes": {k: (c / n if n else None) for k, (c, n) in self.attributes.items()},
            "attribute_counts": {k: n for k, (c, n) in self.attributes.items()},
        }


def match_lenient(gold: list[Entity], predicted: list[Entity],
                  compatible: Callable[[Entity, Entity], bool] | None = None) -> list[tuple[Entity, Entity]]:
    """One-to-one pairs of overlapping spans, greatest overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0 and (compatible is None or compatible(g, p)):
                candidates.append((overlap, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    return pairs


def score_document(gold: list[Entity], predicted: list[Entity], scores: dict[str, TypeScore],
                   types: tuple[str, ...]) -> None:
    """Add one document's counts to ``scores``."""
    for entity_type in types:
        g = [e for e in gold if e.type == entity_type]
        p = [e for e in predicted if e.type == entity_type]
        score = scores.setdefault(entity_type, TypeScore())
        score.gold += len(g)
        score.predicted += len(p)
        score.strict += len({(e.start, e.end) for e in g} & {(e.start, e.end) for e in p})
        compatible = _same_unit_class if entity_type == "figure" else None
        pairs = match_lenient(g, p, compatible)
        score.lenient += len(pairs)
        for name, (key, compare) in ATTRIBUTES.get(entity_type, {}).items():
            counts = score.attributes.setdefault(name, [0, 0])
            for gold_entity, predicted_entity in pairs:
                if key in gold_entity.attrs:
                    counts[1] += 1
                    counts[0] += bool(compare(predicted_entity.attrs.get(key), gold_entity.attrs.get(key)))


def _same_unit_class(gold: Entity, predicted: Entity) -> bool:
    """Figures match on the kind of quantity (money, percent, rank, count …), then their value is checked."""
    return unit_class(gold.attrs.get("unit")) == unit_class(predicted.attrs.get("unit"))
