"""Titles that share a body's head, names after a titled body, rare family names, local bodies whose place
the gazetteer does not know, and issuers of documents: sentences written for these tests."""


def entities(extractor, text, types):
    return [e for e in extractor.extract_text("Tin địa phương\n" + text).entities if e.type in types]


def officials(extractor, text):
    return {e.attrs["name"]: (e.attrs.get("title"), e.attrs.get("organization"))
            for e in entities(extractor, text, ("official",))}


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
