"""Terminal front door: `uniondraft library|draft|regenerate|check|export|eval`.

Thin: each subcommand lives in commands/<name>.py with register(subparsers) and run(args) -> int.
Exit codes: 0 ok, 1 findings or a user-fixable problem (message on stderr, Chinese and English), 2 usage.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from common.errors import UserError

COMMANDS = ["library", "draft", "regenerate", "check", "export", "eval"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="uniondraft", description="工会总结助手 / union summary drafting assistant")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"commands.{name}":
                raise
            continue  # not built yet
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except UserError as exc:
        print(f"错误：{exc.zh}\nError: {exc.en}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断 / interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
