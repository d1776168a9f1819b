"""Scaled VND units, hecta, and spelled numbers read or skipped, in sentences written for these tests."""


def figures(extractor, text):
    return [(f.text, f.attrs["value"], f.attrs["unit"]) for f in extractor.extract_text(text).entities
            if f.type == "figure"]


def test_scaled_vnd_written_with_the_currency_code(extractor):
    assert figures(extractor, "Dự án cầu cảng có tổng vốn 2.500 tỷ VNĐ, trong đó 40 triệu VND là vốn tư vấn.") == [
        ("2.500 tỷ VNĐ", 2_500_000_000_000, "VND"), ("40 triệu VND", 40_000_000, "VND")]


def test_hecta_is_a_hectare(extractor):
    assert figures(extractor, "Cụm công nghiệp phía nam rộng 75 hecta.") == [("75 hecta", 75, "ha")]


def test_a_longer_spelled_number_is_read_by_its_grammar(extractor):
    assert figures(extractor, "Xã có ba mươi hai hộ làm nghề dệt.") == [("ba mươi hai hộ", 32, "hộ")]
    assert figures(extractor, "Hai mươi lăm phần trăm số hộ có máy lọc nước.") == [("Hai mươi lăm phần trăm", 25, "%")]
    assert figures(extractor, "Huyện cấp mười lăm giấy phép cho hơn một trăm linh năm hộ.") == [
        ("mười lăm giấy phép", 15, "giấy phép"), ("hơn một trăm linh năm hộ", 105, "hộ")]
    assert figures(extractor, "Quỹ cần hai nghìn tỷ đồng.") == [("hai nghìn tỷ đồng", 2_000_000_000_000, "VND")]


def test_spelled_numbers_that_are_no_count_are_skipped_not_misread(extractor):
    assert figures(extractor, "Một phần ba số thôn có nhà văn hóa.") == []
    assert figures(extractor, "Hội nghị họp vào tháng mười hai, lần thứ mười một.") == []
    assert figures(extractor, "Mỗi hộ được hỗ trợ hai triệu rưỡi đồng.") == []
    assert figures(extractor, "Đội hát hai ba bài dân ca.") == []  # "two or three": no one number
    assert figures(extractor, "Trong năm hai dự án đã xong.") == [("hai dự án", 2, "dự án")]  # the year, then 2


def test_a_qualifier_before_a_spelled_count_is_part_of_it(extractor):
    found = [(f.text, f.attrs["value"], f.attrs["qualifier"]) for f in extractor.extract_text(
        "Sau hơn hai tháng thi công, gần ba mươi hộ đã có nước sạch.").entities if f.type == "figure"]
    assert found == [("hơn hai tháng", 2, "more_than"), ("gần ba mươi hộ", 30, "about")]


def test_a_spelled_count_after_other_words_still_counts(extractor):
    assert figures(extractor, "Tỉnh vừa phê duyệt vốn đầu tư hai dự án nước sạch.") == [("hai dự án", 2, "dự án")]


def test_a_qualifier_opening_a_sentence_is_kept(extractor):
    found = [(f.text, f.attrs["qualifier"]) for f in extractor.extract_text(
        "Hơn 40 nghìn lượt người được khám miễn phí. Khoảng 30% số hộ có máy lọc nước.").entities
        if f.type == "figure"]
    assert found == [("Hơn 40 nghìn lượt người", "more_than"), ("Khoảng 30%", "about")]


def test_a_spelled_scale_before_a_unit_of_measure(extractor):
    text = "Nhà máy phát khoảng 53 tỷ kWh năm ngoái và dự kiến từ 60 đến 65 tỷ kWh; vùng lúa rộng 1,5 nghìn ha."
    assert figures(extractor, text) == [("khoảng 53 tỷ kWh", 53_000_000_000, "kWh"), ("60", 60_000_000_000, "kWh"),
                                        ("65 tỷ kWh", 65_000_000_000, "kWh"), ("1,5 nghìn ha", 1_500, "ha")]
