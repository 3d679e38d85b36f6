"""`uniondraft draft --facts FILE [--kind K] [--school S] [--period P] [--model SPEC] [--out DRAFT.json]` — the chair's
notes → a whole draft. Without --out the document text goes to stdout; progress always goes to stderr."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from common.errors import InputError
from common.settings import Settings
from drafting.types import KINDS

__all__ = ["register", "run", "progress_line", "report_findings"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("draft", help="根据笔记起草总结或计划 / draft a summary or plan from notes")
    p.add_argument("--facts", required=True, metavar="FILE", help="笔记文件（一行一条事实）/ the notes file, one fact a line")
    p.add_argument("--kind", choices=KINDS, default="semester-summary", help="文档类型 / document kind (default semester-summary)")
    p.add_argument("--school", default="", help="学校名称 / school name")
    p.add_argument("--period", default="", help="时段，如 2025-2026学年第一学期 / period")
    p.add_argument("--model", help="offline（默认）、deepseek:模型、qwen:模型、ollama:模型、openai:模型 / model spec (default $UNIONDRAFT_MODEL or offline)")
    p.add_argument("--out", metavar="DRAFT.json", help="保存草稿（JSON）/ save the draft as JSON")
    p.add_argument("--library", help="资料库文件夹 / library folder")
    p.add_argument("--concurrency", type=int, default=4, help="同时起草的节数 / sections drafted at once (default 4)")
    p.add_argument("--target-chars", type=int, default=400, help="每节目标字数 / target characters per section")
    p.add_argument("--outline", metavar="OUTLINE.json",
                   help="按编辑过的提纲起草（由 --show-outline 生成）/ draft from an edited outline (see --show-outline)")
    p.add_argument("--show-outline", action="store_true",
                   help="只输出提纲（JSON，可编辑后用 --outline 传回），不起草 / print the outline as JSON and stop")
    p.set_defaults(run=run)


def progress_line(done: int, total: int, heading: str, ok: bool = True) -> None:
    mark = "✓" if ok else "✗ 失败 / failed"
    print(f"[{done}/{total}] {heading} {mark}", file=sys.stderr, flush=True)


def report_findings(draft) -> int:
    """Warnings for sections that failed or whose figures disagree with the notes; returns the failed count."""
    failed = 0
    for s in draft.sections:
        if s.error:
            failed += 1
            print(f"✗ {s.heading}：{s.error}", file=sys.stderr)
        errors = [f for f in s.findings if f.get("level") == "error"]
        for f in errors:
            print(f"! {s.heading}：“{f['text']}” {f['message']}", file=sys.stderr)
    return failed


def run(args: argparse.Namespace) -> int:
    from drafting.draft_file import save_draft
    from drafting.layout import draft_plain_text
    from commands.inputs import read_text_file
    from drafting.pipeline import draft_document

    settings = Settings.from_env().with_library(args.library)
    notes = read_text_file(args.facts, "笔记", "notes")
    if args.show_outline:
        from drafting.pipeline import make_outline

        outline = [asdict(s) for s in make_outline(notes, args.kind)]
        print(json.dumps(outline, ensure_ascii=False, indent=2))
        return 0
    outline = _read_outline(args.outline) if args.outline else None
    model = args.model or settings.model
    if model.strip() == "offline":
        print("离线起草：不使用AI模型，正文由笔记中的事实按固定写法组织，数字与笔记一致。/ offline drafting (no AI model)",
              file=sys.stderr)
    draft = draft_document(notes, args.kind, args.school, args.period, model=model, settings=settings, outline=outline,
                           concurrency=args.concurrency, target_chars=args.target_chars, progress=progress_line)
    if draft.meta.get("library") == "none":
        print("提示：资料库为空或无法打开，本次没有参考往年文档；可先运行 uniondraft library init\n"
              "Note: no library documents were used; run `uniondraft library init` first", file=sys.stderr)
    failed = report_findings(draft)
    if args.out:
        path = save_draft(draft, args.out)
        print(f"草稿已保存：{path}（{len(draft.sections)} 节）/ draft saved")
        for n, section in enumerate(draft.sections, 1):    # the numbers `uniondraft regenerate --section N` takes
            print(f"  [{n}] {section.heading or section.id}")
    else:
        sys.stdout.write(draft_plain_text(draft, signature=True))
    return 1 if failed else 0


def _read_outline(path: str) -> list[dict]:
    from commands.inputs import read_text_file

    try:
        outline = json.loads(read_text_file(path, "提纲", "outline"))
        if not isinstance(outline, list) or not all(isinstance(s, dict) and s.get("id") and "heading" in s for s in outline):
            raise ValueError("not a list of sections")
    except ValueError as exc:
        raise InputError(f"提纲文件 {path} 格式不对：应是 --show-outline 输出的 JSON 列表（每节含 id 和 heading）",
                         f"outline file {path} is not valid: expected the JSON list that --show-outline prints ({exc})")
    return outline
