"""The sitemap-driven fixture site: the home page lists only the three newest stories and there are no
category archives, so older stories are found only through robots.txt → sitemap index → sitemaps
(one a news sitemap, one gzipped) or the Atom feed. Dates come from JSON-LD, from a ``Cập nhật: 20-11-2026 19:45``
line, or only as a day (``Đăng ngày 27/6/2024``). Two stories are republished from the modern CMS."""

from __future__ import annotations

import gzip
import html
import json
from typing import Any

from tests.portals.server import Page, Site
from tests.portals.text import WEEKDAYS, published_of

BOILERPLATE = ["Bài viết cùng chủ đề", "Theo dõi chúng tôi", "Tạp chí Kinh tế vùng Bắc Trung Bộ (cổng",
               "Quảng cáo", "Xem thêm", "Ý kiến của bạn"]


def article_path(article: dict[str, Any]) -> str:
    return f"/bai-viet/{article['slug']}"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _layout(truth: dict[str, Any], title: str, main: str, head: str = "") -> str:
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{_e(title)}</title>
<link rel="alternate" type="application/atom+xml" href="/feed.atom">{head}</head>
<body><header class="site-header"><a href="/" class="brand">{_e(truth['name'])}</a>
<a href="/gioi-thieu">Giới thiệu</a></header>
<div class="ad-slot">Quảng cáo</div>
<main id="main">{main}</main>
<footer><p>{_e(truth['name'])}. Theo dõi chúng tôi trên mạng xã hội.</p></footer></body></html>"""


def _date_block(article: dict[str, Any]) -> tuple[str, str]:
    """(JSON-LD script, visible date line) in the article's style."""
    when = published_of(article)
    style = article["date_style"]
    ld: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article["title"],
                          "author": {"@type": "Person", "name": article["author"]}}
    if style == "json-ld":
        ld["datePublished"] = when.isoformat()
        visible = f"{WEEKDAYS[when.weekday()]}, ngày {when.day}/{when.month}/{when.year}"
    elif style == "updated":
        visible = f"Cập nhật: {when:%d-%m-%Y %H:%M}"
    else:
        visible = f"Đăng ngày {when.day}/{when.month}/{when.year}"
    script = f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
    return script, visible


def _article(truth: dict[str, Any], article: dict[str, Any], more: list[dict[str, Any]]) -> str:
    script, visible = _date_block(article)
    paragraphs = "".join(f"<p>{_e(p)}</p>" for p in article["body"])
    more_links = "".join(f'<li><a href="{article_path(m)}">{_e(m["title"])}</a></li>' for m in more)
    main = f"""<article class="post"><header><h1 class="post-title">{_e(article['title'])}</h1>
<div class="post-meta"><span class="byline">{_e(article['author'])}</span> · <span class="post-date">{visible}</span></div></header>
<div class="post-body"><p class="lead"><em>{_e(article['lead'])}</em></p>{paragraphs}</div>
<aside class="more"><h2>Bài viết cùng chủ đề</h2><ul>{more_links}</ul><a href="/chu-de/kinh-te">Xem thêm</a></aside>
<section class="feedback"><h2>Ý kiến của bạn</h2><form><textarea></textarea></form></section></article>"""
    return _layout(truth, article["title"], main, script + '<meta property="og:type" content="article">')


def render(truth: dict[str, Any], base_url: str) -> Site:
    """Every page of the site; sitemaps and the feed carry absolute URLs under ``base_url``."""
    base = base_url.rstrip("/")
    articles = sorted(truth["articles"], key=published_of, reverse=True)
    pages: dict[str, str] = {}
    pages["/"] = _layout(truth, truth["name"], '<section class="latest">' + "".join(
        f'<div class="card"><h2><a href="{article_path(a)}">{_e(a["title"])}</a></h2><p>{_e(a["lead"])}</p></div>'
        for a in articles[:3]) + "</section>")
    for i, article in enumerate(articles):
        more = [a for a in articles if a is not article][i % 4: i % 4 + 2]
        pages[article_path(article)] = _article(truth, article, more)
    pages["/gioi-thieu"] = _layout(truth, "Giới thiệu", "<h1>Giới thiệu</h1><p>Tạp chí điện tử thử nghiệm, đăng tin "
                                   "kinh tế các tỉnh trong vùng.</p>")
    site = {path: Page(body.encode("utf-8")) for path, body in pages.items()}

    def urlset(entries: list[str], news: bool = False) -> bytes:
        ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
        return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
                f"{ns}>{''.join(entries)}</urlset>").encode()

    def url_entry(article: dict[str, Any], news: bool) -> str:
        when = published_of(article).isoformat()
        extra = (f"<news:news><news:publication><news:name>Kinh te vung</news:name><news:language>vi</news:language>"
                 f"</news:publication><news:publication_date>{when}</news:publication_date>"
                 f"<news:title>{_e(article['title'])}</news:title></news:news>") if news else f"<lastmod>{when}</lastmod>"
        return f"<url><loc>{base}{article_path(article)}</loc>{extra}</url>"

    recent, older = articles[:4], articles[4:]
    site["/sitemaps/news.xml"] = Page(urlset([url_entry(a, True) for a in recent], news=True), "application/xml")
    site["/sitemaps/bai-viet.xml.gz"] = Page(gzip.compress(urlset([url_entry(a, False) for a in older]
                                                                  + [f"<url><loc>{base}/bai-viet/bai-da-xoa</loc></url>"])),
                                             "application/x-gzip")
    site["/sitemaps/trang.xml"] = Page(urlset([f"<url><loc>{base}/gioi-thieu</loc></url>",
                                               f"<url><loc>{base}/</loc></url>"]), "application/xml")
    index = "".join(f"<sitemap><loc>{base}/sitemaps/{name}</loc></sitemap>"
                    for name in ("news.xml", "bai-viet.xml.gz", "trang.xml"))
    site["/sitemap.xml"] = Page(('<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
                                 f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>').encode(),
                                "application/xml")
    entries = "".join(f"<entry><title>{_e(a['title'])}</title><link href=\"{base}{article_path(a)}\"/>"
                      f"<updated>{published_of(a).isoformat()}</updated><id>{base}{article_path(a)}</id></entry>"
                      for a in articles[:5])
    site["/feed.atom"] = Page(('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                               f"<title>Kinh te vung</title>{entries}</feed>").encode(), "application/atom+xml")
    site["/robots.txt"] = Page(f"User-agent: *\nDisallow: /quan-tri/\nSitemap: {base}/sitemap.xml\n".encode(),
                               "text/plain")
    return Site(site)
