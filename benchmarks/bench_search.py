"""Search latency at 1k, 10k and 100k chunks: our hybrid search against a bare Chroma query on the same data.

Scale runs use random unit vectors (the dense model's speed is not what is measured) and chunk texts built from
the corpus's own sentences, so BM25 sees a realistic vocabulary. Query embedding is excluded from both timings.

    python benchmarks/bench_search.py [--sizes 1000 10000 100000] [--queries 50]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.machine import machine_notes, percentile  # noqa: E402
from common.settings import Settings  # noqa: E402
from retrieval.embeddings import EmbedderChoice  # noqa: E402
from retrieval.library import Library, corpus_files  # noqa: E402
from retrieval.store import make_client, open_collection  # noqa: E402

DIM = 384


class PrecomputedEmbeddings(Embeddings):
    """Random document vectors; query vectors computed before timing starts."""
    key = "bench-random-384"

    def __init__(self, seed: int = 0):
        self.rng = np.random.default_rng(seed)
        self.queries: dict[str, list[float]] = {}

    def _unit(self, n: int) -> np.ndarray:
        v = self.rng.standard_normal((n, DIM)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    def embed_documents(self, texts):
        return self._unit(len(texts)).tolist()

    def prepare(self, queries: list[str]) -> None:
        self.queries = {q: v.tolist() for q, v in zip(queries, self._unit(len(queries)))}

    def embed_query(self, text):
        return self.queries[text]


def sentence_pool() -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in corpus_files())
    return [s for s in re.split(r"(?<=[。！？；])|\n", text) if len(s.strip()) > 8]


def build(folder: Path, n: int, pool: list[str], emb: PrecomputedEmbeddings):
    client = make_client(folder)
    coll = open_collection(client, emb, emb.key)
    rng = random.Random(n)
    batch = 5000
    for start in range(0, n, batch):
        size = min(batch, n - start)
        texts = ["".join(rng.sample(pool, 4)) for _ in range(size)]
        metas = [{"doc_id": f"d{(start + i) // 12:06d}", "source": "bench.txt", "title": "bench", "school": "",
                  "year": 2020 + (start + i) % 7, "period": "", "kind": "plan" if i % 3 == 0 else "summary",
                  "part": 1, "n_chunks": 12, "heading": "一、测试", "index": (start + i) % 12, "tokens": 200}
                 for i in range(size)]
        coll.add(ids=[f"c{start + i:07d}" for i in range(size)], documents=texts, metadatas=metas,
                 embeddings=emb.embed_documents(texts))
    return coll


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--queries", type=int, default=50)
    args = ap.parse_args()
    qfile = Path(__file__).resolve().parent / "queries.jsonl"
    queries = [json.loads(l)["query"] for l in qfile.read_text(encoding="utf-8").splitlines() if l.strip()]
    queries = (queries * (args.queries // max(len(queries), 1) + 1))[: args.queries]
    pool = sentence_pool()
    print(f"machine: {machine_notes()}")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            emb = PrecomputedEmbeddings()
            t0 = time.perf_counter()
            coll = build(Path(tmp), n, pool, emb)
            built = time.perf_counter() - t0
            emb.prepare(sorted(set(queries)))
            lib = Library(coll, EmbedderChoice(emb, dense=True), Path(tmp))
            t0 = time.perf_counter()
            lib.search(queries[0], k=5)  # first search loads the BM25 index
            first = time.perf_counter() - t0
            ours, bare = [], []
            for q in queries:
                t0 = time.perf_counter()
                lib.search(q, k=5)
                ours.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                coll.query(query_embeddings=[emb.embed_query(q)], n_results=5, include=["documents", "metadatas"])
                bare.append((time.perf_counter() - t0) * 1000)
            print(f"{n:>7} chunks (built in {built:.0f} s; first search incl. BM25 index load {first * 1000:.0f} ms): "
                  f"hybrid p50 {percentile(ours, 50):.1f} ms p95 {percentile(ours, 95):.1f} ms | "
                  f"bare Chroma query p50 {percentile(bare, 50):.1f} ms p95 {percentile(bare, 95):.1f} ms")


if __name__ == "__main__":
    main()
