"""Quotas, quotations and goals named far from their link word, in sentences written for these tests."""

from tests.pipeline.spans import targets_with_deadlines as targets


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


def test_a_goal_set_in_the_past_is_still_a_goal_but_one_reached_is_not(extractor):
    assert targets(extractor, "Tỉnh đã đặt mục tiêu đến năm 2030 có 500 doanh nghiệp công nghệ số.") == [
        ("đến năm 2030 có 500 doanh nghiệp công nghệ số", 2030)]
    assert targets(extractor, "Năm 2024, huyện đã đạt mục tiêu có 300 hộ làm du lịch.") == []


def test_a_purpose_that_ends_before_the_horizon_does_not_cut_the_goal(extractor):
    text = "Để đáp ứng nhu cầu, từ nay đến năm 2028, các tuyến đường, cây cầu của huyện sẽ được nâng cấp."
    assert targets(extractor, text) == [("các tuyến đường, cây cầu của huyện sẽ được nâng cấp", 2028)]


def test_a_goal_inside_an_aside_leaves_its_closing_bracket(extractor):
    text = "Huyện mở thêm tuyến xe (dự kiến đến năm 2026, sẽ vận hành thêm hai tuyến xe buýt điện)."
    assert targets(extractor, text) == [("vận hành thêm hai tuyến xe buýt điện", 2026)]


def test_a_plan_setting_its_goal_is_no_title_and_its_goal_counts(extractor):
    text = "Nghị quyết đặt mục tiêu đến năm 2030, huyện có 4 cụm công nghiệp được lấp đầy trên 60%."
    entities = extractor.extract_text(text).entities
    assert [e.text for e in entities if e.type == "document"] == []
    assert [(e.text, e.attrs["deadline"]) for e in entities if e.type == "target"] == [
        ("huyện có 4 cụm công nghiệp được lấp đầy trên 60%", 2030)]


def test_the_goals_a_header_names_after_trong_do_are_one_target_each(extractor):
    text = ("Năm 2027, xã đề ra 12 chỉ tiêu chủ yếu, trong đó thu nhập bình quân đầu người đạt 68 triệu đồng; "
            "tỷ lệ hộ dùng nước sạch đạt 98%.")
    assert targets(extractor, text) == [("thu nhập bình quân đầu người đạt 68 triệu đồng", 2027),
                                        ("tỷ lệ hộ dùng nước sạch đạt 98%", 2027)]


def test_results_reached_are_not_opened_by_trong_do(extractor):
    text = "Năm 2025, xã đạt 17/18 chỉ tiêu, trong đó 5 chỉ tiêu vượt kế hoạch."
    assert targets(extractor, text) == []


def test_a_tally_of_goals_is_a_goal_only_under_a_goal_verb(extractor):
    assert [t for t, _ in targets(extractor, "Năm 2028, phường phấn đấu đạt 16/16 chỉ tiêu chủ yếu.")] == [
        "phường phấn đấu đạt 16/16 chỉ tiêu chủ yếu"]
