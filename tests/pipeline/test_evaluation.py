"""Scoring and gold loading of ``govnews eval``, on annotations written for these tests."""

import json

import pytest

from govnews.errors import ConfigError, InputError
from govnews.records import Entity
from pipeline.evaluation.gold import load_gold
from pipeline.evaluation.scoring import TypeScore, match_lenient, same_text, score_document
from tests.conftest import SHARED, run_cli

TEXT = "Chủ tịch UBND tỉnh Nguyễn Văn An thăm Đà Nẵng ngày 2/9/2024, phấn đấu đạt 95% hồ sơ trực tuyến."


def test_lenient_and_strict_matching_and_attributes():
    gold = [Entity("official", "Nguyễn Văn An", 19, 32, {"name": "Nguyễn Văn An", "title": "Chủ tịch",
                                                           "organization": "UBND tỉnh"}),
            Entity("location", "Đà Nẵng", 38, 45, {"canonical": "Đà Nẵng", "level": "province"}),
            Entity("date", "ngày 2/9/2024", 46, 59, {"value": "2024-09-02"})]
    predicted = [Entity("official", "Văn An", 26, 32, {"name": "Văn An", "title": "Chủ tịch",
                                                       "organization": "Ủy ban nhân dân tỉnh"}),
                 Entity("location", "Đà Nẵng", 38, 45, {"canonical": "Đà Nẵng", "level": "province"}),
                 Entity("location", "UBND", 9, 13, {"canonical": "UBND", "level": None})]
    scores: dict[str, TypeScore] = {}
    score_document(gold, predicted, scores, ("official", "location", "date"))
    official, location, date = (scores[t].to_dict() for t in ("official", "location", "date"))
    assert official["lenient"]["f1"] == 1.0 and official["strict"]["f1"] == 0.0
    assert official["attributes"]["title"] == 1.0
    assert official["attributes"]["organization"] == 1.0  # "UBND" and "Ủy ban nhân dân" are the same body
    assert official["attributes"]["name"] == 0.0
    assert location["lenient"] == {"precision": 0.5, "recall": 1.0, "f1": pytest.approx(2 / 3)}
    assert date["lenient"]["recall"] == 0.0 and date["predicted"] == 0


def test_match_lenient_is_one_to_one_by_greatest_overlap():
    gold = [Entity("agency", "a", 0, 10), Entity("agency", "b", 12, 20)]
    predicted = [Entity("agency", "x", 5, 15), Entity("agency", "y", 0, 8)]
    pairs = match_lenient(gold, predicted)
    assert [(g.text, p.text) for g, p in pairs] == [("a", "y"), ("b", "x")]


def test_same_text_ignores_case_diacritics_abbreviations_and_admin_words():
    assert same_text("Sở KH&CN tỉnh Hà Nam", "Sở Khoa học và Công nghệ Hà Nam")
    assert same_text("Thanh Hoá", "thanh hoa")
    assert not same_text("Sở Tài chính", "Sở Nội vụ")
    assert same_text(None, None) and not same_text(None, "x")


@pytest.fixture
def corpus_gold(tmp_path):
    shared = tmp_path / "shared"
    (shared / "corpus").mkdir(parents=True)
    (shared / "corpus" / "dev_articles.jsonl").write_text(
        json.dumps({"id": "t1", "url": "https://baodanang.vn/a", "text": TEXT}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    target_start = TEXT.index("đạt 95%")
    (gold / "t1.json").write_text(json.dumps({"id": "t1", "topics": ["public_administration"], "entities": [
        {"type": "official", "start": 19, "end": 32, "text": "Nguyễn Văn An", "name": "Nguyễn Văn An",
         "title": "Chủ tịch", "organization": "UBND tỉnh", "honorific": None},
        {"type": "target", "start": target_start, "end": len(TEXT) - 1, "deadline": None, "value": 95,
         "unit": "%", "owner": "Đà Nẵng"}]}, ensure_ascii=False), encoding="utf-8")
    (gold / "split.json").write_text(json.dumps({"dev": ["t1"], "test": []}), encoding="utf-8")
    return gold, shared


def test_load_gold_reads_texts_from_the_shared_corpus(corpus_gold):
    gold, shared = corpus_gold
    [doc] = load_gold(gold, shared)
    assert doc.url == "https://baodanang.vn/a" and doc.topics == ["public_administration"]
    target = doc.entities[1]
    assert target.type == "target" and target.text == "đạt 95% hồ sơ trực tuyến"  # filled in from the corpus
    assert load_gold(gold, shared, "test") == []


def test_load_gold_says_when_the_shared_corpus_is_missing(corpus_gold, tmp_path):
    gold, _ = corpus_gold
    with pytest.raises(ConfigError, match="shared corpus is not at"):
        load_gold(gold, tmp_path / "nowhere")


def test_dataset_keyed_gold_reads_title_and_body_and_scores_only_the_annotated_types(tmp_path):
    shared = tmp_path / "shared"
    (shared / "datasets" / "news").mkdir(parents=True)
    record = {"id": "test/A_(1)", "label": "politics", "title": "Đà Nẵng họp", "text": TEXT}
    (shared / "datasets" / "news" / "test.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n",
                                                             encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    start = len("Đà Nẵng họp\n") + 19
    (gold / "news__test_A_(1).json").write_text(json.dumps({
        "source": "news", "id": "test/A_(1)", "annotated": ["official", "person", "target"], "entities": [
            {"type": "official", "start": start, "end": start + 13, "text": "Nguyễn Văn An", "name": "Nguyễn Văn An",
             "title": "Chủ tịch", "organization": "UBND tỉnh", "honorific": None}]}, ensure_ascii=False),
        encoding="utf-8")
    [doc] = load_gold(gold, shared)
    assert doc.text.startswith("Đà Nẵng họp\nChủ tịch") and doc.annotated == ("official", "person", "target")
    out = tmp_path / "scores.json"
    result = run_cli("eval", "entities", str(gold), "--no-baseline", "--json", str(out),
                     env={"GOVNEWS_SHARED_DIR": str(shared)})
    assert result.returncode == 0, result.stderr
    scored = json.loads(out.read_text(encoding="utf-8"))["systems"]["govnews"]
    assert sorted(scored) == ["official", "person"]  # locations and dates were not annotated, so not scored
    assert scored["official"]["lenient"]["recall"] == 1.0
    figures = run_cli("eval", "figures", str(gold), "--no-baseline", env={"GOVNEWS_SHARED_DIR": str(shared)})
    assert figures.returncode == 2 and "annotates none of the figures suite" in figures.stderr
    (gold / "news__test_A_(1).json").write_text(json.dumps({"source": "news", "id": "test/B", "entities": []}),
                                                encoding="utf-8")
    with pytest.raises(InputError, match="not in the shared dataset 'news'"):
        load_gold(gold, shared)


def test_eval_command_prints_and_writes_scores(corpus_gold, tmp_path):
    gold, shared = corpus_gold
    out = tmp_path / "scores.json"
    result = run_cli("eval", "entities", str(gold), "--json", str(out), env={"GOVNEWS_SHARED_DIR": str(shared)})
    assert result.returncode == 0, result.stderr
    assert "official" in result.stdout and "baseline" in result.stdout
    scores = json.loads(out.read_text(encoding="utf-8"))
    ours = scores["systems"]["govnews"]["official"]
    assert ours["gold"] == 1 and ours["lenient"]["recall"] == 1.0
    assert ours["attributes"]["title"] == 1.0
    missing = run_cli("eval", "entities", str(gold), env={"GOVNEWS_SHARED_DIR": str(tmp_path / "none")})
    assert missing.returncode == 2 and "shared corpus is not at" in missing.stderr


@pytest.mark.skipif(not (SHARED / "gold" / "dev").is_dir(), reason="needs ../shared/gold/dev (not in the repository)")
def test_extractor_beats_the_underthesea_baseline_on_the_sample_articles(extractor):
    from pipeline.evaluation.entities import evaluate

    docs = load_gold(SHARED / "gold" / "dev", SHARED)
    results = evaluate(docs, "entities", extractor)["systems"]
    for entity_type in ("official", "agency", "location"):
        ours = results["govnews"][entity_type]["lenient"]["f1"]
        base = results["underthesea"][entity_type]["lenient"]["f1"]
        assert ours >= base + 0.3, (entity_type, ours, base)


def test_eval_scores_a_second_annotation_as_the_human_agreement(corpus_gold, tmp_path):
    gold, shared = corpus_gold
    second = tmp_path / "second"
    second.mkdir()
    # The second annotator marked the same goal with a shorter span and another deadline, and one goal more.
    start = TEXT.index("95%")
    (second / "t1.json").write_text(json.dumps({"id": "t1", "entities": [
        {"type": "target", "start": start, "end": len(TEXT) - 1, "deadline": 2025},
        {"type": "target", "start": TEXT.index("thăm"), "end": TEXT.index(" ngày")}]}), encoding="utf-8")
    out = tmp_path / "scores.json"
    env = {"GOVNEWS_SHARED_DIR": str(shared)}
    result = run_cli("eval", "targets", str(gold), "--second", str(second), "--no-baseline", "--json", str(out),
                     env=env)
    assert result.returncode == 0, result.stderr
    assert "second annotator F1" in result.stdout
    agreement = json.loads(out.read_text(encoding="utf-8"))["systems"]["second annotator"]["target"]
    assert agreement["gold"] == 1 and agreement["predicted"] == 2 and agreement["lenient"]["recall"] == 1.0
    assert agreement["lenient"]["precision"] == 0.5 and agreement["strict"]["f1"] == 0.0
    (second / "t1.json").unlink()
    (second / "other.json").write_text(json.dumps({"id": "t1-other", "text": "x", "entities": []}))
    (second / "other.txt").write_text("x", encoding="utf-8")
    missing = run_cli("eval", "targets", str(gold), "--second", str(second), "--no-baseline", env=env)
    assert missing.returncode == 2 and "no second annotation of t1" in missing.stderr
