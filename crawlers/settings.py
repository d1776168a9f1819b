"""Scrapy settings of the govnews crawler: only the settings we set, each with its reason.

See https://docs.scrapy.org/en/latest/topics/settings.html for the meaning of each.
"""

BOT_NAME = "govnews"
SPIDER_MODULES = ["crawlers.spiders"]
NEWSPIDER_MODULE = "crawlers.spiders"

# Identify ourselves honestly; portals' webmasters should know who is crawling.
USER_AGENT = "govnews/0.1 (research crawler for Vietnamese government news)"
ROBOTSTXT_OBEY = True

# Politeness: adaptive delays, few parallel requests per site.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4

# Robustness: portals are slow and flaky; retry server errors and timeouts, refuse huge pages.
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 0.5  # seconds before the first retry, doubled for each further one (crawlers/middlewares.py)
RETRY_BACKOFF_MAX = 30.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024

# Incremental crawling and near-duplicates (crawlers/middlewares.py, crawlers/pipelines.py). The state URL
# is the store's, set by `govnews crawl --incremental` and `govnews schedule`; without it nothing is remembered.
DOWNLOADER_MIDDLEWARES = {"crawlers.middlewares.ConditionalRequestMiddleware": 560,
                          "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
                          "crawlers.middlewares.BackoffRetryMiddleware": 550}
ITEM_PIPELINES = {"crawlers.pipelines.IncrementalPipeline": 100, "crawlers.pipelines.NearDuplicatePipeline": 200,
                  "crawlers.output.JsonLinesOutputPipeline": 300, "crawlers.pipelines.RememberPipeline": 400}
GOVNEWS_STATE_URL = None
GOVNEWS_NEAR_DUPLICATE_THRESHOLD = 0.7  # estimated Jaccard of word 4-grams; republished copies score 0.8-1.0

GOVNEWS_OUTPUT = None  # JSON Lines file of the articles (crawlers/output.py), set by `govnews crawl`
GOVNEWS_OUTPUT_APPEND = False  # resuming into the same file: keep what is there, skip what is already there
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
