"""What the topic classifier reads: segmented words (with diacritics) and folded character n-grams.

Words carry the meaning (``chuyển_đổi_số`` is one feature); character n-grams of the folded text keep
the model useful on unsegmented or diacritic-less text (``chuyen doi so``). Both are plain strings fed to
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


def char_string(text: str) -> str:
    """Folded (no diacritics, ``đ``→``d``, lower case), so tone placement and missing accents do not matter."""
    return _SPACES.sub(" ", fold(text)).strip()


def segment_words(text: str) -> list[str]:
    """underthesea's words, as the pipeline's tokenizer sees them."""
    from pipeline.segment import segment

    return [text[span.start : span.end] for _, spans in segment(text) for span in spans]
