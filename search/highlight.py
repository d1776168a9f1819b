"""Highlights, computed here for both engines from the parsed query: every spelling of every query unit is
looked up in the folded text, which has the same length as the original, so the spans point straight into
the accented text a reader sees (and both engines highlight the same words)."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from pipeline.normalize import fold
from search.terms import ParsedQuery, tokens

FRAGMENT_CONTEXT = 70
MAX_FRAGMENTS = 3
def fragments(text: str, spans: list[tuple[int, int]], context: int = FRAGMENT_CONTEXT,
              limit: int = MAX_FRAGMENTS) -> list[str]:
    """Up to ``limit`` HTML-escaped fragments of ``text`` with each span wrapped in ``<em>``.

    Spans with only spaces between them become one (``<em>chuyển đổi số</em>``), whichever engine
    reported the words of a phrase separately.
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and (start <= merged[-1][1] or not text[merged[-1][1]:start].strip(" ")):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    windows: list[list[tuple[int, int]]] = []
    for span in merged:
        if windows and span[0] - windows[-1][-1][1] <= context:
            windows[-1].append(span)
        else:
            windows.append([span])
    out = []
    for group in windows[:limit]:
        lo = max(0, group[0][0] - context)
        hi = min(len(text), group[-1][1] + context)
        lo = text.rfind(" ", 0, lo) + 1 if lo > 0 else 0
        space = text.find(" ", hi)
        hi = space if hi < len(text) and space != -1 else len(text)
        parts, cursor = [], lo
        for start, end in group:
            parts.append(html.escape(text[cursor:start]))
            parts.append(f"<em>{html.escape(text[start:end])}</em>")
            cursor = end
        parts.append(html.escape(text[cursor:hi]))
        fragment = "".join(parts).replace("\n", " ")
        out.append(("…" if lo > 0 else "") + fragment + ("…" if hi < len(text) else ""))
    return out


@lru_cache(maxsize=1024)
def _pattern(alternative: str) -> re.Pattern[str]:
    """The folded tokens of ``alternative`` as whole tokens, separated as the tokenizers separate them."""
    body = r"[^\w]+".join(re.escape(t) for t in alternative.split())
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])")


def query_spans(text: str, parsed: ParsedQuery) -> list[tuple[int, int]]:
    """Where any spelling of any unit of ``parsed`` occurs in ``text`` (offsets into ``text``)."""
    folded = fold(text)
    spans = []
    for unit in parsed.units:
        for alternative in unit.alternatives:
            if tokens(alternative):
                spans += [m.span() for m in _pattern(alternative).finditer(folded)]
    return spans


def highlight(title: str, body: str, parsed: ParsedQuery) -> list[str]:
    """Fragments of the body with the query's words marked; the marked title if the body has none."""
    return fragments(body, query_spans(body, parsed)) or fragments(title, query_spans(title, parsed))
