"""Counted nouns, shared units, rates and the numbers that are not figures, in sentences written for these tests."""

import pytest

from pipeline.numbers import parse_number


def figures(extractor, text):
    return {f.text: (f.attrs["value"], f.attrs["unit"], f.attrs["qualifier"])
            for f in extractor.extract_text(text).entities if f.type == "figure"}


def test_counted_nouns_the_tagger_does_not_call_nouns(extractor):
    found = figures(extractor, "Hợp tác xã mua thêm 120 ô tô điện, mạng có 2,4 triệu thuê bao và khu phố có "
                               "940 nhân khẩu; tỉnh kỷ niệm 65 năm ngày tái lập.")
    assert found["120 ô tô"] == (120, "ô tô", None)
    assert found["2,4 triệu thuê bao"] == (2_400_000, "thuê bao", None)
    assert found["940 nhân khẩu"] == (940, "nhân khẩu", None)
    assert found["65 năm"] == (65, "năm", None)


def test_a_list_or_a_change_shares_the_unit_written_at_its_end(extractor):
    found = figures(extractor, "Quỹ in tờ 20.000, 50.000 và 200.000 đồng; giá thiết bị giảm từ 48.500 xuống "
                               "41.000 USD, chi phí từ 2 triệu lên 3 triệu đồng.")
    assert found["20.000"] == (20_000, "VND", None) and found["50.000"] == (50_000, "VND", None)
    assert found["200.000 đồng"] == (200_000, "VND", None)
    assert found["48.500"] == (48_500, "USD", None) and found["41.000 USD"] == (41_000, "USD", None)
    assert found["2 triệu"] == (2_000_000, "VND", None)


def test_rates_take_any_lowercase_denominator_and_short_spellings(extractor):
    found = figures(extractor, "Giá vàng lên 7,2 triệu đồng/chỉ, dầu thô 81,5 USD/thùng, rau 9.000 đ/kg, "
                               "nồng độ 0,35 mg/l; nhiệt độ 31°C/24°C.")
    assert found["7,2 triệu đồng/chỉ"] == (7_200_000, "VND/chỉ", None)
    assert found["81,5 USD/thùng"] == (81.5, "USD/thùng", None)
    assert found["9.000 đ/kg"] == (9000, "VND/kg", None)
    assert found["0,35 mg/l"] == (0.35, "mg/l", None)
    assert found["31°C"] == (31, "°C", None) and found["24°C"] == (24, "°C", None)


def test_names_addresses_clock_times_weekdays_and_dated_numbers_are_not_figures(extractor):
    found = figures(extractor, "Theo văn bản 57 ngày 12-3-2024, xe Vinfast 8 bị hỏng khi Ban QLDA 6 làm chủ đầu "
                               "tư; trụ sở ở số 218 đường Trần Phú mở cửa lúc 7 giờ sáng Thứ bảy tuần này, "
                               "sau hơn 3 giờ họp.")
    assert found == {"hơn 3 giờ": (3, "giờ", "more_than")}


def test_malformed_and_huge_numbers_get_no_value():
    assert parse_number("1.2.3.4") is None and parse_number(",,5") is None and parse_number("1,234.5") is None
    assert parse_number("123456789012345678901") is None  # beyond a float's exact digits: refused, not rounded
    assert parse_number("999.999.999.999.999") == 999_999_999_999_999


def test_huge_and_glued_numbers_in_text_never_crash(extractor):
    found = figures(extractor, "Số 123456789012345678901 đồng, 12abc doanh nghiệp và 1,234.5 USD không rõ.")
    assert found == {}


def test_measure_words_classifiers_and_the_vạn_scale(extractor):
    found = figures(extractor, "Huyện có gần 3 vạn lao động; tàu neo cách bờ 12 hải lý. Trạm ghi nhận 8 ca mắc mới "
                               "và xử lý 5 vụ vi phạm.")
    assert found["gần 3 vạn lao động"] == (30_000, "lao động", "about")
    assert found["12 hải lý"] == (12, "hải lý", None)
    assert found["8 ca mắc"] == (8, "ca mắc", None)
    assert found["5 vụ vi phạm"] == (5, "vụ vi phạm", None)


def test_classifiers_take_their_noun_and_coordinated_nouns_count_together(extractor):
    found = figures(extractor, "Huyện mua 12 chiếc xe cứu thương. Tỉnh có 105 phường, xã, thị trấn với dân số đông; "
                               "kế hoạch nêu 6 nhóm nhiệm vụ, giải pháp chung. Năm nay có 10 doanh nghiệp, doanh thu "
                               "đạt 50 tỷ đồng.")
    assert found["12 chiếc xe"] == (12, "chiếc xe", None)
    assert found["105 phường, xã, thị trấn"] == (105, "phường, xã, thị trấn", None)
    assert found["6 nhóm nhiệm vụ, giải pháp"] == (6, "nhóm nhiệm vụ, giải pháp", None)
    assert found["10 doanh nghiệp"] == (10, "doanh nghiệp", None)  # a verb follows "doanh thu": a new clause


def test_abbreviated_counted_nouns_and_a_qualifier_word_inside_another_word(extractor):
    found = figures(extractor, "Trường tuyển 1.250 chỉ tiêu, có 86 GV và gần 900 HS; tỉnh cử ra nước ngoài 12 "
                               "tiến sĩ và hỗ trợ trên 40 xã.")
    assert found["1.250 chỉ tiêu"] == (1250, "chỉ tiêu", None)
    assert found["86 GV"] == (86, "GV", None)
    assert found["gần 900 HS"] == (900, "HS", "about")
    assert found["12 tiến sĩ"] == (12, "tiến sĩ", None)  # "nước ngoài": abroad, not "more than"
    assert found["trên 40 xã"] == (40, "xã", "more_than")


def test_round_english_thousands_are_read_and_other_english_groupings_skipped(extractor):
    found = figures(extractor, "Khu tái định cư rộng 140,000 m2 cho 2,000 người; bài có 2,653 lượt xem; "
                               "lô đất 0,125 ha.")
    assert found == {"140,000 m2": (140_000, "m2", None), "2,000 người": (2_000, "người", None),
                     "0,125 ha": (0.125, "ha", None)}


def test_a_scaled_value_keeps_no_binary_rounding_and_a_share_of_a_whole_is_a_fraction(extractor):
    found = [(f.text, f.attrs["value"], f.attrs["unit"]) for f in extractor.extract_text(
        "Sàn giao dịch đạt 541,32 tỷ đồng; có 2/3 số mã tăng giá và 1/4 diện tích bỏ hoang, 7/9 huyện đạt.").entities
        if f.type == "figure"]
    assert found == [("541,32 tỷ đồng", 541_320_000_000, "VND"), ("2/3", pytest.approx(2 / 3), "fraction"),
                     ("1/4", 0.25, "fraction"), ("7/9 huyện", 7, "huyện")]


def test_a_number_glued_to_a_reporting_word_is_read_but_a_code_is_not(extractor):
    found = figures(extractor, "Doanh thu quý đạt1.250 tỷ đồng,tăng7% so với cùng kỳ; ca bệnh BN3105 là F1 của ổ dịch.")
    assert found == {"1.250 tỷ đồng": (1_250_000_000_000, "VND", None), "7%": (7, "%", None)}
