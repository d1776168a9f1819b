"""The trained topic classifier: two TF-IDF vectorizers, one calibrated linear scorer per topic.

At training time each topic is a scikit-learn linear model wrapped in ``CalibratedClassifierCV``
(sigmoid). For inference the fitted weights and the calibration's two parameters are stacked into one
matrix, so scoring all topics is one sparse product per feature block: ``p = expit(-(a · (Xw + b0) + c))``. A topic
is given when its probability reaches its tuned threshold; when none does, the best topic is still given
if its probability reaches ``top_floor`` (tuned too; 1.0 switches this off). Character n-grams are
weighed down in training so that words lead; for text written without diacritics, where words fail,
they count at full weight again.

Saved as a skops file (no pickle) holding only stock scikit-learn vectorizers and NumPy arrays, plus a
``meta.json`` with the version, training-data hash, thresholds and metrics.
"""

from __future__ import annotations

import json
import logging
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from scipy.special import expit
from sklearn.feature_extraction.text import TfidfVectorizer

from govnews.errors import ConfigError
from govnews.records import Topic
from models.topics.features import char_string, document_string, segment_words
from pipeline.normalize import fold

log = logging.getLogger(__name__)
_SYLLABLES = re.compile(r"[a-z]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
UNACCENTED_SHARE = 0.02  # fewer accented letters per character than this: written without diacritics

MODEL_FILE = "model.skops"
META_FILE = "meta.json"
MIN_KNOWN_WORDS = 8  # fewer known words than this: too little Vietnamese to say anything
MIN_KNOWN_SHARE = 0.5  # diacritic-less text counts as Vietnamese when half its syllables are known ones
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


def above(row: np.ndarray, thresholds: np.ndarray, top_floor: float = 1.0) -> list[int]:
    """Indices of the topics whose score reaches their threshold, best first, at most ``MAX_TOPICS``;
    when none does, the best topic alone if its score reaches ``top_floor`` (``1.0``: never)."""
    order = np.argsort(-row)
    chosen = [int(j) for j in order if row[j] >= thresholds[j]][:MAX_TOPICS]
    if not chosen and top_floor < 1.0 and row[order[0]] >= top_floor:
        chosen = [int(order[0])]
    return chosen


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
    title_repeat: int = 0  # the title's words are counted this many extra times
    top_floor: float = 1.0  # with no topic above its threshold, the best one if it reaches this (1.0: never)
    char_weight: float = 1.0  # the character block's weight in training, already folded into ``coef``
    # The floor for text written without diacritics: its scores run lower than those the thresholds were
    # tuned on, so its own floor is tuned on folded copies of the training articles.
    unaccented_floor: float = 1.0
    folded_syllables: frozenset[str] | None = None  # built on first use

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "unversioned"))

    def predict(self, texts: list[str], words: list[list[str]] | None = None) -> list[list[Topic]]:
        """Topics above their tuned threshold, best first; ``words`` skips segmentation when given."""
        scores, evidence = self.scores(texts, words)
        results = []
        for text, row, known in zip(texts, scores, evidence, strict=True):
            if known < MIN_KNOWN_WORDS:
                results.append([])  # empty, foreign or number-only text: no topic rather than a wrong one
                continue
            floor = self.unaccented_floor if _unaccented(text) else self.top_floor
            results.append([Topic(self.labels[j], round(float(row[j]), 4))
                            for j in above(row, self.thresholds, floor)])
        return results

    def scores(self, texts: list[str], words: list[list[str]] | None = None) -> tuple[np.ndarray, list[int]]:
        """Calibrated probability per text and topic, and how many known words each text had.

        Known words are the text's distinct words in the vocabulary; for text written without diacritics,
        which has almost none, its folded syllables that the vocabulary knows count instead.
        """
        if words is None:
            words = [segment_words(text) for text in texts]
        folded = [char_string(t) for t in texts]
        # The inputs are our own strings: scikit-learn's per-call parameter checks are a tenth of the time.
        with sklearn.config_context(skip_parameter_validation=True, assume_finite=True):
            word_x = self.word_vectorizer.transform([document_string(t, w, self.title_repeat)
                                                     for t, w in zip(texts, words, strict=True)])
            char_x = self.char_vectorizer.transform(folded)
        n_words = word_x.shape[1]
        # Text without diacritics has almost no known words: its character n-grams count at full weight.
        char_boost = np.array([[1.0 / self.char_weight if _unaccented(t) else 1.0] for t in texts])
        margin = (np.asarray(word_x @ self.coef[:n_words]) + char_boost * np.asarray(char_x @ self.coef[n_words:])
                  + self.intercept)
        known = [n if n >= MIN_KNOWN_WORDS else max(n, self._known_syllables(text))
                 for n, text in zip(word_x.getnnz(axis=1), folded, strict=True)]
        return expit(-(self.calib_a * margin + self.calib_b)), known

    def _known_syllables(self, folded: str) -> int:
        if self.folded_syllables is None:
            self.folded_syllables = frozenset(
                fold(syllable) for term in self.word_vectorizer.vocabulary_ if " " not in term
                for syllable in term.split("_"))
        syllables = _SYLLABLES.findall(folded)
        known = sum(s in self.folded_syllables for s in syllables)
        return known if syllables and known >= MIN_KNOWN_SHARE * len(syllables) else 0

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
            "title_repeat": int(self.title_repeat),
            "top_floor": float(self.top_floor),
            "char_weight": float(self.char_weight),
            "unaccented_floor": float(self.unaccented_floor),
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
        if refused := stored_types(path) - ALLOWED_TYPES:
            raise ConfigError(f"{path}: refusing to load types a topic model does not need: {sorted(refused)}")
        state = sio.load(path, trusted=sorted(set(sio.get_untrusted_types(file=path)) & ALLOWED_TYPES))
        meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
        return cls(state["labels"], state["word_vectorizer"], state["char_vectorizer"], state["coef"],
                   state["intercept"], state["calib_a"], state["calib_b"], state["thresholds"], meta,
                   int(state.get("title_repeat", 0)), float(state.get("top_floor", 1.0)),
                   float(state.get("char_weight", 1.0)), float(state.get("unaccented_floor", 1.0)))


def _unaccented(text: str) -> bool:
    """Almost no accented letters: Vietnamese written without its diacritics (or not Vietnamese)."""
    if not text or len(text) - len(text.encode("ascii", "ignore")) >= 5 * UNACCENTED_SHARE * len(text):
        return False  # the common case, decided at C speed: plenty of characters outside ASCII
    return sum(c.isalpha() for c in _NON_ASCII.findall(text)) < UNACCENTED_SHARE * len(text)


def stored_types(path: Path) -> set[str]:
    """Every type a skops file would construct, read from its schema without loading anything.

    skops trusts all scikit-learn estimators by default; a topic model needs two vectorizers and arrays,
    so the check here is stricter.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            schema = json.loads(archive.read("schema.json"))
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError) as error:
        raise ConfigError(f"{path}: not a skops model file ({error})") from error
    found: set[str] = set()
    stack: list[Any] = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "__class__" in node and "__module__" in node:
                found.add(f"{node['__module__']}.{node['__class__']}")
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found
