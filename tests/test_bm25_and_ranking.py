"""BM25 over character bigrams, and the pure steps of hybrid ranking."""
from __future__ import annotations

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from retrieval.bm25 import BM25Index, bigrams
from retrieval.ranking import drop_near_duplicates, rrf_fuse, spread_across_documents

DOCS = [
    "工会组织教职工开展趣味运动会，参与率达95%以上。",
    "召开五届二次教代会，审议通过绩效工资分配方案。",
    "春节前走访慰问困难教职工12人次，送去慰问金1.2万元。",
    "庆祝“三八”妇女节，组织女教职工健康讲座。",
    "加强工会经费管理，坚持民主理财，账目公开。",
]


@pytest.mark.parametrize("text, expected", [
    ("教代会", ["教代", "代会"]),
    ("会", ["会"]),
    ("2025年 PDF", ["2025", "年", "pdf"]),
    ("参与率95%以上", ["参与", "与率", "95", "以上"]),
    ("", []),
])
def test_bigrams(text, expected):
    assert bigrams(text) == expected


@pytest.mark.parametrize("query", ["慰问困难教职工", "教代会 绩效工资", "妇女节", "经费 民主理财", "不存在的词语"])
def test_scores_equal_rank_bm25(query):
    tokens = [bigrams(d) for d in DOCS]
    ours = BM25Index(tokens).scores(bigrams(query))
    reference = BM25Okapi(tokens).get_scores(bigrams(query))
    np.testing.assert_allclose(ours, reference, rtol=1e-5, atol=1e-6)


def test_top_respects_mask_and_skips_zero_scores():
    index = BM25Index([bigrams(d) for d in DOCS])
    assert [i for i, _ in index.top(bigrams("慰问困难教职工"), 3)][0] == 2
    mask = np.array([True, True, False, True, True])
    assert 2 not in [i for i, _ in index.top(bigrams("慰问困难教职工"), 5, mask)]
    assert index.top(bigrams("完全无关"), 5) == []


def test_empty_index():
    assert BM25Index([]).top(["工会"], 5) == []


def test_rrf_rewards_agreement():
    fused = dict(rrf_fuse([["a", "b", "c"], ["b", "a", "d"]]))
    assert fused["a"] == fused["b"] > fused["c"] > 0
    assert max(fused.values()) <= 1.0
    assert rrf_fuse([["x"], ["x"]])[0] == ("x", 1.0)
    assert rrf_fuse([[], []]) == []


def test_near_duplicates_dropped_keeping_the_first():
    texts = {"a": DOCS[2], "b": DOCS[2].replace("12人次", "13人次"), "c": DOCS[0]}
    assert drop_near_duplicates(["a", "b", "c"], texts) == ["a", "c"]


def test_spread_across_documents_caps_one_document_while_others_exist():
    doc_of = {"a1": "A", "a2": "A", "a3": "A", "a4": "A", "b1": "B", "c1": "C"}
    order = ["a1", "a2", "a3", "a4", "b1", "c1"]
    assert spread_across_documents(order, doc_of, 4) == ["a1", "a2", "b1", "c1"]
    # when nothing else is left, the same document may fill the list
    assert spread_across_documents(["a1", "a2", "a3"], doc_of, 3) == ["a1", "a2", "a3"]
