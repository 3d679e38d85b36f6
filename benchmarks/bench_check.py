"""Number-check latency: drafts of 1k/5k/20k characters against 10/50/200 facts, plus the UI's case (3k, 30).

    python benchmarks/bench_check.py [--repeat 30]

'warm' is what the app sees after each edit (the facts' ledger is cached while the notes stay the same);
'cold' includes building the ledger. Target: ≤ 20 ms for 3k characters and 30 facts, growth close to linear.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.machine import machine_notes  # noqa: E402
from eval.check import _prepared, check_draft  # noqa: E402
from eval.facts import parse_facts  # noqa: E402

SUBJECTS = ["慰问困难教职工", "看望生病住院教职工", "组织教职工学习", "举办读书分享会", "开展健康讲座", "教代会代表巡视食堂",
            "征集提案", "新结对师徒", "参加技能比武", "发放慰问金", "组织疗休养", "开展谈心谈话", "走访退休教师", "举办趣味运动会"]
UNITS = ["人次", "次", "期", "场", "名", "条", "对", "件", "户"]
FILLER = ("工会坚持以习近平新时代中国特色社会主义思想为指导，深入学习党的二十届三中全会精神，增强“四个意识”、坚定“四个自信”、"
          "做到“两个维护”，落实一岗双责，围绕“十五五”规划，一是强化思想引领，二是做实服务保障，进一步凝聚共识。")


def make_case(n_facts: int, chars: int, seed: int = 7) -> tuple[list, str]:
    rnd = random.Random(seed)
    lines = []
    for i in range(n_facts):
        subject = f"{rnd.choice(SUBJECTS)}（第{i + 1}项）"
        lines.append(f"- {subject}{rnd.randint(2, 300)}{rnd.choice(UNITS)}，资金{rnd.randint(1, 90) / 10}万元")
    facts = parse_facts("\n".join(lines))
    body = "；".join(f.text for f in facts) + "。"
    text = body
    while len(text) < chars:
        text += FILLER
    return facts, text[:max(chars, len(body))]


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    print(machine_notes())
    print(f"{'draft chars':>11} {'facts':>5} {'warm p50':>9} {'warm p95':>9} {'cold p50':>9}  (ms)")
    cases = [(3000, 30)] + [(c, f) for c in (1000, 5000, 20000) for f in (10, 50, 200)]
    for chars, n in cases:
        facts, draft = make_case(n, chars)
        check_draft(draft, facts)                       # warm the cache
        warm = timed(lambda: check_draft(draft, facts), args.repeat)

        def cold():
            _prepared.cache_clear()
            check_draft(draft, facts)
        cold_times = timed(cold, max(3, args.repeat // 5))
        print(f"{len(draft):>11} {n:>5} {statistics.median(warm):>9.1f} {sorted(warm)[int(0.95 * (len(warm) - 1))]:>9.1f}"
              f" {statistics.median(cold_times):>9.1f}")


if __name__ == "__main__":
    main()
