"""Training: compare feature settings and model families on the validation split, tune thresholds, save.

The comparison fits each feature setting, family and regularisation strength on the train split, tunes
one threshold per topic on the validation split, and keeps the best validation micro-F1. The winner's
final thresholds (and the floor for an article's best topic) are tuned on out-of-fold scores over train +
validation, which gives each threshold three times the articles the validation split alone has; the
model is then refit on train + validation. The test split is never looked at here.
"""

from __future__ import annotations

import hashlib
import json
import logging
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, RidgeClassifier
from sklearn.model_selection import KFold
from sklearn.svm import LinearSVC

from models.topics.classifier import LinearTopicClassifier, above
from models.topics.dataset import SPLITS, Example, data_hash
from models.topics.features import char_string, document_string, segment_words
from models.topics.metrics import multilabel_scores
from models.topics.taxonomy import topic_ids

log = logging.getLogger(__name__)

FAMILIES: dict[str, Callable[[float], Any]] = {
    "logreg": lambda c: LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=2000),
    "linearsvc": lambda c: LinearSVC(C=c, class_weight="balanced", max_iter=5000),
    "ridge": lambda c: RidgeClassifier(alpha=1.0 / c, class_weight="balanced"),
}
STRENGTHS = (1.0, 4.0, 16.0)


@dataclass(frozen=True, slots=True)
class FeatureSetting:
    """How the two feature blocks are weighed: title words counted again, character n-grams scaled."""

    name: str
    title_repeat: int
    char_weight: float


# The first is the earlier model's; the second lets words lead (character n-grams, at full weight, drowned
# them out on validation) and the headline count more.
FEATURE_SETTINGS = (FeatureSetting("words+chars", 0, 1.0), FeatureSetting("title×3+words+chars×0.3", 3, 0.3))
WEAK_WEIGHT = 0.5  # a section label is evidence for one topic, never proof that the others are absent
MIN_POSITIVES = 4  # fewer training articles than this: the topic cannot be learnt (scores stay near 0)
THRESHOLD_GRID = np.round(np.arange(0.05, 0.91, 0.025), 3)
FLOOR_GRID = (0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 1.0)  # 1.0: an article may end with no topic
MIN_VAL_POSITIVES = 3  # fewer than this in validation: keep the neutral 0.5 threshold
THRESHOLD_FOLDS = 5


class SegmentCache:
    """underthesea words per text, kept on disk: segmentation is most of a training run's time."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.words: dict[str, list[str]] = {}
        if path and path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                key, words = json.loads(line)
                self.words[key] = words

    def __call__(self, texts: list[str], progress: Callable[[Iterable[str]], Iterable[str]] = iter) -> list[list[str]]:
        keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
        missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in self.words}
        new = {key: segment_words(missing[key]) for key in progress(list(missing))}
        self.words.update(new)
        if self.path and new:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                for key, words in new.items():
                    handle.write(json.dumps([key, words], ensure_ascii=False) + "\n")
        return [self.words[k] for k in keys]


@dataclass(slots=True)
class Matrix:
    examples: list[Example]
    words: list[list[str]]

    def targets(self, labels: list[str]) -> np.ndarray:
        return np.array([[label in e.topics for label in labels] for e in self.examples], dtype=int)

    def weights(self, weak_weight: float) -> np.ndarray:
        return np.array([1.0 if e.hand else weak_weight for e in self.examples])

    def subset(self, rows: np.ndarray) -> Matrix:
        return Matrix([self.examples[i] for i in rows], [self.words[i] for i in rows])


def fit_vectorizers(data: Matrix, setting: FeatureSetting) -> tuple[TfidfVectorizer, TfidfVectorizer]:
    word = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2), min_df=2,
                           max_features=60_000, sublinear_tf=True, dtype=np.float32)
    char = TfidfVectorizer(analyzer="char_wb", lowercase=False, ngram_range=(3, 5), min_df=3,
                           max_features=80_000, sublinear_tf=True, dtype=np.float32)
    word.fit(_documents(data, setting))
    char.fit([char_string(e.text) for e in data.examples])
    return word, char


def featurize(word: TfidfVectorizer, char: TfidfVectorizer, data: Matrix, setting: FeatureSetting) -> sp.csr_matrix:
    return sp.hstack([word.transform(_documents(data, setting)),
                      char.transform([char_string(e.text) for e in data.examples]) * setting.char_weight],
                     format="csr")


def _documents(data: Matrix, setting: FeatureSetting) -> list[str]:
    return [document_string(e.text, w, setting.title_repeat) for e, w in zip(data.examples, data.words, strict=True)]


def fit_scorers(family: str, strength: float, x: sp.csr_matrix, y: np.ndarray,
                weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """One calibrated linear model per topic, flattened to (coef, intercept, calib_a, calib_b)."""
    n_features, n_labels = x.shape[1], y.shape[1]
    coef = np.zeros((n_features, n_labels), dtype=np.float32)
    intercept, calib_a, calib_b = np.zeros(n_labels), np.ones(n_labels), np.full(n_labels, 10.0)
    for j in range(n_labels):
        if y[:, j].sum() < MIN_POSITIVES:
            log.warning("topic %d has %d training articles: not learnt", j, int(y[:, j].sum()))
            continue  # a = 1, b = 10, no weights: probability ≈ 0.00005
        model = CalibratedClassifierCV(FAMILIES[family](strength), method="sigmoid", cv=3, ensemble=False)
        model.fit(x, y[:, j], sample_weight=weights)
        fitted = model.calibrated_classifiers_[0]
        coef[:, j] = fitted.estimator.coef_.ravel()
        intercept[j] = np.ravel(fitted.estimator.intercept_)[0]
        calib_a[j], calib_b[j] = fitted.calibrators[0].a_, fitted.calibrators[0].b_
    return coef, intercept, calib_a, calib_b


def fit_classifier(family: str, strength: float, setting: FeatureSetting, data: Matrix, labels: list[str],
                   weak_weight: float, vectorizers: tuple[TfidfVectorizer, TfidfVectorizer] | None = None,
                   ) -> LinearTopicClassifier:
    """Fit on ``data``; the character block's weight is folded into its coefficients for inference."""
    word, char = vectorizers or fit_vectorizers(data, setting)
    coef, intercept, a, b = fit_scorers(family, strength, featurize(word, char, data, setting),
                                        data.targets(labels), data.weights(weak_weight))
    coef[len(word.vocabulary_):] *= setting.char_weight
    return LinearTopicClassifier(labels, word, char, coef, intercept, a, b, np.full(len(labels), 0.5),
                                 title_repeat=setting.title_repeat, char_weight=setting.char_weight)


def tune_thresholds(scores: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Per topic, the threshold with the best F1 on these scores (ties: the one nearest 0.5)."""
    thresholds = np.full(y.shape[1], 0.5)
    for j in range(y.shape[1]):
        if y[:, j].sum() < MIN_VAL_POSITIVES:
            continue
        best = (-1.0, 0.0, 0.5)
        for t in THRESHOLD_GRID:
            predicted = scores[:, j] >= t
            tp = float((predicted & (y[:, j] == 1)).sum())
            f1 = 2 * tp / (predicted.sum() + y[:, j].sum())
            best = max(best, (f1, -abs(t - 0.5), float(t)))
        thresholds[j] = best[2]
    return thresholds


def tune_floor(scores: np.ndarray, thresholds: np.ndarray, gold: list[tuple[str, ...]], labels: list[str]) -> float:
    """The floor for an article's best topic (when none reaches its threshold) with the best micro-F1."""
    results = [(multilabel_scores(gold, decide(scores, thresholds, labels, floor), labels)["micro"]["f1"], floor)
               for floor in FLOOR_GRID]
    return max(results, key=lambda r: (r[0], r[1]))[1]  # ties: the higher floor, the fewer forced topics


def decide(scores: np.ndarray, thresholds: np.ndarray, labels: list[str], floor: float = 1.0) -> list[list[str]]:
    return [[labels[j] for j in above(row, thresholds, floor)] for row in scores]


def _without_diacritics(text: str) -> str:
    """``text`` as typed without diacritics (case kept, ``đ``→``d``), as users and old portals write it."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return stripped.replace("đ", "d").replace("Đ", "D")


def out_of_fold_scores(family: str, strength: float, setting: FeatureSetting, data: Matrix, labels: list[str],
                       weak_weight: float, folded: Matrix) -> tuple[np.ndarray, np.ndarray]:
    """Calibrated scores of every article from a model that did not train on it, and of ``folded`` (the same
    articles written without diacritics, row for row) from the same models."""
    vectorizers = fit_vectorizers(data, setting)  # unsupervised (document frequencies): shared by the folds
    scores = np.zeros((len(data.examples), len(labels)))
    folded_scores = np.zeros_like(scores)
    folds = KFold(min(THRESHOLD_FOLDS, len(data.examples)), shuffle=True, random_state=0)
    for fit_rows, score_rows in folds.split(data.examples):
        fold = fit_classifier(family, strength, setting, data.subset(fit_rows), labels, weak_weight, vectorizers)
        for source, target in ((data, scores), (folded, folded_scores)):
            held = source.subset(score_rows)
            target[score_rows], _ = fold.scores([e.text for e in held.examples], held.words)
    return scores, folded_scores


def train(examples: list[Example], segment: SegmentCache, families: tuple[str, ...] | None = None,
          strengths: tuple[float, ...] = STRENGTHS, weak_weight: float = WEAK_WEIGHT,
          settings: tuple[FeatureSetting, ...] = FEATURE_SETTINGS,
          progress: Callable[[Iterable[str]], Iterable[str]] = iter) -> tuple[LinearTopicClassifier, list[dict]]:
    """The best setting and family on validation, refit on train + validation; with the comparison table."""
    labels = list(topic_ids())
    families = families or tuple(FAMILIES)
    words = segment([e.text for e in examples], progress)
    by_split: dict[str, Matrix] = {s: Matrix([], []) for s in SPLITS}
    for example, w in zip(examples, words, strict=True):
        by_split[example.split].examples.append(example)
        by_split[example.split].words.append(w)
    train_set, val_set = by_split["train"], by_split["val"]
    if not val_set.examples or not train_set.examples:
        raise ValueError("training needs examples in both the train and the val split")
    y_val = val_set.targets(labels)
    gold = [e.topics for e in val_set.examples]
    comparison = []
    for setting in settings:
        vectorizers = fit_vectorizers(train_set, setting)
        for family in families:
            for strength in strengths:
                probe = fit_classifier(family, strength, setting, train_set, labels, weak_weight, vectorizers)
                scores, _ = probe.scores([e.text for e in val_set.examples], val_set.words)
                thresholds = tune_thresholds(scores, y_val)
                fixed = multilabel_scores(gold, decide(scores, np.full(len(labels), 0.5), labels), labels)
                tuned = multilabel_scores(gold, decide(scores, thresholds, labels), labels)
                comparison.append({"features": setting.name, "family": family, "C": strength,
                                   "val_micro_f1_at_0.5": fixed["micro"]["f1"],
                                   "val_micro_f1_tuned": tuned["micro"]["f1"],
                                   "val_macro_f1_tuned": tuned["macro"]["f1"]})
                log.info("%s %s C=%s: validation micro-F1 %.3f (0.5) / %.3f (tuned)", setting.name, family,
                         strength, fixed["micro"]["f1"], tuned["micro"]["f1"])
    best = max(comparison, key=lambda row: (row["val_micro_f1_tuned"], row["val_macro_f1_tuned"]))
    setting = next(s for s in settings if s.name == best["features"])
    final_set = Matrix(train_set.examples + val_set.examples, train_set.words + val_set.words)
    hand = np.array([e.hand for e in final_set.examples])
    folded_texts = [_without_diacritics(e.text) for e in final_set.examples]
    folded_set = Matrix([replace(e, text=t) for e, t in zip(final_set.examples, folded_texts, strict=True)],
                        segment(folded_texts, progress))
    oof, oof_folded = out_of_fold_scores(best["family"], best["C"], setting, final_set, labels, weak_weight,
                                         folded_set)
    oof, oof_folded = oof[hand], oof_folded[hand]
    hand_set = final_set.subset(np.flatnonzero(hand))
    thresholds = tune_thresholds(oof, hand_set.targets(labels))
    floor = tune_floor(oof, thresholds, [e.topics for e in hand_set.examples], labels)
    unaccented_floor = tune_floor(oof_folded, thresholds, [e.topics for e in hand_set.examples], labels)
    oof_scores = multilabel_scores([e.topics for e in hand_set.examples], decide(oof, thresholds, labels, floor),
                                   labels)
    model = fit_classifier(best["family"], best["C"], setting, final_set, labels, weak_weight)
    model.thresholds, model.top_floor, model.unaccented_floor = thresholds, floor, unaccented_floor
    counts = {s: {"hand": sum(e.hand for e in m.examples), "weak": sum(not e.hand for e in m.examples)}
              for s, m in by_split.items()}
    created = datetime.now(UTC)
    digest = data_hash(examples)
    model.meta = {
        "version": f"topics-{best['family']}-{created:%Y%m%d}-{digest[:8]}",
        "created": created.isoformat(timespec="seconds"),
        "family": best["family"], "C": best["C"], "weak_weight": weak_weight,
        "feature_setting": {"name": setting.name, "title_repeat": setting.title_repeat,
                            "char_weight": setting.char_weight},
        "training_data_sha256": digest, "examples": counts,
        "label_counts": dict(zip(labels, final_set.targets(labels).sum(axis=0).tolist(), strict=True)),
        "thresholds": dict(zip(labels, thresholds.tolist(), strict=True)),
        "top_floor": floor,
        "unaccented_floor": unaccented_floor,
        "out_of_fold": {"folds": THRESHOLD_FOLDS, "documents": len(hand_set.examples),
                        "micro": oof_scores["micro"], "macro": oof_scores["macro"]},
        "features": {"words": len(model.word_vectorizer.vocabulary_),
                     "char_ngrams": len(model.char_vectorizer.vocabulary_)},
        "scikit_learn": sklearn.__version__,
        "comparison": comparison,
    }
    return model, comparison
