"""``govnews eval crawl``: crawl the fixture portals from their start URLs only and score the result
against the portals' hand-written truth, beside plain trafilatura on the same pages in the same run.

Scores: article recall and precision (by canonical URL; a second copy of an article counts against
precision), title exactness, date accuracy (to the minute where the page shows a time, else the day),
body token-F1 (lead and paragraphs), boilerplate leakage (share of articles whose text holds a phrase
of the site's navigation, boxes or footer, or an image caption), bylines, and near-duplicate links.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import trafilatura

from govnews.errors import ConfigError
from govnews.urls import canonical_url
from pipeline.dates import parse_published
from pipeline.evaluation.scoring import prf

PORTALS_DIR = Path(__file__).resolve().parents[1] / "tests" / "portals"
TARGETS = {"recall": 0.98, "precision": 0.98, "date_accuracy": 0.98, "body_f1": 0.95}
BASELINE_MIN_CHARS = 200  # plain trafilatura's "is an article": it extracted at least this much text
_WORD = re.compile(r"\w+")


@dataclass
class TruthArticle:
    url: str
    site: str
    title: str
    published: datetime
    shows_time: bool
    author: str
    body: str
    boilerplate: list[str]
    duplicate_of: str | None = None


@dataclass
class Scores:
    items: int = 0
    recall: float = 0.0
    precision: float = 0.0
    title_exact: float = 0.0
    date_accuracy: float = 0.0
    body_f1: float = 0.0
    leakage: float = 0.0
    author_exact: float | None = None
    duplicates_linked: float | None = None
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


def load_portals(portals_dir: Path = PORTALS_DIR):  # type: ignore[no-untyped-def]
    """The fixture portals package, which lives with the tests of a source checkout."""
    if not (portals_dir / "__init__.py").is_file():
        raise ConfigError(f"fixture portals not found at {portals_dir} (they ship with the source checkout)")
    root = str(portals_dir.parents[1])
    if root not in sys.path:
        sys.path.insert(0, root)
    import tests.portals as portals

    return portals


def truth_of(running: list[Any]) -> list[TruthArticle]:
    from tests.portals.text import published_of, shows_time

    by_key = {(r.name, a["id"]): r.article_url(a) for r in running for a in r.truth["articles"]}
    truth = []
    for r in running:
        for article in r.truth["articles"]:
            captions = [article["caption"]] if article.get("caption") else []
            duplicate = article.get("near_duplicate_of")
            if duplicate:
                site, _, ident = duplicate.partition("/")
                duplicate = canonical_url(by_key[(site, int(ident))])
            truth.append(TruthArticle(
                url=canonical_url(r.article_url(article)), site=r.name, title=article["title"],
                published=published_of(article), shows_time=shows_time(article), author=article["author"],
                body="\n".join([article["lead"], *article["body"]]), boilerplate=r.renderer.BOILERPLATE + captions,
                duplicate_of=duplicate))
    return truth


def tokens(text: str) -> Counter[str]:
    return Counter(_WORD.findall(unicodedata.normalize("NFC", text).lower()))


def token_f1(expected: str, found: str) -> float:
    gold, got = tokens(expected), tokens(found)
    return prf(sum((gold & got).values()), sum(got.values()), sum(gold.values()))["f1"]


def date_correct(truth: TruthArticle, value: str | None) -> bool:
    parsed = parse_published(value)
    if parsed is None:
        return False
    if truth.shows_time:
        return parsed.astimezone(truth.published.tzinfo).replace(second=0, microsecond=0) == truth.published
    return parsed.astimezone(truth.published.tzinfo).date() == truth.published.date()


def score(truth: list[TruthArticle], items: list[dict[str, Any]], with_links: bool = True) -> Scores:
    """Scores of ``items`` (dicts with url, title, published, text, author, duplicate_of) against ``truth``."""
    by_url = {t.url: t for t in truth}
    matched: dict[str, dict[str, Any]] = {}
    extra = []
    for item in items:
        url = canonical_url(item["url"])
        if url in by_url and url not in matched:
            matched[url] = item
        else:
            extra.append(item["url"])
    pairs = [(by_url[url], item) for url, item in matched.items()]
    n = max(len(pairs), 1)

    def share(test: Callable[[TruthArticle, dict[str, Any]], bool]) -> float:
        return sum(test(t, i) for t, i in pairs) / n

    nfc = lambda s: unicodedata.normalize("NFC", s or "")  # noqa: E731
    found = prf(len(matched), len(items), len(truth))
    scores = Scores(
        items=len(items), recall=found["recall"], precision=found["precision"],
        title_exact=share(lambda t, i: nfc(i.get("title")) == t.title),
        date_accuracy=share(lambda t, i: date_correct(t, i.get("published"))),
        body_f1=sum(token_f1(t.body, i.get("text") or "") for t, i in pairs) / n,
        leakage=share(lambda t, i: any(b in nfc(i.get("text")) for b in t.boilerplate)),
        author_exact=share(lambda t, i: nfc(i.get("author")) == t.author),
        missed=sorted(set(by_url) - set(matched)), extra=extra)
    if with_links:
        copies = [t for t in truth if t.duplicate_of]
        linked = [t for t in copies if t.url in matched and matched[t.url].get("duplicate_of")
                  and canonical_url(matched[t.url]["duplicate_of"]) == t.duplicate_of]
        reverse = [t for t in copies if t.duplicate_of in matched and matched[t.duplicate_of].get("duplicate_of")
                   and canonical_url(matched[t.duplicate_of]["duplicate_of"]) == t.url]
        scores.duplicates_linked = (len(linked) + len(reverse)) / max(len(copies), 1)
    return scores


def baseline_items(pages: list[str]) -> list[dict[str, Any]]:
    """Plain trafilatura on each page: an article wherever it extracts enough text; its own title, date,
    author and text."""
    items = []
    with httpx.Client(timeout=30) as client:
        for url in pages:
            response = client.get(url)
            if response.status_code != 200 or "html" not in response.headers.get("content-type", ""):
                continue
            doc = trafilatura.bare_extraction(response.content, url=url, with_metadata=True)
            if doc is None or len(doc.text or "") < BASELINE_MIN_CHARS:
                continue
            items.append({"url": url, "title": doc.title, "published": doc.date, "author": doc.author,
                          "text": doc.text})
    return items


def run_crawl_eval(portals_dir: Path = PORTALS_DIR, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Serve the fixture portals, crawl them with ``govnews crawl`` in a child process, score both runs."""
    portals = load_portals(portals_dir)
    with portals.running_portals() as running, tempfile.TemporaryDirectory(prefix="govnews-eval-crawl-") as scratch:
        output = Path(scratch) / "items.jsonl"
        command = [sys.executable, "-m", "govnews", "--data-dir", scratch, "--log-level", "WARNING", "crawl",
                   *[r.url for r in running], "--output", str(output), "--delay", "0"]
        log(f"crawling {len(running)} fixture portals from their start URLs: " + " ".join(r.url for r in running))
        crawl = subprocess.run(command, capture_output=True, text=True, check=False)
        log("   " + (crawl.stderr.strip().splitlines() or ["(no output)"])[-1])
        items = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()] \
            if output.exists() else []
        truth = truth_of(running)
        fetched = sorted({r.url.rstrip("/") + key for r in running for key in r.portal.requests
                          if not key.endswith((".xml", ".gz", ".rss", ".atom", ".txt"))})
        log(f"plain trafilatura on the same {len(fetched)} pages …")
        baseline = baseline_items(fetched)
    ours, theirs = score(truth, items), score(truth, baseline, with_links=False)
    return {"articles": len(truth), "pages": len(fetched), "sites": [r.name for r in running],
            "govnews": ours.__dict__, "trafilatura": theirs.__dict__, "targets": TARGETS,
            "crawl_exit_status": crawl.returncode}
