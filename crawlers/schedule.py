"""``govnews schedule``: crawl each configured job on its cron expression, record every run in the store.

Jobs come from a TOML file (``crawl_schedule``, default ``crawl-schedule.toml``)::

    [[jobs]]
    name = "hatinh"                 # recorded as the run's job
    cron = "*/30 * * * *"          # minute hour day month weekday, in Asia/Ho_Chi_Minh
    targets = ["baohatinh"]         # profile names or start URLs
    delay = 1.0                     # optional: seconds between requests (default adaptive)
    output = "crawls/hatinh.jsonl"  # optional: append JSON Lines instead of feeding the pipeline

At each wake-up a job is due when its latest fire time (at or before now) has not been claimed yet. A run
is claimed by inserting (job, fire time) into ``crawl_runs`` under a unique constraint, so a scheduler
restarted after a crash, or a second one started by mistake, never runs the same fire time twice; fire
times missed while nothing was running are caught up once (coalesced), not once each. Each crawl runs
in a child ``govnews crawl`` (Scrapy's reactor runs once per process) with incremental crawling and its
own resumable Scrapy job folder.
"""

from __future__ import annotations

import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from croniter import croniter

from govnews.config import Settings
from govnews.errors import ConfigError
from govnews.records import VN_TZ
from govnews.store import Store
from govnews.store.crawl_state import CrawlStateStore

MAX_SLEEP = 60.0  # seconds: wake up at least this often to notice the clock (and Ctrl-C)


@dataclass(frozen=True)
class Job:
    name: str
    cron: str
    targets: list[str]
    delay: float | None = None
    output: Path | None = None

    def latest_fire(self, now: datetime) -> datetime:
        """The latest fire time at or before ``now``."""
        fire = croniter(self.cron, now).get_prev(datetime)
        return fire.replace(second=0, microsecond=0)

    def next_fire(self, now: datetime) -> datetime:
        return croniter(self.cron, now).get_next(datetime)


@dataclass
class Schedule:
    jobs: list[Job] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def load_schedule(path: Path) -> Schedule:
    """The jobs of ``path``; each bad job is one problem line and is left out.

    Raises:
        ConfigError: the file cannot be read or is not TOML.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the crawl schedule ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    schedule = Schedule()
    seen: set[str] = set()
    for number, raw in enumerate(data.get("jobs", []), start=1):
        where = f"{path}: job {number}"
        name = raw.get("name") if isinstance(raw, dict) else None
        if not isinstance(name, str) or not name:
            schedule.problems.append(f"{where}: missing 'name'; skipped")
            continue
        where = f"{path}: job {name!r}"
        cron, targets = raw.get("cron"), raw.get("targets")
        if not isinstance(cron, str) or not croniter.is_valid(cron):
            schedule.problems.append(f"{where}: bad cron expression {cron!r}; skipped")
        elif not isinstance(targets, list) or not targets or not all(isinstance(t, str) for t in targets):
            schedule.problems.append(f"{where}: 'targets' must be a list of profile names or URLs; skipped")
        elif name in seen:
            schedule.problems.append(f"{where}: a second job with this name; skipped")
        else:
            seen.add(name)
            output = Path(raw["output"]) if raw.get("output") else None
            schedule.jobs.append(Job(name, cron, list(targets), raw.get("delay"), output))
    if not data.get("jobs"):
        schedule.problems.append(f"{path}: no [[jobs]] in the crawl schedule")
    return schedule


class Scheduler:
    """Runs due jobs; the store decides what is due, so any number of restarts agree."""

    def __init__(self, settings: Settings, jobs: list[Job], log: Callable[[str], None]) -> None:
        self.settings = settings
        self.jobs = jobs
        self.log = log
        self.state = CrawlStateStore(Store(settings.store_url()))

    def run_due(self, now: datetime | None = None) -> int:
        """Run every job whose latest fire time is unclaimed; returns how many failed."""
        now = now or datetime.now(VN_TZ)
        failed = 0
        for job in self.jobs:
            fire = job.latest_fire(now)
            run_id = self.state.start_run(job.name, fire)
            if run_id is None:
                continue  # this fire time already ran (or is running) elsewhere
            self.log(f"{job.name}: run {run_id} for {fire:%Y-%m-%d %H:%M} …")
            code = self.run_job(job, run_id)
            failed += code != 0
        return failed

    def run_job(self, job: Job, run_id: int) -> int:
        command = [sys.executable, "-m", "govnews", "--data-dir", str(self.settings.data_dir),
                   "--log-level", "WARNING", "crawl", *job.targets, "--incremental", "--job", job.name,
                   "--run-id", str(run_id), "--jobdir", str(self.settings.data_dir / "jobs" / job.name)]
        if job.delay is not None:
            command += ["--delay", str(job.delay)]
        if job.output is not None:
            command += ["--output", str(job.output)]
        child = subprocess.run(command, capture_output=True, text=True, check=False)
        summary = [line for line in child.stderr.splitlines() if line.startswith(("crawl:", "error:", "ingest:"))]
        for line in summary:
            self.log(f"{job.name}: {line}")
        if child.returncode == 2 or not any(line.startswith("crawl:") for line in summary):
            self.state.finish_run(run_id, "failed", 0, 0, 1,
                                  (child.stderr.strip().splitlines() or [f"exit status {child.returncode}"])[-1])
        return child.returncode

    def forever(self) -> None:
        """Run due jobs, sleep until the next fire time, repeat (until interrupted)."""
        while True:
            self.run_due()
            now = datetime.now(VN_TZ)
            upcoming = min(job.next_fire(now) for job in self.jobs)
            time.sleep(max(1.0, min(MAX_SLEEP, (upcoming - now).total_seconds())))
