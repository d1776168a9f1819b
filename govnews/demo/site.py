"""A small local news portal in the style of a Vietnamese provincial portal, served on loopback.

Its articles (``articles.jsonl``) were written for govnews. The pages carry what real portals carry:
category lists with pagination, a visible Vietnamese date line, bylines, related-news boxes, share
buttons, a comment form, a footer, a non-article page, a dead link, robots.txt, and one article
served in NFD (as old portals do), so the crawler and the pipeline meet realistic noise.
"""

from __future__ import annotations

import html
import json
import threading
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any

PER_PAGE = 4
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
CATEGORIES = {"thoi-su": "Thời sự", "kinh-te": "Kinh tế", "chuyen-doi-so": "Chuyển đổi số",
              "van-hoa-xa-hoi": "Văn hóa - Xã hội"}
SITE_NAME = "Cổng Thông tin điện tử (bản demo của govnews)"


def load_articles() -> list[dict[str, Any]]:
    text = (resources.files("govnews.demo") / "articles.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def article_path(article: dict[str, Any]) -> str:
    return f"/tin-tuc/{article['slug']}.html"


def _layout(title: str, body: str, head: str = "") -> str:
    nav = "".join(f'<li><a href="/chuyen-muc/{slug}">{name}</a></li>' for slug, name in CATEGORIES.items())
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)} - {SITE_NAME}</title>{head}</head>
<body>
<header class="site-header"><a href="/" class="logo">{SITE_NAME}</a>
<nav class="menu"><ul><li><a href="/">Trang chủ</a></li>{nav}
<li><a href="/gioi-thieu.html">Giới thiệu</a></li></ul></nav>
<form class="search" action="/tim-kiem"><input name="q" placeholder="Tìm kiếm"></form></header>
<main>{body}</main>
<aside class="sidebar"><h3>Liên kết website</h3><ul>
<li><a href="https://chinhphu.vn/">Cổng TTĐT Chính phủ</a></li><li><a href="https://quochoi.vn/">Quốc hội</a></li>
</ul><div class="weather">Thời tiết hôm nay: 28°C</div></aside>
<footer class="site-footer">Cơ quan chủ quản: bản demo của govnews. Địa chỉ: 01 Lê Lợi. Điện thoại: 0234.3822.000.
Ghi rõ nguồn khi phát hành lại thông tin từ website này.</footer>
</body></html>"""


def _teaser(article: dict[str, Any]) -> str:
    published = datetime.fromisoformat(article["published"])
    return (f'<div class="news-item"><h3><a href="{article_path(article)}">{html.escape(article["title"])}</a></h3>'
            f'<span class="date">{published:%d/%m/%Y}</span><p>{html.escape(article["lead"])}</p></div>')


def _article_page(article: dict[str, Any], related: list[dict[str, Any]], with_meta: bool) -> str:
    published = datetime.fromisoformat(article["published"])
    date_line = f"{WEEKDAYS[published.weekday()]}, {published:%d/%m/%Y %H:%M}"
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in article["body"])
    related_links = "".join(f'<li><a href="{article_path(r)}">{html.escape(r["title"])}</a></li>' for r in related)
    head = '<meta property="og:type" content="article">'
    if with_meta:
        head += f'<meta property="article:published_time" content="{article["published"]}">'
    category = article["category"]
    body = f"""<div class="breadcrumb"><a href="/">Trang chủ</a> /
<a href="/chuyen-muc/{category}">{CATEGORIES[category]}</a></div>
<article class="detail">
<h1 class="title">{html.escape(article['title'])}</h1>
<div class="post-date">{date_line}</div>
<p class="sapo"><strong>{html.escape(article['lead'])}</strong></p>
<div class="content">{paragraphs}
<figure><img src="/images/{article['slug']}.jpg" alt=""><figcaption>Ảnh minh họa</figcaption></figure>
<p class="author" style="text-align:right"><strong>{html.escape(article['author'])}</strong></p>
</div></article>
<div class="share-buttons"><a href="#">Chia sẻ Facebook</a> <a href="#">Zalo</a> <a href="#">In bài</a></div>
<div class="related-news"><h3>Tin liên quan</h3><ul>{related_links}</ul></div>
<form class="comment-form"><h3>Ý kiến bạn đọc</h3><textarea name="comment"></textarea><button>Gửi</button></form>"""
    return _layout(article["title"], body, head)


def render_site(articles: list[dict[str, Any]]) -> dict[str, tuple[str, bytes]]:
    """Every page of the portal: path → (content type, body)."""
    ordered = sorted(articles, key=lambda a: a["published"], reverse=True)
    pages: dict[str, str] = {}
    pages["/"] = _layout("Trang chủ", '<section class="latest"><h2>Tin mới</h2>'
                         + "".join(_teaser(a) for a in ordered[:5]) + "</section>")
    for slug, name in CATEGORIES.items():
        members = [a for a in ordered if a["category"] == slug]
        count = max(1, -(-len(members) // PER_PAGE))
        for page in range(1, count + 1):
            chunk = members[(page - 1) * PER_PAGE : page * PER_PAGE]
            pager = f'<a class="next" href="/chuyen-muc/{slug}?trang={page + 1}">Trang sau</a>' if page < count else ""
            path = f"/chuyen-muc/{slug}" + (f"?trang={page}" if page > 1 else "")
            pages[path] = _layout(name, f"<h2>{name}</h2>" + "".join(_teaser(a) for a in chunk) + pager)
    for i, article in enumerate(ordered):
        related = [a for a in ordered if a is not article][i % 3 : i % 3 + 3]
        page = _article_page(article, related, with_meta=i % 2 == 0)
        if i == len(ordered) - 1:
            page = unicodedata.normalize("NFD", page)  # an old portal serving decomposed text
        pages[article_path(article)] = page
    pages["/gioi-thieu.html"] = _layout("Giới thiệu", "<h2>Giới thiệu</h2><p>Trang thông tin thử nghiệm.</p>"
                                        '<p><a href="/tin-tuc/bai-da-xoa.html">Bài viết cũ</a></p>')
    site = {path: ("text/html; charset=utf-8", page.encode("utf-8")) for path, page in pages.items()}
    site["/robots.txt"] = ("text/plain", b"User-agent: *\nDisallow: /quan-tri/\n")
    return site


@dataclass
class RunningSite:
    server: ThreadingHTTPServer
    thread: threading.Thread

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def serve_site(pages: dict[str, tuple[str, bytes]], host: str = "127.0.0.1", port: int = 0) -> RunningSite:
    """Serve ``pages`` over HTTP in a background thread; port 0 picks a free one."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            page = pages.get(self.path)
            if page is None:
                self.send_error(404, "Not Found")
                return
            content_type, body = page
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            return None  # the crawler logs what it fetched

    return start_server(Handler, host, port, "demo-site")


def start_server(handler: type[BaseHTTPRequestHandler], host: str = "127.0.0.1", port: int = 0,
                 name: str = "http-server") -> RunningSite:
    """A threading HTTP server with ``handler`` in a background thread; port 0 picks a free one."""
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
    thread.start()
    return RunningSite(server, thread)
