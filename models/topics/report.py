"""The evaluation report: a markdown page and a PNG chart a person can read at a glance."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.topics.evaluate import MIN_SUPPORT_FOR_FLOOR


def markdown(report: dict[str, Any], meta: dict[str, Any]) -> str:
    lines = [f"# Topic classifier evaluation: `{report['model']}`", ""]
    lines += [f"Baseline: `{report['baseline']}`. Training data SHA-256 `{meta.get('training_data_sha256', '?')}`; "
              f"family `{meta.get('family', '?')}`, C={meta.get('C', '?')}.", ""]
    for name, title in (("test", "Held-out test split (hand-checked)"),
                        ("test_corpus", "Held-out government corpus articles only")):
        if name in report["splits"]:
            lines += _split_section(title, report["splits"][name])
    failures = report["floor_failures"]
    lines += [f"Labels with ≥ {MIN_SUPPORT_FOR_FLOOR} test examples and F1 < 0.6: "
              f"{', '.join(failures) if failures else 'none'}.", ""]
    lines += _confusion_section(report["splits"]["test"]["model"]["confusion"])
    if comparison := meta.get("comparison"):
        lines += ["## Feature settings and model families compared on the validation split", "",
                  "Each row is fit on the train split; its thresholds are tuned on the validation split itself, so "
                  "these figures are optimistic and serve only to rank the rows.", "",
                  "| features | family | C | micro-F1 at 0.5 | micro-F1, tuned thresholds | macro-F1, tuned |",
                  "|---|---|---|---|---|---|"]
        lines += [f"| {r.get('features', 'words+chars')} | {r['family']} | {r['C']} | {r['val_micro_f1_at_0.5']:.3f} | "
                  f"{r['val_micro_f1_tuned']:.3f} | {r['val_macro_f1_tuned']:.3f} |" for r in comparison]
        lines += ["", f"Kept: `{meta['family']}` (C={meta['C']}, features "
                  f"`{meta.get('feature_setting', {}).get('name', 'words+chars')}`), refit on train + validation.", ""]
        if oof := meta.get("out_of_fold"):
            floor = meta.get("top_floor", 1.0)
            lines += [f"Thresholds tuned on {oof['folds']}-fold out-of-fold scores over train + validation "
                      f"({oof['documents']} articles): micro-F1 {oof['micro']['f1']:.3f}, macro-F1 "
                      f"{oof['macro']['f1']:.3f} there (still tuned on the same scores, so optimistic). "
                      + (f"An article with no topic above its threshold gets its best topic when it scores "
                         f"≥ {floor}." if floor < 1.0 else "An article may end with no topic."), ""]
    speed = report["speed"]
    lines += ["## Speed", "", f"{speed['articles_per_second']:,.0f} articles/s on one core after segmentation "
              f"({speed['articles']:,} articles in {speed['seconds']:.2f} s, one call per article).", ""]
    if general := report.get("generality"):
        lines += _generality_section(general)
    return "\n".join(lines)


def _split_section(title: str, split: dict[str, Any]) -> list[str]:
    model, baseline = split["model"], split["baseline"]
    lines = [f"## {title}: {model['documents']} articles", "",
             "| | micro P | micro R | micro F1 | macro F1 | exact match |", "|---|---|---|---|---|---|"]
    rows = [("model", model), ("baseline", baseline)]
    if agreement := split.get("human_agreement"):
        rows.append((f"two annotators, blind ({agreement['documents']} articles)", agreement))
    for name, result in rows:
        micro = result["micro"]
        lines.append(f"| {name} | {micro['precision']:.3f} | {micro['recall']:.3f} | {micro['f1']:.3f} | "
                     f"{result['macro']['f1']:.3f} | {result['exact_match']:.3f} |")
    if agreement:
        lines += ["", "Two annotators, blind: the second, independent labelling of the test articles scored against "
                  "the first, before their disagreements were adjudicated (the gold is the adjudicated set): how far "
                  "two careful readers agree on this taxonomy."]
    lines += ["", "| topic | support | P | R | F1 | baseline F1 |", "|---|---|---|---|---|---|"]
    for label, c in model["labels"].items():
        lines.append(f"| {label} | {c['support']} | {c['precision']:.2f} | {c['recall']:.2f} | {c['f1']:.2f} | "
                     f"{baseline['labels'][label]['f1']:.2f} |")
    return [*lines, ""]


def _confusion_section(table: dict[str, dict[str, int]]) -> list[str]:
    """The three most frequent wrong predictions per gold topic: what it is mistaken for."""
    lines = ["## Confusion overview (test split)", "", "Per gold topic: how often it was predicted, and what "
             "was predicted instead or besides (counts of predictions on its articles).", "",
             "| gold topic | predicted itself | most frequent other predictions |", "|---|---|---|"]
    for label, row in table.items():
        others = sorted(((n, other) for other, n in row.items() if other != label and n), reverse=True)[:3]
        lines.append(f"| {label} | {row[label]} | {', '.join(f'{o} ({n})' for n, o in others) or '–'} |")
    return [*lines, ""]


def _generality_section(general: dict[str, Any]) -> list[str]:
    model, baseline = general["model"], general["baseline"]
    published = ", ".join(f"{name} {value:.1%}" for name, value in model["published_10_topic_accuracy"].items())
    lines = ["## Generality: VNTC's own test split (stored sample)", "",
             f"{model['documents']} VNTC test articles from sections that correspond to a govnews topic; right when "
             "the top topic is the section's. Not the 10-way task of the published figures "
             f"({published}, full test split): those classify into VNTC's own sections.", "",
             "| section | articles | model accuracy | baseline accuracy |", "|---|---|---|---|"]
    for section, row in model["by_section"].items():
        lines.append(f"| {section} | {row['documents']} | {row['accuracy']:.3f} | "
                     f"{baseline['by_section'][section]['accuracy']:.3f} |")
    lines.append(f"| **all** | {model['documents']} | **{model['accuracy']:.3f}** | {baseline['accuracy']:.3f} |")
    return [*lines, ""]


def chart(report: dict[str, Any], path: Path) -> None:
    """Per-topic F1 of model and baseline beside the confusion heatmap."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    model = report["splits"]["test"]["model"]
    baseline = report["splits"]["test"]["baseline"]
    labels = list(model["labels"])
    fig, (bars, heat) = plt.subplots(1, 2, figsize=(17, 7), gridspec_kw={"width_ratios": [1, 1.25]})
    y = np.arange(len(labels))
    bars.barh(y - 0.2, [model["labels"][lab]["f1"] for lab in labels], 0.4, label="model")
    bars.barh(y + 0.2, [baseline["labels"][lab]["f1"] for lab in labels], 0.4, label="keyword baseline")
    bars.axvline(0.6, color="grey", linestyle=":", linewidth=1)
    bars.set_yticks(y, [f"{lab} ({model['labels'][lab]['support']})" for lab in labels])
    bars.invert_yaxis()
    bars.set_xlim(0, 1)
    bars.set_xlabel("F1 on the held-out test split (support in brackets)")
    bars.set_title(f"micro-F1 {model['micro']['f1']:.3f} (baseline {baseline['micro']['f1']:.3f})")
    bars.legend(loc="lower right")
    columns = [*labels, "(none)"]
    matrix = np.array([[model["confusion"][g][p] for p in columns] for g in labels], dtype=float)
    shares = matrix / np.maximum(matrix.sum(axis=1, keepdims=True), 1)
    heat.imshow(shares, cmap="Blues", vmin=0, vmax=1)
    heat.set_xticks(range(len(columns)), columns, rotation=60, ha="right", fontsize=8)
    heat.set_yticks(range(len(labels)), labels, fontsize=8)
    heat.set_xlabel("predicted")
    heat.set_ylabel("gold")
    heat.set_title("Share of predictions per gold topic")
    for (i, j), count in np.ndenumerate(matrix):
        if count:
            heat.text(j, i, int(count), ha="center", va="center", fontsize=6,
                      color="white" if shares[i, j] > 0.5 else "black")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
