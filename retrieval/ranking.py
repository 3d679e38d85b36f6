"""Pure ranking steps of hybrid search: reciprocal rank fusion, near-duplicate removal, spreading across documents."""
from __future__ import annotations

import math
from typing import Hashable, Sequence

from retrieval.bm25 import bigrams

__all__ = ["rrf_fuse", "drop_near_duplicates", "spread_across_documents", "RRF_K"]

RRF_K = 60


def rrf_fuse(rankings: Sequence[Sequence[Hashable]], k: int = RRF_K) -> list[tuple[Hashable, float]]:
    """Reciprocal rank fusion of several best-first id lists; scores scaled so 1.0 = first in every list."""
    scores: dict[Hashable, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank + 1)
    if not scores:
        return []
    best_possible = len([r for r in rankings if r]) / (k + 1)
    fused = sorted(scores.items(), key=lambda kv: -kv[1])
    return [(item, score / best_possible) for item, score in fused]


def _shingles(text: str) -> set[str]:
    return set(bigrams(text))


def drop_near_duplicates(items: Sequence[Hashable], texts: dict, threshold: float = 0.8) -> list[Hashable]:
    """Keep the first of any group of texts whose bigram Jaccard similarity is >= threshold."""
    kept: list[Hashable] = []
    kept_sets: list[set[str]] = []
    for item in items:
        s = _shingles(texts[item])
        if any(s and k and len(s & k) / len(s | k) >= threshold for k in kept_sets):
            continue
        kept.append(item)
        kept_sets.append(s)
    return kept


def spread_across_documents(items: Sequence[Hashable], doc_of: dict, k: int) -> list[Hashable]:
    """The best k items, at most ceil(k/2) from any one document while others are available."""
    cap = max(1, math.ceil(k / 2))
    chosen: list[Hashable] = []
    overflow: list[Hashable] = []
    per_doc: dict[str, int] = {}
    for item in items:
        doc = doc_of[item]
        if per_doc.get(doc, 0) < cap:
            chosen.append(item)
            per_doc[doc] = per_doc.get(doc, 0) + 1
        else:
            overflow.append(item)
        if len(chosen) == k:
            return chosen
    order = {item: i for i, item in enumerate(items)}
    return sorted(chosen + overflow[: k - len(chosen)], key=order.__getitem__)
