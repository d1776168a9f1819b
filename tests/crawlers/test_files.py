"""Readers of raw articles: every bad input becomes one InputError naming it, and reading goes on."""

import json

from crawlers.files import read_path
from govnews.errors import InputError
from govnews.records import RawArticle

ARTICLE_HTML = """<html><head><title>Tin</title>
<link rel="canonical" href="https://so.gov.vn/tin/ha-tang-so.html">
<meta property="article:published_time" content="2024-03-14T08:30:00+07:00"></head>
<body><nav><a href="/">Trang chủ</a></nav><article><h1>Đà Nẵng đầu tư hạ tầng số</h1>
<p>Ngày 14/3, UBND thành phố Đà Nẵng phê duyệt kế hoạch đầu tư hạ tầng số giai đoạn 2024 - 2026 với tổng vốn
khoảng 1.500 tỷ đồng, tập trung vào trung tâm dữ liệu và mạng cáp quang đến từng thôn.</p>
<p>Theo Sở Thông tin và Truyền thông, khi hoàn thành, toàn bộ hơn 1.000 cơ quan, đơn vị trên địa bàn sẽ dùng
chung nền tảng điều hành và chia sẻ dữ liệu, giảm chi phí vận hành cho ngân sách thành phố.</p></article>
<footer>Bản quyền thuộc về Cổng thông tin</footer></body></html>"""


def test_read_folder_reports_each_bad_file_and_keeps_the_good_ones(tmp_path):
    (tmp_path / "good.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (tmp_path / "note.txt").write_text("Tiêu đề bài\nNội dung của bài viết.", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Tiêu đề\nTiếng Việt".encode("utf-16"))
    (tmp_path / "menu.html").write_text("<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>",
                                        encoding="utf-8")
    (tmp_path / "huge.html").write_bytes(b"<html><body>" + b"<p>chu</p>" * 2_100_000 + b"</body></html>")
    items = list(read_path(tmp_path, max_bytes=20_000_000))
    errors = {e.source.rsplit("/", 1)[-1]: e.reason for e in items if isinstance(e, InputError)}
    articles = [a for a in items if isinstance(a, RawArticle)]
    assert errors == {"huge.html": "file is 21.0 MB, over the 20 MB limit",
                      "latin1.txt": "not UTF-8 text", "menu.html": "no article found in the HTML"}
    by_title = {a.title: a for a in articles}
    page = by_title["Đà Nẵng đầu tư hạ tầng số"]
    assert page.url == "https://so.gov.vn/tin/ha-tang-so.html"
    assert page.published == "2024-03-14T08:30:00+07:00"
    assert page.text.startswith("Ngày 14/3, UBND thành phố Đà Nẵng") and "Bản quyền" not in page.text
    assert by_title["Tiêu đề bài"].text == "Nội dung của bài viết."


def test_read_jsonl_goes_on_after_malformed_lines(tmp_path):
    path = tmp_path / "raw.jsonl"
    lines = [
        json.dumps({"url": "https://a.gov.vn/1", "title": "Một", "text": "Nội dung một"}, ensure_ascii=False),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "không có url", "text": "x"}, ensure_ascii=False),
        json.dumps({"url": "https://a.gov.vn/2", "title": 5, "text": "x"}),
        json.dumps({"url": "https://a.gov.vn/3", "html": ARTICLE_HTML}, ensure_ascii=False),
        json.dumps({"url": "https://a.gov.vn/4", "title": "Bốn", "text": "Nội dung bốn"}, ensure_ascii=False),
    ]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8") + b"\xff\xfe bad bytes\n")
    items = list(read_path(path, max_bytes=10_000_000))
    errors = [str(e) for e in items if isinstance(e, InputError)]
    assert errors == [
        f"{path}:2: malformed JSON (Expecting property name enclosed in double quotes at column 2)",
        f"{path}:3: expected a JSON object with url, title and text",
        f"{path}:4: missing 'url'",
        f"{path}:5: field 'title' must be a string",
        f"{path}:8: line is not UTF-8 text",
    ]
    articles = [a for a in items if isinstance(a, RawArticle)]
    assert [a.url for a in articles] == ["https://a.gov.vn/1", "https://a.gov.vn/3", "https://a.gov.vn/4"]
    assert articles[1].title == "Đà Nẵng đầu tư hạ tầng số" and "1.500 tỷ đồng" in articles[1].text
    assert articles[2].source == f"{path}:7"


def test_read_missing_path_is_an_input_error(tmp_path):
    [item] = list(read_path(tmp_path / "nope.jsonl", max_bytes=1000))
    assert isinstance(item, InputError) and item.reason == "no such file or folder"
