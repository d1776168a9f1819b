"""Officials, bodies and places in sentences written for these tests, through the whole pipeline."""


def entities(extractor, text, url=None, types=None):
    return [e for e in extractor.extract_text(text, url=url).entities if types is None or e.type in types]


def officials(extractor, text, url=None):
    return {e.attrs["name"]: (e.attrs.get("title"), e.attrs.get("organization"), e.attrs.get("honorific"))
            for e in entities(extractor, text, url, ("official",))}


def test_stacked_posts_choose_the_main_office(extractor):
    text = ("Dự họp có đồng chí Trần Quốc Nam, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; ông Lê Văn Sỹ, "
            "Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Sở Tài chính.")
    found = officials(extractor, text)
    assert found["Trần Quốc Nam"] == ("Chủ tịch", "UBND tỉnh", "đồng chí")
    assert found["Lê Văn Sỹ"][:2] == ("Giám đốc", "Sở Tài chính")


def test_fused_and_implied_organisations(extractor):
    text = ("Phó Thủ tướng Trần Hồng Hà làm việc với Trưởng ban Tổ chức Trung ương Lê Minh Hưng và "
            "Bộ trưởng Tài chính Nguyễn Văn Thắng.")
    found = officials(extractor, text)
    assert found["Trần Hồng Hà"][:2] == ("Phó Thủ tướng", "Chính phủ")
    assert found["Lê Minh Hưng"][:2] == ("Trưởng ban", "Ban Tổ chức Trung ương")
    assert found["Nguyễn Văn Thắng"][:2] == ("Bộ trưởng", "Bộ Tài chính")


def test_military_rank_is_an_honorific(extractor):
    found = officials(extractor, "Thiếu tướng Phạm Văn Hòa, Phó Tư lệnh Quân khu 4, kiểm tra diễn tập.")
    assert found["Phạm Văn Hòa"][0] == "Phó Tư lệnh" and found["Phạm Văn Hòa"][2] == "Thiếu tướng"


def test_bylines_streets_and_schools_are_not_officials(extractor):
    text = "Hội nghị diễn ra tại số 12 đường Lê Lợi.\nĐối tượng là Nguyễn Trường Giang.\nMINH THƯ"
    people = {e.text: e.type for e in entities(extractor, text, types=("official", "person"))}
    assert people == {"Nguyễn Trường Giang": "person", "MINH THƯ": "person"}


def test_site_province_fills_implicit_bodies(extractor):
    text = "UBND tỉnh yêu cầu Sở KH&CN và Công an tỉnh phối hợp triển khai."
    bodies = {e.text: e.attrs for e in entities(extractor, text, url="https://baoquangnam.vn/tin/1.html",
                                                   types=("agency",))}
    assert bodies["UBND tỉnh"]["canonical"] == "Ủy ban nhân dân tỉnh Quảng Nam"
    assert bodies["Sở KH&CN"]["canonical"] == "Sở Khoa học và Công nghệ tỉnh Quảng Nam"
    assert bodies["Công an tỉnh"]["province"] == "Quảng Nam"


def test_generic_bodies_and_known_acronyms(extractor):
    text = "UBND các huyện phối hợp với VNPT và Viettel; các Sở, ban, ngành theo dõi."
    bodies = entities(extractor, text, types=("agency", "organization"))
    found = {e.text: (e.type, e.attrs["canonical"]) for e in bodies}
    assert found == {"VNPT": ("organization", "Tập đoàn Bưu chính Viễn thông Việt Nam"),
                     "Viettel": ("organization", "Tập đoàn Công nghiệp - Viễn thông Quân đội")}


def test_places_include_districts_of_the_article_province(extractor):
    text = "Lũ gây thiệt hại ở Hướng Hóa, Đakrông và huyện Cam Lộ; Quảng Trị đề nghị hỗ trợ."
    places = {e.text: e.attrs["level"] for e in entities(extractor, text, types=("location",))}
    assert places == {"Hướng Hóa": "district", "Đakrông": "district", "Cam Lộ": "district", "Quảng Trị": "province"}


def test_capitalised_admin_words_hamlets_and_a_place_before_its_province_in_brackets(extractor):
    text = ("Quận 3, quận 10 và Phường 7 có thêm ca bệnh. Xã hội quan tâm. Giá chè ở Tân Cương (Thái Nguyên) tăng; "
            "rừng thuộc ấp Cây Dương, xã Tân Lập bị cháy. Ông Trần Văn Hùng (Hà Nội) nói. Trưởng làng Công nghệ dự.")
    places = {e.text: e.attrs["level"] for e in entities(extractor, text, types=("location",))}
    assert places == {"Quận 3": "district", "quận 10": "district", "Phường 7": "commune", "Tân Cương": None,
                      "Thái Nguyên": "province", "Cây Dương": None, "Tân Lập": "commune", "Hà Nội": "province"}


def test_place_prefix_search_keeps_tone_variants_and_split_districts(extractor):
    from pipeline.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    assert gaz.may_start_place("Hoà") and gaz.may_start_place("hòa")  # Hòa Bình in either tone placement
    assert gaz.may_start_place("Đa")  # the district "Đakrông" is also written "Đa Krông"
    assert not gaz.may_start_place("nghị") and not gaz.may_start_place("Xyz")
    text = "Quảng Trị hỗ trợ Đa Krông; tỉnh Hoà Bình cử đoàn tới Hải Phòng."
    places = {e.text: (e.attrs["canonical"], e.attrs["level"]) for e in entities(extractor, text, types=("location",))}
    assert places["Đa Krông"] == ("Đa Krông", "district") and places["Hoà Bình"] == ("Hòa Bình", "province")
    assert places["Quảng Trị"] == ("Quảng Trị", "province") and places["Hải Phòng"] == ("Hải Phòng", "province")
