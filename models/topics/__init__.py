"""Topic tagging over the taxonomy in ``shared/spec/extraction.md``."""

from models.topics.registry import TopicModel, load_topic_model

__all__ = ["TopicModel", "load_topic_model"]
