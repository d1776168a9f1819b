"""``govnews eval entities|figures|targets``: score the extractor and the underthesea baseline on gold."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.progress import track
from rich.table import Table

from govnews.errors import ConfigError
from govnews.records import Entity
from pipeline.evaluation.baseline import underthesea_entities
from pipeline.evaluation.gold import GoldDoc
from pipeline.evaluation.scoring import TypeScore, score_document
from pipeline.extract import Extractor

SECOND = "second annotator"
NAMED_TYPES = ("official", "person", "agency", "organization", "location", "document", "date")
SUITES: dict[str, tuple[str, ...]] = {"entities": NAMED_TYPES, "figures": ("figure",), "targets": ("target",)}
# Attributes each suite reports beside P/R/F1, by type: what the issues ask to be measured.
HEADLINE_ATTRIBUTES = {"official": ("title", "organization"), "agency": ("canonical",),
                       "organization": ("canonical",), "location": ("canonical",), "document": ("canonical",),
                       "date": ("value",), "figure": ("value", "unit", "qualifier"), "target": ("deadline",)}


def evaluate(docs: list[GoldDoc], suite: str, extractor: Extractor, baseline: bool = True,
             console: Console | None = None, second: dict[str, list[Entity]] | None = None) -> dict[str, Any]:
    """Scores of govnews, of the underthesea baseline and, given ``second`` (a second, independent annotation
    of the same documents, by id), of that annotator against the gold: how far two humans agree is the
    ceiling the extractor's figures are read against."""
    types = _annotated(docs, SUITES[suite])
    if not types:
        raise ConfigError(f"the gold annotates none of the {suite} suite's types ({', '.join(SUITES[suite])})")
    systems: dict[str, Callable[[GoldDoc], list[Entity]]] = {
        "govnews": lambda doc: extractor.extract_text(doc.text, url=doc.url).entities}
    if baseline:
        systems["underthesea"] = lambda doc: underthesea_entities(doc.text)
    if second is not None:
        systems[SECOND] = lambda doc: second[doc.id]
    results: dict[str, Any] = {"documents": len(docs), "suite": suite, "systems": {}}
    for name, system in systems.items():
        scores: dict[str, TypeScore] = {}
        for doc in track(docs, description=f"{name:>11}", console=console, transient=True,
                         disable=console is None):
            score_document(doc.entities, system(doc), scores, types)
        results["systems"][name] = {t: s.to_dict() for t, s in scores.items()}
    return results


def _annotated(docs: list[GoldDoc], types: tuple[str, ...]) -> tuple[str, ...]:
    """The suite's types that every document was annotated for: a partly annotated set (one that declares
    ``annotated``) is not scored on types it never marked, which would read as false positives."""
    declared = [set(doc.annotated) for doc in docs if doc.annotated is not None]
    return tuple(t for t in types if all(t in d for d in declared))


def render(results: dict[str, Any], console: Console) -> None:
    systems = results["systems"]
    ours, base, other = systems["govnews"], systems.get("underthesea"), systems.get(SECOND)
    table = Table(title=f"govnews eval {results['suite']}: {results['documents']} documents")
    for column in ("type", "gold", "P", "R", "F1", "strict F1", "attributes (accuracy on matches)"):
        table.add_column(column, justify="left" if column in ("type", "attributes (accuracy on matches)") else "right")
    if base:
        table.add_column("baseline F1 (underthesea)", justify="right")
    if other:
        table.add_column("second annotator F1", justify="right")
    for entity_type, score in ours.items():
        attrs = _headline_attributes(score, entity_type)
        row = [entity_type, str(score["gold"]), f"{score['lenient']['precision']:.2f}",
               f"{score['lenient']['recall']:.2f}", f"{score['lenient']['f1']:.2f}", f"{score['strict']['f1']:.2f}",
               attrs]
        if base:
            b = base.get(entity_type)
            row.append(f"{b['lenient']['f1']:.2f} / {b['strict']['f1']:.2f}" if b else "–")
        if other:
            row.append(_agreement(other.get(entity_type), entity_type))
        table.add_row(*row)
    console.print(table)
    console.print("P/R/F1: lenient (overlapping spans, one-to-one); strict: same offsets. Baseline: lenient / strict."
                  + (" Second annotator: a blind second annotation scored against the gold like a system (lenient"
                     " F1, attributes)." if other else ""))


def _headline_attributes(score: dict[str, Any], entity_type: str) -> str:
    return ", ".join(f"{k} {v:.2f}" for k, v in score["attributes"].items()
                     if k in HEADLINE_ATTRIBUTES.get(entity_type, ()) and v is not None)


def _agreement(score: dict[str, Any] | None, entity_type: str) -> str:
    if not score or not score["gold"]:
        return "–"
    shown = _headline_attributes(score, entity_type)
    return f"{score['lenient']['f1']:.2f}" + (f" ({shown})" if shown else "")
