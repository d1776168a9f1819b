"""The evaluation command as a user runs it, and crawling by site profile name."""

from __future__ import annotations

import json

from tests.conftest import run_cli
from tests.crawlers.conftest import read_items
from tests.portals import start_portal


def test_eval_crawl_meets_targets_and_prints_trafilatura_beside(tmp_path):
    report = tmp_path / "eval.json"
    result = run_cli("eval", "crawl", "--json", str(report))
    assert result.returncode == 0, result.stderr
    assert "plain trafilatura" in result.stdout and "targets" in result.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    ours, theirs = data["govnews"], data["trafilatura"]
    assert data["articles"] == 37
    for key, target in data["targets"].items():
        assert ours[key] >= target, (key, ours[key])
    assert ours["leakage"] == 0 and ours["duplicates_linked"] == 1.0
    assert theirs["items"] > 0 and theirs["precision"] < ours["precision"]  # the baseline ran on the same pages


def test_crawl_by_profile_name_uses_its_selectors_and_start_urls(tmp_path):
    running = start_portal("aspnet_portal", host="127.0.0.2")
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    (profiles / "son-nguyen.yaml").write_text(f"""name: son-nguyen
site: 127.0.0.2
start_urls: ["{running.url}Pages/ListNews.aspx?CateID=7"]
selectors:
  title: td.Title
  date: td.NgayDang
  lead: td.TrichDan
  body: td.NoiDung
  author: td.NoiDung p[align=right]
verification:
  status: verified-fixture
  note: checked against the ASP.NET fixture portal in tests/portals
""", encoding="utf-8")
    env = {"GOVNEWS_CRAWL_PROFILES_DIR": str(profiles)}
    output = tmp_path / "items.jsonl"
    try:
        result = run_cli("--data-dir", str(tmp_path / "data"), "--log-level", "WARNING", "crawl", "son-nguyen",
                         "no-such-site", "--output", str(output), "--delay", "0", env=env)
    finally:
        running.portal.stop()
    assert result.returncode == 1  # one target was skipped, and the exit status says so
    assert "no-such-site: no such site profile" in result.stderr
    items = {i["title"]: i for i in read_items(output)}
    assert set(items) == {a["title"] for a in running.truth["articles"]}
    for article in running.truth["articles"]:
        item = items[article["title"]]
        assert item["author"] == article["author"]
        assert item["text"].split("\n") == [article["lead"], *article["body"]]
    listed = run_cli("crawl-profiles", env=env)
    assert "son-nguyen" in listed.stdout and "verified-fixture" in listed.stdout and "baohatinh" in listed.stdout


def test_a_broken_profile_is_one_error_line_naming_the_file(tmp_path):
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    (profiles / "broken.yaml").write_text("site: example.gov.vn\nstart_urls: [\n", encoding="utf-8")
    result = run_cli("--data-dir", str(tmp_path / "data"), "crawl", "broken", "--output", str(tmp_path / "o.jsonl"),
                     env={"GOVNEWS_CRAWL_PROFILES_DIR": str(profiles)})
    assert result.returncode == 2
    assert f"{profiles / 'broken.yaml'}: cannot read the profile" in result.stderr
    assert "Traceback" not in result.stderr
