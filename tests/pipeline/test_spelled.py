"""Numbers written in words, read by the grammar of Vietnamese number words."""

import pytest

from pipeline.spelled import number_runs, parse_spelled, spelled_run


@pytest.mark.parametrize(("words", "value"), [
    ("mười hai", 12), ("hai mươi", 20), ("hai mươi mốt", 21), ("ba mươi tư", 34), ("bốn mươi lăm", 45),
    ("mười lăm", 15), ("một trăm", 100), ("ba trăm linh năm", 305), ("hai trăm lẻ một", 201),
    ("chín trăm chín mươi chín", 999), ("hai nghìn", 2_000), ("ba trăm nghìn", 300_000),
    ("hai triệu ba trăm nghìn", 2_300_000), ("năm nghìn tỷ", 5_000_000_000_000),
    ("một nghìn không trăm linh năm", 1_005), ("Bảy mươi", 70),
])
def test_well_formed_runs_are_read(words, value):
    assert parse_spelled(words) == value


@pytest.mark.parametrize("words", ["hai ba", "lăm", "mươi", "hai mươi hai mươi", "một trăm hai trăm",
                                   "ba trăm linh", "mốt hai", "nghìn"])
def test_runs_that_break_the_grammar_have_no_value(words):
    assert parse_spelled(words) is None


def test_a_run_is_two_or_more_number_words():
    assert [m.group(0) for m in spelled_run().finditer("Có hai hộ, Ba mươi xã và một trăm lẻ tám thôn.")] == [
        "Ba mươi", "một trăm lẻ tám"]


def test_a_run_opening_with_a_word_of_another_meaning_is_read_without_it():
    text = "Trong năm hai mươi xã và không ba hộ."
    assert [(text[s:e], v) for s, e, v in number_runs(text)] == [("hai mươi", 20)]  # "ba" alone is no run
