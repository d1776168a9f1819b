"""`govnews schedule --once` as cron or a systemd timer would run it: due jobs crawled and recorded,
bad jobs reported and skipped, no fire time run twice across restarts."""

from __future__ import annotations

import json

from tests.conftest import run_cli
from tests.crawlers.conftest import read_items
from tests.portals import start_portal


def test_schedule_runs_due_jobs_once_and_records_them(tmp_path):
    running = start_portal("sitemap_site", host="127.0.0.3")
    output = tmp_path / "kinh-te-vung.jsonl"
    schedule = tmp_path / "crawl-schedule.toml"
    schedule.write_text(f"""
[[jobs]]
name = "kinh-te-vung"
cron = "0 6 1 1 *"
targets = ["{running.url}"]
delay = 0
output = "{output}"

[[jobs]]
name = "typo"
cron = "61 * * * *"
targets = ["{running.url}"]
""", encoding="utf-8")
    env = {"GOVNEWS_DATA_DIR": str(tmp_path / "data")}
    try:
        first = run_cli("schedule", str(schedule), "--once", env=env)
        assert first.returncode == 1, first.stderr  # a job was skipped
        assert "job 'typo': bad cron expression '61 * * * *'; skipped" in first.stderr
        assert "kinh-te-vung: run 1 for 2026-01-01 06:00" in first.stderr
        assert len(read_items(output)) == 12
        again = run_cli("schedule", str(schedule), "--once", env=env)  # a restart within the same period
        assert "kinh-te-vung: run" not in again.stderr
    finally:
        running.portal.stop()
    runs = json.loads(run_cli("crawl-runs", "--format", "json", env=env).stdout)
    assert len(runs) == 1
    run = runs[0]
    assert (run["job"], run["status"], run["new_articles"], run["errors"]) == ("kinh-te-vung", "ok", 12, 0)
    assert run["scheduled_for"].startswith("2026-01-01T06:00:00+07:00") and run["pages"] >= 13
    assert run["started_at"] <= run["ended_at"]
    table = run_cli("crawl-runs", env=env)
    assert "kinh-te-vung" in table.stdout and "ok" in table.stdout


def test_schedule_with_an_unreadable_file_exits_2(tmp_path):
    result = run_cli("schedule", str(tmp_path / "missing.toml"), "--once",
                     env={"GOVNEWS_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 2
    assert "missing.toml: cannot read the crawl schedule" in result.stderr
