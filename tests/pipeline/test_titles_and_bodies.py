"""Titles that share a body's head, names after a titled body, rare family names, local bodies whose place
the gazetteer does not know, and issuers of documents: sentences written for these tests."""


def entities(extractor, text, types):
    return [e for e in extractor.extract_text("Tin địa phương\n" + text).entities if e.type in types]


def officials(extractor, text):
    return {e.attrs["name"]: (e.attrs.get("title"), e.attrs.get("organization"))
            for e in entities(extractor, text, ("official",))}


def people(extractor, text):
    """Each official's or person's span with its type, title and organisation."""
    return {e.text: (e.type, e.attrs.get("title"), e.attrs.get("organization"))
            for e in entities(extractor, text, ("official", "person"))}


def agencies(extractor, text):
    return [e.text for e in entities(extractor, text, ("agency", "organization"))]


def test_a_title_that_ends_in_the_body_head(extractor):
    text = "Chánh Văn phòng UBND tỉnh Đỗ Quang Vinh và Trưởng Ban Dân vận Tỉnh ủy Kha Thị Hồng dự họp."
    assert officials(extractor, text) == {"Đỗ Quang Vinh": ("Chánh Văn phòng", "Văn phòng UBND tỉnh"),
                                          "Kha Thị Hồng": ("Trưởng Ban", "Ban Dân vận Tỉnh ủy")}
    assert agencies(extractor, text) == ["Văn phòng UBND tỉnh", "Ban Dân vận Tỉnh ủy"]


def test_a_standing_deputy_secretary_belongs_to_the_committee(extractor):
    text = "Bà Vũ Thị Hạnh, Phó Bí thư Thường trực Tỉnh ủy, chủ trì buổi làm việc."
    assert officials(extractor, text) == {"Vũ Thị Hạnh": ("Phó Bí thư Thường trực", "Tỉnh ủy")}
    assert agencies(extractor, text) == ["Tỉnh ủy"]


def test_a_name_after_a_titled_body_is_not_part_of_it(extractor):
    text = "Tổng Giám đốc Tập đoàn Sông Đà Tào Minh Quân cho biết tiến độ đạt yêu cầu."
    assert officials(extractor, text) == {"Tào Minh Quân": ("Tổng Giám đốc", "Tập đoàn Sông Đà")}


def test_rare_family_names_need_a_title_or_an_honorific(extractor):
    assert officials(extractor, "Giám đốc Sở Y tế Mai Thanh Tùng kiểm tra bệnh viện.") == {
        "Mai Thanh Tùng": ("Giám đốc", "Sở Y tế")}
    text = "Hoa Mai Vàng là giống cây được trồng nhiều ở Mai Sơn."
    assert entities(extractor, text, ("official", "person")) == []


def test_district_bodies_keep_an_unknown_place_and_leave_the_person(extractor):
    text = "Bí thư Huyện ủy Nậm Pồ Giàng A Dinh và Chủ tịch UBND xã Chà Nưa Lò Văn Thanh kiểm tra đường."
    assert officials(extractor, text) == {"Giàng A Dinh": ("Bí thư", "Huyện ủy Nậm Pồ"),
                                          "Lò Văn Thanh": ("Chủ tịch", "UBND xã Chà Nưa")}


def test_lowercase_head_inside_a_title_is_a_body(extractor):
    text = "Ông Phùng Văn Tài, Trưởng phòng Nội vụ huyện, báo cáo kết quả."
    assert officials(extractor, text) == {"Phùng Văn Tài": ("Trưởng phòng", "Phòng Nội vụ huyện")}
    assert [e.attrs["canonical"] for e in entities(extractor, text, ("agency",))][0].startswith("Phòng Nội vụ")


def test_a_title_in_parentheses(extractor):
    text = "Ông Hứa Văn Lộc (Giám đốc HTX Đồng Tâm) giới thiệu sản phẩm."
    assert officials(extractor, text) == {"Hứa Văn Lộc": ("Giám đốc", "HTX Đồng Tâm")}


def test_a_party_secretary_of_the_centre_is_a_concurrent_post(extractor):
    text = "Đồng chí Lê Hoài Trung, Bí thư Trung ương Đảng, Bộ trưởng Bộ Ngoại giao, phát biểu."
    assert officials(extractor, text) == {"Lê Hoài Trung": ("Bộ trưởng", "Bộ Ngoại giao")}


def test_a_place_across_a_capitalised_run_is_not_a_name(extractor):
    text = "Hai tỉnh Tây Ninh Long An sáp nhập thành một tỉnh mới."
    assert entities(extractor, text, ("official", "person")) == []


def test_document_issuer_found_among_the_bodies(extractor):
    text = "Theo Quyết định số 15/QĐ-UBND ngày 2/3/2024 của UBND huyện Mường Tè, dự án được điều chỉnh."
    [document] = entities(extractor, text, ("document",))
    assert document.text == "Quyết định số 15/QĐ-UBND ngày 2/3/2024 của UBND huyện Mường Tè"
    assert document.attrs["issuer"] == "Ủy ban nhân dân huyện Mường Tè"
    assert document.attrs["date"] == "2024-03-02"


def canonical(extractor, text, url=None):
    return {e.text: e.attrs["canonical"] for e in extractor.extract_text("Tin địa phương\n" + text, url=url).entities
            if e.type == "agency"}


def test_central_bodies_and_district_bodies_take_no_province(extractor):
    text = ("Tại Lạng Sơn, Trưởng ban Dân vận Trung ương Hà Minh Tâm làm việc với UBND tỉnh và UBND huyện Văn "
            "Quan; Ủy ban MTTQ Việt Nam gửi thư.")
    found = canonical(extractor, text)
    assert found["ban Dân vận Trung ương"] == "Ban Dân vận Trung ương"
    assert found["UBND tỉnh"] == "Ủy ban nhân dân tỉnh Lạng Sơn"
    assert found["UBND huyện Văn Quan"] == "Ủy ban nhân dân huyện Văn Quan"
    assert found["Ủy ban MTTQ Việt Nam"] == "Ủy ban Mặt trận Tổ quốc Việt Nam"


def test_fields_written_another_way_take_their_name(extractor):
    found = canonical(extractor, "Sở Kế hoạch đầu tư và Bộ Nông nghiệp & PTNT cùng ký văn bản.")
    assert found == {"Sở Kế hoạch đầu tư": "Sở Kế hoạch và Đầu tư",
                     "Bộ Nông nghiệp & PTNT": "Bộ Nông nghiệp và Phát triển nông thôn"}


def test_prime_minister_as_an_authority_but_not_in_a_list_of_posts(extractor):
    text = "Tỉnh trình Thủ tướng Chính phủ phê duyệt. Ông Võ Văn Kiệt, Ủy viên Bộ Chính trị, Thủ tướng Chính phủ, dự."
    found = canonical(extractor, text)
    assert found["Thủ tướng Chính phủ"] == "Thủ tướng Chính phủ"
    assert officials(extractor, text)["Võ Văn Kiệt"] == ("Thủ tướng", "Chính phủ")


def test_a_parenthesised_abbreviation_is_a_mention_of_the_body(extractor):
    text = "Trung tâm Phòng chống Dịch bệnh (CDC) cảnh báo dịch. Theo CDC, số ca mắc giảm."
    mentions = [(e.text, e.attrs["canonical"]) for e in entities(extractor, text, ("agency",))]
    assert mentions == [("Trung tâm Phòng chống Dịch bệnh", "Trung tâm Phòng chống Dịch bệnh"),
                        ("CDC", "Trung tâm Phòng chống Dịch bệnh"), ("CDC", "Trung tâm Phòng chống Dịch bệnh")]


def test_bare_party_is_not_an_agency(extractor):
    assert entities(extractor, "Các cơ quan Đảng và chính quyền cùng vào cuộc.", ("agency",)) == []


def test_the_province_named_in_the_address_when_the_text_names_none(extractor):
    url = "https://tin.example.vn/thoi-su/quang-binh-khoi-cong-cau-moi-12345.html"
    assert canonical(extractor, "Chủ tịch UBND tỉnh dự lễ khởi công cầu.", url)["UBND tỉnh"] == \
        "Ủy ban nhân dân tỉnh Quảng Bình"
    assert canonical(extractor, "Chủ tịch UBND tỉnh dự lễ khởi công cầu.")["UBND tỉnh"] == "Ủy ban nhân dân tỉnh"


def test_titles_in_another_case(extractor):
    text = ("Theo ông Quan Văn Khải, phó giám đốc Sở Xây dựng, công trình đúng hạn. Phó chủ tịch UBND tỉnh "
            "Triệu Thị Mơ kiểm tra thực tế.")
    assert officials(extractor, text) == {"Quan Văn Khải": ("Phó Giám đốc", "Sở Xây dựng"),
                                          "Triệu Thị Mơ": ("Phó Chủ tịch", "UBND tỉnh")}


def test_words_around_a_title_after_the_name(extractor):
    text = ("Ông Bạch Văn Tùng, nguyên Chủ tịch UBND huyện, ông Kiều Minh Đức, Phó Giám đốc phụ trách Sở Tư pháp, "
            "và bà Lạc Thị Vân, Chủ tịch kiêm Tổng Giám đốc Công ty cổ phần Hồng Lam, cùng dự.")
    assert officials(extractor, text) == {"Bạch Văn Tùng": ("Chủ tịch", "UBND huyện"),
                                          "Kiều Minh Đức": ("Phó Giám đốc", "Sở Tư pháp"),
                                          "Lạc Thị Vân": ("Chủ tịch", "Công ty cổ phần Hồng Lam")}


def test_a_name_never_ends_inside_a_segmented_word(extractor):
    text = "Đoàn Thanh tra của Bộ Tài chính làm việc với tỉnh trong 30 ngày."
    assert entities(extractor, text, ("official", "person")) == []


def test_spokespersons_are_officials(extractor):
    text = "Phó Phát ngôn viên Bộ Ngoại giao Ninh Thị Hằng trả lời báo chí."
    assert officials(extractor, text) == {"Ninh Thị Hằng": ("Phó Phát ngôn viên", "Bộ Ngoại giao")}


def test_lowercase_enterprise_heads_and_portals(extractor):
    text = "Đoàn thăm công ty CP Minh Phát và tập đoàn Tân Á; tin đăng trên Cổng thông tin điện tử tỉnh."
    found = [(e.text, e.attrs["canonical"]) for e in entities(extractor, text, ("organization",))]
    assert found[:2] == [("công ty CP Minh Phát", "Công ty cổ phần Minh Phát"), ("tập đoàn Tân Á", "Tập đoàn Tân Á")]
    assert found[2][0].startswith("Cổng thông tin điện tử")


def test_a_deputy_minister_takes_the_ministry_the_article_is_about(extractor):
    text = ("Bộ Y tế tổ chức hội nghị. Thứ trưởng Đỗ Xuân Tuyên phát biểu; đại diện Bộ Y tế và Bộ Tài chính "
            "cùng dự.")
    assert officials(extractor, text) == {"Đỗ Xuân Tuyên": ("Thứ trưởng", "Bộ Y tế")}


def test_a_post_then_the_honorific_of_its_holder(extractor):
    text = ("Phó Chủ tịch UBND tỉnh, ông Hà Quang Trung nhấn mạnh yêu cầu. Làm việc với Sở Y tế, ông Vi Văn Lộc "
            "cho biết.")
    found = {e.attrs["name"]: (e.type, e.attrs.get("title")) for e in entities(extractor, text, ("official", "person"))}
    assert found == {"Hà Quang Trung": ("official", "Phó Chủ tịch"), "Vi Văn Lộc": ("person", None)}


def test_credits_said_outright_even_when_the_name_is_a_place(extractor):
    text = "Bài phỏng vấn dài về nông nghiệp.\n\nNam Định (thực hiện)\n\nT/h: Hồng Nhung – Bảo Anh\n"
    names = [e.text for e in entities(extractor, text, ("person",))]
    assert names == ["Nam Định", "Hồng Nhung", "Bảo Anh"]


def test_a_title_and_the_given_name_alone_is_a_short_mention(extractor):
    text = "Bí thư Tỉnh ủy Triệu Tài Vinh thăm trường. Bí thư Vinh yêu cầu bảo đảm an toàn. Giám đốc Sơn vắng mặt."
    found = [(e.text, e.attrs["name"], e.attrs.get("title")) for e in entities(extractor, text, ("official",))]
    assert found == [("Triệu Tài Vinh", "Triệu Tài Vinh", "Bí thư"), ("Vinh", "Triệu Tài Vinh", "Bí thư")]


def test_a_post_stated_as_a_predicate_after_a_full_or_a_short_name(extractor):
    text = ("Ông Nông Văn Bằng phát biểu trước. Ông Bằng hiện là Giám đốc Sở Tài chính tỉnh. "
            "Bà Vi Thị Nhàn, nguyên là Chủ tịch UBND huyện, cũng dự.")
    found = [(e.text, e.type, e.attrs.get("title"), e.attrs.get("organization"))
             for e in entities(extractor, text, ("official", "person"))]
    assert found == [("Nông Văn Bằng", "official", "Giám đốc", "Sở Tài chính tỉnh"),
                     ("Bằng", "official", "Giám đốc", "Sở Tài chính tỉnh"),
                     ("Vi Thị Nhàn", "official", "Chủ tịch", "UBND huyện")]


def test_a_plural_title_or_honorific_shares_the_post_across_a_list(extractor):
    text = ("Cùng dự có các Phó Chủ tịch UBND tỉnh Vương Ngọc Hà, Lục Văn Tú và Sầm Thị Lan. "
            "Đón đoàn có các ông Hà Văn Quý, Giàng Seo Lử, Phó Giám đốc Sở Y tế. "
            "Ông Đào Văn Tấn và ông Lý Văn Hậu, Trưởng phòng Tư pháp huyện, trao đổi.")
    found = {e.text: (e.type, e.attrs.get("title")) for e in entities(extractor, text, ("official", "person"))}
    assert found == {"Vương Ngọc Hà": ("official", "Phó Chủ tịch"), "Lục Văn Tú": ("official", "Phó Chủ tịch"),
                     "Sầm Thị Lan": ("official", "Phó Chủ tịch"), "Hà Văn Quý": ("official", "Phó Giám đốc"),
                     "Giàng Seo Lử": ("official", "Phó Giám đốc"), "Đào Văn Tấn": ("person", None),
                     "Lý Văn Hậu": ("official", "Trưởng phòng")}


def test_a_title_before_a_body_the_gazetteers_do_not_know(extractor):
    text = ("Chủ nhiệm Ủy ban Kinh tế và ngân sách của Quốc hội Tòng Văn Phấn nêu ý kiến. Giám đốc Sở Tài nguyên - "
            "môi trường Quàng Văn Pao nêu thực tế. Sau khi Chủ tịch UBND tỉnh chỉ đạo, Sở Y tế Phạm Ngọc Lâm "
            "không có ý kiến.")
    assert officials(extractor, text) == {
        "Tòng Văn Phấn": ("Chủ nhiệm", "Ủy ban Kinh tế và ngân sách của Quốc hội"),
        "Quàng Văn Pao": ("Giám đốc", "Sở Tài nguyên - môi trường")}


def test_an_unlisted_family_name_between_an_honorific_and_a_post(extractor):
    text = ("Đồng chí Lèo Văn Thuận - Phó Chủ tịch Thường trực UBND tỉnh tặng quà. Chủ tịch UBND huyện Hà Văn "
            "Cương kiểm tra hiện trường.")
    found = {e.text: (e.type, e.attrs.get("title")) for e in entities(extractor, text, ("official", "person"))}
    assert found == {"Lèo Văn Thuận": ("official", "Phó Chủ tịch Thường trực"),
                     "Hà Văn Cương": ("official", "Chủ tịch")}


def test_a_bare_province_word_and_a_provincial_union_take_the_article_province(extractor):
    found = canonical(extractor, "Tại Yên Bái, Cục Thuế tỉnh, Cục Thống kê và Tỉnh đoàn cùng ra quân.")
    assert found == {"Cục Thuế tỉnh": "Cục Thuế tỉnh Yên Bái", "Cục Thống kê": "Cục Thống kê",
                     "Tỉnh đoàn": "Tỉnh đoàn Yên Bái"}


def test_a_city_named_with_its_admin_word_is_not_given_it_twice(extractor):
    found = canonical(extractor, "Ở Thành phố Hồ Chí Minh, Trung tâm Kiểm soát Bệnh tật thành phố cảnh báo dịch sốt "
                                 "xuất huyết; Sở Y tế Thành phố Hồ Chí Minh cũng vào cuộc.")
    assert found["Trung tâm Kiểm soát Bệnh tật thành phố"] == "Trung tâm Kiểm soát Bệnh tật Thành phố Hồ Chí Minh"


def test_an_apposition_post_the_gazetteers_do_not_know_must_open_its_clause(extractor):
    text = ("Giám đốc Trung tâm Công nghệ thông tin của Bộ GD-ĐT, ông Quách Tuấn Ngọc, cho biết. Bà Lê Thu Hà được "
            "bầu làm Chủ tịch Hội, ông Mai Công Khế phụ trách. Chủ tịch UBND thị xã Sơn Tây Lê Văn Bình dự.")
    found = people(extractor, text)
    assert found == {"Quách Tuấn Ngọc": ("official", "Giám đốc", "Trung tâm Công nghệ thông tin của Bộ GD-ĐT"),
                     "Lê Thu Hà": ("official", "Chủ tịch", "Hội"), "Mai Công Khế": ("person", None, None),
                     "Lê Văn Bình": ("official", "Chủ tịch", "UBND thị xã Sơn Tây")}


def test_a_title_that_opens_with_the_head_of_the_body_it_leads(extractor):
    text = ("Cục trưởng Quản lý lao động ngoài nước Ngô Thanh Hòa trả lời. Chi cục trưởng Thú y Trần Mạnh Giang "
            "cho biết. Cục trưởng Cục Thú y Phạm Văn Đông dự họp.")
    assert officials(extractor, text) == {"Ngô Thanh Hòa": ("Cục trưởng", "Cục Quản lý lao động ngoài nước"),
                                          "Trần Mạnh Giang": ("Chi cục trưởng", "Chi cục Thú y"),
                                          "Phạm Văn Đông": ("Cục trưởng", "Cục Thú y")}
    assert agencies(extractor, text) == ["Cục Thú y"]


def test_a_short_mention_in_the_headline_before_the_full_name(extractor):
    text = ("Ông Thắng: Doanh nghiệp cần chủ động\nSáng nay, ông Hồ Văn Thắng, Giám đốc Sở KH&CN trả lời phỏng vấn. "
            "Bà Lan, một người dân, đứng xem.")
    found = [(e.text, e.type, e.attrs.get("title")) for e in entities(extractor, text, ("official", "person"))]
    assert found == [("Thắng", "official", "Giám đốc"), ("Hồ Văn Thắng", "official", "Giám đốc")]


def test_a_post_stated_by_a_pronoun_in_the_next_sentence(extractor):
    text = ("Ông Lò Văn Pó sinh năm 1970 tại bản Mường. Ông hiện là Bí thư Huyện ủy Mường Tè. Ông Đinh Văn Rạng "
            "đến muộn. Ông là người dân địa phương. Bà Vi Thị Sâm, với cương vị Trưởng phòng Nội vụ huyện, báo cáo.")
    found = people(extractor, text)
    assert found == {"Lò Văn Pó": ("official", "Bí thư", "Huyện ủy Mường Tè"), "Đinh Văn Rạng": ("person", None, None),
                     "Vi Thị Sâm": ("official", "Trưởng phòng", "Phòng Nội vụ huyện")}


def test_a_loose_post_steps_over_parentheses_and_opens_with_an_abbreviation(extractor):
    text = ("Tổng Giám đốc Tổng công ty Điện lực miền Bắc (EVNNPC) Đào Văn Hưng cho biết. Giám đốc NXB Trẻ Quách Thu "
            "Nguyệt dự. Hiệu trưởng THCS Chu Văn An Đinh Văn Bình phát biểu.")
    assert officials(extractor, text) == {
        "Đào Văn Hưng": ("Tổng Giám đốc", "Tổng công ty Điện lực miền Bắc (EVNNPC)"),
        "Quách Thu Nguyệt": ("Giám đốc", "NXB Trẻ"), "Đinh Văn Bình": ("Hiệu trưởng", "THCS Chu Văn An")}
    assert [e.text for e in entities(extractor, text, ("person",))] == []


def test_one_agency_id_however_its_province_is_attached(extractor):
    text = ("Sở TT&TT Hà Nội họp. Sau đó Sở Thông tin và Truyền thông thành phố Hà Nội báo cáo; Sở TT&TT "
            "cũng có mặt; Sở Y tế Hà Nội vắng.")
    ids = {e.text: e.entity_id for e in entities(extractor, text, ("agency",))}
    assert ids["Sở TT&TT Hà Nội"] == ids["Sở Thông tin và Truyền thông thành phố Hà Nội"] == ids["Sở TT&TT"]
    assert ids["Sở Y tế Hà Nội"] != ids["Sở TT&TT"]


def test_more_abbreviations_expand_in_canonical_names(extractor):
    text = "Tại Thanh Hóa, Ban QL KKT Nghi Sơn và KBNN tỉnh phối hợp; Trường ĐH Hồng Đức và NXB Thanh Hóa cùng dự."
    found = {e.text: e.attrs["canonical"] for e in entities(extractor, text, ("agency", "organization"))}
    assert found == {"Ban QL KKT Nghi Sơn": "Ban Quản lý Khu kinh tế Nghi Sơn tỉnh Thanh Hóa",
                     "KBNN tỉnh": "Kho bạc Nhà nước tỉnh Thanh Hóa", "Trường ĐH Hồng Đức": "Trường Đại học Hồng Đức",
                     "NXB Thanh Hóa": "Nhà xuất bản Thanh Hóa"}


def test_a_foreign_post_then_its_holder_whatever_the_name(extractor):
    text = ("Thủ tướng Campuchia Hun Manet hội đàm với Thủ tướng Phạm Minh Chính. Đại sứ Nhật Bản tại Việt Nam Ito "
            "Naoki và Tổng thống Pháp Emmanuel Macron gửi điện mừng; Tổng thống Pháp cho biết sẽ thăm.")
    assert officials(extractor, text) == {"Hun Manet": ("Thủ tướng", "Campuchia"),
                                          "Phạm Minh Chính": ("Thủ tướng", "Chính phủ"),
                                          "Ito Naoki": ("Đại sứ", "Nhật Bản"),
                                          "Emmanuel Macron": ("Tổng thống", "Pháp")}


def test_the_same_name_in_another_form_takes_the_post(extractor):
    text = ("Thiếu tướng Lò Hoài Phương, Phó Tư lệnh BĐBP dự. Trung tướng Lò Phương cũng phát biểu. Bà Lò Thị Hoa dự."
            "\n\nCác đại biểu tham dự\n\nThiếu tướng Lò Hoài Ph")
    found = [(e.text, e.type, e.attrs.get("title")) for e in entities(extractor, text, ("official", "person"))]
    assert found == [("Lò Hoài Phương", "official", "Phó Tư lệnh"), ("Lò Phương", "official", "Phó Tư lệnh"),
                     ("Lò Thị Hoa", "person", None), ("Lò Hoài Ph", "official", "Phó Tư lệnh")]


def test_a_concurrent_post_read_as_a_title_and_a_body_gives_way_to_the_main_office(extractor):
    text = "Bà Hà Thị Trà, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Phó Thủ tướng Chính phủ, dự hội nghị."
    assert officials(extractor, text) == {"Hà Thị Trà": ("Phó Thủ tướng", "Chính phủ")}


def test_abbreviated_posts_unknown_posts_and_unknown_bodies_in_a_list_of_posts(extractor):
    text = ("Đ/c Tạ Văn An - PCT UBND tỉnh dự. Đồng chí Trần Văn Cảnh, UVBTV Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh "
            "ủy phát biểu. Đồng chí Bùi Văn Khánh, Phó Bí thư Đảng ủy, Giám đốc Công an tỉnh dự. Bà Ngô Thị Dung, "
            "cán bộ Hội Phụ nữ xã, cho biết.")
    found = people(extractor, text)
    assert found == {"Tạ Văn An": ("official", "PCT", "UBND tỉnh"),
                     "Trần Văn Cảnh": ("official", "Trưởng ban", "Ban Tuyên giáo Tỉnh ủy"),
                     "Bùi Văn Khánh": ("official", "Giám đốc", "Công an tỉnh"),
                     "Ngô Thị Dung": ("person", None, None)}


def test_standard_provincial_bodies_and_the_formal_name_of_a_provincial_border_guard(extractor):
    found = canonical(extractor, "Tại Quảng Trị, Ban Quản lý Khu kinh tế và các KCN tỉnh làm việc với BĐBP tỉnh "
                                 "và Bộ đội Biên phòng Quảng Trị; Ban Bí thư có ý kiến.")
    assert found == {"Ban Quản lý Khu kinh tế và các KCN tỉnh":
                         "Ban Quản lý Khu kinh tế và các Khu công nghiệp tỉnh Quảng Trị",
                     "BĐBP tỉnh": "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Trị",
                     "Bộ đội Biên phòng Quảng Trị": "Bộ Chỉ huy Bộ đội Biên phòng Quảng Trị",
                     "Ban Bí thư": "Ban Bí thư Trung ương Đảng Cộng sản Việt Nam"}


def test_a_lowercase_rank_before_the_name_is_an_honorific_not_part_of_the_body(extractor):
    text = "Giám đốc Công an tỉnh Nghệ An - đại tá Võ Trọng Thanh cho biết."
    found = [(e.text, e.attrs.get("honorific"), e.attrs.get("organization"))
             for e in entities(extractor, text, ("official",))]
    assert found == [("Võ Trọng Thanh", "đại tá", "Công an tỉnh Nghệ An")]


def test_a_plural_lead_with_a_colon_shares_its_post(extractor):
    text = ("Dự có các đồng chí: Hà Văn Quý, Giàng Seo Lử, Phó Chủ tịch UBND tỉnh. Các đồng chí Phó Chủ tịch HĐND "
            "tỉnh: Vương Ngọc Hà, Lục Văn Tú cùng dự. Tham dự có các đồng chí: Lý Văn Hào, Chủ tịch UBND tỉnh; "
            "Vi Văn Sáu, Ngô Văn Tám.")
    found = people(extractor, text)
    assert found == {"Hà Văn Quý": ("official", "Phó Chủ tịch", "UBND tỉnh"),
                     "Giàng Seo Lử": ("official", "Phó Chủ tịch", "UBND tỉnh"),
                     "Vương Ngọc Hà": ("official", "Phó Chủ tịch", "HĐND tỉnh"),
                     "Lục Văn Tú": ("official", "Phó Chủ tịch", "HĐND tỉnh"),
                     "Lý Văn Hào": ("official", "Chủ tịch", "UBND tỉnh"),
                     "Vi Văn Sáu": ("person", None, None), "Ngô Văn Tám": ("person", None, None)}


def test_an_ambassador_of_a_country_named_with_nuoc_and_a_known_family_name(extractor):
    text = "Đại sứ Đặc mệnh toàn quyền nước CHND Trung Hoa tại Việt Nam Tôn Quốc Tường thăm tỉnh."
    assert officials(extractor, text) == {"Tôn Quốc Tường": ("Đại sứ Đặc mệnh toàn quyền", "CHND Trung Hoa")}


def test_a_deputy_named_with_the_delegation_in_parentheses(extractor):
    text = ("Đại biểu Nguyễn Thị Việt Nga (Đoàn ĐBQH tỉnh Hải Dương) phát biểu. Ông Đào Văn Tư (ảnh) cũng dự; "
            "bà Lê Thị Yến (huyện Thanh Hà) góp ý.")
    found = people(extractor, text)
    assert found == {"Nguyễn Thị Việt Nga": ("official", "Đại biểu Quốc hội", "Đoàn ĐBQH tỉnh Hải Dương"),
                     "Đào Văn Tư": ("person", None, None), "Lê Thị Yến": ("person", None, None)}
