"""`uniondraft regenerate --draft DRAFT.json --section N [--instruction TEXT] [--model SPEC]` — rewrite one section;
the file is written back atomically and every other section stays exactly as it was."""
from __future__ import annotations

import argparse
import sys

from common.settings import Settings

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("regenerate", help="重新生成某一节 / rewrite one section of a draft")
    p.add_argument("--draft", required=True, metavar="DRAFT.json", help="草稿文件 / the draft file")
    p.add_argument("--section", required=True, help="第几节（从 1 数起，开头算第 1 节）或节编号 s3 / section number (1-based) or id")
    p.add_argument("--instruction", help="要求：更简洁、更正式、突出成效、补充细节或自由文字 / instruction")
    p.add_argument("--model", help="模型（默认沿用草稿的模型）/ model spec (default: the draft's)")
    p.add_argument("--library", help="资料库文件夹 / library folder")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from drafting.draft_file import load_draft, save_draft
    from drafting.regenerate import number_diff, regenerate_section

    settings = Settings.from_env().with_library(args.library)
    draft = load_draft(args.draft)
    new = regenerate_section(draft, args.section, args.instruction, model=args.model, settings=settings)
    save_draft(new, args.draft)
    ref = args.section
    old_section, section = draft.section(ref), new.section(ref)
    print(section.heading if section.role not in ("opening", "closing") else f"（{section.heading}）")
    print(section.text)
    diff = number_diff(old_section.text, section.text)
    if not diff.same:
        print(f"数字变化 / figures changed: 删去 {list(diff.removed)}，新增 {list(diff.added)}", file=sys.stderr)
    errors = [f for f in section.findings if f.get("level") == "error"]
    for f in errors:
        print(f"! “{f['text']}” {f['message']}", file=sys.stderr)
    return 0
