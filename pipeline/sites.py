"""Which province a news site writes about: from ``sites.csv``, else from the province its host names
(``baoquangnam.vn``, ``truyenhinhdaknong.vn``, ``skhdt.binhdinh.gov.vn``).

An article from a provincial site that says ``UBND tỉnh`` means that province's committee.
"""

from __future__ import annotations

import re
from functools import cached_property
from urllib.parse import urlsplit

from pipeline.gazetteer import Gazetteer, loose_key, read_csv

MIN_KEY = 5  # shorter names ("hue", "hanam") are only trusted as a whole host label
MAX_SLUG_WORDS = 4  # "ba-ria-vung-tau"


class SiteProvinces:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    @cached_property
    def _known(self) -> dict[str, str | None]:
        return {r["host"]: r["province"] or None for r in read_csv("sites.csv")}

    @cached_property
    def _keys(self) -> list[tuple[str, str]]:
        keys = {re.sub(r"[^a-z]", "", loose_key(name)): province.name
                for name, province in ((n, self.gaz.provinces[n]) for n in self.gaz.provinces)}
        return sorted(keys.items(), key=lambda kv: -len(kv[0]))

    def province(self, url: str | None) -> str | None:
        """The site's province, or ``None`` for national sites and sites that name none."""
        if not url:
            return None
        host = (urlsplit(url).hostname or "").removeprefix("www.").removeprefix("m.")
        for candidate in (host, ".".join(host.split(".")[1:])):
            if candidate in self._known:
                return self._known[candidate]
        labels = re.split(r"[.\-]", host)[:-1] if "." in host else [host]
        for label in labels:
            for key, province in self._keys:
                if label == key or (len(key) >= MIN_KEY and (label.startswith(key) or label.endswith(key))):
                    return province
        return None

    def province_in_path(self, url: str | None) -> str | None:
        """The province an article's address names in its slug (``/thanh-hoa-chu-tich-ubnd-…``,
        ``/tphcm-hon-400-ca-…``): a hint for articles whose text names none."""
        if not url:
            return None
        path = urlsplit(url).path.lower()
        keys = dict(self._keys)
        for segment in reversed([s for s in path.split("/") if "-" in s]):
            tokens = [t for t in re.split(r"[^a-z0-9]+", loose_key(segment)) if t]
            for i in range(len(tokens)):
                for n in range(MAX_SLUG_WORDS, 1, -1) if len(tokens[i]) < MIN_KEY else range(MAX_SLUG_WORDS, 0, -1):
                    joined = "".join(tokens[i : i + n])
                    if i + n <= len(tokens) and joined in keys:
                        return keys[joined]
        return None
