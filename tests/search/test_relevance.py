"""Relevance evaluation: the metrics by hand, the judgement file's integrity, and the command on the corpus."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys

import pytest

from search.relevance import DEFAULT_JUDGEMENTS, dcg, load_judgements, ndcg_at, recall_at
from tests.conftest import SHARED


def test_ndcg_and_recall_by_hand():
    relevant = {"a": 2, "b": 1}
    assert ndcg_at(["a", "b", "c"], relevant) == pytest.approx(1.0)
    # b first, a second: (1/log2 2 + 3/log2 3) / (3/log2 2 + 1/log2 3)
    expected = (1 + 3 / math.log2(3)) / (3 + 1 / math.log2(3))
    assert ndcg_at(["b", "a"], relevant) == pytest.approx(expected)
    assert ndcg_at(["c"], relevant) == 0.0
    assert recall_at(["x", "b"], relevant) == 0.5
    assert dcg([]) == 0.0


def test_judgements_are_complete_and_pairs_consistent():
    judged = load_judgements(DEFAULT_JUDGEMENTS)
    assert len(judged) >= 40
    by_id = {j.id: j for j in judged}
    assert len(by_id) == len(judged)
    kinds = {j.kind for j in judged}
    assert {"unaccented", "abbreviation", "phrase", "name"} <= kinds
    pairs = [j for j in judged if j.pair]
    assert len(pairs) >= 10
    for j in pairs:
        assert by_id[j.pair].relevant == j.relevant  # same need, typed without diacritics
    assert all(j.relevant and set(j.relevant.values()) <= {1, 2} for j in judged)


def test_bad_judgement_line_names_file_and_line(tmp_path):
    from govnews.errors import InputError

    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "q1", "query": "a", "kind": "topic", "relevant": {"p1": 2}}\n{"id": \n', "utf-8")
    with pytest.raises(InputError, match=r"q.jsonl:2"):
        load_judgements(path)


@pytest.mark.skipif(not (SHARED / "corpus" / "dev_articles.jsonl").exists(),
                    reason="needs ../shared/corpus (not part of the repository)")
def test_eval_search_command_beats_the_baseline(tmp_path):
    env = {**os.environ, "GOVNEWS_SHARED_DIR": str(SHARED), "GOVNEWS_DATA_DIR": str(tmp_path)}
    out = tmp_path / "relevance.json"
    result = subprocess.run([sys.executable, "-c", "from govnews.cli import main; main()", "eval", "search",
                             "--backend", "embedded", "--json", str(out)], env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    assert "nDCG@10" in result.stdout
    systems = json.loads(out.read_text("utf-8"))["systems"]
    ours, baseline = systems["govnews embedded"], systems["stock SQLite FTS5 (baseline)"]
    assert ours["ndcg@10"] > baseline["ndcg@10"] + 0.1
    assert abs(ours["unaccented_ndcg@10"] - ours["accented_pair_ndcg@10"]) <= 0.05
