"""Scaled VND units, hecta, and spelled numbers govnews does not read, in sentences written for these tests."""


def figures(extractor, text):
    return [(f.text, f.attrs["value"], f.attrs["unit"]) for f in extractor.extract_text(text).entities
            if f.type == "figure"]


def test_scaled_vnd_written_with_the_currency_code(extractor):
    assert figures(extractor, "Dự án cầu cảng có tổng vốn 2.500 tỷ VNĐ, trong đó 40 triệu VND là vốn tư vấn.") == [
        ("2.500 tỷ VNĐ", 2_500_000_000_000, "VND"), ("40 triệu VND", 40_000_000, "VND")]


def test_hecta_is_a_hectare(extractor):
    assert figures(extractor, "Cụm công nghiệp phía nam rộng 75 hecta.") == [("75 hecta", 75, "ha")]


def test_a_longer_spelled_number_is_skipped_not_misread(extractor):
    assert figures(extractor, "Xã có ba mươi hai hộ làm nghề dệt.") == []
    assert figures(extractor, "Hai mươi lăm phần trăm số hộ có máy lọc nước.") == []
    assert figures(extractor, "Một phần ba số thôn có nhà văn hóa.") == []


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
