"""The Elasticsearch backend, its index layout, and a local single node for development and tests."""
