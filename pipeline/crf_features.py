"""underthesea's CRF features (POS, chunk, NER), computed in linear time.

underthesea's ``template2features`` re-parses its template and rebuilds every column of the sentence for
each feature of each word, so featurising a sentence costs O(words² × templates): a quarter of govnews's
extraction time went there. :class:`CompiledTemplate` parses the same templates once and produces the same
feature strings, in the same order, word by word; ``tests/pipeline/test_crf_features.py`` checks them against
underthesea's own on every tagger.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from underthesea.pipeline.pos_tag import tagged_feature

_SYNTAX = re.compile(r"T\[(?P<index1>-?\d+)(,(?P<index2>-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?")
# underthesea's functions; their results are written with str() like underthesea writes them.
_FUNCTIONS: dict[str, Callable[[str], object]] = {
    "lower": str.lower,
    "istitle": tagged_feature.text_istitle,
    "isallcap": tagged_feature.text_isallcap,
    "isdigit": tagged_feature.text_isdigit,
    "is_in_dict": tagged_feature.text_is_in_dict,
}


@dataclass(frozen=True, slots=True)
class _Feature:
    prefix: str
    first: int
    last: int | None
    column: int
    function: Callable[[str], object] | None


class CompiledTemplate:
    """A feature template like ``["T[-1].lower", "T[0,1]", "T[-2][1]"]``, parsed once."""

    def __init__(self, template: Sequence[str]) -> None:
        self.features: list[_Feature] = []
        for syntax in template:
            matched = _SYNTAX.match(syntax)
            if matched is None:
                raise ValueError(f"not an underthesea feature template: {syntax!r}")
            index2, column, function = matched.group("index2", "column", "function")
            self.features.append(_Feature(
                f"{syntax}=", int(matched.group("index1")), int(index2) if index2 else None,
                int(column) if column else 0, _FUNCTIONS[function] if function else None))

    def sentence(self, rows: Sequence[Sequence[str]]) -> list[list[str]]:
        """Features of every row (a token and its tag columns), as underthesea's ``sentence2features``."""
        n = len(rows)
        columns = list(zip(*rows, strict=True)) if rows else []
        out: list[list[str]] = []
        for i in range(n):
            features = []
            for f in self.features:
                first = i + f.first
                if first < 0:
                    features.append(f"{f.prefix}BOS")
                    continue
                if first >= n or (f.last is not None and i + f.last >= n):
                    features.append(f"{f.prefix}EOS")
                    continue
                column = columns[f.column]
                word = column[first] if f.last is None else " ".join(column[first : i + f.last + 1])
                features.append(f"{f.prefix}{f.function(word) if f.function else word}")
            out.append(features)
        return out
