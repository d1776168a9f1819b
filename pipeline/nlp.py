"""Builds the spaCy pipeline from ``config.cfg``."""

from __future__ import annotations

from importlib import resources

from spacy.language import Language
from spacy.util import load_config_from_str, load_model_from_config

import pipeline.components  # noqa: F401  (registers the factories and the tokenizer)


def build_nlp() -> Language:
    config = load_config_from_str((resources.files("pipeline") / "config.cfg").read_text(encoding="utf-8"))
    return load_model_from_config(config, auto_fill=True)
