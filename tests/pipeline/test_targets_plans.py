"""Targets dated by their plan, and results, forecasts and examples that are not targets, in sentences written
for these tests."""

from pipeline.deadlines import horizons
from tests.pipeline.spans import targets_with_deadlines as targets


def test_a_plan_year_dates_the_plan():
    assert [(h.year, h.kind) for h in horizons("Kế hoạch chuyển đổi số năm 2022 của huyện.")] == [(2022, "plan")]
    assert [(h.year, h.kind) for h in horizons("Năm 2022, huyện có nhiều đổi mới.")] == [(2022, "year")]
    assert [h.year for h in horizons("Cầu sẽ thông xe vào tháng 8-2027.")] == [2027]


def test_goals_listed_under_the_plan_named_in_the_title_take_its_year(extractor):
    text = ("Quảng Bình ban hành Kế hoạch chuyển đổi số năm 2022\n"
            "Kế hoạch đặt ra các chỉ tiêu như sau: 80% hồ sơ thủ tục hành chính được xử lý trực tuyến; "
            "100% xã có điểm phát sóng Wi-Fi công cộng.")
    assert targets(extractor, text) == [("80% hồ sơ thủ tục hành chính được xử lý trực tuyến", 2022),
                                        ("100% xã có điểm phát sóng Wi-Fi công cộng", 2022)]


def test_a_commitment_after_a_dated_programme_takes_the_end_of_its_period(extractor):
    text = ("Chương trình phát triển du lịch giai đoạn 2026-2030 của tỉnh được thông qua. Theo đó, tỉnh sẽ đón "
            "3 triệu lượt khách mỗi năm.")
    assert targets(extractor, text) == [("đón 3 triệu lượt khách mỗi năm", 2030)]


def test_reported_results_forecasts_and_conditions_are_not_targets(extractor):
    text = ("Năm 2024, kim ngạch xuất khẩu của tỉnh sẽ tăng 12% so với cùng kỳ. Ban tổ chức bắn pháo hoa sớm hơn "
            "dự kiến 2 tiếng. Các chuyên gia dự báo sẽ có 5% diện tích lúa bị hạn. Nếu không nạo vét, mùa mưa tới "
            "nước sông sẽ tràn vào 40 hộ dân.")
    assert targets(extractor, text) == []


def test_a_commitment_ends_before_its_examples_and_its_setback(extractor):
    text = ("Trong tháng tới, học viên sẽ tập huấn 8 chuyên đề, như: kỹ thuật gieo sạ; chọn giống; bón phân. "
            "Cây cầu dự kiến sẽ hoàn thành vào tháng 8-2027 nhưng mới làm xong phần móng.")
    assert targets(extractor, text) == [("tập huấn 8 chuyên đề", None),
                                        ("Cây cầu dự kiến sẽ hoàn thành vào tháng 8-2027", 2027)]


def test_an_event_date_range_is_no_horizon():
    assert horizons("Hội chợ sẽ được tổ chức từ ngày 18 đến 25.4.2026 tại Cần Thơ.") == []
    assert [h.year for h in horizons("Huyện hoàn thành việc này trước 30.6.2026.")] == [2026]


def test_penalties_and_descriptions_after_will_are_no_commitments(extractor):
    text = ("Từ năm 2027, xe chở quá tải sẽ bị giam 30 ngày. Kết quả kiểm tra 12 công trình sẽ là cơ sở để xử lý "
            "trong thời gian tới. Thời gian tới, huyện sẽ nạo vét 15 km kênh mương.")
    assert targets(extractor, text) == [("nạo vét 15 km kênh mương", None)]


def test_a_commitment_with_several_figures_is_one_target(extractor):
    text = "Thời gian tới, huyện sẽ xây nhà ăn phục vụ 400 người, khu chợ 50 gian hàng và hai bãi đỗ xe."
    assert targets(extractor, text) == [("xây nhà ăn phục vụ 400 người, khu chợ 50 gian hàng và hai bãi đỗ xe", None)]


def test_directives_resolve_and_obligations_with_a_horizon_state_goals(extractor):
    text = ("UBND huyện yêu cầu đến cuối năm 2027, 100% hồ sơ đất đai phải được số hóa. Xã quyết tâm hoàn thành "
            "cứng hóa đường liên thôn trong năm 2026. Dịch vụ công trực tuyến phải chiếm 60% số hồ sơ vào năm 2028.")
    found = targets(extractor, text)
    assert ("100% hồ sơ đất đai phải được số hóa", 2027) in found
    assert ("cứng hóa đường liên thôn trong năm 2026", 2026) in found
    assert any(clause.endswith("60% số hồ sơ vào năm 2028") and year == 2028 for clause, year in found)
    assert len(found) == 3


def test_a_directive_without_a_goal_is_no_target(extractor):
    assert targets(extractor, "Chủ tịch UBND tỉnh giao Sở Tài chính rà soát, báo cáo trước ngày 15/3.") == []


def test_a_horizon_without_its_comma_still_opens_an_outcome(extractor):
    found = targets(extractor, "Theo quy hoạch, đến năm 2035 tỷ lệ che phủ rừng của huyện đạt 52%. "
                               "Đến năm 2024 huyện đã đạt 48% độ che phủ.")
    assert found == [("tỷ lệ che phủ rừng của huyện đạt 52%", 2035)]


def test_results_listed_under_a_goal_noun_are_not_targets_but_goals_compared_with_a_year_are(extractor):
    text = ("Các chỉ tiêu chủ yếu năm 2025 gồm: thu ngân sách ước đạt 9.000 tỷ đồng; tổng vốn đầu tư lũy kế "
            "đạt 40.000 tỷ đồng. Mục tiêu năm 2026 là tăng trưởng 8% so với năm 2025.")
    assert targets(extractor, text) == [("tăng trưởng 8% so với năm 2025", 2026)]


def test_unmarked_list_lines_after_a_colon_are_one_target_each(extractor):
    text = ("Huyện ban hành kế hoạch phát triển nông nghiệp\n"
            "Kế hoạch đặt ra các mục tiêu cụ thể đến năm 2028 như sau:\n"
            "Giá trị sản xuất trên 1 ha đất trồng trọt đạt 150 triệu đồng;\n"
            "Tỷ lệ hộ dân dùng nước sạch đạt 98%.\n"
            "Các xã triển khai ngay trong quý I;\n"
            "Báo cáo kết quả về UBND huyện.")
    assert targets(extractor, text) == [("Giá trị sản xuất trên 1 ha đất trồng trọt đạt 150 triệu đồng", 2028),
                                        ("Tỷ lệ hộ dân dùng nước sạch đạt 98%", 2028)]


def test_what_a_visitor_will_see_is_no_commitment(extractor):
    text = "Tại lễ hội, du khách sẽ được tham quan 36 điểm di tích. Thời gian tới, tỉnh sẽ đón 3 đoàn khách quốc tế."
    assert targets(extractor, text) == [("đón 3 đoàn khách quốc tế", None)]
