"""The interface every topic model implements, and the loader that picks one by version."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from govnews.errors import ConfigError
from govnews.records import Topic


@runtime_checkable
class TopicModel(Protocol):
    version: str  # shown in every output that carries its topics

    def predict(self, texts: list[str]) -> list[list[Topic]]:
        """Topics (label, score) for each text, best first; empty when nothing is confident."""
        ...


def load_topic_model(version: str) -> TopicModel:
    if version == "placeholder":
        from models.topics.placeholder import KeywordPlaceholder

        return KeywordPlaceholder.load()
    raise ConfigError(f"unknown topic model version {version!r} (available: placeholder)")
