"""The interface every topic model implements, and the loader that picks one by version or path."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path
from typing import Protocol, runtime_checkable

from govnews.errors import ConfigError
from govnews.records import Topic

log = logging.getLogger(__name__)

ARTIFACTS = Path(str(resources.files("models.topics") / "artifacts"))
DEFAULT_FILE = ARTIFACTS / "DEFAULT"  # names the shipped version that "default" loads


@runtime_checkable
class TopicModel(Protocol):
    version: str  # shown in every output that carries its topics

    def predict(self, texts: list[str], words: list[list[str]] | None = None) -> list[list[Topic]]:
        """Topics (label, score) for each text, best first; empty when nothing is confident.

        ``words`` are the texts' underthesea words when the caller has segmented them already.
        """
        ...


def shipped_versions() -> list[str]:
    return sorted(p.name for p in ARTIFACTS.iterdir() if (p / "model.skops").exists()) if ARTIFACTS.is_dir() else []


def default_version() -> str:
    return DEFAULT_FILE.read_text(encoding="utf-8").strip() if DEFAULT_FILE.exists() else "placeholder"


def load_topic_model(spec: str) -> TopicModel:
    """``default``, ``placeholder``, a shipped version, or the directory of a model trained elsewhere.

    Raises:
        ConfigError: no such version or directory, or a model file that fails the safety check.
    """
    if spec == "default":
        spec = default_version()
    if spec == "placeholder":
        from models.topics.placeholder import KeywordPlaceholder

        return KeywordPlaceholder.load()
    from models.topics.classifier import LinearTopicClassifier

    if spec in shipped_versions():
        return LinearTopicClassifier.load(ARTIFACTS / spec)
    path = Path(spec).expanduser()
    if path.is_dir():
        log.warning("loading a topic model from %s, outside the package: only stock scikit-learn and NumPy "
                    "types are accepted from it", path)
        return LinearTopicClassifier.load(path)
    available = ", ".join(["default", "placeholder", *shipped_versions()])
    raise ConfigError(f"unknown topic model {spec!r}: not a shipped version ({available}) nor a model directory")
