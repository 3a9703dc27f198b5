"""Page structure: body without chrome, title, issuer, publication date, document number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyser.reading import read_path
from analyser.reading.page import PageInfo, cn_number, find_page_info, iso_date
from analyser.text.normalize import simplified_view

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared"
SAMPLES = ROOT / "corpus" / "samples"


def info_of(text: str) -> PageInfo:
    return find_page_info(text, simplified_view(text))


def body_of(text: str, info: PageInfo) -> str:
    return text[info.body[0] : info.body[1]]


def _shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip("../shared not present")
    return path


# --------------------------------------------------------------------------- dates

# fmt: off
DATES = [
    ("2021/7/5",                    "2021-07-05"),
    ("2019-01-14",                  "2019-01-14"),
    ("2019年01月14日",               "2019-01-14"),
    ("2019.1.4",                    "2019-01-04"),
    ("发表时间：2026-02-09 09:45:30",  "2026-02-09"),
    ("——2019年3月5日在第十三届全国人民代表大会第二次会议上", "2019-03-05"),
    ("二〇二六年一月二十七日",         "2026-01-27"),
    ("一九五四年九月十四日",           "1954-09-14"),
    ("二〇一八年十二月三十日",         "2018-12-30"),
    ("二○二○年十月十日",              "2020-10-10"),
    ("二OO九年三月五日",              "2009-03-05"),
    ("中华民国一一六年五月二日",        "2027-05-02"),
    ("民国116年5月2日",              "2027-05-02"),
    ("民国一百零五年十二月一日",        "2016-12-01"),
    ("2019年2月30日",                None),
    ("2019年13月1日",                None),
    ("2019年",                       None),
    ("十三五",                        None),
    ("",                             None),
]
CN_NUMBERS = [("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("二十", 20), ("三十一", 31), ("〇", 0), ("百", None), ("", None)]
# fmt: on


@pytest.mark.parametrize("text, expected", DATES)
def test_iso_date(text, expected):
    assert iso_date(text) == expected


@pytest.mark.parametrize("text, expected", CN_NUMBERS)
def test_cn_number(text, expected):
    assert cn_number(text) == expected


# --------------------------------------------------------------------------- small pages

# fmt: off
PAGES = [
    # (text, title, issuer, published, doc_number, body head, body tail)
    ("首頁 行業信息 發展改革\n發展改革\n“十三五”易地扶貧搬遷:偉大成就\n來源:振興司\xa0發布日期:2021/7/5\xa0點擊次數:2175\n"
     "\xa0\xa0 易地扶貧搬遷是中央明確的精準扶貧精準脫貧路徑之一，是脫貧攻堅的頭號工程。\n\n上一條: 甲\n下一條: 乙\n\n版權所有:某公司",
     "“十三五”易地扶貧搬遷:偉大成就", "振興司", "2021-07-05", None, "易地扶貧搬遷", "頭號工程。"),
    ("当前位置：\n首页\n>\n政务信息\n>\n宁夏要闻\n2026年宁夏回族自治区政府工作报告\n发表时间：\n2026-02-09 09:45:30\n来源：\n宁夏日报客户端\n"
     "阅读量：\n【字体：\n小\n中\n大\n】\n政府工作报告\n——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上\n"
     "自治区人民政府主席 张雨浦\n各位代表：\n现在，我代表自治区人民政府，向大会报告工作，请予审议。\n扫一扫在手机打开当前页\n【\n打印本页\n】",
     "2026年宁夏回族自治区政府工作报告", "自治区人民政府主席", "2026-02-09", None, "各位代表：", "请予审议。"),
    ("中共中央 国务院关于实施乡村振兴战略的意见\n（2018年1月2日）\n实施乡村振兴战略，是党的十九大作出的重大决策部署。\n一、重大意义\n"
     "让我们更加紧密地团结在党中央周围，作出新的贡献！\n\n\n",
     "中共中央 国务院关于实施乡村振兴战略的意见", "中共中央 国务院", "2018-01-02", None, "实施乡村振兴战略", "作出新的贡献！"),
    ("各位代表：\n\n现在，我代表中央人民政府作工作报告，请予审议。\n\n各位代表！我们的事业是正义的，一定能够取得更大的胜利。\n\n\n\n"
     "本作品是中华人民共和国的\n法律\n、\n法规\n，国家机关的决议、决定、命令和其他具有立法、行政、司法性质的文件。\n\nPublic domain\nfalse",
     None, "中央人民政府", None, None, "各位代表：", "更大的胜利。"),
    ("关于做好就业工作的通知\n国发〔2018〕39号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n就业是最大的民生，也是经济发展的重中之重，现提出以下意见。\n"
     "国务院\n2018年11月16日\n（此件公开发布）\n扫一扫在手机打开当前页",
     "关于做好就业工作的通知", "国务院", "2018-11-16", "国发〔2018〕39号", "各省、自治区", "（此件公开发布）"),
    ("下载\n打印\n【字号：\n加大\n还原\n减小\n】\n2026年甘肃省政府工作报告\n——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上\n"
     "来源：甘肃日报\n甘肃省省长 任振鹤\n任振鹤作政府工作报告。新甘肃·甘肃日报记者 盛学卿\n各位代表：\n我代表省人民政府，向大会报告工作，请一并审议。\n相关报道：",
     "2026年甘肃省政府工作报告", "甘肃省省长", "2026-01-27", None, "各位代表：", "请一并审议。"),
    ("国务院办公厅关于进一步优化营商环境的意见\n2020-03-10 09:00 来源： 中国政府网\n【字体：大 中 小】打印\n各省、自治区、直辖市人民政府：\n"
     "为深入贯彻落实党中央、国务院决策部署，持续优化营商环境，现提出以下意见。\n【我要纠错】 责任编辑：某某",
     "国务院办公厅关于进一步优化营商环境的意见", "国务院办公厅", "2020-03-10", None, "各省、自治区", "现提出以下意见。"),
    ("关于做好春耕生产的通知\n【发布单位：省农业农村厅】【发布时间：2020-1-1】\n各市县农业农村局：\n为做好今年春耕生产工作，确保粮食面积稳定，现就有关事项通知如下。",
     "关于做好春耕生产的通知", "省农业农村厅", "2020-01-01", None, "各市县", "通知如下。"),
    ("关于做好春耕生产的通知\n发布时间：2020年03月10日 来源：省政府办公厅 字号：[大 中 小]\n各市县农业农村局：\n为做好今年春耕生产工作，确保粮食面积稳定，现就有关事项通知如下。",
     "关于做好春耕生产的通知", "省政府办公厅", "2020-03-10", None, "各市县", "通知如下。"),
    ('网站首页\n政务公开\n政策文件\n望山县人民政府关于印发望山县2021年巩固拓展脱贫攻坚成果同乡村振兴有效衔接实施方案的通知\n发布时间：2021-05-12 09:30\n信息来源：县乡村振兴局\n浏览次数：1234\n【大 中 小】\n望府发〔2021〕12号\n各乡镇人民政府，县直各单位：\n现将《望山县2021年巩固拓展脱贫攻坚成果同乡村振兴有效衔接实施方案》印发给你们，请认真组织实施。\n望山县人民政府\n2021年5月10日\n望山县2021年巩固拓展脱贫攻坚成果同乡村振兴有效衔接实施方案\n为巩固拓展脱贫攻坚成果，全面推进乡村振兴，制定本方案。\n一、总体要求\n坚持稳中求进工作总基调，守住不发生规模性返贫底线。\n附件：1.望山县重点帮扶村名单\n分享到：\n打印本页 关闭窗口\n主办：望山县人民政府办公室 承办：望山县融媒体中心\n地址：望山县人民路1号 电话：0851-1234567\n',
     "望山县人民政府关于印发望山县2021年巩固拓展脱贫攻坚成果同乡村振兴有效衔接实施方案的通知", "县乡村振兴局", "2021-05-12",
     "望府发〔2021〕12号", "各乡镇人民政府", "附件：1.望山县重点帮扶村名单"),
    ('新华网 > 时政\n国务院常务会议部署推进乡村振兴重点工作\n2021-03-05 10:12:01\u3000来源：新华社\n新华社北京3月5日电 国务院总理主持召开国务院常务会议，部署推进乡村振兴重点工作。\n会议指出，要巩固拓展脱贫攻坚成果，确保不发生规模性返贫。\n【纠错】 【责任编辑：张三】\n',
     "国务院常务会议部署推进乡村振兴重点工作", "新华社", "2021-03-05", None, "新华社北京3月5日电", "确保不发生规模性返贫。"),
    ("关于某事的通知\n各单位：\n现将有关事项通知如下，请遵照执行，确保各项任务落到实处。\n某某县人民政府\n2021.5.10\n\nwww.example.gov.cn",
     "关于某事的通知", "某某县人民政府", "2021-05-10", None, "各单位：", "某某县人民政府\n2021.5.10"),
    ('首页 > 信息公开 > 政策文件\n关于印发望山县农村人居环境整治提升五年行动实施方案的通知\n发布日期：2022-03-01\u3000\u3000来源：县政府办\u3000\u3000浏览次数：88\n各乡镇人民政府，县直各部门：\n《望山县农村人居环境整治提升五年行动实施方案》已经县人民政府同意，现印发给你们，请认真贯彻落实。\n望山县人民政府办公室\n2022年2月25日\n附件下载：\n1.实施方案.doc\n[打印] [关闭]\n相关信息\n· 关于A的通知 2021-01-01\n· 关于B的通知 2021-01-02\n网站标识码：1234567890 京公网安备11010202000001号\n',
     "关于印发望山县农村人居环境整治提升五年行动实施方案的通知", "县政府办", "2022-03-01", None, "各乡镇人民政府", "2022年2月25日"),
    ("决胜全面建成小康社会\n\n为夺取新时代中国特色社会主义伟大胜利\n\n——在中国共产党第十九次全国代表大会上的报告\n\n（2017年10月18日）\n\n习\u3000近\u3000平\n\n"
     "同志们：\n\n现在，我代表第十八届中央委员会向大会作报告，请审议。",
     "决胜全面建成小康社会\n\n为夺取新时代中国特色社会主义伟大胜利", "第十八届中央委员会", "2017-10-18", None, "同志们：", "请审议。"),
]
# fmt: on


@pytest.mark.parametrize("text, title, issuer, published, doc_number, head, tail", PAGES)
def test_small_pages(text, title, issuer, published, doc_number, head, tail):
    info = info_of(text)
    assert (info.title.text if info.title else None) == title
    assert (info.issuer.text if info.issuer else None) == issuer
    assert info.published == published
    assert (info.doc_number.text if info.doc_number else None) == doc_number
    body = body_of(text, info)
    assert body.startswith(head)
    assert body.endswith(tail)
    for span in (info.title, info.issuer, info.doc_number):
        if span is not None:
            assert text[span.start : span.end] == span.text


def test_press_release_issue_date_after_the_end_mark():
    text = (
        "政府公布鄉郊復修計劃\n政府今日公布計劃，預計於二零二八年分三期推展，涉及住戶約一千二百戶。\n"
        "發展局局長表示，計劃會保育具價值的鄉郊景觀。\n完\n2027年11月8日（星期一）\n香港時間16時30分"
    )
    info = info_of(text)
    assert body_of(text, info).endswith("鄉郊景觀。")
    assert info.published == "2027-11-08"


def test_gansu_published_is_the_labelled_site_date():
    # a 时间： label wins over the date in the occasion line
    text = "2026年甘肃省政府工作报告\n——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上\n来源：甘肃日报\n时间：2026-02-10\n各位代表：\n我代表省人民政府，向大会报告工作，请一并审议。"
    assert info_of(text).published == "2026-02-10"


def test_metadata_table_from_html_text():
    text = (
        "索 引 号：\t000014349/2018-00229\t主题分类：\t民政、扶贫、救灾\\扶贫\n发文机关：\t国务院办公厅\t成文日期：\t2018年12月30日\n"
        "标　　题：\t国务院办公厅关于深入开展消费扶贫的指导意见\n发文字号：\t国办发〔2018〕129号\t发布日期：\t2019年01月14日\n主 题 词：\n"
        "国务院办公厅关于深入开展消费扶贫\n的指导意见\n国办发〔2018〕129号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "消费扶贫是社会各界通过消费来自贫困地区的产品与服务帮助贫困人口增收脱贫的一种扶贫方式。\n国务院办公厅\n2018年12月30日\n（此件公开发布）\n扫一扫在手机打开当前页"
    )
    info = info_of(text)
    assert info.title.text == "国务院办公厅关于深入开展消费扶贫的指导意见"
    assert info.issuer.text == "国务院办公厅" and info.issuer.start < 100
    assert info.published == "2019-01-14"
    assert info.doc_number.text == "国办发〔2018〕129号" and info.doc_number.start < 200
    assert body_of(text, info).startswith("各省、自治区")
    assert body_of(text, info).endswith("（此件公开发布）")


def test_written_date_serves_when_no_publish_date():
    text = "成文日期：2018年12月30日\n关于某事的通知\n各单位：\n现将有关事项通知如下，请遵照执行，确保各项任务落到实处。"
    assert info_of(text).published == "2018-12-30"


def test_media_source_is_not_preferred_over_a_printed_issuer():
    text = "关于某事的通知\n来源：某某日报\n望山县人民政府\n各乡（镇）人民政府：\n现将有关事项通知如下，请遵照执行，确保各项任务落到实处。"
    assert info_of(text).issuer.text == "望山县人民政府"


def test_body_in_citations_are_not_the_doc_number():
    text = "关于某事的通知\n各单位：\n根据《国务院关于某事的意见》（国发〔2016〕1号）要求，现将有关事项通知如下，请遵照执行。"
    assert info_of(text).doc_number is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "甲",
        "首页\n>\n",
        "。" * 5000,
        "没有任何标点的很长一行" * 3000,
        "上一条：\n下一条：\n版权所有",
    ],
)
def test_degenerate_inputs(text):
    info = info_of(text)
    a, b = info.body
    assert 0 <= a <= b <= len(text)


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("国务院关于通知来源：发布日期2019年1月5日各位代表。，\n \u3000——（）〔〕号上一条版权所有")
        ),
        max_size=300,
    )
)
def test_spans_always_slice_the_text(text):
    info = info_of(text)
    a, b = info.body
    assert 0 <= a <= b <= len(text)
    for span in (info.title, info.issuer, info.doc_number):
        if span is not None:
            assert text[span.start : span.end] == span.text and span.text.strip()
    if info.published:
        assert len(info.published) == 10


def test_view_must_match_text():
    with pytest.raises(ValueError):
        find_page_info("甲乙", "甲")


# --------------------------------------------------------------------------- gold


def _norm(s: str | None) -> str:
    return "".join(simplified_view(s or "").split()).strip("。，：“”《》")


@pytest.mark.parametrize(
    "rel",
    [
        "seed/000_29490935b5bb2ea4.txt",
        "corpus-real/dev/dev03_gwr_2024_state_council.txt",
        "corpus-real/dev/dev06_cpc_sc_opinion_rural_revitalization_2018.txt",
        "corpus-real/dev/dev15_gwr_1954_zhou_enlai_traditional.txt",
    ],
)
def test_gold_meta_text_documents(rel):
    path = _shared(*rel.split("/"))
    gold_path = (
        SHARED / "gold" / ("seed.gold.json" if rel.startswith("seed") else f"dev/{path.name}.gold.json")
    )
    meta = json.loads(gold_path.read_text(encoding="utf-8"))["meta"]
    text = read_path(path).text
    info = info_of(text)
    gt = meta["title"]
    if gt.get("surface"):
        assert (info.title.start, info.title.end) == (gt["start"], gt["end"])
    else:
        assert info.title is None
    gs = meta["source"]
    assert (info.issuer.start, info.issuer.end) == (gs["start"], gs["end"])
    assert info.published == (meta.get("publish_date") or {}).get("iso")
    assert info.doc_number is None and not meta.get("doc_number")
    assert abs(info.body[0] - meta["body"]["start"]) <= 20
    assert abs(info.body[1] - meta["body"]["end"]) <= 20


def test_seed_meta_is_exact():
    text = _shared("seed", "000_29490935b5bb2ea4.txt").read_text(encoding="utf-8")
    meta = json.loads((SHARED / "gold" / "seed.gold.json").read_text(encoding="utf-8"))["meta"]
    info = info_of(text)
    assert info.title.text == meta["title"]["surface"]
    assert info.issuer.text == meta["source"]["surface"] == "振興司"
    assert info.published == "2021-07-05"
    assert info.body == (meta["body"]["start"], meta["body"]["end"])


def _occurrence(text: str, surface: str, k: int) -> int:
    pos = -1
    for _ in range(k + 1):
        pos = text.find(surface, pos + 1)
    return pos


def test_gold_meta_dev12_html():
    page = _shared("corpus-real", "dev", "dev12_gov_cn_guobanfa_2018_129_consumption_poverty.html")
    meta = json.loads((SHARED / "gold" / "dev" / f"{page.name}.gold.json").read_text(encoding="utf-8"))[
        "meta"
    ]
    text = read_path(page).text
    info = info_of(text)
    for key, span in (("title", info.title), ("source", info.issuer), ("doc_number", info.doc_number)):
        g = meta[key]
        assert span.text == g["surface"]
        assert span.start == _occurrence(text, g["surface"], g["occurrence"])
    assert info.published == meta["publish_date"]["iso"]
    first, last = meta["body"]["first_sentence"], meta["body"]["last_sentence"]
    assert info.body[0] == _occurrence(text, first["surface"], first["occurrence"])
    assert info.body[1] == _occurrence(text, last["surface"], last["occurrence"]) + len(last["surface"])


CHROME = (
    "Public domain",
    "本作品",
    "扫一扫",
    "上一条",
    "下一条",
    "版权所有",
    "打印本页",
    "关闭窗口",
    "相关报道",
    "分享到",
    "【字",
    "来源：中国政府网",
)


def _dev_cases():
    folder = SHARED / "corpus-real" / "dev"
    if not folder.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason="../shared not present"))]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [pytest.param(m, id=m["id"]) for m in manifest]


@pytest.mark.parametrize("entry", _dev_cases())
def test_every_dev_document_has_title_and_clean_body(entry):
    path = SHARED / "corpus-real" / "dev" / entry["filename"]
    text = read_path(path).text
    info = info_of(text)
    body = body_of(text, info)
    assert len(body) > 0.8 * len(text) or path.suffix == ".html"
    for word in CHROME:
        assert word not in simplified_view(body), word
    assert body[-1] in "。！？）)"
    if text.lstrip().startswith(("各位代表", "同志们")):  # opens with the salutation: no title is printed
        assert info.title is None
        return
    assert info.title is not None
    title, record = _norm(info.title.text), _norm(entry["title"])
    assert sum(ch in record for ch in title) >= 0.8 * len(title), (title, record)


# fmt: off
SAMPLE_META = [
    ("notice_simplified.txt",       "国务院关于进一步做好易地扶贫搬迁后续扶持工作的通知", "国务院", "2027-03-18", "国发〔2027〕11号"),
    ("policy_traditional_hk.txt",   "政府公布北部都會區鄉郊安置及復修計劃", "發展局", "2027-11-08", None),
    ("page_provincial.html",        "贵州省人民政府办公厅关于印发贵州省易地扶贫搬迁安置区产业就业提升行动方案（2027—2029年）的通知",
                                    "贵州省人民政府办公厅", "2027-04-15", "黔府办发〔2027〕8号"),
    ("county_plan_gb18030.txt",     "望山县2027年乡村振兴重点工作安排", "望山县人民政府办公室", "2027-02-26", None),
    ("regulation_big5.txt",         "花蓮縣山坡地聚落安全遷居補助作業要點", None, "2027-05-02", None),
]
# fmt: on


@pytest.mark.parametrize("name, title, issuer, published, doc_number", SAMPLE_META)
def test_corpus_samples(name, title, issuer, published, doc_number):
    text = read_path(SAMPLES / name).text
    info = info_of(text)
    assert (info.title.text if info.title else None) == title
    assert (info.issuer.text if info.issuer else None) == issuer
    assert info.published == published
    assert (info.doc_number.text if info.doc_number else None) == doc_number
    body = body_of(text, info)
    assert not any(word in simplified_view(body) for word in CHROME)


def test_numbered_section_heading_before_the_first_paragraph_opens_the_body() -> None:
    text = "关于做好就业工作的通知\n来源：国务院办公厅\n发布日期：2024-03-01\n一、总体要求\n坚持稳就业，做好重点群体就业。\n二、重点任务\n扩大就业。\n"
    info = find_page_info(text, simplified_view(text))
    assert text[info.body[0]:].startswith("一、总体要求")
    assert info.title.text == "关于做好就业工作的通知"


@pytest.mark.parametrize("salutation", ["主席：", "主席、各位議員、各位市民：", "代理主席："])
def test_a_hong_kong_speech_body_opens_at_its_salutation(salutation: str) -> None:
    # the chair's title, alone or heading a list of addressees, opens a LegCo speech's body
    text = f"行政長官二〇二六年施政報告\n二〇二六年十月十四日\n\n{salutation}\n\n引言\n\n1.　今年是香港回歸祖國二十九週年，也是本屆政府施政的第五年。\n"
    info = find_page_info(text, simplified_view(text))
    assert text[info.body[0]:].startswith(salutation)
