from pipeline.documents import DocumentFinder

FINDER = DocumentFinder()


def found(text):
    return {e.text: e.attrs for e in FINDER.find(text)}


def test_numbered_documents_with_issuer_and_date():
    docs = found("UBND tỉnh triển khai Quyết định số 1234/QĐ-UBND ngày 12/5/2023 và Nghị quyết số 57-NQ/TW.")
    assert docs["Quyết định số 1234/QĐ-UBND ngày 12/5/2023"] == {
        "canonical": "Quyết định 1234/QĐ-UBND", "number": "1234/QĐ-UBND", "doc_type": "Quyết định",
        "issuer": "Ủy ban nhân dân", "date": "2023-05-12"}
    assert docs["Nghị quyết số 57-NQ/TW"]["issuer"] == "Ban Chấp hành Trung ương"


def test_plain_numbers_take_codes_from_the_issuer():
    docs = found("Tỉnh thực hiện Chỉ thị 16 năm 2020 của Thủ tướng Chính phủ và Nghị quyết 19 của Bộ Chính trị.")
    assert docs["Chỉ thị 16 năm 2020 của Thủ tướng Chính phủ"]["canonical"] == "Chỉ thị 16/CT-TTg"
    assert docs["Chỉ thị 16 năm 2020 của Thủ tướng Chính phủ"]["date"] == "2020"
    assert docs["Nghị quyết 19 của Bộ Chính trị"]["canonical"] == "Nghị quyết 19-NQ/TW"
    assert docs["Nghị quyết 19 của Bộ Chính trị"]["issuer"] == "Bộ Chính trị"


def test_titled_and_named_documents():
    text = ("Hai bên ký “Kế hoạch hợp tác phát triển du lịch biển đến năm 2030” và triển khai Chương trình "
            "chuyển đổi số trong nông nghiệp giai đoạn 2024 - 2026, theo Luật Đất đai.")
    assert set(found(text)) == {"Kế hoạch hợp tác phát triển du lịch biển đến năm 2030",
                                "Chương trình chuyển đổi số trong nông nghiệp giai đoạn 2024 - 2026", "Luật Đất đai"}


def test_not_documents():
    assert found("Sở Kế hoạch và Đầu tư báo cáo kế hoạch năm 2024; Đề án 1 triệu ha lúa; Quyết định 12 tháng 3.") == {}


def test_issuer_after_a_coded_number_is_part_of_the_mention():
    docs = found("Bộ Công an triển khai Kết luận số 45-KL/TW ngày 3/4/2023 của Bộ Chính trị về an ninh mạng.")
    assert docs == {"Kết luận số 45-KL/TW ngày 3/4/2023 của Bộ Chính trị": {
        "canonical": "Kết luận 45-KL/TW", "number": "45-KL/TW", "doc_type": "Kết luận", "issuer": "Bộ Chính trị",
        "date": "2023-04-03"}}


def test_words_between_type_and_coded_number():
    docs = found("Huyện ủy ban hành Nghị quyết chuyên đề số 07-NQ/HU và Chương trình hành động số 3-CTr/HU.")
    assert docs["Nghị quyết chuyên đề số 07-NQ/HU"]["canonical"] == "Nghị quyết 07-NQ/HU"
    assert docs["Chương trình hành động số 3-CTr/HU"]["doc_type"] == "Chương trình hành động"


def test_generic_letter_takes_its_type_from_the_code():
    docs = found("Sở đã gửi văn bản số 15/TB-SNV tới các phòng.")
    assert docs["văn bản số 15/TB-SNV"]["canonical"] == "Thông báo 15/TB-SNV"


def test_short_mention_takes_the_full_number():
    docs = FINDER.find("Huyện có Kế hoạch số 88/KH-UBND về du lịch. Theo Kế hoạch 88, mỗi xã có một điểm đến.")
    assert [d.attrs["canonical"] for d in docs] == ["Kế hoạch 88/KH-UBND", "Kế hoạch 88/KH-UBND"]
    assert docs[1].text == "Kế hoạch 88" and docs[1].attrs["number"] == "88/KH-UBND"


def test_quoted_title_after_a_type_word_is_spanned_without_quotes():
    docs = found("Xã đang làm đề án “Trồng rừng gỗ lớn ven sông Hồng” cùng người dân.")
    assert docs == {"Trồng rừng gỗ lớn ven sông Hồng": {
        "canonical": "Đề án Trồng rừng gỗ lớn ven sông Hồng", "number": None, "doc_type": "Đề án", "issuer": None,
        "date": None}}
    assert found("Đài tổ chức chương trình “Giai điệu mùa xuân” tối qua.") == {}  # a show, not a programme


def test_laws_and_open_designations_end_at_a_stop_word():
    text = ("Quốc hội thông qua Luật Khoa học, Công nghệ và Đổi mới sáng tạo và Luật Đất đai được sửa đổi; "
            "xã thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững cho hộ nghèo.")
    assert set(found(text)) == {"Luật Khoa học, Công nghệ và Đổi mới sáng tạo", "Luật Đất đai",
                                "Chương trình mục tiêu quốc gia giảm nghèo bền vững"}


def test_a_lowercase_title_gives_way_to_the_capitalised_one_it_cites():
    docs = found("Sở xây dựng kế hoạch tổ chức hội nghị công bố Quy hoạch tỉnh Bắc Kạn thời kỳ 2021-2030, "
                 "tầm nhìn đến năm 2050.")
    assert set(docs) == {"Quy hoạch tỉnh Bắc Kạn thời kỳ 2021-2030, tầm nhìn đến năm 2050"}


def test_number_with_a_year_and_a_period_that_is_not_a_number():
    docs = found("Trường áp dụng Thông tư 12-2019 của Bộ; tỉnh lập Kế hoạch 2026-2030 về giao thông.")
    assert docs["Thông tư 12-2019"]["number"] == "12-2019"
    assert not any(name.startswith("Kế hoạch 2026") for name in docs)


def test_quotations_are_not_titles_and_fixed_comma_phrases_stay_in_names():
    docs = found("Ông nhắc: “Nghị quyết Đại hội nêu rõ mục tiêu. Chúng ta phải làm.” Xã tuân thủ Luật Phòng, chống "
                 "ma túy năm 2021.")
    assert "Luật Phòng, chống ma túy năm 2021" in docs
    assert not any(name.startswith("Nghị quyết Đại hội nêu") for name in docs)


def test_named_programme_inside_a_sentence():
    docs = found("Huyện triển khai Chương trình Nông thôn mới kiểu mẫu và Đề án Xanh hóa học đường cho các xã. "
                 "Chương trình Sở Y tế phối hợp.")
    assert set(docs) == {"Chương trình Nông thôn mới kiểu mẫu", "Đề án Xanh hóa học đường"}


def test_congress_resolutions_by_their_full_name_and_the_article_province():
    docs = {e.text: e.attrs["canonical"] for e in FINDER.find(
        "Tỉnh quán triệt Nghị quyết Đại hội XIV của Đảng và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII; Nghị quyết "
        "Đại hội Đảng bộ tỉnh Gia Lai lần thứ XVI vẫn còn hiệu lực.", province="Hòa Bình")}
    assert docs == {
        "Nghị quyết Đại hội XIV của Đảng": "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
        "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII": "Nghị quyết Đại hội Đảng bộ tỉnh Hòa Bình lần thứ XVII",
        "Nghị quyết Đại hội Đảng bộ tỉnh Gia Lai lần thứ XVI": "Nghị quyết Đại hội Đảng bộ tỉnh Gia Lai lần thứ XVI"}


def test_a_bare_horizon_year_and_a_constitution_named_by_its_year():
    docs = {e.text: e.attrs["canonical"] for e in FINDER.find(
        "Căn cứ Hiến pháp năm 2013, tỉnh lập Quy hoạch tỉnh Kon Tum thời kỳ 2021-2030, tầm nhìn đến 2050.")}
    assert docs == {"Hiến pháp năm 2013": "Hiến pháp năm 2013",
                    "Quy hoạch tỉnh Kon Tum thời kỳ 2021-2030, tầm nhìn đến 2050":
                        "Quy hoạch tỉnh Kon Tum thời kỳ 2021-2030, tầm nhìn đến năm 2050"}


def test_plenum_resolutions_named_by_the_plenum():
    docs = [e.text for e in FINDER.find(
        "Đảng bộ quán triệt Nghị quyết Trung ương 4 khóa XII, Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung "
        "ương Đảng khóa XIII và Kết luận Hội nghị Trung ương 10 khoá XIII; hội nghị Trung ương sắp họp.")]
    assert docs == ["Nghị quyết Trung ương 4 khóa XII",
                    "Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII",
                    "Kết luận Hội nghị Trung ương 10 khoá XIII"]


def test_a_lowercase_type_after_a_verb_of_issuing_is_a_document(extractor):
    text = ("UBND huyện Trần Văn Thời vừa ra quyết định công bố tình trạng khẩn cấp về sạt lở đê. Sau đó, Chủ tịch "
            "UBND tỉnh gửi công điện khẩn đến các địa phương ven biển. Huyện đã quyết định cho dân sơ tán sớm, còn "
            "xã ký quyết định này từ hôm qua.")
    found = [(e.text, e.attrs["doc_type"], e.attrs["canonical"])
             for e in extractor.extract_text("Tin tức\n" + text).entities if e.type == "document"]
    assert found == [
        ("quyết định công bố tình trạng khẩn cấp về sạt lở đê", "Quyết định",
         "Quyết định công bố tình trạng khẩn cấp về sạt lở đê"),
        ("công điện khẩn", "Công điện", "Công điện khẩn")]
