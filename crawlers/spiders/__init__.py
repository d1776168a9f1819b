"""Spiders: one per discovery strategy."""
