"""Builds the spaCy pipeline from ``config.cfg``."""

from __future__ import annotations

from importlib import resources

from spacy.language import Language
from spacy.util import load_config_from_str, load_model_from_config

import pipeline.components  # noqa: F401  (registers the factories and the tokenizer)

MAX_CHARS = 20_000_000


def build_nlp() -> Language:
    config = load_config_from_str((resources.files("pipeline") / "config.cfg").read_text(encoding="utf-8"))
    nlp = load_model_from_config(config, auto_fill=True)
    # No parser or statistical NER runs on the whole text, so spaCy's 1,000,000-character guard (for their
    # memory) does not apply: a 2 MB article is extracted, not refused.
    nlp.max_length = MAX_CHARS
    return nlp
