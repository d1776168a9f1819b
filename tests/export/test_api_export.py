"""``/export/{table}`` on the real app (TestClient runs its lifespan over the demo store and index)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from search.api.app import create_app


@pytest.fixture(scope="module")
def client(export_env):
    with TestClient(create_app(export_env[0])) as client:
        yield client


def test_export_streams_csv_with_the_filters_applied(client):
    response = client.get("/export/targets", params={"province": "Huế", "bom": "true"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="targets.csv"'
    assert response.content.startswith(b"\xef\xbb\xbfclause,deadline,value,unit,owner,")
    targets = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert targets and {t["owner"] for t in targets} == {"Thừa Thiên Huế"}
    assert any("80% hồ sơ thủ tục hành chính" in t["clause"] and t["deadline"] == "2024" for t in targets)


def test_export_jsonl_matches_the_cli_rows(client, export_env):
    lines = client.get("/export/mentions", params={"format": "jsonl"}).text.splitlines()
    mentions = [json.loads(line) for line in lines]
    stored = sum(len(r.entities) for r in export_env[1].iter_articles())
    assert len(mentions) == stored
    assert all(m["text"] in m["sentence"] for m in mentions)


def test_export_sends_parquet_as_a_file(client, tmp_path):
    import pyarrow.parquet as pq

    response = client.get("/export/documents", params={"format": "parquet", "date_from": "2024-01-01"})
    assert response.status_code == 200
    path = tmp_path / "documents.parquet"
    path.write_bytes(response.content)
    documents = pq.read_table(path).to_pylist()
    assert {d["number"] for d in documents} >= {"54-NQ/TW", "85/KH-UBND"}
    assert all(d["last_seen"].year >= 2024 for d in documents)


@pytest.mark.parametrize(("path", "params", "status", "detail"), [
    ("/export/figuers", {}, 404, "unknown table 'figuers'; one of: officials"),
    ("/export/figures", {"colour": "red"}, 400, "unknown filter 'colour'"),
    ("/export/figures", {"date_from": "2024-05-01", "date_to": "2024-01-01"}, 400,
     "date_from 2024-05-01 is after date_to 2024-01-01"),
    ("/export/figures", {"q": '"chuyen doi'}, 400, "unbalanced quote"),
])
def test_export_rejects_bad_requests_with_a_message(client, path, params, status, detail):
    response = client.get(path, params=params)
    assert response.status_code == status
    assert detail in response.json()["detail"]
