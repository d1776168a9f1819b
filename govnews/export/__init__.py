"""Tidy tables for analysts (officials, agencies, figures, targets, documents, mentions, articles), every row
traceable to its article and sentence; column meanings in ``docs/data-dictionary.md``."""

from govnews.export.columns import TABLES, columns
from govnews.export.run import ExportResult, export_file, export_text
from govnews.export.source import is_filtered, select_articles
from govnews.export.writers import ExportFormat

__all__ = ["TABLES", "ExportFormat", "ExportResult", "columns", "export_file", "export_text", "is_filtered",
           "select_articles"]
