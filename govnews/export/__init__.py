"""Tidy tables for analysts (officials, agencies, figures, targets, documents, mentions, articles), every row
traceable to its article and sentence; column meanings in ``docs/data-dictionary.md``.

``run`` orchestrates: ``source`` selects articles and reads their mentions, ``tables`` builds rows, ``writers``
writes them; ``columns.csv`` defines every column once.
"""
