"""`uniondraft export --draft DRAFT.json --format docx|md --out PATH` — a draft as a Word file (公文 layout) or
Markdown. The output is written atomically: an existing file is replaced only by a complete new one."""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from common.errors import InputError, UserError

__all__ = ["register", "run", "load_draft_file", "write_atomically"]

FORMATS = ("docx", "md")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="导出为 Word（公文格式）或 Markdown / export a draft as docx or Markdown")
    p.add_argument("--draft", required=True, help="草稿文件 / the draft JSON written by `uniondraft draft`")
    p.add_argument("--format", choices=FORMATS, help="docx 或 md（默认按 --out 的扩展名）/ default: from --out")
    p.add_argument("--out", help="输出文件（默认与草稿同名）/ output file (default: next to the draft)")
    p.add_argument("--date", help="落款日期，如 2026年1月23日（默认今天）/ the date under the signature (default today)")
    p.set_defaults(run=run)


def load_draft_file(path: str | Path):
    """The draft in a JSON file; InputError (Chinese + English) when it is missing or unreadable."""
    try:
        from drafting.draft_file import load_draft  # the drafting package's own reader, when present
    except ImportError:
        load_draft = None
    path = Path(path)
    if not path.is_file():
        raise InputError(f"找不到草稿文件：{path}", f"draft file not found: {path}")
    try:
        if load_draft is not None:
            return load_draft(path)
        from drafting.types import Draft

        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("sections"), list):
            raise ValueError("no sections")
        return Draft.from_json(data)
    except UserError:
        raise
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"草稿文件已损坏或不是草稿：{path}（{exc}）",
                         f"the draft file is corrupt or not a draft: {path} ({exc})") from exc


def write_atomically(path: str | Path, data: bytes) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _choose_format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    suffix = Path(args.out).suffix.lower().lstrip(".") if args.out else ""
    if suffix in ("docx", "md", "markdown"):
        return "md" if suffix == "markdown" else suffix
    if args.out:
        raise InputError(f"无法从文件名判断导出格式：{args.out}，请加 --format docx 或 --format md",
                         f"cannot tell the format from {args.out}; add --format docx or --format md")
    return "docx"


def run(args: argparse.Namespace) -> int:
    fmt = _choose_format(args)
    draft = load_draft_file(args.draft)
    out = Path(args.out) if args.out else Path(args.draft).with_suffix(f".{fmt}")
    if fmt == "docx":
        from drafting.export_docx import draft_to_docx
        data = draft_to_docx(draft, date=args.date)
    else:
        from drafting.export_markdown import draft_to_markdown
        data = draft_to_markdown(draft, date=args.date).encode("utf-8")
    try:
        write_atomically(out, data)
    except OSError as exc:
        raise InputError(f"无法写入 {out}：{exc.strerror or exc}", f"cannot write {out}: {exc.strerror or exc}") from exc
    print(f"已导出：{out} / exported", file=sys.stderr)
    print(str(out))
    return 0
