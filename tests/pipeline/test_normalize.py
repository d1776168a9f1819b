import unicodedata

from pipeline.normalize import clean_text, clean_text_with_map, fold, match_key, unify_tones


def test_clean_text_makes_nfd_input_nfc():
    nfd = unicodedata.normalize("NFD", "Chuyển đổi số ở Thừa Thiên Huế")
    assert nfd != "Chuyển đổi số ở Thừa Thiên Huế"
    assert clean_text(nfd) == "Chuyển đổi số ở Thừa Thiên Huế"


def test_clean_text_removes_invisible_and_odd_whitespace():
    raw = "Sở\u200bKH&CN\u00a0tỉnh\t\tHuế  \r\n\r\n\r\n\r\nĐoạn\u00adhai\ufeff   "
    assert clean_text(raw) == "SởKH&CN tỉnh Huế\n\nĐoạnhai"


def test_clean_text_map_points_back_into_nfc_source():
    raw = unicodedata.normalize("NFD", "Hà\u200b Nội\u00a0 có  327.000 tỷ đồng")
    source = unicodedata.normalize("NFC", raw)
    cleaned, origin = clean_text_with_map(raw)
    assert cleaned == "Hà Nội có 327.000 tỷ đồng"
    assert len(origin) == len(cleaned) + 1
    start = cleaned.index("327.000")
    end = start + len("327.000 tỷ đồng")
    assert source[origin[start] : origin[end - 1] + 1] == "327.000 tỷ đồng"
    for i, ch in enumerate(cleaned):
        if ch != " ":
            assert source[origin[i]] == ch


def test_unify_tones_old_and_new_placement_agree():
    assert unify_tones("hoà bình") == unify_tones("hòa bình") == "hòa bình"
    assert unify_tones("thuỷ lợi") == "thủy lợi"
    assert unify_tones("Thanh Hoá, khoẻ, Uỷ ban") == "Thanh Hóa, khỏe, Ủy ban"
    # Not every tone moves: "quý" keeps it on y, closed syllables are the same in both styles.
    assert unify_tones("quý, hoàng, thuyền") == "quý, hoàng, thuyền"


def test_unify_tones_and_fold_keep_length():
    text = "Hoà bình, THUỶ LỢI, Đắk Lắk, đường"
    assert len(unify_tones(text)) == len(text)
    assert len(fold(text)) == len(text)
    assert len(match_key(text)) == len(text)


def test_fold_strips_diacritics_and_folds_d_stroke():
    assert fold("Chuyển đổi số") == "chuyen doi so"
    assert fold("ĐÀ NẴNG, Đắk Lắk") == "da nang, dak lak"
    assert fold("Hoà") == fold("Hòa") == "hoa"


def test_capital_headlines_are_quieted_but_capital_bylines_are_not():
    from pipeline.normalize import quiet_capitals

    text = "SỞ Y TẾ TỔ CHỨC HỘI NGHỊ TỔNG KẾT NĂM\nHOÀNG MAI - LÊ NAM 03/07/2024 06:02\nNội dung."
    quieted = quiet_capitals(text)
    assert quieted.splitlines() == ["sở y tế tổ chức hội nghị tổng kết năm", "HOÀNG MAI - LÊ NAM 03/07/2024 06:02",
                                    "Nội dung."]
    assert len(quieted) == len(text)
