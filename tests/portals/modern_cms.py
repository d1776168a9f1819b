"""The "modern CMS" fixture portal: category lists with numbered pagination, an RSS feed, bylines,
``article:published_time`` on some articles and a visible ``13:45 | 22/11/2026`` line on all, a header
showing today's date, related-news and most-read boxes, share buttons, a comment form, and noise
(tracking parameters, a print view, session ids, a dead link, a 500 that succeeds on retry, a slow page,
a PDF, tag, video and contact pages)."""

from __future__ import annotations

import html
from typing import Any

from tests.portals.server import Page, Site
from tests.portals.text import published_of

PER_PAGE = 3
BOILERPLATE = ["Tin liên quan", "Đọc nhiều", "Chia sẻ", "Bình luận", "Gửi bình luận", "Cơ quan chủ quản",
               "Giấy phép số", "Từ khóa", "Tin cùng chuyên mục", "Đăng ký nhận bản tin"]


def article_path(article: dict[str, Any]) -> str:
    return f"/{article['category']}/{article['slug']}-{article['id']}.html"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _layout(truth: dict[str, Any], title: str, main: str, head: str = "", most_read: str = "") -> str:
    menu = "".join(f'<li><a href="/chuyen-muc/{slug}">{_e(name)}</a></li>' for slug, name in truth["categories"].items())
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{_e(title)} | {_e(truth['name'])}</title>
<link rel="alternate" type="application/rss+xml" title="Tin mới" href="/rss/tin-moi.rss">{head}</head>
<body><div class="top-bar"><span class="date">Thứ Hai, 23/11/2026</span>
<a href="/lien-he.html">Liên hệ</a> <a href="/dang-nhap;jsessionid=8F3A1C">Đăng nhập</a></div>
<header><a class="logo" href="/?utm_source=logo">{_e(truth['name'])}</a>
<nav><ul class="menu"><li><a href="/">Trang chủ</a></li>{menu}<li><a href="/video">Video</a></li></ul></nav></header>
<div class="container"><main class="main-col">{main}</main>
<aside class="sidebar"><div class="box most-read"><h3>Đọc nhiều</h3><ol>{most_read}</ol></div>
<div class="box newsletter"><h3>Đăng ký nhận bản tin</h3><form><input name="email"><button>Đăng ký</button></form></div>
</aside></div>
<footer class="footer"><p>Cơ quan chủ quản: Tỉnh ủy (bản thử nghiệm). Giấy phép số 123/GP-BTTTT.</p>
<p>Địa chỉ: 15 Trần Phú. Điện thoại: 0239.3855.000. Email: toasoan@example.vn</p>
<p><a href="/tai-lieu/bang-gia-quang-cao.pdf">Bảng giá quảng cáo</a> · <a href="/rss/tin-moi.rss">RSS</a></p></footer>
</body></html>"""


def _teaser(article: dict[str, Any], source: str) -> str:
    when = published_of(article)
    return (f'<article class="story"><h3 class="story-title"><a href="{article_path(article)}?utm_source={source}'
            f'&utm_medium=web">{_e(article["title"])}</a></h3><span class="time">{when:%H:%M %d/%m/%Y}</span>'
            f'<p class="story-sapo">{_e(article["lead"])}</p></article>')


def _article(truth: dict[str, Any], article: dict[str, Any], related: list[dict[str, Any]], most_read: str) -> str:
    when = published_of(article)
    head = '<meta property="og:type" content="article">'
    if article["id"] % 2:
        head += f'<meta property="article:published_time" content="{when.isoformat()}">'
    body = "".join(f"<p>{_e(p)}</p>" for p in article["body"])
    if caption := article.get("caption"):
        body = (body[: body.index("</p>") + 4] + f'<figure class="image"><img src="/images/{article["id"]}.jpg" '
                f'alt="{_e(caption)}"><figcaption>{_e(caption)}</figcaption></figure>' + body[body.index("</p>") + 4:])
    links = "".join(f'<li><a href="{article_path(r)}#top">{_e(r["title"])}</a> <span class="date">'
                    f'{published_of(r):%d/%m/%Y}</span></li>' for r in related)
    category = truth["categories"][article["category"]]
    main = f"""<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/chuyen-muc/{article['category']}">{category}</a></div>
<article class="detail">
<h1 class="detail-title">{_e(article['title'])}</h1>
<div class="detail-meta"><span class="detail-time">{when:%H:%M} | {when:%d/%m/%Y}</span>
<a class="print" href="{article_path(article)}?print=1">In bài</a></div>
<h2 class="detail-sapo">{_e(article['lead'])}</h2>
<div class="detail-content">{body}</div>
<p class="detail-author"><strong>{_e(article['author'])}</strong></p>
</article>
<div class="share"><span>Chia sẻ:</span> <a href="https://facebook.com/sharer?u=x">Facebook</a> <a href="#">Zalo</a></div>
<div class="tags">Từ khóa: <a href="/tag/phat-trien">phát triển</a> <a href="/tag/dia-phuong">địa phương</a></div>
<section class="related"><h3>Tin liên quan</h3><ul>{links}</ul></section>
<section class="comments"><h3>Bình luận</h3><form><textarea name="c"></textarea><button>Gửi bình luận</button></form></section>
<section class="same-category"><h3>Tin cùng chuyên mục</h3><ul>
<li><a href="/{article['category']}/bai-da-go-{article['id'] + 900}.html">Bài đã gỡ</a></li></ul></section>"""
    return _layout(truth, article["title"], main, head, most_read)


def render(truth: dict[str, Any], base_url: str) -> Site:
    """Every page of the portal, for a server whose home page is ``base_url``."""
    articles = sorted(truth["articles"], key=published_of, reverse=True)
    most_read = "".join(f'<li><a href="{article_path(a)}?utm_source=most-read">{_e(a["title"])}</a></li>'
                        for a in articles[4:8])
    pages: dict[str, str] = {}
    pages["/"] = _layout(truth, "Trang chủ", '<section class="home-news"><h2>Tin mới nhất</h2>'
                         + "".join(_teaser(a, "home") for a in articles[:6]) + "</section>", most_read=most_read)
    for slug, name in truth["categories"].items():
        members = [a for a in articles if a["category"] == slug]
        count = -(-len(members) // PER_PAGE)
        for page in range(1, count + 1):
            chunk = members[(page - 1) * PER_PAGE: page * PER_PAGE]
            pager = "".join(f'<a href="/chuyen-muc/{slug}?page={n}">{n}</a> ' for n in range(1, count + 1) if n != page)
            if page < count:
                pager += f'<a class="next" href="/chuyen-muc/{slug}?page={page + 1}">Trang sau »</a>'
            path = f"/chuyen-muc/{slug}" + (f"?page={page}" if page > 1 else "")
            pages[path] = _layout(truth, name, f'<h2 class="cat-title">{_e(name)}</h2>'
                                  + "".join(_teaser(a, "cat") for a in chunk) + f'<div class="pager">{pager}</div>',
                                  most_read=most_read)
    # ?page=1 is the first page again: one more duplicate spelling of a list page.
    for slug in truth["categories"]:
        pages[f"/chuyen-muc/{slug}?page=1"] = pages[f"/chuyen-muc/{slug}"]
    for i, article in enumerate(articles):
        related = [a for a in articles if a is not article][i % 5: i % 5 + 3]
        pages[article_path(article)] = _article(truth, article, related, most_read)
    pages["/tag/phat-trien"] = _layout(truth, "phát triển", "<h2>Từ khóa: phát triển</h2>"
                                       + "".join(_teaser(a, "tag") for a in articles[2:5]), most_read=most_read)
    pages["/tag/dia-phuong"] = _layout(truth, "địa phương", "<h2>Từ khóa: địa phương</h2>"
                                       + "".join(_teaser(a, "tag") for a in articles[7:9]), most_read=most_read)
    pages["/video"] = _layout(truth, "Video", "<h2>Video</h2><p>Chuyên mục video đang được cập nhật.</p>",
                              most_read=most_read)
    pages["/lien-he.html"] = _layout(truth, "Liên hệ", "<h2>Liên hệ tòa soạn</h2><p>Tòa soạn tiếp nhận tin bài, "
                                     "ý kiến bạn đọc qua thư điện tử và đường bưu điện. Bạn đọc gửi bài xin ghi rõ họ "
                                     "tên, địa chỉ và số điện thoại để tòa soạn tiện liên hệ khi cần trao đổi.</p>"
                                     "<p>Giờ làm việc: sáng từ 7 giờ 30 đến 11 giờ 30, chiều từ 13 giờ 30 đến 17 giờ, "
                                     "từ thứ Hai đến thứ Sáu hằng tuần, trừ các ngày nghỉ lễ theo quy định.</p>",
                                     most_read=most_read)
    pages["/dang-nhap"] = _layout(truth, "Đăng nhập", '<form method="post"><input name="u"><input name="p"></form>')
    rss_items = "".join(
        f"<item><title>{_e(a['title'])}</title><link>{base_url.rstrip('/')}{article_path(a)}?utm_source=rss</link>"
        f"<pubDate>{published_of(a):%a, %d %b %Y %H:%M:%S %z}</pubDate><description>{_e(a['lead'])}</description></item>"
        for a in articles[:8])
    rss = (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{_e(truth["name"])}</title>'
           f"<link>{base_url}</link>{rss_items}</channel></rss>")
    site = {path: Page(body.encode("utf-8")) for path, body in pages.items()}
    site["/rss/tin-moi.rss"] = Page(rss.encode("utf-8"), "application/rss+xml; charset=utf-8")
    site["/robots.txt"] = Page(b"User-agent: *\nDisallow: /quan-tri/\nDisallow: /dang-nhap\n", "text/plain")
    site["/tai-lieu/bang-gia-quang-cao.pdf"] = Page(b"%PDF-1.4\n% not a real pdf\n", "application/pdf")
    by_id = {a["id"]: a for a in articles}
    if 1004 in by_id and 1005 in by_id:
        site[article_path(by_id[1004])].fail_first = 1  # a 500 that succeeds on retry
        site[article_path(by_id[1005])].delay = 1.5  # a slow page
    return Site(site, params=frozenset({"page"}))


