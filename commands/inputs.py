"""Reading the files a user names on the command line (notes, drafts, references): clear errors, any encoding."""
from __future__ import annotations

from pathlib import Path

from common.errors import InputError

__all__ = ["read_text_file", "MAX_TEXT_BYTES"]

MAX_TEXT_BYTES = 5 * 1024 * 1024          # notes and drafts are a few KB; 5 MB is surely a wrong file


def read_text_file(path: str | Path, what_zh: str, what_en: str) -> str:
    """The file's text (UTF-8 with or without BOM, UTF-16, GBK/GB18030); InputError that names the file otherwise."""
    from retrieval.loaders import decode_bytes

    p = Path(path)
    if not p.exists():
        raise InputError(f"找不到{what_zh}文件：{p}", f"{what_en} file not found: {p}")
    if p.is_dir():
        raise InputError(f"{what_zh}应是一个文件，{p} 是文件夹", f"{what_en} must be a file; {p} is a folder")
    size = p.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise InputError(f"{what_zh}文件 {p.name} 太大（{size / 2**20:.1f} MB，上限 {MAX_TEXT_BYTES // 2**20} MB）",
                         f"{what_en} file {p.name} is too large ({size / 2**20:.1f} MB; limit {MAX_TEXT_BYTES // 2**20} MB)")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"无法读取{what_zh}文件 {p}：{exc.strerror}", f"cannot read {what_en} file {p}: {exc.strerror}")
    return decode_bytes(data, p.name) if data else ""
