"""The topic classifier: the shipped model on articles written for govnews, bad input, the safe loader,
and the train → eval lifecycle on labelled data of our own (no shared data needed)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from govnews.errors import ConfigError
from models.topics.classifier import LinearTopicClassifier, above
from models.topics.features import document_string, title_length
from models.topics.metrics import multilabel_scores
from models.topics.registry import default_version, load_topic_model
from tests.conftest import run_cli


def _text(article: dict) -> str:  # type: ignore[type-arg]
    return "\n".join([article["title"], article["lead"], *article["body"]])


@pytest.fixture(scope="module")
def model() -> LinearTopicClassifier:
    loaded = load_topic_model("default")
    assert isinstance(loaded, LinearTopicClassifier), "the package must ship a trained topic model"
    return loaded


def test_shipped_model_is_versioned_with_its_data_and_metrics(model):
    assert model.version == default_version() != "placeholder"
    assert len(model.meta["training_data_sha256"]) == 64
    assert model.meta["training_data_sha256"][:8] in model.version
    assert 0 < model.meta["metrics"]["micro"]["f1"] <= 1
    assert set(model.meta["thresholds"]) == set(model.labels)
    assert model.meta["out_of_fold"]["documents"] == sum(
        model.meta["examples"][split]["hand"] for split in ("train", "val"))


def test_shipped_model_tags_articles_it_never_saw(model, demo_articles):
    predicted = model.predict([_text(a) for a in demo_articles])
    tops = [topics[0].label if topics else None for topics in predicted]
    right = sum(top in a["expect"]["topics"] for top, a in zip(tops, demo_articles, strict=True))
    assert right >= len(demo_articles) - 1, list(zip(tops, [a["slug"] for a in demo_articles], strict=True))
    assert all(0 <= t.score <= 1 for topics in predicted for t in topics)


@pytest.mark.parametrize("text", [
    "",
    "   \n  ",
    "The provincial government announced a new digital transformation plan for hospitals and schools today.",
    "2025 10.000 6,5% 327.000 1/3 2/63 0,4843",
    "Трамп и Путин обсудили торговлю",
])
def test_no_confident_topic_without_vietnamese_words(model, text):
    assert model.predict([text]) == [[]]


def test_diacritic_less_text_still_gets_its_topic(model):
    plain = ("Tinh day manh chuyen doi so, phat trien chinh quyen so va kinh te so. So Thong tin va Truyen thong "
             "trien khai nen tang du lieu dung chung, dich vu cong truc tuyen toan trinh cho nguoi dan va "
             "doanh nghiep, phan dau dua ty trong kinh te so dat 20% GRDP.")
    topics = model.predict([plain])[0]
    assert topics and topics[0].label == "digital_transformation"


def test_model_file_holding_other_types_is_refused(tmp_path: Path):
    import skops.io as sio
    from sklearn.linear_model import LogisticRegression

    sio.dump({"labels": ["health"], "estimator": LogisticRegression()}, tmp_path / "model.skops")
    (tmp_path / "meta.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ConfigError, match="LogisticRegression"):
        load_topic_model(str(tmp_path))


def test_unknown_model_version_is_a_clear_error():
    with pytest.raises(ConfigError, match="unknown topic model 'nope'"):
        load_topic_model("nope")


def test_multilabel_scores_by_hand():
    scores = multilabel_scores([["a"], ["a", "b"], []], [["a"], ["b"], ["b"]], ["a", "b"])
    assert scores["labels"]["a"]["precision"] == 1.0 and scores["labels"]["a"]["recall"] == 0.5
    assert scores["labels"]["b"]["precision"] == 0.5 and scores["labels"]["b"]["recall"] == 1.0
    assert scores["micro"]["precision"] == pytest.approx(2 / 3) and scores["micro"]["recall"] == pytest.approx(2 / 3)
    assert scores["exact_match"] == pytest.approx(1 / 3)


def test_title_words_count_again_before_the_body():
    text = "Tỉnh mở cổng dịch vụ công\nNgười dân nộp hồ sơ trực tuyến."
    words = ["Tỉnh", "mở", "cổng", "dịch vụ công", "Người dân", "nộp", "hồ sơ", "trực tuyến", "."]
    assert title_length(text, words) == 4
    assert document_string(text, words, 2) == ("tỉnh mở cổng dịch_vụ_công " * 2
                                               + "tỉnh mở cổng dịch_vụ_công người_dân nộp hồ_sơ trực_tuyến")
    assert document_string(text, words, 0) == "tỉnh mở cổng dịch_vụ_công người_dân nộp hồ_sơ trực_tuyến"


def test_best_topic_is_kept_only_above_the_floor():
    thresholds = np.array([0.5, 0.5, 0.4])
    assert above(np.array([0.7, 0.2, 0.45]), thresholds, 0.3) == [0, 2]  # thresholds decide when any is met
    assert above(np.array([0.35, 0.1, 0.3]), thresholds, 0.3) == [0]  # none met: the best, above the floor
    assert above(np.array([0.25, 0.1, 0.2]), thresholds, 0.3) == []  # nor that: no topic
    assert above(np.array([0.45, 0.1, 0.2]), thresholds) == []  # default floor 1.0: never forced


def test_train_then_eval_on_own_labelled_articles(tmp_path: Path, demo_articles):
    data = tmp_path / "labelled.jsonl"
    rows = []
    for split in ("train", "val", "test"):
        for article in demo_articles:
            rows.append({"id": f"{split}-{article['slug']}", "title": article["title"],
                         "text": "\n".join([article["lead"], *article["body"]]),
                         "topics": article["expect"]["topics"], "split": split})
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    env = {"GOVNEWS_SHARED_DIR": str(tmp_path / "no-shared")}
    trained = run_cli("--data-dir", str(tmp_path / "d"), "models", "train", "topics", "--data", str(data),
                      "--family", "logreg", "--output", str(tmp_path / "models"), env=env)
    assert trained.returncode == 0, trained.stderr
    folder = next((tmp_path / "models").iterdir())
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta["family"] == "logreg" and meta["examples"]["train"]["hand"] == len(demo_articles)
    assert f"GOVNEWS_TOPIC_MODEL={folder}" in trained.stdout

    learnt = LinearTopicClassifier.load(folder)
    scores, _ = learnt.scores([_text(a) for a in demo_articles])
    column = learnt.labels.index("digital_transformation")
    tagged = [s[column] for s, a in zip(scores, demo_articles, strict=True)
              if "digital_transformation" in a["expect"]["topics"]]
    untagged = [s[column] for s, a in zip(scores, demo_articles, strict=True)
                if "digital_transformation" not in a["expect"]["topics"]]
    assert min(tagged) > max(untagged)

    report_dir = tmp_path / "report"
    evaluated = run_cli("--data-dir", str(tmp_path / "d"), "models", "eval", "topics", "--model", str(folder),
                        "--data", str(data), "--generality", "0", "--report-dir", str(report_dir), env=env)
    assert evaluated.returncode == 0, evaluated.stderr
    report = json.loads((report_dir / "topics.json").read_text(encoding="utf-8"))
    supports = {label: c["support"] for label, c in report["splits"]["test"]["model"]["labels"].items()}
    assert supports["digital_transformation"] == len(tagged)
    assert report["splits"]["test"]["model"]["documents"] == len(demo_articles)
    assert (report_dir / "topics.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "| digital_transformation |" in (report_dir / "topics.md").read_text(encoding="utf-8")


def test_models_list_names_the_shipped_version():
    listed = run_cli("models", "list")
    assert listed.returncode == 0, listed.stderr
    assert default_version() in listed.stdout and "placeholder" in listed.stdout


def test_bad_labelled_line_is_one_clear_error(tmp_path: Path):
    data = tmp_path / "labels.jsonl"
    data.write_text('{"id": "a", "title": "Tiêu đề", "text": "Nội dung", "topics": ["weather"]}\n', encoding="utf-8")
    result = run_cli("models", "train", "topics", "--data", str(data), "--output", str(tmp_path / "m"),
                     env={"GOVNEWS_SHARED_DIR": str(tmp_path / "no-shared")})
    assert result.returncode == 2
    assert f"{data}:1" in result.stderr and "weather" in result.stderr
    assert not (tmp_path / "m").exists()


def test_human_agreement_scores_the_second_labelling_against_the_first(tmp_path: Path):
    from models.topics.dataset import Example
    from models.topics.evaluate import human_agreement

    double = tmp_path / "double_annotation.jsonl"
    rows = [{"dataset": "vntc", "id": "a", "first": ["health"], "second": ["health", "social_affairs"]},
            {"dataset": "vntc", "id": "b", "first": ["environment"], "second": []},
            {"dataset": "vntc", "id": "c", "first": ["health"], "second": ["health"]}]  # not in the test split
    double.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    test = [Example("vntc:a", "x", ("health",), "test", True), Example("vntc:b", "y", (), "test", True),
            Example("corpus:z", "z", ("health",), "test", True)]
    agreement = human_agreement(test, double)
    assert agreement is not None and agreement["documents"] == 2
    assert agreement["micro"]["precision"] == 0.5 and agreement["micro"]["recall"] == 0.5
    assert agreement["exact_match"] == 0.0
    assert human_agreement(test, tmp_path / "absent.jsonl") is None
