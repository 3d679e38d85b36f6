"""How well the number checker finds planted errors: micro precision/recall over eval/number_cases/*.jsonl.

    python benchmarks/bench_checker_quality.py [--cases PATH ...] [--verbose] [--json]

Every case holds notes, a draft, optional references and the ERROR-level findings a perfect checker gives
(kind + the figure as written in the draft; for `missing`, as written in the notes). Each case is run through
parse_facts + check_draft and its error-level findings are matched one-to-one with the expected ones:
  strict  same kind and same text;
  loose   text only, any kind; a text also matches when one contains the other (spaces ignored) and the
          shorter is not the tail of a longer number: "五届三次" ~ "五届三次教代会", "15人" ~ "不少于15人",
          but "5名" !~ "15名".
Case texts give a figure with every qualifier attached to it, before, inside or after (不少于15人, 5万余元,
95%以上, 近40篇); a figure whose qualifier was dropped is given bare (85%).
Precision counts every error-level finding; info findings (style, accepted derived figures) are ignored.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.machine import machine_notes  # noqa: E402

CASES = Path(__file__).resolve().parent.parent / "eval" / "number_cases"


def load_cases(paths: list[Path]) -> list[dict]:
    files = [f for p in paths for f in (sorted(p.glob("*.jsonl")) if p.is_dir() else [p])]
    return [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


_NUMERAL = r"[\d.〇零一二三四五六七八九十百千万亿两]"


def _same_text(a: str, b: str, loose: bool) -> bool:
    a, b = "".join((a or "").split()), "".join((b or "").split())
    if a == b or not (loose and a and b):
        return a == b
    short, long_ = sorted((a, b), key=len)   # contained, but not as the tail of a longer number (5名 in 15名)
    return re.search(f"(?<!{_NUMERAL}){re.escape(short)}(?!{_NUMERAL})", long_) is not None


def match(expected: list[dict], predicted: list[dict], loose: bool) -> tuple[list[dict], list[dict]]:
    """One-to-one greedy matching; returns (unmatched expected, unmatched predicted)."""
    left = list(predicted)
    misses = []
    for e in expected:
        hit = next((p for p in left if _same_text(e["text"], p["text"], loose)
                    and (loose or e["kind"] == p["kind"])), None)
        if hit is None:
            misses.append(e)
        else:
            left.remove(hit)
    return misses, left


def run_checker(cases: list[dict]) -> tuple[dict[str, list[dict]], float]:
    from eval.check import check_draft          # imported here: the checker may not exist yet when
    from eval.facts import parse_facts          # this file is read for load_cases/match/score
    out, t0 = {}, time.perf_counter()
    for c in cases:
        result = check_draft(c["draft"], parse_facts(c["notes"]), tuple(c.get("references", ())))
        out[c["id"]] = [{"kind": f.kind, "text": f.text or "", "message": getattr(f, "message", "")}
                        for f in result.findings if getattr(f, "level", "error") == "error"]
    return out, time.perf_counter() - t0


def _pr(tp: int, n_pred: int, n_exp: int) -> dict:
    return {"tp": tp, "predicted": n_pred, "expected": n_exp,          # None: nothing to divide by
            "precision": tp / n_pred if n_pred else None, "recall": tp / n_exp if n_exp else None}


def score(cases: list[dict], predicted: dict[str, list[dict]]) -> dict:
    totals = {m: [0, 0, 0] for m in ("strict", "loose")}            # tp, predicted, expected
    by_cat = defaultdict(lambda: [0, 0, 0])
    by_kind = defaultdict(lambda: [0, 0, 0])
    misses, alarms, noisy_clean = [], [], 0
    for c in cases:
        exp, pred = c["expected"], predicted[c["id"]]
        for mode in totals:
            m, _ = match(exp, pred, loose=mode == "loose")
            totals[mode][0] += len(exp) - len(m)
            totals[mode][1] += len(pred)
            totals[mode][2] += len(exp)
        m, fa = match(exp, pred, loose=False)
        cat = by_cat[c["category"]]
        cat[0] += len(exp) - len(m); cat[1] += len(pred); cat[2] += len(exp)
        for e in exp:
            by_kind[e["kind"]][2] += 1
            by_kind[e["kind"]][0] += e not in m
        for p in pred:
            by_kind[p["kind"]][1] += 1
        for e in m:   # what the checker said about the same figure, if anything
            near = next((p for p in pred if _same_text(e["text"], p["text"], True)), None)
            said = f"checker: {near['kind']} {near['text']} {near['message']}" if near else "checker: nothing"
            misses.append({"case": c["id"], **e, "message": said})
        alarms += [{"case": c["id"], **p} for p in fa]
        noisy_clean += not exp and bool(pred)
    return {"cases": len(cases),
            "clean_cases_with_false_alarms": noisy_clean,
            "clean_cases": sum(not c["expected"] for c in cases),
            **{mode: _pr(*v) for mode, v in totals.items()},
            "by_category": {k: _pr(*v) for k, v in sorted(by_cat.items())},
            "by_kind": {k: _pr(*v) for k, v in sorted(by_kind.items())},
            "misses": misses, "false_alarms": alarms}


def _row(label: str, r: dict) -> str:
    p, rc = (f"{r[k]:.3f}" if r[k] is not None else "  -  " for k in ("precision", "recall"))
    return (f"  {label:22s} P {p}  R {rc}"
            f"   (tp {r['tp']}, predicted {r['predicted']}, expected {r['expected']})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, nargs="+", default=[CASES], help="jsonl files or directories")
    ap.add_argument("--verbose", "-v", action="store_true", help="list misses and false alarms")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    args = ap.parse_args()
    cases = load_cases(args.cases)
    predicted, seconds = run_checker(cases)
    report = score(cases, predicted)
    report.update(machine=machine_notes(), seconds=round(seconds, 3))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    print(f"machine: {report['machine']}")
    print(f"cases: {report['cases']} ({report['clean_cases']} clean), checked in {seconds:.2f} s "
          f"({1000 * seconds / max(1, len(cases)):.1f} ms/case)")
    print(f"clean cases with a false alarm: {report['clean_cases_with_false_alarms']}")
    print("micro, error-level findings:")
    print(_row("strict (kind + text)", report["strict"]))
    print(_row("loose (text only)", report["loose"]))
    print("by category (strict):")
    for k, r in report["by_category"].items():
        print(_row(k, r))
    print("by kind (strict; precision by predicted kind, recall by expected kind):")
    for k, r in report["by_kind"].items():
        print(_row(k, r))
    if args.verbose:
        print("misses (expected, not found with the same kind and text):")
        for m in report["misses"]:
            print(f"  {m['case']:16s} {m['kind']:12s} {m['text']}  ({m['message']})")
        print("false alarms (error findings matching no expected one):")
        for f in report["false_alarms"]:
            print(f"  {f['case']:16s} {f['kind']:12s} {f['text']}  {f['message']}")


if __name__ == "__main__":
    main()
