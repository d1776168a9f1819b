"""Figures and targets in sentences written for these tests."""


def of_type(extractor, text, entity_type):
    return [e for e in extractor.extract_text(text).entities if e.type == entity_type]


def test_figures_resolve_vietnamese_numbers_units_and_qualifiers(extractor):
    text = ("Năm 2023, doanh thu đạt 327.000 tỷ đồng (khoảng 13 tỷ USD), đóng góp hơn 6,5% GRDP; tỉnh xếp thứ 2/63 "
            "với giá trị 0,4843, có gần 5.500 doanh nghiệp, khoảng 1/3 trong số đó ở hai huyện, diện tích 182.343ha.")
    figures = {f.text: (f.attrs["value"], f.attrs["unit"], f.attrs["qualifier"]) for f in
               of_type(extractor, text, "figure")}
    assert figures["327.000 tỷ đồng"] == (327_000_000_000_000, "VND", None)
    assert figures["khoảng 13 tỷ USD"] == (13_000_000_000, "USD", "about")
    assert figures["hơn 6,5%"] == (6.5, "%", "more_than")
    assert figures["thứ 2/63"] == (2, "rank", None)
    assert figures["0,4843"] == (0.4843, "score", None)
    assert figures["gần 5.500 doanh nghiệp"] == (5500, "doanh nghiệp", "about")
    assert figures["khoảng 1/3"][1:] == ("fraction", "about")
    assert figures["hai huyện"] == (2, "huyện", None)
    assert figures["182.343ha"] == (182343, "ha", None)
    assert all(f.attrs["year"] == 2023 for f in of_type(extractor, text, "figure"))


def test_malformed_and_non_figure_numbers_get_no_value(extractor):
    text = ("Mã số 1.2.3.4 tỷ đồng, ,,5% và 1,234.5 USD; hội nghị lần thứ 18 năm 2024; gọi 0234.3822.000; "
            "bài có 3,512 lượt xem.")
    assert of_type(extractor, text, "figure") == []


def test_targets_split_enumerations_and_take_deadlines_and_values(extractor):
    text = ("Kế hoạch của tỉnh đặt ra ba nhóm chỉ tiêu đến năm 2030 gồm: phát triển 2.000 doanh nghiệp công nghệ số; "
            "đưa kinh tế số đạt 30% GRDP; 100% hồ sơ được xử lý trực tuyến.")
    targets = of_type(extractor, text, "target")
    assert [t.text for t in targets] == ["phát triển 2.000 doanh nghiệp công nghệ số", "đưa kinh tế số đạt 30% GRDP",
                                         "100% hồ sơ được xử lý trực tuyến"]
    assert [t.attrs["deadline"] for t in targets] == [2030, 2030, 2030]
    assert (targets[0].attrs["value"], targets[0].attrs["unit"]) == (2000, "doanh nghiệp")


def test_past_results_and_mottos_are_not_targets(extractor):
    text = ("Năm 2020, tỉnh đã trở thành địa phương dẫn đầu. Phương châm “Lấy người dân làm trung tâm; doanh nghiệp "
            "làm động lực” được quán triệt.")
    assert of_type(extractor, text, "target") == []


def test_ranges_rates_classifiers_and_qualifiers_after(extractor):
    text = ("Giá cà phê ở mức 41.000 - 43.000 đồng/kg, lợi nhuận 200 triệu đồng/ha/năm; tỷ lệ hộ nghèo giảm "
            "3 – 4%, tăng trưởng từ 8% trở lên. Huyện có 12 trạm y tế, 25 cơ sở giáo dục và trả lời 15 câu hỏi.")
    figures = [(f.text, f.attrs["value"], f.attrs["unit"], f.attrs["qualifier"]) for f in of_type(extractor, text,
                                                                                                 "figure")]
    assert ("41.000", 41000, "VND/kg", None) in figures and ("43.000 đồng/kg", 43000, "VND/kg", None) in figures
    assert ("200 triệu đồng/ha/năm", 200_000_000, "VND/ha/năm", None) in figures
    assert ("3", 3, "%", None) in figures and ("4%", 4, "%", None) in figures
    assert ("8%", 8, "%", "more_than") in figures
    assert ("12 trạm y tế", 12, "trạm y tế", None) in figures
    assert ("25 cơ sở giáo dục", 25, "cơ sở giáo dục", None) in figures
    assert ("15 câu hỏi", 15, "câu hỏi", None) in figures


def test_ranks_in_their_usual_shapes_and_numbers_that_are_not_figures(extractor):
    text = ("Tỉnh đứng 7/13 tỉnh trong vùng, là nơi nuôi cá lớn thứ ba cả nước và lọt top 500 thành phố. Thứ hạng "
            "về hạ tầng, nhân lực lần lượt là 12,30 và 5. Hai huyện được xếp ở vị trí 40 và 52; 18/20 xã đạt chuẩn. "
            "Sinh viên khóa 45 tham gia.")
    figures = [(f.text, f.attrs["value"], f.attrs["unit"]) for f in of_type(extractor, text, "figure")]
    assert ("7/13", 7, "rank") in figures and ("thứ ba", 3, "rank") in figures
    assert ("500 thành phố", 500, "thành phố") in figures  # "top 500 thành phố" counts cities
    assert [v for t, v, u in figures if u == "rank" and t in ("12", "30", "5", "40", "52")] == [12, 30, 5, 40, 52]
    assert ("18/20 xã", 18, "xã") in figures
    assert not any(t.startswith("45") for t, _, _ in figures)


def test_a_number_glued_to_its_noun_by_the_segmenter_still_names_the_noun():
    from types import SimpleNamespace

    from pipeline.components import _noun_after

    class Doc:  # the two attributes _noun_after reads: the text and its tagged tokens
        text = "mở 2.450 lớp với 12 nhóm"
        tokens = [SimpleNamespace(idx=0, text="mở", tag_="V"), SimpleNamespace(idx=3, text="2.450 lớp", tag_="N"),
                  SimpleNamespace(idx=13, text="với", tag_="E"), SimpleNamespace(idx=17, text="12", tag_="M"),
                  SimpleNamespace(idx=20, text="nhóm", tag_="N")]

        def __iter__(self):
            return iter(self.tokens)

    noun_after = _noun_after(Doc())
    assert noun_after(8) == (12, "lớp")  # after "2.450", inside the glued token
    assert noun_after(19) == (24, "nhóm")
    assert noun_after(12) is None  # "với" is no noun


def test_a_figure_takes_the_year_of_its_own_sentence_in_a_long_text(extractor):
    communes = ", ".join(f"xã số {n} vùng cao" for n in range(200))
    long_sentence = f"Năm 2025 tỉnh có {communes} được hỗ trợ 12 tỷ đồng"
    text = "Năm 2019, huyện có 40 trường học.\n" + long_sentence + ".\n" + "Tỉnh nhận thêm 3 tỷ đồng."
    years = {f.text: f.attrs["year"] for f in of_type(extractor, text, "figure")}
    assert years["40 trường học"] == 2019 and years["12 tỷ đồng"] == 2025 and years["3 tỷ đồng"] is None
    assert len(long_sentence) > 2_000  # the sentence start lies beyond the first window searched
