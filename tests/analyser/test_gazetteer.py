from __future__ import annotations

import pytest

from analyser.extract.entities.gazetteer import Division, Gazetteer, gazetteer, strip_ethnic

# fmt: off
LOOKUPS = [
    # written form, full name, level
    ("贵州省", "贵州省", "province"),
    ("贵州", "贵州省", "province"),
    ("广西", "广西壮族自治区", "province"),
    ("宁夏", "宁夏回族自治区", "province"),
    ("内蒙古", "内蒙古自治区", "province"),
    ("香港", "香港特别行政区", "province"),
    ("昭通", "昭通市", "prefecture"),
    ("黔西南州", "黔西南布依族苗族自治州", "prefecture"),
    ("怒江州", "怒江傈僳族自治州", "prefecture"),
    ("伊犁州", "伊犁哈萨克自治州", "prefecture"),
    ("望谟县", "望谟县", "county"),
    ("威宁县", "威宁彝族回族苗族自治县", "county"),
    ("海拉尔", "海拉尔区", "county"),        # a county-level name of three characters or more
    ("满洲里", "满洲里市", "county"),
    ("乌鲁木齐", "乌鲁木齐市", "prefecture"),  # the prefecture before 乌鲁木齐县
]
# fmt: on


@pytest.mark.parametrize("form,name,level", LOOKUPS)
def test_lookup(form, name, level):
    d = gazetteer().lookup(form)[0]
    assert (d.name, d.level) == (name, level)


@pytest.mark.parametrize(
    "name,chain",
    [
        ("望谟县", ["贵州省", "黔西南布依族苗族自治州", "望谟县"]),
        ("古浪县", ["甘肃省", "武威市", "古浪县"]),
        ("昭通市", ["云南省", "昭通市"]),
        ("北京市", ["北京市"]),
    ],
)
def test_chain(name, chain):
    gz = gazetteer()
    assert gz.chain(gz.lookup(name)[0]) == chain


def test_is_within():
    gz = gazetteer()
    county, prov, other = gz.lookup("望谟县")[0], gz.lookup("贵州省")[0], gz.lookup("云南省")[0]
    assert gz.is_within(county, prov)
    assert not gz.is_within(county, other)
    assert not gz.is_within(prov, county)


def test_every_parent_exists_and_every_name_is_simplified():
    gz = gazetteer()
    for d in gz.by_code.values():
        assert d.parent is None or d.parent in gz.by_code, d
        assert "縣" not in d.name and "區" not in d.name


def test_ambiguous_short_forms_are_flagged():
    gz = gazetteer()
    assert "大同" in gz.ambiguous and "日照" in gz.ambiguous
    assert "贵阳" not in gz.ambiguous


def test_same_name_sorted_highest_level_first():
    gz = Gazetteer([
        Division("110000", "甲市", "province", None),
        Division("110105", "甲区", "county", "110000", ("甲",)),
        Division("210000", "乙省", "province", None, ("甲",)),
    ])
    assert [d.code for d in gz.lookup("甲")] == ["210000", "110105"]


@pytest.mark.parametrize(
    "stem,expected",
    [("黔西南布依族苗族", "黔西南"), ("博尔塔拉蒙古", "博尔塔拉"), ("延边朝鲜族", "延边"), ("昌吉", "昌吉")],
)
def test_strip_ethnic(stem, expected):
    ethnic = ["布依族", "苗族", "蒙古族", "蒙古", "朝鲜族", "回族", "布依", "苗", "朝鲜"]
    assert strip_ethnic(stem, ethnic) == expected


@pytest.mark.parametrize("form", ["浦东新", "井陉矿", "朝阳", "宁武"])
def test_no_short_form_for_new_areas_mining_districts_or_two_characters(form):
    assert all(d.level != "county" or form in (d.name,) for d in gazetteer().lookup(form))
