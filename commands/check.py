"""`uniondraft check --facts FILE --draft FILE [--references FILE...] [--json]`: every figure of a draft against
the notes. Exit 1 when there are error-level findings."""
from __future__ import annotations

import argparse
import json
import sys

from commands.inputs import read_text_file

__all__ = ["register", "run", "draft_text"]

_LABELS = {"unsupported": "无据数字", "mismatch": "数字不符", "qualifier": "限定词变化", "arithmetic": "计算有误",
           "missing": "遗漏", "leak": "疑似照抄往年", "style": "写法不统一", "derived": "推算数字"}
_RED, _BOLD, _DIM, _RESET = "\033[31m", "\033[1m", "\033[2m", "\033[0m"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="核对：草稿中的数字是否与笔记一致 / check a draft's figures against the notes")
    p.add_argument("--facts", required=True, help="笔记文件（每行一条）/ the notes file, one fact a line")
    p.add_argument("--draft", required=True, help="草稿：文本文件，或 uniondraft draft 生成的 JSON / text or draft JSON")
    p.add_argument("--references", nargs="*", default=[], metavar="FILE",
                   help="参考的往年材料（查照抄的数字）/ past documents the draft drew on (to catch copied figures)")
    p.add_argument("--json", action="store_true", help="JSON 输出 / JSON output")
    p.set_defaults(run=run)


def draft_text(raw: str) -> tuple[str, list[str]]:
    """The text to check and the known texts (title, period, unit): a draft JSON is read as its full text."""
    stripped = raw.lstrip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError:
            return raw, []
        if isinstance(data, dict) and isinstance(data.get("sections"), list):
            parts = [str(data.get("title") or "")]
            for s in data["sections"]:
                if s.get("role", "body") not in ("opening", "closing"):    # 开头/结束语 are labels, not text
                    parts.append(str(s.get("heading") or ""))
                parts.append(str(s.get("text") or ""))
            known = [str(data.get(k) or "") for k in ("title", "period", "school")]
            return "\n".join(p for p in parts if p), known
    return raw, []


def run(args: argparse.Namespace) -> int:
    from eval.check import check_draft
    from eval.facts import parse_facts

    notes = read_text_file(args.facts, "笔记", "notes")
    text, known = draft_text(read_text_file(args.draft, "草稿", "draft"))
    references = [read_text_file(r, "参考材料", "reference") for r in args.references]
    facts = parse_facts(notes)
    result = check_draft(text, facts, references=references, known=known)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_human(text, facts, result, sys.stdout.isatty())
    return 1 if result.errors else 0


def _print_human(text: str, facts, result, color: bool) -> None:
    fact_text = {f.id: f.text for f in facts}
    errors = result.errors
    print(f"核对了草稿中的 {result.figures} 个数字、笔记中的 {result.facts} 条事实："
          + (f"发现 {len(errors)} 处问题。" if errors else "没有发现问题。"))
    print(f"Checked {result.figures} figures against {result.facts} facts: {len(errors)} problem(s).\n")
    for f in result.findings:
        head = f"[{_LABELS.get(f.kind, f.kind)} {f.kind}]" + ("" if f.level == "error" else "（提示 info）")
        print(f"{_BOLD if color else ''}{head}{_RESET if color else ''} {f.message}")
        if f.start is not None:
            a, b = _sentence_bounds(text, f.start, f.end)
            mark = (_RED + _BOLD, _RESET) if color else ("【", "】")
            print(f"    {text[a:f.start]}{mark[0]}{text[f.start:f.end]}{mark[1]}{text[f.end:b]}".replace("\n", " "))
            print(f"    {_DIM if color else ''}位置 offset {f.start}–{f.end}{_RESET if color else ''}")
        for fid in f.fact_ids:
            print(f"    笔记 {fid}：{fact_text.get(fid, '')}")
        print()


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    stops = "。；！？\n"
    a = max(text.rfind(c, 0, start) for c in stops) + 1
    ends = [i for i in (text.find(c, end) for c in stops) if i != -1]
    b = min(ends) + 1 if ends else len(text)
    return max(a, start - 60), min(b, end + 60)
