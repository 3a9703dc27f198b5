"""Short names a document defines for itself, and offices of the bodies it names.

* ``…协调委员会（以下简称协调委）``: the parenthesis right after an organisation defines a short
  name; every later mention of it (协调委确定, 协调委的作用) is that organisation. The short name
  must be two to eight Chinese characters, optionally quoted (（以下简称“协调委”）).
* An organisation followed by 办公室, 秘书处 or 办事处 names that office (国家粮食应急工作指挥部办公室,
  协调委办公室).

Examples
--------
>>> v = "组建北京奥运会协调委员会（以下简称协调委）。协调委每月召开例会，协调委办公室设在民航总局。"
>>> orgs = [(2, 12, "北京奥运会协调委员会")]
>>> [v[a:b] for a, b, _ in with_aliases(v, 0, len(v), orgs, set())]
['北京奥运会协调委员会', '协调委', '协调委', '协调委办公室']
"""
from __future__ import annotations

import re

__all__ = ["with_aliases"]

_DEFINED = re.compile(r"[（(](?:以下)?简称[“\"]?(?P<alias>[\u4e00-\u9fff]{2,8})[”\"]?[）)]")
_OFFICES = ("办公室", "秘书处", "办事处")


def with_aliases(
    view: str, lo: int, hi: int, orgs: list[tuple[int, int, str]], taken: set[int]
) -> list[tuple[int, int, str]]:
    """``orgs`` with the mentions of the short names they define and their offices, sorted.

    ``taken`` holds the offsets of the other entities (places, persons): a short name inside
    one of them is not a mention.
    """
    ends = {b: (a, b, norm) for a, b, norm in orgs}
    used = {p for a, b, _ in orgs for p in range(a, b)} | taken
    out = list(orgs)
    for m in _DEFINED.finditer(view, lo, hi):
        org = ends.get(m.start())
        if org is None:
            continue
        alias = m.group("alias")
        full = view[org[0]:org[1]]
        j = full.rfind(alias)
        rest = full[j + len(alias):j + len(alias) + 2] if j >= 0 else ""  # 协调委|员会: the full name again
        k = view.find(alias, lo, hi)
        while k >= 0:
            b = k + len(alias)
            if not any(p in used for p in range(k, b)) and not (rest and view.startswith(rest, b)):
                out.append((k, b, org[2]))
                used.update(range(k, b))
            k = view.find(alias, b, hi)
    extended = []
    for a, b, norm in out:
        office = next((w for w in _OFFICES if view.startswith(w, b) and b + len(w) <= hi), None)
        if office and not any(p in used for p in range(b, b + len(office))):
            extended.append((a, b + len(office), norm + office))
        else:
            extended.append((a, b, norm))
    return sorted(extended)
