"""`uniondraft eval [--model SPEC] [--cases DIR] [--out REPORT.md] [--html REPORT.html] [--json]` — draft every
case in eval/cases and report number fidelity, fact coverage, heading hierarchy, length, style and time.
Exit 1 when any error-level number finding (or a failed case) turns up."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from common.settings import Settings

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="评测：用一组用例起草并打分 / score drafts over the eval cases")
    p.add_argument("--model", "-m", help="模型 / model spec (default: $UNIONDRAFT_MODEL or offline)")
    p.add_argument("--cases", help="用例文件夹 / cases folder (default: eval/cases)")
    p.add_argument("--only", action="append", metavar="ID", help="只跑这些用例（编号前缀，可多次）/ only these case ids")
    p.add_argument("--out", help="Markdown 报告 / write the Markdown report here (default: print it)")
    p.add_argument("--html", help="HTML 报告 / write an HTML report here")
    p.add_argument("--json", action="store_true", help="JSON 输出 / JSON on stdout")
    p.add_argument("--library", help="资料库文件夹 / library folder")
    p.add_argument("--no-library", action="store_true",
                   help="不用资料库（无范文、无风格分）/ draft without the library (no exemplars, no style score)")
    p.set_defaults(run=run)


def _progress(n: int, total: int, result) -> None:
    state = f"失败 failed: {result.failed[:60]}" if result.failed else \
        f"{result.chars} 字, 错误 {result.errors}, 覆盖 {result.coverage:.0%}, {result.seconds:.2f} s"
    print(f"[{n}/{total}] {result.id}  {state}", file=sys.stderr, flush=True)


def _open_library(settings: Settings, args: argparse.Namespace):
    if args.no_library:
        return None
    from retrieval.library import Library

    library = Library.open(settings)
    if library.notice and not args.json:
        print(f"提示：{library.notice[0]}\nNote: {library.notice[1]}", file=sys.stderr)
    if library.count_chunks() == 0:
        print("提示：资料库为空，起草没有范文，也无法计算风格相似度；先运行 `uniondraft library init`。\n"
              "Note: the library is empty: no exemplars and no style score. Run `uniondraft library init` first.",
              file=sys.stderr)
    return library


def _write(path: str, text: str) -> None:
    from commands.export import write_atomically

    write_atomically(Path(path), text.encode("utf-8"))
    print(f"已写入 / written: {path}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from eval.report import to_html, to_markdown
    from eval.suite import CASES_DIR, run_suite

    settings = Settings.from_env().with_library(args.library)
    model = args.model or settings.model or "offline"
    library = _open_library(settings, args)
    report = run_suite(model=model, cases_dir=args.cases or CASES_DIR, library=library, settings=settings,
                       only=args.only, progress=None if args.json else _progress)
    markdown = to_markdown(report)
    if args.out:
        _write(args.out, markdown)
    if args.html:
        _write(args.html, to_html(report))
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    elif not args.out:
        print(markdown)
    if report.errors or report.failed:
        print(f"数字错误 {report.errors} 处，失败用例 {report.failed} 个 / "
              f"{report.errors} error-level number findings, {report.failed} failed cases", file=sys.stderr)
        return 1
    return 0
