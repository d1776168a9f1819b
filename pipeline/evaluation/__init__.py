"""Evaluation of the extractors against hand-made gold (``govnews eval …``)."""
