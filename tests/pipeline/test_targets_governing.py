"""Deadlines from the plan that governs a goal (its paragraph, the intro of its list, its section heading) and
from horizons that name no year, in sentences written for these tests."""

from datetime import datetime

from pipeline.deadlines import publication_year, relative_horizons
from pipeline.governing import PlanScope
from pipeline.targets import sentence_spans
from tests.pipeline.spans import targets_with_deadlines as targets


def test_a_plan_named_early_in_the_paragraph_dates_a_later_goal(extractor):
    text = ("Tỉnh họp bàn về kinh tế số\n"
            "UBND tỉnh vừa ban hành Kế hoạch phát triển kinh tế số giai đoạn 2021-2025. Kế hoạch được xây dựng sau "
            "nhiều tháng khảo sát. Nhiều sở, ngành đã tham gia góp ý. Theo đó, tỉnh phấn đấu 100% xã có mạng cáp "
            "quang.")
    assert targets(extractor, text) == [("100% xã có mạng cáp quang", 2025)]


def test_a_year_opening_the_paragraph_dates_its_later_commitments_unless_it_had_passed():
    text = ("Hạ tầng giao thông\n"
            "Năm 2026, tỉnh tập trung cho hạ tầng. Các sở được giao nhiều việc. Công tác giải phóng mặt bằng được "
            "ưu tiên. Tỉnh sẽ xây 2 cầu mới qua sông Lam.")
    scope = PlanScope(text, sentence_spans(text), 2025)
    assert scope.horizon(text.index("Tỉnh sẽ")) == 2026
    assert PlanScope(text, sentence_spans(text), 2027).horizon(text.index("Tỉnh sẽ")) is None


def test_list_items_take_the_horizon_of_the_plan_in_their_intro():
    text = ("Hội nghị tổng kết\n"
            "Năm 2022, huyện đã làm được nhiều việc. Nghị quyết nhiệm kỳ 2020-2025 của Đảng bộ huyện nêu rõ:\n"
            "- Thu nhập bình quân đạt 80 triệu đồng;\n"
            "- Tỷ lệ hộ nghèo giảm còn dưới 2%.\n")
    scope = PlanScope(text, sentence_spans(text), 2023)
    assert scope.horizon(text.index("Tỷ lệ")) == 2025
    assert scope.horizon(text.index("Thu nhập")) == 2025


def test_a_heading_dates_its_section_but_a_passed_or_reported_plan_does_not():
    text = ("Chương trình phát triển đô thị đến năm 2030\n"
            "Tỉnh xây dựng thêm hai khu đô thị mới.\n"
            "Kết quả năm 2021\n"
            "Đến năm 2021, tỉnh đã hoàn thành ba khu đô thị.\n")
    sentences = sentence_spans(text)
    assert PlanScope(text, sentences, 2022).horizon(text.index("Tỉnh xây")) == 2030
    assert PlanScope(text, sentences, 2022).horizon(text.index("Đến năm 2021")) is None  # a heading without a plan
    assert PlanScope(text, sentences, 2022).horizon(len(text) - 3) is None  # 2021 had passed, and "đã" reports


def test_horizons_without_a_year_count_from_the_publication_year():
    text = "Cuối năm nay hoàn thành, năm tới mở rộng, những năm tới duy trì, cuối năm học, quý III/2026."
    assert [(text[h.start : h.end], h.year) for h in relative_horizons(text, 0, len(text), 2025)] == [
        ("Cuối năm nay", 2025), ("năm tới", 2026)]
    assert relative_horizons(text, 0, len(text), None) == []


def test_the_publication_year_comes_from_the_date_given_or_the_dateline():
    assert publication_year("Thứ Tư, 25/01/2017 06:15\nTin tức", None) == 2017
    assert publication_year("date 2025-06 Tỉnh họp", None) == 2025
    assert publication_year("Không có ngày tháng", datetime(2024, 3, 1)) == 2024
    assert publication_year("Không có ngày tháng", None) is None


def test_goals_for_this_year_and_this_quarter_take_the_publication_year(extractor):
    text = ("date 2025-06 Sở Công Thương họp sơ kết công tác.\n"
            "Trong 6 tháng cuối năm, ngành phấn đấu kim ngạch xuất khẩu đạt 2 tỷ USD. Sở cũng đặt mục tiêu hoàn "
            "thành 3 cụm công nghiệp trong quý III.")
    assert targets(extractor, text) == [("kim ngạch xuất khẩu đạt 2 tỷ USD", 2025),
                                        ("hoàn thành 3 cụm công nghiệp trong quý III", 2025)]


def test_a_horizon_right_after_a_goal_noun_and_a_near_purpose_link_name_the_goal(extractor):
    text = ("Mục tiêu phấn đấu đến năm 2028 có 95% hộ dân nông thôn được dùng nước sạch; môi trường nông thôn ngày "
            "càng sạch đẹp.")
    assert targets(extractor, text) == [("có 95% hộ dân nông thôn được dùng nước sạch", 2028),
                                        ("môi trường nông thôn ngày càng sạch đẹp", 2028)]
    text = "Được biết, mục tiêu của dự án nhằm chống ngập cho khu vực trung tâm huyện."
    assert targets(extractor, text) == [("chống ngập cho khu vực trung tâm huyện", None)]


def test_a_purpose_far_from_the_goal_noun_names_no_goal(extractor):
    text = ("Kết quả còn xa so với các mục tiêu mà hội nghị năm trước của hiệp hội ngành hàng đề ra nhằm mở rộng "
            "thị trường.")
    assert targets(extractor, text) == []


def test_an_opening_horizon_that_had_passed_at_publication_reports_a_result(extractor):
    text = "date 2026-02 Tổng kết năm\nĐến năm 2025, toàn tỉnh có 120 xã đạt chuẩn nông thôn mới."
    assert targets(extractor, text) == []
    assert targets(extractor, text.replace("2026-02", "2024-02")) == [
        ("toàn tỉnh có 120 xã đạt chuẩn nông thôn mới", 2025)]


def test_a_goal_noun_pointing_back_or_a_measured_parameter_names_no_new_goal(extractor):
    text = ("Nhận thức rõ điều đó, tỉnh đưa ra mục tiêu này và coi đó là một trong năm mục tiêu hàng đầu. "
            "Quyết tâm đó là nền tảng để các xã hoàn thành nhiệm vụ. "
            "Chỉ tiêu COD của nước sông tại khu vực cầu là 16 mg/l.")
    assert targets(extractor, text) == []
    assert targets(extractor, "Mục tiêu của huyện là xây dựng 5 chợ mới.") == [("xây dựng 5 chợ mới", None)]


def test_an_events_programme_an_effect_and_a_price_move_are_no_commitments(extractor):
    text = ("Hội nghị sẽ diễn ra trong 2 ngày tại hội trường tỉnh. Đoàn công tác sẽ làm việc tại 5 huyện phía tây. "
            "Các đại biểu sẽ tham quan 3 mô hình sản xuất nông nghiệp. Tuyến đường dài 12 km sẽ giúp rút ngắn thời "
            "gian đi lại khoảng 30 phút. Giá xăng sẽ tăng 500 đồng/lít từ chiều nay. Thời gian tới, huyện sẽ xây "
            "thêm 4 trường mầm non.")
    assert targets(extractor, text) == [("xây thêm 4 trường mầm non", None)]


def test_a_horizon_over_at_publication_opens_no_goal_down_to_its_month(extractor):
    text = "date 2026-07 Tin kinh tế\nĐến tháng 5/2026, tổng dư nợ tín dụng của tỉnh đạt 50.000 tỷ đồng."
    assert targets(extractor, text) == []
    assert targets(extractor, text.replace("tháng 5/2026", "tháng 10/2026")) == [
        ("tổng dư nợ tín dụng của tỉnh đạt 50.000 tỷ đồng", 2026)]


def test_an_obligation_due_within_a_month_or_by_the_end_of_the_year_is_a_commitment(extractor):
    text = ("date 2026-01 Tin tức\nBộ trưởng yêu cầu các đơn vị phải hoàn thành việc cấp căn cước trong tháng 7/2026. "
            "Từ nay đến cuối năm, các xã phải hoàn thành 200 căn nhà cho hộ nghèo. Trong năm 2025, tỉnh hoàn thành "
            "300 căn nhà.")
    assert targets(extractor, text) == [("hoàn thành việc cấp căn cước trong tháng 7/2026", 2026),
                                        ("hoàn thành 200 căn nhà cho hộ nghèo", 2026)]


def test_an_appraisal_of_a_goal_is_not_its_content(extractor):
    assert targets(extractor, "Mục tiêu đặt ra là rất lớn, đòi hỏi sự nỗ lực của cả hệ thống chính trị.") == []


def test_a_horizon_before_a_figure_a_purpose_before_a_horizon_and_a_set_plan_state_goals(extractor):
    text = ("date 2026-01 Tin tức\nTheo lộ trình, đến năm 2028 thành phố có 50 km đường sắt đô thị. Huyện tập trung "
            "chỉ đạo để đến cuối năm 2026 có 100% xã đạt chuẩn nông thôn mới. Ngành thuế đặt kế hoạch thu 12.000 tỷ "
            "đồng trong năm 2026.")
    assert targets(extractor, text) == [("thành phố có 50 km đường sắt đô thị", 2028),
                                        ("có 100% xã đạt chuẩn nông thôn mới", 2026),
                                        ("thu 12.000 tỷ đồng trong năm 2026", 2026)]


def test_an_orientation_given_to_a_project_is_its_goal(extractor):
    text = "Khu công nghiệp được định hướng phát triển theo mô hình sinh thái, thu hút ngành công nghệ cao."
    assert targets(extractor, text) == [("phát triển theo mô hình sinh thái, thu hút ngành công nghệ cao", None)]


def test_a_sentence_spelling_out_the_goals_named_before_it_lists_them(extractor):
    text = ("Huyện đặt mục tiêu phát triển nông nghiệp sạch đến năm 2029. Cụ thể, diện tích rau an toàn đạt 500 ha; "
            "60% hợp tác xã có sản phẩm OCOP. Ông Hòa cho biết thêm. Trong đó, nhiều hộ còn khó khăn.")
    assert targets(extractor, text) == [("phát triển nông nghiệp sạch đến năm 2029", 2029),
                                        ("diện tích rau an toàn đạt 500 ha", 2029),
                                        ("60% hợp tác xã có sản phẩm OCOP", 2029)]
