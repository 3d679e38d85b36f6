"""Draft files: JSON written atomically (temp file in the same folder, fsync, os.replace), read with clear errors.

A crash or a full disk mid-write leaves the previous draft file exactly as it was.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from common.errors import InputError
from drafting.types import Draft

__all__ = ["save_draft", "load_draft", "FORMAT_VERSION"]

FORMAT_VERSION = 1


def save_draft(draft: Draft, path: str | Path) -> Path:
    path = Path(path)
    data = {**draft.to_json(), "format": FORMAT_VERSION}
    text = json.dumps(data, ensure_ascii=False, indent=2)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"无法写入草稿文件 {path}：{exc.strerror or exc}", f"cannot write the draft file {path}: {exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise InputError(f"无法写入草稿文件 {path}：{exc.strerror or exc}", f"cannot write the draft file {path}: {exc}") from exc
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass
    return path


def load_draft(path: str | Path) -> Draft:
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"找不到草稿文件 {path}：请先用 uniondraft draft --out 生成", f"draft file not found: {path}; create it with `uniondraft draft --out`") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"无法读取草稿文件 {path}", f"cannot read the draft file {path}: {exc}") from None
    try:
        data = json.loads(raw)
        if not isinstance(data, dict) or not isinstance(data.get("sections"), list):
            raise ValueError("not a draft")
        return Draft.from_json(data)
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"草稿文件 {path} 已损坏或不是本工具生成的草稿（JSON 无法解析）",
                         f"the draft file {path} is corrupt or not a uniondraft draft ({exc})") from None
