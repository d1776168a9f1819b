"""The shared query parser: units, other spellings of a name, segmented-word joins."""

from __future__ import annotations

import pytest

from search.query import QuerySyntaxError
from search.terms import parse_query, segmented_field


def test_an_abbreviation_matches_its_expansion_and_back():
    (unit,) = parse_query("KH&CN").units
    assert unit.typed == "KH&CN"
    assert "khoa hoc va cong nghe" in unit.alternatives and "kh cn" in unit.alternatives
    units = parse_query("Sở Khoa học và Công nghệ").units
    assert [u.typed for u in units] == ["Sở", "Khoa học và Công nghệ"]
    assert "kh cn" in units[1].alternatives


def test_a_province_matches_its_other_names_without_diacritics():
    (unit,) = parse_query("tp.hcm").units
    assert {"thanh pho ho chi minh", "tp hcm", "sai gon"} <= set(unit.alternatives)
    (unit,) = parse_query("ha noi").units
    assert unit.alternatives[0] == "ha noi"


def test_dictionary_words_are_units_and_joins_follow_syllables():
    parsed = parse_query('chuyển đổi số "đô thị"')
    assert [u.typed for u in parsed.units] == ["chuyển đổi", "số", "đô thị"]
    assert parsed.units[0].alternatives == ("chuyen doi",)
    assert parsed.joins()[:3] == ["chuyen_doi", "doi_so", "so_do"]
    assert "chuyen_doi_so" in parsed.joins()
    assert segmented_field(["Chuyển đổi", "số", ",", "Thừa Thiên Huế"]) == "chuyen_doi so thua_thien_hue"


def test_words_are_found_without_diacritics_and_syllables_that_are_no_word_stay_apart():
    assert [u.alternatives for u in parse_query("dau tu nuoc ngoai").units] == [("dau tu",), ("nuoc ngoai",)]
    assert [u.typed for u in parse_query("xuất khẩu gạo").units] == ["xuất khẩu", "gạo"]
    # Accented, only the word as written counts: "dầu tư" is no word although it folds to "dau tu".
    assert [u.typed for u in parse_query("dầu tư").units] == ["dầu", "tư"]
    # A quoted syllable is never glued to its neighbour.
    assert [u.typed for u in parse_query('đầu "tư"').units] == ["đầu", "tư"]


@pytest.mark.parametrize("q", ['"unbalanced', "   ", "!!! ???"])
def test_unsearchable_queries_are_syntax_errors(q):
    with pytest.raises(QuerySyntaxError):
        parse_query(q)
