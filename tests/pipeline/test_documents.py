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


def test_a_congress_resolution_cited_any_way_has_one_canonical_name():
    docs = {e.text: e.attrs["canonical"] for e in FINDER.find(
        "Sở quán triệt Nghị quyết Đại hội XVII của Đảng bộ tỉnh, Nghị quyết Đại hội Đảng bộ Hòa Bình lần thứ XVII, "
        "Nghị quyết Đại hội Đảng bộ TPHCM lần thứ XI và Nghị quyết Đại hội Đảng bộ huyện lần thứ XX.",
        province="Hòa Bình")}
    assert docs == {
        "Nghị quyết Đại hội XVII của Đảng bộ tỉnh": "Nghị quyết Đại hội Đảng bộ tỉnh Hòa Bình lần thứ XVII",
        "Nghị quyết Đại hội Đảng bộ Hòa Bình lần thứ XVII": "Nghị quyết Đại hội Đảng bộ tỉnh Hòa Bình lần thứ XVII",
        "Nghị quyết Đại hội Đảng bộ TPHCM lần thứ XI": "Nghị quyết Đại hội Đảng bộ Thành phố Hồ Chí Minh lần thứ XI",
        "Nghị quyết Đại hội Đảng bộ huyện lần thứ XX": "Nghị quyết Đại hội Đảng bộ huyện lần thứ XX"}


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


def test_an_uncoded_number_with_its_date_and_a_qualifier_ended_by_a_preposition():
    docs = found("Ngành thuế làm theo Nghị quyết số 84 ngày 29/5/2020 của Chính phủ. Sở gửi báo cáo tại tờ trình số "
                 "52/TTr-SNV ngày 2/3/2021.")
    assert docs["Nghị quyết số 84 ngày 29/5/2020 của Chính phủ"]["canonical"] == "Nghị quyết 84/NQ-CP"
    assert docs["Nghị quyết số 84 ngày 29/5/2020 của Chính phủ"]["date"] == "2020-05-29"
    assert docs["tờ trình số 52/TTr-SNV ngày 2/3/2021"]["doc_type"] == "Tờ trình"
    assert len(docs) == 2


def test_a_year_or_a_plus_sign_is_not_a_document_number():
    assert found("Quy chế 2019 bỏ điểm sàn; em học chương trình 9+ ở trường nghề; Chỉ thị số 2019 vẫn còn hiệu lực.") \
        == {"Chỉ thị số 2019": {"canonical": "Chỉ thị 2019", "number": "2019", "doc_type": "Chỉ thị", "issuer": None,
                                "date": None}}


def test_a_law_named_in_lowercase_is_cited_with_its_name_capitalised():
    docs = found("Trường tự chủ theo Luật giáo dục đại học (GDĐH); Luật GDĐH hiện hành quy định rõ điều này.")
    assert {text: attrs["canonical"] for text, attrs in docs.items()} == {
        "Luật giáo dục đại học": "Luật Giáo dục đại học", "Luật GDĐH": "Luật GDĐH"}


def test_lawyers_schools_and_rules_of_a_game_are_not_laws():
    text = ('Luật sư Trần Văn Hai nói Luật pháp đã rõ. Chị học Trường Đại học Luật Hà Nội, ngành Luật kinh tế. '
            'Công ty có "Luật chơi" riêng; Luật này có hiệu lực.')
    assert found(text) == {}


def test_an_amending_law_is_one_mention_named_by_the_law_it_amends():
    docs = found("Hội đồng trường lập theo Luật sửa đổi, bổ sung một số điều của Luật Giáo dục đại học từ năm 2019.")
    assert list(docs) == ["Luật sửa đổi, bổ sung một số điều của Luật Giáo dục đại học"]
    assert docs["Luật sửa đổi, bổ sung một số điều của Luật Giáo dục đại học"]["doc_type"] == "Luật"


def test_a_title_opens_with_a_content_word_and_its_year_is_not_an_event_date():
    text = ("Tỉnh lập Đề án và thực hiện bảo trì đường sắt năm 2021. Trường trình Đề án phát triển thành đại học "
            "vùng lên Bộ vào cuối năm 2022. Huyện duyệt Đề án phát triển nông nghiệp sạch năm 2023.")
    assert list(found(text)) == ["Đề án phát triển nông nghiệp sạch năm 2023"]


def test_only_a_document_that_other_articles_can_cite_gets_an_id(extractor):
    article = extractor.extract_text(
        "Tỉnh làm theo Kế hoạch số 31/KH-UBND, Luật Đất đai và Quyết định của Chủ tịch UBND tỉnh về giá đất.")
    docs = {e.text: e.entity_id for e in article.entities if e.type == "document"}
    assert docs["Kế hoạch số 31/KH-UBND"] is not None and docs["Luật Đất đai"] is not None
    assert docs["Kế hoạch số 31/KH-UBND"] != docs["Luật Đất đai"]
    # named by its issuer only: one of many decisions of that office
    assert [text for text, ident in docs.items() if ident is None] == ["Quyết định của Chủ tịch UBND tỉnh"]


def test_a_signed_agreement_with_its_signatories(extractor):
    article = extractor.extract_text(
        "Sáng 4/6, UBND tỉnh Quảng Trị và Tập đoàn Bưu chính Viễn thông Việt Nam đã ký kết Bản ghi nhớ hợp tác "
        "về phát triển hạ tầng số. Sở Tư pháp ký Quy chế phối hợp với Công an tỉnh trong thi hành án. "
        "Ông nói thỏa thuận là cần thiết.")
    docs = {e.text: e.attrs for e in article.entities if e.type == "document"}
    assert set(docs) == {"Bản ghi nhớ hợp tác về phát triển hạ tầng số", "Quy chế phối hợp"}
    memorandum = docs["Bản ghi nhớ hợp tác về phát triển hạ tầng số"]
    assert memorandum["doc_type"] == "Bản ghi nhớ"
    assert memorandum["issuer"].split("; ")[0] == "Ủy ban nhân dân tỉnh Quảng Trị"
    assert "Bưu chính Viễn thông" in memorandum["issuer"].split("; ")[1]
    assert docs["Quy chế phối hợp"]["issuer"].startswith("Sở Tư pháp")


def test_laws_named_by_a_bare_year_spell_it_out_in_their_canonical_name():
    docs = found("Quốc hội thông qua Luật Đất đai 2024 và Bộ luật Lao động 2019, theo Hiến pháp 2013.")
    assert {text: attrs["canonical"] for text, attrs in docs.items()} == {
        "Luật Đất đai 2024": "Luật Đất đai năm 2024", "Bộ luật Lao động 2019": "Bộ luật Lao động năm 2019",
        "Hiến pháp 2013": "Hiến pháp năm 2013"}


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


def test_names_end_where_the_sentence_goes_on():
    docs = {e.text: e.attrs["canonical"] for e in FINDER.find(
        "Theo điều 12 Bộ luật Dân sự về việc bồi thường, Việt Nam thực hiện Công ước về Quyền trẻ em; ông Lâm, ĐH "
        "Luật Hà Nội, cho rằng dự án Luật lần này còn thiếu. Bộ công bố quyết định cuối cùng, các tỉnh chờ. UBND tỉnh "
        "ra quyết định tạm dừng khai thác cát bất chấp phản đối của doanh nghiệp.")}
    assert docs == {"Bộ luật Dân sự": "Bộ luật Dân sự", "Công ước về Quyền trẻ em": "Công ước về Quyền trẻ em",
                    "quyết định tạm dừng khai thác cát": "Quyết định tạm dừng khai thác cát"}


def test_common_words_made_with_a_type_word_are_no_documents():
    docs = {e.text: e.attrs["canonical"] for e in FINDER.find(
        "Ông nhận kỷ luật “khiển trách” và bị xử lý theo Luật định. Theo Luật về hội, Bộ quản lý. Luật Thủy lợi "
        "quy định, mỗi hồ chứa phải có quy trình vận hành; Quốc hội bàn dự luật “Thủ đô sửa đổi”.")}
    assert docs == {"Luật Thủy lợi": "Luật Thủy lợi", "Thủ đô sửa đổi": "Luật Thủ đô sửa đổi"}


def test_a_law_name_ends_at_an_adverb_but_not_inside_a_word_that_opens_with_a_stop():
    docs = {e.text for e in FINDER.find(
        "Luật Kế toán vẫn còn hiệu lực; Bộ luật Hàng hải sửa đổi kém sôi nổi so với Luật Tư pháp người chưa thành "
        "niên; Chương trình cho vay hộ nghèo đến năm 2025 được duyệt.")}
    assert docs == {"Luật Kế toán", "Bộ luật Hàng hải sửa đổi", "Luật Tư pháp người chưa thành niên",
                    "Chương trình cho vay hộ nghèo đến năm 2025"}


def test_a_decision_named_by_an_enterprise_that_issued_it(extractor):
    docs = [e for e in extractor.extract_text(
        "Theo Quyết định của Tổng công ty Điện lực miền Nam, giá điện tại các xã đảo giảm từ tháng 5.").entities
        if e.type == "document"]
    assert [(d.text, d.attrs["issuer"]) for d in docs] == [
        ("Quyết định của Tổng công ty Điện lực miền Nam", "Tổng công ty Điện lực miền Nam")]


def test_a_number_and_year_cited_without_its_code_is_completed_from_the_issuer():
    docs = {e.text: (e.attrs["canonical"], e.attrs["issuer"]) for e in FINDER.find(
        "Theo Nghị định 23/2020 và Thông tư 18/2019 của Ngân hàng Nhà nước, Nghị quyết 09/CP và Chỉ thị 5 của Bộ "
        "Tư pháp vẫn còn hiệu lực; Quyết định 12/2021 chưa rõ nơi ban hành.")}
    assert docs == {
        "Nghị định 23/2020": ("Nghị định 23/2020/NĐ-CP", "Chính phủ"),
        "Thông tư 18/2019 của Ngân hàng Nhà nước": ("Thông tư 18/2019/TT-NHNN", "Ngân hàng Nhà nước"),
        "Nghị quyết 09/CP": ("Nghị quyết 09/CP", "Chính phủ"),
        "Chỉ thị 5 của Bộ Tư pháp": ("Chỉ thị 5/CT-BTP", "Bộ Tư pháp"),
        "Quyết định 12/2021": ("Quyết định 12/2021", None)}


def test_a_body_after_a_comma_opens_the_next_clause_not_a_list_inside_the_name():
    docs = {e.text for e in FINDER.find(
        "Theo Luật Khoáng sản, Chính phủ giao Bộ quản lý; Luật Khoa học, Công nghệ và Đổi mới sáng tạo có hiệu lực.")}
    assert docs == {"Luật Khoáng sản", "Luật Khoa học, Công nghệ và Đổi mới sáng tạo"}


def test_an_issuer_after_do_when_a_verb_of_issuing_follows():
    docs = {e.text: e.attrs["issuer"] for e in FINDER.find(
        "Bộ triển khai Kế hoạch do Thủ tướng Chính phủ ban hành năm ngoái; Sở bàn Kế hoạch do Sở Y tế chủ trì.")}
    assert docs == {"Kế hoạch do Thủ tướng Chính phủ": "Thủ tướng Chính phủ"}
