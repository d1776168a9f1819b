"""The command line as a user runs it: exit statuses, one-line errors, the demo end to end."""

import json

from tests.conftest import FIXTURES, run_cli


def test_extract_prints_the_contract_json():
    result = run_cli("extract", str(FIXTURES / "hue.chuyen-doi-so.txt"), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"].startswith("Thừa Thiên Huế đẩy mạnh")
    assert {"official", "agency", "document", "figure", "date"} <= {e["type"] for e in data["entities"]}


def test_extract_rejects_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("Tiêu đề".encode("utf-16"))
    result = run_cli("extract", str(path))
    assert result.returncode == 1
    assert f"{path}: not UTF-8 text" in result.stderr


def test_ingest_skips_bad_articles_and_says_so(tmp_path):
    raw = tmp_path / "raw.jsonl"
    good = {"url": "https://so.gov.vn/tin/1", "title": "Cần Thơ khánh thành cầu mới",
            "text": "Sáng 2/9, UBND thành phố Cần Thơ khánh thành cây cầu nối hai quận với tổng vốn 450 tỷ đồng."}
    raw.write_text("\n".join([json.dumps(good, ensure_ascii=False), '{"url": "https://so.gov.vn/tin/2", "text": ""}',
                              "not json at all"]) + "\n", encoding="utf-8")
    env = {"GOVNEWS_DATA_DIR": str(tmp_path / "data")}
    first = run_cli("ingest", str(raw), env=env)
    assert first.returncode == 1  # something failed, and the exit status says so
    assert f"{raw}:2: empty article (no text)" in first.stderr
    assert f"{raw}:3: malformed JSON" in first.stderr
    assert "1 stored, 0 unchanged, 2 failed" in first.stderr
    again = run_cli("ingest", str(raw), env=env)
    assert "0 stored, 1 unchanged, 2 failed" in again.stderr
    search = run_cli("search", "can tho", "--format", "json", env=env)
    hits = json.loads(search.stdout)["hits"]
    assert [h["title"] for h in hits] == ["Cần Thơ khánh thành cầu mới"]


def test_demo_runs_the_whole_path(tmp_path, demo_articles):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run_cli("--data-dir", str(tmp_path), "demo", "--no-serve", "--port", str(port))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(demo_articles)} articles stored" in result.stdout
    assert f"http://127.0.0.1:{port}/search?q=chuyen+doi+so" in result.stdout
    assert "official" in result.stdout and "agency" in result.stdout
    search = run_cli("--data-dir", str(tmp_path / "demo"), "search", "chuyen doi so", "--format", "json")
    hits = json.loads(search.stdout)["hits"]
    digital = {a["title"] for a in demo_articles if "digital_transformation" in a["expect"]["topics"]}
    assert hits and hits[0]["title"] in digital
