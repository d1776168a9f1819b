"""What the topic classifier reads: segmented words (with diacritics) and folded character n-grams.

Words carry the meaning (``chuyển_đổi_số`` is one feature); the title's words count again, because a
headline states the subject that a long body wanders from. Character n-grams of the folded text keep the
model useful on unsegmented or diacritic-less text (``chuyen doi so``). Both are plain strings fed to
stock scikit-learn vectorizers, so a saved model holds no custom code.
"""

from __future__ import annotations

import re

from pipeline.normalize import fold, match_key

_WORDY = re.compile(r"[^\W\d_]", re.UNICODE)
_SPACES = re.compile(r"\s+")


def word_string(words: list[str]) -> str:
    """``["Chuyển đổi số", "là", "5,5%"]`` → ``"chuyển_đổi_số là"``: numbers and punctuation carry no topic."""
    return match_key(" ".join(w.replace(" ", "_") for w in words if _WORDY.search(w)))


def document_string(text: str, words: list[str], title_repeat: int) -> str:
    """The words of ``text`` for the word vectorizer, its title's words first, ``title_repeat`` times."""
    body = word_string(words)
    if title_repeat <= 0:
        return body
    in_title = sum(1 for w in words[: title_length(text, words)] if _WORDY.search(w))
    title = " ".join(body.split(" ")[:in_title])  # word_string keeps one space-free key per wordy word
    return " ".join([title] * title_repeat + [body]) if title else body


def title_length(text: str, words: list[str]) -> int:
    """How many of ``words`` (the text's words in order, title first) make up its first line."""
    remaining = len(_SPACES.sub("", text.split("\n", 1)[0]))
    count = 0
    while count < len(words) and remaining > 0:
        remaining -= len(_SPACES.sub("", words[count]))
        count += 1
    return count


def char_string(text: str) -> str:
    """Folded (no diacritics, ``đ``→``d``, lower case), so tone placement and missing accents do not matter."""
    return _SPACES.sub(" ", fold(text)).strip()


def segment_words(text: str) -> list[str]:
    """underthesea's words, as the pipeline's tokenizer sees them."""
    from pipeline.segment import segment

    return [text[span.start : span.end] for _, spans in segment(text) for span in spans]
