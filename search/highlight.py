"""Highlight fragments from match spans: the embedded index matches on folded text, which has the
same length as the original, so match offsets point straight into the text a reader sees."""

from __future__ import annotations

import html

FRAGMENT_CONTEXT = 70
MAX_FRAGMENTS = 3
START_MARK, END_MARK = "\x02", "\x03"


def marked_spans(marked: str) -> list[tuple[int, int]]:
    """Spans of text between START/END marks, as offsets into the text without the marks."""
    spans: list[tuple[int, int]] = []
    position, start = 0, None
    for ch in marked:
        if ch == START_MARK:
            start = position
        elif ch == END_MARK:
            if start is not None:
                spans.append((start, position))
            start = None
        else:
            position += 1
    return spans


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
