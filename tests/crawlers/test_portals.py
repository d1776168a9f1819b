"""The generic spider on the three fixture portals (modern CMS, old ASP.NET portal, sitemap-driven site),
from their start URLs only, scored against the truth written beside the portals."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from govnews.urls import canonical_url
from tests.portals.text import published_of, shows_time


def _truth(portals):  # type: ignore[no-untyped-def]
    return {canonical_url(p.article_url(a)): (p, a) for p in portals.values() for a in p.truth["articles"]}


def test_crawl_finds_every_article_once_and_nothing_else(portals, portal_crawl):
    items, _ = portal_crawl
    urls = [item["url"] for item in items]
    assert sorted(urls) == sorted(_truth(portals))
    assert len(set(urls)) == len(urls) == 37
    assert not [u for u in urls if "utm_" in u or "print" in u or "sessionid" in u.lower() or "#" in u]


def test_crawl_extracts_title_date_author_and_clean_body(portals, portal_crawl):
    truth = _truth(portals)
    for item in portal_crawl[0]:
        portal, article = truth[item["url"]]
        assert item["title"] == article["title"]
        published = datetime.fromisoformat(item["published"])
        assert published.utcoffset() is not None
        if shows_time(article):
            assert published == published_of(article)
        else:
            assert published.date() == published_of(article).date()
        assert item["author"] == article["author"]
        assert item["lead"] == article["lead"]
        assert item["text"].split("\n") == [article["lead"], *article["body"]]
        assert unicodedata.is_normalized("NFC", item["text"] + item["title"])
        assert not [b for b in portal.renderer.BOILERPLATE if b in item["text"]]
        if article.get("caption"):
            assert item["captions"] == [article["caption"]]
            assert article["caption"] not in item["text"]


def test_old_portal_text_declared_only_in_meta_and_decomposed_is_read_as_nfc(portals, portal_crawl):
    aspnet = portals["aspnet_portal"]
    page = aspnet.portal.site.pages["/Pages/NewsDetail.aspx?ArticleID=201&CateID=4"]
    assert page.content_type == "text/html"  # no charset in the header: only <meta http-equiv> names it
    assert "Huyê\u0323n".encode("cp1258") in page.body  # the tone mark is a combining character on the wire
    items = {i["url"]: i for i in portal_crawl[0]}
    item = items[canonical_url(aspnet.article_url(aspnet.truth["articles"][0]))]
    assert item["title"] == "Huyện tổng kết phong trào xây dựng nông thôn mới"


def test_republished_stories_are_linked_to_their_first_copy(portals, portal_crawl):
    items = {i["url"]: i for i in portal_crawl[0]}
    cms, sitemap = portals["modern_cms"], portals["sitemap_site"]
    by_id = {a["id"]: a for a in cms.truth["articles"]}
    for copy in (a for a in sitemap.truth["articles"] if a.get("near_duplicate_of")):
        original = canonical_url(cms.article_url(by_id[int(copy["near_duplicate_of"].split("/")[1])]))
        copy_url = canonical_url(sitemap.article_url(copy))
        assert {items[copy_url].get("duplicate_of"), items[original].get("duplicate_of")} == {None, original} or \
            {items[copy_url].get("duplicate_of"), items[original].get("duplicate_of")} == {None, copy_url}
    linked = [i for i in items.values() if i.get("duplicate_of")]
    assert len(linked) == 2  # only the two republished stories, no false links


def test_noise_is_survived_politely(portals, portal_crawl):
    cms = portals["modern_cms"].portal
    by_id = {a["id"]: a for a in portals["modern_cms"].truth["articles"]}
    failing = portals["modern_cms"].renderer.article_path(by_id[1004])
    assert cms.requests[failing] == 2  # a 500, then the retry succeeded (and its article is in the output)
    first, retry = cms.times[failing]
    assert retry - first >= 0.45  # the retry backed off (0.5 s before the first retry)
    assert cms.requests["/dang-nhap"] == 0  # disallowed by robots.txt
    assert cms.requests["/robots.txt"] >= 1
    sitemap = portals["sitemap_site"].portal
    assert sitemap.requests["/sitemap.xml"] == 1 and sitemap.requests["/sitemaps/bai-viet.xml.gz"] == 1
    assert sitemap.requests["/bai-viet/bai-da-xoa"] == 1  # a dead sitemap entry is tried once, not retried
    for portal in portals.values():
        over = {k: v for k, v in portal.portal.requests.items() if v > 2 or (v > 1 and k != failing
                                                                           and k != "/robots.txt")}
        assert not over, over  # no page fetched twice: canonical URLs collapse duplicate links
