"""The extraction contract (shared/spec/extraction.md) on texts written for these tests."""

import unicodedata

from govnews.records import ENTITY_TYPES, TOPIC_IDS
from tests.conftest import FIXTURES

HUE = (FIXTURES / "hue.chuyen-doi-so.txt").read_text(encoding="utf-8")


def by_type(extraction, entity_type):
    return [e for e in extraction.entities if e.type == entity_type]


def test_extract_returns_contract_shape(extractor):
    data = extractor.extract_text(HUE).to_dict()
    assert data["title"] == "Thừa Thiên Huế đẩy mạnh chuyển đổi số trong cơ quan nhà nước"
    assert data["language"] == "vi"
    assert {"title", "language", "topics", "entities"} <= set(data)
    for topic in data["topics"]:
        assert topic["label"] in TOPIC_IDS and 0 <= topic["score"] <= 1
    for entity in data["entities"]:
        assert entity["type"] in ENTITY_TYPES
        assert HUE[entity["start"] : entity["end"]] == entity["text"]


def test_extract_finds_officials_with_titles(extractor):
    officials = {(e.attrs["name"], e.attrs.get("title"), e.attrs.get("organization"))
                 for e in by_type(extractor.extract_text(HUE), "official")}
    assert ("Nguyễn Văn Phương", "Chủ tịch", "UBND tỉnh") in officials
    assert ("Hồ Thắng", "Giám đốc", "Sở KH&CN") in officials


def test_extract_expands_agencies_and_fills_province(extractor):
    agencies = {e.text: e.attrs for e in by_type(extractor.extract_text(HUE), "agency")}
    assert agencies["Sở KH&CN"]["canonical"] == "Sở Khoa học và Công nghệ tỉnh Thừa Thiên Huế"
    assert agencies["Sở KH&CN"]["province"] == "Thừa Thiên Huế"
    assert agencies["UBND tỉnh Thừa Thiên Huế"]["canonical"] == "Ủy ban nhân dân tỉnh Thừa Thiên Huế"
    assert agencies["Bộ Thông tin và Truyền thông"]["province"] is None
    assert "các sở" not in " ".join(agencies)  # generic references are not entities


def test_extract_reads_documents_dates_and_figures(extractor):
    extraction = extractor.extract_text(HUE)
    documents = by_type(extraction, "document")
    assert [d.attrs["canonical"] for d in documents] == ["Quyết định 749/QĐ-TTg"]
    assert documents[0].attrs["issuer"] == "Thủ tướng Chính phủ"
    assert documents[0].attrs["date"] == "2020-06-03"
    dates = {d.text: d.attrs["value"] for d in by_type(extraction, "date")}
    assert dates["12/3"] == "--03-12"
    assert dates["năm 2025"] == "2025"
    figures = {f.text: f.attrs for f in by_type(extraction, "figure")}
    assert figures["120 tỷ đồng"]["value"] == 120_000_000_000 and figures["120 tỷ đồng"]["unit"] == "VND"
    assert figures["65,5%"]["value"] == 65.5
    assert figures["hơn 1.200 hồ sơ"]["value"] == 1200
    assert figures["hơn 1.200 hồ sơ"]["qualifier"] == "more_than"
    assert figures["thứ 3/63"]["unit"] == "rank" and figures["thứ 3/63"]["value"] == 3


def test_extract_links_short_mentions_to_full_name(extractor):
    thang = [e for e in by_type(extractor.extract_text(HUE), "official") if e.text == "Thắng"]
    assert thang and thang[0].attrs["name"] == "Hồ Thắng" and thang[0].attrs["title"] == "Giám đốc"


def test_extract_offsets_refer_to_nfc_of_nfd_input_with_invisible_chars(extractor):
    raw = unicodedata.normalize("NFD", HUE).replace("Hồ Thắng", "Hồ\u200b Thắng", 1)
    source = unicodedata.normalize("NFC", raw)
    extraction = extractor.extract_text(raw)
    assert extraction.entities
    for entity in extraction.entities:
        assert source[entity.start : entity.end] == entity.text
    assert any(e.type == "figure" and e.attrs["value"] == 120_000_000_000 for e in extraction.entities)


def test_extract_claims_nothing_on_english_text(extractor):
    extraction = extractor.extract_text((FIXTURES / "english.txt").read_text(encoding="utf-8"))
    assert extraction.language == "en"
    assert extraction.entities == [] and extraction.topics == []


def test_extract_survives_empty_and_markup_text(extractor):
    assert extractor.extract_text("").entities == []
    messy = "TIÊU ĐỀ VIẾT HOA\n&lt;p&gt;Sở KH&amp;CN &amp;nbsp; 1.2.3.4 tỷ đồng ,,5% <b>"
    extraction = extractor.extract_text(messy)
    assert all(e.attrs.get("value") != 1.234 for e in extraction.entities)
    for entity in extraction.entities:
        assert messy[entity.start : entity.end] == entity.text


def test_extract_names_the_trained_topic_model(extractor):
    from models.topics.registry import default_version

    extraction = extractor.extract_text(HUE)
    assert extraction.models["topics"] == default_version() != "placeholder"
    assert extraction.topics[0].label == "digital_transformation"


def test_capital_headlines_are_not_read_as_names(extractor):
    text = "ỦY BAN NHÂN DÂN TỈNH HỌP BÀN KẾ HOẠCH PHÁT TRIỂN DU LỊCH MÙA HÈ\nNội dung ngắn về cuộc họp của tỉnh."
    found = [e for e in extractor.extract_text(text).entities if e.type in ("official", "person", "agency")]
    assert found == []


def test_a_long_text_is_read_in_parts_with_offsets_kept(extractor):
    from pipeline.extract import MAX_CHUNK_CHARS

    paragraph = "Giám đốc Sở Y tế Lương Văn Hải kiểm tra bệnh viện huyện.\n"
    text = "Tin dài\n" + paragraph * (2 * MAX_CHUNK_CHARS // len(paragraph) + 2)
    officials = [e for e in extractor.extract_text(text).entities if e.type == "official"]
    assert len(officials) == text.count("Lương Văn Hải")
    assert all(text[e.start : e.end] == "Lương Văn Hải" for e in officials)
