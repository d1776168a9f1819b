"""One crawl as the command line runs it: start URLs and profile names resolved, the run recorded in the
store, the crawl itself, and (without ``--output``) the articles sent through the pipeline into the store.

Bad input (an unknown profile name, a URL that is not http(s), a start URL that cannot be fetched) is one
error line each and the rest goes on; the report's exit status says whether anything was skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawlers.profiles import Profile, load_profiles
from crawlers.run import CrawlResult, crawl
from govnews.config import Settings
from govnews.store import Store
from govnews.store.crawl_state import CrawlStateStore


@dataclass
class CrawlOptions:
    output: Path | None = None
    delay: float | None = None
    max_pages: int | None = None
    incremental: bool = False
    jobdir: Path | None = None
    job: str = "crawl"
    run_id: int | None = None
    log_level: str = "INFO"
    concurrency: int | None = None


@dataclass
class CrawlReport:
    run_id: int | None = None
    result: CrawlResult | None = None
    new_articles: int = 0
    problems: list[str] = field(default_factory=list)
    output: Path | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.problems or (self.result and self.result.errors) else 0


def resolve_targets(targets: list[str], profiles: dict[str, Profile]) -> tuple[list[str], list[Profile], list[str]]:
    """(start URLs, profiles, one problem line per target that is neither)."""
    urls, chosen, problems = [], [], []
    for target in targets:
        if "://" in target:
            parts = urlsplit(target)
            if parts.scheme in ("http", "https") and parts.hostname:
                urls.append(target)
            else:
                problems.append(f"{target}: not an http(s) URL; skipped")
        elif target in profiles:
            chosen.append(profiles[target])
        else:
            problems.append(f"{target}: no such site profile (see `govnews crawl-profiles`) and not a URL; skipped")
    return urls, chosen, problems


def pending_file(settings: Settings, job: str) -> Path:
    """Where a job's articles wait for the pipeline."""
    return settings.data_dir / "crawls" / f"{job}.pending.jsonl"


def scrapy_overrides(options: CrawlOptions, settings: Settings) -> dict[str, Any]:
    overrides: dict[str, Any] = {"LOG_LEVEL": options.log_level.upper()}
    if options.delay is not None:
        overrides.update(DOWNLOAD_DELAY=options.delay, AUTOTHROTTLE_ENABLED=options.delay > 0)
    if options.concurrency:
        overrides.update(CONCURRENT_REQUESTS_PER_DOMAIN=options.concurrency,
                         CONCURRENT_REQUESTS=max(options.concurrency, 16))
    if options.max_pages:
        overrides["CLOSESPIDER_PAGECOUNT"] = options.max_pages
    if options.incremental:
        overrides["GOVNEWS_STATE_URL"] = settings.store_url()
    if options.jobdir:
        overrides["JOBDIR"] = str(options.jobdir)
    return overrides


def run_crawl_job(settings: Settings, targets: list[str], options: CrawlOptions) -> CrawlReport:
    """Crawl ``targets`` (URLs or profile names) once, recording the run.

    Raises:
        ConfigError: the profiles folder or a profile file is broken.
        ServiceError: the store cannot be reached or written.
    """
    report = CrawlReport()
    urls, profiles, report.problems = resolve_targets(targets, load_profiles(settings.crawl_profiles_dir))
    if not urls and not profiles:
        return report
    state = CrawlStateStore(Store(settings.store_url()))
    report.run_id = options.run_id or state.start_run(options.job)
    # Without --output the articles wait in one file per job until the pipeline has stored them: a crawl or
    # ingest that dies leaves the file, and the next run appends to it and ingests all of it.
    report.output = options.output or pending_file(settings, options.job)
    report.output.parent.mkdir(parents=True, exist_ok=True)
    append = options.output is None or options.jobdir is not None
    try:
        report.result = crawl(urls, report.output, scrapy_overrides(options, settings), profiles, append=append)
    except Exception as exc:
        if report.run_id is not None:
            state.finish_run(report.run_id, "failed", 0, 0, 1, f"{type(exc).__name__}: {exc}")
        raise
    result = report.result
    report.problems += [f"start URL {url}: {reason}; skipped" for url, reason in result.failed_starts.items()]
    report.new_articles = int(result.stats.get("govnews/new", 0)) if options.incremental else result.articles
    if report.run_id is not None:
        status = "ok" if report.exit_code == 0 else "partial"
        state.finish_run(report.run_id, status, result.pages, report.new_articles,
                         result.errors + len(report.problems), "; ".join(report.problems) or None)
    return report
