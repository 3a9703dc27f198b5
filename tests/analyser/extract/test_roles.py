"""Indicator concepts, modality (target / result), binding force and reference year of quantities."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyser import analyse
from analyser.extract.quantities.canonical import concepts, match_concept
from analyser.extract.quantities.modality import binding, modality, reference_year

GOLD = Path(__file__).resolve().parents[2] / "gold" / "modality" / "archive_windows.json"


@pytest.mark.parametrize(
    ("indicator", "unit", "concept"),
    [
        ("国内生产总值增长", "%", "gdp_growth"),
        ("地区生产总值增长", "%", "gdp_growth"),
        ("经济增长", "%", "gdp_growth"),
        ("GDP增长", "%", "gdp_growth"),
        ("国内生产总值比上年增长", "%", "gdp_growth"),
        ("國內生產總值增長", "%", "gdp_growth"),
        ("国内生产总值", "亿元", "gdp"),
        ("人均国内生产总值", "美元", "per_capita_gdp"),
        ("城镇新增就业", "人", "urban_new_jobs"),
        ("城镇调查失业率", "%", "surveyed_unemployment"),
        ("居民消费价格上涨", "%", "cpi"),
        ("单位国内生产总值能耗下降", "%", "energy_intensity"),
        ("农村贫困人口减少", "人", "poverty_reduction"),
        ("易地扶贫搬迁", "人", "poverty_relocation"),
        ("粮食产量", "吨", "grain_output"),
        ("赤字率", "%", "deficit_ratio"),
        ("农民人均纯收入实际增长", "%", "rural_income_growth"),
        ("服务业对经济增长贡献率", "%", None),
        ("工业增加值占地区生产总值比重", "%", None),
        ("国内生产总值", "公里", None),
    ],
)
def test_match_concept(indicator, unit, concept):
    found = match_concept(indicator, unit)
    assert (found.id if found else None) == concept


def test_vocabulary_is_well_formed():
    ids = [c.id for c in concepts()]
    assert len(ids) == len(set(ids)) >= 30
    assert all(c.unit_class in {"pct", "money", "people", "mass", "any"} and c.aliases for c in concepts())


def test_work_report_targets_and_results():
    text = ("各位代表：\n过去一年，国内生产总值增长6.6%，城镇新增就业1361万人。"
            "今年发展的主要预期目标是：国内生产总值增长6%—6.5%；城镇新增就业1100万人以上。")
    a = analyse(text, published="2019-03-05")
    got = {q.text: (q.canonical and q.canonical[0], q.modality, q.time) for q in a.quantities}
    assert got["6.6%"] == ("gdp_growth", "actual", "2018")
    assert got["1361万人"][:2] == ("urban_new_jobs", "actual")
    assert got["6%—6.5%"] == ("gdp_growth", "target", "2019")
    assert got["1100万人以上"][:2] == ("urban_new_jobs", "target")
    as_json = a.to_dict()["quantities"][0]
    assert as_json["modality"] == "actual"
    assert as_json["indicator"]["canonical"] == {"id": "gdp_growth", "label": "国内生产总值增长"}


def test_bare_growth_in_a_goal_enumeration_is_gdp_growth():
    text = "今年经济社会发展的主要预期目标是：增长5%左右，城镇新增就业1200万人以上，居民消费价格涨幅2%左右。"
    a = analyse(text, published="2025-03-05")
    got = {q.text: q.canonical and q.canonical[0] for q in a.quantities}
    assert got["5%左右"] == "gdp_growth" and got["2%左右"] == "cpi"


def test_modality_cues():
    v = "到2025年，森林覆盖率达到24.1%。截至2020年底，累计建成安置点3.5万个。今年拟发行建设国债1100亿元，比上年减少300亿元。"
    assert modality(v, v.index("24.1"), time="2025", published="2021-03-05") == "target"
    assert modality(v, v.index("3.5万"), time="2020-12-31", published="2021-07-05") == "actual"
    # a comparison with last year does not make a planned figure a result
    assert modality(v, v.index("300亿"), time="2003", published="2004-03-05") == "target"
    # a quoted formulation is no cue: 落实“两个确保”
    w = "为继续落实“两个确保”，2003年中央财政支出700亿元。"
    assert modality(w, w.index("700"), time="2003", published="2004-03-05") == "actual"
    assert modality("人民币汇率基本稳定在6.5", 10, time=None, published=None) is None


def test_binding_and_reference_year():
    v = "单位国内生产总值能耗降低13.5%（约束性），常住人口城镇化率提高到65%（预期性）。"
    assert binding(v, v.index("13.5"), v.index("13.5") + 5) == "binding"
    assert binding(v, v.index("65%"), v.index("65%") + 3) == "expected"
    assert reference_year("2021/2025", "target", "2021-03-12") == 2025
    assert reference_year(None, "target", "2026-01-27") == 2026
    assert reference_year(None, "actual", "2026-01-27") == 2025
    assert reference_year(None, "actual", "2018-07-01") is None


def test_modality_on_annotated_archive_windows(capsys):
    from conftest import shared_or_skip

    archive = shared_or_skip("corpus-real", "archive")
    from analyser.corpus.sidecar import read_sidecars
    from analyser.nlp.analysis import analyse_file

    items = json.loads(GOLD.read_text(encoding="utf-8"))["items"]
    files = sorted({str(archive / it["file"]) for it in items})
    meta = read_sidecars(files)
    pred = {}
    for f in files:
        for q in analyse_file(f, metadata=meta.get(f)).quantities:
            pred[(Path(f).name, q.start, q.end)] = q.modality
    right = sum(pred.get((it["file"], it["start"], it["end"])) == it["modality"] for it in items)
    with capsys.disabled():
        print(f"\nmodality on annotated archive windows: {right}/{len(items)} = {right / len(items):.3f}")
    assert right / len(items) >= 0.9, f"modality right for {right} of {len(items)}"
