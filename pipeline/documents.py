"""Cited documents: ``Quyết định số 749/QĐ-TTg``, ``Kế hoạch 222/KH-UBND``, ``Nghị quyết 57-NQ/TW``.

The type comes from ``document_types.csv``; the issuer from the number's code (``issuers.csv``); a
date written right after the number (``ngày 3/6/2020``) becomes the document's date.
"""

from __future__ import annotations

import re
from functools import cached_property

from govnews.records import Entity
from pipeline.gazetteer import read_csv

# A document number: digits, then at least one / or - segment with a code (749/QĐ-TTg, 57-NQ/TW,
# 93/2007/QĐ-TTg, 01/CT-TTg); or digits followed by "năm YYYY" (Chỉ thị 01 năm 2020).
_NUMBER = r"(?P<number>\d+(?:/\d{4})?(?:[/-][A-ZĐ][\w&Đđ]*(?:[-/][A-ZĐ\d][\w&Đđ]*)*)+|\d+(?= năm \d{4}))"
_DATE_AFTER = re.compile(r"\s*(?:,\s*)?ngày (\d{1,2})[/-](\d{1,2})[/-](\d{4})")


class DocumentFinder:
    """Finds cited documents; built once per pipeline from the data files."""

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        types = sorted((r["type"] for r in read_csv("document_types.csv")), key=len, reverse=True)
        alternation = "|".join(re.escape(t) + "|" + re.escape(t[0].lower() + t[1:]) for t in types)
        return re.compile(rf"(?<![\w])(?P<type>{alternation})(?: số| số:)? {_NUMBER}")

    @cached_property
    def _issuers(self) -> dict[str, str]:
        return {r["code"]: r["issuer"] for r in read_csv("issuers.csv")}

    def find(self, text: str) -> list[Entity]:
        found = []
        for match in self._pattern.finditer(text):
            doc_type = match.group("type")
            doc_type = doc_type[0].upper() + doc_type[1:]
            number = match.group("number")
            end = match.end()
            year_suffix = re.match(r" năm (\d{4})", text[end:])
            date = None
            if year_suffix and "/" not in number and "-" not in number:
                end += year_suffix.end()
                date = year_suffix.group(1)
            date_match = _DATE_AFTER.match(text, end)
            if date_match:
                d, m, y = (int(g) for g in date_match.groups())
                date = f"{y:04d}-{m:02d}-{d:02d}"
            code = re.split(r"[-/]", number)[-1]
            attrs = {
                "canonical": f"{doc_type} {number}",
                "number": number,
                "doc_type": doc_type,
                "issuer": self._issuers.get(code),
                "date": date,
            }
            found.append(Entity("document", text[match.start() : end], match.start(), end, attrs))
        return found
