"""The old ASP.NET-style fixture portal: ``Default.aspx``/``NewsDetail.aspx?ArticleID=…`` URLs whose
parameters come in either order and sometimes with a session id, nested layout tables, no charset in
the HTTP header but ``windows-1258`` in ``<meta http-equiv>``, tone marks written as combining characters
(as Vietnamese Windows code pages store them), date lines ``Thứ Tư, 25/01/2017 06:15`` and
``Cập nhật: 22-11-2026 14:05``, and no conditional requests."""

from __future__ import annotations

import html
import unicodedata
from typing import Any

from tests.portals.server import Page, Site
from tests.portals.text import WEEKDAYS, published_of

PER_PAGE = 4
BOILERPLATE = ["Văn bản mới", "Liên kết website", "Lượt truy cập", "Bản quyền thuộc", "Các tin khác",
               "Gửi cho bạn bè", "In trang", "Về đầu trang"]


def article_path(article: dict[str, Any]) -> str:
    return f"/Pages/NewsDetail.aspx?ArticleID={article['id']}&CateID={article['category']}"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below


def encode_1258(text: str) -> bytes:
    """windows-1258 as Vietnamese Windows software writes it: letters with ^ ˘ and horn precomposed,
    tone marks as separate combining characters."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        out += (base + tones).encode("cp1258", errors="xmlcharrefreplace")
    return bytes(out)


def _layout(truth: dict[str, Any], title: str, content: str) -> str:
    menu = "".join(f'<tr><td class="MenuItem"><a href="/Pages/ListNews.aspx?CateID={cid}">{_e(name)}</a></td></tr>'
                   for cid, name in truth["categories"].items())
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">
<title>{_e(title)}</title></head>
<body bgcolor="#ffffff"><form name="Form1" method="post" action="Default.aspx" id="Form1">
<input type="hidden" name="__VIEWSTATE" value="dDwtMTA4MzE0MjEwNTs7Pg==">
<table width="980" border="0" cellpadding="0" cellspacing="0" align="center">
<tr><td colspan="3" class="Banner"><a href="/Default.aspx"><img src="/Images/banner.jpg" alt="{_e(truth['name'])}"></a></td></tr>
<tr><td width="200" valign="top"><table width="100%" class="Menu">
<tr><td class="MenuItem"><a href="/Default.aspx">Trang chủ</a></td></tr>{menu}
<tr><td class="MenuItem"><a href="/Pages/LienHe.aspx">Liên hệ</a></td></tr></table>
<table width="100%" class="Box"><tr><td class="BoxTitle">Văn bản mới</td></tr>
<tr><td><a href="/Pages/VanBan.aspx?ID=15">Quyết định số 15/QĐ-UBND về kế hoạch cải cách hành chính</a></td></tr>
<tr><td><a href="/Pages/VanBan.aspx?ID=16">Công văn số 102/UBND-VP về lịch tiếp công dân</a></td></tr></table>
<table width="100%" class="Box"><tr><td class="BoxTitle">Liên kết website</td></tr>
<tr><td><a href="http://www.chinhphu.vn">Cổng TTĐT Chính phủ</a></td></tr></table></td>
<td width="580" valign="top">{content}</td>
<td width="200" valign="top"><table class="Box"><tr><td class="BoxTitle">Lượt truy cập</td></tr>
<tr><td>1.204.331</td></tr></table></td></tr>
<tr><td colspan="3" class="Footer">Bản quyền thuộc UBND huyện Sơn Nguyên (bản thử nghiệm). Trưởng ban biên tập: Chánh Văn phòng.
<br>Địa chỉ: Khối 3, thị trấn. ĐT: 0238.3871.000</td></tr></table></form></body></html>"""


def _date_line(article: dict[str, Any]) -> str:
    when = published_of(article)
    if article["id"] % 2:
        return f"Cập nhật: {when:%d-%m-%Y %H:%M}"
    return f"{WEEKDAYS[when.weekday()]}, {when:%d/%m/%Y %H:%M}"


def _article(truth: dict[str, Any], article: dict[str, Any], others: list[dict[str, Any]]) -> str:
    paragraphs = "".join(f'<p align="justify">{_e(p)}</p>' for p in article["body"])
    other_links = "".join(
        f'<tr><td>» <a href="/Pages/NewsDetail.aspx?CateID={o["category"]}&ArticleID={o["id"]}&sessionid=x7k2">'
        f'{_e(o["title"])}</a> <font color="gray">({published_of(o):%d/%m/%Y})</font></td></tr>' for o in others)
    content = f"""<table width="100%" cellpadding="4" class="NewsDetail">
<tr><td class="Title"><font size="4"><b>{_e(article['title'])}</b></font></td></tr>
<tr><td class="NgayDang"><i>{_date_line(article)}</i></td></tr>
<tr><td class="TrichDan"><b>{_e(article['lead'])}</b></td></tr>
<tr><td class="NoiDung">{paragraphs}<p align="right"><b>{_e(article['author'])}</b></p></td></tr>
<tr><td class="Tools"><a href="javascript:window.print()">In trang</a> | <a href="/Pages/GuiBai.aspx?ArticleID={article['id']}">Gửi cho bạn bè</a> | <a href="#top">Về đầu trang</a></td></tr>
<tr><td class="OtherNews"><b>Các tin khác</b><table>{other_links}</table></td></tr></table>"""
    return _layout(truth, article["title"], content)


def _list(truth: dict[str, Any], members: list[dict[str, Any]], heading: str, pager: str) -> str:
    rows = "".join(
        f'<tr><td class="ListTitle"><a href="{article_path(a)}">{_e(a["title"])}</a> '
        f'<font color="gray">({published_of(a):%d/%m/%Y})</font><br>{_e(a["lead"])}</td></tr>' for a in members)
    return _layout(truth, heading, f'<table width="100%"><tr><td class="CateTitle">{_e(heading)}</td></tr>{rows}'
                                   f'<tr><td class="Pager">{pager}</td></tr></table>')


def render(truth: dict[str, Any], base_url: str) -> Site:
    """Every page of the portal (``base_url`` is unused: its links are all relative)."""
    articles = sorted(truth["articles"], key=published_of, reverse=True)
    pages: dict[str, str] = {}
    home = _list(truth, articles[:4], "Tin mới", "")
    pages["/Default.aspx"] = home
    pages["/"] = home
    for cid, name in truth["categories"].items():
        members = [a for a in articles if a["category"] == cid]
        count = -(-len(members) // PER_PAGE)
        for page in range(1, count + 1):
            pager = " ".join(f'<a href="/Pages/ListNews.aspx?CateID={cid}&Page={n}">[{n}]</a>' if n != page
                             else f"<b>{n}</b>" for n in range(1, count + 1))
            path = f"/Pages/ListNews.aspx?CateID={cid}" + (f"&Page={page}" if page > 1 else "")
            pages[path] = _list(truth, members[(page - 1) * PER_PAGE: page * PER_PAGE], name, pager)
    for i, article in enumerate(articles):
        others = [a for a in articles if a is not article and a["category"] == article["category"]][i % 3: i % 3 + 4]
        pages[article_path(article)] = _article(truth, article, others)
    pages["/Pages/LienHe.aspx"] = _layout(truth, "Liên hệ", "<p>Văn phòng HĐND và UBND huyện tiếp nhận ý kiến của "
                                          "công dân trong giờ hành chính các ngày làm việc trong tuần.</p>")
    for doc_id, title in ((15, "Quyết định số 15/QĐ-UBND"), (16, "Công văn số 102/UBND-VP")):
        pages[f"/Pages/VanBan.aspx?ID={doc_id}"] = _layout(
            truth, title, f'<table><tr><td class="Title">{title}</td></tr><tr><td>Ngày ban hành: 05/01/2017</td></tr>'
            f'<tr><td><a href="/Uploads/VanBan/{doc_id}.doc">Tải văn bản</a></td></tr></table>')
    site = {path: Page(encode_1258(unicodedata.normalize("NFC", body)), "text/html") for path, body in pages.items()}
    site["/robots.txt"] = Page(b"User-agent: *\nDisallow: /Admin/\n", "text/plain")
    site["/Uploads/VanBan/15.doc"] = Page(b"\xd0\xcf\x11\xe0 not a real doc", "application/msword")
    return Site(site, params=frozenset({"ArticleID", "CateID", "Page", "ID"}), conditional=False)
