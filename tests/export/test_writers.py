"""Every format read back with its own reader: typed values, Excel niceties, nothing half-written on failure."""

from __future__ import annotations

import csv
import json
from datetime import datetime

import pytest

from govnews.export import writers
from govnews.export.columns import columns
from govnews.export.run import export_file
from govnews.export.source import select_articles
from govnews.export.writers import ExportFormat


def export(export_env, table, format, path, **options):
    _, store, backend = export_env
    return export_file(store, select_articles(store, None, backend), table, format, path, **options)


def test_csv_is_utf8_with_an_optional_bom(export_env, tmp_path):
    plain = export(export_env, "officials", ExportFormat.csv, tmp_path / "plain.csv")
    excel = export(export_env, "officials", ExportFormat.csv, tmp_path / "excel.csv", bom=True)
    assert not plain.path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert excel.path.read_bytes().startswith(b"\xef\xbb\xbfentity_id,name,titles,")
    with excel.path.open(encoding="utf-8-sig", newline="") as stream:
        table = list(csv.DictReader(stream))
    assert len(table) == excel.rows == plain.rows
    minh = next(r for r in table if r["name"] == "Lê Quang Minh")
    assert minh["titles"] == "Giám đốc, Sở Thông tin và Truyền thông (2024-03-14 – 2024-03-14)"
    assert minh["published_at"] == "2024-03-14T08:30:00+07:00" and minh["mentions"] == "2"


def test_jsonl_keeps_lists_and_numbers(export_env, tmp_path):
    result = export(export_env, "articles", ExportFormat.jsonl, tmp_path / "articles.jsonl")
    records = [json.loads(line) for line in result.path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == result.rows == 14
    assert all(isinstance(r["topics"], list) and isinstance(r["mentions"], int) for r in records)
    assert list(records[0]) == [c.name for c in columns("articles")]


def test_xlsx_has_typed_cells_a_frozen_header_and_a_filter(export_env, tmp_path):
    from openpyxl import load_workbook

    result = export(export_env, "figures", ExportFormat.xlsx, tmp_path / "figures.xlsx")
    sheet = load_workbook(result.path)["figures"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:N{result.rows + 1}"
    header = [c.value for c in sheet[1]]
    assert header == [c.name for c in columns("figures")] and sheet["A1"].font.bold
    values = [dict(zip(header, [c.value for c in row], strict=True)) for row in sheet.iter_rows(min_row=2)]
    share = next(v for v in values if v["text"] == "68,4%")
    assert share["value"] == 68.4 and share["year"] == 2023 and isinstance(share["start"], int)
    assert share["published_at"] == datetime(2024, 3, 14, 8, 30)  # local time, Excel has no zones


def test_parquet_has_a_typed_schema(export_env, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    result = export(export_env, "officials", ExportFormat.parquet, tmp_path / "officials.parquet")
    table = pq.read_table(result.path)
    assert table.num_rows == result.rows
    schema = table.schema
    assert schema.field("titles").type == pa.list_(pa.string())
    assert schema.field("mentions").type == pa.int64()
    assert schema.field("first_seen").type == pa.timestamp("us", tz="Asia/Ho_Chi_Minh")
    minh = next(r for r in table.to_pylist() if r["name"] == "Lê Quang Minh")
    assert minh["organizations"] == ["Sở Thông tin và Truyền thông"] and minh["first_seen"].hour == 8


def test_a_failed_export_leaves_nothing_behind(export_env, tmp_path, monkeypatch):
    target = tmp_path / "out"
    target.mkdir()
    (target / "mentions.xlsx").write_bytes(b"the previous export")
    monkeypatch.setattr(writers, "XLSX_MAX_ROWS", 10)  # a sheet smaller than the table
    with pytest.raises(ValueError, match="do not fit in one Excel sheet"):
        export(export_env, "mentions", ExportFormat.xlsx, target / "mentions.xlsx")
    assert [p.name for p in target.iterdir()] == ["mentions.xlsx"]
    assert (target / "mentions.xlsx").read_bytes() == b"the previous export"


def test_an_unwritable_path_fails_before_writing(export_env, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(OSError):
        export(export_env, "figures", ExportFormat.csv, blocker / "figures.csv")
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]
