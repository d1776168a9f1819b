"""The trained topic classifier: two TF-IDF vectorizers, one calibrated linear scorer per topic.

At training time each topic is a scikit-learn linear model wrapped in ``CalibratedClassifierCV``
(sigmoid). For inference the fitted weights and the calibration's two parameters are stacked into one
matrix, so scoring all topics is a single sparse product: ``p = expit(-(a · (Xw + b0) + c))``.

Saved as a skops file (no pickle) holding only stock scikit-learn vectorizers and NumPy arrays, plus a
``meta.json`` with the version, training-data hash, thresholds and metrics.
"""

from __future__ import annotations

import json
import logging
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.special import expit
from sklearn.feature_extraction.text import TfidfVectorizer

from govnews.errors import ConfigError
from govnews.records import Topic
from models.topics.features import char_string, segment_words, word_string

log = logging.getLogger(__name__)

MODEL_FILE = "model.skops"
META_FILE = "meta.json"
MIN_WORD_FEATURES = 8  # fewer known words than this: too little Vietnamese to say anything
MAX_TOPICS = 4
# The only types a topic model file may contain; anything else is refused before it is loaded.
ALLOWED_TYPES = {
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "numpy.float32",
    "numpy.float64",
    "numpy.int64",
    "numpy.dtype",
    "numpy.ndarray",
    "builtins.dict",
    "builtins.list",
    "builtins.tuple",
    "builtins.str",
    "builtins.int",
    "builtins.float",
    "builtins.type",
}


@dataclass(slots=True)
class LinearTopicClassifier:
    labels: list[str]
    word_vectorizer: TfidfVectorizer
    char_vectorizer: TfidfVectorizer
    coef: np.ndarray  # (features, labels), float32
    intercept: np.ndarray  # (labels,)
    calib_a: np.ndarray  # (labels,)
    calib_b: np.ndarray  # (labels,)
    thresholds: np.ndarray  # (labels,)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "unversioned"))

    def predict(self, texts: list[str], words: list[list[str]] | None = None) -> list[list[Topic]]:
        """Topics above their tuned threshold, best first; ``words`` skips segmentation when given."""
        scores, evidence = self.scores(texts, words)
        results = []
        for row, known in zip(scores, evidence, strict=True):
            if known < MIN_WORD_FEATURES:
                results.append([])  # empty, foreign or number-only text: no topic rather than a wrong one
                continue
            picked = [Topic(self.labels[j], round(float(row[j]), 4)) for j in np.argsort(-row)
                      if row[j] >= self.thresholds[j]]
            results.append(picked[:MAX_TOPICS])
        return results

    def scores(self, texts: list[str], words: list[list[str]] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Calibrated probability per text and topic, and how many known words each text had."""
        if words is None:
            words = [segment_words(text) for text in texts]
        word_x = self.word_vectorizer.transform([word_string(w) for w in words])
        char_x = self.char_vectorizer.transform([char_string(t) for t in texts])
        features = sp.hstack([word_x, char_x], format="csr")
        margin = np.asarray(features @ self.coef) + self.intercept
        return expit(-(self.calib_a * margin + self.calib_b)), word_x.getnnz(axis=1)

    def save(self, directory: Path) -> None:
        import skops.io as sio

        directory.mkdir(parents=True, exist_ok=True)
        for vectorizer in (self.word_vectorizer, self.char_vectorizer):
            vectorizer.stop_words_ = None  # the pruned vocabulary: large and unused at inference
        state = {
            "labels": list(self.labels),
            "word_vectorizer": self.word_vectorizer,
            "char_vectorizer": self.char_vectorizer,
            "coef": self.coef.astype(np.float32),
            "intercept": self.intercept.astype(np.float64),
            "calib_a": self.calib_a.astype(np.float64),
            "calib_b": self.calib_b.astype(np.float64),
            "thresholds": self.thresholds.astype(np.float64),
        }
        sio.dump(state, directory / MODEL_FILE, compression=zipfile.ZIP_DEFLATED)
        (directory / META_FILE).write_text(json.dumps(self.meta, indent=2, ensure_ascii=False) + "\n", "utf-8")

    @classmethod
    def load(cls, directory: Path) -> LinearTopicClassifier:
        """Load a saved model; files holding any type outside :data:`ALLOWED_TYPES` are refused.

        Raises:
            ConfigError: missing files, or a model file that asks to load code it should not hold.
        """
        import skops.io as sio

        path = directory / MODEL_FILE
        if not path.exists():
            raise ConfigError(f"{directory}: no {MODEL_FILE} (train one with `govnews models train topics`)")
        untrusted = set(sio.get_untrusted_types(file=path))
        if refused := untrusted - ALLOWED_TYPES:
            raise ConfigError(f"{path}: refusing to load types a topic model does not need: {sorted(refused)}")
        state = sio.load(path, trusted=sorted(untrusted))
        meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
        return cls(state["labels"], state["word_vectorizer"], state["char_vectorizer"], state["coef"],
                   state["intercept"], state["calib_a"], state["calib_b"], state["thresholds"], meta)
