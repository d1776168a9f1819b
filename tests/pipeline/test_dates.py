from datetime import datetime

import pytest

from govnews.records import VN_TZ
from pipeline.dates import find_dates, parse_published


def values(text, published=None):
    return {e.text: e.attrs["value"] for e in find_dates(text, published)}


def test_find_dates_keeps_the_precision_of_the_text():
    text = ("Sáng 13/3, tỉnh họp về kế hoạch giai đoạn 2021 - 2025; ngày 27/6/2024 ký kết, "
            "từ 25-27/7 tổ chức hội chợ, quý II/2024 hoàn thành, Năm 2019 khởi công và tầm nhìn đến 2050.")
    assert values(text) == {"13/3": "--03-13", "giai đoạn 2021 - 2025": "2021/2025", "ngày 27/6/2024": "2024-06-27",
                            "25-27/7": "--07-25/--07-27", "quý II/2024": "2024-04/2024-06", "Năm 2019": "2019",
                            "2050": "2050"}


def test_find_dates_resolves_implicit_years_against_publication():
    published = datetime(2024, 3, 20, tzinfo=VN_TZ)
    [date] = find_dates("Chiều 13/3, đoàn công tác làm việc tại huyện.", published)
    assert date.attrs == {"value": "--03-13", "resolved": "2024-03-13"}
    [late] = find_dates("Ngày 28/12, hội nghị tổng kết diễn ra.", published)
    assert late.attrs["resolved"] == "2023-12-28"  # far after publication: last year's


def test_find_dates_ignores_fractions_ranks_and_percent_ranges():
    assert values("khoảng 1/3 doanh nghiệp, xếp thứ 2/63, tăng 10-15% và 6,5%") == {}


@pytest.mark.parametrize(("raw", "expected"), [
    ("Thứ Tư, 25/01/2017 06:15", datetime(2017, 1, 25, 6, 15, tzinfo=VN_TZ)),
    ("Cập nhật: 22-11-2026 14:05", datetime(2026, 11, 22, 14, 5, tzinfo=VN_TZ)),
    ("13:45 | 22/11/2026", datetime(2026, 11, 22, 13, 45, tzinfo=VN_TZ)),
    ("ngày 27/6/2024", datetime(2024, 6, 27, tzinfo=VN_TZ)),
    ("2024-03-14T08:30:00+07:00", datetime(2024, 3, 14, 8, 30, tzinfo=VN_TZ)),
    ("2024-03-14T01:30:00Z", datetime(2024, 3, 14, 8, 30, tzinfo=VN_TZ)),
])
def test_parse_published_reads_vietnamese_page_formats(raw, expected):
    assert parse_published(raw) == expected


def test_parse_published_refuses_what_is_not_a_date():
    assert parse_published("hôm qua") is None
    assert parse_published("31/02/2024") is None
    assert parse_published("") is None
