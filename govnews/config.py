"""The one place configuration is read: defaults < config file < environment < explicit arguments.

The config file is TOML (``govnews.toml`` in the working directory, or the path in ``GOVNEWS_CONFIG``);
environment variables use the ``GOVNEWS_`` prefix, and the conventional ``DATABASE_URL`` and
``ELASTICSEARCH_URL`` are honoured too. Entry points (CLI, API, crawler process) build one
:class:`Settings` and pass it down; nothing reads the environment elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from govnews.errors import ConfigError

CONFIG_ENV = "GOVNEWS_CONFIG"
DEFAULT_CONFIG_FILE = "govnews.toml"


def _config_file() -> Path | None:
    explicit = os.environ.get(CONFIG_ENV)
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{CONFIG_ENV}={explicit}: no such config file")
        return path
    default = Path(DEFAULT_CONFIG_FILE)
    return default if default.is_file() else None


class Settings(BaseSettings):
    """Every tunable of a govnews deployment, typed and documented."""

    model_config = SettingsConfigDict(env_prefix="GOVNEWS_", extra="ignore", populate_by_name=True)

    data_dir: Path = Field(Path("govnews-data"), description="Folder for the default SQLite store and index.")
    database_url: str | None = Field(
        None,
        validation_alias=AliasChoices("database_url", "GOVNEWS_DATABASE_URL", "DATABASE_URL"),
        description="SQLAlchemy URL of the store; default is SQLite in data_dir.",
    )
    search_backend: Literal["auto", "embedded", "elasticsearch"] = Field(
        "auto", description="auto: Elasticsearch when ELASTICSEARCH_URL is set, else embedded SQLite FTS5."
    )
    search_index_path: Path | None = Field(None, description="Embedded index file; default data_dir/search.sqlite.")
    elasticsearch_url: str | None = Field(
        None, validation_alias=AliasChoices("elasticsearch_url", "GOVNEWS_ELASTICSEARCH_URL", "ELASTICSEARCH_URL")
    )
    elasticsearch_api_key: str | None = None
    elasticsearch_username: str | None = None
    elasticsearch_password: str | None = None
    elasticsearch_ca_certs: Path | None = None
    elasticsearch_index: str = "govnews-articles"

    topic_model: str = Field(
        "default", description="Topic model: `default` (shipped), a version from `govnews models list`, "
        "`placeholder` (keyword baseline), or a model directory.")
    shared_dir: Path = Field(Path("../shared"), description="Shared corpus and datasets (not in the repository): "
                             "evaluation and training read their texts from here.")
    max_article_chars: int = Field(2_000_000, description="Longer article texts are rejected as bad input.")
    max_page_bytes: int = Field(10_000_000, description="Larger HTML pages are rejected as bad input.")
    batch_size: int = Field(32, description="Articles per store/index transaction during ingest.")

    crawl_profiles_dir: Path | None = Field(
        None, description="Folder of extra site profiles (YAML) for `govnews crawl PROFILE`; they override "
        "the shipped ones of the same name.")
    crawl_schedule: Path = Field(Path("crawl-schedule.toml"), description="Jobs of `govnews schedule`.")

    api_host: str = "127.0.0.1"
    api_port: int = 8000
    api_workers: int = Field(1, ge=1, description="Processes serving the API (each opens its own store and index).")
    log_level: str = "INFO"

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str | None) -> str | None:
        if value is not None and "://" not in value:
            raise ValueError(f"DATABASE_URL {value!r} is not a URL (expected e.g. sqlite:///path or postgresql://…)")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        config_file = _config_file()
        if config_file is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=config_file))
        return tuple(sources)

    # Derived values live in methods, not in a second copy of state.
    def store_url(self) -> str:
        """SQLAlchemy URL of the article store."""
        if self.database_url:
            url = self.database_url
            # Plain postgresql:// means psycopg 3 here (psycopg2 is not a dependency).
            if url.startswith("postgresql://") or url.startswith("postgres://"):
                url = "postgresql+psycopg://" + url.split("://", 1)[1]
            return url
        return f"sqlite:///{(self.data_dir / 'govnews.sqlite').resolve()}"

    def index_path(self) -> Path:
        return self.search_index_path or self.data_dir / "search.sqlite"

    def backend_name(self) -> Literal["embedded", "elasticsearch"]:
        if self.search_backend == "auto":
            return "elasticsearch" if self.elasticsearch_url else "embedded"
        return self.search_backend


def load_settings(**overrides: object) -> Settings:
    """Build settings from file and environment, with explicit overrides on top."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ConfigError:
        raise
    except Exception as exc:  # pydantic's ValidationError, TOML errors
        raise ConfigError(f"invalid configuration: {exc}") from exc
