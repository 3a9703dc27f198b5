from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import shared_scorer
from hypothesis import given, settings
from hypothesis import strategies as st

from analyser.extract.entities import extract_entities
from analyser.text.document import DocumentText

ROOT = Path(__file__).resolve().parents[3]
SHARED = (ROOT / ".." / "shared").resolve()


def ents(text: str, label: str | None = None, **kwargs):
    src = DocumentText.from_text(text, **kwargs)
    out = extract_entities(src)
    for e in out:
        assert text[e.start:e.end] == e.text
    assert [e.start for e in out] == sorted(e.start for e in out)
    return [e for e in out if label is None or e.label == label]


def texts(text: str, label: str) -> list[str]:
    return [e.text for e in ents(text, label)]


# --- persons ------------------------------------------------------------------------------------

# fmt: off
PERSONS = [
    ("李克强总理作出批示", ["李克强"]),
    ("时任国务院副总理、国务院扶贫开发领导小组组长汪洋出席会议并讲话", ["汪洋"]),
    ("汪洋、韩正、胡春华等领导同志多次深入调研", ["汪洋", "韩正", "胡春华"]),
    ("以习近平同志为核心的党中央", ["习近平"]),
    ("習近平總書記始終將易地扶貧搬遷放在心上", ["習近平"]),
    ("搬遷群眾王永慶說，“我家在麻山住了八輩子”", ["王永慶"]),
    ("副主任刘琦调研省直青年人才公寓", ["刘琦"]),
    ("望洋兴叹，一片汪洋", []),            # a leader's two-character name as an ordinary word
    ("全党同志要牢记使命", []),
    ("广大党员干部不忘初心", []),
    ("严厉查处违法行为", []),
    # a 、-list with confirmed names, and a name confirmed once named again
    ("副主席王洪文、张春桥、江青、姚文元出席。后来江青又提出要求。", ["王洪文", "张春桥", "江青", "姚文元", "江青"]),
    ("办公室主任由民航总局副局长杨国庆担任。", ["杨国庆"]),
    ("当罗素教授在上海讲学时", ["罗素"]),
    ("出席会议的中央委员和其他同志们", []),     # 和 + an ordinary word is no name
    ("主任高建国说，要高举旗帜。", ["高建国"]),  # 高 is a surname before an ordinary word too
    ("。马克思同志说过这句话。我们坚持马克思列宁主义。", ["马克思"]),   # not inside the doctrine's name
]
# fmt: on


@pytest.mark.parametrize("text,expected", PERSONS)
def test_persons(text, expected):
    assert texts(text, "PERSON") == expected


def test_person_surface_is_the_name_without_title():
    (p,) = ents("习近平总书记强调", "PERSON")
    assert (p.text, p.normalized) == ("习近平", "习近平")


def test_traditional_person_is_normalized_to_simplified():
    (p,) = ents("李克強總理作出批示", "PERSON")
    assert (p.text, p.normalized) == ("李克強", "李克强")


# the persons addressed at the head of a reply to deputies' suggestions or members' proposals
# fmt: off
ADDRESSES = [
    ("国办函〔2006〕69号\n邓明义代表：\n您提出的建议收悉，现答复如下：\n温家宝总理作了批示。", ["邓明义", "温家宝"]),
    ("国办函〔2006〕71号\n周桂英等代表：\n你们提出的建议收悉。", ["周桂英"]),
    ("\n周桂英、邓明义代表：\n你们提出的建议收悉。", ["周桂英", "邓明义"]),
    ("\n张大民等3位委员：\n你们提出的提案收悉。", ["张大民"]),
    ("\n欧阳明高先生：\n来信收悉。", ["欧阳明高"]),
    ("\n各位代表：\n现在我代表国务院作报告。", []),
    ("\n人大代表：\n你们好。", []),
    ("\n全体委员：\n会议开始。", []),
    ("\n全国人大代表：\n你们好。", []),
    ("\n曾任代表：\n会议开始。", []),             # an adverb, not a name
    ("会上听取了周桂英代表：她说", []),             # not at the head of a line or sentence
]
# fmt: on


@pytest.mark.parametrize("text,expected", ADDRESSES)
def test_persons_addressed_at_the_head_of_a_reply(text, expected):
    assert texts(text, "PERSON") == expected


def test_addressee_before_the_body_keeps_its_offsets():
    text = "国务院办公厅对建议的答复\n国办函〔2006〕71号\n周桂英等代表：\n你们提出的建议收悉，现答复如下：\n随着电子政务建设的推进。"
    src = DocumentText.from_text(text)
    persons = [e for e in extract_entities(src) if e.label == "PERSON"]
    assert [(text[e.start:e.end], e.start) for e in persons] == [("周桂英", text.index("周桂英"))]


# --- organisations ------------------------------------------------------------------------------

# fmt: off
ORGS = [
    # nesting: 国务院 in 国务院副总理 is listed, in 国务院扶贫开发领导小组 it is not
    ("时任国务院副总理、国务院扶贫开发领导小组组长", ["国务院", "国务院扶贫开发领导小组"]),
    ("国家发展改革委联合有关部门印发实施", ["国家发展改革委"]),
    ("易地扶贫搬迁是中央明确的“五个一批”之一", ["中央"]),
    ("大幅增加中央预算内投资规模", []),
    ("中央各有关部门和单位各司其职", []),
    ("感谢党中央，感谢总书记", ["党中央"]),
    ("按照党中央、国务院关于实现巩固拓展的部署", ["党中央", "国务院"]),
    ("展现了中国共产党集中统一领导的政治优势", ["中国共产党"]),
    ("“十三五”全面评估核查国家验收组在80个县核查", ["“十三五”全面评估核查国家验收组"]),
    ("（商务部、发展改革委、交通运输部、邮政局、供销合作总社等和各有关省级人民政府负责）",
     ["商务部", "发展改革委", "交通运输部", "邮政局", "供销合作总社"]),
    ("河南省发展改革委出台22条举措", ["河南省发展改革委"]),
    ("贵州省人民政府办公厅关于印发方案的通知", ["贵州省人民政府办公厅"]),
    ("包括鞍山鋼鐵公司的大型軋鋼廠、無縫鋼管廠、薄板廠，阜新的海州露天煤礦等", ["鞍山鋼鐵公司", "海州露天煤礦"]),
    ("根據重工業部的檢查，其他的工業部也同樣存在", ["重工業部"]),
    ("同年中央五個工業部的産品成本", []),
    ("加快推进大兴安岭森工集团改革", ["大兴安岭森工集团"]),
    ("各级教育部门和农业部门要", []),
    ("抓好农业部署和建设部署", []),
    ("建立村民委员会", []),
    ("二是国际葡萄与葡萄酒宁夏交流合作中心正式运行", ["国际葡萄与葡萄酒宁夏交流合作中心"]),
    ("三是中国-中亚荒漠化防治合作中心落户宁夏", ["中国-中亚荒漠化防治合作中心"]),
    ("设立管理服务中心", []),
    ("中央政府要带头过紧日子", ["中央政府"]),
    ("习近平主席出访多国，出席二十国集团领导人峰会", ["二十国集团"]),
    # a lead-in word inside a longer word: 对/等 compounds belong to the name, others lead in
    ("在党中央领导下，中央应对疫情工作领导小组及时研究部署", ["党中央", "中央应对疫情工作领导小组"]),
    ("推动教育部贵州高等研究院建设", ["教育部贵州高等研究院"]),
    ("充分发挥教育部宁夏高等研究院作用", ["教育部宁夏高等研究院"]),
    ("县级党委作为全县脱贫攻坚总指挥部", ["全县脱贫攻坚总指挥部"]),
    # schools and hospitals: a place, then nothing or a field word, then 大学 / 学院 / 医院
    ("持续加强云南大学建设。支持兰州大学建设中国特色世界一流大学", ["云南大学", "兰州大学"]),
    ("力争昆明理工大学进入前列，加快推动宁夏警官职业学院建设", ["昆明理工大学", "宁夏警官职业学院"]),
    ("建成宁夏妇儿医院", ["宁夏妇儿医院"]),
    ("让宁夏孩子圆梦大学", []),
    ("推进一流大学和公立医院建设", []),
    # short company names, recognised from the list they stand in
    ("韩国晓星、意大利世科姆、美国莱卡、澳大利亚富邑等重点外资项目建成投运", ["晓星", "世科姆", "莱卡", "富邑"]),
    ("确保华润雪花、三元乳业等重点企业达产", ["华润雪花", "三元乳业"]),
    ("积极支持古纳河酒业、贝伦公司等企业发展", ["古纳河酒业", "贝伦公司"]),
    ("相继关停日产500吨熟料生产线、晨鸣纸业等企业", ["晨鸣纸业"]),
    ("支持钢铁、煤炭、汽车等企业转型", []),
    ("推动国有企业、民营企业等企业共同发展", []),
    ("韩国首尔、日本东京等城市", []),
    ("加快宝中铁路、包兰铁路等重点项目", []),
    ("吸引美国、日本等外资企业", []),
    ("贵州、云南等企业", []),
    ("推动钢铁冶炼、水泥制造等企业转型", []),
    ("引进德国西门子、日本丰田等企业", ["西门子", "丰田"]),
    ("吸引美国企业家、日本客商等参与外资项目", []),
    ("成效明显。龙头企业入选农业产业化国家重点龙头企业", []),
    ("支持电商、物流等企业发展", []),
    ("鼓励高新技术、专精特新等企业", []),
    ("启动实施，主城区华德牧业机械、强力水泥、鼎盛锅炉等企业搬迁", ["强力水泥", "鼎盛锅炉"]),
    ("结构持续优化。百瑞源荣获中国质量奖提名奖，威力传动入选全国民营企业发展典型案例", ["百瑞源", "威力传动"]),
    ("改革深化。银川入选全国消费试点城市，首次整体入选全国省级监管企业第一方阵", []),
    ("成效明显。漫葡小镇获评国家级旅游休闲街区", []),
]
# fmt: on


@pytest.mark.parametrize("text,expected", ORGS)
def test_orgs(text, expected):
    assert texts(text, "ORG") == expected


def test_org_short_form_has_canonical_name():
    (o,) = ents("国家发展改革委联合有关部门", "ORG")
    assert o.normalized == "国家发展和改革委员会"


def test_country_before_a_company_stays_a_place():
    assert texts("韩国晓星、美国莱卡等重点外资项目", "PLACE") == ["韩国", "美国"]


def test_place_inside_org_is_not_a_place():
    assert texts("包括鞍山钢铁公司", "PLACE") == []
    assert texts("河南省发展改革委出台", "PLACE") == []


# --- places -------------------------------------------------------------------------------------

def test_place_hierarchy_on_traditional_input():
    out = ents("貴州省望謨縣麻山鄉打務村搬遷群眾", "PLACE")
    assert [e.text for e in out] == ["貴州省", "望謨縣", "麻山鄉", "打務村"]
    assert [e.normalized for e in out] == ["贵州省", "望谟县", "麻山乡", "打务村"]
    assert out[-1].parents == ("贵州省", "黔西南布依族苗族自治州", "望谟县", "麻山乡")
    assert out[0].parents == ()


# fmt: off
PLACES = [
    ("贵州、陕西、广西等省区", ["贵州", "陕西", "广西"], ["贵州省", "陕西省", "广西壮族自治区"]),
    ("貴州、陜西、廣西等省區", ["貴州", "陜西", "廣西"], ["贵州省", "陕西省", "广西壮族自治区"]),
    ("云南昭通市、贵州黔西南州、云南怒江州城镇化率",
     ["云南", "昭通市", "贵州", "黔西南州", "云南", "怒江州"],
     ["云南省", "昭通市", "贵州省", "黔西南布依族苗族自治州", "云南省", "怒江傈僳族自治州"]),
    ("我国用5年时间", ["我国"], ["中国"]),
    ("西南地区部分省份", ["西南地区"], ["西南地区"]),
    ("发展中国特色社会主义", [], []),
    ("全国各地", [], []),
    ("沿海城市和县级政府", [], []),
    ("让干部从文山会海中解脱出来", [], []),
    ("筑牢贺兰山、六盘山生态屏障，治理毛乌素沙地", ["贺兰山", "六盘山", "毛乌素沙地"], ["贺兰山", "六盘山", "毛乌素沙地"]),
    ("保护洱海、滇池和赤水河", ["洱海", "滇池", "赤水河"], ["洱海", "滇池", "赤水河"]),
    ("银川、固原入选国家试点", ["银川", "固原"], ["银川市", "固原市"]),
    ("世界大同", [], []),
    ("阜新的海州露天煤矿", ["阜新"], ["阜新市"]),
    ("蘇聯援助我國", ["蘇聯", "我國"], ["苏联", "中国"]),
    ("黄河宁夏段河道治理工程", ["黄河", "宁夏"], ["黄河", "宁夏回族自治区"]),
    ("编制黄河流域生态保护规划", ["黄河流域"], ["黄河流域"]),
    ("促进与中亚、东南亚国家合作", ["中亚", "东南亚"], ["中亚", "东南亚"]),
    ("我们的国家正在向着工业化前进", ["我们的国家"], ["中国"]),
]
# fmt: on


@pytest.mark.parametrize("text,surfaces,normalized", PLACES)
def test_places(text, surfaces, normalized):
    out = ents(text, "PLACE")
    assert [e.text for e in out] == surfaces
    assert [e.normalized for e in out] == normalized


def test_chained_division_is_resolved_inside_its_parent():
    (_prov, county) = ents("甘肃省古浪县", "PLACE")
    assert county.parents == ("甘肃省", "武威市")


def test_enumeration_of_sites_after_provinces():
    text = "形成了以山西省宋家沟村、坊城新村，湖北省伍家台，湖南省矮寨、老洞，青海省德吉村为代表的安置点"
    out = ents(text, "PLACE")
    assert [e.text for e in out] == ["山西省", "宋家沟村", "坊城新村", "湖北省", "伍家台", "湖南省", "矮寨", "老洞",
                                     "青海省", "德吉村"]
    assert {e.text: e.parents for e in out}["老洞"] == ("湖南省",)


def test_site_anchored_earlier_in_the_clause():
    out = ents("贵州省惠水县多民族聚居的明田安置点，每", "PLACE")
    assert [e.text for e in out] == ["贵州省", "惠水县", "明田安置点"]
    assert out[-1].parents == ("贵州省", "黔南布依族苗族自治州", "惠水县")


def test_generic_sites_are_not_places():
    assert texts("贵州省贫困村和易地扶贫搬迁安置点", "PLACE") == ["贵州省"]
    assert texts("山西考察时，明确指出", "PLACE") == ["山西"]


def test_body_bounds_the_search():
    text = "首页\n正文：国务院召开会议。\n河南省发展改革委副主任刘琦调研"
    out = ents(text, body=(3, text.index("\n河南")))
    assert [e.text for e in out] == ["国务院"]


@pytest.mark.parametrize("text", ["", "\n\n", "、、、，，", "省" * 300, "贵州省" * 200, "村" * 500, "“" * 100 + "组"])
def test_never_crashes_on_odd_text(text):
    ents(text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="贵州省望谟县麻山乡村国务院中央明确习近平总书记同志、，。“”的组公司厂", max_size=60))
def test_offsets_always_slice_the_text(text):
    ents(text)


# --- scored against the hand annotations (skipped without ../shared) ----------------------------

def _score_module():
    return shared_scorer()


def _score(gold_path: Path):
    from analyser.reading import read_path

    score = _score_module()
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc_path = SHARED / gold["document"]["path"].split("shared/", 1)[1]
    if not doc_path.exists():
        pytest.skip(f"{doc_path} not present")
    decoded = read_path(doc_path)
    body = gold["meta"].get("body") or {}
    kwargs = {"body": (body["start"], body["end"])} if "start" in body else {}
    src = DocumentText.from_text(decoded.text, **kwargs)
    pred = {"document": {"text": decoded.text}, "outline": [], "entities": [e.to_dict() for e in extract_entities(src)]}
    res = score.score(gold, pred, decoded.text)
    assert res["offsets"]["wrong"] == 0
    return res["entities"]


def test_seed_entities_f1():
    if not (SHARED / "gold" / "seed.gold.json").exists():
        pytest.skip("../shared not present")
    res = _score(SHARED / "gold" / "seed.gold.json")
    for label in ("PERSON", "ORG", "PLACE"):
        assert res[label]["f1"] >= 0.85, (label, res[label])


@pytest.mark.parametrize(
    "name", ["dev03_gwr_2024_state_council", "dev06_cpc_sc_opinion_rural_revitalization_2018",
             "dev12_gov_cn_guobanfa_2018_129_consumption_poverty", "dev15_gwr_1954_zhou_enlai_traditional"],
)
def test_dev_entities_f1(name):
    found = sorted((SHARED / "gold" / "dev").glob(f"{name}*.gold.json"))
    if not found:
        pytest.skip("../shared not present")
    res = _score(found[0])
    for label, r in res.items():
        if r["f1"] is not None:
            assert r["f1"] >= 0.8, (label, r)


# --- the document's own division: 我省, 省委 -----------------------------------------------------

def test_deictic_place_resolves_to_the_documents_division():
    text = "甘肃省政府工作报告。五年来，甘肃经济持续向好，我省发展态势良好，甘肃人民生活改善。"
    out = {e.text: e for e in ents(text, "PLACE")}
    assert out["我省"].normalized == "甘肃省"


def test_deictic_place_of_a_district_named_by_its_short_form():
    text = "海拉尔区人民政府。海拉尔经济发展。平安海拉尔建设。我区发展极不平凡。"
    (m,) = [e for e in ents(text, "PLACE") if e.text == "我区"]
    assert m.normalized == "海拉尔区"


def test_bare_county_stem_needs_its_province_or_prefecture_named():
    # 清水河 is a river here (a landform, no parents), not 清水河县 of Inner Mongolia
    assert [(e.text, e.parents) for e in ents("宁夏实施清水河、苦水河综合治理", "PLACE")][:2] == [("宁夏", ()), ("清水河", ())]
    assert texts("内蒙古呼和浩特市。清水河发展杂粮产业", "PLACE") == ["内蒙古", "呼和浩特市", "清水河"]


def test_deictic_place_without_division_keeps_its_words():
    (p,) = ents("我省发展态势良好", "PLACE")
    assert (p.text, p.normalized) == ("我省", "我省")


def test_a_national_document_has_no_home_province():
    text = "北京、上海、广东、海南等地，省委书记要亲自抓。海南自贸港建设。海南发展。"
    assert texts(text, "ORG") == []


def test_own_bodies_named_after_the_documents_division():
    text = "贵州省人民政府。五年来，省委、省政府坚决贯彻党中央决策，在中共贵州省委坚强领导下，贵州发展。"
    out = ents(text, "ORG")
    assert [e.text for e in out] == ["贵州省人民政府", "省委", "省政府", "党中央", "中共贵州省委"]
    assert out[1].normalized == "贵州省委"


@pytest.mark.parametrize("text", ["县委书记要下大功夫抓乡村振兴", "有搬迁任务的省、区、市党委政府", "各省政府要落实"])
def test_generic_local_bodies_are_not_organisations(text):
    assert texts(text, "ORG") == []


def test_township_named_again_without_suffix_in_the_same_paragraph():
    text = "贵州省望谟县麻山乡打务村搬迁群众王永庆说，“我家在麻山住了八辈子”。\n麻山也有别处。"
    out = [e for e in ents(text, "PLACE") if e.text == "麻山"]
    assert len(out) == 1 and out[0].normalized == "麻山乡"
    assert out[0].parents == ("贵州省", "黔西南布依族苗族自治州", "望谟县")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("保持人民币汇率在合理均衡水平上基本稳定", []),
        ("我们隆重庆祝中华人民共和国成立70周年", ["中华人民共和国"]),
        ("树立共产主义远大理想", []),
        ("预算中国家用于文教的支出", []),
        ("长江和淮河流域遭受水灾", ["长江", "淮河"]),
        ("向西藏派出干部", ["西藏"]),
    ],
)
def test_short_names_straddling_words_are_not_places(text, expected):
    assert texts(text, "PLACE") == expected


def test_tokens_from_the_pipeline_decide_word_boundaries():
    from analyser.facts import Token

    text = "合理均衡水平"
    words = [("合理", 0, 2), ("均衡", 2, 4), ("水平", 4, 6)]
    src = DocumentText.from_text(text, tokens=tuple(Token(a, b, w, w, "n") for w, a, b in words))
    assert extract_entities(src) == []


def test_tagged_name_before_a_speech_verb_is_a_person():
    from analyser.facts import Token

    text = "李明表示，全村已脱贫。"
    words = [("李明", 0, 2, "nr"), ("表示", 2, 4, "v"), ("，", 4, 5, "x")]
    src = DocumentText.from_text(text, tokens=tuple(Token(a, b, w, w, tag) for w, a, b, tag in words))
    assert [(e.text, e.label) for e in extract_entities(src)] == [("李明", "PERSON")]
    assert texts(text, "PERSON") == []  # without tags there is no evidence


def places(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(e.text, e.normalized, tuple(e.parents)) for e in ents(text, "PLACE")]


HK = ("香港特别行政区",)
TW = ("台湾省",)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("灣仔區及沙田區的居民", [("灣仔區", "湾仔区", HK), ("沙田區", "沙田区", HK)]),
        ("香港特别行政区东区和南区", [("香港特别行政区", "香港特别行政区", ()), ("东区", "东区", HK), ("南区", "南区", HK)]),
        ("觀塘區居民，東區", [("觀塘區", "观塘区", HK), ("東區", "东区", HK)]),
        ("东区和南区的道路", []),  # no Hong Kong in the document: generic
        ("攀枝花市东区", [("攀枝花市", "攀枝花市", ("四川省",)), ("东区", "东区", ("四川省", "攀枝花市"))]),
        ("九龙江流域和沙田镇", [("九龙江", "九龙江", ())]),  # anchored short forms without Hong Kong; a river
        ("新界北部", [("新界", "新界", HK)]),
        ("澳門花地瑪堂區和氹仔", [("澳門", "澳门特别行政区", ()), ("花地瑪堂區", "花地玛堂区", ("澳门特别行政区",)),
                              ("氹仔", "氹仔", ("澳门特别行政区",))]),
        ("臺北市、新北市", [("臺北市", "台北市", TW), ("新北市", "新北市", TW)]),
        ("花蓮縣秀林鄉", [("花蓮縣", "花莲县", TW), ("秀林鄉", "秀林乡", TW + ("花莲县",))]),
    ],
)
def test_hong_kong_macau_and_taiwan_places(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("發展局局長表示，社會福利署會提供支援", ["發展局", "社會福利署"]),
        ("与运输及房屋局、地政总署商讨", ["运输及房屋局", "地政总署"]),
        ("行政院及立法院审议", ["行政院", "立法院"]),
        ("花蓮縣政府公告", ["花蓮縣政府"]),
        ("开发区经济发展局负责", []),  # a mainland body ending in 发展局
    ],
)
def test_hong_kong_and_taiwan_government_bodies(text, expected):
    assert texts(text, "ORG") == expected


# --- names read from their context (zones, foreign subdivisions, named bodies, repeated names) ---

@pytest.mark.parametrize("text,expected", [
    ("河北省壮大曹妃甸区、渤海新区、北戴河生命健康产业创新示范区等重点承接平台。",
     ["河北省", "曹妃甸区", "渤海新区", "北戴河生命健康产业创新示范区"]),
    ("国务院决定在海南博鳌乐城国际医疗旅游先行区暂时调整实施。", ["海南博鳌乐城国际医疗旅游先行区"]),
    ("中国历来积极维护朝鲜半岛的和平与稳定。", ["中国", "朝鲜半岛"]),
    ("推动雄安新区高标准高质量建设。", ["雄安新区"]),
    ("与蒙古国乌兰巴托市松根海尔汗区正式缔结国际友城关系。", ["蒙古国", "乌兰巴托市", "松根海尔汗区"]),
    ("建设美丽中国先行区。", ["中国"]),  # a country names no zone
    ("浙江省浙江省浙江省。我省高质量发展建设共同富裕示范区。", ["浙江省", "浙江省", "浙江省", "我省"]),
    ("支持陇南入列全国第一批美丽城市先行区。", ["陇南"]),  # a description, not a name
    ("美国市场和日本经济", ["美国", "日本"]),
])
def test_places_read_from_context(text, expected):
    assert texts(text, "PLACE") == expected


def test_zone_keeps_the_place_it_is_named_after():
    (zone,) = ents("推进渤海新区建设。", "PLACE")
    assert zone.normalized == "渤海新区" and "渤海" in zone.parents


@pytest.mark.parametrize("text", [
    "根据《中华人民共和国专利法》，制定本条例。",
    "暂时调整实施《中华人民共和国药品管理法实施条例》第三十六条的规定。",
])
def test_the_states_name_in_a_law_title_is_no_place(text):
    assert texts(text, "PLACE") == []


def test_the_states_name_outside_a_law_title_is_a_place():
    assert texts("《中华人民共和国成立七十周年》画册；中华人民共和国成立以来", "PLACE") == ["中华人民共和国", "中华人民共和国"]


@pytest.mark.parametrize("text,expected", [
    ("萍鄉礦工工會在二月罷工中受到了損失。", ["萍鄉礦工工會"]),
    ("呼伦贝尔农村商业银行顺利挂牌。", ["呼伦贝尔农村商业银行"]),
    ("所以中央就和共產國際執行委員會的代表一起討論。", ["共產國際執行委員會"]),
    ("同意武警总部后勤部机关迁址。", ["武警总部后勤部"]),
    ("北京等地都成立了“爭取民權同盟”。", ["爭取民權同盟"]),
    ("香港特别行政区筹委会预备工作委员会做了大量工作。", ["香港特别行政区筹委会预备工作委员会"]),
    ("村民委员会和商业银行要加强，各级工会要参与。", []),  # kinds, not names
    ("北京和上海也有這種聯合會，是中國最大的工會。", []),  # words between are no name
    ("古纳河酒业二期、麦福劳公司综合技改全面完工。关停晨鸣公司造纸生产线。", ["麦福劳公司", "晨鸣公司"]),
    ("有书面合伙协议或者公司章程；保险公司和物流公司要加强。", []),
])
def test_bodies_named_after_a_place_or_a_body(text, expected):
    assert texts(text, "ORG") == expected


def test_historical_and_state_fund_bodies():
    assert texts("共產國際的指示；國民黨；丝路基金和国家经委、对外贸易部负责。", "ORG") == ["共產國際", "國民黨", "丝路基金", "国家经委", "对外贸易部"]


def _tagged(text: str, names: list[str]):
    from analyser.facts import Token

    toks, pos = [], 0
    for w in names:
        a = text.index(w, pos)
        toks.append(Token(a, a + len(w), w, w, "nr"))
        pos = a + len(w)
    return DocumentText.from_text(text, tokens=tuple(toks))


def test_a_repeated_tagged_name_is_a_person():
    text = "而吳佩孚也反對“交通系”。中央委員會與吳佩孚有過來往。"
    src = _tagged(text, ["吳佩孚", "吳佩孚"])
    assert [e.text for e in extract_entities(src) if e.label == "PERSON"] == ["吳佩孚", "吳佩孚"]
    once = _tagged("而吳佩孚也反對。", ["吳佩孚"])
    assert [e for e in extract_entities(once) if e.label == "PERSON"] == []


@pytest.mark.parametrize("text,names", [
    ("颁发专利代理机构执业许可证。取得执业许可证。", ["许可证", "许可证"]),  # glued to the word before
    ("实施毛乌素沙地治理，毛乌素沙地风电。", ["毛乌素", "毛乌素"]),  # a noun follows every time
    ("支持“黎从榕”打造，强化“黎从榕”对接。", ["黎从榕", "黎从榕"]),  # quoted every time
    ("办好兰洽会、文博会。兰洽会、文博会成功举办。", ["兰洽会", "兰洽会"]),  # an event
])
def test_repeated_tagged_words_that_are_no_persons(text, names):
    assert [e for e in extract_entities(_tagged(text, names)) if e.label == "PERSON"] == []


def test_roster_names_padded_and_units():
    text = ("二、组成人员\n主　任：尤　权　　国务院副秘书长\n副主任：杨元元　　民航总局局长\n"
            "　　　　吉　林　　北京市副市长\n成　员：何亚非　　外交部部长助理\n")
    persons = ents(text, "PERSON")
    assert [(p.text, p.normalized) for p in persons] == [
        ("尤\u3000权", "尤权"), ("杨元元", "杨元元"), ("吉\u3000林", "吉林"), ("何亚非", "何亚非")]
    assert texts(text, "ORG") == ["国务院", "民航总局", "外交部"]
    assert texts(text, "PLACE") == ["北京市"]


def test_a_single_spaced_line_is_no_roster():
    assert texts("主　任：尤　权　　国务院副秘书长\n", "PERSON") == []


# fmt: off
NAMED_BODIES = [
    # a short name the text defines, and the offices of named bodies
    ("组建北京奥运会首都国际机场协调委员会（以下简称协调委）。协调委办公室设在民航总局，协调委每半年召开例会。",
     ["北京奥运会首都国际机场协调委员会", "协调委", "协调委办公室", "民航总局", "协调委"]),
    ("国家粮食应急工作指挥部下设办公室。国家粮食应急工作指挥部办公室设在国家粮食局。",
     ["国家粮食应急工作指挥部", "国家粮食应急工作指挥部办公室", "国家粮食局"]),
    # a body named after a place whose suffix is glued into one word with the words before it
    ("并且成立了西藏自治区筹备委员会。", ["西藏自治区筹备委员会"]),
    ("现在，西藏的局势已经完全在人民解放军西藏军区的控制之下。", ["人民解放军西藏军区"]),
    ("荣获全国友协国际友城联合会授予的称号", ["全国友协国际友城联合会"]),
    # a function word standing alone ends the name; inside a word (首都) it does not
    ("全国人民代表大会及其常务委员会制定法律", ["全国人民代表大会"]),
    ("同意组建2008年北京奥运会首都国际机场协调委员会。", ["2008年北京奥运会首都国际机场协调委员会"]),
    # a dash pair opens a centre's name; a generic word inside a longer word does not make it a kind
    ("中国—东盟国家人工智能应用合作中心获批建设", ["中国—东盟国家人工智能应用合作中心"]),
    ("粉碎美国侵略集团的阴谋", []),
    ("联系指挥部成员单位开展工作", []),
    # renamed or historical bodies
    ("解散原西藏地方政府（即噶厦）", ["西藏地方政府", "噶厦"]),
    ("人民解放军、武装警察部队和民兵作出了重大贡献，主动加强与人民政协的联系", ["人民解放军", "武装警察部队", "人民政协"]),
]
# fmt: on


@pytest.mark.parametrize("text,expected", NAMED_BODIES)
def test_named_bodies(text, expected):
    assert texts(text, "ORG") == expected


def test_regional_committee_of_a_district_report():
    text = "海拉尔区人民政府工作报告。海拉尔区经济增长，海拉尔区文化繁荣，海拉尔区生态良好。严格落实自治区党委的规定。"
    assert "自治区党委" in texts(text, "ORG")


# fmt: off
PLACES_IN_CONTEXT = [
    # a county's two-character stem in a document naming its province, listed with another place
    ("广西壮族自治区政府工作报告。苍梧、昭平等10个县区通了高速公路，崇左至凭祥铁路建成通车。", ["苍梧", "昭平", "崇左", "凭祥"]),
    ("新疆维吾尔自治区政府工作报告。加快乌鲁木齐、伊宁、喀什等城市建设。", ["乌鲁木齐", "伊宁", "喀什"]),
    # nor as an ordinary word, nor as a township's stem after its county (麻山 is also a district of 鸡西)
    ("广西壮族自治区政府工作报告。坚持以产促城、以城兴业。", []),
    ("贵州省望谟县麻山乡打务村", ["贵州省", "望谟县", "麻山乡", "打务村"]),
    # zones in a list with a zone named after a place; rivers named after a place
    ("新疆维吾尔自治区政府工作报告。推进甘泉堡经济技术开发区、上库高新技术产业开发区、石河子经济技术开发区建设。",
     ["甘泉堡经济技术开发区", "上库高新技术产业开发区", "石河子经济技术开发区"]),
    ("加快乌鲁木齐国际陆港区建设，推动伊犁河美丽河湖保护。", ["乌鲁木齐国际陆港区", "伊犁河"]),
    ("创建国家服务贸易创新发展示范区、国家数字贸易示范区", []),
    # a historical name of a region
    ("先后成立了新疆维吾尔自治区、广西僮族自治区、宁夏回族自治区", ["新疆维吾尔自治区", "广西僮族自治区", "宁夏回族自治区"]),
]
# fmt: on


@pytest.mark.parametrize("text,expected", PLACES_IN_CONTEXT)
def test_places_in_context(text, expected):
    found = texts(text, "PLACE")
    assert [p for p in found if p not in ("广西壮族自治区", "新疆维吾尔自治区") or p in expected] == expected


@pytest.mark.parametrize("text,normalized", [
    ("香港特別行政區政府會繼續與中央政府保持緊密聯繫，立法會議員提出質詢。", "中央人民政府"),
    ("台湾地区立法院通过预算，司法院回应，中央政府另有安排。", "中央政府"),
    ("国务院常务会议研究部署。中央政府出台政策。", "国务院"),
])
def test_central_government_of_region_documents(text, normalized):
    (centre,) = [e for e in ents(text, "ORG") if e.text in ("中央政府",)]
    assert centre.normalized == normalized


# --- names read from coordination, landforms, rosters and own-level bodies --------------------

# fmt: off
@pytest.mark.parametrize("text, label, expected", [
    ("国资委会同财政部、劳动保障部提出了办理意见", "ORG", ["国资委", "财政部", "劳动保障部"]),
    ("水利部会同某某办、地震局研究提出了意见", "ORG", ["水利部", "某某办", "地震局"]),
    ("在党中央领导下，中央应对疫情工作领导小组及时研究部署", "ORG", ["党中央", "中央应对疫情工作领导小组"]),
    ("原西藏地方政府和上层反动集团发动叛乱", "ORG", ["西藏地方政府"]),
    ("教育部和有关部门要加强指导", "ORG", ["教育部"]),
    ("正在准噶尔、柴达木、塔里木、陕甘宁、四川等陆上沉积盆地进行勘探", "PLACE", ["准噶尔", "柴达木", "塔里木", "陕甘宁", "四川"]),
    ("对我国南海、南黄海海域进行普查", "PLACE", ["我国", "南海", "南黄海"]),
    ("推动哈尔滨、黑河、绥芬河片区联动发展", "PLACE", ["哈尔滨", "黑河", "绥芬河"]),
    ("支持北京、教育、卫生等事业", "PLACE", ["北京"]),
])
# fmt: on
def test_names_coordinated_with_known_ones(text: str, label: str, expected: list[str]) -> None:
    assert texts(text, label) == expected


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("推进黑瞎子岛联合保护开发", ["黑瞎子岛"]),
    ("实施叶尔羌河治理，保护古尔班通古特沙漠", ["叶尔羌河", "古尔班通古特沙漠"]),
    ("关于荆南四河堤防建设投资问题", ["荆南四河"]),
    ("把政策落到企业，留得青山，赢得未来", []),
    ("古纳河酒业二期开工", []),
    ("新建高原和美乡村180个", []),
])
# fmt: on
def test_landforms_outside_the_gazetteer(text: str, expected: list[str]) -> None:
    assert texts(text, "PLACE") == expected


def test_region_groupings_and_metropolitan_areas() -> None:
    assert texts("加快呼包鄂乌一体化发展和呼和浩特都市圈建设", "PLACE") == ["呼包鄂乌", "呼和浩特都市圈"]
    assert texts("高质量建设牡丹江产业协作园区", "PLACE") == ["牡丹江产业协作园区"]


def test_a_county_named_by_its_earthquake() -> None:
    text = "西藏自治区。西藏各族人民。西藏工作。定日地震灾后恢复重建；对定日6.8级地震作出指示"
    assert texts(text, "PLACE").count("定日") == 2


def test_roster_line_whose_post_has_no_title() -> None:
    v = "成　员：郭卫民　　中央宣传部副部长\n　　　　王春峰　　自然资源部党组成员\n　　　　赵英民　　生态环境部副部长\n"
    assert texts(v, "PERSON") == ["郭卫民", "王春峰", "赵英民"]


def test_short_form_defined_in_the_text_without_its_lead_in() -> None:
    v = "国务院决定对国务院第二次全国污染源普查领导小组（以下简称领导小组）组成人员进行调整。领导小组办公室设在生态环境部。"
    assert texts(v, "ORG") == ["国务院", "国务院第二次全国污染源普查领导小组", "领导小组", "领导小组办公室", "生态环境部"]


def test_own_level_counterpart_of_a_central_body() -> None:
    v = "内蒙古自治区。内蒙古自治区发展。内蒙古自治区工作。自治区国资委监管企业营收增长。各省国资委要加强监管。"
    orgs = ents(v, "ORG")
    assert [(e.text, e.normalized) for e in orgs][:1] == [("自治区国资委", "内蒙古自治区国资委")]


# fmt: off
@pytest.mark.parametrize("text, expected", [
    # a joint conference and the short form it defines
    ("经国务院同意，建立国务院职业教育工作部际联席会议（以下简称联席会议）制度。联席会议办公室设在教育部。",
     ["国务院", "国务院职业教育工作部际联席会议", "联席会议", "联席会议办公室", "教育部"]),
    # 集团公司 is one suffix; a • joins the parts of a name
    ("建议中国第一重型机械集团公司、大连重工•起重集团公司和大连船用柴油机厂先做好论证",
     ["中国第一重型机械集团公司", "大连重工•起重集团公司", "大连船用柴油机厂"]),
    # a plant named before another plant's kind does not run into it
    ("（二）庄河电厂属港口电厂，燃用晋北煤", []),
    # kinds of plant, not named ones
    ("电源点建设应优先考虑煤炭资源丰富的蒙东、黑龙江坑口电厂等", []),
])
# fmt: on
def test_named_bodies_by_suffix(text: str, expected: list[str]) -> None:
    assert texts(text, "ORG") == expected


# fmt: off
@pytest.mark.parametrize(
    "text, expected",
    [
        # transliterated names beside 同志, then coordinated and named again
        ("他们只有米诺尔和佩斯林同志是共产主义者。党员共有九人，包括陈独秀，米诺尔和佩斯林在内。",
         ["米诺尔", "佩斯林", "陈独秀", "米诺尔", "佩斯林"]),
        # names listed with a personal pronoun; 我国 is no pronoun
        ("由于观点不一致，谭平山、谭植棠和我拒绝加入这个小组。", ["谭平山", "谭植棠"]),
        ("发展中国家和我国的合作。", []),
        # a role word and 同志 around a name
        ("马克思主义小组组员褚诺晨同志创办了《新村》。", ["褚诺晨"]),
        # no transliterated name without a person's word next to it
        ("海南同志，马克思主义研究会。", []),
    ],
)
def test_persons_of_early_party_reports(text: str, expected: list[str]) -> None:
    assert texts(text, "PERSON") == expected


@pytest.mark.parametrize(
    "text, label, expected",
    [
        ("请财政部落实《中华人民共和国促进科技成果转化法》。", "ORG", ["财政部"]),
        ("自然资源部门要根据国家和地方配建标准统筹规划。", "ORG", []),
        ("由香港特别行政区政府同广东省深圳市人民政府签订租赁合同。", "ORG", ["香港特别行政区政府", "广东省深圳市人民政府"]),
        ("国民党中央委员会设有宣传部。", "ORG", ["国民党中央委员会"]),
        ("此外，我们还有一个马克思主义研究会，并建立了俄国通讯社。", "ORG", ["马克思主义研究会", "俄国通讯社"]),
        ("从机械工人学校和宣传员养成所中吸收新党员。我们希望养成所附设工人夜校。", "ORG", ["宣传员养成所"]),
        ("成立城镇小区配套幼儿园治理工作小组。情况要及时报送治理工作联合办公室。", "ORG",
         ["城镇小区配套幼儿园治理工作小组", "治理工作联合办公室"]),
        ("发挥东部地区创新引领作用，促进中西部地区承接产业转移。", "PLACE", ["东部地区", "中西部地区"]),
        ("在中西部地区增设自贸试验区。", "PLACE", ["中西部地区"]),
        ("按照《国务院关于印发实施〈中华人民共和国促进科技成果转化法〉若干规定的通知》", "PLACE", []),
    ],
)
def test_bodies_and_regions_of_notices_and_early_reports(text: str, label: str, expected: list[str]) -> None:
    assert texts(text, label) == expected
# fmt: on


def test_a_known_company_spelled_out_in_full() -> None:
    assert texts("中国国家铁路集团有限公司和中国邮政集团有限公司加大投入。", "ORG") == ["中国国家铁路集团有限公司", "中国邮政集团有限公司"]


# fmt: off
@pytest.mark.parametrize(
    "text, expected",
    [
        ("行政長官李家超在《施政報告》中提出。", ["李家超"]),
        ("民政及青年事務局局長麥美娟和發展局局長甯漢豪亦會跟進。", ["麥美娟", "甯漢豪"]),
        ("立法會議員梁君彥、陳健波和其他議員關注。", ["梁君彥", "陳健波"]),
        ("毛泽东同志曾经及时地向我们提出", ["毛泽东"]),
    ],
)
def test_persons_of_hong_kong_speeches(text: str, expected: list[str]) -> None:
    assert texts(text, "PERSON") == expected
# fmt: on


# fmt: off
@pytest.mark.parametrize(
    "text, expected",
    [
        ("政府會聯同香港科學園公司及香港貿易發展局推動創新科技。", ["香港科學園公司", "香港貿易發展局"]),
        ("香港特别行政区临时立法会通过了法案。", ["香港特别行政区临时立法会"]),
        ("立法會議員關注香港金融管理局的工作。", ["立法會", "香港金融管理局"]),
        ("开发区经济发展局负责。", []),
    ],
)
def test_bodies_of_hong_kong_named_after_their_place(text: str, expected: list[str]) -> None:
    assert texts(text, "ORG") == expected
# fmt: on
