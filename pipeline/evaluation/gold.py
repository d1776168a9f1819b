"""Gold documents: ``<id>.txt`` + ``<id>.json`` pairs, or ``<id>.json`` keyed by a shared corpus or dataset
record whose text is read from ``../shared`` at run time (the repository holds only the annotations)."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govnews.errors import ConfigError, InputError
from govnews.records import Entity

CORPUS_FILE = Path("corpus") / "dev_articles.jsonl"
DATASETS_DIR = Path("datasets")


@dataclass(slots=True)
class GoldDoc:
    id: str
    text: str  # NFC; offsets index it
    entities: list[Entity]
    topics: list[str] = field(default_factory=list)
    url: str | None = None
    annotated: tuple[str, ...] | None = None  # the types annotated, when not all of them were


def load_gold(gold_dir: Path, shared_dir: Path, split: str = "all") -> list[GoldDoc]:
    """Every gold document under ``gold_dir``; ``split`` (dev|test|all) uses ``split.json`` when present.

    Raises:
        ConfigError: the folder has no gold, or its texts live in a shared corpus that is not there.
    """
    if not gold_dir.is_dir():
        raise ConfigError(f"{gold_dir}: no such gold folder")
    files = sorted(p for p in gold_dir.glob("*.json") if p.name != "split.json")
    if not files:
        raise ConfigError(f"{gold_dir}: no <id>.json gold files")
    wanted = _split_ids(gold_dir, split)
    corpus: dict[str, tuple[str, str | None]] | None = None
    datasets: dict[str, dict[str, str]] = {}
    docs = []
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        doc_id = str(data.get("id") or path.stem)
        if wanted is not None and doc_id not in wanted:
            continue
        pair = path.with_suffix(".txt")
        url = data.get("url")
        if pair.exists():
            text = unicodedata.normalize("NFC", pair.read_text(encoding="utf-8"))
        elif "source" in data:
            source = str(data["source"])
            if source not in datasets:
                datasets[source] = read_dataset(shared_dir, source)
            if doc_id not in datasets[source]:
                raise InputError(str(path), f"id {doc_id!r} is not in the shared dataset {source!r}")
            text = datasets[source][doc_id]
        else:
            if corpus is None:
                corpus = read_corpus(shared_dir)
            if doc_id not in corpus:
                raise InputError(str(path), f"id {doc_id!r} is not in the shared corpus")
            text, url = corpus[doc_id]
        entities = [_entity(e, text, path) for e in data["entities"]]
        annotated = tuple(data["annotated"]) if "annotated" in data else None
        docs.append(GoldDoc(doc_id, text, entities, data.get("topics", []), url, annotated))
    return docs


def second_annotation(second_dir: Path, docs: list[GoldDoc], shared_dir: Path) -> dict[str, list[Entity]]:
    """The entities of a second annotation of ``docs`` (same ids, same texts), by id.

    Raises:
        ConfigError: the folder lacks one of the documents.
    """
    second = {doc.id: doc.entities for doc in load_gold(second_dir, shared_dir)}
    missing = [doc.id for doc in docs if doc.id not in second]
    if missing:
        raise ConfigError(f"{second_dir}: no second annotation of {', '.join(missing[:5])}"
                          + (f" and {len(missing) - 5} more" if len(missing) > 5 else ""))
    return second


def read_corpus(shared_dir: Path) -> dict[str, tuple[str, str | None]]:
    """NFC text and URL of each shared corpus article, by id."""
    return {row["id"]: (row["text"], row.get("url")) for row in corpus_rows(shared_dir)}


def read_dataset(shared_dir: Path, name: str) -> dict[str, str]:
    """NFC text of each record of a shared dataset (``datasets/<name>/*.jsonl``), by id: the title, a newline and
    the body, as the dataset's README says a full document is read."""
    folder = shared_dir / DATASETS_DIR / name
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise ConfigError(f"the shared dataset {name!r} is not at {folder} (set GOVNEWS_SHARED_DIR); "
                          "evaluations need its texts")
    texts = {}
    for path in files:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    record = json.loads(line)
                    title = unicodedata.normalize("NFC", record.get("title") or "").strip()
                    body = unicodedata.normalize("NFC", record["text"])
                    texts[str(record["id"])] = f"{title}\n{body}" if title else body
    return texts


def corpus_rows(shared_dir: Path) -> list[dict[str, Any]]:
    """The shared corpus's records, id as a string and title and text in NFC."""
    path = shared_dir / CORPUS_FILE
    if not path.exists():
        raise ConfigError(f"the shared corpus is not at {path} (set GOVNEWS_SHARED_DIR); evaluations need its texts")
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            record["id"] = str(record["id"])
            record["text"] = unicodedata.normalize("NFC", record["text"])
            record["title"] = unicodedata.normalize("NFC", record.get("title") or "").strip()
            rows.append(record)
    return rows


def _split_ids(gold_dir: Path, split: str) -> set[str] | None:
    if split == "all":
        return None
    path = gold_dir / "split.json"
    if not path.exists():
        raise ConfigError(f"{gold_dir}: --split {split} needs a split.json")
    return set(json.loads(path.read_text(encoding="utf-8"))[split])


def _entity(data: dict, text: str, path: Path) -> Entity:  # type: ignore[type-arg]
    start, end = int(data["start"]), int(data["end"])
    span = text[start:end]
    if "text" in data and data["text"] != span:
        raise InputError(str(path), f"entity text {data['text']!r} does not match the text at {start}:{end}")
    fields = {k: v for k, v in data.items() if k not in ("type", "text", "start", "end")}
    return Entity(data["type"], span, start, end, fields)
