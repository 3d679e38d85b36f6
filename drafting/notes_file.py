"""Reading the chair's notes file: UTF-8 (with or without BOM) or GB18030/GBK, as Windows editors save it."""
from __future__ import annotations

from pathlib import Path

from common.errors import InputError

__all__ = ["read_notes"]

_ENCODINGS = ("utf-8-sig", "gb18030")


def read_notes(path: str | Path) -> str:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"找不到笔记文件 {path}", f"notes file not found: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{path} 是文件夹，请给出笔记文件", f"{path} is a folder; give a notes file") from None
    except OSError as exc:
        raise InputError(f"无法读取笔记文件 {path}", f"cannot read the notes file {path}: {exc}") from None
    for encoding in _ENCODINGS:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError(f"笔记文件 {path} 的编码无法识别：请另存为 UTF-8 文本", f"cannot decode {path}: save it as UTF-8 text")
    if "\x00" in text:
        raise InputError(f"{path} 不是文本文件：请把笔记保存为 .txt", f"{path} is not a text file; save the notes as .txt")
    if not text.strip():
        raise InputError(f"笔记文件 {path} 是空的：请每行写一条事实", f"the notes file {path} is empty: write one fact per line")
    return text.replace("\r\n", "\n")
