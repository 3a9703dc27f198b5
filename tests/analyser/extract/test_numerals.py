from __future__ import annotations

import pytest

from analyser.text.numerals import (
    CN_DIGITS,
    CN_MAGNITUDES,
    CN_NONZERO,
    CN_NUMERAL,
    CN_ZEROS,
    NUMBER_RE,
    SEQUENCE_DIGITS,
    digit_sequence_value,
    parse_fraction,
    parse_number,
    small_number,
    small_range,
)

# fmt: off
VALUES = [
    ("1,100万", 11_000_000),
    ("3541.07万", 35_410_700),
    ("11 900", 11_900),
    ("11\u2009900", 11_900),
    ("800亿", 80_000_000_000),
    ("1.39万亿", 1_390_000_000_000),
    ("3.5万", 35_000),
    ("十亿3000万", 1_030_000_000),
    ("5万4千", 54_000),
    ("100万三千", 1_003_000),
    ("一千二百万", 12_000_000),
    ("两千", 2000),
    ("三十六点九", 36.9),
    ("九百六十", 960),
    ("千万", 10_000_000),
    ("万", 10_000),
    ("一百零八亿", 10_800_000_000),
    ("一万三千五百十三", 13_513),
    ("二百十七万", 2_170_000),
    ("八千一百九十九万", 81_990_000),
    ("二〇二六", 2026),
    ("一九五四", 1954),
    ("十二点四", 12.4),
    ("0.2", 0.2),
]
INVALID = ["百分", "千百", "万千", "十十"]
FRACTIONS = [("五分之一", 0.2), ("1/5", 0.2), ("三分之二", 0.6666666667), ("3/4", 0.75)]
# fmt: on


@pytest.mark.parametrize("text,value", VALUES)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", INVALID)
def test_parse_number_rejects_malformed(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text,value", FRACTIONS)
def test_parse_fraction(text, value):
    assert parse_fraction(text) == pytest.approx(value)


def test_digit_sequence_and_small_range():
    assert digit_sequence_value("二〇一三") == 2013
    assert digit_sequence_value("二十") is None
    assert small_range("三五") == (3, 5)
    assert small_range("七八") == (7, 8)
    assert small_range("三十") is None


@pytest.mark.parametrize(
    "text,found",
    [
        ("投入3.5万元和1,100万元", ["3.5万", "1,100万"]),
        ("一百零八亿度", ["一百零八亿"]),
        ("十亿3000万元", ["十亿3000万"]),
        ("C919大飞机", ["919"]),  # the pattern finds it; the extractor rejects it (letter next to it)
    ],
)
def test_number_pattern(text, found):
    assert [m.group() for m in NUMBER_RE.finditer(text)] == found


@pytest.mark.parametrize(
    "text,expected",
    [
        # spaces between numeral characters are read through
        ("三千 九百 六十五", [(0, 9, 3965)]),
        ("7万 5千 4百", [(0, 8, 75_400)]),
        ("四百 点 五", [(0, 6, 400.5)]),
        ("1000  万", [(0, 7, 10_000_000)]),
        # but not between two Arabic numbers (a table row) nor across a line break
        ("2019 2020", [(0, 4, 2019), (5, 9, 2020)]),
        ("三千\n九百", [(0, 2, 3000), (3, 5, 900)]),
        # 兆 inside a numeral that goes on is 10^12; before a unit (兆瓦) it is not a magnitude
        ("五兆六十二亿四万五千二", [(0, 11, 5_006_200_045_200)]),
        ("5兆瓦", [(0, 1, 5)]),
        # mixed fractions with 又
        ("三又二分之一", [(0, 6, 3.5)]),
        ("负一又二分之一", [(0, 7, -1.5)]),
        ("五 分之 一", [(0, 6, 0.2)]),
        ("十 余 万", [(0, 5, 100_000)]),
        ("十余万", [(0, 3, 100_000)]),
        # scientific notation and powers
        ("2e5", [(0, 3, 200_000)]),
        ("-12e-1", [(0, 6, -1.2)]),
        ("2^5", [(0, 3, 32)]),
        # 元 with 角 and 分 make one amount
        ("50元6角三分", [(0, 7, 50.63)]),
        ("壹拾壹元壹角", [(0, 6, 11.1)]),
    ],
)
def test_find_numbers_forms(text, expected):
    from analyser.text.numerals import find_numbers

    assert find_numbers(text) == expected


@pytest.mark.parametrize(
    "text, most, expected",
    [("十二", 999, 12), ("三十一", 99, 31), ("一一六", 999, 116), ("一百零五", 999, 105), ("05", 99, 5),
     ("百", 99, None), ("二点五", 99, None), ("", 99, None), ("一千", 999, None)],
)
def test_small_number(text, most, expected):
    assert small_number(text, most=most) == expected


def test_numeral_classes_nest():
    assert set(SEQUENCE_DIGITS) == set(CN_ZEROS) | set(CN_NONZERO)
    assert set(CN_NUMERAL) == set(CN_DIGITS) | set(CN_MAGNITUDES)
    assert all(parse_number(c) == i + 1 for i, c in enumerate(CN_NONZERO))
    assert all(parse_number(c) == 0 for c in CN_ZEROS)
