"""``benchmarks/clone_store.py``: a store grown by cloning, and a clone grown again, stays consistent."""
from __future__ import annotations

import sys
from pathlib import Path

from corpus_fakes import fake_analysis

from analyser.corpus.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from clone_store import clone

TEXTS = [
    "关于精准扶贫的通知\n来源：国务院 日期：2016-03-05\n坚持“精准扶贫”，易地扶贫搬迁到户，投入100万元。\n",
    "关于乡村振兴的意见\n来源：国务院 日期：2018-05-01\n实施乡村振兴战略，巩固脱贫攻坚成果。《关于推进的意见》\n",
    "没有日期的文件\n乡村振兴要久久为功，坚持精准扶贫。\n",
]


def test_a_clone_of_a_clone_has_unique_ids_and_consistent_tables(tmp_path):
    small = tmp_path / "small.db"
    with Store(small) as s:
        for t in TEXTS:
            s.add_analysis(fake_analysis(t))
    assert clone(small, tmp_path / "mid.db", 7) == 7
    assert clone(tmp_path / "mid.db", tmp_path / "large.db", 16) == 16
    with Store(tmp_path / "large.db", readonly=True) as s:
        ids = [r[0] for r in s._rows("SELECT id FROM documents")]
        assert len(ids) == len(set(ids)) == 16
        for term in ("精准扶贫", "乡村振兴", "易地扶贫搬迁", "脱贫攻坚"):
            page = s.term_timeline(term, limit=500)
            rows = s._term_rows(term)
            assert page["documents"] == rows and page["n_documents"] == len(rows) > 0
            assert page["n_occurrences"] == sum(r["count"] for r in rows)
        assert s.search("扶贫搬迁", limit=100)["items"]
