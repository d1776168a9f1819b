"""Targets and their deadlines in sentences written for these tests."""

import pytest

from pipeline.deadlines import clause_deadline, horizons


def targets(extractor, text):
    return [e for e in extractor.extract_text(text).entities if e.type == "target"]


@pytest.mark.parametrize(("phrase", "year"), [
    ("đến năm 2030", 2030), ("giai đoạn 2021-2025", 2025), ("giai đoạn 2026 – 2030", 2030),
    ("đến hết năm 2025", 2025), ("trong năm 2025", 2025), ("trước năm 2026", 2025),
    ("trước ngày 30/6/2026", 2026), ("tầm nhìn đến 2045", 2045), ("đến cuối năm 2027", 2027),
    ("từ nay đến năm 2028", 2028), ("trong quý III/2026", 2026),
])
def test_horizon_phrases_give_the_year_the_goal_is_due(phrase, year):
    assert [h.year for h in horizons(f"Huyện hoàn thành việc này {phrase}.")] == [year]


@pytest.mark.parametrize("phrase", ["so với năm 2022", "tính đến năm 2024", "cùng kỳ năm 2023"])
def test_years_compared_with_or_counted_to_are_no_deadline(phrase):
    assert horizons(f"Số hộ nghèo giảm mạnh {phrase}.") == []


def test_a_start_year_is_the_deadline_only_when_nothing_else_dates_the_goal():
    text = "Từ năm 2026, xã sẽ cấp miễn phí 500 thẻ bảo hiểm y tế."
    assert [(h.year, h.kind) for h in horizons(text)] == [(2026, "from")]
    assert clause_deadline(text, (text.index("cấp"), len(text) - 1), (0, len(text)), []) == 2026
    text = "Từ năm 2026 đến năm 2028, xã cấp miễn phí 500 thẻ bảo hiểm y tế."
    assert clause_deadline(text, (text.index("xã"), len(text) - 1), (0, len(text)), []) == 2028


def test_the_clause_horizon_wins_then_the_nearest_before_it_then_the_plan_of_an_earlier_sentence():
    text = ("Kế hoạch của huyện đến năm 2027, tầm nhìn đến năm 2035 được thông qua. Huyện chọn 3 xã làm điểm. "
            "Theo đó, huyện xây 12 trường học mới.")
    plan, pilot, goal = (0, text.index(" Huyện")), (text.index("Huyện"), text.index(" Theo")), (
        text.index("Theo"), len(text))
    clause = (text.index("xây"), len(text) - 1)
    assert clause_deadline(text, clause, goal, [plan, pilot]) == 2027  # the plan's period, not its vision
    assert clause_deadline(text, clause, goal, [pilot]) is None
    sentence = "Chương trình giai đoạn 2026-2030, tầm nhìn đến năm 2040, đưa xã trở thành xã kiểu mẫu."
    start = sentence.index("đưa")
    assert clause_deadline(sentence, (start, len(sentence) - 1), (0, len(sentence)), []) == 2040


def test_a_horizon_opening_the_sentence_and_an_enumeration_give_one_target_each(extractor):
    text = ("Đến năm 2030, huyện Mỹ Lâm trở thành đô thị loại IV; có 2 bệnh viện đi vào hoạt động; "
            "tăng cường tuyên truyền về bảo vệ môi trường.")
    found = targets(extractor, text)
    assert [t.text for t in found] == ["huyện Mỹ Lâm trở thành đô thị loại IV",
                                       "có 2 bệnh viện đi vào hoạt động"]  # the last item is a task
    assert [t.attrs["deadline"] for t in found] == [2030, 2030]
    assert (found[1].attrs["value"], found[1].attrs["unit"]) == (2, "bệnh viện")


def test_a_noun_cue_needs_a_link_to_state_a_goal(extractor):
    assert targets(extractor, "Mục tiêu của buổi gặp mặt được nhiều đại biểu quan tâm và thảo luận sôi nổi.") == []
    found = targets(extractor, "Mục tiêu chung của chương trình là nâng thu nhập của người dân vùng cao.")
    assert [t.text for t in found] == ["nâng thu nhập của người dân vùng cao"]
    assert found[0].attrs["deadline"] is None


def test_bullet_lines_after_a_colon_are_one_target_each(extractor):
    text = ("Kế hoạch giai đoạn 2026-2030 của tỉnh đặt ra các chỉ tiêu sau:\n- 90% hồ sơ được xử lý trực tuyến;\n"
            "- 100% xã có điểm phục vụ một cửa.\nHội nghị kết thúc lúc 17 giờ.")
    found = targets(extractor, text)
    assert [t.text for t in found] == ["90% hồ sơ được xử lý trực tuyến", "100% xã có điểm phục vụ một cửa"]
    assert [t.attrs["deadline"] for t in found] == [2030, 2030]


def test_commitments_need_a_figure_or_a_time_ahead_and_no_condition(extractor):
    found = targets(extractor, "Thời gian tới, huyện sẽ hỗ trợ 300 hộ nghèo sửa chữa nhà ở.")
    assert [(t.text, t.attrs["value"]) for t in found] == [("hỗ trợ 300 hộ nghèo sửa chữa nhà ở", 300)]
    assert targets(extractor, "Nếu trời mưa lớn, hội chợ sẽ lùi lại 20 ngày.") == []
    assert targets(extractor, "Các nhiệm vụ, giải pháp nêu trên sẽ được triển khai trong thời gian tới.") == []


def test_results_against_a_plan_and_deadline_commitments(extractor):
    assert targets(extractor, "Năm 2024, ngành thuế thu đạt 95% kế hoạch năm.") == []
    found = targets(extractor, "Công ty cam kết bàn giao toàn bộ mặt bằng cho nhà đầu tư trước năm 2027.")
    assert [(t.text, t.attrs["deadline"]) for t in found] == [
        ("bàn giao toàn bộ mặt bằng cho nhà đầu tư trước năm 2027", 2026)]


def test_a_short_commitment_keeps_its_subject_and_a_past_year_is_no_deadline(extractor):
    found = targets(extractor, "Cầu Tân Mỹ dự kiến hoàn thành trong năm 2027.")
    assert [(t.text, t.attrs["deadline"]) for t in found] == [("Cầu Tân Mỹ dự kiến hoàn thành trong năm 2027", 2027)]
    found = targets(extractor, "Năm 2023, xã đã đón 40 đoàn khách; thời gian tới xã sẽ mời thêm 10 nhà đầu tư.")
    assert [(t.text, t.attrs["deadline"]) for t in found] == [("mời thêm 10 nhà đầu tư", None)]


def test_reported_speech_counts_but_a_short_motto_does_not(extractor):
    speech = ("“Trong nhiệm kỳ này, huyện phấn đấu đưa thu nhập bình quân đầu người đạt 90 triệu đồng mỗi năm và "
              "không còn hộ nghèo”, Bí thư Huyện ủy nói.")
    found = targets(extractor, speech)
    assert len(found) == 1 and found[0].text.startswith("đưa thu nhập bình quân đầu người đạt 90 triệu đồng")
    assert targets(extractor, "Khẩu hiệu “Phấn đấu vì một xã xanh, sạch, đẹp” treo khắp các thôn.") == []
    found = targets(extractor, "Quy hoạch đưa vùng ven biển thành trung tâm kinh tế biển của cả khu vực.")
    assert [t.text for t in found] == ["đưa vùng ven biển thành trung tâm kinh tế biển của cả khu vực"]


def test_the_owner_is_the_province_named_before_the_goal(extractor):
    text = ("Hội nghị bàn về kinh tế biển của Quảng Ngãi. Tỉnh Bình Định đặt mục tiêu đến năm 2030 có 12 cảng cá "
            "hiện đại. Quảng Ngãi phấn đấu thu hút 3 dự án lớn về cảng biển.")
    assert [t.attrs["owner"] for t in targets(extractor, text)] == ["Bình Định", "Quảng Ngãi"]
