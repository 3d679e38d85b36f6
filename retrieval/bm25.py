"""BM25 over character bigrams, with an inverted index so a query touches only the documents it matches.

Scores equal rank_bm25's BM25Okapi on the same tokens (tests compare them); rank_bm25 itself scans every
document for every query term, which is too slow at 100k chunks.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from typing import Sequence

import numpy as np

__all__ = ["bigrams", "BM25Index"]

_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?|[\u3400-\u9fff\uf900-\ufaff]+")


def bigrams(text: str) -> list[str]:
    """Tokens for Chinese retrieval: overlapping character bigrams of each CJK run (a lone character stays
    a unigram), and whole words for Latin letters and digits."""
    tokens: list[str] = []
    for run in _WORD.findall(text.lower()):
        if run[0].isascii():
            tokens.append(run)
        elif len(run) == 1:
            tokens.append(run)
        else:
            tokens.extend(run[i:i + 2] for i in range(len(run) - 1))
    return tokens


class BM25Index:
    def __init__(self, corpus_tokens: Sequence[Sequence[str]], k1: float = 1.5, b: float = 0.75, epsilon: float = 0.25):
        self.k1, self.b = k1, b
        self.size = len(corpus_tokens)
        lengths = np.array([len(t) for t in corpus_tokens], dtype=np.float32)
        self.avgdl = float(lengths.mean()) if self.size else 0.0
        postings: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        for doc, tokens in enumerate(corpus_tokens):
            for term, tf in Counter(tokens).items():
                docs, tfs = postings[term]
                docs.append(doc)
                tfs.append(tf)
        self._postings = {t: (np.array(d, dtype=np.int32), np.array(f, dtype=np.float32)) for t, (d, f) in postings.items()}
        self._norm = (self.k1 * (1 - self.b + self.b * lengths / self.avgdl)) if self.size else lengths
        self._idf = self._idfs(epsilon)

    def _idfs(self, epsilon: float) -> dict[str, float]:
        # BM25Okapi's idf: negative idfs are floored at epsilon * average idf.
        idf = {t: math.log(self.size - len(d) + 0.5) - math.log(len(d) + 0.5) for t, (d, _) in self._postings.items()}
        if not idf:
            return idf
        floor = epsilon * (sum(idf.values()) / len(idf))
        return {t: (v if v >= 0 else floor) for t, v in idf.items()}

    def scores(self, query_tokens: Sequence[str]) -> np.ndarray:
        out = np.zeros(self.size, dtype=np.float32)
        for term in query_tokens:  # repeated query terms count again, as in BM25Okapi
            hit = self._postings.get(term)
            if hit is None:
                continue
            docs, tfs = hit
            out[docs] += self._idf[term] * tfs * (self.k1 + 1) / (tfs + self._norm[docs])
        return out

    def top(self, query_tokens: Sequence[str], n: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Best n (doc index, score) with a positive score, optionally only where mask is True."""
        s = self.scores(query_tokens)
        if mask is not None:
            s = np.where(mask, s, 0.0)
        n = min(n, int(np.count_nonzero(s > 0)))
        if n <= 0:
            return []
        idx = np.argpartition(-s, n - 1)[:n]
        idx = idx[np.argsort(-s[idx], kind="stable")]
        return [(int(i), float(s[i])) for i in idx]
