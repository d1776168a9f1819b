"""The crawler's item is the pipeline's input record itself (Scrapy accepts dataclass items)."""

from govnews.records import RawArticle

__all__ = ["RawArticle"]
