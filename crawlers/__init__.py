"""Collecting raw articles: the Scrapy project (spiders, item pipelines) and file readers.

Everything here yields :class:`govnews.records.RawArticle`; nothing here does NLP.
"""
