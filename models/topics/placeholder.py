"""PLACEHOLDER topic tagger: keyword rules, not a trained model.

It exists so the foundation's end-to-end path tags topics; every output that carries its topics names
it as ``placeholder-keywords`` (marked PLACEHOLDER). The trained scikit-learn classifier of the
topics issue replaces it.
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
    version: str = "placeholder-keywords-v0 (PLACEHOLDER: keyword rules, not a trained model)"

    @classmethod
    def load(cls) -> KeywordPlaceholder:
        data = tomllib.loads((resources.files("models.topics") / "placeholder_keywords.toml").read_text("utf-8"))
        return cls({label: [match_key(k) for k in words] for label, words in data["keywords"].items()})

    def predict(self, texts: list[str]) -> list[list[Topic]]:
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
