"""Gazetteers read from ``pipeline/data``: provinces (with the 2025 merger), places, titles, bodies.

Text is matched with :func:`key` (tone placement unified, case ignored, diacritics kept: ``Bí`` is not
``Bỉ``); queries typed without diacritics go through :func:`loose_key`, so ``Thanh Hoá``,
``Thanh Hóa`` and ``thanh hoa`` find the same province.
"""

from __future__ import annotations

import csv
import io
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from pipeline.lexical import PhraseIndex
from pipeline.normalize import fold, match_key

DATA = resources.files("pipeline") / "data"


@lru_cache(maxsize=65536)  # the recognisers ask for the same words over and over
def key(text: str) -> str:
    """Matching key for text: tone placement unified, lowercased, spaces collapsed; diacritics kept."""
    return " ".join(match_key(text).split())


def loose_key(text: str) -> str:
    """Matching key for what people type: diacritics folded too."""
    return " ".join(fold(text).split())


_ADMIN_WORDS = re.compile(r"\b(?:tinh|thanh pho|tp\.?)(?=\s|$)")
_PUNCTUATION = re.compile(r"[^\w\s&]")


def body_key(name: str) -> str:
    """Key of a body's name however it is written: abbreviations expanded, diacritics folded, administrative words
    and punctuation dropped, so ``Sở TT&TT tỉnh Hà Nam``, ``Sở TT&TT Hà Nam`` and ``Sở Thông tin và Truyền thông
    thành phố Hà Nam`` share one key (``loose_key`` alone keeps them apart)."""
    text = loose_key(default_gazetteer().expand(name))
    return " ".join(_ADMIN_WORDS.sub(" ", _PUNCTUATION.sub(" ", text)).split())


def alternatives(words: Iterable[str]) -> str:
    """``words`` as an escaped regex alternation, longest first, so a phrase wins over its own prefix."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def read_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.rstrip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a CSV data file; lines starting with ``#`` before the header are comments."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines(keepends=True)
    return list(csv.DictReader(io.StringIO("".join(line for line in lines if not line.startswith("#")))))


@dataclass(frozen=True, slots=True)
class Province:
    name: str  # as named before the 2025 merger (or Huế since 2025)
    kind: str  # "tỉnh" or "thành phố"
    current: str  # the province or city it belongs to after 1 July 2025


@dataclass(frozen=True, slots=True)
class Place:
    canonical: str
    level: str | None  # country, province, district, commune, region
    province: Province | None = None


@dataclass(frozen=True, slots=True)
class BodyHead:
    head: str
    type: str  # agency or organization
    kind: str
    scope: str  # local (takes the article's province when implicit), central, any
    standalone: bool  # the head alone names a body ("UBND", "Tỉnh ủy")


@dataclass(frozen=True, slots=True)
class KnownBody:
    canonical: str
    type: str  # agency or organization
    kind: str


@dataclass(frozen=True, slots=True)
class Sector:
    name: str  # "Khoa học và Công nghệ"
    successor: str | None  # the field it merged into in 2025, if any


@dataclass(slots=True)
class Gazetteer:
    """Everything the extractors look up, loaded once per pipeline."""

    places: dict[str, Place] = field(default_factory=dict)  # key(name) → place
    districts: dict[str, list[Place]] = field(default_factory=dict)  # key(name) → districts so named
    provinces: dict[str, Province] = field(default_factory=dict)  # loose_key(name) → province
    titles: list[str] = field(default_factory=list)  # longest first
    title_priority: dict[str, int] = field(default_factory=dict)  # 2 main office, 1 secondary, 0 concurrent
    title_organization: dict[str, str] = field(default_factory=dict)  # body implied by a title
    title_body_head: dict[str, str] = field(default_factory=dict)  # "Trưởng phòng" → "Phòng" (fused head)
    title_fused_head: dict[str, str] = field(default_factory=dict)  # "Cục trưởng" → "Cục" (head the title opens with)
    honorifics: list[str] = field(default_factory=list)  # longest first
    surnames: frozenset[str] = frozenset()
    rare_surnames: frozenset[str] = frozenset()  # start a name only after a title or an honorific
    title_modifiers: PhraseIndex = field(default_factory=lambda: PhraseIndex(()))  # "nguyên", "tân" before a title
    title_links: PhraseIndex = field(default_factory=lambda: PhraseIndex(()))  # "phụ trách" between title and body
    title_predicates: PhraseIndex = field(default_factory=lambda: PhraseIndex(()))  # "hiện là" between name and title
    central_markers: tuple[str, ...] = ()  # words that make a body central ("Ban Tổ chức Trung ương")
    place_words: PhraseIndex = field(default_factory=lambda: PhraseIndex(()))  # "đường", "phường" before a name
    heads: list[BodyHead] = field(default_factory=list)  # longest first
    abbreviations: dict[str, str] = field(default_factory=dict)
    provincial_forms: dict[str, str] = field(default_factory=dict)  # "Bộ đội Biên phòng" → "Bộ Chỉ huy Bộ đội …"
    sectors: dict[str, Sector] = field(default_factory=dict)  # spelling (as written) → sector
    name_stopwords: frozenset[str] = frozenset()
    non_bodies: list[str] = field(default_factory=list)  # "Hội nghị", "Bộ máy": head-like words that are not bodies
    known_bodies: dict[str, KnownBody] = field(default_factory=dict)  # alias as written → body
    function_words: frozenset[str] = frozenset()
    # Word-indexed lookups of the lists above, built once in load().
    head_index: PhraseIndex = field(default_factory=lambda: PhraseIndex(()))
    title_index: PhraseIndex = field(default_factory=lambda: PhraseIndex(()))
    honorific_index: PhraseIndex = field(default_factory=lambda: PhraseIndex(()))
    sector_index: PhraseIndex = field(default_factory=lambda: PhraseIndex(()))
    non_body_index: PhraseIndex = field(default_factory=lambda: PhraseIndex(()))
    known_index: PhraseIndex = field(default_factory=lambda: PhraseIndex(()))
    school_levels: PhraseIndex = field(default_factory=lambda: PhraseIndex(()))  # "THPT", "Tiểu học" after "Trường"
    street_words: PhraseIndex = field(default_factory=lambda: PhraseIndex(()))  # "đường", "phố" before a street
    party_cells: frozenset[str] = frozenset()  # "Đảng ủy", "Chi bộ": party organs inside a body
    document_types: PhraseIndex = field(default_factory=lambda: PhraseIndex(()))  # "Quyết định", "Kế hoạch"
    _heads_by_phrase: dict[str, BodyHead] = field(default_factory=dict)
    _place_keys: list[str] = field(default_factory=list)  # keys of places and districts, sorted for prefix search

    @property
    def head_phrases(self) -> dict[str, BodyHead]:
        return self._heads_by_phrase

    @classmethod
    def load(cls) -> Gazetteer:
        gaz = cls()
        for row in read_csv("provinces.csv"):
            province = Province(row["name"], row["kind"], row["current"])
            level = "district" if row["name"] == "Huế" else "province"
            for name in [row["name"], *filter(None, row["aliases"].split(";"))]:
                gaz.provinces.setdefault(loose_key(name), province)
                gaz.places.setdefault(key(name), Place(row["name"], level, province))
        for current in {p.current for p in gaz.provinces.values()}:
            gaz.provinces.setdefault(loose_key(current), Province(current, "thành phố", current))
        for file, level in (("countries.txt", "country"), ("regions.txt", "region")):
            for line in read_lines(file):
                canonical, _, aliases = line.partition("|")
                for name in [canonical, *filter(None, aliases.split(";"))]:
                    gaz.places.setdefault(key(name), Place(canonical, level))
        gaz._load_districts()
        gaz._place_keys = sorted({*gaz.places, *gaz.districts})
        titles = read_csv("titles.csv")
        gaz.titles = sorted((r["title"] for r in titles), key=len, reverse=True)
        gaz.title_priority = {r["title"]: int(r["priority"]) for r in titles}
        gaz.title_organization = {r["title"]: r["organization"] for r in titles if r["organization"]}
        gaz.title_body_head = {r["title"]: r["body_head"] for r in titles if r.get("body_head")}
        gaz.title_fused_head = {r["title"]: r["fused_head"] for r in titles if r.get("fused_head")}
        gaz.honorifics = sorted(read_lines("honorifics.txt"), key=len, reverse=True)
        gaz.surnames = frozenset(read_lines("surnames.txt"))
        gaz.rare_surnames = frozenset(read_lines("surnames_rare.txt"))
        gaz.central_markers = tuple(read_lines("central_words.txt"))
        gaz.title_modifiers = PhraseIndex(read_lines("title_modifiers.txt"))
        gaz.title_links = PhraseIndex(read_lines("title_links.txt"))
        gaz.title_predicates = PhraseIndex(read_lines("title_predicates.txt"))
        gaz.place_words = PhraseIndex(read_lines("place_words.txt"))
        gaz.heads = sorted(
            (BodyHead(r["head"], r["type"], r["kind"], r["scope"], r["standalone"] == "yes")
             for r in read_csv("agency_heads.csv")),
            key=lambda h: len(h.head), reverse=True,
        )
        for row in read_csv("sectors.csv"):
            sector = Sector(row["sector"], row["successor_2025"] or None)
            for spelling in [row["sector"], *filter(None, row["abbreviations"].split(";"))]:
                gaz.sectors[spelling] = sector
                if "&" in spelling and " & " not in spelling:
                    gaz.sectors.setdefault(spelling.replace("&", " & "), sector)  # "TN & MT" as often as "TN&MT"
        gaz.name_stopwords = frozenset(read_lines("name_stopwords.txt"))
        gaz.non_bodies = read_lines("non_bodies.txt")
        for row in read_csv("known_bodies.csv"):
            body = KnownBody(row["canonical"], row["type"], row["kind"])
            for alias in filter(None, row["aliases"].split(";")):
                spellings = {alias}
                if len(alias) >= 4 and " " not in alias:  # brand spellings vary in case: Mobifone, MISA/Misa
                    spellings |= {alias.upper(), alias[0].upper() + alias[1:].lower()}
                for spelling in spellings:
                    gaz.known_bodies.setdefault(spelling, body)
        gaz.abbreviations = {r["abbreviation"]: r["expansion"] for r in read_csv("abbreviations.csv")}
        gaz.provincial_forms = {r["short"]: r["formal"] for r in read_csv("provincial_forms.csv")}
        gaz.function_words = frozenset(read_lines("vi_function_words.txt"))
        gaz.head_index = PhraseIndex(h.head for h in gaz.heads)
        gaz._heads_by_phrase = {h.head: h for h in gaz.heads}
        gaz.title_index = PhraseIndex(gaz.titles, fold_case=True)  # "phó chủ tịch", "Phó chủ tịch" too
        gaz.honorific_index = PhraseIndex(gaz.honorifics)
        gaz.sector_index = PhraseIndex(gaz.sectors)
        gaz.non_body_index = PhraseIndex(gaz.non_bodies)
        gaz.known_index = PhraseIndex(gaz.known_bodies)
        gaz.school_levels = PhraseIndex(read_lines("school_levels.txt"))
        gaz.street_words = PhraseIndex(read_lines("street_words.txt"))
        gaz.party_cells = frozenset(read_lines("party_cells.txt"))
        gaz.document_types = PhraseIndex(r["type"] for r in read_csv("document_types.csv"))
        return gaz

    def head(self, phrase: str) -> BodyHead:
        return self._heads_by_phrase[phrase]

    def _load_districts(self) -> None:
        """The 696 districts before the 2025 reform, from the administrative-unit table that ships in
        underthesea's wheel (source: vietnamadminunits 1.0.4, MIT); read at run time, not copied here."""
        import json

        path = resources.files("underthesea") / "address" / "data" / "mapping.json"
        try:
            records = json.loads(path.read_text(encoding="utf-8"))["ward_mapping"]
        except (OSError, ValueError, KeyError):
            return  # an underthesea without the table: districts are then found only after "huyện"/"quận"
        seen: set[tuple[str, str]] = set()
        for record in records:
            pair = (record["old_province"], record["old_district"])
            if pair in seen:
                continue
            seen.add(pair)
            name = re.sub(r"^(?:Huyện|Quận|Thị xã|Thành phố)\s+", "", record["old_district"])
            province = self.province(re.sub(r"^(?:Tỉnh|Thành phố)\s+", "", record["old_province"]))
            if province is not None and not name.isdigit():
                # Indexed without spaces too: "Đa Krông" is also written "Đakrông".
                self.districts.setdefault(key(name).replace(" ", ""), []).append(Place(name, "district", province))

    def district(self, name: str, province: str | None) -> Place | None:
        """A district of ``province`` named ``name`` (old or post-2025 province name)."""
        if province is None:
            return None
        wanted = self.province(province)
        for place in self.districts.get(key(name).replace(" ", ""), []):
            if wanted and place.province and wanted.current == place.province.current:
                return place
        return None

    def may_start_place(self, word: str) -> bool:
        """Whether a place or district name starts with ``word``: most words start none, and need no lookups."""
        prefix = key(word)
        at = bisect_left(self._place_keys, prefix)
        return at < len(self._place_keys) and self._place_keys[at].startswith(prefix)

    def place(self, name: str) -> Place | None:
        return self.places.get(key(name))

    def province(self, name: str) -> Province | None:
        """The province a user means by ``name`` (any spelling, with or without diacritics)."""
        return self.provinces.get(loose_key(name))

    def expand(self, name: str) -> str:
        """Expand abbreviations word by word: ``Sở KH&CN`` → ``Sở Khoa học và Công nghệ``."""
        return re.sub(r"[\wĐđ&\-]+", lambda m: self.abbreviations.get(m.group(0), m.group(0)), name)


@cache
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process (it is read-only after loading)."""
    return Gazetteer.load()
