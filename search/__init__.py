"""Search: index backends (embedded SQLite FTS5, Elasticsearch), the query model and the HTTP API."""
