"""Patterns found by reading the extractor's output on unlabelled news (VNTC, UNC Dân trí): places named after
people (parks, rivers, islands), a place between a name and the next person's post, city aliases that open
with their administrative word, spaced ampersands in abbreviations, and body names that go on after a dash.
Sentences written for these tests."""

from tests.pipeline.test_titles_and_bodies import canonical, entities, people


def test_parks_rivers_and_islands_named_after_people_are_no_persons(extractor):
    text = ("Sáng nay, tại Công viên Văn hóa Lê Văn Tám, hàng trăm người tập thể dục. Đoàn đi dọc sông Tô Lịch "
            "rồi ra quần đảo Hoàng Sa. Bà Trần Thị Hoa cho biết.")
    assert people(extractor, text) == {"Trần Thị Hoa": ("person", None, None)}


def test_a_place_after_a_name_does_not_hand_it_the_next_post(extractor):
    text = ("Tại công viên Trần Thị Mai, quận 5, Chủ tịch UBND TP HCM Phạm Văn Lực dự lễ khởi công. "
            "Ông Ngô Văn Tú, huyện Cần Giờ, Phó Giám đốc Sở Y tế, phát biểu.")
    found = people(extractor, text)
    assert found["Phạm Văn Lực"] == ("official", "Chủ tịch", "UBND TP HCM")
    assert "Trần Thị Mai" not in found
    assert found["Ngô Văn Tú"][0] == "person"


def test_a_city_alias_that_opens_with_its_administrative_word_names_the_body(extractor):
    found = canonical(extractor, "UBND TP HCM và Sở Y tế TP HCM họp bàn về dịch bệnh.")
    assert found == {"UBND TP HCM": "Ủy ban nhân dân Thành phố Hồ Chí Minh",
                     "Sở Y tế TP HCM": "Sở Y tế Thành phố Hồ Chí Minh"}


def test_an_abbreviated_field_with_spaces_around_its_ampersand(extractor):
    found = canonical(extractor, "Sở TN & MT tỉnh Nghệ An phối hợp với Sở KH & CN tỉnh Nghệ An.")
    assert found == {"Sở TN & MT tỉnh Nghệ An": "Sở Tài nguyên và Môi trường tỉnh Nghệ An",
                     "Sở KH & CN tỉnh Nghệ An": "Sở Khoa học và Công nghệ tỉnh Nghệ An"}


def test_a_body_name_goes_on_after_a_dash(extractor):
    text = ("Ông Lương Văn Khải, Trưởng phòng Văn hóa - Thông tin huyện Đông Anh, cho biết. Phòng Tài chính - "
            "Kế hoạch huyện Đông Anh phối hợp.")
    assert people(extractor, text)["Lương Văn Khải"] == (
        "official", "Trưởng phòng", "Phòng Văn hóa - Thông tin huyện Đông Anh")
    assert "Phòng Tài chính - Kế hoạch huyện Đông Anh" in canonical(extractor, text)


def test_a_link_word_between_a_title_and_the_body_before_the_name(extractor):
    text = ("Phó Giám đốc phụ trách Sở Nội vụ ông Lã Văn Hòa cho biết. Ông Kha Văn Bé, Trưởng chi nhánh Ngân hàng "
            "Nông nghiệp huyện Cần Giờ, cho biết. Ông Đàm Đức Long, Q. Giám đốc Sở Giao thông vận tải, phát biểu.")
    found = people(extractor, text)
    assert found["Lã Văn Hòa"] == ("official", "Phó Giám đốc", "Sở Nội vụ")
    assert found["Kha Văn Bé"][:2] == ("official", "Trưởng chi nhánh")
    assert found["Đàm Đức Long"] == ("official", "Giám đốc", "Sở Giao thông vận tải")


def test_a_post_in_the_party_organ_of_a_body_is_not_the_main_office(extractor):
    text = ("Ông Tạ Văn Khoa, Bí thư Đảng ủy, Cục trưởng Cục Thi hành án dân sự tỉnh Thanh Hóa, phát biểu. "
            "Bà Âu Thị Hường, Bí thư Chi bộ, Trưởng phòng Phòng Kế toán, Sở Tài chính, cho biết. "
            "Ông Mạc Văn Sơn, Bí thư Đảng ủy xã Tân Lập, Chủ tịch HĐND xã, dự.")
    found = people(extractor, text)
    assert found["Tạ Văn Khoa"] == ("official", "Cục trưởng", "Cục Thi hành án dân sự tỉnh Thanh Hóa")
    assert found["Âu Thị Hường"] == ("official", "Trưởng phòng", "Phòng Kế toán")
    assert found["Mạc Văn Sơn"] == ("official", "Bí thư", "Đảng ủy xã Tân Lập")


def test_a_caption_name_then_the_same_name_with_its_post(extractor):
    text = ("Ông Hà Thế Kỷ Ông Hà Thế Kỷ - Giám đốc Công ty TNHH Nam Phát: “Chương trình rất bổ ích”. "
            "Ông Doãn Văn Quang - viện phó Viện Kinh tế - khẳng định. Theo TS. Lưu Tuấn Anh (ảnh) - Chủ tịch "
            "Hiệp hội Doanh nghiệp tỉnh, số doanh nghiệp tăng.")
    found = people(extractor, text)
    assert found["Lưu Tuấn Anh"] == ("official", "Chủ tịch", "Hiệp hội Doanh nghiệp tỉnh")
    assert found["Hà Thế Kỷ"] == ("official", "Giám đốc", "Công ty TNHH Nam Phát")
    assert found["Doãn Văn Quang"] == ("official", "Viện phó", "Viện Kinh tế")
    assert not any(" Ông" in name for name in found)


def test_a_body_of_a_numbered_district_then_its_head(extractor):
    text = ("Giám đốc Công ty Cấp nước quận 5 Mai Văn Chiến cho biết. Giám đốc Công ty Dịch vụ công ích Q.3 "
            "Lại Văn Thắng kiểm tra. UBND phường 12 họp.")
    found = people(extractor, text)
    assert found["Mai Văn Chiến"] == ("official", "Giám đốc", "Công ty Cấp nước quận 5")
    assert found["Lại Văn Thắng"] == ("official", "Giám đốc", "Công ty Dịch vụ công ích Q.3")
    assert canonical(extractor, text) == {"UBND phường 12": "Ủy ban nhân dân phường 12"}


def documents(extractor, text):
    return {e.text: e.attrs.get("issuer") for e in entities(extractor, text, ("document",))}


def test_an_issuer_ends_before_the_next_cited_document(extractor):
    text = ("Theo Công văn số 512/CV-BCĐ của Ban Chỉ đạo Quốc gia và Quyết định số 88/QĐ-UBND của UBND tỉnh "
            "Hải Dương, các khu cách ly được mở rộng.")
    assert documents(extractor, text) == {
        "Công văn số 512/CV-BCĐ của Ban Chỉ đạo Quốc gia": "Ban Chỉ đạo Quốc gia",
        "Quyết định số 88/QĐ-UBND của UBND tỉnh Hải Dương": "Ủy ban nhân dân tỉnh Hải Dương"}
    assert canonical(extractor, text)["Ban Chỉ đạo Quốc gia"] == "Ban Chỉ đạo Quốc gia"  # national, no province


def test_a_letter_sent_to_someone_has_no_title(extractor):
    text = "Doanh nghiệp đã gửi công văn tới UBND tỉnh để xin hỗ trợ. Sở đã gửi công văn hỏa tốc đến các huyện."
    assert list(documents(extractor, text)) == ["công văn hỏa tốc"]


def test_foreign_dignitaries_and_compound_academic_titles(extractor):
    text = ("Ngài Marc Knapper, Đại sứ Hoa Kỳ tại Việt Nam, thăm tỉnh. GS.TSKH Đặng Văn Minh, nguyên Giám đốc "
            "Đại học Huế, dự hội thảo.")
    found = {e.attrs["name"]: (e.type, e.attrs.get("honorific"), e.attrs.get("title"))
             for e in entities(extractor, text, ("official", "person"))}
    assert found == {"Marc Knapper": ("official", "Ngài", "Đại sứ"),
                     "Đặng Văn Minh": ("official", "GS.TSKH", "Giám đốc")}


def test_a_post_then_is_then_its_holder(extractor):
    text = ("Chủ tịch UBND xã Tân Lập hiện nay là bà Trịnh Thị Hoa. Người đứng đầu Sở Y tế là ông Tôn Văn Tùng. "
            "Năm ấy, người giúp đỡ gia đình tôi là ông Lê Văn Tư.")
    found = people(extractor, text)
    assert found["Trịnh Thị Hoa"] == ("official", "Chủ tịch", "UBND xã Tân Lập")
    assert found["Tôn Văn Tùng"][0::2] == ("official", "Sở Y tế")
    assert found["Lê Văn Tư"] == ("person", None, None)


def test_heads_of_villages_and_youth_unions(extractor):
    text = ("Trưởng thôn Phú Lợi Lê Văn Bảy dẫn đoàn. Trưởng bản Nà Hẩu Lò Văn Hặc cho biết. Ông Lê Văn Sáu, Bí thư "
            "Chi bộ thôn Đông, cho biết. Chị Lê Thị Hồng, Bí thư Đoàn Thanh niên xã Phú Mỹ, cho biết.")
    assert people(extractor, text) == {
        "Lê Văn Bảy": ("official", "Trưởng thôn", "thôn Phú Lợi"),
        "Lò Văn Hặc": ("official", "Trưởng bản", "bản Nà Hẩu"),
        "Lê Văn Sáu": ("official", "Bí thư", "Chi bộ thôn Đông"),
        "Lê Thị Hồng": ("official", "Bí thư", "Đoàn Thanh niên xã Phú Mỹ")}


def test_a_body_with_its_abbreviation_then_its_heads_name(extractor):
    text = ("Giám đốc Đài Phát thanh - Truyền hình tỉnh Quảng Bình (QBTV) Mạc Tiến Anh cho biết. Bộ trưởng Kế hoạch "
            "Đầu tư Hà Hồng Phúc ghi nhận.")
    assert people(extractor, text) == {
        "Mạc Tiến Anh": ("official", "Giám đốc", "Đài Phát thanh - Truyền hình tỉnh Quảng Bình (QBTV)"),
        "Hà Hồng Phúc": ("official", "Bộ trưởng", "Bộ Kế hoạch Đầu tư")}


def test_a_photo_credit_ends_before_the_full_stop(extractor):
    text = "Cầu Thê Húc năm 1973. Ảnh: Horst Faas.\nCầu Thê Húc ngày nay. Ảnh: Hữu Nghị."
    assert people(extractor, text) == {"Horst Faas": ("person", None, None), "Hữu Nghị": ("person", None, None)}
