"""``govnews export`` as a user runs it: the file, the summary line, and one clear error per bad input."""

from __future__ import annotations

import csv
import re

import pytest

from tests.conftest import run_cli


@pytest.fixture(scope="module")
def data_dir(export_env):
    return str(export_env[0].data_dir)


def test_export_writes_the_file_and_a_summary(data_dir, tmp_path):
    result = run_cli("--data-dir", data_dir, "export", "figures", "--province", "Huế", "-q", "chuyen doi so",
                     "--format", "csv", "--output", str(tmp_path))
    assert result.returncode == 0, result.stderr
    path = tmp_path / "figures.csv"
    with path.open(encoding="utf-8", newline="") as stream:
        figures = list(csv.DictReader(stream))
    assert {f["text"] for f in figures} >= {"68,4%", "hơn 1,1 triệu lượt cài đặt", "trên 95%"}
    assert {f["province"] for f in figures} == {"Thừa Thiên Huế"}
    size = path.stat().st_size
    assert f"export figures: {len(figures)} rows → {path} ({size / 1000:.1f} kB)" in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["export", "figuers"], "'figuers' is not one of 'officials'"),
    (["export", "figures", "--colour", "red"], "No such option: --colour"),
    (["export", "figures", "--from", "2024-05-01", "--to", "2024-01-01"],
     "error: date_from 2024-05-01 is after date_to 2024-01-01"),
    (["export", "figures", "--from", "2024-13-01"], "error: --from '2024-13-01' is not a date (YYYY-MM-DD)"),
    (["export", "figures", "--format", "xls"], "'xls' is not one of 'csv', 'xlsx', 'parquet', 'jsonl'"),
])
def test_export_rejects_bad_input_with_a_clear_message(data_dir, tmp_path, args, message):
    result = run_cli("--data-dir", data_dir, *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in " ".join(re.sub(r"[│╭╮╰╯─]", " ", result.stderr).split())  # Typer boxes usage errors
    assert list(tmp_path.iterdir()) == []  # nothing written, not even a partial file


def test_export_to_an_unwritable_path_says_so(data_dir, tmp_path):
    blocker = tmp_path / "report.txt"
    blocker.write_text("a file, not a folder")
    result = run_cli("--data-dir", data_dir, "export", "mentions", "--output", str(blocker / "mentions.csv"))
    assert result.returncode == 2
    assert f"error: cannot write {blocker / 'mentions.csv'}: Not a directory" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]
