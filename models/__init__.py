"""Trained models and their training/evaluation code; the pipeline loads them by version."""
