"""Tests of the formulation (提法) extractor, its variant families and the shipped classifier."""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from analyser.extract.slogans import extract_slogans, normalize_key, variant_family
from analyser.extract.slogans.family import is_variant, split_members
from analyser.text.document import DocumentText

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT / ".." / "shared"


def slogans(text: str):
    return extract_slogans(DocumentText.from_text(text))


def texts(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.kind) for s in slogans(text)]


# fmt: off
QUOTED = [
    ("易地扶贫搬迁是脱贫攻坚的“头号工程”和标志性工程。", ("头号工程", "quoted")),
    ("按照“物理隔离、封闭运行、专款专用”的原则管理使用搬迁资金。", ("物理隔离、封闭运行、专款专用", "quoted")),
    ("项目选址鼓励「靠縣城、靠鄉鎮、靠園區」，因地制宜。", ("靠縣城、靠鄉鎮、靠園區", "quoted")),
]
NUMBERED = [
    ("各级政府要树牢“四个意识”，坚决做到“两个维护”。", [("四个意识", "numbered"), ("两个维护", "numbered")]),
    ("统筹推进“五位一体”总体布局。", [("五位一体", "numbered")]),
]
PARALLEL = [
    ("确保搬得出、稳得住、有事做、能致富。", "搬得出、稳得住、有事做、能致富", 4),
    ("形成一级抓一级、层层抓落实的工作格局。", "一级抓一级、层层抓落实", 2),
    ("按照宜耕则耕、宜林则林、宜草则草的原则开展复垦。", "宜耕则耕、宜林则林、宜草则草", 3),
    ("坚持节约优先、保护优先、自然恢复为主的方针。", "节约优先、保护优先、自然恢复为主", 3),
    ("推动各民族搬迁群众交往交流交融。", "交往交流交融", 3),
    ("坚持稳增长、调结构、惠民生、防风险，保持经济运行在合理区间。", "稳增长、调结构、惠民生、防风险", 4),
    ("加快转职能、提效能，增强政府公信力。", "转职能、提效能", 2),
]
NOUN_LISTS = [
    "配套建设了学校、卫生服务中心、养老院等设施。",
    "土坯房、茅草房、杈杈房、土窑洞等危旧房全部拆除。",
    "支持北京、上海、广州、深圳建设国际消费中心城市。",
    "人力资源社会保障部、财政部、教育部等有关部门负责。",
]
REPORTED_SPEECH = [
    "一位搬迁群众说：“我家在山上住了八辈子，穷了八辈子，到我这辈子总算搬出了穷山沟，感谢党中央！”",
    "老人笑着告诉记者：“现在住上了新房子，孩子上学也方便了，我们心里踏实多了。”",
]
# fmt: on


@pytest.mark.parametrize("text, expected", QUOTED)
def test_quoted_formulation(text, expected):
    got = texts(text)
    assert expected in got
    s = next(s for s in slogans(text) if s.text == expected[0])
    assert "“" not in s.text and "”" not in s.text  # the formulation without its marks


def test_quoted_parts():
    s = next(s for s in slogans(QUOTED[1][0]) if s.kind == "quoted")
    assert [p.text for p in s.parts] == ["物理隔离", "封闭运行", "专款专用"]


@pytest.mark.parametrize("text, expected", NUMBERED)
def test_numbered(text, expected):
    got = texts(text)
    for e in expected:
        assert e in got


def test_numbered_members_listed_before():
    text = "着力构筑产业发展、就业帮扶、社区治理、公共服务、基层党建、社会融入“六大体系”。"
    got = slogans(text)
    six = next(s for s in got if s.text == "六大体系")
    assert six.kind == "numbered"
    assert [m.text for m in six.members] == ["产业发展", "就业帮扶", "社区治理", "公共服务", "基层党建", "社会融入"]
    # the members are the numbered formula's, not a parallel formula of their own
    assert not any(s.kind == "parallel" and s.text.startswith("产业发展") for s in got)


@pytest.mark.parametrize("text, surface, n_parts", PARALLEL)
def test_parallel(text, surface, n_parts):
    got = slogans(text)
    match = [s for s in got if s.text == surface]
    assert match, [s.text for s in got]
    assert match[0].kind == "parallel"
    assert len(match[0].parts) == n_parts


@pytest.mark.parametrize("text", NOUN_LISTS)
def test_noun_list_is_not_a_formulation(text):
    assert not [s for s in slogans(text) if s.kind == "parallel"], texts(text)


@pytest.mark.parametrize("text", REPORTED_SPEECH)
def test_reported_speech_is_not_a_formulation(text):
    assert slogans(text) == [], texts(text)


def test_citation_title_is_not_a_slogan():
    got = slogans("制定《全国“十三五”易地扶贫搬迁规划》，推进搬迁。")
    assert not any("规划" in s.text for s in got)


def test_traditional_offsets_and_normalized():
    text = "確保搬遷群眾“穩得住,能脫貧”，做到“兩個維護”。"
    got = slogans(text)
    assert got
    for s in got:
        assert text[s.start:s.end] == s.text
        for p in s.parts + s.members:
            assert text[p.start:p.end] == p.text
    keys = {s.text: s.normalized for s in got}
    assert keys.get("穩得住,能脫貧") == "稳得住、能脱贫"
    assert keys.get("兩個維護") == "两个维护"


def test_sorted_and_contract_shape():
    text = "确保搬得出、稳得住、有事做、能致富，树牢“四个意识”，扎实开展“不忘初心、牢记使命”主题教育。"
    got = slogans(text)
    assert [s.start for s in got] == sorted(s.start for s in got)
    d = got[0].to_dict()
    assert list(d)[:3] == ["text", "start", "end"]
    assert {"kind", "parts", "members", "normalized", "family"} <= set(d)


@pytest.mark.parametrize("text", [
    "", "   ", "\n\n", "没有任何标点的一行文字没有任何标点的一行文字" * 200, "“”“”「」", "“未闭合的引号，",
    "、、、、", "，，，。。。", "一二三四五六七八九十" * 50, "甲、" * 5000, "a" * 100000,
])
def test_never_crashes(text):
    for s in slogans(text):
        assert text[s.start:s.end] == s.text


# fmt: off
KEYS = [
    ("按規劃,分年度；有計劃", "按规划、分年度、有计划"),
    ("“不忘初心、牢记使命”", "不忘初心、牢记使命"),
    ("獲得感、幸福感、安全感和歸屬感", "获得感、幸福感、安全感和归属感"),
]
VARIANTS = [
    ("不忘初心、牢记使命", "不忘初心、牢记使命、不负重托、尽锐出战", True),
    ("搬得出、稳得住、有事做、能致富", "搬得起、搬得出", True),
    ("搬得出、稳得住、有事做、能致富", "稳得住、能脱贫", True),
    ("靠县城、靠乡镇、靠园区、靠景区、靠中心村", "靠近城镇、靠近中心村、靠近产业园区、靠近旅游景区", True),
    ("获得感、幸福感、安全感和归属感", "获得感归属感", True),
    ("最先一公里", "最后一公里", True),
    ("四个意识", "四个自信", False),
    ("网格化、信息化、标准化", "经常性、规范性、动态化", False),
    ("十三五", "十四五", False),
]
# fmt: on


@pytest.mark.parametrize("text, key", KEYS)
def test_normalize_key(text, key):
    assert normalize_key(text) == key


@pytest.mark.parametrize("a, b, same", VARIANTS)
def test_is_variant(a, b, same):
    assert is_variant(a, b) is same
    assert is_variant(b, a) is same


def test_variant_family_member_of_numbered_formula():
    assert variant_family("易地搬迁脱贫一批", []) == "五个一批"
    assert variant_family("住房安全有保障", ["五个一批"]) == "两不愁三保障"
    assert variant_family("新的提法", ["四个意识"]) == "新的提法"


def test_split_members_compact():
    assert split_members("扶志扶智") == ["扶志", "扶智"]


def test_adjacent_quotes_share_a_family():
    got = slogans("确保“阳光搬迁”“廉洁搬迁”。")
    fams = {s.text: s.family for s in got}
    assert fams.get("阳光搬迁") and fams.get("阳光搬迁") == fams.get("廉洁搬迁")


# --- the shipped model -------------------------------------------------------------------------

def test_artifact_export_and_card():
    data = ROOT / "analyser" / "data" / "slogans_model.json"
    fitted = ROOT / "models" / "slogans.joblib"
    assert data.exists() and fitted.exists()
    assert not (ROOT / "analyser" / "data" / "slogans.joblib").exists()  # no pickle in the package
    card = json.loads((ROOT / "models" / "slogans.json").read_text(encoding="utf-8"))
    assert card["sha256"] == hashlib.sha256(data.read_bytes()).hexdigest()
    names = [d["name"] for d in card["data"]["documents"]]
    own = [n for n in names if (ROOT / "tests" / "gold" / "slogans" / f"{n}.gold.json").exists()]
    assert "seed" in names and len(own) >= 5
    assert card["cross_validation"]["micro"]["f1"] > 0.5


def test_own_annotations_are_well_formed():
    for path in sorted((ROOT / "tests" / "gold" / "slogans").glob("*.gold.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        src = SHARED / "corpus-real" / "dev" / path.name[: -len(".gold.json")]
        if not src.exists():
            pytest.skip("../shared not present")
        from analyser.reading import read_path

        text = read_path(src).text
        for s in g["slogans"]:
            assert text[s["start"]:s["end"]] == s["surface"]
            assert g["scope"]["start"] <= s["start"] and s["end"] <= g["scope"]["end"]
            for p in s["parts"]:
                assert text[p["start"]:p["end"]] == p["surface"]


# --- the seed gold ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed():
    gold_path = SHARED / "gold" / "seed.gold.json"
    if not gold_path.exists():
        pytest.skip("../shared not present")
    text = (SHARED / "seed" / "000_29490935b5bb2ea4.txt").read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    body = (gold["meta"]["body"]["start"], gold["meta"]["body"]["end"])
    return text, gold, extract_slogans(DocumentText.from_text(text, body=body))


def test_seed_scores(seed):
    text, gold, got = seed
    sys.path.insert(0, str(SHARED / "tools"))
    import score  # type: ignore

    pred = {"document": {}, "outline": [], "slogans": [s.to_dict() for s in got]}
    gold = dict(gold, outline=gold.get("outline") or {"sections": []})
    res = score.score(gold, pred, text)["slogans"]
    assert res["core_recall"] >= 0.9
    assert res["lenient"]["f1"] >= 0.8


def test_seed_variant_groups(seed):
    _, gold, got = seed

    def found(m):
        for s in got:
            inter = max(0, min(s.end, m["end"]) - max(s.start, m["start"]))
            union = max(s.end, m["end"]) - min(s.start, m["start"])
            if inter / union >= 0.5:
                return s
        return None

    families = {}
    for group in gold["slogan_variant_groups"]:
        fams = {found(m).family for m in group["members"] if found(m)}
        assert len(fams) == 1, (group["group"], fams)
        families[group["group"]] = fams.pop()
    assert len(set(families.values())) == len(families)  # no two groups merged


# candidate shapes (rules only, whatever the classifier then decides)
# fmt: off
CANDIDATE_SHAPES = [
    # an inner member ending in the list's frame restarts the list
    ("这是一个国家、一个民族发展中更基本、更深沉、更持久的力量。", "list", "更基本、更深沉、更持久"),
    # members sharing fixed places fix the last member's length
    ("在幼有所育、学有所教、劳有所得、病有所医、老有所养、住有所居、弱有所扶上不断取得新进展。", "list",
     "幼有所育、学有所教、劳有所得、病有所医、老有所养、住有所居、弱有所扶"),
    # equal-length members: a one-character verb or a numeral-measure before the first is dropped
    ("坚定走生产发展、生活富裕、生态良好的文明发展道路。", "list", "生产发展、生活富裕、生态良好"),
    ("建设一支听党指挥、能打胜仗、作风优良的人民军队。", "list", "听党指挥、能打胜仗、作风优良"),
    # a list running to the clause end stops before 等
    ("综合运用降准降息、再贷款等手段，引导贷款利率下行。", "list", "降准降息、再贷款"),
    ("要打好蓝天、碧水、净土保卫战。", "list", "蓝天、碧水、净土"),
    # three members sharing a last character
    ("自觉在思想上政治上行动上同党中央保持高度一致。", "compact", "思想上政治上行动上"),
    # clauses with a long shared opening may run longer
    ("必须毫不动摇巩固和发展公有制经济，毫不动摇鼓励、支持、引导非公有制经济发展，使市场起决定性作用。",
     "clauses", "毫不动摇巩固和发展公有制经济，毫不动摇鼓励、支持、引导非公有制经济发展"),
    # a numbered name's head runs to the end of its word; steps and doublings are numbered too
    ("实现四个现代化的第一个战役。", "numbered", "四个现代化"),
    ("在战略部署上要分两步走：前十年主要是打好基础。", "numbered", "两步走"),
    ("力争使全国工农业的年总产值翻两番，即增加到二万八千亿元。", "numbered", "翻两番"),
    # a numbered stage before a known head word; the head runs to the longest head word (基本准则)
    ("实现了现代化建设第二步战略目标，开始迈向第三步战略目标。", "numbered", "第二步战略目标"),
    ("作为政府工作的三项基本准则，注重全面履行政府职能。", "numbered", "三项基本准则"),
    # a one-character opening does not hide the run of the clauses after it
    ("创造出更多的优秀作品，更好地为人民服务，为社会主义服务。", "clauses", "为人民服务，为社会主义服务"),
]
# fmt: on


def test_a_stage_without_a_head_word_is_no_candidate():
    from analyser.extract.slogans.candidates import generate

    text = "第一步工作是摸清底数，第二步要制定方案。"
    assert not [c for c in generate(text) if c.origin == "numbered"]


@pytest.mark.parametrize("text, origin, surface", CANDIDATE_SHAPES)
def test_candidate_shapes(text, origin, surface):
    from analyser.extract.slogans.candidates import generate
    from analyser.extract.slogans.model import FeatureContext

    ctx = FeatureContext.build(text)
    found = [(c.origin, text[c.start:c.end]) for c in generate(ctx.view, set(ctx.bounds))]
    assert (origin, surface) in found


def test_unquoted_single_term_is_no_parallel_formula() -> None:
    plain = texts("坚持以人民为中心的发展思想，推进全面从严治党。")
    assert not any(kind == "parallel" for _, kind in plain)
    assert ("以人民为中心", "quoted") in texts("坚持“以人民为中心”的发展思想。")
    assert all(len(s.parts) >= 2 for s in slogans("坚持以人民为中心，按规划、分年度、有计划组织实施。") if s.kind == "parallel")


def test_exported_model_scores_as_the_fitted_pipeline():
    """The plain-Python scorer gives scikit-learn's probabilities on every candidate of the dev corpus."""
    joblib = pytest.importorskip("joblib")
    pytest.importorskip("sklearn")
    from analyser.extract.slogans.candidates import generate
    from analyser.extract.slogans.linear import LinearModel
    from analyser.extract.slogans.model import FeatureContext, featurize
    from analyser.reading import read_path
    from analyser.text.normalize import simplified_view
    from tests.conftest import dev_files

    files = dev_files()
    if not files:
        pytest.skip("../shared not present")
    fitted = joblib.load(ROOT / "models" / "slogans.joblib")
    linear = LinearModel.load(ROOT / "analyser" / "data" / "slogans_model.json")
    assert linear.threshold == fitted["threshold"]
    feats = []
    for path in files:
        ctx = FeatureContext.build(simplified_view(read_path(path).text))
        feats += [featurize(ctx, c) for c in generate(ctx.view, set(ctx.bounds))]
    assert len(feats) > 1000
    ours = linear.probabilities(feats)
    theirs = fitted["pipeline"].predict_proba(feats)[:, 1]
    assert max(abs(a - b) for a, b in zip(ours, theirs)) < 1e-9


def test_model_scoring_imports_no_sklearn():
    import subprocess
    import sys

    code = ("import sys; from analyser import analyse; "
            "analyse('坚持“两不愁三保障”，做到搬得出、稳得住、有事做、能致富。'); "
            "print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


# --- noise among kept formulations (analyser.extract.slogans.noise) ---------------------------

@pytest.mark.parametrize("text,parts,quoted", [
    ("十个国家", [], False), ("八个方面", [], False), ("40条", [], False),  # counts
    ("十三五", [], False), ("十四五", [], False),  # plan periods are dates
    ("100元、150元", ["100元", "150元"], False),  # amounts
    ("长城、长征、黄河", ["长城", "长征", "黄河"], False), ("磷、煤、锰、氟", ["磷", "煤", "锰", "氟"], False),
    ("争取民权同盟", [], True), ("多", [], True),  # a quoted name of a body, a quoted character
])
def test_noise_is_dropped(text, parts, quoted):
    from analyser.extract.slogans.noise import is_noise

    assert is_noise(text, parts, quoted)


@pytest.mark.parametrize("text,parts,quoted", [
    ("三个代表", [], False), ("八项行动", [], False), ("两个中心", [], True),
    ("十三五", [], True),  # quoted, it is listed (the shared gold's convention)
    ("创新、协调、绿色、开放、共享", ["创新", "协调", "绿色", "开放", "共享"], False),
    ("获得感、幸福感、安全感", ["获得感", "幸福感", "安全感"], False),
    ("懂农业、爱农村、爱农民", ["懂农业", "爱农村", "爱农民"], False),
    ("政策、要素、平台、机制", ["政策", "要素", "平台", "机制"], False),
    ("管委会+运营公司", [], True),
])
def test_formulations_are_not_noise(text, parts, quoted):
    from analyser.extract.slogans.noise import is_noise

    assert not is_noise(text, parts, quoted)


def test_counts_and_name_lists_are_not_extracted():
    from analyser.extract.slogans import extract_slogans

    src = DocumentText.from_text("我国领导人出访了数十个国家。弘扬长城、长征、黄河精神，坚持创新、协调、绿色、开放、共享的发展理念。")
    found = [s.text for s in extract_slogans(src)]
    assert "十个国家" not in found and "长城、长征、黄河" not in found


# --- coined terms where they recur bare, quoted codes, clause runs -------------------------------

def test_a_term_only_this_document_quotes_is_not_taken_bare():
    # the extractor may see a long document a stretch at a time: a bare mention never depends on a
    # quote elsewhere in the document, only on the terms learned from the archive
    got = texts("要深化“亩均论英雄”改革。推进亩均论英雄改革，扩大试点。")
    assert [t for t in got if t[0] == "亩均论英雄"] == [("亩均论英雄", "quoted")]


def test_a_term_the_archive_quotes_is_found_bare():
    from analyser.extract.slogans.terms import learned_terms

    assert {"一国两制", "放管服", "三步走"} <= learned_terms()
    got = texts("坚持一国两制方针，深化放管服改革。")
    assert ("一国两制", "parallel") in got and ("放管服", "parallel") in got


def test_a_bare_term_inside_a_longer_formulation_is_not_listed_twice():
    got = texts("必须坚持“和平统一、一国两制”方针。")
    assert got == [("和平统一、一国两制", "quoted")]


def test_a_numbered_term_keeps_its_kind_bare():
    got = texts("牢固树立“四个意识”。全党要增强四个意识。")
    assert got.count(("四个意识", "numbered")) == 2


def test_terms_are_not_taken_inside_titles():
    assert not [t for t in texts("印发《关于深化放管服改革的意见》。") if t[0] == "放管服"]


def test_a_quoted_programme_code_is_a_formulation():
    assert ("415X", "quoted") in texts("深入实施“415X”先进制造业集群培育工程。")


def test_a_quoted_number_alone_is_not():
    assert not [t for t in texts("拨打“12345”。") if t[0] == "12345"]


def test_a_comma_after_a_word_ending_in_dao_is_no_speech():
    from analyser.extract.slogans.candidates import Candidate, looks_like_speech

    v = "走上了共同发展的宽广道路，“一国两制”实践取得成功。"
    a = v.index("“")
    assert not looks_like_speech(v, Candidate(a + 1, a + 5, "quote", outer=(a, a + 6)))
    v = "他高兴地说，“一国两制”好。"
    a = v.index("“")
    assert looks_like_speech(v, Candidate(a + 1, a + 5, "quote", outer=(a, a + 6)))


def test_even_comma_clauses_are_candidates():
    from analyser.extract.slogans.runs import clause_candidates

    v = "以马克思主义为指导，解放思想，实事求是，尊重群众的首创精神。（一）带量采购，以量换价。坚持自力更生，艰苦创业，为把我国建设好。"
    got = [(c.origin, v[c.start:c.end]) for c in clause_candidates(v)]
    assert got == [("even", "解放思想，实事求是"), ("even", "带量采购，以量换价"), ("even", "自力更生，艰苦创业")]


def test_a_clause_frame_starts_where_the_clauses_align():
    from analyser.extract.slogans.runs import clause_candidates

    v = "要和平不要战争，要发展不要贫穷，要合作不要对抗，是各国人民共同愿望。"
    got = [v[c.start:c.end] for c in clause_candidates(v)]
    assert "要和平不要战争，要发展不要贫穷，要合作不要对抗" in got


def test_a_list_ends_inside_a_member_that_runs_on():
    from analyser.extract.slogans.lists import list_candidates

    v = "我们坚信，香港同胞、澳门同胞不仅有智慧、有能力、有办法把特别行政区管理好、建设好。"
    assert [v[c.start:c.end] for c in list_candidates(v, None)] == ["有智慧、有能力、有办法"]


def test_a_list_sharing_an_ending_stops_before_a_joined_phrase_without_it():
    from analyser.extract.slogans.lists import list_candidates

    v = "基本建成教育强省、科技强省、人才强省和浙江特色现代化产业体系。"
    assert [v[c.start:c.end] for c in list_candidates(v, None)] == ["教育强省、科技强省、人才强省"]
    v = "推动经济建设、政治建设、文化建设、社会建设和生态文明建设。"
    assert [v[c.start:c.end] for c in list_candidates(v, None)] == ["经济建设、政治建设、文化建设、社会建设和生态文明建设"]


def test_word_classes_from_tag_letters_match_the_word_by_word_walk():
    """The per-document tag letters (one slice per span) give what walking the words gives."""
    from dataclasses import replace

    from analyser.extract.slogans.candidates import generate
    from analyser.extract.slogans.model import FeatureContext, featurize

    text = "按照“物理隔离、封闭运行、专款专用”的原则，确保搬得出、稳得住、有事做、能致富，推动交往交流交融。"
    fast = FeatureContext.build(text)
    slow = replace(fast, classes="")  # the walk, used when words overlap or a tag is empty
    assert fast.classes and not slow.classes
    for a in range(len(text)):
        for b in range(a, min(len(text), a + 12) + 1):
            assert fast.word_classes(a, b) == slow.word_classes(a, b)
    cands = generate(text, set(fast.bounds))
    assert cands
    for c in cands:
        fa, fb = featurize(fast, c), featurize(slow, c)
        assert fa == fb and list(fa) == list(fb)


def test_recurring_wordings_are_features():
    from analyser.extract.slogans.candidates import Candidate
    from analyser.extract.slogans.model import FeatureContext, featurize
    from analyser.extract.slogans.series import series_count

    v = "搞好调整、改革、整顿、提高。调整、改革、整顿、提高的方针。劳动力、设备、流动资金。"
    ctx = FeatureContext.build(v)
    first = featurize(ctx, Candidate(2, 13, "list", parts=((2, 4), (5, 7), (8, 10), (11, 13))))
    once = featurize(ctx, Candidate(29, 40, "list", parts=((29, 32), (33, 35), (36, 40))))
    # the archive holds the readjustment formula in several reports, the ad-hoc list in none other
    assert series_count("调整、改革、整顿、提高") >= 3 and first["series_3"] == 1
    assert series_count("劳动力、设备、流动资金") == 0 and once["series_docs"] == 0


# fmt: off
CANDIDATE_SOURCES = [
    # a quoted code of Latin letters and a plus sign naming what follows
    ("在重点领域打造一批“AI+”综合场景。", "quote", ["AI+"]),
]
# fmt: on


@pytest.mark.parametrize("text, origin, expected", CANDIDATE_SOURCES)
def test_candidate_sources(text: str, origin: str, expected: list[str]) -> None:
    from analyser.extract.slogans.candidates import generate

    found = [text[c.start:c.end] for c in generate(text) if c.origin == origin]
    assert sorted(found) == sorted(expected)


def test_joined_last_member_feature() -> None:
    from analyser.extract.slogans.candidates import generate
    from analyser.extract.slogans.model import FeatureContext, featurize

    text = "能源、交通、通信和原材料等基础产业。"
    ctx = FeatureContext.build(text)
    (c,) = [c for c in generate(text, set(ctx.bounds)) if c.origin == "list"]
    assert featurize(ctx, c)["joined_last"] == 1


# fmt: off
COINED_SOURCES = [
    # bare fixed formulations the archive repeats in policy frames, a 的 inside one
    ("坚持以经济建设为中心，全面贯彻总体国家安全观，坚持独立自主的和平外交政策。",
     ["以经济建设为中心", "总体国家安全观", "独立自主的和平外交政策"]),
    # a strategy named in its frame; a generic one is not
    ("加快实施走出去战略，实施国家战略。", ["走出去战略"]),
]
# fmt: on


@pytest.mark.parametrize("text, expected", COINED_SOURCES)
def test_coined_candidates(text: str, expected: list[str]) -> None:
    from analyser.extract.slogans.candidates import generate

    found = [text[c.start:c.end] for c in generate(text) if c.origin == "coined"]
    assert sorted(found) == sorted(expected)


def test_coined_mentions_skip_quotes_and_titles() -> None:
    from analyser.extract.slogans.coined import coined_candidates

    text = "《关于贯彻新发展理念的意见》提出“新发展理念”，要坚持新发展理念。"
    quoted = [(text.index("“"), text.index("”") + 1)]
    assert [c.start for c in coined_candidates(text, quoted, None)] == [text.rindex("新发展理念")]


def test_coined_list_is_mined_from_frames() -> None:
    import importlib.util

    path = Path(__file__).resolve().parents[3] / "models" / "build_slogan_coined.py"
    spec = importlib.util.spec_from_file_location("build_slogan_coined_for_test", path)
    miner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(miner)
    docs = [("坚持新发展理念，实施科教兴国战略，坚持改革开放。", str(1990 + i)) for i in range(4)]
    rows = {p for p, _, _ in miner.learn(docs, 4, 3)}
    # a named line by its head word; an ordinary policy object (改革开放) is not kept
    assert rows == {"新发展理念", "科教兴国战略"}
