"""Named bodies: state and party agencies (``agency``) and other organisations (``organization``).

A body is a head word from ``agency_heads.csv`` followed by its name: a known field from
``sectors.csv`` (``Khoa học và Công nghệ``, ``KH&CN``), capitalised words and abbreviations, and an
optional administrative place (``tỉnh``, ``thành phố Hà Nội``); or a well-known body by brand or
acronym from ``known_bodies.csv`` (``VNPT``, ``VCCI``, ``Trung ương Đảng``). Local bodies whose place is
implicit (``UBND tỉnh``, ``Sở KH&CN``) take the article's province, in their fields and canonical name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from govnews.records import Entity
from pipeline.gazetteer import BodyHead, Gazetteer, KnownBody
from pipeline.lexical import Word, admin_word_at, scan
from pipeline.places import known_place_at, province_in

MAX_LOWERCASE_RUN = 7
MAX_TITLE_OVERLAP = 4  # words of a title that may run into a body's head
MAX_LOCAL_NAME_WORDS = 3
LOCAL_LEVEL_WORDS = ("huyện", "quận", "xã", "phường", "thị xã", "thị trấn")  # then any capitalised name is a place
LOCAL_COMMITTEES = ("Huyện ủy", "Huyện uỷ", "Quận ủy", "Quận uỷ", "Thị ủy", "Thị uỷ")
CONNECTORS = ("và", "-", "–")
GENERIC_BEFORE = ("các", "những", "Các", "Những")
GENERIC_AFTER = ("các", "những")
WordEnd = Callable[[int], int]  # end of the segmented word that contains a character


def find_bodies(text: str, gaz: Gazetteer, province: str | None, word_end: WordEnd | None = None) -> list[Entity]:
    """Agencies and organisations in ``text``.

    Args:
        province: the article's province, given to local bodies that leave theirs implicit.
        word_end: underthesea's word boundaries: a name never ends inside a word (``Truyền thông``).
    """
    words = scan(text)
    found: list[Entity] = []
    i = 0
    while i < len(words):
        if words[i].text in GENERIC_BEFORE:  # "các Sở", "các tỉnh ủy": generic references
            i += 1 + bool(_head_at(words, i + 1, text, gaz) or gaz.known_index.match(words, i + 1, text))
            continue
        inside = _inside_title(words, i, text, gaz)
        if inside:  # "Phó Bí thư Thường trực | Tỉnh ủy": the body starts after the title
            i = inside
            continue
        match = _head_at(words, i, text, gaz) or _fused_head(words, i, text, gaz)
        known = None if gaz.non_body_index.match(words, i, text) else gaz.known_index.match(words, i, text)
        titled = bool(match) and _after_title(words, i, text, gaz)
        end = _body_end(words, i, match, text, gaz, titled) if match else i
        prime_minister = match is not None and match[0].head == "Chính phủ" and _prime_minister_before(
            words, i, end, text)
        if known and i + known[1] >= end and not prime_minister:  # a well-known body ("Phòng Thương mại …")
            span_end = words[i + known[1] - 1].end
            found.append(_known_entity(text, words[i].start, span_end, gaz.known_bodies[known[0]]))
            i += known[1]
            continue
        if match is None or end == i:
            i += 1
            continue
        start_char, end_char = words[i].start, words[end - 1].end
        if word_end is not None and not _ends_in_standalone_head(words, end, text, gaz):
            # A name never ends inside a word, but a complete head ("… Tỉnh ủy") is never cut: underthesea may
            # join its last syllable to the verb after it ("ủy dự").
            end_char = max(end_char, word_end(end_char - 1))
            while end < len(words) and words[end].start < end_char:
                end += 1
        if end < len(words) and words[end].text in GENERIC_AFTER:  # "UBND các huyện", "HĐND các cấp"
            i = end
            continue
        if prime_minister:
            # "Chỉ thị … của Thủ tướng Chính phủ": the Prime Minister as an issuing authority.
            start_char = words[i - 2].start
            found.append(Entity("agency", text[start_char:end_char], start_char, end_char,
                                {"canonical": "Thủ tướng Chính phủ", "kind": "government", "province": None}))
        else:
            found.append(_entity(text[start_char:end_char], start_char, end_char, match[0], gaz, province))
        i = end
    return found + _abbreviations(text, found)


_PARENTHESISED = re.compile(r"\s?\((?P<abbr>[A-ZĐ][A-ZĐ&]{1,9})\)")


def _abbreviations(text: str, bodies: list[Entity]) -> list[Entity]:
    """``Trung tâm Kiểm soát Bệnh tật (HCDC)``: the abbreviation in parentheses is its own mention of the body,
    and so is every later bare ``HCDC`` in the article."""
    found: list[Entity] = []
    taken = [(b.start, b.end) for b in bodies]
    for body in bodies:
        match = _PARENTHESISED.match(text, body.end)
        if match is None:
            continue
        abbreviation = match.group("abbr")
        for mention in re.finditer(rf"(?<![\w&]){re.escape(abbreviation)}(?![\w&])", text[match.start("abbr") :]):
            start = match.start("abbr") + mention.start()
            end = start + len(abbreviation)
            if any(s < end and start < e for s, e in taken):
                continue
            found.append(Entity(body.type, abbreviation, start, end, dict(body.attrs)))
            taken.append((start, end))
    return found


def _inside_title(words: list[Word], i: int, text: str, gaz: Gazetteer) -> int:
    """Where a title that covers word ``i`` ends, when word ``i`` starts a head it only partly shares
    ("Phó Bí thư Thường trực" and "Thường trực Tỉnh ủy"); 0 otherwise. A title that ends with a whole head
    ("Chánh Văn phòng", "Trưởng Ban") shares it: the body starts there ("Văn phòng UBND tỉnh")."""
    if not words[i].is_capitalized or gaz.head_index.match(words, i, text) is None:
        return 0
    for s in range(max(0, i - MAX_TITLE_OVERLAP), i):
        title = gaz.title_index.match(words, s, text)
        if title and s + title[1] > i:
            end = s + title[1]
            shared = text[words[i].start : words[end - 1].end]
            # Only when a body starts where the title ends ("Trưởng Đoàn | đại biểu Quốc hội" is one body).
            return 0 if shared in gaz.head_phrases or not gaz.head_index.match(words, end, text) else end
    return 0


def _fused_head(words: list[Word], i: int, text: str, gaz: Gazetteer) -> tuple[BodyHead, int] | None:
    """``phòng`` in "Trưởng phòng Kinh tế", ``ban`` in "Trưởng ban Tổ chức Trung ương": a body whose
    lowercase head word is the end of a title (``body_head`` in titles.csv)."""
    if i == 0 or not words[i].text.islower() or i + 1 >= len(words) or not words[i + 1].is_capitalized:
        return None
    if _head_at(words, i + 1, text, gaz):
        return None  # "Trưởng phòng | Phòng Kế toán": the body is written whole after the title
    title = gaz.title_index.match_ending(words, i + 1, text)
    head = gaz.title_body_head.get(title[0]) if title else None
    return (gaz.head(head), 1) if head else None


def _prime_minister_before(words: list[Word], i: int, end: int, text: str) -> bool:
    """``Thủ tướng Chính phủ`` not followed by a name (then it is a title: ``Thủ tướng Chính phủ Phạm …``)."""
    if i < 2 or words[i - 2].text != "Thủ" or words[i - 1].text != "tướng":
        return False
    if i >= 3 and words[i - 3].text in ("Phó", "phó", ",", "-", "–", "("):
        return False  # "Phó Thủ tướng", and "…, Thủ tướng Chính phủ," in the posts listed after a name
    return not (end < len(words) and words[end].is_capitalized and words[end].is_word)


def _after_title(words: list[Word], i: int, text: str, gaz: Gazetteer) -> bool:
    """Does a title end just before word ``i``, or in its head ("Trưởng Ban | Tuyên giáo")? Then a name may
    follow the body ("Giám đốc Sở Y tế Trần Thị Bình")."""
    return any((found := gaz.title_index.match_ending(words, m, text)) and m - found[1] < i
               for m in range(i, min(i + 2, len(words)) + 1))


def _starts_person(words: list[Word], k: int, text: str, gaz: Gazetteer) -> bool:
    """Do words ``k…`` read as a person's name: a family name, then one to four capitalised words, then the
    end of the capitalised run ("… Tỉnh ủy | Mai Văn Hùng phát biểu")?"""
    if words[k].text not in gaz.surnames and words[k].text not in gaz.rare_surnames:
        return False
    m = k + 1
    while m < len(words) and words[m].is_capitalized and words[m].is_word and not words[m].is_abbreviation \
            and text[words[m - 1].end : words[m].start] == " ":
        m += 1
    return 2 <= m - k <= 4 and gaz.place(text[words[k].start : words[m - 1].end]) is None


def _body_end(words: list[Word], i: int, match: tuple[BodyHead, int], text: str, gaz: Gazetteer,
              titled: bool = False) -> int:
    """Index after the body that starts at word ``i`` with ``match``'s head (``i`` if there is none);
    ``titled``: a title precedes the body, so a name may follow it."""
    head, n = match
    if head.standalone:
        # "Chính phủ", "UBND", "Ban Thường vụ": complete names; only a party committee ("Ban Thường vụ
        # Tỉnh ủy") or a place ("UBND tỉnh Hải Dương") may follow.
        end = i + n
        committee = _head_at(words, end, text, gaz)
        if committee and committee[0].standalone and committee[0].kind == "party" and committee[0].scope == "local":
            end += committee[1]
    elif _is_committee(committee := _head_at(words, i + n, text, gaz)):
        end = i + n + committee[1]  # "Ban Tổ chức | Tỉnh ủy": a head with its name, then the committee it serves
    else:
        end = _name_end(words, i + n, text, gaz, titled)
        if end == i + n:
            return i
        committee = _head_at(words, end, text, gaz)  # "Ủy ban Kiểm tra | Tỉnh ủy"
        if committee and _is_committee(committee):
            end += committee[1]
    return _place_end(words, end, text, gaz, head)


def _head_at(words: list[Word], i: int, text: str, gaz: Gazetteer) -> tuple[BodyHead, int] | None:
    found = gaz.head_index.match(words, i, text)
    if found is None or gaz.non_body_index.match(words, i, text):
        return None
    if i > 0 and words[i - 1].text in ("Ngày", "ngày"):
        return None  # "Ngày Hội Biên phòng toàn dân": an event
    if (i > 0 and words[i - 1].text in gaz.surnames and not words[i].is_abbreviation
            and text[words[i - 1].end : words[i].start] == " "):
        return None  # "Nguyễn Trường Giang": a name, not a school
    if gaz.title_index.match(words, i, text):
        return None  # "Bộ trưởng", "Cục trưởng": a position, not a body
    return gaz.head(found[0]), found[1]


def _name_end(words: list[Word], j: int, text: str, gaz: Gazetteer, titled: bool = False) -> int:
    """Index after the body's proper name that starts at word ``j``."""
    # A known field first: "Khoa học và Công nghệ", "KH&CN", "Thông tin và Truyền thông".
    sector = gaz.sector_index.match(words, j, text)
    k = j
    if sector:
        k = j + sector[1]
        if not (k + 1 < len(words) and words[k].text in ("-", "–") and words[k + 1].is_capitalized
                and words[k + 1].is_word and not _head_at(words, k + 1, text, gaz)):
            return k  # unless a dash joins another field to it: "Phòng Tài chính - Kế hoạch"
    while k < len(words):
        word = words[k]
        if _numbered_unit(words, k, text):
            break  # "… công cộng | Q.5": the district the body serves, read with the places
        if word.is_capitalized and word.is_word and not admin_word_at(words, k, text):
            if k > j and word.text in gaz.surnames and _levels_only(words, j, k, text, gaz):
                k = _namesake_end(words, k, text, gaz)  # "Trường THPT | Chu Văn An": named after a person
                continue
            if k > j and word.text in gaz.surnames and _ends_name(words, j, k, text, gaz):
                break  # "Hội đồng Lý luận Trung ương | Nguyễn Xuân Thắng": a person follows the body
            if k > j and _is_committee(_head_at(words, k, text, gaz)):
                break  # "Ủy ban Kiểm tra | Tỉnh ủy": the committee it belongs to follows
            if k > j and titled and _starts_person(words, k, text, gaz):
                break  # "Tổng Giám đốc Tập đoàn Viettel | Tào Đức Thắng"
            k += 1  # "Văn phòng UBND tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng": one body
            continue
        # After a connector, a new head starts the next body ("Cục … KH&CN – Bộ KH&CN"), and a document type a
        # cited document ("… Quốc gia | - Quyết định số …").
        if (word.text in CONNECTORS and k > j and k + 1 < len(words) and words[k + 1].is_capitalized
                and not _head_at(words, k + 1, text, gaz) and not _cites_document(words, k + 1, text, gaz)):
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


MAX_NAMESAKE_WORDS = 4


def _namesake_end(words: list[Word], k: int, text: str, gaz: Gazetteer) -> int:
    """End of the person's name a school bears from word ``k``; when a second name follows in the same
    capitalised run ("Trường Tiểu học Lê Văn Tám Nguyễn Thị Hoa"), that one is the school's head, not its name."""
    m = k + 1
    while m < len(words) and words[m].is_capitalized and words[m].is_word and not words[m].is_abbreviation \
            and text[words[m - 1].end : words[m].start] == " ":
        m += 1
    if m - k > MAX_NAMESAKE_WORDS:
        return next((s for s in range(k + 2, m - 1) if words[s].text in gaz.surnames and m - s <= MAX_NAMESAKE_WORDS),
                    k + MAX_NAMESAKE_WORDS)
    return m


def _levels_only(words: list[Word], j: int, k: int, text: str, gaz: Gazetteer) -> bool:
    """Are ``words[j:k]`` only a school's level ("THPT", "Tiểu học", "THPT chuyên"), so the name it bears follows?"""
    m = j
    while m < k and (found := gaz.school_levels.match(words, m, text)):
        m += found[1]
    return m == k


def _ends_name(words: list[Word], j: int, k: int, text: str, gaz: Gazetteer) -> bool:
    """Does the name ``words[j:k]`` end where a body's name usually ends (Trung ương, a place, a field)?"""
    tail = text[words[k - 2].start : words[k - 1].end] if k - j >= 2 else words[k - 1].text
    return (tail in ("Trung ương", "Chính phủ", "Quốc hội") or gaz.place(tail) is not None
            or gaz.place(words[k - 1].text) is not None or gaz.sector_index.match_ending(words, k, text) is not None)


def _lowercase_run_end(words: list[Word], k: int, text: str, gaz: Gazetteer, named: bool) -> int:
    for m in range(k, min(k + MAX_LOWERCASE_RUN + 1, len(words))):
        word = words[m]
        if admin_word_at(words, m, text) or (word.is_abbreviation and not _head_at(words, m, text, gaz)):
            return m
        if named and word.is_capitalized and m > k and word.is_word and _cites_document(words, m, text, gaz):
            return 0  # "Ban Chỉ đạo Quốc gia | và Quyết định số …": a cited document, not more of the name
        if named and word.is_capitalized and m > k and word.is_word and (
                not (head := _head_at(words, m, text, gaz)) or _is_committee(head)):
            return m  # "Ủy ban Kiểm tra | Tỉnh ủy": a committee ends the run too
        if known_place_at(words, m, text, gaz, levels=("province", "country")):
            return m  # "Tập đoàn dầu khí Thái Lan"
        if named and m > k and word.text == "(" and m + 2 < len(words) and words[m + 1].is_abbreviation \
                and words[m + 2].text == ")":
            return m  # "Trung tâm Điều hành thông minh (IOC)": the body's own abbreviation closes its name
        if (named and m > k and word.text in ("-", "–") and m + 1 < len(words) and words[m + 1].is_capitalized
                and words[m + 1].is_word and not _head_at(words, m + 1, text, gaz)):
            return m  # "Đài Phát thanh | - Truyền hình", "Phòng Văn hóa | - Thông tin": the name goes on after the dash
        if not word.is_word or word.text[0].isdigit() or word.text in gaz.name_stopwords or word.is_capitalized:
            return 0
        if m > k and gaz.head_index.match(words, m, text):
            return 0  # "công ty CP Haplast | và tập đoàn …": another body starts
    return 0


def _place_end(words: list[Word], k: int, text: str, gaz: Gazetteer, head: BodyHead | None = None) -> int:
    """Extend over ``tỉnh``, ``thành phố Hà Nội``, ``huyện Phú Vang`` right after the name."""
    n = admin_word_at(words, k, text)
    # A province name after the name, with or without "tỉnh": "Sở TT&TT Hà Nội", "UBND tỉnh Hải Dương".
    # An unknown capitalised name there is more often a person ("UBND tỉnh Phan Ngọc Thọ").
    known = known_place_at(words, k + n, text, gaz, levels=("province", "district"))
    if known:
        return k + n + known
    whole = known_place_at(words, k, text, gaz, levels=("province", "district")) if n else 0
    if whole > n:
        return k + whole  # "UBND TP HCM": a place whose own name opens with the administrative word
    level = text[words[k].start : words[k + n - 1].end] if n and k < len(words) else None
    numbered = _numbered_unit(words, k, text)
    if numbered:
        return k + numbered  # "Công ty Cấp nước quận 5", "… Q.5": a numbered district or ward
    if level in LOCAL_LEVEL_WORDS or (head is not None and head.head in LOCAL_COMMITTEES and not n):
        # "UBND huyện Mường Tè", "Huyện ủy Mường Tè": a district or commune the gazetteer may not know, up to
        # the person who may follow ("… Mường Tè | Lò Văn Hải").
        return k + n + _local_name_length(words, k + n, text, gaz)
    return k + n


def _cites_document(words: list[Word], k: int, text: str, gaz: Gazetteer) -> bool:
    """Does a numbered document start at word ``k`` (``Quyết định số 936/…``, ``Kế hoạch 12``)? "Phòng Tài chính -
    Kế hoạch" names a department."""
    found = gaz.document_types.match(words, k, text)
    after = k + found[1] if found else len(words)
    return after < len(words) and (words[after].text == "số" or words[after].text[:1].isdigit())


NUMBERED_UNITS = ("quận", "phường", "Quận", "Phường", "Q", "P")


def _numbered_unit(words: list[Word], k: int, text: str) -> int:
    """Length in words of ``quận 5``, ``phường 3``, ``Q.5`` or ``P. 3`` at word ``k``, or 0."""
    if k + 1 >= len(words) or words[k].text not in NUMBERED_UNITS:
        return 0
    m = k + 1
    if words[k].text in ("Q", "P"):
        if words[m].text != "." or words[k].end != words[m].start:
            return 0  # "Q" and "P" only as abbreviations: "Q.5", "P. 3"
        m += 1
    return m + 1 - k if m < len(words) and words[m].text.isdigit() and len(words[m].text) <= 2 else 0


def _ends_in_standalone_head(words: list[Word], end: int, text: str, gaz: Gazetteer) -> bool:
    found = gaz.head_index.match_ending(words, end, text)
    return bool(found and gaz.head(found[0]).standalone)


def _is_committee(match: tuple[BodyHead, int] | None) -> bool:
    """A local party committee (``Tỉnh ủy``, ``Huyện ủy``) that a body may belong to."""
    return bool(match and match[0].standalone and match[0].kind == "party" and match[0].scope == "local"
                and match[0].head.endswith(("ủy", "uỷ")))


def _local_name_length(words: list[Word], k: int, text: str, gaz: Gazetteer) -> int:
    # A run that opens with a common family name is the person ("UBND huyện | Nguyễn Văn A"); one that opens
    # with a rare one is the place ("UBND huyện Văn Quan").
    if k >= len(words) or (words[k].text not in gaz.rare_surnames and _starts_person(words, k, text, gaz)):
        return 0
    m = k
    while (m < len(words) and m - k < MAX_LOCAL_NAME_WORDS and words[m].is_capitalized and words[m].is_word
           and not words[m].is_abbreviation and (m == k or text[words[m - 1].end : words[m].start] == " ")
           and not (m > k and _starts_person(words, m, text, gaz))):
        m += 1
    return m - k


def _entity(span: str, start: int, end: int, head: BodyHead, gaz: Gazetteer, province: str | None) -> Entity:
    canonical = gaz.expand(_canonical_sector(span, gaz))
    canonical = canonical[0].upper() + canonical[1:]  # "phòng Kinh tế" of "Trưởng phòng Kinh tế" is a Phòng
    known = next((gaz.known_bodies[w.text] for w in scan(span) if w.text in gaz.known_bodies
                  and gaz.known_bodies[w.text].type == head.type), None)
    if known is not None and head.type == "organization":
        canonical = known.canonical  # "Tập đoàn Bưu chính Viễn thông Việt Nam VNPT"
    named = province_in(span, gaz)
    # "Ban Tổ chức Trung ương", "Ủy ban MTTQ Việt Nam": a central body (unless a local unit is named too).
    name_part = span[len(head.head) :]
    central = any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", name_part) for word in gaz.central_markers) \
        and not any(admin_word_at(scan(name_part), k, name_part) for k in range(len(scan(name_part))))
    ends_with_admin = canonical.rstrip().endswith((" tỉnh", " thành phố", " Thành phố"))
    # "Cục Thuế tỉnh", "Kho bạc Nhà nước tỉnh": a bare "tỉnh" makes any body the article province's own.
    local = head.scope == "local" or (ends_with_admin and head.type == "agency")
    body_province = named or (province if local and not central else None)
    words = scan(span)
    # "UBND huyện An Minh" is named by its district, not its province.
    lower_unit = any(words[k].text in LOCAL_LEVEL_WORDS and k + 1 < len(words) and words[k + 1].is_capitalized
                     for k in range(len(words)))
    if named is None and body_province and local and not lower_unit \
            and (head.type == "agency" or ends_with_admin):
        # Organisations keep their own name ("Báo Công Thương") unless it ends in "tỉnh".
        canonical = _with_province(canonical, body_province, gaz, party=head.kind == "party")
    if named is not None:
        canonical = _canonical_place_names(canonical, gaz)
    if body_province and (short := next((f for f in gaz.provincial_forms if canonical.startswith(f + " ")), None)):
        canonical = gaz.provincial_forms[short] + canonical[len(short) :]  # a province's border guard: its command
    attrs: dict[str, object] = {"canonical": canonical, "kind": head.kind}
    if head.type == "agency":
        attrs["province"] = body_province
        successor = _successor(canonical, body_province, gaz)
        if successor:
            attrs["successor"] = successor
    return Entity(head.type, span, start, end, attrs)


def _canonical_sector(canonical: str, gaz: Gazetteer) -> str:
    """A field written another way takes its name: ``Sở Kế hoạch đầu tư`` → ``Sở Kế hoạch và Đầu tư``."""
    words = scan(canonical)
    for i in range(len(words)):
        found = gaz.sector_index.match(words, i, canonical)
        if found:
            end = words[i + found[1] - 1].end
            return canonical[: words[i].start] + gaz.sectors[found[0]].name + canonical[end:]
    return canonical


def _successor(canonical: str, province: str | None, gaz: Gazetteer) -> str | None:
    """The body that took over after the 2025 restructuring: ``Sở Thông tin và Truyền thông tỉnh Nam Định``
    → ``Sở Khoa học và Công nghệ tỉnh Ninh Bình`` (field merged, province merged)."""
    successor = canonical
    for spelling, sector in gaz.sectors.items():
        if sector.successor and f" {spelling}" in successor:
            successor = successor.replace(spelling, sector.successor)
            break
    if province and (record := gaz.province(province)) and record.current != record.name and record.name in successor:
        successor = successor.replace(record.name, record.current)
    return successor if successor != canonical else None


def _canonical_place_names(canonical: str, gaz: Gazetteer) -> str:
    """``Văn phòng UBND TPHCM`` → ``… Thành phố Hồ Chí Minh``: province aliases spelled out."""
    words = scan(canonical)
    for i in range(len(words)):
        n = known_place_at(words, i, canonical, gaz, levels=("province",))
        if n:
            alias = canonical[words[i].start : words[i + n - 1].end]
            place = gaz.place(alias)
            if place and place.canonical != alias:
                return canonical[: words[i].start] + place.canonical + canonical[words[i + n - 1].end :]
    return canonical


def _with_province(canonical: str, province: str, gaz: Gazetteer, party: bool = False) -> str:
    """``Ủy ban nhân dân tỉnh`` → ``Ủy ban nhân dân tỉnh Hải Dương``; ``Sở Nội vụ`` → ``Sở Nội vụ tỉnh Hải Dương``."""
    stripped = canonical.rstrip()
    named_city = province.startswith(("Thành phố ", "thành phố "))  # "Thành phố Hồ Chí Minh" says it itself
    for admin in ("tỉnh", "thành phố", "Thành phố", "TP."):
        if stripped.endswith(" " + admin):
            return f"{stripped.removesuffix(' ' + admin) if named_city else stripped} {province}"
    if stripped.endswith(("ủy", "uỷ")) or stripped.startswith(("Tỉnh ", "Thành ")):
        return f"{stripped} {province}"  # "Tỉnh ủy Hải Dương", "Tỉnh đoàn Lào Cai": the name already says "tỉnh"
    record = gaz.province(province)
    city = bool(record and record.kind == "thành phố")
    if party and not any(w in stripped for w in ("ủy", "uỷ", "Đảng bộ", "Ban Chấp hành")):
        # "Ban Thường vụ" of a province is the Tỉnh ủy's (the Thành ủy's in a city).
        return f"{stripped} {'Thành ủy' if city else 'Tỉnh ủy'} {province}"
    return f"{stripped} {province}" if named_city else f"{stripped} {'thành phố' if city else 'tỉnh'} {province}"


def _known_entity(text: str, start: int, end: int, body: KnownBody) -> Entity:
    attrs: dict[str, object] = {"canonical": body.canonical, "kind": body.kind}
    if body.type == "agency":
        attrs["province"] = None
    return Entity(body.type, text[start:end], start, end, attrs)
