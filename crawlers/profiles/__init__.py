"""Site profiles: what a site needs beyond the generic spider (start URLs, sitemaps, CSS selectors for
title, date, lead, body and byline), one YAML file per site, with an honest verification status.

Profiles ship in this folder; a folder named by ``crawl_profiles_dir`` (``GOVNEWS_CRAWL_PROFILES_DIR``)
adds to them and overrides a shipped profile of the same name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from govnews.errors import ConfigError
from govnews.urls import site_of

SELECTOR_KEYS = {"title", "date", "lead", "body", "author", "remove"}
STATUSES = {"verified-fixture", "verified-live", "unverified"}


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    site: str  # host without www., e.g. baohatinh.vn
    start_urls: list[str]
    sitemaps: list[str] = field(default_factory=list)
    selectors: dict[str, Any] = field(default_factory=dict)
    status: str = "unverified"
    note: str = ""
    source: str = ""

    def matches(self, url: str) -> bool:
        host = site_of(url).split(":")[0]
        return host == self.site or host.endswith("." + self.site)


def _load(path: Path | Any) -> Profile:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the profile ({exc})") from exc
    if not isinstance(data, dict) or not data.get("start_urls") or not data.get("site"):
        raise ConfigError(f"{path}: a profile needs 'site' and 'start_urls'")
    selectors = data.get("selectors") or {}
    if unknown := set(selectors) - SELECTOR_KEYS:
        raise ConfigError(f"{path}: unknown selector(s) {', '.join(sorted(unknown))}")
    verification = data.get("verification") or {}
    status = verification.get("status", "unverified")
    if status not in STATUSES:
        raise ConfigError(f"{path}: verification.status must be one of {', '.join(sorted(STATUSES))}")
    name = data.get("name") or Path(str(path)).stem
    return Profile(name=name, site=str(data["site"]).removeprefix("www."), start_urls=list(data["start_urls"]),
                   sitemaps=list(data.get("sitemaps") or []), selectors=selectors, status=status,
                   note=str(verification.get("note", "")), source=str(path))


def load_profiles(extra_dir: Path | None = None) -> dict[str, Profile]:
    """Every profile by name: the shipped ones, then those in ``extra_dir`` (which win)."""
    files: list[Any] = sorted((f for f in resources.files("crawlers.profiles").iterdir() if f.name.endswith(".yaml")),
                              key=lambda f: f.name)
    if extra_dir is not None:
        if not extra_dir.is_dir():
            raise ConfigError(f"crawl profiles folder {extra_dir}: no such folder")
        files += sorted(extra_dir.glob("*.yaml"))
    profiles: dict[str, Profile] = {}
    for path in files:
        profile = _load(path)
        profiles[profile.name] = profile
    return profiles


def profile_for(url: str, profiles: dict[str, Profile]) -> Profile | None:
    """The profile of the site ``url`` belongs to, if any."""
    return next((p for p in profiles.values() if p.matches(url)), None)
