from govnews.urls import article_id, canonical_url, site_of


def test_canonical_url_drops_tracking_session_and_fragment():
    assert canonical_url("HTTPS://www.ThuaThienHue.gov.vn:443/tin-tuc/a.html?utm_source=fb&id=3&fbclid=x#top") \
        == "https://thuathienhue.gov.vn/tin-tuc/a.html?id=3"
    assert canonical_url("http://so.gov.vn/Pages/a.aspx;jsessionid=ABC?b=2&a=1") == "http://so.gov.vn/Pages/a.aspx?a=1&b=2"
    assert canonical_url("http://127.0.0.1:8123/tin/") == "http://127.0.0.1:8123/tin"


def test_article_id_is_stable_across_spellings_of_one_url():
    a = article_id("https://so.gov.vn/tin/a.html?utm_campaign=x")
    assert a == article_id("https://www.so.gov.vn/tin/a.html#comments")
    assert a != article_id("https://so.gov.vn/tin/b.html")
    assert len(a) == 20


def test_site_of_is_the_host():
    assert site_of("https://www.baothuathienhue.vn/a") == "baothuathienhue.vn"


def test_canonical_url_drops_print_views_and_session_ids_from_the_data_file():
    assert canonical_url("https://baohatinh.vn/a-123.html?print=1&gidzl=Zx") == "https://baohatinh.vn/a-123.html"
    assert canonical_url("http://so.gov.vn/Pages/NewsDetail.aspx?CateID=4&ArticleID=9&sessionid=x7&__VIEWSTATE=z") \
        == "http://so.gov.vn/Pages/NewsDetail.aspx?ArticleID=9&CateID=4"
    assert canonical_url("https://so.gov.vn/tin?page=2") == "https://so.gov.vn/tin?page=2"  # pagination is kept
