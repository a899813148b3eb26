"""Chinese, Roman and letter numerals."""

import pytest

from app.legaltext.numerals import (
    cn_to_int,
    int_to_cn,
    int_to_letter,
    int_to_roman,
    letter_to_int,
    roman_to_int,
)

LEGAL_FORMS = [
    ("一", 1), ("二", 2), ("三", 3), ("四", 4), ("五", 5), ("六", 6), ("七", 7), ("八", 8),
    ("九", 9), ("十", 10), ("十一", 11), ("十九", 19), ("二十", 20), ("二十一", 21),
    ("九十九", 99), ("一百", 100), ("一百零一", 101), ("一百一十", 110), ("一百一十一", 111),
    ("一百二十", 120), ("二百零一", 201), ("四百五十二", 452), ("一千", 1000),
    ("一千零一", 1001), ("一千零一十", 1010), ("一千一百", 1100), ("一千二百六十", 1260),
    ("二千", 2000),
]  # fmt: skip


@pytest.mark.parametrize(("text", "number"), LEGAL_FORMS)
def test_cn_to_int_reads_legal_forms(text, number):
    assert cn_to_int(text) == number


@pytest.mark.parametrize(("text", "number"), LEGAL_FORMS)
def test_int_to_cn_writes_legal_forms(text, number):
    assert int_to_cn(number) == text


@pytest.mark.parametrize(
    ("text", "number"),
    [("〇", 0), ("零", 0), ("一百〇一", 101), ("一千〇一十", 1010), ("两", 2), ("两百", 200),
     ("二〇二一", 2021), ("12", 12), ("１２", 12), ("１００", 100), (" 七 ", 7), ("一万零五", 10005)],
)  # fmt: skip
def test_cn_to_int_reads_zero_two_and_digits(text, number):
    assert cn_to_int(text) == number


def test_int_to_cn_round_trips_1_to_2000():
    assert [cn_to_int(int_to_cn(n)) for n in range(1, 2001)] == list(range(1, 2001))


def test_int_to_cn_writes_ten_thousands_and_zero():
    assert [int_to_cn(0), int_to_cn(10000), int_to_cn(10050)] == ["零", "一万", "一万零五十"]


@pytest.mark.parametrize(
    "text", ["", "十十", "百", "一百五", "百一", "一百零", "万", "第一", "abc"]
)
def test_cn_to_int_refuses_what_is_not_a_legal_numeral(text):
    with pytest.raises(ValueError):
        cn_to_int(text)


def test_roman_round_trips_1_to_3999():
    assert [roman_to_int(int_to_roman(n)) for n in range(1, 4000)] == list(range(1, 4000))


def test_roman_reads_either_case():
    assert [roman_to_int("iv"), roman_to_int("XLII"), int_to_roman(1994)] == [4, 42, "MCMXCIV"]


@pytest.mark.parametrize("text", ["", "IIII", "VX", "IC", "A"])
def test_roman_refuses_malformed_numerals(text):
    with pytest.raises(ValueError):
        roman_to_int(text)


def test_item_letters_continue_after_z():
    assert [letter_to_int("a"), letter_to_int("z"), letter_to_int("aa"), int_to_letter(27)] == [
        1,
        26,
        27,
        "aa",
    ]
