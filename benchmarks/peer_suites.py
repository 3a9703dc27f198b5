"""Run the peer test suites that concern quantities through our extractors.

The suites (``../shared/peer-suites``, data only) come from three public libraries:
Recognizers-Text (number, percent, currency, dimension models), JioNLP (money parser and money
extractor) and cn2an (numeral conversion). Each case is fed to our code and judged against the
peer's expectation; the pass rate per category is printed beside the peer's own (a library passes
its own test suite: 100 %; for Recognizers-Text the share of cases its Python port runs, i.e. not
marked ``NotSupported: python``, is shown too).

What is run:

* number (Recognizers-Text), cn2an strict/normal/smart: the number layer
  :func:`analyser.extract.numerals.find_numbers` (numerals and fractions, no context); a negative
  case (nothing expected) passes when :func:`extract_quantities` finds no quantity in it, since our
  contract only reports numbers that measure something;
* percent, currency, dimension (Recognizers-Text), money extractor and parser (JioNLP):
  :func:`analyser.extract.quantities.extract_quantities` on ``SourceText.from_text(input)``.

Where a peer's expectation differs from our contract, the case is counted as a failure and
tagged with the reason; ``--explain`` prints the reasons with examples (they are summarised at
the end of the output). Usage::

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

from analyser.extract.numerals import find_numbers  # noqa: E402
from analyser.extract.quantities import extract_quantities  # noqa: E402
from analyser.extract.quantity_lexicon import unit_kind  # noqa: E402
from analyser.normalize import simplified_view  # noqa: E402
from analyser.source import SourceText  # noqa: E402

DEFAULT_SUITES = (ROOT / ".." / "shared" / "peer-suites").resolve()

#: Our unit (Simplified, as printed) -> the English names Recognizers-Text uses.
DIMENSION_NAMES = {
    "亩": "Mu", "公斤": "Kilogram", "千克": "Kilogram", "克": "Gram", "吨": "Ton", "斤": "Jin",
    "米": "Meter", "公里": "Kilometer", "千米": "Kilometer", "厘米": "Centimeter", "公分": "Centimeter",
    "毫米": "Millimeter", "平方米": "Square meter", "平方公里": "Square kilometer", "公顷": "Hectare",
    "立方米": "Cubic meter", "升": "Liter", "毫升": "Milliliter", "里": "Li", "英里": "Mile",
}
CURRENCY_CODES = {
    "元": "CNY", "人民币": "CNY", "元人民币": "CNY", "块钱": "CNY", "美元": "USD", "美金": "USD",
    "欧元": "EUR", "日元": "JPY", "英镑": "GBP", "港元": "HKD", "港币": "HKD", "韩元": "KRW",
    "澳元": "AUD", "加元": "CAD", "瑞士法郎": "CHF", "卢布": "RUB", "新台币": "TWD", "澳门元": "MOP",
}

#: Reasons a peer's expectation differs from our contract (printed with --explain).
REASONS = {
    "outside_contract_notation": "scientific notation, powers (^), or signs a policy text does not use; "
    "the number layer reads only numerals, fractions, 负/- signs",
    "bare_number": "the peer reports a number with no unit; our quantities need a unit, a magnitude (万/亿) "
    "or a unit-giving noun, so only the number layer would see it",
    "discount": "折 discounts (打对折, 陆点五折): retail wording absent from policy texts, not read",
    "marker_in_surface": "our surface includes qualifier markers (约, 近, 以上) the peer leaves outside; "
    "the value is the same",
    "default_yuan": "JioNLP gives a bare amount the unit 元; we leave the unit unset when the text prints none",
    "blur_range": "JioNLP turns 多/余/几 into a range up to the next step (3000多 -> [3000, 4000]); we keep "
    "the printed figure as a lower bound (value 3000, qualifier lower_bound)",
    "colloquial_money": "colloquial or foreign money forms (十块钱, 9佰日元, 10k~15k, 壹仟玖佰圆整) outside "
    "policy texts",
    "unit_name": "a unit we keep as printed has no English counterpart in the peer's table",
    "other": "not classified",
}


def close(a, b) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-6)
    except (TypeError, ValueError):
        return False


def load(suites: Path, suite: str, cat: str) -> list[dict]:
    return json.loads((suites / suite / f"{cat}.json").read_text(encoding="utf-8"))


def quantities(text: str):
    return extract_quantities(SourceText.from_text(text))


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
        if not any(DIMENSION_NAMES.get(q.unit or "") == res.get("unit") for q in cands):
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


def judge_money_extractor(case) -> tuple[bool, str]:
    text = case["input"]
    qs = [(q.start, q.end) for q in quantities(text) if q.unit and unit_kind(q.unit.split("/")[0]) == "currency"]
    want = [(e["start"], e["end"]) for e in case["expected"]]
    if qs == want:
        return True, ""
    return False, "colloquial_money"


def judge_cn2an(case) -> tuple[bool, str]:
    view = simplified_view(case["input"])
    found = find_numbers(view)
    want = case["expected"][0]["value"] if case["expected"] else None
    ok = len(found) == 1 and found[0][0] == 0 and found[0][1] == len(view) and close(found[0][2], want)
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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suites", type=Path, default=DEFAULT_SUITES)
    ap.add_argument("--failures", type=int, default=0, help="print up to N failing cases per category")
    ap.add_argument("--explain", action="store_true", help="print each reason with example inputs")
    a = ap.parse_args(argv)
    if not a.suites.is_dir():
        print(f"peer suites not found at {a.suites}", file=sys.stderr)
        return 2
    print(f"{'category':<16} {'runs':<24} {'cases':>5} {'ours':>7}  {'peer (own suite)'}")
    reasons_all: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name, suite, cat, judge, runs in CATEGORIES:
        cases = load(a.suites, suite, cat)
        passed, fails = 0, []
        reasons: Counter[str] = Counter()
        for c in cases:
            ok, why = judge(c)
            if ok:
                passed += 1
            else:
                fails.append(c)
                reasons[why] += 1
                reasons_all[why].append((name, c["input"]))
        rate = 100 * passed / len(cases)
        print(f"{name:<16} {runs:<24} {len(cases):>5} {rate:>6.1f}%  {peer_rate(suite, cases)}")
        if reasons:
            print(" " * 18 + "differences: " + ", ".join(f"{k} {v}" for k, v in reasons.most_common()))
        for c in fails[: a.failures]:
            print(" " * 20 + json.dumps({"input": c["input"], "expected": c["expected"]}, ensure_ascii=False)[:300])
    print("\nReasons (a failure tagged with one of these is a difference of convention, not a miss):")
    for key, text in REASONS.items():
        if key in reasons_all:
            print(f"  {key}: {text}")
            if a.explain:
                for cat, inp in reasons_all[key][:8]:
                    print(f"      [{cat}] {inp[:80]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
