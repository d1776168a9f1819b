"""A small corpus written for the search tests, run through the real pipeline into a real index."""

from __future__ import annotations

import pytest

from govnews.records import RawArticle
from tests.conftest import ingested

CORPUS = [
    RawArticle(url="https://thuathienhue.gov.vn/tin/1", site="thuathienhue.gov.vn",
               published="2023-04-10T08:00:00+07:00", author="Minh Châu",
               title="Thừa Thiên Huế đẩy mạnh chuyển đổi số",
               text="Sáng 10/4, UBND tỉnh Thừa Thiên Huế họp bàn kế hoạch chuyển đổi số năm 2023. "
                    "Giám đốc Sở Thông tin và Truyền thông Nguyễn Xuân Sơn cho biết 95% hồ sơ được tiếp nhận "
                    "trực tuyến và dữ liệu dân cư đã được làm sạch."),
    RawArticle(url="https://danang.gov.vn/tin/2", site="danang.gov.vn", published="2024-09-02T09:15:00+07:00",
               title="Đà Nẵng thu hút đầu tư vào khu công nghệ cao",
               text="Đà Nẵng cấp phép cho 12 dự án đầu tư mới vào Khu công nghệ cao với tổng vốn hơn 300 triệu USD. "
                    "Lãnh đạo thành phố cam kết cải thiện môi trường kinh doanh cho doanh nghiệp."),
    RawArticle(url="https://binhduong.gov.vn/tin/3", site="binhduong.gov.vn", published="2022-06-20T10:00:00+07:00",
               title="Bình Dương phát triển đô thị thông minh",
               text="Tỉnh Bình Dương triển khai đề án đô thị thông minh, kết nối dữ liệu giữa các sở, ngành. "
                    "Chuyển đổi số được xác định là động lực tăng trưởng của tỉnh trong giai đoạn tới."),
    RawArticle(url="https://thuathienhue.gov.vn/tin/4", site="thuathienhue.gov.vn",
               published="2024-11-05T14:00:00+07:00",
               title="Huế tổ chức lễ hội đường phố dịp cuối năm",
               text="Thành phố Huế tổ chức lễ hội đường phố với hàng nghìn du khách tham gia. Sở Văn hóa và Thể "
                    "thao phối hợp với các đơn vị bảo đảm an toàn cho người dân và du khách trong những ngày diễn "
                    "ra lễ hội."),
]


@pytest.fixture(scope="session")
def search_env(tmp_path_factory, processor_factory):
    with ingested(tmp_path_factory.mktemp("search"), processor_factory, CORPUS) as env:
        yield env


@pytest.fixture(scope="session")
def backend(search_env):
    return search_env[2]
