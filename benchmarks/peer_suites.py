"""Run the peer test suites that concern quantities through our extractors.

The suites (``../shared/peer-suites``, data only) come from three public libraries:
Recognizers-Text (number, percent, currency, dimension models), JioNLP (money parser and money
extractor) and cn2an (numeral conversion). Each case is fed to our code and judged against the
peer's expectation; the pass rate per category is printed beside the peer's own (a library passes
its own test suite: 100 %; for Recognizers-Text the share of cases its Python port runs, i.e. not
marked ``NotSupported: python``, is shown too).

What is run:

* number (Recognizers-Text), cn2an strict/normal/smart: the number layer
  :func:`analyser.text.numerals.find_numbers` (numerals and fractions, no context); a negative
  case (nothing expected) passes when :func:`extract_quantities` finds no quantity in it, since our
  contract only reports numbers that measure something;
* percent, currency, dimension (Recognizers-Text), money extractor and parser (JioNLP):
  :func:`analyser.extract.quantities.extract_quantities` on ``DocumentText.from_text(input)``.

Where a peer's expectation differs from our contract, the case is counted as a failure and
tagged with the reason (:data:`REASONS`, printed at the end of every run; ``--explain`` lists
every failing case under its reason, case by case; the unclassified ones are always listed). Usage::

    python benchmarks/peer_suites.py [--suites ../shared/peer-suites] [--failures N] [--explain]
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyser.extract.quantities import extract_quantities
from analyser.extract.quantities.lexicon import unit_kind
from analyser.text.document import DocumentText
from analyser.text.normalize import simplified_view
from analyser.text.numerals import find_numbers

#: beside the project, or beside the folder holding it when the project is one of several working copies
DEFAULT_SUITES = next((p for p in (ROOT.parent / "shared" / "peer-suites", ROOT.parent.parent / "shared" / "peer-suites")
                       if p.is_dir()), (ROOT / ".." / "shared" / "peer-suites").resolve())

#: Our unit (Simplified, as printed) -> the English names Recognizers-Text uses.
DIMENSION_NAMES = {
    "亩": "Mu", "公斤": "Kilogram", "千克": "Kilogram", "克": "Gram", "吨": "Ton", "斤": "Jin",
    "米": "Meter", "公里": "Kilometer", "千米": "Kilometer", "厘米": "Centimeter", "公分": "Centimeter",
    "毫米": "Millimeter", "平方米": "Square meter", "平方公里": "Square kilometer", "公顷": "Hectare",
    "立方米": "Cubic meter", "升": "Liter", "毫升": "Milliliter", "里": "Li", "英里": "Mile",
    "cm": "Centimeter", "m": "Meter", "km": "Kilometer", "mm": "Millimeter", "kg": "Kilogram", "t": "Ton",
    "千瓦": "Kilowatt", "赫兹": "Hertz", "千卡": "Kilocalorie", "微克": "Microgram", "毫克": "Milligram",
}
CURRENCY_CODES = {
    "元": "CNY", "人民币": "CNY", "元人民币": "CNY", "块钱": "CNY", "美元": "USD", "美金": "USD",
    "欧元": "EUR", "日元": "JPY", "英镑": "GBP", "港元": "HKD", "港币": "HKD", "韩元": "KRW",
    "澳元": "AUD", "加元": "CAD", "瑞士法郎": "CHF", "卢布": "RUB", "新台币": "TWD", "澳门元": "MOP",
    "圆": "CNY", "块": "CNY", "台币": "TWD", "泰铢": "THB", "日币": "JPY",
}

#: Reasons a peer's expectation differs from our contract (printed with every run).
REASONS = {
    "spaced_numeral": "numerals broken by spaces that we do not read through: one or two spaces between numeral "
    "characters are read (三千 九百 六十五, 百 分 之2.4, 五 分之 一), but not runs of three or more, spaces inside a "
    "unit word (个 百 分 点, 六 点 五 成), spaces between Arabic numbers (1 4/3, 7 2 折: in a table these are "
    "separate cells), nor 两 as a decimal digit (两百点两)",
    "scientific_notation": "scientific notation and powers (2e5, 2^5) are read by the number layer; the "
    "quantity extractor does not report them (policy texts print 1.5×10⁴ only in technical annexes)",
    "zhao": "兆 is read as 10^12 only inside a numeral that goes on (五兆六十二亿); before a unit (兆瓦, 兆赫, "
    "兆字节) mainland usage makes it 'mega', so 1兆 alone is not 10^12",
    "dozen": "打 (dozen): in policy texts 打 is a verb (打赢, 打造, 打好); reading 一打 as 12 would misread them",
    "mixed_fraction": "leading-dot decimals (.5, ...9) and amounts joined by 又 across two currencies "
    "(两美元又三美分) are not read; mixed fractions (3又三分之一) are",
    "letter_multiplier": "k/w/M suffixes (40k, 30w, 2.5 M): not read, since in policy texts a digit before a "
    "Latin letter names a product or standard (4K超高清, 5G, 3D打印, 8K), never a thousand",
    "discount": "折/成 discounts the extractor leaves: 打对折, 半成/半折, spaced forms (十 成, 九 九 折); N成 up to "
    "十, 七成六, 三成半, N折 and two-digit 折 (75折) are read as per cents",
    "rare_fraction": "per-million fractions written other than 百万/千万/万万/亿分之N: not read",
    "range_reported": "the peer reports only the upper end of 5-20%; we report the range (lower 5, upper 20)",
    "unit_amount": "the peer's number model leaves an amount with a unit (一美元) to its unit models; our "
    "extractor reports it as a quantity",
    "bare_number": "the peer reports a number with no unit; our quantities need a unit, a magnitude (万/亿) or a "
    "unit-giving noun",
    "composite_money": "amounts in several currencies or colloquial forms (10日元5日本銭, 三块五) are not combined; "
    "元 with 角/毛 and 分 (50元6角三分, 五元三毛) is",
    "currency_symbol": "currency symbols or names alone ($20, ￥300, 人民币 美元 with no amount): not read",
    "colloquial_money": "colloquial or foreign money words outside policy texts (奈拉, 比特币, 日本銭, 两个亿), "
    "double units (三万元欧元, 9000元日币), a currency printed only before the amount (人民币车费601,293.11元), "
    "and the ambiguous 八到九百亿 (the peer reads 八亿; we read 八百亿)",
    "default_yuan": "JioNLP gives a bare amount the unit 元; we leave the unit unset when the text prints none",
    "blur_range": "JioNLP turns 多/余/几 into a range up to the next step (3000多 -> [3000, 4000]); we keep the "
    "printed figure as a lower bound (value 3000, qualifier lower_bound)",
    "prefix_currency": "currency named before the amount (港币两千九百六十元, 新台币 177.1 亿元): the unit printed "
    "after the number is kept",
    "unit_rescale": "the peer rescales to a larger unit (三千比特 -> 3 Kilobit); we keep the printed unit and value",
    "liang": "两 as a weight (二两): read as the numeral 2 in Chinese numbers, never as a unit (the weight 两 "
    "is absent from policy texts, the numeral is everywhere)",
    "unit_name": "a unit we keep as printed has no English counterpart in the peer's table",
    "cn2an_mode": "cn2an's strict mode rejects digit runs (一一) and bare 百十一 that its normal mode accepts; "
    "we read numerals as its normal/smart modes do",
    "percent_inner": "the peer's number model reports the numeral inside 百分之N; our number layer reads the whole "
    "百分之N as a per cent (its value N is given as a percentage by extract_quantities)",
    "vague_range": "two neighbouring digits before a magnitude (二三十个百分点, 百分之二三十) are a vague range in "
    "policy texts; we report it (lower 20, upper 30) where the peer reports nothing",
    "other": "not classified (listed in full with --explain)",
}


def tag_reason(cat: str, case: dict) -> str:
    """Why a failing case differs, from the shape of the input and the expectation."""
    text = simplified_view(case["input"])
    exp = " ".join(str(e.get("text", "")) for e in case.get("expected") or [])
    both = text + " " + exp
    if re.search(r"[\d〇零一二三四五六七八九十百千万亿两点分之个]\s+[\d〇零一二三四五六七八九十百千万亿两点分之个余几]",
                 simplified_view(exp) or text):
        return "spaced_numeral"
    if re.search(r"\d[eE][+\-－]?\d|\^", text):
        return "scientific_notation"
    if "兆" in both and cat != "dimension":
        return "zhao"
    if "打" in exp:
        return "dozen"
    if "又" in exp or re.search(r"(?<!\d)\.\d", text):
        return "mixed_fraction"
    if re.search(r"\d\s*[kKwWmM](?![a-zA-Z])", text) and cat not in ("dimension",):
        return "letter_multiplier"
    if re.search(r"[折成]", exp) and cat == "percent":
        return "discount"
    if re.search(r"[百千万]+万分之|百万分之|千万分之", text):
        return "rare_fraction"
    if cat == "percent" and re.search(r"\d\s*[-—~～]\s*\d+\s*%", text):
        return "range_reported"
    if cat == "cn2an_invalid":
        return "cn2an_mode"
    if not case.get("expected") and re.search(r"(?:两三|二三|三四|三五|四五|五六|六七|七八|八九)[十百千万亿]", text):
        return "vague_range"
    if cat == "number" and "分之" in text and "百分之" in text:
        return "percent_inner"
    if cat == "number" and not case["expected"]:
        return "unit_amount" if quantities(case["input"]) else "other"
    if re.search(r"[角毛]|美分|元\d|又", exp):
        return "composite_money"
    if re.search(r"[$￥¥]", text) or (cat == "currency" and any(e["resolution"].get("value") is None for e in case["expected"])):
        return "currency_symbol"
    if cat.startswith("money") and re.search(r"^(?:港币|新台币|人民币|美金)", text.strip()):
        return "prefix_currency"
    if cat == "money_parser" and re.search(r"[多余几]", text):
        return "blur_range"
    if cat == "money_parser" and not re.search(r"[元圆币镑铢卢比索块钱]", text):
        return "default_yuan"
    if cat == "dimension" and re.search(r"比特|字节|兆", text):
        return "unit_rescale"
    if cat == "dimension" and text.rstrip().endswith("两"):
        return "liang"
    if cat in ("currency", "money_parser", "money_extractor"):
        return "colloquial_money"
    return "other"


#: Inputs that read like policy text (the peer-suites README's definition).
POLICY_RE = re.compile(r"(?:约|近|超过|逾)\s*[\d一二三四五六七八九十两百千万]|[\d一二三四五六七八九十百千万]\s*(?:余|多|以上)")


def close(a, b) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-6)
    except (TypeError, ValueError):
        return False


def load(suites: Path, suite: str, cat: str) -> list[dict]:
    return json.loads((suites / suite / f"{cat}.json").read_text(encoding="utf-8"))


def quantities(text: str):
    return extract_quantities(DocumentText.from_text(text))


def overlaps(a0, a1, b0, b1) -> bool:
    return a0 < b1 and b0 < a1


# --------------------------------------------------------------------------- judges
def judge_number(case) -> tuple[bool, str]:
    text = case["input"]
    if not case["expected"]:
        return (not quantities(text)), "bare_number"
    found = find_numbers(simplified_view(text))
    for e in case["expected"]:
        want = e["resolution"].get("value")
        if not any(overlaps(a, b, e["start"], e["end"]) and close(v, want) for a, b, v in found):
            if re.search(r"[eE^]|\d+\.\d+\.\d+|[a-zA-Z]", text):
                return False, "outside_contract_notation"
            return False, "other"
    return True, ""


def _pct_value(v: str) -> float:
    return float(v.rstrip("%"))


def judge_percent(case) -> tuple[bool, str]:
    text = case["input"]
    qs = [q for q in quantities(text) if q.unit in ("%", "百分点")]
    if not case["expected"]:
        return not qs, "other"
    for e in case["expected"]:
        want = _pct_value(e["resolution"]["value"])
        if not any(overlaps(q.start, q.end, e["start"], e["end"]) and close(q.value, want) for q in qs):
            if "折" in e["text"]:
                return False, "discount"
            return False, "other"
    return True, ""


def judge_currency(case) -> tuple[bool, str]:
    text = case["input"]
    qs = [q for q in quantities(text) if q.unit and unit_kind(q.unit) == "currency"]
    if not case["expected"]:
        return not qs, "other"
    for e in case["expected"]:
        res = e["resolution"]
        ok = any(
            overlaps(q.start, q.end, e["start"], e["end"]) and close(q.value, res.get("value"))
            and CURRENCY_CODES.get(q.unit) in (res.get("isoCurrency"), None)
            for q in qs
        )
        if not ok:
            return False, "colloquial_money" if not re.search(r"元|美元|欧元|英镑|日元|港", e["text"]) else "other"
    return True, ""


def judge_dimension(case) -> tuple[bool, str]:
    text = case["input"]
    qs = quantities(text)
    if not case["expected"]:
        return not qs, "other"
    for e in case["expected"]:
        res = e["resolution"]
        cands = [q for q in qs if overlaps(q.start, q.end, e["start"], e["end"])]
        if not any(close(q.value, res.get("value")) for q in cands):
            return False, "other"
        if not any(DIMENSION_NAMES.get((q.unit or "").lower(), DIMENSION_NAMES.get(q.unit or "")) == res.get("unit")
                   for q in cands):
            return False, "unit_name"
    return True, ""


_DEF = {"accurate": {"exact"}, "blur": {"approx", "lower_bound", "range"}, "blur+": {"lower_bound"},
        "blur-": {"upper_bound", "approx"}}


def judge_money_parser(case) -> tuple[bool, str]:
    text = case["input"]
    exp = case["expected"][0] if case["expected"] else None
    qs = quantities(text)
    if exp is None:
        return not qs, "other"
    if not qs:
        return False, "colloquial_money"
    q = max(qs, key=lambda x: x.end - x.start)
    num = exp["num"]
    if isinstance(num, list):
        lo, hi = float(num[0]), float(num[1])
        value_ok = (close(q.lower, lo) and close(q.upper, hi)) or (q.qualifier == "lower_bound" and close(q.value, lo))
        if not value_ok:
            return False, "blur_range" if q.qualifier in ("lower_bound", "approx") else "other"
    elif not close(q.value, num):
        return False, "other"
    if q.unit is None:
        return False, "default_yuan"
    if CURRENCY_CODES.get(q.unit) != CURRENCY_CODES.get(exp["case"], exp["case"]):
        return False, "colloquial_money"
    if q.qualifier not in _DEF.get(exp["definition"], {q.qualifier}):
        return False, "blur_range" if exp["definition"] == "blur" else "other"
    return True, ""


def printed_value_agrees(case) -> bool:
    """A blurred amount (3000多, 大约十多欧元) that the peer turns into a range: our value is the printed
    figure, the range's lower end. The policy column counts this as agreement on the value; the
    case stays a failure of the strict columns, under its reason (blur_range)."""
    exp = case["expected"][0] if case["expected"] else None
    qs = quantities(case["input"])
    if exp is None or not qs or not isinstance(exp["num"], list):
        return False
    q = max(qs, key=lambda x: x.end - x.start)
    return q.qualifier in ("lower_bound", "approx") and close(q.value, float(exp["num"][0])) \
        and CURRENCY_CODES.get(q.unit or "") == CURRENCY_CODES.get(exp["case"], exp["case"])


def judge_money_extractor(case) -> tuple[bool, str]:
    text = case["input"]
    qs = [(q.start, q.end) for q in quantities(text) if q.unit and unit_kind(q.unit.split("/")[0]) == "currency"]
    want = [(e["start"], e["end"]) for e in case["expected"]]
    if qs == want:
        return True, ""
    return False, "colloquial_money"


_RMB_TAIL = re.compile(r"[元圆]?[整正]?$")


def judge_cn2an(case) -> tuple[bool, str]:
    view = simplified_view(case["input"])
    found = find_numbers(view)
    want = case["expected"][0]["value"] if case["expected"] else None
    ok = bool(found) and found[0][0] == 0 and close(found[0][2], want) and (
        found[0][1] == len(view) or _RMB_TAIL.fullmatch(view[found[0][1]:]) is not None
    )
    if not ok and re.search(r"[角分]", view):
        return False, "composite_money"
    return ok, "" if ok else "other"


def judge_cn2an_invalid(case) -> tuple[bool, str]:
    view = simplified_view(case["input"])
    found = find_numbers(view)
    ok = not (len(found) == 1 and found[0][0] == 0 and found[0][1] == len(view))
    return ok, "" if ok else "other"


CATEGORIES = [
    # name, suite, file, judge, what runs
    ("number", "recognizers-text", "number", judge_number, "numbers layer"),
    ("percent", "recognizers-text", "percent", judge_percent, "extract_quantities"),
    ("currency", "recognizers-text", "currency", judge_currency, "extract_quantities"),
    ("dimension", "recognizers-text", "dimension", judge_dimension, "extract_quantities"),
    ("money_parser", "jionlp", "money_parser", judge_money_parser, "extract_quantities"),
    ("money_extractor", "jionlp", "money_extractor", judge_money_extractor, "extract_quantities"),
    ("cn2an_strict", "cn2an", "cn2an_strict", judge_cn2an, "numbers layer"),
    ("cn2an_normal", "cn2an", "cn2an_normal", judge_cn2an, "numbers layer"),
    ("cn2an_smart", "cn2an", "cn2an_smart", judge_cn2an, "numbers layer"),
    ("cn2an_invalid", "cn2an", "cn2an_invalid", judge_cn2an_invalid, "numbers layer (rejects)"),
]


def peer_rate(suite: str, cases: list[dict]) -> str:
    if suite != "recognizers-text":
        return "100.0%"
    ported = [c for c in cases if "python" not in str((c.get("meta") or {}).get("NotSupported", "")).lower()]
    return f"100.0% (python port {100 * len(ported) / len(cases):.1f}%)"


def run_category(suites: Path, name: str, suite: str, cat: str, judge):
    """Judge every case of one category: the cases, the number passed, the failing cases (each with
    its reason under ``_why``), the reasons counted, and the policy column (cases, passed, and the
    inputs counted as agreeing on the printed value)."""
    cases = load(suites, suite, cat)
    passed, fails = 0, []
    reasons: Counter[str] = Counter()
    pol_n = pol_ok = 0
    pol_fair: list[str] = []
    for c in cases:
        ok, why = judge(c)
        if not ok and why in ("", "other", "colloquial_money", "bare_number", "outside_contract_notation"):
            why = tag_reason(name, c)
        if POLICY_RE.search(c["input"]):
            pol_n += 1
            fair = not ok and why == "blur_range" and name == "money_parser" and printed_value_agrees(c)
            pol_ok += ok or fair
            if fair:
                pol_fair.append(c["input"])
        if ok:
            passed += 1
        else:
            fails.append({**c, "_why": why})
            reasons[why] += 1
    return cases, passed, fails, reasons, (pol_n, pol_ok, pol_fair)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suites", type=Path, default=DEFAULT_SUITES)
    ap.add_argument("--failures", type=int, default=0, help="print up to N failing cases per category")
    ap.add_argument("--explain", action="store_true", help="list every failing case under its reason")
    a = ap.parse_args(argv)
    if not a.suites.is_dir():
        print(f"peer suites not found at {a.suites}", file=sys.stderr)
        return 2
    print(f"{'category':<16} {'runs':<24} {'cases':>5} {'ours':>7} {'agreed':>7} {'policy':>7}  {'peer (own suite)'}")
    print(" " * 48 + "agreed = ours on the cases whose expectation our contract shares (failures tagged 'other' count)")
    print(" " * 48 + "policy = ours on the policy-like inputs (约/近/超过/逾 before a number, 余/多/以上 after one);")
    print(" " * 48 + "         a blurred amount counts when our value is the printed figure, the peer's lower end")
    reasons_all: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name, suite, cat, judge, runs in CATEGORIES:
        cases, passed, fails, reasons, (pol_n, pol_ok, pol_fair) = run_category(a.suites, name, suite, cat, judge)
        for c in fails:
            reasons_all[c["_why"]].append((name, c["input"]))
        rate = 100 * passed / len(cases)
        agreed_n = len(cases) - sum(v for k, v in reasons.items() if k != "other")
        agreed = f"{100 * passed / agreed_n:6.1f}%" if agreed_n else "    n/a"
        policy = f"{100 * pol_ok / pol_n:6.1f}%" if pol_n else "    n/a"
        print(f"{name:<16} {runs:<24} {len(cases):>5} {rate:>6.1f}% {agreed} {policy}  {peer_rate(suite, cases)}")
        if reasons:
            print(" " * 18 + "differences: " + ", ".join(f"{k} {v}" for k, v in reasons.most_common()))
        if pol_fair:
            print(" " * 18 + "policy column: the printed figure equals the peer's lower end (blur_range): " + ", ".join(pol_fair))
        for c in fails[: a.failures]:
            print(" " * 20 + json.dumps({"input": c["input"], "expected": c["expected"]}, ensure_ascii=False)[:300])
    print("\nWhy the failing cases differ (every failure is tagged; 'other' ones are listed):")
    for key, text in REASONS.items():
        if key in reasons_all:
            print(f"  {key} ({len(reasons_all[key])}): {text}")
            if a.explain or key == "other":
                for cat, inp in reasons_all[key]:
                    print(f"      [{cat}] {inp[:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
