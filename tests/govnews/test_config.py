import pytest

from govnews.config import load_settings
from govnews.errors import ConfigError


def test_settings_read_config_file_and_environment(tmp_path, monkeypatch):
    config = tmp_path / "govnews.toml"
    config.write_text('data_dir = "/srv/govnews"\nbatch_size = 7\n', encoding="utf-8")
    monkeypatch.setenv("GOVNEWS_CONFIG", str(config))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    settings = load_settings()
    assert str(settings.data_dir) == "/srv/govnews" and settings.batch_size == 7
    assert settings.store_url() == "sqlite:////srv/govnews/govnews.sqlite"
    monkeypatch.setenv("GOVNEWS_BATCH_SIZE", "9")  # the environment wins over the file
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@db/govnews")
    settings = load_settings()
    assert settings.batch_size == 9
    assert settings.store_url() == "postgresql+psycopg://u@db/govnews"
    assert settings.backend_name() == "embedded"
    monkeypatch.setenv("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
    assert load_settings().backend_name() == "elasticsearch"


def test_bad_configuration_is_a_config_error(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVNEWS_CONFIG", str(tmp_path / "missing.toml"))
    with pytest.raises(ConfigError, match="missing.toml"):
        load_settings()
    monkeypatch.delenv("GOVNEWS_CONFIG")
    monkeypatch.setenv("DATABASE_URL", "not a url")
    with pytest.raises(ConfigError, match="not a url"):
        load_settings()
