"""The Elasticsearch backend: the same query model as the embedded engine, for deployments that outgrow it.

Documents arrive folded and segmented (:mod:`search.document`), so the index needs nothing beyond the
built-in ``standard`` and ``whitespace`` analyzers. Articles live in versioned indices behind one alias;
a rebuild fills a new index and swaps the alias in one atomic call, so searches never see a half index.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, time, timedelta
from importlib import resources
from typing import Any

from elasticsearch import ApiError, BadRequestError, Elasticsearch, NotFoundError, TransportError, helpers

from govnews.config import Settings
from govnews.errors import ServiceError
from govnews.records import VN_TZ, ArticleRecord
from pipeline.gazetteer import loose_key
from search.document import SearchDocument, build_document
from search.highlight import highlight
from search.query import (
    AggregateQuery,
    AggregateResponse,
    Bucket,
    EntityCount,
    FacetValue,
    Hit,
    QuerySyntaxError,
    SearchQuery,
    SearchResponse,
    decode_cursor,
    encode_cursor,
)
from search.terms import FIELD_WEIGHTS, LOOSEN_BELOW, ParsedQuery, parse_query, tokens

log = logging.getLogger(__name__)

FACET_LIMIT = 20
# Added to the score of the articles that have the words as words when the engine falls back to the loosened
# query: bm25 sums stay far below it, and float32 scores keep four decimals at this size.
TIER_BOOST = 1000.0
BULK_CHUNK = 500
BULK_RETRIES = 5  # 429 (queue full) is retried with exponential backoff: the bulk backpressure
BULK_THREADS = 2
PERIOD_FORMATS = {"year": "yyyy", "month": "yyyy-MM", "day": "yyyy-MM-dd"}
SORT = [{"_score": "desc"}, {"published_at": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]
HIT_FIELDS = ["id", "url", "title", "site", "province", "province_current", "published_at", "topics", "body"]


def load_mapping() -> dict[str, Any]:
    return json.loads(resources.files("search.elastic").joinpath("mapping.json").read_text("utf-8"))


def connect(settings: Settings) -> Elasticsearch:
    """A client from ``ELASTICSEARCH_URL`` and the API key, basic auth or CA options."""
    options: dict[str, Any] = {"request_timeout": 60, "retry_on_timeout": True, "max_retries": 3}
    if settings.elasticsearch_api_key:
        options["api_key"] = settings.elasticsearch_api_key
    elif settings.elasticsearch_username:
        options["basic_auth"] = (settings.elasticsearch_username, settings.elasticsearch_password or "")
    if settings.elasticsearch_ca_certs:
        options["ca_certs"] = str(settings.elasticsearch_ca_certs)
    return Elasticsearch(settings.elasticsearch_url, **options)


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, settings: Settings, client: Elasticsearch | None = None) -> None:
        if not settings.elasticsearch_url and client is None:
            raise ServiceError("the Elasticsearch backend needs ELASTICSEARCH_URL (or `govnews es start`)")
        self.url = settings.elasticsearch_url
        self.client = client or connect(settings)
        self.alias = settings.elasticsearch_index
        self.mapping = load_mapping()
        try:
            self._ensure_index()
        except TransportError as exc:
            raise ServiceError(f"Elasticsearch at {self.url} is not reachable: {exc}") from exc
        except ApiError as exc:
            raise ServiceError(f"Elasticsearch at {self.url} refused to set up {self.alias!r}: {exc}") from exc

    # -- index lifecycle ---------------------------------------------------------------------------

    def _new_index_name(self) -> str:
        stamp = datetime.now(VN_TZ).strftime("%Y%m%d%H%M%S%f")
        return f"{self.alias}-v{self.mapping['version']}-{stamp}"

    def _create_index(self, **settings: str) -> str:
        name = self._new_index_name()
        self.client.indices.create(index=name, settings={**self.mapping["settings"], **settings},
                                   mappings=self.mapping["mappings"])
        return name

    def _ensure_index(self) -> None:
        if self.client.indices.exists_alias(name=self.alias):
            current = self.current_index()
            if f"-v{self.mapping['version']}-" not in current:
                log.warning("Elasticsearch index %s has an older mapping than v%s: run `govnews reindex`",
                            current, self.mapping["version"])
            return
        if self.client.indices.exists(index=self.alias):
            raise ServiceError(f"{self.alias!r} is an index, not an alias: rename it or set elasticsearch_index")
        name = self._create_index()
        self.client.indices.put_alias(index=name, name=self.alias)
        log.info("created Elasticsearch index %s behind alias %s", name, self.alias)

    def current_index(self) -> str:
        return next(iter(self.client.indices.get_alias(name=self.alias)))

    def rebuild(self, records: Iterable[ArticleRecord] | None = None) -> int:
        """Fill a new index (from ``records``, or by scanning the current index when only the mapping
        changed), then point the alias at it atomically and drop the old one: no search sees a gap."""
        if records is None:
            old = self.current_index()
            sources = (hit["_source"] for hit in helpers.scan(self.client, index=old, size=BULK_CHUNK))
            return self._swap_in({"_id": s["id"], "_source": s} for s in sources)
        return self.bulk_load(build_document(r) for r in records)

    def bulk_load(self, documents: Iterable[SearchDocument]) -> int:
        """Replace the whole index by ``documents`` (pre-processed), loaded into a new index and swapped in."""
        return self._swap_in({"_id": d.id, "_source": d.to_elasticsearch()} for d in documents)

    def _swap_in(self, actions: Iterator[dict[str, Any]]) -> int:
        old = self.current_index()
        new = self._create_index(refresh_interval="-1")  # no refreshes while loading: the bulk-load setting
        try:
            count = self._bulk(new, actions, threads=BULK_THREADS)
            self.client.indices.put_settings(index=new, settings={
                "refresh_interval": self.mapping["settings"]["refresh_interval"]})
            self.client.indices.refresh(index=new)
            self.client.indices.update_aliases(actions=[
                {"remove": {"index": old, "alias": self.alias}},
                {"add": {"index": new, "alias": self.alias}},
            ])
        except BaseException:
            self.client.indices.delete(index=new, ignore_unavailable=True)
            raise
        self.client.indices.delete(index=old, ignore_unavailable=True)
        log.info("rebuilt %s: %s -> %s (%d articles)", self.alias, old, new, count)
        return count

    def close(self) -> None:
        self.client.close()

    # -- indexing ----------------------------------------------------------------------------------

    def index(self, records: Sequence[ArticleRecord]) -> int:
        count = self.index_documents([build_document(r) for r in records])
        self.refresh()
        return count

    def index_documents(self, documents: Iterable[SearchDocument]) -> int:
        """Index (or replace: the id is the article id) without waiting for a refresh."""
        return self._bulk(self.alias, ({"_id": d.id, "_source": d.to_elasticsearch()} for d in documents))

    def _bulk(self, index: str, actions: Iterator[dict[str, Any]], threads: int = 1) -> int:
        """Send ``actions`` in chunks; 429s are retried with backoff (streaming) and the thread pool never
        has more than ``threads`` chunks in flight (parallel), so a busy cluster slows the producer down."""
        count, errors = 0, []
        tagged = ({"_index": index, **a} for a in actions)
        options = {"chunk_size": BULK_CHUNK, "raise_on_error": False, "raise_on_exception": True}
        try:
            if threads > 1:
                results = helpers.parallel_bulk(self.client.options(max_retries=BULK_RETRIES, retry_on_status=(429,)),
                                                tagged, thread_count=threads, queue_size=threads, **options)
            else:
                results = helpers.streaming_bulk(self.client, tagged, max_retries=BULK_RETRIES, initial_backoff=1,
                                                 max_backoff=30, **options)
            for ok, item in results:
                if ok:
                    count += 1
                else:
                    errors.append(item)
        except TransportError as exc:
            raise ServiceError(f"Elasticsearch bulk indexing failed after {count} articles: {exc}") from exc
        if errors:
            first = next(iter(errors[0].values()))
            raise ServiceError(f"Elasticsearch rejected {len(errors)} articles (first: {first.get('_id')}: "
                               f"{first.get('error')})")
        return count

    def refresh(self) -> None:
        self.client.indices.refresh(index=self.alias)

    def delete(self, ids: Sequence[str]) -> int:
        actions = ({"_op_type": "delete", "_index": self.alias, "_id": i} for i in ids)
        deleted = 0
        for ok, _item in helpers.streaming_bulk(self.client, actions, raise_on_error=False):
            deleted += ok
        self.refresh()
        return deleted

    def count(self) -> int:
        return int(self.client.count(index=self.alias)["count"])

    # -- searching ---------------------------------------------------------------------------------

    def _search(self, **body: Any) -> dict[str, Any]:
        return self._read("search", **body)

    def _read(self, api: str, **body: Any) -> dict[str, Any]:
        """``search`` or ``count`` on the alias, with Elasticsearch's errors as govnews's."""
        try:
            return dict(getattr(self.client, api)(index=self.alias, **body))
        except BadRequestError as exc:
            raise QuerySyntaxError(f"Elasticsearch cannot run this query: {exc.message}") from exc
        except NotFoundError as exc:
            raise ServiceError(f"Elasticsearch index {self.alias!r} is missing: run `govnews reindex`") from exc
        except (TransportError, ApiError) as exc:
            raise ServiceError(f"Elasticsearch {api} failed: {exc}") from exc

    def _plan(self, query: SearchQuery) -> tuple[ParsedQuery | None, ParsedQuery | None]:
        """What to match: the query, or its loosened form (:meth:`ParsedQuery.loosened`) when the query itself
        matches fewer than ``LOOSEN_BELOW`` articles; then also the query whose matches rank first."""
        parsed = parse_query(query.q) if query.q.strip() else None
        loose = parsed.loosened() if parsed else None
        if parsed is None or loose is None:
            return parsed, None
        clauses = _filters_clause(query)
        clauses["filter"].append(_required(parsed))
        found = self._read("count", query={"bool": clauses}, terminate_after=LOOSEN_BELOW)["count"]
        return (parsed, None) if found >= LOOSEN_BELOW else (loose, parsed)

    def search(self, query: SearchQuery) -> SearchResponse:
        parsed = parse_query(query.q) if query.q.strip() else None
        response = self._page(query, parsed)
        loose = parsed.loosened() if parsed else None
        if loose is not None and response.total < LOOSEN_BELOW:  # the total itself tells: no count first
            response = self._page(query, loose, parsed)
        return response

    def _page(self, query: SearchQuery, parsed: ParsedQuery | None, first: ParsedQuery | None = None,
              ) -> SearchResponse:
        body: dict[str, Any] = {
            "query": _query(parsed, query, first), "sort": SORT, "size": query.size + 1, "track_total_hits": True,
            "_source": HIT_FIELDS, "aggs": _facet_aggs(),
        }
        if query.cursor:
            body["search_after"] = decode_cursor(query.cursor, len(SORT))
        else:
            body["from"] = (query.page - 1) * query.size
        result = self._search(**body)
        raw_hits = result["hits"]["hits"]
        more, raw_hits = len(raw_hits) > query.size, raw_hits[:query.size]  # one hit more tells if a next page exists
        total = int(result["hits"]["total"]["value"])
        hits = [_hit(h, parsed) for h in raw_hits]
        next_cursor = encode_cursor(raw_hits[-1]["sort"]) if raw_hits and more else None
        return SearchResponse(total=total, page=query.page, size=query.size, hits=hits,
                              facets=_facets(result["aggregations"]), next_cursor=next_cursor)

    def match_ids(self, query: SearchQuery, after: str = "", limit: int = 500) -> list[str]:
        parsed = self._plan(query)[0]
        clauses = _filters_clause(query)
        clauses["filter"] += [_required(parsed)] if parsed else []
        body: dict[str, Any] = {"query": {"bool": {"must": [{"match_all": {}}], **clauses}},
                                "sort": [{"id": "asc"}], "size": limit, "_source": False, "fields": ["id"]}
        if after:
            body["search_after"] = [after]
        return [h["fields"]["id"][0] for h in self._search(**body)["hits"]["hits"]]

    def aggregate(self, request: AggregateQuery) -> AggregateResponse:
        parsed = self._plan(request.search)[0]
        entity_terms: dict[str, Any] = {
            "terms": {"field": "entities.id", "size": request.size, "order": [{"_count": "desc"}, {"_key": "asc"}]},
            "aggs": {"type": {"terms": {"field": "entities.type", "size": 1}},
                     "name": {"terms": {"field": "entities.name", "size": 1, "order": {"_key": "asc"}}}},
        }
        if request.top_entity_type:
            entity_aggs = {"typed": {"filter": {"term": {"entities.type": request.top_entity_type}},
                                     "aggs": {"ids": entity_terms}}}
        else:
            entity_aggs = {"ids": entity_terms}
        aggs = {
            "histogram": {"date_histogram": {
                "field": "published_at", "calendar_interval": request.interval.value, "time_zone": "+07:00",
                "format": PERIOD_FORMATS[request.interval.value], "min_doc_count": 1}},
            "entities": {"nested": {"path": "entities"}, "aggs": entity_aggs},
            "topics": {"terms": {"field": "topics", "size": request.size, "order": [{"_count": "desc"},
                                                                                    {"_key": "asc"}]}},
        }
        result = self._search(query=_query(parsed, request.search), size=0, track_total_hits=True, aggs=aggs)
        found = result["aggregations"]
        nested = found["entities"].get("typed", found["entities"])
        return AggregateResponse(
            total=int(result["hits"]["total"]["value"]), interval=request.interval,
            histogram=[Bucket(key=b["key_as_string"], count=b["doc_count"]) for b in found["histogram"]["buckets"]],
            entities=[EntityCount(id=b["key"], type=b["type"]["buckets"][0]["key"],
                                  name=b["name"]["buckets"][0]["key"], count=b["doc_count"])
                      for b in nested["ids"]["buckets"]],
            topics=[FacetValue(value=b["key"], count=b["doc_count"]) for b in found["topics"]["buckets"]],
        )


# -- query building (mirrors search.embedded's expressions) -------------------------------------------

def _fields(*names: str) -> list[str]:
    return [f"{n}^{FIELD_WEIGHTS[n]:g}" for n in names]


def _phrase(text: str, *fields: str) -> dict[str, Any]:
    """A word or phrase in any of ``fields``. One word is scored as BM25F over the fields taken together
    (``combined_fields``), as FTS5 scores a row: per-field statistics would give a common word in a short
    title a rare word's weight. Phrases (which ``combined_fields`` cannot match) sum per-field scores."""
    if len(tokens(text)) == 1:
        return {"combined_fields": {"query": text, "fields": _fields(*fields), "operator": "and"}}
    return {"multi_match": {"query": text, "type": "phrase", "fields": _fields(*fields), "tie_breaker": 1.0}}


def _required(parsed: ParsedQuery) -> dict[str, Any]:
    """Every unit of the query, folded, in any of its spellings, in the title or the body."""
    return {"bool": {"must": [
        {"bool": {"should": [_phrase(a, "title_folded", "body_folded") for a in unit.alternatives],
                  "minimum_should_match": 1}}
        for unit in parsed.units]}}


def _ranking_text(parsed: ParsedQuery) -> dict[str, Any]:
    """What scores: the required units, exact spellings as typed, the whole query as a phrase, segmented joins."""
    should: list[dict[str, Any]] = [{"bool": {"must": [_phrase(u.exact, "title_exact", "body_exact")
                                                       for u in parsed.units]}}]
    if len(parsed.parts) > 1:
        should.append(_phrase(" ".join(parsed.folded), "title_folded", "body_folded"))
    joins = parsed.joins()
    if joins:
        should.append({"match": {"words": {"query": " ".join(joins), "boost": FIELD_WEIGHTS["words"]}}})
    required = _required(parsed)
    required["bool"]["boost"] = 2.0  # the embedded expression counts the required phrases twice
    return {"bool": {"must": [required], "should": should}}


def _query(parsed: ParsedQuery | None, query: SearchQuery, first: ParsedQuery | None = None) -> dict[str, Any]:
    """The scored query; the matches of ``first`` (if given) score ``TIER_BOOST`` more, so they rank first."""
    clauses = _filters_clause(query)
    if parsed is None:
        return {"bool": clauses}  # filters only: every hit scores 0, as in the embedded engine
    tier = [{"constant_score": {"filter": _required(first), "boost": TIER_BOOST}}] if first else []
    return {"bool": {"must": [_ranking_text(parsed)], "should": tier, **clauses}}


def _filters_clause(query: SearchQuery) -> dict[str, list[dict[str, Any]]]:
    filters: list[dict[str, Any]] = []
    if query.site:
        filters.append({"term": {"site": query.site.lower().removeprefix("www.")}})
    if query.province:
        key = loose_key(query.province)
        filters.append({"bool": {"should": [{"term": {"province_key": key}},
                                            {"term": {"province_current_key": key}}], "minimum_should_match": 1}})
    if query.topic:
        filters.append({"term": {"topics": query.topic}})
    if query.entity:
        filters.append({"nested": {"path": "entities", "query": {"bool": {"should": [
            {"term": {"entities.id": query.entity}}, {"term": {"entities.name_key": loose_key(query.entity)}}],
            "minimum_should_match": 1}}}})
    if query.entity_type:
        filters.append({"term": {"entity_types": query.entity_type}})
    if query.date_from or query.date_to:
        bounds: dict[str, str] = {}
        if query.date_from:
            bounds["gte"] = datetime.combine(query.date_from, time(), VN_TZ).isoformat()
        if query.date_to:
            bounds["lt"] = datetime.combine(query.date_to + timedelta(days=1), time(), VN_TZ).isoformat()
        filters.append({"range": {"published_at": bounds}})
    return {"filter": filters}


def _facet_aggs() -> dict[str, Any]:
    def terms(field: str) -> dict[str, Any]:
        return {"terms": {"field": field, "size": FACET_LIMIT, "order": [{"_count": "desc"}, {"_key": "asc"}]}}

    return {
        "site": terms("site"), "province": terms("province_current"), "topic": terms("topics"),
        "entity_type": terms("entity_types"),
    }


def _facets(aggs: dict[str, Any]) -> dict[str, list[FacetValue]]:
    return {name: [FacetValue(value=b["key"], count=b["doc_count"]) for b in aggs[name]["buckets"]]
            for name in ("site", "province", "topic", "entity_type")}


def _untiered(score: float) -> float:
    """The text score without the first tier's boost (bm25 sums stay far below it)."""
    return score - TIER_BOOST if score >= TIER_BOOST else score


def _hit(raw: dict[str, Any], parsed: ParsedQuery | None) -> Hit:
    source = raw["_source"]
    published = source.get("published_at")
    return Hit(id=source["id"], url=source["url"], title=source["title"], site=source["site"],
               province=source.get("province"), province_current=source.get("province_current"),
               published_at=datetime.fromisoformat(published) if published else None,
               score=round(_untiered(float(raw["_score"] or 0.0)), 4),
               highlights=highlight(source["title"], source["body"], parsed) if parsed else [],
               topics=source.get("topics", []))
