"""Quotas, quotations and goals named far from their link word, in sentences written for these tests."""


def targets(extractor, text):
    return [(t.text, t.attrs["deadline"]) for t in extractor.extract_text(text).entities if t.type == "target"]


def test_places_allocated_to_schools_are_no_goals(extractor):
    text = ("Năm nay trường cao đẳng của tỉnh có chỉ tiêu tuyển sinh là 800 học viên. Sở phân bổ 300 chỉ tiêu "
            "cho các huyện như sau: huyện A 120 chỉ tiêu; huyện B 180 chỉ tiêu. Chỉ tiêu phân bổ cho các xã là: "
            "xã C 40; xã D 60.")
    assert targets(extractor, text) == []


def test_a_plan_target_called_chi_tieu_is_still_a_goal(extractor):
    text = "Kế hoạch đặt ra các chỉ tiêu gồm: 95% hộ dân dùng nước sạch; 100% trường học có nhà vệ sinh đạt chuẩn."
    assert [t for t, _ in targets(extractor, text)] == ["95% hộ dân dùng nước sạch",
                                                      "100% trường học có nhà vệ sinh đạt chuẩn"]


def test_a_goal_ends_where_its_quotation_closes(extractor):
    text = ('Ông nói: "Mục tiêu là đưa huyện trở thành trung tâm du lịch sinh thái của vùng vào năm 2030", '
            "trước hàng trăm đại biểu.")
    assert targets(extractor, text) == [("đưa huyện trở thành trung tâm du lịch sinh thái của vùng vào năm 2030",
                                         2030)]


def test_a_goal_noun_may_be_a_dozen_words_from_its_link(extractor):
    text = ("Mục tiêu đã được Ban chỉ đạo của tỉnh thống nhất đề ra là đến năm 2027, 90% hộ dân dùng điện "
            "mặt trời áp mái.")
    assert targets(extractor, text) == [("90% hộ dân dùng điện mặt trời áp mái", 2027)]


def test_instead_of_setting_a_goal_is_no_goal(extractor):
    text = "Chuyên gia đề nghị thay vì đặt mục tiêu tăng 20% sản lượng, huyện nên chú trọng chất lượng giống."
    assert targets(extractor, text) == []
