"""Posts written apart from the name: before it across a dash or comma with no honorific, named by a place
instead of a body, in a relative clause, in the next sentence after "Đồng chí", in a case the gazetteer does
not list; and schools named after a person. Sentences written for these tests."""

from tests.pipeline.test_titles_and_bodies import agencies, entities, people


def test_a_post_then_a_dash_and_a_bare_name(extractor):
    text = "Ngày 3/5, Chủ tịch UBND tỉnh Yên Bái - Trần Quang Hòa, đã ký công điện khẩn về mưa lũ."
    assert people(extractor, text) == {"Trần Quang Hòa": ("official", "Chủ tịch", "UBND tỉnh Yên Bái")}


def test_a_post_after_a_named_person_is_not_also_the_next_name(extractor):
    text = "Dự họp có ông Lưu Đức Thuận, Giám đốc Sở Xây dựng, Phan Thị Nguyệt và nhiều doanh nghiệp."
    found = people(extractor, text)
    assert found["Lưu Đức Thuận"] == ("official", "Giám đốc", "Sở Xây dựng")
    assert found["Phan Thị Nguyệt"] == ("person", None, None)


def test_a_post_named_by_its_place_on_either_side(extractor):
    text = ("Phó Chủ tịch tỉnh Kon Tum - ông Đinh Văn Quyết yêu cầu không chủ quan. Chủ tịch xã Đắk Môn Lê Văn Hồ "
            "kiểm tra đê. Ông Hà Văn Lục, Phó Chủ tịch thường trực huyện Bảo Lạc, báo cáo.")
    assert people(extractor, text) == {
        "Đinh Văn Quyết": ("official", "Phó Chủ tịch", "tỉnh Kon Tum"),
        "Lê Văn Hồ": ("official", "Chủ tịch", "xã Đắk Môn"),
        "Hà Văn Lục": ("official", "Phó Chủ tịch Thường trực", "huyện Bảo Lạc")}


def test_an_ambassador_of_a_country_after_the_name(extractor):
    text = "Ông Park Ji Hoon, Đại sứ Hàn Quốc tại Việt Nam, thăm khu công nghiệp."
    assert people(extractor, text)["Park Ji Hoon"] == ("official", "Đại sứ", "Hàn Quốc")


def test_a_relative_clause_states_the_post(extractor):
    text = ("Ông Triệu Văn Khang, người vừa được bầu làm Chủ tịch Hội Cựu chiến binh tỉnh, phát biểu. "
            "Bà Lý Thị Hiền, người dân thôn Nà Mò, kể lại.")
    assert people(extractor, text) == {
        "Triệu Văn Khang": ("official", "Chủ tịch", "Hội Cựu chiến binh tỉnh"),
        "Lý Thị Hiền": ("person", None, None)}


def test_dong_chi_opens_the_next_sentence_with_the_post(extractor):
    text = "Đồng chí Vàng Seo Dín thăm bản. Đồng chí hiện là Bí thư Huyện ủy Si Ma Cai."
    assert people(extractor, text) == {"Vàng Seo Dín": ("official", "Bí thư", "Huyện ủy Si Ma Cai")}


def test_a_longer_title_in_another_case_wins(extractor):
    text = ("Bà Đoàn Thị Lụa, Phó Bí thư thường trực Đảng ủy khối, phát biểu; ông Mạc Văn Hải - phó trưởng ga Vinh - "
            "cho biết.")
    found = people(extractor, text)
    assert found["Đoàn Thị Lụa"][:2] == ("official", "Phó Bí thư Thường trực")
    assert found["Mạc Văn Hải"][:2] == ("official", "Phó Trưởng ga")


def test_a_school_named_after_a_person_keeps_the_name(extractor):
    text = ("Bà Hứa Thị Nhàn, Hiệu trưởng Trường THPT chuyên Lê Quý Đôn, cho biết. Hiệu trưởng Trường Tiểu học "
            "Kim Đồng Quách Văn Bảo báo cáo.")
    assert people(extractor, text) == {
        "Hứa Thị Nhàn": ("official", "Hiệu trưởng", "Trường THPT chuyên Lê Quý Đôn"),
        "Quách Văn Bảo": ("official", "Hiệu trưởng", "Trường Tiểu học Kim Đồng")}
    assert agencies(extractor, text) == ["Trường THPT chuyên Lê Quý Đôn", "Trường Tiểu học Kim Đồng"]


def test_a_lowercase_unit_inside_the_body_that_follows(extractor):
    text = "Theo Trưởng phòng thanh tra Chi cục Thủy sản Cà Mau Tạ Văn Lợi, số tàu vi phạm đã giảm."
    assert people(extractor, text) == {
        "Tạ Văn Lợi": ("official", "Trưởng phòng", "Phòng thanh tra Chi cục Thủy sản Cà Mau")}


def test_a_post_then_a_comma_and_the_parent_body(extractor):
    text = "Vụ phó Hợp tác quốc tế, Bộ Tư pháp Kiều Văn Đạt cho biết hội thảo kéo dài hai ngày."
    assert people(extractor, text) == {
        "Kiều Văn Đạt": ("official", "Vụ phó", "Vụ Hợp tác quốc tế, Bộ Tư pháp")}


def test_abbreviations_with_a_full_stop_inside_a_fused_body(extractor):
    text = "Theo Trưởng ban Kinh tế T.Ư Tạ Quang Huy, chính sách đã được điều chỉnh."
    assert people(extractor, text)["Tạ Quang Huy"][:2] == ("official", "Trưởng ban")


def test_a_rank_or_an_honour_between_the_name_and_the_post(extractor):
    text = ("Ông Dư Văn Hợp, nhà giáo ưu tú, Hiệu trưởng Trường THCS Lê Lợi, phát biểu. Khúc Văn Toại, Trung tướng, "
            "Phó Tổng Tham mưu trưởng, dự lễ.")
    found = people(extractor, text)
    assert found["Dư Văn Hợp"] == ("official", "Hiệu trưởng", "Trường THCS Lê Lợi")
    assert found["Khúc Văn Toại"][:2] == ("official", "Phó Tổng Tham mưu trưởng")


def test_a_name_like_body_name_inside_an_apposed_post_is_no_person(extractor):
    text = "Bà Lã Thị Vân, Chủ tịch Công đoàn Công ty Gạch men Đỗ Sơn, trao quà cho công nhân."
    assert people(extractor, text) == {"Lã Thị Vân": ("official", "Chủ tịch", "Công đoàn Công ty Gạch men")}


def test_a_party_board_of_the_committee_ends_at_the_committee(extractor):
    text = "Trưởng ban Tổ chức Tỉnh ủy dự và phát biểu; Ban Dân vận Tỉnh ủy dự."
    assert agencies(extractor, text) == ["ban Tổ chức Tỉnh ủy", "Ban Dân vận Tỉnh ủy"]


def test_bodies_the_gazetteer_lacked(extractor):
    text = ("Trạm trưởng Trạm Y tế xã Lương Văn Nghĩa, Giám đốc Điện lực Lạng Sơn Đàm Văn Hữu và Chủ tịch Liên minh "
            "Hợp tác xã tỉnh Nông Văn Thịnh dự họp với Bí thư Đảng ủy Khối các cơ quan tỉnh Hoàng Văn Khải.")
    assert people(extractor, text) == {
        "Lương Văn Nghĩa": ("official", "Trạm trưởng", "Trạm Y tế xã"),
        "Đàm Văn Hữu": ("official", "Giám đốc", "Điện lực Lạng Sơn"),
        "Nông Văn Thịnh": ("official", "Chủ tịch", "Liên minh Hợp tác xã tỉnh"),
        "Hoàng Văn Khải": ("official", "Bí thư", "Đảng ủy Khối các cơ quan tỉnh")}


def test_a_commune_party_committee_named_by_its_place(extractor):
    text = "Bí thư Đảng ủy phường Hồng Hà Vũ Văn Hậu và ông Lò Văn Mạnh, Bí thư Đảng ủy xã Mường Bon, dự họp."
    assert people(extractor, text) == {
        "Vũ Văn Hậu": ("official", "Bí thư", "Đảng ủy phường Hồng Hà"),
        "Lò Văn Mạnh": ("official", "Bí thư", "Đảng ủy xã Mường Bon")}
    places = [e.text for e in entities(extractor, text, ("location",))]
    assert places == ["Hồng Hà", "Mường Bon"]


def test_a_body_named_with_its_abbreviation_and_a_city_body(extractor):
    text = ("Trung tâm Giám sát giao thông thông minh (ITC) đã đi vào hoạt động ở TP. Hồ Chí Minh. Trung tâm Chuyển "
            "đổi số thành phố cũng ra mắt ứng dụng. Thành phố Hồ Chí Minh có 22 quận, huyện.")
    found = [(e.text, e.attrs["canonical"]) for e in entities(extractor, text, ("agency",))]
    city = "Trung tâm Giám sát giao thông thông minh Thành phố Hồ Chí Minh"
    assert found == [("Trung tâm Giám sát giao thông thông minh", city), ("ITC", city),
                     ("Trung tâm Chuyển đổi số thành phố", "Trung tâm Chuyển đổi số Thành phố Hồ Chí Minh")]


def test_a_title_naming_its_body_whole_an_acting_post_and_army_units(extractor):
    text = ("Thường trực Ban Bí thư Lương Văn Khải dự lễ. Bà Đặng Thị Thu, Quyền Giám đốc Sở Y tế, báo cáo. "
            "Đại úy Triệu Văn Thân - Trung đoàn phó Trung đoàn 9, kể lại.")
    found = people(extractor, text)
    assert found["Lương Văn Khải"] == ("official", "Thường trực Ban Bí thư", "Ban Bí thư")
    assert found["Đặng Thị Thu"][0] == "official" and found["Đặng Thị Thu"][2] == "Sở Y tế"
    assert found["Triệu Văn Thân"] == ("official", "Trung đoàn phó", "Trung đoàn 9")


def test_a_post_with_its_comma_left_out_or_after_a_colon(extractor):
    text = ("Đồng chí Hà Văn Tuệ Phó Chủ tịch UBND tỉnh phát biểu. Ông Mã Văn Lực Giám đốc Sở Xây dựng cho biết. "
            "Chủ tịch UBND huyện: Lục Văn Hải kết luận.")
    assert people(extractor, text) == {
        "Hà Văn Tuệ": ("official", "Phó Chủ tịch", "UBND tỉnh"),
        "Mã Văn Lực": ("official", "Giám đốc", "Sở Xây dựng"),
        "Lục Văn Hải": ("official", "Chủ tịch", "UBND huyện")}


def test_later_items_of_a_street_list_are_no_people(extractor):
    text = ("Xe tải bị cấm vào các phố Lý Thường Kiệt, Trần Hưng Đạo và Phan Chu Trinh. Tại xã Hòa Bình, Đỗ Văn Tài "
            "cho biết đường đã thông.")
    assert people(extractor, text) == {"Đỗ Văn Tài": ("person", None, None)}


def test_a_post_of_an_international_body_serving_abroad(extractor):
    text = "Trưởng Đại diện UNICEF tại Việt Nam Silvia Danailov thăm trường. Trưởng Đại diện UNICEF Việt Nam vắng mặt."
    assert people(extractor, text) == {"Silvia Danailov": ("official", "Trưởng Đại diện", "UNICEF")}
