"""Cited documents, in three shapes:

* numbered: ``Quyết định số 749/QĐ-TTg``, ``Kế hoạch 222/KH-UBND``, ``Nghị quyết 57-NQ/TW``, ``Đề án 06``,
  ``Chỉ thị 01 năm 2020 của Thủ tướng Chính phủ`` (canonical ``Chỉ thị 01/CT-TTg``, built from the type's
  code and the issuer's);
* titled: a document type opening a quoted title (``“Kế hoạch phát triển … đến năm 2025”``) or a name
  that ends in its period (``Chương trình phối hợp … giai đoạn 2024 - 2025``);
* named: laws and treaties by proper name (``Luật Đất đai``, ``Hiệp định Paris``).

Types, codes and issuers are data (``document_types.csv``, ``issuers.csv``); a date written right after
the number (``ngày 3/6/2020``) becomes the document's date.
"""

from __future__ import annotations

import re
from functools import cached_property

from govnews.records import Entity
from pipeline.gazetteer import read_csv

# Digits then code segments (749/QĐ-TTg, 57-NQ/TW, 93/2007/QĐ-TTg, 01/CT-TTg).
_CODED = r"\d+(?:/\d{4})?(?:[/-][A-ZĐ][\w&Đđ]*(?:[-/][A-ZĐ\d][\w&Đđ]*)*)+"
_DATE_AFTER = re.compile(r"\s*(?:,\s*)?ngày (\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISSUER_AFTER = re.compile(r"\s+của\s+")
# How a title that names its period ends: "giai đoạn 2024 - 2025", "đến năm 2025, tầm nhìn đến năm 2045".
_VISION = r"(?:,? (?:và )?tầm nhìn (?:đến )?(?:năm )?(?:19|20)\d{2})?"
_PERIOD = r"(?:(?:giai đoạn|thời kỳ) (?:19|20)\d{2}\s?[-–]\s?(?:19|20)\d{2}|(?:đến|tới) năm (?:19|20)\d{2})"
_HORIZON = rf"(?:{_PERIOD}|năm (?:19|20)\d{{2}}){_VISION}"  # after a capitalised type, a year is enough
_STRICT_HORIZON = rf"{_PERIOD}{_VISION}"  # after a lowercase one ("báo cáo … năm 2009" is not a title)
_CONGRESS = (r"(?<![\w])(?P<congress>Nghị quyết Đại hội(?: (?:đại biểu|toàn quốc|Đảng bộ|tỉnh|thành phố|lần thứ))*"
             r" (?:lần thứ )?[IVXL]+(?: của Đảng)?)")
MIN_TITLE_WORDS, MAX_TITLE_WORDS = 3, 30
# Words of a sentence about a plan rather than of the plan's title: "Kế hoạch của tỉnh đặt ra …".
_NOT_A_TITLE = re.compile(r"^\S+(?: \S+)? của | (?:đã|sẽ|là|đặt ra|cho biết|nêu rõ) ")
PARTY_CODES = ("TW",)


class DocumentFinder:
    """Finds cited documents; built once per pipeline from the data files."""

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
        return re.compile(rf"(?<![\w])(?P<type>{self._alternation(self._types)})(?: số:?)? "
                          rf"(?P<number>{_CODED}|\d{{1,4}}(?![\d/%]|[.,]\d)"
                          rf"(?! (?:năm|tháng|ngày|triệu|nghìn|ngàn|tỷ|ha|km)\b(?! \d{{4}})))")

    @cached_property
    def _titled(self) -> re.Pattern[str]:
        types = self._alternation(self._types)
        word = r"[^\s.;:!?“”\"‘’()]+"
        upper = self._alternation(self._types, lowercase=False)
        lower = "|".join(re.escape(r["type"][0].lower() + r["type"][1:]) for r in self._types)
        body = rf"(?: {word}){{{MIN_TITLE_WORDS},{MAX_TITLE_WORDS}}}?"
        return re.compile(
            rf"[“\"‘'](?P<quoted>(?:{types}) [^“”\"‘’\n]{{3,300}}?)[”\"’']"
            rf"|(?<![\w])(?P<named>(?:{upper}){body} {_HORIZON}|(?:{lower}){body} {_STRICT_HORIZON})|{_CONGRESS}")

    @cached_property
    def _proper(self) -> re.Pattern[str]:
        named = [r for r in self._types if r["named"] == "yes"]
        return re.compile(rf"(?<![\w])(?P<type>{self._alternation(named, lowercase=False)})"
                          rf"(?P<name>(?: [A-ZĐÀ-Ỹ][^\s.,;:!?()“”\"]*)+)")

    @cached_property
    def _codes(self) -> dict[str, str]:
        return {r["type"]: r["abbreviation"] for r in self._types if r["abbreviation"]}

    @cached_property
    def _issuers(self) -> dict[str, str]:
        return {r["code"]: r["issuer"] for r in reversed(read_csv("issuers.csv"))}

    @cached_property
    def _issuer_codes(self) -> list[tuple[str, str]]:
        return sorted(((r["issuer"], r["code"]) for r in read_csv("issuers.csv")), key=lambda p: -len(p[0]))

    def find(self, text: str) -> list[Entity]:
        found: list[Entity] = []
        taken: list[tuple[int, int]] = []
        for entity in self._find_numbered(text):
            found.append(entity)
            taken.append((entity.start, entity.end))
        position = 0
        while match := self._titled.search(text, position):
            group = next(g for g in ("quoted", "named", "congress") if match.group(g))
            start, end = match.start(group), match.end(group)
            # Try again one character on when the title overlaps a numbered document ("Quyết định số 964/QĐ-TTg
            # phê duyệt Chiến lược … đến năm 2025") or follows a department ("Sở Kế hoạch và Đầu tư …").
            position = match.start() + 1
            if (_after_body_head(text, start) or any(s < end and start < e for s, e in taken)
                    or (group == "named" and _NOT_A_TITLE.search(text[start:end]))):
                continue
            position = match.end()
            title = match.group(group)
            doc_type = next(r["type"] for r in self._types if title.lower().startswith(r["type"].lower()))
            found.append(self._entity(text, start, end, doc_type, None, title, None, None))
            taken.append((start, end))
        for match in self._proper.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            found.append(self._entity(text, match.start(), match.end(), match.group("type"), None,
                                      match.group(0), None, None))
        found.sort(key=lambda e: e.start)
        return found

    def _find_numbered(self, text: str) -> list[Entity]:
        found = []
        for match in self._numbered.finditer(text):
            doc_type = match.group("type")
            doc_type = doc_type[0].upper() + doc_type[1:]
            number = match.group("number")
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
            issuer = self._issuers.get(re.split(r"[-/]", number)[-1]) if coded else None
            canonical_number = number
            after = _ISSUER_AFTER.match(text, date_match.end() if date_match else end)
            if after and not coded:
                named_issuer = next(((name, code) for name, code in self._issuer_codes
                                     if text.startswith(name, after.end())), None)
                if named_issuer:
                    issuer = named_issuer[0]
                    canonical_number = self._number_with_codes(number, doc_type, named_issuer[1])
            found.append(self._entity(text, match.start(), end, doc_type, number,
                                      f"{doc_type} {canonical_number}", issuer, date))
        return found

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
        canonical = doc_type + canonical[len(doc_type):]
        return Entity("document", text[start:end], start, end,
                      {"canonical": canonical, "number": number, "doc_type": doc_type, "issuer": issuer,
                       "date": date})


def _after_body_head(text: str, start: int) -> bool:
    return bool(re.search(r"(?:\bSở|\bBộ|\bBan|\bPhòng|\bVụ|\bCục|\bTrung tâm)\s+$", text[max(0, start - 12) : start]))
