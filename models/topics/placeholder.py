"""Keyword rules for topics: the baseline the trained classifier is evaluated beside.

It was the foundation's stand-in before a model was trained; its version string still says so, and
``topic_model = "placeholder"`` selects it (``govnews models eval topics`` scores it next to the model).
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from govnews.records import Topic
from pipeline.normalize import match_key

THRESHOLD = 0.5


@dataclass(slots=True)
class KeywordPlaceholder:
    keywords: dict[str, list[str]]
    version: str = "keywords-baseline-v0 (keyword rules, not a trained model)"

    @classmethod
    def load(cls) -> KeywordPlaceholder:
        data = tomllib.loads((resources.files("models.topics") / "placeholder_keywords.toml").read_text("utf-8"))
        return cls({label: [match_key(k) for k in words] for label, words in data["keywords"].items()})

    def predict(self, texts: list[str], words: list[list[str]] | None = None) -> list[list[Topic]]:
        return [self._predict_one(text) for text in texts]

    def _predict_one(self, text: str) -> list[Topic]:
        key = match_key(text)
        words = max(len(key.split()), 1)
        topics = []
        for label, keywords in self.keywords.items():
            hits = sum(len(re.findall(rf"(?<!\w){re.escape(k)}(?!\w)", key)) for k in keywords)
            # Hits per 100 words, squashed to (0, 1): two hits in a short article is already a topic.
            density = hits * 100 / words
            score = 1 - math.exp(-density / 1.5) if hits >= 2 else 0.0
            if score >= THRESHOLD:
                topics.append(Topic(label, round(score, 4)))
        return sorted(topics, key=lambda t: -t.score)
