"""The HTTP API (FastAPI): one module builds the app, one router per resource."""
