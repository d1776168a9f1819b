"""Cited documents, in three shapes:

* numbered: ``Quyết định số 749/QĐ-TTg``, ``Kế hoạch 222/KH-UBND``, ``Nghị quyết 57-NQ/TW``, ``Đề án 06``,
  ``Chỉ thị 01 năm 2020 của Thủ tướng Chính phủ`` (canonical ``Chỉ thị 01/CT-TTg``, built from the type's
  code and the issuer's);
* titled: a document type opening a quoted title (``“Kế hoạch phát triển … đến năm 2025”``) or a name
  that ends in its period (``Chương trình phối hợp … giai đoạn 2024 - 2025``);
* named: laws and treaties by proper name (``Luật Đất đai``, ``Luật Khoa học, Công nghệ và Đổi mới sáng
  tạo``, ``Hiệp định Paris``), and designations whose title runs on to a stop word (``Chương trình mục tiêu
  quốc gia giảm nghèo bền vững``); a quoted title after a type word (``đề án “Phát triển …”``) is the
  title alone, without its quotes.

Types, codes, issuers and the words that end an open title are data (``document_types.csv``,
``issuers.csv``, ``document_title_stops.txt``). As in the gold conventions, a date (``ngày 3/6/2020``) and an
issuer (``của Thủ tướng Chính phủ``, ``của UBND tỉnh``) written right after the number belong to the
mention; a later short mention (``Kế hoạch 31`` after ``Kế hoạch số 31/KH-UBND``) takes the full one's
number and canonical name.
"""

from __future__ import annotations

import re
from functools import cached_property

from govnews.records import Entity
from pipeline.gazetteer import Gazetteer, alternatives, default_gazetteer, read_csv, read_lines
from pipeline.lexical import Word, scan

# Digits then code segments (749/QĐ-TTg, 57-NQ/TW, 93/2007/QĐ-TTg, 01/CT-TTg).
_CODED = r"\d+(?:/\d{4})?(?:[/-][A-ZĐ](?:[\wĐđ]|&(?=[A-ZĐ]))*(?:[-/][A-ZĐ\d](?:[\wĐđ]|&(?=[A-ZĐ]))*)*)+"
# An uncoded number: not a range or a quantity ("3 ngày"); "số 41 ngày 9/4/2020" is numbered and dated.
_BARE_NUMBER = (r"\d{1,4}(?![\d/%+]|[.,]\d|\s?[-–]\s?(?:19|20)\d{2})"
                r"(?! (?:năm|tháng|ngày|triệu|nghìn|ngàn|tỷ|ha|km)\b(?! \d{4}| \d{1,2}[/.-]\d{1,2}[/.-]))")
# A document that amends another: "Luật sửa đổi, bổ sung một số điều của …", "Nghị định sửa đổi …".
_AMENDING = re.compile(r"(?<![\w])(?P<type>Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư|Pháp lệnh|Quyết định)"
                       r" sửa đổi(?:,? bổ sung)?(?: một số điều)?(?: của| tại)?(?: các)? $")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_NUMBER_AND_YEAR = re.compile(r"\d{1,5}/(?:19|20)\d{2}")
LAW_TYPES = frozenset({"Luật", "Bộ luật", "Hiến pháp"})
_SCHOOL_OF = re.compile(r"(?:\b(?:[Hh]ọc|ĐH|[Nn]gành|[Kk]hoa|Đoàn|[Cc]ử nhân|[Tt]hạc sĩ|[Tt]iến sĩ)) $")
_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_DATE_AFTER = re.compile(r"\s*(?:,\s*)?ngày (\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISSUER_AFTER = re.compile(r",?\s+(?P<link>của|do)\s+")
# After "do <issuer>" a verb of issuing must follow ("Kế hoạch do Thủ tướng ban hành"; "do Sở chủ trì" is no issuer).
_ISSUED_BY = re.compile(r"\s+(?:(?:vừa|đã|mới) )?(?:ban hành|ký ban hành|ký|phê duyệt|công bố)(?![\w])")
# Words between a type and a coded number: "Nghị quyết chuyên đề số 05-NQ/TU", "Kế hoạch liên tịch số …".
# A preposition ends the qualifier: "báo cáo tại tờ trình số 107/TTr-STNMT" cites the tờ trình.
_QUALIFIER = r"(?: (?!(?:tại|theo|của|và|với|cho|về)\b)[a-zà-ỹđ]+){1,3}"
# How a title that names its period ends: "giai đoạn 2024 - 2025", "đến năm 2025, tầm nhìn đến năm 2045".
_VISION = r"(?:,? (?:và )?(?:tầm nhìn|định hướng) (?:đến )?(?:năm )?(?:19|20)\d{2})?"
_PERIOD = r"(?:(?:giai đoạn|thời kỳ) (?:19|20)\d{2}\s?[-–]\s?(?:19|20)\d{2}|(?:đến|tới) năm (?:19|20)\d{2})"
_HORIZON = rf"(?:{_PERIOD}|năm (?:19|20)\d{{2}}){_VISION}"  # after a capitalised type, a year is enough
_STRICT_HORIZON = rf"{_PERIOD}{_VISION}"  # after a lowercase one ("báo cáo … năm 2009" is not a title)
_CONGRESS = (r"(?<![\w])(?P<congress>Nghị quyết Đại hội(?: (?:đại biểu|toàn quốc|Đảng bộ|Đảng|tỉnh|thành phố|huyện"
             r"|quận|thị xã|xã|phường|lần thứ"
             r"|(?:[A-ZĐ][a-zà-ỹđ]+|TP\.? ?[A-ZĐ]+|[A-ZĐ]{2,})(?= [A-ZĐ]| lần)))*"  # "Đảng bộ TPHCM lần thứ …"
             r" (?:lần thứ )?[IVXL]+(?: của Đảng(?: bộ(?: tỉnh| thành phố)?(?: [A-ZĐ][\wà-ỹđ]*)*)?)?)")
# A Central Committee plenum's resolution or conclusion, named by the plenum: "Nghị quyết Trung ương 4 khóa XII",
# "Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII".
_PLENUM = (r"(?<![\w])(?P<plenum>(?:Nghị quyết|Kết luận) (?:Hội nghị )?(?:lần thứ [\wà-ỹ]+ )?(?:Ban Chấp hành )?"
           r"(?:Trung ương|TW|TƯ)(?: Đảng)?(?: lần thứ [\wà-ỹ]+| \d{1,2})? kh(?:óa|oá) [IVXL]+)")
# The party organisation of a province's congress, up to its ordinal or the end: "Đảng bộ tỉnh", "Đảng bộ TP.HCM".
_CONGRESS_LOCAL = re.compile(r"Đảng bộ(?P<place>.*?)(?= lần thứ| [IVXL]+$|$)")
_PROVINCE_KIND = re.compile(r"^(?:tỉnh|thành phố|TP)(?:\.\s*|\s+|$)", re.IGNORECASE)
# "tầm nhìn đến 2050" is "tầm nhìn đến năm 2050": canonical titles spell the year out one way.
_NAMED_BY_YEAR = re.compile(r"(?:năm )?(?:19|20)\d{2}(?!\d)")
_BARE_YEAR_AT_END = re.compile(r"(?<!năm) ((?:19|20)\d{2})$")  # "Luật Đất đai 2024" is "Luật Đất đai năm 2024"
_BARE_HORIZON_YEAR = re.compile(r"\b(đến|tới) ((?:19|20)\d{2})\b")
MIN_TITLE_WORDS, MAX_TITLE_WORDS = 3, 30
MAX_QUOTED_WORDS = 60  # a quoted plan title can be long; a quotation has a sentence end inside
# Words of a sentence about a plan rather than of the plan's title: "Kế hoạch của tỉnh đặt ra …".
# "Nghị quyết đặt mục tiêu đến năm 2030, …": a plan setting its goal, not the plan's title.
# "Đề án … trình Chính phủ vào cuối năm 2021": a year that dates an event, not the title's period.
_NOT_A_TITLE = re.compile(r"^\S+(?: \S+)? của | (?:đã|sẽ|là|được|đang|vừa|đặt ra|cho biết|nêu rõ"
                          r"|đặt mục tiêu|đặt chỉ tiêu|đề ra|xác định mục tiêu) |…|\.\.\."
                          r"| (?:vào|cuối|đầu|giữa|trong|trước|sau|từ) năm (?:19|20)\d{2}$")
PARTY_CODES = ("TW", "TƯ")
GENERIC_TYPES = ("Văn bản", "Công văn")  # a coded number says more: "văn bản số 60/TB-UBND" is a Thông báo
MAX_NAME_WORDS = 15
NAME_COMMA_WORDS = ("chống",)  # a lowercase word that continues a name after a comma: "Phòng, chống …"
# Type words that also name events: a quoted title after lowercase "chương trình" is a show or a meeting.
AMBIGUOUS_TYPE_WORDS = ("chương trình",)


class DocumentFinder:
    """Finds cited documents; built once per pipeline from the data files."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gaz = gazetteer

    @property
    def gaz(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = default_gazetteer()
        return self._gaz

    @cached_property
    def _types(self) -> list[dict[str, str]]:
        return sorted(read_csv("document_types.csv"), key=lambda r: len(r["type"]), reverse=True)

    def _alternation(self, rows: list[dict[str, str]], lowercase: bool = True) -> str:
        names = []
        for row in rows:
            names.append(re.escape(row["type"]))
            if lowercase:
                names.append(re.escape(row["type"][0].lower() + row["type"][1:]))
        return "|".join(names)

    @cached_property
    def _numbered(self) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w])(?P<type>{self._alternation(self._types)})"
                          rf"(?:(?P<qualifier>{_QUALIFIER}) số:? (?P<coded>{_CODED})|(?: số:?)? "
                          rf"(?P<number>{_CODED}|\d{{1,3}}[/-](?:19|20)\d{{2}}(?![\d/-])|{_BARE_NUMBER}))")

    @cached_property
    def _upper_types(self) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w])(?:{self._alternation(self._types, lowercase=False)})(?![\w])")

    @cached_property
    def _titled(self) -> re.Pattern[str]:
        types = self._alternation(self._types)
        word = r"[^\s.;:!?“”\"‘’()]+"
        upper = self._alternation(self._types, lowercase=False)
        lower = "|".join(re.escape(r["type"][0].lower() + r["type"][1:]) for r in self._types)
        body = rf"(?: {word}){{{MIN_TITLE_WORDS},{MAX_TITLE_WORDS}}}?"
        return re.compile(
            rf"[“\"‘'](?P<quoted>(?:{types}) [^“”\"‘’\n]{{3,300}}?)[”\"’']"
            rf"|(?<![\w])(?P<typeword>{types}) (?:số |về )?[“\"](?P<after>[^“”\"\n]{{3,300}}?)[”\"]"
            rf"|(?<![\w])(?P<named>(?:{upper}){body} {_HORIZON}|(?:{lower}){body} {_STRICT_HORIZON})"
            rf"|{_CONGRESS}|{_PLENUM}")

    @cached_property
    def _designations(self) -> re.Pattern[str]:
        """Types followed by a proper name (``Luật``) or that open a title (``Chương trình mục tiêu quốc gia``)."""
        rows = [r for r in self._types if r["named"] in ("yes", "open", "capital")]
        return re.compile(rf"(?<![\w])(?P<type>{self._alternation(rows, lowercase=False)}) (?=\S)")

    @cached_property
    def _codes(self) -> dict[str, str]:
        return {r["type"]: r["abbreviation"] for r in self._types if r["abbreviation"]}

    @cached_property
    def _sole_issuers(self) -> dict[str, str]:
        """Types that one body alone issues, and its code (``Nghị định`` → ``CP``)."""
        return {r["type"]: r["issuer"] for r in self._types if r.get("issuer")}

    @cached_property
    def _code_by_issuer(self) -> dict[str, str]:
        return {r["issuer"]: r["code"] for r in reversed(read_csv("issuers.csv"))}

    @cached_property
    def _types_by_code(self) -> dict[str, str]:
        by_code: dict[str, str] = {}
        for row in read_csv("document_types.csv"):  # file order: the plain type before its variants
            if row["abbreviation"]:
                by_code.setdefault(row["abbreviation"], row["type"])
        return by_code

    @cached_property
    def _issuers(self) -> dict[str, str]:
        return {r["code"]: r["issuer"] for r in reversed(read_csv("issuers.csv"))}

    @cached_property
    def _issuer_codes(self) -> list[tuple[str, str]]:
        return sorted(((r["issuer"], r["code"]) for r in read_csv("issuers.csv")), key=lambda p: -len(p[0]))

    @cached_property
    def _stops(self) -> frozenset[str]:
        return frozenset(line for line in read_lines("document_title_stops.txt") if " " not in line)

    @cached_property
    def _stop_phrases(self) -> re.Pattern[str]:
        phrases = [line for line in read_lines("document_title_stops.txt") if " " in line]
        return re.compile(rf"(?:{alternatives(phrases)})(?![\w])")  # "quy định," stops too

    @cached_property
    def _type_compounds(self) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w])(?:{alternatives(read_lines('document_type_compounds.txt'))})$", re.IGNORECASE)

    @cached_property
    def _law_common_words(self) -> frozenset[str]:
        return frozenset(read_lines("law_common_words.txt"))

    @cached_property
    def _stop_compounds(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{alternatives(read_lines('document_title_stop_compounds.txt'))})(?![\w])")

    def _stops_at(self, text: str, word: Word) -> bool:
        if self._stop_phrases.match(text, word.start):
            return True
        return word.text in self._stops and not self._stop_compounds.match(text, word.start)

    def find(self, text: str, bodies: list[Entity] | None = None, province: str | None = None) -> list[Entity]:
        """Documents cited in ``text``; ``bodies`` (agencies found there) let a mention run on over its
        issuer (``… của UBND tỉnh``); ``province``: the article's, for a provincial congress's resolution."""
        body_at = {b.start: b for b in bodies or [] if b.type == "agency"}
        found: list[Entity] = []
        taken: list[tuple[int, int]] = []
        for entity in self._find_numbered(text, body_at):
            found.append(entity)
            taken.append((entity.start, entity.end))
        position = 0
        while match := self._titled.search(text, position):
            group = next(g for g in ("quoted", "after", "named", "congress", "plenum") if match.group(g))
            start, end = match.start(group), match.end(group)
            # Try again one character on when the title overlaps a numbered document ("Quyết định số 964/QĐ-TTg
            # phê duyệt Chiến lược … đến năm 2025") or follows a department ("Sở Kế hoạch và Đầu tư …").
            position = match.start() + 1
            title = match.group(group)
            if (_after_body_head(text, start) or any(s < end and start < e for s, e in taken)
                    or (group == "named" and _NOT_A_TITLE.search(title))
                    or (group in ("named", "quoted") and self._opens_with_stop(title))
                    or (group == "named" and title[0].islower() and self._upper_types.search(title, 1))
                    or (group == "named" and (inner := self._upper_types.search(title, 1)) is not None
                        and ("," in title[: inner.start()] or title[: inner.start()].endswith(" và ")))
                    # "Hiến pháp năm 2013, tỉnh lập Quy hoạch … 2050"; "Luật Đất đai 2024 và Hiến pháp năm 2013"
                    or (group in ("quoted", "after") and (len(title.split()) > MAX_QUOTED_WORDS
                                                          or re.search(r"[.!?] ", title)))
                    or (group == "after" and self._type_compounds.search(
                        text, max(0, match.start("typeword") - 12), match.end("typeword")))
                    or (group == "after" and (self._upper_types.match(title)
                                              or match.group("typeword") in AMBIGUOUS_TYPE_WORDS))):
                # A lowercase "kế hoạch tổ chức … Quy hoạch tỉnh … đến năm 2050" cites the capitalised one inside.
                continue
            position = match.end()
            if group == "after":
                doc_type = next(r["type"] for r in self._types if match.group("typeword").lower() == r["type"].lower())
                canonical = f"{doc_type} {title}"
            elif group == "congress":
                doc_type, canonical = "Nghị quyết", _congress_canonical(title, province, self.gaz)
            else:
                doc_type = next(r["type"] for r in self._types if title.lower().startswith(r["type"].lower()))
                canonical = _BARE_HORIZON_YEAR.sub(r"\1 năm \2", title)
            found.append(self._entity(text, start, end, doc_type, None, canonical, None, None))
            taken.append((start, end))
        parties = {b.start: b for b in bodies or [] if b.type in ("agency", "organization")}
        # Enterprises and associations issue decisions too: "Quyết định của Tổng công ty …".
        for entity in [*self._find_designated(text, taken), *self._find_by_issuer(text, parties, taken),
                       *self._find_signed(text, parties, taken), *self._find_issued(text, taken)]:
            found.append(entity)
            taken.append((entity.start, entity.end))
        found.sort(key=lambda e: e.start)
        found = self._join_amendments(text, found)
        _link_short_mentions(found)
        return found

    def _opens_with_stop(self, title: str) -> bool:
        """``Đề án và thực hiện …``, ``“Luật chơi”``: a type word followed by a function word, or a law's type
        word by a common noun, opens no title."""
        words = scan(title)
        row = next(r for r in self._types if title.lower().startswith(r["type"].lower()))
        after = len(scan(row["type"]))
        return after < len(words) and (self._stops_at(title, words[after]) or (
            row["named"] == "yes" and words[after].text.lower() in self._law_common_words))

    def _join_amendments(self, text: str, found: list[Entity]) -> list[Entity]:
        """``Luật sửa đổi, bổ sung một số điều của Luật Giáo dục đại học``: the amending document, named by the
        one it amends, is one mention (entities of one type never overlap)."""
        joined: list[Entity] = []
        for document in found:
            before = _AMENDING.search(text, max(0, document.start - 60), document.start)
            if before is None or before.end() != document.start or (joined and joined[-1].end > before.start()):
                joined.append(document)
                continue
            prefix = text[before.start() : document.start]
            joined.append(self._entity(text, before.start(), document.end, before.group("type"), None,
                                       prefix + str(document.attrs["canonical"]), None, None))
        return joined

    def _find_numbered(self, text: str, body_at: dict[int, Entity]) -> list[Entity]:
        found = []
        for match in self._numbered.finditer(text):
            if _YEAR.fullmatch(match.group("number") or "") and " số" not in match.group(0):
                continue  # "Quy chế 2019" is named by its year
            doc_type = match.group("type")
            doc_type = doc_type[0].upper() + doc_type[1:]
            number = match.group("coded") or match.group("number")
            end = match.end()
            date = None
            year_suffix = re.match(r" năm ((?:19|20)\d{2})", text[end:])
            coded = "/" in number or "-" in number
            if year_suffix and not coded:
                end += year_suffix.end()
                date = year_suffix.group(1)
            date_match = _DATE_AFTER.match(text, end)
            if date_match:
                d, m, y = (int(g) for g in date_match.groups())
                date = f"{y:04d}-{m:02d}-{d:02d}"
                end = date_match.end()
            issuer = self._issuers.get(re.split(r"[-/]", number)[-1]) if coded else None
            canonical_number = number
            if coded and doc_type in GENERIC_TYPES:
                code = re.split(r"[-/]", number.split("/", 1)[1] if "/" in number else number)[0]
                doc_type = self._types_by_code.get(code, doc_type)
            # "Nghị định 23/2020", "Thông tư 18/2019 của Ngân hàng Nhà nước": a number and year, the code left out
            year_only = _NUMBER_AND_YEAR.fullmatch(number) is not None
            issuer_code = self._sole_issuers.get(doc_type) if year_only else None
            named = self._issuer_after(text, end, body_at)
            if named:
                issuer, end, issuer_code = named[0], named[1], named[2] or issuer_code
            if issuer_code and (not coded or (year_only and issuer_code not in PARTY_CODES)):
                canonical_number = self._number_with_codes(number, doc_type, issuer_code)
            if issuer is None and issuer_code and year_only:
                issuer = self._issuers.get(issuer_code)
            found.append(self._entity(text, match.start(), end, doc_type, number,
                                      f"{doc_type} {canonical_number}", issuer, date))
        return found

    def _issuer_after(self, text: str, position: int, body_at: dict[int, Entity]) -> tuple[str, int, str | None] | None:
        """``của <issuer>`` at ``position``: the issuer's name, where the mention ends, and its code.

        The issuer is a known one (``Thủ tướng Chính phủ``, ``Bộ Chính trị``: they give the number's code), a
        body found in the text (``UBND tỉnh``), or a title and a body (``Chủ tịch UBND tỉnh``); the longest wins.
        """
        after = _ISSUER_AFTER.match(text, position)
        if not after:
            return None
        at = after.end()
        candidates: list[tuple[str, int, str | None]] = []
        named = next(((name, code) for name, code in self._issuer_codes
                      if text.startswith(name, at) and not text[at + len(name) : at + len(name) + 1].isalnum()), None)
        if named is not None:
            candidates.append((named[0], at + len(named[0]), named[1]))
        if (body := body_at.get(at)) is not None:
            name = str(body.attrs.get("canonical") or body.text)
            candidates.append((name, body.end, self._code_by_issuer.get(name)))
        words = scan(text, at, min(len(text), at + 80))
        title = self.gaz.title_index.match(words, 0, text) if words else None
        if title and title[1] < len(words) and (body := body_at.get(words[title[1]].start)) is not None:
            candidates.append((f"{text[at : words[title[1]].start]}{body.attrs.get('canonical') or body.text}",
                               body.end, None))
        if after.group("link") == "do":
            candidates = [c for c in candidates if _ISSUED_BY.match(text, c[1])]
        if not candidates:
            return None
        return max(candidates, key=lambda c: (c[1], c[2] is not None))

    def _find_by_issuer(self, text: str, body_at: dict[int, Entity], taken: list[tuple[int, int]]) -> list[Entity]:
        """``Quyết định của Chủ tịch UBND tỉnh``, ``Kế hoạch năm 2024 của Hội đồng …``: a capitalised type
        inside a sentence, named by who issued it."""
        found = []
        for match in self._upper_types.finditer(text):
            start = match.start()
            if start == 0 or text[start - 1] in "\n" or re.search(r"[.!?:]\s*$", text[max(0, start - 3) : start]):
                continue  # a sentence-initial capital says nothing
            end = match.end()
            year = re.match(r" năm (?:19|20)\d{2}", text[end:])
            named = self._issuer_after(text, end + (year.end() if year else 0), body_at)
            if named is None or any(s < named[1] and start < e for s, e in taken):
                continue
            doc_type = match.group(0)
            canonical = f"{doc_type}{year.group(0) if year else ''} của {named[0]}"
            found.append(self._entity(text, start, named[1], doc_type, None, canonical, named[0],
                                      year.group(0).split()[-1] if year else None))
        return found

    @cached_property
    def _signed(self) -> tuple[re.Pattern[str], dict[str, dict[str, str]]]:
        types = {r["phrase"]: r for r in read_csv("signed_documents.csv")}
        verbs = alternatives(read_lines("signing_verbs.txt"))
        phrases = "|".join(f"[{re.escape(p[0])}{re.escape(p[0].upper())}]{re.escape(p[1:])}"
                           for p in sorted(types, key=len, reverse=True))
        return re.compile(rf"(?<![\w])(?:{verbs})(?: các| một| bản)? (?P<phrase>{phrases})(?![\w])"), types

    def _find_signed(self, text: str, parties: dict[int, Entity], taken: list[tuple[int, int]]) -> list[Entity]:
        """``ký kết Bản ghi nhớ hợp tác về chuyển đổi số giữa A và B``: a signed agreement, described rather than
        numbered; its issuer is its signatories when the text names both (``A; B``)."""
        pattern, types = self._signed
        found = []
        for match in pattern.finditer(text):
            start, end = match.start("phrase"), match.end()
            words = scan(text, end, min(len(text), end + 30))
            if text[end : end + 1] == " " and words and words[0].is_word and not self._stops_at(text, words[0]):
                end = self._name_end(text, end + 1, proper=False)  # "… hợp tác về chuyển đổi số"
            if any(s < end and start < e for s, e in taken):
                continue
            signatories = _signatories(text, match.start(), end, parties)
            row = types[match.group("phrase").lower()]
            canonical = row["canonical"] + text[match.end() : end]
            found.append(self._entity(text, start, end, row["doc_type"], None, canonical,
                                      "; ".join(signatories) if signatories else None, None))
            taken.append((start, end))
        return found

    def _find_designated(self, text: str, taken: list[tuple[int, int]]) -> list[Entity]:
        """Laws and treaties by name, and open designations, ended by a stop word or punctuation."""
        found = []
        for match in self._designations.finditer(text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            doc_type = match.group("type")
            row = next(r for r in self._types if r["type"] == doc_type)
            if row["named"] == "yes" and _SCHOOL_OF.search(text, max(0, match.start() - 10), match.start()):
                continue  # "Trường Đại học Luật Hà Nội", "ngành Luật kinh tế": a school or a subject
            if row["named"] == "capital" and not self._names_a_programme(text, match.start(), match.end()):
                continue
            end = self._name_end(text, match.end(), proper=row["named"] == "yes", law=doc_type in LAW_TYPES)
            if row["named"] == "yes" and end <= match.end() and (year := _NAMED_BY_YEAR.match(text, match.end())):
                end = year.end()  # "Hiến pháp năm 2013": named by its year alone
            if end <= match.end():
                continue
            name = text[match.end() : end]
            if row["named"] == "yes" and not _NAMED_BY_YEAR.match(name) and not name.startswith("về "):
                name = name[0].upper() + name[1:]  # "Luật giáo dục đại học" is cited as "Luật Giáo dục đại học"
            canonical = _BARE_YEAR_AT_END.sub(r" năm \1", f"{doc_type} {name}")
            found.append(self._entity(text, match.start(), end, doc_type, None, canonical, None, None))
        return found

    @cached_property
    def _issuing(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """(a verb of issuing then a lowercase type, what ends the designation after it)."""
        sections: dict[str, list[str]] = {}
        current = ""
        for line in read_lines("document_issuing.txt"):
            if line.startswith("["):
                current = line.strip("[]")
            else:
                sections.setdefault(current, []).append(line)
        verbs, types, not_after, ends = (alternatives(sections[k]) for k in ("verbs", "types", "not_after", "ends"))
        # A type followed at once by an addressee or a purpose ("gửi công văn tới UBND …") has no title.
        start = re.compile(rf"(?<![\w])(?:{verbs}) (?P<type>{types}) (?!(?:{not_after}|{ends})(?![\w]))(?=[a-zà-ỹđ])")
        end = re.compile(rf"[.;:!?\n“”\"()]| (?:{ends})(?![\w])")
        return start, end

    def _find_issued(self, text: str, taken: list[tuple[int, int]]) -> list[Entity]:
        """``ra quyết định công bố tình trạng …``, ``gửi công văn hỏa tốc``: a lowercase type after a verb of
        issuing, titled by the words after it up to the addressee, the purpose or the end of the clause."""
        start_pattern, end_pattern = self._issuing
        found = []
        for match in start_pattern.finditer(text):
            start = match.start("type")
            stop = end_pattern.search(text, match.end())
            end = (stop.start() if stop else len(text))
            end = len(text[:end].rstrip(" ,"))
            if any(s < end and start < e for s, e in taken) or not 2 <= len(text[start:end].split()) - len(
                    match.group("type").split()) + 1 <= MAX_TITLE_WORDS:
                continue
            doc_type = match.group("type")
            found.append(self._entity(text, start, end, doc_type, None, text[start:end], None, None))
        return found

    def _names_a_programme(self, text: str, start: int, name_start: int) -> bool:
        """``Chương trình Mỗi xã một sản phẩm``, ``Đề án OCOP``: inside a sentence, a capitalised type then a
        capitalised name that is not a body, a place or a person (``Kế hoạch UBND tỉnh`` is not a title)."""
        if start == 0 or text[start - 1] == "\n" or re.search(r"[.!?:;]\s*$|[“\"(]$", text[max(0, start - 3) : start]):
            return False
        words = scan(text, name_start, min(len(text), name_start + 60))
        if not words or not words[0].is_capitalized or not words[0].is_word:
            return False
        gaz = self.gaz
        return not (gaz.head_index.match(words, 0, text) or gaz.known_index.match(words, 0, text)
                    or gaz.place(words[0].text) or gaz.title_index.match(words, 0, text)
                    or self._upper_types.match(text, words[0].start))

    def _opens_body(self, words: list[Word], i: int, text: str) -> bool:
        """``Luật Khoáng sản, | Chính phủ …``: after a comma, a body starts the next clause, not a list item."""
        gaz = self.gaz
        head = gaz.head_index.match(words, i, text)
        return bool(gaz.known_index.match(words, i, text) or gaz.title_index.match(words, i, text)
                    or (head and gaz.head(head[0]).standalone))

    def _name_end(self, text: str, start: int, proper: bool, law: bool = False) -> int:
        """End of a law's name (``Đất đai``, ``Khoa học, Công nghệ và Đổi mới sáng tạo``) or of an open title;
        a law's name never goes on with ``về`` (``Bộ luật Tố tụng hình sự | về việc từ chối …``), a treaty's may
        (``Công ước về Quyền trẻ em``)."""
        words = scan(text, start, min(len(text), start + 400))
        if not words or not words[0].is_word:
            return start
        # Older and less formal texts write a law's name in lowercase: "Luật giáo dục đại học (GDĐH)".
        lowercase = proper and not words[0].is_capitalized and not (
            words[0].text == "về" and len(words) > 1 and words[1].is_capitalized)  # "Công ước về Quyền trẻ em"
        if lowercase and (words[0].text in self._law_common_words or self._stops_at(text, words[0])
                          or not words[0].text.isalpha()):
            return start
        if law and words[0].text == "về":
            return start  # "Luật về hội": the law on a subject, not a law's name
        end, k = start, 0
        while k < len(words) and k < MAX_NAME_WORDS:
            word = words[k]
            if word.text == "\n" or not (word.is_word or word.text in (",", "-", "–")):
                break
            if word.text == "," and k + 1 < len(words) and words[k + 1].text in NAME_COMMA_WORDS:
                k += 1  # "Luật Phòng, chống tham nhũng"
                continue
            if word.text in (",", "và", "-", "–"):
                # A list inside the name ("Khoa học, Công nghệ và Đổi mới sáng tạo"), not another document.
                nxt = words[k + 1] if k + 1 < len(words) else None
                if (not proper or lowercase or nxt is None or not nxt.is_capitalized or not nxt.is_word
                        or self._upper_types.match(text, nxt.start) or self._opens_body(words, k + 1, text)):
                    break
                k += 1
                continue
            year = re.match(r"(?:đến |tới )?năm (?:19|20)\d{2}|giai đoạn (?:19|20)\d{2}\s?[-–]\s?(?:19|20)\d{2}",
                            text[word.start :])
            if year and k:
                end = word.start + year.end()
                break
            if k and (self._stops_at(text, word) or (law and word.text == "về")):
                break
            if lowercase and word.is_capitalized:
                break
            if proper and k and word.is_capitalized and not word.is_abbreviation and text[end:word.start] == " " \
                    and words[k - 1].text not in (",", "và", "-", "–", "về") and self.gaz.place(word.text) is None:
                break  # "Hiệp định Paris | Nhìn lại …": a capital after the name starts something else
            end = word.end
            k += 1
        return end

    def _number_with_codes(self, number: str, doc_type: str, issuer_code: str) -> str:
        """``01`` of a Chỉ thị by the Thủ tướng → ``01/CT-TTg``; party documents read ``57-NQ/TW``."""
        code = self._codes.get(doc_type)
        if not code:
            return number
        return f"{number}-{code}/{issuer_code}" if issuer_code in PARTY_CODES else f"{number}/{code}-{issuer_code}"

    @staticmethod
    def _entity(text: str, start: int, end: int, doc_type: str, number: str | None, canonical: str,
                issuer: str | None, date: str | None) -> Entity:
        doc_type = doc_type[0].upper() + doc_type[1:]
        canonical = canonical[0].upper() + canonical[1:]
        return Entity("document", text[start:end], start, end,
                      {"canonical": canonical, "number": number, "doc_type": doc_type, "issuer": issuer,
                       "date": date})


def identifiable(document: Entity) -> bool:
    """Whether a mention names one document that other articles can cite too: by number, date or year, or by a
    title. ``quyết định bổ nhiệm`` or ``Quyết định của Chủ tịch UBND tỉnh`` names one of many such decisions."""
    attrs = document.attrs
    if attrs.get("number") or attrs.get("date") or _YEAR_IN.search(str(attrs.get("canonical") or "")):
        return True
    name = str(attrs.get("canonical") or "")[len(str(attrs.get("doc_type") or "")) :].strip()
    return bool(name) and not name[0].islower()


def _link_short_mentions(documents: list[Entity]) -> None:
    """``Kế hoạch 31`` after ``Kế hoạch số 31/KH-UBND``: the same document, so the full one's fields."""
    for document in documents:
        number, doc_type = document.attrs["number"], document.attrs["doc_type"]
        if not number or re.search(r"[/-]", str(number)) or document.attrs["canonical"] != f"{doc_type} {number}":
            continue
        prefix = re.compile(rf"{re.escape(str(doc_type))} {re.escape(str(number))}[/-]")
        full = next((d for d in documents if d is not document and prefix.match(str(d.attrs["canonical"]))), None)
        if full is not None:
            for name in ("canonical", "number", "issuer", "date"):
                document.attrs[name] = full.attrs[name]
    # "Hiệp định Paris" beside "Hiệp định Paris về chấm dứt chiến tranh …": a short name of the same document.
    for document in documents:
        if document.attrs["number"]:
            continue
        name = str(document.attrs["canonical"])
        longer = [d for d in documents if not d.attrs["number"] and str(d.attrs["canonical"]).startswith(name + " ")
                  and d.attrs["doc_type"] == document.attrs["doc_type"]]
        if longer:
            document.attrs["canonical"] = max((str(d.attrs["canonical"]) for d in longer), key=len)


def _signatories(text: str, verb: int, end: int, parties: dict[int, Entity]) -> list[str]:
    """Who signed, when the text names both: ``giữa A và B`` after the agreement, ``A và B ký`` before the
    verb, or ``A ký … với B``."""
    ending = {b.end: b for b in parties.values()}

    def before(position: int) -> Entity | None:
        gap = re.search(r"(?:\s+(?:đã|vừa|cùng|chính thức))*\s+$", text[max(0, position - 30) : position])
        return ending.get(position - len(gap.group(0))) if gap else None

    def after(position: int, link: str) -> Entity | None:
        joined = re.compile(rf"\s+(?:{link})\s+").match(text, position)
        return parties.get(joined.end()) if joined else None

    pairs = []
    if (first := after(end, "giữa")) is not None:
        pairs.append((first, after(first.end, "và|với")))
    if (second := before(verb)) is not None:
        joint = re.search(r"\s+(?:và|với)\s+$", text[max(0, second.start - 6) : second.start])
        pairs.append((ending.get(second.start - len(joint.group(0))) if joint else None, second))
        pairs.append((second, after(end, "với")))
    first, second = next(((a, b) for a, b in pairs if a is not None and b is not None), (None, None))
    if first is None or second is None:
        return []
    return [str(b.attrs.get("canonical") or b.text) for b in (first, second)]


def _congress_canonical(title: str, province: str | None, gaz: Gazetteer) -> str:
    """A congress's resolution by one full name, however it is cited: ``Nghị quyết Đại hội XIV của Đảng`` →
    ``Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng``; ``… Đại hội Đảng bộ tỉnh lần thứ XVI``,
    ``… Đại hội XVI của Đảng bộ tỉnh`` and ``… Đại hội Đảng bộ Hòa Bình lần thứ XVI`` → ``Nghị quyết Đại hội Đảng
    bộ tỉnh Hòa Bình lần thứ XVI`` (the province named, else the article's)."""
    ordinal = re.findall(r"\b[IVXL]+\b", title)[-1]
    local = _CONGRESS_LOCAL.search(title)
    if local is None:
        return f"Nghị quyết Đại hội đại biểu toàn quốc lần thứ {ordinal} của Đảng"
    named = local.group("place").strip()
    bare = _PROVINCE_KIND.sub("", named)
    place = (gaz.province(named) or gaz.province(bare)) if bare else gaz.province(province) if province else None
    if place is None:
        return title
    party = place.name if place.name.lower().startswith(place.kind) else f"{place.kind} {place.name}"
    return f"Nghị quyết Đại hội Đảng bộ {party} lần thứ {ordinal}"


def _after_body_head(text: str, start: int) -> bool:
    return bool(re.search(r"(?:\bSở|\bBộ|\bBan|\bPhòng|\bVụ|\bCục|\bTrung tâm)\s+$", text[max(0, start - 12) : start]))
