"""Named bodies: state and party agencies (``agency``) and other organisations (``organization``).

A body is a head word from ``agency_heads.csv`` followed by its name: a known field from
``sectors.csv`` (``Khoa học và Công nghệ``, ``KH&CN``), capitalised words and abbreviations, and an
optional administrative place (``tỉnh``, ``thành phố Hà Nội``). Local bodies whose place is implicit
(``UBND tỉnh``, ``Sở KH&CN``) take the article's province.
"""

from __future__ import annotations

from govnews.records import Entity
from pipeline.gazetteer import BodyHead, Gazetteer
from pipeline.lexical import Word, admin_word_at, scan
from pipeline.places import known_place_at, province_in

MAX_LOWERCASE_RUN = 7


def find_bodies(text: str, gaz: Gazetteer, province: str | None) -> list[Entity]:
    words = scan(text)
    found: list[Entity] = []
    i = 0
    while i < len(words):
        match = _head_at(words, i, text, gaz)
        if match is None:
            i += 1
            continue
        head, n = match
        if head.standalone:
            # "Chính phủ", "UBND", "Ban Thường vụ": complete names; only a party committee ("Ban Thường vụ
            # Tỉnh ủy") or a place ("UBND tỉnh Hải Dương") may follow.
            end = i + n
            committee = _head_at(words, end, text, gaz)
            if committee and committee[0].standalone and committee[0].kind == "party" and committee[0].scope == "local":
                end += committee[1]
        else:
            end = _name_end(words, i + n, text, gaz)
            if end == i + n:
                i += 1
                continue
        end = _place_end(words, end, text, gaz)
        start_char, end_char = words[i].start, words[end - 1].end
        found.append(_entity(text[start_char:end_char], start_char, end_char, head, gaz, province))
        i = end
    return found


def _head_at(words: list[Word], i: int, text: str, gaz: Gazetteer) -> tuple[BodyHead, int] | None:
    found = gaz.head_index.match(words, i, text)
    if found is None or gaz.non_body_index.match(words, i, text):
        return None
    if gaz.title_index.match(words, i, text):
        return None  # "Bộ trưởng", "Cục trưởng": a position, not a body
    return gaz.head(found[0]), found[1]


def _name_end(words: list[Word], j: int, text: str, gaz: Gazetteer) -> int:
    """Index after the body's proper name that starts at word ``j``."""
    # A known field first: "Khoa học và Công nghệ", "KH&CN", "Thông tin và Truyền thông".
    sector = gaz.sector_index.match(words, j, text)
    if sector:
        return j + sector[1]
    k = j
    while k < len(words):
        word = words[k]
        if word.is_capitalized and word.is_word and not admin_word_at(words, k, text):
            k += 1
            continue
        if word.text in ("và", "-", "–") and k > j and k + 1 < len(words) and words[k + 1].is_capitalized:
            k += 1
            continue
        # A lowercase run is part of the name only when it ends at an abbreviation, a place word or a
        # capitalised word ("Cục Phát triển thị trường và doanh nghiệp KH&CN", "Viện nghiên cứu phát
        # triển tỉnh", "Tập đoàn Bưu chính Viễn thông").
        if word.text[:1].islower():
            run_end = _lowercase_run_end(words, k, text, gaz, named=k > j)
            if run_end > k:
                k = run_end
                continue
        break
    return k


def _lowercase_run_end(words: list[Word], k: int, text: str, gaz: Gazetteer, named: bool) -> int:
    for m in range(k, min(k + MAX_LOWERCASE_RUN + 1, len(words))):
        word = words[m]
        if admin_word_at(words, m, text) or (word.is_abbreviation and not _head_at(words, m, text, gaz)):
            return m
        if named and word.is_capitalized and m > k and word.is_word and not _head_at(words, m, text, gaz):
            return m
        if not word.is_word or word.text in gaz.name_stopwords or word.is_capitalized:
            return 0
    return 0


def _place_end(words: list[Word], k: int, text: str, gaz: Gazetteer) -> int:
    """Extend over ``tỉnh``, ``thành phố Hà Nội``, ``huyện Phú Vang`` right after the name."""
    n = admin_word_at(words, k, text)
    # A province name after the name, with or without "tỉnh": "Sở TT&TT Hà Nội", "UBND tỉnh Hải Dương".
    # An unknown capitalised name there is more often a person ("UBND tỉnh Phan Ngọc Thọ").
    return k + n + known_place_at(words, k + n, text, gaz, levels=("province", "district"))


def _entity(span: str, start: int, end: int, head: BodyHead, gaz: Gazetteer, province: str | None) -> Entity:
    canonical = gaz.expand(span)
    named = province_in(span, gaz)
    body_province = named or (province if head.scope == "local" else None)
    if named is None and body_province and head.scope == "local":
        stripped = canonical.rstrip()
        for admin in ("tỉnh", "thành phố", "Thành phố", "TP."):
            if stripped.endswith(" " + admin):
                canonical = f"{stripped} {body_province}"
                break
    attrs = {"canonical": canonical, "kind": head.kind}
    if head.type == "agency":
        attrs["province"] = body_province
    return Entity(head.type, span, start, end, attrs)
